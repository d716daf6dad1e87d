"""Never a 500, never an exception, for anything a visitor can type or put in
a URL — on every engine (property-based, hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engines.base import SearchRequest
from search.params import search_request

from .corpus import SITE

NASTY = [
    '"',
    '"unbalanced',
    "(скобки",
    "NEAR(a b)",
    "a AND b OR NOT c",
    "*",
    "^",
    "title:пространство",
    "a:b:c",
    "\x00",
    "😀🏙️",
    "עברית العربية",
    "'; DROP TABLE search; --",
    "SELECT * FROM wagtailcore_page",
    "x" * 10_000,
    "-",
    "--",
    "- -",
    '""',
    "\\",
    "%_",
    "пространство & | ! < > :*",
]

query_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))
facet_values = st.lists(
    st.one_of(st.sampled_from(["almaty", "talk", "2019", "", "\x00", "x" * 500]), st.text(max_size=40)),
    max_size=5,
)


@pytest.mark.parametrize("text", NASTY)
def test_nasty_queries(filled, text):
    request = SearchRequest(query=text, locale="ru", site_id=SITE, filters={"city": [text[:50]]})
    response = filled.search(request)
    assert response.total >= 0
    filled.suggest(text, locale="ru", site_id=SITE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=query_text, values=facet_values, sort=st.sampled_from(["relevance", "date"]), page=st.integers(1, 5)
)
def test_any_query_and_filters(filled, text, values, sort, page):
    request = SearchRequest(
        query=text, locale="ru", site_id=SITE, filters={"topic": values, "year": values}, sort=sort, page=page
    )
    response = filled.search(request)
    assert response.page == page
    assert all(result.url for result in response.results)
    filled.suggest(text, locale="ru", site_id=SITE)


@settings(max_examples=100, deadline=None)
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "page", "sort", "per_page", "type", "topic", "year", "lang", "zzz"]),
        st.text(max_size=60),
        max_size=8,
    )
)
def test_parameters_always_make_a_valid_request(params):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in params.items():
        query[key] = value
    request = search_request(query, locale="ru", site_id=1)
    assert 1 <= request.page <= 1000
    assert request.sort in ("relevance", "date")
    assert "\x00" not in request.query

"""Reading a search request's query string. Whatever arrives — unknown
parameters, non-numbers, out-of-range pages, NUL bytes, thousands of values —
becomes a valid SearchRequest; nothing here raises."""

from django.conf import settings

from .documents import FACETS
from .engines.base import MAX_PAGE, PER_PAGE, SORTS, SearchRequest
from .query import clean

MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 100
LANGUAGES = {code for code, _ in settings.LANGUAGES}


def positive_int(value, default: int, maximum: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), maximum)


def facet_values(params, name: str) -> list[str]:
    values = []
    for value in params.getlist(name)[:MAX_VALUES_PER_FACET]:
        value = clean(value)[:MAX_VALUE_LENGTH]
        if value and value not in values:
            values.append(value)
    return values


def search_request(params, *, locale: str, site_id: int) -> SearchRequest:
    sort = params.get("sort", "relevance")
    return SearchRequest(
        query=clean(params.get("q", "")),
        locale=locale if locale in LANGUAGES else settings.LANGUAGE_CODE,
        site_id=site_id,
        filters={name: values for name in FACETS if (values := facet_values(params, name))},
        sort=sort if sort in SORTS else "relevance",
        page=positive_int(params.get("page"), 1, MAX_PAGE),
        per_page=positive_int(params.get("per_page"), PER_PAGE, 50),
    )

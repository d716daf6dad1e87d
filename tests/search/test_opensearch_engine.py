"""What only the OpenSearch engine does: aliases, mappings, the choice of
client, and never failing on what a visitor types (against osmem, or the
cluster named by SEARCH_TEST_URL)."""

import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opensearchpy import OpenSearch

from search.engines.base import SearchRequest
from search.engines.opensearch import Cluster, ClusterError, OpenSearchEngine, detect_product, read_query

from .corpus import SITE, corpus, doc


@pytest.fixture
def engine(opensearch_url):
    instance = OpenSearchEngine(opensearch_url, index_prefix=f"test-{uuid.uuid4().hex[:8]}")
    instance.clear()
    yield instance
    instance.drop()


def search(engine, query, **kwargs):
    return engine.search(SearchRequest(query=query, locale="ru", site_id=SITE, **kwargs))


def ids(response):
    return [result.id for result in response.results]


# --- the choice of client -----------------------------------------------------------

OPENSEARCH_2 = {
    "version": {"distribution": "opensearch", "number": "2.19.1"},
    "tagline": "The OpenSearch Project: https://opensearch.org/",
}
OPENSEARCH_AS_7 = {
    "version": {"number": "7.10.2"},
    "tagline": "The OpenSearch Project: https://opensearch.org/",
}
OSMEM = {
    "cluster_name": "osmem",
    "version": {"distribution": "opensearch", "number": "3.8.0", "build_hash": "osmem"},
    "tagline": "The OpenSearch Project: https://opensearch.org/",
}
ELASTICSEARCH_8 = {
    "version": {"number": "8.17.0", "build_flavor": "default"},
    "tagline": "You Know, for Search",
}
ELASTICSEARCH_9 = {
    "version": {"number": "9.1.0", "build_flavor": "default"},
    "tagline": "You Know, for Search",
}
ELASTICSEARCH_7 = {
    "version": {"number": "7.17.0", "build_flavor": "default"},
    "tagline": "You Know, for Search",
}


@pytest.mark.parametrize(
    ("info", "product"),
    [
        (OPENSEARCH_2, ("opensearch", "2.19.1")),
        (OPENSEARCH_AS_7, ("opensearch", "7.10.2")),
        (OSMEM, ("opensearch", "3.8.0")),
        (ELASTICSEARCH_8, ("elasticsearch", "8.17.0")),
        (ELASTICSEARCH_9, ("elasticsearch", "9.1.0")),
    ],
)
def test_product_detection(info, product):
    assert detect_product(info) == product


@pytest.mark.parametrize("info", [ELASTICSEARCH_7, {}, {"version": {"number": "banana"}}])
def test_unsupported_servers_are_refused_clearly(info):
    with pytest.raises(ClusterError, match="Unsupported search server"):
        detect_product(info)


def test_osmem_is_talked_to_with_the_opensearch_client(engine):
    assert engine.cluster.product == "opensearch"
    assert isinstance(engine.cluster.client, OpenSearch)


@pytest.mark.parametrize("info", [ELASTICSEARCH_8, ELASTICSEARCH_9])
def test_elasticsearch_is_talked_to_with_the_elasticsearch_client(monkeypatch, info):
    from elasticsearch import Elasticsearch

    monkeypatch.setattr(OpenSearch, "info", lambda self, **kwargs: info)
    cluster = Cluster("http://127.0.0.1:9")  # nothing listens; the clients connect lazily
    assert cluster.product == "elasticsearch"
    assert isinstance(cluster.client, Elasticsearch)


def test_creating_the_engine_needs_no_server():
    engine = OpenSearchEngine("http://127.0.0.1:9", index_prefix="nowhere", timeout=0.5)
    health = engine.health()
    assert health["engine"] == "opensearch" and health["ok"] is False and health["error"]


def test_known_differences_do_not_depend_on_the_server(engine):
    # osmem's gaps are covered by equivalents every server has, so no
    # behaviour case is excused, on osmem or on a real cluster.
    assert engine.known_differences == {}


# --- the index --------------------------------------------------------------------------


def test_mapping_has_russian_english_and_folded_forms(engine):
    (definition,) = engine.cluster.client.indices.get(index=engine.alias).values()
    properties = definition["mappings"]["properties"]
    for name in ("title", "summary", "people", "topics", "body", "transcript", "document"):
        assert properties[name]["analyzer"] == "folded"
        assert properties[name]["fields"]["ru"]["analyzer"] == "russian_folded"
        assert properties[name]["fields"]["en"]["analyzer"] == "english_folded"
    assert properties["passages"]["type"] == "nested"
    assert properties["passages"]["properties"]["text"]["fields"].keys() == {"ru", "en"}
    assert properties["facets"]["properties"]["topic"]["type"] == "keyword"
    assert properties["suggest"]["type"] == "completion"
    analysis = definition["settings"]["index"]["analysis"]
    filters = {name: spec["type"] for name, spec in analysis["char_filter"].items()}
    # ё and the Kazakh letters are folded by a mapping char filter, or, on
    # servers that ignore those (osmem), by one pattern_replace per letter.
    if engine._mapping_char_filter_works():
        assert filters["fold_letters"] == "mapping"
    else:
        assert sum(kind == "pattern_replace" for kind in filters.values()) >= 10


def test_rebuild_swaps_the_alias_and_keeps_serving(engine):
    engine.index(corpus())
    (old,) = engine.cluster.aliased(engine.alias)
    seen_during_rebuild = []

    def documents():
        yield doc(50, "Велодорожки", body="Новые велодорожки.")
        # Halfway through, visitors still search the old index.
        seen_during_rebuild.append(ids(search(engine, "складов")))
        yield doc(51, "Самокаты", body="Прокат самокатов.")

    assert engine.rebuild(documents(), batch_size=1) == 2
    assert seen_during_rebuild == [[1]]
    (new,) = engine.cluster.aliased(engine.alias)
    assert new != old
    assert old not in engine.cluster.matching(f"{engine.alias}-*")
    assert engine.indexed_ids() == {50, 51}
    assert ids(search(engine, "велодорожки")) == [50]


def test_a_failed_rebuild_leaves_the_old_index_serving(engine):
    engine.index(corpus())
    before = engine.cluster.matching(f"{engine.alias}-*")

    def documents():
        yield doc(50, "Велодорожки")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(documents(), batch_size=1)
    assert engine.cluster.matching(f"{engine.alias}-*") == before
    assert ids(search(engine, "складов")) == [1]


def test_clear_and_drop(engine):
    engine.index(corpus())
    engine.clear()
    assert engine.indexed_ids() == set()
    assert search(engine, "").total == 0
    engine.drop()
    assert engine.cluster.aliased(engine.alias) == []
    assert engine.cluster.matching(f"{engine.alias}-*") == []
    assert search(engine, "складов").total == 0  # no index: nothing found, no error
    assert engine.indexed_ids() == set()
    engine.delete([1])  # nothing to delete, no error


def test_indexed_ids_pages_through_everything(engine):
    engine.index(doc(1000 + n, f"Заметка {n}", day=date(2019, 1, 1)) for n in range(1205))
    assert engine.indexed_ids() == {1000 + n for n in range(1205)}
    assert engine.health()["count"] == 1205


def test_writes_are_searchable_at_once(engine):
    engine.index([doc(60, "Трамваи")])
    assert ids(search(engine, "трамваи")) == [60]
    engine.delete([60, 12345])
    assert search(engine, "трамваи").total == 0


# --- queries --------------------------------------------------------------------------


def test_read_query_keeps_words_as_typed():
    query = read_query('Парки "креативный квартал" -музыка -"старые склады" и the "Ёлки" "одно')
    # An odd number of quotes: every quote is plain text, as in parse_query.
    assert query.words == ["Парки", "креативный", "квартал", "старые", "склады", "Ёлки", "одно"]
    assert query.phrases == []
    assert query.excluded == ["музыка"]
    query = read_query('Парки "креативный квартал" -музыка -"старые склады" и "Ёлки"')
    assert query.words == ["Парки", "Ёлки"]
    assert query.phrases == ["креативный квартал"]
    assert query.excluded == ["музыка", "старые склады"]
    assert read_query("парки ПАРКИ -парки").excluded == []


def test_queries_never_use_a_syntax_the_server_parses(engine):
    body = engine._search_body(
        SearchRequest(query='a:b OR (c AND "d e") -f *:* ~2', locale="ru", site_id=SITE),
        read_query('a:b OR (c AND "d e") -f *:* ~2'),
        False,
        0,
        10,
    )
    text = str(body)
    assert "query_string" not in text and "simple_query_string" not in text


def test_every_facet_asks_for_all_its_buckets(engine):
    body = engine._search_body(
        SearchRequest(query="", locale="ru", site_id=SITE), read_query(""), False, 0, 10
    )
    sizes = [agg["aggs"]["values"]["terms"]["size"] for agg in body["aggs"].values()]
    assert len(sizes) == 8 and min(sizes) >= 1000


def test_hits_are_capped_at_three_and_link_to_their_time(engine):
    transcript = [(float(n * 10), f"Про велосипеды, часть {n}.") for n in range(6)]
    engine.index([doc(70, "Доклад", type="talk", transcript=transcript)])
    (result,) = search(engine, "велосипеды").results
    assert len(result.hits) == 3
    assert all(
        hit.kind == "transcript" and hit.url == f"{result.url}?t={int(hit.start)}" for hit in result.hits
    )


def test_kazakh_words_find_transcript_passages_by_their_beginning(engine):
    transcript = [(3.0, "Сәлеметсіздер ме!"), (12.5, "Алматы қаласының көшелері туралы.")]
    engine.index([doc(80, "Баяндама", locale="kk", language="kk", type="talk", transcript=transcript)])
    (result,) = engine.search(SearchRequest(query="қала", locale="kk", site_id=SITE)).results
    (hit,) = result.hits
    assert hit.start == 12.5 and hit.url.endswith("?t=12")
    assert "<mark>қаласының</mark>" in hit.snippet


def test_spelling_suggestion_keeps_capitals_and_ignores_right_words(engine):
    engine.index(corpus())
    assert search(engine, "Пространсвто").suggestion == "Пространство"
    assert search(engine, "пространствами").suggestion == ""  # another form of an indexed word
    kazakh = engine.search(SearchRequest(query="қаласы", locale="kk", site_id=SITE))
    assert 6 in ids(kazakh) and kazakh.suggestion == ""  # the beginning of "қаласының"


def test_suggest_ignores_input_without_words(engine):
    engine.index(corpus())
    assert engine.suggest("😀", locale="ru", site_id=SITE) == []
    assert engine.suggest("", locale="ru", site_id=SITE) == []
    assert engine.suggest("\x00\x1f", locale="ru", site_id=SITE) == []


def test_any_input_is_answered(engine):
    engine.index(corpus())

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.one_of(
            st.text(max_size=200),
            st.text(alphabet='"-()[]{}:*~^\\/ \x00אבג😀ёқ', max_size=50),
            st.just("ы" * 10_000),
        )
    )
    def answers(text):
        response = search(engine, text)
        assert response.total >= 0 and len(response.results) <= 10
        assert isinstance(engine.suggest(text, locale="ru", site_id=SITE), list)

    answers()

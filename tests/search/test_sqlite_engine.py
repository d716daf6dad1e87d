"""What only the SQLite FTS5 engine has to get right: FTS5 syntax in user
input stays inert, the index lives in the caller's transaction, the
contentless FTS table is kept consistent on replace and delete, the in-memory
facet bitmaps never go stale, and its fast paths agree with the slow ones."""

import importlib
from datetime import date

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import analysis, spelling
from search.documents import FIELDS
from search.engines import base, facets, sqlite
from search.engines.base import SearchRequest
from search.engines.sqlite import Plan, SQLiteEngine
from search.query import parse_query

from .corpus import SITE, corpus, doc


@pytest.fixture
def sqlite_engine(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite engine only")
    engine = SQLiteEngine()
    engine.clear()
    yield engine
    engine.clear()


@pytest.fixture
def filled(sqlite_engine):
    sqlite_engine.index(corpus())
    return sqlite_engine


def search(engine, query, locale="ru", **kwargs):
    return engine.search(SearchRequest(query=query, locale=locale, site_id=SITE, **kwargs))


def ids(response):
    return [result.id for result in response.results]


def fts_rowids(term: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM search_sqlite_fts WHERE search_sqlite_fts MATCH %s", [sqlite.fts_quote(term)]
        )
        return [row[0] for row in cursor.fetchall()]


# --- FTS5 syntax is never syntax ----------------------------------------------------


def test_fts5_operators_in_queries_are_words(sqlite_engine):
    sqlite_engine.index(
        [
            doc(1, "Parking near the river", body="Bicycle parking near the river bank.", locale="en"),
            doc(2, "River bank", body="Bicycle parking on the other bank.", locale="en"),
        ]
    )
    # NEAR(...) would be a proximity query; here "near" is a word item 2 lacks.
    assert ids(search(sqlite_engine, "NEAR(parking river)", locale="en")) == [1]
    # A column filter would search titles only; here "title" is a word nobody has.
    response = search(sqlite_engine, "title:bank", locale="en")
    assert response.fallback and set(ids(response)) == {1, 2}
    # OR / AND / NOT are words (or stop words), never operators.
    assert set(ids(search(sqlite_engine, "bicycle OR nothing", locale="en"))) == {1, 2}
    assert search(sqlite_engine, "river NOT bank", locale="en").total == 2


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.text(max_size=80), st.sampled_from(['a"b', "NEAR(x y, 2)", "x:*", "^a", "a + b", "(a", '" OR "'])
    )
)
def test_every_match_expression_is_valid_fts5(filled, text):
    plan = Plan.of(parse_query(text), known=set(), kazakh_items=True)
    with connection.cursor() as cursor:
        for expression in filter(None, [plan.expression(every=True) if plan.parts else "", plan.excluded]):
            cursor.execute(
                "SELECT count(*) FROM search_sqlite_fts WHERE search_sqlite_fts MATCH %s", [expression]
            )


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=60))
def test_quoting_keeps_any_text_one_string(text):
    quoted = sqlite.fts_quote(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    assert quoted[1:-1].replace('""', "").count('"') == 0


# --- the caller's transaction -----------------------------------------------------------


def test_rolled_back_transaction_rolls_back_the_index_and_its_facet_counts(filled):
    before = search(filled, "")
    with pytest.raises(RuntimeError), transaction.atomic():
        filled.index([doc(50, "Велосипедные дорожки", body="Велосипед и город.", city="atyrau", type="talk")])
        inside = search(filled, "велосипед")
        assert ids(inside) == [50]
        assert {b.value: b.count for b in inside.facets["city"]} == {"atyrau": 1}
        raise RuntimeError("the publish failed")
    assert 50 not in filled.indexed_ids()
    assert search(filled, "велосипед").total == 0
    after = search(filled, "")
    assert after.total == before.total
    assert "atyrau" not in {b.value for b in after.facets["city"]}
    assert {b.value: b.count for b in after.facets["type"]} == {
        b.value: b.count for b in before.facets["type"]
    }


def test_committed_delete_inside_a_transaction_stays(filled):
    with transaction.atomic():
        filled.delete([5])
    assert 5 not in filled.indexed_ids()
    assert 5 not in ids(search(filled, "звуков"))


# --- replacing and deleting ---------------------------------------------------------------


def test_reindexing_an_id_replaces_every_trace_of_it(sqlite_engine):
    sqlite_engine.index([doc(1, "Старый заголовок", body="Прежний текст про трамваи.", topics=["old-topic"])])
    sqlite_engine.index([doc(1, "Новый заголовок", body="Другой текст про автобусы.", topics=["new-topic"])])
    assert sqlite_engine.indexed_ids() == {1}
    assert fts_rowids("трамва") == [] and fts_rowids("автобус") == [1]
    assert search(sqlite_engine, "трамваи").total == 0
    assert ids(search(sqlite_engine, "автобусы")) == [1]
    topics = {bucket.value for bucket in search(sqlite_engine, "").facets["topic"]}
    assert topics == {"new-topic"}
    assert not sqlite_engine.suggest("Стар", locale="ru", site_id=SITE)
    assert "Новый заголовок" in sqlite_engine.suggest("Нов", locale="ru", site_id=SITE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT term, count FROM search_sqlite_vocab WHERE term IN ('трамва', 'автобус')")
        assert dict(cursor.fetchall()) == {"автобус": 1}


def test_the_last_version_of_an_id_in_one_batch_wins(sqlite_engine):
    sqlite_engine.index([doc(7, "Первый", body="яблоко"), doc(7, "Второй", body="груша")])
    assert sqlite_engine.indexed_ids() == {7}
    assert search(sqlite_engine, "яблоко").total == 0 and ids(search(sqlite_engine, "груша")) == [7]


def test_delete_removes_the_fts_row_and_vocabulary(filled):
    assert 2 in fts_rowids("ливерпул")
    filled.delete([2, 12345, -1])
    assert fts_rowids("ливерпул") == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_sqlite_vocab WHERE term = 'ливерпул'")
        assert cursor.fetchone()[0] == 0


def test_rebuild_replaces_everything(filled):
    count = filled.rebuild([doc(60, "Только это", body="Единственный материал.")])
    assert count == 1 and filled.indexed_ids() == {60}
    assert filled.health() == {"engine": "sqlite", "ok": True, "count": 1}


# --- fast paths agree with slow ones ------------------------------------------------------


@pytest.mark.parametrize("sort", ["relevance", "date"])
@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("", {}),
        ("", {"city": ["almaty", "liverpool"], "type": ["case-study"]}),
        ("пространство", {"city": ["almaty"]}),
        ("волонтерство", {"topic": ["topic-01", "topic-02"], "year": ["2017"]}),
        ("волонтерство", {}),
        ("-музыка", {"type": ["talk", "policy-brief"]}),
        ("ливерпуль манчестерский", {"city": ["nowhere"]}),
    ],
)
def test_facet_bitmaps_count_and_order_like_sql(filled, monkeypatch, query, filters, sort):
    fast = all_pages(filled, query, filters=filters, sort=sort)
    first = search(filled, query, filters=filters, sort=sort)
    sqlite.facet_indexes.clear()
    monkeypatch.setattr(facets, "MEMORY", 0)  # no bitmaps: counted by GROUP BY, ordered in SQL
    assert all_pages(filled, query, filters=filters, sort=sort) == fast
    slow = search(filled, query, filters=filters, sort=sort)
    assert (first.total, ids(first)) == (slow.total, ids(slow))
    assert first.facets == slow.facets


def all_pages(engine, query, per_page=2, **kwargs) -> list[int]:
    found = []
    for page in range(1, 40):
        response = search(engine, query, per_page=per_page, page=page, **kwargs)
        if not response.results:
            return found
        found += ids(response)
    raise AssertionError("more pages than the corpus has items")


def title_matches(query: str, locale: str = "ru") -> set[int]:
    parsed = parse_query(query)
    with connection.cursor() as cursor:
        known = SQLiteEngine._known(cursor, parsed.required, locale, SITE)
        plan = Plan.of(parsed, known, kazakh_items=locale == "kk")
        cursor.execute(
            "SELECT rowid FROM search_sqlite_title WHERE search_sqlite_title MATCH %s", [plan.in_title()]
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("пространство", {}),
        ("креативный", {}),
        ("городской", {}),
        ("волонтерство", {"topic": ["topic-01", "topic-02", "topic-05"]}),
        ("общественное пространство", {"city": ["almaty"]}),
    ],
)
def test_large_result_sets_rank_title_matches_then_the_newest(filled, monkeypatch, query, filters):
    exact = all_pages(filled, query, filters=filters)
    monkeypatch.setattr(sqlite, "RANK_ALL", 0)  # every result set is "large"
    tiered = all_pages(filled, query, filters=filters)
    assert sorted(tiered) == sorted(exact) and len(set(tiered)) == len(tiered)
    titled = title_matches(query) & set(exact)
    head, rest = tiered[: len(titled)], tiered[len(titled) :]
    assert set(head) == titled
    scores = [
        r.score
        for page in (1, 2, 3)
        for r in search(filled, query, filters=filters, page=page, per_page=2).results
    ]
    assert scores[: len(titled)] == sorted(scores[: len(titled)], reverse=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, day FROM search_sqlite_item")
        days = dict(cursor.fetchall())
    assert rest == sorted(rest, key=lambda item_id: (-days[item_id], item_id))
    # Reading the title matches a few at a time stops early; it must not change a page.
    monkeypatch.setattr(sqlite, "TIER_BATCH", 1)
    assert all_pages(filled, query, filters=filters) == tiered
    monkeypatch.setattr(sqlite, "TIER_BATCH", 10_000)
    assert all_pages(filled, query, filters=filters) == tiered


def test_large_result_sets_order_the_title_tier_by_title_bm25(sqlite_engine, monkeypatch):
    sqlite_engine.index(
        [
            doc(201, "Парк", day=date(2017, 1, 1)),
            doc(202, "Парк у реки и другие места города летом", day=date(2020, 1, 1)),
            doc(203, "Сквер", body="Маленький парк.", day=date(2021, 1, 1)),
            doc(204, "Аллея", body="Старый парк.", day=date(2016, 1, 1)),
        ]
    )
    monkeypatch.setattr(sqlite, "RANK_ALL", 0)
    response = search(sqlite_engine, "парк")
    # The short title outranks the long, newer one; then the rest, newest first.
    assert ids(response) == [201, 202, 203, 204]
    assert response.results[0].score > response.results[1].score > 0 == response.results[2].score
    assert all_pages(sqlite_engine, "парк", per_page=1) == [201, 202, 203, 204]


def test_title_index_follows_replace_and_delete(filled, monkeypatch):
    monkeypatch.setattr(sqlite, "RANK_ALL", 0)
    assert 4 in title_matches("парки")
    filled.index([doc(4, "Скверы", body="Парки и скамейки.")])
    assert 4 not in title_matches("парки") and 4 in title_matches("скверы")
    filled.delete([4])
    assert title_matches("скверы") == set()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_sqlite_title (search_sqlite_title) VALUES ('integrity-check')")


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("аБвёйқәx_Y’' .,-1é\u0301"), max_size=40))
def test_fast_analysis_is_the_analysis_pipeline(text):
    assert sqlite.analyse(text) == analysis.terms(text)


def _osa(a: str, b: str) -> int:
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@settings(max_examples=300, deadline=None)
@given(
    a=st.text(alphabet="абвгд", max_size=9),
    b=st.text(alphabet="абвгд", max_size=9),
    limit=st.integers(0, 3),
)
def test_banded_distance_is_damerau_osa(a, b, limit):
    exact = _osa(a, b)
    assert spelling.distance(a, b) == exact
    assert spelling.distance(a, b, limit) == min(exact, limit + 1)


# --- query semantics the engine chose ---------------------------------------------------------


def test_phrases_ignore_stop_words_between_their_words(filled):
    # «Парки и общественные пространства»: "и" is not indexed, so the phrase
    # «парки общественные» matches, as does the quoted original.
    assert 4 in ids(search(filled, '"парки общественные"'))
    assert 4 in ids(search(filled, '"парки и общественные"'))
    assert 4 not in ids(search(filled, '"общественные парки"'))


def test_unknown_words_match_as_prefixes(filled):
    # "простран" is no indexed term: it is looked up as a prefix.
    assert {1, 4} <= set(ids(search(filled, "простран")))


def test_did_you_mean_keeps_the_other_words_and_the_case(filled):
    assert search(filled, "Ливерпуль креатвный").suggestion == "Ливерпуль креативный"
    assert search(filled, "ПРОСТРАНСВТО").suggestion == "ПРОСТРАНСТВО"
    assert search(filled, "пространство").suggestion == ""


def test_hits_are_capped_and_located(sqlite_engine):
    transcript = [(float(n * 10), f"Сегмент {n}: снова про велосипед.") for n in range(8)]
    sqlite_engine.index(
        [doc(70, "Доклад", type="talk", transcript=transcript, pages=[(1, "Велосипед на слайде")])]
    )
    result = search(sqlite_engine, "велосипед").results[0]
    assert len(result.hits) == 3
    assert all(hit.kind in ("transcript", "document") for hit in result.hits)
    assert all(hit.url.startswith(result.url) and "<mark>" in hit.snippet for hit in result.hits)


def test_long_passages_are_cut_around_the_match(sqlite_engine):
    body = "Вступление без нужного слова. " * 40 + "Здесь про трамвай. " + "Окончание текста. " * 40
    sqlite_engine.index([doc(80, "Длинный текст", body=body)])
    snippet = search(sqlite_engine, "трамвай").results[0].snippet
    assert "<mark>трамвай</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…") and len(snippet) < 400


def test_completions_cross_scripts_and_rank_names(filled):
    assert filled.suggest("Rus", locale="ru", site_id=SITE)[0] == "Erika Rushton"
    assert filled.suggest("созд", locale="ru", site_id=SITE)[0] == "Создание городской среды"
    assert filled.suggest("", locale="ru", site_id=SITE) == []
    assert filled.suggest("\x00", locale="ru", site_id=SITE) == []


def test_pages_beyond_the_end_are_empty(filled):
    response = search(filled, "", per_page=5, page=50)
    assert response.results == [] and response.total == 17 and response.pages == 4


def test_newer_items_get_a_small_boost_only(sqlite_engine):
    sqlite_engine.index(
        [
            doc(90, "Трамвай", body="Трамвай, трамвай и ещё раз трамвай.", day=date(2010, 1, 1)),
            doc(91, "Заметки", body="Один раз упомянут трамвай среди прочего текста.", day=date(2024, 1, 1)),
        ]
    )
    assert ids(search(sqlite_engine, "трамвай")) == [90, 91]


def test_many_matches_rank_title_matches_first_then_newest(sqlite_engine, monkeypatch):
    monkeypatch.setattr(sqlite, "RANK_ALL", 2)  # more matches than this: the cheaper ranking
    sqlite_engine.index(
        [
            doc(1, "Трамвай", day=date(2015, 1, 1), type="talk"),
            doc(2, "Заметки", body="Трамвай, трамвай, трамвай.", day=date(2020, 1, 1)),
            doc(3, "Трамвай и город", body="Про трамвай.", day=date(2016, 1, 1)),
            doc(4, "Прочее", body="Один трамвай.", day=date(2018, 1, 1), type="talk"),
            doc(5, "Другое", body="Без него.", day=date(2021, 1, 1)),
        ]
    )
    ranked = ids(search(sqlite_engine, "трамвай"))
    assert set(ranked[:2]) == {1, 3} and ranked[2:] == [2, 4]
    pages = [ids(search(sqlite_engine, "трамвай", per_page=1, page=page)) for page in range(1, 6)]
    assert sum(pages, []) == ranked
    assert ids(search(sqlite_engine, "трамвай", filters={"type": ["talk"]})) == [1, 4]
    assert ids(search(sqlite_engine, "трамвай", sort="date")) == [2, 4, 3, 1]


def test_fts_columns_are_the_document_fields(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite engine only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA table_info(search_sqlite_fts)")
        assert tuple(row[1] for row in cursor.fetchall()) == (*FIELDS, "scope")


def test_title_index_migration_copies_an_existing_index(filled, monkeypatch):
    migration = importlib.import_module("search.migrations.0004_sqlite_title_index")

    class Editor:  # what the migration uses of a schema editor
        connection = connection

        @staticmethod
        def execute(sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    migration.drop(None, Editor)
    migration.create(None, Editor)
    monkeypatch.setattr(sqlite, "RANK_ALL", 0)
    assert 4 in title_matches("парки") and {1, 8} <= title_matches("городской")
    # The copy holds exactly what the engine writes: its contentless deletes still work.
    filled.delete([4])
    assert 4 not in title_matches("парки")
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_sqlite_title (search_sqlite_title) VALUES ('integrity-check')")


def _index_contents() -> dict:
    tables = {
        "item": "SELECT * FROM search_sqlite_item ORDER BY id",
        "passage": "SELECT * FROM search_sqlite_passage ORDER BY id",
        "facet": "SELECT item_id, facet, label FROM search_sqlite_facet ORDER BY item_id, facet, label",
        "vocab": "SELECT * FROM search_sqlite_vocab ORDER BY locale, site_id, term",
        "suggest": "SELECT * FROM search_sqlite_suggest ORDER BY locale, site_id, key, text",
    }
    with connection.cursor() as cursor:
        contents = {}
        for name, sql in tables.items():
            cursor.execute(sql)
            contents[name] = cursor.fetchall()
    return contents


def test_rebuild_in_worker_processes_writes_what_indexing_writes(sqlite_engine, monkeypatch):
    documents = corpus() + [doc(3, "Интегрированный транспорт, вторая версия", body="Трамваи.")]
    sqlite_engine.index(documents)
    expected = _index_contents()
    answers = [ids(search(sqlite_engine, query)) for query in ("транспорт", "волонтерство", "пространство")]
    pools = []

    class CountedPool(base.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(base, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(base.os, "cpu_count", lambda: 4)
    assert sqlite_engine.rebuild(documents, batch_size=3) == len(documents)
    assert len(pools) == 1  # the batches were analysed in worker processes
    assert _index_contents() == expected
    assert [
        ids(search(sqlite_engine, query)) for query in ("транспорт", "волонтерство", "пространство")
    ] == answers

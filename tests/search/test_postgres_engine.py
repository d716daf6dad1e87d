"""What only the PostgreSQL engine has to get right: tsquery syntax in user
text, the caller's transaction, the vocabulary it keeps up to date, long
items whose positions run out, facet bitmaps that follow every write (and
the SQL counts used when they would not fit), the cheap order beyond the
exact window."""

import logging
from dataclasses import replace
from datetime import date

import pytest
from django.db import connection, transaction

from search.documents import Passage
from search.engines import base, create_engine, facets, postgres
from search.engines.base import SearchRequest
from search.engines.postgres import (
    MAX_POSITION,
    PASSAGE_COLUMNS,
    PostgresEngine,
    _osa_distance,
    facet_indexes,
    latin,
)

from .corpus import SITE, corpus, doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def pg(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    engine = create_engine("postgres")
    engine.clear()
    yield engine
    engine.clear()


@pytest.fixture
def pg_filled(pg):
    pg.index(corpus())
    return pg


@pytest.fixture
def no_errors(caplog):
    """The engine answers bad input itself, not through its last-resort handler."""
    caplog.set_level(logging.ERROR, logger="search.engines.postgres")
    yield
    assert not caplog.records, [record.getMessage() for record in caplog.records]


def search(engine, query, locale="ru", **kwargs):
    return engine.search(SearchRequest(query=query, locale=locale, site_id=SITE, **kwargs))


def ids(response):
    return [result.id for result in response.results]


def terms_table():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT site_id, locale, kind, form, latin, items FROM search_pg_term ORDER BY 1, 2, 3, 4"
        )
        return cursor.fetchall()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("пространство & | ! < > :*", "пространство"),
        ("пространство:*", "пространство"),
        ("!пространство", "пространство"),
        ("(пространство", "пространство"),
        ("пространство:A", "пространство a"),
        ("пространство\\", "пространство"),
        ("пространство' | 'район", "пространство район"),
        ("пространство <-> район", "пространство район"),
        ("'пространство' & !'район'", "пространство район"),
    ],
)
def test_tsquery_syntax_is_inert(pg_filled, no_errors, text, plain):
    assert ids(search(pg_filled, text)) == ids(search(pg_filled, plain))
    assert search(pg_filled, text).total == search(pg_filled, plain).total


@pytest.mark.parametrize(
    "text",
    [
        "'",
        "''",
        "\\",
        ":*",
        "&",
        "!",
        "<->",
        "'; DROP TABLE search_pg_item; --",
        "%s %(p0)s",
        "\x00",
        "a\x00b",
    ],
)
def test_sql_and_tsquery_fragments_alone(pg_filled, no_errors, text):
    response = search(pg_filled, text, filters={"city": [text], "type": [text]})
    assert response.total >= 0
    pg_filled.suggest(text, locale="ru", site_id=SITE)
    assert len(pg_filled.indexed_ids()) == len(corpus())


def test_odd_documents_are_indexed(pg, no_errors):
    pg.index(
        [
            doc(60, "Заголовок\x00 с нулём", body="велосипед\x00самокат " + "я" * 10_000),
            doc(61, "Много слов", body=" ".join(f"слово{n}" for n in range(20_000))),
            doc(62, "O'Brien’s café", body="\\ ' '' :* & | ! <-> \ud800", locale="en", language="en"),
        ]
    )
    assert ids(search(pg, "самокат")) == [60]
    assert ids(search(pg, "слово19999")) == [61]
    assert ids(search(pg, "O'Brien’s", locale="en")) == [62]
    assert ids(search(pg, "cafe", locale="en")) == [62]


def stored_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, locale, site_id, url, type, title, summary, date, language, provider,"
            " (SELECT array_agg((c >> 24) || f.key ORDER BY f.key) FROM unnest(i.facets) AS c"
            "  JOIN search_pg_facet f ON f.id = c & 16777215),"  # facet row ids depend on the write order
            " vector::text, title_vector::text, len_a, len_b, len_c, len_d, vocab"
            " FROM search_pg_item i ORDER BY id"
        )
        items = [(*row[:-1], sorted(row[-1].split("\n"))) for row in cursor.fetchall()]
        cursor.execute(f"SELECT {PASSAGE_COLUMNS}, vector::text FROM search_pg_passage ORDER BY 1, 2")  # noqa: S608
        return items, cursor.fetchall(), terms_table()


def test_binary_and_text_rows_store_the_same(pg, monkeypatch):
    """Most items are sent in COPY's binary format with vectors grouped in
    Python, long ones as text with literals PostgreSQL groups: an item must
    be stored the same either way (vectors, 256-position cap, weights,
    vocabulary, NULLs, facets)."""
    documents = [
        *corpus(),
        doc(
            60,
            "Велосипед: велосипед и самокат",
            summary="Велосипед",
            # past 256 positions for a lexeme, in the passage and in the item
            body=" ".join(["велосипед дорожка"] * 300) + " Қаланың көшелері, O’Neil’s it's",
            transcript=[(0.0, "велосипед"), (12.5, "Дорожка для велосипеда")],
            pages=[(1, "Схема дорожек"), (7, "")],
            topics=["cycling"],
            speakers=["erika-rushton"],
        ),
        doc(61, "", locale="kk", site=SITE + 1, provider=""),
    ]
    calls = {"text": 0}
    text_rows = postgres._prepare_text

    def counted(item):
        calls["text"] += 1
        return text_rows(item)

    monkeypatch.setattr(postgres, "_prepare_text", counted)
    pg.index(documents)
    binary = stored_rows()
    assert calls["text"] == 0
    pg.clear()
    analyse = postgres._analyse
    monkeypatch.setattr(postgres, "_analyse", lambda document: replace(analyse(document), binary=False))
    pg.index(documents)
    assert calls["text"] == len(documents)
    assert stored_rows() == binary
    vectors = {row[0]: row[11] for row in binary[0]}
    assert vectors[60].count("велосипед") == 1 and "'велосипед':2A,3A" in vectors[60]
    assert len(vectors[60].split("'велосипед':")[1].split(" ")[0].split(",")) == 256  # the first 256 kept


def test_index_writes_belong_to_the_callers_transaction(pg):
    pg.index([doc(50, "Самокаты в парке")])
    before = terms_table()
    with pytest.raises(RuntimeError), transaction.atomic():
        pg.index([doc(50, "Велосипеды во дворе"), doc(51, "Самокаты и велосипеды")])
        pg.delete([50])
        assert ids(search(pg, "велосипеды")) == [51]
        raise RuntimeError("roll back")
    assert pg.indexed_ids() == {50}
    assert ids(search(pg, "самокаты")) == [50]
    assert search(pg, "велосипеды").total == 0
    assert terms_table() == before


def test_vocabulary_matches_a_fresh_build_after_updates_and_deletes(pg, monkeypatch):
    # Several batches: the next one is analysed in a thread while this one is written.
    monkeypatch.setattr("search.engines.postgres.BATCH", 4)
    documents = corpus()
    pg.index(documents)
    changed = [
        doc(5, "Лаборатория тишины", body="Совсем другой текст.", topics=["silence"], speakers=["new-person"])
    ]
    pg.index(changed)
    pg.index([documents[0]])  # the same again
    pg.delete([2, 101, 999])
    updated = terms_table()
    final = [d for d in documents if d.id not in (2, 5, 101)] + changed
    pg.clear()
    pg.index(final)
    assert updated == terms_table()
    assert all(row[-1] > 0 for row in updated)


def test_rebuild_replaces_in_place_and_drops_what_is_gone(pg_filled, monkeypatch):
    monkeypatch.setattr("search.engines.postgres.BATCH", 3)
    monkeypatch.setattr("search.engines.postgres.REBUILD_BATCH", 3)
    kept = [d for d in corpus() if d.id != 3]
    assert pg_filled.rebuild(iter(kept), batch_size=4) == len(kept)
    assert pg_filled.indexed_ids() == {d.id for d in kept}
    assert 3 not in ids(search(pg_filled, "транспорт"))


def test_rebuild_merges_the_gin_pending_lists(pg):
    """Searches read a GIN index's pending list through; a rebuild leaves it empty."""

    def pending_entries():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum((pgstatginindex(i::regclass)).pending_tuples) FROM unnest(%s::text[]) AS i",
                [postgres.GIN_INDEXES],
            )
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")  # contrib, shipped with the server
    pg.index(corpus())
    assert pending_entries() > 0  # writes go to the pending lists first
    pg.rebuild(iter(corpus()))
    assert pending_entries() == 0
    assert ids(search(pg, "транспорт"))


def test_rebuild_in_worker_processes_writes_what_indexing_writes(pg, monkeypatch):
    documents = [*corpus(), doc(60, "Велосипедные дорожки", body="Дорожки вдоль реки.", locale="en")]
    pg.index(documents)
    expected = stored_rows()
    pg.clear()
    pools = []

    class CountedPool(base.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(base, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(base.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(postgres, "REBUILD_BATCH", 3)
    monkeypatch.setattr(postgres, "FIRST_BATCH", 2)
    assert pg.rebuild(iter(documents)) == len(documents)
    assert pools == [2]  # a worker a core: PostgreSQL's own work is in its server process
    assert stored_rows() == expected


def test_copy_control_characters_and_backslashes_are_stored_as_written(pg):
    # Rows go to PostgreSQL as COPY text: a tab, line break or backslash in
    # any value must arrive as written, not split or shift a column.
    body = "Первая строка\tс табуляцией\r\nвторая \\N и C:\\путь\\к файлу"
    item = doc(40, "Заголовок \\ с чертой\tи табом", summary="Итог\nв две строки", body=body, topics=["a\tb"])
    item.passages.append(
        Passage("document", "document", "Слайд\tпро парк", document_id=7, document_title="Файл\\1", page=2)
    )
    pg.index([item])
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, summary FROM search_pg_item WHERE id = 40")
        assert cursor.fetchone() == (item.title, item.summary)
        cursor.execute(
            "SELECT field, text, document_title, page FROM search_pg_passage"
            " WHERE item_id = 40 ORDER BY position"
        )
        rows = cursor.fetchall()
    assert [row[1] for row in rows] == [passage.text for passage in item.passages]
    assert rows[-1] == ("document", "Слайд\tпро парк", "Файл\\1", 2)
    assert ids(search(pg, "табуляцией")) == [40]
    hit = search(pg, "парк").results[0].hits[0]
    assert (hit.document, hit.page) == ("Файл\\1", 2)
    assert buckets(search(pg, ""), "topic") == {"a\tb": 1}


def test_phrases_in_long_items_are_found_in_their_passages(pg):
    filler = " ".join(f"наполнитель{n % 500}" for n in range(MAX_POSITION + 100))
    long = doc(70, "Длинная запись", body=filler, transcript=[(3600.0, "Зеленый коридор вдоль реки")])
    pg.index([long, doc(71, "Коридор", body="Зеленый цвет и коридор")])
    assert ids(search(pg, '"зеленый коридор"')) == [70]
    assert search(pg, '"коридор зеленый"').total == 0
    hit = search(pg, '"зеленый коридор"').results[0].hits[0]
    assert hit.start == 3600.0 and hit.url.endswith("?t=3600")


def test_rare_word_counts_more_than_a_common_one(pg):
    common = [doc(80 + n, f"Город и парк {n}", day=date(2019, 1, 1)) for n in range(8)]
    rare = doc(90, "Фонтан", body="Город", day=date(2019, 1, 1))
    pg.index([*common, rare])
    response = search(pg, "фонтан парк")
    assert response.fallback
    assert ids(response)[0] == 90


def test_title_outranks_a_long_transcript(pg):
    transcript = [(float(n), "велосипед велосипед велосипед дорожка") for n in range(50)]
    pg.index([doc(95, "Заметки", transcript=transcript), doc(96, "Велосипед", body="Коротко.")])
    assert ids(search(pg, "велосипед")) == [96, 95]


def test_selected_unknown_value_stays_visible_as_a_selected_bucket(pg_filled):
    response = search(pg_filled, "", filters={"city": ["atlantis"], "colour": ["red"]})
    assert response.total == 0
    buckets = {b.value: (b.count, b.selected) for b in response.facets["city"]}
    assert buckets["atlantis"] == (0, True) and buckets["almaty"] == (3, False)
    assert all(not buckets for name, buckets in response.facets.items() if name != "city")


def test_did_you_mean_keeps_the_other_words_and_the_case(pg_filled):
    assert search(pg_filled, "Пространсвто район").suggestion == "Пространство район"
    assert search(pg_filled, "пространство").suggestion == ""


def test_suggestions_by_later_word_and_across_scripts(pg_filled):
    assert "Erika Rushton" in pg_filled.suggest("rush", locale="ru", site_id=SITE)
    assert "Erika Rushton" in pg_filled.suggest("ЭРИКА", locale="ru", site_id=SITE)
    assert pg_filled.suggest("   ", locale="ru", site_id=SITE) == []
    assert len(pg_filled.suggest("в", locale="ru", site_id=SITE, limit=2)) <= 2


def test_kazakh_prefix_highlights_the_words_it_matched(pg_filled):
    result = search(pg_filled, "кала", locale="kk").results[0]
    assert result.id == 6 and "<mark>" in result.snippet


def test_helpers():
    assert latin("Эрика Қала ёлка") == "erika kala elka"
    assert _osa_distance("пространсвто", "пространство") == 1
    assert _osa_distance("пространсвто", "пространства") == 2


def test_beyond_the_exact_window_pages_stay_consistent(pg, monkeypatch):
    monkeypatch.setattr("search.engines.postgres.RANK_WINDOW", 3)
    pg.index(
        [doc(200 + n, f"Заметка {n}", body="Парк " * (n + 1), day=date(2019, 1, 1 + n)) for n in range(7)]
        + [doc(210, "Парк", body="Коротко.", day=date(2017, 1, 1))]
    )
    pages = [ids(search(pg, "парк", per_page=2, page=number)) for number in (1, 2, 3, 4, 5)]
    seen = [item for page in pages for item in page]
    assert len(seen) == len(set(seen)) == 8 and pages[4] == []
    assert pages[0][0] == 210  # the title match is in the window (head first) and scores best


def test_search_leaves_the_callers_planner_settings_alone(pg_filled):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = on")
        search(pg_filled, "пространство")
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def buckets(response, name):
    return {bucket.value: bucket.count for bucket in response.facets[name]}


def test_facet_bitmaps_follow_writes_and_rollbacks(pg_filled):
    before = search(pg_filled, "")
    pg_filled.index([doc(300, "Новый парк", city="almaty", day=date(2020, 6, 1))])
    after = search(pg_filled, "")
    assert after.total == before.total + 1
    assert buckets(after, "city")["almaty"] == buckets(before, "city")["almaty"] + 1
    assert ids(after)[0] == 300  # browsing: newest first
    with pytest.raises(RuntimeError), transaction.atomic():
        pg_filled.delete([300])
        pg_filled.index([doc(301, "Ещё парк", city="astana", day=date(2020, 7, 1))])
        inside = search(pg_filled, "")
        assert (
            ids(inside)[0] == 301 and buckets(inside, "city")["almaty"] == buckets(before, "city")["almaty"]
        )
        raise RuntimeError("roll back")
    again = search(pg_filled, "")
    assert (again.total, ids(again), buckets(again, "city")) == (
        after.total,
        ids(after),
        buckets(after, "city"),
    )
    # another process's write: this process's bitmaps were built at an older token
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_pg_item SET date = '2016-01-01' WHERE id = 300")
        cursor.execute("UPDATE search_pg_generation SET token = 'elsewhere'")
    assert ids(search(pg_filled, ""))[0] != 300


@pytest.mark.parametrize(
    ("query", "filters", "sort"),
    [
        ("", {}, "relevance"),
        ("транспорт", {}, "relevance"),
        ("пространство район", {}, "relevance"),
        ("фонтан парк", {}, "relevance"),
        ("", {"city": ["almaty"], "type": ["talk", "case-study"]}, "relevance"),
        ("-транспорт", {"year": ["2019"]}, "date"),
        ('"общественное пространство"', {}, "date"),
    ],
)
def test_sql_counts_without_bitmaps_agree(pg_filled, monkeypatch, query, filters, sort):
    """Too many facet values for facets.MEMORY: counts and pages come from SQL, alike."""
    with_bitmaps = search(pg_filled, query, filters=filters, sort=sort, per_page=3)
    monkeypatch.setattr(facets, "MEMORY", 0)
    facet_indexes.clear()
    in_sql = []
    counted_in_sql = PostgresEngine._match
    monkeypatch.setattr(
        PostgresEngine, "_match", lambda *args, **kw: in_sql.append(1) or counted_in_sql(*args, **kw)
    )
    without = search(pg_filled, query, filters=filters, sort=sort, per_page=3)
    assert in_sql
    assert (without.total, without.fallback, ids(without)) == (
        with_bitmaps.total,
        with_bitmaps.fallback,
        ids(with_bitmaps),
    )
    for name in with_bitmaps.facets:
        assert {(b.value, b.count, b.selected) for b in without.facets[name] if b.count or b.selected} == {
            (b.value, b.count, b.selected) for b in with_bitmaps.facets[name]
        }


def test_more_title_words_come_first_beyond_the_window(pg, monkeypatch):
    monkeypatch.setattr("search.engines.postgres.RANK_WINDOW", 0)  # nothing scored: the cheap order alone
    pg.index(
        [
            doc(400, "Парк", body="Сад и парк.", day=date(2020, 1, 1)),
            doc(401, "Сад", body="Парк и сад.", day=date(2019, 1, 1)),
            doc(402, "Парк и сад", day=date(2017, 1, 1)),
            doc(403, "Заметка", body="Парк и сад.", day=date(2020, 5, 1)),
        ]
    )
    assert ids(search(pg, "парк сад")) == [402, 400, 401, 403]
    assert ids(search(pg, "парк сад", sort="date")) == [403, 400, 401, 402]

"""The benchmark's generated library and query mix: deterministic, shaped
like the real library, and every query finds something to look for.
(The benchmark itself runs only in `make bench-search`.)"""

import re
from collections import Counter

import pytest
from django.core.management import CommandError

from search.analysis import terms
from search.bench import corpus, runner
from search.bench.queries import CATEGORIES, QUERIES
from search.documents import FACETS, FIELDS
from search.management.commands.bench_search import parse_limits, parse_sizes

SAMPLE = 1500


@pytest.fixture(scope="module")
def sample():
    return list(corpus.documents(SAMPLE))


@pytest.fixture(scope="module")
def analysed(sample):
    """locale -> the indexed terms of each passage of its items."""
    result = {}
    for item in sample:
        for passage in item.passages:
            result.setdefault(item.locale, []).append(terms(passage.text))
    return result


def test_the_same_seed_gives_the_same_library(sample):
    assert corpus.document(17) == sample[16]
    assert list(corpus.documents(40)) == sample[:40]  # a smaller corpus is a prefix of a larger one
    assert corpus.document(17, seed=1) != sample[16]


def test_items_look_like_index_documents_of_the_library(sample):
    for item in sample:
        assert item.locale in ("ru", "en", "kk")
        assert item.site_id == corpus.SITE_ID
        assert set(item.facets) == set(FACETS)
        assert item.passages[0].field == "title" and item.passages[0].text == item.title
        assert all(p.field in FIELDS and p.text.strip() for p in item.passages)
        assert 2017 <= item.year <= 2020


def test_facets_have_the_libraries_cardinalities(sample):
    shape = corpus.describe(sample)
    values = shape["facet_values"]
    assert values["topic"] == 10
    assert values["type"] == 4
    assert values["year"] == 4
    assert values["language"] == 3
    assert values["city"] == 8
    assert 15 <= values["event"] <= 20
    assert 35 <= values["speaker"] <= 50
    assert 5 <= values["provider"] <= 7
    # Skewed, as real facets are: the commonest topic is on several times more items than the rarest.
    topics = Counter(value for item in sample for value, _ in item.facets["topic"])
    assert max(topics.values()) > 2 * min(topics.values())


def test_locales_and_types_are_mixed(sample):
    shape = corpus.describe(sample)
    assert shape["locales"]["ru"] > shape["locales"]["en"] > shape["locales"]["kk"] > 0.08
    types = Counter(item.type for item in sample)
    assert set(types) == {"talk", "material", "case-study", "policy-brief"}


def test_talks_have_transcript_windows_with_rising_start_times(sample):
    talks = [item for item in sample if any(p.kind == "transcript" for p in item.passages)]
    assert len(talks) > SAMPLE * 0.15
    for item in talks:
        assert item.type == "talk"
        starts = [p.start for p in item.passages if p.kind == "transcript"]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_documents_have_numbered_pages(sample):
    pages = [p for item in sample for p in item.passages if p.kind == "document"]
    assert len(pages) > SAMPLE
    assert all(p.document_id and p.document_title and p.page >= 1 for p in pages)


def test_text_is_varied_real_language_not_one_word_repeated(sample, analysed):
    shape = corpus.describe(sample)
    assert 300 < shape["words_per_item"] < 1500
    vocabulary = {locale: Counter() for locale in ("ru", "en", "kk")}
    for locale, passages in analysed.items():
        for passage in passages:
            vocabulary[locale].update(passage)
    assert len(vocabulary["ru"]) > 2000 and len(vocabulary["en"]) > 2000 and len(vocabulary["kk"]) > 300
    for counts in vocabulary.values():  # no single word dominates
        assert counts.most_common(1)[0][1] < 0.05 * sum(counts.values())
    kazakh = [item for item in sample if item.locale == "kk"]
    assert all(re.search("[әғқңөұүһі]", item.text_of("body") + item.title) for item in kazakh[:50])


def test_every_query_has_something_to_find(sample, analysed):
    """Each word of each query (but the typos) is in a passage of its
    locale's items, the phrases as phrases, and each filter value exists."""
    texts = analysed
    assert set(CATEGORIES) == {query.category for query in QUERIES}
    for query in QUERIES:
        wanted = terms(query.text.replace('"', " "))
        docs = texts[query.locale]
        if query.category == "typo":
            assert not any(set(wanted) <= set(doc) for doc in docs), query
            continue
        assert any(set(wanted) <= set(doc) for doc in docs), query
        if query.category == "phrase":
            joined = " ".join(wanted)
            assert any(joined in " ".join(doc) for doc in docs), query
        for facet, values in query.filters.items():
            for value in values:
                assert any(value in [v for v, _ in item.facets[facet]] for item in sample), (query, facet)


def test_percentiles_interpolate_like_numpy():
    values = [float(v) for v in range(1, 101)]
    assert runner.percentile(values, 0.5) == pytest.approx(50.5)
    assert runner.percentile(values, 0.95) == pytest.approx(95.05)
    assert runner.percentile(values, 0.99) == pytest.approx(99.01)
    assert runner.percentile([3.0], 0.99) == 3.0


def test_sizes_and_limits_are_checked():
    assert parse_sizes("1000,10_000,100000") == [1000, 10000, 100000]
    for bad in ("", "ten", "0", "10,-1"):
        with pytest.raises(CommandError):
            parse_sizes(bad)
    assert parse_limits(["opensearch=10000"]) == {"opensearch": 10000}
    with pytest.raises(CommandError):
        parse_limits(["lucene=5"])


def test_runner_measures_the_database_engine_on_a_tiny_library(db, tmp_path):
    """A smoke run (30 items, one round): the runner and the engine agree on
    the interface. Not a benchmark."""
    from search.engines import create_engine, database_engine_name

    name = database_engine_name()
    run = runner.measure(runner.EngineTarget(name, create_engine(name)), 30, rounds=1, budget=0)
    assert not run.error, run.error
    assert run.indexed == 30 and run.build_seconds > 0
    assert run.rounds == 1 and len(run.latencies()) == len(QUERIES)
    assert any(stats.total for stats in run.queries)
    assert all(stats.facet_buckets for stats in run.queries if stats.total)
    info = runner.machine()
    assert "| engine | items |" in runner.report([run], info)
    runner.dump([run], info, tmp_path / "bench.json")
    assert runner.load(tmp_path / "bench.json") == (info, [run])

"""search_eval: the BEIR-layout reader, the measures (against values worked
out by hand) and the command end to end on each engine."""

import json
import math
import re

import pytest
from django.core.management import CommandError, call_command

from search.bench import collection as generated
from search.evaluation import (
    EVAL_ID_BASE,
    CollectionError,
    evaluate,
    load_collection,
    ndcg_at,
    plain_query,
    recall_at,
    reciprocal_rank_at,
)

# One query, judged: a=2, b=1, c=1, x=0 (judged not relevant).
RELEVANCE = {"a": 2, "b": 1, "c": 1, "x": 0}
RANKING = ["x", "a", "c", "y", "b"]


# --- measures ------------------------------------------------------------------------


def test_ndcg_uses_linear_gains_and_log2_rank_plus_one():
    # DCG = 2/log2(3) + 1/log2(4) + 1/log2(6) = 1.26186 + 0.5 + 0.38685 = 2.14871
    # IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.63093 + 0.5 = 3.13093
    assert ndcg_at(RANKING, RELEVANCE, 10) == pytest.approx(0.686286, abs=1e-6)
    # With exponential gains (2^rel - 1) it would be 2.77964 / 4.13093 = 0.672887: not what trec_eval does.
    assert ndcg_at(RANKING, RELEVANCE, 10) != pytest.approx(0.672887, abs=1e-4)


def test_ndcg_cuts_at_k_but_the_ideal_counts_every_relevant_document():
    # @2: DCG = 2/log2(3) = 1.26186; IDCG@2 = 2 + 1/log2(3) = 2.63093
    assert ndcg_at(RANKING, RELEVANCE, 2) == pytest.approx(0.479624, abs=1e-6)
    assert ndcg_at(["a", "b", "c"], RELEVANCE, 10) == pytest.approx(1.0)
    assert ndcg_at(["b", "c", "a"], RELEVANCE, 10) == pytest.approx(
        (1 + 1 / math.log2(3) + 2 / 2) / (2 + 1 / math.log2(3) + 1 / 2)
    )
    # A relevant document at rank 11 gains nothing @10.
    assert ndcg_at([f"n{i}" for i in range(10)] + ["a"], RELEVANCE, 10) == 0.0


def test_recall_counts_relevant_documents_with_a_score_above_zero():
    assert recall_at(RANKING, RELEVANCE, 100) == 1.0
    assert recall_at(RANKING, RELEVANCE, 2) == pytest.approx(1 / 3)
    assert recall_at(["x"], RELEVANCE, 100) == 0.0  # judged 0 is not relevant
    assert recall_at([f"n{i}" for i in range(100)] + ["a"], RELEVANCE, 100) == 0.0


def test_reciprocal_rank_of_the_first_relevant_document_within_ten():
    assert reciprocal_rank_at(RANKING, RELEVANCE, 10) == 0.5
    assert reciprocal_rank_at(["b"], RELEVANCE, 10) == 1.0
    assert reciprocal_rank_at([f"n{i}" for i in range(10)] + ["a"], RELEVANCE, 10) == 0.0


def test_duplicates_in_a_ranking_count_once():
    assert ndcg_at(["a", "a", "b", "c"], RELEVANCE) == pytest.approx(1.0)
    assert reciprocal_rank_at(["y", "y", "a"], RELEVANCE) == 0.5


def test_means_skip_queries_without_relevant_documents_and_score_missing_runs_zero():
    qrels = {"q1": {"a": 1}, "q2": {"b": 2}, "q3": {"c": 0}}
    scores = evaluate({"q1": ["a"]}, qrels)
    assert scores.queries == 2  # q3 has nothing relevant
    assert scores.ndcg_10 == pytest.approx(0.5)  # q1: 1.0, q2 (no results): 0.0
    assert scores.mrr_10 == pytest.approx(0.5)
    assert scores.recall_100 == pytest.approx(0.5)


def test_results_with_the_query_id_are_dropped_as_in_beir():
    qrels = {"q1": {"a": 1}}
    assert evaluate({"q1": ["q1", "a"]}, qrels).mrr_10 == 1.0
    assert evaluate({"q1": ["q1", "a"]}, qrels, ignore_identical_ids=False).mrr_10 == 0.5


def test_plain_query_takes_out_query_syntax_but_keeps_hyphenated_words():
    assert plain_query('"0-dimensional" biomaterials -not') == "0-dimensional biomaterials not"


# --- reading a collection ----------------------------------------------------------------


@pytest.fixture
def beir(tmp_path):
    return generated.write(tmp_path / "mini", queries=12, background=80)


def test_generated_collection_reads_back(beir):
    collection = load_collection(beir)
    assert len(collection.queries) == 12
    assert len(collection.test_queries) == 12
    assert len(collection.corpus) > 80
    assert all(2 in judged.values() for judged in collection.qrels.values())
    assert not collection.warnings


def test_the_generated_collection_is_the_same_every_time(tmp_path):
    first = generated.write(tmp_path / "one")
    second = generated.write(tmp_path / "two")
    for name in ("corpus.jsonl", "queries.jsonl", "qrels/test.tsv"):
        assert (first / name).read_text() == (second / name).read_text()


def test_ids_may_be_numbers_and_titles_missing(tmp_path):
    (tmp_path / "qrels").mkdir()
    (tmp_path / "corpus.jsonl").write_text(
        '{"_id": 1, "text": "one"}\n\n{"_id": "2", "title": "", "text": "two"}\n'
    )
    (tmp_path / "queries.jsonl").write_text('{"_id": 7, "text": "one"}\n')
    (tmp_path / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\n7\t1\t1\n7\t3\t1\n")
    collection = load_collection(tmp_path)
    assert collection.corpus == {"1": ("", "one"), "2": ("", "two")}
    assert collection.qrels == {"7": {"1": 1, "3": 1}}
    assert collection.warnings == [
        "1 judged documents are not in corpus.jsonl (they still count as relevant)."
    ]


@pytest.mark.parametrize(
    ("corpus", "qrels", "message"),
    [
        ('{"_id": "1", "text": "ok"}\nnot json\n', "q\td\t1\n", "corpus.jsonl:2: not a JSON object"),
        ('{"text": "no id"}\n', "q\td\t1\n", 'corpus.jsonl:1: no "_id"'),
        ('["a list"]\n', "q\td\t1\n", "corpus.jsonl:1: not a JSON object"),
        ('{"_id": "1", "text": 5}\n', "q\td\t1\n", "must be strings"),
        (
            '{"_id": "1", "text": "ok"}\n',
            "query-id\tcorpus-id\tscore\nq\t1\thigh\n",
            "test.tsv:2: the score 'high'",
        ),
        ('{"_id": "1", "text": "ok"}\n', "q 1 1\n", "test.tsv:1: expected query-id, corpus-id and score"),
        ('{"_id": "1", "text": "ok"}\n', "query-id\tcorpus-id\tscore\n", "has no judgements"),
        ("", "q\t1\t1\n", "has no documents"),
    ],
)
def test_malformed_collections_say_where(tmp_path, corpus, qrels, message):
    (tmp_path / "qrels").mkdir()
    (tmp_path / "corpus.jsonl").write_text(corpus)
    (tmp_path / "queries.jsonl").write_text('{"_id": "q", "text": "ok"}\n')
    (tmp_path / "qrels" / "test.tsv").write_text(qrels)
    with pytest.raises(CollectionError, match=message):
        load_collection(tmp_path)


# --- the command -----------------------------------------------------------------------


def test_command_refuses_a_missing_path(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("search_eval", str(tmp_path / "nowhere"))


def test_command_refuses_a_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("{}")
    with pytest.raises(CommandError, match="is not a directory"):
        call_command("search_eval", str(path))


def test_command_names_the_missing_part(beir):
    (beir / "qrels" / "test.tsv").unlink()
    with pytest.raises(CommandError, match=r"qrels/test\.tsv is missing"):
        call_command("search_eval", str(beir))
    with pytest.raises(CommandError, match=r"qrels/dev\.tsv is missing"):
        call_command("search_eval", str(beir), split="dev")


def test_command_refuses_a_malformed_line(beir):
    with (beir / "queries.jsonl").open("a") as queries:
        queries.write("{oops\n")
    with pytest.raises(CommandError, match=r"queries\.jsonl:13: not a JSON object"):
        call_command("search_eval", str(beir))


def test_command_refuses_an_unknown_engine(beir):
    with pytest.raises(CommandError, match="Unknown search engine 'lucene'"):
        call_command("search_eval", str(beir), engine="lucene")


def test_command_keeps_opensearch_options_for_opensearch(beir):
    with pytest.raises(CommandError, match="--url and --index-prefix are for --engine opensearch"):
        call_command("search_eval", str(beir), engine="auto", url="http://localhost:9200")


def _figures(output: str) -> dict[str, float]:
    return {
        line.split()[0]: float(line.split()[1])
        for line in output.splitlines()
        if line.startswith(("nDCG@10", "Recall@100", "MRR@10"))
    }


def test_command_scores_the_database_engine_and_leaves_nothing_behind(beir, db, capsys, tmp_path):
    from search.engines import create_engine

    run_file = tmp_path / "run.txt"
    call_command("search_eval", str(beir), engine="auto", run_path=str(run_file))
    figures = _figures(capsys.readouterr().out)
    assert set(figures) == {"nDCG@10", "Recall@100", "MRR@10"}
    # The judged-2 document carries the query's rare name in its title.
    assert figures["nDCG@10"] > 0.6
    assert figures["MRR@10"] > 0.7
    # Every word is required when some item has them all, so the documents that
    # only mention the name are often not returned at all.
    assert figures["Recall@100"] > 0.5
    assert not {i for i in create_engine("auto").indexed_ids() if i >= EVAL_ID_BASE}
    first = run_file.read_text().splitlines()[0].split()
    assert first[0].startswith("q") and first[1] == "Q0" and first[3] == "1"


def test_command_sets_a_beir_collection_beside_the_papers_bm25(tmp_path, db, capsys):
    scifact = generated.write(tmp_path / "scifact", queries=6, background=30)
    call_command("search_eval", str(scifact), engine="auto")
    output = capsys.readouterr().out
    ndcg = _figures(output)["nDCG@10"]
    line = re.search(
        r"BEIR paper, Elasticsearch BM25 on scifact: nDCG@10 0\.665 \(([+-]\d\.\d{3}) here\)", output
    )
    assert line and abs(float(line[1]) - (ndcg - 0.665)) < 0.001


def test_command_scores_opensearch_in_a_throwaway_index(beir, db, capsys, opensearch_url):
    call_command("search_eval", str(beir), engine="opensearch", url=opensearch_url)
    figures = _figures(capsys.readouterr().out)
    assert figures["nDCG@10"] > 0.6
    assert figures["Recall@100"] > 0.5


def test_a_random_ranking_scores_low(beir):
    import random

    collection = load_collection(beir)
    ids = list(collection.corpus)
    rng = random.Random(1)
    run = {qid: rng.sample(ids, 100) for qid in collection.test_queries}
    assert evaluate(run, collection.qrels).ndcg_10 < 0.2


def test_queries_file_can_hold_more_than_the_split(beir):
    with (beir / "queries.jsonl").open("a") as queries:
        queries.write(json.dumps({"_id": "train-1", "text": "not judged in test"}) + "\n")
    collection = load_collection(beir)
    assert "train-1" not in collection.queries

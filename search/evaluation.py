"""How well an engine ranks: BEIR-layout test collections and the standard
measures, for ``manage.py search_eval``.

A collection is a directory in the layout of the BEIR benchmark
(https://github.com/beir-cellar/beir)::

    corpus.jsonl       {"_id": "…", "title": "…", "text": "…"} per line
    queries.jsonl      {"_id": "…", "text": "…"} per line
    qrels/test.tsv     query-id <TAB> corpus-id <TAB> score, after a header line

The measures follow trec_eval as BEIR runs it (pytrec_eval ``ndcg_cut.10``
and ``recall.100``; BEIR's own ``mrr``):

* nDCG@10: gain = the judged relevance itself (linear, *not* 2^rel − 1),
  discount log2(rank + 1), ideal ranking = every document judged relevant
  (score > 0), best first; documents without a judgement gain 0.
* Recall@100: relevant documents (score > 0) in the first 100 / all
  relevant documents of the query.
* MRR@10: 1 / rank of the first relevant document in the first 10, else 0.

Means are over every test query that has at least one relevant document;
a query the engine finds nothing for scores 0. (pytrec_eval, and so BEIR,
leave a query out of the mean when the run has no line for it; with a
retriever that always returns something, as BM25 does, the two agree.)
As in BEIR, a result whose id equals the query's id is dropped before
scoring (it matters for ArguAna and Quora, where queries are documents too).
"""

import json
import math
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .documents import IndexDocument, Passage
from .engines.base import SearchEngine, SearchRequest

# Far above any page id and on a site that does not exist, so evaluation
# documents never collide with the library's or show on its pages.
EVAL_ID_BASE = 2_000_000_000
EVAL_SITE_ID = 1_999_999_999
INDEX_BATCH = 500
SYNTAX_RE = re.compile(r'"|(?:(?<=\s)|^)-+')


# nDCG@10 of Elasticsearch's BM25 on the BEIR test splits, as published in
# the BEIR paper (Thakur et al., NeurIPS 2021 Datasets and Benchmarks,
# table 2): what the issue asks the library's ranking to match. Keyed by the
# collection's directory name as BEIR's downloads unpack.
BEIR_BM25_NDCG_10 = {
    "scifact": 0.665,
    "nfcorpus": 0.325,
    "arguana": 0.315,
    "scidocs": 0.158,
    "fiqa": 0.236,
}


def published_bm25(path) -> tuple[str, float] | None:
    """The BEIR paper's BM25 nDCG@10 for the collection at ``path``, when it is one of them."""
    name = Path(path).resolve().name.lower()
    return (name, BEIR_BM25_NDCG_10[name]) if name in BEIR_BM25_NDCG_10 else None


class CollectionError(ValueError):
    """The collection is missing or not in the BEIR layout."""


@dataclass
class Collection:
    path: Path
    corpus: dict[str, tuple[str, str]]  # id -> (title, text)
    queries: dict[str, str]  # id -> text
    qrels: dict[str, dict[str, int]]  # query id -> document id -> relevance
    warnings: list[str] = field(default_factory=list)

    @property
    def test_queries(self) -> list[str]:
        """Judged queries with at least one relevant document, in file order."""
        return [qid for qid in self.queries if any(score > 0 for score in self.qrels.get(qid, {}).values())]


# --- reading ----------------------------------------------------------------------


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    if not path.is_file():
        raise CollectionError(
            f"{path} is missing (a BEIR collection has corpus.jsonl, queries.jsonl, qrels/)."
        )
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CollectionError(f"{path}:{number}: not a JSON object ({error.msg}).") from None
            if not isinstance(record, dict):
                raise CollectionError(f"{path}:{number}: not a JSON object.")
            if "_id" not in record or not str(record["_id"]).strip():
                raise CollectionError(f'{path}:{number}: no "_id".')
            if not isinstance(record.get("text", ""), str) or not isinstance(record.get("title", ""), str):
                raise CollectionError(f'{path}:{number}: "title" and "text" must be strings.')
            yield number, record


def _qrels(path: Path) -> Iterator[tuple[int, str, str, int]]:
    if not path.is_file():
        raise CollectionError(f"{path} is missing (relevance judgements: query-id, corpus-id, score).")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) == 4:  # TREC qrels: qid 0 docid score
                columns = [columns[0], columns[2], columns[3]]
            if len(columns) != 3:
                raise CollectionError(
                    f"{path}:{number}: expected query-id, corpus-id and score separated by tabs."
                )
            query_id, doc_id, score = (column.strip() for column in columns)
            try:
                relevance = int(float(score))
            except ValueError:
                if number == 1:  # the header line
                    continue
                raise CollectionError(f"{path}:{number}: the score {score!r} is not a number.") from None
            yield number, query_id, doc_id, relevance


def load_collection(path, split: str = "test") -> Collection:
    """Read a BEIR-layout collection; ``CollectionError`` says what is wrong."""
    path = Path(path)
    if not path.exists():
        raise CollectionError(f"{path} does not exist.")
    if not path.is_dir():
        raise CollectionError(f"{path} is not a directory (expected corpus.jsonl, queries.jsonl and qrels/).")
    corpus = {}
    for _, record in _jsonl(path / "corpus.jsonl"):
        corpus[str(record["_id"])] = (record.get("title") or "", record.get("text") or "")
    if not corpus:
        raise CollectionError(f"{path / 'corpus.jsonl'} has no documents.")
    queries = {str(record["_id"]): record.get("text") or "" for _, record in _jsonl(path / "queries.jsonl")}
    qrels: dict[str, dict[str, int]] = {}
    for _, query_id, doc_id, relevance in _qrels(path / "qrels" / f"{split}.tsv"):
        qrels.setdefault(query_id, {})[doc_id] = relevance
    if not qrels:
        raise CollectionError(f"{path / 'qrels' / f'{split}.tsv'} has no judgements.")
    warnings = []
    unknown_queries = [qid for qid in qrels if qid not in queries]
    if unknown_queries:
        warnings.append(f"{len(unknown_queries)} judged queries are not in queries.jsonl and are left out.")
    unknown_docs = {doc for judged in qrels.values() for doc in judged if doc not in corpus}
    if unknown_docs:
        warnings.append(
            f"{len(unknown_docs)} judged documents are not in corpus.jsonl (they still count as relevant)."
        )
    # Only the queries of this split are run.
    queries = {qid: text for qid, text in queries.items() if qid in qrels}
    return Collection(path, corpus, queries, qrels, warnings)


# --- measures -----------------------------------------------------------------------


def _unique(ranking: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ranking))


def ndcg_at(ranking: list[str], relevance: dict[str, int], k: int = 10) -> float:
    """nDCG@k with linear gains, as trec_eval's ndcg_cut."""
    dcg = sum(
        relevance.get(doc, 0) / math.log2(rank + 1)
        for rank, doc in enumerate(_unique(ranking)[:k], start=1)
        if relevance.get(doc, 0) > 0
    )
    ideal = sorted((score for score in relevance.values() if score > 0), reverse=True)[:k]
    ideal_dcg = sum(score / math.log2(rank + 1) for rank, score in enumerate(ideal, start=1))
    return dcg / ideal_dcg if ideal_dcg > 0 else 0.0


def recall_at(ranking: list[str], relevance: dict[str, int], k: int = 100) -> float:
    relevant = {doc for doc, score in relevance.items() if score > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(_unique(ranking)[:k])) / len(relevant)


def reciprocal_rank_at(ranking: list[str], relevance: dict[str, int], k: int = 10) -> float:
    for rank, doc in enumerate(_unique(ranking)[:k], start=1):
        if relevance.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


@dataclass
class Scores:
    ndcg_10: float
    recall_100: float
    mrr_10: float
    queries: int
    per_query: dict[str, dict[str, float]]


def evaluate(
    run: dict[str, list[str]], qrels: dict[str, dict[str, int]], ignore_identical_ids: bool = True
) -> Scores:
    """Mean nDCG@10, Recall@100 and MRR@10 of ``run`` (query id -> ranked
    document ids) over the queries of ``qrels`` with a relevant document."""
    per_query = {}
    for query_id, relevance in qrels.items():
        if not any(score > 0 for score in relevance.values()):
            continue
        ranking = [doc for doc in run.get(query_id, []) if not (ignore_identical_ids and doc == query_id)]
        per_query[query_id] = {
            "ndcg_10": ndcg_at(ranking, relevance, 10),
            "recall_100": recall_at(ranking, relevance, 100),
            "mrr_10": reciprocal_rank_at(ranking, relevance, 10),
        }
    count = len(per_query)

    def mean(name):
        return sum(scores[name] for scores in per_query.values()) / count if count else 0.0

    return Scores(mean("ndcg_10"), mean("recall_100"), mean("mrr_10"), count, per_query)


# --- running an engine on a collection ------------------------------------------------


def index_documents(
    collection: Collection, locale: str, site_id: int = EVAL_SITE_ID
) -> Iterator[IndexDocument]:
    """The collection's documents as index documents (no pages): the title
    as the title, the text as the body, ids from ``EVAL_ID_BASE`` on."""
    for number, (doc_id, (title, text)) in enumerate(collection.corpus.items()):
        item_id = EVAL_ID_BASE + number
        passages = [Passage("text", "title", title), Passage("text", "body", text)]
        yield IndexDocument(
            id=item_id,
            locale=locale,
            site_id=site_id,
            url=f"/eval/{doc_id}",
            type="material",
            title=title or doc_id,
            summary="",
            date=date(2020, 1, 1),
            language=locale,
            provider="",
            facets={
                "type": [("material", "material")],
                "year": [("2020", "2020")],
                "language": [(locale, locale)],
            },
            passages=[p for p in passages if p.text.strip()],
        )


def plain_query(text: str) -> str:
    """The query with the site's query syntax (quotes, leading minus) taken
    out, so a collection's text is searched as words."""
    return " ".join(SYNTAX_RE.sub(" ", text).split())


@dataclass
class Evaluation:
    scores: Scores
    run: dict[str, list[str]]
    documents: int
    index_seconds: float
    query_seconds: list[float]


def run_collection(
    engine: SearchEngine,
    collection: Collection,
    *,
    locale: str = "en",
    site_id: int = EVAL_SITE_ID,
    depth: int = 100,
    raw_queries: bool = False,
    ignore_identical_ids: bool = True,
    progress=None,
) -> Evaluation:
    """Index the collection, run every test query, remove what was indexed."""
    ids = {EVAL_ID_BASE + number: doc_id for number, doc_id in enumerate(collection.corpus)}
    try:
        engine.delete(list(ids))  # leftovers of an interrupted run
        started = time.perf_counter()
        batch = []
        for document in index_documents(collection, locale, site_id):
            batch.append(document)
            if len(batch) >= INDEX_BATCH:
                engine.index(batch)
                batch = []
                if progress:
                    progress("index", document.id - EVAL_ID_BASE + 1, len(ids))
        if batch:
            engine.index(batch)
        index_seconds = time.perf_counter() - started
        run, timings = {}, []
        test_queries = collection.test_queries
        for number, query_id in enumerate(test_queries, start=1):
            text = collection.queries[query_id]
            started = time.perf_counter()
            found = ranked_ids(engine, text if raw_queries else plain_query(text), locale, site_id, depth)
            timings.append(time.perf_counter() - started)
            run[query_id] = [ids[item_id] for item_id in found if item_id in ids]
            if progress:
                progress("query", number, len(test_queries))
    finally:
        every = list(ids)
        for start in range(0, len(every), INDEX_BATCH * 4):
            engine.delete(every[start : start + INDEX_BATCH * 4])
    qrels = {qid: collection.qrels[qid] for qid in test_queries}
    return Evaluation(evaluate(run, qrels, ignore_identical_ids), run, len(ids), index_seconds, timings)


def ranked_ids(engine: SearchEngine, query: str, locale: str, site_id: int, depth: int) -> list[int]:
    """The first ``depth`` result ids, paging if the engine returns fewer
    per page than asked for."""
    found: list[int] = []
    page, per_page = 1, depth
    while len(found) < depth:
        response = engine.search(
            SearchRequest(query=query, locale=locale, site_id=site_id, page=page, per_page=per_page)
        )
        found.extend(result.id for result in response.results)
        if not response.results or len(found) >= response.total:
            break
        per_page = len(response.results)
        page = len(found) // per_page + 1
    return found[:depth]


def write_run(path, run: dict[str, list[str]], name: str) -> None:
    """The run in TREC format, to check the figures with trec_eval or
    pytrec_eval: ``qid Q0 docid rank score name``."""
    with open(path, "w", encoding="utf-8") as out:
        for query_id, ranking in run.items():
            for rank, doc_id in enumerate(ranking, start=1):
                out.write(f"{query_id} Q0 {doc_id} {rank} {len(ranking) - rank + 1} {name}\n")

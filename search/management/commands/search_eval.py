"""``manage.py search_eval PATH --engine NAME``: nDCG@10, Recall@100 and
MRR@10 of an engine on a test collection in the BEIR layout.

The collection's documents are indexed directly (no pages are created) on a
site id no real site has, searched, and removed again; see
``search.evaluation`` for the layout and the exact definitions.
"""

import statistics
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.engines import ENGINE_CLASSES, create_engine
from search.evaluation import CollectionError, load_collection, published_bm25, run_collection, write_run


class Command(BaseCommand):
    help = (
        "Evaluate a search engine's ranking on a BEIR-layout test collection (nDCG@10, Recall@100, MRR@10)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="directory with corpus.jsonl, queries.jsonl and qrels/<split>.tsv")
        parser.add_argument(
            "--engine",
            default="auto",
            help=f"{', '.join(ENGINE_CLASSES)} or auto (the current database's engine; default)",
        )
        parser.add_argument(
            "--split", default="test", help="the qrels file to use: qrels/<split>.tsv (default test)"
        )
        parser.add_argument("--locale", default="en", help="locale to index and search in (default en)")
        parser.add_argument("--url", help="OpenSearch/Elasticsearch address (default SEARCH_URL)")
        parser.add_argument(
            "--index-prefix",
            help="OpenSearch index prefix (default: a throwaway one, dropped afterwards)",
        )
        parser.add_argument(
            "--raw-queries",
            action="store_true",
            help="send queries as written (default: quotes and leading minus signs are taken out, "
            "so they are not read as phrase or exclusion syntax)",
        )
        parser.add_argument(
            "--keep-identical-ids",
            action="store_true",
            help="score results whose id equals the query id (BEIR drops them by default)",
        )
        parser.add_argument(
            "--run", dest="run_path", help="also write the ranking in TREC run format to this file"
        )

    def handle(self, *args, **options):
        try:
            collection = load_collection(options["path"], options["split"])
        except CollectionError as error:
            raise CommandError(str(error)) from error
        if not collection.test_queries:
            raise CommandError(
                f"No query in {options['path']} has a relevant document in qrels/{options['split']}.tsv."
            )
        engine, throwaway = self.engine(options)
        for warning in collection.warnings:
            self.stderr.write(f"Warning: {warning}")
        self.stdout.write(
            f"{collection.path}: {len(collection.corpus):,} documents, "
            f"{len(collection.test_queries):,} {options['split']} queries with judgements"
        )
        started = time.perf_counter()
        try:
            result = run_collection(
                engine,
                collection,
                locale=options["locale"],
                raw_queries=options["raw_queries"],
                ignore_identical_ids=not options["keep_identical_ids"],
                progress=self.progress,
            )
        except Exception as error:
            raise CommandError(f"The {engine.name} engine failed: {type(error).__name__}: {error}") from error
        finally:
            if throwaway:
                engine.clear()
                if hasattr(engine, "drop"):
                    engine.drop()
        self.stdout.write("")
        scores = result.scores
        latency = statistics.median(result.query_seconds) * 1000 if result.query_seconds else 0.0
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{engine.name}: indexed {result.documents:,} documents in {result.index_seconds:.1f} s, "
            f"{scores.queries:,} queries (median {latency:.1f} ms); {elapsed:.1f} s in all"
        )
        self.stdout.write(f"nDCG@10     {scores.ndcg_10:.4f}")
        self.stdout.write(f"Recall@100  {scores.recall_100:.4f}")
        self.stdout.write(f"MRR@10      {scores.mrr_10:.4f}")
        reference = published_bm25(collection.path)
        if reference:
            name, ndcg = reference
            self.stdout.write(
                f"BEIR paper, Elasticsearch BM25 on {name}: nDCG@10 {ndcg:.3f} "
                f"({scores.ndcg_10 - ndcg:+.3f} here)"
            )
        if options["run_path"]:
            write_run(options["run_path"], result.run, f"kbtu-{engine.name}")
            self.stdout.write(f"Run written to {options['run_path']}")

    def engine(self, options):
        """The engine, and whether it is a throwaway index to drop afterwards."""
        name = options["engine"]
        extra = {}
        throwaway = False
        if name == "opensearch":
            if options["url"]:
                extra["url"] = options["url"]
            if options["index_prefix"]:
                extra["index_prefix"] = options["index_prefix"]
            else:
                extra["index_prefix"] = f"{settings.SEARCH_INDEX_PREFIX}-eval-{uuid.uuid4().hex[:8]}"
                throwaway = True
        elif options["url"] or options["index_prefix"]:
            raise CommandError("--url and --index-prefix are for --engine opensearch.")
        try:
            return create_engine(name, **extra), throwaway
        except (ValueError, ImportError, KeyError) as error:
            raise CommandError(str(error)) from error

    def progress(self, stage: str, done: int, total: int) -> None:
        self.stdout.write(f"\r{stage}: {done:,}/{total:,}", ending="")
        self.stdout.flush()

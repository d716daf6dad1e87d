"""``manage.py bench_search``: index build rate and query latency of every
search engine, and of Wagtail's own database search, on generated libraries
of 1,000, 10,000 and 100,000 items (``make bench-search``).

It never touches the site's data: it creates a throwaway database (a
temporary SQLite file, or ``kbtu_bench`` on the PostgreSQL server of
DATABASE_URL), migrates it, runs there and drops it.
"""

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search.bench import runner
from search.bench.corpus import SEED, describe, documents
from search.engines import create_engine, database_engine_name

DEFAULT_SIZES = "1000,10000,100000"
ENGINES = ("database", "wagtail", "opensearch")


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise CommandError(f"--sizes takes whole numbers separated by commas, not {text!r}.") from None
    if not sizes or any(size < 1 for size in sizes):
        raise CommandError(f"--sizes takes positive numbers, not {text!r}.")
    return sizes


def parse_limits(values: list[str]) -> dict[str, int]:
    limits = {}
    for value in values or []:
        name, _, size = value.partition("=")
        if name not in ENGINES or not size.isdigit():
            raise CommandError(
                f"--limit takes ENGINE=SIZE with ENGINE one of {', '.join(ENGINES)}, not {value!r}."
            )
        limits[name] = int(size)
    return limits


@contextlib.contextmanager
def benchmark_database(name: str, keep: bool):
    """Create, migrate and (unless ``keep``) drop a database of our own."""
    test = connection.settings_dict.setdefault("TEST", {})
    previous = test.get("NAME")
    test["NAME"] = name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection.settings_dict["NAME"]
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        test["NAME"] = previous


class Command(BaseCommand):
    help = "Benchmark the search engines and Wagtail's database search on generated libraries."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default=os.environ.get("BENCH_SIZES") or DEFAULT_SIZES,
            help=f"corpus sizes, comma-separated (default: $BENCH_SIZES or {DEFAULT_SIZES})",
        )
        parser.add_argument(
            "--engines",
            default=",".join(ENGINES),
            help="database (the current database's engine), wagtail, opensearch; comma-separated",
        )
        parser.add_argument(
            "--limit",
            action="append",
            metavar="ENGINE=SIZE",
            help="skip ENGINE for corpora larger than SIZE (repeatable)",
        )
        parser.add_argument("--rounds", type=int, default=20, help="rounds of the query mix (default 20)")
        parser.add_argument(
            "--budget",
            type=float,
            default=60.0,
            help="seconds of querying per engine and size; at least one round is run (default 60)",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=10.0,
            help="cut off a query after this many seconds and do not repeat it (default 10; 0: never)",
        )
        parser.add_argument(
            "--no-bare-wagtail",
            action="store_true",
            help="do not also time Wagtail without facet counts and snippets",
        )
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument(
            "--database-name",
            help="the throwaway database (default: kbtu_bench on PostgreSQL, a temporary file on SQLite)",
        )
        parser.add_argument(
            "--keep-database", action="store_true", help="leave the benchmark database in place"
        )
        parser.add_argument(
            "--opensearch-url",
            default=os.environ.get("SEARCH_TEST_URL", ""),
            help="an OpenSearch/Elasticsearch to use (default: $SEARCH_TEST_URL, else an osmem-server)",
        )
        parser.add_argument("--json", dest="json_path", help="write every measurement to this file")
        parser.add_argument(
            "--profile", action="store_true", help="print cProfile tables of the largest size"
        )

    def handle(self, *args, **options):
        sizes = parse_sizes(options["sizes"])
        engines = [name.strip() for name in options["engines"].split(",") if name.strip()]
        unknown = set(engines) - set(ENGINES)
        if unknown:
            raise CommandError(
                f"Unknown engine(s) {', '.join(sorted(unknown))}; choose from {', '.join(ENGINES)}."
            )
        limits = parse_limits(options["limit"])
        if settings.DEBUG:
            # DEBUG keeps every SQL statement in memory and slows each one down.
            settings.DEBUG = False
        for logger in ("opensearch", "elasticsearch", "elastic_transport", "urllib3"):
            logging.getLogger(logger).setLevel(logging.WARNING)
        name = options["database_name"]
        scratch = None
        if not name:
            if connection.vendor == "sqlite":
                scratch = Path(tempfile.mkdtemp(prefix="kbtu-bench-"))
                name = str(scratch / "bench.sqlite3")
            else:
                name = "kbtu_bench"
        try:
            self.benchmark(name, sizes, engines, limits, options)
        finally:
            if scratch and not options["keep_database"]:
                shutil.rmtree(scratch, ignore_errors=True)

    def benchmark(self, name, sizes, engines, limits, options):
        self.stdout.write(f"Benchmark database: {connection.vendor} {name} (created, migrated, then dropped)")
        with benchmark_database(name, options["keep_database"]), contextlib.ExitStack() as stack:
            info = runner.machine()
            self.stdout.write("Machine: " + ", ".join(f"{k}={v}" for k, v in info.items()))
            shape = describe(documents(min(sizes[0], 2000), options["seed"]))
            self.stdout.write("Corpus: " + ", ".join(f"{k}={v}" for k, v in _rounded(shape).items()))
            targets = self.targets(engines, options, stack)
            runs = []
            for size in sizes:
                self.stdout.write(f"\n{size:,} items")
                for target in targets:
                    if size > limits.get(_kind(target.name), size):
                        self.stdout.write(f"  {target.name}: skipped (--limit)")
                        continue
                    timing = {
                        "rounds": options["rounds"],
                        "budget": options["budget"],
                        "timeout": options["timeout"] or None,
                        "log": self.stdout.write,
                    }
                    run = runner.measure(
                        target,
                        size,
                        seed=options["seed"],
                        profile=options["profile"] and size == max(sizes),
                        **timing,
                    )
                    runs.append(run)
                    if run.profile:
                        self.stdout.write(run.profile)
                    if (
                        isinstance(target, runner.WagtailTarget)
                        and not run.error
                        and not options["no_bare_wagtail"]
                    ):
                        variant = f"{target.name}, page + total only"
                        runs.append(
                            runner.measure_variant(target, size, variant, target.search_bare, **timing)
                        )
                    target.clear()
            for target in targets:
                with contextlib.suppress(Exception):
                    target.close()
        self.stdout.write("\n" + runner.report(runs, info))
        self.stdout.write(
            f"\nTargets: p95 ≤ {runner.TARGET_P95_MS:.0f} ms for one- to three-word queries "
            f"({', '.join(runner.TARGET_CATEGORIES)}) at 100,000 items on SQLite and PostgreSQL; "
            f"build ≥ {runner.TARGET_ITEMS_PER_SECOND:,.0f} items/s."
        )
        if options["json_path"]:
            runner.dump(runs, info | {"corpus": shape}, options["json_path"])
            self.stdout.write(f"Measurements written to {options['json_path']}")
        if any(run.error for run in runs):
            raise CommandError("Some engines failed; see above.")

    def targets(self, engines, options, stack) -> list:
        result = []
        for name in engines:
            try:
                if name == "database":
                    engine_name = database_engine_name()
                    result.append(runner.EngineTarget(engine_name, create_engine(engine_name)))
                elif name == "wagtail":
                    target = runner.WagtailTarget()
                    target.name = f"wagtail ({target.wagtail.backend_name})"
                    result.append(target)
                elif name == "opensearch":
                    url, pid = options["opensearch_url"], None
                    if not url:
                        from osmem_server import OsmemServer

                        server = stack.enter_context(OsmemServer.start())
                        clone = stack.enter_context(server.clone())
                        url, pid = clone.url, server.pid
                    engine = create_engine(
                        "opensearch", url=url, index_prefix=runner.opensearch_index_prefix()
                    )
                    label = "opensearch (osmem)" if pid else "opensearch"
                    result.append(runner.EngineTarget(label, engine, server_pid=pid))
            except Exception as error:  # an engine that is missing must not stop the others
                self.stderr.write(f"{name}: not available ({type(error).__name__}: {error})")
        if not result:
            raise CommandError("No engine could be set up.")
        return result


def _kind(target_name: str) -> str:
    if target_name.startswith("wagtail"):
        return "wagtail"
    if target_name.startswith("opensearch"):
        return "opensearch"
    return "database"


def _rounded(shape: dict) -> dict:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in shape.items()}

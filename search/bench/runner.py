"""Timing the engines on the generated library.

For each corpus size, each engine starts empty, indexes the corpus through
its own bulk path (``engine.rebuild``; Wagtail: ``backend.add_bulk`` in
chunks of 1,000 as ``update_index`` does) and then answers the fixed query
mix: one warm-up round, then rounds until ``rounds`` are done or ``budget``
seconds have passed (at least one). Every request asks for the first page
with facet counts and snippets. With ``timeout``, a query that takes longer
is cut off, counted at the timeout (so percentiles become lower bounds,
shown with ≥) and not run again on that engine.

* Build rate = items / seconds spent inside the engine: generating the
  corpus is timed separately and left out (Wagtail: so is saving its rows).
* Latency is measured around the call, in this process, so it includes the
  client (HTTP + JSON for OpenSearch, the ORM for Wagtail).
* Peak RSS is this process's high-water mark during the engine's build and
  queries (Linux: reset between phases through /proc/self/clear_refs;
  elsewhere the process peak from getrusage, which only grows). An
  OpenSearch server's memory is its own process's and reported separately.
"""

import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from django.db import connection

from .corpus import SEED, documents
from .queries import CATEGORIES, QUERIES, BenchQuery

TARGET_P95_MS = 50.0
# The latency target is for one- to three-word queries (facet filters included).
TARGET_CATEGORIES = ("one word", "two words", "three words", "two facet filters")
TARGET_ITEMS_PER_SECOND = 1000.0


# --- measuring ---------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _status_kb(pid: int | str, key: str) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return float(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> bool:
    """Start a new high-water mark for this process (Linux ≥ 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float:
    kb = _status_kb("self", "VmHWM")
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform == "darwin":
            kb /= 1024
    return kb / 1024


def process_rss_mb(pid: int) -> float | None:
    kb = _status_kb(pid, "VmRSS")
    return kb / 1024 if kb is not None else None


def database_bytes() -> int | None:
    """Bytes the database uses now (SQLite: pages in use; PostgreSQL: the
    database's size on disk)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA freelist_count")
            pages -= cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0]
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    return None


def compact_database() -> None:
    """Give back the space of rows a previous run deleted, so the next
    build's growth is its own."""
    if connection.vendor == "postgresql" and connection.get_autocommit():
        with connection.cursor() as cursor:
            cursor.execute("VACUUM FULL")


# --- what is measured -----------------------------------------------------------


@dataclass
class QueryStats:
    query: str
    category: str
    latencies_ms: list[float] = field(default_factory=list)
    total: int = 0
    results: int = 0
    snippets: int = 0
    facet_buckets: int = 0
    fallback: bool = False
    suggestion: str = ""
    timeouts: int = 0


@dataclass
class Run:
    engine: str
    size: int
    indexed: int = 0
    build_seconds: float = 0.0
    generate_seconds: float = 0.0
    rounds: int = 0
    peak_rss_mb: float = 0.0
    server_rss_mb: float | None = None
    index_mb: float | None = None
    queries: list[QueryStats] = field(default_factory=list)
    timeout: float | None = None
    error: str = ""
    profile: str = ""

    @property
    def timeouts(self) -> int:
        return sum(q.timeouts for q in self.queries)

    @property
    def items_per_second(self) -> float:
        return self.indexed / self.build_seconds if self.build_seconds else float("nan")

    def latencies(self, category: str | None = None) -> list[float]:
        return [ms for q in self.queries if category in (None, q.category) for ms in q.latencies_ms]

    def p(self, fraction: float, category: str | None = None) -> float:
        return percentile(self.latencies(category), fraction)


class Target:
    """One thing being measured: builds an index of ``size`` items and
    answers a ``BenchQuery``."""

    name = ""
    server_pid: int | None = None
    untimed = 0.0  # seconds of build() that were not indexing (Wagtail: saving its rows)
    content_bytes = 0  # database bytes of build() that are content, not index (Wagtail: its rows)

    def __init__(self):
        self.timed_out: dict[str, set[str]] = {}  # run name -> queries that ran out of time

    def build(self, items: Iterable) -> int:
        raise NotImplementedError

    def search(self, query: BenchQuery, stats: QueryStats | None) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.clear()


class EngineTarget(Target):
    def __init__(self, name: str, engine, server_pid: int | None = None):
        super().__init__()
        self.name = name
        self.engine = engine
        self.server_pid = server_pid

    def build(self, items):
        return self.engine.rebuild(items)

    def search(self, query, stats):
        response = self.engine.search(query.request())
        if stats is not None:
            stats.total = response.total
            stats.results = len(response.results)
            stats.snippets = sum(1 for result in response.results if result.snippet or result.hits)
            stats.facet_buckets = sum(len(buckets) for buckets in response.facets.values())
            stats.fallback = response.fallback
            stats.suggestion = response.suggestion

    def clear(self):
        self.engine.clear()

    def close(self):
        self.engine.clear()
        if hasattr(self.engine, "drop"):
            self.engine.drop()


class WagtailTarget(Target):
    """Wagtail's database backend; rows are saved before each chunk is
    indexed, and only the indexing is timed (see ``build``)."""

    def __init__(self):
        from .wagtail import WagtailDatabaseSearch

        super().__init__()
        self.wagtail = WagtailDatabaseSearch()
        self.wagtail.create_table()
        self.name = "wagtail"

    def build(self, items):
        count = 0
        chunk = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.wagtail.chunk_size:
                count += self._index(chunk)
                chunk = []
        if chunk:
            count += self._index(chunk)
        return count

    def _index(self, chunk) -> int:
        from .wagtail import row

        started = time.perf_counter()
        rows = [row(item) for item in chunk]
        before = database_bytes()
        self.wagtail.store(rows)
        after = database_bytes()
        if before is not None and after is not None:
            self.content_bytes += after - before
        self.untimed += time.perf_counter() - started
        self.wagtail.index(rows)
        return len(rows)

    def search(self, query, stats, facets=True):
        result = self.wagtail.search(query, facets=facets)
        if stats is not None:
            stats.total = result["total"]
            stats.results = result["page"]
            stats.snippets = sum(1 for snippet in result["snippets"] if snippet)
            stats.facet_buckets = sum(len(counts) for counts in result["facets"].values())

    def search_bare(self, query, stats):
        """The page of results and the total only."""
        self.search(query, stats, facets=False)

    def clear(self):
        self.wagtail.clear()

    def close(self):
        self.wagtail.drop_table()


# --- running --------------------------------------------------------------------


def timed(items: Iterator, clock: list[float]) -> Iterator:
    """Yield from ``items``, adding the time spent producing them to clock[0]."""
    while True:
        started = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            clock[0] += time.perf_counter() - started
            return
        clock[0] += time.perf_counter() - started
        yield item


class QueryTimeout(Exception):
    pass


@contextlib.contextmanager
def statement_timeout(seconds: float | None):
    """Abort a database query that runs longer than ``seconds`` (SQLite:
    interrupt the connection from a timer; PostgreSQL: statement_timeout)."""
    if not seconds:
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        timer = threading.Timer(seconds, connection.connection.interrupt)
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{int(seconds * 1000)}ms"])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('statement_timeout', '0', false)")
    else:
        yield


def _is_timeout(error: Exception) -> bool:
    text = f"{type(error).__name__}: {error}".lower()
    return any(word in text for word in ("interrupted", "canceling statement", "timeout", "timed out"))


def measure(
    target: Target,
    size: int,
    *,
    seed: int = SEED,
    queries: tuple[BenchQuery, ...] = QUERIES,
    rounds: int = 20,
    budget: float = 60.0,
    timeout: float | None = None,
    profile: bool = False,
    log: Callable[[str], None] = lambda message: None,
) -> Run:
    """Build ``target`` with ``size`` items and time the query mix on it."""
    run = Run(target.name, size, timeout=timeout)
    try:
        target.clear()
        compact_database()
        before = database_bytes()
        reset_peak_rss()
        clock = [0.0]
        target.untimed = 0.0
        target.content_bytes = 0
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        with profiler or contextlib.nullcontext():
            run.indexed = target.build(timed(documents(size, seed), clock))
        untimed = clock[0] + target.untimed
        run.generate_seconds = untimed
        run.build_seconds = time.perf_counter() - started - untimed
        log(f"  {target.name}: indexed {run.indexed:,} items in {run.build_seconds:.1f} s")
        after = database_bytes()
        if before is not None and after is not None and target.server_pid is None:
            run.index_mb = (after - before - target.content_bytes) / 2**20
        if profiler:
            run.profile = _profile_text(profiler, "build")
        query_phase(target, run, target.search, queries, rounds, budget, timeout, profile, log)
    except Exception as error:  # one engine failing must not lose the others' numbers
        run.error = f"{type(error).__name__}: {error}"
        log(f"  {target.name}: FAILED: {run.error}")
    return run


def measure_variant(target: Target, size: int, name: str, search, **options) -> Run:
    """Time another way of querying the index ``target`` has just built
    (Wagtail without facets and snippets); no build figures."""
    log = options.pop("log", lambda message: None)
    run = Run(name, size, timeout=options.get("timeout"))
    try:
        reset_peak_rss()
        query_phase(
            target,
            run,
            search,
            options.get("queries", QUERIES),
            options.get("rounds", 20),
            options.get("budget", 60.0),
            options.get("timeout"),
            False,
            log,
        )
    except Exception as error:
        run.error = f"{type(error).__name__}: {error}"
        log(f"  {name}: FAILED: {run.error}")
    return run


def query_phase(target, run, search, queries, rounds, budget, timeout, profile, log) -> None:
    """One warm-up round (which also records the totals), then rounds until
    ``rounds`` are done or ``budget`` seconds have passed (at least one).

    A query that runs out of ``timeout`` gets one sample at the timeout (a
    lower bound) and is not run again on this target, at this size or a
    larger one (where it gets its one sample at the timeout too).
    """
    run.queries = [QueryStats(str(q), q.category) for q in queries]
    timed_out = target.timed_out.setdefault(run.engine, set())

    counted: set[str] = set()  # timed-out queries already given their one sample

    def once(query, stats, record):
        if str(query) in timed_out:
            if record and str(query) not in counted:
                # One sample at the timeout (a lower bound), not one per round.
                counted.add(str(query))
                stats.timeouts += 1
                stats.latencies_ms.append(timeout * 1000)
            return
        started = time.perf_counter()
        try:
            with statement_timeout(timeout):
                search(query, None if record else stats)
        except Exception as error:
            if not (timeout and _is_timeout(error)):
                raise
            timed_out.add(str(query))
            log(f"    timed out after {timeout:.0f} s: {query}")
            if not record:
                return
            counted.add(str(query))
            stats.timeouts += 1
        if record:
            stats.latencies_ms.append((time.perf_counter() - started) * 1000)

    for query, stats in zip(queries, run.queries, strict=True):
        once(query, stats, record=False)
    profiler = cProfile.Profile() if profile else None
    deadline = time.perf_counter() + budget
    while run.rounds < rounds and (run.rounds == 0 or time.perf_counter() < deadline):
        with profiler or contextlib.nullcontext():
            for query, stats in zip(queries, run.queries, strict=True):
                once(query, stats, record=True)
        run.rounds += 1
        if all(str(query) in timed_out for query in queries):
            break
    if profiler:
        run.profile += _profile_text(profiler, "queries")
    run.peak_rss_mb = peak_rss_mb()
    if target.server_pid:
        run.server_rss_mb = process_rss_mb(target.server_pid)
    log(f"  {run.engine}: {run.rounds} rounds, p95 {run.p(0.95):.1f} ms")


def _profile_text(profiler: cProfile.Profile, title: str, limit: int = 25) -> str:
    out = io.StringIO()
    out.write(f"--- {title}: top {limit} by own time ---\n")
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    return out.getvalue()


# --- where it ran ------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = _status_meminfo()
    info = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu or platform.processor() or platform.machine(),
        "memory_gb": round(memory / 2**20, 1) if memory else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "database": connection.vendor,
        "load_average": " ".join(f"{value:.1f}" for value in os.getloadavg())
        if hasattr(os, "getloadavg")
        else "",
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["postgresql"] = cursor.fetchone()[0]
    return info


def _status_meminfo() -> float | None:
    with contextlib.suppress(OSError), open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return float(line.split()[1])
    return None


# --- reporting ----------------------------------------------------------------------


def _ms(value: float) -> str:
    return "–" if value != value else f"{value:.1f}"  # NaN → dash


def report(runs: list[Run], info: dict) -> str:
    """The tables for docs/performance.md (Markdown)."""
    lines = []
    sizes = sorted({run.size for run in runs})
    lines.append(
        "| engine | items | build (items/s) | p50 ms | p95 ms | p99 ms | 1–3 words p95 ms | "
        "samples | peak RSS MB | index MB |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        for run in (r for r in runs if r.size == size):
            if run.error:
                lines.append(f"| {run.engine} | {size:,} | failed: {run.error[:80]} | | | | | | | |")
                continue
            censored = "≥" if run.timeouts else ""
            words = [ms for q in run.queries if q.category in TARGET_CATEGORIES for ms in q.latencies_ms]
            rss = f"{run.peak_rss_mb:.0f}"
            if run.server_rss_mb is not None:
                rss += f" (+ server {run.server_rss_mb:.0f})"
            build = "–" if not run.build_seconds else f"{run.items_per_second:,.0f}"
            samples = f"{len(run.latencies())}" + (f" ({run.timeouts} timed out)" if run.timeouts else "")
            lines.append(
                f"| {run.engine} | {size:,} | {build} | {censored}{_ms(run.p(0.5))} | "
                f"{censored}{_ms(run.p(0.95))} | {censored}{_ms(run.p(0.99))} | "
                f"{censored}{_ms(percentile(words, 0.95))} | {samples} | {rss} | "
                f"{'–' if run.index_mb is None else f'{run.index_mb:.0f}'} |"
            )
    largest = max(sizes) if sizes else 0
    big = [r for r in runs if r.size == largest and not r.error]
    if big:
        lines.append("")
        lines.append(f"p95 by kind of query at {largest:,} items (ms):")
        lines.append("")
        lines.append("| engine | " + " | ".join(CATEGORIES) + " |")
        lines.append("|---|" + "---:|" * len(CATEGORIES))
        for run in big:
            cells = []
            for category in CATEGORIES:
                censored = "≥" if any(q.timeouts for q in run.queries if q.category == category) else ""
                cells.append(censored + _ms(run.p(0.95, category)))
            lines.append(f"| {run.engine} | " + " | ".join(cells) + " |")
        lines.append("")
        lines.append(f"Each query at {largest:,} items: how many items it found (p50 ms):")
        lines.append("")
        lines.append("| query | " + " | ".join(run.engine for run in big) + " |")
        lines.append("|---|" + "---:|" * len(big))
        for index, query in enumerate(big[0].queries):
            cells = []
            for run in big:
                stats = run.queries[index]
                if stats.timeouts and not stats.total:
                    cells.append(f"timed out (≥{_ms(percentile(stats.latencies_ms, 0.5))})")
                    continue
                note = ""
                if stats.fallback:
                    note += " any-word"
                if stats.suggestion:
                    note += f" →{stats.suggestion}"
                cells.append(f"{stats.total:,}{note} ({_ms(percentile(stats.latencies_ms, 0.5))})")
            lines.append(f"| `{query.query}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def dump(runs: list[Run], info: dict, path: str) -> None:
    data = {
        "machine": info,
        "runs": [asdict(run) | {"items_per_second": run.items_per_second} for run in runs],
    }
    with open(path, "w") as out:
        json.dump(data, out, ensure_ascii=False, indent=1, default=str)


def load(path: str) -> tuple[dict, list[Run]]:
    """Read back what ``dump`` wrote (to report several runs together)."""
    with open(path) as source:
        data = json.load(source)
    runs = []
    for raw in data["runs"]:
        raw = {key: value for key, value in raw.items() if key in Run.__dataclass_fields__}
        raw["queries"] = [QueryStats(**stats) for stats in raw.get("queries", [])]
        runs.append(Run(**raw))
    return data["machine"], runs


def opensearch_index_prefix() -> str:
    return f"bench-{uuid.uuid4().hex[:8]}"

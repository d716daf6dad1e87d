"""The one interface every search engine implements.

Views, commands and signal handlers talk to an engine only through this
interface; what differs between SQLite, PostgreSQL and OpenSearch stays inside
``search/engines/<name>.py``.
"""

import gc
import multiprocessing
import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import TypeVar

from ..documents import FACETS, IndexDocument

T = TypeVar("T")

PER_PAGE = 10
MAX_PAGE = 1000
SORTS = ("relevance", "date")


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter), as itertools.batched
    does from Python 3.12."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def prepared_ahead(
    prepare: Callable[[list], T],
    items: Iterable,
    size: int,
    *,
    ahead: int,
    workers: int = 1,
    processes: bool = False,
    spare_cores: int = 1,
    first: int | None = None,
) -> Iterator[T]:
    """``prepare`` of each ``size`` items, in order, run up to ``ahead``
    batches ahead of the caller, who writes meanwhile. The first batch holds
    ``first`` items when given, so the writes start sooner.

    ``prepare`` runs in up to ``workers`` forked worker processes with
    ``processes`` (it must be pure Python and touch no database), leaving
    ``spare_cores`` cores to the caller (none where its writes mostly wait on
    a database server in another process), else in one helper thread. With a
    single batch (a page was published), or processes asked for with one core
    or no fork, the caller's thread does it all."""
    iterator = iter(items)
    opening = list(islice(iterator, first)) if first else []
    batches = chain([opening] if opening else [], batched(iterator, size))
    head = list(islice(batches, 2))
    cores = os.cpu_count() or 1
    if not processes:
        workers = 1  # the helper thread
    elif cores > 1:
        workers = min(cores - spare_cores, workers)
    else:
        workers = 0
    forks = "fork" in multiprocessing.get_all_start_methods()
    if len(head) < 2 or workers < 1 or (processes and not forks):
        yield from map(prepare, chain(head, batches))
        return
    if processes:
        # The workers only prepare batches, whose objects hold no reference
        # cycles (tests/search/test_prepared_ahead.py): reference counting
        # frees them all, and the cyclic collector would only walk the batch
        # in hand over and over (a quarter of the workers' time).
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.disable
        )
    else:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-prepare")
    with pool:
        pending: deque = deque()
        for batch in chain(head, batches):
            pending.append(pool.submit(prepare, batch))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass
class SearchRequest:
    query: str
    locale: str
    site_id: int
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet -> selected values
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE


@dataclass
class Hit:
    """Where inside an item the query matched."""

    kind: str  # "text" | "transcript" | "document"
    snippet: str  # HTML-escaped text with <mark>…</mark> around matched words
    url: str
    start: float | None = None  # transcript: seconds
    document: str = ""  # document: its title
    document_id: int | None = None
    page: int | None = None  # document: page number


@dataclass
class Result:
    id: int
    title: str
    url: str
    type: str
    date: date
    provider: str
    snippet: str
    score: float = 0.0
    hits: list[Hit] = field(default_factory=list)


@dataclass
class FacetBucket:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    query: str
    total: int
    took_ms: float
    page: int
    pages: int
    results: list[Result]
    facets: dict[str, list[FacetBucket]]
    suggestion: str = ""
    fallback: bool = False  # True when no item had every word and any-word matches are shown

    @classmethod
    def empty(cls, request: SearchRequest) -> "SearchResponse":
        return cls(request.query, 0, 0.0, request.page, 0, [], {name: [] for name in FACETS})


class SearchEngine(ABC):
    """Index documents, delete them, search, suggest, rebuild, report health."""

    name: str = ""
    # True when writes go through the site's database connection, so they
    # commit or roll back with the publish that caused them.
    transactional: bool = False
    # Cases of the behaviour suite this engine cannot do, with the reason;
    # documented in docs/search.md and asserted as known differences.
    known_differences: dict[str, str] = {}

    @abstractmethod
    def index(self, documents: Iterable[IndexDocument]) -> None:
        """Add or replace these documents."""

    @abstractmethod
    def delete(self, ids: Iterable[int]) -> None:
        """Remove these items (unknown ids are ignored)."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse:
        """Results, facet counts, highlights. Never raises for user input."""

    @abstractmethod
    def suggest(self, prefix: str, locale: str, site_id: int, limit: int = 8) -> list[str]:
        """As-you-type completions from titles, speakers, topics and frequent terms."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything from the index."""

    @abstractmethod
    def indexed_ids(self) -> set[int]:
        """The ids of every item in the index."""

    def rebuild(self, documents: Iterable[IndexDocument], batch_size: int = 200) -> int:
        """Replace the whole index; engines with aliases override this to swap
        atomically. Returns the number of documents indexed."""
        self.clear()
        count = 0
        for batch in batched(documents, batch_size):
            self.index(batch)
            count += len(batch)
        return count

    def health(self) -> dict:
        """Whether the engine answers, and how many items it holds."""
        try:
            return {"engine": self.name, "ok": True, "count": len(self.indexed_ids())}
        except Exception as error:  # health must report, not raise
            return {"engine": self.name, "ok": False, "error": str(error)}

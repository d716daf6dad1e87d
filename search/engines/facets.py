"""Facet counts and date order from bitmaps kept in memory, for the database
engines.

Counting facets in SQL means a GROUP BY over every matching item's facet
rows: hundreds of thousands of rows for a common word in a 100,000-item
library. Instead each process keeps, per database, locale and site, one
bitmap per facet value and counts a query's items with one AND and popcount
per value. An engine rebuilds the bitmaps when a generation token, which
every index write replaces in the same transaction, has changed.

A bitmap is a NumPy array of booleans, one per item slot; the engines combine
them with ``&``, ``|`` and ``~``. Slots are in date order, newest first (ties
by id), so "the newest matching items" is the first few slots set. Counting
uses a bit-packed copy of every value's bitmap: one AND and a popcount over
a few kilobytes per value, where a Python loop per item would cost more than
a search may take.
"""

import operator
import threading
from collections.abc import Callable, Hashable, Iterable
from itertools import groupby

import numpy as np

from ..documents import FACETS
from .base import FacetBucket

Bitmap = np.ndarray  # one bool per item slot

MEMORY = 32 * 1024 * 1024  # bytes of bitmaps one locale and site may use
INDEXES = 8  # locales and sites whose bitmaps a process keeps
DENSE_SPAN = 16  # ids may spread over this many times the items for a slot table (4 bytes an id)


def sorted_buckets(buckets: dict[str, dict[str, FacetBucket]]) -> dict[str, list[FacetBucket]]:
    """Buckets per facet, most items first (then by label)."""
    return {
        name: sorted(values.values(), key=lambda bucket: (-bucket.count, bucket.label.lower(), bucket.value))
        for name, values in buckets.items()
    }


def _frozen(bits: np.ndarray) -> np.ndarray:
    bits.setflags(write=False)
    return bits


class FacetIndex:
    """One locale and site's items, in date order, and the bitmap of each
    facet value's items.

    ``items``: (id, day) of every item; ``memberships``: (value id, item id)
    pairs sorted by value id; ``meta``: value id -> (facet, value, label)."""

    def __init__(
        self,
        token: Hashable,
        items: Iterable[tuple[int, int]],
        memberships: Iterable[tuple[int, int]],
        meta: dict[int, tuple[str, str, str]],
    ):
        ordered = sorted(items, key=lambda item: (-item[1], item[0]))
        self.token = token
        ids = [item_id for item_id, _ in ordered]
        self.days = [day for _, day in ordered]
        self.size = len(ids)
        self.slot = dict(zip(ids, range(self.size), strict=True))
        self._ids = np.array(ids, dtype=np.int64)  # slot -> id
        order = np.argsort(self._ids, kind="stable")
        self._sorted_ids = self._ids[order]  # for looking slots up by id
        self._sorted_slots = order
        # Slots by id straight from a table when the ids lie close together
        # (page ids do; other locales' pages lie between them), which maps
        # a common word's tens of thousands of ids five times faster than
        # the binary search it falls back to.
        self._low = int(self._sorted_ids[0]) if self.size else 0
        span = int(self._sorted_ids[-1]) - self._low + 1 if self.size else 0
        self._slot_table = None
        if self.size and span <= DENSE_SPAN * self.size:
            self._slot_table = np.full(span, -1, dtype=np.int32)
            self._slot_table[self._sorted_ids - self._low] = order
        # Shared by every search of this process: read-only, so that an
        # in-place operator (``|=``) fails loudly instead of changing them.
        self.every = _frozen(np.ones(self.size, dtype=bool))
        self.nothing = _frozen(np.zeros(self.size, dtype=bool))
        self.values: dict[int, np.ndarray] = {}
        for value_id, group in groupby(memberships, key=operator.itemgetter(0)):
            self.values[value_id] = _frozen(self.bitmap([item_id for _, item_id in group]))
        self.meta = meta
        self._rows = list(self.values)  # value ids in the order of _packed's rows
        self._packed = (
            np.packbits(np.stack([self.values[value_id] for value_id in self._rows]), axis=1)
            if self._rows
            else np.zeros((0, 0), dtype=np.uint8)
        )

    @staticmethod
    def fits(items: int, values: int) -> bool:
        """Whether bitmaps of this many values over this many items fit in MEMORY."""
        return values * (items + 1) <= MEMORY

    def bitmap(self, item_ids) -> np.ndarray:
        """The bitmap of these items (ids of other locales and sites are
        ignored); ``item_ids`` is any iterable of ints, fastest as a list,
        an array.array or a NumPy array."""
        if isinstance(item_ids, np.ndarray):
            ids = item_ids.astype(np.int64, copy=False)
        elif isinstance(item_ids, list | tuple) or hasattr(item_ids, "buffer_info"):
            ids = np.asarray(item_ids, dtype=np.int64)
        else:
            ids = np.fromiter(item_ids, dtype=np.int64)
        bits = np.zeros(self.size, dtype=bool)
        if self._slot_table is not None and ids.size:
            offsets = ids - self._low
            offsets = offsets[(offsets >= 0) & (offsets < self._slot_table.size)]
            slots = self._slot_table[offsets]
            bits[slots[slots >= 0]] = True
        elif self.size and ids.size:
            places = np.minimum(np.searchsorted(self._sorted_ids, ids), self.size - 1)
            known = self._sorted_ids[places] == ids
            bits[self._sorted_slots[places[known]]] = True
        return bits

    @staticmethod
    def population(bits: np.ndarray) -> int:
        """How many items a bitmap holds."""
        return int(np.count_nonzero(bits))

    def newest(self, bits: np.ndarray, start: int, end: int) -> list[int]:
        """Ids of the items in ``bits`` from ``start`` to ``end`` in date
        order (newest first, then by id)."""
        if end <= start:
            return []
        return self._ids[np.flatnonzero(bits)[start:end]].tolist()

    def _counts(self, bits: np.ndarray) -> np.ndarray:
        """Per value (rows of _packed): how many of its items are in ``bits``."""
        if not self._rows:
            return np.zeros(0, dtype=np.int64)
        return np.bitwise_count(self._packed & np.packbits(bits)).sum(axis=1, dtype=np.int64)

    def count(
        self, matching: np.ndarray, filters: dict[str, list[str]], selected: dict[str, list[int]]
    ) -> tuple[int, np.ndarray, dict[str, list[FacetBucket]]]:
        """How many matching items pass the filters, their bitmap, and the
        facet counts: a facet with a selection is counted under the other
        facets' filters only, so its other values stay visible (AND across
        facets, OR within one)."""
        masks = {}
        for name, value_ids in selected.items():
            mask = self.nothing
            for value_id in value_ids:
                if value_id in self.values:
                    mask = mask | self.values[value_id]
            masks[name] = mask
        everything = matching
        for mask in masks.values():
            everything = everything & mask
        counts = {None: self._counts(everything)}
        for name in masks:
            base = matching
            for other, mask in masks.items():
                if other != name:
                    base = base & mask
            counts[name] = self._counts(base)
        buckets: dict[str, dict[str, FacetBucket]] = {name: {} for name in FACETS}
        for row, value_id in enumerate(self._rows):
            name, value, label = self.meta.get(value_id, ("", "", ""))
            if name not in buckets:
                continue
            count = int(counts[name if name in masks else None][row])
            chosen = value in filters.get(name, ())
            if count or chosen:
                buckets[name][value] = FacetBucket(value, label, count, chosen)
        for name, values in filters.items():
            for value in values:
                buckets[name].setdefault(value, FacetBucket(value, value, 0, True))
        return self.population(everything), everything, sorted_buckets(buckets)


class FacetIndexes:
    """This process's FacetIndex per key (database, locale, site), rebuilt
    when the generation token read in the current transaction differs."""

    def __init__(self):
        self._lock = threading.Lock()
        self._indexes: dict[Hashable, FacetIndex | None] = {}
        self._tokens: dict[Hashable, Hashable] = {}

    def get(
        self, key: Hashable, token: Hashable, build: Callable[[], "FacetIndex | None"]
    ) -> FacetIndex | None:
        """The index for ``key`` at ``token``; ``build()`` makes it (None
        when it would not fit in memory)."""
        with self._lock:
            if key in self._tokens and self._tokens[key] == token:
                return self._indexes[key]
        index = build()
        with self._lock:
            self._tokens.pop(key, None)
            self._indexes.pop(key, None)
            while len(self._tokens) >= INDEXES:  # forget the oldest
                oldest = next(iter(self._tokens))
                del self._tokens[oldest], self._indexes[oldest]
            self._tokens[key], self._indexes[key] = token, index
        return index

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()
            self._indexes.clear()

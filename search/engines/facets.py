"""Facet counts and date order from bitmaps kept in memory, for the database
engines.

Counting facets in SQL means a GROUP BY over every matching item's facet
rows: hundreds of thousands of rows for a common word in a 100,000-item
library. Instead each process keeps, per database, locale and site, one
bitmap per facet value and counts a query's items with one AND and popcount
per value. An engine rebuilds the bitmaps when a generation token, which
every index write replaces in the same transaction, has changed.

A bitmap is a Python int holding one byte per item slot (little-endian, byte
``n`` is 1 when the item in slot ``n`` is in the set): a byte rather than a bit
so that building one and picking items out of one (``itertools.compress``)
run in C, with no Python loop per item. Slots are in date order, newest first
(ties by id), so "the newest matching items" is the first few slots set.
"""

import operator
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from itertools import compress, groupby, islice, repeat

from ..documents import FACETS
from .base import FacetBucket

MEMORY = 32 * 1024 * 1024  # bytes of bitmaps one locale and site may use
INDEXES = 8  # locales and sites whose bitmaps a process keeps


def sorted_buckets(buckets: dict[str, dict[str, FacetBucket]]) -> dict[str, list[FacetBucket]]:
    """Buckets per facet, most items first (then by label)."""
    return {
        name: sorted(values.values(), key=lambda bucket: (-bucket.count, bucket.label.lower(), bucket.value))
        for name, values in buckets.items()
    }


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
        self.ids = [item_id for item_id, _ in ordered]
        self.days = [day for _, day in ordered]
        self.size = len(self.ids)
        self.slot = dict(zip(self.ids, range(self.size), strict=True))
        self.every = int.from_bytes(b"\x01" * self.size, "little")
        self.values: dict[int, int] = {}
        for value_id, group in groupby(memberships, key=operator.itemgetter(0)):
            self.values[value_id] = self.bitmap(map(operator.itemgetter(1), group))
        self.meta = meta

    @staticmethod
    def fits(items: int, values: int) -> bool:
        """Whether bitmaps of this many values over this many items fit in MEMORY."""
        return values * (items + 1) <= MEMORY

    def bitmap(self, item_ids: Iterable[int]) -> int:
        """The bitmap of these items (ids of other locales and sites are ignored)."""
        spare = self.size  # where unknown ids go; cleared below
        bits = bytearray(self.size + 1)
        slots = map(self.slot.get, item_ids, repeat(spare))
        deque(map(operator.setitem, repeat(bits), slots, repeat(1)), maxlen=0)
        bits[spare] = 0
        return int.from_bytes(bits, "little")

    def flags(self, bits: int) -> bytes:
        """One byte per slot: 1 for the items in ``bits``."""
        return bits.to_bytes(self.size + 1, "little")

    def contains(self, flags: bytes, item_id: int) -> bool:
        slot = self.slot.get(item_id)
        return slot is not None and flags[slot] == 1

    def newest(self, bits: int, start: int, end: int) -> list[int]:
        """Ids of the items in ``bits`` from ``start`` to ``end`` in date
        order (newest first, then by id)."""
        return list(islice(compress(self.ids, self.flags(bits)), start, end))

    def day(self, item_id: int) -> int:
        return self.days[self.slot[item_id]]

    def count(
        self, matching: int, filters: dict[str, list[str]], selected: dict[str, list[int]]
    ) -> tuple[int, int, dict[str, list[FacetBucket]]]:
        """How many matching items pass the filters, their bitmap, and the
        facet counts: a facet with a selection is counted under the other
        facets' filters only, so its other values stay visible (AND across
        facets, OR within one)."""
        masks = {}
        for name, value_ids in selected.items():
            mask = 0
            for value_id in value_ids:
                mask |= self.values.get(value_id, 0)
            masks[name] = mask
        everything = matching
        for mask in masks.values():
            everything &= mask
        others = {}
        for name in masks:
            base = matching
            for other, mask in masks.items():
                if other != name:
                    base &= mask
            others[name] = base
        buckets: dict[str, dict[str, FacetBucket]] = {name: {} for name in FACETS}
        for value_id, bits in self.values.items():
            name, value, label = self.meta.get(value_id, ("", "", ""))
            if name not in buckets:
                continue
            count = (bits & others.get(name, everything)).bit_count()
            chosen = value in filters.get(name, ())
            if count or chosen:
                buckets[name][value] = FacetBucket(value, label, count, chosen)
        for name, values in filters.items():
            for value in values:
                buckets[name].setdefault(value, FacetBucket(value, value, 0, True))
        return everything.bit_count(), everything, sorted_buckets(buckets)


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

"""FacetIndex: bitmaps of ids, whichever way it looks slots up, and the counts drawn from them."""

import random

import numpy as np
import pytest

from search.engines import facets
from search.engines.facets import FacetIndex


def make_index(ids: list[int], seed: int = 1) -> FacetIndex:
    rng = random.Random(seed)
    items = [(item_id, rng.randrange(18000, 20000)) for item_id in ids]
    memberships = sorted((value_id, item_id) for item_id in ids for value_id in rng.sample([1, 2, 3], 2))
    meta = {
        1: ("topic", "transport", "Транспорт"),
        2: ("topic", "health", "Здоровье"),
        3: ("city", "almaty", "Алматы"),
    }
    return FacetIndex("token", items, memberships, meta)


def expected_bits(index: FacetIndex, ids) -> list[bool]:
    wanted = set(ids)
    return [item_id in wanted for item_id in index._ids.tolist()]


@pytest.mark.parametrize(
    "ids, table",
    [
        (list(range(100, 400, 3)), True),  # close together: a slot table
        ([7, 10**9, 3 * 10**9, 5, 123456789], False),  # far apart: the binary search
    ],
    ids=["dense", "sparse"],
)
def test_bitmap_holds_exactly_the_known_ids(ids, table):
    index = make_index(ids)
    assert (index._slot_table is not None) is table
    asked = random.Random(2).sample(ids, len(ids) // 2)
    asked += [0, -5, min(ids) - 1, max(ids) + 1, 10**12, ids[0] + 1]  # none of them indexed
    for given in (asked, np.array(asked, dtype=np.int64), iter(asked)):
        bits = index.bitmap(given)
        assert bits.dtype == bool
        assert bits.tolist() == expected_bits(index, asked)
    assert not index.bitmap([]).any()


def test_slot_table_only_for_ids_that_lie_close_together(monkeypatch):
    monkeypatch.setattr(facets, "DENSE_SPAN", 2)
    assert make_index([1, 2, 4, 6])._slot_table is not None  # 6 ids' span over 4 items
    assert make_index([1, 2, 4, 9])._slot_table is None  # 9 > 2 × 4


def test_counts_follow_the_bitmap_and_filters():
    ids = list(range(1, 61))
    index = make_index(ids)
    matching = index.bitmap(ids[:30])
    total, everything, buckets = index.count(matching, {"city": ["almaty"]}, {"city": [3]})
    in_almaty = index.bitmap(index._ids[index.values[3]].tolist())
    assert total == int(np.count_nonzero(matching & in_almaty)) == int(np.count_nonzero(everything))
    topics = {bucket.value: bucket.count for bucket in buckets["topic"]}
    assert topics["transport"] == int(np.count_nonzero(matching & in_almaty & index.values[1]))
    cities = {bucket.value: bucket for bucket in buckets["city"]}
    assert cities["almaty"].selected and cities["almaty"].count == int(np.count_nonzero(matching & in_almaty))

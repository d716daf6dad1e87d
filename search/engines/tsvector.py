"""tsvectors in PostgreSQL's binary format, many at once, with NumPy.

PostgreSQL parses a tsvector literal character by character, then sorts
its entries and merges a lexeme's positions: for the index's vectors that
was most of what the server did an item. In the binary format
(``tsvectorsend``/``tsvectorrecv``) a vector arrives already grouped, its
lexemes in byte order and each lexeme's positions ascending, and is taken
almost as it is, a third of the server's work (measured with COPY in the
same table). Grouping and sorting then fall to us, so they are done for a
whole batch of vectors at once with NumPy sorts, never a Python loop a word.

The format (``src/backend/utils/adt/tsvector.c``)::

    int32 number of lexemes
    per lexeme, in byte order (shorter first on a common prefix):
        the lexeme's UTF-8, a NUL byte
        uint16 number of positions (at most 256)
        uint16 per position, ascending: weight << 14 | position (1 … 16383)

all big-endian. Weights: A 3, B 2, C 1, D 0.
"""

import itertools
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

MAX_POSITIONS = 256  # a lexeme keeps its first 256 positions, as tsvector input does
WEIGHT_BITS = {"A": 3 << 14, "B": 2 << 14, "C": 1 << 14, "D": 0}


@dataclass
class Lexicon:
    """The distinct terms of a batch in byte order, and each word's rank in it."""

    terms: list[str]  # the distinct terms in byte order
    ranks: np.ndarray  # per word: its term's place in byte order
    arena: np.ndarray  # uint8: every term's UTF-8 and a NUL, in rank order
    starts: np.ndarray  # per rank: where its bytes start in ``arena``
    lengths: np.ndarray  # per rank: its bytes, the NUL included

    @classmethod
    def of(cls, words: list[str]) -> "Lexicon":
        # dict.setdefault numbers each new term (from a counter that every word
        # advances), all in C; the numbers of the distinct terms come out in
        # insertion order, ascending, so a binary search makes them dense.
        numbers: dict[str, int] = {}
        sparse = np.fromiter(map(numbers.setdefault, words, itertools.count()), np.int64, len(words))
        dense = np.searchsorted(np.fromiter(numbers.values(), np.int64, len(numbers)), sparse)
        distinct = list(numbers)
        encoded = [term.encode() for term in distinct]
        order = sorted(range(len(encoded)), key=encoded.__getitem__)  # bytes order = PostgreSQL's
        rank_of = np.empty(len(encoded), np.int32)
        rank_of[order] = np.arange(len(encoded), dtype=np.int32)
        lengths = np.fromiter((len(encoded[index]) + 1 for index in order), np.int32, len(order))
        starts = np.cumsum(lengths, dtype=np.int32) - lengths
        arena = np.frombuffer(b"".join([encoded[index] + b"\0" for index in order]), np.uint8)
        return cls([distinct[index] for index in order], rank_of[dense], arena, starts, lengths)


def _ranges(starts: np.ndarray, lengths: np.ndarray, total: int) -> np.ndarray:
    """start, start + 1, …, start + length - 1 for each pair (lengths > 0), concatenated."""
    steps = np.ones(total, np.int32)
    if total:
        steps[0] = starts[0]
        ends = np.cumsum(lengths[:-1])
        steps[ends] = starts[1:] - starts[:-1] - lengths[:-1] + 1
    return np.cumsum(steps, dtype=np.int32)


def _put_be(out: np.ndarray, at: np.ndarray, values: np.ndarray, size: int) -> None:
    """Write ``values`` as big-endian unsigned integers of ``size`` bytes at ``at``."""
    for byte in range(size):
        out[at + byte] = values >> (8 * (size - 1 - byte))  # uint8: the low byte is kept


class Encoded(NamedTuple):
    data: bytes  # the vectors back to back
    offsets: np.ndarray  # vector n is data[offsets[n]:offsets[n + 1]]
    ranks: np.ndarray  # each vector's lexemes (their ranks in the lexicon), vector after vector
    bounds: np.ndarray  # vector n's lexemes are ranks[bounds[n]:bounds[n + 1]]


def encode(
    vector: np.ndarray, ranks: np.ndarray, stamps: np.ndarray, lexicon: Lexicon, vectors: int
) -> Encoded:
    """The binary tsvectors of ``vectors`` vectors: word i (its term's rank
    in ``lexicon`` is ``ranks[i]``) goes into vector ``vector[i]`` with
    position-and-weight ``stamps[i]``. A vector's words must come in
    ascending position order (as they are in the text), and a position must
    not repeat within a vector.

    Returns the vectors back to back, where each starts, and which lexemes
    each holds."""
    distinct = max(len(lexicon.lengths), 1)
    key = vector.astype(np.int64) * distinct + ranks
    order = np.argsort(key, kind="stable")  # stable: positions stay ascending within an entry
    key = key[order]
    words = len(key)
    first = np.ones(words, bool)
    first[1:] = key[1:] != key[:-1]
    entry_starts = np.flatnonzero(first).astype(np.int32)
    counts = np.diff(entry_starts, append=np.int32(words))
    # A lexeme keeps its first MAX_POSITIONS positions (the lowest).
    place = np.arange(words, dtype=np.int32) - np.repeat(entry_starts, counts)
    if len(counts) and counts.max() > MAX_POSITIONS:
        kept = place < MAX_POSITIONS
        order, place = order[kept], place[kept]
        counts = np.minimum(counts, MAX_POSITIONS)
    entry_key = key[entry_starts]
    entry_vector = (entry_key // distinct).astype(np.int32)
    entry_rank = (entry_key - entry_vector.astype(np.int64) * distinct).astype(np.int32)
    lexeme_bytes = lexicon.lengths[entry_rank]
    entry_size = lexeme_bytes + 2 + 2 * counts
    # Every vector starts with its 4-byte count; its entries follow in order.
    entry_offset = np.cumsum(entry_size, dtype=np.int32) - entry_size + 4 * (entry_vector + 1)
    vector_size = 4 + np.bincount(entry_vector, weights=entry_size, minlength=vectors).astype(np.int64)
    offsets = np.zeros(vectors + 1, np.int64)
    np.cumsum(vector_size, out=offsets[1:])
    out = np.empty(int(offsets[-1]), np.uint8)
    entries = np.bincount(entry_vector, minlength=vectors)
    _put_be(out, offsets[:-1], entries, 4)
    total = int(lexeme_bytes.sum())
    target = _ranges(entry_offset, lexeme_bytes, total)
    out[target] = lexicon.arena[target - np.repeat(entry_offset - lexicon.starts[entry_rank], lexeme_bytes)]
    count_at = entry_offset + lexeme_bytes
    _put_be(out, count_at, counts, 2)
    _put_be(out, np.repeat(count_at + 2, counts) + 2 * place, stamps[order], 2)
    bounds = np.zeros(vectors + 1, np.int64)
    np.cumsum(entries, out=bounds[1:])
    return Encoded(out.tobytes(), offsets, entry_rank, bounds)

"""The binary tsvector encoder (search/engines/tsvector.py), read back byte
by byte: grouping, PostgreSQL's lexeme order, positions, the 256 cap."""

import struct

import numpy as np

from search.engines.tsvector import MAX_POSITIONS, WEIGHT_BITS, Lexicon, encode


def decode(data: bytes) -> list[tuple[str, list[int]]]:
    """A binary tsvector as (lexeme, positions with weight bits), in stored order."""
    (count,) = struct.unpack_from(">i", data)
    at, entries = 4, []
    for _ in range(count):
        end = data.index(b"\0", at)
        lexeme = data[at:end].decode()
        (npos,) = struct.unpack_from(">H", data, end + 1)
        positions = list(struct.unpack_from(f">{npos}H", data, end + 3))
        entries.append((lexeme, positions))
        at = end + 3 + 2 * npos
    assert at == len(data), "trailing bytes"
    return entries


def vectors(words, vector, stamps, count):
    lexicon = Lexicon.of(words)
    vector, stamps = np.array(vector, np.int32), np.array(stamps, np.int32)
    data, offsets, ranks, bounds = encode(vector, lexicon.ranks, stamps, lexicon, count)
    assert offsets[0] == 0 and offsets[-1] == len(data)
    decoded = [decode(data[offsets[n] : offsets[n + 1]]) for n in range(count)]
    # which lexemes each vector holds, as the caller is told
    assert [[lexicon.terms[rank] for rank in ranks[bounds[n] : bounds[n + 1]]] for n in range(count)] == [
        [lexeme for lexeme, _ in entries] for entries in decoded
    ]
    return decoded


def test_groups_a_vectors_words_in_postgres_lexeme_order():
    words = ["город", "b", "ab", "город", "abc", "a", "қала", "b"]
    (vector,) = vectors(words, [0] * len(words), range(2, 10), 1)
    # bytes order, a shorter lexeme before its extensions; Cyrillic after Latin
    assert [lexeme for lexeme, _ in vector] == ["a", "ab", "abc", "b", "город", "қала"]
    assert dict(vector)["город"] == [2, 5]
    assert dict(vector)["b"] == [3, 9]


def test_several_vectors_at_once_and_empty_ones():
    words = ["x", "y", "x", "z", "y"]
    a = WEIGHT_BITS["A"]
    result = vectors(words, [2, 0, 2, 0, 2], [2 | a, 2, 3 | a, 4, 5 | a], 4)
    assert result[0] == [("y", [2]), ("z", [4])]
    assert result[1] == [] and result[3] == []
    assert result[2] == [("x", [2 | a, 3 | a]), ("y", [5 | a])]


def test_a_lexeme_keeps_its_first_256_positions():
    words = ["слово"] * 300 + ["другое"]
    (vector,) = vectors(words, [0] * len(words), range(2, 303), 1)
    assert dict(vector)["слово"] == list(range(2, 2 + MAX_POSITIONS))
    assert dict(vector)["другое"] == [302]


def test_no_words():
    assert vectors([], [], [], 2) == [[], []]

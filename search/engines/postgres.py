"""PostgreSQL full-text engine: weighted tsvectors with GIN indexes, BM25 per
field, trigram "did you mean", all inside the site's own database.

Text is analysed in Python by ``search.analysis`` (the pipeline the SQLite
engine uses too: fold case/ё/accents/Kazakh letters, drop stop words, Snowball
Russian for Cyrillic words and English for Latin ones, Kazakh words unstemmed
and matched by prefix), so document vectors and queries always agree and
snippets mark exactly the words that matched. Lexemes are the analysed
terms, always quoted (see ``quote``). User text never reaches SQL or tsquery
syntax: every value is a bound parameter and every lexeme is quoted.

Tables (migrations 0003 and 0005):

``search_pg_item``     one row per item: metadata, facet codes, ``vector`` (all
                       passages: A title, B summary/people/topics, C
                       body/transcript, D documents), ``title_vector`` (the
                       title's lexemes), word counts per weight class for BM25,
                       and what the item added to the vocabulary (so replacing
                       or deleting it takes that back). GIN indexes on both
                       vectors.
``search_pg_passage``  one row per passage with its own vector: phrases,
                       snippets and hits (transcript times, document pages).
``search_pg_facet``    facet values with their labels per locale.
``search_pg_term``     per site and locale: lexeme document frequencies (IDF),
                       word forms as written ("did you mean"), titles, speaker
                       and topic labels (suggestions; trigram index on a Latin
                       transliteration) and collection statistics.
``search_pg_generation``  per site and locale: a random token that every index
                       write replaces in its own transaction.

Indexing: ``prepare_batch`` turns documents into COPY data and the
vocabulary changes summed over the batch. Most items go in COPY's binary
format, their vectors grouped and sorted in Python, a few hundred items at
a time with NumPy (search/engines/tsvector.py): PostgreSQL takes a binary
tsvector almost as it is, where a literal is parsed, sorted and merged, and
that was half of its work an item. Positions run on through an item (each
passage starts one past the end of the one before), so phrases never run
across passages and the item's vector holds every passage's words. Items
too long for that (see ``_prepare_text``) go in the text format, their
vectors as tsvector literals. Batches are prepared ahead of the writes:
by ``rebuild`` in forked worker processes (a small first batch, so the
writes start at once; it ANALYZEs the tables at the end), by ``index`` in
one helper thread (it runs in web processes, which should not fork).

Searching: one statement returns the ids of the matching items (and, for
relevance, of the items with each query word in the title), as int8 bytea.
Everything else happens in memory, in a FacetIndex per site and locale
(search/engines/facets.py, rebuilt whenever the generation token changed):
the total and every facet's counts (one AND and popcount per value) and the
date order (slots newest first). When the bitmaps would not fit in
facets.MEMORY, one SQL statement counts and orders instead (``_match``).

Ranking: BM25 per weight class (k1 1.2, b per class against the class's
average length, IDF from the document frequencies), summed with the class
weights from FIELD_WEIGHTS, times a small boost for newer items; ties by date
(newest first), then id.

* Exact when at most RANK_WINDOW (100) items match: every one is scored.
* Approximate above that. The matches are put in a cheap order: more query
  words in the title first, then newest (then id). The first RANK_WINDOW of
  that order are scored exactly and sorted by score, which gives the pages
  inside the window; pages beyond it keep the cheap order. So an item with
  no query word in its title can only reach the first pages of a common
  word if fewer than RANK_WINDOW newer-or-titled items match. Total, facet
  counts and date order are always exact.
"""

import array
import itertools
import logging
import math
import operator
import re
import secrets
import struct
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from ..analysis import TOKEN_RE, analyse_word, fold, is_kazakh, tokens
from ..documents import FACETS, FIELD_WEIGHTS, IndexDocument
from ..highlight import highlight
from ..query import ParsedQuery, clean, parse_query
from .base import (
    MAX_PAGE,
    PER_PAGE,
    SORTS,
    FacetBucket,
    Hit,
    Result,
    SearchEngine,
    SearchRequest,
    SearchResponse,
    prepared_ahead,
)
from .facets import Bitmap, FacetIndex, FacetIndexes
from .tsvector import WEIGHT_BITS, Encoded, Lexicon, encode

logger = logging.getLogger(__name__)

# Weight classes of a tsvector; ts_rank* take their weights as {D, C, B, A}.
FIELD_CLASS = {
    "title": "A",
    "summary": "B",
    "people": "B",
    "topics": "B",
    "body": "C",
    "transcript": "C",
    "document": "D",
}
CLASSES = "ABCD"
CLASS_WEIGHT = {
    cls: max(weight for name, weight in FIELD_WEIGHTS.items() if FIELD_CLASS.get(name, "C") == cls)
    for cls in CLASSES
}
# ts_rank weights for picking the best passage of an item: FIELD_WEIGHTS scaled to ≤ 1.
PASSAGE_WEIGHTS = "{" + ",".join(f"{CLASS_WEIGHT[c] / CLASS_WEIGHT['A']:.3f}" for c in "DCBA") + "}"

# BM25 per weight class (term-frequency saturation, length normalisation
# against the class's average), summed with the class weights.
K1 = 1.2
B = {"A": 0.5, "B": 0.75, "C": 0.75, "D": 0.75}
# ts_rank_cd of a one-term query with weights {D, C, B, A} is the weighted
# count of the term's occurrences; with weights 1 and 1/1024 one call counts
# two classes at once, exactly (powers of two): D + A/1024, then C + B/1024.
PACK = 1024
PACKED_WEIGHTS = (f"{{1,0,0,{1 / PACK}}}", f"{{0,1,{1 / PACK},0}}")
# Newer items get up to +10 % (halving roughly every 3.5 years): enough to win a tie.
RECENCY_BOOST = 0.1
RECENCY_DAYS = 1825.0

# With more matches than this, the exact score is computed for the first
# RANK_WINDOW in a cheap order (more query words in the title first, then
# newest): reading every match's vector would not stay fast.
RANK_WINDOW = 100
TIER_TERMS = 16  # query words whose presence in the title counts for the cheap order
MAX_POSITION = 16383  # PostgreSQL clamps tsvector positions here
MAX_LEXEME_CHARS = 100  # longer words are cut (the same at index and query time)
MAX_VECTOR_BYTES = 900_000  # lexeme text of one tsvector must stay under 1 MB
MAX_FORM_CHARS = 200
MAX_PER_PAGE = 100
MAX_SUGGESTED_WORDS = 5  # misspelled words looked up for "did you mean"
PREFIX_MIN_CHARS = 3
HIT_LIMIT = 3
HIT_SNIPPET_CHARS = 160

SURROGATES_RE = re.compile("[\ud800-\udfff]")

# Cyrillic (after ``fold``, so Kazakh letters are already Russian ones) to
# Latin: suggestions and "did you mean" compare transliterations, so «Эри»
# finds "Erika Rushton" and trigrams work whatever the database's locale.
TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip
SUGGEST_KIND_RANK = {"p": 0, "c": 0, "t": 1, "w": 2}


def _text(value) -> str:
    """A string PostgreSQL accepts: no NUL bytes, no lone surrogates."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    if "\x00" in value:
        value = value.replace("\x00", " ")  # as query.clean does
    try:
        value.encode()  # fails only on a lone surrogate; a fifth of a regex search's time
    except UnicodeEncodeError:
        value = SURROGATES_RE.sub("", value)
    return value


def latin(text: str) -> str:
    """Folded, transliterated to Latin, spaces collapsed."""
    return " ".join(fold(text).translate(TRANSLIT).split())


def _lexeme(term: str, prefix: bool = False) -> str:
    """A tsquery operand for an analysed term, quoted (``quote``) so that
    whatever the term holds is inert."""
    return quote(term) + (":*" if prefix else "")


def _upper_bound(prefix: str) -> str:
    """The smallest string (codepoint order, i.e. COLLATE "C") above every string starting with ``prefix``."""
    last = ord(prefix[-1])
    return prefix[:-1] + chr(last + 1) if last < 0x10FFFF else prefix + "\U0010ffff"


def _osa_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- indexing -------------------------------------------------------------------

# "12A": a position with its weight, made once. Positions start at 2: the gap
# left at 1 keeps phrases from running across passages once the item's
# vector is put together from its passages' vectors.
POSITIONS = {cls: [f"{position}{cls}" for position in range(MAX_POSITION + 1)] for cls in CLASSES}
BATCH = 2000  # items per statement: the vocabulary upsert is per batch
REBUILD_BATCH = 5000  # items per transaction in rebuild (fewer, larger vocabulary upserts)
FIRST_BATCH = 500  # rebuild's first batch: the writes start once it is analysed
PREPARE_AHEAD = 2  # batches analysed ahead of the writes (~32 kB of COPY data an item)
# rebuild analyses in forked processes, one a core up to this many: analysis
# is Python (one core a process), and PostgreSQL's share of the work is
# smaller (two workers on two cores: ~20 % faster than one helper thread).
REBUILD_WORKERS = 4
GIN_INDEXES = [
    "search_pg_item_vector",
    "search_pg_item_title",
]  # their pending lists are merged after a rebuild
WRITE_LOCK = 0x5EA4_0001  # pg_advisory_xact_lock key: index writers take turns
# An item's facets are int codes: the facet's place in FACETS << 24 | the
# search_pg_facet row of its value (so a code's facet is code >> 24).
FACET_SHIFT = 24
FACET_MASK = (1 << FACET_SHIFT) - 1


@lru_cache(maxsize=200_000)
def _term(word: str) -> str:
    return analyse_word(word)[:MAX_LEXEME_CHARS]


@lru_cache(maxsize=200_000)
def quote(term: str) -> str:
    """A lexeme as tsvector and tsquery literals write it: in quotes, with a
    quote doubled and a backslash escaped, so whatever it holds is inert
    (analysed terms hold letters, digits and apostrophes only anyway).
    Prefixes (``:*``) compare bytes, so they work on the terms as they are."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


@lru_cache(maxsize=200_000)
def _size(term: str) -> int:
    """Bytes a lexeme takes in a tsvector (its UTF-8 and some overhead)."""
    return len(term.encode()) + 4


@lru_cache(maxsize=200_000)
def _latin(text: str) -> str:
    return latin(text)


@dataclass
class _Analysed:
    """One document's passages analysed: where both row formats start."""

    document: IndexDocument
    item_id: int
    locale: str
    site_id: int
    texts: list[str]
    fields: list[str]
    terms: list[list[str]]  # per passage
    pieces: set[str]  # the whitespace-separated pieces of its text (for the word forms)
    lengths: dict[str, int]  # words per weight class
    run_on: bool  # positions run on through the item (it stays below MAX_POSITION)
    binary: bool  # run_on and no vector can pass MAX_VECTOR_BYTES: binary tsvectors


@dataclass
class _Prepared:
    """One document analysed, its rows already in COPY's text or binary format."""

    site_id: int
    locale: str
    binary: bool
    head: bytes  # the search_pg_item row up to its facets column...
    codes: list[tuple[int, str]]  # (facet code without its search_pg_facet id, facet:value key)
    tail: bytes  # ...and from the facets column to the end of the row
    passages: bytes  # search_pg_passage rows
    facets: list[tuple[str, str]]  # (facet:value key, label)
    vocab: set[str]  # kind + form of each vocabulary row the item counts in
    lengths: dict[str, int]  # words per weight class


# A search_pg_item row: (locale, head, facet codes, tail); the facets column,
# between head and tail, is written once the codes' row ids are known.
Row = tuple[str, bytes, list[tuple[int, str]], bytes]


@dataclass
class PreparedBatch:
    """Documents analysed into what a write sends: COPY data and the
    vocabulary changes summed over the batch, so the writing thread only
    streams bytes and runs a few statements. Most items come in COPY's
    binary format; items too long for it (see ``_prepare_text``) in its text
    format."""

    ids: list[int]  # one per item: the last version of an id given twice wins
    scopes: list[tuple[int, str]]  # (site id, locale)
    vocabulary: dict[str, str | list]  # VOCABULARY_SQL's parameters (see _vocabulary_changes)
    facets: list[tuple[str, str, str]]  # (locale, facet:value key, label)
    passages: bytes  # search_pg_passage rows, binary format (no signature)
    items: list[Row]  # search_pg_item rows, binary format, in write order
    text_passages: bytes = b""  # search_pg_passage rows, text format
    text_items: list[Row] = field(default_factory=list)  # search_pg_item rows, text format


NO_LATIN = "\x1f"  # a NULL latin in _vocabulary_changes' text (str.split() drops it from every latin)


def _vocabulary_changes(counts: dict[tuple[int, str], Counter]) -> dict[str, str | list]:
    """VOCABULARY_SQL's parameters for these counts of vocabulary rows (kind
    + form) a site and locale. One line a row in a few long texts rather
    than lists: psycopg would quote tens of thousands of list elements one
    by one in Python, in the writing process. Lines hold what
    search_pg_item.vocab holds (kind + form, never a line break) and latins
    (spaces only)."""
    scopes = sorted(counts)
    entries: list[str] = []
    latins: list[str] = []
    deltas: list[str] = []
    numbers: list[str] = []
    for number, scope in enumerate(scopes, start=1):
        counter = counts[scope]
        entries += counter
        latins += [NO_LATIN if latin is None else latin for latin in map(_vocabulary_latin, counter)]
        deltas += map(str, counter.values())
        numbers += itertools.repeat(str(number), len(counter))
    return {
        "scope_sites": [site_id for site_id, _ in scopes],
        "scope_locales": [locale for _, locale in scopes],
        "scopes": "\n".join(numbers),
        "entries": "\n".join(entries),
        "latins": "\n".join(latins),
        "deltas": "\n".join(deltas),
    }


# VOCABULARY_SQL's parameters with no changes (a delete only takes back).
NO_VOCABULARY = _vocabulary_changes({})


def _vocabulary_latin(entry: str) -> str | None:
    """A vocabulary row's transliteration: for what suggestions and "did you mean" compare."""
    kind, form = entry[0], entry[1:]
    if kind in "wpc":
        return _latin(form)
    return latin(form) if kind == "t" else None


def prepared_batches(
    documents: Iterable[IndexDocument], size: int, first: int | None = None, processes: bool = False
) -> Iterator[PreparedBatch]:
    """prepare_batch of each ``size`` documents (``first`` in the first
    batch), up to PREPARE_AHEAD batches ahead of the writes (see
    prepared_ahead): in one helper thread, or with ``processes`` in up to
    REBUILD_WORKERS forked processes, one a core (the writes mostly wait on
    PostgreSQL, whose work is in its own process)."""
    return prepared_ahead(
        prepare_batch,
        documents,
        size,
        ahead=PREPARE_AHEAD,
        first=first,
        processes=processes,
        workers=REBUILD_WORKERS,  # processes only: a thread is always one
        spare_cores=0,
    )


def prepare_batch(documents: list[IndexDocument]) -> PreparedBatch:
    """Analyse documents (no database): the last version of an id given twice wins."""
    latest = {int(document.id): document for document in documents if document is not None}
    analysed = [_analyse(document) for document in latest.values()]
    prepared = [_prepare_text(item) for item in analysed if not item.binary]
    binary = [item for item in analysed if item.binary]
    for start in range(0, len(binary), VECTOR_CHUNK):
        prepared += _prepare_binary(binary[start : start + VECTOR_CHUNK])
    counts: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for item in prepared:
        counter = counts[item.site_id, item.locale]
        counter.update(item.vocab)
        counter["#n"] += 1
        for cls in CLASSES:
            counter["#" + cls.lower()] += item.lengths[cls]
    labels = {(item.locale, key): label for item in prepared for key, label in item.facets}
    # Grouped by site and locale: a search reads fewer table pages.
    order = sorted(prepared, key=lambda item: (item.site_id, item.locale))
    return PreparedBatch(
        ids=list(latest),
        scopes=sorted(counts),
        vocabulary=_vocabulary_changes(counts),
        facets=[(locale, key, label) for (locale, key), label in labels.items()],
        passages=b"".join([item.passages for item in prepared if item.binary]),
        items=[(item.locale, item.head, item.codes, item.tail) for item in order if item.binary],
        text_passages=b"".join([item.passages for item in prepared if not item.binary]),
        text_items=[(item.locale, item.head, item.codes, item.tail) for item in order if not item.binary],
    )


class _Cache(dict):
    """``compute(key)`` kept for the next lookup, up to ``size`` keys (then
    it starts over). Looked up once a word: a hit is one dict lookup in C,
    cheaper than lru_cache's bookkeeping."""

    def __init__(self, compute: Callable, size: int):
        super().__init__()
        self.compute, self.size = compute, size

    def __missing__(self, key):
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def _terms_of_piece(piece: str) -> tuple[str, ...]:
    """The indexed terms of one whitespace-separated piece of text (words
    never span whitespace, so a text's terms are its pieces' terms)."""
    return tuple(term for term in map(_term, TOKEN_RE.findall(piece)) if term)


def _forms_of_piece(piece: str) -> tuple[str, ...]:
    """The vocabulary entries ("w" + word as written) of one piece."""
    return tuple(
        "w" + word[:MAX_LEXEME_CHARS]
        for word in TOKEN_RE.findall(piece)
        if len(word) >= 3 and not word.isdigit() and _term(word)
    )


PIECE_TERMS = _Cache(_terms_of_piece, 300_000)
PIECE_FORMS = _Cache(_forms_of_piece, 300_000)


def _analyse(document: IndexDocument) -> _Analysed:
    """The terms of each passage, and which row format the item takes."""
    texts, fields, terms = [], [], []
    pieces: set[str] = set()
    lengths = dict.fromkeys(CLASSES, 0)
    for passage in document.passages:
        text = _text(passage.text)
        split = text.split()
        pieces.update(split)
        found = list(itertools.chain.from_iterable(map(PIECE_TERMS.__getitem__, split)))
        passage_field = _text(passage.field)
        lengths[FIELD_CLASS.get(passage_field, "C")] += len(found)
        texts.append(text)
        fields.append(passage_field)
        terms.append(found)
    words = sum(lengths.values())
    run_on = words + len(terms) < MAX_POSITION
    # Below this many words no vector can reach MAX_VECTOR_BYTES (2 bytes a
    # position, ≤ 4 bytes a letter); above it the lexemes are counted.
    binary = run_on and (
        words * (2 + 4 * MAX_LEXEME_CHARS + 4) <= MAX_VECTOR_BYTES
        or 2 * words + sum(map(_size, set(itertools.chain.from_iterable(terms)))) <= MAX_VECTOR_BYTES
    )
    return _Analysed(
        document,
        int(document.id),
        _text(document.locale),
        int(document.site_id),
        texts,
        fields,
        terms,
        pieces,
        lengths,
        run_on,
        binary,
    )


def _facets(document: IndexDocument) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The item's facet values (facet:value key -> label) and their codes without row ids."""
    facets: dict[str, str] = {}
    codes = []
    for number, name in enumerate(FACETS):
        for value, label in document.facets.get(name, []) or []:
            key = f"{name}:{_text(value)[:MAX_FORM_CHARS]}"
            if key not in facets:
                facets[key] = _text(label)[:MAX_FORM_CHARS]
                codes.append((number << FACET_SHIFT, key))
    return facets, codes


def _vocabulary(item: _Analysed, lexemes: Iterable[str]) -> set[str]:
    """kind + form of each vocabulary row the item counts in: its lexemes
    (``lexemes``, each already "l" + lexeme), words as written (w), title
    (t), speakers (p) and topics (c)."""
    document = item.document
    vocab = set(lexemes)
    vocab.update(itertools.chain.from_iterable(map(PIECE_FORMS.__getitem__, item.pieces)))
    title = " ".join(_text(document.title).split())[:MAX_FORM_CHARS]
    if title:
        vocab.add("t" + title)
    for kind, facet in (("p", "speaker"), ("c", "topic")):
        for _, label in document.facets.get(facet, []) or []:
            label = " ".join(_text(label).split())[:MAX_FORM_CHARS]
            if label:
                vocab.add(kind + label)
    return vocab


# --- binary rows -----------------------------------------------------------------

VECTOR_CHUNK = 250  # items whose vectors are made together (NumPy arrays stay a few MB)
BINARY_SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)  # no flags, no header extension
BINARY_TRAILER = struct.pack(">h", -1)
LENGTH = struct.Struct(">i")
INT4 = struct.Struct(">ii")  # a field: its length (4) and an int4
INT8 = struct.Struct(">iq")
FLOAT8 = struct.Struct(">id")
NULL_FIELD = LENGTH.pack(-1)
PASSAGE_HEAD = struct.Struct(">hiqii")  # 10 fields; item_id, position
ITEM_HEAD = struct.Struct(">hiq")  # 18 fields; id
INT4_OID = 23
DAY_ZERO_ORDINAL = date(2000, 1, 1).toordinal()  # PostgreSQL dates count days from here


def _field(data: bytes) -> bytes:
    return LENGTH.pack(len(data)) + data


def _text_field(value: str) -> bytes:
    return _field(value.encode())


@lru_cache(maxsize=10_000)
def _name_field(value) -> bytes:
    """_text_field of a short value repeated across rows (a passage's kind, field, document title)."""
    return _text_field(_text(value))


def _int4_array(values: list[int]) -> bytes:
    """An int4[] field as array_send writes it (one dimension, no NULLs)."""
    if not values:
        return struct.pack(">iiii", 12, 0, 0, INT4_OID)
    return struct.pack(
        f">iiiiii{2 * len(values)}i",
        20 + 8 * len(values),
        1,
        0,
        INT4_OID,
        len(values),
        1,
        *itertools.chain.from_iterable(zip(itertools.repeat(4), values)),
    )


def _vector_slices(encoded: Encoded) -> list[memoryview]:
    """Each vector of ``encode``'s output, without copying."""
    view = memoryview(encoded.data)
    bounds = encoded.offsets.tolist()
    return [view[start:end] for start, end in zip(bounds[:-1], bounds[1:], strict=True)]


def _prepare_binary(chunk: list[_Analysed]) -> list[_Prepared]:
    """Rows in COPY's binary format for items whose positions run on and
    whose vectors fit: the vectors of every passage, item and title of the
    chunk made at once (search/engines/tsvector.py). Positions run on through
    an item: word n of the item, in its passage k, is at n + k + 2 (a gap
    between passages, so phrases never run across them, and none at 1)."""
    passage_terms = [terms for item in chunk for terms in item.terms]
    fields = [passage_field for item in chunk for passage_field in item.fields]
    per_passage = np.fromiter(map(len, passage_terms), np.int32, len(passage_terms))
    per_item = np.fromiter((sum(item.lengths.values()) for item in chunk), np.int32, len(chunk))
    ordinals = np.fromiter(
        itertools.chain.from_iterable(range(len(item.terms)) for item in chunk), np.int32, len(fields)
    )
    weights = np.fromiter((WEIGHT_BITS[FIELD_CLASS.get(name, "C")] for name in fields), np.int32, len(fields))
    lexicon = Lexicon.of(list(itertools.chain.from_iterable(passage_terms)))
    passage = np.repeat(np.arange(len(fields), dtype=np.int32), per_passage)
    item_of_word = np.repeat(np.arange(len(chunk), dtype=np.int32), per_item)
    first_word = np.cumsum(per_item, dtype=np.int32) - per_item
    position = np.arange(len(passage), dtype=np.int32) - first_word[item_of_word] + ordinals[passage] + 2
    stamps = position | weights[passage]
    in_title = np.fromiter((name == "title" for name in fields), bool, len(fields))[passage]
    passage_vectors = iter(_vector_slices(encode(passage, lexicon.ranks, stamps, lexicon, len(fields))))
    items = encode(item_of_word, lexicon.ranks, stamps, lexicon, len(chunk))
    item_vectors = _vector_slices(items)
    title_vectors = _vector_slices(
        encode(item_of_word[in_title], lexicon.ranks[in_title], stamps[in_title], lexicon, len(chunk))
    )
    # Each item's lexemes as vocabulary entries ("l" + lexeme), read off its vector's entries.
    lexeme_entries = np.array(["l" + term for term in lexicon.terms], dtype=object)[items.ranks]
    bounds = items.bounds.tolist()
    prepared = []
    for number, (item, item_vector, title_vector) in enumerate(
        zip(chunk, item_vectors, title_vectors, strict=True)
    ):
        document = item.document
        passages = []
        for ordinal, (passage, passage_field, text) in enumerate(
            zip(document.passages, item.fields, item.texts, strict=True)
        ):
            passages += (
                PASSAGE_HEAD.pack(10, 8, item.item_id, 4, ordinal),
                _name_field(passage.kind),
                _name_field(passage_field),
                _text_field(text),
                NULL_FIELD if passage.start is None else FLOAT8.pack(8, float(passage.start)),
                NULL_FIELD if passage.document_id is None else INT8.pack(8, int(passage.document_id)),
                _name_field(passage.document_title),
                NULL_FIELD if passage.page is None else INT4.pack(4, int(passage.page)),
                _field(next(passage_vectors)),
            )
        facets, codes = _facets(document)
        vocab = _vocabulary(item, lexeme_entries[bounds[number] : bounds[number + 1]])
        head = (
            ITEM_HEAD.pack(18, 8, item.item_id),
            _text_field(item.locale),
            INT8.pack(8, item.site_id),
            _text_field(_text(document.url)),
            _text_field(_text(document.type)),
            _text_field(_text(document.title)),
            _text_field(_text(document.summary)),
            INT4.pack(4, document.date.toordinal() - DAY_ZERO_ORDINAL),
            _text_field(_text(document.language)),
            _text_field(_text(document.provider)),
        )
        tail = (
            _field(title_vector),
            _field(item_vector),
            *(INT4.pack(4, item.lengths[cls]) for cls in CLASSES),
            _text_field("\n".join(vocab)),  # kind + form per line (forms hold no line breaks)
        )
        prepared.append(
            _Prepared(
                item.site_id,
                item.locale,
                True,
                b"".join(head),
                codes,
                b"".join(tail),
                b"".join(passages),
                list(facets.items()),
                vocab,
                item.lengths,
            )
        )
    return prepared


# --- text rows -------------------------------------------------------------------


def _concat(vector: dict[str, list[str]], top: int, entries: dict[str, list[int]], numbers: list[str]) -> int:
    """``vector || passage`` as PostgreSQL's tsvector_concat does it (the
    passage's positions shifted by the highest position so far, clamped at
    MAX_POSITION, at most 256 per lexeme, nothing after a clamped one):
    adds to ``vector`` (lexeme -> "12A" positions) and returns the new highest
    position."""
    highest = max(map(operator.itemgetter(-1), entries.values()), default=0)
    if not entries:
        return top
    if top + highest < MAX_POSITION:  # the usual case: nothing to clamp
        capped = False
        for term, positions in entries.items():
            found = vector.get(term)
            if found is None:
                vector[term] = [numbers[position + top] for position in positions]
            elif len(found) + len(positions) <= 256:
                found.extend([numbers[position + top] for position in positions])
            else:
                capped = True
                found.extend([numbers[position + top] for position in positions[: max(0, 256 - len(found))]])
        if not capped:
            return top + highest
    else:
        for term, positions in entries.items():
            found = vector.setdefault(term, [])
            for position in positions:
                if len(found) >= 256 or (found and int(found[-1][:-1]) == MAX_POSITION):
                    break
                found.append(numbers[min(position + top, MAX_POSITION)])
    # the highest position now held (positions only grow, so each lexeme's last one)
    return max(top, max(int(vector[term][-1][:-1]) for term in entries if vector[term]))


COPY_NULL = "\\N"


def _copy(value: str) -> str:
    """A text value in COPY's text format: backslashes, tabs and line breaks
    escaped (each check is a fast scan; a replacement is rarely needed)."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if "\t" in value:
        value = value.replace("\t", "\\t")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    if "\r" in value:
        value = value.replace("\r", "\\r")
    return value


@lru_cache(maxsize=10_000)
def _copy_name(value) -> str:
    """_copy of a short value repeated across rows (a passage's kind, field, document title)."""
    return _copy(_text(value))


def _literal(vector: dict[str, list[str]]) -> str:
    return " ".join([f"{quote(term)}:{','.join(positions)}" for term, positions in vector.items()])


def _passage_row(item_key: str, ordinal: int, passage, passage_field: str, text: str, literal: str) -> str:
    """A search_pg_passage row (PASSAGE_COLUMNS) in COPY's text format."""
    return "\t".join(
        (
            item_key,
            str(ordinal),
            _copy_name(passage.kind),
            _copy_name(passage_field),
            _copy(text),
            COPY_NULL if passage.start is None else repr(float(passage.start)),
            COPY_NULL if passage.document_id is None else str(int(passage.document_id)),
            _copy_name(passage.document_title),
            COPY_NULL if passage.page is None else str(int(passage.page)),
            _copy(literal),
        )
    )


def _prepare_text(item: _Analysed) -> _Prepared:
    """Rows in COPY's text format, the vectors as tsvector literals, for an
    item too long for the binary path: one whose positions cannot run on
    (PostgreSQL stops at 16383) or whose vectors could pass 1 MB.

    Where positions run on, the item's literal is its passages' literals put
    together (PostgreSQL merges a lexeme's positions and keeps its first
    256); past MAX_VECTOR_BYTES, new words are left out of the vectors (the
    text keeps them). Where they cannot, each passage gets its own positions,
    so phrases still match in every passage, and the item's vectors are
    joined as tsvector_concat joins them (the item's vector is only matched
    without positions and counted per weight class for BM25)."""
    document = item.document
    item_key = str(item.item_id)
    run_on = item.run_on
    lexemes: set[str] = set()
    size = 0
    offset = 0
    passages = []
    literals = []
    title_literals = []
    vector: dict[str, list[str]] = {}
    title_vector: dict[str, list[str]] = {}
    top = title_top = 0
    for ordinal, (passage, passage_field, text, terms) in enumerate(
        zip(document.passages, item.fields, item.texts, item.terms, strict=True)
    ):
        numbers = POSITIONS[FIELD_CLASS.get(passage_field, "C")]
        entries: dict[str, list[int]] = {}
        for position, term in enumerate(terms, offset + 2 if run_on else 2):
            found = entries.get(term)
            if found is None:
                entries[term] = [min(position, MAX_POSITION)]
            elif len(found) < 256:
                found.append(min(position, MAX_POSITION))
        if not run_on:
            for term, positions in entries.items():  # clamped ones are one position
                entries[term] = list(dict.fromkeys(positions))
        # A tsvector's lexemes and positions must stay under 1 MB: past
        # that, new words are left out of the vectors (the text keeps them).
        size += 2 * len(terms)
        new = entries.keys() - lexemes
        if size + 4 * sum(map(len, new)) + 4 * len(new) <= MAX_VECTOR_BYTES:  # UTF-8: ≤ 4 bytes a letter
            size += sum(map(_size, new))
            lexemes |= new
        else:
            for term in [term for term in entries if term in new]:  # in text order
                if size + _size(term) <= MAX_VECTOR_BYTES:
                    size += _size(term)
                    lexemes.add(term)
                else:
                    del entries[term]
        literal = " ".join(
            [
                f"{quote(term)}:{','.join([numbers[position] for position in positions])}"
                for term, positions in entries.items()
            ]
        )
        if run_on:
            offset += len(terms) + 1
            literals.append(literal)
            if passage_field == "title":
                title_literals.append(literal)
        else:
            top = _concat(vector, top, entries, numbers)
            if passage_field == "title":
                title_top = _concat(title_vector, title_top, entries, numbers)
        passages.append(_passage_row(item_key, ordinal, passage, passage_field, text, literal))
    facets, codes = _facets(document)
    vocab = _vocabulary(item, map("l".__add__, lexemes))
    head = (
        item_key,
        _copy(item.locale),
        str(item.site_id),
        _copy(_text(document.url)),
        _copy(_text(document.type)),
        _copy(_text(document.title)),
        _copy(_text(document.summary)),
        document.date.isoformat(),
        _copy(_text(document.language)),
        _copy(_text(document.provider)),
        "",  # the facets column follows: its ids are known when written
    )
    tail = (
        "",
        _copy(" ".join(title_literals) if run_on else _literal(title_vector)),
        _copy(" ".join(literals) if run_on else _literal(vector)),
        *(str(item.lengths[cls]) for cls in CLASSES),
        _copy("\n".join(vocab)),  # kind + form per line (forms hold no line breaks)
    )
    return _Prepared(
        item.site_id,
        item.locale,
        False,
        "\t".join(head).encode(),
        codes,
        ("\t".join(tail) + "\n").encode(),
        "".join([row + "\n" for row in passages]).encode(),
        list(facets.items()),
        vocab,
        item.lengths,
    )


PASSAGE_COLUMNS = "item_id, position, kind, field, text, start, document_id, document_title, page, vector"
FACETS_SQL = """
INSERT INTO search_pg_facet (locale, key, label)
SELECT DISTINCT ON (locale, key) locale, key, label
FROM unnest(%s::text[], %s::text[], %s::text[]) AS n (locale, key, label)
ORDER BY locale, key
ON CONFLICT (locale, key) DO UPDATE SET label = excluded.label WHERE search_pg_facet.label <> excluded.label
RETURNING locale
"""
ITEM_COLUMNS = (
    "id, locale, site_id, url, type, title, summary, date, language, provider,"
    " facets, title_vector, vector, len_a, len_b, len_c, len_d, vocab"
)
FACET_IDS_SQL = """
SELECT f.locale, f.key, f.id FROM search_pg_facet f
JOIN unnest(%s::text[], %s::text[]) AS n (locale, key) ON f.locale = n.locale AND f.key = n.key
"""

# What the new versions add and the old ones (about to be deleted) took,
# summed per vocabulary row; writers hold WRITE_LOCK, so existing rows are
# updated and missing ones inserted without conflicts.
VOCABULARY_SQL = """
WITH changes AS (
    SELECT (%(scope_sites)s::bigint[])[n.scope] AS site_id, (%(scope_locales)s::text[])[n.scope] AS locale,
           left(n.entry, 1) AS kind, substr(n.entry, 2) AS form, n.latin, n.delta
    FROM unnest(
        string_to_array(%(scopes)s, E'\n')::int[], string_to_array(%(entries)s, E'\n'),
        string_to_array(%(latins)s, E'\n', E'\x1f'), string_to_array(%(deltas)s, E'\n')::bigint[]
    ) AS n (scope, entry, latin, delta)
    UNION ALL
    SELECT o.site_id, o.locale, left(e, 1), substr(e, 2), NULL, -1
    FROM search_pg_item o CROSS JOIN LATERAL unnest(string_to_array(o.vocab, E'\n')) AS e
    WHERE o.id = ANY(%(ids)s::bigint[])
    UNION ALL
    SELECT o.site_id, o.locale, '#', s.form, NULL, -s.value
    FROM search_pg_item o
    CROSS JOIN LATERAL (VALUES ('n', 1), ('a', o.len_a), ('b', o.len_b), ('c', o.len_c), ('d', o.len_d))
        AS s (form, value)
    WHERE o.id = ANY(%(ids)s::bigint[])
),
summed AS MATERIALIZED (
    SELECT site_id, locale, kind, form COLLATE "C" AS form, max(latin) AS latin, sum(delta)::bigint AS delta
    FROM changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
),
updated AS (
    UPDATE search_pg_term t SET items = t.items + s.delta
    FROM summed s
    WHERE t.site_id = s.site_id AND t.locale = s.locale AND t.kind = s.kind AND t.form = s.form
    RETURNING t.site_id, t.locale, t.kind, t.form, t.items
),
inserted AS (
    INSERT INTO search_pg_term (site_id, locale, kind, form, latin, items)
    SELECT s.site_id, s.locale, s.kind, s.form, s.latin, s.delta FROM summed s
    WHERE NOT EXISTS (
        SELECT 1 FROM updated u
        WHERE u.site_id = s.site_id AND u.locale = s.locale AND u.kind = s.kind AND u.form = s.form
    )
    RETURNING site_id, locale, kind, form, items
)
SELECT site_id, locale, kind, form FROM updated WHERE items <= 0
UNION ALL
SELECT site_id, locale, kind, form FROM inserted WHERE items <= 0
"""

DELETE_EMPTY_TERMS_SQL = """
DELETE FROM search_pg_term t
USING unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS d (site_id, locale, kind, form)
WHERE t.site_id = d.site_id AND t.locale = d.locale AND t.kind = d.kind AND t.form = d.form AND t.items <= 0
"""


# --- querying -------------------------------------------------------------------


@dataclass
class _Query:
    """A parsed query as tsquery literals (each a bound parameter)."""

    parsed: ParsedQuery
    term_units: list[str]  # one tsquery per required term
    phrase_units: list[str]  # one tsquery per phrase (<->)
    phrase_words: list[str]  # the words of each phrase, ANDed
    excluded: str  # OR of excluded terms, or ""
    scoring: list[tuple[str, str, str | None]]  # (term, tsquery, prefix) per positive term
    match_terms: set[str]
    prefix_terms: set[str]

    @property
    def positive(self) -> str:
        return " | ".join(unit for _, unit, _ in self.scoring)

    @property
    def units(self) -> int:
        return len(self.term_units) + len(self.phrase_units)


def _build_query(parsed: ParsedQuery, locale: str) -> _Query:
    # Kazakh has no stemmer: Kazakh words (and every word in the Kazakh
    # locale) also match by prefix of their folded form.
    folded: dict[str, str] = {}
    for token in tokens(parsed.raw):
        if token.term and (locale == "kk" or is_kazakh(token.text)):
            word = fold(token.text).replace("’", "'")[:MAX_LEXEME_CHARS]
            if len(word) >= PREFIX_MIN_CHARS:
                folded.setdefault(token.term[:MAX_LEXEME_CHARS], word)

    def unit(term: str) -> str:
        term = term[:MAX_LEXEME_CHARS]
        prefix = folded.get(term)
        if prefix is None:
            return _lexeme(term)
        if prefix == term:
            return _lexeme(term, prefix=True)
        return f"({_lexeme(term)} | {_lexeme(prefix, prefix=True)})"

    positive = [term[:MAX_LEXEME_CHARS] for term in parsed.positive_terms]
    scoring = [(term, unit(term), folded.get(term)) for term in positive]
    return _Query(
        parsed=parsed,
        term_units=[unit(term) for term in parsed.required],
        phrase_units=[" <-> ".join(unit(term) for term in phrase) for phrase in parsed.phrases],
        phrase_words=[" & ".join(unit(term) for term in phrase) for phrase in parsed.phrases],
        excluded=" | ".join(unit(term) for term in parsed.excluded),
        scoring=scoring,
        match_terms={term for term, _, _ in scoring},
        prefix_terms={prefix for _, _, prefix in scoring if prefix},
    )


class _Params:
    """Named parameters for one statement: the SQL text only ever holds
    constants and these placeholders."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def __call__(self, value, cast: str = "") -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f"%({name})s{cast}"


@dataclass
class _Matches:
    total: int
    candidates: list[int]  # relevance: the first RANK_WINDOW items in cheap order, to be scored exactly
    tail: list[int]  # the page's items beyond the window (or the whole page, sorted by date)
    facet_counts: dict[str, list[tuple[str, str, int]]]  # SQL counts (no FacetIndex)
    facets: dict[str, list[FacetBucket]] | None = None  # buckets from the FacetIndex


SEARCH_SETTINGS = {"enable_seqscan": "off", "jit": "off", "max_parallel_workers_per_gather": "0"}
SEARCH_SETTINGS_SQL = "SELECT " + ", ".join(
    f"current_setting('{name}'), set_config('{name}', '{value}', true)"
    for name, value in SEARCH_SETTINGS.items()
)
RESTORE_SETTINGS_SQL = "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in SEARCH_SETTINGS)
GENERATION_SQL = "SELECT token FROM search_pg_generation WHERE site_id = %s AND locale = %s"
# A new token for each site and locale a write touched (and for every site of
# a locale whose facet labels it changed), in the write's transaction.
TOUCH_SQL = """
INSERT INTO search_pg_generation (site_id, locale, token)
SELECT site_id, locale, %(token)s FROM unnest(%(sites)s::bigint[], %(locales)s::text[]) AS t (site_id, locale)
UNION
SELECT site_id, locale, %(token)s FROM search_pg_generation WHERE locale = ANY(%(relabelled)s::text[])
ON CONFLICT (site_id, locale) DO UPDATE SET token = excluded.token
"""
DAY_ZERO = "DATE '2000-01-01'"
facet_indexes = FacetIndexes()


def _int8s(data: bytes | None) -> array.array:
    """Big-endian 8-byte integers (int8send) as an array."""
    values = array.array("q", data or b"")
    if sys.byteorder == "little":
        values.byteswap()
    return values


def _build_facet_index(cursor, site_id: int, locale: str, token) -> FacetIndex | None:
    """Every item of the site and locale (id, day) and each facet value's
    items; None when their bitmaps would not fit in facets.MEMORY."""
    cursor.execute(
        f"SELECT id, date - {DAY_ZERO} FROM search_pg_item WHERE site_id = %s AND locale = %s",  # noqa: S608
        [site_id, locale],
    )
    items = cursor.fetchall()
    cursor.execute(
        """
        SELECT c.code, array_agg(i.id)
        FROM search_pg_item i CROSS JOIN LATERAL unnest(i.facets) AS c (code)
        WHERE i.site_id = %s AND i.locale = %s
        GROUP BY c.code ORDER BY c.code
        """,
        [site_id, locale],
    )
    values = cursor.fetchall()
    if not FacetIndex.fits(len(items), len(values)):
        return None
    cursor.execute(
        "SELECT id, key, label FROM search_pg_facet WHERE id = ANY(%s::integer[])",
        [[code & FACET_MASK for code, _ in values]],
    )
    labels = {value_id: (key.split(":", 1)[1], label) for value_id, key, label in cursor.fetchall()}
    meta = {
        code: (FACETS[code >> FACET_SHIFT], *labels[code & FACET_MASK])
        for code, _ in values
        if code & FACET_MASK in labels and code >> FACET_SHIFT < len(FACETS)
    }
    memberships = itertools.chain.from_iterable(zip(itertools.repeat(code), ids) for code, ids in values)
    return FacetIndex(token, items, memberships, meta)


class PostgresEngine(SearchEngine):
    """Full-text search in the site's PostgreSQL database (see the module docstring)."""

    name = "postgres"
    transactional = True  # writes go through the site's connection, in the caller's transaction
    known_differences: dict[str, str] = {}

    # --- writing ----------------------------------------------------------------

    def index(self, documents: Iterable[IndexDocument]) -> None:
        """Add or replace, BATCH items a statement, all in one transaction
        (the caller's, when there is one)."""
        with transaction.atomic(), connection.cursor() as cursor:
            for batch in prepared_batches(documents, BATCH):
                self._write(cursor, batch.ids, batch)

    def delete(self, ids: Iterable[int]) -> None:
        ids = sorted({int(item_id) for item_id in ids})
        with transaction.atomic(), connection.cursor() as cursor:
            for start in range(0, len(ids), BATCH):
                self._write(cursor, ids[start : start + BATCH], None)

    def _write(self, cursor, ids: list[int], batch: PreparedBatch | None) -> None:
        """Replace these items by the batch's (or, with no batch, delete them),
        keeping the vocabulary and statistics in step; all in the caller's
        transaction."""
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        vocabulary = batch.vocabulary if batch else NO_VOCABULARY
        cursor.execute(VOCABULARY_SQL, {**vocabulary, "ids": ids})
        empty = cursor.fetchall()
        if empty:
            cursor.execute(DELETE_EMPTY_TERMS_SQL, [list(column) for column in zip(*empty, strict=True)])
        cursor.execute("DELETE FROM search_pg_passage WHERE item_id = ANY(%s::bigint[])", [ids])
        cursor.execute(
            "DELETE FROM search_pg_item WHERE id = ANY(%s::bigint[]) RETURNING site_id, locale", [ids]
        )
        scopes = set(cursor.fetchall()) | set(batch.scopes if batch else ())
        relabelled = set()
        facets = batch.facets if batch else []
        if facets:
            cursor.execute(FACETS_SQL, [list(column) for column in zip(*facets, strict=True)])
            relabelled = {row[0] for row in cursor.fetchall()}
        if scopes:
            sites, locales = zip(*sorted(scopes), strict=True)
            cursor.execute(
                TOUCH_SQL,
                {
                    "token": secrets.token_hex(8),
                    "sites": list(sites),
                    "locales": list(locales),
                    "relabelled": sorted(relabelled),
                },
            )
        if not batch or not (batch.items or batch.text_items):
            return
        facet_ids: dict[tuple[str, str], int] = {}
        if facets:
            cursor.execute(FACET_IDS_SQL, [[row[0] for row in facets], [row[1] for row in facets]])
            facet_ids = {(locale, key): value_id for locale, key, value_id in cursor.fetchall()}
        raw = cursor.cursor
        if batch.items:
            with raw.copy(f"COPY search_pg_passage ({PASSAGE_COLUMNS}) FROM STDIN (FORMAT binary)") as copy:
                copy.write(BINARY_SIGNATURE)
                copy.write(batch.passages)
                copy.write(BINARY_TRAILER)
            with raw.copy(f"COPY search_pg_item ({ITEM_COLUMNS}) FROM STDIN (FORMAT binary)") as copy:
                copy.write(BINARY_SIGNATURE)
                for locale, head, codes, tail in batch.items:
                    values = [code | facet_ids[locale, key] for code, key in codes]
                    copy.write(b"".join((head, _int4_array(values), tail)))
                copy.write(BINARY_TRAILER)
        if batch.text_items:
            with raw.copy(f"COPY search_pg_passage ({PASSAGE_COLUMNS}) FROM STDIN") as copy:
                copy.write(batch.text_passages)
            with raw.copy(f"COPY search_pg_item ({ITEM_COLUMNS}) FROM STDIN") as copy:
                for locale, head, codes, tail in batch.text_items:
                    facet_codes = ",".join([str(code | facet_ids[locale, key]) for code, key in codes])
                    copy.write(b"".join((head, b"{", facet_codes.encode(), b"}", tail)))

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE search_pg_passage, search_pg_item, search_pg_term, search_pg_facet,"
                " search_pg_generation RESTART IDENTITY"
            )

    def rebuild(self, documents: Iterable[IndexDocument], batch_size: int = 200) -> int:
        """Replace every item in place, batch by batch (one transaction each,
        at least BATCH items: the vocabulary is updated once per batch), then
        remove the ones that are gone and refresh the planner's statistics:
        searches never see an empty index."""
        seen: set[int] = set()
        size = max(batch_size, REBUILD_BATCH)
        for batch in prepared_batches(documents, size, first=FIRST_BATCH, processes=True):
            with transaction.atomic(), connection.cursor() as cursor:
                self._write(cursor, batch.ids, batch)
            seen.update(batch.ids)
        self.delete(self.indexed_ids() - seen)
        with connection.cursor() as cursor:
            # GIN indexes take writes into a pending list that every search
            # then reads through, until (auto)vacuum merges it; a rebuild
            # leaves megabytes there, so merge them now.
            cursor.execute(
                "SELECT gin_clean_pending_list(i::regclass) FROM unnest(%s::text[]) AS i", [GIN_INDEXES]
            )
            cursor.execute("ANALYZE search_pg_item, search_pg_passage, search_pg_term")
        return len(seen)

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM search_pg_item")
            return {row[0] for row in cursor.fetchall()}

    def health(self) -> dict:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM search_pg_item")
                return {"engine": self.name, "ok": True, "count": cursor.fetchone()[0]}
        except Exception as error:  # health must report, not raise
            return {"engine": self.name, "ok": False, "error": str(error)}

    # --- searching --------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                # The planner cannot see what reading (detoasting) a vector
                # costs and would rather test @@ on every row of a small
                # library than use the GIN index; so no sequential scans here.
                # Nor JIT or parallel workers: their start-up costs more than
                # these short statements. The caller's settings are put back
                # afterwards (after an error, rolling back to the savepoint
                # restores them).
                cursor.execute(SEARCH_SETTINGS_SQL)
                previous = cursor.fetchone()
                response = self._search(cursor, request)
                cursor.execute(RESTORE_SETTINGS_SQL, list(previous[::2]))
        except Exception:  # a search box must answer whatever was typed
            logger.exception("PostgreSQL search failed for %r", str(request.query)[:200])
            response = SearchResponse.empty(request)
        response.took_ms = (time.perf_counter() - started) * 1000
        return response

    def _search(self, cursor, request: SearchRequest) -> SearchResponse:
        site_id = int(request.site_id)
        locale = _text(request.locale)
        sort = request.sort if request.sort in SORTS else "relevance"
        per_page = request.per_page if isinstance(request.per_page, int) and request.per_page > 0 else 0
        per_page = min(per_page or PER_PAGE, MAX_PER_PAGE)
        page = request.page if isinstance(request.page, int) and request.page > 0 else 1
        page = min(page, MAX_PAGE)
        parsed = parse_query(_text(request.query))
        query = _build_query(parsed, locale)
        selected = self._selected(request.filters)
        codes = self._facet_codes(cursor, locale, selected)
        stats = self._stats(cursor, site_id, locale, query)
        ranking = sort == "relevance" and not parsed.is_empty
        offset = (page - 1) * per_page
        scope = (site_id, locale)

        fallback = False
        index = self._facet_index(cursor, site_id, locale)
        arguments = (cursor, scope, query, codes, ranking, offset, per_page)
        if index is not None:
            found = self._match_indexed(index, selected, *arguments, any_word=False)
        else:
            found = self._match(*arguments, any_word=False)
        if found.total == 0 and query.units > 1:  # nothing has every word: rank what has any
            fallback = True
            if index is not None:
                found = self._match_indexed(index, selected, *arguments, any_word=True)
            else:
                found = self._match(*arguments, any_word=True)

        if ranking:
            scores = self._scores(cursor, found.candidates + found.tail, query, stats)
            ranked = sorted(
                (item_id for item_id in found.candidates if item_id in scores), key=lambda i: scores[i][1]
            )
            rows = [(item_id, scores[item_id][0]) for item_id in ranked[offset : offset + per_page]]
            rows += [(item_id, scores[item_id][0]) for item_id in found.tail if item_id in scores]
        else:
            rows = [(item_id, 0.0) for item_id in found.tail]
        results = self._results(cursor, rows, query)
        suggestion = ""
        if not parsed.is_empty and (found.total == 0 or fallback):
            suggestion = self._did_you_mean(cursor, site_id, locale, parsed, stats["df"])
        facets = found.facets or {}
        for name in FACETS if found.facets is None else ():
            values = selected.get(name, [])
            counts = found.facet_counts.get(name, [])
            buckets = [FacetBucket(value, label, count, value in values) for value, label, count in counts]
            present = {bucket.value for bucket in buckets}
            buckets.extend(FacetBucket(value, value, 0, True) for value in values if value not in present)
            facets[name] = buckets
        return SearchResponse(
            query=parsed.raw,
            total=found.total,
            took_ms=0.0,
            page=page,
            pages=math.ceil(found.total / per_page),
            results=results,
            facets=facets,
            suggestion=suggestion,
            fallback=fallback and found.total > 0,
        )

    @staticmethod
    def _selected(filters) -> dict[str, list[str]]:
        """Known facets only; values as clean strings (unknown ones simply match nothing)."""
        selected = {}
        if not isinstance(filters, dict):
            return selected
        for name, values in filters.items():
            if name not in FACETS or not values:
                continue
            if isinstance(values, str | int):
                values = [values]
            try:
                clean_values = list(dict.fromkeys(_text(value)[:MAX_FORM_CHARS] for value in values))
            except TypeError:
                continue
            if clean_values:
                selected[name] = clean_values
        return selected

    @staticmethod
    def _facet_codes(cursor, locale: str, selected: dict[str, list[str]]) -> dict[str, list[int]]:
        """The codes of the selected values (an unknown value has none, so its facet matches nothing)."""
        if not selected:
            return {}
        keys = [f"{name}:{value}" for name, values in selected.items() for value in values]
        cursor.execute(
            "SELECT key, id FROM search_pg_facet WHERE locale = %s AND key = ANY(%s)", [locale, keys]
        )
        found = dict(cursor.fetchall())
        return {
            name: [
                FACETS.index(name) << FACET_SHIFT | found[f"{name}:{value}"]
                for value in values
                if f"{name}:{value}" in found
            ]
            for name, values in selected.items()
        }

    @staticmethod
    def _facet_index(cursor, site_id: int, locale: str) -> FacetIndex | None:
        """This process's FacetIndex of the site and locale, current with the
        generation token read in this transaction (None: too many facet
        values for facets.MEMORY, counted in SQL instead)."""
        cursor.execute(GENERATION_SQL, [site_id, locale])
        row = cursor.fetchone()
        token = row[0] if row else None
        settings = connection.settings_dict
        key = (settings.get("HOST"), settings.get("PORT"), settings.get("NAME"), site_id, locale)
        return facet_indexes.get(key, token, lambda: _build_facet_index(cursor, site_id, locale, token))

    def _stats(self, cursor, site_id: int, locale: str, query: _Query) -> dict:
        """Collection size, average token counts per weight class and each
        query term's document frequency, for BM25."""
        cursor.execute(
            "SELECT form, items FROM search_pg_term WHERE site_id = %s AND locale = %s AND kind = '#'",
            [site_id, locale],
        )
        totals = dict(cursor.fetchall())
        items = max(int(totals.get("n", 0)), 1)
        stats = {
            "n": items,
            "avg": {cls: max(totals.get(cls.lower(), 0) / items, 1e-6) for cls in CLASSES},
            "df": {},
        }
        if query.scoring:
            terms = [term for term, _, _ in query.scoring]
            lows = [prefix for _, _, prefix in query.scoring]
            highs = [_upper_bound(prefix) if prefix else None for prefix in lows]
            inside = [bool(low) and term.startswith(low) for term, low in zip(terms, lows, strict=True)]
            # Two index range lookups per term: the word itself (unless its
            # prefix range holds it already) and the prefix's range.
            cursor.execute(
                """
                SELECT q.term, coalesce((
                    SELECT sum(t.items) FROM search_pg_term t
                    WHERE t.site_id = %(site)s AND t.locale = %(locale)s AND t.kind = 'l' AND t.form = q.term
                      AND NOT q.inside
                ), 0) + coalesce((
                    SELECT sum(t.items) FROM search_pg_term t
                    WHERE t.site_id = %(site)s AND t.locale = %(locale)s AND t.kind = 'l'
                      AND t.form >= q.low AND t.form < q.high
                ), 0)
                FROM unnest(%(terms)s::text[], %(lows)s::text[], %(highs)s::text[], %(inside)s::boolean[])
                    AS q (term, low, high, inside)
                """,
                {
                    "site": site_id,
                    "locale": locale,
                    "terms": terms,
                    "lows": lows,
                    "highs": highs,
                    "inside": inside,
                },
            )
            stats["df"] = {term: min(int(df), items) for term, df in cursor.fetchall()}
        return stats

    def _text_conditions(self, param, query: _Query, any_word: bool) -> list[str]:
        """What an item of ``search_pg_item i`` must satisfy to match: every
        word (or any word) through the GIN index, phrases in its passages."""
        if any_word:
            alternatives = query.term_units + [f"({words})" for words in query.phrase_words]
            prefilter = "(" + " | ".join(alternatives) + ")"
        else:
            prefilter = " & ".join(query.term_units + query.phrase_words)
        if query.excluded:
            prefilter += f" & !({query.excluded})"
        where = [f"i.vector @@ {param(prefilter, '::tsquery')}"]
        phrase_conditions = [self._phrase_condition(param, phrase) for phrase in query.phrase_units]
        if any_word and phrase_conditions:
            alternatives = list(phrase_conditions)
            if query.term_units:
                alternatives.insert(0, f"i.vector @@ {param(' | '.join(query.term_units), '::tsquery')}")
            where.append("(" + " OR ".join(alternatives) + ")")
        else:
            where.extend(phrase_conditions)
        return where

    def _match_indexed(
        self,
        index: FacetIndex,
        selected,
        cursor,
        scope,
        query: _Query,
        codes,
        ranking,
        offset,
        per_page,
        any_word,
    ) -> _Matches:
        """The matching ids from one statement (with relevance, also the ids
        with each query word in the title), then everything else from the
        FacetIndex: the total and facet counts by bitmap, the cheap order
        (more query words in the title first, then newest) from its
        date-ordered slots. With relevance the first RANK_WINDOW
        items of that order are scored exactly by ``_scores``; a page beyond
        keeps the cheap order. Otherwise the page by date."""
        param = _Params()
        scoped = f"i.site_id = {param(scope[0])} AND i.locale = {param(scope[1])}"
        # Ids as one bytea of 8-byte big-endian integers: no text to format and parse.
        ids = "SELECT string_agg(int8send(i.id), '') FROM search_pg_item i WHERE {}"  # noqa: S608
        statements = []
        if not query.parsed.is_empty:
            conditions = self._text_conditions(param, query, any_word)
            if query.phrase_units:  # (else other sites' and locales' ids are simply ignored by the bitmaps)
                conditions.insert(0, scoped)
            statements.append(ids.format(" AND ".join(conditions)))
            if ranking:
                for _, unit, _ in query.scoring[:TIER_TERMS]:
                    statements.append(ids.format(f"i.title_vector @@ {param(unit, '::tsquery')}"))
        elif query.excluded:
            statements.append(ids.format(f"{scoped} AND i.vector @@ {param(query.excluded, '::tsquery')}"))
        lists = []
        if statements:
            cursor.execute("SELECT " + ", ".join(f"({statement})" for statement in statements), param.values)
            lists = [_int8s(found) for found in cursor.fetchone()]
        if query.parsed.is_empty:
            matching = index.every & ~index.bitmap(lists[0]) if lists else index.every
        else:
            matching = index.bitmap(lists[0])
        total, everything, facets = index.count(matching, selected, codes)
        if ranking:  # tiers: how many of the query's words each item has in its title
            at_least = [everything]
            for found in lists[1:]:
                titled = index.bitmap(found) & everything
                at_least.append(index.nothing)
                for tier in range(len(at_least) - 1, 0, -1):
                    at_least[tier] = at_least[tier] | (at_least[tier - 1] & titled)
            at_least.append(index.nothing)
            segments = [at_least[tier] & ~at_least[tier + 1] for tier in range(len(at_least) - 2, -1, -1)]
            window = RANK_WINDOW
        else:
            segments, window = [everything], 0
        tail_from = max(offset, window)
        return _Matches(
            total=total,
            candidates=self._in_order(index, segments, 0, window),
            tail=self._in_order(index, segments, tail_from, offset + per_page),
            facet_counts={},
            facets=facets,
        )

    @staticmethod
    def _in_order(index: FacetIndex, segments: list[Bitmap], start: int, end: int) -> list[int]:
        """Items ``start`` to ``end`` of the segments one after the other,
        each newest first."""
        found: list[int] = []
        for bits in segments:
            if start >= end:
                break
            size = index.population(bits)
            if start < size:
                found += index.newest(bits, start, min(end, size))
                start = 0
            else:
                start -= size
            end -= size
        return found

    def _match(self, cursor, scope, query: _Query, codes, ranking, offset, per_page, any_word) -> _Matches:
        """Without a FacetIndex (too many facet values for facets.MEMORY), one
        statement: the total, every facet's counts (GROUP BY), and which items
        to show, in the same orders as ``_match_indexed``."""
        param = _Params()
        where = [f"i.site_id = {param(scope[0])}", f"i.locale = {param(scope[1])}"]
        if not query.parsed.is_empty:
            where += self._text_conditions(param, query, any_word)
        elif query.excluded:
            where.append(f"NOT (i.vector @@ {param(query.excluded, '::tsquery')})")

        names = list(codes)
        columns = ["i.id", "i.date", "i.facets"]
        columns += [
            f"i.facets && {param(codes[name], '::integer[]')} AS f{n}" for n, name in enumerate(names)
        ]
        if ranking:  # how many of the query's words are in the title (GIN index, hashed once per word)
            in_title = "(i.id IN (SELECT h.id FROM search_pg_item h WHERE h.title_vector @@ {}))::int"
            tier = " + ".join(in_title.format(param(unit, "::tsquery")) for _, unit, _ in query.scoring)
            columns.append(f"{tier} AS tier")
            order = "tier DESC, date DESC, id"
        else:
            columns.append("0 AS tier")
            order = "date DESC, id"

        def every(flags: list[int], table: str) -> str:
            return " AND ".join(f"{table}.f{n}" for n in flags) or "TRUE"

        flags = list(range(len(names)))
        filtered = every(flags, "b")
        facet_where = flag_columns = ""
        if names:  # a facet with a selection is counted with the other facets' filters only
            cases = " ".join(
                f"WHEN {FACETS.index(name)} THEN {every([m for m in flags if m != n], 'c')}"
                for n, name in enumerate(names)
            )
            facet_where = f"WHERE CASE c.code >> {FACET_SHIFT} {cases} ELSE {every(flags, 'c')} END"
            flag_columns = "".join(f", b.f{n}" for n in flags)
        window = RANK_WINDOW if ranking else 0
        tail_from = max(offset, window)
        tail_size = max(0, offset + per_page - tail_from)
        sql = f"""
            WITH base AS MATERIALIZED (
                SELECT {", ".join(columns)} FROM search_pg_item i WHERE {" AND ".join(where)}
            ),
            matched AS MATERIALIZED (SELECT id, date, tier FROM base b WHERE {filtered}),
            counted AS (
                SELECT c.code, count(*) AS n
                FROM (SELECT unnest(b.facets) AS code{flag_columns} FROM base b) c
                {facet_where}
                GROUP BY c.code
            )
            (SELECT 'c', id, 0::bigint, NULL, NULL FROM matched ORDER BY {order} LIMIT {param(window)})
            UNION ALL
            (SELECT 'p', id, 0::bigint, NULL, NULL FROM matched ORDER BY {order}
             LIMIT {param(tail_size)} OFFSET {param(tail_from)})
            UNION ALL SELECT 't', NULL, count(*), NULL, NULL FROM matched
            UNION ALL
            SELECT 'f', c.code, c.n, f.key, f.label
            FROM counted c JOIN search_pg_facet f ON f.id = c.code & {FACET_MASK}
        """  # noqa: S608 (constants and placeholders only)
        cursor.execute(sql, param.values)
        found = _Matches(0, [], [], defaultdict(list))
        for kind, number, count, key, label in cursor.fetchall():
            if kind == "c":
                found.candidates.append(number)
            elif kind == "p":
                found.tail.append(number)
            elif kind == "t":
                found.total = count
            else:
                found.facet_counts[FACETS[number >> FACET_SHIFT]].append((key.split(":", 1)[1], label, count))
        for buckets in found.facet_counts.values():
            buckets.sort(key=lambda bucket: (-bucket[2], bucket[1].lower(), bucket[0]))
        return found

    @staticmethod
    def _phrase_condition(param, phrase: str) -> str:
        """A phrase is looked for passage by passage: their vectors are small
        (read in place, where the item's would be fetched and unpacked) and
        keep exact positions (an item's stop at 16383). A scalar subquery
        with LIMIT, not EXISTS: the planner cannot turn it into a join, so it
        stays a check of the few items the GIN index found, passage by
        passage through the primary key (as a join it may read every passage
        of the library). NULL (no such passage) is false in WHERE and OR."""
        value = param(phrase, "::tsquery")
        return (
            "(SELECT true FROM search_pg_passage p"  # noqa: S608
            f" WHERE p.item_id = i.id AND p.vector @@ {value} LIMIT 1)"
        )

    @staticmethod
    def _scores(cursor, ids: list[int], query: _Query, stats) -> dict[int, tuple]:
        """BM25 per weight class, summed with the class weights (FIELD_WEIGHTS)
        and boosted a little for newer items: {id: (score, sort key)}."""
        if not ids:
            return {}
        param = _Params()
        n = stats["n"]
        calls, terms = [], []
        for number, (term, unit, _) in enumerate(query.scoring):
            df = stats["df"].get(term, 0)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            tsquery = param(unit, "::tsquery")
            for pair, weights in enumerate(PACKED_WEIGHTS):
                calls.append(f"ts_rank_cd('{weights}', d.v, {tsquery}, 0) AS r{number}_{pair}")
            # r_0 = D + A/PACK, r_1 = C + B/PACK: the term's count in each class
            frequencies = {
                "D": f"floor(r.r{number}_0)",
                "A": f"round((r.r{number}_0 - floor(r.r{number}_0)) * {PACK})",
                "C": f"floor(r.r{number}_1)",
                "B": f"round((r.r{number}_1 - floor(r.r{number}_1)) * {PACK})",
            }
            classes = " + ".join(
                f"{CLASS_WEIGHT[cls]} * {frequencies[cls]} / ({frequencies[cls]} + {K1} * "
                f"({1 - B[cls]} + {B[cls]} * i.len_{cls.lower()} / {param(stats['avg'][cls])}::float8))"
                for cls in CLASSES
            )
            terms.append(f"{param(idf)}::float8 * ({classes})")
        age = f"greatest(0, {param(timezone.localdate(), '::date')} - i.date)"
        boost = f"(1 + {RECENCY_BOOST} * exp(-{age} / {RECENCY_DAYS}))"
        # OFFSET 0 keeps each subquery whole: the vector is read (detoasted)
        # once per item, and each ts_rank_cd runs once.
        sql = f"""
            SELECT i.id, i.date, ({" + ".join(terms)}) * {K1 + 1} * {boost} AS score
            FROM search_pg_item i
            CROSS JOIN LATERAL (SELECT i.vector || ''::tsvector AS v OFFSET 0) d
            CROSS JOIN LATERAL (SELECT {", ".join(calls)} OFFSET 0) r
            WHERE i.id = ANY({param(ids, "::bigint[]")})
        """  # noqa: S608 (constants and placeholders only)
        cursor.execute(sql, param.values)
        return {
            item_id: (float(score), (-float(score), -day.toordinal(), item_id))
            for item_id, day, score in cursor.fetchall()
        }

    def _results(self, cursor, rows: list[tuple[int, float]], query: _Query) -> list[Result]:
        if not rows:
            return []
        ids = [item_id for item_id, _ in rows]
        cursor.execute(
            "SELECT id, title, url, type, date, provider, summary FROM search_pg_item"
            " WHERE id = ANY(%s::bigint[])",
            [ids],
        )
        items = {row[0]: row for row in cursor.fetchall()}
        passages: dict[int, list[tuple]] = defaultdict(list)
        if query.scoring:
            cursor.execute(
                f"""
                SELECT item_id, position, kind, field, text, start, document_id, document_title, page FROM (
                    SELECT p.*, row_number() OVER (
                        PARTITION BY p.item_id, p.kind
                        ORDER BY ts_rank('{PASSAGE_WEIGHTS}', p.vector, q.q) DESC, p.position
                    ) AS rank
                    FROM search_pg_passage p, (SELECT %s::tsquery AS q) q
                    WHERE p.item_id = ANY(%s::bigint[]) AND p.field <> 'title' AND p.vector @@ q.q
                ) ranked
                WHERE rank <= {HIT_LIMIT + 1}
                ORDER BY item_id, rank, position
                """,  # noqa: S608
                [query.positive, ids],
            )
            for row in cursor.fetchall():
                passages[row[0]].append(row)
        results = []
        for item_id, score in rows:
            item = items.get(item_id)
            if item is None:
                continue
            _, title, url, kind, day, provider, summary = item
            snippet, hits = self._snippet_and_hits(url, summary, passages.get(item_id, []), query)
            results.append(Result(item_id, title, url, kind, day, provider, snippet, score, hits))
        return results

    @staticmethod
    def _snippet_and_hits(url, summary, passages: list[tuple], query: _Query) -> tuple[str, list[Hit]]:
        """The snippet comes from the best matching text passage (else the best
        transcript or document one, else the summary); hits are the best
        transcript and document passages, then other text ones."""
        text_passages = [row for row in passages if row[2] == "text"]
        media_passages = [row for row in passages if row[2] != "text"]
        best = text_passages[0] if text_passages else media_passages[0] if media_passages else None
        source = best[4] if best else summary
        snippet = highlight(source, query.match_terms, query.prefix_terms)
        hits = []
        for row in media_passages + text_passages[1:]:
            _, _, kind, _, text, start, document_id, document_title, page = row
            marked = highlight(text, query.match_terms, query.prefix_terms, HIT_SNIPPET_CHARS)
            hit = Hit(kind=kind, snippet=marked, url=url)
            if kind == "transcript" and start is not None:
                hit.start = start
                hit.url = f"{url}?t={int(start)}"
            elif kind == "document":
                hit.document, hit.document_id, hit.page = document_title, document_id, page
            hits.append(hit)
            if len(hits) == HIT_LIMIT:
                break
        return snippet, hits

    # --- "did you mean" and as-you-type -----------------------------------------

    def _did_you_mean(
        self, cursor, site_id: int, locale: str, parsed: ParsedQuery, df: dict[str, int]
    ) -> str:
        """The query with each word the index does not know replaced by the
        closest word form it does know (same site and locale)."""
        replacements = []
        for token in tokens(parsed.raw):
            term = token.term[:MAX_LEXEME_CHARS]
            if not term or df.get(term, 1) > 0 or len(token.text) < 3 or token.text.isdigit():
                continue
            correction = self._closest_word(cursor, site_id, locale, token.text)
            if correction:
                replacements.append((token.start, token.end, _match_case(correction, token.text)))
            if len(replacements) >= MAX_SUGGESTED_WORDS:
                break
        if not replacements:
            return ""
        parts, cursor_at = [], 0
        for start, end, word in replacements:
            parts.extend([parsed.raw[cursor_at:start], word])
            cursor_at = end
        parts.append(parsed.raw[cursor_at:])
        suggestion = "".join(parts)
        return suggestion if suggestion != parsed.raw else ""

    @staticmethod
    def _closest_word(cursor, site_id: int, locale: str, word: str) -> str:
        target = latin(word)
        if len(target) < 3:
            return ""
        cursor.execute(  # the nearest by trigram distance (GiST), then edit distance here
            """
            SELECT form, items, 1 - (latin <-> %s) AS similarity FROM search_pg_term
            WHERE latin IS NOT NULL AND site_id = %s AND locale = %s AND kind = 'w'
            ORDER BY latin <-> %s LIMIT 30
            """,
            [target, site_id, locale, target],
        )
        candidates: dict[str, list] = {}
        for form, items, similarity in cursor.fetchall():
            entry = candidates.setdefault(form.lower(), [0, 0.0])
            entry[0] += items
            entry[1] = max(entry[1], similarity)
        folded = fold(word)
        allowed = 1 if len(folded) <= 4 else 2 if len(folded) <= 8 else 3
        best = None
        for form, (items, similarity) in candidates.items():
            if fold(form) == folded:
                continue
            distance = _osa_distance(folded, fold(form))
            if distance > allowed:
                continue
            key = (distance, -similarity, -items, form)
            if best is None or key < best[0]:
                best = (key, form)
        return best[1] if best else ""

    def suggest(self, prefix: str, locale: str, site_id: int, limit: int = 8) -> list[str]:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                return self._suggest(cursor, prefix, locale, site_id, limit)
        except Exception:  # as-you-type must never break the page
            logger.exception("PostgreSQL suggestions failed for %r", str(prefix)[:200])
            return []

    def _suggest(self, cursor, prefix, locale, site_id, limit) -> list[str]:
        typed = clean(_text(prefix))
        key = latin(typed)
        limit = max(1, min(int(limit), 50))
        if not key:
            return []
        site_id, locale = int(site_id), _text(locale)
        cursor.execute(
            """
            SELECT kind, form, items FROM search_pg_term
            WHERE site_id = %s AND locale = %s AND latin IS NOT NULL AND latin >= %s AND latin < %s
              AND kind IN ('t', 'p', 'c', 'w')
            ORDER BY items DESC LIMIT 200
            """,
            [site_id, locale, key, _upper_bound(key)],
        )
        rows = [(*row, 0) for row in cursor.fetchall()]
        if len(key) >= 3:  # a later word of a title or name ("rush" → "Erika Rushton")
            pattern = "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            cursor.execute(
                """
                SELECT kind, form, items FROM search_pg_term
                WHERE latin LIKE %s AND site_id = %s AND locale = %s AND kind IN ('t', 'p', 'c')
                ORDER BY items DESC LIMIT 100
                """,
                [pattern, site_id, locale],
            )
            rows.extend((*row, 1) for row in cursor.fetchall())
        typed_folded = fold(typed)

        def rank(row):
            kind, form, items, inside = row
            folded_form = fold(form)
            same_script = folded_form.startswith(typed_folded) or f" {typed_folded}" in folded_form
            return (not same_script, inside, SUGGEST_KIND_RANK[kind], -items, len(form), form)

        suggestions, seen = [], set()
        for _, form, _, _ in sorted(rows, key=rank):
            if fold(form) not in seen:
                seen.add(fold(form))
                suggestions.append(form)
            if len(suggestions) == limit:
                break
        return suggestions

"""The SQLite engine: FTS5 tables in the site's own database.

FTS5 has no Russian stemmer, so nothing is left to its tokenizer: every text
goes through search.analysis (fold, stop words, Snowball stems) and the index
holds the analysed terms; queries are analysed the same way (search.query).

Tables (created by migration search/0002_sqlite_index):

``search_sqlite_item``     one row per item: locale, site, type, date (as a day
                           number), url, title, summary, language, provider.
``search_sqlite_fts``      FTS5, contentless, one row per item (rowid = item id),
                           one column per field of search.documents.FIELDS holding
                           the analysed terms of the item's passages of that field,
                           and ``scope``: a token naming the item's locale and site and
                           one per facet value it has (``v_<id>``), so that FTS5 itself
                           keeps a search to them and applies the filters (doclist
                           intersections instead of a lookup per matching item). "_"
                           is a token character and no analysed word holds one, so
                           a query word never matches these tokens;
                           matching (AND / OR / NOT / phrases / prefixes) and bm25()
                           with FIELD_WEIGHTS as column weights happen here.
``search_sqlite_passage``  one row per passage: the original text (for snippets), its
                           analysed terms (space-padded, to find which passages matched)
                           and where it is (transcript start, document and page). Its
                           rowid is ``item_id << 20 | n``, so one item's passages are one
                           rowid range; the FTS row of an item is rebuilt from them when
                           it must be deleted (contentless tables need the old values).
``search_sqlite_facet_value``  per locale: every facet value with an integer id and its label.
``search_sqlite_facet``    (item, value id, facet, label): what filters select.
``search_sqlite_generation``  per locale and site: a random token replaced by every write in
                           the same transaction; facet counts come from bitmaps of the
                           items of each value, kept in memory per process and rebuilt
                           when the token changes (see FacetIndex).
``search_sqlite_vocab``    per locale and site: every indexed term, how many items hold
                           it and one written form of it; kept up to date on every write
                           (did-you-mean, completions, and which query terms need prefixes).
``search_sqlite_suggest``  per locale and site: titles and speaker/topic/event labels
                           keyed by their folded, transliterated text (completions).
``search_sqlite_title``    FTS5, contentless, the title terms only (rowid = item id):
                           ranks large result sets from short doclists (migration 0004).

Matching and ranking: one FTS5 query without bm25 finds the matching ids
(scope and filter tokens make that a few doclist intersections). Ranking is
bm25 (FIELD_WEIGHTS as column weights) times a recency boost of at most 10 %,
ties by date, then id. bm25 costs about a microsecond per scored item, and it
computes the IDF of every phrase of its MATCH by reading that phrase's whole
doclist, so the ranking query MATCHes the query's own words only and is
joined with a candidate table of the matching items that pass the filters.
That is exact, and it is what happens when at most RANK_ALL items match.
When more match (a common word in a large library), reading the words' whole
doclists again would take longer than a search may, so the items with a
query word in the title come first, ranked by bm25 over the title index
(times the same recency boost), and the others follow newest first. The
title index gives its matches best first and reading stops as soon as no
further one could reach the page.

Facet counts, the date order and "newest first" come from search.engines.facets:
per process, per locale and site, a bitmap of the items of each facet value,
rebuilt when the locale and site's generation token changes. With too many
values for its memory limit the engine counts in SQL instead.

Writes use ``django.db.connection`` inside ``transaction.atomic()``, so an index
update commits or rolls back with the caller's transaction (a publish and its
index update are one transaction).
"""

# SQL here is built from this module's table-name constants and "%s" placeholders only;
# every value (query text, terms, FTS5 expressions, filters) is a bound parameter.
# ruff: noqa: S608

import logging
import operator
import re
import secrets
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.db import connection, transaction

from .. import spelling
from ..analysis import TOKEN_RE, analyse_word, fold, is_kazakh, tokens
from ..documents import FACETS, FIELD_WEIGHTS, FIELDS, IndexDocument, Passage
from ..highlight import SNIPPET_CHARS, highlight
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
from .facets import Bitmap, FacetIndex, FacetIndexes, sorted_buckets

logger = logging.getLogger(__name__)

ITEMS = "search_sqlite_item"
PASSAGES = "search_sqlite_passage"
FTS = "search_sqlite_fts"
TITLES = "search_sqlite_title"  # title terms only: ranks large result sets (migration 0004)
FACET_TABLE = "search_sqlite_facet"
FACET_VALUES = "search_sqlite_facet_value"
GENERATIONS = "search_sqlite_generation"
VOCAB = "search_sqlite_vocab"
SUGGEST = "search_sqlite_suggest"

PASSAGE_BITS = 20  # passage rowid = item id << 20 | passage number
MAX_PASSAGES = (1 << PASSAGE_BITS) - 1
TITLE_COLUMN = FIELDS.index("title")
MAX_ITEM_ID = (1 << (63 - PASSAGE_BITS)) - 1
BATCH_SIZE = 500  # documents per transaction when indexing
PREPARE_WORKERS = 3  # at most; one core is left to the process that writes
PREPARE_AHEAD = 4  # batches analysed ahead of the writes when rebuilding
CHUNK = 500  # ids per "IN (…)" list
MAX_PER_PAGE = 100
MAX_FILTER_VALUES = 100
MIN_PREFIX = 3  # terms this long (and every Kazakh word) also match as prefixes
HITS_PER_RESULT = 3
CANDIDATE_PASSAGES = 300  # matching passages of one item looked at for hits
FEW_RESULTS = 3  # fewer than this (or a fallback) and did-you-mean is tried
SPELLING_CANDIDATES = 500  # most frequent terms per first letter measured for did-you-mean
FORM_ITEMS = 20  # items read to learn how a suggested term is written
MAX_WORD_LENGTH = 40
TERM_CACHE = 500_000  # words remembered with their terms (then forgotten at once)
KEY_LENGTH = 64
MAX_KEY = "\U0010ffff"  # sorts after every character: key < prefix + MAX_KEY
SUGGEST_FACETS = ("speaker", "topic", "event")
TITLE, LABEL, WORD = 0, 1, 2  # kinds of completion
# Newer items get up to +10 %: 1 + 0.1 / (1 + age in days / RECENCY_DAYS).
RECENCY_BOOST = 0.1
RECENCY_DAYS = 1826.0
WEIGHTS = ", ".join([*(repr(float(FIELD_WEIGHTS[name])) for name in FIELDS), "0.0"])  # scope: 0
SCORE = f"-bm25({FTS}, {WEIGHTS}) * (1.0 + {RECENCY_BOOST} / (1.0 + max(0, %s - i.day) / {RECENCY_DAYS}))"
CANDIDATES = "temp.search_sqlite_candidates"  # per connection: the items a ranking may return
# Above this many matching items, bm25 is computed for those with a query word
# in the title (they come first) and the others follow newest first: bm25 costs
# about a microsecond per item, and a common word matches tens of thousands.
RANK_ALL = 5000
TIER_BATCH = 200  # title matches read at a time when ranking a large result set

# Folded Cyrillic to Latin, so completions match across scripts («Эри» → Erika).
TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip


# TOKEN_RE is "[^\W_]+(?:['’][^\W_]+)*"; in a text without "_" this is the same and faster.
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


@lru_cache(maxsize=20_000)  # labels (speakers, topics, events) repeat on many items
def suggest_key(text: str) -> str:
    """Folded, transliterated to Latin, words joined by single spaces."""
    return " ".join(TOKEN_RE.findall(fold(text).translate(TRANSLIT)))[:KEY_LENGTH]


def scope_token(locale: str, site_id: int) -> str:
    """The one FTS5 token naming a locale and site (no query word holds "_")."""
    return f"scope_{locale.encode().hex()}_{site_id}"


def scope_column(locale: str, site_id: int, value_ids: Iterable[int]) -> str:
    """The FTS ``scope`` column of an item: its locale and site, its facet
    values (in id order, the same at insert and at delete)."""
    return " ".join([scope_token(locale, site_id), *(f"v_{value_id}" for value_id in sorted(value_ids))])


def fts_quote(text: str) -> str:
    """One FTS5 string: whatever it holds is matched as words, never as syntax."""
    return '"' + text.replace('"', '""') + '"'


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _chunks(values: list, size: int = CHUNK):
    for index in range(0, len(values), size):
        yield values[index : index + size]


def _marks(count: int) -> str:
    return ", ".join(["%s"] * count)


# --- what a query asks for -----------------------------------------------------


@dataclass
class Plan:
    """A parsed query as FTS5 expressions (every piece quoted).

    Every term matches as itself; it also matches as a prefix (``"term"*``)
    when it comes from a Kazakh word (no stemmer: «қала» must find «қаласы»),
    when searching Kazakh items, or when the index does not know the term
    (a word cut short, a stem the stemmer got wrong). Known Russian and
    English terms need no prefix: the stemmer already joined their forms.
    """

    parsed: ParsedQuery
    positive: list[str] = field(default_factory=list)  # terms that should match
    prefix: set[str] = field(default_factory=set)  # those also matched as prefixes
    parts: list[str] = field(default_factory=list)  # one expression per term or phrase
    excluded: str = ""

    @classmethod
    def of(cls, parsed: ParsedQuery, known: set[str] = frozenset(), kazakh_items: bool = False) -> "Plan":
        plan = cls(parsed, positive=parsed.positive_terms)
        kazakh = {token.term for word in parsed.words for token in tokens(word) if is_kazakh(token.text)}
        for term in parsed.required:
            quoted = fts_quote(term)
            if term in kazakh or (len(term) >= MIN_PREFIX and (kazakh_items or term not in known)):
                plan.prefix.add(term)
                plan.parts.append(f"({quoted} OR {quoted}*)")
            else:
                plan.parts.append(quoted)
        # Stop words are not indexed, and parse_query drops them from phrases:
        # a phrase matches its other words standing next to each other.
        plan.parts.extend(fts_quote(" ".join(phrase)) for phrase in parsed.phrases)
        if parsed.excluded:
            plan.excluded = " OR ".join(fts_quote(term) for term in parsed.excluded)
        return plan

    @property
    def is_empty(self) -> bool:
        return not self.parts

    def expression(self, every: bool, scope: str | None = None) -> str:
        """Every word (or any word), none of the excluded ones; with ``scope``
        (a scope_token), only in items of that locale and site."""
        positive = self.scored(every)
        expression = f"({positive}) NOT ({self.excluded})" if self.excluded else positive
        if scope is None:
            return expression
        return f"{fts_quote(scope)} AND ({expression})"

    def scored(self, every: bool) -> str:
        """Every word (or any word): what bm25 scores. bm25 computes the IDF of
        each phrase of its MATCH by reading the phrase's whole doclist, so the
        ranking query holds these words only (not the scope, filters or
        exclusions, which are applied by the candidate list)."""
        return (" AND " if every else " OR ").join(self.parts)

    def in_title(self) -> str:
        """Any of the query's words or phrases in the title."""
        return "{title}: (" + " OR ".join(self.parts) + ")"

    def matches(self, term: str) -> bool:
        return term in self.positive or any(term.startswith(prefix) for prefix in self.prefix)


def filtered(expression: str, selected: dict[str, list[int]]) -> str:
    """``expression`` kept to items with a selected value of every filtered
    facet (a facet whose values are all unknown matches nothing: no value has
    id 0)."""
    for value_ids in selected.values():
        values = " OR ".join(f'"v_{value_id}"' for value_id in value_ids or [0])
        expression = f"({expression}) AND ({values})"
    return expression


# --- what an item becomes --------------------------------------------------------


@dataclass
class Prepared:
    """One document, analysed, as rows for every table."""

    id: int
    locale: str
    site_id: int
    item: tuple
    passages: list[tuple]
    columns: list[str]
    facets: list[tuple]  # (facet, value, label)
    terms: set[str]
    suggestions: set  # (key, text, kind)


def _field_columns(rows: Iterable[tuple[str, str]]) -> list[str]:
    """FTS column values from (field, padded terms) of an item's passages in
    order; the same function at insert and at delete, so they always agree."""
    values: dict[str, list[str]] = {name: [] for name in FIELDS}
    for name, terms in rows:
        values[name].append(terms)
    return ["\n".join(values[name]) for name in FIELDS]


_term_of: dict[str, str] = {}  # word as written -> analysed term ("" for stop words)
_form_of: dict[str, str] = {}  # term -> a written form (lower case if it was ever seen so)


def term_of(word: str) -> str:
    """analysis.analyse_word, remembered (indexing looks up every word)."""
    term = _term_of.get(word)
    if term is None:
        if len(_term_of) >= TERM_CACHE:
            _term_of.clear()
        term = _term_of[word] = analyse_word(word)
        if term and len(word) <= MAX_WORD_LENGTH:
            form = _form_of.get(term)
            if form is None or (form != form.lower() and word == word.lower()):
                if len(_form_of) >= TERM_CACHE:
                    _form_of.clear()
                _form_of[term] = word
    return term


def analyse(text: str) -> list[str]:
    """The analysed terms of ``text``: exactly analysis.terms(text), faster."""
    words = (TOKEN_RE if "_" in text else WORD_RE).findall(text)
    terms = list(map(_term_of.get, words))
    if None in terms:
        terms = [term_of(word) if term is None else term for word, term in zip(words, terms, strict=True)]
    return list(filter(None, terms))


def _suggestions_of(title: str, facets: Iterable[tuple[str, str, str]]) -> set:
    """Completion entries of one item: its title, and its speaker, topic and
    event labels (also under each later word: «Rus» finds «Erika Rushton»)."""
    entries = set()
    title = " ".join(title.split())[:200]
    if key := suggest_key(title):
        entries.add((key, title, TITLE))
    for name, _value, label in facets:
        if name not in SUGGEST_FACETS or not label.strip():
            continue
        label = " ".join(label.split())[:200]
        words = suggest_key(label).split(" ")
        for index in range(len(words)):
            if key := " ".join(words[index:]):
                entries.add((key, label, LABEL))
    return entries


def prepare(document: IndexDocument) -> Prepared:
    item_id = int(document.id)
    locale = str(document.locale or "")
    site_id = int(document.site_id)
    day = document.date.toordinal() if isinstance(document.date, date) else 1
    passages = list(document.passages or [])
    present = {passage.field for passage in passages}
    # Title and summary are searchable even if no passage carries them.
    extra = [
        Passage("text", name, str(getattr(document, name)))
        for name in ("title", "summary")
        if name not in present and str(getattr(document, name) or "").strip()
    ]
    terms: set[str] = set()
    passage_rows = []
    columns: dict[str, list[str]] = {name: [] for name in FIELDS}
    base = item_id << PASSAGE_BITS
    for seq, passage in enumerate([*extra, *passages][:MAX_PASSAGES]):
        name = passage.field if passage.field in FIELD_WEIGHTS else "body"
        text = str(passage.text or "")
        analysed = analyse(text)
        terms.update(analysed)
        padded = f" {' '.join(analysed)} " if analysed else ""
        columns[name].append(padded)
        passage_rows.append(
            (
                base | seq,
                item_id,
                passage.kind if passage.kind in ("text", "transcript", "document") else "text",
                name,
                text,
                padded,
                float(passage.start) if passage.start is not None else None,
                passage.document_id,
                str(passage.document_title or ""),
                passage.page,
            )
        )
    facets: dict[tuple[str, str], str] = {}
    for name, pairs in (document.facets or {}).items():
        for value, label in pairs or ():
            facets.setdefault((str(name), str(value)), str(label))
    facet_rows = [(name, value, label) for (name, value), label in facets.items()]
    title = str(document.title or "")
    item = (
        item_id,
        locale,
        site_id,
        str(document.type or ""),
        day,
        str(document.url or ""),
        title,
        str(document.summary or ""),
        str(document.language or ""),
        str(document.provider or ""),
    )
    return Prepared(
        id=item_id,
        locale=locale,
        site_id=site_id,
        item=item,
        passages=passage_rows,
        columns=["\n".join(columns[name]) for name in FIELDS],  # as _field_columns gives at delete
        facets=facet_rows,
        terms=terms,
        suggestions=_suggestions_of(title, facet_rows),
    )


@dataclass
class PreparedBatch:
    """Documents analysed into rows, with what they add to the vocabulary and
    the completions: everything a write needs but the database."""

    count: int  # documents given (an id given twice counts twice, as BaseEngine.rebuild counts)
    items: list[Prepared]
    vocabulary: list[tuple]  # (locale, site id, term, items, form, form is capitalised)
    suggestions: dict[tuple, list]  # (locale, site id, key, text) -> [kind, items]


def prepare_batch(documents: list[IndexDocument]) -> PreparedBatch:
    latest: dict[int, IndexDocument] = {}
    for document in documents:  # the last version of an id wins
        item_id = _int(document.id, -1)
        if 0 <= item_id <= MAX_ITEM_ID:
            latest[item_id] = document
        else:
            logger.warning("Not indexing item with id %r: out of range", document.id)
    prepared = [prepare(document) for document in latest.values()]
    terms: dict[tuple[str, int], Counter] = {}
    suggestions: dict[tuple, list] = {}
    for item in prepared:
        terms.setdefault((item.locale, item.site_id), Counter()).update(item.terms)
        for key, text, kind in item.suggestions:
            entry = suggestions.setdefault((item.locale, item.site_id, key, text), [kind, 0])
            entry[1] += 1
    vocabulary = []
    for (locale, site_id), counts in terms.items():
        for term, count in counts.items():
            form = _form_of.get(term) or term
            vocabulary.append((locale, site_id, term, count, form, int(form != form.lower())))
    return PreparedBatch(len(documents), prepared, vocabulary, suggestions)


def prepared_batches(documents: Iterable[IndexDocument], batch_size: int) -> Iterator[PreparedBatch]:
    """prepare_batch of each ``batch_size`` documents, in worker processes
    ahead of the writes when there is more than one batch (see prepared_ahead)."""
    return prepared_ahead(
        prepare_batch, documents, batch_size, ahead=PREPARE_AHEAD, workers=PREPARE_WORKERS, processes=True
    )


def _snippet(text: str, plan: "Plan") -> str:
    """highlight() of a passage. highlight reads every word it is given, so a
    long passage is first cut to a stretch around its first matched word."""
    match_terms = set(plan.positive)
    if len(text) <= SNIPPET_CHARS + SNIPPET_CHARS // 4:
        return highlight(text, match_terms, plan.prefix)
    first = 0
    for match in (TOKEN_RE if "_" in text else WORD_RE).finditer(text):
        if plan.matches(term_of(match.group())):
            first = match.start()
            break
    begin = max(0, first - SNIPPET_CHARS // 4)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space >= 0 else begin
    end = min(len(text), begin + SNIPPET_CHARS + SNIPPET_CHARS // 4)
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    html = highlight(text[begin:end], match_terms, plan.prefix)
    if begin and not html.startswith("…"):
        html = "…" + html
    if end < len(text) and not html.endswith("…"):
        html += "…"
    return html


def build_facet_index(cursor, locale: str, site_id: int, token: str | None) -> FacetIndex | None:
    """The FacetIndex of one locale and site; None when its bitmaps would
    take more than facets.MEMORY bytes."""
    cursor.execute(f"SELECT id, day FROM {ITEMS} WHERE locale = %s AND site_id = %s", [locale, site_id])
    items = cursor.fetchall()
    cursor.execute(
        f"SELECT f.value_id, f.item_id FROM {ITEMS} i CROSS JOIN {FACET_TABLE} f ON f.item_id = i.id"
        " WHERE i.locale = %s AND i.site_id = %s ORDER BY f.value_id",
        [locale, site_id],
    )
    memberships = cursor.fetchall()
    value_ids = sorted({row[0] for row in memberships})
    if not FacetIndex.fits(len(items), len(value_ids)):
        return None
    meta = {}
    for chunk in _chunks(value_ids):
        cursor.execute(
            f"SELECT id, facet, value, label FROM {FACET_VALUES} WHERE id IN ({_marks(len(chunk))})", chunk
        )
        meta.update((row[0], row[1:]) for row in cursor.fetchall())
    return FacetIndex(token, items, memberships, meta)


def facet_index(cursor, locale: str, site_id: int) -> FacetIndex | None:
    """This process's FacetIndex of the locale and site, current with the
    generation token read in this transaction."""
    cursor.execute(f"SELECT token FROM {GENERATIONS} WHERE locale = %s AND site_id = %s", [locale, site_id])
    row = cursor.fetchone()
    token = row[0] if row else None
    key = (connection.settings_dict.get("NAME"), locale, site_id)
    return facet_indexes.get(key, token, lambda: build_facet_index(cursor, locale, site_id, token))


facet_indexes = FacetIndexes()


class SQLiteEngine(SearchEngine):
    name = "sqlite"
    transactional = True  # writes go through the site's connection, in the caller's transaction
    known_differences: dict[str, str] = {}

    # --- writing -------------------------------------------------------------------

    def index(self, documents: Iterable[IndexDocument]) -> None:
        batch: list[IndexDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH_SIZE:
                self._index_batch(batch)
                batch = []
        if batch:
            self._index_batch(batch)

    def _index_batch(self, documents: list[IndexDocument]) -> None:
        self._write(prepare_batch(documents))

    def _write(self, batch: "PreparedBatch") -> None:
        prepared, vocabulary, suggestions = batch.items, batch.vocabulary, batch.suggestions
        if not prepared:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            self._delete(cursor, [item.id for item in prepared])
            value_ids = self._value_ids_for(cursor, prepared)
            cursor.executemany(
                f"INSERT INTO {ITEMS} (id, locale, site_id, type, day, url, title, summary, language,"
                f" provider) VALUES ({_marks(10)})",
                [item.item for item in prepared],
            )
            cursor.executemany(
                f"INSERT INTO {PASSAGES} (id, item_id, kind, field, text, terms, start, document_id,"
                f" document_title, page) VALUES ({_marks(10)})",
                [row for item in prepared for row in item.passages],
            )
            cursor.executemany(
                f"INSERT INTO {FTS} (rowid, {', '.join(FIELDS)}, scope) VALUES ({_marks(len(FIELDS) + 2)})",
                [
                    (
                        item.id,
                        *item.columns,
                        scope_column(
                            item.locale,
                            item.site_id,
                            [value_ids[(item.locale, name, value)] for name, value, _ in item.facets],
                        ),
                    )
                    for item in prepared
                ],
            )
            cursor.executemany(
                f"INSERT INTO {TITLES} (rowid, title) VALUES (%s, %s)",
                [(item.id, item.columns[TITLE_COLUMN]) for item in prepared],
            )
            cursor.executemany(
                f"INSERT INTO {FACET_TABLE} (item_id, value_id, facet, label) VALUES (%s, %s, %s, %s)",
                [
                    (item.id, value_ids[(item.locale, name, value)], name, label)
                    for item in prepared
                    for name, value, label in item.facets
                ],
            )
            # A form seen in lower case replaces one that was only seen capitalised.
            cursor.executemany(
                f"INSERT INTO {VOCAB} (locale, site_id, term, count, form, cased) VALUES ({_marks(6)})"
                " ON CONFLICT (locale, site_id, term) DO UPDATE SET count = count + excluded.count,"
                " form = CASE WHEN cased > excluded.cased THEN excluded.form ELSE form END,"
                " cased = min(cased, excluded.cased)",
                sorted(vocabulary),
            )
            cursor.executemany(
                f"INSERT INTO {SUGGEST} (locale, site_id, key, text, kind, count) VALUES ({_marks(6)})"
                " ON CONFLICT (locale, site_id, key, text) DO UPDATE SET count = count + excluded.count",
                [(*key, kind, count) for key, (kind, count) in suggestions.items()],
            )
            self._touch(cursor, {(item.locale, item.site_id) for item in prepared})

    @staticmethod
    def _touch(cursor, scopes: Iterable[tuple[str, int]]) -> None:
        """New generation tokens for these locales and sites (their facet
        bitmaps are out of date), in the current transaction."""
        cursor.executemany(
            f"INSERT INTO {GENERATIONS} (locale, site_id, token) VALUES (%s, %s, %s)"
            " ON CONFLICT (locale, site_id) DO UPDATE SET token = excluded.token",
            [(locale, site_id, secrets.token_hex(8)) for locale, site_id in sorted(scopes)],
        )

    @staticmethod
    def _value_ids_for(cursor, prepared: list[Prepared]) -> dict[tuple[str, str, str], int]:
        """The ids of these items' facet values, created as needed; a value's
        label is the one its latest item gave."""
        labels = {
            (item.locale, name, value): label for item in prepared for name, value, label in item.facets
        }
        cursor.executemany(
            f"INSERT INTO {FACET_VALUES} (locale, facet, value, label) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (locale, facet, value) DO UPDATE SET label = excluded.label",
            [(*key, label) for key, label in sorted(labels.items())],
        )
        wanted: dict[tuple[str, str], list[str]] = {}
        for locale, name, value in labels:
            wanted.setdefault((locale, name), []).append(value)
        ids = {}
        for (locale, name), values in wanted.items():
            for chunk in _chunks(values):
                cursor.execute(
                    f"SELECT value, id FROM {FACET_VALUES}"
                    f" WHERE locale = %s AND facet = %s AND value IN ({_marks(len(chunk))})",
                    [locale, name, *chunk],
                )
                ids.update(((locale, name, value), value_id) for value, value_id in cursor.fetchall())
        return ids

    def delete(self, ids: Iterable[int]) -> None:
        item_ids = sorted({_int(item_id, -1) for item_id in ids})
        item_ids = [item_id for item_id in item_ids if 0 <= item_id <= MAX_ITEM_ID]
        if not item_ids:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for chunk in _chunks(item_ids):
                self._delete(cursor, chunk)

    def _delete(self, cursor, ids: list[int]) -> None:
        """Remove these items (in the current transaction), taking their terms,
        titles and labels out of the vocabulary and completions."""
        existing = []
        for chunk in _chunks(ids):
            cursor.execute(
                f"SELECT id, locale, site_id, title FROM {ITEMS} WHERE id IN ({_marks(len(chunk))})", chunk
            )
            existing.extend(cursor.fetchall())
        if not existing:
            return
        terms: Counter = Counter()
        suggestions: Counter = Counter()
        fts_rows, title_rows = [], []
        for item_id, locale, site_id, title in existing:
            low, high = item_id << PASSAGE_BITS, (item_id << PASSAGE_BITS) | MAX_PASSAGES
            cursor.execute(
                f"SELECT field, terms FROM {PASSAGES} WHERE id BETWEEN %s AND %s ORDER BY id", [low, high]
            )
            passages = cursor.fetchall()
            terms.update((locale, site_id, term) for term in set(" ".join(t for _, t in passages).split()))
            cursor.execute(f"SELECT facet, value_id, label FROM {FACET_TABLE} WHERE item_id = %s", [item_id])
            facets = cursor.fetchall()
            suggestions.update((locale, site_id, *entry[:2]) for entry in _suggestions_of(title, facets))
            scope = scope_column(locale, site_id, [value_id for _, value_id, _ in facets])
            columns = _field_columns(passages)
            fts_rows.append((item_id, *columns, scope))
            title_rows.append((item_id, columns[TITLE_COLUMN]))
        cursor.executemany(
            f"INSERT INTO {FTS} ({FTS}, rowid, {', '.join(FIELDS)}, scope)"
            f" VALUES ('delete', {_marks(len(FIELDS) + 2)})",
            fts_rows,
        )
        cursor.executemany(
            f"INSERT INTO {TITLES} ({TITLES}, rowid, title) VALUES ('delete', %s, %s)", title_rows
        )
        cursor.executemany(
            f"DELETE FROM {PASSAGES} WHERE id BETWEEN %s AND %s",
            [(item_id << PASSAGE_BITS, (item_id << PASSAGE_BITS) | MAX_PASSAGES) for item_id, *_ in existing],
        )
        found = [row[0] for row in existing]
        for chunk in _chunks(found):
            cursor.execute(f"DELETE FROM {FACET_TABLE} WHERE item_id IN ({_marks(len(chunk))})", chunk)
            cursor.execute(f"DELETE FROM {ITEMS} WHERE id IN ({_marks(len(chunk))})", chunk)
        cursor.executemany(
            f"UPDATE {VOCAB} SET count = count - %s WHERE locale = %s AND site_id = %s AND term = %s",
            [(count, *key) for key, count in sorted(terms.items())],
        )
        cursor.executemany(
            f"DELETE FROM {VOCAB} WHERE locale = %s AND site_id = %s AND term = %s AND count <= 0",
            sorted(terms),
        )
        cursor.executemany(
            f"UPDATE {SUGGEST} SET count = count - %s"
            " WHERE locale = %s AND site_id = %s AND key = %s AND text = %s",
            [(count, *key) for key, count in suggestions.items()],
        )
        cursor.executemany(
            f"DELETE FROM {SUGGEST}"
            " WHERE locale = %s AND site_id = %s AND key = %s AND text = %s AND count <= 0",
            list(suggestions),
        )
        self._touch(cursor, {(locale, site_id) for _, locale, site_id, _ in existing})

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in (ITEMS, PASSAGES, FACET_TABLE, FACET_VALUES, VOCAB, SUGGEST):
                cursor.execute(f"DELETE FROM {table}")
            cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('delete-all')")
            cursor.execute(f"INSERT INTO {TITLES} ({TITLES}) VALUES ('delete-all')")
            cursor.execute(f"UPDATE {GENERATIONS} SET token = lower(hex(randomblob(8)))")

    def rebuild(self, documents: Iterable[IndexDocument], batch_size: int = BATCH_SIZE) -> int:
        """Replace the whole index. With more than one batch and more than
        one core, other processes analyse the next batches while this one
        writes (analysis is pure Python and about half of the work)."""
        self.clear()
        count = 0
        for batch in prepared_batches(documents, batch_size):
            self._write(batch)
            count += batch.count
        self.optimize()
        return count

    def optimize(self) -> None:
        """Merge the FTS5 index into one segment (faster queries after a rebuild)."""
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
            cursor.execute(f"INSERT INTO {TITLES} ({TITLES}) VALUES ('optimize')")

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {ITEMS}")
            return {row[0] for row in cursor.fetchall()}

    def health(self) -> dict:
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM {ITEMS}")
                return {"engine": self.name, "ok": True, "count": cursor.fetchone()[0]}
        except Exception as error:  # health must report, not raise
            return {"engine": self.name, "ok": False, "error": str(error)}

    # --- searching -------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        try:
            response = self._search(request)
        except Exception:  # never raise for what a visitor typed; log it for us
            logger.exception("SQLite search failed for %r", getattr(request, "query", None))
            query = getattr(request, "query", "")
            page = min(max(_int(getattr(request, "page", 1), 1), 1), MAX_PAGE)
            response = SearchResponse(
                query if isinstance(query, str) else "", 0, 0.0, page, 0, [], {name: [] for name in FACETS}
            )
        response.took_ms = (time.perf_counter() - started) * 1000
        return response

    def _search(self, request: SearchRequest) -> SearchResponse:
        query = request.query if isinstance(request.query, str) else ""
        parsed = parse_query(query)
        locale = str(request.locale or "").replace("\x00", "")
        site_id = _int(request.site_id, 0)
        per_page = min(max(_int(request.per_page, PER_PAGE), 1), MAX_PER_PAGE)
        page = min(max(_int(request.page, 1), 1), MAX_PAGE)
        sort = request.sort if request.sort in SORTS else "relevance"
        filters = self._filters(request.filters)
        response = SearchResponse(query, 0, 0.0, page, 0, [], {name: [] for name in FACETS})
        with connection.cursor() as cursor:
            selected = self._selected_ids(cursor, locale, filters)
            known = self._known(cursor, parsed.required, locale, site_id)
            plan = Plan.of(parsed, known, kazakh_items=locale == "kk")
            index = facet_index(cursor, locale, site_id)
            if plan.is_empty:  # browse: everything (but the excluded words), newest first
                source = Source(f"{ITEMS} h", "h.locale = %s AND h.site_id = %s", [locale, site_id])
                if plan.excluded:
                    source.where += f" AND h.id NOT IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
                    source.params.append(plan.excluded)
                ids = None
            else:
                expression, ids, response.fallback = self._match(cursor, plan, scope_token(locale, site_id))
                source = Source(
                    f"{ITEMS} h", f"h.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)", [expression]
                )
                if len(ids) < FEW_RESULTS or response.fallback:
                    response.suggestion = self._did_you_mean(cursor, parsed, locale, site_id)
            where, params = source.filtered(selected)
            if index is not None:
                matching = self._matching(cursor, index, plan, ids)
                response.total, passing, response.facets = index.count(matching, filters, selected)
            else:
                if ids is not None and not filters:
                    response.total = len(ids)
                else:
                    cursor.execute(f"SELECT count(*) FROM {source.table} WHERE {where}", params)
                    response.total = cursor.fetchone()[0]
                response.facets = self._facets(cursor, source, locale, filters, selected)
            response.pages = -(-response.total // per_page)
            start = (page - 1) * per_page
            if response.total > start:
                end = start + per_page
                if index is not None and (ids is None or sort == "date"):
                    ranked = [(item_id, 0.0) for item_id in index.newest(passing, start, end)]
                elif index is not None and len(ids) > RANK_ALL:
                    ranked = self._tiered(cursor, index, plan, passing, start, end)
                elif ids is None:
                    cursor.execute(
                        f"SELECT h.id, 0.0 FROM {source.table} WHERE {where} ORDER BY h.day DESC, h.id"
                        " LIMIT %s OFFSET %s",
                        [*params, per_page, start],
                    )
                    ranked = cursor.fetchall()
                else:
                    every = not response.fallback
                    ranked = self._ranked(
                        cursor, plan, expression, every, selected, len(ids), sort, start, per_page
                    )
                response.results = self._results(cursor, ranked, plan)
        return response

    def _match(self, cursor, plan: Plan, scope: str) -> tuple[str, list[int], bool]:
        """The FTS5 expression that finds the items with every word (or, when
        none has them all, any word), the ids it finds, and whether it is the
        fallback."""
        expression = plan.expression(every=True, scope=scope)
        ids = self._ids(cursor, expression)
        if ids or len(plan.parts) < 2:
            return expression, ids, False
        expression = plan.expression(every=False, scope=scope)
        ids = self._ids(cursor, expression)
        return expression, ids, bool(ids)

    @staticmethod
    def _ids(cursor, expression: str) -> list[int]:
        """The rowids an FTS5 expression matches. One string from
        group_concat rather than a row per id: a common word matches tens of
        thousands of items, and fetching a Python row for each took longer
        than finding them."""
        cursor.execute(f"SELECT group_concat(rowid) FROM {FTS} WHERE {FTS} MATCH %s", [expression])
        found = cursor.fetchone()[0]
        return list(map(int, found.split(","))) if found else []

    @staticmethod
    def _tiered(cursor, index: FacetIndex, plan: Plan, passing: Bitmap, start: int, end: int) -> list[tuple]:
        """(id, score) from ``start`` to ``end`` when more than RANK_ALL items
        match: first those with a query word in the title, by bm25 over the
        title index times the recency boost, then the others newest first.
        ``passing``: the bitmap of the matching items that pass the filters.

        The title index gives its matches best bm25 first; reading stops once
        not even the largest recency boost could lift the next one into the
        page, so a common title word costs a few hundred rows, not thousands."""
        today = date.today().toordinal()
        cursor.execute(
            f"SELECT rowid, -rank FROM {TITLES} WHERE {TITLES} MATCH %s ORDER BY rank", [plan.in_title()]
        )
        titled = []  # (-boosted score, slot, id): the passing items read so far
        while rows := cursor.fetchmany(TIER_BATCH):
            for item_id, score in rows:
                slot = index.slot.get(item_id)
                if slot is not None and passing[slot]:
                    age = max(0, today - index.days[slot])
                    titled.append(
                        (-score * (1.0 + RECENCY_BOOST / (1.0 + age / RECENCY_DAYS)), slot, item_id)
                    )
            if len(titled) >= end:
                titled.sort()
                if -rows[-1][1] * (1.0 + RECENCY_BOOST) > titled[end - 1][0]:
                    break  # nothing further down can reach the page
        titled.sort()
        ranked = [(item_id, -score) for score, _, item_id in titled[start:end]]
        if len(ranked) < end - start:
            rest = passing & ~index.bitmap(item_id for _, _, item_id in titled)
            skip = max(0, start - len(titled))
            ranked += [
                (item_id, 0.0) for item_id in index.newest(rest, skip, skip + end - start - len(ranked))
            ]
        return ranked

    @staticmethod
    def _ranked(
        cursor,
        plan: Plan,
        expression: str,
        every: bool,
        selected: dict[str, list[int]],
        found: int,
        sort: str,
        start: int,
        per_page: int,
    ) -> list[tuple[int, float]]:
        """(id, score) of one page of the matching items that pass the facet
        filters, best (or newest) first.

        Best first is bm25 with the field weights times the recency boost, for
        every matching item when at most RANK_ALL match (``found``, before the
        filters); above that, for the items with a query word in the title,
        which come first, and the others follow newest first. The items to
        score are put in a candidate table first (an FTS5 query without bm25:
        doclist intersections), so that bm25 reads only the query's words."""
        end = start + per_page
        items = f"{ITEMS} i INDEXED BY search_sqlite_item_scope ON i.id = {FTS}.rowid"
        newest = (
            f"SELECT i.id, 0.0 FROM {FTS} CROSS JOIN {items} WHERE {FTS} MATCH %s"
            " ORDER BY i.day DESC, i.id LIMIT %s"
        )
        if sort == "date":
            cursor.execute(newest, [filtered(expression, selected), end])
            return cursor.fetchall()[start:end]
        titled = found > RANK_ALL
        candidates = f"({expression}) AND {plan.in_title()}" if titled else expression
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {CANDIDATES[5:]} (id INTEGER PRIMARY KEY)")
        cursor.execute(f"DELETE FROM {CANDIDATES}")
        cursor.execute(
            f"INSERT INTO {CANDIDATES} (id) SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s",
            [filtered(candidates, selected)],
        )
        cursor.execute(
            f"SELECT i.id, {SCORE} AS score FROM {FTS} CROSS JOIN {CANDIDATES} c ON c.id = {FTS}.rowid"
            f" CROSS JOIN {items} WHERE {FTS} MATCH %s ORDER BY score DESC, i.day DESC, i.id LIMIT %s",
            [date.today().toordinal(), plan.scored(every), end],
        )
        found_rows = cursor.fetchall()
        cursor.execute(f"DELETE FROM {CANDIDATES}")
        if titled and len(found_rows) < end:
            cursor.execute(newest, [filtered(f"({expression}) NOT {plan.in_title()}", selected), end])
            found_rows += cursor.fetchall()
        return found_rows[start:end]

    @staticmethod
    def _matching(cursor, facet_index: FacetIndex, plan: Plan, ids: list[int] | None) -> Bitmap:
        """The bitmap of the items the query matched, before facet filters."""
        if ids is not None:
            return facet_index.bitmap(ids)
        if plan.excluded:
            cursor.execute(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [plan.excluded])
            return facet_index.every & ~facet_index.bitmap(map(operator.itemgetter(0), cursor.fetchall()))
        return facet_index.every

    @staticmethod
    def _filters(filters) -> dict[str, list[str]]:
        """Selected values of the known facets; unknown facet names are ignored,
        unknown values simply match nothing."""
        result: dict[str, list[str]] = {}
        if not isinstance(filters, dict):
            return result
        for name in FACETS:
            values = filters.get(name)
            if values is None:
                continue
            if isinstance(values, str | int):
                values = [values]
            try:
                values = [str(value).replace("\x00", "") for value in values]
            except TypeError:
                continue
            values = list(dict.fromkeys(values))[:MAX_FILTER_VALUES]
            if values:
                result[name] = values
        return result

    @staticmethod
    def _selected_ids(cursor, locale: str, filters: dict[str, list[str]]) -> dict[str, list[int]]:
        """The ids of the selected facet values (an unknown value has none, so
        its facet matches nothing)."""
        selected = {}
        for name, values in filters.items():
            cursor.execute(
                f"SELECT id FROM {FACET_VALUES}"
                f" WHERE locale = %s AND facet = %s AND value IN ({_marks(len(values))})",
                [locale, name, *values],
            )
            selected[name] = [row[0] for row in cursor.fetchall()]
        return selected

    @staticmethod
    def _known(cursor, terms: list[str], locale: str, site_id: int) -> set[str]:
        """Which of these terms the index holds for this locale and site."""
        if not terms:
            return set()
        cursor.execute(
            f"SELECT term FROM {VOCAB} WHERE locale = %s AND site_id = %s AND term IN ({_marks(len(terms))})",
            [locale, site_id, *terms],
        )
        return {row[0] for row in cursor.fetchall()}

    def _results(self, cursor, ranked: list[tuple], plan: Plan) -> list[Result]:
        if not ranked:
            return []
        ids = [row[0] for row in ranked]
        cursor.execute(
            f"SELECT id, url, title, summary, type, day, provider FROM {ITEMS}"
            f" WHERE id IN ({_marks(len(ids))})",
            ids,
        )
        items = {row[0]: row for row in cursor.fetchall()}
        results, summaries = [], {}
        for item_id, score in ranked:
            if item_id not in items:
                continue
            _, url, title, summary, type_, day, provider = items[item_id]
            results.append(
                Result(
                    id=item_id,
                    title=title,
                    url=url,
                    type=type_,
                    date=date.fromordinal(max(day, 1)),
                    provider=provider,
                    snippet="",
                    score=float(score or 0.0),
                )
            )
            summaries[item_id] = summary
        self._hits(cursor, results, summaries, plan)
        return results

    @staticmethod
    def _hits(cursor, results: list[Result], summaries: dict[int, str], plan: Plan) -> None:
        """Each result's snippet (its best matching summary or body passage)
        and up to three hits (transcript and document passages first). Title,
        people and topics are shown with the result, not as snippets."""
        scored: dict[int, list] = {result.id: [] for result in results}
        if plan.positive:
            ranges = " OR ".join(["id BETWEEN %s AND %s"] * len(results))
            bounds = [
                bound
                for result in results
                for bound in (result.id << PASSAGE_BITS, (result.id << PASSAGE_BITS) | MAX_PASSAGES)
            ]
            patterns = [f" {term}" if term in plan.prefix else f" {term} " for term in plan.positive]
            cursor.execute(
                f"SELECT id, kind, field, terms FROM {PASSAGES} WHERE ({ranges})"
                " AND field NOT IN ('title', 'people', 'topics')"
                f" AND ({' OR '.join(['instr(terms, %s) > 0'] * len(patterns))})",
                [*bounds, *patterns],
            )
            phrases = [f" {' '.join(phrase)} " for phrase in plan.parsed.phrases]
            for passage_id, kind, name, terms in cursor.fetchall():
                entries = scored.get(passage_id >> PASSAGE_BITS)
                if entries is None or len(entries) >= CANDIDATE_PASSAGES:
                    continue
                matched, frequency = 0, 0
                for term, pattern in zip(plan.positive, patterns, strict=True):
                    count = terms.count(pattern)
                    if count:
                        matched += 1
                        frequency += count + terms.count(f" {term} ")  # exact forms count twice
                matched += 2 * sum(1 for phrase in phrases if phrase in terms)
                entries.append(((-matched, -FIELD_WEIGHTS.get(name, 1.0), -frequency, passage_id), kind))
        chosen: dict[int, tuple[int | None, list[int]]] = {}
        for item_id, entries in scored.items():
            entries.sort()
            texts = [key[-1] for key, kind in entries if kind == "text"]
            located = [key[-1] for key, kind in entries if kind != "text"]
            chosen[item_id] = (texts[0] if texts else None, (located + texts[1:])[:HITS_PER_RESULT])
        wanted = [passage_id for best, hits in chosen.values() for passage_id in (best, *hits) if passage_id]
        passages = {}
        for chunk in _chunks(wanted):
            cursor.execute(
                f"SELECT id, kind, text, start, document_id, document_title, page FROM {PASSAGES}"
                f" WHERE id IN ({_marks(len(chunk))})",
                chunk,
            )
            passages.update((row[0], row) for row in cursor.fetchall())
        for result in results:
            best, hits = chosen[result.id]
            if best in passages:
                result.snippet = _snippet(passages[best][2], plan)
            else:
                text = summaries.get(result.id) or ""
                if not text.strip():
                    low = result.id << PASSAGE_BITS
                    cursor.execute(
                        f"SELECT text FROM {PASSAGES} WHERE id BETWEEN %s AND %s"
                        " AND field IN ('summary', 'body') ORDER BY id LIMIT 1",
                        [low, low | MAX_PASSAGES],
                    )
                    row = cursor.fetchone()
                    text = row[0] if row else ""
                result.snippet = _snippet(text, plan)
            for passage_id in hits:
                if passage_id not in passages:
                    continue
                _, kind, text, start, document_id, document_title, page = passages[passage_id]
                hit = Hit(kind=kind, snippet=_snippet(text, plan), url=result.url)
                if kind == "transcript" and start is not None:
                    hit.start = start
                    hit.url = f"{result.url}?t={int(start)}"
                elif kind == "document":
                    hit.document, hit.document_id, hit.page = document_title, document_id, page
                result.hits.append(hit)

    def _facets(
        self,
        cursor,
        source: "Source",
        locale: str,
        filters: dict[str, list[str]],
        selected: dict[str, list[int]],
    ) -> dict[str, list[FacetBucket]]:
        """Counts of every facet value among the matching items, in SQL (when
        there is no FacetIndex). A facet with a selection is counted under the
        other facets' filters only, so its other values stay visible."""
        counts: dict[int, int] = {}
        groups = [(None, [name for name in FACETS if name not in filters])]
        groups += [(name, [name]) for name in FACETS if name in filters]
        for excluded, names in groups:
            if not names:
                continue
            where, params = source.filtered(selected, excluded)
            cursor.execute(
                f"SELECT f.value_id, count(*) FROM {source.table}"
                f" CROSS JOIN {FACET_TABLE} f ON f.item_id = h.id"
                f" WHERE {where} AND f.facet IN ({_marks(len(names))}) GROUP BY f.value_id",
                [*params, *names],
            )
            counts.update(cursor.fetchall())
        return self._buckets(cursor, counts, locale, filters)

    @staticmethod
    def _buckets(cursor, counts: dict[int, int], locale: str, filters: dict[str, list[str]]):
        """Counts by value id as buckets per facet (most items first); selected
        values are kept even when no item has them, so they can be unselected."""
        buckets: dict[str, dict[str, FacetBucket]] = {name: {} for name in FACETS}
        ids = list(counts)
        for chunk in _chunks(ids):
            cursor.execute(
                f"SELECT id, facet, value, label FROM {FACET_VALUES} WHERE id IN ({_marks(len(chunk))})",
                chunk,
            )
            for value_id, name, value, label in cursor.fetchall():
                if name in buckets:
                    buckets[name][value] = FacetBucket(
                        value, label, counts[value_id], value in filters.get(name, ())
                    )
        for name, values in filters.items():
            missing = [value for value in values if value not in buckets[name]]
            if missing:
                cursor.execute(
                    f"SELECT value, label FROM {FACET_VALUES}"
                    f" WHERE locale = %s AND facet = %s AND value IN ({_marks(len(missing))})",
                    [locale, name, *missing],
                )
                labels = dict(cursor.fetchall())
                for value in missing:
                    buckets[name][value] = FacetBucket(value, labels.get(value, value), 0, True)
        return sorted_buckets(buckets)

    # --- did you mean, completions -------------------------------------------------

    def _did_you_mean(self, cursor, parsed: ParsedQuery, locale: str, site_id: int) -> str:
        def count(term: str) -> int:
            cursor.execute(
                f"SELECT count FROM {VOCAB} WHERE locale = %s AND site_id = %s AND term = %s",
                [locale, site_id, term],
            )
            row = cursor.fetchone()
            return row[0] if row else 0

        def candidates(term: str, edits: int, minimum: int) -> list[spelling.Candidate]:
            # As Lucene's DirectSpellChecker: the first letter is kept (or swapped
            # with the second); the length differs by at most the edits.
            found = []
            for first in dict.fromkeys(term[:2]):
                cursor.execute(
                    f"SELECT form, term, count FROM {VOCAB} WHERE locale = %s AND site_id = %s"
                    " AND term >= %s AND term < %s AND length(term) BETWEEN %s AND %s AND count >= %s"
                    f" ORDER BY count DESC LIMIT {SPELLING_CANDIDATES}",
                    [locale, site_id, first, first + MAX_KEY, len(term) - edits, len(term) + edits, minimum],
                )
                found.extend(spelling.Candidate(*row) for row in cursor.fetchall())
            return found

        def forms(term: str) -> list[spelling.Candidate]:
            """How the term is written in (up to FORM_ITEMS of) the items holding it."""
            cursor.execute(
                f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s LIMIT {FORM_ITEMS}",
                [f"{fts_quote(scope_token(locale, site_id))} AND {fts_quote(term)}"],
            )
            written: Counter = Counter()
            for (item_id,) in cursor.fetchall():
                cursor.execute(
                    f"SELECT text FROM {PASSAGES}"
                    " WHERE id BETWEEN %s AND %s AND instr(terms, %s) > 0 LIMIT 5",
                    [item_id << PASSAGE_BITS, (item_id << PASSAGE_BITS) | MAX_PASSAGES, f" {term} "],
                )
                words = {
                    word.lower()
                    for (text,) in cursor.fetchall()
                    for word in TOKEN_RE.findall(text)
                    if term_of(word) == term
                }
                written.update(words)
            return [spelling.Candidate(word, term, number) for word, number in written.items()]

        return spelling.correct_query(parsed.raw, count, candidates, forms)

    def suggest(self, prefix: str, locale: str, site_id: int, limit: int = 8) -> list[str]:
        try:
            return self._suggest(prefix, locale, site_id, limit)
        except Exception:  # completions are a nicety: log, never break the page
            logger.exception("SQLite suggest failed for %r", prefix)
            return []

    def _suggest(self, prefix: str, locale: str, site_id: int, limit: int) -> list[str]:
        prefix = prefix if isinstance(prefix, str) else ""
        text = clean(prefix)
        key = suggest_key(text)
        if not key:
            return []
        if prefix[-1:].isspace():
            key += " "
        limit = min(max(_int(limit, 8), 1), 50)
        locale, site_id = str(locale or "").replace("\x00", ""), _int(site_id, 0)
        folded = " ".join(TOKEN_RE.findall(fold(text)))
        found: list[tuple] = []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT text, kind, count FROM {SUGGEST} WHERE locale = %s AND site_id = %s"
                " AND key >= %s AND key < %s ORDER BY count DESC, kind LIMIT 50",
                [locale, site_id, key, key + MAX_KEY],
            )
            found.extend(cursor.fetchall())
            if len(folded) >= 2 and " " not in folded:  # frequent words, by their terms
                for start in dict.fromkeys([folded, analyse_word(folded)]):
                    if not start:
                        continue
                    cursor.execute(
                        f"SELECT form, count FROM {VOCAB} WHERE locale = %s AND site_id = %s"
                        " AND term >= %s AND term < %s ORDER BY count DESC LIMIT 30",
                        [locale, site_id, start, start + MAX_KEY],
                    )
                    found.extend(
                        (form, WORD, count)
                        for form, count in cursor.fetchall()
                        if fold(form).startswith(folded)
                    )

        def rank(entry):
            text, kind, count = entry
            words = " " + " ".join(TOKEN_RE.findall(fold(text)))
            # Titles and labels before frequent words; then matched at the start as
            # typed, at a later word as typed, or only transliterated.
            where = 0 if words.startswith(" " + folded) else 1 if " " + folded in words else 2
            return (kind == WORD, where, -count, len(text), text)

        result, seen = [], set()
        for text, *_ in sorted(found, key=rank):
            if text.lower() not in seen:
                seen.add(text.lower())
                result.append(text)
        return result[:limit]


@dataclass
class Source:
    """The candidate items of a search (``h``: the items table) and the
    filters on them, for counting in SQL and browsing."""

    table: str
    where: str
    params: list

    def filtered(self, selected: dict[str, list[int]], excluded: str | None = None) -> tuple[str, list]:
        """The WHERE clause with the filters of every facet but ``excluded``."""
        where, params = [self.where] if self.where else [], list(self.params)
        for name, value_ids in selected.items():
            if name == excluded:
                continue
            where.append(
                f"h.id IN (SELECT item_id FROM {FACET_TABLE} WHERE value_id IN ({_marks(len(value_ids))}))"
            )
            params.extend(value_ids)
        return " AND ".join(where), params

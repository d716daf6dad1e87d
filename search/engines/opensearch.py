"""OpenSearch (and Elasticsearch 8/9) as the search engine.

One index per installation, reached through an alias (``<prefix>-items``), so
``rebuild()`` can fill a new concrete index and swap the alias atomically.

An item is one document:

- ``title``, ``summary``, ``people``, ``topics``, ``body``, ``transcript``,
  ``document``: text analysed by ``folded`` (standard tokenizer, ё and the
  Kazakh letters folded by a char filter, lower case, ASCII folding), with
  the sub-fields ``.ru`` (Snowball Russian) and ``.en`` (Porter English).
  Each query word is matched against all three forms of every field, with
  ``FIELD_WEIGHTS`` as boosts; typos through ``fuzziness: AUTO`` on the folded
  form; Kazakh words (no stemmer) by prefix.
- ``passages`` (nested): transcript stretches (``start``) and document pages
  (``document_title``, ``page``), queried again with ``inner_hits`` so a
  result can say where it matched.
- ``facets.<name>`` (keyword values, for filters) and ``labels.<name>``
  (``value<US>label``, for the terms aggregations, so buckets carry labels).
- ``suggest``: a completion field (titles, speakers, topics) with a
  ``scope`` context of locale and site; ``spell``: the words of the text
  fields, for the term suggester behind "did you mean".

Queries and mappings are built with ``elasticsearch.dsl`` and sent by
``Cluster``, the one place that knows which client talks to the server.
Nothing the visitor types is parsed by the server (no ``query_string``).

Options (``create_engine("opensearch", url=..., index_prefix=..., **options)``):
``refresh`` (default True: every write is searchable when the call returns;
pass ``"wait_for"`` or False for bulk loads on a busy cluster), ``shards``
(default 1: a library fits one shard, and one shard scores identical items
identically, so ties break by date and id), ``replicas``, ``timeout``
(seconds, for searches; default 10), ``bulk_timeout`` (for writes; default
120), ``facet_size`` (buckets per facet; default 10,000: all of them) and
``client_options`` (passed to the client, e.g. ``{"verify_certs": False}``).
"""

import contextlib
import logging
import math
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

from elasticsearch.dsl import (
    SF,
    Completion,
    Date,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Nested,
    Object,
    Q,
    Query,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)
from opensearchpy import OpenSearch

from ..analysis import KAZAKH_FOLD, STOP_WORDS, TOKEN_RE, fold, is_kazakh, terms
from ..documents import FACETS, FIELD_WEIGHTS, FIELDS, IndexDocument
from ..highlight import SNIPPET_CHARS, highlight
from ..query import MAX_TERMS, QUOTED_RE, clean
from .base import MAX_PAGE, FacetBucket, Hit, Result, SearchEngine, SearchRequest, SearchResponse

logger = logging.getLogger(__name__)

# Fields whose words feed "did you mean" (transcripts and documents are left
# out: recognised speech and extracted PDFs bring their own misspellings).
SPELL_FIELDS = ("title", "summary", "people", "topics", "body")
# Fields whose highlights can become the result's snippet, best first on ties
# (not the title, which is shown anyway; transcripts and documents come
# through their passages' inner hits).
SNIPPET_FIELDS = ("summary", "body", "people", "topics")
VARIANTS = ("", ".ru", ".en")  # the folded field itself, Russian, English
LABEL_SEPARATOR = "\x1f"
MAX_HITS = 3
MAX_PHRASES = 8
MAX_PASSAGES = 5000  # below index.mapping.nested_objects.limit (10,000)
MAX_RESULT_WINDOW = 10_000
BULK_ITEMS = 200
BULK_CHARS = 4_000_000
FUZZY_BOOST = 0.3  # a typo counts for less than the word as written
PREFIX_BOOST = 0.5
HITS_BOOST = 0.1  # the inner-hits clause only says where; it barely ranks
RECENCY_WEIGHT = 0.2  # up to +20 % for today's item, +10 % at ten years
MARK = ("<mark>", "</mark>")
RESERVED_COMPLETION_CHARS = dict.fromkeys(map(ord, "\x00\x1e\x1f"))

# ё and the Kazakh letters folded to their nearest Russian letters, so
# "кала" finds "қала" and "елки" finds "ёлки" (as search.analysis.fold does).
FOLDED_LETTERS = {chr(code): letter for code, letter in KAZAKH_FOLD.items()}

# Russian and Kazakh letters in Latin, for as-you-type suggestions of names
# written in Latin letters ("Эри" → "eri" → "Erika Rushton").
LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": ""},
        **{"ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u"},
        **{"һ": "h", "і": "i"},
    }
)


class ClusterError(Exception):
    """The server refused a request (``status`` is the HTTP status, if any)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class IndexMissing(ClusterError):
    """The index or alias does not exist (yet)."""


def detect_product(info: dict) -> tuple[str, str]:
    """("opensearch" | "elasticsearch", version) from the answer to ``GET /``.

    OpenSearch reports ``version.distribution == "opensearch"`` (and an
    OpenSearch tagline even in 7.10.2 compatibility mode); osmem answers like
    OpenSearch (it also sends ``X-Elastic-Product``, so only the body tells).
    """
    version = info.get("version") or {}
    number = str(version.get("number") or "")
    if version.get("distribution") == "opensearch" or "opensearch" in str(info.get("tagline", "")).lower():
        return "opensearch", number
    major = number.split(".")[0]
    if not major.isdigit() or int(major) < 8:
        raise ClusterError(
            f"Unsupported search server {number or info!r}: use OpenSearch, or Elasticsearch 8 or 9."
        )
    return "elasticsearch", number


class Cluster:
    """The server and the one client that can talk to it: ``opensearchpy`` for
    OpenSearch (and osmem), ``elasticsearch`` for Elasticsearch 8/9 (that
    client refuses every other product). Methods take and return plain dicts
    and raise ``ClusterError``/``IndexMissing`` whichever client is used."""

    def __init__(self, url: str, timeout: float = 10.0, client_options: dict | None = None):
        options = dict(client_options or {})
        opensearch = OpenSearch(hosts=[url], timeout=timeout, **options)
        self.info = self._call(opensearch.info)
        self.product, self.version = detect_product(self.info)
        if self.product == "opensearch":
            self.client: Any = opensearch
        else:
            from elasticsearch import Elasticsearch

            opensearch.close()
            client = Elasticsearch(url, request_timeout=timeout, **options)
            major = self.version.split(".")[0]
            if major == "8":  # the 9.x client asks for 9-compatible answers by default
                mime = "application/vnd.elasticsearch+json; compatible-with=8"
                client = client.options(headers={"accept": mime, "content-type": mime})
            self.client = client

    @property
    def is_opensearch(self) -> bool:
        return self.product == "opensearch"

    @staticmethod
    def _call(function, *args, **kwargs) -> dict:
        """Call the client; an error answer becomes ClusterError (IndexMissing
        for 404), no answer at all (connection, timeout) propagates as is."""
        try:
            response = function(*args, **kwargs)
        except Exception as error:
            status = getattr(error, "status_code", None)
            if not isinstance(status, int):
                raise
            message = str(getattr(error, "info", None) or error)[:2000]
            raise (IndexMissing if status == 404 else ClusterError)(message, status) from error
        return getattr(response, "body", response)

    def create_index(self, name: str, body: dict) -> None:
        if self.is_opensearch:
            self._call(self.client.indices.create, index=name, body=body)
        else:
            self._call(self.client.indices.create, index=name, **body)

    def delete_indices(self, names: list[str]) -> None:
        for name in names:
            with contextlib.suppress(IndexMissing):
                self._call(self.client.indices.delete, index=name)

    def aliased(self, alias: str) -> list[str]:
        """The concrete indices behind ``alias`` (none if it does not exist)."""
        try:
            return sorted(self._call(self.client.indices.get_alias, name=alias))
        except IndexMissing:
            return []

    def matching(self, pattern: str) -> list[str]:
        return sorted(self._call(self.client.indices.get, index=pattern, ignore_unavailable=True))

    def update_aliases(self, actions: list[dict]) -> None:
        if self.is_opensearch:
            self._call(self.client.indices.update_aliases, body={"actions": actions})
        else:
            self._call(self.client.indices.update_aliases, actions=actions)

    def refresh(self, index: str) -> None:
        self._call(self.client.indices.refresh, index=index)

    def bulk(self, operations: list[dict], refresh: bool | str, timeout: float) -> dict:
        """Writes, with their own (longer) timeout than searches."""
        refresh = {True: "true", False: "false"}.get(refresh, refresh)
        if self.is_opensearch:
            return self._call(self.client.bulk, body=operations, refresh=refresh, request_timeout=timeout)
        client = self.client.options(request_timeout=timeout)
        return self._call(client.bulk, operations=operations, refresh=refresh)

    def search(self, index: str, body: dict) -> dict:
        return self._call(self.client.search, index=index, body=body)

    def count(self, index: str, query: dict) -> int:
        if self.is_opensearch:
            return self._call(self.client.count, index=index, body={"query": query})["count"]
        return self._call(self.client.count, index=index, query=query)["count"]


# A quoted part (-"like this" excludes it) or a word, in the order typed.
PIECE_RE = re.compile(rf'{QUOTED_RE.pattern}|[^\s"]+')


@dataclass
class QueryText:
    """What a visitor typed, as words for the server to analyse: the same
    quote and minus rules as ``search.query.parse_query``, but the words as
    written, since OpenSearch analyses (stems, folds) them itself."""

    raw: str
    words: list[str] = field(default_factory=list)  # each must match, in some field
    phrases: list[str] = field(default_factory=list)  # "in quotes": these words in this order
    excluded: list[str] = field(default_factory=list)  # -word, -"a phrase"

    @property
    def positive(self) -> bool:
        return bool(self.words or self.phrases)


def read_query(text: str) -> QueryText:
    raw = clean(text)
    query = QueryText(raw=raw)
    rest = raw.replace('"', " ") if raw.count('"') % 2 else raw  # a lone quote is a plain character
    for piece in PIECE_RE.finditer(rest):
        quoted = piece.group(2) is not None
        text = " ".join(piece.group(2).split()) if quoted else piece.group()
        excluded = bool(piece.group(1)) if quoted else text.startswith("-") and len(text) > 1
        if excluded and not quoted:
            text = text[1:]
        found = terms(text)
        if not found:  # stop words, bare punctuation: nothing to require
            continue
        if excluded:
            query.excluded.append(text)
        elif quoted and len(found) > 1:
            query.phrases.append(text)
        else:
            query.words.append(text)
    words: dict[str, str] = {}
    for word in query.words:
        words.setdefault(fold(word), word)
    query.words = list(words.values())[:MAX_TERMS]
    query.phrases = list(dict.fromkeys(query.phrases))[:MAX_PHRASES]
    query.excluded = [word for word in dict.fromkeys(query.excluded) if fold(word) not in words][:MAX_TERMS]
    return query


def latin(text: str) -> str:
    """Russian and Kazakh letters written in Latin ones (lower case)."""
    return text.lower().translate(LATIN)


def batched(iterable: Iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def most_marked(fragments: Iterable[str]) -> str:
    """The fragment with the most marked words (the first of equals)."""
    best, best_count = "", 0
    for fragment in fragments:
        count = fragment.count(MARK[0])
        if count > best_count:
            best, best_count = fragment, count
    return best


class OpenSearchEngine(SearchEngine):
    """Search through OpenSearch or Elasticsearch (see the module docstring)."""

    name = "opensearch"
    # The same on every server: where osmem lacks something the engine uses
    # (mapping char filters, named stop-word lists, the possessive_english
    # stemmer) it uses an equivalent every server has, so no case depends on it.
    known_differences: dict[str, str] = {}

    def __init__(
        self,
        url: str,
        index_prefix: str = "kbtu",
        *,
        refresh: bool | str = True,
        shards: int = 1,
        replicas: int | None = None,
        timeout: float = 10.0,
        bulk_timeout: float = 120.0,
        facet_size: int = 10_000,
        client_options: dict | None = None,
    ):
        if not url:
            raise ValueError("The opensearch engine needs a URL (SEARCH_URL).")
        self.url = url
        self.alias = f"{index_prefix}-items"
        self.refresh = refresh
        self.shards = shards
        self.replicas = replicas
        self.timeout = timeout
        self.bulk_timeout = max(timeout, bulk_timeout)
        self.facet_size = facet_size
        self.client_options = client_options
        self._cluster: Cluster | None = None
        self._mapping_char_filter: bool | None = None

    # --- the server ------------------------------------------------------------

    @property
    def cluster(self) -> Cluster:
        """Connected on first use, so creating the engine never needs the server."""
        if self._cluster is None:
            self._cluster = Cluster(self.url, self.timeout, self.client_options)
        return self._cluster

    def _mapping_char_filter_works(self) -> bool:
        """Whether the server applies a ``mapping`` char filter when it indexes
        and searches. osmem accepts one (and ``_analyze`` shows it applied) but
        ignores it at index and search time ("char_filter [x] of type [mapping]
        is not supported; ignored" on its stderr); probed once per engine on a
        throwaway index."""
        if self._mapping_char_filter is None:
            name = f"{self.alias}-probe-{uuid.uuid4().hex[:8]}"
            probe = Index(name)
            probe.settings(number_of_shards=1, number_of_replicas=0)
            folded = analyzer(
                "folded",
                tokenizer="standard",
                char_filter=[char_filter("fold", "mapping", mappings=["ё=>е"])],
            )
            mapping = Mapping()
            mapping.field("text", Text(analyzer=folded))
            probe.mapping(mapping)
            self.cluster.create_index(name, probe.to_dict())
            try:
                self.cluster.bulk(
                    [{"index": {"_index": name, "_id": "1"}}, {"text": "ёж"}], True, self.timeout
                )
                found = self.cluster.count(name, Q("match", text="еж").to_dict())
            finally:
                self.cluster.delete_indices([name])
            self._mapping_char_filter = found == 1
            if not self._mapping_char_filter:
                logger.info("%s ignores mapping char filters; folding with pattern_replace", self.url)
        return self._mapping_char_filter

    # --- index definition ------------------------------------------------------

    def _fold_char_filters(self) -> list:
        """ё and Kazakh letters → Russian: one ``mapping`` char filter, or,
        where the server ignores those (osmem), one ``pattern_replace`` per
        letter, which gives the same tokens with the same offsets."""
        if self._mapping_char_filter_works():
            mappings = [f"{s}=>{t}" for s, t in FOLDED_LETTERS.items()]
            mappings += [f"{s.upper()}=>{t}" for s, t in FOLDED_LETTERS.items()]
            return [char_filter("fold_letters", "mapping", mappings=mappings)]
        return [
            char_filter(f"fold_{ord(s):x}", "pattern_replace", pattern=f"[{s}{s.upper()}]", replacement=t)
            for s, t in FOLDED_LETTERS.items()
        ]

    def _index_definition(self, name: str) -> dict:
        fold_letters = self._fold_char_filters()
        # The project's stop words (Russian, Kazakh, English, already folded)
        # rather than Lucene's _russian_/_english_ lists, so every engine drops
        # the same words (and osmem, which ignores named lists, too).
        stop = token_filter("stop_words", "stop", stopwords=sorted(STOP_WORDS))
        folded = analyzer(
            "folded", tokenizer="standard", char_filter=fold_letters, filter=["lowercase", "asciifolding"]
        )
        russian = analyzer(
            "russian_folded",
            tokenizer="standard",
            char_filter=fold_letters,
            filter=["lowercase", stop, token_filter("russian_stemmer", "stemmer", language="russian")],
        )
        # English possessives ("city's" → "city") by a char filter: osmem's
        # possessive_english stemmer makes every query match every document.
        possessive = char_filter(
            "english_possessive", "pattern_replace", pattern="(\\w)['’]s\\b", replacement="$1"
        )
        english = analyzer(
            "english_folded",
            tokenizer="standard",
            char_filter=[*fold_letters, possessive],
            filter=[
                "lowercase",
                "asciifolding",
                stop,
                token_filter("english_stemmer", "stemmer", language="english"),
            ],
        )

        def text(**kwargs) -> Text:
            return Text(
                analyzer=folded, fields={"ru": Text(analyzer=russian), "en": Text(analyzer=english)}, **kwargs
            )

        mapping = Mapping()
        mapping.meta("dynamic", "strict")
        for name_ in ("id", "site_id"):
            mapping.field(name_, Integer())
        for name_ in ("locale", "type", "language"):
            mapping.field(name_, Keyword())
        mapping.field("url", Keyword(index=False, doc_values=False))
        mapping.field("provider", Keyword(index=False, doc_values=False))
        mapping.field("date", Date(format="strict_date"))
        for name_ in FIELDS:
            mapping.field(name_, text(copy_to="spell") if name_ in SPELL_FIELDS else text())
        mapping.field("spell", Text(analyzer=folded))
        mapping.field("facets", Object(properties={name_: Keyword() for name_ in FACETS}))
        mapping.field("labels", Object(properties={name_: Keyword() for name_ in FACETS}))
        mapping.field(
            "suggest", Completion(analyzer=folded, contexts=[{"name": "scope", "type": "category"}])
        )
        mapping.field(
            "passages",
            Nested(
                properties={
                    "kind": Keyword(),
                    "text": text(),
                    "start": Float(),
                    "document_id": Integer(),
                    "document_title": Keyword(index=False, doc_values=False),
                    "page": Integer(),
                }
            ),
        )
        index = Index(name)
        settings: dict[str, Any] = {"number_of_shards": self.shards}
        if self.replicas is not None:
            settings["number_of_replicas"] = self.replicas
        index.settings(**settings)
        index.mapping(mapping)
        return index.to_dict()

    def _create_index(self, with_alias: bool = False) -> str:
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
        body = self._index_definition(name)
        if with_alias:
            body["aliases"] = {self.alias: {}}
        self.cluster.create_index(name, body)
        return name

    def _ensure_index(self) -> None:
        if not self.cluster.aliased(self.alias):
            self._create_index(with_alias=True)

    def _swap(self, new: str) -> None:
        """Point the alias at ``new`` in one atomic step, then drop the old index."""
        old = [name for name in self.cluster.aliased(self.alias) if name != new]
        actions = [{"add": {"index": new, "alias": self.alias}}]
        actions += [{"remove": {"index": name, "alias": self.alias}} for name in old]
        self.cluster.update_aliases(actions)
        self.cluster.delete_indices(old)

    # --- documents ---------------------------------------------------------------

    @staticmethod
    def source(document: IndexDocument) -> dict:
        """What is stored for one item."""
        texts = {name: document.text_of(name) for name in FIELDS}
        texts["title"] = texts["title"] or document.title
        texts["summary"] = texts["summary"] or document.summary
        labels = {name: document.facets.get(name) or [] for name in FACETS}
        inputs = [document.title]
        inputs += [label for key in ("speaker", "topic") for _, label in labels[key]]
        inputs = list(dict.fromkeys(i.translate(RESERVED_COMPLETION_CHARS).strip() for i in inputs if i))
        passages = [
            {
                "kind": passage.kind,
                "text": passage.text,
                "start": passage.start,
                "document_id": passage.document_id,
                "document_title": passage.document_title or None,
                "page": passage.page,
            }
            for passage in document.passages
            if passage.kind in ("transcript", "document")
        ][:MAX_PASSAGES]
        return {
            "id": document.id,
            "locale": document.locale,
            "site_id": document.site_id,
            "url": document.url,
            "type": document.type,
            "date": document.date.isoformat(),
            "language": document.language,
            "provider": document.provider,
            **texts,
            "facets": {name: [str(value) for value, _ in labels[name]] for name in FACETS},
            "labels": {
                name: [
                    f"{value}{LABEL_SEPARATOR}{label}".replace("\x00", "") for value, label in labels[name]
                ]
                for name in FACETS
            },
            "suggest": {
                "input": [i for i in inputs if i],
                "contexts": {"scope": [f"{document.locale}|{document.site_id}"]},
            },
            "passages": passages,
        }

    def _bulk(self, operations: list[dict], refresh: bool | str) -> None:
        if not operations:
            return
        response = self.cluster.bulk(operations, refresh, self.bulk_timeout)
        if not response.get("errors"):
            return
        failures = [
            result
            for item in response["items"]
            for action, result in item.items()
            if result.get("error") and not (action == "delete" and result.get("status") == 404)
        ]
        if failures:
            raise ClusterError(f"{len(failures)} bulk operations failed; the first: {failures[0]['error']}")

    def _index_into(self, index: str, documents: Iterable[IndexDocument], refresh: bool | str) -> int:
        """Bulk requests of at most BULK_ITEMS items or about BULK_CHARS
        characters of text (each passage is sent twice: in its field and as a
        nested passage)."""
        count, operations, chars = 0, [], 0
        for document in documents:
            if document is None:
                continue
            operations += [{"index": {"_index": index, "_id": str(document.id)}}, self.source(document)]
            chars += 2 * sum(len(passage.text) for passage in document.passages)
            count += 1
            if len(operations) >= 2 * BULK_ITEMS or chars >= BULK_CHARS:
                self._bulk(operations, refresh)
                operations, chars = [], 0
        self._bulk(operations, refresh)
        return count

    def index(self, documents: Iterable[IndexDocument]) -> None:
        self._ensure_index()
        self._index_into(self.alias, documents, self.refresh)

    def delete(self, ids: Iterable[int]) -> None:
        ids = list(dict.fromkeys(int(i) for i in ids))
        if not ids or not self.cluster.aliased(self.alias):
            return
        for batch in batched(ids, 1000):
            self._bulk([{"delete": {"_index": self.alias, "_id": str(i)}} for i in batch], self.refresh)

    def clear(self) -> None:
        """An empty index (with the current mapping) behind the alias."""
        self._swap(self._create_index())

    def rebuild(self, documents: Iterable[IndexDocument], batch_size: int = 200) -> int:
        """Fill a new index while the old one keeps serving, then swap the alias.
        Items indexed through the alias during the rebuild land in the old
        index and are lost with it: rebuild when editors are not publishing,
        or index them again afterwards."""
        new = self._create_index()
        try:
            count = 0
            for batch in batched(documents, batch_size):
                count += self._index_into(new, batch, refresh=False)
            self.cluster.refresh(new)
        except BaseException:
            self.cluster.delete_indices([new])
            raise
        self._swap(new)
        return count

    def drop(self) -> None:
        """Remove the alias and every index this engine made (tests; uninstalling)."""
        own = re.compile(rf"^{re.escape(self.alias)}-(\d{{14}}-[0-9a-f]{{6}}|probe-[0-9a-f]{{8}})$")
        names = set(self.cluster.aliased(self.alias))
        names |= {name for name in self.cluster.matching(f"{self.alias}-*") if own.match(name)}
        self.cluster.delete_indices(sorted(names))

    def indexed_ids(self) -> set[int]:
        ids: set[int] = set()
        after = None
        while True:
            search = Search().source(False).sort({"id": {"order": "asc"}}).extra(size=1000)
            if after is not None:
                search = search.extra(search_after=after)
            try:
                hits = self.cluster.search(self.alias, search.to_dict())["hits"]["hits"]
            except IndexMissing:
                return ids
            ids.update(int(hit["_id"]) for hit in hits)
            if len(hits) < 1000:
                return ids
            after = hits[-1]["sort"]

    def health(self) -> dict:
        try:
            cluster = self.cluster
            indices = cluster.aliased(self.alias)
            count = cluster.count(self.alias, {"match_all": {}}) if indices else 0
            return {
                "engine": self.name,
                "ok": True,
                "count": count,
                "server": f"{cluster.product} {cluster.version}",
                "alias": self.alias,
                "indices": indices,
            }
        except Exception as error:  # health must report, not raise
            return {"engine": self.name, "ok": False, "error": str(error)}

    # --- queries -------------------------------------------------------------------

    @staticmethod
    def _fields(
        weighted: bool = True, variants: tuple[str, ...] = VARIANTS, factor: float = 1.0
    ) -> list[str]:
        return [
            f"{name}{variant}^{FIELD_WEIGHTS[name] * factor:g}" if weighted else f"{name}{variant}"
            for name in FIELDS
            for variant in variants
        ]

    def _word_query(self, word: str, locale: str, typos: bool = True) -> Query:
        """One word, in any field: as written (folded, Russian or English form),
        with a typo (unless ``typos`` is False), or, for Kazakh, as the beginning
        of a longer word."""
        fields = self._fields()
        should = [
            Q("multi_match", query=word, fields=fields, type="best_fields", tie_breaker=0.3, operator="and"),
        ]
        if typos:
            should.append(
                Q(
                    "multi_match",
                    query=word,
                    fields=self._fields(variants=("",), factor=FUZZY_BOOST),
                    fuzziness="AUTO",
                    prefix_length=1,
                    max_expansions=50,
                    operator="and",
                )
            )
        if self._by_prefix(word, locale):
            should.append(
                Q(
                    "multi_match",
                    query=word,
                    type="bool_prefix",
                    fields=self._fields(variants=("",), factor=PREFIX_BOOST),
                    operator="and",
                )
            )
        return Q("bool", should=should, minimum_should_match=1)

    @staticmethod
    def _by_prefix(word: str, locale: str) -> bool:
        """Kazakh has no stemmer: its words also match longer words they begin."""
        return (locale == "kk" or is_kazakh(word)) and len(word) >= 3

    def _phrase_query(self, phrase: str, fields: list[str]) -> Query:
        return Q("multi_match", query=phrase, type="phrase", fields=fields)

    def _match_query(self, query: QueryText, locale: str, any_word: bool = False) -> Query | None:
        """Every word (or, as a fallback, any word) and every phrase; None when
        nothing positive was typed."""
        if not query.positive:
            return None
        words = [self._word_query(word, locale) for word in query.words]
        phrases = [self._phrase_query(phrase, self._fields()) for phrase in query.phrases]
        if any_word and words:
            return Q("bool", must=phrases, should=words, minimum_should_match=1)
        return Q("bool", must=words + phrases)

    def _hits_query(self, query: QueryText, locale: str) -> Query:
        """The passages (transcript stretches, document pages) that hold any of
        the words, as inner hits with highlights: where the result matched."""
        text_fields = [f"passages.text{variant}" for variant in VARIANTS]
        should = [
            Q("multi_match", query=word, fields=text_fields, type="best_fields", operator="and")
            for word in query.words
        ]
        should += [
            Q(
                "match",
                passages__text={"query": word, "fuzziness": "AUTO", "prefix_length": 1, "operator": "and"},
            )
            for word in query.words
        ]
        should += [
            Q("match_bool_prefix", passages__text={"query": word, "operator": "and"})
            for word in query.words
            if self._by_prefix(word, locale)
        ]
        should += [self._phrase_query(phrase, text_fields) for phrase in query.phrases]
        return Q(
            "nested",
            path="passages",
            score_mode="max",
            boost=HITS_BOOST,
            query=Q("bool", should=should, minimum_should_match=1),
            inner_hits={
                "size": MAX_HITS,
                "highlight": self._highlight(text_fields),
            },
        )

    @staticmethod
    def _highlight(fields: list[str]) -> dict:
        return {
            "pre_tags": [MARK[0]],
            "post_tags": [MARK[1]],
            "encoder": "html",
            "number_of_fragments": 1,
            "fragment_size": SNIPPET_CHARS,
            "fields": {name: {} for name in fields},
        }

    @staticmethod
    def _scope(request: SearchRequest) -> list[Query]:
        """What a visitor of this site, in this language, may find."""
        return [Q("term", locale=str(request.locale)), Q("term", site_id=int(request.site_id))]

    @staticmethod
    def _facet_filters(request: SearchRequest) -> dict[str, Query]:
        """Selected values per facet (unknown facets are not facets; ignored)."""
        filters = {}
        for name in FACETS:
            values = request.filters.get(name) if isinstance(request.filters, dict) else None
            if isinstance(values, str):
                values = [values]
            values = [str(value) for value in values or [] if value not in (None, "")][:100]
            if values:
                filters[name] = Q("terms", **{f"facets.{name}": values})
        return filters

    def _search_body(
        self, request: SearchRequest, query: QueryText, any_word: bool, start: int, size: int
    ) -> dict:
        scope = self._scope(request)
        match = self._match_query(query, request.locale, any_word)
        excluded = [self._phrase_query(text, self._fields(weighted=False)) for text in query.excluded]
        if match is None:
            base = Q("bool", filter=scope, must_not=excluded)
        else:
            base = Q(
                "bool",
                must=[match],
                should=[self._hits_query(query, request.locale)],
                filter=scope,
                must_not=excluded,
            )
        ranked = Q(
            "function_score",
            query=base,
            functions=[
                SF({"weight": 1}),
                SF("gauss", date={"origin": "now", "scale": "3650d", "decay": 0.5}, weight=RECENCY_WEIGHT),
            ],
            score_mode="sum",
            boost_mode="multiply",
        )
        if request.sort == "date" or match is None:
            sort = [{"date": {"order": "desc"}}, {"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
        else:
            sort = [{"_score": {"order": "desc"}}, {"date": {"order": "desc"}}, {"id": {"order": "asc"}}]
        search = (
            Search()
            .query(ranked)
            .sort(*sort)
            .source(includes=["id", "title", "url", "type", "date", "provider", "summary"])
            .extra(track_total_hits=True, track_scores=True)
            .highlight_options(**{k: v for k, v in self._highlight([]).items() if k != "fields"})
            .highlight(*[f"{name}{variant}" for name in SNIPPET_FIELDS for variant in VARIANTS])
        )
        filters = self._facet_filters(request)
        if filters:
            search = search.post_filter(Q("bool", filter=list(filters.values())))
        for name in FACETS:
            # Each facet counts under the other facets' selections, not its own,
            # so the other values of a selected facet stay visible.
            others = [q for other, q in filters.items() if other != name]
            search.aggs.bucket(f"facet_{name}", "filter", filter=Q("bool", filter=others)).bucket(
                "values", "terms", field=f"labels.{name}", size=self.facet_size
            )
        spell = " ".join(query.words + query.phrases)
        if spell:
            search = search.suggest(
                "spell",
                spell,
                term={
                    "field": "spell",
                    "suggest_mode": "missing",
                    "size": 1,
                    "sort": "score",
                    "min_word_length": 4,
                    "prefix_length": 1,
                },
            )
        return {**search.to_dict(), "from": start, "size": size}

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        query = read_query(request.query if isinstance(request.query, str) else "")
        per_page = max(1, min(int(request.per_page or 10), 100))
        page = max(1, min(int(request.page or 1), MAX_PAGE))
        start = (page - 1) * per_page
        size = per_page if start + per_page <= MAX_RESULT_WINDOW else 0
        fallback = False
        try:
            response = self.cluster.search(self.alias, self._search_body(request, query, False, start, size))
            if self._total(response) == 0 and len(query.words) > 1:
                response = self.cluster.search(
                    self.alias, self._search_body(request, query, True, start, size)
                )
                fallback = self._total(response) > 0
        except IndexMissing:
            return SearchResponse.empty(request)
        except ClusterError as error:
            if error.status is None or error.status >= 500:
                raise
            logger.warning("Search for %r refused: %s", query.raw, error)
            return SearchResponse.empty(request)
        total = self._total(response)
        results = [self._result(hit) for hit in response["hits"]["hits"]]
        return SearchResponse(
            query=query.raw,
            total=total,
            took_ms=(time.perf_counter() - started) * 1000,
            page=page,
            pages=math.ceil(total / per_page),
            results=results,
            facets=self._facets(response, request),
            suggestion=self._suggestion(response, query, request),
            fallback=fallback,
        )

    @staticmethod
    def _total(response: dict) -> int:
        total = response["hits"]["total"]
        return total["value"] if isinstance(total, dict) else int(total)

    def _result(self, hit: dict) -> Result:
        source = hit["_source"]
        url = source.get("url", "")
        hits = []
        for inner in hit.get("inner_hits", {}).get("passages", {}).get("hits", {}).get("hits", [])[:MAX_HITS]:
            passage = inner.get("_source", {})  # the nested object itself
            snippet = most_marked(sum(inner.get("highlight", {}).values(), [])) or highlight(
                passage.get("text", ""), set()
            )
            if passage.get("kind") == "transcript":
                start = float(passage.get("start") or 0)
                hits.append(Hit("transcript", snippet, f"{url}?t={int(start)}", start=start))
            else:
                hits.append(
                    Hit(
                        "document",
                        snippet,
                        url,
                        document=passage.get("document_title") or "",
                        document_id=passage.get("document_id"),
                        page=passage.get("page"),
                    )
                )
        highlights = hit.get("highlight", {})
        fragments = [
            fragment
            for name in SNIPPET_FIELDS
            for variant in VARIANTS
            for fragment in highlights.get(f"{name}{variant}", [])
        ]
        snippet = most_marked(fragments + [h.snippet for h in hits]) or highlight(
            source.get("summary", ""), set()
        )
        return Result(
            id=int(source["id"]),
            title=source.get("title", ""),
            url=url,
            type=source.get("type", ""),
            date=date.fromisoformat(source["date"][:10]),
            provider=source.get("provider", ""),
            snippet=snippet,
            score=float(hit.get("_score") or 0.0),
            hits=hits,
        )

    def _facets(self, response: dict, request: SearchRequest) -> dict[str, list[FacetBucket]]:
        aggregations = response.get("aggregations", {})
        selected = {
            name: set(values if isinstance(values, list) else [values])
            for name, values in (request.filters or {}).items()
        }
        facets = {}
        for name in FACETS:
            counts: dict[str, list] = {}
            for bucket in aggregations.get(f"facet_{name}", {}).get("values", {}).get("buckets", []):
                value, _, label = str(bucket["key"]).partition(LABEL_SEPARATOR)
                entry = counts.setdefault(value, [label or value, 0, 0])
                if bucket["doc_count"] > entry[2]:  # a relabelled value: keep the commonest label
                    entry[0], entry[2] = label or value, bucket["doc_count"]
                entry[1] += bucket["doc_count"]
            chosen = selected.get(name, set())
            buckets = [
                FacetBucket(value, label, count, value in chosen)
                for value, (label, count, _) in counts.items()
            ]
            # A selected value no longer found stays listed, so it can be unselected.
            buckets += [
                FacetBucket(str(v), str(v), 0, True) for v in sorted(map(str, chosen)) if str(v) not in counts
            ]
            buckets.sort(key=lambda b: (-b.count, b.value))
            facets[name] = buckets
        return facets

    def _suggestion(self, response: dict, query: QueryText, request: SearchRequest) -> str:
        """The query with misspelt words replaced by the nearest indexed ones, if
        that finds something on this site and locale; else "". A word that
        finds something as typed is not misspelt, even if the spelling field
        lacks it (another form of an indexed word; a Kazakh word's beginning)."""
        scope = self._scope(request)

        def finds(match: Query) -> bool:
            return self.cluster.count(self.alias, Q("bool", must=[match], filter=scope).to_dict()) > 0

        typed = {fold(match.group()): match.group() for match in TOKEN_RE.finditer(query.raw)}
        corrections = {}
        try:
            for entry in response.get("suggest", {}).get("spell", []):
                options = entry.get("options") or []
                word = typed.get(entry["text"], entry["text"])
                if not options or options[0]["text"] == entry["text"]:
                    continue
                if finds(self._word_query(word, request.locale, typos=False)):
                    continue
                replacement = options[0]["text"]
                corrections[entry["text"]] = replacement.capitalize() if word[:1].isupper() else replacement
            if not corrections:
                return ""
            suggestion = TOKEN_RE.sub(lambda m: corrections.get(fold(m.group()), m.group()), query.raw)
            match = self._match_query(read_query(suggestion), request.locale)
            return suggestion if suggestion != query.raw and match is not None and finds(match) else ""
        except ClusterError as error:
            logger.warning("No spelling suggestion for %r: %s", query.raw, error)
            return ""

    def suggest(self, prefix: str, locale: str, site_id: int, limit: int = 8) -> list[str]:
        """Completions of titles, speakers and topics on this site and locale;
        a prefix in Cyrillic also completes names written in Latin letters."""
        text = clean(prefix if isinstance(prefix, str) else "")[:100].translate(RESERVED_COMPLETION_CHARS)
        if not TOKEN_RE.search(text) or limit <= 0:  # nothing to complete (only emoji, punctuation)
            return []
        prefixes = list(dict.fromkeys([text, latin(text)]))
        scope = {"scope": [f"{locale}|{site_id}"]}
        search = Search().source(False).extra(size=0)
        for number, candidate in enumerate(prefixes):
            search = search.suggest(
                f"complete{number}",
                candidate,
                completion={"field": "suggest", "size": limit, "skip_duplicates": True, "contexts": scope},
            )
        try:
            response = self.cluster.search(self.alias, search.to_dict())
        except IndexMissing:
            return []
        except ClusterError as error:
            if error.status is None or error.status >= 500:
                raise
            logger.warning("Suggestions for %r refused: %s", text, error)
            return []
        found: dict[str, str] = {}
        for number in range(len(prefixes)):
            for entry in response.get("suggest", {}).get(f"complete{number}", []):
                for option in entry.get("options", []):
                    found.setdefault(option["text"].casefold(), option["text"])
        return list(found.values())[:limit]

"""Wagtail's built-in database search on the same corpus, for comparison.

Wagtail's database backend (``wagtail.search.backends.database``: modelsearch
on SQLite FTS5 or PostgreSQL) indexes model instances and joins its index
back to their table, so it needs rows. Creating 100,000 pages would measure
treebeard and revisions rather than search, so the benchmark uses one plain
model, ``BenchItem``, with the same text as the engines get: the title, the
summary, people, topics, body, transcript and document pages as search
fields (with the engines' field weights as boosts) and the facets as filter
fields. Topics and speakers are many-valued; Wagtail's database backend can
only facet on a column, so ``topic``/``speaker`` hold an item's first value
(used for counts) and ``topics`` its every value as ``|a|b|`` (used for
filtering with ``contains``).

The model exists only in a benchmark process: this module is imported by the
runner after the throwaway benchmark database has been migrated, and its
table is created there with the schema editor and dropped afterwards. It has
no migration and is never imported by the site, its tests, or
``makemigrations``.
"""

from django.db import connection, models
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from search.analysis import terms
from search.documents import FIELD_WEIGHTS, FIELDS, IndexDocument
from search.highlight import highlight

from .queries import BenchQuery

FACET_COLUMNS = {
    "type": "type",
    "topic": "topic",
    "event": "event",
    "city": "city",
    "year": "year",
    "language": "language",
    "provider": "provider",
    "speaker": "speaker",
}
# How a facet filter of the query mix becomes a queryset filter.
FILTER_LOOKUPS = {"topic": "topics__contains", "speaker": "speakers__contains"}


class BenchItem(index.Indexed, models.Model):
    locale = models.CharField(max_length=8)
    site_id = models.IntegerField()
    date = models.DateField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    people = models.TextField(blank=True)
    topic_labels = models.TextField(blank=True)
    body = models.TextField(blank=True)
    transcript = models.TextField(blank=True)
    document = models.TextField(blank=True)
    type = models.CharField(max_length=32)
    topic = models.CharField(max_length=64, blank=True)
    topics = models.CharField(max_length=400, blank=True)
    event = models.CharField(max_length=64, blank=True)
    city = models.CharField(max_length=64, blank=True)
    year = models.CharField(max_length=4)
    language = models.CharField(max_length=8)
    provider = models.CharField(max_length=64, blank=True)
    speaker = models.CharField(max_length=64, blank=True)
    speakers = models.CharField(max_length=400, blank=True)

    search_fields = [
        index.SearchField("title", boost=FIELD_WEIGHTS["title"]),
        index.SearchField("summary", boost=FIELD_WEIGHTS["summary"]),
        index.SearchField("people", boost=FIELD_WEIGHTS["people"]),
        index.SearchField("topic_labels", boost=FIELD_WEIGHTS["topics"]),
        index.SearchField("body", boost=FIELD_WEIGHTS["body"]),
        index.SearchField("transcript", boost=FIELD_WEIGHTS["transcript"]),
        index.SearchField("document", boost=FIELD_WEIGHTS["document"]),
        *(
            index.FilterField(name)
            for name in (
                "locale",
                "site_id",
                "date",
                "type",
                "topic",
                "topics",
                "event",
                "city",
                "year",
                "language",
                "provider",
                "speaker",
                "speakers",
            )
        ),
    ]

    class Meta:
        app_label = "search"
        db_table = "search_bench_item"
        managed = False

    def __str__(self):
        return self.title


def _add_index_relation() -> None:
    """Wagtail gives every indexed model an ``index_entries`` relation when
    the apps are ready; BenchItem comes later, so it gets its own here (the
    PostgreSQL backend ranks through it)."""
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search.models import IndexEntry

    if not hasattr(BenchItem, "index_entries"):
        TextIDGenericRelation(IndexEntry).contribute_to_class(BenchItem, "index_entries")


_add_index_relation()


def row(document: IndexDocument) -> BenchItem:
    def first(name):
        values = document.facets.get(name) or []
        return values[0][0] if values else ""

    def every(name):
        values = [value for value, _ in document.facets.get(name) or []]
        return f"|{'|'.join(values)}|" if values else ""

    texts = {name: document.text_of(name) for name in FIELDS}
    return BenchItem(
        id=document.id,
        locale=document.locale,
        site_id=document.site_id,
        date=document.date,
        title=document.title,
        summary=texts["summary"],
        people=texts["people"],
        topic_labels=texts["topics"],
        body=texts["body"],
        transcript=texts["transcript"],
        document=texts["document"],
        type=document.type,
        topic=first("topic"),
        topics=every("topic"),
        event=first("event"),
        city=first("city"),
        year=str(document.year),
        language=document.language,
        provider=first("provider"),
        speaker=first("speaker"),
        speakers=every("speaker"),
    )


class WagtailDatabaseSearch:
    """Index and query BenchItems through Wagtail's configured backend."""

    name = "wagtail"
    chunk_size = 1000  # what `manage.py update_index` uses

    def __init__(self):
        self.backend = get_search_backend()
        self.backend_name = type(self.backend).__name__

    def create_table(self) -> None:
        with connection.schema_editor() as editor:
            editor.create_model(BenchItem)

    def drop_table(self) -> None:
        self.clear()
        with connection.schema_editor() as editor:
            editor.delete_model(BenchItem)

    def clear(self) -> None:
        from django.contrib.contenttypes.models import ContentType
        from wagtail.search.models import IndexEntry

        IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(BenchItem)).delete()
        BenchItem.objects.all().delete()

    def store(self, rows: list[BenchItem]) -> None:
        """Save rows (the content; not timed as indexing)."""
        BenchItem.objects.bulk_create(rows, batch_size=500)

    def index(self, rows: list[BenchItem]) -> None:
        self.backend.add_bulk(BenchItem, rows)

    def search(self, query: BenchQuery, facets: bool = True) -> dict:
        """The first page, the total, facet counts and snippets, as the
        search page would need them; returns the numbers for the report."""
        queryset = BenchItem.objects.filter(locale=query.locale, site_id=1)
        for name, values in query.filters.items():
            lookup = FILTER_LOOKUPS.get(name)
            for value in values:
                if lookup:
                    queryset = queryset.filter(**{lookup: f"|{value}|"})
                else:
                    queryset = queryset.filter(**{FACET_COLUMNS[name]: value})
        _, parsed = parse_query_string(query.text)
        results = self.backend.search(parsed, queryset)
        page = list(results[:10])
        total = results.count()
        counts = {}
        snippets = []
        if facets:
            for name, column in FACET_COLUMNS.items():
                counts[name] = results.facet(column)
            match = set(terms(query.text))
            snippets = [highlight(item.body or item.summary, match) for item in page]
        return {"total": total, "page": len(page), "facets": counts, "snippets": snippets}

"""One function turns a library page into what every engine indexes.

Engines never read pages themselves: they receive ``IndexDocument``s built
here, and ``build_document`` returns ``None`` for anything a visitor may not
see (drafts, unpublished, private, outside a site), which engines treat as
"remove from the index".
"""

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from library.models import CaseStudyPage, LibraryItemPage, MaterialPage, PolicyBriefPage, TalkPage

# Field weights: title > summary > people/topics > body > attachments.
FIELD_WEIGHTS = {
    "title": 10.0,
    "summary": 4.0,
    "people": 3.0,
    "topics": 3.0,
    "body": 1.0,
    "transcript": 1.0,
    "document": 0.6,
}
FIELDS = tuple(FIELD_WEIGHTS)
FACETS = ("type", "topic", "event", "city", "year", "language", "provider", "speaker")
# How many transcript cues go into one searchable passage.
SEGMENTS_PER_PASSAGE = 3


@dataclass
class Passage:
    """A piece of an item that can be hit on its own: a field, a stretch of
    transcript (with its start time) or a page of an attached document."""

    kind: str  # "text" | "transcript" | "document"
    field: str  # one of FIELDS
    text: str
    start: float | None = None
    document_id: int | None = None
    document_title: str = ""
    page: int | None = None

    def __reduce__(self):
        return Passage, _passage_values(self)


@dataclass
class IndexDocument:
    id: int
    locale: str
    site_id: int
    url: str
    type: str
    title: str
    summary: str
    date: date
    language: str
    provider: str
    facets: dict[str, list[tuple[str, str]]]  # facet -> [(value, label)]
    passages: list[Passage] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.date.year

    def text_of(self, field_name: str) -> str:
        return "\n".join(p.text for p in self.passages if p.field == field_name)

    def __reduce__(self):
        return IndexDocument, _document_values(self)


# Rebuilds send every document to worker processes: pickled as their
# fields' values in order, they load in half the time a __dict__ each takes.
_passage_values = attrgetter(*(f.name for f in fields(Passage)))
_document_values = attrgetter(*(f.name for f in fields(IndexDocument)))


def is_visible(page: Page) -> bool:
    """Live, not expired, and no view restriction on it or an ancestor."""
    if not page.live or page.expired:
        return False
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def _block_text(value) -> str:
    if value is None or hasattr(value, "file"):  # images and documents carry no text here
        return ""
    if hasattr(value, "source"):  # RichText
        return strip_tags(value.source)
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, int | float):
        return str(value)
    if hasattr(value, "values"):  # StructValue, dict
        return " ".join(filter(None, (_block_text(item) for item in value.values())))
    if hasattr(value, "__iter__"):  # ListValue, StreamValue
        return " ".join(filter(None, (_block_text(getattr(item, "value", item)) for item in value)))
    return ""


def stream_text(value) -> str:
    """The readable text of a StreamField (rich text stripped of markup)."""
    return "\n".join(filter(None, (_block_text(block.value) for block in value or [])))


def body_of(page: LibraryItemPage) -> str:
    if isinstance(page, TalkPage | MaterialPage):
        return stream_text(page.description)
    if isinstance(page, PolicyBriefPage):
        return "\n".join([stream_text(page.key_recommendations), stream_text(page.body)])
    if isinstance(page, CaseStudyPage):
        sections = [
            strip_tags(getattr(page, name) or "") for name in ("challenge", "approach", "outcomes", "lessons")
        ]
        return "\n".join([*sections, stream_text(page.recommendations), stream_text(page.sources)])
    return ""


def facets_of(page: LibraryItemPage) -> dict[str, list[tuple[str, str]]]:
    people = [credit.person for credit in page.people.select_related("person")]
    event = getattr(page, "event", None)
    city = getattr(page, "city", None) or (event.city if event else None)
    return {
        "type": [(page.type_slug, str(page._meta.verbose_name))],
        "topic": [(topic.slug, topic.name) for topic in page.topics.all()],
        "event": [(event.slug, event.title)] if event else [],
        "city": [(city.slug, city.name)] if city else [],
        "year": [(str(page.publication_date.year), str(page.publication_date.year))],
        "language": [(page.item_language, str(page.get_item_language_display()))],
        "provider": [(page.provider.slug, page.provider.name)] if page.provider else [],
        "speaker": [(person.slug, person.name) for person in people],
    }


def passages_of(page: LibraryItemPage, facets) -> list[Passage]:
    def labels(key):
        return " ".join(label for _, label in facets[key])

    people = [labels("speaker"), labels("provider"), labels("event"), labels("city")]
    if isinstance(page, CaseStudyPage):
        people.extend(org.name for org in page.organisations.all())
    passages = [
        Passage("text", "title", page.title),
        Passage("text", "summary", page.summary),
        Passage("text", "people", " ".join(filter(None, people))),
        Passage("text", "topics", labels("topic")),
        Passage("text", "body", body_of(page)),
    ]
    if isinstance(page, TalkPage):
        passages.extend(transcript_passages(page))
    passages.extend(document_passages(page))
    return [passage for passage in passages if passage.text.strip()]


def transcript_passages(page: TalkPage) -> list[Passage]:
    result = []
    for track in page.caption_tracks.all():
        segments = list(track.segments.all())
        for index in range(0, len(segments), SEGMENTS_PER_PASSAGE):
            window = segments[index : index + SEGMENTS_PER_PASSAGE]
            text = " ".join(segment.text for segment in window)
            result.append(Passage("transcript", "transcript", text, start=float(window[0].start)))
    return result


def document_passages(page: LibraryItemPage) -> list[Passage]:
    documents = [attachment.document for attachment in page.attachments.select_related("document")]
    if isinstance(page, PolicyBriefPage) and page.pdf_id and page.pdf not in documents:
        documents.append(page.pdf)
    return [
        Passage(
            "document",
            "document",
            page_text.text,
            document_id=document.pk,
            document_title=document.title,
            page=page_text.page_number,
        )
        for document in documents
        for page_text in document.page_texts.all()
    ]


def build_document(page: Page) -> IndexDocument | None:
    """The index document of a library item, or None if it must not be found."""
    page = page.specific
    if not isinstance(page, LibraryItemPage) or not is_visible(page):
        return None
    site = page.get_site()
    if site is None:
        return None
    facets = facets_of(page)
    return IndexDocument(
        id=page.pk,
        locale=page.locale.language_code,
        site_id=site.pk,
        url=page.get_url(),
        type=page.type_slug,
        title=page.title,
        summary=page.summary,
        date=page.publication_date,
        language=page.item_language,
        provider=page.provider.name if page.provider else "",
        facets=facets,
        passages=passages_of(page, facets),
    )


def searchable_pages():
    """Every library item that could be in the index; ``build_document``
    decides per page whether it is visible."""
    return LibraryItemPage.objects.live().specific().order_by("pk")

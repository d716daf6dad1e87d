"""Library page types: the items people browse, cite and search."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BodyBlock, RecommendationBlock, ReferencesBlock
from ..citation.panels import CitationPanel
from ..page_forms import LibraryItemForm
from .choices import (
    DEFAULT_LICENCE,
    LANGUAGE_CHOICES,
    LICENCE_CHOICES,
    LICENCE_URLS,
    CaptionKind,
    MaterialType,
    PersonRole,
    VideoProvider,
)
from .snippets import City, Event, Organisation, Speaker, Topic

ITEMS_PER_PAGE = 20


class LibraryItemPage(Page):
    """What every library item has: who, what, when, under which licence.

    A concrete base (not abstract) so that one query lists items of every type,
    and so people, attachments and related items hang off one parent table.
    """

    base_form_class = LibraryItemForm  # topics and organisations of the page's own language only

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what this is and why it matters.")
    )
    item_language = models.CharField(
        _("language of the item"), max_length=8, choices=LANGUAGE_CHOICES, default="ru"
    )
    provider = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provided_items",
        verbose_name=_("provided by"),
        help_text=_("The organisation that supplied this item to the library."),
    )
    publication_date = models.DateField(_("publication date"))
    licence = models.CharField(_("licence"), max_length=32, choices=LICENCE_CHOICES, default=DEFAULT_LICENCE)
    cover_image = models.ForeignKey(
        "library.LibraryImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="items", verbose_name=_("topics"))
    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Demo material written for trying the library out, not a programme record."),
    )
    change_note = models.CharField(
        _("change note"),
        max_length=255,
        blank=True,
        help_text=_(
            "What changed in the version you are publishing, shown in the item's public list of "
            "versions. A note left unchanged is not repeated on the next version."
        ),
    )

    is_creatable = False
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    item_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("item_language"),
                FieldPanel("provider"),
                FieldPanel("licence"),
                FieldPanel("change_note"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("topics", widget=None),
        InlinePanel("people", heading=_("Authors and speakers"), label=_("Person")),
        FieldPanel("cover_image"),
    ]
    related_panels = [
        InlinePanel("attachments", heading=_("Attached documents"), label=_("Document")),
        InlinePanel("related_links", heading=_("Related items"), label=_("Related item")),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_sample"), CitationPanel()]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.RelatedFields("people", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.FilterField("publication_date"),
        index.FilterField("item_language"),
        index.FilterField("provider"),
    ]

    class Meta:
        verbose_name = _("library item")
        verbose_name_plural = _("library items")

    # Subclasses build their editor tabs from these pieces.
    @classmethod
    def build_edit_handler(cls, content_panels):
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Content")),
                ObjectList(cls.item_panels, heading=_("About the item")),
                ObjectList(cls.related_panels, heading=_("Files and links")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        )

    @property
    def type_slug(self) -> str:
        return ITEM_TYPE_SLUGS.get(type(self).__name__, "item")

    @property
    def type_label(self):
        return self._meta.verbose_name

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @cached_property
    def ordered_people(self):
        return list(self.people.select_related("person").all())

    @cached_property
    def ordered_attachments(self):
        return list(self.attachments.select_related("document").all())

    @cached_property
    def live_related_items(self):
        targets = [link.target_id for link in self.related_links.all()]
        pages = LibraryItemPage.objects.live().public().filter(pk__in=targets).specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in targets if pk in by_id]

    def get_context(self, request, *args, **kwargs):
        from ..citation.context import ItemCitation

        context = super().get_context(request, *args, **kwargs)
        context["item"] = self
        # Permanent link, "Cite" panel, versions and <head> metadata; lazy.
        context["citation"] = ItemCitation(self, request)
        return context


class ItemPerson(Orderable):
    """An author or speaker of an item, in the order they are credited."""

    page = ParentalKey(LibraryItemPage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="credits", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices, default=PersonRole.AUTHOR)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("person")


class ItemAttachment(Orderable):
    page = ParentalKey(LibraryItemPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "library.LibraryDocument",
        on_delete=models.CASCADE,
        related_name="attached_to",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Leave blank to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ItemRelation(Orderable):
    page = ParentalKey(LibraryItemPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        LibraryItemPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related item"),
    )

    panels = [
        FieldPanel(
            "target",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("related item")

    def clean(self):
        super().clean()
        if self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("An item cannot be related to itself.")})


# --- Talks -------------------------------------------------------------------

VIDEO_URL_PATTERNS = [
    (VideoProvider.YOUTUBE, re.compile(r"(?:youtube\.com|youtube-nocookie\.com|youtu\.be)$")),
    (VideoProvider.VIMEO, re.compile(r"vimeo\.com$")),
]
VIDEO_ID_RE = re.compile(r"^[A-Za-z0-9_-]{4,64}$")


def parse_video_url(url: str) -> tuple[str, str] | None:
    """(provider, id) from a YouTube or Vimeo address, or None.

    Only the address is read; nothing is fetched.
    """
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    for provider, host_re in VIDEO_URL_PATTERNS:
        if not host_re.search(host):
            continue
        if provider == VideoProvider.YOUTUBE:
            if host == "youtu.be":
                candidate = parsed.path.strip("/").split("/")[0]
            elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
                candidate = parsed.path.split("/")[2]
            else:
                candidate = parse_qs(parsed.query).get("v", [""])[0]
        else:
            numeric = [part for part in parsed.path.split("/") if part.isdigit()]
            candidate = numeric[0] if numeric else ""
        if VIDEO_ID_RE.match(candidate):
            return str(provider), candidate
    return None


class TalkPage(RoutablePageMixin, LibraryItemPage):
    """A recorded talk: the recording, its transcript, chapters and slides."""

    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="talks",
        verbose_name=_("event"),
    )
    talk_date = models.DateField(_("date of the talk"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    recording = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recording"),
        help_text=_("An audio or video file uploaded to the media library."),
    )
    video_provider = models.CharField(
        _("video service"), max_length=16, choices=VideoProvider.choices, blank=True
    )
    video_id = models.CharField(
        _("video id or address"),
        max_length=255,
        blank=True,
        help_text=_("Paste the YouTube or Vimeo address; the id is kept, nothing is fetched."),
    )
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("talk_date"), FieldPanel("duration_seconds")]),
        MultiFieldPanel(
            [FieldPanel("recording"), FieldPanel("video_provider"), FieldPanel("video_id")],
            heading=_("Recording"),
        ),
        InlinePanel("chapters", heading=_("Chapters"), label=_("Chapter")),
        InlinePanel("caption_tracks", heading=_("Transcript and captions"), label=_("Caption file")),
        FieldPanel("description"),
    ]

    search_fields = [
        *LibraryItemPage.search_fields,
        index.SearchField("description"),
        index.RelatedFields("event", [index.SearchField("title")]),
        index.FilterField("event"),
    ]

    class Meta:
        verbose_name = _("talk")
        verbose_name_plural = _("talks")

    def clean(self):
        super().clean()
        value = self.video_id.strip()
        if not value:
            self.video_provider = ""
            return
        if "/" in value or "." in value:
            parsed = parse_video_url(value)
            if parsed is None:
                raise ValidationError(
                    {"video_id": _("This is not a YouTube or Vimeo address the library recognises.")}
                )
            self.video_provider, self.video_id = parsed
        elif not VIDEO_ID_RE.match(value):
            raise ValidationError({"video_id": _("A video id has only letters, digits, - and _.")})
        elif not self.video_provider:
            raise ValidationError({"video_provider": _("Choose the video service for this id.")})

    @property
    def external_video_url(self) -> str:
        if self.video_provider == VideoProvider.YOUTUBE:
            return f"https://www.youtube.com/watch?v={self.video_id}"
        if self.video_provider == VideoProvider.VIMEO:
            return f"https://vimeo.com/{self.video_id}"
        return ""

    @property
    def external_embed_url(self) -> str:
        if self.video_provider == VideoProvider.YOUTUBE:
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        if self.video_provider == VideoProvider.VIMEO:
            return f"https://player.vimeo.com/video/{self.video_id}"
        return ""

    @cached_property
    def transcripts(self):
        """Caption tracks with their segments, the item's own language first."""
        tracks = list(self.caption_tracks.prefetch_related("segments").all())
        tracks.sort(key=lambda track: (track.language != self.item_language, track.sort_order or 0))
        return tracks

    @path("captions/<slug:language>/", name="captions")
    def captions_view(self, request, language):
        """The stored segments of one language as WebVTT for the player's
        <track>: works for SRT uploads too, which browsers cannot play."""
        from ..transcripts import segments_as_webvtt

        track = next((t for t in self.transcripts if t.language == language), None)
        if track is None:
            raise Http404
        response = HttpResponse(
            segments_as_webvtt(track.segments.all()), content_type="text/vtt; charset=utf-8"
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @cached_property
    def live_materials(self):
        return list(MaterialPage.objects.live().public().filter(talk=self).order_by("title"))


TalkPage.edit_handler = LibraryItemPage.build_edit_handler(TalkPage.content_panels)


class TalkChapter(Orderable):
    page = ParentalKey(TalkPage, on_delete=models.CASCADE, related_name="chapters")
    start_seconds = models.PositiveIntegerField(_("starts at (seconds)"))
    title = models.CharField(_("title"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("start_seconds"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")


class CaptionTrack(Orderable):
    """A WebVTT or SRT file for a talk, parsed into timestamped segments."""

    page = ParentalKey(TalkPage, on_delete=models.CASCADE, related_name="caption_tracks")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    kind = models.CharField(
        _("kind"), max_length=16, choices=CaptionKind.choices, default=CaptionKind.CAPTIONS
    )
    document = models.ForeignKey(
        "library.LibraryDocument",
        on_delete=models.PROTECT,
        related_name="caption_tracks",
        verbose_name=_("caption file"),
        help_text=_("Upload a .vtt or .srt file to the documents library and choose it here."),
    )
    parsed_hash = models.CharField(max_length=40, blank=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("kind")]), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption file")

    def __str__(self):
        return f"{self.get_language_display()} ({self.document})"

    def clean(self):
        """Refuse a caption file that does not parse, naming the bad line."""
        super().clean()
        if not self.document_id:
            return
        from ..captions import CaptionParseError
        from ..transcripts import read_caption_document

        try:
            read_caption_document(self.document)
        except CaptionParseError as error:
            raise ValidationError(
                {
                    "document": _("The caption file cannot be read: line %(line)s: %(reason)s")
                    % {"line": error.line, "reason": error.translated(gettext)}
                }
            ) from error
        except OSError as error:
            raise ValidationError({"document": _("The caption file is missing from storage.")}) from error


class TranscriptSegment(models.Model):
    """One timed line of a transcript."""

    track = models.ForeignKey(CaptionTrack, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField()
    start = models.DecimalField(max_digits=9, decimal_places=3)
    end = models.DecimalField(max_digits=9, decimal_places=3)
    speaker = models.CharField(max_length=255, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["track", "position"]
        constraints = [models.UniqueConstraint(fields=["track", "position"], name="unique_segment_position")]

    def __str__(self):
        return f"{self.start}–{self.end} {self.text[:40]}"

    @property
    def start_seconds(self) -> int:
        return int(self.start)


# --- Materials, case studies, policy briefs -----------------------------------


class MaterialPage(LibraryItemPage):
    """Speaker materials (slides, handouts, datasets): citable on their own."""

    material_type = models.CharField(
        _("kind of material"), max_length=16, choices=MaterialType.choices, default=MaterialType.SLIDES
    )
    talk = models.ForeignKey(
        TalkPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("talk"),
    )
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
        verbose_name=_("event"),
    )
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("material_type"),
        FieldPanel("talk"),
        FieldPanel("event"),
        FieldPanel("description"),
    ]
    search_fields = [
        *LibraryItemPage.search_fields,
        index.SearchField("description"),
        index.FilterField("material_type"),
    ]

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")


MaterialPage.edit_handler = LibraryItemPage.build_edit_handler(MaterialPage.content_panels)


class CaseStudyPage(LibraryItemPage):
    """How a place tackled a problem, and what others can learn from it."""

    city = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        verbose_name=_("city"),
    )
    period = models.CharField(_("period"), max_length=120, blank=True, help_text=_("For example 2008–2018."))
    organisations = ParentalManyToManyField(
        Organisation, blank=True, related_name="case_studies", verbose_name=_("organisations involved")
    )
    challenge = RichTextField(_("challenge"), blank=True)
    approach = RichTextField(_("approach"), blank=True)
    outcomes = RichTextField(_("outcomes"), blank=True)
    lessons = RichTextField(_("lessons"), blank=True)
    recommendations = StreamField(RecommendationBlock(), blank=True, verbose_name=_("recommendations"))
    sources = StreamField(ReferencesBlock(), blank=True, verbose_name=_("sources and references"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("city"), FieldPanel("period")]),
        FieldPanel("organisations"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("outcomes"),
        FieldPanel("lessons"),
        FieldPanel("recommendations"),
        FieldPanel("sources"),
        InlinePanel("gallery", heading=_("Figures and gallery"), label=_("Image")),
    ]
    search_fields = [
        *LibraryItemPage.search_fields,
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("outcomes"),
        index.SearchField("lessons"),
        index.SearchField("recommendations"),
        index.RelatedFields("city", [index.SearchField("name"), index.SearchField("country")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.FilterField("city"),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def sections(self):
        """The narrative sections in reading order, empty ones left out."""
        labels = [
            ("challenge", _("Challenge")),
            ("approach", _("Approach")),
            ("outcomes", _("Outcomes")),
            ("lessons", _("Lessons")),
        ]
        return [(key, label, getattr(self, key)) for key, label in labels if getattr(self, key)]


CaseStudyPage.edit_handler = LibraryItemPage.build_edit_handler(CaseStudyPage.content_panels)


class CaseStudyImage(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(
        "library.LibraryImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class PolicyBriefPage(LibraryItemPage):
    """Short, actionable advice for the city in one policy area."""

    key_recommendations = StreamField(
        RecommendationBlock(), blank=True, verbose_name=_("key recommendations")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("full text"))
    pdf = models.ForeignKey(
        "library.LibraryDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF version"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("key_recommendations"),
        FieldPanel("body"),
        FieldPanel("pdf"),
    ]
    search_fields = [
        *LibraryItemPage.search_fields,
        index.SearchField("key_recommendations"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("policy brief")
        verbose_name_plural = _("policy briefs")


PolicyBriefPage.edit_handler = LibraryItemPage.build_edit_handler(PolicyBriefPage.content_panels)


ITEM_TYPE_SLUGS = {
    "TalkPage": "talk",
    "MaterialPage": "material",
    "CaseStudyPage": "case-study",
    "PolicyBriefPage": "policy-brief",
}
ITEM_TYPES = {
    "talk": TalkPage,
    "material": MaterialPage,
    "case-study": CaseStudyPage,
    "policy-brief": PolicyBriefPage,
}


# --- Browsing ------------------------------------------------------------------


class LibraryIndexPage(RoutablePageMixin, Page):
    """Browse every item, newest first; and the listing pages of snippets."""

    intro = RichTextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "library.TalkPage",
        "library.MaterialPage",
        "library.CaseStudyPage",
        "library.PolicyBriefPage",
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("library index")

    def items(self):
        """Live, public items under this index, newest first."""
        return LibraryItemPage.objects.child_of(self).live().public().order_by("-publication_date", "-pk")

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, ITEMS_PER_PAGE)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def render_listing(self, request, items, *, heading=None, subject=None, template=None):
        """Filter by type and topic from the query string, paginate, render."""
        from ..listing import ItemFilters

        filters = ItemFilters.from_request(request, locale=self.locale)
        items = filters.apply(items)
        page_of_items = self.paginate(request, items.specific())
        return self.render(
            request,
            template=template or "library/library_index_page.html",
            context_overrides={
                "items": page_of_items,
                "filters": filters,
                "listing_heading": heading,
                "subject": subject,
            },
        )

    @path("")
    def index_view(self, request):
        return self.render_listing(request, self.items())

    def _snippet(self, model, slug):
        return get_object_or_404(model, slug=slug, locale=self.locale)

    @path("topics/", name="topics")
    def topic_list(self, request):
        return self.render_directory(request, Topic, _("Topics"))

    @path("topics/<slug:slug>/", name="topic")
    def topic_view(self, request, slug):
        topic = self._snippet(Topic, slug)
        return self.render_listing(
            request, self.items().filter(topics=topic), heading=topic.name, subject=topic
        )

    @path("speakers/", name="speakers")
    def speaker_list(self, request):
        return self.render_directory(request, Speaker, _("Speakers and authors"))

    @path("speakers/<slug:slug>/", name="speaker")
    def speaker_view(self, request, slug):
        speaker = self._snippet(Speaker, slug)
        items = self.items().filter(people__person=speaker).distinct()
        return self.render_listing(request, items, heading=speaker.name, subject=speaker)

    @path("events/", name="events")
    def event_list(self, request):
        return self.render_directory(request, Event, _("Events"))

    @path("events/<slug:slug>/", name="event")
    def event_view(self, request, slug):
        event = self._snippet(Event, slug)
        items = self.items().filter(models.Q(talkpage__event=event) | models.Q(materialpage__event=event))
        return self.render_listing(request, items, heading=event.title, subject=event)

    @path("organisations/", name="organisations")
    def organisation_list(self, request):
        return self.render_directory(request, Organisation, _("Organisations"))

    @path("organisations/<slug:slug>/", name="organisation")
    def organisation_view(self, request, slug):
        organisation = self._snippet(Organisation, slug)
        items = (
            self.items()
            .filter(models.Q(provider=organisation) | models.Q(casestudypage__organisations=organisation))
            .distinct()
        )
        return self.render_listing(request, items, heading=organisation.name, subject=organisation)

    @path("cities/", name="cities")
    def city_list(self, request):
        return self.render_directory(request, City, _("Cities"))

    @path("cities/<slug:slug>/", name="city")
    def city_view(self, request, slug):
        city = self._snippet(City, slug)
        items = self.items().filter(models.Q(casestudypage__city=city) | models.Q(talkpage__event__city=city))
        return self.render_listing(request, items, heading=city.name, subject=city)

    def render_directory(self, request, model, heading):
        """A list of every topic/speaker/… in this language with item counts."""
        from ..listing import directory_entries

        entries = directory_entries(model, self)
        if entries is None:
            raise Http404
        return self.render(
            request,
            template="library/directory.html",
            context_overrides={
                "entries": entries,
                "directory_heading": heading,
                "route": model.listing_route,
            },
        )

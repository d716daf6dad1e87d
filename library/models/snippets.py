"""The people, places, topics and events that library items point to.

All are translatable: each locale has its own row, tied together by a shared
``translation_key``. Slugs stay the same across translations so listing URLs
differ only by their language prefix.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from .choices import OrganisationRole


def slug_from(text: str) -> str:
    """A latin slug for any script: "Эрика Раштон" -> "erika-rashton"."""
    from anyascii import anyascii

    return slugify(anyascii(text))[:80] or "item"


class ListedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A snippet with a public listing page of the library items about it.

    ``listing_route`` names the route on :class:`LibraryIndexPage` that lists
    it; the URL is resolved per locale by the ``listing_url`` template tag.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        blank=True,
        help_text=_("Used in the address of its listing page. Filled in from the name."),
    )

    listing_route: str = ""
    slug_source_field = "name"

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_from(getattr(self, self.slug_source_field))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slug_from(getattr(self, self.slug_source_field))
        clash = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another entry in this language already uses this slug.")})


class Topic(ListedSnippet):
    """A policy area of the programme (transport, health, placemaking…)."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    listing_route = "topic"

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(ListedSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class City(ListedSnippet):
    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=120)

    listing_route = "city"

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("country")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("country"),
        index.FilterField("country"),
        index.FilterField("locale"),
    ]

    class Meta(ListedSnippet.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Organisation(RevisionMixin, ListedSnippet):
    """A partner or content provider (the EU, the British Council, KBTU…)."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=OrganisationRole.choices, default=OrganisationRole.PARTNER
    )
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "library.LibraryImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = models.TextField(_("description"), blank=True)
    programme_partner = models.BooleanField(
        _("programme partner"),
        default=False,
        help_text=_("Runs or funds the programme; shown among the partners on the home page."),
    )

    listing_route = "organisation"

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("programme_partner"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("role"),
        index.FilterField("locale"),
    ]

    class Meta(ListedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Speaker(RevisionMixin, ListedSnippet):
    """A person who spoke at an event or wrote a library item."""

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_("Job title or position."))
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
        verbose_name=_("organisation"),
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "library.LibraryImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    website = models.URLField(_("website"), blank=True)

    listing_route = "speaker"

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.FilterField("organisation"),
        index.FilterField("locale"),
    ]

    class Meta(ListedSnippet.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Event(RevisionMixin, ClusterableModel, ListedSnippet):
    """An Urban Forum, conference, training or study tour of the programme."""

    title = models.CharField(_("title"), max_length=255)
    number = models.PositiveSmallIntegerField(
        _("forum number"), null=True, blank=True, help_text=_("For the numbered Urban Forums: 1, 2, 3…")
    )
    date = models.DateField(_("date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.SET_NULL, related_name="events", verbose_name=_("city")
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organisers = ParentalManyToManyField(
        Organisation, blank=True, related_name="events", verbose_name=_("organisers")
    )
    description = models.TextField(_("description"), blank=True)

    listing_route = "event"
    slug_source_field = "title"

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("number"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("city"),
        FieldPanel("venue"),
        FieldPanel("organisers"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("venue"),
        index.FilterField("date"),
        index.FilterField("city"),
        index.FilterField("locale"),
    ]

    class Meta(ListedSnippet.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-date"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from library.blocks import KeyFigureBlock


class HomePage(Page):
    """The front door: what the programme was, its figures, the newest items."""

    intro = RichTextField(_("introduction"), blank=True)
    key_figures = StreamField([("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures"))
    featured_heading = models.CharField(_("heading above the newest items"), max_length=120, blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["library.LibraryIndexPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("featured_heading"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from library.models import LibraryIndexPage, LibraryItemPage, Organisation, Topic

        context = super().get_context(request, *args, **kwargs)
        context["library_index"] = LibraryIndexPage.objects.child_of(self).live().public().first()
        context["latest_items"] = (
            LibraryItemPage.objects.descendant_of(self)
            .live()
            .public()
            .order_by("-publication_date", "-pk")
            .specific()[:6]
        )
        context["topics"] = Topic.objects.filter(locale=self.locale)
        context["partners"] = Organisation.objects.filter(locale=self.locale, programme_partner=True)
        return context

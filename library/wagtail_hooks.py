"""Admin registration: snippets through viewsets, grouped under "Library";
the library usage report; counting item views."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .citation import usage
from .models import City, Event, LibraryItemPage, Organisation, Speaker, Topic
from .views import UsageReportView


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "description", "locale"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    list_display = ["name", "country", "locale"]
    list_filter = ["country", "locale"]
    list_export = ["name", "slug", "country", "locale"]
    search_fields = ["name", "country"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "role", "programme_partner", "locale"]
    list_filter = ["role", "programme_partner", "locale"]
    list_export = ["name", "short_name", "role", "url", "programme_partner", "locale"]
    search_fields = ["name", "short_name", "description"]


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "role", "organisation", "locale"]
    list_filter = ["organisation", "locale"]
    list_export = ["name", "role", "organisation", "website", "locale"]
    search_fields = ["name", "role", "bio"]


class EventFilterSet(WagtailFilterSet):
    class Meta:
        model = Event
        fields = ["city", "locale"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = ["title", "number", "date", "city", "locale"]
    filterset_class = EventFilterSet
    list_export = ["title", "number", "date", "end_date", "city", "venue", "locale"]
    search_fields = ["title", "description", "venue"]
    ordering = ["-date"]


class LibrarySnippetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, SpeakerViewSet, EventViewSet, OrganisationViewSet, CityViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Library data")
    menu_name = "library-data"


register_snippet(LibrarySnippetGroup)


# --- Usage of library items ---------------------------------------------------------


@hooks.register("before_serve_page")
def count_item_view(page, request, serve_args, serve_kwargs):
    """One view per request of an item's own page (not its caption routes)."""
    if isinstance(page, LibraryItemPage) and request.path == page.get_url(request):
        usage.record_view(page, request)


@hooks.register("register_admin_urls")
def register_usage_report_urls():
    return [
        path("reports/library-usage/", UsageReportView.as_view(), name="library_usage_report"),
        path(
            "reports/library-usage/results/",
            UsageReportView.as_view(results_only=True),
            name="library_usage_report_results",
        ),
    ]


class UsageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return UsageReportMenuItem(
        _("Library usage"),
        reverse("library_usage_report"),
        name="library-usage",
        icon_name="view",
        order=1300,
    )

"""Admin registration: snippets through viewsets, grouped under "Library"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Event, Organisation, Speaker, Topic


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

"""Browsing filters for library listings (type and topic), and directories.

The full-text search with facets lives in ``search/``; this module only
narrows a listing by the two filters a browsing visitor needs.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models.pages import ITEM_TYPES, LibraryItemPage
from .models.snippets import Topic


@dataclass
class ItemFilters:
    types: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    type_choices: list[tuple[str, str]] = field(default_factory=list)
    topic_choices: list[Topic] = field(default_factory=list)

    @classmethod
    def from_request(cls, request, *, locale):
        """Read ``?type=…&topic=…``; unknown values are ignored, never an error."""
        types = [value for value in request.GET.getlist("type") if value in ITEM_TYPES]
        topic_choices = list(Topic.objects.filter(locale=locale))
        wanted = set(request.GET.getlist("topic"))
        topics = [topic for topic in topic_choices if topic.slug in wanted]
        type_choices = [(slug, model._meta.verbose_name_plural) for slug, model in ITEM_TYPES.items()]
        return cls(types=types, topics=topics, type_choices=type_choices, topic_choices=topic_choices)

    @property
    def active(self) -> bool:
        return bool(self.types or self.topics)

    @property
    def selected_topic_slugs(self) -> set[str]:
        return {topic.slug for topic in self.topics}

    def apply(self, items):
        if self.types:
            items = items.type(*(ITEM_TYPES[slug] for slug in self.types))
        if self.topics:
            items = items.filter(topics__in=self.topics).distinct()
        return items


def directory_entries(model, index_page):
    """Every entry of a snippet model in the index's language, with a count
    of the live items listed under it; entries without items are kept so the
    directory is complete."""
    live_items = LibraryItemPage.objects.child_of(index_page).live().public()
    item_ids = list(live_items.values_list("pk", flat=True))
    lookups = {
        "topic": Q(items__in=item_ids),
        "speaker": Q(credits__page__in=item_ids),
        "organisation": Q(provided_items__in=item_ids),
        "event": Q(talks__in=item_ids) | Q(materials__in=item_ids),
        "city": Q(case_studies__in=item_ids),
    }
    condition = lookups.get(model.listing_route)
    if condition is None:
        return None
    return model.objects.filter(locale=index_page.locale).annotate(
        item_count=Count("pk", filter=condition, distinct=True)
    )

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

FACET_TITLES = {
    "type": _("Type"),
    "topic": _("Topic"),
    "event": _("Event"),
    "city": _("City"),
    "year": _("Year"),
    "language": _("Language"),
    "provider": _("Provided by"),
    "speaker": _("Speaker"),
}


@register.simple_tag
def facet_title(name):
    return FACET_TITLES.get(name, name)


@register.simple_tag
def item_type_label(slug):
    from library.models.pages import ITEM_TYPES

    model = ITEM_TYPES.get(slug)
    return model._meta.verbose_name.capitalize() if model else slug


@register.simple_tag
def query_with(request, **changes):
    """The current query string with some parameters replaced (None removes)."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode()

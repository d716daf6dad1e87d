from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from ..captions import format_timestamp

register = template.Library()


def _library_index(request, locale_id):
    """The live library index of a locale, looked up once per request."""
    from ..models import LibraryIndexPage

    cache = getattr(request, "_library_index_by_locale", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._library_index_by_locale = cache
    if locale_id not in cache:
        cache[locale_id] = LibraryIndexPage.objects.live().filter(locale_id=locale_id).first()
    return cache[locale_id]


@register.simple_tag(takes_context=True)
def listing_url(context, obj, route=None):
    """URL of the public listing page of a topic, speaker, event, city or
    organisation; of the directory of them when ``route`` names one."""
    if obj is None:
        return ""
    index = _library_index(context.get("request"), obj.locale_id)
    if index is None:
        return ""
    if route:
        return index.url + index.reverse_subpage(route)
    return index.url + index.reverse_subpage(obj.listing_route, kwargs={"slug": obj.slug})


@register.simple_tag(takes_context=True)
def library_url(context, route=None):
    """URL of the library index (or one of its directories) in the page's language."""
    page = context.get("page")
    locale_id = page.locale_id if isinstance(page, Page) else Locale.get_active().pk
    index = _library_index(context.get("request"), locale_id)
    if index is None:
        return ""
    return index.url + (index.reverse_subpage(route) if route else "")


@register.filter
def timestamp(seconds):
    try:
        return format_timestamp(float(seconds))
    except (TypeError, ValueError):
        return ""


@register.filter
def file_extension(document):
    return document.file_extension.upper() if document else ""


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages; to the other language's home
    page where the page has no translation yet."""
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translation.locale.language_code] = translation
    homes = {
        home.locale.language_code: home
        for home in Page.objects.filter(depth=2).live().select_related("locale")
    }
    from django.conf import settings

    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.url,
                "current": code == current,
                "exact": code in translations,
            }
        )
    return {"links": links, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the current page's language."""
    page = context.get("page")
    locale_id = page.locale_id if isinstance(page, Page) else Locale.get_active().pk
    home = Page.objects.filter(depth=2, locale_id=locale_id).live().first()
    return home.url if home else "/"


@register.filter
def model_label(obj):
    """ "Speaker", "Topic"…: what kind of thing a listing is about."""
    return obj._meta.verbose_name.capitalize() if hasattr(obj, "_meta") else ""


@register.simple_tag
def search_url():
    """The search page in the active language (/ru/search/, /en/search/…)."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("search")
    except NoReverseMatch:
        return ""

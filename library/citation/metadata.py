"""Metadata in the <head> of an item page, for the tools researchers use.

- Highwire Press ``citation_*`` tags, as Google Scholar's inclusion
  guidelines describe and Zotero's "Embedded Metadata" translator reads.
  Zotero takes the item type from them: ``citation_technical_report_institution``
  makes a *report* (case studies, briefs, report-like materials); talks and
  slides have none, so their ``DC.type`` names Zotero's *presentation* type
  (a dataset's, *dataset*), which the translator honours before its
  journal-article guess.
- Dublin Core (``DC.*``), schema.org JSON-LD (``ScholarlyArticle`` for case
  studies, ``Report`` for briefs, ``VideoObject`` for talks with transcript,
  chapter ``Clip``s and a ``SeekToAction`` for ``?t=`` links; ``Person``,
  ``Event``, ``Organization``), OpenGraph and Twitter card tags.

Everything is built from the page and its CSL-JSON item (``csl.py``), so the
head, the citations and the exports say the same thing.
"""

import json
import logging
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import csl

logger = logging.getLogger(__name__)

OG_LOCALES = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_GB"}


@dataclass
class HeadMetadata:
    highwire: list[tuple[str, str]] = field(default_factory=list)
    dublin_core: list[tuple[str, str]] = field(default_factory=list)
    opengraph: list[tuple[str, str]] = field(default_factory=list)
    twitter: list[tuple[str, str]] = field(default_factory=list)
    json_ld: str = ""


def absolute(base_url: str, url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def _iso(date) -> str:
    year, month, day = (list((date or {}).get("date-parts", [[]])[0]) + [None] * 3)[:3]
    if not year:
        return ""
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def _slash_date(date) -> str:
    return _iso(date).replace("-", "/")


def cover_image_url(page, base_url: str, spec: str = "fill-1200x630") -> tuple[str, int, int]:
    """An absolute URL of the cover in social-card size, or ("", 0, 0)."""
    image = getattr(page, "cover_image", None)
    if image is None:
        return "", 0, 0
    try:
        rendition = image.get_rendition(spec)
    except Exception:  # a missing or unreadable file must not break the page
        logger.warning("No rendition of image %s for page %s", image.pk, page.pk, exc_info=True)
        return "", 0, 0
    return absolute(base_url, rendition.url), rendition.width, rendition.height


def _public_document(document) -> bool:
    collection = getattr(document, "collection", None)
    return collection is None or not collection.get_view_restrictions().exists()


def pdf_documents(page):
    """Public PDF documents of the item: a brief's PDF version first, then
    attachments."""
    documents = []
    pdf = getattr(page, "pdf", None)
    if pdf is not None:
        documents.append(pdf)
    documents += [attachment.document for attachment in page.ordered_attachments]
    seen = set()
    result = []
    for document in documents:
        if document.pk in seen or document.file_extension.lower() != "pdf" or not _public_document(document):
            continue
        seen.add(document.pk)
        result.append(document)
    return result


def dc_type(page, item) -> str:
    csl_type = item.get("type")
    # Zotero's item types where the Highwire tags alone would make it guess a
    # journal article; DCMI's "Text" otherwise.
    return {"speech": "presentation", "dataset": "dataset"}.get(csl_type, "Text")


def head_metadata(page, item: dict, *, context) -> HeadMetadata:
    """``item`` is the page's CSL-JSON item with absolute links; ``context``
    the :class:`~library.citation.context.ItemCitation` (URLs, translations)."""
    base_url = context.base_url
    meta = HeadMetadata()
    people = [name for name in item.get("author", []) if "literal" not in name]
    issued = item.get("issued")
    topics = [topic.strip() for topic in (item.get("keyword") or "").split(",") if topic.strip()]
    pdfs = pdf_documents(page)
    image_url, image_width, image_height = cover_image_url(page, base_url)
    title = item.get("title", "")
    summary = item.get("abstract", "")
    language = item.get("language", "")
    publisher = item.get("publisher", "")

    hw = meta.highwire
    hw.append(("citation_title", title))
    hw += [("citation_author", csl.name_as_text(name)) for name in people]
    hw.append(("citation_publication_date", _slash_date(issued)))
    if page.first_published_at:
        hw.append(("citation_online_date", page.first_published_at.date().isoformat().replace("-", "/")))
    if publisher:
        hw.append(("citation_publisher", publisher))
        if item.get("type") == "report":
            hw.append(("citation_technical_report_institution", publisher))
    if language:
        hw.append(("citation_language", language))
    if topics:
        hw.append(("citation_keywords", "; ".join(topics)))
    if summary:
        hw.append(("citation_abstract", summary))
    hw.append(("citation_abstract_html_url", context.canonical_url))
    if context.permanent_url:
        hw.append(("citation_public_url", context.permanent_url))
    if pdfs:
        hw.append(("citation_pdf_url", absolute(base_url, pdfs[0].url)))

    dc = meta.dublin_core
    dc.append(("DC.title", title))
    dc += [("DC.creator", csl.name_as_text(name)) for name in item.get("author", [])]
    dc.append(("DC.date", _iso(issued)))
    if publisher:
        dc.append(("DC.publisher", publisher))
    if language:
        dc.append(("DC.language", language))
    dc.append(("DC.identifier", context.permanent_url or context.canonical_url))
    dc.append(("DC.type", dc_type(page, item)))
    dc.append(("DC.format", "text/html"))
    dc += [("DC.subject", topic) for topic in topics]
    if summary:
        dc.append(("DC.description", summary))
    if item.get("license"):
        dc.append(("DC.rights", item["license"]))

    og = meta.opengraph
    og += [
        ("og:site_name", _("WeAlmaty library")),
        ("og:type", "article"),
        ("og:title", title),
        ("og:url", context.canonical_url),
    ]
    if summary:
        og.append(("og:description", summary[:300]))
    og.append(("og:locale", OG_LOCALES.get(page.locale.language_code, page.locale.language_code)))
    og += [
        ("og:locale:alternate", OG_LOCALES.get(code, code))
        for code, _url in context.translation_links
        if code != page.locale.language_code
    ]
    if image_url:
        og += [
            ("og:image", image_url),
            ("og:image:width", str(image_width)),
            ("og:image:height", str(image_height)),
        ]
        og.append(("og:image:alt", title))
    if _iso(issued):
        og.append(("article:published_time", _iso(issued)))
    if page.last_published_at:
        og.append(("article:modified_time", page.last_published_at.isoformat()))
    og += [("article:tag", topic) for topic in topics]

    tw = meta.twitter
    tw += [("twitter:card", "summary_large_image" if image_url else "summary"), ("twitter:title", title)]
    if summary:
        tw.append(("twitter:description", summary[:200]))
    if image_url:
        tw += [("twitter:image", image_url), ("twitter:image:alt", title)]

    meta.json_ld = dump_json_ld(json_ld(page, item, context=context, image_url=image_url, pdfs=pdfs))
    return meta


def dump_json_ld(data) -> str:
    """JSON safe inside <script>: no "</script>", no "<!--"."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- schema.org ------------------------------------------------------------------------


def _organisation(organisation, context) -> dict:
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    url = organisation.url or context.listing_url(organisation)
    if url:
        data["url"] = url
    return data


def _person(speaker, context) -> dict:
    data = {"@type": "Person", "name": speaker.name}
    if speaker.role:
        data["jobTitle"] = speaker.role
    if speaker.organisation_id:
        data["affiliation"] = _organisation(speaker.organisation, context)
    url = context.listing_url(speaker)
    if url:
        data["url"] = url
    if speaker.website:
        data["sameAs"] = speaker.website
    return data


def _event(event, context) -> dict:
    data = {"@type": "Event", "name": event.title, "startDate": event.date.isoformat()}
    if event.end_date:
        data["endDate"] = event.end_date.isoformat()
    if event.venue or event.city_id:
        place = {"@type": "Place", "name": event.venue or event.city.name}
        if event.city_id:
            place["address"] = {
                "@type": "PostalAddress",
                "addressLocality": event.city.name,
                "addressCountry": event.city.country,
            }
        data["location"] = place
    organisers = [_organisation(organisation, context) for organisation in event.organisers.all()]
    if organisers:
        data["organizer"] = organisers
    url = context.listing_url(event)
    if url:
        data["url"] = url
    return data


def schema_type(page) -> str:
    from library.models import CaseStudyPage, MaterialPage, PolicyBriefPage, TalkPage
    from library.models.choices import MaterialType

    if isinstance(page, TalkPage):
        return "VideoObject"
    if isinstance(page, CaseStudyPage):
        return "ScholarlyArticle"
    if isinstance(page, PolicyBriefPage):
        return "Report"
    if isinstance(page, MaterialPage):
        return {
            MaterialType.SLIDES: "PresentationDigitalDocument",
            MaterialType.DATASET: "Dataset",
            MaterialType.REPORT: "Report",
        }.get(page.material_type, "DigitalDocument")
    return "CreativeWork"


def iso_duration(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def json_ld(page, item, *, context, image_url="", pdfs=()) -> dict:
    from library.models import CaseStudyPage, TalkPage

    base_url = context.base_url
    kind = schema_type(page)
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": context.permanent_url or context.canonical_url,
        "url": context.canonical_url,
        "name": item.get("title", ""),
        "inLanguage": item.get("language", ""),
        "datePublished": _iso(item.get("issued")),
        "isAccessibleForFree": True,
    }
    if kind in ("ScholarlyArticle", "Report"):
        data["headline"] = item.get("title", "")[:110]
    if item.get("abstract"):
        data["description"] = item["abstract"]
        if kind in ("ScholarlyArticle", "Report"):
            data["abstract"] = item["abstract"]
    if context.permanent_url:
        data["identifier"] = context.permanent_url
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if item.get("version"):
        data["version"] = item["version"].split(",")[0]
    if item.get("license"):
        data["license"] = item["license"]
    if item.get("keyword"):
        data["keywords"] = [topic.strip() for topic in item["keyword"].split(",") if topic.strip()]
    if item.get("genre"):
        data["genre"] = item["genre"]
    people = [credit for credit in page.ordered_people if credit.role in ("author", "speaker")]
    if people:
        data["author"] = [_person(credit.person, context) for credit in people]
    elif page.provider is not None:
        data["author"] = [_organisation(page.provider, context)]
    editors = [credit for credit in page.ordered_people if credit.role == "editor"]
    if editors:
        data["editor"] = [_person(credit.person, context) for credit in editors]
    if page.provider is not None:
        data["publisher"] = _organisation(page.provider, context)
    if image_url:
        data["image"] = image_url
    media = [
        {
            "@type": "MediaObject",
            "name": document.title,
            "contentUrl": absolute(base_url, document.url),
            "encodingFormat": "application/pdf",
        }
        for document in pdfs
    ]
    if media:
        data["associatedMedia"] = media

    if isinstance(page, TalkPage):
        _talk(page, data, context=context, image_url=image_url)
    elif isinstance(page, CaseStudyPage):
        if page.city_id:
            data["contentLocation"] = {
                "@type": "Place",
                "name": page.city.name,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": page.city.name,
                    "addressCountry": page.city.country,
                },
            }
        if page.period:
            data["temporalCoverage"] = page.period
        organisations = [_organisation(org, context) for org in page.organisations.all()]
        if organisations:
            data["mentions"] = organisations
    else:
        event = getattr(page, "event", None)
        if event is not None:
            data["about"] = _event(event, context)
    return data


def _talk(page, data, *, context, image_url):
    canonical = context.canonical_url
    if page.item_language and page.item_language != "mul":
        data["inLanguage"] = page.item_language
    published = page.first_published_at or page.last_published_at
    data["uploadDate"] = published.isoformat() if published else data["datePublished"]
    if image_url:
        data["thumbnailUrl"] = image_url
    if page.duration_seconds:
        data["duration"] = iso_duration(page.duration_seconds)
    if page.recording_id:
        data["contentUrl"] = absolute(context.base_url, page.recording.url)
    elif page.external_embed_url:
        data["embedUrl"] = page.external_embed_url
        data["sameAs"] = page.external_video_url
    tracks = page.transcripts
    if tracks:
        data["transcript"] = " ".join(segment.text for segment in tracks[0].segments.all())
    chapters = list(page.chapters.all())
    if chapters:
        clips = []
        for position, chapter in enumerate(chapters):
            clip = {
                "@type": "Clip",
                "name": chapter.title,
                "startOffset": chapter.start_seconds,
                "url": f"{canonical}?t={chapter.start_seconds}",
            }
            following = chapters[position + 1] if position + 1 < len(chapters) else None
            end = following.start_seconds if following else page.duration_seconds
            if end:
                clip["endOffset"] = end
            clips.append(clip)
        data["hasPart"] = clips
    data["potentialAction"] = {
        "@type": "SeekToAction",
        "target": f"{canonical}?t={{seek_to_second_number}}",
        "startOffset-input": "required name=seek_to_second_number",
    }
    if page.event_id:
        data["recordedAt"] = _event(page.event, context)

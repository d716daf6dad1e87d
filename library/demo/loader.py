"""Builds the sample library from ``library.demo.content``.

Create-only and keyed by slug: anything that already exists is left as it is
(an editor may have changed it), so running the loader twice changes nothing.
Russian is the source language; English translations are made with Wagtail's
``copy_for_translation`` so they stay linked to their Russian originals.
"""

import datetime
from dataclasses import dataclass, field
from html import escape

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Locale, Page
from wagtailmedia.models import Media

from ..models import (
    CaptionTrack,
    CaseStudyPage,
    City,
    Event,
    ItemAttachment,
    ItemPerson,
    LibraryDocument,
    LibraryImage,
    LibraryIndexPage,
    MaterialPage,
    Organisation,
    PolicyBriefPage,
    Speaker,
    TalkChapter,
    TalkPage,
    Topic,
)
from ..models.choices import PersonRole
from ..tasks import extract_document
from . import assets, content

SOURCE = "ru"
TRANSLATIONS = ("en",)
LIBRARY_SLUG = "library"
LIBRARY_TITLES = {"ru": "Библиотека", "kk": "Кітапхана", "en": "Library"}
HOME_TITLES = {"ru": "МыАлматы", "kk": "МыАлматы", "en": "WeAlmaty"}
LIBRARY_INTROS = {
    "ru": "Записи выступлений, материалы спикеров, кейсы и аналитические записки программы «МыАлматы».",
    "kk": "«МыАлматы» бағдарламасының баяндамалары, материалдары мен кейстері.",
    "en": "Talk recordings, speaker materials, case studies and policy briefs from the WeAlmaty programme.",
}


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


def paragraphs_html(text: str) -> str:
    """Plain text with blank-line paragraphs, as rich text HTML."""
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


class DemoLoader:
    def __init__(self):
        self.report = LoadReport()
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "kk", "en")
        }
        self.snippets: dict[tuple[type, str], object] = {}

    # --- helpers -------------------------------------------------------------

    def text(self, value, language=SOURCE):
        if isinstance(value, dict):
            return value.get(language) or value.get(SOURCE) or ""
        return value or ""

    def snippet(self, model, key, language=SOURCE):
        source = self.snippets.get((model, key))
        if source is None:
            return None
        if language == SOURCE:
            return source
        return source.get_translation_or_none(self.locales[language]) or source

    def upsert_snippet(self, model, key, values):
        """Create the Russian snippet and its translations if missing."""
        source = model.objects.filter(slug=key, locale=self.locales[SOURCE]).first()
        if source is None:
            source = model(slug=key, locale=self.locales[SOURCE], **values(SOURCE))
            source.save()
            self.report.add(f"{model._meta.verbose_name}: {source}")
        self.snippets[(model, key)] = source
        for language in self.translation_languages(model):
            if source.has_translation(self.locales[language]):
                continue
            translation = source.copy_for_translation(self.locales[language])
            for name, value in values(language).items():
                setattr(translation, name, value)
            translation.save()
        return source

    def translation_languages(self, model):
        # Topics and cities are short names: they get a Kazakh translation too.
        return ("kk", "en") if model in (Topic, City) else TRANSLATIONS

    def image(self, title, seed):
        existing = LibraryImage.objects.filter(title=title).first()
        if existing:
            return existing
        data = assets.make_cover_image(title, seed)
        image = LibraryImage(title=title, credit="WeAlmaty (generated sample image)", licence="cc-by-4.0")
        image.file = ImageFile(ContentFile(data), name=f"{seed}.png")
        image._set_image_file_metadata()
        image.save()
        self.report.add(f"image: {title}")
        return image

    def document(self, title, filename, data, language=""):
        existing = LibraryDocument.objects.filter(title=title).first()
        if existing:
            return existing
        document = LibraryDocument(title=title, language=language)
        document.file.save(filename, ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
        # Extract now rather than on commit, so the demo is searchable at once.
        extract_document(document)
        self.report.add(f"document: {title}")
        return document

    def media(self, title, filename, data, duration):
        existing = Media.objects.filter(title=title).first()
        if existing:
            return existing
        media = Media(title=title, type="audio", duration=duration)
        media.file.save(filename, ContentFile(data), save=False)
        media.save()
        self.report.add(f"media: {title}")
        return media

    # --- tree ------------------------------------------------------------------

    def home_and_index(self):
        home = Page.objects.get(depth=2, locale=self.locales[SOURCE]).specific
        programme = content.PROGRAMME
        if not home.intro:
            home.title = HOME_TITLES[SOURCE]
            home.intro = paragraphs_html(self.text(programme["intro"]))
            home.key_figures = [
                ("figure", {"value": figure["value"], "label": self.text(figure["label"])})
                for figure in programme["figures"]
            ]
            home.save_revision().publish()
            self.report.add("home page")
        self.homes = {SOURCE: home}
        for language in ("kk", "en"):
            translation = home.get_translation_or_none(self.locales[language])
            if translation is None:
                translation = home.copy_for_translation(self.locales[language])
                translation.title = HOME_TITLES[language]
                translation.intro = (
                    paragraphs_html(self.text(programme["intro"], language)) if language == "en" else ""
                )
                translation.key_figures = (
                    [
                        ("figure", {"value": figure["value"], "label": self.text(figure["label"], language)})
                        for figure in programme["figures"]
                    ]
                    if language == "en"
                    else []
                )
                translation.save_revision().publish()
                self.report.add(f"home page ({language})")
            self.homes[language] = translation.specific

        index = LibraryIndexPage.objects.child_of(home).filter(slug=LIBRARY_SLUG).first()
        if index is None:
            index = LibraryIndexPage(
                title=LIBRARY_TITLES[SOURCE], slug=LIBRARY_SLUG, intro=paragraphs_html(LIBRARY_INTROS[SOURCE])
            )
            home.add_child(instance=index)
            index.save_revision().publish()
            self.report.add("library index")
        self.index = index
        for language in ("kk", "en"):
            if index.get_translation_or_none(self.locales[language]) is None:
                translation = index.copy_for_translation(self.locales[language])
                translation.title = LIBRARY_TITLES[language]
                translation.intro = paragraphs_html(LIBRARY_INTROS[language])
                translation.save_revision().publish()

    # --- snippets ----------------------------------------------------------------

    def load_snippets(self):
        for org in content.ORGANISATIONS:
            self.upsert_snippet(
                Organisation,
                org["key"],
                lambda lang, org=org: {
                    "name": self.text(org["name"], lang),
                    "short_name": self.text(org.get("short_name"), lang)[:60],
                    "role": org["role"],
                    "url": org.get("url", ""),
                    "description": self.text(org.get("description"), lang),
                    "programme_partner": org.get("programme_partner", org["key"] in PROGRAMME_PARTNERS),
                },
            )
        for city in content.CITIES:
            self.upsert_snippet(
                City,
                city["key"],
                lambda lang, city=city: {
                    "name": self.text(city["name"], lang),
                    "country": self.text(city["country"], lang),
                },
            )
        for position, topic in enumerate(content.TOPICS):
            self.upsert_snippet(
                Topic,
                topic["key"],
                lambda lang, topic=topic, position=position: {
                    "name": self.text(topic["name"], lang),
                    "description": self.text(topic.get("description"), lang),
                    "sort_order": position,
                },
            )
        for speaker in content.SPEAKERS:
            self.upsert_snippet(
                Speaker,
                speaker["key"],
                lambda lang, speaker=speaker: {
                    "name": self.text(speaker["name"], lang),
                    "role": self.text(speaker.get("role"), lang)[:255],
                    "bio": self.text(speaker.get("bio"), lang),
                    "organisation": self.snippet(Organisation, speaker["organisation"], lang)
                    if speaker.get("organisation")
                    else None,
                },
            )
        for event in content.EVENTS:
            source = self.upsert_snippet(
                Event,
                event["key"],
                lambda lang, event=event: {
                    "title": self.text(event["title"], lang),
                    "number": event.get("number"),
                    "date": datetime.date.fromisoformat(event["date"]),
                    "city": self.snippet(City, event["city"], lang),
                    "venue": self.text(event.get("venue"), lang),
                    "description": self.text(event.get("description"), lang),
                },
            )
            for language in (SOURCE, *TRANSLATIONS):
                instance = self.snippet(Event, event["key"], language)
                if not instance.organisers.exists():
                    instance.organisers.set(
                        [self.snippet(Organisation, key, language) for key in event.get("organisers", [])]
                    )
                    instance.save()
            del source

    # --- pages -------------------------------------------------------------------

    def common_fields(self, record, language):
        return {
            "title": self.text(record["title"], language),
            "summary": self.text(record["summary"], language),
            "item_language": record.get("language", "ru"),
            "provider": self.snippet(Organisation, record.get("provider", "kbtu"), language),
            "is_sample": True,
        }

    def relate(self, page, record, language, role=PersonRole.AUTHOR):
        """Point a page's topics and people at the snippets of its language."""
        page.topics.set([self.snippet(Topic, key, language) for key in record.get("topics", [])])
        people = record.get("speakers") or record.get("authors") or []
        page.people = [
            ItemPerson(person=self.snippet(Speaker, key, language), role=role, sort_order=position)
            for position, key in enumerate(people)
        ]

    def create_page(self, model, record, build, *, publication_date):
        """Create the Russian page and its translations, unless it exists."""
        slug = record["key"]
        existing = model.objects.filter(slug=slug, locale=self.locales[SOURCE]).first()
        if existing is not None:
            return existing
        page = model(slug=slug, publication_date=publication_date, **self.common_fields(record, SOURCE))
        build(page, SOURCE)
        self.index.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"{model._meta.verbose_name}: {page.title}")
        for language in TRANSLATIONS:
            translation = page.copy_for_translation(self.locales[language])
            for name, value in self.common_fields(record, language).items():
                setattr(translation, name, value)
            build(translation, language)
            translation.save_revision().publish()
        return page

    def load_talks(self):
        for record in content.TALKS:
            date = datetime.date.fromisoformat(record["date"])
            slides_record = next((m for m in content.MATERIALS if m.get("talk") == record["key"]), None)
            audio = self.media(
                self.text(record["title"], "en"),
                f"{record['key']}.wav",
                assets.make_talk_audio(record["duration_seconds"], [c["start"] for c in record["chapters"]]),
                record["duration_seconds"],
            )
            captions = {
                language: self.document(
                    f"{self.text(record['title'], 'en')} — captions ({language})",
                    f"{record['key']}.{language}.vtt",
                    vtt.encode("utf-8"),
                    language,
                )
                for language, vtt in record["transcript"].items()
            }
            cover = self.image(self.text(record["title"], "en"), record["key"])

            def build(page, language, record=record, date=date, audio=audio, cover=cover, captions=captions):
                page.event = self.snippet(Event, record["event"], language)
                page.talk_date = date
                page.duration_seconds = record["duration_seconds"]
                page.recording = audio
                page.cover_image = cover
                page.chapters = [
                    TalkChapter(
                        start_seconds=chapter["start"],
                        title=self.text(chapter["title"], language),
                        sort_order=i,
                    )
                    for i, chapter in enumerate(record["chapters"])
                ]
                spoken = record.get("language", "en")
                page.caption_tracks = [
                    CaptionTrack(
                        language=track_language,
                        kind="captions" if track_language == spoken else "subtitles",
                        document=document,
                        sort_order=i,
                    )
                    for i, (track_language, document) in enumerate(captions.items())
                ]
                self.relate(page, record, language, role=PersonRole.SPEAKER)

            self.create_page(TalkPage, record, build, publication_date=date)
            if slides_record:
                self.load_material(slides_record, date)

    def load_material(self, record, date):
        talk = TalkPage.objects.get(slug=record["talk"], locale=self.locales[SOURCE])
        speakers = [
            self.text(self.snippet_record(content.SPEAKERS, key)["name"], "en")
            for key in record.get("speakers", [])
        ]
        pdf = self.document(
            self.text(record["title"], "en"),
            f"{record['key']}.pdf",
            assets.make_slides_pdf(self.text(record["title"], "en"), ", ".join(speakers), record["slides"]),
            record.get("language", "en"),
        )

        def build(page, language):
            page.material_type = record.get("material_type", "slides")
            page.talk = (
                talk if language == SOURCE else (talk.get_translation_or_none(self.locales[language]) or talk)
            )
            page.event = self.snippet(Event, record["event"], language) if record.get("event") else None
            page.attachments = [ItemAttachment(document=pdf, sort_order=0)]
            self.relate(page, record, language)

        self.create_page(MaterialPage, record, build, publication_date=date)

    @staticmethod
    def snippet_record(records, key):
        return next(record for record in records if record["key"] == key)

    def load_case_studies(self):
        for record in content.CASE_STUDIES:
            cover = self.image(self.text(record["title"], "en"), record["key"])

            def build(page, language, record=record, cover=cover):
                page.city = self.snippet(City, record["city"], language) if record.get("city") else None
                page.period = self.text(record.get("period"), language)
                page.cover_image = cover
                for name in ("challenge", "approach", "outcomes", "lessons"):
                    setattr(page, name, paragraphs_html(self.text(record.get(name), language)))
                page.recommendations = [
                    ("recommendation", self.text(item, language))
                    for item in record.get("recommendations", [])
                ]
                page.sources = [
                    (
                        "reference",
                        {
                            "title": source["title"],
                            "authors": source.get("publisher", ""),
                            "year": source.get("year"),
                            "url": source.get("url", ""),
                            "note": "",
                        },
                    )
                    for source in record.get("sources", [])
                ]
                self.relate(page, record, language)
                page.organisations.set(
                    [self.snippet(Organisation, key, language) for key in record.get("organisations", [])]
                )

            self.create_page(
                CaseStudyPage,
                record,
                build,
                publication_date=datetime.date.fromisoformat(record["publication_date"]),
            )

    def load_policy_briefs(self):
        for record in content.POLICY_BRIEFS:

            def build(page, language, record=record):
                page.key_recommendations = [
                    ("recommendation", self.text(item, language))
                    for item in record.get("key_recommendations", [])
                ]
                body = []
                for section in record.get("body", []):
                    body.append(("heading", {"text": self.text(section["heading"], language), "level": "h2"}))
                    body.append(("paragraph", paragraphs_html(self.text(section["text"], language))))
                page.body = body
                self.relate(page, record, language)

            self.create_page(
                PolicyBriefPage,
                record,
                build,
                publication_date=datetime.date.fromisoformat(record["publication_date"]),
            )

    def link_related(self):
        """The talk, its slides and the Baltic Triangle case study point to each other."""
        from ..models import ItemRelation, LibraryItemPage

        for keys in related_groups():
            for language in (SOURCE, *TRANSLATIONS):
                pages = [
                    LibraryItemPage.objects.filter(slug=key, locale=self.locales[language]).first()
                    for key in keys
                ]
                pages = [page for page in pages if page is not None]
                for page in pages:
                    if ItemRelation.objects.filter(page=page).exists():
                        continue
                    page = page.specific
                    page.related_links = [
                        ItemRelation(target=other, sort_order=i)
                        for i, other in enumerate(p for p in pages if p.pk != page.pk)
                    ]
                    page.save_revision().publish()

    @transaction.atomic
    def load(self) -> LoadReport:
        self.home_and_index()
        self.load_snippets()
        self.load_talks()
        self.load_case_studies()
        self.load_policy_briefs()
        self.link_related()
        return self.report


# The five organisations that run and fund the programme.
PROGRAMME_PARTNERS = {
    "european-union",
    "british-council",
    "akimat-almaty",
    "almaty-development-center",
    "kbtu",
}


def related_groups():
    """Each case study with the talks it draws on and those talks' materials."""
    for case in content.CASE_STUDIES:
        talks = case.get("talks", [])
        if talks:
            materials = [m["key"] for m in content.MATERIALS if m.get("talk") in talks]
            yield [case["key"], *talks, *materials]

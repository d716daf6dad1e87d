"""Editors create every page type through the Wagtail admin form."""

import datetime

from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from library.factories import (
    DocumentFactory,
    EventFactory,
    LibraryIndexPageFactory,
    OrganisationFactory,
    SpeakerFactory,
    TopicFactory,
)
from library.models import (
    CaseStudyPage,
    LibraryIndexPage,
    LibraryItemPage,
    MaterialPage,
    PolicyBriefPage,
    TalkPage,
)

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Erika Rushton>Добрый день, Алматы!\n"


def item_data(title, **extra):
    """The fields every library item's admin form needs."""
    return {
        "title": title,
        "summary": "Краткое описание материала.",
        "publication_date": "2018-07-21",
        "item_language": "ru",
        "licence": "cc-by-4.0",
        "people": inline_formset([]),
        "attachments": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        **extra,
    }


class TreeRulesTests(WagtailPageTestCase):
    def test_home_holds_only_the_library_index(self):
        self.assertAllowedSubpageTypes(HomePage, {LibraryIndexPage})

    def test_library_index_holds_the_four_item_types(self):
        self.assertAllowedSubpageTypes(
            LibraryIndexPage, {TalkPage, MaterialPage, CaseStudyPage, PolicyBriefPage}
        )

    def test_items_live_only_in_the_library_index(self):
        for model in (TalkPage, MaterialPage, CaseStudyPage, PolicyBriefPage):
            self.assertAllowedParentPageTypes(model, {LibraryIndexPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(HomePage, model)

    def test_the_abstract_base_item_cannot_be_created(self):
        self.assertFalse(LibraryItemPage.is_creatable)
        self.assertCanNotCreateAt(LibraryIndexPage, LibraryItemPage)


class CreateThroughAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Page.objects.get(depth=2).specific
        cls.index = LibraryIndexPageFactory(parent=cls.home)
        cls.topic = TopicFactory(name="Плейсмейкинг", slug="placemaking")
        cls.provider = OrganisationFactory(name="КБТУ", slug="kbtu")
        cls.speaker = SpeakerFactory(name="Эрика Раштон", slug="erika-rushton")
        cls.event = EventFactory(title="V форум #МыАлматы", slug="forum-5")

    def setUp(self):
        self.login()

    def common(self, title, **extra):
        return item_data(
            title,
            provider=self.provider.pk,
            people=inline_formset([{"person": self.speaker.pk, "role": "speaker"}]),
            **extra,
        )

    def form_data(self, data, **many):
        """Flatten for posting; many-to-many values are added as lists, which
        nested_form_data would otherwise index like formset rows."""
        flat = nested_form_data(data)
        flat["topics"] = [self.topic.pk]
        flat.update(many)
        return flat

    def test_create_talk_with_transcript_and_chapters(self):
        captions = DocumentFactory(title="captions", filename="talk.ru.vtt", content=VTT.encode())
        data = self.common(
            "Как создаются успешные городские пространства",
            slug="placemaking-talk",
            event=self.event.pk,
            talk_date="2018-07-21",
            duration_seconds="330",
            video_provider="",
            video_id="https://youtu.be/dQw4w9WgXcQ",
            description=streamfield([("paragraph", rich_text("<p>Запись выступления.</p>"))]),
            chapters=inline_formset([{"start_seconds": "0", "title": "Вступление"}]),
            caption_tracks=inline_formset([{"language": "ru", "kind": "captions", "document": captions.pk}]),
        )
        self.assertCanCreate(self.index, TalkPage, self.form_data(data))
        talk = TalkPage.objects.get(slug="placemaking-talk")
        self.assertTrue(talk.live)
        self.assertEqual((talk.video_provider, talk.video_id), ("youtube", "dQw4w9WgXcQ"))
        self.assertEqual([t.slug for t in talk.topics.all()], ["placemaking"])
        self.assertEqual(talk.people.get().person, self.speaker)
        segment = talk.caption_tracks.get().segments.get()
        self.assertEqual((float(segment.start), segment.speaker), (1.0, "Erika Rushton"))
        self.assertEqual(talk.licence, "cc-by-4.0")

    def test_create_material(self):
        slides = DocumentFactory(title="slides", filename="slides.txt", content=b"Baltic Triangle")
        data = self.common(
            "Слайды",
            slug="slides",
            material_type="slides",
            event=self.event.pk,
            description=streamfield([]),
            attachments=inline_formset([{"document": slides.pk, "title": ""}]),
        )
        self.assertCanCreate(self.index, MaterialPage, self.form_data(data))
        material = MaterialPage.objects.get(title="Слайды")
        self.assertEqual(material.attachments.get().document, slides)

    def case_study(self, title, slug):
        return self.common(
            title,
            slug=slug,
            period="2008–2018",
            challenge=rich_text("<p>Кризис.</p>"),
            approach=rich_text("<p>Креативный хаб.</p>"),
            outcomes=rich_text(""),
            lessons=rich_text(""),
            recommendations=streamfield([("recommendation", "Верить в рискованные идеи.")]),
            sources=streamfield(
                [
                    (
                        "reference",
                        {
                            "title": "Пресс-релиз",
                            "authors": "British Council",
                            "year": "2018",
                            "url": "",
                            "note": "",
                        },
                    )
                ]
            ),
            gallery=inline_formset([]),
        )

    def test_create_case_study(self):
        data = self.case_study("Baltic Triangle, Ливерпуль", "baltic-triangle")
        self.assertCanCreate(
            self.index, CaseStudyPage, self.form_data(data, organisations=[self.provider.pk])
        )
        case = CaseStudyPage.objects.get(title="Baltic Triangle, Ливерпуль")
        self.assertEqual(list(case.organisations.all()), [self.provider])
        self.assertEqual(list(case.topics.all()), [self.topic])
        self.assertEqual(case.recommendations[0].value, "Верить в рискованные идеи.")
        self.assertEqual(case.sources[0].value["year"], 2018)

    def test_item_form_offers_only_snippets_of_the_page_language(self):
        english = Locale.objects.get(language_code="en")
        english_topic = TopicFactory(name="Placemaking (en)", slug="placemaking", locale=english)
        english_partner = OrganisationFactory(name="KBTU (en)", slug="kbtu", locale=english)
        url = reverse("wagtailadmin_pages:add", args=("library", "casestudypage", self.index.pk))
        response = self.client.get(url)
        form = response.context["form"]
        self.assertEqual(list(form.fields["topics"].queryset), [self.topic])
        organisations = form.fields["organisations"].queryset
        self.assertIn(self.provider, organisations)
        self.assertNotIn(english_partner, organisations)
        self.assertContains(response, "Плейсмейкинг")
        self.assertNotContains(response, "Placemaking (en)")
        # A topic of another language posted anyway is refused, and nothing is saved.
        data = self.case_study("Чужая тема", "foreign-topic")
        response = self.client.post(
            url, self.form_data(data, topics=[english_topic.pk], organisations=[english_partner.pk])
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors.get("topics"))
        self.assertFalse(CaseStudyPage.objects.filter(slug="foreign-topic").exists())

    def test_create_policy_brief(self):
        data = self.common(
            "Интегрированный транспорт",
            slug="integrated-transport",
            key_recommendations=streamfield([("recommendation", "Начинать с пешехода.")]),
            body=streamfield(
                [
                    ("heading", {"text": "Контекст", "level": "h2"}),
                    ("paragraph", rich_text("<p>Текст записки.</p>")),
                ]
            ),
            pdf="",
        )
        self.assertCanCreate(self.index, PolicyBriefPage, self.form_data(data))
        brief = PolicyBriefPage.objects.get(title="Интегрированный транспорт")
        self.assertEqual(brief.publication_date, datetime.date(2018, 7, 21))
        self.assertEqual(brief.body[0].value["text"], "Контекст")

    def test_library_index(self):
        home = HomePage.objects.get(pk=self.home.pk)
        # Only one index per home is expected, but the form itself must work.
        data = nested_form_data(
            {"title": "Архив", "slug": "archive", "intro": rich_text(""), "comments": inline_formset([])}
        )
        self.assertCanCreate(home, LibraryIndexPage, data)

    def test_malformed_caption_file_is_refused_with_its_line_number(self):
        broken = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nOK\n\n00:00:xx.000 --> 00:00:09.000\nBroken\n"
        captions = DocumentFactory(title="broken", filename="broken.vtt", content=broken.encode())
        data = self.common(
            "Выступление с битыми субтитрами",
            event=self.event.pk,
            description=streamfield([]),
            chapters=inline_formset([]),
            caption_tracks=inline_formset([{"language": "ru", "kind": "captions", "document": captions.pk}]),
            slug="broken-captions",
            **{"action-publish": "action-publish"},
        )
        url = f"/admin/pages/add/library/talkpage/{self.index.pk}/"
        response = self.client.post(url, nested_form_data(data))
        self.assertEqual(response.status_code, 200)
        # In the editor's language (the admin is Russian here), with the line.
        self.assertContains(response, "строка 6: неверная отметка времени")
        self.assertFalse(TalkPage.objects.filter(slug="broken-captions").exists())

    def test_unknown_video_address_is_refused(self):
        data = self.common(
            "Видео с неизвестного сайта",
            video_provider="",
            video_id="https://example.org/video/1",
            description=streamfield([]),
            chapters=inline_formset([]),
            caption_tracks=inline_formset([]),
            slug="unknown-video",
            **{"action-publish": "action-publish"},
        )
        response = self.client.post(
            f"/admin/pages/add/library/talkpage/{self.index.pk}/", nested_form_data(data)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("video_id", response.context["form"].errors)
        self.assertFalse(TalkPage.objects.filter(slug="unknown-video").exists())


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class EditorWorkflowTests(WagtailPageTestCase):
    """Drafts, previews, scheduling, unpublishing and revisions work for items."""

    @classmethod
    def setUpTestData(cls):
        from library.factories import PolicyBriefPageFactory

        cls.home = Page.objects.get(depth=2).specific
        cls.index = LibraryIndexPageFactory(parent=cls.home)
        cls.index.save_revision().publish()
        cls.brief = PolicyBriefPageFactory(parent=cls.index, title="Черновик записки", live=False)

    def setUp(self):
        self.login()

    def test_preview_renders_the_draft(self):
        data = nested_form_data(
            item_data(
                self.brief.title,
                slug=self.brief.slug,
                key_recommendations=streamfield([("recommendation", "Начинать с пешехода.")]),
                body=streamfield([("paragraph", rich_text("<p>Предпросмотр.</p>"))]),
                pdf="",
            )
        )
        self.assertPageIsPreviewable(self.brief, post_data=data)

    def test_draft_then_publish_then_unpublish(self):
        brief = self.brief
        brief.title = "Опубликованная записка"
        revision = brief.save_revision()
        self.assertFalse(PolicyBriefPage.objects.get(pk=brief.pk).live)
        revision.publish()
        self.assertTrue(PolicyBriefPage.objects.get(pk=brief.pk).live)
        response = self.client.post(f"/admin/pages/{brief.pk}/unpublish/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(PolicyBriefPage.objects.get(pk=brief.pk).live)
        self.assertEqual(brief.revisions.count(), 1)
        history = self.client.get(f"/admin/pages/{brief.pk}/history/")
        self.assertEqual(history.status_code, 200)

    def test_scheduled_publication_waits_for_its_time(self):
        from django.utils import timezone

        brief = self.brief
        brief.go_live_at = timezone.now() + datetime.timedelta(days=1)
        brief.save_revision().publish()
        brief.refresh_from_db()
        self.assertFalse(brief.live)
        self.assertIsNotNone(brief.get_latest_revision().approved_go_live_at)

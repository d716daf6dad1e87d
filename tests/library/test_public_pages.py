"""Every page type and listing renders from the demo library, in ru and en,
and nothing unpublished or private shows up in lists or the sitemap."""

import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils.html import escape
from wagtail.models import Locale, Page, PageViewRestriction

from library.demo.loader import DemoLoader
from library.models import (
    CaseStudyPage,
    City,
    Event,
    LibraryItemPage,
    MaterialPage,
    Organisation,
    PolicyBriefPage,
    Speaker,
    TalkPage,
    Topic,
)


class DemoLibraryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        DemoLoader().load()
        cls.ru = Locale.objects.get(language_code="ru")
        cls.en = Locale.objects.get(language_code="en")


def counts():
    models = [Page, LibraryItemPage, Topic, City, Organisation, Speaker, Event]
    return {model.__name__: model.objects.count() for model in models}


class LoadDemoTests(DemoLibraryTestCase):
    def test_running_twice_changes_nothing(self):
        before = counts()
        revisions = TalkPage.objects.get(locale=self.ru).revisions.count()
        call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(counts(), before)
        self.assertEqual(TalkPage.objects.get(locale=self.ru).revisions.count(), revisions)

    def test_admin_login_is_printed_for_where_the_site_runs(self):
        output = StringIO()
        with tempfile.TemporaryDirectory() as var, override_settings(VAR_DIR=Path(var)):
            call_command("load_demo", "--site-url", "http://127.0.0.1:8765/", stdout=output)
        self.assertIn("Admin login: http://127.0.0.1:8765/admin/  user: admin  password: ", output.getvalue())
        self.assertTrue(get_user_model().objects.get(username="admin").is_superuser)

    def test_what_the_demo_holds(self):
        ru_items = LibraryItemPage.objects.filter(locale=self.ru).live()
        self.assertEqual(ru_items.type(TalkPage).count(), 1)
        self.assertEqual(ru_items.type(MaterialPage).count(), 1)
        self.assertEqual(ru_items.type(CaseStudyPage).count(), 5)
        self.assertEqual(ru_items.type(PolicyBriefPage).count(), 8)
        self.assertTrue(all(item.is_sample for item in ru_items))
        # Every Russian item has its English translation, linked by translation key.
        for item in ru_items:
            self.assertIsNotNone(item.get_translation_or_none(self.en), item)
        partners = set(
            Organisation.objects.filter(locale=self.ru, programme_partner=True).values_list("slug", flat=True)
        )
        self.assertEqual(
            partners,
            {"european-union", "british-council", "akimat-almaty", "almaty-development-center", "kbtu"},
        )
        self.assertEqual(Topic.objects.filter(locale=self.ru).count(), 10)
        event = Event.objects.get(locale=self.ru)
        self.assertEqual((event.number, event.date.isoformat(), event.city.slug), (5, "2018-07-21", "almaty"))

    def test_the_talk_has_a_playable_recording_transcripts_and_slides(self):
        talk = TalkPage.objects.get(locale=self.ru)
        self.assertEqual(talk.recording.type, "audio")
        self.assertTrue(talk.recording.file.read(4) == b"RIFF")
        self.assertEqual({t.language for t in talk.caption_tracks.all()}, {"ru", "en"})
        self.assertTrue(all(t.segments.count() > 10 for t in talk.caption_tracks.all()))
        slides = MaterialPage.objects.get(locale=self.ru, talk=talk)
        pdf = slides.attachments.get().document
        self.assertEqual(pdf.extraction_status, "done")
        self.assertIn("Baltic Triangle", " ".join(pdf.page_texts.values_list("text", flat=True)))


class PublicPagesTests(DemoLibraryTestCase):
    def get_ok(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_home_pages_in_every_language(self):
        for prefix, text in (("/ru/", "/ru/library/"), ("/en/", "/en/library/"), ("/kk/", "/kk/library/")):
            response = self.get_ok(prefix)
            self.assertContains(response, f'<html lang="{prefix.strip("/")}">')
            self.assertContains(response, text)

    def test_root_redirects_to_a_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_every_item_renders_with_provider_licence_and_attachments(self):
        for item in LibraryItemPage.objects.live().specific():
            response = self.get_ok(item.url)
            self.assertContains(response, escape(item.title))
            self.assertContains(response, 'rel="license"')
            if item.provider:
                self.assertContains(response, item.provider.name)
            for attachment in item.attachments.all():
                self.assertContains(response, attachment.document.url)

    def test_talk_page_shows_player_transcript_chapters_and_slides(self):
        talk = TalkPage.objects.get(locale=self.ru)
        response = self.get_ok(talk.url)
        self.assertContains(response, "<audio")
        self.assertContains(response, talk.recording.url)
        self.assertContains(response, 'href="?t=0"')
        first = talk.caption_tracks.get(language="ru").segments.first()
        self.assertContains(response, first.text)
        self.assertContains(response, "captions/ru/")
        slides = MaterialPage.objects.get(locale=self.ru)
        self.assertContains(response, slides.url)

    def test_slides_show_their_pdf_with_size(self):
        slides = MaterialPage.objects.get(locale=self.ru)
        response = self.get_ok(slides.url)
        self.assertContains(response, "PDF, ")
        self.assertContains(response, "КБ")

    def test_captions_route_serves_webvtt(self):
        talk = TalkPage.objects.get(locale=self.en)
        response = self.get_ok(talk.url + "captions/en/")
        self.assertEqual(response["Content-Type"], "text/vtt; charset=utf-8")
        self.assertTrue(response.content.startswith(b"WEBVTT"))
        self.assertEqual(self.client.get(talk.url + "captions/xx/").status_code, 404)

    def test_listings_and_directories(self):
        for url in [
            "/ru/library/",
            "/en/library/",
            "/ru/library/topics/",
            "/ru/library/speakers/",
            "/ru/library/events/",
            "/ru/library/organisations/",
            "/ru/library/cities/",
            "/ru/library/topics/placemaking/",
            "/ru/library/speakers/erika-rushton/",
            "/ru/library/events/urban-forum-5-placemaking/",
            "/ru/library/organisations/kbtu/",
            "/ru/library/cities/liverpool/",
            "/en/library/speakers/erika-rushton/",
        ]:
            self.get_ok(url)

    def test_speaker_listing_lists_their_items(self):
        response = self.get_ok("/ru/library/speakers/erika-rushton/")
        talk = TalkPage.objects.get(locale=self.ru)
        slides = MaterialPage.objects.get(locale=self.ru)
        self.assertEqual({item.pk for item in response.context["items"]}, {talk.pk, slides.pk})

    def test_filters_by_type_and_topic(self):
        response = self.get_ok("/ru/library/?type=policy-brief")
        self.assertEqual(response.context["items"].paginator.count, 8)
        response = self.get_ok("/ru/library/?type=case-study&type=talk")
        self.assertEqual(response.context["items"].paginator.count, 6)
        response = self.get_ok("/ru/library/?topic=integrated-transport&type=policy-brief")
        self.assertEqual(response.context["items"].paginator.count, 1)

    def test_bad_query_parameters_never_break_the_listing(self):
        for query in [
            "?page=abc",
            "?page=-1",
            "?page=99999",
            "?type=nonsense",
            "?topic=%00",
            "?type=talk&page=0",
        ]:
            self.get_ok("/ru/library/" + query)

    def test_unknown_listing_is_a_404(self):
        for url in ["/ru/library/topics/no-such-topic/", "/ru/library/speakers/nobody/", "/ru/no-such-page/"]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_newest_items_come_first(self):
        items = list(self.get_ok("/ru/library/").context["items"])
        dates = [item.publication_date for item in items]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_sample_content_is_marked(self):
        response = self.get_ok(CaseStudyPage.objects.filter(locale=self.ru).first().url)
        self.assertContains(response, "badge--sample")


class VisibilityTests(DemoLibraryTestCase):
    """Drafts, unpublished and private items never appear in lists or the sitemap."""

    def setUp(self):
        self.brief = PolicyBriefPage.objects.get(locale=self.ru, slug="brief-smart-city")

    def assert_hidden(self, title):
        for url in ["/ru/library/", "/ru/library/topics/smart-city/", "/ru/", "/sitemap.xml"]:
            response = self.client.get(url)
            self.assertNotContains(response, title, msg_prefix=url)

    def test_unpublished_item_is_hidden(self):
        self.brief.unpublish()
        self.assert_hidden(self.brief.title)
        self.assertEqual(self.client.get(self.brief.url or "/ru/library/brief-smart-city/").status_code, 404)

    def test_private_item_is_hidden(self):
        PageViewRestriction.objects.create(page=self.brief, restriction_type="login")
        self.assert_hidden(self.brief.title)

    def test_draft_changes_are_not_shown(self):
        self.brief.title = "Черновой заголовок"
        self.brief.save_revision()
        self.assert_hidden("Черновой заголовок")
        self.assertContains(
            self.client.get("/ru/library/"), PolicyBriefPage.objects.get(pk=self.brief.pk).title
        )

    def test_directory_counts_only_live_items(self):
        response = self.client.get("/ru/library/topics/")
        smart = next(entry for entry in response.context["entries"] if entry.slug == "smart-city")
        before = smart.item_count
        self.brief.unpublish()
        response = self.client.get("/ru/library/topics/")
        smart = next(entry for entry in response.context["entries"] if entry.slug == "smart-city")
        self.assertEqual(smart.item_count, before - 1)

"""The search as a visitor and an editor meet it: pages reach the index by
publishing, leave it by unpublishing, and the HTML page and JSON API keep
their contract. Runs on the database's own engine (SQLite or PostgreSQL)."""

import json

import pytest
from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction, Site

from library.demo.loader import DemoLoader
from library.models import CaseStudyPage, PolicyBriefPage, Speaker, TalkPage
from search.engines import get_engine
from search.indexing import expected_ids
from search.models import QueryStat


class SiteSearchTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        DemoLoader().load()
        cls.ru = Locale.objects.get(language_code="ru")
        cls.en = Locale.objects.get(language_code="en")

    def api(self, **params):
        response = self.client.get("/api/search/", params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return json.loads(response.content)

    def ids(self, **params):
        return [result["id"] for result in self.api(**params)["results"]]


class IndexFollowsPublishingTests(SiteSearchTestCase):
    def test_demo_library_is_indexed_by_publishing(self):
        self.assertEqual(get_engine().indexed_ids(), expected_ids())

    def test_unpublish_removes_and_publish_restores(self):
        brief = PolicyBriefPage.objects.get(locale=self.ru, slug="brief-smart-city")
        self.assertIn(brief.pk, self.ids(q="умный город"))
        brief.unpublish()
        self.assertNotIn(brief.pk, self.ids(q="умный город"))
        brief.get_latest_revision().publish()
        self.assertIn(brief.pk, self.ids(q="умный город"))

    def test_draft_changes_are_not_searchable(self):
        brief = PolicyBriefPage.objects.get(locale=self.ru, slug="brief-smart-city")
        brief.title = "Совершенно секретный черновик"
        brief.save_revision()
        self.assertEqual(self.api(q="секретный черновик")["total"], 0)

    def test_private_pages_are_not_searchable(self):
        case = CaseStudyPage.objects.get(locale=self.ru, slug="baltic-triangle-liverpool")
        restriction = PageViewRestriction.objects.create(page=case, restriction_type="login")
        data = self.api(q="Ливерпуль")
        self.assertNotIn(case.pk, [r["id"] for r in data["results"]])
        self.assertNotIn("liverpool", [b["value"] for b in data["facets"]["city"]])
        restriction.delete()
        self.assertIn(case.pk, self.ids(q="Ливерпуль"))

    def test_deleted_pages_leave_the_index(self):
        case = CaseStudyPage.objects.get(locale=self.ru, slug="urban-sounds-lab")
        case.delete()
        self.assertNotIn(case.pk, get_engine().indexed_ids())

    def test_moved_page_is_found_at_its_new_address(self):
        case = CaseStudyPage.objects.get(locale=self.ru, slug="urban-sounds-lab")
        case.slug = "sounds-of-almaty"
        case.save_revision().publish()
        urls = [r["url"] for r in self.api(q="звуков")["results"]]
        self.assertIn("/ru/library/sounds-of-almaty/", urls)

    def test_renaming_a_speaker_reindexes_their_items(self):
        speaker = Speaker.objects.get(locale=self.ru, slug="erika-rushton")
        speaker.name = "Эрика Ш. Раштон-Уоткинс"
        speaker.save()
        talk = TalkPage.objects.get(locale=self.ru)
        self.assertIn(talk.pk, self.ids(q="Уоткинс"))

    def test_translations_are_searched_in_their_language(self):
        talk_en = TalkPage.objects.get(locale=self.en)
        self.assertIn(talk_en.pk, self.ids(q="placemaking", lang="en"))
        self.assertNotIn(talk_en.pk, self.ids(q="placemaking", lang="ru"))

    def test_items_of_another_site_are_not_found(self):
        other = Site.objects.create(
            hostname="other.example", port=80, root_page_id=Site.objects.get().root_page_id
        )
        with self.settings(ALLOWED_HOSTS=["other.example"]):
            response = self.client.get("/api/search/", {"q": "Раштон"}, HTTP_HOST="other.example")
        self.assertEqual(json.loads(response.content)["total"], 0)
        other.delete()


class SearchPageTests(SiteSearchTestCase):
    def test_html_page_keeps_the_query_and_is_noindex(self):
        response = self.client.get("/ru/search/", {"q": "городская среда"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="городская среда"')
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertContains(response, "<mark>")

    def test_html_page_speaks_the_visitors_language(self):
        russian = self.client.get("/ru/search/", {"q": "городская среда"})
        self.assertContains(russian, "Уточнить результаты")
        self.assertContains(russian, "по релевантности")
        self.assertNotContains(russian, "Narrow the results")
        english = self.client.get("/en/search/", {"q": "urban"})
        self.assertContains(english, "Narrow the results")

    def test_transcript_hits_link_to_the_moment(self):
        data = self.api(q="MilkyTea", lang="en")
        talk = TalkPage.objects.get(locale=self.en)
        result = next(r for r in data["results"] if r["id"] == talk.pk)
        hit = next(h for h in result["hits"] if h["kind"] == "transcript")
        self.assertTrue(hit["url"].startswith(talk.url + "?t="))
        self.assertIn("start", hit)

    def test_document_hits_name_the_page(self):
        data = self.api(q="Beautiful Ideas Festival", lang="en")
        hits = [h for r in data["results"] for h in r["hits"] if h["kind"] == "document"]
        self.assertTrue(hits)
        self.assertIn("page", hits[0])
        self.assertIn("document", hits[0])

    def test_api_contract(self):
        data = self.api(q="транспорт", type="policy-brief", sort="date", page="1")
        self.assertEqual(
            set(data) >= {"query", "total", "took_ms", "page", "pages", "results", "facets", "suggestion"},
            True,
        )
        self.assertEqual(
            set(data["facets"]), {"type", "topic", "event", "city", "year", "language", "provider", "speaker"}
        )
        result = data["results"][0]
        self.assertEqual(
            set(result) >= {"id", "title", "url", "type", "date", "provider", "snippet", "hits"}, True
        )
        bucket = data["facets"]["type"][0]
        self.assertEqual(set(bucket), {"value", "label", "count", "selected"})

    def test_suggest_api(self):
        response = self.client.get("/api/search/suggest/", {"q": "Эри"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Эрика Раштон", json.loads(response.content)["suggestions"])

    def test_editors_picks_come_first(self):
        brief = PolicyBriefPage.objects.get(locale=self.ru, slug="brief-integrated-transport")
        query = Query.get("велосипед")
        SearchPromotion.objects.create(query=query, page=brief, sort_order=0)
        data = self.api(q="велосипед")
        self.assertEqual([pick["id"] for pick in data["editors_picks"]], [brief.pk])
        page = self.client.get("/ru/search/", {"q": "велосипед"})
        self.assertContains(page, brief.title)

    def test_queries_are_counted_for_editors(self):
        self.api(q="Пространство")
        self.api(q="пространство")
        self.api(q="абракадабра")
        stat = QueryStat.objects.get(query="пространство")
        self.assertEqual((stat.searches, stat.zero_results), (2, 0))
        self.assertEqual(QueryStat.objects.get(query="абракадабра").zero_results, 1)

    def test_editor_report_lists_frequent_and_empty_queries(self):
        from django.contrib.auth import get_user_model

        self.api(q="абракадабра")
        admin = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(admin)
        for days in ("7", "30", "nonsense"):
            response = self.client.get("/admin/search-queries/", {"days": days})
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "абракадабра")


@pytest.mark.parametrize(
    "query",
    [
        "?q=%00",
        "?q=" + "x" * 10000,
        "?page=abc",
        "?page=-5",
        "?page=99999999999999",
        "?sort=evil",
        "?type=zzz&topic=%22",
        '?q="unbalanced',
        "?q=NEAR(a)",
        "?per_page=0",
        "?per_page=100000",
        "?year=abc&lang=zz",
    ],
)
@pytest.mark.django_db
def test_bad_parameters_never_break_the_page_or_api(client, query):
    for base in ("/ru/search/", "/api/search/"):
        response = client.get(base + query)
        assert response.status_code == 200, (base, query, response.status_code)


class SearchExportTests(SiteSearchTestCase):
    def test_search_results_download_as_bibtex_ris_and_csl_json(self):
        for fmt, marker in (("bib", "@"), ("ris", "TY  - "), ("json", '"title"')):
            response = self.client.get("/api/search/", {"q": "Ливерпуль", "format": fmt})
            self.assertEqual(response.status_code, 200, fmt)
            self.assertIn("attachment", response["Content-Disposition"])
            self.assertIn(marker, response.content.decode())
            self.assertIn("Baltic Triangle", response.content.decode())

    def test_unknown_format_or_style_is_a_clear_400(self):
        for params in ({"format": "docx"}, {"format": "txt", "style": "mla"}):
            response = self.client.get("/api/search/", {"q": "Ливерпуль", **params})
            self.assertEqual(response.status_code, 400)
            self.assertIn("error", json.loads(response.content))

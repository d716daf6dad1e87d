"""Usage figures for editors: views and downloads counted on the server, with
nothing about the visitor stored; shown on the item's edit page and in the
Reports › Library usage page."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from library.factories import CaseStudyPageFactory, DocumentFactory, PolicyBriefPageFactory
from library.models import ItemAttachment, ItemUsage, PersistentIdentifier, User

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


@pytest.fixture
def brief(library_index):
    pdf = DocumentFactory(title="Записка", filename="brief.pdf", content=b"%PDF-1.4")
    return PolicyBriefPageFactory(
        parent=library_index, title="Транспорт", slug="transport", pdf=pdf, publish=True
    )


def figures(page):
    usage = ItemUsage.objects.filter(identifier__page_id=page.pk)
    return {
        "views": sum(usage.values_list("views", flat=True)),
        "downloads": sum(usage.values_list("downloads", flat=True)),
        "exports": sum(usage.values_list("exports", flat=True)),
    }


def test_views_are_counted_per_day(client, brief):
    for _ in range(3):
        assert client.get(brief.url, **BROWSER).status_code == 200
    assert figures(brief) == {"views": 3, "downloads": 0, "exports": 0}
    row = ItemUsage.objects.get()
    assert row.date == timezone.localdate()
    # Nothing about the visitor is kept: the row is counts for a day.
    assert {field.name for field in ItemUsage._meta.get_fields()} == {
        "id",
        "identifier",
        "date",
        "views",
        "downloads",
        "exports",
    }


def test_robots_heads_and_other_routes_are_not_counted(client, brief):
    client.get(brief.url)  # no user agent
    client.get(brief.url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get(brief.url, HTTP_USER_AGENT="curl/8.0")
    client.head(brief.url, **BROWSER)
    client.get(brief.url, HTTP_SEC_PURPOSE="prefetch", **BROWSER)
    assert figures(brief)["views"] == 0


def test_private_and_draft_items_are_not_counted(client, brief, library_index):
    draft = PolicyBriefPageFactory(parent=library_index, live=False)
    draft.save_revision()
    PageViewRestriction.objects.create(
        page=brief, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.get(brief.url, **BROWSER)
    assert not ItemUsage.objects.exists()


def test_document_downloads_count_for_the_items_offering_them(client, brief, library_index):
    slides = DocumentFactory(title="Слайды", filename="slides.pdf", content=b"%PDF-1.4")
    case = CaseStudyPageFactory(parent=library_index, publish=True)
    case.attachments = [ItemAttachment(document=slides, sort_order=0)]
    case.save_revision().publish()
    assert client.get(brief.pdf.url, **BROWSER).status_code == 200
    assert client.get(slides.url, **BROWSER).status_code == 200
    client.get(slides.url, HTTP_RANGE="bytes=100-200", **BROWSER)  # a later part of the same download
    assert figures(brief)["downloads"] == 1
    assert figures(case)["downloads"] == 1


def test_citation_downloads_are_counted(client, brief):
    pid = PersistentIdentifier.objects.get(page_id=brief.pk).pid
    client.get(f"/id/{pid}/cite.bib", **BROWSER)
    client.get(f"/id/{pid}/cite.txt?style=gost", **BROWSER)
    client.get(f"/cite/export.ris?pid={pid}", **BROWSER)
    assert figures(brief)["exports"] == 3


@pytest.fixture
def editor_client(client, brief):
    admin = User.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(admin)
    return client


def test_report_page_for_editors(editor_client, brief, library_index):
    quiet = PolicyBriefPageFactory(parent=library_index, title="Тихая записка", publish=True)
    identifier = PersistentIdentifier.objects.get(page_id=brief.pk)
    ItemUsage.objects.create(
        identifier=identifier, date=timezone.localdate(), views=12, downloads=4, exports=2
    )
    ItemUsage.objects.create(
        identifier=identifier, date=timezone.localdate() - datetime.timedelta(days=100), views=50
    )
    response = editor_client.get("/admin/reports/library-usage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Транспорт" in html and "Тихая записка" in html
    assert identifier.pid in html
    rows = list(response.context["object_list"])
    assert (rows[0].pid, rows[0].views, rows[0].downloads, rows[0].exports) == (identifier.pid, 12, 4, 2)
    rows = list(editor_client.get("/admin/reports/library-usage/?period=all").context["object_list"])
    assert rows[0].views == 62
    assert quiet.title in [row.title for row in rows]
    export = editor_client.get("/admin/reports/library-usage/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert identifier.pid in content.decode()


def test_report_is_for_editors_only(client, brief):
    response = client.get("/admin/reports/library-usage/")
    assert response.status_code == 302  # to the login page
    assert "/admin/login/" in response["Location"]


def test_edit_page_shows_permanent_link_and_figures(editor_client, brief):
    identifier = PersistentIdentifier.objects.get(page_id=brief.pk)
    ItemUsage.objects.create(identifier=identifier, date=timezone.localdate(), views=7, downloads=3)
    html = editor_client.get(f"/admin/pages/{brief.pk}/edit/").content.decode()
    panel = html[html.index('class="library-citation-panel"') :]
    panel = panel[: panel.index("</dl>")]
    assert f"/id/{identifier.pid}/" in panel
    assert "7" in panel and "3" in panel
    assert "/admin/reports/library-usage/" in html

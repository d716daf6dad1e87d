"""Permanent identifiers: assigned at first publication, /id/<pid>/ follows the
item through slug changes, moves and translations, and answers with a 410
tombstone (never a bare 404) once it is unpublished, restricted or deleted.
Versions: one per public publish, each citable and viewable at /id/<pid>/v/<n>/."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from library.factories import (
    CaseStudyPageFactory,
    LibraryIndexPageFactory,
    PolicyBriefPageFactory,
    SpeakerFactory,
    TopicFactory,
)
from library.models import ItemVersion, LibraryItemPage, PersistentIdentifier
from library.models.identifiers import PID_ALPHABET, normalise_pid

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(library_index):
    return CaseStudyPageFactory(
        parent=library_index,
        title="Балтийский треугольник",
        slug="baltic-triangle",
        topics=[TopicFactory(name="Плейсмейкинг", slug="placemaking")],
        people=[SpeakerFactory(name="Эрика Раштон")],
        publish=True,
    )


def pid_of(page) -> str:
    return PersistentIdentifier.objects.get(page_id=page.pk).pid


def translate(page, locale, title):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return translation


def republish(page, **changes):
    page = LibraryItemPage.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


class TestAssignment:
    def test_first_publication_assigns_a_short_opaque_identifier(self, case_study):
        pid = pid_of(case_study)
        assert len(pid) == 8
        assert set(pid) <= set(PID_ALPHABET)
        assert "baltic" not in pid
        identifier = PersistentIdentifier.objects.get(pid=pid)
        assert identifier.is_public and identifier.first_public_at is not None
        assert identifier.versions.count() == 1

    def test_identifier_never_changes_on_republishing(self, case_study):
        pid = pid_of(case_study)
        republish(case_study, title="Новое название", slug="new-slug")
        assert pid_of(case_study) == pid
        assert PersistentIdentifier.objects.count() == 1

    def test_every_item_gets_its_own_identifier(self, library_index):
        pages = [PolicyBriefPageFactory(parent=library_index, publish=True) for _ in range(5)]
        assert len({pid_of(page) for page in pages}) == 5

    def test_a_draft_has_none(self, library_index):
        draft = PolicyBriefPageFactory(parent=library_index, live=False)
        draft.save_revision()
        assert not PersistentIdentifier.objects.filter(page_id=draft.pk).exists()

    def test_identifiers_are_read_the_way_people_copy_them(self):
        assert normalise_pid("K7M3-Q9XT") == "k7m3q9xt"
        assert normalise_pid("k7m3q9xo") == "k7m3q9x0"
        assert normalise_pid("../etc") == ""
        assert normalise_pid("k7m3q9xt1") == ""


class TestResolution:
    def test_redirects_to_the_current_address(self, client, case_study):
        response = client.get(f"/id/{pid_of(case_study)}/")
        assert response.status_code == 302
        assert response["Location"] == "/ru/library/baltic-triangle/"

    def test_follows_slug_changes(self, client, case_study):
        republish(case_study, slug="baltic-triangle-liverpool")
        response = client.get(f"/id/{pid_of(case_study)}/")
        assert response["Location"] == "/ru/library/baltic-triangle-liverpool/"

    def test_follows_moves(self, client, home, case_study):
        archive = LibraryIndexPageFactory(parent=home, title="Архив", slug="archive")
        archive.save_revision().publish()
        LibraryItemPage.objects.get(pk=case_study.pk).move(archive, pos="last-child")
        response = client.get(f"/id/{pid_of(case_study)}/")
        assert response["Location"] == "/ru/archive/baltic-triangle/"

    def test_upper_case_and_hyphens_resolve(self, client, case_study):
        pid = pid_of(case_study)
        response = client.get(f"/id/{pid[:4].upper()}-{pid[4:].upper()}/")
        assert response.status_code == 302

    def test_lang_leads_to_the_translation(self, client, locales, case_study):
        english = translate(case_study, locales["en"], "Baltic Triangle")
        pid = pid_of(case_study)
        assert client.get(f"/id/{pid}/?lang=en")["Location"] == "/en/library/baltic-triangle/"
        # No Kazakh version: the item itself, rather than an error.
        assert client.get(f"/id/{pid}/?lang=kk")["Location"] == "/ru/library/baltic-triangle/"
        # The translation has its own identifier, and leads back.
        assert pid_of(english) != pid
        assert client.get(f"/id/{pid_of(english)}/?lang=ru")["Location"] == "/ru/library/baltic-triangle/"

    def test_unknown_language_is_a_clear_400(self, client, case_study):
        response = client.get(f"/id/{pid_of(case_study)}/?lang=xx")
        assert response.status_code == 400
        assert "'xx'" in response.content.decode()

    def test_unknown_identifier_is_404_with_a_message(self, client, case_study):
        response = client.get("/id/zzzzzzzz/")
        assert response.status_code == 404
        assert "zzzzzzzz" in response.content.decode()
        assert client.get("/id/not-a-pid-at-all/").status_code == 404

    def test_talk_time_links_pass_through(self, client, case_study):
        assert client.get(f"/id/{pid_of(case_study)}/?t=42")["Location"].endswith("/baltic-triangle/?t=42")


class TestTombstones:
    def assert_tombstone(self, response, title="Балтийский треугольник"):
        assert response.status_code == 410
        html = response.content.decode()
        assert title in html  # the last public citation
        assert "Раштон" in html
        assert 'name="robots" content="noindex"' in html
        return html

    def test_unpublished_item_answers_410_with_its_citation(self, client, case_study):
        pid = pid_of(case_study)
        LibraryItemPage.objects.get(pk=case_study.pk).unpublish()
        html = self.assert_tombstone(client.get(f"/id/{pid}/"))
        assert "no longer publicly available" in html or "больше не доступен" in html
        assert f"/id/{pid}/v/1/" in html
        identifier = PersistentIdentifier.objects.get(pid=pid)
        assert not identifier.is_public and identifier.withdrawn_at is not None
        # Its versions and citations are withdrawn with it.
        assert client.get(f"/id/{pid}/v/1/").status_code == 410
        assert client.get(f"/id/{pid}/cite.bib").status_code == 410

    def test_deleted_item_answers_410(self, client, case_study):
        pid = pid_of(case_study)
        LibraryItemPage.objects.get(pk=case_study.pk).delete()
        self.assert_tombstone(client.get(f"/id/{pid}/"))
        identifier = PersistentIdentifier.objects.get(pid=pid)
        assert identifier.page_id is None and identifier.deleted_at is not None
        assert identifier.versions.get().revision_id is None  # the page's revisions went with it

    def test_tombstone_shows_the_last_public_state_not_a_later_draft(self, client, case_study):
        pid = pid_of(case_study)
        draft = LibraryItemPage.objects.get(pk=case_study.pk).specific
        draft.title = "Секретный черновик"
        draft.save_revision()
        LibraryItemPage.objects.get(pk=case_study.pk).unpublish()
        html = self.assert_tombstone(client.get(f"/id/{pid}/"))
        assert "Секретный черновик" not in html

    def test_restricted_item_is_withdrawn_and_comes_back(self, client, case_study):
        pid = pid_of(case_study)
        restriction = PageViewRestriction.objects.create(
            page=case_study, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        assert client.get(f"/id/{pid}/").status_code == 410
        assert not PersistentIdentifier.objects.get(pid=pid).is_public
        restriction.delete()
        assert client.get(f"/id/{pid}/").status_code == 302
        assert PersistentIdentifier.objects.get(pid=pid).is_public

    def test_restricting_the_library_withdraws_its_items(self, client, library_index, case_study):
        PageViewRestriction.objects.create(page=library_index, restriction_type=PageViewRestriction.LOGIN)
        assert client.get(f"/id/{pid_of(case_study)}/").status_code == 410

    def test_item_never_public_stays_unknown(self, client, library_index):
        secret = PolicyBriefPageFactory(parent=library_index, title="Закрытая записка", live=False)
        PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
        secret.save_revision().publish()
        identifier = PersistentIdentifier.objects.get(page_id=secret.pk)  # assigned at publication
        response = client.get(f"/id/{identifier.pid}/")
        assert response.status_code == 404
        assert "Закрытая записка" not in response.content.decode()
        assert not identifier.versions.exists()

    def test_tombstone_lists_live_translations(self, client, locales, case_study):
        translate(case_study, locales["en"], "Baltic Triangle")
        pid = pid_of(case_study)
        LibraryItemPage.objects.get(pk=case_study.pk).unpublish()
        html = self.assert_tombstone(client.get(f"/id/{pid}/"))
        assert "/en/library/baltic-triangle/" in html
        # …and ?lang=en still reaches it.
        assert client.get(f"/id/{pid}/?lang=en")["Location"] == "/en/library/baltic-triangle/"


class TestItemPage:
    def test_canonical_link_and_permanent_link(self, client, case_study):
        html = client.get("/ru/library/baltic-triangle/").content.decode()
        head = html.split("</head>")[0]
        assert '<link rel="canonical" href="http://testserver/ru/library/baltic-triangle/">' in head
        pid = pid_of(case_study)
        body = html.split("</head>")[1]
        assert f'href="http://testserver/id/{pid}/"' in body


class TestVersions:
    def test_each_public_publish_is_a_version(self, client, case_study):
        pid = pid_of(case_study)
        republish(case_study, title="Балтийский треугольник (2-е изд.)", change_note="Уточнены цифры")
        versions = list(ItemVersion.objects.filter(identifier__pid=pid).order_by("number"))
        assert [(v.number, v.change_note) for v in versions] == [(1, ""), (2, "Уточнены цифры")]
        assert versions[0].revision_id != versions[1].revision_id

    def test_old_version_shows_the_item_as_it_was(self, client, case_study):
        pid = pid_of(case_study)
        republish(case_study, title="Новое название", change_note="Новое название")
        old = client.get(f"/id/{pid}/v/1/")
        assert old.status_code == 200
        html = old.content.decode()
        assert "<h1>Балтийский треугольник</h1>" in html
        assert 'name="robots" content="noindex"' in html
        assert f'<link rel="canonical" href="http://testserver/id/{pid}/v/1/">' in html
        assert "/ru/library/baltic-triangle/" in html  # the banner links the current version
        # The citation on it names version 1 and links to it.
        apa = re.search(r'id="cite-apa"[^>]*>(.*?)</p>', html, re.S).group(1)
        assert "1," in apa and f"/id/{pid}/v/1/" in apa
        current = client.get(f"/id/{pid}/v/2/").content.decode()
        assert "<h1>Новое название</h1>" in current

    def test_public_versions_list_with_dates_and_notes(self, client, case_study):
        republish(case_study, change_note="Добавлены источники")
        html = client.get("/ru/library/baltic-triangle/").content.decode()
        versions = html[html.index('id="versions"') :]
        pid = pid_of(case_study)
        assert f'href="/id/{pid}/v/2/"' in versions and f'href="/id/{pid}/v/1/"' in versions
        assert "Добавлены источники" in versions
        assert "<time" in versions

    def test_a_change_note_left_in_place_is_not_repeated(self, case_study):
        republish(case_study, change_note="Исправлена опечатка")
        republish(case_study, title="Ещё правка")  # the note is still in the form
        notes = list(ItemVersion.objects.order_by("number").values_list("change_note", flat=True))
        assert notes == ["", "Исправлена опечатка", ""]

    def test_unknown_version_is_404(self, client, case_study):
        response = client.get(f"/id/{pid_of(case_study)}/v/7/")
        assert response.status_code == 404
        assert "7" in response.content.decode()

    def test_drafts_make_no_version(self, client, case_study):
        page = LibraryItemPage.objects.get(pk=case_study.pk).specific
        page.title = "Черновик"
        page.save_revision()
        assert ItemVersion.objects.count() == 1
        assert "Черновик" not in client.get(f"/id/{pid_of(case_study)}/v/1/").content.decode()

    def test_purging_revisions_keeps_cited_versions(self, client, case_study):
        pid = pid_of(case_study)
        republish(case_study, title="Второе издание")
        page = LibraryItemPage.objects.get(pk=case_study.pk).specific
        page.title = "Черновик"
        page.save_revision()
        call_command("purge_revisions", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert all(version.revision_id for version in ItemVersion.objects.all())
        assert "<h1>Балтийский треугольник</h1>" in client.get(f"/id/{pid}/v/1/").content.decode()

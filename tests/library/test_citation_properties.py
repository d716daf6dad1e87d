"""Property-based: whatever is asked of the citation endpoints and the export
service, the answer is a citation or a clear 4xx, never a 500."""

import string
from urllib.parse import quote

from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Page

from library.citation import csl, exports
from library.factories import LibraryIndexPageFactory, PolicyBriefPageFactory, SpeakerFactory
from library.models import PersistentIdentifier

PID_CHARS = string.ascii_letters + string.digits + "-_.~%"
TEXT = st.text(max_size=40)
PIDS = st.one_of(st.text(alphabet=PID_CHARS, min_size=1, max_size=12), TEXT)
STYLES = st.one_of(st.sampled_from([*csl.STYLES, "", "APA", "mla"]), TEXT)
FORMATS = st.one_of(st.sampled_from(["bib", "ris", "json", "txt", "BIB", "bibtex", "pdf", ""]), TEXT)
HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@override_settings(ALLOWED_HOSTS=["testserver"])
class CitationEndpointProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = LibraryIndexPageFactory(parent=Page.objects.get(depth=2))
        index.save_revision().publish()
        cls.page = PolicyBriefPageFactory(
            parent=index, title='Записка <&> "о" транспорте', people=[SpeakerFactory()], publish=True
        )
        cls.pid = PersistentIdentifier.objects.get(page_id=cls.page.pk).pid

    def get(self, path, **query):
        response = self.client.get(path, query)
        assert response.status_code < 500, (path, query, response.status_code)
        return response

    @HYPOTHESIS
    @given(PIDS, FORMATS, STYLES)
    def test_any_pid_format_and_style(self, pid, fmt, style):
        response = self.get(f"/id/{quote(pid, safe='')}/cite.{quote(fmt, safe='')}", style=style)
        assert response.status_code in (200, 301, 400, 404)

    @HYPOTHESIS
    @given(FORMATS, STYLES)
    def test_known_item_gives_a_citation_or_400(self, fmt, style):
        response = self.get(f"/id/{self.pid}/cite.{quote(fmt, safe='')}", style=style)
        normalised = exports.FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        valid_format = normalised in exports.EXPORT_FORMATS
        valid_style = normalised != "txt" or (style or csl.DEFAULT_STYLE) in csl.STYLES
        if response.status_code == 200:
            assert valid_format and valid_style
            assert "транспорте" in response.content.decode()
        elif response.status_code == 400:
            assert not (valid_format and valid_style)
            assert response.content  # says what was wrong
        else:
            # An empty or odd format is no route at all.
            assert response.status_code in (301, 404)

    @HYPOTHESIS
    @given(st.lists(PIDS, max_size=5), FORMATS, STYLES)
    def test_selection(self, pids, fmt, style):
        response = self.get(
            f"/cite/export.{fmt}" if fmt and "/" not in fmt else "/cite/export/", pid=pids, style=style
        )
        assert response.status_code in (200, 301, 400, 404)

    @HYPOTHESIS
    @given(PIDS, TEXT, st.integers(min_value=0, max_value=10**12))
    def test_resolver_and_versions(self, pid, lang, number):
        response = self.get(f"/id/{quote(pid, safe='')}/", lang=lang)
        assert response.status_code in (200, 301, 302, 400, 404)
        response = self.get(f"/id/{self.pid}/v/{number}/")
        assert response.status_code in (200, 404)

    @HYPOTHESIS
    @given(FORMATS, STYLES)
    def test_export_items_returns_or_raises_value_error(self, fmt, style):
        try:
            content, content_type, filename = exports.export_items([self.page], fmt, style=style or None)
        except ValueError as error:
            assert str(error)
            return
        assert content and content_type and filename

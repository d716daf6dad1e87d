"""The OAI-PMH 2.0 repository at /oai/: harvested with a real client
(oaipmh-scythe) and compared with the database, including deleted records and
paging; the protocol's errors for bad requests; never a 500."""

import datetime
from urllib.parse import urlencode, urlsplit

import httpx2
import pytest
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from lxml import etree
from oaipmh_scythe import Scythe
from oaipmh_scythe.config import HTTPConfig
from oaipmh_scythe.exceptions import (
    BadArgument,
    BadResumptionToken,
    BadVerb,
    CannotDisseminateFormat,
    IdDoesNotExist,
    NoRecordsMatch,
)
from wagtail.models import Page, PageViewRestriction

from library.citation.oai import ERROR_CODES, OAIError, parse_arguments
from library.demo.loader import DemoLoader
from library.factories import LibraryIndexPageFactory, PolicyBriefPageFactory
from library.models import LibraryItemPage, PersistentIdentifier, Topic

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
HOST = "oai:127.0.0.1:"  # from WAGTAILADMIN_BASE_URL in the test settings


class DjangoScythe(Scythe):
    """oaipmh-scythe talking to the Django test client instead of a socket."""

    def __init__(self, django_client, **kwargs):
        super().__init__("http://testserver/oai/", **kwargs)
        self.django_client = django_client
        self.requests = 0

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.requests += 1
        url = urlsplit(str(request.url))
        if request.method == "POST":
            response = self.django_client.post(
                url.path, request.content, content_type="application/x-www-form-urlencoded"
            )
        else:
            response = self.django_client.get(f"{url.path}?{url.query}")
        return httpx2.Response(
            response.status_code, headers={"Content-Type": response["Content-Type"]}, content=response.content
        )

    @property
    def client(self):
        if self._client is None or self._client.is_closed:
            self._client = httpx2.Client(transport=httpx2.MockTransport(self.handle))
        return self._client


def public_items():
    return LibraryItemPage.objects.live().public()


@override_settings(LIBRARY_OAI_PAGE_SIZE=7)
class HarvestTests(TestCase):
    """The demo library (30 items in Russian and English), harvested whole."""

    @classmethod
    def setUpTestData(cls):
        DemoLoader().load()

    def setUp(self):
        self.scythe = DjangoScythe(Client())

    def harvest(self, **kwargs):
        return list(self.scythe.list_records(**kwargs))

    def test_identify(self):
        identify = self.scythe.identify()
        assert identify.baseURL == "http://testserver/oai/"
        assert identify.protocolVersion == "2.0"
        assert identify.deletedRecord == "persistent"
        assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
        assert identify.adminEmail
        earliest = PersistentIdentifier.objects.order_by("datestamp").first().datestamp
        assert identify.earliestDatestamp == earliest.strftime("%Y-%m-%dT%H:%M:%SZ")

    def test_metadata_formats(self):
        formats = list(self.scythe.list_metadata_formats())
        assert [f.metadataPrefix for f in formats] == ["oai_dc"]
        identifier = HOST + PersistentIdentifier.objects.first().pid
        assert [f.metadataPrefix for f in self.scythe.list_metadata_formats(identifier)] == ["oai_dc"]
        with pytest.raises(IdDoesNotExist):
            list(self.scythe.list_metadata_formats(HOST + "zzzzzzzz"))

    def test_sets_by_type_and_topic(self):
        specs = {s.setSpec: s.setName for s in self.scythe.list_sets()}
        assert {"type", "type:talk", "type:material", "type:case-study", "type:policy-brief", "topic"} <= set(
            specs
        )
        assert specs["type:case-study"] == "Case studies"
        topics = set(Topic.objects.values_list("slug", flat=True))
        assert {spec.split(":", 1)[1] for spec in specs if spec.startswith("topic:")} == topics

    def test_whole_library_matches_the_database_across_pages(self):
        records = self.harvest()
        assert self.scythe.requests == 5  # 30 records, 7 a page
        expected = {page.identifier.pid: page for page in public_items().select_related("identifier")}
        harvested = {record.header.identifier.removeprefix(HOST): record for record in records}
        assert len(records) == len(harvested) == len(expected) == 30
        assert set(harvested) == set(expected)
        for pid, record in harvested.items():
            page = expected[pid].specific
            assert not record.deleted
            assert record.metadata["title"] == [page.title]
            assert record.metadata["language"] == [page.locale.language_code]
            assert f"http://testserver/id/{pid}/" in record.metadata["identifier"]
            assert record.metadata["date"] == [page.publication_date.isoformat()]
            assert f"type:{page.type_slug}" in record.header.setSpecs
            topics = {f"topic:{slug}" for slug in page.topics.values_list("slug", flat=True)}
            assert topics <= set(record.header.setSpecs)
        talk = next(r for r in records if "type:talk" in r.header.setSpecs)
        assert "Раштон, Эрика" in talk.metadata["creator"] or "Rushton, Erika" in talk.metadata["creator"]

    def test_identifiers_match_records(self):
        headers = list(self.scythe.list_identifiers())
        assert len(headers) == 30
        assert sorted(h.identifier for h in headers) == sorted(r.header.identifier for r in self.harvest())

    def test_deleted_records_are_kept(self):
        gone = public_items().first().specific
        pid = gone.identifier.pid
        gone.unpublish()
        deleted = LibraryItemPage.objects.filter(live=True).exclude(pk=gone.pk).first()
        deleted_pid = deleted.identifier.pid
        deleted.delete()

        records = {r.header.identifier.removeprefix(HOST): r for r in self.harvest()}
        assert len(records) == 30
        assert records[pid].deleted and records[deleted_pid].deleted
        assert records[pid].xml.find("oai:metadata", NS) is None  # a header only
        assert records[pid].header.setSpecs  # the sets it was in are remembered
        assert len([r for r in records.values() if not r.deleted]) == public_items().count() == 28
        assert len(list(self.scythe.list_records(ignore_deleted=True))) == 28
        record = self.scythe.get_record(HOST + deleted_pid)
        assert record.deleted

    def test_private_and_draft_items_never_appear(self):
        index = public_items().first().get_parent()
        draft = PolicyBriefPageFactory(parent=index, title="Черновик записки", live=False)
        draft.save_revision()
        secret = PolicyBriefPageFactory(parent=index, title="Закрытая записка", live=False)
        PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
        secret.save_revision().publish()
        records = self.harvest()
        titles = {title for r in records for title in r.metadata.get("title", [])}
        assert "Черновик записки" not in titles and "Закрытая записка" not in titles
        assert len(records) == 30
        with pytest.raises(IdDoesNotExist):
            self.scythe.get_record(HOST + secret.identifier.pid)

    def test_selective_harvest_by_set(self):
        case_studies = self.harvest(set_="type:case-study")
        assert len(case_studies) == public_items().filter(casestudypage__isnull=False).count() == 10
        assert len(self.harvest(set_="type")) == 30
        topic = Topic.objects.filter(slug="placemaking").first()
        expected = public_items().filter(topics__slug="placemaking").distinct().count()
        assert topic is not None and expected
        assert len(self.harvest(set_="topic:placemaking")) == expected
        with pytest.raises(NoRecordsMatch):
            self.harvest(set_="topic:no-such-topic")

    def test_selective_harvest_by_date(self):
        changed = PersistentIdentifier.objects.order_by("pk").first()
        later = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
        PersistentIdentifier.objects.filter(pk=changed.pk).update(datestamp=later)
        since = (later - datetime.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        recent = self.harvest(
            from_=since, until=(later + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        )
        assert [r.header.identifier for r in recent] == [HOST + changed.pid]
        day = later.strftime("%Y-%m-%d")
        assert len(self.harvest(from_=day, until=day)) == 1
        assert len(self.harvest(until=(later - datetime.timedelta(days=1)).strftime("%Y-%m-%d"))) == 29
        with pytest.raises(NoRecordsMatch):
            self.harvest(until="2000-01-01")

    def test_paging_is_stable_while_editors_publish(self):
        responses = self.scythe.list_records()
        first = [next(responses) for _ in range(7)]
        # An item republished during the harvest moves past its frozen end…
        moved = PersistentIdentifier.objects.exclude(
            pid__in=[r.header.identifier[len(HOST) :] for r in first]
        )
        page = moved.order_by("pk").last().page.specific
        page.save_revision().publish()
        # (a moment later than the harvest's start, whatever the clock's second)
        later = timezone.now() + datetime.timedelta(seconds=5)
        PersistentIdentifier.objects.filter(page_id=page.pk).update(datestamp=later)
        rest = list(responses)
        pids = [r.header.identifier for r in first + rest]
        assert len(pids) == len(set(pids))  # nothing twice
        assert HOST + page.identifier.pid not in pids  # …and comes with the next incremental harvest
        assert len(pids) == 29

    def test_get_record(self):
        identifier = PersistentIdentifier.objects.filter(item_type="talk", locale="ru").get()
        record = self.scythe.get_record(HOST + identifier.pid)
        assert record.metadata["title"] == [identifier.page.title]
        assert "MovingImage" in record.metadata["type"]
        assert any(value.endswith(f"/id/{identifier.pid}/") for value in record.metadata["identifier"])
        english = PersistentIdentifier.objects.get(translation_key=identifier.translation_key, locale="en")
        assert f"http://testserver/id/{english.pid}/" in record.metadata["relation"]

    def test_protocol_errors(self):
        with pytest.raises(CannotDisseminateFormat):
            self.harvest(metadata_prefix="marcxml")
        with pytest.raises(IdDoesNotExist):
            self.scythe.get_record("oai:elsewhere.org:" + PersistentIdentifier.objects.first().pid)
        with pytest.raises(BadResumptionToken):
            list(self.scythe.list_records(resumption_token="forged-token"))

    def test_post_works_like_get(self):
        scythe = DjangoScythe(Client(), http_config=HTTPConfig(http_method="POST"))
        assert len(list(scythe.list_identifiers())) == 30


class ProtocolErrorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        DemoLoader().load()

    def oai(self, query, method="get"):
        if method == "post":
            response = self.client.post("/oai/", query, content_type="application/x-www-form-urlencoded")
        else:
            response = self.client.get(f"/oai/?{query}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        return etree.fromstring(response.content)

    def error(self, query):
        root = self.oai(query)
        errors = root.findall("oai:error", NS)
        assert errors, query
        return errors[0].get("code"), root

    def test_bad_verb(self):
        for query in ("", "verb=Explode", "verb=Identify&verb=Identify", "verb=identify"):
            code, root = self.error(query)
            assert code == "badVerb", query
            assert root.find("oai:request", NS).attrib == {}  # only the base URL is echoed

    def test_bad_arguments(self):
        for query in (
            "verb=Identify&set=x",
            "verb=ListRecords",
            "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
            "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01",
            "verb=ListRecords&metadataPrefix=oai_dc&set=bad%20set",
            "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x",
            "verb=GetRecord&metadataPrefix=oai_dc",
            "verb=ListIdentifiers&metadataPrefix=oai_dc&from=",
        ):
            assert self.error(query)[0] == "badArgument", query

    def test_forged_and_tampered_tokens(self):
        with override_settings(LIBRARY_OAI_PAGE_SIZE=5):
            root = self.oai("verb=ListIdentifiers&metadataPrefix=oai_dc")
        token = root.find(".//oai:resumptionToken", NS).text
        assert token
        assert self.error(f"verb=ListIdentifiers&resumptionToken={token[:-2]}xx")[0] == "badResumptionToken"
        assert self.error(f"verb=ListRecords&resumptionToken={token}")[0] == "badResumptionToken"
        assert self.error("verb=ListSets&resumptionToken=abc")[0] == "badResumptionToken"
        assert self.error("verb=ListIdentifiers&resumptionToken=%00%ff")[0] == "badResumptionToken"

    def test_unknown_identifier_and_format(self):
        pid = PersistentIdentifier.objects.first().pid
        assert self.error("verb=GetRecord&metadataPrefix=oai_dc&identifier=nope")[0] == "idDoesNotExist"
        assert self.error(f"verb=GetRecord&metadataPrefix=mods&identifier={HOST}{pid}")[0] == (
            "cannotDisseminateFormat"
        )
        code, root = self.error("verb=ListRecords&metadataPrefix=oai_dc&set=type:nothing")
        assert code == "noRecordsMatch"
        assert root.find("oai:request", NS).get("set") == "type:nothing"  # echoed for other errors

    def test_control_characters_never_break_the_xml(self):
        code, root = self.error("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3A%01%02%0b")
        assert code == "idDoesNotExist"

    def test_post(self):
        root = self.oai("verb=Identify", method="post")
        assert root.find("oai:Identify/oai:repositoryName", NS).text


# --- property-based --------------------------------------------------------------------

ARGUMENT_NAMES = st.sampled_from(
    ["verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken", "foo", ""]
)
# The six verbs of OAI-PMH 2.0, written out here rather than read from the view.
PROTOCOL_VERBS = (
    "Identify",
    "ListRecords",
    "ListIdentifiers",
    "ListSets",
    "GetRecord",
    "ListMetadataFormats",
)
VALUES = st.one_of(
    st.sampled_from(
        [
            *PROTOCOL_VERBS,
            "oai_dc",
            "2020-01-01",
            "2020-01-01T00:00:00Z",
            "type:talk",
            "topic:placemaking",
            "oai:127.0.0.1:k7m3q9xt",
            "",
        ]
    ),
    st.text(max_size=30),
)
PARAMS = st.dictionaries(ARGUMENT_NAMES, st.lists(VALUES, min_size=1, max_size=3), max_size=6)


@settings(max_examples=400)
@given(PARAMS)
def test_argument_parser_returns_a_request_or_a_protocol_error(params):
    try:
        request = parse_arguments(params)
    except OAIError as error:
        assert error.code in ERROR_CODES
        assert error.message
        return
    assert request.verb in PROTOCOL_VERBS
    assert all(len(values) == 1 for values in params.values())
    if request.from_date and request.until_date:
        assert request.from_date <= request.until_date


@given(st.dates(min_value=datetime.date(1000, 1, 1)), st.dates(min_value=datetime.date(1000, 1, 1)))
def test_day_ranges_are_inclusive(start, end):
    params = {
        "verb": ["ListRecords"],
        "metadataPrefix": ["oai_dc"],
        "from": [start.isoformat()],
        "until": [end.isoformat()],
    }
    try:
        request = parse_arguments(params)
    except OAIError as error:
        assert error.code == "badArgument" and start > end
        return
    assert request.from_date.time() == datetime.time(0, 0, 0)
    assert request.until_date.time() == datetime.time(23, 59, 59)


class EndpointPropertyTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        index = LibraryIndexPageFactory(parent=Page.objects.get(depth=2))
        index.save_revision().publish()
        for _ in range(3):
            PolicyBriefPageFactory(parent=index, publish=True)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(PARAMS, st.booleans())
    def test_any_request_gets_well_formed_oai_pmh(self, params, post):
        if post:
            response = self.client.post("/oai/", params)
        else:
            flat = [(name, value) for name, values in params.items() for value in values]
            response = self.client.get("/oai/?" + urlencode(flat))
        assert response.status_code == 200
        root = etree.fromstring(response.content)
        assert root.tag == "{http://www.openarchives.org/OAI/2.0/}OAI-PMH"
        errors = root.findall("oai:error", NS)
        if errors:
            assert {error.get("code") for error in errors} <= ERROR_CODES
        else:
            verb = root.find("oai:request", NS).get("verb")
            assert root.find(f"oai:{verb}", NS) is not None


@pytest.mark.django_db
def test_errors_map_to_the_client_library_exceptions(client):
    scythe = DjangoScythe(client)
    with pytest.raises(BadVerb):
        scythe.harvest({"verb": "Explode"})
    with pytest.raises(BadArgument):
        scythe.harvest({"verb": "ListRecords"})


@pytest.mark.django_db
def test_correcting_a_name_changes_the_datestamps_of_records_citing_it(library_index):
    from library.factories import SpeakerFactory

    speaker = SpeakerFactory(name="Эрика Раштон")
    page = PolicyBriefPageFactory(parent=library_index, people=[speaker], publish=True)
    other = PolicyBriefPageFactory(parent=library_index, publish=True)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    PersistentIdentifier.objects.update(datestamp=long_ago)
    speaker.name = "Эрика Раштон"
    speaker.save()
    assert PersistentIdentifier.objects.get(page_id=page.pk).datestamp > long_ago
    assert PersistentIdentifier.objects.get(page_id=other.pk).datestamp == long_ago

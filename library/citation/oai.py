"""An OAI-PMH 2.0 repository over the library's own models.

``respond(params, base_url=…)`` answers one protocol request (``params``:
argument name → list of values, as ``QueryDict.lists()`` gives them) with the
XML document to send. The view is a thin shell around it.

- Records are the items' permanent identifiers (one per language version):
  ``oai:<host>:<pid>``. Drafts, private items and items never public are
  absent; items that stop being public (unpublished, restricted, deleted)
  stay as deleted records for good (``deletedRecord: persistent``).
- Datestamps are UTC seconds (``YYYY-MM-DDThh:mm:ssZ``); ``from``/``until``
  accept that or a day, inclusive, with the same granularity for both.
- Sets: ``type`` (``type:talk``, ``type:material``, ``type:case-study``,
  ``type:policy-brief``) and ``topic`` (``topic:<slug>``, every language).
- Lists come in pages of ``LIBRARY_OAI_PAGE_SIZE`` (50) in identifier order;
  the ``resumptionToken`` is signed (forged or stale ones are refused), carries
  the position and freezes ``until`` at the start of the harvest, so paging is
  stable while editors publish.
- Metadata format: ``oai_dc``, built from the same CSL-JSON item as the
  citations.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from library.models import ITEM_TYPES, PersistentIdentifier, Topic
from library.models.identifiers import normalise_pid

from . import csl
from .identifiers import current_version, live_public_items, repository_host, set_specs_for

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
METADATA_FORMATS = {"oai_dc": (OAI_DC_SCHEMA, OAI_DC_NS)}
TOKEN_SALT = "library.oai.resumption"  # noqa: S105 (a signing salt, not a secret)
TOKEN_MAX_AGE = 24 * 60 * 60
DEFAULT_PAGE_SIZE = 50

# verb -> (required arguments, optional arguments); "resumptionToken" is
# exclusive and accepted by the list verbs only.
VERBS = {
    "Identify": ((), ()),
    "ListMetadataFormats": ((), ("identifier",)),
    "ListSets": ((), ()),
    "GetRecord": (("identifier", "metadataPrefix"), ()),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set")),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set")),
}
PAGED_VERBS = {"ListSets", "ListIdentifiers", "ListRecords"}
ERROR_CODES = {
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
}
SPEC_RE = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECONDS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DOMAIN_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")
XML_UNSAFE_RE = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

DCMI_TYPES = {"talk": "MovingImage", "dataset": "Dataset"}
EU_REPO_TYPES = {
    "talk": "info:eu-repo/semantics/lecture",
    "case-study": "info:eu-repo/semantics/report",
    "policy-brief": "info:eu-repo/semantics/report",
}


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class OAIRequest:
    verb: str
    arguments: dict[str, str] = field(default_factory=dict)
    identifier: str = ""
    metadata_prefix: str = ""
    set_spec: str = ""
    from_date: datetime.datetime | None = None
    until_date: datetime.datetime | None = None
    resumption_token: str = ""
    after: int = 0
    cursor: int = 0
    total: int | None = None


def xml_text(value) -> str:
    return XML_UNSAFE_RE.sub("", str(value))


def format_datestamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(value: str, *, until: bool) -> tuple[datetime.datetime, str]:
    """A from/until argument as an aware UTC datetime and its granularity.
    A day means its first second for ``from`` and its last for ``until``."""
    try:
        if DAY_RE.match(value):
            day = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
            if until:
                day = day.replace(hour=23, minute=59, second=59)
            return day, "day"
        if SECONDS_RE.match(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=datetime.UTC), "seconds"
    except ValueError:
        pass
    raise OAIError(
        "badArgument",
        _("%(value)r is not a date of the form YYYY-MM-DD or %(granularity)s.")
        % {"value": value[:40], "granularity": GRANULARITY},
    )


def parse_arguments(params) -> OAIRequest:
    """Validate one request's arguments (name -> list of values).

    Raises :class:`OAIError` with the protocol's error code for anything the
    protocol does not allow; never anything else.
    """
    params = {str(key): [str(value) for value in values] for key, values in dict(params).items()}
    verbs = params.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if len(verbs) > 1:
            raise OAIError("badVerb", _("The verb argument is repeated."))
        if not verbs:
            raise OAIError("badVerb", _("The verb argument is missing."))
        raise OAIError("badVerb", _("%(verb)r is not an OAI-PMH verb.") % {"verb": verbs[0][:40]})
    verb = verbs[0]
    required, optional = VERBS[verb]
    allowed = {"verb", *required, *optional}
    if verb in PAGED_VERBS:
        allowed.add("resumptionToken")
    for name, values in params.items():
        if name not in allowed:
            raise OAIError(
                "badArgument",
                _("%(verb)s does not take the argument %(name)r.") % {"verb": verb, "name": name[:40]},
            )
        if len(values) != 1:
            raise OAIError("badArgument", _("The argument %(name)s is repeated.") % {"name": name})
        if not values[0]:
            raise OAIError("badArgument", _("The argument %(name)s is empty.") % {"name": name})
    arguments = {name: values[0] for name, values in params.items() if name != "verb"}
    request = OAIRequest(verb=verb, arguments=arguments)
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", _("resumptionToken is an exclusive argument."))
        request.resumption_token = arguments["resumptionToken"]
        return request
    missing = [name for name in required if name not in arguments]
    if missing:
        raise OAIError(
            "badArgument", _("%(verb)s needs the argument %(name)s.") % {"verb": verb, "name": missing[0]}
        )
    request.identifier = arguments.get("identifier", "")
    request.metadata_prefix = arguments.get("metadataPrefix", "")
    request.set_spec = arguments.get("set", "")
    if request.set_spec and not SPEC_RE.match(request.set_spec):
        raise OAIError(
            "badArgument", _("%(set)r is not a set specification.") % {"set": request.set_spec[:40]}
        )
    granularities = set()
    if "from" in arguments:
        request.from_date, granularity = parse_date(arguments["from"], until=False)
        granularities.add(granularity)
    if "until" in arguments:
        request.until_date, granularity = parse_date(arguments["until"], until=True)
        granularities.add(granularity)
    if len(granularities) > 1:
        raise OAIError("badArgument", _("from and until must have the same granularity."))
    if request.from_date and request.until_date and request.from_date > request.until_date:
        raise OAIError("badArgument", _("from is later than until."))
    return request


# --- resumption tokens ---------------------------------------------------------------------


def make_token(request: OAIRequest, after: int, cursor: int, total: int) -> str:
    payload = {
        "v": request.verb,
        "m": request.metadata_prefix,
        "s": request.set_spec,
        "f": request.from_date.timestamp() if request.from_date else None,
        "u": request.until_date.timestamp() if request.until_date else None,
        "a": after,
        "c": cursor,
        "n": total,
    }
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


def read_token(request: OAIRequest) -> OAIRequest:
    try:
        payload = signing.loads(request.resumption_token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        if not isinstance(payload, dict) or payload.get("v") != request.verb:
            raise ValueError
        restored = OAIRequest(
            verb=request.verb,
            arguments=request.arguments,
            metadata_prefix=str(payload["m"] or ""),
            set_spec=str(payload["s"] or ""),
            from_date=_from_timestamp(payload["f"]),
            until_date=_from_timestamp(payload["u"]),
            resumption_token=request.resumption_token,
            after=int(payload["a"]),
            cursor=int(payload["c"]),
            total=int(payload["n"]),
        )
    except (signing.BadSignature, ValueError, KeyError, TypeError, OverflowError, OSError):
        raise OAIError("badResumptionToken", _("The resumption token is invalid or has expired.")) from None
    return restored


def _from_timestamp(value):
    if value is None:
        return None
    return datetime.datetime.fromtimestamp(float(value), tz=datetime.UTC)


# --- the repository ---------------------------------------------------------------------


def page_size() -> int:
    return int(getattr(settings, "LIBRARY_OAI_PAGE_SIZE", DEFAULT_PAGE_SIZE))


def admin_emails() -> list[str]:
    configured = getattr(settings, "LIBRARY_OAI_ADMIN_EMAILS", None)
    if configured:
        return list(configured)
    return [email for _name, email in getattr(settings, "ADMINS", [])] or [settings.DEFAULT_FROM_EMAIL]


def oai_identifier(pid: str) -> str:
    return f"oai:{repository_host()}:{pid}"


def harvestable():
    """Every record the repository has ever shown: items that were public."""
    return PersistentIdentifier.objects.filter(first_public_at__isnull=False)


def find_record(identifier: str) -> PersistentIdentifier:
    prefix = f"oai:{repository_host()}:"
    pid = normalise_pid(identifier[len(prefix) :]) if identifier.startswith(prefix) else ""
    record = harvestable().filter(pid=pid).first() if pid else None
    if record is None:
        raise OAIError(
            "idDoesNotExist",
            _("No record has the identifier %(identifier)r.") % {"identifier": identifier[:100]},
        )
    return record


def filter_records(request: OAIRequest):
    records = harvestable()
    if request.from_date:
        records = records.filter(datestamp__gte=request.from_date)
    if request.until_date:
        records = records.filter(datestamp__lte=request.until_date)
    spec = request.set_spec
    if spec:
        kind, _sep, value = spec.partition(":")
        if spec == "type":
            records = records.filter(item_type__in=list(ITEM_TYPES))
        elif kind == "type" and value in ITEM_TYPES and ":" not in value:
            records = records.filter(item_type=value)
        elif spec == "topic":
            records = records.filter(
                Q(is_public=True, page__topics__isnull=False) | Q(is_public=False, sets__contains=" topic:")
            )
        elif kind == "topic" and value and ":" not in value:
            records = records.filter(
                Q(is_public=True, page__topics__slug=value)
                | Q(is_public=False, sets__contains=f" topic:{value} ")
            )
        else:
            records = records.none()
    return records.distinct().order_by("pk")


class Repository:
    """Builds one response document."""

    def __init__(self, base_url: str, site_url: str):
        self.base_url = base_url  # this endpoint, for <request> and Identify
        self.site_url = site_url.rstrip("/")  # scheme and host for links in records

    # -- document ---------------------------------------------------------------------

    def document(self, request: OAIRequest | None, error: OAIError | None = None):
        root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
        root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
        self.sub(root, "responseDate", format_datestamp(timezone.now()))
        request_element = self.sub(root, "request", self.base_url)
        # After badVerb or badArgument only the base URL is echoed.
        if request is not None and not (error and error.code in ("badVerb", "badArgument")):
            request_element.set("verb", request.verb)
            for name, value in sorted(request.arguments.items()):
                request_element.set(name, xml_text(value))
        return root

    @staticmethod
    def sub(parent, tag, text=None, namespace=OAI_NS, **attributes):
        element = etree.SubElement(parent, f"{{{namespace}}}{tag}" if namespace else tag)
        if text is not None:
            element.text = xml_text(text)
        for name, value in attributes.items():
            element.set(name, xml_text(value))
        return element

    def respond(self, params) -> bytes:
        request = None
        try:
            request = parse_arguments(params)
            root = self.document(request)
            getattr(self, f"verb_{request.verb}")(root, request)
        except OAIError as error:
            root = self.document(request, error)
            self.sub(root, "error", error.message, code=error.code)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    # -- verbs ------------------------------------------------------------------------

    def verb_Identify(self, root, request):  # noqa: N802 (protocol verb names)
        identify = self.sub(root, "Identify")
        with translation.override("en"):
            self.sub(identify, "repositoryName", _("WeAlmaty library"))
        self.sub(identify, "baseURL", self.base_url)
        self.sub(identify, "protocolVersion", "2.0")
        for email in admin_emails():
            self.sub(identify, "adminEmail", email)
        earliest = harvestable().aggregate(earliest=Min("datestamp"))["earliest"] or timezone.now()
        self.sub(identify, "earliestDatestamp", format_datestamp(earliest))
        self.sub(identify, "deletedRecord", "persistent")
        self.sub(identify, "granularity", GRANULARITY)
        host = repository_host()
        if DOMAIN_RE.match(host):
            description = self.sub(identify, "description")
            scheme = etree.SubElement(
                description, f"{{{OAI_IDENTIFIER_NS}}}oai-identifier", nsmap={None: OAI_IDENTIFIER_NS}
            )
            scheme.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_IDENTIFIER_NS} {OAI_IDENTIFIER_SCHEMA}")
            self.sub(scheme, "scheme", "oai", OAI_IDENTIFIER_NS)
            self.sub(scheme, "repositoryIdentifier", host, OAI_IDENTIFIER_NS)
            self.sub(scheme, "delimiter", ":", OAI_IDENTIFIER_NS)
            self.sub(scheme, "sampleIdentifier", oai_identifier("k7m3q9xt"), OAI_IDENTIFIER_NS)

    def verb_ListMetadataFormats(self, root, request):  # noqa: N802
        if request.identifier:
            find_record(request.identifier)
        formats = self.sub(root, "ListMetadataFormats")
        for prefix, (schema, namespace) in METADATA_FORMATS.items():
            entry = self.sub(formats, "metadataFormat")
            self.sub(entry, "metadataPrefix", prefix)
            self.sub(entry, "schema", schema)
            self.sub(entry, "metadataNamespace", namespace)

    def verb_ListSets(self, root, request):  # noqa: N802
        if request.resumption_token:
            raise OAIError("badResumptionToken", _("The resumption token is invalid or has expired."))
        sets = self.sub(root, "ListSets")
        for spec, name in all_sets():
            entry = self.sub(sets, "set")
            self.sub(entry, "setSpec", spec)
            self.sub(entry, "setName", name)

    def verb_GetRecord(self, root, request):  # noqa: N802
        record = find_record(request.identifier)
        self.check_prefix(request.metadata_prefix)
        container = self.sub(root, "GetRecord")
        self.write_records(container, [record], with_metadata=True)

    def verb_ListIdentifiers(self, root, request):  # noqa: N802
        self.list(root, request, with_metadata=False)

    def verb_ListRecords(self, root, request):  # noqa: N802
        self.list(root, request, with_metadata=True)

    # -- lists --------------------------------------------------------------------

    def check_prefix(self, prefix):
        if prefix not in METADATA_FORMATS:
            raise OAIError(
                "cannotDisseminateFormat",
                _("The metadata format %(prefix)r is not available.") % {"prefix": prefix[:40]},
            )

    def list(self, root, request, *, with_metadata):
        if request.resumption_token:
            request = read_token(request)
        else:
            self.check_prefix(request.metadata_prefix)
            # Freeze the end of the harvest: records changed meanwhile come
            # with the next incremental harvest instead of shifting pages.
            request.until_date = request.until_date or timezone.now().replace(microsecond=0)
        records = filter_records(request)
        if request.total is None:
            request.total = records.count()
        batch = list(records.filter(pk__gt=request.after)[: page_size() + 1])
        if not batch:
            raise OAIError("noRecordsMatch", _("No records match the request."))
        more = len(batch) > page_size()
        batch = batch[: page_size()]
        container = self.sub(root, request.verb)
        self.write_records(container, batch, with_metadata=with_metadata)
        if more or request.resumption_token:
            cursor = request.cursor
            token = make_token(request, batch[-1].pk, cursor + len(batch), request.total) if more else ""
            element = self.sub(container, "resumptionToken", token)
            element.set("completeListSize", str(max(request.total, cursor + len(batch))))
            element.set("cursor", str(cursor))
            if more:
                expires = timezone.now() + datetime.timedelta(seconds=TOKEN_MAX_AGE)
                element.set("expirationDate", format_datestamp(expires))

    def write_records(self, container, records, *, with_metadata):
        page_ids = [record.page_id for record in records if record.is_public and record.page_id]
        pages = {page.pk: page for page in live_public_items().filter(pk__in=page_ids).specific()}
        for record in records:
            page = pages.get(record.page_id) if record.is_public else None
            parent = self.sub(container, "record") if with_metadata else container
            header = self.sub(parent, "header")
            if page is None:
                header.set("status", "deleted")
            self.sub(header, "identifier", oai_identifier(record.pid))
            self.sub(header, "datestamp", format_datestamp(record.datestamp))
            for spec in set_specs_for(page) if page is not None else record.set_specs():
                self.sub(header, "setSpec", spec)
            if with_metadata and page is not None:
                metadata = self.sub(parent, "metadata")
                self.write_dc(metadata, page, record)

    def write_dc(self, metadata, page, record):
        item = csl.for_rendering(csl.csl_item(page, current_version(record), pid=record.pid), self.site_url)
        dc = etree.SubElement(
            metadata, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
        )
        dc.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")

        def add(tag, value):
            if value:
                self.sub(dc, tag, value, DC_NS)

        add("title", item.get("title"))
        for name in item.get("author", []):
            add("creator", csl.name_as_text(name))
        for name in item.get("editor", []):
            add("contributor", csl.name_as_text(name))
        for topic in (item.get("keyword") or "").split(","):
            add("subject", topic.strip())
        add("description", item.get("abstract"))
        add("publisher", item.get("publisher"))
        add("date", page.publication_date.isoformat())
        type_slug = page.type_slug
        if type_slug == "material" and page.material_type == "dataset":
            type_slug = "dataset"
        add("type", DCMI_TYPES.get(type_slug, "Text"))
        add("type", EU_REPO_TYPES.get(type_slug))
        add("type", item.get("genre"))
        add("format", "text/html")
        add("identifier", f"{self.site_url}/id/{record.pid}/")
        add("identifier", self.site_url + (page.url or ""))
        add("language", item.get("language"))
        for translation_record in PersistentIdentifier.objects.filter(
            translation_key=record.translation_key, is_public=True
        ).exclude(pk=record.pk):
            add("relation", f"{self.site_url}/id/{translation_record.pid}/")
        add("rights", item.get("license"))
        city = getattr(page, "city", None)
        if city is not None:
            add("coverage", f"{city.name}, {city.country}")
        add("coverage", getattr(page, "period", ""))


def all_sets() -> list[tuple[str, str]]:
    with translation.override("en"):
        sets = [("type", _("Item types"))]
        sets += [
            (f"type:{slug}", str(model._meta.verbose_name_plural).capitalize())
            for slug, model in ITEM_TYPES.items()
        ]
        sets.append(("topic", _("Topics")))
    names: dict[str, str] = {}
    topics = Topic.objects.select_related("locale").order_by("sort_order", "name")
    for topic in topics:
        # English names where there are, else the first language's.
        if topic.slug not in names or topic.locale.language_code == "en":
            names[topic.slug] = topic.name
    sets += [(f"topic:{slug}", name) for slug, name in names.items() if SPEC_RE.match(f"topic:{slug}")]
    return sets


def respond(params, *, base_url: str, site_url: str) -> bytes:
    """The XML response to one OAI-PMH request."""
    return Repository(base_url, site_url).respond(params)

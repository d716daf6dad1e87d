"""Language-independent library views: permanent links, versions, citation
downloads and the OAI-PMH endpoint. Thin shells around ``library.citation``."""

import django_filters
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .citation import csl, exports, oai, usage
from .citation.context import ItemCitation
from .citation.identifiers import current_version, live_public_items, public_base_url, resolve
from .models import ITEM_TYPES, LibraryItemPage, PersistentIdentifier

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
MAX_SELECTION = 500


def _language_or_error(request):
    language = request.GET.get("lang", "")
    if language and language not in LANGUAGE_CODES:
        return None, HttpResponseBadRequest(
            _("Unknown language %(language)r; use one of: %(languages)s.")
            % {"language": language[:20], "languages": ", ".join(sorted(LANGUAGE_CODES))},
            content_type="text/plain; charset=utf-8",
        )
    return language, None


def _not_found(request, pid, message=None, *, html=True):
    message = message or _("No library item has the permanent identifier %(pid)r.") % {"pid": pid[:40]}
    if html:
        response = render(request, "library/identifier_not_found.html", {"message": message}, status=404)
    else:
        response = HttpResponse(message, status=404, content_type="text/plain; charset=utf-8")
    # LocaleMiddleware turns a 404 outside the language prefixes into a
    # redirect to /ru/… whenever the prefixed path could match (Wagtail's
    # catch-all always does). These URLs have no language: answer from a
    # URLconf without i18n_patterns so the 404 and its message stay.
    request.urlconf = "library.urls"
    return response


def _tombstone(request, resolution, version=None):
    identifier = resolution.identifier
    item = version.citation if version is not None and version.citation else identifier.citation
    item = csl.for_rendering(item or {}, public_base_url(request), timezone.localdate())
    with translation.override(identifier.locale or settings.LANGUAGE_CODE):
        citations = []
        if item.get("title"):
            citations = [
                {"label": style.label, "html": csl.render(item, key, "html")}
                for key, style in csl.STYLES.items()
            ]
        return render(
            request,
            "library/tombstone.html",
            {
                "identifier": identifier,
                "citations": citations,
                "item_title": item.get("title", ""),
                "translations": resolution.translations,
                "permanent_url": public_base_url(request) + identifier.path,
            },
            status=410,
        )


@require_safe
def resolve_identifier(request, pid):
    """/id/<pid>/: to the item's current address, in ?lang= if it has one."""
    language, error = _language_or_error(request)
    if error:
        return error
    resolution = resolve(pid, language)
    if not resolution.found:
        return _not_found(request, pid)
    if resolution.gone:
        return _tombstone(request, resolution)
    target = resolution.page.get_url(request)
    seconds = request.GET.get("t", "")
    if seconds.isascii() and seconds.isdigit():
        target += f"?t={seconds}"
    return HttpResponseRedirect(target)


@require_safe
def version_view(request, pid, number):
    """/id/<pid>/v/<n>/: the item as it was at version n."""
    resolution = resolve(pid)
    if not resolution.found:
        return _not_found(request, pid)
    identifier = resolution.identifier
    version = identifier.versions.filter(number=number).first()
    if version is None:
        return _not_found(
            request,
            pid,
            _("The item %(pid)s has no version %(number)s.") % {"pid": identifier.pid, "number": number},
        )
    if resolution.gone or identifier.page_id is None:
        return _tombstone(request, resolution, version)
    live = LibraryItemPage.objects.get(pk=identifier.page_id).specific
    latest = current_version(identifier)
    if version.pk == latest.pk:
        page = live
    elif version.revision is not None:
        page = live.with_content_json(version.revision.content)
    else:  # a version whose stored content is gone keeps its citation
        return _tombstone(request, resolution, version)
    usage.record_view(live, request)
    with translation.override(page.locale.language_code):
        context = page.get_context(request)
        context["citation"] = ItemCitation(page, request, version, viewing_version=True)
        context["viewing_version"] = version
        context["latest_version"] = latest
        context["live_page"] = live
        return render(request, page.get_template(request), context)


def _export_response(content, content_type, filename, *, inline=False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _bad_request(error):
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


@require_safe
def cite(request, pid, fmt, number=None):
    """/id/<pid>/cite.{bib,ris,json,txt}[?style=] and the same per version."""
    try:
        fmt = exports.normalise_format(fmt)
        style = request.GET.get("style") or csl.DEFAULT_STYLE
        if fmt == "txt":
            csl.get_style(style)
    except ValueError as error:
        return _bad_request(error)
    resolution = resolve(pid)
    if not resolution.found:
        return _not_found(request, pid, html=False)
    identifier = resolution.identifier
    version = None
    if number is not None:
        version = identifier.versions.filter(number=number).first()
        if version is None:
            message = _("The item %(pid)s has no version %(number)s.") % {
                "pid": identifier.pid,
                "number": number,
            }
            return _not_found(request, pid, message, html=False)
    if resolution.gone:
        return _withdrawn_text(request, identifier, version)
    live = LibraryItemPage.objects.get(pk=identifier.page_id).specific
    if version is None or version.pk == current_version(identifier).pk:
        items = exports.citation_items([live], request=request)
    else:
        items = [csl.for_rendering(version.citation, public_base_url(request, live), timezone.localdate())]
    content, content_type, filename = exports.serialize(items, fmt, style)
    usage.record_exports(items, request)
    return _export_response(content, content_type, filename, inline=fmt == "txt")


def _withdrawn_text(request, identifier, version=None):
    item = version.citation if version is not None and version.citation else identifier.citation
    item = csl.for_rendering(item or {}, public_base_url(request), timezone.localdate())
    with translation.override(identifier.locale or settings.LANGUAGE_CODE):
        lines = [_("This item has been withdrawn from the library.")]
        if item.get("title"):
            lines += ["", _("Its last public citation:"), csl.render(item, csl.DEFAULT_STYLE, "text")]
    return HttpResponse("\n".join(lines) + "\n", status=410, content_type="text/plain; charset=utf-8")


@require_safe
def export_selection(request, fmt=None):
    """/cite/export.<fmt>?pid=…&pid=… (or ?item=<page id>, ?format=): a
    reference file for a chosen set of items."""
    try:
        fmt = exports.normalise_format(fmt or request.GET.get("format", ""))
        style = request.GET.get("style") or csl.DEFAULT_STYLE
        if fmt == "txt":
            csl.get_style(style)
    except ValueError as error:
        return _bad_request(error)
    pids = [value for raw in request.GET.getlist("pid") for value in raw.split(",") if value.strip()]
    item_ids = request.GET.getlist("item")
    if len(pids) + len(item_ids) > MAX_SELECTION:
        return _bad_request(_("Choose at most %(count)s items.") % {"count": MAX_SELECTION})
    if not pids and not item_ids:
        return _bad_request(_("Choose at least one item (pid=… or item=…)."))
    chosen = []  # (what was asked for, page id)
    for pid in pids:
        resolution = resolve(pid)
        chosen.append((pid.strip()[:40], resolution.identifier.page_id if resolution.found else None))
    for raw in item_ids:
        chosen.append((raw[:40], int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 18 else None))
    public = set(
        live_public_items().filter(pk__in=[pk for _label, pk in chosen if pk]).values_list("pk", flat=True)
    )
    unknown = [label for label, pk in chosen if pk not in public]
    if unknown:
        return _bad_request(
            _("These items are unknown or not public: %(items)s.")
            % {"items": ", ".join(dict.fromkeys(unknown))}
        )
    items = exports.citation_items([LibraryItemPage(pk=pk) for _label, pk in chosen], request=request)
    content, content_type, filename = exports.serialize(items, fmt, style)
    usage.record_exports(items, request)
    return _export_response(content, content_type, filename, inline=fmt == "txt")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request):
    """/oai/: OAI-PMH 2.0 (GET or form-encoded POST)."""
    params = request.POST if request.method == "POST" else request.GET
    # Harvesters rarely say which language they read: messages are in English
    # unless the client asks for a language.
    language = translation.get_language() if request.headers.get("Accept-Language") else "en"
    with translation.override(language):
        body = oai.respond(
            dict(params.lists()),
            base_url=request.build_absolute_uri(request.path),
            site_url=public_base_url(request),
        )
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


# --- Admin: usage report ---------------------------------------------------------------


class UsagePeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("Period"),
        choices=[
            ("7", gettext_lazy("Last 7 days")),
            ("30", gettext_lazy("Last 30 days")),
            ("365", gettext_lazy("Last 365 days")),
            ("all", gettext_lazy("All time")),
        ],
        empty_label=gettext_lazy("Last 30 days"),
        method="keep",  # read by the view, which sums over the period
    )
    item_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Type"),
        choices=lambda: [
            (slug, model._meta.verbose_name_plural.capitalize()) for slug, model in ITEM_TYPES.items()
        ],
    )
    locale = django_filters.ChoiceFilter(label=gettext_lazy("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = PersistentIdentifier
        fields = ["period", "item_type", "locale"]

    def keep(self, queryset, name, value):
        return queryset


class UsageReportView(ReportView):
    """Reports › Library usage: views, file downloads and citation downloads
    per item over a period, exportable as CSV/XLSX."""

    page_title = gettext_lazy("Library usage")
    header_icon = "view"
    index_url_name = "library_usage_report"
    index_results_url_name = "library_usage_report_results"
    filterset_class = UsagePeriodFilterSet
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    list_export = ["title", "pid", "item_type", "locale", "is_public", "views", "downloads", "exports"]
    export_headings = {
        "title": gettext_lazy("Item"),
        "pid": gettext_lazy("Permanent identifier"),
        "item_type": gettext_lazy("Type"),
        "locale": gettext_lazy("Language"),
        "is_public": gettext_lazy("Public"),
        "views": gettext_lazy("Views"),
        "downloads": gettext_lazy("File downloads"),
        "exports": gettext_lazy("Citation downloads"),
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=gettext_lazy("Item"),
                get_url=lambda record: (
                    reverse("wagtailadmin_pages:edit", args=[record.page_id]) if record.page_id else None
                ),
            ),
            Column("pid", label=gettext_lazy("Permanent identifier")),
            Column("item_type", label=gettext_lazy("Type")),
            Column("locale", label=gettext_lazy("Language")),
            Column("status", label=gettext_lazy("Status"), accessor=_status_label),
            NumberColumn("views", label=gettext_lazy("Views")),
            NumberColumn("downloads", label=gettext_lazy("File downloads")),
            NumberColumn("exports", label=gettext_lazy("Citation downloads")),
        ]

    def get_queryset(self):
        return usage.report_queryset(self.request.GET.get("period") or "30")


def _status_label(record):
    return _("public") if record.is_public else _("withdrawn")

"""Thin views over the search service: the HTML page, the JSON API, suggestions."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .params import search_request
from .service import SearchUnavailable, run_search, suggestions

logger = logging.getLogger(__name__)


def _site_id(request) -> int:
    site = Site.find_for_request(request)
    return site.pk if site else 0


@require_GET
def search_page(request):
    search = search_request(request.GET, locale=get_language(), site_id=_site_id(request))
    context = {"search": search, "search_query": search.query}
    status = 200
    try:
        context.update(run_search(search))
        context["first_number"] = (search.page - 1) * search.per_page + 1
    except SearchUnavailable:
        context["unavailable"] = True
        status = 503
    response = render(request, "search/search_page.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def search_api(request):
    search = search_request(request.GET, locale=request.GET.get("lang", "ru"), site_id=_site_id(request))
    export_format = request.GET.get("format")
    if export_format:
        from .service import export_response

        return export_response(search, export_format, request, style=request.GET.get("style"))
    try:
        outcome = run_search(search)
    except SearchUnavailable:
        return JsonResponse({"error": "Search is temporarily unavailable."}, status=503)
    return JsonResponse(outcome["response_json"], json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    locale = request.GET.get("lang") or get_language() or "ru"
    try:
        items = suggestions(request.GET.get("q", ""), locale=locale, site_id=_site_id(request))
    except SearchUnavailable:
        items = []
    return JsonResponse(
        {"query": request.GET.get("q", "")[:200], "suggestions": items},
        json_dumps_params={"ensure_ascii": False},
    )

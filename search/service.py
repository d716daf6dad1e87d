"""The search service: runs a request on the engine, adds editors' picks,
records the query for editors, and shapes the JSON of the API contract."""

import logging
from dataclasses import asdict

from django.http import HttpResponse, JsonResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from library.models import LibraryItemPage

from .engines import get_engine
from .engines.base import SearchRequest, SearchResponse
from .models import QueryStat
from .params import LANGUAGES
from .query import clean

logger = logging.getLogger(__name__)
MAX_EXPORT = 1000


class SearchUnavailable(Exception):
    """The engine did not answer (a cluster down); shown as a 503, never a 500."""


def _search(search: SearchRequest) -> SearchResponse:
    try:
        return get_engine().search(search)
    except Exception as error:
        logger.exception("Search engine failed")
        raise SearchUnavailable from error


def editors_picks(search: SearchRequest) -> list[LibraryItemPage]:
    """Promoted items for this exact query, live, public and in this language."""
    if not search.query or search.page != 1:
        return []
    query = Query.objects.filter(query_string=normalise_query_string(search.query)).first()
    if query is None:
        return []
    page_ids = [pick.page_id for pick in query.editors_picks.order_by("sort_order") if pick.page_id]
    pages = (
        LibraryItemPage.objects.live()
        .public()
        .filter(pk__in=page_ids, locale__language_code=search.locale)
        .specific()
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def localise_labels(response: SearchResponse) -> None:
    """Type and language labels in the visitor's language (the index keeps
    whatever language it was built in; topic and speaker labels already come
    from the item's own language)."""
    from library.models.choices import LANGUAGE_CHOICES
    from library.models.pages import ITEM_TYPES

    names = {
        "type": {slug: model._meta.verbose_name_plural for slug, model in ITEM_TYPES.items()},
        "language": dict(LANGUAGE_CHOICES),
    }
    for facet, labels in names.items():
        for bucket in response.facets.get(facet, []):
            bucket.label = str(labels.get(bucket.value, bucket.label)).capitalize()


def response_json(search: SearchRequest, response: SearchResponse, picks) -> dict:
    return {
        "query": search.query,
        "total": response.total,
        "took_ms": round(response.took_ms, 2),
        "page": response.page,
        "pages": response.pages,
        "sort": search.sort,
        "fallback": response.fallback,
        "suggestion": response.suggestion or None,
        "editors_picks": [
            {"id": page.pk, "title": page.title, "url": page.url, "type": page.type_slug} for page in picks
        ],
        "results": [
            {
                "id": result.id,
                "title": result.title,
                "url": result.url,
                "type": result.type,
                "date": result.date.isoformat(),
                "provider": result.provider,
                "snippet": result.snippet,
                "hits": [
                    {key: value for key, value in asdict(hit).items() if value not in (None, "")}
                    for hit in result.hits
                ],
            }
            for result in response.results
        ],
        "facets": {name: [asdict(bucket) for bucket in buckets] for name, buckets in response.facets.items()},
    }


def run_search(search: SearchRequest) -> dict:
    response = _search(search)
    localise_labels(response)
    picks = editors_picks(search)
    if search.query and search.page == 1:
        QueryStat.record(search.query, search.locale, response.total)
    return {"response": response, "picks": picks, "response_json": response_json(search, response, picks)}


def suggestions(text: str, *, locale: str, site_id: int) -> list[str]:
    text = clean(text)[:100]
    if len(text) < 2:
        return []
    try:
        return get_engine().suggest(text, locale if locale in LANGUAGES else "ru", site_id)
    except Exception as error:
        logger.exception("Suggestions failed")
        raise SearchUnavailable from error


def export_response(search: SearchRequest, export_format: str, request, style=None):
    """Every result of a search (up to MAX_EXPORT) as BibTeX, RIS, CSL-JSON or
    a plain-text reference list (``style``), counted as citation downloads."""
    from library.citation import csl
    from library.citation.exports import citation_items, normalise_format, serialize
    from library.citation.usage import record_exports

    try:
        export_format = normalise_format(export_format)
        if export_format == "txt":
            csl.get_style(style or csl.DEFAULT_STYLE)
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    search.page, search.per_page = 1, MAX_EXPORT
    try:
        response = _search(search)
    except SearchUnavailable:
        return JsonResponse({"error": "Search is temporarily unavailable."}, status=503)
    ids = [result.id for result in response.results]
    pages = LibraryItemPage.objects.filter(pk__in=ids)
    order = {pk: index for index, pk in enumerate(ids)}
    items = citation_items(sorted(pages, key=lambda page: order[page.pk]), request=request)
    content, content_type, filename = serialize(items, export_format, style)
    record_exports(items, request)
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply

"""Usage figures for editors: views, file downloads and citation downloads.

Counted on the server into daily totals per item (``ItemUsage``); nothing
about the visitor is stored: no address, cookie, user agent or referrer.
Only public items are counted; robots (by their user agent, read and
forgotten), HEAD requests, prefetches and partial-content requests after the
first are not.
"""

import datetime
import re

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from library.models import ItemUsage, PersistentIdentifier

from .identifiers import identifier_for, is_public, live_public_items

ROBOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|headless"
    r"|curl|wget|python|httpx|java/|go-http|okhttp|scrapy|libwww|feedfetcher|mediapartners",
    re.IGNORECASE,
)
FIELDS = ("views", "downloads", "exports")


def is_countable(request) -> bool:
    if request is None or request.method != "GET":
        return False
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOT_RE.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return False
    byte_range = request.headers.get("Range", "")
    return not byte_range or byte_range.replace(" ", "").startswith("bytes=0-")


def _add(identifier_id: int, field: str, amount: int = 1) -> None:
    today = timezone.localdate()
    rows = ItemUsage.objects.filter(identifier_id=identifier_id, date=today)
    if rows.update(**{field: models.F(field) + amount}):
        return
    try:
        with transaction.atomic():
            ItemUsage.objects.create(identifier_id=identifier_id, date=today, **{field: amount})
    except IntegrityError:  # created by a concurrent request meanwhile
        rows.update(**{field: models.F(field) + amount})


def record_view(page, request) -> bool:
    """Count one view of a public item page; True when counted."""
    if not is_countable(request) or not is_public(page):
        return False
    identifier = identifier_for(page)
    if identifier is None:
        return False
    _add(identifier.pk, "views")
    return True


def record_download(document, request) -> int:
    """Count a download of ``document`` for every public item offering it."""
    if not is_countable(request):
        return 0
    items = live_public_items().filter(
        models.Q(attachments__document=document) | models.Q(policybriefpage__pdf=document)
    )
    identifiers = PersistentIdentifier.objects.filter(page__in=items).values_list("pk", flat=True)
    count = 0
    for identifier_id in set(identifiers):
        _add(identifier_id, "downloads")
        count += 1
    return count


def record_exports(items: list[dict], request) -> int:
    """Count a citation download for each exported CSL item (ids are PIDs)."""
    if not is_countable(request):
        return 0
    pids = [item.get("id") for item in items]
    identifiers = PersistentIdentifier.objects.filter(pid__in=pids, is_public=True).values_list(
        "pk", flat=True
    )
    for identifier_id in identifiers:
        _add(identifier_id, "exports")
    return len(identifiers)


def totals(queryset, since: datetime.date | None = None) -> dict:
    rows = queryset.filter(date__gte=since) if since else queryset
    sums = rows.aggregate(**{field: models.Sum(field) for field in FIELDS})
    return {field: sums[field] or 0 for field in FIELDS}


def usage_summary(identifier) -> dict:
    """Figures for the editor's panel: the last 30 days and all time."""
    rows = ItemUsage.objects.filter(identifier=identifier)
    return {
        "last_30_days": totals(rows, timezone.localdate() - datetime.timedelta(days=29)),
        "all_time": totals(rows),
    }


REPORT_PERIODS = {"7": 7, "30": 30, "365": 365, "all": None}


def report_queryset(period: str = "30"):
    """Identifiers of items that have been public, with their figures over
    ``period`` (days, or "all") as ``views``, ``downloads``, ``exports``."""
    days = REPORT_PERIODS.get(period, 30)
    condition = models.Q()
    if days:
        condition = models.Q(usage__date__gte=timezone.localdate() - datetime.timedelta(days=days - 1))
    annotations = {
        field: models.functions.Coalesce(models.Sum(f"usage__{field}", filter=condition), 0)
        for field in FIELDS
    }
    return (
        PersistentIdentifier.objects.filter(first_public_at__isnull=False)
        .annotate(**annotations)
        .order_by("-views", "-downloads", "pk")
    )

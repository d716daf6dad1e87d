"""Query figures for editors: what people search for, and what finds nothing."""

from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone

from .models import QueryStat

PERIODS = (7, 30)


def query_report(days: int, limit: int = 50) -> dict:
    since = timezone.localdate() - timedelta(days=days - 1)
    stats = QueryStat.objects.filter(day__gte=since).values("query", "locale")
    frequent = stats.annotate(total=Sum("searches")).order_by("-total", "query")[:limit]
    empty = stats.annotate(total=Sum("zero_results")).filter(total__gt=0).order_by("-total", "query")[:limit]
    return {"days": days, "since": since, "frequent": list(frequent), "zero_results": list(empty)}

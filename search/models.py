"""What the search layer stores besides the engines' own indexes: daily query
counts for editors (no visitor data, only the query text and how many times
it was asked and found nothing)."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY = 200


class QueryStat(models.Model):
    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY)
    locale = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches that found nothing"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        constraints = [
            models.UniqueConstraint(fields=["query", "locale", "day"], name="unique_query_stat_per_day")
        ]
        indexes = [models.Index(fields=["day", "locale"])]

    def __str__(self):
        return f"{self.query} ({self.day})"

    @classmethod
    def record(cls, query: str, locale: str, total: int) -> None:
        """Count one search; the query is lower-cased and trimmed."""
        text = " ".join(query.lower().split())[:MAX_LOGGED_QUERY]
        if not text:
            return
        stat, _ = cls.objects.get_or_create(query=text, locale=locale, day=timezone.localdate())
        cls.objects.filter(pk=stat.pk).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + (0 if total else 1)
        )

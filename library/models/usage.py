"""Usage figures for editors: views and downloads per item and day.

Counted on the server, as plain daily totals: no visitor, address, cookie or
user agent is stored. See ``library/citation/usage.py``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .identifiers import PersistentIdentifier


class ItemUsage(models.Model):
    identifier = models.ForeignKey(PersistentIdentifier, on_delete=models.CASCADE, related_name="usage")
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("views"), default=0)
    downloads = models.PositiveIntegerField(_("file downloads"), default=0)
    exports = models.PositiveIntegerField(_("citation downloads"), default=0)

    class Meta:
        verbose_name = _("usage")
        verbose_name_plural = _("usage")
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["identifier", "date"], name="unique_usage_day")]

    def __str__(self):
        return f"{self.identifier.pid} {self.date}"

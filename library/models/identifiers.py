"""Persistent identifiers and the public versions of library items.

A PID is assigned when an item is first published and is never reused or
deleted: it outlives slug changes, moves, unpublishing and deletion, so that
``/id/<pid>/`` can always answer (a redirect to the item, or a 410 tombstone
with its last public citation). Every publish while the item is public records
a numbered :class:`ItemVersion`. The bookkeeping lives in
``library/citation/identifiers.py``; these are only the tables.
"""

import secrets

from django.db import models
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Crockford's base32 in lower case: no i, l, o, u, so nothing reads as
# something else when a link is typed from paper.
PID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
PID_LENGTH = 8
_CROCKFORD_ALIASES = str.maketrans({"i": "1", "l": "1", "o": "0"})


def new_pid() -> str:
    """A random, opaque identifier: 32⁸ ≈ 10¹² possibilities."""
    return "".join(secrets.choice(PID_ALPHABET) for _ in range(PID_LENGTH))


def normalise_pid(value: str) -> str:
    """Read a PID the way people copy them: any case, i/l for 1, o for 0,
    hyphens and spaces ignored. Returns "" for anything that cannot be one."""
    cleaned = str(value).strip().lower().replace("-", "").replace(" ", "").translate(_CROCKFORD_ALIASES)
    if len(cleaned) != PID_LENGTH or any(char not in PID_ALPHABET for char in cleaned):
        return ""
    return cleaned


def keep_unless_page_deleted(collector, field, sub_objs, using):
    """``on_delete`` for a version's revision.

    Deleting a page deletes its revisions; versions pointing at them then keep
    their citation but lose the link (SET_NULL). Anything else that deletes a
    revision a version points to (``purge_revisions``) is refused, as with
    PROTECT, so that ``/id/<pid>/v/<n>/`` keeps showing what was cited.
    ``purge_revisions`` counts and skips protected revisions.
    """
    from wagtail.models import Page, Revision

    pages_being_deleted = {
        str(obj.pk) for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs
    }
    versions = list(sub_objs)
    revision_pages = dict(
        Revision.objects.filter(pk__in={version.revision_id for version in versions}).values_list(
            "pk", "object_id"
        )
    )
    if all(revision_pages.get(version.revision_id) in pages_being_deleted for version in versions):
        collector.add_field_update(field, None, versions)
        return
    raise ProtectedError(
        "A published version of a library item refers to this revision; it is kept for citations.",
        versions,
    )


class PersistentIdentifier(models.Model):
    """The permanent identifier of one library page (one language version)."""

    pid = models.CharField(_("permanent identifier"), max_length=16, unique=True, editable=False)
    page = models.OneToOneField(
        "library.LibraryItemPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="identifier",
        verbose_name=_("item"),
    )
    # Copied from the page so that a deleted item still has its place.
    translation_key = models.UUIDField(db_index=True)
    locale = models.CharField(_("language"), max_length=8)
    item_type = models.CharField(_("type"), max_length=20)
    title = models.CharField(_("title"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("assigned"), default=timezone.now)

    # Public state, kept in step by signals: published and not restricted.
    is_public = models.BooleanField(_("public"), default=False)
    first_public_at = models.DateTimeField(_("first public"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    # When the record last changed (OAI-PMH datestamp, UTC, whole seconds).
    datestamp = models.DateTimeField(_("last changed"), default=timezone.now, db_index=True)
    # The last public citation (CSL-JSON, links as paths) and OAI-PMH sets,
    # for the tombstone and the deleted record once the page is gone.
    citation = models.JSONField(default=dict, blank=True)
    sets = models.TextField(blank=True)

    class Meta:
        verbose_name = _("permanent identifier")
        verbose_name_plural = _("permanent identifiers")
        ordering = ["pk"]

    def __str__(self):
        return self.pid

    @property
    def path(self) -> str:
        return f"/id/{self.pid}/"

    @property
    def was_public(self) -> bool:
        return self.first_public_at is not None

    def set_specs(self) -> list[str]:
        return self.sets.split()


class ItemVersion(models.Model):
    """One published, public state of an item, numbered from 1."""

    identifier = models.ForeignKey(PersistentIdentifier, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=keep_unless_page_deleted,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"))
    change_note = models.CharField(_("change note"), max_length=255, blank=True)
    citation = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["identifier", "number"]
        constraints = [
            models.UniqueConstraint(fields=["identifier", "number"], name="unique_item_version_number")
        ]

    def __str__(self):
        return f"{self.identifier.pid} v{self.number}"

    @property
    def path(self) -> str:
        return f"/id/{self.identifier.pid}/v/{self.number}/"

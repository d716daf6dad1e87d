"""Permanent identifiers, versions and the public state of library items.

Called by the signal handlers (publish, unpublish, delete, view restrictions)
and by the ``/id/`` views. An item is *public* when it is live and no view
restriction applies to it or its ancestors; only public states are ever
cited, versioned, harvested or counted.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from library.models import ItemVersion, LibraryItemPage, PersistentIdentifier
from library.models.identifiers import new_pid, normalise_pid

from . import csl

logger = logging.getLogger(__name__)


def now():
    """Datestamps are whole seconds (the OAI-PMH granularity)."""
    return timezone.now().replace(microsecond=0)


def is_public(page) -> bool:
    return bool(page.live) and not page.get_view_restrictions().exists()


def public_base_url(request=None, page=None) -> str:
    """Scheme and host for absolute links: the request's, else the page's
    site, else ``WAGTAILADMIN_BASE_URL``."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    if page is not None:
        site = page.get_site()
        if site is not None:
            return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def set_specs_for(page) -> list[str]:
    """OAI-PMH sets: the item type and each topic (slugs are the same in
    every language, so a topic set spans languages)."""
    specs = [f"type:{page.type_slug}"]
    specs += sorted({f"topic:{slug}" for slug in page.topics.values_list("slug", flat=True) if slug})
    return specs


def identifier_for(page) -> PersistentIdentifier | None:
    if page is None or page.pk is None:
        return None
    return PersistentIdentifier.objects.filter(page_id=page.pk).first()


def ensure_identifier(page) -> PersistentIdentifier:
    """The page's identifier, created (with a fresh random PID) if missing."""
    existing = identifier_for(page)
    if existing is not None:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return PersistentIdentifier.objects.create(
                    pid=new_pid(),
                    page_id=page.pk,
                    translation_key=page.translation_key,
                    locale=page.locale.language_code,
                    item_type=page.specific.type_slug,
                    title=page.title[:255],
                    datestamp=now(),
                )
        except IntegrityError:
            existing = identifier_for(page)
            if existing is not None:
                return existing
    raise RuntimeError("Could not allocate a unique permanent identifier")


def current_version(identifier) -> ItemVersion | None:
    return identifier.versions.order_by("-number").first() if identifier else None


def _record_version(identifier, page, revision) -> ItemVersion:
    """A new version for a newly public revision; the existing one otherwise."""
    latest = current_version(identifier)
    if latest is not None and revision is not None and latest.revision_id == revision.pk:
        return latest
    note = (page.change_note or "").strip()[:255]
    last_note = identifier.versions.exclude(change_note="").order_by("-number")
    if note and note == last_note.values_list("change_note", flat=True).first():
        note = ""  # left over from an earlier version, not repeated
    version = ItemVersion(
        identifier=identifier,
        number=(latest.number + 1) if latest else 1,
        revision=revision,
        published_at=page.last_published_at or now(),
        change_note=note,
    )
    version.citation = csl.csl_item(page, version)
    version.save()
    return version


def sync(page, revision=None, *, published=False) -> PersistentIdentifier | None:
    """Bring the identifier of ``page`` in step with its public state.

    On publish the page gets its identifier (even when private: it is
    assigned at first publication) and, when public, a new version. When it
    stops being public the record is marked withdrawn, keeping the last public
    citation for the tombstone.
    """
    page = page.specific
    if not isinstance(page, LibraryItemPage):
        return None
    identifier = ensure_identifier(page) if (published or page.live) else identifier_for(page)
    if identifier is None:
        return None
    stamp = now()
    if is_public(page):
        in_step = identifier.is_public and not published and current_version(identifier) is not None
        if in_step:
            return identifier  # nothing changed: no new version, no new datestamp
        version = _record_version(identifier, page, revision or page.live_revision)
        identifier.citation = csl.csl_item(page, version)
        # Space-delimited with spaces at both ends, so " topic:x " matches whole specs.
        identifier.sets = f" {' '.join(set_specs_for(page))} "
        identifier.title = page.title[:255]
        identifier.locale = page.locale.language_code
        if not identifier.is_public:
            identifier.is_public = True
            identifier.first_public_at = identifier.first_public_at or stamp
            identifier.withdrawn_at = None
        identifier.datestamp = stamp
        identifier.save()
    elif identifier.is_public:
        withdraw(identifier, page, stamp)
    return identifier


def withdraw(identifier, page=None, stamp=None, *, deleted=False):
    stamp = stamp or now()
    if page is not None and not identifier.citation:
        identifier.citation = csl.csl_item(page, current_version(identifier))
    if identifier.is_public or deleted:
        identifier.datestamp = stamp
    if identifier.is_public:
        identifier.withdrawn_at = stamp
    identifier.is_public = False
    if deleted:
        identifier.deleted_at = stamp
    identifier.save()


def record_deletion(page):
    identifier = identifier_for(page)
    if identifier is None:
        return
    specific = LibraryItemPage.objects.filter(pk=page.pk).specific().first()
    withdraw(identifier, specific, deleted=True)


def resync_descendants(page):
    """A view restriction changed on ``page``: recheck every item below it."""
    items = LibraryItemPage.objects.descendant_of(page, inclusive=True).filter(identifier__isnull=False)
    for item in items.specific():
        sync(item)


def touch(items) -> int:
    """Mark the records of ``items`` (a LibraryItemPage queryset) as changed,
    e.g. after a speaker's name was corrected."""
    return PersistentIdentifier.objects.filter(page__in=items, is_public=True).update(datestamp=now())


# --- resolving ------------------------------------------------------------------------


@dataclass
class Resolution:
    identifier: PersistentIdentifier | None = None
    page: LibraryItemPage | None = None  # the live public page to go to
    translations: list = field(default_factory=list)  # other live languages

    @property
    def found(self) -> bool:
        return self.identifier is not None and self.identifier.was_public

    @property
    def gone(self) -> bool:
        return self.found and self.page is None


def live_public_items():
    return LibraryItemPage.objects.live().public()


def resolve(pid: str, language: str | None = None) -> Resolution:
    """What ``/id/<pid>/`` (``?lang=``) points to now."""
    code = normalise_pid(pid)
    identifier = PersistentIdentifier.objects.filter(pid=code).first() if code else None
    if identifier is None or not identifier.was_public:
        return Resolution()
    translations = list(
        live_public_items()
        .filter(translation_key=identifier.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    own = next((item for item in translations if item.pk == identifier.page_id), None)
    chosen = own
    if language:
        chosen = next((item for item in translations if item.locale.language_code == language), own)
    return Resolution(
        identifier=identifier,
        page=chosen.specific if chosen is not None else None,
        translations=[item for item in translations if item.pk != identifier.page_id],
    )


def repository_host() -> str:
    configured = getattr(settings, "LIBRARY_OAI_REPOSITORY_IDENTIFIER", "")
    return configured or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"

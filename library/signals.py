"""Keep derived data (document text, transcript segments, permanent identifiers,
usage figures) in step with edits."""

import logging

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.documents.models import document_served
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .captions import CaptionParseError
from .citation import identifiers, usage
from .models import (
    CaptionTrack,
    Event,
    LibraryDocument,
    LibraryItemPage,
    Organisation,
    Speaker,
    Topic,
)
from .tasks import queue_extraction
from .transcripts import sync_segments

logger = logging.getLogger(__name__)


@receiver(post_save, sender=LibraryDocument)
def extract_text_after_upload(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    if instance.needs_extraction:
        queue_extraction(instance)


@receiver(post_save, sender=CaptionTrack)
def parse_captions_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    try:
        sync_segments(instance)
    except (CaptionParseError, OSError) as error:
        # The page form validates caption files before saving; this only
        # happens for a file replaced afterwards. Keep the old segments.
        logger.warning("Caption track %s not parsed: %s", instance.pk, error)


# --- Permanent identifiers, versions and usage (library/citation) -------------------
#
# Citation bookkeeping must never stop an editor from publishing: failures are
# logged, and an item left without its identifier gets one the next time it
# is shown (ItemCitation) or exported.


def _guarded(action, *args, **kwargs):
    try:
        with transaction.atomic():  # a failure rolls back only this savepoint
            action(*args, **kwargs)
    except Exception:
        logger.exception("Citation bookkeeping failed in %s", getattr(action, "__name__", action))


@receiver(page_published)
def assign_identifier_on_publish(sender, instance, revision=None, **kwargs):
    if isinstance(instance, LibraryItemPage):
        _guarded(identifiers.sync, instance, revision, published=True)


@receiver(page_unpublished)
def withdraw_identifier_on_unpublish(sender, instance, **kwargs):
    if isinstance(instance, LibraryItemPage):
        _guarded(identifiers.sync, instance)


@receiver(pre_delete, sender=Page)
def keep_identifier_on_delete(sender, instance, **kwargs):
    _guarded(identifiers.record_deletion, instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def recheck_identifiers_on_restriction(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _guarded(identifiers.resync_descendants, page)


@receiver(post_save, sender=Speaker)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Topic)
@receiver(post_save, sender=Event)
def touch_records_citing_snippet(sender, instance, raw=False, created=False, **kwargs):
    """A corrected name changes the metadata of every item citing it: bump
    their OAI-PMH datestamps so incremental harvests pick the change up."""
    if raw or created:
        return
    filters = {
        Speaker: Q(people__person=instance),
        Organisation: Q(provider=instance) | Q(casestudypage__organisations=instance),
        Topic: Q(topics=instance),
        Event: Q(talkpage__event=instance) | Q(materialpage__event=instance),
    }
    _guarded(identifiers.touch, LibraryItemPage.objects.filter(filters[sender]))


@receiver(document_served)
def count_document_download(sender, instance, request=None, **kwargs):
    _guarded(usage.record_download, instance, request)

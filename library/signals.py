"""Keep derived data (document text, transcript segments) in step with edits."""

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver

from .captions import CaptionParseError
from .models import CaptionTrack, LibraryDocument
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

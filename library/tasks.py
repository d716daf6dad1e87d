"""Background tasks: text extraction runs off the request path.

Production runs these through the database task backend and
``manage.py db_worker``; dev and tests run them immediately.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from .extraction import ExtractionError, can_extract, extract_text
from .models import DocumentPageText, ExtractionStatus, LibraryDocument

logger = logging.getLogger(__name__)

# Sent after a document's page texts were replaced, so that whatever shows
# them (the search index) can follow. Arguments: document.
document_text_extracted = Signal()


def extract_document(document: LibraryDocument) -> None:
    """Extract the document's text page by page and record the outcome.

    Never raises for a bad file: the error is stored on the document, where
    the editor sees it, and the document itself stays as uploaded.
    """
    filename = document.file.name
    fields = {"extracted_at": timezone.now(), "extracted_hash": document.file_hash}
    pages = []
    if not can_extract(filename):
        fields.update(
            extraction_status=ExtractionStatus.UNSUPPORTED,
            extraction_error="",
            page_count=None,
            extraction_truncated=False,
        )
    else:
        try:
            with document.open_file() as fileobj:
                result = extract_text(
                    fileobj,
                    filename,
                    max_bytes=settings.LIBRARY_EXTRACTION_MAX_BYTES,
                    max_pages=settings.LIBRARY_EXTRACTION_MAX_PAGES,
                )
        except ExtractionError as error:
            fields.update(
                extraction_status=ExtractionStatus.FAILED,
                extraction_error=error.reason,
                page_count=None,
                extraction_truncated=False,
            )
        except OSError as error:
            logger.warning("Could not read document %s: %s", document.pk, error)
            fields.update(
                extraction_status=ExtractionStatus.FAILED,
                extraction_error=str(error) or "The stored file could not be read.",
                page_count=None,
                extraction_truncated=False,
            )
        else:
            pages = [
                DocumentPageText(document=document, page_number=page.number, text=page.text)
                for page in result.pages
                if page.text
            ]
            fields.update(
                extraction_status=ExtractionStatus.DONE,
                extraction_error="",
                page_count=result.page_count,
                extraction_truncated=result.truncated,
            )
    with transaction.atomic():
        DocumentPageText.objects.filter(document=document).delete()
        DocumentPageText.objects.bulk_create(pages, batch_size=500)
        LibraryDocument.objects.filter(pk=document.pk).update(**fields)
    for name, value in fields.items():
        setattr(document, name, value)
    document_text_extracted.send(sender=LibraryDocument, document=document)


@task()
def extract_document_text(document_id: int) -> None:
    document = LibraryDocument.objects.filter(pk=document_id).first()
    # Deleted before the worker got to it, or already extracted for this file.
    if document is None or not document.needs_extraction:
        return
    extract_document(document)


def queue_extraction(document: LibraryDocument) -> None:
    """Queue extraction once the upload's transaction has committed."""
    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))

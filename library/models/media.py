"""Swappable Wagtail media models: images with credits, documents with text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

from .choices import LANGUAGE_CHOICES, LICENCE_CHOICES


class LibraryImage(AbstractImage):
    """An image with the credit and licence that forum photos need."""

    credit = models.CharField(_("credit"), max_length=255, blank=True, help_text=_("Photographer or source."))
    licence = models.CharField(_("licence"), max_length=32, choices=LICENCE_CHOICES, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class LibraryRendition(AbstractRendition):
    image = models.ForeignKey(LibraryImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text extraction failed")
    UNSUPPORTED = "unsupported", _("No text extraction for this file type")


class LibraryDocument(AbstractDocument):
    """A document whose text is extracted, page by page, for search."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, blank=True)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("extraction error"), blank=True, editable=False)
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    extraction_truncated = models.BooleanField(default=False, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "language")

    search_fields = [*AbstractDocument.search_fields, index.FilterField("language")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def needs_extraction(self) -> bool:
        return self.extracted_hash != self.file_hash or (self.extraction_status == ExtractionStatus.PENDING)


class DocumentPageText(models.Model):
    """The text of one page (PDF page, slide) of a document."""

    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="page_texts")
    page_number = models.PositiveIntegerField(_("page"))
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["document", "page_number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "page_number"], name="unique_document_page")
        ]

    def __str__(self):
        return f"{self.document} p. {self.page_number}"

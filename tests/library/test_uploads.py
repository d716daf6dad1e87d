"""Uploads through the admin: allowed types and sizes, text extraction,
and files that are damaged, encrypted or too big never block the upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from reportlab.pdfgen import canvas

from library.models import DocumentPageText, ExtractionStatus, LibraryDocument, LibraryImage


def make_pdf(pages):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for text in pages:
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (11, 110, 79)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, django_user_model, django_capture_on_commit_callbacks):
    """A logged-in editor. Each request's on-commit callbacks (the queued
    extraction) run when it returns, as they would after a real commit."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def upload_document(client, filename, content, title="Документ"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(filename, content), "collection": 1, "language": "en"},
    )


@pytest.mark.django_db
class TestDocumentUpload:
    def test_pdf_text_is_extracted_page_by_page(self, editor_client):
        response = upload_document(editor_client, "brief.pdf", make_pdf(["Almaty forum", "Baltic Triangle"]))
        assert response.status_code == 302
        document = LibraryDocument.objects.get()
        assert document.extraction_status == ExtractionStatus.DONE
        assert document.page_count == 2
        pages = dict(DocumentPageText.objects.filter(document=document).values_list("page_number", "text"))
        assert pages == {1: "Almaty forum", 2: "Baltic Triangle"}

    def test_docx_text_is_extracted(self, editor_client):
        import docx

        buffer = io.BytesIO()
        doc = docx.Document()
        doc.add_paragraph("Создание городской среды")
        doc.save(buffer)
        upload_document(editor_client, "notes.docx", buffer.getvalue())
        document = LibraryDocument.objects.get()
        assert document.extraction_status == ExtractionStatus.DONE
        assert document.page_texts.get().text == "Создание городской среды"

    def test_pptx_text_is_extracted_per_slide(self, editor_client):
        from pptx import Presentation

        deck = Presentation()
        for title in ("Baltic Triangle", "Beautiful Ideas Festival"):
            slide = deck.slides.add_slide(deck.slide_layouts[5])
            slide.shapes.title.text = title
        buffer = io.BytesIO()
        deck.save(buffer)
        upload_document(editor_client, "deck.pptx", buffer.getvalue())
        texts = list(LibraryDocument.objects.get().page_texts.values_list("page_number", "text"))
        assert texts == [(1, "Baltic Triangle"), (2, "Beautiful Ideas Festival")]

    def test_corrupt_pdf_is_saved_and_the_editor_sees_why(self, editor_client):
        response = upload_document(editor_client, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
        assert response.status_code == 302
        document = LibraryDocument.objects.get()
        assert document.file.size > 0
        assert document.extraction_status == ExtractionStatus.FAILED
        assert "damaged" in document.extraction_error
        assert not document.page_texts.exists()
        edit_page = editor_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
        assert document.extraction_error in edit_page.content.decode()

    def test_encrypted_pdf_is_saved_with_a_clear_error(self, editor_client):
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(make_pdf(["secret"]))).pages:
            writer.add_page(page)
        writer.encrypt("s3cret")
        buffer = io.BytesIO()
        writer.write(buffer)
        upload_document(editor_client, "locked.pdf", buffer.getvalue())
        document = LibraryDocument.objects.get()
        assert document.extraction_status == ExtractionStatus.FAILED
        assert "password" in document.extraction_error

    def test_replacing_the_file_extracts_again(self, editor_client):
        upload_document(editor_client, "v1.pdf", make_pdf(["first version"]))
        document = LibraryDocument.objects.get()
        editor_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "v2",
                "file": SimpleUploadedFile("v2.pdf", make_pdf(["second version"])),
                "collection": 1,
            },
        )
        assert LibraryDocument.objects.get().page_texts.get().text == "second version"

    def test_caption_files_are_not_extracted_as_documents(self, editor_client):
        upload_document(editor_client, "talk.vtt", b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n")
        assert LibraryDocument.objects.get().extraction_status == ExtractionStatus.UNSUPPORTED

    def test_disallowed_type_is_refused(self, editor_client):
        response = upload_document(editor_client, "virus.exe", b"MZ\x90\x00")
        assert response.status_code == 200
        assert "exe" in response.content.decode()
        assert not LibraryDocument.objects.exists()

    def test_too_large_document_is_refused(self, editor_client, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
        response = upload_document(editor_client, "big.pdf", make_pdf(["x" * 50] * 40))
        assert response.status_code == 200
        assert not LibraryDocument.objects.exists()
        assert response.context["form"].errors["file"]


@pytest.mark.django_db
class TestImageUpload:
    def upload(self, client, filename, content):
        return client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Фото форума",
                "file": SimpleUploadedFile(filename, content),
                "collection": 1,
                "credit": "KBTU",
            },
        )

    def test_image_with_credit(self, editor_client):
        response = self.upload(editor_client, "forum.png", make_png(64, 48))
        assert response.status_code == 302
        image = LibraryImage.objects.get()
        assert (image.width, image.height, image.credit) == (64, 48, "KBTU")
        assert image.get_rendition("width-32").width == 32

    def test_decompression_bomb_is_refused_with_a_clear_message(self, editor_client, settings):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
        response = self.upload(editor_client, "bomb.png", make_png(100, 100))
        assert response.status_code == 200
        assert not LibraryImage.objects.exists()
        message = " ".join(response.context["form"].errors["file"])
        assert "10000" in message
        assert "1000." in message

    def test_not_an_image_is_refused(self, editor_client):
        response = self.upload(editor_client, "photo.png", b"this is text, not a picture")
        assert response.status_code == 200
        assert not LibraryImage.objects.exists()
        assert response.context["form"].errors["file"]

    def test_disallowed_image_type_is_refused(self, editor_client):
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 8)).save(buffer, "BMP")
        response = self.upload(editor_client, "photo.bmp", buffer.getvalue())
        assert response.status_code == 200
        assert not LibraryImage.objects.exists()

    def test_too_large_image_is_refused(self, editor_client, settings):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
        response = self.upload(editor_client, "forum.png", make_png(64, 64))
        assert response.status_code == 200
        assert not LibraryImage.objects.exists()


@pytest.mark.django_db
class TestMediaUpload:
    def test_too_large_recording_is_refused(self, editor_client, settings):
        from wagtailmedia.models import Media

        settings.LIBRARY_MEDIA_MAX_UPLOAD_SIZE = 10
        response = editor_client.post(
            reverse("wagtailmedia:add", args=["audio"]),
            {
                "title": "Запись",
                "file": SimpleUploadedFile("talk.wav", b"RIFF" + b"\0" * 100),
                "collection": 1,
                "duration": 5,
            },
        )
        assert response.status_code == 200
        from django.template.defaultfilters import filesizeformat

        assert filesizeformat(10) in " ".join(response.context["form"].errors["file"])
        assert not Media.objects.exists()

    def test_wrong_type_of_recording_is_refused(self, editor_client):
        from wagtailmedia.models import Media

        response = editor_client.post(
            reverse("wagtailmedia:add", args=["audio"]),
            {
                "title": "Запись",
                "file": SimpleUploadedFile("talk.exe", b"MZ"),
                "collection": 1,
                "duration": 5,
            },
        )
        assert response.status_code == 200
        assert not Media.objects.exists()

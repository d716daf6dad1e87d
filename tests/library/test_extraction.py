"""Tests for library.extraction, using real documents built inside each test."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from pptx import Presentation
from pptx.util import Inches
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import DependencyError
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from library.extraction import (
    ExtractedPage,
    ExtractionError,
    can_extract,
    extension_of,
    extract_text,
)

PDF_PAGES = ["Welcome to Liverpool", "Baltic Triangle", "Ropewalks district"]


# -- Document builders ---------------------------------------------------------------


def make_pdf(lines_per_page: list[str]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for line in lines_per_page:
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 760, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password, "owner-only")  # positional: a fixture, not a secret
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def save_docx(document: DocxDocument) -> io.BytesIO:
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


def make_pptx() -> io.BytesIO:
    presentation = Presentation()
    first = presentation.slides.add_slide(presentation.slide_layouts[1])
    first.shapes.title.text = "Regeneration plan"
    first.placeholders[1].text = "Phase one: public squares"
    first.notes_slide.notes_text_frame.text = "Mention the budget"

    second = presentation.slides.add_slide(presentation.slide_layouts[5])
    second.shapes.title.text = "Budget"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for (row, col), text in {
        (0, 0): "Item",
        (0, 1): "Cost",
        (1, 0): "Lighting",
        (1, 1): "£40,000",
    }.items():
        table.cell(row, col).text = text
    group = second.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(5), Inches(3), Inches(1))
    box.text_frame.text = "Grouped caption"

    buffer = io.BytesIO()
    presentation.save(buffer)
    buffer.seek(0)
    return buffer


def extract_bytes(data: bytes, filename: str, **limits: int):
    return extract_text(io.BytesIO(data), filename, **limits)


# -- Filenames -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("Report.PDF", "pdf"),
        ("plan.v2.docx", "docx"),
        ("uploads/2024/slides.Pptx", "pptx"),
        ("README", ""),
        ("archive.tar.gz", "gz"),
    ],
)
def test_extension_of_returns_lower_case_extension_without_dot(filename, expected):
    assert extension_of(filename) == expected


def test_can_extract_only_supported_formats():
    assert all(can_extract(name) for name in ["a.pdf", "b.DOCX", "c.pptx", "d.txt"])
    assert not any(can_extract(name) for name in ["a.doc", "b.xlsx", "c", "d.pdf.exe"])


def test_unsupported_extension_raises_clear_error():
    with pytest.raises(ExtractionError) as excinfo:
        extract_bytes(b"PK\x03\x04", "budget.xlsx")
    assert ".xlsx" in excinfo.value.reason
    assert "DOCX, PDF, PPTX, TXT" in excinfo.value.reason


# -- PDF -----------------------------------------------------------------------------


def test_pdf_text_is_extracted_per_page():
    result = extract_bytes(make_pdf(PDF_PAGES), "city.pdf")

    assert [page.number for page in result.pages] == [1, 2, 3]
    assert [page.text for page in result.pages] == PDF_PAGES
    assert result.pages[1] == ExtractedPage(number=2, text="Baltic Triangle")
    assert result.page_count == 3
    assert result.truncated is False
    assert result.text == "\n\n".join(PDF_PAGES)


def test_pdf_with_user_password_raises_encrypted_error():
    data = encrypt_pdf(make_pdf(PDF_PAGES), "reader-only")

    with pytest.raises(ExtractionError) as excinfo:
        extract_bytes(data, "secret.pdf")
    assert "encrypted" in excinfo.value.reason
    assert "password" in excinfo.value.reason


def test_pdf_encrypted_with_empty_user_password_is_extracted():
    data = encrypt_pdf(make_pdf(PDF_PAGES), "")

    assert PdfReader(io.BytesIO(data)).is_encrypted
    result = extract_bytes(data, "restricted.pdf")
    assert [page.text for page in result.pages] == PDF_PAGES


def test_pdf_with_unsupported_encryption_raises_clear_error(monkeypatch):
    def decrypt_needs_missing_dependency(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", decrypt_needs_missing_dependency)
    data = encrypt_pdf(make_pdf(PDF_PAGES), "")

    with pytest.raises(ExtractionError, match="encryption method that is not"):
        extract_bytes(data, "aes.pdf")


def test_pdf_page_that_fails_to_extract_is_recorded_empty(monkeypatch):
    original = PageObject.extract_text

    def fail_on_baltic_page(self, *args, **kwargs):
        text = original(self, *args, **kwargs)
        if "Baltic" in text:
            raise ValueError("broken content stream")
        return text

    monkeypatch.setattr(PageObject, "extract_text", fail_on_baltic_page)
    result = extract_bytes(make_pdf(PDF_PAGES), "partly-broken.pdf")

    assert [page.text for page in result.pages] == [PDF_PAGES[0], "", PDF_PAGES[2]]
    assert result.text == f"{PDF_PAGES[0]}\n\n{PDF_PAGES[2]}"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 20, id="random-bytes"),
        pytest.param(make_pdf(PDF_PAGES)[:1200], id="truncated"),
        pytest.param(b"", id="empty"),
    ],
)
def test_damaged_pdf_raises_extraction_error(data):
    with pytest.raises(ExtractionError) as excinfo:
        extract_bytes(data, "broken.pdf")
    assert excinfo.value.reason == ("The file is damaged or is not a valid PDF document.")
    assert excinfo.value.__cause__ is not None


# -- DOCX ----------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_page_break():
    document = docx.Document()
    document.add_heading("Создание городской среды", level=1)
    document.add_paragraph("Introduction   with\textra   spacing")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Район"
    table.cell(0, 1).text = "Бюджет"
    table.cell(1, 0).text = "Центр"
    table.cell(1, 1).text = "1 000 000"
    document.add_paragraph("Before the break")
    document.add_page_break()
    document.add_paragraph("Second page text")

    result = extract_text(save_docx(document), "plan.docx")

    assert [page.number for page in result.pages] == [1, 2]
    assert result.page_count == 2
    first, second = (page.text for page in result.pages)
    assert first.splitlines() == [
        "Создание городской среды",
        "Introduction with extra spacing",
        "Район",
        "Бюджет",
        "Центр",
        "1 000 000",
        "Before the break",
    ]
    assert second == "Second page text"


def test_docx_without_breaks_is_a_single_page():
    document = docx.Document()
    document.add_paragraph("Only paragraph")

    result = extract_text(save_docx(document), "short.docx")

    assert result.pages == [ExtractedPage(number=1, text="Only paragraph")]
    assert result.page_count == 1


def test_docx_page_break_inside_a_paragraph_splits_its_text():
    document = docx.Document()
    paragraph = document.add_paragraph("End of chapter one.")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("Chapter two begins.")

    result = extract_text(save_docx(document), "chapters.docx")

    assert [page.text for page in result.pages] == [
        "End of chapter one.",
        "Chapter two begins.",
    ]


def test_docx_page_break_before_and_new_page_sections_split_pages():
    document = docx.Document()
    first = document.add_paragraph("Already at the top of page one")
    first.paragraph_format.page_break_before = True  # no empty page before it
    document.add_paragraph("Still page one")
    document.add_paragraph("Page two").paragraph_format.page_break_before = True
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Continuous section stays on page two")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Page three")

    result = extract_text(save_docx(document), "sections.docx")

    assert [page.text for page in result.pages] == [
        "Already at the top of page one\nStill page one",
        # add_section() ends the section with an empty paragraph: a blank line.
        "Page two\n\nContinuous section stays on page two",
        "Page three",
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"This is plain text, not a zip archive", id="not-a-zip"),
        pytest.param(b"", id="empty"),
    ],
)
def test_docx_that_is_not_a_zip_raises_extraction_error(data):
    with pytest.raises(ExtractionError) as excinfo:
        extract_bytes(data, "fake.docx")
    assert excinfo.value.reason == ("The file is damaged or is not a valid DOCX document.")
    assert isinstance(excinfo.value.__cause__, zipfile.BadZipFile)


def test_zip_that_is_not_a_docx_raises_extraction_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "just an ordinary zip archive")

    with pytest.raises(ExtractionError, match="not a valid DOCX document"):
        extract_bytes(buffer.getvalue(), "archive.docx")


def test_pptx_saved_as_docx_raises_extraction_error():
    with pytest.raises(ExtractionError, match="not a valid DOCX document"):
        extract_text(make_pptx(), "misnamed.docx")


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path):
    bomb = tmp_path / "bomb.docx"
    megabyte = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(201):
            member.write(megabyte)
    assert bomb.stat().st_size < 2 * 1024 * 1024

    with bomb.open("rb") as fileobj, pytest.raises(ExtractionError) as excinfo:
        extract_text(fileobj, bomb.name)
    assert "unpacks to more than 200 MB" in excinfo.value.reason


# -- PPTX ----------------------------------------------------------------------------


def test_pptx_slides_include_tables_groups_and_notes():
    result = extract_text(make_pptx(), "deck.pptx")

    assert [page.number for page in result.pages] == [1, 2]
    assert result.page_count == 2
    assert result.pages[0].text == ("Regeneration plan\nPhase one: public squares\n\nMention the budget")
    second = result.pages[1].text.splitlines()
    assert second[0] == "Budget"
    assert second[1:5] == ["Item", "Cost", "Lighting", "£40,000"]
    assert "Grouped caption" in second


def test_damaged_pptx_raises_extraction_error():
    truncated = make_pptx().getvalue()[:2000]

    with pytest.raises(ExtractionError) as excinfo:
        extract_bytes(truncated, "deck.pptx")
    assert excinfo.value.reason == ("The file is damaged or is not a valid PPTX document.")


# -- TXT -----------------------------------------------------------------------------


def test_txt_is_one_normalised_page():
    raw = "  First\t\tline  \r\n\r\n\r\n\nSecond\x00 line\n\n\n"

    result = extract_bytes(raw.encode("utf-8"), "notes.txt")

    assert result.pages == [ExtractedPage(number=1, text="First line\n\nSecond line")]
    assert result.page_count == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_txt_encodings_are_detected(encoding):
    text = "Создание городской среды"

    result = extract_bytes(text.encode(encoding), "legacy.txt")

    assert result.text == text


# -- Limits --------------------------------------------------------------------------


def test_file_over_size_limit_is_refused_before_parsing(tmp_path: Path):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fileobj:
        fileobj.truncate(54 * 1024 * 1024)  # sparse: nothing is really written

    with huge.open("rb") as fileobj, pytest.raises(ExtractionError) as excinfo:
        extract_text(fileobj, huge.name)
    assert excinfo.value.reason == ("The file is too large to extract text from (54 MB; limit 50 MB).")
    assert excinfo.value.__cause__ is None  # refused before pypdf saw it


def test_max_bytes_is_configurable():
    data = make_pdf(PDF_PAGES)

    with pytest.raises(ExtractionError, match="too large"):
        extract_bytes(data, "city.pdf", max_bytes=len(data) - 1)
    assert extract_bytes(data, "city.pdf", max_bytes=len(data)).page_count == 3


def test_max_pages_truncates_without_error():
    result = extract_bytes(make_pdf(PDF_PAGES), "city.pdf", max_pages=2)

    assert [page.text for page in result.pages] == PDF_PAGES[:2]
    assert result.page_count == 3
    assert result.truncated is True


def test_max_chars_truncates_without_error():
    limit = len(PDF_PAGES[0]) + len("Baltic")

    result = extract_bytes(make_pdf(PDF_PAGES), "city.pdf", max_chars=limit)

    assert [page.text for page in result.pages] == [PDF_PAGES[0], "Baltic"]
    assert result.page_count == 3
    assert result.truncated is True

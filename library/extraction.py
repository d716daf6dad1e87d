"""Extract plain text, page by page, from uploaded PDF, DOCX, PPTX and TXT files.

Pure Python (no Django imports) so it can run in a view, a background task or a
management command. Every failure an editor can cause is reported as an
:class:`ExtractionError` whose ``reason`` is safe to show in the admin.
"""

from __future__ import annotations

import codecs
import enum
import logging
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import BinaryIO

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap, qn
from docx.styles.style import BaseStyle
from lxml import etree
from lxml.etree import _Element
from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape
from pptx.slide import Slide
from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

__all__ = [
    "MAX_UNCOMPRESSED_ZIP_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ExtractedPage",
    "ExtractionError",
    "ExtractionResult",
    "can_extract",
    "extension_of",
    "extract_text",
]

logger = logging.getLogger(__name__)

# pypdf logs a warning for every recoverable oddity in real-world PDFs, which would
# flood the logs. Keep genuine errors, but respect a level set by project config.
_pypdf_logger = logging.getLogger("pypdf")
if _pypdf_logger.level == logging.NOTSET:
    _pypdf_logger.setLevel(logging.ERROR)

SUPPORTED_EXTENSIONS = frozenset({"pdf", "docx", "pptx", "txt"})

# DOCX and PPTX are zip archives; refuse those that would inflate beyond this.
MAX_UNCOMPRESSED_ZIP_BYTES = 200 * 1024 * 1024

_ENCRYPTED = "The PDF is encrypted with a password; text could not be extracted."
_UNSUPPORTED_ENCRYPTION = (
    "The PDF uses an encryption method that is not supported; text could not be extracted."
)


class ExtractionError(Exception):
    """The document's text could not be extracted; ``reason`` is editor-facing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExtractedPage:
    """Normalised text of one PDF page, PPTX slide or DOCX page (1-based)."""

    number: int
    text: str


@dataclass(frozen=True)
class ExtractionResult:
    """Pages extracted from a document, possibly cut short by the limits."""

    pages: list[ExtractedPage]
    page_count: int
    truncated: bool

    @property
    def text(self) -> str:
        """All page texts joined by a blank line (empty pages are skipped)."""
        return "\n\n".join(page.text for page in self.pages if page.text)


def extension_of(filename: str) -> str:
    """Return the lower-case extension of ``filename`` without the dot."""
    return os.path.splitext(filename.strip())[1].lstrip(".").lower()


def can_extract(filename: str) -> bool:
    """Whether :func:`extract_text` supports ``filename``'s format."""
    return extension_of(filename) in SUPPORTED_EXTENSIONS


def extract_text(
    fileobj: BinaryIO,
    filename: str,
    *,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 2000,
    max_chars: int = 5_000_000,
) -> ExtractionResult:
    """Extract normalised text page by page from a seekable binary file.

    The whole file, from offset 0, is read. Hitting ``max_pages`` or ``max_chars``
    is not an error: the result is returned with ``truncated=True``.

    Raises:
        ExtractionError: unsupported format, file too large, encrypted or damaged.
    """
    extension = extension_of(filename)
    if extension not in SUPPORTED_EXTENSIONS:
        raise ExtractionError(_unsupported_reason(extension))
    _check_size(fileobj, max_bytes)

    read_pages = _READERS[extension]
    try:
        page_count, raw_pages = read_pages(fileobj)
        return _collect(raw_pages, page_count, max_pages=max_pages, max_chars=max_chars)
    except ExtractionError:
        raise
    except Exception as exc:
        # The parsers raise a zoo of exceptions (BadZipFile, KeyError, lxml and
        # pypdf errors, ValueError, RecursionError...) and all mean the same thing
        # to an editor.
        raise ExtractionError(f"The file is damaged or is not a valid {extension.upper()} document.") from exc


# -- Shared helpers ------------------------------------------------------------------


def _unsupported_reason(extension: str) -> str:
    kind = f".{extension} files" if extension else "files without an extension"
    supported = ", ".join(sorted(ext.upper() for ext in SUPPORTED_EXTENSIONS))
    return f"Text cannot be extracted from {kind}; supported formats: {supported}."


def _check_size(fileobj: BinaryIO, max_bytes: int) -> None:
    """Refuse oversized files before any parser reads them."""
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    if size > max_bytes:
        raise ExtractionError(
            "The file is too large to extract text from "
            f"({_format_size(size)}; limit {_format_size(max_bytes)})."
        )


def _format_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size // 1024} KB"
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"


def _check_zip_expansion(fileobj: BinaryIO) -> None:
    """Refuse zip bombs; leaves ``fileobj`` rewound for the real parser.

    zipfile never inflates a member beyond its declared size, so the declared
    total is a trustworthy bound on what the parser will load into memory.
    """
    with zipfile.ZipFile(fileobj) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    fileobj.seek(0)
    if unpacked > MAX_UNCOMPRESSED_ZIP_BYTES:
        raise ExtractionError(
            "The document unpacks to more than "
            f"{_format_size(MAX_UNCOMPRESSED_ZIP_BYTES)} "
            f"({_format_size(unpacked)}); text could not be extracted."
        )


def _collect(
    raw_pages: Iterable[str], page_count: int, *, max_pages: int, max_chars: int
) -> ExtractionResult:
    """Normalise raw page texts, stopping at the page and character limits."""
    pages: list[ExtractedPage] = []
    chars = 0
    hit_char_limit = False
    # islice stops before the parser does any work on pages past the limit.
    for number, raw in enumerate(islice(raw_pages, max(max_pages, 0)), start=1):
        text = _normalise(raw)
        if chars + len(text) > max_chars:
            text = text[: max_chars - chars].rstrip()
            hit_char_limit = True
        pages.append(ExtractedPage(number=number, text=text))
        chars += len(text)
        if hit_char_limit:
            break
    return ExtractionResult(
        pages=pages,
        page_count=page_count,
        truncated=hit_char_limit or page_count > len(pages),
    )


def _normalise(text: str) -> str:
    """Collapse whitespace within lines and runs of blank lines; drop NUL bytes."""
    lines: list[str] = []
    for raw_line in text.replace("\x00", "").splitlines():
        line = " ".join(raw_line.split())
        # Keep a blank line only as a single separator after real content.
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


# -- TXT -----------------------------------------------------------------------------


def _read_txt(fileobj: BinaryIO) -> tuple[int, list[str]]:
    return 1, [_decode_text(fileobj.read())]


def _decode_text(data: bytes) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16), falling back to Windows-1251."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Legacy Russian Windows exports; "replace" covers its few unmapped bytes.
        return data.decode("cp1251", errors="replace")


# -- PDF -----------------------------------------------------------------------------


def _read_pdf(fileobj: BinaryIO) -> tuple[int, Iterator[str]]:
    reader = PdfReader(fileobj)
    if reader.is_encrypted:
        _decrypt_with_empty_password(reader)
    pages = reader.pages
    texts = (_pdf_page_text(page, n) for n, page in enumerate(pages, start=1))
    return len(pages), texts


def _decrypt_with_empty_password(reader: PdfReader) -> None:
    """Open PDFs that are encrypted only to restrict permissions (no user password)."""
    try:
        result = reader.decrypt("")
    except (DependencyError, NotImplementedError) as exc:
        # e.g. AES without the optional ``cryptography`` package installed.
        raise ExtractionError(_UNSUPPORTED_ENCRYPTION) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise ExtractionError(_ENCRYPTED)


def _pdf_page_text(page: PageObject, number: int) -> str:
    """Text of one page; a broken page yields "" instead of failing the document."""
    try:
        return page.extract_text() or ""
    except Exception:
        logger.debug("Could not extract text from PDF page %d", number, exc_info=True)
        return ""


# -- DOCX ----------------------------------------------------------------------------


class _Break(enum.Enum):
    HARD = "hard"  # explicit page break or new-page section break
    SOFT = "soft"  # "page break before": no effect at the top of an empty page


_Token = str | _Break


def _w_tags(*names: str) -> frozenset[str]:
    return frozenset(qn(f"w:{name}") for name in names)


_W_P = qn("w:p")
_W_R = qn("w:r")
_W_T = qn("w:t")
_W_BR = qn("w:br")
_W_CR = qn("w:cr")
_W_TAB = qn("w:tab")
_W_PTAB = qn("w:ptab")
_W_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_W_PPR = qn("w:pPr")
_W_PSTYLE = qn("w:pStyle")
_W_PAGE_BREAK_BEFORE = qn("w:pageBreakBefore")
_W_SECTPR = qn("w:sectPr")
_W_TYPE = qn("w:type")
_W_VAL = qn("w:val")

# Elements whose children may hold paragraphs: tables and content wrappers.
# Deleted content (w:del) is deliberately absent.
_DOCX_BLOCK_CONTAINERS = _w_tags("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo")
# Elements inside a paragraph whose children may hold runs.
_DOCX_RUN_CONTAINERS = _w_tags(
    "hyperlink",
    "ins",
    "moveTo",
    "smartTag",
    "fldSimple",
    "sdt",
    "sdtContent",
    "customXml",
    "dir",
    "bdo",
)
# Every section's properties in document order; the body's own w:sectPr is last.
_SECTION_PROPERTIES = etree.XPath(".//w:pPr/w:sectPr | ./w:sectPr", namespaces={"w": nsmap["w"]})
_NEW_PAGE_SECTION_TYPES = frozenset({"nextPage", "oddPage", "evenPage"})


@dataclass(frozen=True)
class _DocxLayout:
    """Document-wide facts needed to decide where pages break."""

    break_before_styles: frozenset[str]
    default_style_id: str | None
    new_page_section_ends: frozenset[_Element]  # w:sectPr followed by a new page


def _read_docx(fileobj: BinaryIO) -> tuple[int, list[str]]:
    _check_zip_expansion(fileobj)
    document = docx.Document(fileobj)
    body = document.element.body
    layout = _DocxLayout(
        break_before_styles=_break_before_styles(document),
        default_style_id=_default_paragraph_style_id(document),
        new_page_section_ends=_new_page_section_ends(body),
    )
    # python-docx has already loaded the whole XML, so splitting every page is
    # cheap and gives an exact page_count.
    pages = _split_pages(_docx_block_tokens(body, layout))
    return len(pages), pages


def _break_before_styles(document: DocxDocument) -> frozenset[str]:
    """Ids of paragraph styles that start a new page, directly or by inheritance."""
    return frozenset(
        style.style_id
        for style in document.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH and _style_breaks_page(style)
    )


def _style_breaks_page(style: BaseStyle) -> bool:
    seen: set[str] = set()
    current: BaseStyle | None = style
    # The seen-set guards against base-style cycles in malformed documents.
    while current is not None and current.type == WD_STYLE_TYPE.PARAGRAPH and current.style_id not in seen:
        seen.add(current.style_id)
        value = current.paragraph_format.page_break_before
        if value is not None:
            return value
        current = current.base_style
    return False


def _default_paragraph_style_id(document: DocxDocument) -> str | None:
    style = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    return style.style_id if style is not None else None


def _new_page_section_ends(body: _Element) -> frozenset[_Element]:
    """Paragraph-level w:sectPr elements after which the next section starts a page.

    A w:sectPr ends its section, but how the *next* section starts is stored in
    the next w:sectPr (the body's own w:sectPr for the last section).
    """
    section_props = _SECTION_PROPERTIES(body)
    return frozenset(
        current
        for current, following in zip(section_props, section_props[1:], strict=False)
        if _section_start_type(following) in _NEW_PAGE_SECTION_TYPES
    )


def _section_start_type(sect_pr: _Element) -> str:
    type_element = sect_pr.find(_W_TYPE)
    if type_element is None:
        return "nextPage"  # the OOXML default
    return type_element.get(_W_VAL, "nextPage")


def _docx_block_tokens(element: _Element, layout: _DocxLayout) -> Iterator[_Token]:
    """Text and page breaks of paragraphs and tables, in document order."""
    for child in element:
        if child.tag == _W_P:
            yield from _docx_paragraph_tokens(child, layout)
        elif child.tag in _DOCX_BLOCK_CONTAINERS:
            yield from _docx_block_tokens(child, layout)


def _docx_paragraph_tokens(paragraph: _Element, layout: _DocxLayout) -> Iterator[_Token]:
    properties = paragraph.find(_W_PPR)
    if _breaks_page_before(properties, layout):
        yield _Break.SOFT
    for run in _docx_runs(paragraph):
        yield from _docx_run_tokens(run)
    yield "\n"
    if properties is not None:
        section_end = properties.find(_W_SECTPR)
        if section_end is not None and section_end in layout.new_page_section_ends:
            yield _Break.HARD


def _breaks_page_before(properties: _Element | None, layout: _DocxLayout) -> bool:
    """Direct w:pageBreakBefore wins over the paragraph style's setting."""
    style_id = layout.default_style_id
    if properties is not None:
        direct = properties.find(_W_PAGE_BREAK_BEFORE)
        if direct is not None:
            return direct.get(_W_VAL, "true") not in {"false", "0", "off"}
        style = properties.find(_W_PSTYLE)
        if style is not None:
            style_id = style.get(_W_VAL)
    return style_id in layout.break_before_styles


def _docx_runs(element: _Element) -> Iterator[_Element]:
    """Runs of a paragraph, including those inside hyperlinks and similar wrappers."""
    for child in element:
        if child.tag == _W_R:
            yield child
        elif child.tag in _DOCX_RUN_CONTAINERS:
            yield from _docx_runs(child)


def _docx_run_tokens(run: _Element) -> Iterator[_Token]:
    # w:lastRenderedPageBreak is ignored on purpose: it reflects the last layout
    # Word happened to render and is often stale or missing.
    for child in run:
        tag = child.tag
        if tag == _W_T:
            yield child.text or ""
        elif tag == _W_BR:
            yield _Break.HARD if child.get(_W_TYPE) == "page" else "\n"
        elif tag == _W_CR:
            yield "\n"
        elif tag in (_W_TAB, _W_PTAB):
            yield "\t"
        elif tag == _W_NO_BREAK_HYPHEN:
            yield "-"


def _split_pages(tokens: Iterable[_Token]) -> list[str]:
    """Group text tokens into pages at page-break tokens."""
    pages: list[str] = []
    current: list[str] = []
    has_text = False
    for token in tokens:
        if isinstance(token, str):
            current.append(token)
            has_text = has_text or bool(token.strip())
        elif token is _Break.HARD or has_text:
            pages.append("".join(current))
            current, has_text = [], False
    pages.append("".join(current))
    return pages


# -- PPTX ----------------------------------------------------------------------------


def _read_pptx(fileobj: BinaryIO) -> tuple[int, Iterator[str]]:
    _check_zip_expansion(fileobj)
    slides = list(Presentation(fileobj).slides)
    return len(slides), (_pptx_slide_text(slide) for slide in slides)


def _pptx_slide_text(slide: Slide) -> str:
    """Text of every shape on the slide, followed by the speaker notes."""
    text = "\n".join(_pptx_shape_texts(slide.shapes))
    # has_notes_slide is checked first because .notes_slide creates one if missing.
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        if notes is not None:
            text = f"{text}\n\n{notes.text}"
    return text


def _pptx_shape_texts(shapes: Iterable[BaseShape]) -> Iterator[str]:
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _pptx_shape_texts(shape.shapes)
        elif isinstance(shape, GraphicFrame) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    # Cells covered by a merge repeat nothing useful.
                    if not cell.is_spanned:
                        yield cell.text
        elif shape.has_text_frame:
            yield shape.text_frame.text


_READERS: dict[str, Callable[[BinaryIO], tuple[int, Iterable[str]]]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "pptx": _read_pptx,
    "txt": _read_txt,
}

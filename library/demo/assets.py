"""Deterministic generators for the demo's local media files.

Every function is pure: it takes plain Python values and returns ``bytes``,
touches neither Django nor the network, and gives identical output for
identical input, so a loader can compare hashes to decide whether a stored
file needs replacing.
"""

from __future__ import annotations

import colorsys
import functools
import hashlib
import io
import math
import random
import sys
import textwrap
import wave
from array import array

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

# ---------------------------------------------------------------------------
# Audio
# ---------------------------------------------------------------------------

SAMPLE_RATE = 8000
_AMPLITUDE = 0.16 * 32767
# A major pentatonic, low and soft: one base pitch per chapter.
_CHAPTER_NOTES = (220.0, 246.94, 277.18, 329.63, 369.99, 440.0, 493.88)
_CHAPTER_GAP = 0.5  # seconds of silence marking the start of each chapter


def _note(frequency: float, seconds: float) -> array:
    """A sine note with a soft second harmonic and a raised-cosine envelope."""
    count = int(seconds * SAMPLE_RATE)
    attack = int(0.25 * SAMPLE_RATE)
    release = int(0.6 * SAMPLE_RATE)
    step = 2 * math.pi * frequency / SAMPLE_RATE
    out = array("h")
    for i in range(count):
        if i < attack:
            env = 0.5 - 0.5 * math.cos(math.pi * i / attack)
        elif i >= count - release:
            env = 0.5 - 0.5 * math.cos(math.pi * (count - i) / release)
        else:
            env = 1.0
        value = math.sin(step * i) + 0.25 * math.sin(2 * step * i)
        out.append(int(round(_AMPLITUDE * env * value / 1.25)))
    return out


def _silence(seconds: float) -> array:
    return array("h", bytes(2 * int(seconds * SAMPLE_RATE)))


def _chapter_phrase(index: int) -> array:
    """Four seconds of music: the chapter's note, a pause, a major third up."""
    base = _CHAPTER_NOTES[index % len(_CHAPTER_NOTES)]
    phrase = array("h")
    phrase.extend(_note(base, 1.6))
    phrase.extend(_silence(0.4))
    phrase.extend(_note(base * 5 / 4, 1.6))
    phrase.extend(_silence(0.4))
    return phrase


def make_talk_audio(duration_seconds: int, chapters: list[int]) -> bytes:
    """Return a mono 16-bit PCM WAV (8 kHz) lasting ``duration_seconds``.

    The audio is a quiet placeholder: each chapter opens with half a second
    of silence and then repeats a soft two-note phrase whose pitch changes
    from one chapter to the next. ``chapters`` holds chapter start times in
    seconds; starts outside the recording are ignored and 0 is always a start.
    """
    duration_seconds = int(duration_seconds)
    if duration_seconds <= 0:
        raise ValueError("duration_seconds must be positive")
    starts = sorted({0} | {int(s) for s in chapters if 0 <= int(s) < duration_seconds})
    bounds = [*starts, duration_seconds]

    samples = array("h")
    for index, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        length = (end - start) * SAMPLE_RATE
        segment = _silence(_CHAPTER_GAP)
        phrase = _chapter_phrase(index)
        repeats = max(0, length - len(segment)) // len(phrase) + 1
        segment.extend(phrase * repeats)
        samples.extend(segment[:length])

    if sys.byteorder == "big":
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(samples.tobytes())
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Slides (PDF)
# ---------------------------------------------------------------------------

_PDF_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u20ac": "EUR ",
}

_INK = Color(0.13, 0.16, 0.20)
_MUTED = Color(0.42, 0.46, 0.50)
_BAND = Color(0.11, 0.36, 0.38)
_ACCENT = Color(0.93, 0.62, 0.29)


def _latin1(text: str) -> str:
    """Make ``text`` safe for the built-in Helvetica (Latin-1) font."""
    for char, replacement in _PDF_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def make_slides_pdf(title: str, author: str, slides: list[dict]) -> bytes:
    """Return a landscape A4 PDF with one page per slide.

    Each slide is ``{"title": str, "bullets": [str, ...]}``. Text uses the
    built-in Helvetica font, so it must be Latin-1 (common typographic
    punctuation is converted). ``invariant=1`` keeps the output byte-stable.
    """
    if not slides:
        raise ValueError("at least one slide is required")
    width, height = landscape(A4)
    margin = 56
    band_height = 118
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    pdf.setTitle(_latin1(title))
    pdf.setAuthor(_latin1(author))
    pdf.setSubject("Slides")
    pdf.setCreator("WeAlmaty library demo content")

    total = len(slides)
    for number, slide in enumerate(slides, start=1):
        # Title band.
        pdf.setFillColor(_BAND)
        pdf.rect(0, height - band_height, width, band_height, stroke=0, fill=1)
        pdf.setFillColor(_ACCENT)
        pdf.rect(0, height - band_height - 6, width, 6, stroke=0, fill=1)

        title_lines = simpleSplit(
            _latin1(str(slide.get("title", ""))), "Helvetica-Bold", 28, width - 2 * margin
        )[:2]
        pdf.setFillColor(Color(1, 1, 1))
        pdf.setFont("Helvetica-Bold", 28)
        y = height - band_height / 2 + (len(title_lines) - 1) * 17 - 10
        for line in title_lines:
            pdf.drawString(margin, y, line)
            y -= 34

        # Bullets: shrink the type if the text would not fit.
        bullets = [_latin1(str(b)) for b in slide.get("bullets", [])]
        text_width = width - 2 * margin - 28
        available = height - band_height - 6 - 40 - 70
        for size in (20, 18, 16, 14, 12):
            leading = size * 1.3
            wrapped = [simpleSplit(b, "Helvetica", size, text_width) for b in bullets]
            needed = sum(len(w) * leading + size * 0.7 for w in wrapped)
            if needed <= available:
                break
        y = height - band_height - 6 - 40 - size
        for lines in wrapped:
            pdf.setFillColor(_ACCENT)
            pdf.circle(margin + 6, y + size * 0.33, size * 0.2, stroke=0, fill=1)
            pdf.setFillColor(_INK)
            pdf.setFont("Helvetica", size)
            for line in lines:
                pdf.drawString(margin + 28, y, line)
                y -= leading
            y -= size * 0.7

        # Footer.
        pdf.setFillColor(_MUTED)
        pdf.setFont("Helvetica", 10)
        footer = title if not author or author in title else f"{title} - {author}"
        pdf.drawString(margin, 30, _latin1(footer)[:140])
        pdf.drawRightString(width - margin, 30, f"{number} / {total}")
        pdf.showPage()

    pdf.save()
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Cover images (PNG)
# ---------------------------------------------------------------------------


def _rgb(hue: float, saturation: float, value: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
    return round(r * 255), round(g * 255), round(b * 255)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    if features.check("freetype2"):
        return ImageFont.load_default(size=size)
    return ImageFont.load_default()


@functools.lru_cache(maxsize=64)
def make_cover_image(title: str, seed: str, size: tuple[int, int] = (1200, 675)) -> bytes:
    """Return a PNG cover: a calm gradient with soft shapes derived from ``seed``.

    The same ``seed`` always gives the same picture. A short title is drawn
    in the lower-left corner when it is Latin-1 text (the default font has no
    Cyrillic); other titles are left off.
    """
    width, height = (int(size[0]), int(size[1]))
    if width <= 0 or height <= 0:
        raise ValueError("size must be positive")
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    # Decorative layout only, seeded for reproducibility: not a security use.
    rng = random.Random(int.from_bytes(digest, "big"))  # noqa: S311
    hue = digest[0] / 255

    dark = _rgb(hue, 0.55, 0.32)
    light = _rgb(hue + 0.07, 0.32, 0.78)
    mask = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270)))
    mask = mask.resize((width, height), Image.Resampling.BILINEAR)
    image = Image.composite(
        Image.new("RGB", (width, height), light),
        Image.new("RGB", (width, height), dark),
        mask,
    ).convert("RGBA")

    # Soft translucent discs, each blended on its own layer so overlaps mix.
    scale = min(width, height)
    blur = ImageFilter.GaussianBlur(radius=max(1, scale // 160))
    for _ in range(5 + digest[1] % 4):
        radius = scale * rng.uniform(0.12, 0.42)
        cx = rng.uniform(-0.1, 1.1) * width
        cy = rng.uniform(-0.1, 1.1) * height
        colour = _rgb(hue + rng.uniform(-0.12, 0.12), rng.uniform(0.2, 0.5), rng.uniform(0.6, 0.95))
        layer = Image.new("RGBA", (width, height), (*colour, 0))
        ImageDraw.Draw(layer).ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=(*colour, rng.randint(28, 64)),
        )
        image = Image.alpha_composite(image, layer.filter(blur))

    # A few faint diagonal bands on top.
    bands = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(bands)
    band = scale * rng.uniform(0.015, 0.03)
    spacing = band * rng.uniform(5, 8)
    x = -height + rng.uniform(0, spacing)
    while x < width:
        draw.polygon(
            [(x, height), (x + band, height), (x + band + height, 0), (x + height, 0)],
            fill=(255, 255, 255, 14),
        )
        x += spacing
    image = Image.alpha_composite(image, bands.filter(blur))

    text = " ".join(title.split())
    if text and text == text.encode("latin-1", errors="ignore").decode("latin-1"):
        font_size = max(12, height // 14)
        font = _font(font_size)
        lines = textwrap.wrap(text, width=max(10, int(width * 0.7 / (font_size * 0.55))))[:2]
        if len(lines) == 2 and len(" ".join(lines)) < len(text):
            lines[1] = lines[1].rstrip(" .,;:") + "..."
        line_height = int(font_size * 1.25)
        box_height = line_height * len(lines) + font_size
        overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        ImageDraw.Draw(overlay).rectangle((0, height - box_height, width, height), fill=(*dark, 150))
        image = Image.alpha_composite(image, overlay)
        draw = ImageDraw.Draw(image)
        y = height - box_height + font_size // 2
        for line in lines:
            draw.text((font_size, y), line, font=font, fill=(255, 255, 255, 255))
            y += line_height

    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()

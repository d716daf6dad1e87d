"""Parse WebVTT and SRT caption files into timestamped transcript segments.

webvtt-py 0.6.0 was evaluated and not used: its errors carry no line numbers, it
silently drops SRT cues with bad timestamps, accepts cues that end before they
start and decodes bytes only as strict UTF-8, so this small parser is used instead.

Encoding: UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Older
Russian SRT files are often Windows-1251, so when UTF-8 fails the bytes are tried
as cp1251, but only kept if the result has no control characters, most letters are
Cyrillic and the bytes are not mostly valid UTF-8. cp1251 maps almost every byte to
some character, so without those checks binary files, Latin-1 files and UTF-8
files with one corrupt byte would all "decode" into nonsense instead of failing.
"""

import codecs
import html
import math
import re
from dataclasses import dataclass
from pathlib import PurePath

__all__ = [
    "MAX_BYTES",
    "MAX_CUES",
    "CaptionParseError",
    "CaptionSegment",
    "detect_format",
    "format_timestamp",
    "parse_captions",
]

MAX_BYTES = 10 * 1024 * 1024
MAX_CUES = 20_000
FORMATS = ("vtt", "srt")

_HEADER_RE = re.compile(r"WEBVTT(?:[ \t].*)?")
_VTT_META_BLOCK_RE = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
# One pattern for both formats: hours optional, "," or "." before milliseconds.
_TIMESTAMP_RE = re.compile(r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]+)>")
# A tag must start with a letter or digit, so plain text like "a < b" survives.
_TAG_RE = re.compile(r"</?[A-Za-z0-9][^<>]*>")
_ASS_TAG_RE = re.compile(r"\{\\[^{}]*\}")  # "{\an8}" positioning left in some SRTs
_NAME_WORD = r"[^\W\d_][\w.'\u2019-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
_COLON_LABEL_RE = re.compile(rf"(?:-|>>)?[ \t]*({_NAME}):(?:[ \t]+|$)")
_BRACKET_LABEL_RE = re.compile(rf"\[[ \t]*({_NAME})[ \t]*\][ \t]*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOT_CYRILLIC_RE = re.compile(r"[^\u0400-\u04ff]+")
_NOT_LETTER_RE = re.compile(r"[\W\d_]+")
_ASCII_RE = re.compile(r"[\x00-\x7f]+")


@dataclass(frozen=True)
class CaptionSegment:
    """One cue: times in seconds, plain text, optional speaker and cue id."""

    start: float
    end: float
    text: str
    speaker: str
    identifier: str = ""


def gettext_noop(message: str) -> str:
    """Marks a message for translation (``makemessages`` collects it) without
    importing Django: callers translate ``CaptionParseError.template``."""
    return message


class CaptionParseError(ValueError):
    """A caption file could not be parsed; ``line`` is 1-based.

    ``reason`` is the English text; ``template`` and ``params`` let a caller
    show it in the editor's language (see ``translated``)."""

    def __init__(self, line: int, template: str, params: dict | None = None) -> None:
        self.line = line
        self.template = template
        self.params = dict(params or {})
        self.reason = template % self.params if self.params else template
        super().__init__(f"Line {line}: {self.reason}")

    def translated(self, gettext) -> str:
        """The reason through ``gettext`` (Django's, in the caller's language)."""
        text = gettext(self.template)
        return text % self.params if self.params else text

    def __reduce__(self) -> tuple[type["CaptionParseError"], tuple[int, str, dict]]:
        # Default exception pickling replays self.args, which doesn't match __init__.
        return type(self), (self.line, self.template, self.params)


def parse_captions(data: bytes | str, filename: str = "", format: str | None = None) -> list[CaptionSegment]:
    """Parse WebVTT or SRT captions into segments in file order.

    ``format`` is "vtt", "srt" or None to detect it from the content and filename.
    Raises CaptionParseError naming the offending line.
    """
    fmt = _normalise_format(format) if format is not None else None
    _check_size(data)
    text = _decode(data)
    if not text.strip():
        raise CaptionParseError(1, gettext_noop("file is empty"))
    nul = text.find("\x00")
    if nul != -1:
        raise CaptionParseError(
            _line_at(text[:nul]),
            gettext_noop("file contains NUL bytes (binary, or UTF-16 without a byte-order mark)"),
        )
    fmt = fmt or detect_format(text, filename)
    lines = _split_lines(text)
    start = _skip_vtt_header(lines) if fmt == "vtt" else 0
    segments = _parse_cues(lines, start, fmt)
    if not segments:
        raise CaptionParseError(len(lines), gettext_noop("no cues found"))
    return segments


def detect_format(data_text: str, filename: str = "") -> str:
    """Return "vtt" or "srt": by WEBVTT header, then file extension, then SRT shape."""
    lines = _split_lines(data_text.removeprefix("\ufeff"))
    first = _first_content_line(lines)
    if first is None:
        raise CaptionParseError(1, gettext_noop("file is empty"))
    if _HEADER_RE.fullmatch(lines[first].strip()):
        return "vtt"
    suffix = PurePath(filename).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if _is_timing_line(lines[first]) or _is_srt_cue_number(lines, first):
        return "srt"
    raise CaptionParseError(
        first + 1,
        gettext_noop("unrecognised caption format: expected a 'WEBVTT' header or an SRT cue, got %(text)s"),
        {"text": _snippet(lines[first])},
    )


def format_timestamp(seconds: float) -> str:
    """Format seconds for display: "02:03", or "1:02:03" from one hour up."""
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"cannot format timestamp {seconds!r}")
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


# --- decoding ---------------------------------------------------------------


def _normalise_format(format: str) -> str:
    fmt = format.lower().lstrip(".")
    if fmt not in FORMATS:
        # A caller bug, not a bad file, hence a plain ValueError.
        raise ValueError(f"unsupported caption format {format!r}; use 'vtt' or 'srt'")
    return fmt


def _check_size(data: bytes | str) -> None:
    size = len(data) if isinstance(data, bytes) else len(data.encode(errors="replace"))
    if size > MAX_BYTES:
        raise CaptionParseError(
            1,
            gettext_noop("file is too large (%(size)s bytes; the limit is %(limit)s)"),
            {"size": size, "limit": MAX_BYTES},
        )


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16", "UTF-16")
    if data.startswith(codecs.BOM_UTF8):
        # Strip by hand: "utf-8-sig" reports error offsets relative to after the BOM.
        return _decode_strict(data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        legacy = _decode_legacy_cyrillic(data)
        if legacy is not None:
            return legacy
    return _decode_strict(data, "utf-8", "UTF-8")


def _decode_strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode(encoding, errors="replace")
        raise CaptionParseError(
            _line_at(prefix), gettext_noop("file is not valid %(encoding)s text"), {"encoding": label}
        ) from None


def _decode_legacy_cyrillic(data: bytes) -> str | None:
    """Decode cp1251 only when the result is plausibly Russian text."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    if _CONTROL_RE.search(text):
        return None
    letters = len(_NOT_LETTER_RE.sub("", text))
    cyrillic = len(_NOT_CYRILLIC_RE.sub("", text))
    if cyrillic * 2 <= letters:
        return None
    # Real cp1251 Russian is almost never valid UTF-8, while a UTF-8 file with a
    # single corrupt byte is; that file should fail, not turn into mojibake.
    as_utf8 = data.decode("utf-8", errors="replace")
    non_ascii = len(_ASCII_RE.sub("", as_utf8))
    if as_utf8.count("\ufffd") * 2 <= non_ascii:
        return None
    return text


# --- line handling ----------------------------------------------------------


def _split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF and drop trailing whitespace.

    str.splitlines() is avoided because it also splits on form feeds and U+2028,
    which would make line numbers disagree with what editors show.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def _line_at(prefix: str) -> int:
    """1-based number of the line on which ``prefix`` ends."""
    return prefix.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def _first_content_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _snippet(value: str, limit: int = 40) -> str:
    value = value.strip()
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _is_timing_line(line: str) -> bool:
    return "-->" in line


def _is_srt_cue_number(lines: list[str], i: int) -> bool:
    """A digits-only line directly followed by a timing line."""
    return lines[i].strip().isdigit() and i + 1 < len(lines) and _is_timing_line(lines[i + 1])


# --- cue parsing ------------------------------------------------------------


def _skip_vtt_header(lines: list[str]) -> int:
    """Validate the WEBVTT header and return the index just past its block."""
    i = _first_content_line(lines) or 0
    if not _HEADER_RE.fullmatch(lines[i].strip()):
        raise CaptionParseError(
            i + 1, gettext_noop("missing 'WEBVTT' header, got %(text)s"), {"text": _snippet(lines[i])}
        )
    i += 1
    # Header metadata runs to the first blank line; stopping at a timing line too
    # accepts files that omit that blank line.
    while i < len(lines) and lines[i] and not _is_timing_line(lines[i]):
        i += 1
    return i


def _skip_block(lines: list[str], i: int) -> int:
    while i < len(lines) and lines[i] and not _is_timing_line(lines[i]):
        i += 1
    return i


def _parse_cues(lines: list[str], i: int, fmt: str) -> list[CaptionSegment]:
    segments: list[CaptionSegment] = []
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
        elif fmt == "vtt" and _VTT_META_BLOCK_RE.fullmatch(line):
            i = _skip_block(lines, i + 1)
        else:
            if len(segments) == MAX_CUES:
                raise CaptionParseError(
                    i + 1, gettext_noop("too many cues (limit is %(limit)s)"), {"limit": MAX_CUES}
                )
            segment, i = _parse_cue(lines, i, fmt)
            segments.append(segment)
    return segments


def _parse_cue(lines: list[str], i: int, fmt: str) -> tuple[CaptionSegment, int]:
    """Parse the cue starting at ``lines[i]``; return it and the next index."""
    identifier = ""
    if not _is_timing_line(lines[i]):
        identifier = _read_identifier(lines, i, fmt)
        i += 1
    timing_line = i + 1
    start, end = _parse_timing(lines[i], timing_line)
    i += 1
    text_start = i
    while i < len(lines) and lines[i].strip() and not _starts_cue(lines, i, fmt):
        i += 1
    speaker, text = _clean_text(lines[text_start:i])
    if not text:
        raise CaptionParseError(timing_line, gettext_noop("cue has no text"))
    return CaptionSegment(start, end, text, speaker, identifier), i


def _read_identifier(lines: list[str], i: int, fmt: str) -> str:
    """Return the cue id at ``lines[i]``, which must be followed by a timing line."""
    identifier = lines[i].strip()
    has_next = i + 1 < len(lines) and bool(lines[i + 1].strip())
    if fmt == "srt" and not identifier.isdigit():
        raise CaptionParseError(
            i + 1,
            gettext_noop("expected a cue number or timing line, got %(text)s"),
            {"text": _snippet(identifier)},
        )
    if has_next and _is_timing_line(lines[i + 1]):
        return identifier
    if fmt == "srt" and has_next:
        raise CaptionParseError(
            i + 2,
            gettext_noop("expected a timing line after cue number %(number)s, got %(text)s"),
            {"number": identifier, "text": _snippet(lines[i + 1])},
        )
    if fmt == "srt":
        raise CaptionParseError(
            i + 1, gettext_noop("cue number %(number)s has no timing line"), {"number": identifier}
        )
    raise CaptionParseError(
        i + 1,
        gettext_noop("expected a cue timing line like '00:01.000 --> 00:04.000', got %(text)s"),
        {"text": _snippet(identifier)},
    )


def _starts_cue(lines: list[str], i: int, fmt: str) -> bool:
    """Whether a line inside cue text actually begins the next cue.

    Handles files that leave out the blank line between cues.
    """
    return _is_timing_line(lines[i]) or (fmt == "srt" and _is_srt_cue_number(lines, i))


def _parse_timing(line: str, line_no: int) -> tuple[float, float]:
    start_token, _, rest = line.partition("-->")
    # Whatever follows the end time is VTT cue settings or SRT box coordinates;
    # neither matters for a transcript.
    end_token = rest.split(maxsplit=1)[0] if rest.strip() else ""
    start = _parse_timestamp(start_token.strip(), line_no)
    end = _parse_timestamp(end_token, line_no)
    if end < start:
        raise CaptionParseError(
            line_no,
            gettext_noop("cue ends before it starts (%(start)s --> %(end)s)"),
            {"start": start_token.strip(), "end": end_token},
        )
    return start, end


def _parse_timestamp(token: str, line_no: int) -> float:
    match = _TIMESTAMP_RE.fullmatch(token)
    if not match:
        if token:
            raise CaptionParseError(
                line_no, gettext_noop("invalid timestamp %(text)s"), {"text": _snippet(token)}
            )
        raise CaptionParseError(line_no, gettext_noop("missing timestamp"))
    hours, minutes, seconds, millis = (int(g or 0) for g in match.groups())
    # Integer milliseconds first so e.g. 1.1 s isn't built from float sums.
    return (((hours * 60 + minutes) * 60 + seconds) * 1000 + millis) / 1000


# --- text cleanup -----------------------------------------------------------


def _clean_text(raw_lines: list[str]) -> tuple[str, str]:
    """Return (speaker, text) with markup stripped and entities unescaped."""
    raw = "\n".join(raw_lines)
    voice = _VOICE_RE.search(raw)
    speaker = voice.group(1).strip() if voice else ""
    # Tags go before unescaping, so "&lt;b&gt;" stays as literal text.
    text = html.unescape(_ASS_TAG_RE.sub("", _TAG_RE.sub("", raw)))
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    if speaker:
        return speaker, text
    return _split_speaker_label(text)


def _split_speaker_label(text: str) -> tuple[str, str]:
    """Take a "NAME:", "- NAME:" or "[NAME]" label off the first line."""
    first, _, rest = text.partition("\n")
    for pattern in (_COLON_LABEL_RE, _BRACKET_LABEL_RE):
        match = pattern.match(first)
        if not match or not _looks_like_name(match.group(1)):
            continue
        remainder = first[match.end() :].strip()
        body = "\n".join(part for part in (remainder, rest) if part)
        # A label with nothing after it ("[MUSIC]") is the text, not a speaker.
        if body:
            return match.group(1), body
    return "", text


def _looks_like_name(name: str) -> bool:
    # Every word capitalised keeps sentences like "Here's the thing: ..." out.
    return all(word[0].isupper() for word in name.split())

"""Caption files (WebVTT/SRT) of talks, turned into timestamped segments."""

from decimal import Decimal

from django.db import transaction

from .captions import CaptionParseError, gettext_noop, parse_captions
from .models import CaptionTrack, LibraryDocument, TranscriptSegment

CAPTION_EXTENSIONS = ("vtt", "srt")


def read_caption_document(document: LibraryDocument):
    """Parse a caption document; raises CaptionParseError with a line number."""
    filename = document.file.name
    if not filename.lower().endswith(CAPTION_EXTENSIONS):
        raise CaptionParseError(1, gettext_noop("the file is not a .vtt or .srt caption file"))
    with document.open_file() as fileobj:
        data = fileobj.read()
    return parse_captions(data, filename=filename)


def sync_segments(track: CaptionTrack, *, force: bool = False) -> int:
    """Replace the track's segments with those parsed from its document.

    Skipped when the document has not changed since the last parse. Returns
    the number of segments stored. A file that does not parse leaves the
    previous segments in place (the editor form refuses such files; this is
    the guard for files changed behind its back).
    """
    document = track.document
    if not force and track.parsed_hash and track.parsed_hash == document.file_hash:
        return track.segments.count()
    cues = read_caption_document(document)
    with transaction.atomic():
        TranscriptSegment.objects.filter(track=track).delete()
        TranscriptSegment.objects.bulk_create(
            [
                TranscriptSegment(
                    track=track,
                    position=position,
                    start=Decimal(f"{cue.start:.3f}"),
                    end=Decimal(f"{cue.end:.3f}"),
                    speaker=cue.speaker[:255],
                    text=cue.text,
                )
                for position, cue in enumerate(cues)
            ],
            batch_size=500,
        )
        CaptionTrack.objects.filter(pk=track.pk).update(parsed_hash=document.file_hash)
    track.parsed_hash = document.file_hash
    return len(cues)


def _vtt_time(seconds: Decimal) -> str:
    millis = int(round(float(seconds) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "--&gt;")


def segments_as_webvtt(segments) -> str:
    """Stored segments written back out as a WebVTT file."""
    lines = ["WEBVTT", ""]
    for segment in segments:
        lines.append(f"{_vtt_time(segment.start)} --> {_vtt_time(segment.end)}")
        # A blank line would end the cue early.
        text = _vtt_escape("\n".join(line for line in segment.text.splitlines() if line.strip()))
        if segment.speaker:
            text = f"<v {_vtt_escape(segment.speaker)}>{text}"
        lines.extend([text, ""])
    return "\n".join(lines)

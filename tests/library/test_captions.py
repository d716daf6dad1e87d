import codecs
import pickle

import pytest

from library.captions import (
    MAX_BYTES,
    MAX_CUES,
    CaptionParseError,
    CaptionSegment,
    detect_format,
    format_timestamp,
    parse_captions,
)

VTT_SAMPLE = """WEBVTT - Lecture 3
Kind: captions

NOTE This is a comment
that spans two lines

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.500 align:start position:10%
<v Erika Rushton>Welcome to the <b>library</b>.</v>

00:05.000 --> 00:07.250
<v.loud Esme>Hello <i>everyone</i>!

1:02:03.004 --> 1:02:05.000 line:0
Plain <c.yellow>text</c> &amp; <00:00:06.000>karaoke
second line
"""

SRT_SAMPLE = """1
00:00:01,000 --> 00:00:03,500
Добрый день, Алматы!

2
00:00:04,000 --> 00:00:06,000
ВЕДУЩИЙ: Сегодня мы говорим о библиотеке.
"""


def raises_at(line: int, data: bytes | str, **kwargs: str) -> CaptionParseError:
    with pytest.raises(CaptionParseError) as info:
        parse_captions(data, **kwargs)
    assert info.value.line == line, str(info.value)
    assert str(info.value).startswith(f"Line {line}: ")
    return info.value


# --- WebVTT -----------------------------------------------------------------


def test_vtt_cues_voices_settings_and_ids() -> None:
    segments = parse_captions(VTT_SAMPLE)

    assert segments[0] == CaptionSegment(
        start=1.0,
        end=4.5,
        text="Welcome to the library.",
        speaker="Erika Rushton",
        identifier="intro",
    )
    assert segments[1] == CaptionSegment(5.0, 7.25, "Hello everyone!", "Esme")


def test_vtt_hourless_and_hour_timestamps() -> None:
    segments = parse_captions(VTT_SAMPLE)

    assert [(s.start, s.end) for s in segments] == [
        (1.0, 4.5),
        (5.0, 7.25),
        (3723.004, 3725.0),
    ]


def test_vtt_strips_markup_and_unescapes_entities() -> None:
    segment = parse_captions(VTT_SAMPLE)[2]

    assert segment.text == "Plain text & karaoke\nsecond line"
    assert segment.speaker == ""


def test_escaped_tags_stay_as_text() -> None:
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nUse &lt;b&gt; for bold, a < b\n"

    assert parse_captions(data)[0].text == "Use <b> for bold, a < b"


def test_vtt_note_style_region_blocks_are_skipped() -> None:
    data = (
        "WEBVTT\n\nREGION\nid:fred width:40%\n\nSTYLE\n::cue { color: red }\n\n"
        "NOTE before the cue\n\n00:00.000 --> 00:01.000\nOnly cue\n\nNOTE trailing\n"
    )

    assert [s.text for s in parse_captions(data)] == ["Only cue"]


def test_vtt_bytes_with_bom_and_crlf() -> None:
    data = (
        codecs.BOM_UTF8
        + (
            "WEBVTT\r\n\r\n00:01.000 --> 00:02.000  \r\nFirst\r\nline two \r\n\r\n\r\n"
            "\r\n00:03.000 --> 00:04.000\r\n<v Anna>Второй</v>\r\n"
        ).encode()
    )

    segments = parse_captions(data, filename="talk.vtt")

    assert [(s.text, s.speaker) for s in segments] == [
        ("First\nline two", ""),
        ("Второй", "Anna"),
    ]


def test_cr_only_line_endings_keep_line_numbers() -> None:
    data = "WEBVTT\r\r00:01.000 --> 00:02.000\rOk\r\r00:03.000 --> 00:0x.000\rBad\r"

    error = raises_at(6, data)
    assert error.reason == "invalid timestamp '00:0x.000'"


def test_only_cr_and_lf_count_as_line_breaks() -> None:
    # str.splitlines() would also break on U+2028 and form feed.
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nA\u2028B\x0cC\n\n00:03.000 --> x\nD\n"

    raises_at(6, data)


def test_vtt_missing_blank_line_between_cues_still_splits() -> None:
    data = "WEBVTT\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n"

    assert [s.text for s in parse_captions(data)] == ["One", "Two"]


# --- SRT --------------------------------------------------------------------


def test_srt_cyrillic_text_and_sequence_numbers() -> None:
    segments = parse_captions(SRT_SAMPLE.encode(), filename="lecture.srt")

    assert segments[0] == CaptionSegment(1.0, 3.5, "Добрый день, Алматы!", "", "1")
    assert segments[1].speaker == "ВЕДУЩИЙ"
    assert segments[1].text == "Сегодня мы говорим о библиотеке."
    assert segments[1].identifier == "2"


@pytest.mark.parametrize(
    ("line", "speaker", "text"),
    [
        ("JOHN SMITH: Good morning.", "JOHN SMITH", "Good morning."),
        ("- Erika Rushton: Hi there", "Erika Rushton", "Hi there"),
        ("-MARY: Yes.", "MARY", "Yes."),
        ("[NARRATOR] Long ago...", "NARRATOR", "Long ago..."),
        ("<b>Dr. Ahmetova:</b> Спасибо", "Dr. Ahmetova", "Спасибо"),
    ],
)
def test_srt_speaker_labels(line: str, speaker: str, text: str) -> None:
    data = f"1\n00:00:01,000 --> 00:00:02,000\n{line}\n"

    [segment] = parse_captions(data, format="srt")

    assert (segment.speaker, segment.text) == (speaker, text)


@pytest.mark.parametrize(
    "line",
    [
        "note: lowercase is not a name",
        "Here's the thing: it works",
        "One Two Three Four Five: too many words",
        "[MUSIC]",
        "At 10:30 we start",
        "- Just a dialogue dash",
    ],
)
def test_text_that_is_not_a_speaker_label(line: str) -> None:
    data = f"1\n00:00:01,000 --> 00:00:02,000\n{line}\n"

    [segment] = parse_captions(data, format="srt")

    assert (segment.speaker, segment.text) == ("", line)


def test_speaker_label_on_its_own_line() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nANNA:\nПривет всем\n"

    [segment] = parse_captions(data)

    assert (segment.speaker, segment.text) == ("ANNA", "Привет всем")


def test_srt_tolerates_dot_millis_blank_lines_and_trailing_space() -> None:
    data = (
        "\n\n1  \n00:00:01.000 --> 00:00:02.500 X1:10 X2:20 Y1:5 Y2:9\n"
        "{\\an8}Top text   \n\n\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n\n\n"
    )

    segments = parse_captions(data, filename="x.srt")

    assert [(s.start, s.end, s.text) for s in segments] == [
        (1.0, 2.5, "Top text"),
        (3.0, 4.0, "Next"),
    ]


def test_srt_without_blank_line_between_cues() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n"

    segments = parse_captions(data)

    assert [(s.identifier, s.text) for s in segments] == [("1", "One"), ("2", "Two")]


# --- encodings --------------------------------------------------------------


def test_cp1251_fallback_for_legacy_russian_srt() -> None:
    data = SRT_SAMPLE.replace("\n", "\r\n").encode("cp1251")

    segments = parse_captions(data)

    assert segments[0].text == "Добрый день, Алматы!"
    assert segments[1].speaker == "ВЕДУЩИЙ"


def test_cp1252_latin_text_is_not_mistaken_for_cp1251() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nCafé au lait, s'il vous plaît\n"

    error = raises_at(3, data.encode("cp1252"))
    assert error.reason == "file is not valid UTF-8 text"


def test_utf8_with_one_corrupt_byte_fails_instead_of_mojibake() -> None:
    # Chosen so the bytes also decode as cp1251 (to "Р”РѕР±СЂС‹Р№..."), which the
    # fallback must refuse because the rest is valid UTF-8.
    data = (
        "1\n00:00:01,000 --> 00:00:02,000\nДобрый день, Алматы!\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nТестовый текст\n"
    ).encode()
    data = data.replace("Т".encode(), b"\xff", 1)
    assert data.decode("cp1251")

    raises_at(7, data)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (codecs.BOM_UTF8 + b"WEBVTT\n\n\xffoops\n", 3),
        (b"WEBVTT\r\r00:01.000 --> 00:02.000\r\xc3(\r", 4),
        ("WEBVTT\n\n".encode("utf-16") + b"\x00\xd8x\x00", 3),
    ],
)
def test_undecodable_byte_line_numbers(data: bytes, line: int) -> None:
    assert "not valid UTF-" in raises_at(line, data).reason


def test_utf16_with_bom() -> None:
    data = SRT_SAMPLE.encode("utf-16")

    assert parse_captions(data)[0].text == "Добрый день, Алматы!"


def test_nul_bytes_are_rejected_with_their_line() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nok\x00\n"

    assert "NUL bytes" in raises_at(3, data).reason
    # UTF-16 without a BOM is valid UTF-8 full of NULs.
    assert "UTF-16" in raises_at(1, SRT_SAMPLE.encode("utf-16-le")).reason


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xd8", 1),
        # Every byte but 0x98 (undefined in cp1251): decodes as cp1251 and is
        # mostly Cyrillic letters, so only the control-character check stops it.
        # Its "\n" and "\r" bytes come before the first invalid one, 0x80.
        (bytes(b for b in range(256) if b != 0x98), 3),
    ],
)
def test_binary_garbage_is_rejected(data: bytes, line: int) -> None:
    error = raises_at(line, data, filename="cover.srt")
    assert error.reason == "file is not valid UTF-8 text"


# --- malformed files --------------------------------------------------------


def test_srt_bad_timestamp_names_line() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nFine\n\n\n2\n00:01:xx,000 --> 00:01:05,000\nBad\n"

    error = raises_at(7, data)
    assert str(error) == "Line 7: invalid timestamp '00:01:xx,000'"


@pytest.mark.parametrize(
    ("timing", "reason"),
    [
        ("00:61.000 --> 00:62.000", "invalid timestamp '00:61.000'"),
        ("00:01.00 --> 00:02.000", "invalid timestamp '00:01.00'"),
        ("00:01.000 -->", "missing timestamp"),
        (
            "00:05.000 --> 00:02.000",
            "cue ends before it starts (00:05.000 --> 00:02.000)",
        ),
    ],
)
def test_vtt_bad_timing_line_names_line(timing: str, reason: str) -> None:
    data = f"WEBVTT\n\nNOTE x\n\n00:00.000 --> 00:01.000\nok\n\nid-2\n{timing}\nText\n"

    error = raises_at(9, data)
    assert error.reason == reason


def test_vtt_missing_header() -> None:
    data = "00:01.000 --> 00:02.000\nHello\n"

    error = raises_at(1, data, format="vtt")
    assert error.reason.startswith("missing 'WEBVTT' header")
    raises_at(1, data, filename="lecture.VTT")


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"", 1, "file is empty"),
        (b"\n  \r\n\t\n", 1, "file is empty"),
        (codecs.BOM_UTF8, 1, "file is empty"),
        (b"WEBVTT\n\nNOTE only a comment\n", 3, "no cues found"),
    ],
)
def test_empty_files(data: bytes, line: int, reason: str) -> None:
    assert raises_at(line, data, filename="a.vtt").reason == reason


def test_cue_without_text_names_its_timing_line() -> None:
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:03.000 --> 00:04.000\n\n"

    assert raises_at(6, data).reason == "cue has no text"
    srt = "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n"
    assert raises_at(2, srt).reason == "cue has no text"


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (
            "1\n00:00:01,000 --> 00:00:02,000\nok\n\nhello world\nmore\n",
            5,
            "expected a cue number or timing line, got 'hello world'",
        ),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\nnot a time\n",
            6,
            "expected a timing line after cue number 2, got 'not a time'",
        ),
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nstray words\n",
            6,
            "expected a cue timing line like '00:01.000 --> 00:04.000', got 'stray words'",
        ),
    ],
)
def test_garbage_where_a_cue_is_expected(data: str, line: int, reason: str) -> None:
    assert raises_at(line, data).reason == reason


def test_limits_on_cue_count_and_size() -> None:
    cue = "00:00:01,000 --> 00:00:02,000\nx\n\n"
    error = raises_at(3 * MAX_CUES + 1, cue * (MAX_CUES + 1), format="srt")
    assert error.reason == f"too many cues (limit is {MAX_CUES})"
    assert len(parse_captions(cue * MAX_CUES, format="srt")) == MAX_CUES

    assert "too large" in raises_at(1, b"WEBVTT\n" + b" " * MAX_BYTES).reason


# --- detection, errors, display --------------------------------------------


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nx\n", "subs.srt", "vtt"),
        ("WEBVTT Kind: captions\n", "", "vtt"),
        ("Hello\n", "talk.VTT", "vtt"),
        ("Hello\n", "uploads/2024/talk.srt", "srt"),
        ("\n\n12\n00:00:01,000 --> 00:00:02,000\nx\n", "", "srt"),
        ("00:00:01,000 --> 00:00:02,000\nx\n", "upload.txt", "srt"),
    ],
)
def test_detect_format(text: str, filename: str, expected: str) -> None:
    assert detect_format(text, filename) == expected


def test_detect_format_unrecognised_and_bad_format_argument() -> None:
    with pytest.raises(CaptionParseError) as info:
        detect_format("\nTitle: My lecture\n", "notes.txt")
    assert info.value.line == 2

    with pytest.raises(ValueError, match="unsupported caption format"):
        parse_captions("WEBVTT\n", format="ass")


def test_error_attributes_and_pickling() -> None:
    error = CaptionParseError(7, "invalid timestamp '00:01:xx,000'")

    assert isinstance(error, ValueError)
    assert (error.line, error.reason) == (7, "invalid timestamp '00:01:xx,000'")
    assert str(error) == "Line 7: invalid timestamp '00:01:xx,000'"
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - own object
    assert (restored.line, str(restored)) == (7, str(error))


def test_errors_carry_a_translatable_template() -> None:
    error = raises_at(6, "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nOK\n\n00:00:xx.000 --> 00:00:09.000\nX\n")
    assert error.template == "invalid timestamp %(text)s"
    assert error.reason == error.template % error.params
    catalogue = {"invalid timestamp %(text)s": "неверная отметка времени %(text)s"}
    assert error.translated(catalogue.get) == f"неверная отметка времени {error.params['text']}"
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - own object
    assert (restored.template, restored.params, restored.reason) == (
        error.template,
        error.params,
        error.reason,
    )


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "00:00"),
        (5.999, "00:05"),
        (123, "02:03"),
        (3599.5, "59:59"),
        (3600, "1:00:00"),
        (3723.004, "1:02:03"),
        (36000, "10:00:00"),
    ],
)
def test_format_timestamp(seconds: float, expected: str) -> None:
    assert format_timestamp(seconds) == expected


@pytest.mark.parametrize("seconds", [-1, float("nan"), float("inf")])
def test_format_timestamp_rejects_invalid(seconds: float) -> None:
    with pytest.raises(ValueError):
        format_timestamp(seconds)

"""Tests for the demo content (library.demo.content) and asset generators."""

from __future__ import annotations

import datetime as dt
import io
import re
import wave
from array import array
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from library.captions import parse_captions
from library.demo import assets, content

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIMING = re.compile(
    r"^(\d{2}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d)\.(\d{3})(?: .*)?$"
)
RECORD_LISTS = {
    "ORGANISATIONS": content.ORGANISATIONS,
    "CITIES": content.CITIES,
    "TOPICS": content.TOPICS,
    "SPEAKERS": content.SPEAKERS,
    "EVENTS": content.EVENTS,
    "TALKS": content.TALKS,
    "MATERIALS": content.MATERIALS,
    "CASE_STUDIES": content.CASE_STUDIES,
    "POLICY_BRIEFS": content.POLICY_BRIEFS,
}
PROGRAMME_START = dt.date(2017, 4, 1)
PROGRAMME_END = dt.date(2020, 6, 30)


def keys(records):
    return {record["key"] for record in records}


def talk():
    return content.TALKS[0]


def chapter_starts(record):
    return [chapter["start"] for chapter in record["chapters"]]


# ---------------------------------------------------------------------------
# WebVTT helper
# ---------------------------------------------------------------------------


def _seconds(h, m, s, ms):
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_vtt(text):
    """Minimal WebVTT check: returns [(start, end, payload), ...] or fails."""
    assert text.startswith("WEBVTT"), "missing WEBVTT header"
    assert "\r" not in text
    blocks = re.split(r"\n{2,}", text.strip("\n"))
    header = blocks[0].split("\n")[0]
    assert header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith("NOTE"):
            assert "-->" not in block
            continue
        if "-->" not in lines[0]:
            lines = lines[1:]  # cue identifier
        match = TIMING.match(lines[0])
        assert match, f"bad timing line: {lines[0]!r}"
        start = _seconds(*match.groups()[:4])
        end = _seconds(*match.groups()[4:])
        payload = "\n".join(lines[1:])
        assert payload.strip(), "empty cue"
        assert "-->" not in payload
        assert start < end
        cues.append((start, end, payload))
    assert cues, "no cues"
    for (start, end, _), (next_start, _, _) in zip(cues, cues[1:], strict=False):
        assert next_start > start, "cue start times must increase"
        assert next_start >= end, "cues must not overlap"
    return cues


# ---------------------------------------------------------------------------
# Audio
# ---------------------------------------------------------------------------


def test_talk_audio_is_valid_wav_of_the_right_length():
    record = talk()
    data = assets.make_talk_audio(record["duration_seconds"], chapter_starts(record))
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WAVE"
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 2
        assert wav.getframerate() == 8000
        assert wav.getcomptype() == "NONE"
        assert wav.getnframes() == record["duration_seconds"] * 8000
        assert wav.getnframes() / wav.getframerate() == record["duration_seconds"]


def _samples(data):
    with wave.open(io.BytesIO(data)) as wav:
        frames = wav.readframes(wav.getnframes())
    samples = array("h")
    samples.frombytes(frames)
    return samples


def test_talk_audio_is_quiet_but_not_silent_and_marks_chapters():
    data = assets.make_talk_audio(20, [0, 8, 14])
    samples = _samples(data)
    peak = max(abs(value) for value in samples)
    assert 1000 < peak < 0.3 * 32767
    for start in (0, 8, 14):
        first = start * 8000
        assert not any(samples[first : first + 2000]), "chapters open with silence"
    # The pitch changes between chapters, so the audio differs per chapter.
    assert samples[4000:16000] != samples[8 * 8000 + 4000 : 8 * 8000 + 16000]


def test_talk_audio_is_deterministic_and_tolerates_odd_chapters():
    one = assets.make_talk_audio(7, [3, 0, 3, 99, -1])
    two = assets.make_talk_audio(7, [0, 3])
    assert one == two
    assert assets.make_talk_audio(3, []) == assets.make_talk_audio(3, [])
    with wave.open(io.BytesIO(assets.make_talk_audio(1, []))) as wav:
        assert wav.getnframes() == 8000


def test_talk_audio_rejects_non_positive_duration():
    with pytest.raises(ValueError):
        assets.make_talk_audio(0, [0])


# ---------------------------------------------------------------------------
# Slides PDF
# ---------------------------------------------------------------------------


def _slides_pdf():
    material = content.MATERIALS[0]
    return material, assets.make_slides_pdf(material["title"]["en"], "Erika Rushton", material["slides"])


def test_slides_pdf_has_one_page_per_slide_with_extractable_text():
    material, data = _slides_pdf()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    slides = material["slides"]
    assert len(reader.pages) == len(slides)
    for number, (page, slide) in enumerate(zip(reader.pages, slides, strict=True), 1):
        text = page.extract_text()
        assert slide["title"] in text
        assert f"{number} / {len(slides)}" in text
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height, "slides are landscape"
        assert round(width) == 842 and round(height) == 595
    texts = [page.extract_text() for page in reader.pages]
    milkytea = [i for i, text in enumerate(texts) if "MilkyTea" in text]
    expected = [i for i, slide in enumerate(slides) if "MilkyTea" in " ".join(slide["bullets"])]
    assert milkytea == expected == [2]


def test_slides_pdf_metadata_and_determinism():
    material, data = _slides_pdf()
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata.title == material["title"]["en"]
    assert metadata.author == "Erika Rushton"
    _, again = _slides_pdf()
    assert data == again


def test_slides_pdf_handles_typographic_punctuation_and_long_text():
    slides = [
        {"title": "“Quoted” title – with dashes", "bullets": ["€50,000 … and more"]},
        {"title": "Long", "bullets": ["word " * 60] * 6},
    ]
    data = assets.make_slides_pdf("Test – deck", "Author", slides)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    assert '"Quoted" title - with dashes' in reader.pages[0].extract_text()
    assert "EUR 50,000" in reader.pages[0].extract_text()
    with pytest.raises(ValueError):
        assets.make_slides_pdf("Empty", "Author", [])


# ---------------------------------------------------------------------------
# Cover images
# ---------------------------------------------------------------------------


def test_cover_image_is_png_of_requested_size():
    data = assets.make_cover_image("Erika Rushton: placemaking", "erika-rushton-placemaking")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 675)
        image.load()
        colours = image.getcolors(maxcolors=1_000_000)
        assert colours is None or len(colours) > 50, "expected a gradient, not a flat fill"
    small = assets.make_cover_image("Small", "seed", size=(320, 180))
    with Image.open(io.BytesIO(small)) as image:
        assert image.size == (320, 180)


def test_cover_image_is_deterministic_per_seed():
    first = assets.make_cover_image("Title", "seed-a")
    assert first == assets.make_cover_image("Title", "seed-a")
    assert first != assets.make_cover_image("Title", "seed-b")


def test_cover_image_accepts_non_latin_titles():
    data = assets.make_cover_image("Парки и общественные пространства", "brief-parks")
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 675)


# ---------------------------------------------------------------------------
# Content integrity
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RECORD_LISTS))
def test_keys_are_unique_slugs(name):
    records = RECORD_LISTS[name]
    assert records, f"{name} is empty"
    found = [record["key"] for record in records]
    assert len(found) == len(set(found)), f"duplicate keys in {name}"
    for key in found:
        assert SLUG.match(key), f"{name}: {key!r} is not a slug"


def test_keys_are_unique_across_publishable_records():
    found = [
        record["key"]
        for name in ("TALKS", "MATERIALS", "CASE_STUDIES", "POLICY_BRIEFS", "EVENTS")
        for record in RECORD_LISTS[name]
    ]
    assert len(found) == len(set(found))


def _text_dicts(value, path="content"):
    if isinstance(value, dict):
        if value and set(value) <= {"ru", "en", "kk"}:
            yield path, value
            return
        for key, item in value.items():
            yield from _text_dicts(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _text_dicts(item, f"{path}[{index}]")


def test_every_text_has_russian_and_english():
    everything = {**RECORD_LISTS, "PROGRAMME": content.PROGRAMME}
    found = list(_text_dicts(everything))
    assert len(found) > 200
    for path, text in found:
        for language in ("ru", "en"):
            assert isinstance(text.get(language), str), f"{path}: missing {language}"
            assert text[language].strip(), f"{path}: empty {language}"
            if not path.endswith(".transcript"):
                assert text[language] == text[language].strip(), f"{path}: stray whitespace"
        if "kk" in text:
            assert text["kk"].strip()


def test_kazakh_names_only_on_topics_and_cities():
    for record in content.CITIES + content.TOPICS:
        assert record["name"].get("kk"), record["key"]
    others = {name: records for name, records in RECORD_LISTS.items() if name not in ("CITIES", "TOPICS")}
    for path, text in _text_dicts({**others, "PROGRAMME": content.PROGRAMME}):
        assert "kk" not in text, path


def test_russian_texts_are_in_russian():
    cyrillic = re.compile(r"[А-Яа-яЁё]")
    for path, text in _text_dicts({**RECORD_LISTS, "PROGRAMME": content.PROGRAMME}):
        if path.endswith(("short_name", ".venue")) or "organisations" in path:
            continue
        if path.startswith("content.ORGANISATIONS") and path.endswith(".name"):
            continue
        assert cyrillic.search(text["ru"]), f"{path}: Russian text has no Cyrillic"
        assert not cyrillic.search(text["en"]), f"{path}: English text has Cyrillic"


def test_references_point_to_existing_records():
    orgs = keys(content.ORGANISATIONS)
    cities = keys(content.CITIES)
    topics = keys(content.TOPICS)
    speakers = keys(content.SPEAKERS)
    events = keys(content.EVENTS)
    talks = keys(content.TALKS)
    case_studies = keys(content.CASE_STUDIES)

    for org in content.ORGANISATIONS:
        assert org["role"] in {"funder", "lead", "partner", "content_provider"}
        assert org["url"] == "" or org["url"].startswith("https://")
        assert org.get("city") in cities | {None}
    for city in content.CITIES:
        assert city["country"]["en"] in {"Kazakhstan", "United Kingdom"}
    for speaker in content.SPEAKERS:
        assert speaker["organisation"] in orgs | {None}
    for event in content.EVENTS:
        assert event["city"] in cities
        assert set(event["organisers"]) <= orgs
        assert set(event.get("topics", [])) <= topics
    for record in content.TALKS + content.MATERIALS:
        assert record["event"] in events
        assert record["speakers"] and set(record["speakers"]) <= speakers
        assert record["topics"] and set(record["topics"]) <= topics
        assert record["provider"] in orgs
    for material in content.MATERIALS:
        assert material["talk"] in talks
        assert material["material_type"] == "slides"
    for case in content.CASE_STUDIES:
        assert case["city"] in cities
        assert set(case["organisations"]) <= orgs
        assert case["topics"] and set(case["topics"]) <= topics
        assert case["provider"] in orgs
        assert set(case.get("talks", [])) <= talks
    for brief in content.POLICY_BRIEFS:
        assert brief["topics"] and set(brief["topics"]) <= topics
        assert set(brief["authors"]) <= speakers
        assert set(brief.get("related_speakers", [])) <= speakers
        assert set(brief.get("case_studies", [])) <= case_studies
        assert brief["provider"] in {"kbtu", "almaty-development-center"}


def test_expected_records_are_present():
    assert {
        "european-union",
        "british-council",
        "akimat-almaty",
        "almaty-development-center",
        "kbtu",
        "baltic-triangle-cic",
        "tfgm",
    } <= keys(content.ORGANISATIONS)
    assert keys(content.CITIES) == {
        "almaty",
        "nur-sultan",
        "shymkent",
        "liverpool",
        "london",
        "bristol",
        "manchester",
        "salford",
    }
    assert {"erika-rushton", "emma-nicholson", "nicola-kane"} <= keys(content.SPEAKERS)
    assert {"placemaking", "creative-economy"} <= keys(content.TOPICS)
    assert len(content.TOPICS) == 10
    assert [t["key"] for t in content.TALKS] == ["erika-rushton-placemaking"]
    assert [m["key"] for m in content.MATERIALS] == ["erika-rushton-placemaking-slides"]
    assert content.CASE_STUDIES[0]["key"] == "baltic-triangle-liverpool"
    assert len(content.CASE_STUDIES) == 5
    forum = content.EVENTS[0]
    assert forum["number"] == 5
    assert forum["date"] == "2018-07-21"
    assert forum["city"] == "almaty"


def test_dates_are_iso_and_within_the_programme():
    dated = content.EVENTS + content.TALKS + content.CASE_STUDIES + content.POLICY_BRIEFS
    for record in dated:
        value = record.get("date") or record["publication_date"]
        parsed = dt.date.fromisoformat(value)
        assert PROGRAMME_START <= parsed <= PROGRAMME_END, record["key"]
        if "publication_date" in record:
            assert dt.date.fromisoformat(record["publication_date"]).isoformat() == record["publication_date"]
    assert talk()["date"] == content.EVENTS[0]["date"]


def test_exactly_one_policy_brief_per_policy_area():
    areas = [topic["key"] for topic in content.TOPICS if topic["policy_area"]]
    assert tuple(areas) == content.POLICY_AREAS
    assert len(areas) == 8
    assert len(content.POLICY_BRIEFS) == 8
    primary = [brief["topics"][0] for brief in content.POLICY_BRIEFS]
    assert sorted(primary) == sorted(areas)
    for brief in content.POLICY_BRIEFS:
        assert 3 <= len(brief["key_recommendations"]) <= 5, brief["key"]
        assert 2 <= len(brief["body"]) <= 4, brief["key"]
        for section in brief["body"]:
            assert set(section) == {"heading", "text"}
        assert brief["language"] == "ru"


def test_case_studies_have_all_sections():
    fields = ("summary", "challenge", "approach", "outcomes", "lessons", "period", "title")
    for case in content.CASE_STUDIES:
        for field in fields:
            assert case[field]["ru"] and case[field]["en"], (case["key"], field)
        assert case["recommendations"], case["key"]
        assert case["sources"], case["key"]
        for source in case["sources"]:
            assert set(source) == {"title", "publisher", "year", "url"}
            assert source["title"] and source["publisher"]
            assert source["year"] is None or isinstance(source["year"], int)
            assert source["url"] == "" or source["url"].startswith("https://")
        assert case["language"] == "ru"
    for case in content.CASE_STUDIES[1:]:
        assert case["city"] == "almaty"


def test_talk_chapters_fit_the_duration():
    record = talk()
    duration = record["duration_seconds"]
    assert 240 <= duration <= 360
    starts = chapter_starts(record)
    assert 4 <= len(starts) <= 6
    assert starts[0] == 0
    assert starts == sorted(set(starts))
    assert all(0 <= start < duration for start in starts)
    assert record["language"] == "en"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_transcripts_are_well_formed_webvtt(language):
    record = talk()
    cues = parse_vtt(record["transcript"][language])
    assert 20 <= len(cues) <= 30
    assert cues[-1][1] <= record["duration_seconds"]
    for _, _, payload in cues:
        assert payload.startswith("<v Erika Rushton>")


def test_transcripts_share_timings_and_line_up_with_chapters():
    record = talk()
    en = parse_vtt(record["transcript"]["en"])
    ru = parse_vtt(record["transcript"]["ru"])
    assert len(en) == len(ru)
    assert [(s, e) for s, e, _ in en] == [(s, e) for s, e, _ in ru]
    cue_starts = [start for start, _, _ in en]
    for chapter in chapter_starts(record)[1:]:
        assert any(abs(chapter - start) <= 1 for start in cue_starts), chapter
    assert all(re.search(r"[А-Яа-я]", payload) for _, _, payload in ru)


def test_transcripts_say_they_are_a_reconstruction():
    record = talk()
    assert "Sample reconstruction" in record["transcript"]["en"]
    assert "не является дословной" in record["transcript"]["ru"].lower()
    assert "not a verbatim record" in record["summary"]["en"]


def test_transcripts_parse_with_the_library_caption_parser():
    record = talk()
    for language in ("en", "ru"):
        segments = parse_captions(record["transcript"][language], format="vtt")
        assert len(segments) == len(parse_vtt(record["transcript"][language]))
        assert segments[0].speaker == "Erika Rushton"


def test_slide_text_is_latin1_and_sized_for_a_deck():
    slides = content.MATERIALS[0]["slides"]
    assert 6 <= len(slides) <= 8
    for slide in slides:
        assert slide["title"] and slide["bullets"]
        for text in [slide["title"], *slide["bullets"]]:
            text.encode("latin-1")


def test_programme_figures():
    figures = content.PROGRAMME["figures"]
    values = [figure["value"] for figure in figures]
    assert "1000" in values
    assert all(isinstance(value, str) and value for value in values)
    intro = content.PROGRAMME["intro"]
    for language in ("ru", "en"):
        assert 2 <= len(intro[language].split("\n\n")) <= 3


def test_content_module_is_plain_data():
    source = Path(content.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+django", source, re.MULTILINE)
    assert "shared/seeds" not in source
    assert "open(" not in source

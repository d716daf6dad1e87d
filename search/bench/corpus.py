"""A deterministic library of any size, built as ``IndexDocument``s directly
(no pages), shaped like the real one.

Every item is generated from its own seed (``seed`` and its id), so the
first 1,000 items of the 10,000-item corpus are the 1,000-item corpus, an
item can be rebuilt on its own, and nothing has to be held in memory:
``documents(100_000)`` is a generator.

Shape (see ``describe`` for the measured figures):

* locales ru/en/kk ≈ 55/30/15 %; the item's language is the locale's in
  85 % of items (an English talk can sit on a Russian page);
* types: talks 30 % (most with a transcript: windows of three cues with
  their start times), speaker materials 25 % (slides: document pages),
  case studies 20 %, policy briefs 25 % (most with a PDF);
* facets with the library's cardinalities and skew (a few values are
  common, most are rare): 10 topics (1–3 per item), 50 speakers, 20 events,
  8 cities, years 2017–2020, 3 languages, 7 providers, 4 types.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from search.documents import IndexDocument, Passage

from .text import KAZAKH_NAMES, LanguagePools, pools

SEED = 2018
SITE_ID = 1
LOCALES = ("ru", "en", "kk")
LOCALE_WEIGHTS = (55, 30, 15)
FIRST_DAY = date(2017, 1, 1)
LAST_DAY = date(2020, 12, 31)
SPEAKER_COUNT = 50
EVENT_COUNT = 20

TYPES = {
    "talk": {"ru": "Выступление", "en": "Talk", "kk": "Баяндама"},
    "material": {"ru": "Материал спикера", "en": "Speaker material", "kk": "Спикер материалы"},
    "case-study": {"ru": "Кейс", "en": "Case study", "kk": "Кейс"},
    "policy-brief": {"ru": "Аналитическая записка", "en": "Policy brief", "kk": "Талдамалық жазба"},
}
TYPE_WEIGHTS = (30, 25, 20, 25)
LANGUAGE_LABELS = {
    "ru": {"ru": "Русский", "en": "Russian", "kk": "Орыс тілі"},
    "en": {"ru": "Английский", "en": "English", "kk": "Ағылшын тілі"},
    "kk": {"ru": "Казахский", "en": "Kazakh", "kk": "Қазақ тілі"},
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Value:
    """One facet value: its slug and its label in each locale."""

    slug: str
    labels: dict

    def label(self, locale: str) -> str:
        return self.labels.get(locale) or self.labels.get("ru") or self.labels["en"]


@dataclass(frozen=True)
class Event:
    value: Value
    city: Value
    day: date
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    topics: tuple[Value, ...]
    cities: tuple[Value, ...]
    providers: tuple[Value, ...]
    speakers: tuple[Value, ...]
    events: tuple[Event, ...]


def zipf(count: int, exponent: float = 0.9) -> list[float]:
    """Weights for a skewed choice: the first value is the most common."""
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


@cache
def catalogue(seed: int = SEED) -> Catalogue:
    from library.demo import content

    rng = random.Random(seed)  # noqa: S311  (benchmark data, not secrets)
    topics = tuple(Value(t["key"], t["name"]) for t in content.TOPICS)
    cities = tuple(Value(c["key"], c["name"]) for c in content.CITIES)
    providers = tuple(Value(o["key"], o["name"]) for o in content.ORGANISATIONS)
    text = pools(seed)
    speakers = [Value(s["key"], s["name"]) for s in content.SPEAKERS]
    names = [*text["ru"].names[:20], *text["en"].names[:16], *KAZAKH_NAMES]
    rng.shuffle(names)
    for number, name in enumerate(names[: SPEAKER_COUNT - len(speakers)], start=1):
        speakers.append(Value(f"speaker-{number:02d}", {"ru": name, "en": name, "kk": name}))
    events = []
    for source in content.EVENTS:
        city = next(c for c in cities if c.slug == source["city"])
        events.append(
            Event(
                Value(source["key"], source["title"]),
                city,
                date.fromisoformat(source["date"]),
                tuple(source["topics"]),
            )
        )
    number = 0
    while len(events) < EVENT_COUNT:
        number += 1
        topic = topics[(number * 3) % len(topics)]
        city = cities[0] if rng.random() < 0.6 else rng.choice(cities)
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        plain_ru = topic.label("ru").replace("«", "").replace("»", "")
        if number % 3:
            labels = {
                "ru": f"{ROMAN[number % len(ROMAN)]} форум #МыАлматы «{plain_ru}» ({day.year})",
                "en": f"#WeAlmaty Urban Forum {number}: {topic.label('en')} ({day.year})",
                "kk": f"#БізАлматы {number}-форумы: {topic.label('kk')} ({day.year})",
            }
        else:
            labels = {
                "ru": f"Семинар «{plain_ru}», {city.label('ru')}, {day.year}",
                "en": f"Workshop: {topic.label('en')}, {city.label('en')}, {day.year}",
                "kk": f"Семинар: {topic.label('kk')}, {city.label('kk')}, {day.year}",
            }
        events.append(Event(Value(f"event-{number:02d}", labels), city, day, (topic.slug,)))
    return Catalogue(topics, cities, providers, tuple(speakers), tuple(events))


class ItemWriter:
    """Writes one item's text from the sentence pools of its language."""

    def __init__(self, rng: random.Random, pool: LanguagePools, topics: list[str]):
        self.rng = rng
        self.pool = pool
        self.topics = [t for t in topics if pool.topic.get(t)] or list(pool.topic)

    def topical(self) -> str:
        return self.rng.choice(self.pool.topic[self.rng.choice(self.topics)])

    def sentence(self, topical=0.55, general=0.25) -> str:
        roll = self.rng.random()
        if roll < topical:
            return self.topical()
        if roll < topical + general and self.pool.general:
            return self.rng.choice(self.pool.general)
        return self.rng.choice(self.pool.noise)

    def sentences(self, low: int, high: int, **weights) -> str:
        return " ".join(self.sentence(**weights) for _ in range(self.rng.randint(low, high)))

    def phrase(self) -> str:
        """A few words out of a sentence on the item's topic, for a title."""
        words = self.topical().split()
        size = min(len(words), self.rng.randint(3, 8))
        start = self.rng.randint(0, len(words) - size)
        text = " ".join(words[start : start + size]).strip(' ,.;:!?—–-«»"()')
        return text[:1].upper() + text[1:]

    def cue(self) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.rng.choice(self.pool.spoken)
        return self.topical() if roll < 0.85 else self.rng.choice(self.pool.noise)


def document(item_id: int, seed: int = SEED) -> IndexDocument:
    """Item ``item_id`` of the benchmark library (ids start at 1)."""
    rng = random.Random(seed * 1_000_003 + item_id)  # noqa: S311
    cat = catalogue(seed)
    text = pools(seed)
    locale = rng.choices(LOCALES, LOCALE_WEIGHTS)[0]
    type_ = rng.choices(tuple(TYPES), TYPE_WEIGHTS)[0]
    language = locale if rng.random() < 0.85 else rng.choice([lang for lang in LOCALES if lang != locale])

    topic_count = rng.choices((1, 2, 3), (50, 35, 15))[0]
    topics = []
    while len(topics) < topic_count:
        topic = rng.choices(cat.topics, zipf(len(cat.topics), 0.6))[0]
        if topic not in topics:
            topics.append(topic)
    event = None
    if rng.random() < (0.9 if type_ in ("talk", "material") else 0.1):
        event = rng.choices(cat.events, zipf(len(cat.events), 0.8))[0]
    if event:
        day = min(event.day + timedelta(days=rng.randrange(0, 60) if type_ == "material" else 0), LAST_DAY)
        city = event.city
    else:
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        city = rng.choices(cat.cities, zipf(len(cat.cities), 1.2))[0] if rng.random() < 0.7 else None
    speaker_count = {"talk": rng.choice((1, 1, 1, 2)), "material": rng.choice((0, 1, 1, 1))}.get(
        type_, 1 if rng.random() < 0.3 else 0
    )
    speakers = []
    while len(speakers) < speaker_count:
        speaker = rng.choices(cat.speakers, zipf(len(cat.speakers), 0.9))[0]
        if speaker not in speakers:
            speakers.append(speaker)
    provider = rng.choices(cat.providers, zipf(len(cat.providers), 1.0))[0] if rng.random() < 0.95 else None

    def labels(values):
        return [(v.slug, v.label(locale)) for v in values]

    facets = {
        "type": [(type_, TYPES[type_][locale])],
        "topic": labels(topics),
        "event": labels([event.value] if event else []),
        "city": labels([city] if city else []),
        "year": [(str(day.year), str(day.year))],
        "language": [(language, LANGUAGE_LABELS[language][locale])],
        "provider": labels([provider] if provider else []),
        "speaker": labels(speakers),
    }

    writer = ItemWriter(rng, text[locale], [t.slug for t in topics])
    roll = rng.random()
    if type_ == "talk" and speakers and roll < 0.5:
        title = f"{speakers[0].label(locale)}: {writer.phrase()}"
    elif roll < 0.7:
        title = f"{topics[0].label(locale)}: {writer.phrase()}"
    else:
        title = writer.phrase()
    summary = writer.sentences(1, 3, topical=0.8, general=0.2)
    body = "\n".join(writer.sentences(2, 6) for _ in range(rng.randint(2, 5)))
    people = " ".join(label for key in ("speaker", "provider", "event", "city") for _, label in facets[key])
    passages = [
        Passage("text", "title", title),
        Passage("text", "summary", summary),
        Passage("text", "people", people),
        Passage("text", "topics", " ".join(label for _, label in facets["topic"])),
        Passage("text", "body", body),
    ]
    spoken = ItemWriter(rng, text[language], [t.slug for t in topics])
    if type_ == "talk" and rng.random() < 0.85:
        start = rng.uniform(0, 3)
        for _ in range(rng.randint(6, 40)):
            window_start = start
            cues = []
            for _ in range(3):
                cues.append(spoken.cue())
                start += rng.uniform(4, 12)
            passages.append(Passage("transcript", "transcript", " ".join(cues), start=round(window_start, 1)))
    attach = {"material": 0.9, "policy-brief": 0.7, "case-study": 0.35}.get(type_, 0.05)
    if rng.random() < attach:
        for number in range(2 if rng.random() < 0.15 else 1):
            document_id = item_id * 10 + number
            document_title = f"{title[:60]} ({'PDF' if type_ != 'material' else 'slides'})"
            for page in range(1, rng.randint(2, 10) + 1):
                passages.append(
                    Passage(
                        "document",
                        "document",
                        spoken.sentences(3, 8, topical=0.6, general=0.2),
                        document_id=document_id,
                        document_title=document_title,
                        page=page,
                    )
                )
    return IndexDocument(
        id=item_id,
        locale=locale,
        site_id=SITE_ID,
        url=f"/{locale}/library/bench-{item_id}/",
        type=type_,
        title=title,
        summary=summary,
        date=day,
        language=language,
        provider=provider.label(locale) if provider else "",
        facets=facets,
        passages=[p for p in passages if p.text.strip()],
    )


def documents(count: int, seed: int = SEED, start: int = 1) -> Iterator[IndexDocument]:
    """Items ``start`` … ``start + count - 1``, one at a time."""
    for item_id in range(start, start + count):
        yield document(item_id, seed)


def words(document: IndexDocument) -> int:
    return sum(len(p.text.split()) for p in document.passages)


def describe(docs) -> dict:
    """Counts that say what a corpus looks like (for docs/performance.md)."""
    count = passages = word_count = chars = transcripts = pages = 0
    locales: dict[str, int] = {}
    facet_values: dict[str, set] = {}
    for doc in docs:
        count += 1
        passages += len(doc.passages)
        word_count += words(doc)
        chars += sum(len(p.text) for p in doc.passages)
        transcripts += sum(1 for p in doc.passages if p.kind == "transcript")
        pages += sum(1 for p in doc.passages if p.kind == "document")
        locales[doc.locale] = locales.get(doc.locale, 0) + 1
        for name, values in doc.facets.items():
            facet_values.setdefault(name, set()).update(value for value, _ in values)
    count = count or 1
    return {
        "items": count,
        "words_per_item": word_count / count,
        "chars_per_item": chars / count,
        "passages_per_item": passages / count,
        "transcript_windows_per_item": transcripts / count,
        "document_pages_per_item": pages / count,
        "locales": {k: v / count for k, v in sorted(locales.items())},
        "facet_values": {k: len(v) for k, v in facet_values.items()},
    }

"""A small test collection in the BEIR layout, for testing ``search_eval``
without the network (real BEIR sets cannot be downloaded here).

English documents about the library's topics, written from the benchmark's
sentence pools. Each query is about one subject that only a few documents
mention: a made-up proper name (a street, a district, a project) together
with a topic. The document written about it is judged 2, documents that
mention the subject in passing are judged 1, and everything else, including
many documents about the same topic, is unjudged (0). A ranker that uses
the words of the query finds the 2 near the top; a random order does not.
"""

import json
import random
from pathlib import Path

from .text import pools

SUBJECT_SYLLABLES = (
    "kar",
    "bel",
    "tau",
    "sar",
    "ak",
    "zhol",
    "nur",
    "kok",
    "tal",
    "dos",
    "mir",
    "ken",
    "bay",
    "sul",
)
SUBJECT_KINDS = ("Street", "District", "Square", "Lake", "Project", "Hub", "Park")
QUESTION_FORMS = (
    "How did {subject} change {topic}?",
    "{subject} {topic}",
    "What happened to {topic} at {subject}?",
    "{topic} lessons from {subject}",
)
TOPIC_WORDS = {
    "integrated-transport": "public transport",
    "health-wellbeing": "health and wellbeing",
    "smart-city": "digital services",
    "parks-public-spaces": "parks and public space",
    "accessibility-inclusion": "accessibility",
    "startups-social-entrepreneurship": "social entrepreneurship",
    "childhood-early-development-play": "children and play",
    "volunteering-active-citizenship": "volunteering",
    "placemaking": "placemaking",
    "creative-economy": "the creative economy",
}


def _subject(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.sample(SUBJECT_SYLLABLES, 2)).capitalize()
        subject = f"{name} {rng.choice(SUBJECT_KINDS)}"
        if name not in used:
            used.add(name)
            return subject


def generate(queries: int = 20, background: int = 150, seed: int = 7) -> dict:
    """The collection as data: corpus, queries and qrels."""
    rng = random.Random(seed)  # noqa: S311  (test data, not secrets)
    english = pools(2018)["en"]
    topics = [topic for topic in TOPIC_WORDS if english.topic.get(topic)]

    def sentences(topic, count):
        return " ".join(rng.choice(english.topic[topic]) for _ in range(count))

    corpus, query_rows, qrels = [], [], []
    used: set[str] = set()
    for number in range(1, queries + 1):
        topic = rng.choice(topics)
        subject = _subject(rng, used)
        main = f"d{number}-0"
        corpus.append(
            {
                "_id": main,
                "title": f"{subject}: {TOPIC_WORDS[topic]}",
                "text": f"{sentences(topic, 2)} {subject} is where this began. {sentences(topic, 2)} "
                f"People at {subject} still talk about {TOPIC_WORDS[topic]}.",
            }
        )
        qrels.append((f"q{number}", main, 2))
        for mention in range(1, rng.randint(1, 3) + 1):
            doc_id = f"d{number}-{mention}"
            other = rng.choice(topics)
            corpus.append(
                {
                    "_id": doc_id,
                    "title": " ".join(rng.choice(english.topic[other]).split()[:6]).strip(".,"),
                    "text": f"{sentences(other, 3)} A visit to {subject} was mentioned. "
                    f"{sentences(other, 2)}",
                }
            )
            qrels.append((f"q{number}", doc_id, 1))
        question = rng.choice(QUESTION_FORMS).format(subject=subject, topic=TOPIC_WORDS[topic])
        query_rows.append({"_id": f"q{number}", "text": question[0].upper() + question[1:]})
    for number in range(background):
        topic = rng.choice(topics)
        corpus.append(
            {
                "_id": f"b{number}",
                "title": " ".join(rng.choice(english.topic[topic]).split()[:7]).strip(".,"),
                "text": f"{sentences(topic, rng.randint(2, 5))} {rng.choice(english.noise)}",
            }
        )
    rng.shuffle(corpus)
    return {"corpus": corpus, "queries": query_rows, "qrels": qrels}


def write(path, queries: int = 20, background: int = 150, seed: int = 7) -> Path:
    """Write the collection to ``path`` (created) in the BEIR layout."""
    path = Path(path)
    (path / "qrels").mkdir(parents=True, exist_ok=True)
    data = generate(queries, background, seed)
    with (path / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for record in data["corpus"]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (path / "queries.jsonl").open("w", encoding="utf-8") as out:
        for record in data["queries"]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (path / "qrels" / "test.tsv").open("w", encoding="utf-8") as out:
        out.write("query-id\tcorpus-id\tscore\n")
        for query_id, doc_id, score in data["qrels"]:
            out.write(f"{query_id}\t{doc_id}\t{score}\n")
    return path

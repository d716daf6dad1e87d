"""What a visitor typed, read into terms, phrases and exclusions.

Never raises: any string (quotes, brackets, FTS operators, NUL bytes, emoji,
10,000 characters) becomes a query, possibly an empty one.
"""

import re
from dataclasses import dataclass, field

from .analysis import terms

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32
QUOTED_RE = re.compile(r'(-?)"([^"]*)"')


@dataclass
class ParsedQuery:
    raw: str
    required: list[str] = field(default_factory=list)  # analysed terms, all must match
    phrases: list[list[str]] = field(default_factory=list)  # analysed terms in order
    excluded: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # as typed, for suggestions

    @property
    def is_empty(self) -> bool:
        return not (self.required or self.phrases)

    @property
    def positive_terms(self) -> list[str]:
        """Every term that should match, phrase terms included, in order, once."""
        seen: dict[str, None] = {}
        for term in [*self.required, *(t for phrase in self.phrases for t in phrase)]:
            seen.setdefault(term)
        return list(seen)


def clean(text: str) -> str:
    text = (text or "").replace("\x00", " ")
    text = "".join(char for char in text if char.isprintable() or char.isspace())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def parse_query(text: str) -> ParsedQuery:
    raw = clean(text)
    query = ParsedQuery(raw=raw)
    rest = raw
    # A lone quote (unbalanced) is treated as a plain character.
    if raw.count('"') % 2:
        rest = rest.replace('"', " ")
    for match in QUOTED_RE.finditer(rest):
        phrase = terms(match.group(2))
        if not phrase:
            continue
        if match.group(1):
            query.excluded.extend(phrase)
        elif len(phrase) == 1:
            query.required.extend(phrase)
        else:
            query.phrases.append(phrase)
        query.words.extend(match.group(2).split())
    rest = QUOTED_RE.sub(" ", rest)
    for word in rest.split():
        if word.startswith("-") and len(word) > 1:
            query.excluded.extend(terms(word[1:]))
            continue
        analysed = terms(word)
        query.required.extend(analysed)
        if analysed:
            query.words.append(word)
    query.required = list(dict.fromkeys(query.required))[:MAX_TERMS]
    query.excluded = [term for term in dict.fromkeys(query.excluded) if term not in query.required][
        :MAX_TERMS
    ]
    query.phrases = query.phrases[:8]
    return query

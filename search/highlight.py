"""Snippets with the matched words marked, in the words as written.

Engines that analyse text themselves (SQLite, PostgreSQL) find which passage
matched; this module picks the best window of it and marks every word whose
indexed term matches a query term (or starts with one, for prefix matches).
"""

from django.utils.html import escape

from .analysis import tokens

SNIPPET_CHARS = 240


def highlight(
    text: str, match_terms: set[str], prefix_terms: set[str] = frozenset(), max_chars: int = SNIPPET_CHARS
) -> str:
    """HTML: the best window of ``text`` (most matched words), escaped, with
    ``<mark>`` around matched words and … where it was cut."""
    text = text or ""
    words = tokens(text)

    def matches(term: str) -> bool:
        return bool(term) and (term in match_terms or any(term.startswith(p) for p in prefix_terms))

    marked = [word for word in words if matches(word.term)]
    if len(text) <= max_chars:
        start, end = 0, len(text)
    elif not marked:
        start, end = 0, _cut(text, max_chars)
    else:
        start, end = _best_window(text, marked, max_chars)
    parts = []
    cursor = start
    for word in marked:
        if word.start < start or word.end > end:
            continue
        parts.append(escape(text[cursor : word.start]))
        parts.append(f"<mark>{escape(word.text)}</mark>")
        cursor = word.end
    parts.append(escape(text[cursor:end]))
    snippet = "".join(parts).strip()
    if start > 0:
        snippet = "…" + snippet
    if end < len(text):
        snippet += "…"
    return snippet


def _cut(text: str, limit: int) -> int:
    """Index to cut at: the last space before ``limit``."""
    space = text.rfind(" ", 0, limit)
    return space if space > limit // 2 else limit


def _best_window(text, marked, max_chars):
    """The window of at most ``max_chars`` holding the most marked words,
    starting a little before the first of them."""
    best_start, best_count = marked[0].start, 0
    for index, word in enumerate(marked):
        count = sum(1 for other in marked[index:] if other.end <= word.start + max_chars)
        if count > best_count:
            best_start, best_count = word.start, count
    start = max(0, best_start - max_chars // 6)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best_start else start
    end = min(len(text), start + max_chars)
    if end < len(text):
        end = start + _cut(text[start:], max_chars)
    return start, end

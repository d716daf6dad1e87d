"""Snippets with the matched words marked, in the words as written.

Engines that analyse text themselves (SQLite, PostgreSQL) find which passage
matched; this module picks the best window of it and marks every word whose
indexed term matches a query term (or starts with one, for prefix matches).
"""

from django.utils.html import escape

from .analysis import TOKEN_RE, analyse_word

SNIPPET_CHARS = 240


def highlight(
    text: str, match_terms: set[str], prefix_terms: set[str] = frozenset(), max_chars: int = SNIPPET_CHARS
) -> str:
    """HTML: the best window of ``text`` (most matched words), escaped, with
    ``<mark>`` around matched words and … where it was cut."""
    text = text or ""
    marked = _marked(text, match_terms, tuple(prefix_terms))
    if len(text) <= max_chars:
        start, end = 0, len(text)
    elif not marked:
        start, end = 0, _cut(text, max_chars)
    else:
        start, end = _best_window(text, marked, max_chars)
    parts = []
    cursor = start
    for word_start, word_end in marked:
        if word_start < start or word_end > end:
            continue
        parts.append(escape(text[cursor:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        cursor = word_end
    parts.append(escape(text[cursor:end]))
    snippet = "".join(parts).strip()
    if start > 0:
        snippet = "…" + snippet
    if end < len(text):
        snippet += "…"
    return snippet


def _marked(text: str, match_terms: set[str], prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, end) of every word whose term matches. Called for every
    passage of every result, so no object a word: most words do not match."""
    marked = []
    for match in TOKEN_RE.finditer(text):
        term = analyse_word(match.group())
        if term and (term in match_terms or (prefixes and term.startswith(prefixes))):
            marked.append(match.span())
    return marked


def _cut(text: str, limit: int) -> int:
    """Index to cut at: the last space before ``limit``."""
    space = text.rfind(" ", 0, limit)
    return space if space > limit // 2 else limit


def _best_window(text, marked, max_chars):
    """The window of at most ``max_chars`` holding the most marked words,
    starting a little before the first of them."""
    best_start, best_count = marked[0][0], 0
    for index, (word_start, _) in enumerate(marked):
        count = sum(1 for _, other_end in marked[index:] if other_end <= word_start + max_chars)
        if count > best_count:
            best_start, best_count = word_start, count
    start = max(0, best_start - max_chars // 6)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best_start else start
    end = min(len(text), start + max_chars)
    if end < len(text):
        end = start + _cut(text[start:], max_chars)
    return start, end

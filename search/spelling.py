"""Did-you-mean, engine-neutral.

An engine hands over what its index knows (how many items hold a term, and
candidate terms with their frequencies and written forms); this module
decides. A word is corrected to a candidate whose analysed term is within a
Damerau edit distance (optimal string alignment: a transposition counts as
one edit) of the word's term: 1 edit for short terms, 2 for longer ones.
The nearest term wins, then the most frequent; of that term's written forms
the one nearest to what was typed wins (so «пространсвто» → «пространство»,
not the more frequent «пространства»), then the most frequent, in the letter
case it was typed in.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .analysis import fold, tokens

MAX_WORDS = 8  # words of one query looked up
# Words held by more items than this are taken as spelt right. A word held by
# fewer (perhaps a typo in a text) is replaced only by a neighbour at least
# KNOWN_RATIO times more frequent.
MAX_KNOWN = 2
KNOWN_RATIO = 20


@dataclass(frozen=True)
class Candidate:
    word: str  # a written form (the one to suggest)
    term: str  # its analysed term
    count: int  # how many items contain it


def max_edits(term: str) -> int:
    """Edits allowed for a term: none for 1–2 letters, 1 up to 4, else 2."""
    if len(term) <= 2:
        return 0
    return 1 if len(term) <= 4 else 2


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau distance (optimal string alignment). With ``limit``, any
    distance above it is returned as ``limit + 1`` (and computed faster)."""
    if a == b:
        return 0
    # Common prefix and suffix never change the distance.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    la, lb = len(a), len(b)
    if limit is None:
        limit = max(la, lb)
    if abs(la - lb) > limit:
        return limit + 1
    if not la or not lb:
        return max(la, lb)
    over = limit + 1
    before = [over] * (lb + 1)  # row i - 2
    previous = [min(j, over) for j in range(lb + 1)]  # row i - 1
    previous_min = 0
    for i in range(1, la + 1):
        current = [over] * (lb + 1)
        current[0] = min(i, over)
        char_a = a[i - 1]
        low, high = max(1, i - limit), min(lb, i + limit)
        row_min = current[0] if low == 1 else over
        for j in range(low, high + 1):
            char_b = b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, before[j - 2] + 1)
            current[j] = min(value, over)
            row_min = min(row_min, current[j])
        # Later rows can only come from this row (+0) or the previous one (+1).
        if min(row_min, previous_min + 1) > limit:
            return over
        before, previous, previous_min = previous, current, row_min
    return min(previous[lb], over)


def match_case(typed: str, word: str) -> str:
    """``word`` in the letter case of ``typed``: UPPER, Capitalised or lower."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def minimum_count(known: int) -> int:
    """How many items a correction must be held by, when the word is held by ``known``."""
    return known * KNOWN_RATIO if known else 1


def best_term(term: str, candidates: Iterable[Candidate], known: int = 0) -> str:
    """The candidate term nearest to ``term`` (then the most frequent), or ""."""
    edits = max_edits(term)
    if not edits or known > MAX_KNOWN:
        return ""
    totals: dict[str, int] = {}
    for candidate in candidates:
        if candidate.term != term:
            totals[candidate.term] = totals.get(candidate.term, 0) + max(candidate.count, 0)
    minimum = minimum_count(known)
    best = None
    for candidate_term, total in totals.items():
        if total < minimum:
            continue
        edit = distance(term, candidate_term, edits)
        if edit <= edits and (best is None or (edit, -total, candidate_term) < best):
            best = (edit, -total, candidate_term)
    return best[2] if best else ""


def best_form(typed: str, forms: Iterable[Candidate]) -> str:
    """The written form nearest to what was typed (then the most frequent),
    in the letter case it was typed in; "" if there is none."""
    typed_folded = fold(typed)
    ranked = sorted(
        (distance(typed_folded, fold(form.word)), -form.count, form.word) for form in forms if form.word
    )
    return match_case(typed, ranked[0][2]) if ranked else ""


def correct_word(
    typed: str,
    term: str,
    candidates: Iterable[Candidate],
    known: int = 0,
    forms: Callable[[str], Iterable[Candidate]] | None = None,
) -> str:
    """The correction of ``typed`` (analysed as ``term``, held by ``known``
    items), or "" when no candidate is near and frequent enough. The written
    forms of the chosen term come from ``forms(term)`` if given, else from
    the candidates themselves."""
    candidates = list(candidates)
    chosen = best_term(term, candidates, known)
    if not chosen:
        return ""
    written = list(forms(chosen)) if forms else []
    return best_form(typed, written or [c for c in candidates if c.term == chosen])


def correct_query(
    text: str,
    count: Callable[[str], int],
    candidates: Callable[[str, int, int], Iterable[Candidate]],
    forms: Callable[[str], Iterable[Candidate]] | None = None,
) -> str:
    """``text`` with its misspelt words corrected, or "" if nothing changed.

    ``count(term)``: how many items hold a term. ``candidates(term, edits,
    minimum)``: the index's terms that may lie within ``edits`` of it and are
    held by at least ``minimum`` items (an engine may pre-filter by length and
    first letters; this module measures). ``forms(term)``: how a term is
    written in the index, with frequencies (optional).
    """
    parts: list[str] = []
    cursor = 0
    changed = False
    for number, token in enumerate(token for token in tokens(text) if token.term):
        if number >= MAX_WORDS:
            break
        edits = max_edits(token.term)
        if not edits:
            continue
        known = count(token.term)
        if known > MAX_KNOWN:
            continue
        found = candidates(token.term, edits, minimum_count(known))
        replacement = correct_word(token.text, token.term, found, known, forms)
        if replacement and fold(replacement) != fold(token.text):
            parts.append(text[cursor : token.start])
            parts.append(replacement)
            cursor = token.end
            changed = True
    parts.append(text[cursor:])
    return "".join(parts) if changed else ""

"""Text analysis shared by the engines that analyse text themselves.

One pipeline at index and query time: tokenise (keeping offsets, so snippets
can mark the original words), fold (case, ё→е, diacritics, Kazakh letters to
their nearest Russian ones), drop stop words, stem by script (Snowball Russian
for Cyrillic, English for Latin). Kazakh has no Snowball stemmer; its folded
words pass through unchanged and are matched by prefix at query time.
"""

import re
import threading
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import Stemmer

# Kazakh-specific letters and their nearest Russian letters, so that a query
# typed on a Russian keyboard finds Kazakh words and the other way round.
KAZAKH_FOLD = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"}
)
KAZAKH_LETTERS = frozenset("әғқңөұүһі")

TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")

# One readable block per language; split at import.
STOP_WORDS = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
    меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
    вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без
    будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один
    почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
    над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
    иногда лучше чуть том нельзя такой им более всегда конечно всю между это
    жане мен бул ол да де па пе ма ме ба бе ушин деп
    a an and are as at be but by for if in into is it no not of on or such that the their then there these
    they this to was will with from has have had were which who whom what when where why how all any both
    each few more most other some than too very can just should now
    """.split()
)


class Token(NamedTuple):
    text: str  # the word as written
    term: str  # folded and stemmed: what is indexed and matched
    start: int
    end: int


# PyStemmer objects are not thread-safe: one per thread and language.
_stemmers = threading.local()


def _stemmer(language: str):
    stemmer = getattr(_stemmers, language, None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer(language)
        setattr(_stemmers, language, stemmer)
    return stemmer


def fold(text: str) -> str:
    """Lower-case, ё→е, Kazakh letters folded, combining accents removed."""
    text = text.lower().translate(KAZAKH_FOLD)
    # Strip accents (café → cafe) but keep й, which NFKD would split into и + breve.
    text = text.replace("й", "\ue000")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped).replace("\ue000", "й")


def is_kazakh(word: str) -> bool:
    return any(char in KAZAKH_LETTERS for char in word.lower())


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> str:
    """The indexed form of one word ("" for a stop word)."""
    folded = fold(word).replace("’", "'")
    if folded in STOP_WORDS or not folded:
        return ""
    if is_kazakh(word):
        return folded
    if CYRILLIC_RE.search(folded):
        return _stemmer("russian").stemWord(folded)
    if folded.isascii() and folded.isalpha():
        return _stemmer("english").stemWord(folded)
    return folded


def tokens(text: str) -> list[Token]:
    """Every word of ``text`` with its indexed term and offsets; stop words
    keep an empty term so phrase positions still line up."""
    return [
        Token(match.group(), analyse_word(match.group()), match.start(), match.end())
        for match in TOKEN_RE.finditer(text or "")
    ]


def terms(text: str) -> list[str]:
    """The indexed terms of a text, stop words dropped."""
    return [token.term for token in tokens(text) if token.term]


def analysed(text: str) -> str:
    """Terms joined by spaces: what the SQLite index stores per field."""
    return " ".join(terms(text))

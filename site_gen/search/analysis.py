"""Text analysis: one for Dutch, English and French, the same in Python and the browser.

Text is split into words, lowercased without accents, stripped of stop words and
stemmed in its own language before it reaches lunr, so the index holds stems and
lunr's own pipeline is empty. A query word is stemmed in all three languages (it may
match a text in any of them).

The browser does exactly this in ``assets/sg/search.js`` with lunr.js 2.3.9 and the
Snowball stemmers of lunr-languages. The stemmers here produce the same stems as those
scripts: Snowball's Dutch (Porter variant) and French from PyStemmer, and lunr.js's own
Porter stemmer.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Callable

import Stemmer  # PyStemmer: Snowball's C stemmers
from lunr.stemmer import PorterStemmer

from ..text import plain
from .lunr_assets import all_stop_words, stop_words

LANGUAGES = ("nl", "en", "fr")
WORD_RE = re.compile(r"[^\W_]+")
# The last query word also matches as a prefix while typing, from this many letters:
# one letter would match (and download) a good part of the index.
MIN_PREFIX = 2


class LunrJsPorterStemmer(PorterStemmer):
    """lunr.js's Porter stemmer: it turns a final y into i only after a consonant."""

    def step1c(self) -> None:
        if self.k >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


@functools.cache
def stemmer(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return LunrJsPorterStemmer().stem
    algorithm = {"nl": "dutch_porter", "fr": "french"}[lang]
    return Stemmer.Stemmer(algorithm).stemWord


def words(text: str) -> list[str]:
    """Lowercase, accent-free words: "Médiateurs d'Amadora" -> ["mediateurs", "d", "amadora"].

    Words with a character beyond the Basic Multilingual Plane are left out: Python and
    JavaScript would sort them differently, and the index is cut in sorted ranges.
    """
    text = plain(text)
    found = WORD_RE.findall(text)
    if text.isascii():
        return found
    return [w for w in found if max(w) <= "\uffff"]


# Per language: word -> stem. Words repeat a lot; each is stemmed once per build.
_STEMS: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}


def stem(word: str, lang: str) -> str:
    cache = _STEMS[lang]
    found = cache.get(word)
    if found is None:
        found = cache[word] = stemmer(lang)(word)
    return found


def unstemmed(text: str, lang: str) -> list[str]:
    """The words of ``text`` as written (lowercase, no accents), without stop words."""
    return list(itertools.filterfalse(stop_words(lang).__contains__, words(text)))


def stems(found_words: list[str], lang: str) -> list[str]:
    """The stems of words (from :func:`unstemmed`) in ``lang``: looked up all at once (a
    million words at 1,000 practices), each word not seen before stemmed once."""
    cache = _STEMS[lang]
    found = list(map(cache.get, found_words))
    if None in found:
        stem_word = stemmer(lang)
        for n, term in enumerate(found):
            if term is None:
                word = found_words[n]
                found[n] = cache.get(word) or cache.setdefault(word, stem_word(word))
    return found


def analyze(text: str, lang: str) -> list[str]:
    """The index terms of ``text`` written in ``lang``: stems, without stop words."""
    return stems(unstemmed(text, lang), lang)


def query_stems(word: str) -> list[str]:
    """What one query word may match: its stem in each language (and itself)."""
    found = [word]
    for lang in LANGUAGES:
        stemmed = stem(word, lang)
        if stemmed not in found:
            found.append(stemmed)
    return found


def query_words(query: str) -> list[str]:
    """The words of a query that count: stop words are dropped unless nothing else is left."""
    all_words = words(query)
    stops = all_stop_words(LANGUAGES)
    meaningful = [w for w in all_words if w not in stops]
    return meaningful or all_words


def prefix_word(query: str, terms: list[str]) -> str | None:
    """The query word that also matches as a prefix: the last, while it is being typed."""
    if not terms or query.endswith((" ", "\t")) or len(terms[-1]) < MIN_PREFIX:
        return None
    return terms[-1]

"""Small text helpers shared by the core: slugs, normalisation, close matches."""

from __future__ import annotations

import difflib
import re
import unicodedata

UI_LANGUAGES = ("nl", "en", "fr")
SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"  # lower-case words joined by hyphens
SLUG_RE = re.compile(f"^{SLUG_PATTERN}$")


def nfc(text: str) -> str:
    """Unicode NFC: a decomposed "é" and a composed one are the same text."""
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """Lowercase ASCII; every run of other characters becomes ``-`` (accents dropped)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fold(text: str) -> str:
    """A key for forgiving comparison: NFC, case-folded, single spaces."""
    return " ".join(nfc(text).casefold().split())


class _DropMarks(dict):
    """A ``str.translate`` table that drops combining marks, learning each character once."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.category(chr(code)).startswith("M") else code
        return self[code]


_DROP_MARKS = _DropMarks()


def plain(text: str) -> str:
    """Lowercase without accents, as search compares words: "Médiateurs" -> "mediateurs".

    The finder's script does the same: NFD, drop combining marks, toLowerCase().
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFD", text).translate(_DROP_MARKS).lower()


def close_matches(word: str, candidates: list[str], n: int = 3) -> list[str]:
    """Candidates that look like a typo of ``word`` (compared case-insensitively)."""
    folded = {fold(c): c for c in candidates}
    hits = difflib.get_close_matches(fold(word), list(folded), n=n, cutoff=0.6)
    return [folded[h] for h in hits]


# A paragraph that is one short line, all of it bold or italic: a heading as a word
# processor makes one (pasted from Word), which screen readers and the page's table of
# contents do not see as a heading.
_EMPHASIS_LINE = re.compile(r"(\*\*|__|\*|_)(?=\S)([^*_\n]{1,80}?)(?<=\S)\1\s*")
_FENCE = re.compile(r"\s*(```|~~~)")


def pseudo_headings(markdown: str) -> list[tuple[int, str]]:
    """``(line within markdown, text)`` of each paragraph that looks like a heading made
    with emphasis: one line, wholly bold or italic, without a sentence's final stop."""
    found = []
    lines = markdown.split("\n")
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        match = _EMPHASIS_LINE.fullmatch(line)
        if alone and match and not match.group(2).rstrip().endswith((".", "!", "?", ",", ";")):
            found.append((i, match.group(2).strip()))
    return found

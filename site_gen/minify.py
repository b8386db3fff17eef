"""Less whitespace in written pages, nothing a visitor sees.

A page's templates indent it for whoever reads them; a browser folds every run of
whitespace between words and tags into one space. A line break and the whitespace after
it become one line break here (about an eighth of a practice page), except inside the
elements where whitespace is content (``pre``, ``textarea``) or code (``script``,
``style``: their text stays byte for byte, so the Content-Security-Policy's hashes hold).
"""

from __future__ import annotations

import re

KEPT = re.compile(r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.S | re.I)
RUN = re.compile(r"\n\s+")  # the spaces before a line break are rare: not worth a slower pattern


def fold_whitespace(html: str, kept: list[str] | None = None) -> str:
    """``html`` with each line break and the whitespace after it made one line break;
    the elements kept as they are are added to ``kept`` (the security policy hashes
    the scripts among them)."""
    parts = KEPT.split(html)  # text, kept element, text, …
    parts[::2] = [RUN.sub("\n", text) for text in parts[::2]]
    if kept is not None:
        kept += parts[1::2]
    return "".join(parts)

"""A cell's text as the value a practice's field takes, the way people type them.

Lists split on line breaks, semicolons and bullets; a vocabulary label that holds a
comma ("Cultuur, vrije tijd en erfgoed") stays whole, other comma-separated values are
split. Years come from a number, a date or a text holding one year; yes/no in nl, en and
fr; dates as a workbook stores them, ISO or day/month/year. HTML from a CMS export
becomes Markdown (markdownify) after nh3 removed what a practice may not hold. What
cannot be read is passed on as written: the practice's own checks then say what is
wrong with it, in the contributor's language.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any

import nh3

from ..model import BOOLEAN, DATE, EMAIL, INTEGER, LIST, OBJECT, TERM, URL, Field
from ..vocab import Vocabularies
from .columns import key

HTML = re.compile(r"</?(p|br|div|span|ul|ol|li|strong|em|b|i|u|a|h[1-6]|table|tr|td|th|blockquote|font)\b[^>]*>", re.I)
SPLIT = re.compile(r"\n|;|\s[•·▪]\s")  # a line, a semicolon, a bullet inside a line
BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\d+[.)])\s+")
COMMA_SPLIT = ("cities",)  # free-text lists whose items never hold a comma
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
YES = {"ja", "yes", "oui", "true", "waar", "vrai", "1", "x", "y", "j", "o"}
NO = {"nee", "neen", "no", "non", "false", "onwaar", "faux", "0", "n"}
# "title <url>" (the site's CSV, with " [fr]" for the document's language), "title | url"
# (the form's way), or "title url"
DOCUMENT = re.compile(
    r"^(?P<title>.*?)\s*(?:<(?P<a>https?://[^>\s]+)>|\|\s*(?P<b>https?://\S+)|(?P<c>https?://\S+))(?:\s*\[(?P<lang>[a-z]{2,3})\])?\s*$"
)


def text_of(cell: Any) -> str:
    """A cell as text: a workbook's date as ISO, a whole number without ".0"."""
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return cell.isoformat()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell).replace("\r\n", "\n").replace("\r", "\n").strip()


def is_html(text: str) -> bool:
    return bool(HTML.search(text))


def markdown_of(text: str) -> str:
    """A body's cell as Markdown: HTML converted, plain text kept as it is."""
    if not is_html(text):
        return text.strip()
    from markdownify import markdownify  # only for HTML cells

    cleaned = nh3.clean(text)  # scripts, styles, event handlers and unknown tags gone
    markdown = markdownify(cleaned, heading_style="ATX", bullets="-", escape_underscores=False, escape_misc=False)
    return re.sub(r"\n{3,}", "\n\n", markdown.replace("\u00a0", " ")).strip()


def single_line(text: str) -> str:
    """A one-line field's text: tags dropped, entities read, spaces made plain and single."""
    if is_html(text):
        text = html.unescape(nh3.clean(text, tags=set()))
    return " ".join(text.replace("\u00a0", " ").split())


def split_list(text: str) -> list[str]:
    if is_html(text):
        text = markdown_of(text)
    return [BULLET.sub("", part).strip() for part in SPLIT.split(text) if part and part.strip()]


def _year(cell: Any) -> Any:
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return cell.year
    if isinstance(cell, int):
        return cell
    text = single_line(text_of(cell))
    years = set(YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else text


def _date(cell: Any) -> Any:
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    text = single_line(text_of(cell))
    for pattern, order in ((ISO_DAY, (0, 1, 2)), (DAY_FIRST, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            try:
                return datetime.date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]])).isoformat()
            except ValueError:
                return text
    return text


def _boolean(cell: Any) -> Any:
    if isinstance(cell, bool):
        return cell
    text = key(text_of(cell))
    return True if text in YES else False if text in NO else text_of(cell)


def _document(item: str) -> dict[str, str] | str:
    match = DOCUMENT.match(item)
    if not match:
        return item
    url = match.group("a") or match.group("b") or match.group("c")
    title = match.group("title").strip(" :-–|") or url
    found = {"title": title, "url": url}
    if match.group("lang"):
        found["language"] = match.group("lang")
    return found


class Cells:
    """Turns cells into field values with the deployment's vocabularies and old-value map."""

    def __init__(self, vocabularies: Vocabularies, old_values: dict[str, dict[str, str]]):
        self.vocabularies = vocabularies
        self.old_values = old_values

    def term(self, path: str, vocabulary: str, text: str) -> str:
        mapped = self.old_values.get(path, {}).get(key(text))
        return mapped if mapped is not None else text  # a label is read by the checks

    def terms(self, path: str, vocabulary: str, text: str) -> list[str]:
        found: list[str] = []
        for part in split_list(text):
            pieces = [part]
            if "," in part and self.term(path, vocabulary, part) == part and self.vocabularies[vocabulary].resolve(part)[0] is None:
                pieces = [p.strip() for p in part.split(",") if p.strip()]  # "BE, NL", unless one label
            found += [self.term(path, vocabulary, p) for p in pieces]
        return found

    def value(self, path: str, f: Field, cell: Any) -> Any:
        """The value of field ``f`` (at ``path``) from one cell; ``None`` when it is empty."""
        if text_of(cell) == "":
            return None
        if f.type == INTEGER:
            return _year(cell)
        if f.type == BOOLEAN:
            return _boolean(cell)
        if f.type == DATE:
            return _date(cell)
        text = text_of(cell)
        if f.type == TERM:
            return self.term(path, f.vocabulary or "", single_line(text))
        if f.type == LIST and f.items is not None:
            if f.items.type == TERM:
                return self.terms(path, f.items.vocabulary or "", text)
            if f.items.type == OBJECT:
                return [_document(single_line(item)) for item in split_list(text)]
            items = split_list(text)
            if path in COMMA_SPLIT:
                items = [p.strip() for item in items for p in item.split(",") if p.strip()]
            return [single_line(item) for item in items]
        if f.type == EMAIL:
            return single_line(text).removeprefix("mailto:")
        if f.type == URL:
            return single_line(text)
        return single_line(text)

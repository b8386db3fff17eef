"""What search knows of each practice and page: the text it indexes and the card it shows.

A practice is indexed with every word a visitor might look for: its title, summary,
body, cities, organisation and partners, and the labels of its vocabulary values in
all three languages, each in its own language ("médiation" finds a Dutch practice
tagged *Bemiddeling en conflicthantering*). Hand-written pages (the guide, the
statement) are indexed too, after the practices.

Nothing here depends on the UI language except the pages: a practice's document and
card are the same in every language's build.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import yaml

from ..facets import Facet
from ..text import UI_LANGUAGES

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Practice
    from ..vocab import Vocabularies

# A card keeps this much of the text for snippets; a match further down shows the summary.
CARD_TEXT_CHARS = 20_000
# Practice fields whose words are indexed beside title, summary and body.
EXTRA_FIELDS = ("cities", "organisation", "partners", "doelgroep", "categorie")


@dataclass(frozen=True)
class Document:
    """What is indexed of one practice or page, as ``(text, language)`` parts per field:
    the title, the text (stemmed), and the parts of the text also kept as written."""

    title: tuple[tuple[str, str], ...]
    text: tuple[tuple[str, str], ...]
    words: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Card:
    """What a search result shows: a practice's (``slug``) or a page's (``url``)."""

    title: str
    lang: str
    text: str
    summary: str = ""
    slug: str | None = None
    url: str | None = None
    facets: tuple[tuple[int, ...], ...] = ()  # value numbers per facet, see :class:`FacetCodes`

    def data(self) -> dict[str, Any]:
        """The card without its text: what a list of results shows. The text, for
        snippets, is a file of its own (a list filtered without a query needs none)."""
        found: dict[str, Any] = {"t": self.title, "l": self.lang}
        if self.slug is not None:
            found.update(s=self.slug, m=self.summary, f=[list(v) for v in self.facets])
        else:
            found["u"] = self.url
        return found


class FacetCodes:
    """Each facet's values numbered in an order that does not depend on the UI language."""

    def __init__(self, facets: tuple[Facet, ...], practices: list["Practice"]):
        self.facets = facets
        self.values: list[list[Any]] = []
        for facet in facets:
            seen = {v for p in practices for v in facet.values_of(p)}
            self.values.append(sorted(seen, key=facet.slug))
        self._number = [{v: i for i, v in enumerate(values)} for values in self.values]

    def of(self, practice: "Practice") -> tuple[tuple[int, ...], ...]:
        """The practice's value numbers of each facet, in its own order (as its page and the
        open data list them: the finder's cards and result export keep it)."""
        return tuple(tuple(n[v] for v in f.values_of(practice)) for f, n in zip(self.facets, self._number))


# --- Markdown to plain text ------------------------------------------------------------

_BLOCKS = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"^\s*\[(?!\^)[^\]\n]+\]:\s*\S+.*$", re.M), " "),  # link definitions
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[\^[^\]\n]+\]:?"), " "),  # footnote marks
    (re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])"), r"\1"),  # links: their text
    (re.compile(r"<[^>\n]*>"), " "),  # HTML tags (their text stays)
    (re.compile(r"\{[:#.][^}\n]*\}"), " "),  # attribute lists
    (re.compile(r"^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])[ \t]+", re.M), ""),  # headings, quotes, list marks
    (re.compile(r"^[\s|:\-]+$", re.M), " "),  # table rules
    (re.compile(r"[*_`~]+"), ""),  # emphasis and code marks
    (re.compile(r"[|#]+"), " "),
    (re.compile(r"\s+"), " "),
]


def markdown_text(markdown: str) -> str:
    """The words of a Markdown text as plain running text, for indexing and snippets.

    Only what a reader sees stays: link and image texts, not their addresses; no HTML
    tags, emphasis marks, heading marks or table rules. Exact rendering does not matter
    here: MkDocs renders the page itself.
    """
    text = markdown
    for pattern, replacement in _BLOCKS:
        text = pattern.sub(replacement, text)
    return html.unescape(text).strip()


# --- practices --------------------------------------------------------------------------


def _labels(practice: "Practice", facets: tuple[Facet, ...], vocabularies: "Vocabularies") -> list[tuple[str, str]]:
    """Every vocabulary value's label in each UI language, and the year, as text parts."""
    parts = []
    for facet in facets:
        for value in facet.values_of(practice):
            if facet.vocabulary is None:
                parts.append((str(value), practice.language))
                continue
            vocabulary = vocabularies[facet.vocabulary]
            for lang in UI_LANGUAGES:
                parts.append((vocabulary.label(value, lang), lang))
    return parts


def _extra(practice: "Practice") -> str:
    found = []
    for name in EXTRA_FIELDS:
        value = practice.data.get(name)
        if value:
            found += value if isinstance(value, list) else [value]
    return " ".join(str(v) for v in found)


def practice_document(practice: "Practice", body_text: str, facets: tuple[Facet, ...], vocabularies: "Vocabularies") -> Document:
    lang = practice.language
    summary = (practice.summary, lang)
    # The summary counts twice: it says what the practice is about better than the body.
    extra, body = (_extra(practice), lang), (body_text, lang)
    text = (summary, summary, extra, *_labels(practice, facets, vocabularies), body)
    return Document(title=((practice.title, lang),), text=text, words=(summary, extra, body))


def practice_entries(catalog: "Catalog", codes: FacetCodes) -> Iterable[tuple[Document, Card]]:
    """Document and card of each practice, in the catalog's order (newest first)."""
    for practice in catalog.practices:
        body = markdown_text(practice.body)
        document = practice_document(practice, body, catalog.finder_facets, catalog.vocabularies)
        card = Card(
            title=practice.title,
            lang=practice.language,
            text=body[:CARD_TEXT_CHARS],
            summary=practice.summary,
            slug=practice.slug,
            facets=codes.of(practice),
        )
        yield document, card


# --- hand-written pages -------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class Page:
    """A hand-written page of the site: its URL (from the root of the search's files, so
    "en/contribute/" for another UI language's page), Markdown and UI language."""

    url: str
    markdown: str
    fallback_title: str = ""
    lang: str | None = None  # None: the catalog's


def page_entry(page: Page, lang: str) -> tuple[Document, Card] | None:
    """Document and card of a hand-written page; ``None`` when it asks to stay out of search."""
    markdown, meta = page.markdown, {}
    match = _FRONT_MATTER.match(markdown)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError:
            meta = {}
        markdown = markdown[match.end() :]
    search = meta.get("search") if isinstance(meta, dict) else None
    if isinstance(search, dict) and search.get("exclude"):
        return None
    heading = _H1.search(markdown)
    title = str(meta.get("title") or (heading.group(1) if heading else "") or page.fallback_title)
    text = markdown_text(markdown)
    description = str(meta.get("description") or "")
    parts = ((description, lang), (text, lang))
    document = Document(title=((title, lang),), text=parts, words=parts)
    return document, Card(title=title, lang=lang, text=text[:CARD_TEXT_CHARS], url=page.url)

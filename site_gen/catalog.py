"""The site plan: every generated page, its URL and what its template needs.

Built once per build from the validated practices; knows nothing of MkDocs. The
adapter turns each :class:`PageSpec` into an in-memory page and hands its ``context``
to the template named by ``template``.
"""

from __future__ import annotations

import html
import math
import posixpath
from dataclasses import dataclass, field
from typing import Any

from . import images
from .facets import Facet, FacetValue, group, with_language
from .i18n import UiLabels
from .model import FIELDS, FIELDS_BY_NAME, TERM, Field, Practice
from .related import related_practices
from .vocab import Vocabularies

LISTING_FOLDER = "practices"
PAGES_AROUND = 2  # pagination: the pages linked on either side of the current one
DEFAULT_PER_PAGE = 50  # practices on a listing page
# Listings only repeat what practice pages say (and are not in the site's search).
LISTING_META = {"hide": ["navigation", "toc"]}
# Shown in their own blocks of the practice page rather than as rows of the panel.
OWN_BLOCKS = frozenset({"title", "summary", "image", "documents", "contact", "source", "updated"})


def page_src(*parts: str) -> str:
    """The in-memory source path of a page: ``topics/education/index.md``."""
    return "/".join([*parts, "index.md"])


def url_for(src_uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives ``src_uri`` (``topics/education/``)."""
    folder = src_uri[: -len("index.md")]
    return folder if directory_urls else folder + "index.html"


@dataclass
class Listing:
    """One page of a paginated list of practices."""

    items: list[Practice]
    number: int
    count: int
    total: int
    urls: list[str]

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    @property
    def shown(self) -> list[tuple[int, str] | None]:
        """The pages the pagination links to, ``(number, url)``: the first, the last, and
        two on either side of this one; ``None`` where pages are left out. A listing of
        10,000 practices has 200 pages: each page linking to all of them would be a wall
        of numbers (and 20 KB)."""
        kept = sorted(n for n in {1, self.count, *range(self.number - PAGES_AROUND, self.number + PAGES_AROUND + 1)}
                      if 1 <= n <= self.count)
        shown: list[tuple[int, str] | None] = []
        last = 0
        for n in kept:
            if n - last == 2:  # one page left out: show it rather than "…"
                shown.append((last + 1, self.urls[last]))
            elif n - last > 2:
                shown.append(None)
            shown.append((n, self.urls[n - 1]))
            last = n
        return shown


@dataclass
class PageSpec:
    """A page to generate: where it lives, how it is rendered, with what."""

    src_uri: str
    template: str
    title: str
    markdown: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)

    def page_meta(self) -> dict[str, Any]:
        """The page's metadata, as front matter would give it (title, template, ...)."""
        # Material prints the title and description unescaped: escape the untrusted text here.
        front = {**self.meta, "title": html.escape(self.title), "template": self.template}
        if "description" in front:
            front["description"] = html.escape(front["description"])
        return front

    def source(self) -> str:
        """The Markdown MkDocs reads: the body after an empty line, in which MkDocs finds no
        metadata (the adapter hands it :meth:`page_meta`; parsing it as YAML front matter
        took a fifth of a language's build)."""
        return "\n" + self.markdown


@dataclass
class Row:
    """A row of a practice's metadata panel: a label and values, each maybe a link."""

    label: str
    values: list[tuple[str, str | None]]


def facet_title(facet: Facet, ui: UiLabels) -> str:
    """A facet's name in ``ui``'s language ("Thema's")."""
    return ui.t(f"facet_{facet.key}") if f"facet_{facet.key}" in ui else FIELDS_BY_NAME[facet.field].label[ui.lang]


class Catalog:
    """The practices, their facets and the pages made of them, in one UI language."""

    def __init__(
        self,
        practices: list[Practice],
        vocabularies: Vocabularies,
        facets: tuple[Facet, ...],
        lang: str,
        per_page: int = DEFAULT_PER_PAGE,
        directory_urls: bool = True,
        related: dict[str, list[Practice]] | None = None,
    ):
        self.practices = sorted(practices, key=lambda p: p.sort_key)
        self.vocabularies = vocabularies
        self.facets = facets
        self.lang = lang
        self.ui = UiLabels(lang)
        self.per_page = per_page
        self.directory_urls = directory_urls
        # The finder filters by language too; language has no static pages.
        self.finder_facets = with_language(facets)
        self.groups: dict[str, list[FacetValue]] = {
            f.key: group(f, self.practices, vocabularies, lang) for f in self.finder_facets
        }
        self.facet_by_field = {f.field: f for f in facets}
        # the same in every UI language: another language's build is handed the default's
        self.related = related if related is not None else related_practices(self.practices)
        # Where the photos are, from this build's root: every UI language shows the one
        # copy the default language's build publishes ("../" from /<lang>/).
        self.photo_root = ""

    # --- URLs and labels, for templates ---------------------------------------------

    def url(self, src_uri: str) -> str:
        return url_for(src_uri, self.directory_urls)

    def practice_url(self, practice: Practice) -> str:
        return self.url(page_src(LISTING_FOLDER, practice.slug))

    def facet_url(self, facet_key: str, value: Any = None) -> str:
        facet = next(f for f in self.facets if f.key == facet_key)
        if value is None:
            return self.url(page_src(facet.key))
        return self.url(page_src(facet.key, facet.slug(value)))

    def asset_url(self, practice: Practice, name: str) -> str:
        """A file beside the practice's index.md, e.g. its image."""
        return f"{LISTING_FOLDER}/{practice.slug}/{name}"

    def image_sources(self, practice: Practice, page_url: str) -> list[tuple[str, int, int]]:
        """The front-matter image's published copies, smallest first: ``(url, width, height)``,
        the url relative to the page at ``page_url`` (MkDocs' ``url`` filter drops a "../"
        that leaves the build, and another language's photos are the default's)."""
        assert practice.folder is not None and practice.image
        here = posixpath.join("/site/build", page_url if page_url.endswith("/") else posixpath.dirname(page_url))
        return [
            (posixpath.relpath(posixpath.join("/site/build", self.photo_url(practice, v.name)), here), v.width, v.height)
            for v in images.plan(practice.folder / practice.image["src"])
        ]

    def photo_url(self, practice: Practice, name: str) -> str:
        """A published copy of the front-matter image, from this build's root."""
        return self.photo_root + self.asset_url(practice, name)

    def practice_url_pattern(self) -> str:
        """The URL of any practice, with ``{slug}`` to fill in (for the finder's script)."""
        return self.url(page_src(LISTING_FOLDER, "{slug}"))

    def listing_url(self) -> str:
        return self.url(page_src(LISTING_FOLDER))

    def label(self, vocabulary: str, value: Any) -> str:
        return self.vocabularies[vocabulary].label(value, self.lang)

    def facet_title(self, facet: Facet) -> str:
        return facet_title(facet, self.ui)

    def field_label(self, name: str) -> str:
        return FIELDS_BY_NAME[name].label[self.lang]

    def newest(self, n: int) -> list[Practice]:
        return self.practices[:n]

    # --- the practice page's panel ------------------------------------------------------

    def metadata(self, practice: Practice) -> list[Row]:
        """Rows for every field the practice fills, in model order; facet values link."""
        rows = []
        for f in FIELDS:
            value = practice.data.get(f.name)
            if f.name in OWN_BLOCKS or value in (None, [], {}):
                continue
            rows.append(Row(f.label[self.lang], self._display(f, value)))
        return rows

    def _display(self, f: Field, value: Any) -> list[tuple[str, str | None]]:
        facet = self.facet_by_field.get(f.name)
        values = value if isinstance(value, list) else [value]
        item = f.items if f.items is not None else f
        shown = []
        for v in values:
            if f.name == "period":
                text = f"{v['start']}–{v.get('end', '')}"
            elif item.type == TERM and item.vocabulary:
                text = self.label(item.vocabulary, v)
            else:
                text = str(v)
            shown.append((text, self.facet_url(facet.key, v) if facet else None))
        return shown

    # --- the pages ------------------------------------------------------------------------

    def pages(self) -> list[PageSpec]:
        """Every generated page: practices, the full listing, facet indexes and values."""
        specs = [self._practice_page(p) for p in self.practices]
        listing = self._listing_pages((LISTING_FOLDER,), self.ui.t("all_practices"), self.practices, {})
        listing[0].template = "finder.html"  # the finder; further pages stay plain listings
        specs += listing
        for facet in self.facets:
            values = self.groups[facet.key]
            specs.append(
                PageSpec(
                    page_src(facet.key),
                    "facet-index.html",
                    self.facet_title(facet),
                    meta=LISTING_META,
                    context={"facet": facet, "facet_values": values},
                )
            )
            for value in values:
                specs += self._listing_pages(
                    (facet.key, value.slug), value.label, value.practices, {"facet": facet, "facet_value": value}
                )
        return specs

    def _practice_page(self, practice: Practice) -> PageSpec:
        meta: dict[str, Any] = {"description": practice.summary, "hide": ["navigation"]}
        return PageSpec(
            page_src(LISTING_FOLDER, practice.slug),
            "practice.html",
            practice.title,
            markdown=practice.body,
            meta=meta,
            context={"practice": practice, "related": self.related[practice.slug]},
        )

    def _listing_pages(self, folder: tuple[str, ...], title: str, practices: list[Practice], context: dict[str, Any]) -> list[PageSpec]:
        count = max(1, math.ceil(len(practices) / self.per_page))
        srcs = [page_src(*folder)] + [page_src(*folder, "page", str(n)) for n in range(2, count + 1)]
        urls = [self.url(s) for s in srcs]
        specs = []
        for number, src in enumerate(srcs, 1):
            chunk = practices[(number - 1) * self.per_page : number * self.per_page]
            listing = Listing(chunk, number, count, len(practices), urls)
            page_title = title if number == 1 else f"{title} — {self.ui.t('page_of', n=number, total=count)}"
            specs.append(
                PageSpec(src, "listing.html", page_title, meta=LISTING_META, context={**context, "listing": listing})
            )
        return specs

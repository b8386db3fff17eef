"""Facets: the four ways to filter practices, driven by data, one code path for all.

A facet names the practice field it groups by, the URL folder of its pages, the
finder's query parameter and the vocabulary that labels its values. Years have no
vocabulary: the value is its own label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .model import FIELDS_BY_NAME, Practice
from .text import slugify
from .vocab import Vocabularies


@dataclass(frozen=True)
class Facet:
    key: str  # URL folder: /topics/
    field: str  # practice field: topics
    param: str  # finder query parameter: ?topic=
    vocabulary: str | None = None  # labels of values; None: the value is its label
    newest_first: bool = False  # years: 2024 before 2015

    def values_of(self, practice: Practice) -> list[Any]:
        value = practice.data.get(self.field)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]

    def slug(self, value: Any) -> str:
        """The value as it stands in a URL: country codes lowercase."""
        return str(value).lower()


DEFAULT_FACETS: tuple[Facet, ...] = (
    Facet("topics", "topics", "topic", "topics"),
    Facet("countries", "countries", "country", "countries"),
    Facet("years", "year", "year", None, newest_first=True),
    Facet("beleidsdomeinen", "beleidsdomeinen", "beleidsdomein", "beleidsdomeinen"),
)


LANGUAGE_FACET = Facet("languages", "language", "language", "languages")


def with_language(facets: tuple[Facet, ...]) -> tuple[Facet, ...]:
    """The facets and language: the finder and bundles filter by it; it has no static pages."""
    return facets if any(f.key == LANGUAGE_FACET.key for f in facets) else (*facets, LANGUAGE_FACET)


def facets_from_config(entries: Iterable[dict[str, Any]] | None) -> tuple[Facet, ...]:
    """Facets declared in configuration (a list of mappings), or the default four."""
    if not entries:
        return DEFAULT_FACETS
    facets = []
    for entry in entries:
        name = entry.get("field") or entry["key"]
        if name not in FIELDS_BY_NAME:
            raise ValueError(f"facet {entry.get('key')!r}: unknown practice field {name!r}")
        facets.append(
            Facet(
                key=entry["key"],
                field=name,
                param=entry.get("param", entry["key"]),
                vocabulary=entry.get("vocabulary", FIELDS_BY_NAME[name].vocabulary
                                     or getattr(FIELDS_BY_NAME[name].items, "vocabulary", None)),
                newest_first=bool(entry.get("newest_first", False)),
            )
        )
    return tuple(facets)


@dataclass
class FacetValue:
    """One value of a facet with the practices that carry it, newest first."""

    facet: Facet
    value: Any
    label: str
    practices: list[Practice] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.facet.slug(self.value)

    @property
    def count(self) -> int:
        return len(self.practices)


def group(facet: Facet, practices: list[Practice], vocabularies: Vocabularies, lang: str) -> list[FacetValue]:
    """Every value in use, with its practices; ordered by label (years: newest first)."""
    by_value: dict[Any, FacetValue] = {}
    vocabulary = vocabularies[facet.vocabulary] if facet.vocabulary else None
    for practice in sorted(practices, key=lambda p: p.sort_key):
        for value in facet.values_of(practice):
            if value not in by_value:
                label = vocabulary.label(value, lang) if vocabulary else str(value)
                by_value[value] = FacetValue(facet, value, label)
            by_value[value].practices.append(practice)
    if facet.newest_first:
        return sorted(by_value.values(), key=lambda v: v.value, reverse=True)
    return sorted(by_value.values(), key=lambda v: (slugify(v.label), v.label, str(v.value)))

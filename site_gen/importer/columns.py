"""Which column of a sheet feeds which part of a practice.

A column is recognised by a field's id (``title``, ``contact.email``) or its label in nl,
en or fr as the field guide names it (``Titel``, ``Thema's``, ``Steden en gemeenten``,
``Contact E-mail``), by a section heading of the body in any language (``Beschrijving``,
``Success factors``, ``Difficultés``), by ``body`` (a whole Markdown description, as the
site's own CSV has it) or by ``slug``. Names are compared without case, accents or
punctuation. A mapping file (``--mapping``) names the others, maps old values to
vocabulary ids, and gives defaults for fields the sheet lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import UiLabels
from ..messages import say
from ..model import BODY_SECTIONS, FIELDS, LIST, OBJECT, TERM, Field
from ..problems import Problem
from ..text import UI_LANGUAGES, plain
from ..vocab import Vocabularies

BODY = "body"
SLUG = "slug"
IGNORE = "ignore"
SECTION = "section:"  # + the section's number: "section:0" is the description
DERIVED = ("url",)  # the site's own CSV: made from the slug, not imported


def key(name: str) -> str:
    """A column name as it is compared: "Thema's" -> "thema s", "E-mail" -> "e mail"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain(str(name))).split())


def field_paths() -> dict[str, Field]:
    """Every field a column can fill, by its dotted path (``contact.email``)."""
    paths: dict[str, Field] = {}
    for f in FIELDS:
        if f.type == OBJECT:
            paths.update({f"{f.name}.{sub.name}": sub for sub in f.fields})
        else:
            paths[f.name] = f
    return paths


def vocabulary_of(f: Field) -> str | None:
    """The vocabulary a field's values come from (a term, or a list of terms)."""
    if f.type == TERM:
        return f.vocabulary
    if f.type == LIST and f.items is not None and f.items.type == TERM:
        return f.items.vocabulary
    return None


def _aliases() -> dict[str, set[str]]:
    """Every recognised column name (as a key) and what it may stand for. A part of a
    group named alone ("E-mail" for contact.email) counts only where no field has that
    name ("Organisatie" is the organisation, not the contact's)."""
    found: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}

    def add(name: str, target: str, into: dict[str, set[str]] = found) -> None:
        if name:
            into.setdefault(key(name), set()).add(target)

    for f in FIELDS:
        if f.type == OBJECT:
            for sub in f.fields:
                path = f"{f.name}.{sub.name}"
                add(path, path)
                for lang in UI_LANGUAGES:
                    add(f"{f.label.get(lang, '')} {sub.label.get(lang, '')}", path)
                    if len(key(sub.label.get(lang, ""))) >= 4:  # not "À", "Van": too easily another column
                        add(sub.label.get(lang, ""), path, weak)
        else:
            add(f.name, f.name)
            for lang in UI_LANGUAGES:
                add(f.label.get(lang, ""), f.name)
    for sections in BODY_SECTIONS.values():
        for number, (heading, _) in enumerate(sections):
            add(heading, f"{SECTION}{number}")
    add(BODY, BODY)
    add(SLUG, SLUG)
    for lang in UI_LANGUAGES:
        add(UiLabels(lang).t("form_slug"), SLUG)
    return {**weak, **found}


ALIASES = _aliases()


@dataclass
class Mapping:
    """A deployment's answers for one sheet: columns to targets, old values to ids, defaults."""

    columns: dict[str, list[str]] = field(default_factory=dict)  # column key -> targets
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {folded old value: id}
    defaults: dict[str, Any] = field(default_factory=dict)  # field path -> value


def targets() -> set[str]:
    sections = {f"{SECTION}{n}" for n in range(len(BODY_SECTIONS["nl"]))}
    return set(field_paths()) | sections | {BODY, SLUG, IGNORE}


def _target(name: str, known: set[str]) -> str | None:
    """A mapping's target: a field path, section, body, slug or ignore, or a name of one."""
    if name in known:
        return name
    found = ALIASES.get(key(name), set())
    return next(iter(found)) if len(found) == 1 else None


def read_mapping(path: Path, vocabularies: Vocabularies, display: str) -> tuple[Mapping, list[Problem]]:
    """The mapping file, and every problem in it (each names the entry)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return Mapping(), [Problem(display, 0, "", *say("import_mapping_unreadable", reason=str(exc).splitlines()[0]))]
    if not isinstance(data, dict) or set(data) - {"columns", "values", "defaults"}:
        return Mapping(), [Problem(display, 0, "", *say("import_mapping_shape"))]
    mapping, problems = Mapping(), []
    known = targets()
    for column, wanted in (data.get("columns") or {}).items():
        chosen = []
        for target in wanted if isinstance(wanted, list) else [wanted]:
            resolved = _target(str(target), known)
            if resolved is None:
                problems.append(Problem(display, 0, f"columns: {column}", *say("import_mapping_target", target=target)))
            else:
                chosen.append(resolved)
        mapping.columns[key(column)] = chosen
    paths = field_paths()
    for name, table in (data.get("values") or {}).items():
        f = paths.get(str(name))
        vocabulary = vocabulary_of(f) if f is not None else None
        if vocabulary is None:
            problems.append(Problem(display, 0, f"values: {name}", *say("import_mapping_values_field", name=name)))
            continue
        mapping.values[str(name)] = {}
        for old, new in (table or {}).items():
            found, near = vocabularies[vocabulary].resolve(str(new))
            if found is None:
                hint = near[0] if near else ", ".join(list(vocabularies[vocabulary].terms)[:3]) + ", …"
                problems.append(Problem(display, 0, f"values: {name}: {old}", *say("import_mapping_value", value=new, vocabulary=vocabulary, near=hint)))
            else:
                mapping.values[str(name)][key(str(old))] = found
    for name, value in (data.get("defaults") or {}).items():
        if str(name) not in paths:
            problems.append(Problem(display, 0, f"defaults: {name}", *say("import_mapping_target", target=name)))
        else:
            mapping.defaults[str(name)] = value
    return mapping, problems


@dataclass
class Columns:
    """What each column of a sheet feeds: its number -> targets; and what was not used."""

    feeds: dict[int, list[str]]
    unused: list[tuple[int, str]]  # (number, name): reported, never dropped silently
    ambiguous: list[tuple[int, str, list[str]]]


def recognise(header: list[str], mapping: Mapping) -> Columns:
    feeds: dict[int, list[str]] = {}
    unused, ambiguous = [], []
    for number, name in enumerate(header):
        k = key(name)
        if not k:
            continue
        if k in mapping.columns:
            chosen = [t for t in mapping.columns[k] if t != IGNORE]
            if chosen:
                feeds[number] = chosen
            continue
        found = ALIASES.get(k, set())
        if len(found) == 1:
            feeds[number] = [next(iter(found))]
        elif len(found) > 1:
            ambiguous.append((number, name, sorted(found)))
        elif k not in DERIVED:
            unused.append((number, name))
    return Columns(feeds, unused, ambiguous)

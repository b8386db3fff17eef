"""Validation of practice files against the model, collecting every problem.

Each check works on YAML nodes, so every problem carries the line it was found on and
values are read as written (``NO`` stays Norway, ``title: 2021`` stays text).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .model import (
    ASSET_SUFFIXES,
    BOOLEAN,
    DATE,
    EMAIL,
    FIELDS,
    IMAGE_SUFFIXES,
    INTEGER,
    LIST,
    OBJECT,
    TERM,
    TEXT,
    URL,
    Field,
    Practice,
)
from . import images
from .problems import InvalidPractices, Problem
from .source import Parsed, SourceFile, find_sources, parse
from . import messages
from .messages import say, word
from .text import close_matches, pseudo_headings
from .vocab import Vocabularies

STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
URL_RE = re.compile(r"^https?://[^\s<>\"]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MISSING = object()
CURLY_OPEN, CURLY_CLOSE = "“‘„‚«", "”’“‘»"
SHORT_LIST = 8  # a vocabulary this small is listed in full in a message


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


@dataclass
class Checker:
    """Checks one file's nodes; problems accumulate in ``problems``."""

    source: SourceFile
    vocabularies: Vocabularies
    problems: list[Problem]

    def reported(self, name: str) -> bool:
        """Whether a problem was already said about this field or one of its values."""
        return any(p.field == name or p.field.startswith((f"{name}[", f"{name}.")) for p in self.problems)

    def report(self, node: yaml.Node | None, name: str, message: str, hint: str = "", level: str = "error") -> object:
        line = node.start_mark.line + 2 if node is not None else 1
        self.problems.append(Problem(self.source.display, line, name, message, hint, level))
        return MISSING

    # --- the structure -------------------------------------------------------------

    def mapping(self, node: yaml.Node, fields: tuple[Field, ...], prefix: str) -> dict[str, Any]:
        """Check a mapping of fields: unknown and duplicate keys, required fields, values."""
        out: dict[str, Any] = {}
        known = {f.name: f for f in fields}
        keys_seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            name = f"{prefix}{key}"
            if key not in known:
                near = close_matches(key, list(known), n=1)
                said = say("did_you_mean", value=near[0]) if near else say("unknown_field", allowed=", ".join(known))
                self.report(key_node, name, *said)
                continue
            if key in keys_seen:
                self.report(key_node, name, *say("field_twice"))
                continue
            keys_seen.add(key)
            if _is_null(value_node):
                continue  # an empty field counts as left out
            value = self.value(known[key], value_node, name)
            if value is not MISSING:
                out[key] = value
        for f in fields:
            if f.required and f.name not in out and not self.reported(f"{prefix}{f.name}"):
                example = _example(f) if f.example is not None else "…"
                said = say("required_under", name=f.name, example=example, group=prefix.rstrip(".")) if prefix else say("required", name=f.name, example=example)
                self.report(node, f"{prefix}{f.name}", *said)
        return out

    def value(self, f: Field, node: yaml.Node, name: str) -> Any:
        if node.tag not in STANDARD_TAGS:
            return self.report(node, name, *say("yaml_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
        if f.type == LIST:
            return self.list(f, node, name)
        if f.type == OBJECT:
            if not isinstance(node, yaml.MappingNode):
                return self.report(node, name, *say("not_group", fields=", ".join(s.name for s in f.fields)))
            return self.mapping(node, f.fields, f"{name}.") or MISSING
        if not isinstance(node, yaml.ScalarNode):
            return self.report(node, name, *say("not_single"))
        return self.scalar(f, node, name)

    def list(self, f: Field, node: yaml.Node, name: str) -> Any:
        assert f.items is not None
        # A single value where a list is expected is a list of one.
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        values: list[Any] = []
        for index, item in enumerate(items, 1):
            if _is_null(item):
                continue
            value = self.value(f.items, item, name if len(items) == 1 else f"{name}[{index}]")
            if value is not MISSING and value not in values:
                values.append(value)
        if len(values) < f.min_items and not self.reported(name):
            return self.report(node, name, *say("needs_one", name=name, example=_example(f)))
        return values if values else MISSING

    # --- single values ---------------------------------------------------------------

    def scalar(self, f: Field, node: yaml.ScalarNode, name: str) -> Any:
        raw = " ".join(node.value.split()) if node.style in (None, "", ">") else node.value.strip()
        if f.type == TEXT:
            if not raw:
                return MISSING
            if len(raw) > 1 and raw[0] in CURLY_OPEN and raw[-1] in CURLY_CLOSE:
                return self.report(node, name, *say("curly_quotes", open=raw[0], close=raw[-1], name=name.split(".")[-1], text=raw[1:-1]))
            if f.max_length and len(raw) > f.max_length:
                return self.report(node, name, *say("too_long_text", length=len(raw), limit=f.max_length))
            return raw
        if f.type == INTEGER:
            if not re.fullmatch(r"-?\d+", raw):
                return self.report(node, name, *say("not_year", value=raw))
            number = int(raw)
            if (f.minimum is not None and number < f.minimum) or (f.maximum is not None and number > f.maximum):
                return self.report(node, name, *say("out_of_range", value=number, min=f.minimum, max=f.maximum))
            return number
        if f.type == BOOLEAN:
            if node.tag.endswith(":bool"):
                return raw.lower() in ("true", "yes", "on")
            return self.report(node, name, *say("not_bool", value=raw))
        if f.type == DATE:
            try:
                if DATE_RE.match(raw):
                    return datetime.date.fromisoformat(raw)
            except ValueError:
                pass
            return self.report(node, name, *say("not_date", value=raw))
        if f.type == URL:
            if URL_RE.match(raw):
                return raw
            return self.report(node, name, *say("not_url", value=raw))
        if f.type == EMAIL:
            if EMAIL_RE.match(raw):
                return raw
            return self.report(node, name, *say("not_email", value=raw))
        if f.type == TERM:
            return self.term(f, node, raw, name)
        raise ValueError(f"unknown field type {f.type}")  # a defect in the model, not in input

    def term(self, f: Field, node: yaml.Node, raw: str, name: str) -> Any:
        assert f.vocabulary is not None
        vocabulary = self.vocabularies[f.vocabulary]
        term_id, near = vocabulary.resolve(raw)
        if term_id is not None:
            return term_id
        what = word(f"noun_{f.vocabulary}") if f"noun_{f.vocabulary}" in messages.table() else f.vocabulary
        if near and len(near) > 1 and all(raw.casefold() in {lab.casefold() for lab in vocabulary.terms[t].labels.values()} for t in near):
            return self.report(node, name, *say("ambiguous", value=raw, options=f" {word('or')} ".join(near)))
        if near:
            return self.report(node, name, *say("not_known_near", value=raw, what=what, near=near[0]))
        if f.vocabulary == "countries":
            return self.report(node, name, *say("not_known_country", value=raw, what=what))
        if len(vocabulary.terms) <= SHORT_LIST:
            return self.report(node, name, *say("not_known_short", value=raw, what=what, values=", ".join(vocabulary.terms)))
        return self.report(node, name, *say("not_known_long", value=raw, what=what, count=len(vocabulary.terms), vocabulary=f.vocabulary))


def _example(f: Field) -> str:
    example = f.example
    if isinstance(example, list):
        return "[" + ", ".join(str(e) for e in example) + "]"
    return str(example)


def check_practice(parsed: Parsed, vocabularies: Vocabularies) -> tuple[Practice | None, list[Problem]]:
    """Validate one parsed file into a :class:`Practice`, or say everything wrong with it."""
    source = parsed.source
    checker = Checker(source, vocabularies, [])
    node = parsed.node
    if node is None or not isinstance(node, yaml.MappingNode):
        checker.report(node, "", *say("not_fields"))
        return None, checker.problems
    data = checker.mapping(node, FIELDS, "")
    _check_period(checker, node, data)
    assets = _check_folder(checker, node, data)
    if not parsed.body.strip():
        checker.problems.append(Problem(source.display, parsed.body_line, "", *say("no_description")))
    for offset, text in pseudo_headings(parsed.body):
        checker.problems.append(Problem(source.display, parsed.body_line + offset, "", *say("emphasis_heading", text=text),
                                        level="warning"))
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return Practice(source.slug, source.display, data, parsed.body, source.folder, assets, source.path), checker.problems


def _field_node(node: yaml.Node, *path: str) -> yaml.Node:
    """The key node of a nested field (``"period", "end"``), to point a problem at its line."""
    found = node
    for name in path:
        if not isinstance(node, yaml.MappingNode):
            break
        pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == name), None)
        if pair is None:
            break
        found, node = pair
    return found


def _check_period(checker: Checker, node: yaml.MappingNode, data: dict[str, Any]) -> None:
    period = data.get("period") or {}
    if "end" in period and "start" in period and period["end"] < period["start"]:
        checker.report(_field_node(node, "period", "end"), "period.end", *say("period_reversed", end=period["end"], start=period["start"]))


def _check_folder(checker: Checker, node: yaml.MappingNode, data: dict[str, Any]) -> tuple[Path, ...]:
    """The image must be a file in the practice's own folder; list the folder's assets."""
    folder = checker.source.folder
    image = data.get("image")
    if image and "src" in image:
        where = _field_node(node, "image")
        src = image["src"]
        pure = PurePosixPath(src)
        if folder is None:
            checker.report(where, "image.src", *say("image_needs_folder", slug=checker.source.slug, image=pure.name))
        elif pure.is_absolute() or ".." in pure.parts or "\\" in src or "://" in src:
            checker.report(where, "image.src", *say("image_outside", src=src))
        elif pure.suffix.lower() not in IMAGE_SUFFIXES:
            checker.report(where, "image.src", *say("image_unsupported", src=src, suffixes=", ".join(IMAGE_SUFFIXES)))
        elif not (folder / pure).is_file():
            checker.report(where, "image.src", *say("image_missing", src=src))
        elif (folder / pure).stat().st_size > images.LARGE_BYTES:
            size = (folder / pure).stat().st_size / 1_000_000
            said = say("image_large", src=src, size=f"{size:.1f}", limit=images.LARGE_BYTES // 1_000_000)
            checker.report(where, "image.src", *said, level="warning")
        if image.get("consent") is False:
            checker.report(where, "image.consent", *say("consent_false"))
    if folder is None:
        return ()
    return tuple(
        sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ASSET_SUFFIXES)
    )


def load_practices(practices_dir: Path, vocabularies: Vocabularies, root: Path | None = None, lang: str | None = None) -> tuple[list[Practice], list[Problem]]:
    """Every practice in the folder, and every problem in every file (said in ``lang``)."""
    with messages.language(lang):
        return _load(practices_dir, vocabularies, root)


def _load(practices_dir: Path, vocabularies: Vocabularies, root: Path | None) -> tuple[list[Practice], list[Problem]]:
    sources, problems = find_sources(practices_dir, root)
    practices: list[Practice] = []
    for source in sources:
        parsed, file_problems = parse(source)
        problems += file_problems
        if parsed is None:
            continue
        practice, practice_problems = check_practice(parsed, vocabularies)
        problems += practice_problems
        if practice is not None:
            practices.append(practice)
    return practices, sorted(problems + _duplicate_titles(practices, sources))


def _duplicate_titles(practices: list[Practice], sources: list[SourceFile]) -> list[Problem]:
    """A warning for each practice whose title another one already has (visitors could not tell them apart)."""
    paths = {s.display: s.path for s in sources}
    first: dict[str, Practice] = {}
    found = []
    for practice in practices:
        key = " ".join(practice.title.casefold().split())
        if key not in first:
            first[key] = practice
            continue
        text = paths[practice.path].read_text(encoding="utf-8-sig", errors="replace").split("\n")
        line = next((n for n, row in enumerate(text, 1) if row.startswith("title:")), 0)
        found.append(Problem(practice.path, line, "title", *say("duplicate_title", other=first[key].path), level="warning"))
    return found


def load_valid_practices(practices_dir: Path, vocabularies: Vocabularies, root: Path | None = None, lang: str | None = None) -> list[Practice]:
    """All practices, or :class:`InvalidPractices` naming every problem: never a partial set."""
    practices, problems = load_practices(practices_dir, vocabularies, root, lang)
    errors = [p for p in problems if p.is_error]
    if errors:
        with messages.language(lang):
            heading = word("not_built", problems=len(errors), files=len({p.path for p in errors}))
        raise InvalidPractices(errors, heading)
    return practices


__all__ = ["check_practice", "load_practices", "load_valid_practices"]

"""Finding practice files and splitting them into a YAML node tree and a Markdown body.

Files are untrusted input: a size limit, strict UTF-8, and YAML composed into nodes
with PyYAML's safe loader. Nodes are never constructed into Python objects, so no YAML
tag can run code; the validator reads the nodes and keeps every key's line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import yamlfile
from .messages import say
from .problems import Problem, display_path
from .text import SLUG_RE, nfc

MAX_BYTES = 1_000_000
MAX_FRONT_MATTER = 64_000  # characters; real front matter is a few hundred
MAX_DEPTH = 20  # open [ and { at once: PyYAML slows down quadratically with depth
RESERVED_SLUGS = frozenset({"index", "page"})
IGNORED_NAMES = frozenset({"README.md", "practice.schema.json"})
FENCES = ("---",)
CLOSERS = ("---", "...")


@dataclass
class SourceFile:
    """A practice file found on disk, before it is read."""

    slug: str
    path: Path
    display: str
    folder: Path | None  # set for practices/<slug>/index.md


@dataclass
class Parsed:
    """A practice file split into its front matter (as YAML nodes) and body."""

    source: SourceFile
    node: yaml.Node | None
    body: str
    body_line: int


def find_sources(practices_dir: Path, root: Path | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """Every practice file in ``practices_dir``, sorted by slug, and what is wrong with the folder."""
    found: dict[str, SourceFile] = {}
    problems: list[Problem] = []
    if not practices_dir.is_dir():
        shown = display_path(practices_dir, root)
        return [], [Problem(shown, 0, "", *say("folder_missing", folder=shown))]
    for entry in sorted(practices_dir.iterdir()):
        if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
            continue
        shown = display_path(entry, root)
        if entry.is_dir():
            index = entry / "index.md"
            if not index.is_file():
                problems.append(Problem(shown, 0, "", *say("folder_no_index")))
                continue
            candidate = SourceFile(entry.name, index, display_path(index, root), entry)
        elif entry.suffix == ".md":
            candidate = SourceFile(entry.stem, entry, shown, None)
        else:
            problems.append(Problem(shown, 0, "", *say("not_practice_file")))
            continue
        slug = candidate.slug
        if not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
            key = "reserved_slug" if slug in RESERVED_SLUGS else "bad_slug"
            problems.append(Problem(candidate.display, 0, "", *say(key, slug=slug)))
            continue
        if slug in found:
            problems.append(Problem(candidate.display, 0, "", *say("slug_twice", slug=slug, other=found[slug].display)))
            continue
        found[slug] = candidate
    return [found[s] for s in sorted(found)], problems


def _decode(raw: bytes, source: SourceFile) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(source.display, 0, "", *say("too_large", size=f"{len(raw):,}", limit=f"{MAX_BYTES:,}"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(source.display, line, "", *say("not_utf8", byte=f"{raw[exc.start]:02x}"))]
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, [Problem(source.display, 1, "", *say("empty"))]
    return text, []


def _depth(text: str) -> int:
    """The most brackets ([ or {) open at once, counted before YAML sees the text."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def _yaml_problem(source: SourceFile, front: str, line: int, what: str) -> Problem:
    """Say what people paste that YAML refuses: tabs, a colon inside a value."""
    lines = front.split("\n")
    written = lines[line - 2] if 0 <= line - 2 < len(lines) else ""
    tab = next((n + 2 for n, text in enumerate(lines) if "\t" in text[: len(text) - len(text.lstrip())]), None)
    if tab is not None or "\t" in what or "tab" in what:
        return Problem(source.display, tab or line, "", *say("tab"))
    if what.startswith("mapping values are not allowed"):
        name = written.split(":", 1)[0].strip() or "the field"
        return Problem(source.display, line, name, *say("colon", name=name))
    return Problem(source.display, line, "", *say("yaml_invalid", what=what))


def parse(source: SourceFile) -> tuple[Parsed | None, list[Problem]]:
    """Read one file: front matter composed to YAML nodes, and the body after it."""
    try:
        raw = source.path.read_bytes()
    except OSError as exc:
        return None, [Problem(source.display, 0, "", *say("cannot_read", reason=exc.strerror))]
    text, problems = _decode(raw, source)
    if text is None:
        return None, problems
    return parse_text(source, text)


def parse_text(source: SourceFile, text: str) -> tuple[Parsed | None, list[Problem]]:
    """Split a practice's text (already decoded, lines ending in \\n) as :func:`parse` does."""
    lines = text.split("\n")
    if lines[0].rstrip() not in FENCES:
        return None, [Problem(source.display, 1, "", *say("no_front_matter"))]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in CLOSERS), None)
    if end is None:
        return None, [Problem(source.display, 1, "", *say("not_closed"))]
    front = "\n".join(lines[1:end])
    if len(front) > MAX_FRONT_MATTER:
        return None, [Problem(source.display, 2, "", *say("front_too_long", size=f"{len(front):,}"))]
    if _depth(front) > MAX_DEPTH:
        return None, [Problem(source.display, 1, "", *say("too_deep"))]
    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    try:
        for token in yaml.scan(front, Loader=yamlfile.LOADER):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                # Aliases can multiply a small file into a huge tree ("billion laughs").
                return None, [Problem(source.display, token.start_mark.line + 2, "", *say("anchors"))]
        node = yaml.compose(front, Loader=yamlfile.LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = min(mark.line + 2, end) if mark is not None else 1  # a problem at the end: the last field
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [_yaml_problem(source, front, line, what)]
    except RecursionError:
        return None, [Problem(source.display, 1, "", *say("too_deep"))]
    return Parsed(source, node, body, end + 2), []

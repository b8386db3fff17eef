"""Finding practice files and splitting them into a YAML node tree and a Markdown body.

Files are untrusted input: a size limit, strict UTF-8, and YAML composed into nodes
with PyYAML's safe loader. Nodes are never constructed into Python objects, so no YAML
tag can run code; the validator reads the nodes and keeps every key's line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem, display_path
from .text import SLUG_RE, nfc

MAX_BYTES = 1_000_000
MAX_FRONT_MATTER = 64_000  # characters; real front matter is a few hundred
MAX_DEPTH = 20  # open [ and { at once: PyYAML slows down quadratically with depth
RESERVED_SLUGS = frozenset({"index", "page"})
IGNORED_NAMES = frozenset({"README.md", "practice.schema.json"})
FENCES = ("---",)
# libyaml's parser when PyYAML has it (15× faster); the same safe loader either way.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
        return [], [Problem(shown, 0, "", "the practices folder does not exist", f"create {shown}/")]
    for entry in sorted(practices_dir.iterdir()):
        if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
            continue
        shown = display_path(entry, root)
        if entry.is_dir():
            index = entry / "index.md"
            if not index.is_file():
                problems.append(Problem(shown, 0, "", "this folder has no index.md", "a practice folder holds index.md and its images"))
                continue
            candidate = SourceFile(entry.name, index, display_path(index, root), entry)
        elif entry.suffix == ".md":
            candidate = SourceFile(entry.stem, entry, shown, None)
        else:
            problems.append(Problem(shown, 0, "", "not a practice file", "a practice is a .md file, or a folder with index.md and its images"))
            continue
        slug = candidate.slug
        if not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
            problems.append(
                Problem(
                    candidate.display, 0, "", f'"{slug}" cannot be used as a file name',
                    "use lowercase letters a-z, digits and single hyphens, e.g. gent-praktijktesten-huurmarkt"
                    + (f' ("{slug}" is reserved)' if slug in RESERVED_SLUGS else ""),
                )
            )
            continue
        if slug in found:
            problems.append(
                Problem(candidate.display, 0, "", f'the slug "{slug}" is used twice', f"rename this file or {found[slug].display}")
            )
            continue
        found[slug] = candidate
    return [found[s] for s in sorted(found)], problems


def _decode(raw: bytes, source: SourceFile) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(source.display, 0, "", f"the file is too large ({len(raw):,} bytes)", f"a practice file stays under {MAX_BYTES:,} bytes; put long annexes in a linked document")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(source.display, line, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})", "save it as UTF-8 in your editor")]
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, [Problem(source.display, 1, "", "the file is empty", "start from the template: site-gen new")]
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
        return Problem(source.display, tab or line, "", "a tab is used to indent a line; YAML needs spaces", "replace the tab at the start of the line by two spaces")
    if what.startswith("mapping values are not allowed"):
        name = written.split(":", 1)[0].strip() or "the field"
        return Problem(source.display, line, name, "the value contains a colon followed by a space", f'put the whole value in double quotes: {name}: "…"')
    return Problem(source.display, line, "", f"the front matter is not valid YAML ({what})", "check indentation, and put quotes around text that contains a colon")


def parse(source: SourceFile) -> tuple[Parsed | None, list[Problem]]:
    """Read one file: front matter composed to YAML nodes, and the body after it."""
    try:
        raw = source.path.read_bytes()
    except OSError as exc:
        return None, [Problem(source.display, 0, "", f"cannot read the file ({exc.strerror})", "")]
    text, problems = _decode(raw, source)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if lines[0].rstrip() not in FENCES:
        return None, [Problem(source.display, 1, "", "the file does not start with front matter", 'the first line must be "---", then the fields, then "---" again')]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in CLOSERS), None)
    if end is None:
        return None, [Problem(source.display, 1, "", "the front matter is not closed", 'add a line "---" after the last field')]
    front = "\n".join(lines[1:end])
    if len(front) > MAX_FRONT_MATTER:
        return None, [Problem(source.display, 2, "", f"the front matter is too long ({len(front):,} characters)", "keep fields short and put long text in the description below the closing ---")]
    if _depth(front) > MAX_DEPTH:
        return None, [Problem(source.display, 1, "", "the front matter is nested too deeply", "fields are at most a few levels deep")]
    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    try:
        for token in yaml.scan(front, Loader=LOADER):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                # Aliases can multiply a small file into a huge tree ("billion laughs").
                return None, [Problem(source.display, token.start_mark.line + 2, "", "YAML anchors and aliases (& and *) are not allowed", "write every value out in full")]
        node = yaml.compose(front, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = min(mark.line + 2, end) if mark is not None else 1  # a problem at the end: the last field
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [_yaml_problem(source, front, line, what)]
    except RecursionError:
        return None, [Problem(source.display, 1, "", "the front matter is nested too deeply", "fields are at most a few levels deep")]
    return Parsed(source, node, body, end + 2), []

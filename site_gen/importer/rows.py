"""``site-gen import``: one practice file per row of a sheet, or every problem and nothing.

Each row becomes the values of a practice (columns.py says which column feeds which
field, cells.py reads the cells), is checked by the same checks as a practice file, and
is written as ``site-gen new`` writes files, with the checked values (vocabulary ids,
years as numbers). A problem is named by the sheet's row and column. When any row has a
problem nothing is written, unless ``skip_invalid``; an existing file is rewritten only
with ``update``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .. import messages
from ..messages import say
from ..model import BODY_SECTIONS, FIELDS, IMAGE_SUFFIXES, OBJECT, REQUIRED_FIELDS, Practice
from ..new import render_practice
from ..problems import Problem, display_path
from ..schema import SCHEMA_FILE
from ..source import SourceFile, parse_text
from ..text import SLUG_RE, slugify
from ..validate import check_practice
from ..vocab import Vocabularies
from .cells import Cells, markdown_of, text_of
from .columns import BODY, SECTION, SLUG, Columns, Mapping, field_paths, read_mapping, recognise
from .sheets import Sheet, SheetError, read_sheet

PATHS = field_paths()
INDEX = re.compile(r"\[\d+\]$")


@dataclass
class Row:
    """One row on its way to a practice file."""

    number: int
    values: dict[str, Any]  # field path -> value (``contact.email``)
    body: str
    slug: str
    source_of: dict[str, str]  # field path (or "body", "slug") -> the column it came from
    photo: Path | None = None
    practice: Practice | None = None


@dataclass
class Outcome:
    """What an import did (or, in a dry run, would do), and every problem it found."""

    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # new files
    rewritten: list[Path] = field(default_factory=list)  # existing files, with update
    skipped: list[int] = field(default_factory=list)  # rows with a problem, with skip_invalid
    refused: bool = False  # problems, and nothing written

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


@dataclass
class Importer:
    sheet_path: Path
    practices_dir: Path
    vocabularies: Vocabularies
    root: Path | None = None
    update: bool = False

    def __post_init__(self) -> None:
        self.display = display_path(self.sheet_path, self.root)

    def problem(self, row: int, column: str | None, key: str, level: str = "error", **values: Any) -> Problem:
        name = f'column "{column}"' if column else ""
        return Problem(self.display, row, name, *say(key, **values), level=level)

    # --- one row ----------------------------------------------------------------------

    def row(self, number: int, cells: list[Any], header: list[str], columns: Columns, mapping: Mapping, reader: Cells) -> tuple[Row, list[Problem]]:
        values: dict[str, Any] = {}
        source_of: dict[str, str] = {}
        sections: dict[int, str] = {}
        body = slug = ""
        problems: list[Problem] = []
        for index, targets in columns.feeds.items():
            cell, column = cells[index], header[index]
            for target in targets:
                if target == BODY:
                    body = markdown_of(text_of(cell)) or body
                    source_of.setdefault(BODY, column)
                elif target.startswith(SECTION):
                    text = markdown_of(text_of(cell))
                    if text:
                        sections[int(target[len(SECTION):])] = text
                        source_of.setdefault(BODY, column)
                elif target == SLUG:
                    slug = text_of(cell) or slug
                    source_of[SLUG] = column
                else:
                    value = reader.value(target, PATHS[target], cell)
                    if value is None:
                        continue
                    if target in values and isinstance(values[target], list):
                        values[target] += [v for v in value if v not in values[target]]
                    elif target in values and values[target] != value:
                        problems.append(self.problem(number, column, "import_two_values", other=source_of[target], name=target))
                    else:
                        values[target] = value
                        source_of.setdefault(target, column)
        for name, value in mapping.defaults.items():
            values.setdefault(name, value)
        lang = self._language(values)
        headings = [h for h, _ in BODY_SECTIONS.get(lang, BODY_SECTIONS["en"])]
        parts = [body] if body else []
        parts += [f"## {headings[n]}\n\n{sections[n]}" for n in sorted(sections)]
        slug = slug or slugify(str(values.get("title", "")))[:60].strip("-") or "practice"
        return Row(number, values, "\n\n".join(parts) + "\n" if parts else "", slug, source_of), problems

    def _language(self, values: dict[str, Any]) -> str:
        found, _ = self.vocabularies["languages"].resolve(str(values.get("language", "")))
        return found or "en"

    def photo(self, row: Row) -> list[Problem]:
        """The row's photo, looked for beside the sheet (or in the practice's folder when it
        is rewritten); without it, the practice is imported without its image."""
        src = row.values.get("image.src")
        if not src:
            return []
        name = PurePosixPath(str(src))
        places = [self.sheet_path.parent / name.name]
        if self.update:
            places.insert(0, self.practices_dir / row.slug / name.name)
        found = next((p for p in places if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES), None)
        if found is not None:
            row.photo = found
            row.values["image.src"] = name.name
            return []
        for key in [k for k in row.values if k.startswith("image.")]:
            del row.values[key]
        return [self.problem(row.number, row.source_of.get("image.src"), "import_photo_missing", level="warning", src=src, slug=row.slug)]

    def check(self, row: Row, unread: set[str]) -> list[Problem]:
        """The practice's own checks on the row, each problem named by its column."""
        text = render_practice(nested(row.values), self._language(row.values), SCHEMA_FILE, row.body)
        source = SourceFile(row.slug, self.target(row), f"{self.display}:{row.number}", row.photo.parent if row.photo else None)
        parsed, problems = parse_text(source, text)
        if parsed is not None:
            row.practice, problems = check_practice(parsed, self.vocabularies)
        found = []
        for p in problems:
            name = INDEX.sub("", p.field) or BODY
            if name.split(".")[0] in unread or name in unread:
                continue  # said once for the whole sheet
            column = row.source_of.get(name)
            found.append(Problem(self.display, row.number, f'column "{column}"' if column else p.field, p.message, p.hint, p.level))
        return found

    def target(self, row: Row) -> Path:
        folder = self.practices_dir / row.slug
        if row.photo is not None or (folder / "index.md").is_file():
            return folder / "index.md"
        return self.practices_dir / f"{row.slug}.md"

    def exists(self, slug: str) -> bool:
        return (self.practices_dir / f"{slug}.md").exists() or (self.practices_dir / slug).exists()

    # --- the whole sheet --------------------------------------------------------------

    def run(self, sheet_name: str | None, mapping_path: Path | None, skip_invalid: bool, dry_run: bool) -> Outcome:
        outcome = Outcome()
        mapping = Mapping()
        if mapping_path is not None:
            mapping, outcome.problems = read_mapping(mapping_path, self.vocabularies, display_path(mapping_path, self.root))
        try:
            sheet = read_sheet(self.sheet_path, sheet_name)
        except SheetError as exc:
            outcome.problems.append(Problem(self.display, 0, "", exc.what, exc.fix))
        except OSError as exc:
            outcome.problems.append(Problem(self.display, 0, "", *say("cannot_read", reason=exc.strerror)))
        if outcome.errors:
            outcome.refused = True
            return outcome
        rows = self.rows(sheet, mapping, outcome)
        bad = {p.line for p in outcome.errors if p.line > 1}
        if (outcome.errors and not skip_invalid) or any(p.line <= 1 for p in outcome.errors):
            outcome.refused = True  # a problem with the whole sheet, or with a row: nothing written
            return outcome
        outcome.skipped = sorted(bad)
        for row in rows:
            if row.number not in bad and row.practice is not None:
                self.write(row, outcome, dry_run)
        return outcome

    def rows(self, sheet: Sheet, mapping: Mapping, outcome: Outcome) -> list[Row]:
        columns = recognise(sheet.header, mapping)
        for _, name, options in columns.ambiguous:
            outcome.problems.append(self.problem(1, name, "import_ambiguous_column", options=", ".join(options)))
        for _, name in columns.unused:
            outcome.problems.append(self.problem(1, name, "import_unused_column", level="warning"))
        fed = {t for targets in columns.feeds.values() for t in targets} | set(mapping.defaults)
        unread = {name for name in REQUIRED_FIELDS if name not in fed}
        if not any(t == BODY or t.startswith(SECTION) for t in fed):
            unread.add(BODY)
        for name in sorted(unread):
            outcome.problems.append(self.problem(1, None, "import_no_column", name=name))
        reader = Cells(self.vocabularies, mapping.values)
        rows: list[Row] = []
        seen: dict[str, int] = {}
        for number, cells in sheet.rows:
            row, problems = self.row(number, cells, sheet.header, columns, mapping, reader)
            problems += self.slug(row, seen)
            problems += self.photo(row)
            problems += self.check(row, unread)
            outcome.problems += problems
            rows.append(row)
        outcome.problems.sort(key=lambda p: (p.line, p.field))
        return rows

    def slug(self, row: Row, seen: dict[str, int]) -> list[Problem]:
        """A slug for the row: its own (checked), or from the title, made unique in the sheet."""
        column = row.source_of.get(SLUG)
        if column is not None and row.slug and not SLUG_RE.match(row.slug):
            return [self.problem(row.number, column, "bad_slug", slug=row.slug)]
        if column is None or not row.slug:
            base, n = row.slug, 2
            while row.slug in seen:
                row.slug, n = f"{base}-{n}", n + 1
        if row.slug in seen:
            return [self.problem(row.number, column, "import_slug_twice", slug=row.slug, other=seen[row.slug])]
        seen[row.slug] = row.number
        if self.exists(row.slug) and not self.update:
            return [self.problem(row.number, column or None, "import_slug_taken", slug=row.slug)]
        return []

    def write(self, row: Row, outcome: Outcome, dry_run: bool) -> None:
        assert row.practice is not None
        path = self.target(row)
        existed = path.exists()
        (outcome.rewritten if existed else outcome.written).append(path)
        if dry_run:
            return
        schema = f"../{SCHEMA_FILE}" if path.name == "index.md" else SCHEMA_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render_practice(row.practice.data, row.practice.language, schema, row.practice.body)
        path.write_text(text, encoding="utf-8")
        if row.photo is not None and row.photo.parent != path.parent:
            shutil.copyfile(row.photo, path.parent / row.photo.name)


def nested(values: dict[str, Any]) -> dict[str, Any]:
    """``{"contact.email": x}`` as the front matter holds it: ``{"contact": {"email": x}}``."""
    out: dict[str, Any] = {}
    for f in FIELDS:
        if f.type == OBJECT:
            group = {sub.name: values[f"{f.name}.{sub.name}"] for sub in f.fields if f"{f.name}.{sub.name}" in values}
            if group:
                out[f.name] = group
        elif f.name in values:
            out[f.name] = values[f.name]
    return out


def import_sheet(sheet_path: Path, practices_dir: Path, vocabularies: Vocabularies, *, root: Path | None = None,
                 sheet: str | None = None, mapping: Path | None = None, update: bool = False, skip_invalid: bool = False,
                 dry_run: bool = False, lang: str | None = None) -> Outcome:
    """Import every row of the sheet at ``sheet_path`` into ``practices_dir`` (see the module)."""
    with messages.language(lang):
        importer = Importer(sheet_path, practices_dir, vocabularies, root, update)
        return importer.run(sheet, mapping, skip_invalid, dry_run)

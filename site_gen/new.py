"""``site-gen new``: a new practice file, from questions or from options.

The questions, the choices and the file's layout come from the model and the
vocabularies; the file is checked by the validator as soon as it is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from .i18n import UiLabels
from .model import BODY_SECTIONS, FIELDS
from .schema import SCHEMA_FILE
from .text import SLUG_RE, slugify
from .vocab import Vocabularies

LIST_FIELDS = ("countries", "cities", "topics", "beleidsdomeinen")


class NewPracticeError(Exception):
    """A value given to ``new`` cannot be used; the message says which and why."""


def render_practice(values: dict[str, Any], lang: str, schema_path: str = SCHEMA_FILE, body: str | None = None) -> str:
    """The text of a practice file: front matter in model order, then the body (by default
    the sections of a description in ``lang``, each with a hint to fill in)."""
    front = {f.name: values[f.name] for f in FIELDS if values.get(f.name) not in (None, "", [], {})}
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    if body is None:
        body = "\n".join(f"## {heading}\n\n<!-- {hint} -->\n" for heading, hint in BODY_SECTIONS[lang])
    return f"---\n# yaml-language-server: $schema={schema_path}\n{dumped}---\n{body}"


def resolve_list(vocabularies: Vocabularies, vocabulary: str, raw: str | list[str], lang: str) -> list[str]:
    """Ids for comma-separated ids, labels or numbers of a shown list; an error names the bad one."""
    items = [part.strip() for part in (raw.split(",") if isinstance(raw, str) else raw) if part.strip()]
    terms = list(vocabularies[vocabulary].terms)
    ids = []
    for item in items:
        if item.isdigit() and 1 <= int(item) <= len(terms) and vocabulary != "countries":
            ids.append(terms[int(item) - 1])
            continue
        found, near = vocabularies[vocabulary].resolve(item)
        if found is None:
            hint = f' (did you mean "{near[0]}"?)' if near else ""
            raise NewPracticeError(f'"{item}" is not in {vocabulary}{hint}')
        if found not in ids:
            ids.append(found)
    return ids


@dataclass
class Target:
    """Where the new practice goes: ``<slug>.md`` or ``<slug>/index.md``."""

    path: Path
    schema_path: str


def target(practices_dir: Path, slug: str, folder: bool) -> Target:
    if not SLUG_RE.match(slug):
        raise NewPracticeError(f'"{slug}" cannot be a file name: use a-z, 0-9 and single hyphens')
    path = practices_dir / slug / "index.md" if folder else practices_dir / f"{slug}.md"
    if path.exists() or (practices_dir / f"{slug}.md").exists() or (practices_dir / slug).exists():
        raise NewPracticeError(f"a practice called {slug} already exists")
    return Target(path, f"../{SCHEMA_FILE}" if folder else SCHEMA_FILE)


def interview(vocabularies: Vocabularies, lang: str, ask: Callable[[str], str], say: Callable[[str], None]) -> dict[str, Any]:
    """Ask for each field in ``lang``, showing the vocabularies as numbered choices."""
    ui = UiLabels(lang)
    values: dict[str, Any] = {"language": lang}

    def question(key: str, default: str = "", required: bool = False) -> str:
        while True:
            suffix = f" [{default}]" if default else ""
            answer = ask(f"{ui.t(key)}{suffix}: ").strip() or default
            if answer or not required:
                return answer
            say(ui.t("new_required"))

    def choose(vocabulary: str, key: str, required: bool) -> list[str]:
        if vocabulary != "countries":
            for number, term in enumerate(vocabularies[vocabulary].terms.values(), 1):
                say(f"  {number:>2}. {term.label(lang)}  ({term.id})")
        while True:
            answer = question(key, required=required)
            try:
                return resolve_list(vocabularies, vocabulary, answer, lang)
            except NewPracticeError as exc:
                say(str(exc))

    values["title"] = question("new_title", required=True)
    values["summary"] = question("new_summary", required=True)
    while True:
        year = question("new_year", str(datetime.date.today().year))
        if year.isdigit():
            values["year"] = int(year)
            break
        say(ui.t("new_year_hint"))
    values["countries"] = choose("countries", "new_countries", True)
    values["cities"] = [c.strip() for c in question("new_cities").split(",") if c.strip()]
    values["topics"] = choose("topics", "new_topics", True)
    values["beleidsdomeinen"] = choose("beleidsdomeinen", "new_beleidsdomeinen", False)
    values["organisation"] = question("new_organisation")
    contact = {"name": question("new_contact_name"), "email": question("new_contact_email")}
    values["contact"] = {k: v for k, v in contact.items() if v}
    values["slug"] = question("new_slug", slugify(values["title"])[:60].strip("-"))
    return values

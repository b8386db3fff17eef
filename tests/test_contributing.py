"""What a contributor meets: `site-gen new`, the JSON Schema, and hostile input."""

from __future__ import annotations

import datetime
import json
import time
from pathlib import Path

import jsonschema

from site_gen.schema import json_schema, schema_text
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT, base_fields, mkdocs_build, practice_text, site_gen, write_practices



def test_new_without_questions_writes_a_valid_file_that_builds(make_project):
    project = make_project({})
    result = site_gen(
        "new", "--no-input", "--language", "en", "--title", "Equality data hub", "--summary", "A hub of equality data sources.",
        "--year", "2021", "--countries", "BE", "--topics", "anti-discrimination-and-equality,Education",
        "--beleidsdomeinen", "Wonen", "--cities", "Brussel", cwd=project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Written: practices/equality-data-hub.md.")
    text = (project / "practices/equality-data-hub.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=practice.schema.json\ntitle: Equality data hub\n")
    assert "topics: [anti-discrimination-and-equality, education]" in text
    assert "beleidsdomeinen: [wonen]" in text
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## Description", "## Success factors", "## Challenges", "## Results"]
    assert mkdocs_build(project).returncode == 0
    assert (project / "site/practices/equality-data-hub/index.html").is_file()


def test_new_asks_in_the_chosen_language_and_shows_the_choices(tmp_path):
    (tmp_path / "practices").mkdir()
    answers = "\n".join([
        "Praktijktesten op de huurmarkt", "Gent test of verhuurders discrimineren.", "2019",
        "BE", "Gent", "educaton", "1,2", "wonen", "Stad Gent", "Dienst Gelijke Kansen", "gelijkekansen@example.be", "",
    ]) + "\n"
    result = site_gen("new", "--language", "nl", cwd=tmp_path, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Titel van de praktijk: " in result.stdout
    assert "  1. Antidiscriminatie en gelijkheid  (anti-discrimination-and-equality)" in result.stdout
    assert "  2. Anti-geruchten  (anti-rumour)" in result.stdout
    assert '"educaton" is not in topics (did you mean "education"?)' in result.stdout
    text = (tmp_path / "practices/praktijktesten-op-de-huurmarkt.md").read_text(encoding="utf-8")
    assert "topics: [anti-discrimination-and-equality, anti-rumour]" in text
    assert "contact: {name: Dienst Gelijke Kansen, email: gelijkekansen@example.be}" in text
    assert "## Succesfactoren" in text


def test_new_refuses_to_overwrite_and_names_what_is_missing(tmp_path):
    write_practices(tmp_path / "practices", {"taken.md": practice_text(base_fields())})
    result = site_gen("new", "--no-input", "--title", "Taken", "--summary", "s", "--countries", "BE", "--topics", "roma", cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (2, "error: a practice called taken already exists")
    result = site_gen("new", "--no-input", "--title", "Something", cwd=tmp_path)
    assert result.stderr.strip() == "error: missing --summary, --countries, --topics (or leave out --no-input to be asked)"


def test_the_committed_schema_is_the_generated_one():
    committed = (ROOT / "practices/practice.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(Vocabularies.load()), "run: site-gen schema --write"


def as_json(data: dict) -> dict:
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else v))


def test_the_schema_accepts_every_sample_practice_and_refuses_mistakes():
    vocabularies = Vocabularies.load()
    schema = json_schema(vocabularies)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    practices, _ = load_practices(ROOT / "practices", vocabularies)
    for practice in practices:
        assert list(validator.iter_errors(as_json(practice.data))) == [], practice.slug
    good = as_json(practices[0].data)
    for change in ({"topics": ["educaton"]}, {"year": "2021"}, {"countries": []}, {"topic": ["education"]}, {"title": ""}):
        assert list(validator.iter_errors({**good, **change})), change
    missing = {k: v for k, v in good.items() if k != "summary"}
    assert list(validator.iter_errors(missing))


# --- hostile and broken input ------------------------------------------------------------

def problems_of(tmp_path: Path, content: bytes) -> list[str]:
    write_practices(tmp_path / "practices", {"p.md": content})
    started = time.monotonic()
    _, problems = load_practices(tmp_path / "practices", Vocabularies.load(), tmp_path)
    assert time.monotonic() - started < 5, "bad input must fail fast"
    return [p.format() for p in problems]


def test_an_absurdly_large_file_is_refused_unread(tmp_path):
    big = practice_text(base_fields()).encode() + b"x" * 2_000_000
    assert problems_of(tmp_path, big) == [
        f"practices/p.md: the file is too large ({len(big):,} bytes) — a practice file stays under 1,000,000 bytes; put long annexes in a linked document"
    ]


def test_a_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        refs = ",".join(["*" + chr(ord("a") + n - 1)] * 9)
        lines.append(f"{chr(ord('a') + n)}: &{chr(ord('a') + n)} [{refs}]")
    lines.append("cities: *j")
    content = ("\n".join(lines) + "\n---\nBody\n").encode()
    assert problems_of(tmp_path, content) == [
        "practices/p.md:2: YAML anchors and aliases (& and *) are not allowed — write every value out in full"
    ]


def test_deeply_nested_yaml_is_refused(tmp_path):
    content = ("---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\nBody\n").encode()
    problems = problems_of(tmp_path, content)
    assert problems == ["practices/p.md:1: the front matter is nested too deeply — fields are at most a few levels deep"]


def test_overlong_front_matter_is_refused(tmp_path):
    content = ("---\ntitle: x\n" + "cities: [" + ", ".join(["Gent"] * 20_000) + "]\n---\nBody\n").encode()
    assert problems_of(tmp_path, content) == [
        "practices/p.md:2: the front matter is too long (120,017 characters) — keep fields short and put long text in the description below the closing ---"
    ]

"""A new database is empty, then small: every command and page must hold at those sizes."""

from __future__ import annotations

import json

import pytest
import yaml

from support import base_fields, create_project, mkdocs_build, practice_text, site_gen



def test_an_empty_database_validates_builds_and_exports(tmp_path):
    project = create_project(tmp_path / "empty", {})
    result = site_gen("validate", "--language", "en", cwd=project)
    assert result.returncode == 0
    assert result.stderr.strip() == "No practices in practices yet: add one with `site-gen new` or the form on the site."
    assert site_gen("validate", cwd=project).stderr.strip().startswith("Nog geen praktijken in practices")  # the site's language
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert json.loads((site / "practices.json").read_text(encoding="utf-8"))["practices"] == []
    assert (site / "practices.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # the header row
    assert "nog geen praktijken" in (site / "practices" / "index.html").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize(
    "practices",
    [
        {"one.md": practice_text(base_fields())},  # one practice
        {f"p{n}.md": practice_text(base_fields(title=f"Praktijk {n}", year=2020)) for n in range(5)},  # all in one year
    ],
    ids=["one practice", "one year, one topic, one country"],
)
def test_a_small_database_builds_and_validates(tmp_path, practices):
    project = create_project(tmp_path / "small", practices)
    assert site_gen("validate", cwd=project).returncode == 0
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    years = {p.parent.name for p in (project / "site" / "years").glob("*/index.html")}
    assert years == {str(y) for y in {2020, 2021} if any(f"year: {y}" in t for t in practices.values())}


def test_a_vocabulary_with_one_value_builds(tmp_path):
    project = create_project(tmp_path / "one-topic", {"a.md": practice_text(base_fields(topics=["solo"]))})
    (project / "vocabularies").mkdir()
    (project / "vocabularies" / "topics.yml").write_text("- id: solo\n  labels: {nl: Alleen, en: Alone, fr: Seul}\n", encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    next(p for p in config["plugins"] if isinstance(p, dict) and "site-gen" in p)["site-gen"]["vocabularies_dir"] = "vocabularies"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    assert "Alleen" in (project / "site" / "topics" / "index.html").read_text(encoding="utf-8")

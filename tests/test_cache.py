"""Work kept between builds (.cache/site-gen): never a different site, only a faster one."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import yaml

from support import ROOT, base_fields, create_project, mkdocs_build, practice_text, samples_project


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    left, right = tree(a), tree(b)
    return sorted(k for k in set(left) | set(right) if left.get(k) != right.get(k))


def project_with_samples(folder: Path) -> Path:
    project = samples_project(folder)
    shutil.copytree(ROOT / "overrides", project / "overrides")  # templates of its own, to change
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "site-gen" in plugin:
            plugin["site-gen"]["vocabularies_dir"] = "vocabularies"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (project / "vocabularies").mkdir()
    shutil.copy(ROOT / "site_gen" / "vocabularies" / "topics.yml", project / "vocabularies" / "topics.yml")
    return project


def build(project: Path, site: str) -> Path:
    result = mkdocs_build(project, site=project / site)
    assert result.returncode == 0, result.stderr
    return project / site


def test_a_warm_cache_makes_the_same_site_and_each_kind_of_edit_shows(tmp_path):
    project = project_with_samples(tmp_path / "p")
    cache = project / ".cache" / "site-gen"
    cold = build(project, "cold")
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["pages", "terms"]
    warm = build(project, "warm")
    assert differences(cold, warm) == []
    assert (warm / "en" / "practices" / "gent-praktijktesten-huurmarkt" / "index.html").is_file()

    # A practice, a vocabulary label and a template change: each shows in the next build.
    path = project / "practices" / "gent-praktijktesten-huurmarkt.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Beschrijving", "## Beschrijving\n\nEen nieuwe zin in de tekst.", 1), encoding="utf-8")
    topics = project / "vocabularies" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("nl: Wonen en stedenbouw", "nl: Wonen en stadsontwikkeling"), encoding="utf-8")
    template = project / "overrides" / "practice.html"
    template.write_text(template.read_text(encoding="utf-8").replace('<article class="sg-practice">', '<article class="sg-practice" data-edited>'), encoding="utf-8")
    edited = build(project, "edited")
    for lang in ("", "en/", "fr/"):
        page = (edited / f"{lang}practices/gent-praktijktesten-huurmarkt/index.html").read_text(encoding="utf-8")
        assert "Een nieuwe zin in de tekst." in page and "data-edited" in page, lang
    assert "Wonen en stadsontwikkeling" in (edited / "topics" / "index.html").read_text(encoding="utf-8")

    # ... and the same site as a build that starts with no cache at all.
    shutil.rmtree(project / ".cache")
    fresh = build(project, "fresh")
    assert differences(edited, fresh) == []
    assert cache.is_dir()
    assert not filecmp.cmp(cold / "practices/gent-praktijktesten-huurmarkt/index.html", fresh / "practices/gent-praktijktesten-huurmarkt/index.html")


def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path):
    project = create_project(tmp_path / "p", {"a.md": practice_text(base_fields())})
    first = build(project, "first")
    for path in (project / ".cache" / "site-gen").iterdir():
        path.write_bytes(b"not a pickle")
    again = build(project, "again")
    assert differences(first, again) == []


def test_languages_built_one_after_the_other_make_the_same_site(tmp_path, monkeypatch):
    """Beyond a few thousand practices the other languages are built in turn, not side by side."""
    from mkdocs.commands.build import build as mkdocs_run
    from mkdocs.config import load_config

    from site_gen import mkdocs_plugin

    project = create_project(tmp_path / "p", {"a.md": practice_text(base_fields()), "b.md": practice_text(base_fields(title="Tweede"))})
    side_by_side = build(project, "side-by-side")
    monkeypatch.setattr(mkdocs_plugin, "LANGUAGES_SIDE_BY_SIDE_UP_TO", 0)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    mkdocs_run(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "in-turn")))
    assert differences(side_by_side, project / "in-turn") == []
    assert (project / "in-turn" / "fr" / "practices" / "a" / "index.html").is_file()

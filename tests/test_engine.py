"""The site and the ``site-gen`` commands with ProperDocs, MkDocs' maintained drop-in fork,
installed instead of MkDocs.

``scripts/setup test`` makes that environment in ``.cache/properdocs``: ProperDocs and this
package, with MkDocs removed. Without it these tests skip on a developer's machine and fail
when ``CI`` is set.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from support import BUILD_ENV, ROOT, base_fields, mkdocs_build, practice_text

ENGINE = ROOT / ".cache" / "properdocs" / "bin"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs() -> Path:
    if not (ENGINE / "properdocs").is_file():
        reason = f"{ENGINE / 'properdocs'} missing: run scripts/setup test"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    has_mkdocs = subprocess.run([ENGINE / "python", "-c", "import mkdocs"], capture_output=True, env=BUILD_ENV)
    assert has_mkdocs.returncode != 0, "MkDocs is installed beside ProperDocs: the tests would not show it is not needed"
    return ENGINE


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file() and p.name != "sitemap.xml.gz"}


def test_properdocs_builds_the_same_site_as_mkdocs(properdocs, tmp_path):
    built = subprocess.run([properdocs / "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "pd")],
                           cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    reference = mkdocs_build(ROOT, site=tmp_path / "mk")
    assert reference.returncode == 0, reference.stderr
    theirs, ours = _files(tmp_path / "pd"), _files(tmp_path / "mk")
    assert sorted(theirs) == sorted(ours)
    assert any(name.startswith("fr/") for name in ours) and "practices.csv" in ours
    different = [name for name in ours if theirs[name] != ours[name]]
    assert different == [], f"{len(different)} files differ (only the generator tag may), e.g. {different[:5]}"


def _bundle(properdocs: Path, project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([properdocs / "site-gen", "bundle", "-o", "offline.zip"], cwd=project, env=BUILD_ENV,
                          capture_output=True, text=True, timeout=600)


def test_site_gen_bundle_works_with_properdocs_alone(properdocs, make_project):
    project = make_project({"huurmarkt.md": practice_text(base_fields())})
    made = _bundle(properdocs, project)
    assert made.returncode == 0, made.stderr
    assert "Traceback" not in made.stderr
    with zipfile.ZipFile(project / "offline.zip") as bundle:
        assert any(name.endswith("practices/huurmarkt/index.html") for name in bundle.namelist())


def test_a_failed_bundle_tells_why_with_properdocs_alone(properdocs, make_project):
    broken = practice_text(base_fields()).replace("summary: De stad", "summary: 'De stad")  # an unclosed quote
    project = make_project({"huurmarkt.md": practice_text(base_fields()), "kapot.md": broken})
    made = _bundle(properdocs, project)
    assert made.returncode == 1
    assert "Traceback" not in made.stderr
    assert re.search(r"practices/kapot\.md:\d+", made.stderr), made.stderr
    assert not (project / "offline.zip").exists()

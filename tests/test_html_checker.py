"""The Nu HTML Checker (npm ``vnu-jar``, run with Debian's Java) over every page of the
repository's site, in every UI language, with its listings cut in pages of one practice
(as a real database's are, pagination and all): no error. Its warnings that we keep are in
the README (the checker reads the pages from ``file:``, which our Content-Security-Policy's
'self' does not match, so it reports every stylesheet and script as blocked).

Without Java or the checker this test skips on a developer's machine and fails when
``CI`` is set (``scripts/setup test`` installs both)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build, samples_project
from site_gen import theme_markup

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the HTML checker cannot run in CI: {reason}")
    pytest.skip(reason)


def test_every_page_of_every_language_passes_the_nu_html_checker(tmp_path):
    java = shutil.which("java")
    if java is None:
        _unavailable("java not found (apt-get install default-jre-headless)")
    if not VNU.is_file():
        _unavailable(f"{VNU} missing: run scripts/setup test")
    project = samples_project(tmp_path / "project", per_page=1)
    site = project / "site"
    result = mkdocs_build(project, site=site)
    assert result.returncode == 0, result.stderr
    pages = list(site.rglob("*.html"))
    assert len(pages) > 200 and any("/en/" in str(p) for p in pages) and any("/fr/" in str(p) for p in pages)
    assert "sg-pagination__gap" in (site / "practices/page/9/index.html").read_text(encoding="utf-8")
    checked = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(checked.stderr)["messages"]
    errors = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
              if m["type"] != "info"]
    assert errors == [], f"{len(errors)} errors, the first:\n" + "\n".join(errors[:30])


def test_the_themes_markup_we_mend_is_still_the_themes():
    """Should Material change the toggles it writes, the mend would silently do nothing."""
    import material

    base = Path(material.__file__).parent / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    for theirs, ours in theme_markup.TOGGLES:
        assert theirs in text, theirs
        assert theme_markup.mend(f"<body>{theirs}</body>") == f"<body>{ours}</body>"
    nav_item = (base.parent / "partials" / "nav-item.html").read_text(encoding="utf-8")
    theirs, ours = theme_markup.TOC_TOGGLE
    assert theirs in nav_item and theme_markup.TOC_LABEL in nav_item
    assert theme_markup.mend(f"<nav>{theirs}</nav>") == f"<nav>{ours}</nav>"
    labelled = f'<nav>{theirs}<label {theme_markup.TOC_LABEL}>Inhoud</label></nav>'
    assert theme_markup.mend(labelled) == labelled
    toc = (base.parent / "partials" / "toc.html").read_text(encoding="utf-8")
    title = '<label class="md-nav__title" for="__toc">\n      <span class="md-nav__icon md-icon"></span>\n      Inhoud\n    </label>'
    assert theme_markup.TOC_TITLE.search(toc.replace("{{ title }}", "Inhoud"))
    assert theme_markup.mend(f"<nav>{title}</nav>") == '<nav><div class="md-nav__title">Inhoud</div></nav>'  # no toggle: no label
    assert theme_markup.mend(f"<nav>{theirs}{title}</nav>") == f"<nav>{theirs}{title}</nav>"  # in the navigation: as it is

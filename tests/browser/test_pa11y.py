"""pa11y (WCAG2AA, with both its runners: HTML_CodeSniffer and axe) on the main kinds of
page in each UI language: no error. A checker we did not write, with rules of its own
(HTML_CodeSniffer's differ from axe's, which test_accessibility.py runs in Playwright)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import CHROMIUM
from support import ROOT

pytestmark = pytest.mark.browser

PA11Y = ROOT / "node_modules" / "pa11y" / "package.json"
RUNNER = ROOT / "tests" / "browser" / "pa11y_run.js"
PAGES = [
    "",
    "practices/",
    "practices/?topic=anti-discrimination-and-equality&country=be",
    "practices/mechelen-dag-tegen-discriminatie/",
    "practices/bruges-eccar-plan-2021-2025/",
    "topics/",
    "topics/anti-discrimination-and-equality/",
    "contribute/",
    "contribute/form/",
    "accessibility/",
]


def test_pa11y_finds_no_error_on_the_main_pages_of_each_language(sample_site):
    node = shutil.which("node")
    if node is None or not PA11Y.is_file() or not os.path.exists(CHROMIUM):
        reason = "pa11y needs node, node_modules/pa11y (scripts/setup test) and Chromium"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    urls = [sample_site + language + path for language in ("", "en/", "fr/") for path in PAGES]
    run = subprocess.run([node, str(RUNNER), *urls], cwd=ROOT, capture_output=True, text=True, timeout=900,
                         env={**os.environ, "CHROMIUM": CHROMIUM})
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    assert sorted(found) == sorted(urls)
    errors = [f"{url.removeprefix(sample_site) or '/'}: {e['runner']} {e['code']} {e['selector']} — {e['context']}"
              for url, issues in found.items() for e in issues]
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:30])

"""Browser tests: Debian's Chromium driven by Playwright against a served build.

Without Chromium or Playwright these tests skip on a developer's machine and fail
when ``CI`` is set, so a CI run can never pass without having run them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from serving import serve
from support import ROOT, mkdocs_build, samples_project

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items) -> None:
    """Browser tests may run once more after a failure (see pyproject.toml); others never."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Served(str):
    """The base URL of a served site (``site + "practices/"``), with its folder as ``.path``."""

    path: Path


def _built_and_served(project: Path, site: Path) -> Iterator[Served]:
    result = mkdocs_build(project, site=site)
    assert result.returncode == 0, result.stderr
    base, server = serve(site)
    served = Served(base)
    served.path = site
    yield served
    server.shutdown()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Iterator[Served]:
    """The repository's own site (its sample practices), built and served on loopback."""
    yield from _built_and_served(ROOT, tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory) -> Iterator[Served]:
    """The same site with one practice a listing page: its listings are cut in pages (and
    their pagination leaves pages out) as a real database's are."""
    project = samples_project(tmp_path_factory.mktemp("paged") / "project", per_page=1)
    yield from _built_and_served(project, project / "site")


@pytest.fixture
def page(browser, sample_site):
    """A fresh page that records console errors, page errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.requests = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go (kept for a look: SCREENSHOTS=dir to choose the folder)."""
    folder = Path(os.environ["SCREENSHOTS"]) if os.environ.get("SCREENSHOTS") else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


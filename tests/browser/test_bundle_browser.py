"""The offline bundle opened from disk in Chromium, with every network request refused."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support import BUILD_ENV, ROOT
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies

pytestmark = pytest.mark.browser


def make_bundle(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_gen.cli", "bundle", "-o", str(out), *options],
        cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    result = make_bundle(folder / "praktijken.zip")
    assert result.returncode == 0, result.stderr
    assert re.search(r"Written: .*praktijken\.zip \([\d.]+ MB, (git|sha256) \w+, made \d{4}-\d\d-\d\d \d\d:\d\d UTC\)", result.stderr)
    with zipfile.ZipFile(folder / "praktijken.zip") as archive:
        assert "index.html" in archive.namelist()  # at the top, no folder around it
        archive.extractall(folder / "site")
    return folder / "site"


@pytest.fixture
def offline(browser):
    """A page where only file: URLs load; everything else is refused and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page, refused
    context.close()


def test_the_bundle_works_from_disk(offline, unpacked, screenshots):
    page, refused = offline
    home = unpacked.as_uri() + "/index.html"
    page.goto(home)
    assert "Offline-kopie gemaakt op" in page.locator(".sg-bundle-intro").inner_text()
    page.screenshot(path=str(screenshots / "bundle-home.png"), full_page=True)

    page.get_by_role("link", name="Thema's", exact=True).first.click()
    page.wait_for_url("**/topics/index.html")
    page.locator(".sg-values a", has_text="Communicatie en bewustmaking").click()
    page.wait_for_url("**/topics/communication-and-public-awareness/index.html")
    page.locator(".sg-card__title a", has_text="Samen tegen Racisme").click()
    page.wait_for_url("**/practices/mechelen-dag-tegen-discriminatie/index.html")
    assert page.locator(".sg-image img").evaluate("img => img.complete && img.naturalWidth > 0")

    page.goto(unpacked.as_uri() + "/practices/index.html")
    page.locator("#sg-q").fill("praktijktesten")
    page.wait_for_function("() => location.search.includes('q=praktijktesten')")
    page.locator(".sg-finder__results .sg-card").first.wait_for()
    page.locator('input[name="country"][value="be"]').check()
    page.locator('input[name="year"][value="2018"]').check()
    page.wait_for_function("() => location.search.includes('year=2018')")
    page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")
    titles = page.locator(".sg-finder__results .sg-card__title").all_inner_texts()
    assert titles == ["Praktijktesten op de private huurmarkt"]
    page.locator(".sg-finder__results .sg-card__title a").first.click()
    page.wait_for_url("**/practices/gent-praktijktesten-huurmarkt/index.html")

    page.locator(".sg-footer-links a", has_text="Toegankelijkheid").click()
    page.wait_for_url("**/accessibility.html")
    assert page.locator("h1").first.inner_text().startswith("Toegankelijkheidsverklaring")
    assert not list(unpacked.rglob("*.map"))  # source maps are for developers, not for disk

    page.goto(home)
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").press_sequentially("huurmarkt")
    page.locator(".sg-search__link").first.wait_for()
    assert "huurmarkt" in page.locator(".sg-search__results").inner_text().lower()
    page.locator(".sg-search__link").first.click()
    page.wait_for_url("**/practices/gent-praktijktesten-huurmarkt/index.html")

    assert refused == []
    assert page.errors == []


def test_a_subset_bundle_holds_exactly_its_subset(tmp_path):
    out = tmp_path / "onderwijs-be.zip"
    result = make_bundle(out, "--country", "BE", "--topic", "education", "--topic", "Vluchtelingen")
    assert result.returncode == 0, result.stderr
    practices, _ = load_practices(ROOT / "practices", Vocabularies.load())
    expected = {p.slug for p in practices if "BE" in p.countries and {"education", "refugees"} & set(p.topics)}
    assert expected
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        pages = {m.group(1) for n in names if (m := re.fullmatch(r"practices/([a-z0-9-]+)/index\.html", n))}
        home = archive.read("index.html").decode()
        cards = [archive.read(n).decode() for n in names if n.startswith("search/d/")]
        meta = archive.read("search/meta.js").decode()
    assert pages == expected
    assert "Thema's: Onderwijs, Vluchtelingen" in home and "Landen: België" in home
    slugs = {m.group(1) for card in cards if (m := re.search(r'"s":"([a-z0-9-]+)"', card))}
    assert slugs == expected and f'"practices":{len(expected)}' in meta


def test_an_unknown_subset_value_is_named(tmp_path):
    result = make_bundle(tmp_path / "x.zip", "--topic", "educaton")
    assert result.returncode == 1
    assert 'topic: "educaton" is not known (did you mean "education"?)' in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.zip").exists()


def test_a_subset_that_matches_nothing_is_one_sentence_and_no_zip(tmp_path):
    result = make_bundle(tmp_path / "x.zip", "--country", "CA", "--year", "2010")
    assert result.returncode == 1
    assert "no practice matches this subset (country: CA; year: 2010)" in result.stderr
    assert "no bundle was written" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.zip").exists()

"""axe-core's WCAG 2.0/2.1 A and AA rules on every kind of page, in every UI language."""

from __future__ import annotations

import os

import pytest

from support import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "practices/mechelen-dag-tegen-discriminatie/",
    "practices/bruges-eccar-plan-2021-2025/",
    "topics/",
    "topics/anti-discrimination-and-equality/",
    "countries/",
    "countries/be/",
    "years/",
    "years/2021/",
    "beleidsdomeinen/",
    "beleidsdomeinen/wonen/",
    "practices/?q=discriminatie&country=be&year=2021",
    "practices/",
    "contribute/",
    "contribute/form/",
    "accessibility/",
]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = f"{AXE} missing: run scripts/setup test (npm install axe-core)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("language", ["", "en/", "fr/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(browser, sample_site, axe_source, language, path):
    context = browser.new_context(bypass_csp=True)  # to inject axe; the policy has its own test
    page = context.new_page()
    page.goto(sample_site + language + path)
    page.wait_for_load_state("load")
    if path == "practices/" or path.startswith("practices/?"):  # the finder: wait until it has drawn
        page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")
    assert violations(page, axe_source) == []
    context.close()


@pytest.mark.parametrize("language", ["", "fr/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_listing_cut_in_pages(browser, paged_site, axe_source, language, width):
    """Pagination exists at real size only (the samples fit one page): a middle page, whose
    pagination leaves pages out, on a phone and a desktop."""
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    for path in ("practices/page/9/", "topics/anti-discrimination-and-equality/page/2/"):
        page.goto(paged_site + language + path)
        page.wait_for_load_state("load")
        assert page.locator(".sg-pagination__gap").count() >= 1, path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        assert violations(page, axe_source) == [], path
    context.close()


def test_the_finder_and_a_practice_at_200_percent_zoom(browser, sample_site, axe_source):
    """WCAG 1.4.4 and 1.4.10: at 200 % (a 640 px wide viewport for a 1280 px screen) nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2, bypass_csp=True)
    page = context.new_page()
    for path in ("practices/?q=wonen", "practices/bruges-eccar-plan-2021-2025/", "contribute/form/"):
        page.goto(sample_site + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        assert violations(page, axe_source) == [], path
    context.close()


@pytest.mark.parametrize("language", ["", "fr/"])
def test_the_header_search_with_results(browser, sample_site, axe_source, language):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(sample_site + language + "topics/")
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").press_sequentially("discriminatie")
    page.locator(".sg-search__link").first.wait_for()
    assert violations(page, axe_source) == []
    context.close()

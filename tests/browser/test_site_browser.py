"""The built sample site in Chromium: what a visitor sees and can do."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def only_local(page, base: str) -> None:
    outside = [url for url in page.requests if not url.startswith(base) and not url.startswith("data:")]
    assert outside == [], "requests that left the site"
    assert page.errors == [], "console or page errors"


def test_home_leads_to_a_topic_and_a_practice(page, sample_site, screenshots):
    page.goto(sample_site)
    page.screenshot(path=str(screenshots / "home.png"), full_page=True)
    assert page.locator("h1").first.inner_text() == "Praktijkendatabank samenleven in diversiteit"
    assert page.locator(".sg-card").count() == 6
    page.get_by_role("link", name="Thema's", exact=True).first.click()
    page.wait_for_url("**/topics/")
    page.screenshot(path=str(screenshots / "topics.png"), full_page=True)
    page.locator(".sg-values a", has_text="Vluchtelingen").click()
    page.wait_for_url("**/topics/refugees/")
    titles = page.locator(".sg-card__title a").all_inner_texts()
    assert titles and len(titles) == int(page.locator(".sg-total").inner_text().split()[0])
    page.locator(".sg-card__title a").first.click()
    page.wait_for_url("**/practices/*/")
    assert page.locator(".sg-panel").is_visible()
    only_local(page, sample_site)


def test_a_practice_page_shows_its_image_panel_and_related(page, sample_site, screenshots):
    page.goto(sample_site + "practices/mechelen-dag-tegen-discriminatie/")
    page.screenshot(path=str(screenshots / "practice.png"), full_page=True)
    image = page.locator(".sg-image img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert image.get_attribute("alt")
    assert page.locator(".sg-panel dt").count() >= 5
    assert page.locator(".sg-related .sg-card").count() == 4
    page.locator(".sg-panel a", has_text="2021").click()
    page.wait_for_url("**/years/2021/")
    only_local(page, sample_site)


def test_a_long_practice_has_a_table_of_contents_and_footnotes(page, sample_site):
    page.goto(sample_site + "practices/bruges-eccar-plan-2021-2025/")
    assert page.locator(".md-sidebar--secondary .md-nav__link").count() > 10
    assert page.locator(".sg-body .footnote li").count() >= 5
    assert page.locator(".sg-body table").count() >= 1
    only_local(page, sample_site)


def test_filter_pages_work_without_javascript(browser, sample_site, screenshots):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site + "countries/")
    countries = page.locator(".sg-values a")
    assert countries.count() >= 6
    page.locator(".sg-values a", has_text="België").click()
    page.wait_for_url("**/countries/be/")
    page.screenshot(path=str(screenshots / "country-be-nojs.png"), full_page=True)
    assert page.locator(".sg-card").count() >= 10
    context.close()


def test_a_practice_prints_without_navigation_or_related(page, sample_site, screenshots):
    page.goto(sample_site + "practices/gent-praktijktesten-huurmarkt/")
    page.emulate_media(media="print")
    assert page.locator(".sg-related").is_hidden()
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".sg-panel").is_visible()
    page.pdf(path=str(screenshots / "practice.pdf")) if False else None


def test_the_header_search_finds_a_practice(page, sample_site):
    page.goto(sample_site)
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").press_sequentially("huurmarkt")
    page.locator(".sg-search__link").first.wait_for()
    assert "huurmarkt" in page.locator(".sg-search__results").inner_text().lower()
    only_local(page, sample_site)


@pytest.mark.parametrize("path", ["fr/topics/", "", "practices/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_count_stays_on_one_line_beside_a_long_label(browser, sample_site, path, width):
    """A real database counts hundreds or thousands of practices for a value: a count
    beside a label of two lines must not be squeezed into a column of digits."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(sample_site + path)
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('details.sg-finder__filters').forEach(d => { d.open = true; })")
    counts = page.locator(".sg-count:visible")
    assert counts.count() > 0
    lines = counts.evaluate_all("""els => els.map(el => {
        el.firstChild.textContent = "10,000";  // its number, as a large database has it
        const line = parseFloat(getComputedStyle(el).lineHeight) || el.getBoundingClientRect().height;
        return [el.closest("li, label").innerText.slice(0, 40), el.getClientRects().length, el.getBoundingClientRect().height / line];
    })""")
    squeezed = [(label, rects, round(height, 1)) for label, rects, height in lines if rects > 1 or height > 1.6]
    assert squeezed == []
    page.close()


def test_the_links_to_the_other_facets_line_up_with_the_values(page, sample_site):
    page.goto(sample_site + "countries/")
    values, links = (page.locator(f"{css} li").first.bounding_box() for css in (".sg-values", ".sg-facet-links"))
    assert abs(values["x"] - links["x"]) < 1 and abs(values["width"] - links["width"]) < 1


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_browser_writes_counts_as_the_build_does(page, sample_site, lang):
    """The finder and the header search redraw counts in the browser: the same digits
    and separators as the build's (Babel's CLDR against the browser's)."""
    from site_gen.i18n import UiLabels

    page.goto(sample_site + ("" if lang == "nl" else f"{lang}/") + "practices/")
    page.wait_for_function("window.sgSearch !== undefined")
    for n in (7, 1234, 10000, 123456):
        assert page.evaluate(f"sgSearch.number({n})") == UiLabels(lang).number(n)


def test_the_finders_choices_line_up_with_their_group_title(page, sample_site):
    page.goto(sample_site + "practices/")
    page.locator(".sg-facet li").first.wait_for()
    legend, box = page.locator(".sg-facet legend").first.bounding_box(), page.locator(".sg-facet input").first.bounding_box()
    assert abs(legend["x"] - box["x"]) < 1

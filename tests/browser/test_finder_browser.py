"""The finder in Chromium: search in three languages, filters, URL state, keyboard."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from site_gen.search.analysis import stem, words
from site_gen.search.twin import ShardedSearch, read_script
from test_search import RELEVANCE

pytestmark = pytest.mark.browser


def site_search(folder) -> ShardedSearch:
    return ShardedSearch(lambda path: (folder / path).read_text(encoding="utf-8"), "nl")  # the Dutch site's own pages


@pytest.fixture(scope="module")
def data(sample_site):
    """The search's meta, facet table and cards, as the site publishes them."""
    search = site_search(sample_site.path)
    table = read_script((sample_site.path / "search/facets.js").read_text(encoding="utf-8"))[1]
    cards = [search.card(ref) for ref in range(search.meta_data["practices"])]
    meta = {**search.meta_data, "facets": search.load("labels-nl")}
    return {"meta": meta, "table": table, "cards": cards, "search": search}


def facet_values(data, param: str) -> dict[str, set[str]]:
    """value slug -> slugs of the practices that carry it, from the facet table."""
    i = next(n for n, f in enumerate(data["meta"]["facets"]) if f["param"] == param)
    found: dict[str, set[str]] = {}
    for ref, row in enumerate(data["table"]):
        for v in row[i]:
            found.setdefault(data["meta"]["facets"][i]["values"][v][0], set()).add(data["cards"][ref]["s"])
    return found


def open_finder(page, sample_site, query: str = "") -> None:
    page.goto(sample_site + "practices/" + query)
    page.locator(".sg-finder__search").wait_for(state="visible")
    page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")


def settled(page) -> None:
    """Wait until the finder has drawn what its current state asks for."""
    page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")


def shown(page) -> list[str]:
    settled(page)
    return [href.rstrip("/").split("/")[-1] for href in page.locator(".sg-finder__results .sg-card__title a").evaluate_all("as => as.map(a => a.getAttribute('href'))")]


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def clean(page) -> None:
    assert page.errors == [], page.errors
    assert all(url.startswith("http://127.0.0.1") for url in page.requests)


QUERIES = [q for q, _ in RELEVANCE] + ["praktijkt", "médiat", "racisme onderwijs", "de", "Gent", "ÉGALITÉ", "xyzzy", "toegankelijk"]
BROWSER_SEARCH = "q => window.sgSearch.search(q).then(f => f && f.results.map(r => [r.ref, r.score]))"


def test_the_browser_finds_what_python_finds(page, sample_site, data):
    """The shards load in lunr.js 2.3.9 and the browser's pipeline is the one they were built with."""
    open_finder(page, sample_site)
    for query in QUERIES:
        browser = page.evaluate(BROWSER_SEARCH, query)
        python = data["search"].search(query)
        assert [r[0] for r in browser] == [ref for ref, _ in python], query
        assert [r[1] for r in browser] == pytest.approx([s for _, s in python], abs=1e-9), query
    clean(page)


def test_the_browser_stems_like_python(page, sample_site, data):
    open_finder(page, sample_site)
    page.evaluate("() => window.sgSearch.ready()")
    vocabulary = sorted({w for doc in data["cards"] for w in words(doc["t"] + " " + doc["m"] + " " + doc["x"][:3000])})
    for lang in ("nl", "en", "fr"):
        browser = page.evaluate("([ws, lang]) => ws.map(w => window.sgSearch.stem(w, lang))", [vocabulary, lang])
        assert browser == [stem(w, lang) for w in vocabulary], lang


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("praktijktesten", "gent-praktijktesten-huurmarkt"),
        ("equality data", "belgium-equality-data-hub"),
        ("mediateurs", "montreal-mediateurs-interculturels-habitation"),
    ],
)
def test_typing_a_query_in_each_language(page, sample_site, query, first):
    open_finder(page, sample_site)
    page.locator("#sg-q").fill(query)
    page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=query)
    assert shown(page)[0] == first
    status = page.locator(".sg-finder__status")
    assert status.get_attribute("role") == "status" and query in status.inner_text()
    clean(page)


@pytest.mark.parametrize(("param", "value"), [("topic", "refugees"), ("country", "be"), ("year", "2021"), ("beleidsdomein", "wonen"), ("language", "fr")])
def test_each_facet_filters_to_exactly_its_practices(page, sample_site, data, param, value):
    open_finder(page, sample_site)
    page.locator(f'input[name="{param}"][value="{value}"]').check()
    page.wait_for_function("p => new URL(location.href).searchParams.has(p)", arg=param)
    expected = facet_values(data, param)[value]
    assert set(shown(page)) == expected
    assert params(page) == {param: [value]}
    count = page.locator(f'input[name="{param}"][value="{value}"] ~ [data-count]').inner_text()
    assert int(count) == len(expected)
    clean(page)


def test_or_within_a_facet_and_across_facets(page, sample_site, data):
    open_finder(page, sample_site, "?country=be&country=ca")
    countries = facet_values(data, "country")
    assert set(shown(page)) == countries["be"] | countries["ca"]
    page.locator('input[name="topic"][value="housing-and-urban-planning"]').check()
    page.wait_for_function("() => new URL(location.href).searchParams.has('topic')")
    housing = facet_values(data, "topic")["housing-and-urban-planning"]
    assert set(shown(page)) == (countries["be"] | countries["ca"]) & housing
    # counts of another facet are for the practices the other filters leave
    assert page.locator('input[name="country"][value="ca"] ~ [data-count]').inner_text() == str(len(countries["ca"] & housing))
    clean(page)


def test_query_and_filters_combine_and_the_url_reproduces_the_view(page, browser, sample_site, data):
    open_finder(page, sample_site)
    page.locator("#sg-q").fill("discriminatie")
    page.locator("#sg-q").press("Enter")
    page.locator('input[name="year"][value="2021"]').check()
    page.wait_for_function("() => new URL(location.href).searchParams.has('year')")
    first_view = shown(page)
    assert first_view and set(first_view) <= facet_values(data, "year")["2021"]
    assert params(page) == {"q": ["discriminatie"], "year": ["2021"]}
    other = browser.new_page()
    other.goto(page.url.replace("year=2021", "year=2021").replace("country=", "country="))
    other.locator(".sg-finder__search").wait_for(state="visible")
    assert shown(other) == first_view
    assert other.locator("#sg-q").input_value() == "discriminatie"
    assert other.locator('input[name="year"][value="2021"]').is_checked()
    other.close()


def test_uppercase_country_codes_are_accepted(page, sample_site, data):
    open_finder(page, sample_site, "?country=BE")
    assert set(shown(page)) == facet_values(data, "country")["be"]
    assert page.locator('input[name="country"][value="be"]').is_checked()


def test_the_back_button_restores_the_previous_view(page, sample_site, data):
    open_finder(page, sample_site)
    everything = shown(page)
    page.locator('input[name="language"][value="en"]').check()
    page.wait_for_function("() => location.search.includes('language=en')")
    english = shown(page)
    page.locator('input[name="year"][value="2021"]').check()
    page.wait_for_function("() => location.search.includes('year=2021')")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('year')")
    assert shown(page) == english and not page.locator('input[name="year"][value="2021"]').is_checked()
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert shown(page) == everything
    clean(page)


def test_reset_clears_query_and_filters(page, sample_site):
    open_finder(page, sample_site, "?q=racisme&country=be")
    page.get_by_role("button", name="Alles wissen").click()
    page.wait_for_function("() => location.search === ''")
    assert page.locator("#sg-q").input_value() == ""
    assert page.locator(".sg-facet input:checked").count() == 0


def test_the_finder_works_with_the_keyboard_alone(page, sample_site):
    open_finder(page, sample_site)
    for _ in range(40):
        if page.evaluate("document.activeElement && document.activeElement.id") == "sg-q":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("racisme")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('q=racisme')")
    for _ in range(5):  # the search button, the filters' summary, the first topics
        page.keyboard.press("Tab")
        focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
        if focused == ["topic", "anti-discrimination-and-equality"]:
            break
    assert focused == ["topic", "anti-discrimination-and-equality"]
    page.keyboard.press("Space")
    page.wait_for_function("v => location.search.includes('topic=' + v)", arg=focused[1])
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    results = shown(page)
    assert results
    page.locator(".sg-finder__results .sg-card__title a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/practices/{results[0]}/")
    clean(page)


def test_without_javascript_the_finder_lists_practices_and_links_to_filter_pages(browser, sample_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site + "practices/")
    assert page.locator(".sg-card").count() == 17
    assert page.locator(".sg-finder__search").is_hidden()
    assert page.locator(".sg-facet-links a").count() == 4
    context.close()


def test_a_shared_link_shows_its_results_and_what_it_filters(page, sample_site):
    open_finder(page, sample_site, "?q=huurmarkt&country=be")
    assert params(page) == {"q": ["huurmarkt"], "country": ["be"]}
    assert shown(page)[0] == "gent-praktijktesten-huurmarkt"
    chips = page.locator(".sg-active li")
    assert [c.get_attribute("aria-label") for c in chips.get_by_role("button").all()] == [
        "Filter verwijderen: Zoekwoorden: huurmarkt", "Filter verwijderen: Landen: België"]
    chips.nth(1).get_by_role("button").click()
    page.wait_for_function("() => !location.search.includes('country')")
    assert page.locator(".sg-active li span:first-child").all_inner_texts() == ["Zoekwoorden: huurmarkt"]
    assert page.evaluate("document.activeElement.closest('.sg-active') !== null")  # focus stays with the chips
    clean(page)


def test_results_show_a_snippet_with_the_matched_words_marked(page, sample_site):
    open_finder(page, sample_site, "?q=vastgoedmakelaars")
    first = page.locator(".sg-finder__results .sg-card").first
    marks = first.locator(".sg-card__snippet mark, .sg-card__summary mark").all_inner_texts()
    assert marks and all(m.lower().startswith("vastgoedmakelaar") for m in marks)
    clean(page)


def test_a_year_range_filters_and_stays_in_the_url(page, sample_site, data):
    open_finder(page, sample_site)
    page.locator('select[name="year-from"]').select_option("2019")
    page.wait_for_function("() => location.search.includes('year-from=2019')")
    page.locator('select[name="year-to"]').select_option("2021")
    page.wait_for_function("() => location.search.includes('year-to=2021')")
    years = facet_values(data, "year")
    expected = set().union(*(years.get(str(y), set()) for y in range(2019, 2022)))
    assert set(shown(page)) == expected
    assert params(page) == {"year-from": ["2019"], "year-to": ["2021"]}
    assert "2019–2021" in page.locator(".sg-active").inner_text()
    page.reload()
    page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")
    assert set(shown(page)) == expected and page.locator('select[name="year-to"]').input_value() == "2021"
    clean(page)


def test_the_finder_on_a_phone(browser, sample_site, screenshots):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(sample_site + "practices/?q=discriminatie")
    page.locator(".sg-finder__search").wait_for(state="visible")
    assert not page.locator(".sg-finder__filters").evaluate("d => d.open")  # results first
    page.screenshot(path=str(screenshots / "finder-phone.png"), full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.parametrize("address", ["practices/", "practices/?q=discriminatie", "en/practices/?country=be&year=2021"])
@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_the_finder_does_not_jump_when_its_script_takes_over(browser, sample_site, address, width, height):
    """Layout shift (CLS) of the finder on a phone and a desktop, as the page loads and
    finder.js runs, also when the address asks for a search (which loads its index first)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.add_init_script("""window.__shifts = [];
        new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shifts.push(e.value); }))
          .observe({type: "layout-shift", buffered: true});""")
    page.goto(sample_site + address)
    page.wait_for_function("window.sgFinder && window.sgFinder.renderedAt !== null")
    page.wait_for_function("!document.documentElement.classList.contains('sg-finder-pending')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)") < 0.02
    page.close()


def test_a_filtered_list_draws_without_the_search_engine_or_the_texts(page, sample_site):
    """A shared link with filters only (the facet pages' and most shared links) shows its
    cards without lunr.js and without each card's text, which only a query's snippets
    need; lunr.js comes after the list, for the first keystroke."""
    open_finder(page, sample_site, "?country=be")
    settled(page)
    before = page.evaluate("""() => performance.getEntriesByType("resource")
        .filter(e => e.startTime <= window.sgFinder.renderedAt).map(e => e.name)""")
    assert any("/search/d/" in url for url in before)
    assert not [url for url in before if "/search/x/" in url or "/lunr/" in url]
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('/lunr/lunr.js'))")
    page.locator("#sg-q").fill("huurmarkt")  # a query: its cards come with their texts
    page.locator(".sg-card__snippet, .sg-card__summary mark").first.wait_for()
    assert any("/search/x/" in url for url in page.requests)
    clean(page)

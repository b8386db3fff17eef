"""The site's search in Chromium: the twin at real size, the header search, what a page
view downloads, and a database without practices."""

from __future__ import annotations

import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from serving import serve
from site_gen.search.analysis import words
from site_gen.search.documents import markdown_text
from site_gen.search.twin import ShardedSearch
from support import ROOT, create_project, mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402

pytestmark = pytest.mark.browser
SEARCH = "q => window.sgSearch.search(q).then(f => f && f.results.map(r => [r.ref, r.score]))"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A site of 300 generated practices (300–1,500 words each), built and served."""
    project = tmp_path_factory.mktemp("generated")
    create_project(project / "site-project", {})
    paths = generate(project / "site-project" / "practices", 300, seed=5)
    result = mkdocs_build(project / "site-project", site=project / "site")
    assert result.returncode == 0, result.stderr
    base, server = serve(project / "site")
    yield base, project / "site", paths
    server.shutdown()


def test_the_browser_and_the_python_twin_agree_on_every_result_and_rank(browser, generated):
    base, site, paths = generated
    twin = ShardedSearch(lambda path: (site / path).read_text(encoding="utf-8"), "nl")
    bodies = [words(markdown_text(p.read_text(encoding="utf-8").split("\n---\n", 1)[1])) for p in paths[::5]]
    queries = [body[len(body) // 2] for body in bodies]  # a word from the middle of each body
    queries += [f"{a} {b[3]}" for a, b in zip(queries, bodies)]  # and with another word of it
    queries += [q[:3] for q in queries[:20]] + ["de", "stad 2021", "la ville", "the city "]
    page = browser.new_page()
    page.goto(base + "practices/")
    page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")
    found = page.evaluate("async qs => { const out = []; for (const q of qs) out.push(await (" + SEARCH + ")(q)); return out; }", queries)
    assert len(twin.loaded_shards) == 0
    for query, browser_results in zip(queries, found):
        python = twin.search(query)
        assert [r for r, _ in browser_results] == [r for r, _ in python], query
        assert [s for _, s in browser_results] == pytest.approx([s for _, s in python], abs=1e-9), query
    assert len(twin.loaded_shards) > 10  # the queries spread over the index
    # Another UI language reads the same files (from the root) and finds its own pages.
    page.goto(base + "fr/practices/")
    page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")
    french = ShardedSearch(lambda path: (site / path).read_text(encoding="utf-8"), "fr")
    asked = queries[-4:] + ["accessibilité", "pratique"]
    found = page.evaluate("async qs => { const out = []; for (const q of qs) out.push(await (" + SEARCH + ")(q)); return out; }", asked)
    for query, browser_results in zip(asked, found):
        assert [r for r, _ in browser_results] == [r for r, _ in french.search(query)], query
    assert any(ref >= french.meta.practices for ref, _ in french.search("accessibilité"))
    assert not (site / "fr" / "search").exists()  # one copy of the search, at the root
    page.close()


PAGE_VIEWS = ["", "practices/gent-praktijktesten-huurmarkt/", "topics/", "topics/education/", "years/2021/", "contribute/", "en/practices/gent-praktijktesten-huurmarkt/"]


@pytest.mark.parametrize("path", PAGE_VIEWS)
def test_a_page_view_downloads_no_index_and_no_sitemap(page, sample_site, path):
    page.goto(sample_site + path)
    page.wait_for_load_state("networkidle")
    fetched = [urlsplit(u).path for u in page.requests]
    assert [u for u in fetched if "/search/" in u or "sitemap" in u or "/lunr/" in u or "search_index" in u] == []
    assert page.errors == []


def test_the_header_search_shows_practices_then_pages_and_works_with_the_keyboard(page, sample_site, screenshots):
    page.goto(sample_site + "topics/")
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Zoeken op de hele site")
    assert dialog.is_visible()
    page.keyboard.type("toegankelijkheid")
    page.locator(".sg-search__link").first.wait_for()
    status = page.locator(".sg-search__status")
    assert status.get_attribute("role") == "status" and "pagina" in status.inner_text()
    groups = page.locator(".sg-search__group:visible").all_inner_texts()
    assert groups[-1].lower() == "pagina's"
    page.screenshot(path=str(screenshots / "header-search.png"))
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('sg-search__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "sg-search-q"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    page.wait_for_function("document.activeElement.hasAttribute('data-sg-search-open')")  # focus goes back
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").fill("praktijktesten huurmarkt")
    page.keyboard.press("Enter")
    page.wait_for_url("**/practices/?q=*")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["praktijktesten huurmarkt"]}
    page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")
    assert "gent-praktijktesten-huurmarkt" in page.locator(".sg-card__title a").first.get_attribute("href")
    assert page.errors == []


def test_a_french_query_finds_a_dutch_practice_through_its_topic_label(page, sample_site):
    page.goto(sample_site + "fr/")
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").press_sequentially("médiation")
    page.locator(".sg-search__link").first.wait_for()
    hrefs = page.locator(".sg-search__link").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any("antwerpen-discriminatie-sport-jeugdwerk" in h for h in hrefs)  # Dutch, tagged "Médiation et …"
    marks = page.locator(".sg-search__link mark").all_inner_texts()
    assert marks and all(m.lower().startswith(("médiat", "mediat")) for m in marks)


def test_a_database_without_practices_builds_and_its_search_says_so(browser, tmp_path):
    project = create_project(tmp_path / "empty", {})
    result = mkdocs_build(project, site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    base, server = serve(tmp_path / "site")
    try:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "practices/")
        page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")
        assert "nog geen praktijken" in page.locator(".sg-finder__status").inner_text()
        page.goto(base)
        page.locator("[data-sg-search-open]").click()
        page.locator("#sg-search-q").press_sequentially("stad")
        page.wait_for_function("() => window.sgHeaderSearch.shownAt")
        assert "nog geen praktijken" in page.locator(".sg-search__status").inner_text()
        assert errors == []
        page.close()
    finally:
        server.shutdown()

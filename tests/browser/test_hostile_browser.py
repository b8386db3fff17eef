"""Contributed Markdown is untrusted: in Chromium, nothing in a practice runs or overlays."""

from __future__ import annotations

import pytest

from support import base_fields, create_project, mkdocs_build, practice_text
from serving import serve

pytestmark = pytest.mark.browser

HOSTILE = """## Description

<script>alert('script')</script>
<img src="missing.png" onerror="alert('onerror')">
<p onmouseover="alert('handler')" style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red;z-index:9999">overlay</p>
<a href="javascript:alert('link')">a javascript: link</a>
[markdown link](javascript:alert('md'))
<iframe src="https://example.org" onload="alert('iframe')"></iframe>
<svg onload="alert('svg')"><circle r="40"/><script>alert('svg-script')</script></svg>
<style>body { display: none !important }</style>
<object data="data:text/html,<script>alert('object')</script>"></object>
<embed src="data:text/html,<script>alert('embed')</script>">
<form action="https://example.org"><input name="password"><button>Send</button></form>
<meta http-equiv="refresh" content="0;url=https://example.org">
<base href="https://example.org/">
<div id="__search" class="md-header">shadowing the theme</div>
<a href="data:text/html,<script>alert('data')</script>">data: link</a>
<details open ontoggle="alert('toggle')"><summary>more</summary>text</details>

The text itself stays.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    fields = base_fields(title="<img src=x onerror=alert('title')> Tom & Jerry", summary="<script>alert('summary')</script>")
    project = create_project(tmp_path_factory.mktemp("hostile") / "project", {"hostile.md": practice_text(fields, HOSTILE)})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    base, server = serve(project / "site")
    yield base
    server.shutdown()


@pytest.mark.parametrize("path", ["practices/hostile/", "practices/", "topics/anti-discrimination-and-equality/", ""])
def test_nothing_a_practice_contains_runs_or_overlays(browser, hostile_site, path):
    page = browser.new_page()
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(hostile_site + path)
    page.wait_for_load_state("load")
    page.mouse.move(300, 300)
    page.mouse.click(5, 5)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert [url for url in requests if not url.startswith(hostile_site)] == []
    if path == "practices/hostile/":
        body = page.locator(".sg-body")
        assert "The text itself stays." in body.inner_text()
        for tag in ("script", "iframe", "svg", "style", "object", "embed", "form", "input", "meta", "base"):
            assert body.locator(tag).count() == 0, tag
        assert page.locator("base").count() == 0
        attributes = body.evaluate("b => [...b.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name + '=' + a.value))")
        assert not [a for a in attributes if a.startswith("on") or a.startswith("style=") or "javascript:" in a or "data:" in a]
        assert page.locator("#__search").evaluate("e => e.tagName") == "INPUT"  # the theme's own element
        fixed = body.evaluate("b => [...b.querySelectorAll('*')].filter(e => ['fixed', 'absolute'].includes(getComputedStyle(e).position)).length")
        assert fixed == 0
        assert page.locator("h1").inner_text() == "<img src=x onerror=alert('title')> Tom & Jerry"
        assert page.locator("body").is_visible()
    page.close()


@pytest.mark.parametrize("where", ["header", "finder"])
def test_search_results_show_a_hostile_practice_as_text(browser, hostile_site, where):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    if where == "header":
        page.goto(hostile_site)
        page.locator("[data-sg-search-open]").click()
        page.locator("#sg-search-q").press_sequentially("jerry")
        results = page.locator(".sg-search__results")
        page.locator(".sg-search__link").first.wait_for()
    else:
        page.goto(hostile_site + "practices/?q=jerry")
        page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")
        results = page.locator("[data-sg-results]")
    assert "<img src=x onerror=alert('title')> Tom & Jerry" in results.inner_text()
    assert results.locator("img, script, iframe, svg").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []
    page.close()

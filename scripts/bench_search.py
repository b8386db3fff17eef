"""The search part of scripts/bench: recall, bytes and time, ours beside Pagefind's.

Measured in headless Chromium against the built site, served on loopback:

- recall over a fixed sample of 200 practices: a distinctive word of the body (used by
  2 to 10 practices, or the rarest there is; not in the title or summary), and that word
  with a common word of the same body (used by a fifth of the practices or more); found
  when the practice is among the first ten results;
- bytes, gzipped as a compressing server sends them: a page view that does not search,
  the finder opened with a one-word query, the header search's first query; Pagefind's
  bytes for the same query;
- time from typing to the header search's first results (three letters, with lunr.js
  still loading), and per further keystroke until both words are typed.
"""

from __future__ import annotations

import gzip
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = 200
TOP = 10
FEW = 10  # a distinctive word is used by at most this many practices


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def recall_queries(corpus: Path, seed: int = 11) -> list[tuple[str, str, str]]:
    """``(slug, distinctive word, "distinctive common")`` for a fixed sample of practices."""
    from site_gen.search.analysis import all_stop_words, words
    from site_gen.search.documents import markdown_text

    stops = all_stop_words()
    texts = {}
    for path in sorted(corpus.glob("*.md")):
        front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        heading = " ".join(re.findall(r"^(?:title|summary): (.*)$", front, re.M))
        texts[path.stem] = (set(words(heading)), [w for w in words(markdown_text(body)) if len(w) >= 4 and w not in stops])
    df = Counter(w for _, body in texts.values() for w in set(body))
    n = len(texts)
    rng = random.Random(seed)
    queries = []
    for slug in rng.sample(sorted(texts), min(SAMPLE, n)):
        heading, body = texts[slug]
        own = sorted(set(body) - heading)
        few = [w for w in own if 2 <= df[w] <= FEW] or sorted(own, key=lambda w: (df[w], w))[:5]
        common = [w for w in own if df[w] >= n / 5] or sorted(own, key=lambda w: (-df[w], w))[:5]
        word = rng.choice(few)
        queries.append((slug, word, f"{word} {rng.choice(common)}"))
    return queries


def response_bytes(page, action) -> tuple[int, list[str]]:
    """Gzipped bytes of every response while ``action`` runs, and their URLs."""
    sizes, urls = [], []

    def seen(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            return
        sizes.append(gz(body))
        urls.append(response.url)

    page.on("response", seen)
    try:
        action()
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("response", seen)
    return sum(sizes), urls


def fresh(browser, old=None):
    """A page in a new context: nothing cached from an earlier measurement."""
    if old is not None:
        old.context.close()
    return browser.new_context().new_page()


def ours(site: Path, corpus: Path, browser, base: str) -> dict:
    """Our search on the built site: recall, bytes and time."""
    queries = recall_queries(corpus)
    cards = sorted((site / "search/d").glob("*.js"), key=lambda p: int(p.stem))
    slugs = [m.group(1) if (m := re.search(r'"s":"([^"]+)"', p.read_text(encoding="utf-8"))) else None for p in cards]
    page = fresh(browser)
    practice = base + f"practices/{queries[0][0]}/"
    view, view_urls = response_bytes(page, lambda: page.goto(practice))
    leaks = [u for u in view_urls if "/search/" in u or "sitemap" in u]

    typed = queries[0][2]  # "distinctive common", typed letter by letter

    def first_query():
        page.evaluate("() => window.sgHeaderSearch.open()")
        page.evaluate("w => { const i = document.querySelector('#sg-search-q'); window.__t0 = performance.now(); i.value = w;"
                      " i.dispatchEvent(new Event('input')); }", typed[:3])
        page.wait_for_function("() => window.sgHeaderSearch.shownAt > window.__t0")

    page = fresh(browser, page)
    page.goto(practice)
    header, _ = response_bytes(page, first_query)
    first_ms = page.evaluate("window.sgHeaderSearch.shownAt - window.__t0")
    keystrokes = page.evaluate(
        """async typed => { const i = document.querySelector('#sg-search-q'), times = [];
               for (let n = 4; n <= typed.length; n++) {
                 const before = window.sgHeaderSearch.shownAt, t = performance.now();
                 i.value = typed.slice(0, n); i.dispatchEvent(new Event('input'));
                 while (window.sgHeaderSearch.shownAt === before) await new Promise(r => setTimeout(r, 0));
                 times.push(window.sgHeaderSearch.shownAt - t); }
               return times; }""", typed)
    page = fresh(browser, page)
    finder, _ = response_bytes(page, lambda: (page.goto(base + f"practices/?q={queries[0][1]}"),
                                              page.wait_for_function("() => window.sgFinder && window.sgFinder.renderedAt")))
    page = fresh(browser, page)
    finder_page, _ = response_bytes(page, lambda: page.goto(base + "practices/"))
    found = page.evaluate(
        """async qs => { const out = [];
               for (const q of qs) { const f = await window.sgSearch.search(q); out.push(f ? f.results.slice(0, 40).map(r => r.ref) : []); }
               return out; }""",
        [q for _, w, pair in queries for q in (w, pair)])
    page.context.close()
    practices = sum(1 for s in slugs if s)
    hits = [[slugs[r] for r in refs if r < practices][:TOP] for refs in found]
    single = sum(slug in hits[2 * i] for i, (slug, _, _) in enumerate(queries))
    double = sum(slug in hits[2 * i + 1] for i, (slug, _, _) in enumerate(queries))
    return {
        "recall_word": single / len(queries), "recall_pair": double / len(queries),
        "page_view_bytes": view, "page_view_search_requests": leaks,
        "header_first_bytes": header, "first_result_ms": first_ms, "keystroke_ms": sorted(keystrokes)[len(keystrokes) // 2],
        "keystroke_max_ms": max(keystrokes),
        "finder_query_bytes": finder, "finder_page_bytes": finder_page, "queries": queries,
    }


def pagefind(site: Path, browser, base: str, queries: list[tuple[str, str, str]]) -> dict | None:
    """The same practice pages indexed by Pagefind: recall, bytes for a first query, times."""
    try:
        import pagefind  # noqa: F401  (pip install -e '.[bench]')
    except ImportError:
        return None
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "practices/*/index.html",
                    "--root-selector", ".sg-practice", "--output-subdir", "pagefind"], check=True, capture_output=True)
    indexing = time.perf_counter() - started
    page = browser.new_page()
    page.goto(base)
    script = """async ([base, word]) => { const t = performance.now();
                    const pagefind = await import(base + "pagefind/pagefind.js"); await pagefind.init();
                    const found = await pagefind.search(word); if (found.results.length) await found.results[0].data();
                    return performance.now() - t; }"""
    first_bytes, _ = response_bytes(page, lambda: page.evaluate(script, [base, queries[0][1]]))
    first_ms = page.evaluate(script, [base, queries[0][1]])
    found = page.evaluate(
        """async ([base, qs, top]) => { const pagefind = await import(base + "pagefind/pagefind.js"); const out = [], times = [];
               for (const q of qs) { const t = performance.now(); const f = await pagefind.search(q); times.push(performance.now() - t);
                 const data = await Promise.all(f.results.slice(0, top).map(r => r.data())); out.push(data.map(d => d.url)); }
               return [out, times]; }""",
        [base, [q for _, w, pair in queries for q in (w, pair)], TOP])
    page.close()
    urls, times = found
    slug_of = lambda url: url.rstrip("/").split("/")[-2] if url.endswith("index.html") else url.rstrip("/").split("/")[-1]  # noqa: E731
    single = sum(slug in {slug_of(u) for u in urls[2 * i]} for i, (slug, _, _) in enumerate(queries))
    double = sum(slug in {slug_of(u) for u in urls[2 * i + 1]} for i, (slug, _, _) in enumerate(queries))
    total = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    return {"indexing_s": indexing, "recall_word": single / len(queries), "recall_pair": double / len(queries),
            "first_query_bytes": first_bytes, "first_query_ms": first_ms, "query_ms": sorted(times)[len(times) // 2],
            "total_bytes": total}


def measure(site: Path, corpus: Path) -> dict:
    """Ours and Pagefind's, in one Chromium, on the site served on loopback."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from serving import serve
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            found = {"ours": ours(site, corpus, browser, base)}
            found["pagefind"] = pagefind(site, browser, base, found["ours"].pop("queries"))
            browser.close()
    finally:
        server.shutdown()
    return found

"""In Chromium: the policy holds, nothing leaves the site, languages and downloads work."""

from __future__ import annotations

import csv
import io
import json
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.browser

KINDS = [
    "", "practices/mechelen-dag-tegen-discriminatie/", "topics/", "topics/refugees/", "countries/", "countries/be/",
    "years/2021/", "beleidsdomeinen/", "beleidsdomeinen/wonen/", "practices/?q=racisme&country=be", "contribute/",
    "contribute/form/", "accessibility/",
]


@pytest.mark.parametrize("lang", ["", "en/", "fr/"])
def test_no_policy_violation_and_no_request_off_the_site(browser, sample_site, lang):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))")
    for kind in KINDS:
        page.goto(sample_site + lang + kind)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
    # the interactive parts still work under the policy: the header search, the finder, the form
    page.goto(sample_site + lang)
    page.locator("[data-sg-search-open]").click()
    page.locator("#sg-search-q").press_sequentially("racisme")
    page.locator(".sg-search__link").first.wait_for()
    page.goto(sample_site + lang + "practices/?q=racisme")
    page.locator(".sg-finder__results .sg-card").first.wait_for()
    assert problems == []
    assert [u for u in requests if not u.startswith(sample_site)] == []
    context.close()


@pytest.mark.parametrize(("lang", "status"), [("en/", "practices found"), ("fr/", "pratiques trouvées")])
def test_the_finder_works_in_each_language(page, sample_site, lang, status):
    page.goto(sample_site + lang + "practices/?country=be")
    page.locator(".sg-finder__search").wait_for(state="visible")
    page.wait_for_function("s => document.querySelector('.sg-finder__status').innerText.includes(s)", arg=status)
    page.locator("#sg-q").fill("praktijktesten")
    page.wait_for_function("() => location.search.includes('q=praktijktesten')")
    page.wait_for_function("() => document.querySelector('[data-sg-results]').getAttribute('aria-busy') === 'false'")
    page.wait_for_function("() => ((document.querySelector('.sg-finder__results .sg-card__title a') || {}).href || '').endsWith('gent-praktijktesten-huurmarkt/')")


def test_the_language_switcher_keeps_the_page(page, sample_site):
    page.goto(sample_site + "topics/refugees/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="fr"]').click()
    page.wait_for_url("**/fr/topics/refugees/")
    assert page.locator("h1").inner_text() == "Réfugiés"
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_the_finder_downloads_its_result(page, sample_site):
    page.goto(sample_site + "practices/?country=ca&country=fr")
    page.locator(".sg-finder__search").wait_for(state="visible")
    shown = page.locator(".sg-finder__results .sg-card").count()
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="CSV").click()
    reader = csv.DictReader(io.StringIO(open(csv_download.value.path(), encoding="utf-8-sig").read()))
    rows = list(reader)
    assert len(rows) == shown and all({"CA", "FR"} & set(r["countries"].split("; ")) for r in rows)
    # the columns of /practices.csv, in its order, with its values
    whole = next(csv.reader(io.StringIO(urlopen(sample_site + "practices.csv").read().decode("utf-8-sig"))))
    assert reader.fieldnames == [c for c in whole if c in reader.fieldnames]
    assert set(reader.fieldnames) == {"slug", "url", "title", "summary", "language", "year", "countries", "topics", "beleidsdomeinen"}
    with page.expect_download() as json_download:
        page.get_by_role("button", name="JSON").click()
    data = json.loads(open(json_download.value.path(), encoding="utf-8").read())
    assert data["count"] == shown and [r["slug"] for r in data["practices"]] == [r["slug"] for r in rows]
    records = {r["slug"]: r for r in json.loads(urlopen(sample_site + "practices.json").read())["practices"]}
    for row in data["practices"]:  # each value as /practices.json has it (a list, a number, an id)
        assert {k: v for k, v in row.items() if k != "url"} == {k: records[row["slug"]].get(k, []) for k in row if k != "url"}
        assert row["url"].endswith(f"/practices/{row['slug']}/")


def test_a_contact_address_becomes_a_link_for_visitors(page, sample_site):
    page.goto(sample_site + "practices/mechelen-dag-tegen-discriminatie/")
    link = page.locator(".sg-contact a[href^='mailto:']")
    assert link.get_attribute("href") == "mailto:diversiteit@example.be" and link.inner_text() == "diversiteit@example.be"

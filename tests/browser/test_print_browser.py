"""A practice printed (Chromium's print media at A4 width): its first page is not left
blank below the title, headings stay with what follows, and links show where they go."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

A4 = {"width": 794, "height": 1123}  # CSS pixels at 96 dpi


def test_a_practice_prints_without_a_blank_first_page(browser, sample_site):
    page = browser.new_page(viewport=A4)
    page.goto(sample_site + "practices/mechelen-dag-tegen-discriminatie/")  # a photo and a long facts box
    page.emulate_media(media="print")
    # Print media lays the page out as one long page: where Chromium will cut it follows
    # from the break rules. The facts box (taller than what is left of the first page
    # below the title and photo) may break between its rows; its first row is on page one.
    first_row = page.evaluate("document.querySelector('.sg-panel dd').getBoundingClientRect().bottom")
    assert first_row < A4["height"] - 80
    style = "(s, p) => getComputedStyle(document.querySelector(s))[p]"
    assert page.evaluate(f"({style})('.sg-panel', 'breakInside')") != "avoid"
    assert page.evaluate(f"({style})('.sg-panel dl', 'display')") == "block"  # a grid is never cut
    assert page.evaluate(f"({style})('.sg-panel dd', 'breakInside')") == "avoid"
    breaks = page.evaluate("[...document.querySelectorAll('.md-typeset h2')].map(h => getComputedStyle(h).breakAfter)")
    assert breaks and set(breaks) == {"avoid"}
    link = page.locator(".sg-practice a[href^='http']").first  # the practice's website, its source
    shown = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in shown
    page.close()

"""The explorer in headless Chromium at a desktop and a phone width: no page scrolls
sideways, tables sort when a header is clicked, the phone gets the narrow chart."""
from __future__ import annotations

import pytest

from api_support import ARTIFACTS
from test_browser import browser  # noqa: F401  (the module's Chromium fixture)

WIDTHS = (1366, 390)
LAYOUT_PAGES = {"home": "/index", "events": "/events", "events-filtered": "/events?cameo=19,05",
                "dyad": "/dyad?a=USAGOV&b=RUSGOV", "dyad-landing": "/dyad",
                "actor": "/actor/Q900002", "articles": "/articles", "article": "/article/talks",
                "hostile-article": "/article/hostile"}

pytestmark = pytest.mark.slow


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(browser, request):  # noqa: F811
    context = browser.new_context(viewport={"width": request.param, "height": 860})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(f"script error: {exc}"))
    yield pg
    context.close()


@pytest.mark.parametrize("name", sorted(LAYOUT_PAGES))
def test_no_sideways_scroll(sized, live, name):
    assert sized.goto(live.url + LAYOUT_PAGES[name]).status == 200
    width = sized.evaluate("window.innerWidth")
    scroll = sized.evaluate("document.documentElement.scrollWidth")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sized.screenshot(path=str(ARTIFACTS / f"layout-{name}-{width}.png"), full_page=True)
    assert scroll <= width, f"{name} at {width}px is {scroll}px wide"
    assert sized.problems == []


def test_phone_gets_the_narrow_chart_with_readable_labels(sized, live):
    sized.goto(live.url + "/dyad?a=USAGOV&b=RUSGOV")
    phone = sized.evaluate("window.innerWidth") < 640
    shown = "narrow" if phone else "wide"
    svg = sized.locator(f"svg.timeline.{shown}")
    assert svg.is_visible()
    assert not sized.locator(f"svg.timeline.{'wide' if phone else 'narrow'}").is_visible()
    labels = svg.locator("text.period").all_text_contents()
    assert labels and all(len(t) == 7 and t[4] == "-" for t in labels)  # 2023-01
    # on screen, the axis labels are at least 9 px tall (the drawing is not shrunk away)
    height = svg.locator("text.period").first.evaluate("el => el.getBoundingClientRect().height")
    assert height >= 9


def test_clicking_a_header_sorts_the_table(sized, live):
    sized.goto(live.url + "/dyad?a=USAGOV&b=RUSGOV")
    table = sized.locator("#dyad-periods")

    def column(i):
        return [float(t) for t in table.locator(f"tbody tr td:nth-child({i})").all_inner_texts()]

    assert column(2) == [1.0] * 6
    table.locator("th", has_text="mean").locator("button").click()
    ascending = column(8)
    assert ascending == sorted(ascending) and ascending[0] < 0
    table.locator("th", has_text="mean").locator("button").click()
    assert column(8) == sorted(ascending, reverse=True)


def test_events_header_links_sort_on_the_server(sized, live):
    sized.goto(live.url + "/events")
    sized.locator("table.events th a.sort", has_text="Goldstein").click()
    sized.wait_for_url("**sort=goldstein**")
    values = [float(t.split()[-1]) for t in sized.locator("table.events tbody td:nth-child(5)")
              .all_inner_texts()]
    assert values == sorted(values) and len(values) > 3
    sized.locator("table.events th a.sort", has_text="Goldstein").click()
    sized.wait_for_url("**sort=-goldstein**")
    again = [float(t.split()[-1]) for t in sized.locator("table.events tbody td:nth-child(5)")
             .all_inner_texts()]
    assert again == sorted(values, reverse=True)

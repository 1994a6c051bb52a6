"""The explorer in headless Chromium: every page loads cleanly, links lead from an event
to its article, the article's highlights react, and hostile text never runs.

Screenshots go to tests/artifacts/ (not committed)."""
from __future__ import annotations

from pathlib import Path

import pytest
from api_support import ARTIFACTS

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
PAGES = {"overview": "/index", "events": "/events?quad_class=3", "event-search-empty": "/events?text=zebra",
         "actors": "/actors", "actor": "/actor/Q900002", "dyad": "/dyad?a=USAGOV&b=RUSGOV",
         "dyad-form": "/dyad", "network": "/network", "map": "/map", "quotes": "/quotes",
         "articles": "/articles", "article": "/article/talks", "hostile-article": "/article/hostile",
         "not-found": "/event/none"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install the Debian 'chromium' package")
    sync_api = pytest.importorskip("playwright.sync_api", reason="python package playwright missing")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(f"script error: {exc}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"api-{name}.png"), full_page=True)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_loads_cleanly(page, live, name):
    response = page.goto(live.url + PAGES[name])
    assert response.status == (404 if name == "not-found" else 200)
    assert page.locator("header.top .brand").inner_text() == "dyads"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, name)
    expected_404 = [p for p in page.problems if "404" in p]
    assert [p for p in page.problems if p not in expected_404] == []


def test_click_from_event_to_article(page, live):
    page.goto(live.url + "/events?cameo=190")
    page.locator("a.event").first.click()
    page.wait_for_url("**/event/**")
    assert "rebels" in page.locator("h1").inner_text()
    page.locator("a.doc", has_text="talks").click()
    page.wait_for_url("**/article/talks")
    trigger = page.locator(".hl.k-trigger", has_text="attacked")
    assert trigger.count() == 1
    page.locator("#e2").hover()  # the shipped script links the list and the text
    assert "active" in trigger.get_attribute("class")
    assert "active" not in page.locator(".hl.k-trigger", has_text="met").get_attribute("class")
    shot(page, "article-e2-active")


def test_article_markup_is_shown_as_text_and_never_runs(page, live):
    page.goto(live.url + "/article/hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # only the shipped script exists; the article's <script> and <img> are plain text
    assert page.evaluate("[...document.scripts].map(s => new URL(s.src).pathname)") == [
        "/static/explorer.js"]
    assert page.locator("main img").count() == 0
    assert page.locator("main b").count() == 0
    assert "<script>window.__pwned = 1;</script>" in page.locator("#article-body").inner_text()
    assert "<b>Mallory</b>" in page.locator(".event-list").inner_text()
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.locator("a[href^='javascript:']").count() == 0


def test_charts_have_legends_and_shapes(page, live):
    page.goto(live.url + "/dyad?a=USAGOV&b=RUSGOV")
    assert page.locator("svg.timeline.wide rect.bar.coop").count() == 3
    assert page.locator("svg.timeline.wide rect.bar.conflict").count() == 3
    assert "mean Goldstein" in page.locator("figure.chart .legend").inner_text()
    page.goto(live.url + "/map")
    assert page.locator("svg circle.place").count() == 3
    assert page.locator("svg path.land").get_attribute("d").startswith("M")
    page.goto(live.url + "/network")
    assert page.locator("svg line.edge").count() == 3

"""The web page in a real headless Chromium (Debian's), driven by Playwright, against `marsad serve`
running on loopback over a database of our example articles and one hostile article."""

import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from marsad.ingest.runner import ingest
from marsad.store import open_store
from marsad.store.reviews import create_token

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/chromium.sh)"),
              pytest.mark.skipif(not (ROOT / "node_modules" / "leaflet").is_dir(), reason="npm ci has not run")]
HOSTILE = ('قصفت طائرات التحالف مواقع في مدينة صعدة أمس <img src=x onerror="window.__xss=1"> '
           '<script>window.__xss=2</script> وقتل خمسة مسلحين.')


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer):
    import uvicorn

    from marsad.web.app import Settings, create_app

    folder = tmp_path_factory.mktemp("web")
    db = str(folder / "db.sqlite")
    store = open_store(db)
    for name, day in (("aden_2015.txt", "2015-07-21"), ("khartoum_2023.txt", "2023-04-17"),
                      ("gaza_2024.txt", "2024-02-20")):
        ingest([str(ROOT / "examples" / name)], store, gazetteer, progress=False, published=date.fromisoformat(day))
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    ingest([str(folder / "hostile.txt")], store, gazetteer, progress=False, published=date(2016, 3, 8))
    token = create_token(store, "analyst")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db, vendor=ROOT / "node_modules"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", token
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.errors = errors
    yield page
    page.close()


def test_page_loads_map_timeline_and_table(page, server):
    url, _ = server
    page.goto(url)
    page.wait_for_selector("#events tbody tr")
    assert page.locator("#events tbody tr").count() >= 5
    assert page.locator("#timeline rect").count() >= 1
    assert page.locator(".leaflet-marker-icon").count() >= 1
    assert page.locator(".leaflet-overlay-pane path").count() > 50          # the offline country basemap
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.errors == []


def test_filters_update_table_and_url(page, server):
    url, _ = server
    page.goto(url)
    page.wait_for_selector("#events tbody tr")
    page.fill("input[name=country]", "SD")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**country=SD**")
    page.wait_for_timeout(300)
    dates = page.locator("#events tbody tr td:first-child").all_text_contents()
    assert dates and all(d.startswith("2023") for d in dates)          # only the Khartoum article's events
    shared = page.url
    page.goto(shared)                                                   # a shared view opens the same
    page.wait_for_selector("#events tbody tr")
    assert page.input_value("input[name=country]") == "SD"


def test_open_event_highlights_evidence_and_review_is_reflected(page, server):
    url, token = server
    page.goto(url + "?country=SD")
    page.wait_for_selector("#events tbody tr")
    page.locator("#events tbody tr").first.click()
    mark = page.wait_for_selector("#article mark.current")
    assert mark.is_visible() and len(mark.text_content()) > 10
    assert page.locator("#article span.ann-place").count() >= 1
    page.fill("#token", token)
    page.fill("#fix-fatalities", "97")
    page.select_option("#fix-type", "Violence against civilians|Attack")
    page.click("#review button[data-action=correct]")
    page.wait_for_selector("#review-status:has-text('corrected')")   # the page's CSP forbids eval
    row = page.locator("#events tbody tr.selected").text_content()
    assert "97" in row and "Attack" in row


def test_article_text_with_markup_is_shown_as_text(page, server):
    url, _ = server
    page.goto(url + "?since=2016-03-01&until=2016-03-31")
    page.wait_for_selector("#events tbody tr")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#article mark")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#article img, #article script").count() == 0
    assert '<img src=x onerror="window.__xss=1">' in page.locator("#article").text_content()
    assert page.errors == []


def test_language_switch_to_english(page, server):
    url, _ = server
    page.goto(url)
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#filters button[type=submit]").text_content() == "Apply"
    assert "lang=en" in page.url

"""`marsad monitor` against a feed and article pages served on loopback."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.ingest.monitor import parse_interval

ARTICLE = ("<html><head><meta property='article:published_time' content='2016-03-08'></head><body>"
           "<nav>الرئيسية | رياضة</nav><article><p>شنت طائرات التحالف غارات على مدينة صعدة صباح اليوم "
           "ما أدى إلى مقتل ستة مسلحين من جماعة الحوثي.</p></article><div>شارك</div></body></html>")


class Site(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 — the handler's API
        Site.hits.append(self.path)
        if self.path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>موقع</title>"
                    f"<item><title>غارات</title><link>{base}/a1</link><description>ملخص</description>"
                    f"<pubDate>Tue, 08 Mar 2016 09:00:00 GMT</pubDate></item>"
                    f"<item><title>مفقود</title><link>{base}/missing</link><description>قصفت الطائرات مدينة مأرب"
                    f"</description></item></channel></rss>").encode()
            ctype = "application/rss+xml"
        elif self.path == "/a1":
            body, ctype = ARTICLE.encode(), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_monitor_fetches_new_pages_once(site, tmp_path, gazetteer):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# one feed\n{site}/feed.xml\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    first = runner.invoke(main, ["monitor", str(feeds), "--once", "--db", db], catch_exceptions=False)
    assert "2 new entries, 2 stored" in first.stderr
    assert "/a1" in Site.hits
    events = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout
    assert "Saada" in events or "صعدة" in events
    again = runner.invoke(main, ["monitor", str(feeds), "--once", "--db", db], catch_exceptions=False)
    assert "0 new entries" in again.stderr


def test_unreachable_feed_is_logged_and_the_round_goes_on(tmp_path, gazetteer):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/nothing.xml\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["monitor", str(feeds), "--once", "--db", str(tmp_path / "db.sqlite")])
    assert res.exit_code == 0 and "not read" in res.stderr


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200), ("45", 45)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


def test_ingest_takes_a_feed_url_and_a_page_url(site, tmp_path):
    db = str(tmp_path / "db.sqlite")
    res = CliRunner().invoke(main, ["ingest", f"{site}/feed.xml", f"{site}/a1", f"{site}/gone", "--db", db],
                             catch_exceptions=False)
    assert "new 3" in res.stderr and "failed 1" in res.stderr     # two feed entries and the page; /gone is 404

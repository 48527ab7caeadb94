"""`marsad ingest` into SQLite: sources, failures, idempotence, near-duplicates, incidents, crashes."""

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.ingest.runner import ingest
from marsad.store import open_store
from marsad.store.queries import Filters, events
from marsad.store.schema import MIGRATIONS

STORY = ("قصفت طائرات التحالف مواقع لجماعة الحوثي في مدينة صعدة أمس، ما أدى إلى مقتل خمسة مسلحين. "
         "وقالت مصادر محلية إن اشتباكات عنيفة اندلعت في مدينة تعز بين المقاومة الشعبية والحوثيين.")
OTHER = "أعلنت قوات سوريا الديمقراطية أنها سيطرت أمس على بلدة الشدادي بريف الحسكة بعد معارك مع تنظيم داعش."
LONG_TAIL = ("وأوضح المتحدث أن الفرق الهندسية بدأت إزالة الألغام من الطرق الرئيسية المؤدية إلى المدينة، فيما عاد "
             "عدد من السكان إلى منازلهم في الأحياء الشمالية بعد أسابيع من النزوح. وأشار إلى أن المستشفى الميداني "
             "استقبل عشرات الجرحى خلال الأيام الثلاثة الماضية، وأن فرق الإغاثة وزعت سلالا غذائية على الأسر العائدة. "
             "ودعت منظمات محلية إلى فتح ممرات آمنة لإيصال المساعدات إلى القرى المحاصرة في الريف الغربي، محذرة من "
             "نقص حاد في الأدوية والوقود مع اقتراب فصل الشتاء وتزايد أعداد النازحين في المخيمات القريبة.")
FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة تجريبية</title>
<item><title>غارات</title><link>http://example.invalid/1</link><pubDate>Tue, 08 Mar 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;شنت طائرات التحالف غارات على مدينة مأرب صباح اليوم.&lt;/p&gt;</description></item>
<item><title>بلا نص</title><link>http://example.invalid/2</link></item></channel></rss>"""


def _jsonl_gz(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "sub" / "b.html").write_text(f"<html><body><nav>الرئيسية</nav><article><p>{OTHER}</p></article>"
                                           "</body></html>", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    _jsonl_gz(folder / "wire.jsonl.gz", [
        {"content": STORY + " وأكدت المصادر ذلك.", "source": "agency", "date_extracted": "2016-03-08 10:00:00"},
        "{broken json",
        {"headline": "بلا نص"},
    ])
    (folder / "feed.xml").write_text(FEED, encoding="utf-8")
    with zipfile.ZipFile(folder / "bundle.zip", "w") as zf:
        zf.writestr("inner/c.txt", OTHER.replace("أمس", "اليوم"))
    return folder


def test_ingest_reads_every_kind_of_source_and_records_failures(corpus, db_url, gazetteer):
    store = open_store(db_url)
    summary = ingest([str(corpus)], store, gazetteer, progress=False)
    assert summary.new == 5                          # a.txt, b.html, the wire story, the feed item, the zip member
    assert summary.failed == 4                       # empty file, broken line, row without text, entry without text
    reasons = {r["source"]: r["reason"] for r in store.query("SELECT * FROM failures")}
    assert any(s.endswith("empty.txt") and "empty" in r for s, r in reasons.items())
    assert any(s.endswith("wire.jsonl.gz:2") and "broken JSON" in r for s, r in reasons.items())
    assert not any("picture.png" in s for s in reasons), "non-article files in a folder are passed over"
    assert store.integrity_ok()


def test_a_rerun_adds_nothing(corpus, db_url, gazetteer):
    store = open_store(db_url)
    ingest([str(corpus)], store, gazetteer, progress=False)
    before = store.counts()
    again = ingest([str(corpus)], store, gazetteer, progress=False)
    assert again.new == 0 and store.counts() == before


def test_syndicated_copy_is_a_near_duplicate_and_not_a_second_source(tmp_path, db_url, gazetteer):
    store = open_store(db_url)
    long_story = " ".join([STORY, OTHER, LONG_TAIL])
    rows = [{"text": long_story, "outlet": "A", "published": "2016-03-08"},
            {"text": long_story.replace("أمس،", "أمس الأول،", 1), "outlet": "B", "published": "2016-03-08"}]
    summary = ingest([str(_jsonl_gz(tmp_path / "w.jsonl.gz", rows))], store, gazetteer, progress=False)
    assert (summary.new, summary.near_duplicate) == (2, 1)
    assert max(r["sources"] for r in store.query("SELECT sources FROM incidents")) == 1


def test_independent_reports_of_one_incident_are_linked(tmp_path, db_url, gazetteer):
    store = open_store(db_url)
    rows = [{"text": "شنت طائرات التحالف غارات على مدينة صعدة أمس ما أدى إلى مقتل سبعة مسلحين.",
             "outlet": "A", "published": "2016-03-08"},
            {"text": "قالت مصادر محلية إن غارات جوية للتحالف استهدفت مواقع في صعدة يوم الاثنين وقتل فيها أربعة.",
             "outlet": "B", "published": "2016-03-08"}]
    ingest([str(_jsonl_gz(tmp_path / "w.jsonl.gz", rows))], store, gazetteer, progress=False)
    (incident,) = store.query("SELECT * FROM incidents WHERE event_type = 'Explosions/Remote violence'")
    assert (incident["reports"], incident["sources"], incident["fatalities"]) == (2, 2, 4)   # lowest toll


def test_filters_treat_quotes_and_wildcards_as_plain_values(corpus, db_url, gazetteer):
    store = open_store(db_url)
    ingest([str(corpus)], store, gazetteer, progress=False)
    assert events(store, Filters(actor="%")) == []
    assert events(store, Filters(text="' OR 1=1 --")) == []
    assert events(store, Filters(country="YE"))
    assert all(e["country_code"] == "YE" for e in events(store, Filters(country="YE")))
    saada = events(store, Filters(near=(16.94, 43.76, 30)))
    assert saada and all(e["location"] in ("Saada", "Sa'dah") or abs(e["lat"] - 16.94) < 0.3 for e in saada)


def test_older_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO documents (doc_id, text) VALUES ('d1', 'نص')")
    db.commit()
    db.close()
    store = open_store(str(path))
    assert store.version == len(MIGRATIONS)  # type: ignore[attr-defined]
    assert store.counts()["documents"] == 1 and store.counts()["incidents"] == 0


def test_read_only_database_gives_a_clear_error(tmp_path, corpus, gazetteer):
    if os.geteuid() == 0:
        pytest.skip("root writes through read-only permissions")
    path = tmp_path / "ro.sqlite"
    open_store(str(path)).close()
    path.chmod(0o444)
    res = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(path)])
    assert res.exit_code == 1 and "Error:" in res.stderr


def test_cli_ingest_and_query(corpus, tmp_path):
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--published", "2016-03-08"])
    assert res.exit_code == 0 and "new 5" in res.stderr
    out = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert out and all(json.loads(line)["summary"].startswith("On ") for line in out)
    assert "empty.txt" in runner.invoke(main, ["failures", "--db", db]).stdout


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_database(tmp_path, shared):
    """kill -9 at random moments, re-run, compare with an uninterrupted run."""
    rows = []
    with gzip.open(shared / "data" / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz", "rt") as fh:
        for _ in range(400):
            rows.append(fh.readline())
    source = tmp_path / "slice.jsonl.gz"
    with gzip.open(source, "wt") as fh:
        fh.writelines(rows)
    env = {**os.environ, "MARSAD_INGEST_BATCH": "20"}
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(source), "--quiet", "--db"]

    def snapshot(db):
        if not os.path.exists(db):           # killed before it made the file: nothing to check yet
            return [], [], "ok"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)      # never create it here
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            con.close()                      # killed before its first migration committed: empty, not broken
            return [], [], ok
        docs = con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
        evs = con.execute("SELECT event_id, incident_id FROM events ORDER BY event_id").fetchall()
        con.close()
        return docs, evs, ok

    clean = str(tmp_path / "clean.sqlite")
    subprocess.run([*cmd, clean], env=env, check=True, capture_output=True)
    crashed = str(tmp_path / "crashed.sqlite")
    rnd = random.Random(20)
    for _ in range(20):                      # 20 kills at random moments, start-up and writing included
        proc = subprocess.Popen([*cmd, crashed], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.3, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(crashed)[2] == "ok"
    subprocess.run([*cmd, crashed], env=env, check=True, capture_output=True)
    assert snapshot(crashed) == snapshot(clean)


def test_exports_write_acled_csv_plover_and_geojson(corpus, tmp_path):
    import csv as csvlib

    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(corpus), "--db", db, "--published", "2016-03-08"], catch_exceptions=False)
    for kind, name in (("acled-csv", "e.csv"), ("plover-jsonl", "e.jsonl"), ("geojson", "e.geojson")):
        res = runner.invoke(main, ["export", "--as", kind, "--db", db, "-o", str(tmp_path / name)])
        assert res.exit_code == 0, res.output
    rows = list(csvlib.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert rows and {"event_date", "event_type", "actor1", "latitude", "notes", "fatalities"} <= set(rows[0])
    plover = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(p["citation"]["text"] and p["event_type"] in {"FIGHT", "ASSAULT", "PROTEST", "AGREE", "COERCE",
                                                              "MOBILIZE", "RETREAT", "OTHER"} for p in plover)
    geo = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    res = runner.invoke(main, ["export", "--as", "parquet", "--db", db, "-o", str(tmp_path / "e.parquet")])
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "e.parquet")
    assert res.exit_code == 0 and table.num_rows == len(rows) and "evidence" in table.column_names


def _warc(path, pages):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for uri, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(html.encode()),
                                                          http_headers=headers))
    return path


def test_warc_archives_are_read_and_a_truncated_one_keeps_what_came_before(tmp_path, gazetteer):
    page = "<html><head><title>خبر</title></head><body><article><p>{}</p></article></body></html>"
    pages = [("http://example.invalid/a", page.format(STORY)), ("http://example.invalid/b", page.format(OTHER))]
    whole = _warc(tmp_path / "crawl.warc.gz", pages)
    store = open_store(str(tmp_path / "db.sqlite"))
    summary = ingest([str(whole)], store, gazetteer, progress=False, published=None)
    assert (summary.new, summary.failed) == (2, 0)
    assert {r["url"] for r in store.query("SELECT url FROM documents")} == {p[0] for p in pages}
    plain = _warc(tmp_path / "crawl.warc", pages)
    data = plain.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.rindex(b"WARC/1.") + 40])          # the second record ends mid-header
    store2 = open_store(str(tmp_path / "db2.sqlite"))
    summary2 = ingest([str(cut)], store2, gazetteer, progress=False)
    assert summary2.new == 1 and summary2.failed == 1
    assert "truncated" in store2.query("SELECT reason FROM failures")[0]["reason"]


def test_show_lists_an_incidents_reports_and_their_disagreement(tmp_path, db_url):
    rows = [{"text": "شنت طائرات التحالف غارات على مدينة صعدة أمس ما أدى إلى مقتل سبعة مسلحين.",
             "outlet": "A", "published": "2016-03-08"},
            {"text": "قالت مصادر محلية إن غارات جوية للتحالف استهدفت مواقع في صعدة يوم الاثنين وقتل فيها أربعة.",
             "outlet": "B", "published": "2016-03-08"}]
    db = db_url
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(_jsonl_gz(tmp_path / "w.jsonl.gz", rows)), "--db", db], catch_exceptions=False)
    (inc,) = [i for i in json.loads(runner.invoke(main, ["incidents", "--db", db, "--format", "json"]).stdout)
              if i["reports"] == 2]
    shown = runner.invoke(main, ["show", inc["incident_id"], "--db", db]).stdout
    assert "reports disagree on fatalities: " in shown and "7" in shown and "4" in shown
    missing = runner.invoke(main, ["show", "nope", "--db", db])
    assert missing.exit_code == 1 and "no event or incident" in missing.stderr


def test_parquet_files_are_a_source_too(tmp_path, gazetteer):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"content": [STORY, OTHER, None], "source": ["A", "B", "C"],
                             "date_extracted": ["2016-03-08 10:00:00"] * 3}), path)
    store = open_store(str(tmp_path / "db.sqlite"))
    summary = ingest([str(path)], store, gazetteer, progress=False)
    assert (summary.new, summary.failed) == (2, 1)
    assert {r["outlet"] for r in store.query("SELECT outlet FROM documents")} == {"A", "B"}


def test_object_storage_paths_through_fsspec(tmp_path, gazetteer):
    """fsspec's in-memory file system stands where s3:// or gs:// would (their packages are the same
    interface); a missing protocol package gets a clear reason."""
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/bucket/news/a.txt", STORY.encode())
    fs.pipe("/bucket/news/b.jsonl", (json.dumps({"text": OTHER}, ensure_ascii=False) + "\n").encode())
    store = open_store(str(tmp_path / "db.sqlite"))
    summary = ingest(["memory://bucket/news", "nosuchproto://x/y"], store, gazetteer, progress=False)
    assert summary.new == 2 and summary.failed == 1
    (reason,) = [r["reason"] for r in store.query("SELECT reason FROM failures")]
    assert "install" in reason

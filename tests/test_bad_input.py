"""A corpus of bad inputs we build here: each gets a clear result (extracted, or a one-line error naming
the file and the cause), and a batch over all of them goes on to the end."""

import time

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.ingest.runner import ingest
from marsad.io.readers import decode
from marsad.model import Document
from marsad.pipeline import run
from marsad.store import open_store

ARABIC = "قصفت طائرات التحالف مواقع في مدينة صعدة أمس، ما أدى إلى مقتل خمسة مسلحين من جماعة الحوثي."


def corpus(folder):
    files = {
        "empty.txt": b"",
        "spaces.txt": b"  \n\t \n",
        "binary.txt": bytes(range(256)) * 20,
        "invalid-utf8.txt": ARABIC.encode() + b"\xff\xfe\xfa" + b"\xc3\x28",
        "utf16-bom.txt": ARABIC.encode("utf-16"),
        "utf16le-nobom.txt": ARABIC.encode("utf-16-le"),
        "utf16be-nobom.txt": ARABIC.encode("utf-16-be"),
        "cp1256.txt": ARABIC.encode("cp1256"),
        "iso8859-6.txt": ARABIC.replace("،", ",").encode("iso8859_6"),
        "mixed.txt": ("BREAKING 🚨 " + ARABIC + " #Yemen 🇾🇪 https://example.invalid/x?q=1").encode(),
        "no-arabic.txt": b"The coalition struck positions in Saada yesterday, killing five.",
        "malformed.html": b"<html><body><div><p>" + ARABIC.encode() + b"<p><div></span></table>",
        "script-only.html": b"<html><head><script>" + b"var x=1;" * 500 + b"</script></head><body></body></html>",
        "rows.jsonl": b'{"text": "' + ARABIC.encode() + b'"}\n{"text": \n[1,2]\n{"body": 5}\n',
        "feed.xml": b"<?xml version='1.0'?><rss><channel><item><title>t</title></item></channel></rss>",
        "broken.xml": b"<rss><channel><item><description>" + ARABIC.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


@pytest.mark.parametrize("name", ["utf16-bom.txt", "utf16le-nobom.txt", "utf16be-nobom.txt", "cp1256.txt",
                                  "iso8859-6.txt", "invalid-utf8.txt"])
def test_arabic_in_any_encoding_is_decoded(tmp_path, name):
    corpus(tmp_path)
    text = decode((tmp_path / name).read_bytes(), name) if name != "invalid-utf8.txt" else None
    if text is not None:
        assert "طائرات التحالف" in text


@pytest.mark.parametrize(("name", "cause"), [
    ("empty.txt", "empty"), ("spaces.txt", "empty"), ("binary.txt", "binary"),
    ("script-only.html", "no article text"),
])
def test_unreadable_files_get_a_one_line_error_naming_them(tmp_path, name, cause):
    corpus(tmp_path)
    res = CliRunner().invoke(main, ["extract", str(tmp_path / name)])
    lines = res.stderr.strip().splitlines()
    assert res.exit_code == 1 and len(lines) == 1 and name in lines[0] and cause in lines[0]


def test_text_without_arabic_says_so(tmp_path):
    corpus(tmp_path)
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "no-arabic.txt"), "--published", "2016-03-08"])
    assert res.exit_code == 0 and "hardly any Arabic" in res.stderr


def test_a_batch_of_bad_inputs_goes_on_and_records_each(tmp_path, gazetteer):
    corpus(tmp_path)
    store = open_store(str(tmp_path / "db.sqlite"))
    summary = ingest([str(tmp_path)], store, gazetteer, progress=False)
    reasons = {r["source"].split("/")[-1]: r["reason"] for r in store.query("SELECT * FROM failures")}
    for bad in ("empty.txt", "spaces.txt", "binary.txt", "no-arabic.txt", "script-only.html", "rows.jsonl:2",
                "rows.jsonl:3", "rows.jsonl:4"):
        assert bad in reasons, bad
    for good in ("utf16-bom.txt", "utf16le-nobom.txt", "cp1256.txt", "iso8859-6.txt", "mixed.txt",
                 "malformed.html", "rows.jsonl:1"):
        assert good not in reasons, good          # read and extracted (stored, or the same text seen before)
    assert summary.new >= 2 and summary.duplicate >= 1
    assert summary.read == summary.new + summary.duplicate + summary.failed
    assert all("\n" not in r for r in reasons.values())


@pytest.mark.parametrize("size", [20_000, 200_000])
def test_run_time_grows_linearly_with_input(gazetteer, size):
    """Ten times the text may take ten times as long, not a hundred (no pathological pattern)."""
    chunk = ARABIC + " " + "ـ" * 50 + " ((((((" + "ال" * 30 + "\n"
    timings = []
    for n in (size, size * 10):
        text = (chunk * (n // len(chunk) + 1))[:n]
        started = time.perf_counter()
        run(Document(text=text), gazetteer)
        timings.append(time.perf_counter() - started)
    assert timings[1] < 30 * max(timings[0], 0.01)

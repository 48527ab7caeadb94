"""A full disk and a read-only database, for real: a small tmpfs mounted for the test (root, as in CI),
filled by `marsad ingest`, then enlarged or remounted read-only."""

import os
import sqlite3
import subprocess
import uuid

import pytest
from click.testing import CliRunner

from marsad.cli import main

PLACES = ["حلب", "إدلب", "الرقة", "الموصل", "تعز", "عدن", "الفاشر", "مقديشو", "سرت", "درنة"]
# A long paragraph of our own so that each article takes real space on the small disk.
FILLER = "وقال سكان من الحي إن عائلات كثيرة غادرت منازلها نحو القرى القريبة بعد أن تضررت البيوت والمحال. " * 50


@pytest.fixture()
def small_disk(tmp_path):
    """A 3 MB tmpfs at tmp_path/disk, unmounted afterwards."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", f"marsad-{uuid.uuid4().hex[:6]}",
                           str(mount_point)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()}): run the tests as root, as CI does")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _remount(mount_point, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount_point)], check=True)


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(300):
        place = PLACES[i % len(PLACES)]
        (folder / f"a{i:03d}.txt").write_text(
            f"قصفت طائرات حربية مواقع في مدينة {place} أمس وقتل {i % 9 + 2} أشخاص في الغارة رقم {i}.\n{FILLER}\n",
            encoding="utf-8")
    return folder


def _counts(db) -> tuple[str, int, int]:
    with sqlite3.connect(db) as con:
        return (con.execute("PRAGMA integrity_check").fetchone()[0],
                con.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
                con.execute("SELECT COUNT(DISTINCT doc_id) FROM documents").fetchone()[0])


def test_full_disk_is_a_clear_error_and_keeps_earlier_batches(small_disk, articles):
    db = str(small_disk / "events.sqlite")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(articles), "--db", db, "--published", "2020-01-05", "--quiet"])
    assert res.exit_code == 1
    error = res.stderr.strip().splitlines()[-1]
    assert error.startswith("Error: ") and db in error and "disk" in error and "earlier batches are kept" in error
    integrity, stored, distinct = _counts(db)
    assert integrity == "ok" and 0 < stored < 300 and stored == distinct
    assert stored % 20 == 0                       # whole batches only: no half-stored batch
    _remount(small_disk, "size=32m")              # space freed: the re-run completes, nothing twice
    res = runner.invoke(main, ["ingest", str(articles), "--db", db, "--published", "2020-01-05", "--quiet"])
    assert res.exit_code == 0, res.stderr
    assert _counts(db) == ("ok", 300, 300)


def test_read_only_database_is_read_but_not_written(small_disk, articles, tmp_path):
    _remount(small_disk, "size=32m")
    db = str(small_disk / "events.sqlite")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(articles), "--db", db, "--published", "2020-01-05",
                                "--quiet"]).exit_code == 0
    _remount(small_disk, "ro")
    assert not os.access(db, os.W_OK)
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--limit", "5"])
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 5
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text("اشتباكات عنيفة في مدينة حلب اليوم بين فصائل مسلحة.", encoding="utf-8")
    res = runner.invoke(main, ["ingest", str(more), "--db", db])
    assert res.exit_code == 1 and "read-only" in res.stderr and db in res.stderr
    assert len(res.stderr.strip().splitlines()[-1]) < 300

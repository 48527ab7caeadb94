"""`marsad batch` on a Dask LocalCluster with two workers, and `marsad load` giving the database that
`marsad ingest` gives for the same inputs."""

import gzip
import sqlite3

import pytest
from click.testing import CliRunner

from marsad.batch.partition import done_marker
from marsad.batch.run import run_batch
from marsad.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_slice(shared, tmp_path_factory):
    path = tmp_path_factory.mktemp("slice") / "slice.jsonl.gz"
    with gzip.open(shared / "data" / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz", "rt") as src, \
            gzip.open(path, "wt") as dst:
        for _ in range(2000):
            dst.write(src.readline())
        dst.write("{broken line\n")
    return path


def _snapshot(db):
    con = sqlite3.connect(db)
    out = tuple(con.execute(q).fetchall() for q in (
        "SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id",
        "SELECT event_id, incident_id, summary FROM events ORDER BY event_id",
        "SELECT * FROM incidents ORDER BY incident_id",
        "SELECT source, reason FROM failures ORDER BY source"))
    con.close()
    return out


def test_batch_then_load_equals_ingest(corpus_slice, tmp_path):
    runner = CliRunner()
    out = tmp_path / "run"
    res = runner.invoke(main, ["batch", str(corpus_slice), "--out", str(out), "--workers", "2",
                               "--partition-size", "250"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert len(list((out / "_done").glob("*.json"))) == 9
    assert list((out / "documents").glob("month=2015-07/*.parquet"))
    runner.invoke(main, ["load", str(out), "--db", str(tmp_path / "loaded.sqlite")], catch_exceptions=False)
    runner.invoke(main, ["ingest", str(corpus_slice), "--db", str(tmp_path / "ingested.sqlite")],
                  catch_exceptions=False)
    loaded, ingested = _snapshot(tmp_path / "loaded.sqlite"), _snapshot(tmp_path / "ingested.sqlite")
    assert len(loaded[0]) > 1800 and len(loaded[1]) > 500
    assert loaded == ingested


def test_failed_partition_is_reported_and_redone_on_rerun(corpus_slice, tmp_path):
    out = tmp_path / "run"
    blockers = [out / "documents" / f"month={m}" / "part-000002.parquet" for m in ("2015-07", "2015-08", "failed")]
    for b in blockers:
        b.mkdir(parents=True)                         # partition 2 cannot write its files: it fails
    summary = run_batch([str(corpus_slice)], out, workers=2, size=500)
    assert summary.done == 4 and len(summary.failed_partitions) == 1
    for b in blockers:
        b.rmdir()
    again = run_batch([str(corpus_slice)], out, workers=2, size=500)
    assert (again.skipped, again.done, again.failed_partitions) == (4, 1, [])
    assert done_marker(out, 2).exists()


def test_killed_batch_resumes_to_the_same_output(corpus_slice, tmp_path):
    """kill -9 of the whole batch (client and local workers) at random moments, then a re-run: the
    loaded database equals the one from an uninterrupted run."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    cmd = [sys.executable, "-m", "marsad.cli", "batch", str(corpus_slice), "--workers", "2",
           "--partition-size", "250", "--out"]
    rnd = random.Random(5)
    crashed = tmp_path / "crashed"
    for _ in range(20):                  # 20 kills at random moments: cluster start-up, partitions, writing
        proc = subprocess.Popen([*cmd, str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rnd.uniform(1.0, 6.0))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    subprocess.run([*cmd, str(crashed)], check=True, capture_output=True)
    clean = tmp_path / "clean"
    subprocess.run([*cmd, str(clean)], check=True, capture_output=True)
    runner = CliRunner()
    for run_dir in (crashed, clean):
        runner.invoke(main, ["load", str(run_dir), "--db", str(run_dir) + ".sqlite"], catch_exceptions=False)
    assert _snapshot(str(crashed) + ".sqlite") == _snapshot(str(clean) + ".sqlite")

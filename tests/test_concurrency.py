"""`marsad serve` and `marsad ingest` at once on one SQLite database: no "database is locked" reaches
anyone."""

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_reads_during_an_ingest_never_fail(tmp_path, gazetteer):
    import uvicorn

    from marsad.store import open_store
    from marsad.web.app import Settings, create_app

    db = str(tmp_path / "db.sqlite")
    open_store(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db)), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    writer = subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(ROOT / "examples"), "--db", db,
                               "--published", "2020-01-01", "--quiet"], env={**os.environ, "MARSAD_INGEST_BATCH": "1"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    statuses = []
    with httpx.Client(timeout=30) as client:
        while writer.poll() is None or len(statuses) < 50:
            res = client.get(f"http://127.0.0.1:{port}/api/events", params={"limit": 50})
            statuses.append(res.status_code)
            if len(statuses) > 2000:
                break
    out, err = writer.communicate()
    server.should_exit = True
    assert writer.returncode == 0 and "locked" not in err
    assert set(statuses) == {200}

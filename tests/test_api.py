"""The REST API over a database of our example articles, in-process (the real app, the real store)."""

import pytest
from fastapi.testclient import TestClient

from conftest import ROOT
from marsad.ingest.runner import ingest
from marsad.store import open_store
from marsad.store.reviews import create_token
from marsad.web.app import Settings, create_app

EXAMPLES = {"aden_2015.txt": "2015-07-21", "deir_ezzor_2017.txt": "2017-10-12", "baghdad_2019.txt": "2019-10-03",
            "khartoum_2023.txt": "2023-04-17", "gaza_2024.txt": "2024-02-20"}


@pytest.fixture(scope="module")
def db(tmp_path_factory, gazetteer):
    from datetime import date

    path = str(tmp_path_factory.mktemp("api") / "db.sqlite")
    store = open_store(path)
    for name, day in EXAMPLES.items():
        ingest([str(ROOT / "examples" / name)], store, gazetteer, progress=False, published=date.fromisoformat(day))
    return path


@pytest.fixture(scope="module")
def token(db):
    return create_token(open_store(db), "analyst")


@pytest.fixture(scope="module")
def api(db):
    return TestClient(create_app(Settings(db)))


def test_events_page_through_with_a_cursor(api):
    first = api.get("/api/events", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    second = api.get("/api/events", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    everything = api.get("/api/events", params={"limit": 500}).json()["items"]
    assert [e["event_id"] for e in everything[:6]] == [e["event_id"] for e in first["items"] + second["items"]]


def test_filters_geojson_and_stats(api):
    sudan = api.get("/api/events", params={"country": "SD"}).json()["items"]
    assert sudan and {e["country_code"] for e in sudan} == {"SD"}
    geo = api.get("/api/events.geojson", params={"near": "15.6,32.5,40"}).json()
    assert geo["features"] and all(f["geometry"]["type"] == "Point" for f in geo["features"])
    stats = api.get("/api/stats").json()
    assert stats["by_type"] and stats["by_day"]


def test_date_range_and_country_by_name(api):
    everything = api.get("/api/events", params={"limit": 500}).json()["items"]
    inside = [e["event_id"] for e in everything if e["date"] and "2017-01-01" <= e["date"] <= "2023-12-31"]
    got = api.get("/api/events", params={"since": "2017-01-01", "until": "2023-12-31", "limit": 500}).json()["items"]
    assert inside and [e["event_id"] for e in got] == inside
    assert all(e["date"] for e in api.get("/api/events", params={"until": "2030-01-01", "limit": 500}).json()["items"])
    by_code = api.get("/api/events", params={"country": "sd"}).json()["items"]
    assert by_code and by_code == api.get("/api/events", params={"country": "Sudan"}).json()["items"]


def test_serve_with_several_worker_processes(db):
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    marsad = Path(sys.executable).with_name("marsad")
    server = subprocess.Popen([str(marsad), "serve", "--db", db, "--port", str(port), "--workers", "2"])
    try:
        for _ in range(200):
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"country": "YE"}, timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert res.status_code == 200 and {e["country_code"] for e in res.json()["items"]} == {"YE"}
    finally:
        server.terminate()
        assert server.wait(20) == 0


def test_filter_values_are_only_values(api):
    for hostile in ("' OR 1=1 --", "%", "_", "\\", "Houthis'); DROP TABLE events; --"):
        res = api.get("/api/events", params={"actor": hostile, "text": hostile})
        assert res.status_code == 200 and res.json()["items"] == []
    assert api.get("/api/events", params={"limit": 3}).json()["items"]


def test_errors_have_one_shape(api):
    for res in (api.get("/api/events/nope"), api.get("/api/events", params={"limit": 100000}),
                api.get("/api/events", params={"near": "x"}), api.get("/api/events", params={"cursor": "??"})):
        body = res.json()
        assert res.status_code in (400, 404, 422) and set(body) == {"error"} and body["error"]["message"]


def test_document_with_annotated_spans(api):
    event = api.get("/api/events", params={"limit": 1}).json()["items"][0]
    doc = api.get(f"/api/documents/{event['doc_id']}").json()
    kinds = {a["kind"] for a in doc["annotations"]}
    assert {"actor", "place", "date"} <= kinds
    for a in doc["annotations"]:
        assert doc["text"][a["start"]:a["end"]] == a["text"]
    ev = doc["events"][0]
    assert doc["text"][ev["evidence_start"]:ev["evidence_end"]] == ev["evidence"]


def test_writes_need_a_token(api):
    event = api.get("/api/events", params={"limit": 1}).json()["items"][0]
    res = api.post(f"/api/events/{event['event_id']}/review", json={"action": "confirm"})
    assert res.status_code == 401 and "token" in res.json()["error"]["message"]
    res = api.post("/api/extract", json={"text": "نص"}, headers={"Authorization": "Bearer wrong"})
    assert res.status_code == 401


def test_review_is_stored_with_who_and_when(api, token):
    auth = {"Authorization": f"Bearer {token}"}
    event = api.get("/api/events", params={"limit": 1}).json()["items"][0]
    bad = api.post(f"/api/events/{event['event_id']}/review", headers=auth,
                   json={"action": "correct", "changes": {"sub_event_type": "Grenade", "event_type": "Battles"}})
    assert bad.status_code == 422
    ok = api.post(f"/api/events/{event['event_id']}/review", headers=auth,
                  json={"action": "correct", "changes": {"fatalities": 7}})
    assert ok.status_code == 200 and ok.json()["fatalities"] == 7 and ok.json()["review"] == "corrected"
    shown = api.get(f"/api/events/{event['event_id']}").json()
    (review,) = shown["reviews"]
    assert review["reviewer"] == "analyst" and review["changes"]["before"]["fatalities"] == event["fatalities"]
    assert review["reviewed_at"]


def test_extract_text_and_refuse_internal_urls(api, token):
    auth = {"Authorization": f"Bearer {token}"}
    res = api.post("/api/extract", headers=auth, json={
        "text": "قصفت طائرات التحالف مواقع للحوثيين في مدينة صعدة أمس.", "published": "2016-03-08"})
    assert res.status_code == 200 and res.json()["events"]
    for url in ("http://127.0.0.1:8000/admin", "http://10.1.2.3/", "http://localhost/", "file:///etc/passwd"):
        res = api.post("/api/extract", headers=auth, json={"url": url})
        assert res.status_code == 400 and "not fetched" in res.json()["error"]["message"] or "http" in res.text


def test_private_server_closes_reads(db, token):
    private = TestClient(create_app(Settings(db, private=True)))
    assert private.get("/api/events").status_code == 401
    assert private.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_limits_and_headers(api, token):
    res = api.post("/api/extract", headers={"Authorization": f"Bearer {token}"}, content=b"x" * 3_000_000)
    assert res.status_code == 413
    page = api.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert api.get("/openapi.json").json()["paths"]["/api/events"]


def test_tokens_are_stored_hashed(db, token):
    rows = open_store(db).query("SELECT token_hash FROM tokens")
    assert rows and all(token not in r["token_hash"] for r in rows)


def test_reviews_export_as_gold_that_eval_reads(db, api, token, tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    auth = {"Authorization": f"Bearer {token}"}
    items = api.get("/api/events", params={"limit": 3}).json()["items"]
    api.post(f"/api/events/{items[1]['event_id']}/review", headers=auth, json={"action": "confirm"})
    api.post(f"/api/events/{items[2]['event_id']}/review", headers=auth, json={"action": "reject"})
    runner = CliRunner()
    res = runner.invoke(main, ["review", "export-gold", str(tmp_path / "gold"), "--db", db], catch_exceptions=False)
    assert res.exit_code == 0
    golds = list((tmp_path / "gold").glob("*.json"))
    assert golds and all((g.with_suffix(".txt")).exists() for g in golds)
    score = runner.invoke(main, ["eval", str(tmp_path / "gold"), "--json"], catch_exceptions=False)
    assert '"detection"' in score.stdout


def test_online_tiles_are_configured_and_allowed_by_the_csp(db):
    online = TestClient(create_app(Settings(db, tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png")))
    assert online.get("/api/config").json()["tiles"].startswith("https://")
    assert "img-src 'self' data: https://*.tile.example.org" in online.get("/").headers["content-security-policy"]

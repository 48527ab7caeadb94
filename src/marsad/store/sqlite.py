"""SQLite event store: WAL, migrations, one transaction per batch so a crash loses nothing committed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.store.schema import MIGRATIONS
from marsad.summary import summarize

DEFAULT_DB = "marsad.sqlite"
BUSY_TIMEOUT_MS = 60_000
_EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "sub_event_type", "disorder_type", "actor1", "actor1_text", "actor2",
    "actor2_text", "location", "location_text", "country", "country_code", "admin1", "admin2", "lat", "lon",
    "geonames_id", "geo_precision", "date", "time_precision", "fatalities", "modality", "claim_source",
    "claim_source_text", "evidence", "evidence_start", "evidence_end", "confidence", "summary", "incident_id")


class StoreError(MarsadError):
    """The database cannot be opened or written."""


def event_row(doc_id: str, index: int, ev: dict[str, Any]) -> dict[str, Any]:
    """A database row for one event as `Event.to_json()` gives it."""
    loc = ev.get("location") or {}
    a1, a2, cs = ev.get("actor1") or {}, ev.get("actor2") or {}, ev.get("claim_source") or {}
    key = f"{doc_id}:{index}:{ev['event_type']}:{loc.get('name')}:{ev.get('date')}"
    return {
        "event_id": hashlib.sha256(key.encode()).hexdigest()[:16], "doc_id": doc_id,
        "event_type": ev["event_type"], "sub_event_type": ev["sub_event_type"], "disorder_type": ev["disorder_type"],
        "actor1": a1.get("name"), "actor1_text": a1.get("text"), "actor2": a2.get("name"), "actor2_text": a2.get("text"),
        "location": loc.get("name"), "location_text": loc.get("text"), "country": loc.get("country"),
        "country_code": loc.get("country_code"), "admin1": loc.get("admin1"), "admin2": loc.get("admin2"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geonames_id": loc.get("geonames_id"),
        "geo_precision": loc.get("geo_precision"), "date": ev.get("date"), "time_precision": ev.get("time_precision"),
        "fatalities": ev.get("fatalities"), "modality": ev["modality"], "claim_source": cs.get("name"),
        "claim_source_text": cs.get("text"), "evidence": ev["evidence"]["text"],
        "evidence_start": ev["evidence"]["start"], "evidence_end": ev["evidence"]["end"],
        "confidence": ev["confidence"], "summary": summarize(ev), "incident_id": None,
    }


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc}) — check the path and its permissions") from exc

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Upgrade an older database in place, one migration per transaction."""
        for number in range(self.version + 1, len(MIGRATIONS) + 1):
            with self.transaction():
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot write ({exc}) — is it read-only, locked or the disk full?") from exc
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not commit ({exc}) — nothing of this batch was stored") from exc

    # -- writing (inside a transaction) ------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        self.db.execute(
            "INSERT INTO documents (doc_id, source, url, title, outlet, published, text, simhash, duplicate_of) "
            "VALUES (:doc_id, :source, :url, :title, :outlet, :published, :text, :simhash, :duplicate_of)", doc)
        marks = ", ".join(f":{c}" for c in _EVENT_COLUMNS)
        self.db.executemany(f"INSERT OR IGNORE INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({marks})", rows)
        self.db.execute("DELETE FROM failures WHERE source = ?", (doc["source"],))

    def record_failure(self, source: str, reason: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO failures (source, reason) VALUES (?, ?)", (source, reason))

    # -- reading -----------------------------------------------------------------------------
    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, params)]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "events", "incidents", "failures")
        out = {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
        out["duplicates"] = self.db.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
        return out

    def integrity_ok(self) -> bool:
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def close(self) -> None:
        self.db.close()


def open_store(url: str | None = None) -> Store:
    """A store from a path or sqlite:/// URL (default: ./marsad.sqlite)."""
    target = url or DEFAULT_DB
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{target}: PostgreSQL is not supported yet — use a SQLite path")
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    return Store(Path(target))

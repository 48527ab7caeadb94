"""What every event store does, whatever the database: SQL written once with ? placeholders and
portable upserts, run through the backend's connection."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from marsad.errors import MarsadError
from marsad.summary import summarize

EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "sub_event_type", "disorder_type", "actor1", "actor1_text", "actor2",
    "actor2_text", "location", "location_text", "country", "country_code", "admin1", "admin2", "lat", "lon",
    "geonames_id", "geo_precision", "date", "time_precision", "fatalities", "modality", "claim_source",
    "claim_source_text", "evidence", "evidence_start", "evidence_end", "confidence", "summary", "incident_id")


_BATCH_LOST = ("free disk space or make it writable, then run again: nothing of this batch was stored, "
               "earlier batches are kept")


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
    """Base of the SQLite and PostgreSQL stores."""

    label: str = ""
    postgis: bool = False

    # -- backend hooks ------------------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: list[Any]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def integrity_ok(self) -> bool:
        return True

    # -- shared -------------------------------------------------------------------------------
    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Any = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.execute(sql, params).fetchone()
        if row is None:
            return None
        return next(iter(row.values())) if isinstance(row, dict) else row[0]

    def is_write_failure(self, exc: BaseException) -> bool:
        """Whether an error raised inside a transaction is the database refusing to write (a full disk,
        a read-only file); the backends say which of their errors those are."""
        return False

    def _rollback(self) -> None:
        """Roll back what is open; the database may have rolled back already (SQLite does on a full disk)."""
        with suppress(Exception):
            self.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self._begin()
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{self.label}: cannot write ({exc}) — is it read-only, locked or the disk full?") from exc
        try:
            yield
        except BaseException as exc:
            self._rollback()
            if self.is_write_failure(exc):
                raise StoreError(f"{self.label}: cannot write ({exc}) — {_BATCH_LOST}") from exc
            raise
        try:
            self.execute("COMMIT")
        except Exception as exc:
            self._rollback()
            raise StoreError(f"{self.label}: could not commit ({exc}) — {_BATCH_LOST}") from exc

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        self.execute("SAVEPOINT unit")
        try:
            yield
        except BaseException:
            with suppress(Exception):    # the whole transaction may be gone already; transaction() says why
                self.execute("ROLLBACK TO SAVEPOINT unit")
                self.execute("RELEASE SAVEPOINT unit")
            raise
        self.execute("RELEASE SAVEPOINT unit")

    def has_document(self, doc_id: str) -> bool:
        return self.one("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)) is not None

    def add_document(self, doc: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        self.execute(
            "INSERT INTO documents (doc_id, source, url, title, outlet, published, text, simhash, duplicate_of) "
            "VALUES (:doc_id, :source, :url, :title, :outlet, :published, :text, :simhash, :duplicate_of)", doc)
        marks = ", ".join(f":{c}" for c in EVENT_COLUMNS)
        self.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks}) "
                         "ON CONFLICT (event_id) DO NOTHING", rows)
        self.execute("DELETE FROM failures WHERE source = ?", (doc["source"],))

    def record_failure(self, source: str, reason: str) -> None:
        self.execute("INSERT INTO failures (source, reason) VALUES (?, ?) "
                     "ON CONFLICT (source) DO UPDATE SET reason = excluded.reason", (source, reason))

    def counts(self) -> dict[str, int]:
        out = {t: int(self.one(f"SELECT COUNT(*) FROM {t}")) for t in ("documents", "events", "incidents", "failures")}
        out["duplicates"] = int(self.one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"))
        return out

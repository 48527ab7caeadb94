"""Linking: near-duplicate documents (syndicated copies) and incidents across reports.

Near-duplicates: a 64-bit SimHash of word 3-grams, looked up through four 16-bit bands, so a copy
within 3 bits shares at least one band. Incidents: reports of the same type within one day and
25 km of each other (blocked by type and date, so linking stays near-linear).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from marsad.geo import km
from marsad.store.base import Store
from marsad.summary import summarize

BANDS = 4
MAX_BITS_APART = 3
LINK_KM = 25.0
SCORED = ("reported", "claimed")


def simhash(words: Iterable[str]) -> int:
    tokens = list(words)
    grams = [" ".join(tokens[i:i + 3]) for i in range(max(1, len(tokens) - 2))]
    weights = [0] * 64
    for g in grams:
        h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value      # SQLite integers are signed


def _bands(h: int) -> list[tuple[int, int]]:
    u = h & ((1 << 64) - 1)
    return [(b, (u >> (16 * b)) & 0xFFFF) for b in range(BANDS)]


def find_near_duplicate(store: Store, h: int) -> str | None:
    seen: set[str] = set()
    for band, value in _bands(h):
        for row in store.query("SELECT doc_id FROM simhash_bands WHERE band = ? AND value = ?", (band, value)):
            doc_id = row["doc_id"]
            if doc_id in seen:
                continue
            seen.add(doc_id)
            other = store.one("SELECT simhash FROM documents WHERE doc_id = ?", (doc_id,))
            if other is not None and bin((other ^ h) & ((1 << 64) - 1)).count("1") <= MAX_BITS_APART:
                return str(doc_id)
    return None


def index_simhash(store: Store, doc_id: str, h: int) -> None:
    store.executemany("INSERT INTO simhash_bands VALUES (?, ?, ?)", [(b, v, doc_id) for b, v in _bands(h)])


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    if None in (a["lat"], a["lon"], b["lat"], b["lon"]):
        return math.inf
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


CELL_DEGREES = 0.25     # about 28 km north-south: the 3x3 cells around a point hold everything within 25 km


def cell(lat: float, lon: float) -> int:
    return math.floor(lat / CELL_DEGREES) * 10_000 + math.floor(lon / CELL_DEGREES)


def _near_cells(lat: float, lon: float) -> list[int]:
    span = max(1, math.ceil(LINK_KM / (111.0 * CELL_DEGREES * max(0.05, math.cos(math.radians(lat))))))
    return [cell(lat + dy * CELL_DEGREES, lon + dx * CELL_DEGREES)
            for dy in (-1, 0, 1) for dx in range(-span, span + 1)]


def _candidates(store: Store, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """Incidents of the same type, in the grid cells around the event, within a day of it: blocking
    on (type, cell, day) keeps the work per event flat however large the database grows."""
    d = date.fromisoformat(ev["date"])
    cells = _near_cells(ev["lat"], ev["lon"])
    return store.query(
        f"SELECT * FROM incidents WHERE event_type = ? AND cell IN ({', '.join('?' * len(cells))}) "
        "AND date BETWEEN ? AND ?",
        (ev["event_type"], *cells, (d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()))


def refresh_incident(store: Store, incident_id: str) -> None:
    """Recompute an incident from its reports: lowest credible toll, sources, confidence."""
    reports = store.query(
        "SELECT e.*, d.outlet, d.duplicate_of FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.incident_id = ? ORDER BY e.confidence DESC", (incident_id,))
    lead = reports[0]
    outlets = {r["outlet"] or r["doc_id"] for r in reports if not r["duplicate_of"]} or {lead["doc_id"]}
    tolls = [r["fatalities"] for r in reports if r["fatalities"] is not None]
    unlikely = 1.0
    for r in reports:
        if not r["duplicate_of"]:
            unlikely *= 1 - r["confidence"]
    ev = {"sub_event_type": lead["sub_event_type"], "date": lead["date"], "modality": "reported",
          "actor1": {"name": lead["actor1"]} if lead["actor1"] else None,
          "actor2": {"name": lead["actor2"]} if lead["actor2"] else None,
          "location": {"name": lead["location"], "admin1": lead["admin1"], "country": lead["country"]},
          "fatalities": min(tolls) if tolls else None}
    store.execute(
        "UPDATE incidents SET reports = ?, sources = ?, fatalities = ?, confidence = ?, summary = ? "
        "WHERE incident_id = ?",
        (len(reports), len(outlets), ev["fatalities"], round(1 - unlikely, 3), summarize(ev), incident_id))


def link_events(store: Store, rows: list[dict[str, Any]]) -> None:
    """Attach each new scored event to an incident of another document, or open a new one."""
    for ev in rows:
        if ev["modality"] not in SCORED or not ev["date"] or ev["lat"] is None:
            continue
        near = [(i, _km(i, ev)) for i in _candidates(store, ev)]
        near = [(i, km) for i, km in near if km <= LINK_KM and store.one(
            "SELECT 1 FROM events WHERE incident_id = ? AND doc_id = ?", (i["incident_id"], ev["doc_id"])) is None]
        if near:
            incident_id = min(near, key=lambda x: x[1])[0]["incident_id"]
        else:
            incident_id = "inc-" + ev["event_id"]
            store.execute(
                "INSERT INTO incidents (incident_id, event_type, sub_event_type, date, lat, lon, location, country, "
                "country_code, admin1, fatalities, reports, sources, confidence, summary, cell) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)",
                (incident_id, ev["event_type"], ev["sub_event_type"], ev["date"], ev["lat"], ev["lon"],
                 ev["location"], ev["country"], ev["country_code"], ev["admin1"], ev["fatalities"],
                 ev["confidence"], ev["summary"], cell(ev["lat"], ev["lon"])))
        store.execute("UPDATE events SET incident_id = ? WHERE event_id = ?", (incident_id, ev["event_id"]))
        ev["incident_id"] = incident_id
        refresh_incident(store, incident_id)

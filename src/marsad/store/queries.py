"""Event and incident queries with the filters of the CLI (and later the API); every value is a
parameter, never SQL text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from marsad.geo import km as km_between
from marsad.store.base import Store


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None     # lat, lon, km
    text: str | None = None
    min_sources: int | None = None
    limit: int = 1000
    after: tuple[str, str] | None = None               # keyset cursor: (date, event_id) of the last row seen


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _where(f: Filters, alias: str = "e", postgis: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    # Events are listed by COALESCE(date, '') through an index; a date range written on the same
    # expression reads that index too ('0' sorts after '' and before every date: no undated events).
    day = f"COALESCE({alias}.date, '')" if alias == "e" else f"{alias}.date"
    if f.since or f.until:
        clauses.append(f"{day} >= ?")
        params.append(f.since or "0")
    if f.until:
        clauses.append(f"{day} <= ?")
        params.append(f.until)
    if f.country and len(f.country) == 2 and f.country.isascii() and f.country.isalpha():
        clauses.append(f"{alias}.country_code = ?")
        params.append(f.country.upper())
    elif f.country:
        clauses.append(f"lower({alias}.country) = lower(?)")
        params.append(f.country)
    if f.admin1:
        clauses.append(f"lower({alias}.admin1) = lower(?)")
        params.append(f.admin1)
    if f.event_type:
        clauses.append(f"({alias}.event_type = ? OR {alias}.sub_event_type = ?)")
        params += [f.event_type, f.event_type]
    if f.near and postgis:
        lat, lon, km = f.near
        clauses.append(f"ST_DWithin({alias}.geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)")
        params += [lon, lat, km * 1000]
    elif f.near:
        lat, lon, km = f.near
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        clauses.append(f"{alias}.lat BETWEEN ? AND ? AND {alias}.lon BETWEEN ? AND ?")
        params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
    return " AND ".join(clauses) or "1=1", params


def events(store: Store, f: Filters) -> list[dict[str, Any]]:
    where, params = _where(f, "e", store.postgis)
    if f.actor:
        where += " AND (e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\' OR e.actor1_text LIKE ? ESCAPE '\\'" \
                 " OR e.actor2_text LIKE ? ESCAPE '\\')"
        params += [_like(f.actor)] * 4
    if f.text:
        for word in f.text.split():
            where += " AND (e.evidence LIKE ? ESCAPE '\\' OR e.summary LIKE ? ESCAPE '\\')"
            params += [_like(word)] * 2
    if f.min_sources:
        where += " AND i.sources >= ?"
        params.append(f.min_sources)
    if f.after:
        where += " AND (COALESCE(e.date, '') < ? OR (COALESCE(e.date, '') = ? AND e.event_id > ?))"
        params += [f.after[0], f.after[0], f.after[1]]
    rows = store.query(
        f"SELECT e.*, d.outlet, d.url, d.title, i.sources AS incident_sources FROM events e "
        f"JOIN documents d ON d.doc_id = e.doc_id LEFT JOIN incidents i ON i.incident_id = e.incident_id "
        f"WHERE {where} ORDER BY COALESCE(e.date, '') DESC, e.event_id LIMIT ?", (*params, f.limit))
    return _within(rows, f)


def incidents(store: Store, f: Filters) -> list[dict[str, Any]]:
    where, params = _where(f, "i")
    if f.min_sources:
        where += " AND i.sources >= ?"
        params.append(f.min_sources)
    if f.actor or f.text:
        needle = _like(f.actor or f.text or "")
        where += " AND i.summary LIKE ? ESCAPE '\\'"
        params.append(needle)
    rows = store.query(f"SELECT i.* FROM incidents i WHERE {where} ORDER BY i.date DESC LIMIT ?",
                       (*params, f.limit))
    return _within(rows, f)


def stats(store: Store, f: Filters) -> dict[str, Any]:
    """Counts by day and type, by country and by actor, under the same filters."""
    where, params = _where(f, "e", store.postgis)
    base = f"FROM events e WHERE {where} AND e.modality IN ('reported', 'claimed')"
    return {
        "by_day": store.query(f"SELECT e.date AS day, e.event_type, COUNT(*) AS n {base} AND e.date IS NOT NULL "
                              "GROUP BY e.date, e.event_type ORDER BY e.date", params),
        "by_type": store.query(f"SELECT e.event_type, COUNT(*) AS n {base} GROUP BY e.event_type ORDER BY n DESC",
                               params),
        "by_country": store.query(f"SELECT e.country, COUNT(*) AS n {base} GROUP BY e.country ORDER BY n DESC", params),
        "by_actor": store.query(f"SELECT e.actor1 AS actor, COUNT(*) AS n {base} AND e.actor1 IS NOT NULL "
                                "GROUP BY e.actor1 ORDER BY n DESC LIMIT 20", params),
    }


def _within(rows: list[dict[str, Any]], f: Filters) -> list[dict[str, Any]]:
    if not f.near:
        return rows
    lat, lon, km = f.near

    return [r for r in rows if km_between(lat, lon, r["lat"], r["lon"]) <= km]


def incident_reports(store: Store, incident_id: str) -> dict[str, Any]:
    """Every report of an incident, and the fields on which they disagree, each value with its sources."""
    reports = store.query(
        "SELECT e.event_id, e.doc_id, e.date, e.actor1, e.actor2, e.fatalities, e.modality, e.claim_source, "
        "e.evidence, d.outlet, d.url, d.duplicate_of FROM events e JOIN documents d USING (doc_id) "
        "WHERE e.incident_id = ? ORDER BY e.date, d.outlet", (incident_id,))
    disagreements: dict[str, dict[str, list[str]]] = {}
    for field in ("fatalities", "actor1", "actor2"):
        values: dict[str, list[str]] = {}
        for r in reports:
            if r[field] is not None:
                values.setdefault(str(r[field]), []).append(r["claim_source"] or r["outlet"] or r["doc_id"])
        if len(values) > 1:
            disagreements[field] = values
    return {"reports": reports, "disagreements": disagreements}

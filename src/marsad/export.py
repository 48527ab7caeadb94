"""Exports of stored events: ACLED-style CSV, PLOVER JSON Lines, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "tags")
# ACLED's interaction codes by actor type
_INTER = {"state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4, "rioters": 5,
          "protesters": 6, "civilians": 7, "external_forces": 8}
_PLOVER = {
    "Battles": ("FIGHT", "small arms"), "Explosions/Remote violence": ("FIGHT", "aerial/artillery"),
    "Violence against civilians": ("ASSAULT", ""), "Protests": ("PROTEST", "demonstrate"),
    "Riots": ("PROTEST", "riot"), "Agreement": ("AGREE", ""), "Arrests": ("COERCE", "arrest"),
    "Looting/property destruction": ("COERCE", "seize"), "Disrupted weapons use": ("MOBILIZE", ""),
    "Headquarters or base established": ("MOBILIZE", ""), "Non-violent transfer of territory": ("RETREAT", ""),
    "Change to group/activity": ("OTHER", ""), "Other": ("OTHER", ""),
}


def _inter(actor_type: str | None) -> int | str:
    return _INTER.get(actor_type or "", "")


def acled_csv(rows: list[dict[str, Any]], out: TextIO, actor_types: dict[str, str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for r in rows:
        writer.writerow({
            "event_id_cnty": f"{r['country_code'] or 'XX'}{r['event_id']}", "event_date": r["date"] or "",
            "year": (r["date"] or "")[:4], "time_precision": r["time_precision"], "disorder_type": r["disorder_type"],
            "event_type": r["event_type"], "sub_event_type": r["sub_event_type"], "actor1": r["actor1"] or "",
            "assoc_actor_1": "", "inter1": _inter(actor_types.get(r["actor1"] or "")), "actor2": r["actor2"] or "",
            "assoc_actor_2": "", "inter2": _inter(actor_types.get(r["actor2"] or "")),
            "civilian_targeting": "Civilian targeting" if r["actor2"] == "Civilians" else "",
            "iso": r["country_code"] or "", "country": r["country"] or "", "admin1": r["admin1"] or "",
            "admin2": r["admin2"] or "", "location": r["location"] or "", "latitude": r["lat"],
            "longitude": r["lon"], "geo_precision": r["geo_precision"],
            "source": r.get("outlet") or r["claim_source"] or "", "notes": r["summary"],
            "fatalities": r["fatalities"] if r["fatalities"] is not None else "",
            "tags": f"modality: {r['modality']}" + (f"; reviewed: {r['review']}" if r.get("review") else "")})
    return len(rows)


def plover_jsonl(rows: list[dict[str, Any]], out: TextIO) -> int:
    for r in rows:
        code, mode = _PLOVER.get(r["sub_event_type"]) or _PLOVER.get(r["event_type"], ("OTHER", ""))
        out.write(json.dumps({
            "id": r["event_id"], "date": r["date"], "event_type": code, "mode": mode,
            "context": [r["event_type"], r["sub_event_type"]],
            "actor": r["actor1"], "actor_text": r["actor1_text"], "recipient": r["actor2"],
            "recipient_text": r["actor2_text"],
            "location": {"name": r["location"], "text": r["location_text"], "country": r["country"],
                         "admin1": r["admin1"], "lat": r["lat"], "lon": r["lon"], "precision": r["geo_precision"]},
            "fatalities": r["fatalities"], "modality": r["modality"], "summary": r["summary"],
            "citation": {"doc_id": r["doc_id"], "url": r.get("url"), "outlet": r.get("outlet"),
                         "text": r["evidence"], "start": r["evidence_start"], "end": r["evidence_end"]},
        }, ensure_ascii=False) + "\n")
    return len(rows)


def geojson(rows: list[dict[str, Any]], out: TextIO) -> int:
    features = [{
        "type": "Feature", "id": r["event_id"],
        "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
        "properties": {k: r[k] for k in ("date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                                         "country", "admin1", "fatalities", "modality", "summary", "evidence")},
    } for r in rows if r["lat"] is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def parquet(rows: list[dict[str, Any]], path: str) -> int:
    """One Parquet file with every column of the events table (for pandas, DuckDB, Spark)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from marsad.store.base import EVENT_COLUMNS

    columns = [*EVENT_COLUMNS, "outlet", "url"]
    table = pa.table({c: [r.get(c) for r in rows] for c in columns})
    pq.write_table(table, path)
    return len(rows)

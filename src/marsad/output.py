"""Output formats shared by every command: json, jsonl, csv, table."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

FORMATS = ("json", "jsonl", "csv", "table")
TABLE_COLUMNS = ("date", "event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities", "modality")


@cache
def document_schema() -> dict[str, Any]:
    return json.loads((resources.files("marsad") / "schema" / "document.schema.json").read_text(encoding="utf-8"))


def flat_event(doc: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    return {
        "doc_id": doc.get("doc_id"), "source": doc.get("source", ""), "date": ev["date"],
        "time_precision": ev["time_precision"], "event_type": ev["event_type"],
        "sub_event_type": ev["sub_event_type"], "disorder_type": ev["disorder_type"],
        "actor1": (ev["actor1"] or {}).get("name", ""), "actor2": (ev["actor2"] or {}).get("name", ""),
        "location": loc.get("name", ""), "country": loc.get("country", ""), "admin1": loc.get("admin1", ""),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geo_precision": loc.get("geo_precision"),
        "fatalities": ev["fatalities"], "modality": ev["modality"],
        "claim_source": (ev["claim_source"] or {}).get("name", ""), "evidence": ev["evidence"]["text"],
        "evidence_start": ev["evidence"]["start"], "evidence_end": ev["evidence"]["end"],
        "confidence": ev["confidence"],
    }


def _table(rows: list[dict[str, Any]]) -> str:
    return table(rows, TABLE_COLUMNS)


def table(rows: list[dict[str, Any]], cols: tuple[str, ...]) -> str:
    """A plain-text table of the given columns, cells cut at 40 characters."""
    if not rows:
        return "(none)\n"
    cells = [[str(r.get(c) if r.get(c) is not None else "") for c in cols] for r in rows]
    widths = [min(40, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines) + "\n"


def render(docs: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        body = docs[0] if len(docs) == 1 else docs
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    rows = [flat_event(d, ev) for d in docs for ev in d["events"]]
    if fmt == "table":
        return _table(rows)
    buf = io.StringIO()
    fields = list(flat_event({}, _EMPTY_EVENT))
    writer = csv.DictWriter(buf, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


_EMPTY_EVENT: dict[str, Any] = {
    "date": None, "time_precision": None, "event_type": "", "sub_event_type": "", "disorder_type": "",
    "actor1": None, "actor2": None, "location": None, "fatalities": None, "modality": "", "claim_source": None,
    "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0,
}

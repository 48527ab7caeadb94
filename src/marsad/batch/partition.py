"""One partition of a batch run: extract its documents and write them as Parquet, atomically.

Runs inside Dask workers. The gazetteer and the dictionaries are loaded once per worker process
(module-level caches), not once per document.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

DOCUMENT_COLUMNS = ("part", "seq", "doc_id", "source", "url", "title", "outlet", "published", "month", "text",
                    "events_json", "error")
EVENT_COLUMNS = ("part", "seq", "doc_id", "event_type", "sub_event_type", "disorder_type", "actor1", "actor2",
                 "location", "country_code", "admin1", "lat", "lon", "geo_precision", "date", "time_precision",
                 "fatalities", "modality", "claim_source", "evidence", "evidence_start", "evidence_end", "confidence")


def done_marker(out: Path, part: int) -> Path:
    return out / "_done" / f"part-{part:06d}.json"


def _write_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.table({c: [r.get(c) for r in rows] for c in columns}), tmp)
    os.replace(tmp, path)


def extract_partition(part: int, items: list[dict[str, Any]], out_dir: str) -> dict[str, int]:
    """items: {"seq", "source", "error"} or {"seq", "source", "text", "url", "title", "outlet", "published"}."""
    from marsad.errors import MarsadError
    from marsad.gazetteer import default_gazetteer
    from marsad.ingest.runner import refuse_non_arabic
    from marsad.model import Document
    from marsad.pipeline import doc_id, run

    out = Path(out_dir)
    gazetteer = default_gazetteer()
    docs: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for it in items:
        row = {"part": part, "seq": it["seq"], "source": it["source"], "error": it.get("error")}
        if it.get("error"):
            docs.append({**row, "month": "failed"})
            continue
        published = date.fromisoformat(it["published"]) if it.get("published") else None
        doc = Document(text=it["text"], published=published, outlet=it.get("outlet"), url=it.get("url"),
                       title=it.get("title"), doc_id=doc_id(it["text"]))
        try:
            refuse_non_arabic(doc.text)
            result = run(doc, gazetteer).to_json()
        except MarsadError as exc:
            docs.append({**row, "month": "failed", "error": str(exc)})
            continue
        except Exception as exc:  # noqa: BLE001 — one document never stops a partition
            docs.append({**row, "month": "failed", "error": f"internal error {exc.__class__.__name__}: {exc}"})
            continue
        month = (result["published"] or "unknown")[:7]
        docs.append({**row, "doc_id": doc.doc_id, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
                     "published": result["published"], "month": month, "text": doc.text,
                     "events_json": json.dumps(result["events"], ensure_ascii=False)})
        for ev in result["events"]:
            loc = ev.get("location") or {}
            events.append({
                "part": part, "seq": it["seq"], "doc_id": doc.doc_id, "month": month, **{k: ev[k] for k in (
                    "event_type", "sub_event_type", "disorder_type", "date", "time_precision", "fatalities",
                    "modality", "confidence")},
                "actor1": (ev["actor1"] or {}).get("name"), "actor2": (ev["actor2"] or {}).get("name"),
                "claim_source": (ev["claim_source"] or {}).get("name"), "location": loc.get("name"),
                "country_code": loc.get("country_code"), "admin1": loc.get("admin1"), "lat": loc.get("lat"),
                "lon": loc.get("lon"), "geo_precision": loc.get("geo_precision"),
                "evidence": ev["evidence"]["text"], "evidence_start": ev["evidence"]["start"],
                "evidence_end": ev["evidence"]["end"]})
    for month in sorted({d["month"] for d in docs}):
        _write_parquet([d for d in docs if d["month"] == month], DOCUMENT_COLUMNS,
                       out / "documents" / f"month={month}" / f"part-{part:06d}.parquet")
        by_month = [e for e in events if e["month"] == month]
        if by_month:        # events sit with their article, by its publication month
            _write_parquet(by_month, EVENT_COLUMNS, out / "events" / f"month={month}" / f"part-{part:06d}.parquet")
    counts = {"documents": sum(1 for d in docs if not d.get("error")), "failed": sum(1 for d in docs if d.get("error")),
              "events": len(events)}
    marker = done_marker(out, part)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text(json.dumps(counts), encoding="utf-8")
    os.replace(tmp, marker)                 # written last: a partition without it is redone on a re-run
    return counts

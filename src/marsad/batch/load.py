"""`marsad load`: bring a batch output into the database, in input order, exactly as `marsad ingest`
would have stored the same inputs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest.runner import Summary, in_batches, store_extracted
from marsad.model import Document
from marsad.store.base import Store


def _rows_in_order(out: Path) -> Iterator[dict[str, Any]]:
    """Document rows partition by partition (one partition in memory at a time), in input order."""
    import pyarrow.parquet as pq

    folder = out / "documents"
    if not folder.is_dir():
        raise InputError(f"{out}: no documents/ folder — is this the --out of `marsad batch`?")
    by_part: dict[str, list[Path]] = {}
    for f in folder.glob("month=*/part-*.parquet"):
        by_part.setdefault(f.stem, []).append(f)
    for part in sorted(by_part):
        rows = [r for f in by_part[part] for r in pq.read_table(f).to_pylist()]
        yield from sorted(rows, key=lambda r: r["seq"])


def load_batch(out: Path, store: Store) -> Summary:
    summary = Summary()
    for batch in in_batches(_rows_in_order(out)):
        with store.transaction():
            for row in batch:
                summary.read += 1
                if row["error"]:
                    store.record_failure(row["source"], row["error"])
                    summary.failed += 1
                    continue
                if store.has_document(row["doc_id"]):
                    summary.duplicate += 1
                    continue
                doc = Document(text=row["text"], doc_id=row["doc_id"], url=row["url"], title=row["title"],
                               outlet=row["outlet"],
                               published=date.fromisoformat(row["published"]) if row["published"] else None)
                result = {"published": row["published"], "events": json.loads(row["events_json"])}
                with store.savepoint():
                    store_extracted(store, row["source"], doc, result, summary)
    return summary

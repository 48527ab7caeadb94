"""`marsad batch`: split the inputs into partitions, extract them on a Dask cluster, keep going past
failures, skip what an earlier run finished."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from marsad.batch.partition import done_marker, extract_partition
from marsad.ingest.sources import Item, field_map, iter_items

RETRIES = 2


@dataclass
class BatchSummary:
    partitions: int = 0
    skipped: int = 0
    done: int = 0
    failed_partitions: list[str] = field(default_factory=list)
    documents: int = 0
    failed_documents: int = 0
    events: int = 0
    worker_rss_mb: list[int] = field(default_factory=list)     # memory of each worker at the end
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        secs = time.perf_counter() - self.started
        memory = f" · worker memory {', '.join(f'{m} MB' for m in self.worker_rss_mb)}" if self.worker_rss_mb else ""
        return (f"partitions {self.partitions} (done {self.done}, already done {self.skipped}, "
                f"failed {len(self.failed_partitions)}) · documents {self.documents} · failed documents "
                f"{self.failed_documents} · events {self.events} · {secs:.1f}s ({self.documents / secs:.0f} docs/s)"
                f"{memory}")


def _payload(seq: int, item: Item, published: date | None) -> dict[str, Any]:
    if item.error or item.document is None:
        return {"seq": seq, "source": item.source, "error": item.error or "unreadable"}
    d = item.document
    day = d.published or published
    return {"seq": seq, "source": item.source, "text": d.text, "url": d.url, "title": d.title, "outlet": d.outlet,
            "published": day.isoformat() if day else None}


def partitions(sources: list[str], size: int, fields: dict[str, str] | None,
               published: date | None) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(index, documents) in input order; the same inputs always give the same partitions."""
    chunk: list[dict[str, Any]] = []
    part = 0
    for seq, item in enumerate(iter_items(sources, field_map(fields))):
        chunk.append(_payload(seq, item, published))
        if len(chunk) == size:
            yield part, chunk
            part, chunk = part + 1, []
    if chunk:
        yield part, chunk


def run_batch(sources: list[str], out: Path, workers: int | None = None, scheduler: str | None = None,
              size: int = 2000, fields: dict[str, str] | None = None, published: date | None = None,
              log: TextIO | None = None) -> BatchSummary:
    from dask.distributed import Client, LocalCluster, as_completed

    log = log or sys.stderr
    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        in_flight = as_completed()
        limit = 2 * max(1, len(client.scheduler_info()["workers"]))
        for part, docs in partitions(sources, size, fields, published):
            summary.partitions += 1
            marker = done_marker(out, part)
            if marker.exists():
                counts = json.loads(marker.read_text(encoding="utf-8"))
                summary.skipped += 1
                summary.documents += counts["documents"]
                continue
            future = client.submit(extract_partition, part, docs, str(out), retries=RETRIES, pure=False,
                                   key=f"partition-{part}-{time.time_ns()}")
            in_flight.add(future)
            while in_flight.count() >= limit:
                _collect(next(in_flight), summary, log)
        for future in in_flight:
            _collect(future, summary, log)
        summary.worker_rss_mb = sorted(round(v / 2**20) for v in client.run(_rss).values())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    (out / "_summary.json").write_text(json.dumps(summary.__dict__ | {"started": None}, indent=1), encoding="utf-8")
    return summary


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def _collect(future: Any, summary: BatchSummary, log: TextIO) -> None:
    try:
        counts = future.result()
    except Exception as exc:  # noqa: BLE001 — a partition that failed its retries is reported, the rest go on
        summary.failed_partitions.append(f"{future.key}: {exc.__class__.__name__}: {exc}")
        log.write(f"partition failed after {RETRIES} retries: {future.key}: {exc}\n")
        return
    summary.done += 1
    summary.documents += counts["documents"]
    summary.failed_documents += counts["failed"]
    summary.events += counts["events"]
    log.write("\r\033[K" + summary.line())
    log.flush()

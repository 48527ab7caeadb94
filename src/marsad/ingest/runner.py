"""Run the extractor over sources into the store, in atomic batches, with progress on stderr."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, TextIO, TypeVar

from marsad.errors import InputError
from marsad.ingest.sources import Item, field_map, iter_items
from marsad.io.readers import arabic_share
from marsad.model import Document
from marsad.pipeline import MIN_ARABIC_SHARE, run
from marsad.pipeline import doc_id as make_doc_id
from marsad.stages.normalize import normalize
from marsad.store.base import Store, event_row
from marsad.store.link import find_near_duplicate, index_simhash, link_events, simhash

BATCH = int(os.environ.get("MARSAD_INGEST_BATCH", "200"))     # documents per transaction


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"read {self.read} · new {self.new} · duplicate {self.duplicate} "
                f"(near-duplicate {self.near_duplicate}) · failed {self.failed} · events {self.events} · "
                f"{self.seconds:.1f}s ({rate:.0f} docs/s)")


class Progress:
    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.last = stream, enabled, 0.0

    def update(self, summary: Summary, force: bool = False) -> None:
        now = time.perf_counter()
        if self.enabled and (force or now - self.last >= 0.5):
            self.stream.write("\r\033[K" + summary.line())
            self.stream.flush()
            self.last = now

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\n")


T = TypeVar("T")


def in_batches(items: Iterator[T], size: int = BATCH) -> Iterator[list[T]]:
    """Lists of up to `size` items: one transaction each, so a crash loses at most the batch in hand."""
    while batch := list(islice(items, size)):
        yield batch


def refuse_non_arabic(text: str) -> None:
    """The same rule for `ingest` and `batch`: a document with hardly any Arabic is a failure."""
    if arabic_share(text) < MIN_ARABIC_SHARE:
        raise InputError("hardly any Arabic in it — marsad reads Arabic news; nothing stored")


def _store_item(store: Store, item: Item, gazetteer: Any, summary: Summary, published: date | None) -> None:
    doc = item.document
    assert doc is not None
    doc.published = doc.published or published
    refuse_non_arabic(doc.text)
    doc.doc_id = make_doc_id(doc.text)
    if store.has_document(doc.doc_id):
        summary.duplicate += 1
        return
    store_extracted(store, item.source, doc, run(doc, gazetteer).to_json(), summary)


def store_extracted(store: Store, source: str, doc: Document, result: dict[str, Any], summary: Summary) -> None:
    """Store a document and its extracted events; detect a near-duplicate, link incidents. The same
    for `marsad ingest` and for `marsad load` of a batch run, so both give the same database."""
    h = simhash(normalize(doc.text).text.split())
    twin = find_near_duplicate(store, h)
    rows = [event_row(doc.doc_id, i, ev) for i, ev in enumerate(result["events"])]
    store.add_document({"doc_id": doc.doc_id, "source": source, "url": doc.url, "title": doc.title,
                        "outlet": doc.outlet, "published": result["published"], "text": doc.text,
                        "simhash": h, "duplicate_of": twin}, rows)
    index_simhash(store, doc.doc_id, h)
    if twin:
        summary.near_duplicate += 1          # a syndicated copy: stored and linked, not a new report
    else:
        link_events(store, rows)
    summary.new += 1
    summary.events += len(rows)


def ingest(sources: list[str], store: Store, gazetteer: Any, fields: dict[str, str] | None = None,
           progress: bool = True, stream: TextIO | None = None, published: date | None = None,
           on_item: Callable[[Item], None] | None = None) -> Summary:
    """Ingest every document of the sources; a bad one is recorded in `failures`, never fatal."""
    return ingest_items(iter_items(sources, field_map(fields)), store, gazetteer, progress, stream, published,
                        on_item)


def ingest_items(items: Iterator[Item], store: Store, gazetteer: Any, progress: bool = True,
                 stream: TextIO | None = None, published: date | None = None,
                 on_item: Callable[[Item], None] | None = None) -> Summary:
    """Store the items in atomic batches of BATCH documents, each document in a savepoint of its own."""
    summary = Summary()
    bar = Progress(stream or sys.stderr, progress)
    for batch in in_batches(items):
        with store.transaction():
            for item in batch:
                summary.read += 1
                if on_item:
                    on_item(item)
                if item.error:
                    store.record_failure(item.source, item.error)
                    summary.failed += 1
                    continue
                try:
                    with store.savepoint():
                        _store_item(store, item, gazetteer, summary, published)
                except InputError as exc:
                    store.record_failure(item.source, str(exc))
                    summary.failed += 1
                except Exception as exc:  # noqa: BLE001 — one document never stops a batch...
                    if store.is_write_failure(exc):
                        raise                      # ...but a full disk or a read-only database stops the run
                    store.record_failure(item.source, f"internal error {exc.__class__.__name__}: {exc} — "
                                                      "please report it with the document")
                    summary.failed += 1
                bar.update(summary)
    bar.update(summary, force=True)
    bar.done()
    return summary

"""How incident linking scales: synthetic events, linked as `marsad ingest` links them.

usage: python bench/linking.py [N_EVENTS] [--db PATH]

Events are spread over a year, six types and the box 12–38°N, 35–50°E, three to a document, with
one in four repeating an earlier event (another outlet's report). Prints events linked per second;
blocking by type and date keeps the time per event flat as the database grows.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from marsad.store import open_store
from marsad.store.link import link_events

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]


def synthetic(n: int, seed: int = 7) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    start = date(2016, 1, 1)
    events: list[dict[str, object]] = []
    for i in range(n):
        if events and rnd.random() < 0.25:
            base = dict(rnd.choice(events))
            base.update(lat=float(base["lat"]) + rnd.uniform(-0.05, 0.05), fatalities=rnd.randint(0, 9))  # type: ignore[arg-type]
        else:
            base = {"event_type": rnd.choice(TYPES), "date": (start + timedelta(days=rnd.randrange(365))).isoformat(),
                    "lat": rnd.uniform(12, 38), "lon": rnd.uniform(35, 50), "fatalities": rnd.randint(0, 9)}
        base.update(event_id=f"e{i}", doc_id=f"d{i // 3}", sub_event_type="Armed clash", modality="reported",
                    location="somewhere", country="Syria", country_code="SY", admin1="Idlib", confidence=0.6,
                    summary="synthetic")
        events.append(base)
    return events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp()) / "link.sqlite"
    store = open_store(str(path))
    events = synthetic(args.n)
    with store.transaction():
        for doc in sorted({str(e["doc_id"]) for e in events}):
            store.execute("INSERT INTO documents (doc_id, text, outlet) VALUES (?, '', ?)", (doc, doc))
        cols = ["event_id", "doc_id", "event_type", "sub_event_type", "date", "lat", "lon", "fatalities", "modality",
                "location", "country", "country_code", "admin1", "confidence", "summary"]
        store.executemany(f"INSERT INTO events ({', '.join(cols)}, disorder_type, evidence, evidence_start, "
                          f"evidence_end) VALUES ({', '.join('?' * len(cols))}, '', '', 0, 0)",
                          [tuple(e[c] for c in cols) for e in events])
    started = time.perf_counter()
    lap = started
    for i in range(0, len(events), 3):
        with store.transaction():
            link_events(store, events[i:i + 3])
        if (i // 3 + 1) % 10_000 == 0:
            now = time.perf_counter()
            print(f"{i + 3} events linked, last 30,000 at {30_000 / (now - lap):.0f}/s", file=sys.stderr)
            lap = now
    seconds = time.perf_counter() - started
    counts = store.counts()
    print(f"{len(events)} events -> {counts['incidents']} incidents in {seconds:.1f}s "
          f"({len(events) / seconds:.0f} events/s); 1,000,000 events at this rate: {1e6 / (len(events) / seconds) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

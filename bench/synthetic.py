"""Synthetic events for the benchmarks (not for tests of behaviour): spread over a year, six types and
the box 12–38°N, 35–50°E, three to a document, one in four repeating an earlier event."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]
COUNTRIES = [("SY", "Syria"), ("IQ", "Iraq"), ("YE", "Yemen"), ("SD", "Sudan"), ("LY", "Libya"), ("PS", "Palestine")]


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
        code, country = COUNTRIES[i % len(COUNTRIES)]
        base.update(event_id=f"e{i}", doc_id=f"d{i // 3}", sub_event_type="Armed clash", modality="reported",
                    location="somewhere", country=country, country_code=code, admin1="Somewhere", confidence=0.6,
                    summary=f"synthetic event {i}", actor1="Military Forces of Syria" if i % 2 else "Houthis")
        events.append(base)
    return events


def insert_events(store: Any, events: list[dict[str, Any]]) -> None:
    with store.transaction():
        for doc in sorted({str(e["doc_id"]) for e in events}):
            store.execute("INSERT INTO documents (doc_id, text, outlet) VALUES (?, ?, ?)",
                          (doc, "نص تجريبي للمقياس", doc))
        cols = ["event_id", "doc_id", "event_type", "sub_event_type", "date", "lat", "lon", "fatalities", "modality",
                "location", "country", "country_code", "admin1", "confidence", "summary", "actor1"]
        store.executemany(f"INSERT INTO events ({', '.join(cols)}, disorder_type, evidence, evidence_start, "
                          f"evidence_end) VALUES ({', '.join('?' * len(cols))}, '', 'نص', 0, 3)",
                          [tuple(e[c] for c in cols) for e in events])

"""Geocoder coverage and speed on a gold folder.

usage: python bench/geocoder.py [GOLD_DIR]   (default ../shared/gold/dev)

Prints the share of gold event locations that some place mention of their article resolves to
within 25 km (and 5 km), place mentions per second, and peak memory with the full gazetteer.
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
from pathlib import Path

from marsad.gazetteer import default_gazetteer
from marsad.geo import km
from marsad.stages.normalize import normalize
from marsad.stages.places import find_places

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold" / "dev"


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else DEFAULT
    gaz = default_gazetteer()
    find_places("تمهيد", gaz)                      # build the matcher before timing
    within25 = within5 = total = mentions = 0
    seconds = 0.0
    missed = []
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = normalize((gold_dir / gold.get("doc", gf.stem + ".txt")).read_text(encoding="utf-8")).text
        started = time.perf_counter()
        places = find_places(text, gaz)
        seconds += time.perf_counter() - started
        mentions += len(places)
        points = [(p.place.lat, p.place.lon) for p in places if p.place.lat is not None]
        for ev in gold.get("events", []):
            loc = ev.get("location") or {}
            if loc.get("lat") is None:
                continue
            total += 1
            best = min((km(loc["lat"], loc["lon"], *pt) for pt in points), default=math.inf)
            within25 += best <= 25
            within5 += best <= 5
            if best > 25:
                missed.append(f"{gf.stem}: {loc.get('name')} ({loc.get('name_ar', '')})")
    print(json.dumps({
        "gold_locations": total, "resolved_within_25km": round(within25 / total, 3),
        "resolved_within_5km": round(within5 / total, 3), "place_mentions": mentions,
        "mentions_per_s": round(mentions / seconds), "peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "not_resolved": missed}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

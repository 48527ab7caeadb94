"""A document's text with every span marked: evidence of its events, and the actors, places, dates
and numbers the stages recognised, each with how it was resolved."""

from __future__ import annotations

from typing import Any

from marsad.model import Document
from marsad.pipeline import analyse


def annotate(doc: Document, gazetteer: Any) -> list[dict[str, Any]]:
    norm, ctx = analyse(doc, gazetteer)
    out: list[dict[str, Any]] = []

    def add(kind: str, start: int, end: int, label: str) -> None:
        s, e = norm.raw_span(start, end)
        if e > s:
            out.append({"kind": kind, "start": s, "end": e, "text": doc.text[s:e], "resolved": label})

    for a in ctx.actors:
        add("actor", a.start, a.end, f"{a.actor.name} ({a.actor.type}; {a.via})")
    for p in ctx.places:
        pl = p.place
        add("place", p.start, p.end, f"{pl.name}, {pl.admin1 or ''} {pl.country_code or ''} — precision "
                                     f"{p.precision}; {p.reason or p.frame or ''}".replace("  ", " "))
    for d in ctx.dates:
        add("date", d.start, d.end, f"{d.value.isoformat() if d.value else 'unresolved'} (precision {d.precision})")
    for n in ctx.numbers:
        add("number", n.start, n.end, f"{n.value}{' (vague)' if n.vague else ''}{' (ordinal)' if n.ordinal else ''}")
    return sorted(out, key=lambda x: (x["start"], -x["end"]))

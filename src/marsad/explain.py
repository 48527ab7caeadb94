"""A readable trace of the extraction of one document, sentence by sentence."""

from __future__ import annotations

from typing import Any

from marsad.model import Document
from marsad.pipeline import analyse
from marsad.stages.events import extract_events


def explain_document(doc: Document, gazetteer: Any) -> str:
    log: list[str] = []
    norm, ctx = analyse(doc, gazetteer, log.append)
    drafts = extract_events(ctx)
    lines = []
    for n, (sentence, _clauses) in enumerate(ctx.sentences, 1):
        s, e = norm.raw_span(*sentence)
        lines.append(f"[{n}] {doc.text[s:e]}")
        def inside(x: Any, sentence: tuple[int, int] = sentence) -> bool:
            return bool(sentence[0] <= x.start < sentence[1])
        for t in filter(inside, ctx.triggers):
            lines.append(f"    trigger  {ctx.text[t.start:t.end]} -> {t.trigger_id} (weight {t.weight})")
        for a in filter(inside, ctx.actors):
            lines.append(f"    actor    {ctx.text[a.start:a.end]} -> {a.actor.name} ({a.via})")
        for p in filter(inside, ctx.places):
            lines.append(f"    place    {ctx.text[p.start:p.end]} -> {p.place.name}, {p.place.country_code} "
                         f"[{p.frame or 'no frame'}; {p.reason}]")
        for d in filter(inside, ctx.dates):
            lines.append(f"    date     {ctx.text[d.start:d.end]} -> {d.value} (precision {d.precision})")
        for dr in (d for d in drafts if d.sentence == sentence):
            keep = "KEPT" if dr.modality in ("reported", "claimed") else f"NOT SCORED ({dr.modality})"
            lines.append(f"    event    {dr.event_type} / {dr.sub_event_type} at {dr.place.place.name}, "
                         f"{dr.date} p{dr.time_precision}, actor1={dr.actor1 and dr.actor1.actor.name}, "
                         f"actor2={dr.actor2 and dr.actor2.actor.name}, deaths={dr.fatalities}, "
                         f"source={dr.source and dr.source.name} -> {keep}; "
                         f"{'; '.join(dr.notes)}")
        for msg in log:
            at = int(msg.rsplit(" at ", 1)[1].split(":")[0]) if " at " in msg else -1
            if sentence[0] <= at < sentence[1]:
                lines.append(f"    dropped  {msg}")
    return "\n".join(lines) + "\n"

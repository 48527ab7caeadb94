"""The order of the stages lives here, and only here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

from marsad.io.readers import arabic_share
from marsad.model import Document, Result
from marsad.resolve import merge, to_event
from marsad.stages import actors as actor_stage
from marsad.stages import places as place_stage
from marsad.stages import segment
from marsad.stages.dates import find_dates
from marsad.stages.events import extract_events
from marsad.stages.events.assemble import Context
from marsad.stages.normalize import normalize
from marsad.stages.numbers import find_numbers
from marsad.stages.triggers import find_triggers

SCORED = ("reported", "claimed")
MIN_ARABIC_SHARE = 0.3


def doc_id(text: str) -> str:
    """A document's id: a hash of its normalised text, so copies get the same id."""
    return hashlib.sha256(" ".join(normalize(text).text.split()).encode()).hexdigest()[:16]


def analyse(doc: Document, gazetteer: Any, log: Callable[[str], None] = lambda _m: None) -> tuple[Any, Context]:
    """Every stage up to the event drafts; returns (normalised text, context with drafts' inputs)."""
    norm = normalize(doc.text)
    text = norm.text
    places = place_stage.find_places(text, gazetteer)
    countries = place_stage.document_countries(places)
    actors = actor_stage.home_provinces_are_places(text, actor_stage.find_actors(text, countries), places, countries)
    sentences = [((s.start, s.end), [(c.start, c.end) for c in segment.clauses(text, s)])
                 for s in segment.sentences(text)]
    ctx = Context(text, doc.published, find_triggers(text), actors, places, find_dates(text, doc.published),
                  find_numbers(text), sentences, log)
    return norm, ctx


def run(doc: Document, gazetteer: Any, log: Callable[[str], None] = lambda _m: None,
        keep_all: bool = False) -> Result:
    if not doc.doc_id:
        doc.doc_id = doc_id(doc.text)
    norm, ctx = analyse(doc, gazetteer, log)
    events = [to_event(d, doc.text, norm.raw_span) for d in extract_events(ctx)]
    if not keep_all:
        events = [e for e in events if e.modality in SCORED]
    warnings = [] if doc.published else ["no publication date: relative dates left unresolved (date: null)"]
    if arabic_share(doc.text) < MIN_ARABIC_SHARE:
        warnings.append("hardly any Arabic in it: marsad reads Arabic news, so it found little or nothing")
    return Result(doc, merge(events), warnings)


def extract(text: str, published: date | str | None = None, outlet: str | None = None,
            gazetteer: Any = None) -> Result:
    """Public API: one Arabic article in, its events out."""
    from marsad.gazetteer import default_gazetteer

    if isinstance(published, str):
        published = date.fromisoformat(published)
    return run(Document(text=text, published=published, outlet=outlet), gazetteer or default_gazetteer())

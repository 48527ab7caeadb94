"""Turn drafts into output events: canonical actors, located places, raw-text evidence; and
merge repeated mentions into one event per (type, place, day)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.mentions import ActorMention, PlaceMention
from marsad.model import ActorRef, Event, Evidence, Location
from marsad.stages.actors import acting_body, police_forces
from marsad.stages.events.assemble import Draft
from marsad.stages.events.modality import Source

_CROWDS = {"Protests": "Protesters", "Riots": "Rioters"}
RawSpan = Callable[[int, int], tuple[int, int]]


def _actor(m: ActorMention | None, raw: str, raw_span: RawSpan) -> ActorRef | None:
    if m is None:
        return None
    s, e = raw_span(m.start, m.end)
    a = acting_body(m.actor)
    name = raw[s:e] if a.id.startswith("unknown:") else a.name     # a group no dictionary knows
    return ActorRef(name, raw[s:e], a.id, a.type, a.state_aligned, a.country)


def _source(src: Source | None, raw: str, raw_span: RawSpan) -> ActorRef | None:
    if src is None:
        return None
    s, e = raw_span(src.start, src.end) if src.end else (0, 0)
    text = raw[s:e] if src.end else src.text
    if src.actor:
        return ActorRef(src.actor.name, text, src.actor.id, src.actor.type)
    return ActorRef(src.name, text)


def _location(p: PlaceMention, raw: str, raw_span: RawSpan) -> Location:
    s, e = raw_span(p.frame_start if p.precision == 2 or p.frame == "unknown" else p.start, p.end)
    pl = p.place
    return Location(pl.name, raw[s:e], pl.country, pl.country_code, pl.admin1 if pl.kind != "country" else None,
                    pl.admin2, pl.lat, pl.lon, pl.geonames_id, p.precision)


def _confidence(d: Draft) -> float:
    c = 0.4 + 0.1 * (d.actor1 is not None) + 0.1 * (d.place.precision == 1) + 0.1 * (d.time_precision == 1)
    c += 0.1 * (d.trigger.weight >= 50) + 0.1 * (d.place.place.curated)
    return min(c, 0.95)


_INTERVENTIONS = {"Protest with intervention", "Excessive force against protesters"}


def _police_of(country_code: str) -> ActorRef | None:
    info = police_forces(country_code)
    return ActorRef(info.name, "", info.id, info.type, info.state_aligned, info.country) if info else None


_UNARMED_VICTIMS = {"Violence against civilians", "Arrests", "Looting/property destruction"}
_CROWD_TYPES = {"protesters", "rioters"}


def _roles(d: Draft, raw: str, raw_span: RawSpan) -> tuple[ActorRef | None, ActorRef | None]:
    """Event-data roles: a protest's or riot's actor1 is its crowd, any force there is actor2; the
    victims of violence against civilians, of arrests and of looting are civilians unless named."""
    actor1, actor2 = _actor(d.actor1, raw, raw_span), _actor(d.actor2, raw, raw_span)
    country = d.place.place.country
    if d.event_type in _CROWDS:
        crowd = _CROWDS[d.event_type]
        crowd_name = f"{crowd} ({country})" if country else crowd
        if actor2 is not None and actor2.actor_type == "civilians":      # "خرج الأهالي": the crowd itself
            actor2 = None
        if actor1 is not None and actor1.actor_type not in _CROWD_TYPES | {"civilians"}:
            actor1, actor2 = None, actor2 or actor1                    # a force there is acted upon
        if actor1 is not None and (actor1.actor_type == "civilians" or not actor1.name.startswith(crowd)):
            actor1 = ActorRef(crowd_name, actor1.text, None, crowd.lower())   # residents, protesters who rioted
        if actor1 is None and country:
            actor1 = ActorRef(crowd_name, "", None, crowd.lower())
        if actor2 is None and d.sub_event_type in _INTERVENTIONS and d.place.place.country_code:
            actor2 = _police_of(d.place.place.country_code)   # an unnamed force that broke it up
    civilians_victim = actor2 is None and (d.event_type == "Violence against civilians" or d.sub_event_type in
                                           _UNARMED_VICTIMS or (d.civilians and d.event_type == "Explosions/Remote violence"))
    if civilians_victim:
        actor2 = ActorRef("Civilians", "", "civilians", "civilians")
    return actor1, actor2


def to_event(d: Draft, raw: str, raw_span: RawSpan) -> Event:
    s, e = raw_span(*d.sentence)
    actor1, actor2 = _roles(d, raw, raw_span)
    return Event(
        event_type=d.event_type, sub_event_type=d.sub_event_type,
        actor1=actor1, actor2=actor2,
        location=_location(d.place, raw, raw_span), date=d.date, time_precision=d.time_precision,
        fatalities=d.fatalities, modality=d.modality, claim_source=_source(d.source, raw, raw_span),
        evidence=Evidence(raw[s:e], s, e), confidence=_confidence(d), trigger=d.trigger.trigger_id,
    )


def _key(e: Event) -> tuple[str, str, str]:
    """Type, place and day; the place by its name, so that a province told at its seat and the town of
    that name ("محافظة شرناق", "شرناق") are one place."""
    loc = e.location
    place = f"{loc.name}|{loc.country_code}" if loc else ""
    return e.event_type, place, e.date.isoformat() if e.date else ""


def _undated_twin(ev: Event, same_place: list[Event]) -> Event | None:
    """An event of the same type and place whose date is only the publication day (precision 3),
    or this one's is and the other's is stated: the same incident told twice."""
    for other in same_place:
        if 3 in (other.time_precision, ev.time_precision) and other.time_precision != ev.time_precision:
            return other
    return None


_NOBODY_KILLED = {"Peaceful protest", "Protest with intervention"}


def merge(events: list[Event]) -> list[Event]:
    """One event per (type, place, day): the first mention leads, later ones add evidence and detail."""
    merged: dict[tuple[str, str, str], Event] = {}
    by_place: dict[tuple[str, str], list[Event]] = {}
    for ev in events:
        key = _key(ev)
        first = merged.get(key) or _undated_twin(ev, by_place.get(key[:2], []))
        if first is not None and first.time_precision == 3 and ev.time_precision < 3:
            first.date, first.time_precision = ev.date, ev.time_precision
        if first is None:
            merged[key] = ev
            by_place.setdefault(key[:2], []).append(ev)
            continue
        first.extra_evidence.append(ev.evidence)
        first.actor1 = first.actor1 or ev.actor1
        first.actor2 = first.actor2 or ev.actor2
        first.claim_source = first.claim_source or ev.claim_source
        if ev.trigger == "territory" and first.trigger != "territory":
            first.sub_event_type, first.trigger = ev.sub_event_type, ev.trigger
        if ev.fatalities and (not first.fatalities or ev.fatalities > first.fatalities):
            first.fatalities = ev.fatalities
        first.confidence = min(0.95, max(first.confidence, ev.confidence) + 0.05)
    for ev in merged.values():
        if ev.sub_event_type in _NOBODY_KILLED:
            ev.fatalities = 0       # deaths at a protest make it excessive force: these deaths are others'
    return list(merged.values())

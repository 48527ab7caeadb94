"""Plain data types shared by every stage. No behaviour beyond small helpers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
MODALITIES = ("reported", "claimed", "planned", "denied", "hypothetical")


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) in the raw text."""

    start: int
    end: int

    def text(self, raw: str) -> str:
        return raw[self.start:self.end]


@dataclass
class Document:
    text: str
    doc_id: str = ""
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source_path: str | None = None


@dataclass
class ActorRef:
    name: str
    text: str
    actor_id: str | None = None
    actor_type: str | None = None
    state_aligned: bool = False
    country: str | None = None


@dataclass
class Location:
    name: str
    text: str
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    geo_precision: int


@dataclass
class Evidence:
    text: str
    start: int
    end: int


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: Location | None
    date: date | None
    time_precision: int
    fatalities: int | None
    modality: str
    claim_source: ActorRef | None
    evidence: Evidence
    confidence: float
    trigger: str = ""
    extra_evidence: list[Evidence] = field(default_factory=list)

    @property
    def disorder_type(self) -> str:
        return DISORDER_TYPES[self.event_type]

    def to_json(self) -> dict[str, Any]:
        def actor(a: ActorRef | None) -> dict[str, str] | None:
            return {"name": a.name, "text": a.text} if a else None

        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "disorder_type": self.disorder_type,
            "actor1": actor(self.actor1),
            "actor2": actor(self.actor2),
            "location": asdict(self.location) if self.location else None,
            "date": self.date.isoformat() if self.date else None,
            "time_precision": self.time_precision,
            "fatalities": self.fatalities,
            "modality": self.modality,
            "claim_source": actor(self.claim_source),
            "evidence": asdict(self.evidence),
            "confidence": round(self.confidence, 2),
            "trigger": self.trigger,
        }


@dataclass
class Result:
    """What the pipeline returns for one document."""

    document: Document
    events: list[Event]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d = self.document
        out: dict[str, Any] = {
            "doc_id": d.doc_id,
            "published": d.published.isoformat() if d.published else None,
            "outlet": d.outlet,
            "events": [e.to_json() for e in self.events],
        }
        if d.source_path:
            out["source"] = d.source_path
        if self.warnings:
            out["warnings"] = self.warnings
        return out

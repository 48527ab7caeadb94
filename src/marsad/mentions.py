"""Mentions found in normalised text by the recognition stages (offsets in normalised text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: date | None      # None when it needs a publication day that is unknown
    precision: int
    relative: bool


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: int
    vague: bool = False
    qualifier: str | None = None
    ordinal: bool = False


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    type: str
    country: str | None
    state_aligned: bool
    parent: str | None


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    actor: ActorInfo
    via: str = "alias"          # alias | person | context


@dataclass(frozen=True)
class PlaceMention:
    start: int                  # the place name itself
    end: int
    frame_start: int            # the frame words before it ("ريف", "مدينة"), or start
    place: Any                  # a gazetteer Place
    precision: int
    frame: str | None = None
    reason: str = ""
    candidates: tuple[Any, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TriggerMention:
    start: int
    end: int
    trigger_id: str
    event_type: str
    sub_event_type: str
    weight: int
    is_verb: bool
    upgrades: tuple[Any, ...] = ()
    tense: str | None = None        # "past" or "present" for verbs

"""What the event rules work on: the mentions of one document (Context) and the events they draft."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.mentions import ActorMention, DateMention, NumberMention, PlaceMention, TriggerMention
from marsad.stages.events.modality import Source

ARMED = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}

# Where a draft's date came from: the first of its notes, shown by `marsad explain` and read by later rules.
DATE_IN_CLAUSE = "date in clause"
DATE_IN_SENTENCE = "date in sentence"
DATE_CARRIED = "date carried from an earlier sentence"
DATE_TOLD_BEFORE = "the day of the same kind of event told before"
PUBLICATION_DAY = "publication day"


@dataclass
class Draft:
    """An event before resolution to output types; offsets in normalised text."""

    event_type: str
    sub_event_type: str
    trigger: TriggerMention
    place: PlaceMention
    date: date | None
    time_precision: int
    actor1: ActorMention | None
    actor2: ActorMention | None
    modality: str
    source: Source | None
    fatalities: int
    sentence: tuple[int, int]
    clause: tuple[int, int]
    notes: list[str] = field(default_factory=list)
    civilians: bool = False


@dataclass
class Context:
    text: str
    published: date | None
    triggers: list[TriggerMention]
    actors: list[ActorMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    numbers: list[NumberMention]
    sentences: list[tuple[tuple[int, int], list[tuple[int, int]]]]
    log: Callable[[str], None] = lambda _msg: None
    _starts: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("triggers", "actors", "places", "dates", "numbers"):
            items = sorted(getattr(self, name), key=lambda m: m.start)
            setattr(self, name, items)
            self._starts[name] = [m.start for m in items]

    def within(self, name: str, span: tuple[int, int]) -> list[Any]:
        """The mentions of a kind that start inside [start, end): a binary search, so that long texts
        cost time in proportion to their length."""
        starts = self._starts[name]
        items: list[Any] = getattr(self, name)
        return items[bisect_left(starts, span[0]):bisect_left(starts, span[1])]


LONGEST_NAME = 160      # characters: an actor name that could contain a place or a trigger starts this close


def inside(x: Any, span: tuple[int, int]) -> bool:
    return bool(span[0] <= x.start < span[1])


def in_actor(ctx: Context, start: int, end: int, kinds: set[str] | None = None) -> bool:
    return any(a.start <= start and end <= a.end and (kinds is None or a.actor.type not in kinds)
               for a in ctx.within("actors", (start - LONGEST_NAME, start + 1)))

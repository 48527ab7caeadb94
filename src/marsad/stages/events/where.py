"""Where an event happened: the usable places of a clause, the one nearest its trigger, and the places
listed with it ("بلدتي أ وب")."""

from __future__ import annotations

from marsad.mentions import PlaceMention, TriggerMention
from marsad.stages.events.cues import cue_set, words_between
from marsad.stages.events.draft import Context, in_actor

_NOT_EVENT_PLACE = {"country", "demonym", "dateline", "outlet"}


def usable_places(ctx: Context, span: tuple[int, int]) -> list[PlaceMention]:
    """Places that can be an event's: not a country, a dateline, an outlet, a place inside an actor's
    name ("مجلس دير الزور العسكري"), nor a locator of the place before it ("مدينة عمران شمال صنعاء",
    "البصرة جنوبي العراق", "ود مدني بولاية الجزيرة")."""
    out: list[PlaceMention] = []
    for p in ctx.within("places", span):
        if p.frame in _NOT_EVENT_PLACE or p.place.kind == "country" or in_actor(ctx, p.start, p.end):
            continue
        gap = ctx.text[out[-1].end:p.frame_start].strip() if out else ""
        locator = p.frame == "near" or p.place.kind == "region" or (p.precision == 3 and out and out[-1].precision < 3)
        if out and locator and words_between(ctx.text, out[-1].end, p.frame_start) <= 1 \
                and gap not in cue_set("list_fillers"):          # "ومثلهما قرب بيجي" lists another place
            continue
        out.append(p)
    return out


def _distance(trigger: TriggerMention, place: PlaceMention) -> float:
    """How far a place is from the trigger; places after it ("قصفت ... بلدة X") count closer."""
    if place.start >= trigger.end:
        return place.start - trigger.end
    return 1.5 * (trigger.start - place.end) + 10


_COARSE_PENALTY = 40       # characters


def place_for(ctx: Context, clause: tuple[int, int], sentence: tuple[int, int],
               trigger: TriggerMention) -> PlaceMention | None:
    in_clause = usable_places(ctx, clause)
    if in_clause:
        # a town of the clause beats a province or region a little nearer ("جامعة الأنبار في مدينة الرمادي")
        towns = any(p.precision == 1 for p in in_clause)
        return min(in_clause, key=lambda p: _distance(trigger, p) + (_COARSE_PENALTY if towns and p.precision == 3 else 0))
    in_sentence = usable_places(ctx, sentence)
    if in_sentence:
        return min(in_sentence, key=lambda p: abs(p.start - trigger.start))
    return None


def coordinated(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places a clause lists, without their locators: in "مدينة الميادين بريف دير الزور"
    only Mayadin is a place of its own; "قرية أ وقرية ب" lists two."""
    out: list[PlaceMention] = []
    for p in places:
        if out and not text[out[-1].end:p.start].strip().startswith("و"):      # "وقرية ب", "وبلدتي ب"
            continue
        out.append(p)
    return out


def listed_with(text: str, places: list[PlaceMention], chosen: PlaceMention) -> list[PlaceMention]:
    """The other places of the و-list the chosen place is in: "بلدتي أ وب" gives both, whichever the
    trigger was nearest to."""
    chain: list[PlaceMention] = []
    for p in places:
        if chain and not text[chain[-1].end:p.start].strip().startswith("و"):
            if chosen in chain:
                break
            chain = []
        chain.append(p)
    return [p for p in chain if p is not chosen] if chosen in chain else []


def continuation(text: str, clause: tuple[int, int], first_place: PlaceMention) -> bool:
    """"، وأجزاء من قرية ب": a clause that opens with و and names its place within three words."""
    head = text[clause[0]:first_place.frame_start]
    return head.startswith("و") and len(head.split()) <= 3

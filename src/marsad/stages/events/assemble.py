"""Sentence by sentence: pick the clause's trigger, then its place, date, actors, modality,
claim source and fatalities; clauses that only add a place ("، وأجزاء من قرية ب") inherit the
event of the clause before them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from marsad.mentions import ActorMention, DateMention, NumberMention, PlaceMention, TriggerMention
from marsad.stages.actors import acting_body, forces_by_adjective, governing_groups
from marsad.stages.events.cues import cue_set, word_forms, words_between
from marsad.stages.events.fatalities import fatalities
from marsad.stages.events.modality import Source, claim_source, modality
from marsad.stages.events.roles import assign_roles, claims_responsibility

BACKGROUND_DAYS = 365
_NOT_EVENT_PLACE = {"country", "demonym", "dateline", "outlet"}
_CROWD_TYPES = {"protesters", "rioters", "civilians"}
_ARMED = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}


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


def _inside(x: Any, span: tuple[int, int]) -> bool:
    return bool(span[0] <= x.start < span[1])


def _in_actor(ctx: Context, start: int, end: int, kinds: set[str] | None = None) -> bool:
    return any(a.start <= start and end <= a.end and (kinds is None or a.actor.type not in kinds)
               for a in ctx.within("actors", (start - LONGEST_NAME, start + 1)))


def _usable_places(ctx: Context, span: tuple[int, int]) -> list[PlaceMention]:
    """Places that can be an event's: not a country, a dateline, an outlet, a place inside an actor's
    name ("مجلس دير الزور العسكري"), nor a locator of the place before it ("مدينة عمران شمال صنعاء")."""
    out: list[PlaceMention] = []
    for p in ctx.within("places", span):
        if p.frame in _NOT_EVENT_PLACE or p.place.kind == "country" or _in_actor(ctx, p.start, p.end):
            continue
        if out and p.frame == "near" and words_between(ctx.text, out[-1].end, p.frame_start) <= 1:
            continue
        out.append(p)
    return out


def _distance(trigger: TriggerMention, place: PlaceMention) -> float:
    """How far a place is from the trigger; places after it ("قصفت ... بلدة X") count closer."""
    if place.start >= trigger.end:
        return place.start - trigger.end
    return 1.5 * (trigger.start - place.end) + 10


_COARSE_PENALTY = 40       # characters


def _place_for(ctx: Context, clause: tuple[int, int], sentence: tuple[int, int],
               trigger: TriggerMention) -> PlaceMention | None:
    in_clause = _usable_places(ctx, clause)
    if in_clause:
        # a town of the clause beats a province or region a little nearer ("جامعة الأنبار في مدينة الرمادي")
        towns = any(p.precision == 1 for p in in_clause)
        return min(in_clause, key=lambda p: _distance(trigger, p) + (_COARSE_PENALTY if towns and p.precision == 3 else 0))
    in_sentence = _usable_places(ctx, sentence)
    if in_sentence:
        return min(in_sentence, key=lambda p: abs(p.start - trigger.start))
    return None


def _since(text: str, d: DateMention) -> bool:
    """"منذ أغسطس 2014": the start of a state of affairs, not the day of an event."""
    before = text[max(0, d.start - 12):d.start].split()
    return bool(before) and before[-1] in cue_set("background_markers")


def _date_for(ctx: Context, clause: tuple[int, int], sentence: tuple[int, int], trigger: TriggerMention,
              carried: tuple[date | None, int] | None) -> tuple[date | None, int, str]:
    in_sentence = [d for d in ctx.within("dates", sentence) if not _since(ctx.text, d)]
    in_clause = [d for d in in_sentence if _inside(d, clause)]
    pool = in_clause or in_sentence
    if pool:
        d = min(pool, key=lambda d: abs(d.start - trigger.start))
        statement_only = not in_clause and d.start < clause[0] and d.precision == 1 and \
            words_between(ctx.text, d.end, trigger.start) > 6
        return d.value, (2 if statement_only else d.precision), "date in " + ("clause" if in_clause else "sentence")
    if carried:
        return carried[0], max(carried[1], 1), "date carried from an earlier sentence"
    return ctx.published, 3, "publication day"


def _refine_type(t: TriggerMention, text: str, clause: tuple[int, int],
                 actor1: ActorMention | None) -> tuple[str, str]:
    event_type, sub = t.event_type, t.sub_event_type
    clause_text = text[clause[0]:clause[1]]
    words = word_forms(clause_text)
    for trigger_words, up_type, up_sub in t.upgrades:
        if any((w in words) if " " not in w else (w in clause_text) for w in trigger_words):
            event_type, sub = up_type, up_sub
            break
    state = actor1 is None or actor1.actor.type in ("state_forces", "external_forces") or actor1.actor.state_aligned
    if t.trigger_id == "territory":
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    if sub == "Arrests" and not state and actor1 is not None and actor1.actor.type in _ARMED \
            and acting_body(actor1.actor).id not in governing_groups():
        event_type, sub = "Violence against civilians", "Abduction/forced disappearance"   # authorities arrest
    return event_type, sub


def _describes_incident(text: str, t: TriggerMention) -> bool:
    """Territory words describe a state ("التي يسيطر عليها", "سيطرة التنظيم") unless a past verb
    or an accomplishment ("تمكنت من السيطرة") makes them an incident."""
    before = text[max(0, t.start - 40):t.start].split()[-4:]
    if any(w in cue_set("background_markers") for w in before[-3:]):
        return False
    if t.trigger_id != "territory":
        return True
    if t.tense == "present":
        return False
    if t.tense == "past":
        return not (before and before[-1] in cue_set("state_markers"))
    return any(w in cue_set("accomplishment") or w[1:] in cue_set("accomplishment") for w in before)


def _reported_speech_continues(text: str, sentence: tuple[int, int]) -> bool:
    """Is the next sentence likely the same speaker going on ("وأضاف", "وتابع")? Only then does
    a date carry over to it."""
    nxt = text[sentence[1]:sentence[1] + 20].split()
    return bool(nxt) and nxt[0].lstrip("و") in cue_set("continuation_verbs")


def _sole_event_clause(ctx: Context, sentence: tuple[int, int], clause: tuple[int, int]) -> bool:
    """No other clause of the sentence has a trigger of its own, so the sentence's toll is this event's."""
    return not any(not _inside(t, clause) for t in ctx.within("triggers", sentence))


def _inherited(trigger: TriggerMention, drafts: list[Draft], sentence: tuple[int, int], text: str) -> Draft | None:
    """"كما استهدفت منطقة ب": a bare targeting verb goes on with the event just told, in the same paragraph."""
    if trigger.trigger_id != "target" or not drafts:
        return None
    last = drafts[-1]
    same_paragraph = "\n" not in text[last.sentence[1]:sentence[0]]
    return last if same_paragraph and sentence[0] - last.sentence[1] < 400 else None


def _outcome_clause(text: str, clause: tuple[int, int]) -> bool:
    head = " ".join(text[clause[0]:clause[0] + 30].split()[:2])
    markers = cue_set("consequence_markers")
    return head.split(" ")[0] in markers or head in markers


def _mentions_civilians(text: str, clause: tuple[int, int]) -> bool:
    return bool(word_forms(text[clause[0]:clause[1]]) & cue_set("civilian_nouns"))


def _aggregate(text: str, clause: tuple[int, int]) -> bool:
    """"منذ بداية الحرب", "خلال عام 2023": a toll or fighting summed over a period, not one incident
    ("للمرة الأولى منذ بداية الحرب" compares an incident with that period; territory held "منذ عام
    2014" is the background of a capture, handled by the caller)."""
    span = text[clause[0]:clause[1]]
    return any(m in span for m in cue_set("aggregate_markers")) and \
        not any(m in span for m in cue_set("since_comparisons"))


def _mourning(text: str, sentence: tuple[int, int]) -> bool:
    return bool(word_forms(text[sentence[0]:sentence[1]]) & cue_set("funeral_words"))


def _toll_of_the_event_told(trigger: TriggerMention, previous: Draft | None, text: str,
                            clause: tuple[int, int], numbers: list[NumberMention]) -> bool:
    """"هاجموا البلدة وقتلوا 30 مدنيا": a killing after the sentence's event is its toll, and makes a
    battle an attack on civilians when the dead are civilians."""
    if trigger.trigger_id != "killing":
        return False
    if previous is None:
        return True
    previous.fatalities = max(previous.fatalities, fatalities(text, clause[0], clause[1], numbers))
    event_type, sub = _refine_type(trigger, text, clause, previous.actor1)
    if previous.event_type == "Battles" and previous.sub_event_type == "Armed clash" \
            and event_type == "Violence against civilians":
        previous.event_type, previous.sub_event_type, previous.civilians = event_type, sub, True
    elif previous.event_type == "Strategic developments" and previous.fatalities:
        # "أحرقوا المنازل وقتلوا 12": the killing makes it an attack
        previous.event_type, previous.sub_event_type = "Violence against civilians", "Attack"
    return True


def _coordinated(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places a clause lists, without their locators: in "مدينة الميادين بريف دير الزور"
    only Mayadin is a place of its own; "قرية أ وقرية ب" lists two."""
    out: list[PlaceMention] = []
    for p in places:
        if out and not text[out[-1].end:p.start].strip().startswith("و"):      # "وقرية ب", "وبلدتي ب"
            continue
        out.append(p)
    return out


_WORD_SPAN = re.compile(r"[^\W\d_]+")


_VIOLENT_EVEN_AT_A_MATCH = {"killing", "ied", "suicide", "grenade", "chemical"}


def _sports(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence about a match: its "مواجهة", "هجوم" and "احتجاج" are no fighting or protest; only
    killings and explosions there are events."""
    return bool(word_forms(text[sentence[0]:sentence[1]]) & cue_set("sports_words"))


_OUTCOMES = {"looting", "arrest", "abduction"}      # when only tried, these did not happen


def _attempted(text: str, trigger: TriggerMention, clause: tuple[int, int]) -> bool:
    """"حاول التنظيم هدم القبور", "في محاولة للسيطرة": the trigger names what was tried."""
    before = text[max(clause[0], trigger.start - 30):trigger.start].split()[-3:]
    return bool(word_forms(" ".join(before)) & cue_set("attempt_words"))


def _types(*actors: ActorMention | None) -> set[str]:
    return {a.actor.type for a in actors if a is not None}


_NOT_PARTY_TYPES = {"monitor", "news_agency", "international_org", "civilians", "other"}


def _party(src: Source) -> bool:
    """A source that is a side of the conflict makes its report a claim; monitors, agencies, the UN,
    medics, rescuers and witnesses only report."""
    if src.actor is not None:
        return src.actor.type not in _NOT_PARTY_TYPES
    return src.name not in cue_set("reporting_sources")


def _drone(t: TriggerMention, text: str, clause: tuple[int, int]) -> bool:
    """"مسيرة إسرائيلية" is an actor's name and a weapon: its strike is an event."""
    return t.trigger_id == "march" and _refine_type(t, text, clause, None)[0] != "Protests"


def _forces_by_adjective(ctx: Context, trigger: TriggerMention, clause: tuple[int, int]) -> ActorMention | None:
    """"قصف مدفعي إسرائيلي", "غارات أمريكية": a nationality right after the trigger noun (or after one
    more adjective) names its army; "غارات على سوريا" names a target, not an army."""
    if trigger.is_verb:
        return None
    for i, word in enumerate(_WORD_SPAN.finditer(ctx.text, trigger.end, min(clause[1], trigger.end + 25))):
        info = forces_by_adjective().get(word.group())
        if info:
            return ActorMention(word.start(), word.end(), info, "nationality")
        if i == 1 or word.group() in cue_set("between_words"):
            break
    return None


def _soldiers_by_adjective(ctx: Context, clause: tuple[int, int]) -> ActorMention | None:
    """"قتل 12 جنديا نيجريا": soldiers named by their nationality are that country's army."""
    words = list(_WORD_SPAN.finditer(ctx.text, clause[0], clause[1]))
    for noun, adjective in zip(words, words[1:], strict=False):
        if noun.group() in cue_set("combatant_nouns"):
            info = forces_by_adjective().get(adjective.group()) or forces_by_adjective().get(adjective.group()[:-1])
            if info and adjective.group().endswith(("ي", "يا", "يين", "يون", "ين")):
                return ActorMention(adjective.start(), adjective.end(), info, "nationality")
    return None


def _listed_with(text: str, places: list[PlaceMention], chosen: PlaceMention) -> list[PlaceMention]:
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


def _continuation(text: str, clause: tuple[int, int], first_place: PlaceMention) -> bool:
    """"، وأجزاء من قرية ب": a clause that opens with و and names its place within three words."""
    head = text[clause[0]:first_place.frame_start]
    return head.startswith("و") and len(head.split()) <= 3


def _armed_by_count(ctx: Context) -> list[ActorMention]:
    """One mention of each armed actor, the most named first."""
    counts = Counter(a.actor.id for a in ctx.actors if a.actor.type in _ARMED)
    first: dict[str, ActorMention] = {}
    for a in ctx.actors:
        first.setdefault(a.actor.id, a)
    return [first[actor_id] for actor_id, _ in counts.most_common()]


def _main_opponent(ranked: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    """The armed actor the article names most, other than actor1 and its side: who a battle
    with no stated enemy was most likely fought against."""
    if actor1 is None:
        return None
    return next((a for a in ranked if a.actor.id != actor1.actor.id and not _same_side(a, actor1)), None)


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    def state_side(x: ActorMention) -> bool:
        return x.actor.type == "state_forces" or x.actor.state_aligned
    return a.actor.country == b.actor.country and state_side(a) and state_side(b)


def _one_event_per_place(drafts: list[Draft]) -> list[Draft]:
    """One sentence, one place, one day: one event, of the higher type ("اعتقلت الشرطة متظاهرين في
    الاحتجاج" is a protest with intervention, not an arrest beside a protest); its toll the highest."""
    kept: dict[tuple[Any, ...], Draft] = {}
    for d in drafts:
        key = (d.sentence, d.place.place.name, d.date, d.modality)
        other = kept.get(key)
        if other is None:
            kept[key] = d
            continue
        if {other.event_type, d.event_type} == {"Protests", "Strategic developments"}:
            protest = other if other.event_type == "Protests" else d
            protest.sub_event_type = "Protest with intervention"
            kept[key] = protest
        elif d.trigger.weight > other.trigger.weight:        # the triggers' weights are ACLED's precedence
            d.fatalities = max(d.fatalities, other.fatalities)
            kept[key] = d
        else:
            other.fatalities = max(d.fatalities, other.fatalities)
    chosen = {id(d) for d in kept.values()}
    return [d for d in drafts if id(d) in chosen]


def _headline(ctx: Context) -> tuple[int, int] | None:
    """A short first line with no final stop, before a body of several sentences: a headline."""
    if len(ctx.sentences) < 3:
        return None
    first = ctx.sentences[0][0]
    line = ctx.text[first[0]:first[1]].strip()
    alone = "\n" in ctx.text[first[1]:ctx.sentences[1][0][0] + 1] or ctx.text[first[1]:].startswith("\n")
    if alone and line and line[-1] not in ".!؟?:،" and len(line.split()) <= 16:
        return first
    return None


def extract_events(ctx: Context) -> list[Draft]:
    drafts: list[Draft] = []
    ranked = _armed_by_count(ctx)
    told: set[tuple[int, int]] = set()          # sentences that already have an event
    speaker: Source | None = None
    carried: tuple[date | None, int] | None = None
    headline = _headline(ctx)
    for sentence, clauses in ctx.sentences:
        if sentence == headline:
            ctx.log("skipped the headline: its events are told in the article below it")
            continue
        if ctx.text[max(0, sentence[0] - 2):sentence[0]].count("\n"):
            speaker, carried = None, None          # a new paragraph
        previous: Draft | None = None
        for clause in clauses:
            triggers = [t for t in ctx.within("triggers", clause) if _describes_incident(ctx.text, t)
                        and (not _in_actor(ctx, t.start, t.start + 1, _CROWD_TYPES) or _drone(t, ctx.text, clause))
                        and not (t.trigger_id in _OUTCOMES and _attempted(ctx.text, t, clause))
                        and (t.trigger_id in _VIOLENT_EVEN_AT_A_MATCH or not _sports(ctx.text, sentence))]
            if not triggers:
                extra = _coordinated(ctx.text, _usable_places(ctx, clause))
                if previous and extra and _continuation(ctx.text, clause, extra[0]):
                    for p in extra:
                        drafts.append(replace(previous, place=p, clause=clause,
                                              notes=[*previous.notes, "place added by coordination"]))
                continue
            trigger = max(triggers, key=lambda t: (t.weight, t.is_verb, -t.start))
            if trigger.trigger_id in ("arrest", "mob"):   # arrests at a protest, angry protesters: a protest
                trigger = next((t for t in triggers if t.event_type == "Protests"), trigger)
            if trigger.event_type == "Strategic developments":     # killing while looting or burning homes
                trigger = next((t for t in triggers if t.trigger_id == "killing"), trigger)
            inherited = _inherited(trigger, drafts, sentence, ctx.text)
            if trigger.trigger_id == "target" and inherited is None and \
                    _refine_type(trigger, ctx.text, clause, None)[0] == trigger.event_type:
                continue            # "استهدف" alone, with no weapon named, says too little to type an event
            if previous and _outcome_clause(ctx.text, clause):
                previous.fatalities = max(previous.fatalities, fatalities(
                    ctx.text, clause[0], clause[1], ctx.within("numbers", clause)))
                continue
            if sentence in told and claims_responsibility(ctx.text, clause):
                continue        # "وتبنت الحركة التفجير": who did the event already told
            if sentence in told and _toll_of_the_event_told(trigger, previous, ctx.text, clause,
                                                             ctx.within("numbers", clause)):
                continue        # "قتل" beside another event of the sentence is its toll, not a new event
            if trigger.event_type != "Protests" and _mourning(ctx.text, sentence):
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: a funeral tells of an earlier death")
                continue
            if trigger.trigger_id != "territory" and _aggregate(ctx.text, clause):
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: a toll or fighting over a period")
                continue
            place = _place_for(ctx, clause, sentence, trigger)
            mode = modality(ctx.text, clause, sentence, trigger)
            sentence_actors = ctx.within("actors", sentence)
            src = claim_source(ctx.text, sentence, trigger, sentence_actors, speaker)
            if src:
                speaker = src
            speaking = next((a for a in sentence_actors if src and (a.start, a.end) == (src.start, src.end)), None)
            actor1, actor2 = assign_roles(ctx.text, clause, sentence, trigger, sentence_actors, speaking)
            if actor1 is None:
                actor1 = _forces_by_adjective(ctx, trigger, clause)
                if actor1 and actor2 and actor2.actor.id == actor1.actor.id:
                    actor2 = None
            if actor2 is None:
                actor2 = _soldiers_by_adjective(ctx, clause)
                if actor2 and actor1 and actor2.actor.id == actor1.actor.id:
                    actor2 = None
            event_type, sub = _refine_type(trigger, ctx.text, clause, actor1)
            if inherited is not None:
                event_type, sub = inherited.event_type, inherited.sub_event_type
                actor1 = actor1 or inherited.actor1
            if trigger.trigger_id == "territory" and _attempted(ctx.text, trigger, clause):
                event_type, sub = "Battles", "Armed clash"          # a capture only tried is a battle
            if (event_type, sub) == ("Battles", "Armed clash") and "civilians" in _types(actor1, actor2):
                event_type, sub = "Riots", "Mob violence"      # residents fighting an armed group
            if actor2 is None and event_type == "Battles":
                actor2 = _main_opponent(ranked, actor1)
            if event_type in ("Protests", "Riots") and actor2 and actor2.actor.type in _CROWD_TYPES:
                actor1, actor2 = actor2, actor1
            when, precision, why = _date_for(ctx, clause, sentence, trigger, carried)
            if place is None:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: no place")
                previous = None
                continue
            if mode == "reported" and src and _party(src):
                mode = "claimed"
            if when and ctx.published and when > ctx.published + timedelta(days=1):
                mode = "planned"
            if when and ctx.published and (ctx.published - when).days > BACKGROUND_DAYS:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: background ({when})")
                continue
            numbers = ctx.within("numbers", sentence)
            deaths = fatalities(ctx.text, clause[0], clause[1], numbers) or (
                fatalities(ctx.text, sentence[0], sentence[1], numbers) if _sole_event_clause(ctx, sentence, clause)
                else 0)
            draft = Draft(event_type, sub, trigger, place, when, precision, actor1, actor2, mode, src, deaths,
                          sentence, clause, [why, place.reason], _mentions_civilians(ctx.text, clause))
            drafts.append(draft)
            told.add(sentence)
            for other in _listed_with(ctx.text, _usable_places(ctx, clause), place):
                drafts.append(replace(draft, place=other, notes=[*draft.notes, "place coordinated with و"]))
            previous = draft
            if when and precision == 1:
                carried = (when, 2)
        if not _reported_speech_continues(ctx.text, sentence):
            carried = None
    return _one_event_per_place(drafts)

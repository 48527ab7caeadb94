"""Sentence by sentence: pick the clause's trigger, then its place, date, actors, modality,
claim source and fatalities; clauses that only add a place ("، وأجزاء من قرية ب") inherit the
event of the clause before them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from marsad.mentions import ActorMention, DateMention, TriggerMention
from marsad.stages.events.cues import cue_set, word_forms, words_between
from marsad.stages.events.draft import (
    ARMED,
    DATE_CARRIED,
    DATE_IN_CLAUSE,
    DATE_IN_SENTENCE,
    DATE_TOLD_BEFORE,
    PUBLICATION_DAY,
    Context,
    Draft,
    in_actor,
    inside,
)
from marsad.stages.events.fatalities import fatalities
from marsad.stages.events.kinds import (
    OUTCOMES,
    VIOLENT_EVEN_AT_A_MATCH,
    aggregate,
    attack_told_again,
    attempted,
    civil_agreement,
    compared_with_the_past,
    describes_incident,
    drone,
    in_a_background_phrase,
    mentions_civilians,
    mourning,
    one_event_per_place,
    overflight,
    protest_cause,
    refine_type,
    seized,
    sports,
    toll_of_the_event_told,
)
from marsad.stages.events.modality import Source, claim_source, modality
from marsad.stages.events.parties import armed_by_count, main_opponent, nationality_forces, nationality_soldiers, party, types_of
from marsad.stages.events.roles import assign_roles, claims_responsibility
from marsad.stages.events.where import continuation, coordinated, listed_with, place_for, usable_places

__all__ = ["Context", "Draft", "extract_events"]

BACKGROUND_DAYS = 365
VAGUE_PAST_DAYS = 14        # a month named with no day, further back than this, is background


_CROWD_TYPES = {"protesters", "rioters", "civilians"}


RECENT_START_DAYS = 7


def _since(ctx: Context, d: DateMention, trigger: TriggerMention) -> bool:
    """"منذ أغسطس 2014": the start of a state of affairs, not the day of an event; but "معارك عنيفة منذ
    مساء الثلاثاء", a day of the past week right after the fighting, is the day it began."""
    before = ctx.text[max(0, d.start - 12):d.start].split()
    if not before or before[-1] not in cue_set("background_markers"):
        return False
    recent = d.precision == 1 and d.value is not None and ctx.published is not None and \
        0 <= (ctx.published - d.value).days <= RECENT_START_DAYS
    return not (recent and trigger.end <= d.start and words_between(ctx.text, trigger.end, d.start) <= 4)


def _date_for(ctx: Context, clause: tuple[int, int], sentence: tuple[int, int], trigger: TriggerMention,
              carried: tuple[date | None, int] | None) -> tuple[date | None, int, str]:
    in_sentence = [d for d in ctx.within("dates", sentence) if not _since(ctx, d, trigger)]
    said = _what_was_said_starts(ctx.text, sentence[0], trigger.start)
    if said is not None and any(d.start >= said for d in in_sentence):
        in_sentence = [d for d in in_sentence if d.start >= said]     # "أوضحت اليوم، إن ... دخلت أمس الأول"
    in_clause = [d for d in in_sentence if inside(d, clause)]
    pool = in_clause or in_sentence
    if pool:
        d = min(pool, key=lambda d: abs(d.start - trigger.start))
        statement_only = not in_clause and d.start < clause[0] and d.precision == 1 and \
            words_between(ctx.text, d.end, trigger.start) > 6
        return d.value, (2 if statement_only else d.precision), DATE_IN_CLAUSE if in_clause else DATE_IN_SENTENCE
    if carried:
        return carried[0], max(carried[1], 1), DATE_CARRIED
    return ctx.published, 3, PUBLICATION_DAY


def _refers_back(text: str, trigger: TriggerMention) -> bool:
    """"وقال الجيش إن الغارات ...": a noun with the article names events already told."""
    word = text[trigger.start:trigger.end]
    return not trigger.is_verb and word.startswith("ال") and text[trigger.start - 1:trigger.start] in ("", " ")


_COMPLEMENTIZER = re.compile(r"(?<![^\W\d_])(?:ان|انه|انها|بان)(?![^\W\d_])")


def _what_was_said_starts(text: str, start: int, trigger_start: int) -> int | None:
    """Where the reported words begin ("قالت الجماعة اليوم إن ..."), if before the trigger: a date before
    that is the day of the statement."""
    found = None
    for m in _COMPLEMENTIZER.finditer(text, start, trigger_start):
        found = m.end()
    return found


def _reported_speech_continues(text: str, sentence: tuple[int, int]) -> bool:
    """Is the next sentence likely the same speaker going on ("وأضاف", "وتابع")? Only then does
    a date carry over to it."""
    nxt = text[sentence[1]:sentence[1] + 20].split()
    return bool(nxt) and nxt[0].lstrip("و") in cue_set("continuation_verbs")


def _sole_event_clause(ctx: Context, sentence: tuple[int, int], clause: tuple[int, int]) -> bool:
    """No other clause of the sentence has a trigger of its own, so the sentence's toll is this event's."""
    return not any(not inside(t, clause) for t in ctx.within("triggers", sentence))


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


def _caused_by_what_follows(ctx: Context, sentence: tuple[int, int], clause: tuple[int, int],
                            killing: TriggerMention) -> bool:
    """A killing told first, then its cause in a later clause ("جراء غارات", "إثر انفجار عبوة")."""
    for t in ctx.within("triggers", (clause[1], sentence[1])):
        before = ctx.text[max(clause[1], t.start - 20):t.start].split()[-2:]
        if t.weight > killing.weight and set(before) & cue_set("caused_by"):
            return True
    return False


def _witnessing(text: str, t: TriggerMention) -> bool:
    """"أعدمت الحركة رجلين أمام حشد من السكان": the crowd looked on."""
    before = text[max(0, t.start - 12):t.start].split()[-1:]
    return bool(before) and before[0] in cue_set("onlooker_words")


def _links_elsewhere(text: str, sentence: tuple[int, int]) -> bool:
    """"اقرأ أيضا: ..." inside a page: the headline of another story."""
    line_start = text.rfind("\n", 0, sentence[0]) + 1
    opening = " ".join(text[line_start:line_start + 40].replace(":", " ").split()[:3])
    return any(opening.startswith(c) for c in cue_set("related_links"))


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
    ranked = armed_by_count(ctx)
    told: set[tuple[int, int]] = set()          # sentences that already have an event
    speaker: Source | None = None
    last_speaker: Source | None = None
    carried: tuple[date | None, int] | None = None
    # the day last stated for each kind of trigger, with who acted
    dated_kinds: dict[str, tuple[date, ActorMention | None, ActorMention | None]] = {}
    headline = _headline(ctx)
    for sentence, clauses in ctx.sentences:
        if sentence == headline:
            ctx.log("skipped the headline: its events are told in the article below it")
            continue
        if _links_elsewhere(ctx.text, sentence):
            ctx.log("skipped a link to another story")
            continue
        if ctx.text[max(0, sentence[0] - 2):sentence[0]].count("\n"):
            speaker, carried = None, None          # a new paragraph (but "وقال:" alone still means the last speaker)
        previous: Draft | None = None
        pending_deaths = 0
        sentence_words = word_forms(ctx.text[sentence[0]:sentence[1]])
        at_a_match, at_a_funeral = sports(sentence_words), mourning(sentence_words)
        for clause in clauses:
            in_clause = ctx.within("triggers", clause)
            armed_here = any(a.actor.type in ARMED for a in ctx.within("actors", clause))
            triggers = [t for t in in_clause if describes_incident(ctx.text, t)
                        and not in_a_background_phrase(ctx.text, t, in_clause)
                        and (not in_actor(ctx, t.start, t.start + 1, _CROWD_TYPES) or drone(t, ctx.text, clause))
                        and not (t.trigger_id in OUTCOMES and attempted(ctx.text, t, clause))
                        and not seized(ctx.text, t, clause) and not overflight(ctx.text, t, clause)
                        and not compared_with_the_past(ctx.text, sentence, t)
                        and not (t.trigger_id == "mob" and _witnessing(ctx.text, t))
                        and not civil_agreement(ctx.text, t, clause, armed_here)
                        and (t.trigger_id in VIOLENT_EVEN_AT_A_MATCH or not at_a_match)]
            if not triggers:
                extra = coordinated(ctx.text, usable_places(ctx, clause))
                if previous and extra and continuation(ctx.text, clause, extra[0]):
                    for p in extra:
                        drafts.append(replace(previous, place=p, clause=clause,
                                              notes=[*previous.notes, "place added by coordination"]))
                continue
            trigger = max(triggers, key=lambda t: (t.weight, t.is_verb, -t.start))
            if trigger.trigger_id in ("arrest", "mob") or protest_cause(ctx.text, trigger, clause):
                # arrests at a protest, angry protesters, a protest against strikes: a protest
                trigger = next((t for t in triggers if t.event_type == "Protests"), trigger)
            if trigger.event_type == "Strategic developments":     # killing while looting or burning homes
                trigger = next((t for t in triggers if t.trigger_id == "killing"), trigger)
            inherited = _inherited(trigger, drafts, sentence, ctx.text)
            if trigger.trigger_id == "target" and inherited is None and \
                    refine_type(trigger, ctx.text, clause, None)[0] == trigger.event_type:
                continue            # "استهدف" alone, with no weapon named, says too little to type an event
            outcome = _outcome_clause(ctx.text, clause)
            if previous is None and outcome and ctx.within("triggers", (sentence[0], clause[0])):
                continue        # the toll of an event dropped in the clause before
            if previous and outcome:
                previous.fatalities = max(previous.fatalities, fatalities(
                    ctx.text, clause[0], clause[1], ctx.within("numbers", clause)))
                one_sided = previous.actor2 is None or previous.actor2.actor.type == "civilians"
                if (previous.event_type, previous.sub_event_type) == ("Battles", "Armed clash") and one_sided \
                        and previous.fatalities and mentions_civilians(ctx.text, clause):
                    # "هاجمت القوات المدينة، ما أدى إلى مقتل عشرات المدنيين": an attack on civilians
                    previous.event_type, previous.sub_event_type, previous.civilians = \
                        "Violence against civilians", "Attack", True
                continue
            if trigger.trigger_id == "killing" and _caused_by_what_follows(ctx, sentence, clause, trigger):
                pending_deaths = max(pending_deaths, fatalities(ctx.text, clause[0], clause[1], ctx.within("numbers", clause)))
                continue        # "قتل ستة مدنيين، أمس، جراء غارات شنتها طائرات": the toll of the strikes
            if sentence in told and claims_responsibility(ctx.text, clause):
                continue        # "وتبنت الحركة التفجير": who did the event already told
            if sentence in told and toll_of_the_event_told(trigger, previous, ctx.text, clause,
                                                             ctx.within("numbers", clause)):
                continue        # "قتل" beside another event of the sentence is its toll, not a new event
            if trigger.event_type != "Protests" and at_a_funeral:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: a funeral tells of an earlier death")
                continue
            capture = trigger.trigger_id == "territory" and not attempted(ctx.text, trigger, clause)
            if aggregate(ctx.text, clause, capture):
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: a toll or fighting over a period")
                continue
            place = place_for(ctx, clause, sentence, trigger)
            mode = modality(ctx.text, clause, sentence, trigger)
            sentence_actors = ctx.within("actors", sentence)
            src = claim_source(ctx.text, sentence, trigger, sentence_actors, speaker or last_speaker)
            last_speaker = src or last_speaker
            if src:
                speaker = src
            speaking = next((a for a in sentence_actors if src and (a.start, a.end) == (src.start, src.end)), None)
            actor1, actor2 = assign_roles(ctx.text, clause, sentence, trigger, sentence_actors, speaking)
            if actor1 is None and trigger.event_type != "Protests":     # "خرج آلاف السودانيين": a crowd, no army
                actor1 = nationality_forces(ctx, trigger, clause)
                if actor1 and actor2 and actor2.actor.id == actor1.actor.id:
                    actor2 = None
            if actor2 is None:
                actor2 = nationality_soldiers(ctx, clause)
                if actor2 and actor1 and actor2.actor.id == actor1.actor.id:
                    actor2 = None
            event_type, sub = refine_type(trigger, ctx.text, clause, actor1)
            if inherited is not None:
                event_type, sub = inherited.event_type, inherited.sub_event_type
                actor1 = actor1 or inherited.actor1
            if trigger.trigger_id == "territory" and attempted(ctx.text, trigger, clause):
                event_type, sub = "Battles", "Armed clash"          # a capture only tried is a battle
            if (event_type, sub) == ("Battles", "Armed clash") and "civilians" in types_of(
                    *(a for a in (actor1, actor2) if a is not None and inside(a, clause))):
                event_type, sub = "Riots", "Mob violence"      # residents fighting an armed group
            if actor2 is None and event_type == "Battles":
                actor2 = main_opponent(ranked, actor1)
            if event_type in ("Protests", "Riots") and actor2 and actor2.actor.type in _CROWD_TYPES:
                actor1, actor2 = actor2, actor1
            when, precision, why = _date_for(ctx, clause, sentence, trigger, carried)
            if when and precision == 1 and ctx.published and 0 <= (ctx.published - when).days <= RECENT_START_DAYS:
                dated_kinds[trigger.trigger_id] = (when, actor1, actor2)   # not a background date months back
            elif precision == 3 and _refers_back(ctx.text, trigger) and trigger.trigger_id in dated_kinds:
                when, told_actor1, told_actor2 = dated_kinds[trigger.trigger_id]
                precision, why = 2, DATE_TOLD_BEFORE
                if told_actor1 is not None:          # and the same sides
                    actor1, actor2 = told_actor1, told_actor2 or actor2
            elif why == DATE_CARRIED and dated_kinds.get(trigger.trigger_id, (None,))[0] == when:
                _, told_actor1, told_actor2 = dated_kinds[trigger.trigger_id]
                if told_actor1 is not None and (actor1 is None or speaking is not None and actor1.actor == speaking.actor):
                    actor1, actor2 = told_actor1, told_actor2 or actor2     # "وتابع البيان أن غارتين أخريين استهدفتا ..."
            if place is None:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: no place")
                previous = None
                continue
            if mode == "reported" and src and party(src):
                mode = "claimed"
            if when and ctx.published and when > ctx.published + timedelta(days=1):
                mode = "planned"
            if when and ctx.published and (ctx.published - when).days > BACKGROUND_DAYS:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: background ({when})")
                continue
            if when and ctx.published and precision == 3 and why in (DATE_IN_CLAUSE, DATE_IN_SENTENCE) \
                    and (ctx.published - when).days > VAGUE_PAST_DAYS:
                ctx.log(f"dropped {trigger.trigger_id} at {trigger.start}: an earlier event with no day ({when})")
                continue            # "تعرضت قافلة لهجوم الشهر الماضي", "أواخر أغسطس": background
            numbers = ctx.within("numbers", sentence)
            deaths = fatalities(ctx.text, clause[0], clause[1], numbers) or (
                fatalities(ctx.text, sentence[0], sentence[1], numbers) if _sole_event_clause(ctx, sentence, clause)
                else 0)
            deaths, pending_deaths = max(deaths, pending_deaths), 0
            draft = Draft(event_type, sub, trigger, place, when, precision, actor1, actor2, mode, src, deaths,
                          sentence, clause, [why, place.reason], mentions_civilians(ctx.text, clause))
            drafts.append(draft)
            told.add(sentence)
            for other in listed_with(ctx.text, usable_places(ctx, clause), place):
                drafts.append(replace(draft, place=other, notes=[*draft.notes, "place coordinated with و"]))
            previous = draft
            if when and (precision == 1 or why == DATE_TOLD_BEFORE):
                carried = (when, 2)
        if not _reported_speech_continues(ctx.text, sentence):
            carried = None
    return one_event_per_place(attack_told_again(drafts, ctx.text))

"""Who takes part: the armed actors an article names most, nationality adjectives ("قصف إسرائيلي",
"جنديا نيجريا"), and whether a source is a side of the war."""

from __future__ import annotations

import re
from collections import Counter

from marsad.mentions import ActorMention, TriggerMention
from marsad.stages.actors import forces_by_adjective
from marsad.stages.events.cues import cue_set
from marsad.stages.events.draft import ARMED, Context
from marsad.stages.events.modality import Source

_WORD_SPAN = re.compile(r"[^\W\d_]+")


def types_of(*actors: ActorMention | None) -> set[str]:
    return {a.actor.type for a in actors if a is not None}


_NOT_PARTY_TYPES = {"monitor", "news_agency", "international_org", "civilians", "other"}


def party(src: Source) -> bool:
    """A source that is a side of the conflict makes its report a claim; monitors, agencies, the UN,
    medics, rescuers and witnesses only report."""
    if src.actor is not None:
        return src.actor.type not in _NOT_PARTY_TYPES
    return src.name not in cue_set("reporting_sources")


def nationality_forces(ctx: Context, trigger: TriggerMention, clause: tuple[int, int]) -> ActorMention | None:
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


def nationality_soldiers(ctx: Context, clause: tuple[int, int]) -> ActorMention | None:
    """"قتل 12 جنديا نيجريا": soldiers named by their nationality are that country's army."""
    words = list(_WORD_SPAN.finditer(ctx.text, clause[0], clause[1]))
    for noun, adjective in zip(words, words[1:], strict=False):
        if noun.group() in cue_set("combatant_nouns"):
            info = forces_by_adjective().get(adjective.group()) or forces_by_adjective().get(adjective.group()[:-1])
            if info and adjective.group().endswith(("ي", "يا", "يين", "يون", "ين")):
                return ActorMention(adjective.start(), adjective.end(), info, "nationality")
    return None


def armed_by_count(ctx: Context) -> list[ActorMention]:
    """One mention of each armed actor, the most named first."""
    counts = Counter(a.actor.id for a in ctx.actors if a.actor.type in ARMED)
    first: dict[str, ActorMention] = {}
    for a in ctx.actors:
        first.setdefault(a.actor.id, a)
    return [first[actor_id] for actor_id, _ in counts.most_common()]


def main_opponent(ranked: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    """The armed actor the article names most, other than actor1 and its side: who a battle
    with no stated enemy was most likely fought against."""
    if actor1 is None:
        return None
    return next((a for a in ranked if a.actor.id != actor1.actor.id and not _same_side(a, actor1)), None)


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    def state_side(x: ActorMention) -> bool:
        return x.actor.type == "state_forces" or x.actor.state_aligned
    return a.actor.country == b.actor.country and state_side(a) and state_side(b)

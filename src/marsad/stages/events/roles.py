"""Who acts and who is acted upon, from word order, prepositions and voice cues."""

from __future__ import annotations

import re

from marsad.mentions import ActorMention, TriggerMention

_OBJECT_MARKERS = re.compile(
    r"(?:على|ضد|مع|استهدف\w*|من قبضه|من ايدي|من يد|من سيطره|من عناصر|معاقل|مواقع|مواقع ل|تجمعات|تحصينات|مسلحي|عناصر|"
    r"مقاتلي|قياديا في|قيادي في|من|في صفوف|صفوف|تمركزات|اهداف|ثكنات|لمواقع|بمواقع)\s*$"
)
_AGENT_MARKERS = re.compile(r"(?:من قبل|على يد|على ايدي|شنها|شنتها|نفذها|نفذتها|قام بها|قامت بها)\s*$")
_BETWEEN = re.compile(r"بين\s*$")


def _marker_before(text: str, start: int, floor: int, pattern: re.Pattern[str]) -> bool:
    window = text[max(floor, start - 30):start]
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    window = text[max(floor, word_start - 30):word_start]
    return bool(pattern.search(window))


def assign_roles(text: str, clause: tuple[int, int], sentence: tuple[int, int], trigger: TriggerMention,
                 actors: list[ActorMention], excluded: set[str]) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) among the actor mentions of the sentence; `excluded` ids are speakers, not parties."""
    in_sentence = [a for a in actors if sentence[0] <= a.start < sentence[1] and a.actor.id not in excluded
                   and a.actor.type not in ("monitor", "news_agency")]
    in_clause = [a for a in in_sentence if clause[0] <= a.start < clause[1]]
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    for a in in_clause:
        if _marker_before(text, a.start, clause[0], _BETWEEN):
            later = [b for b in in_clause if b.start > a.end and b.actor.id != a.actor.id]
            if later:
                return a, later[0]
    for a in in_clause:
        if _marker_before(text, a.start, clause[0], _AGENT_MARKERS):
            agent = agent or a
        elif _marker_before(text, a.start, clause[0], _OBJECT_MARKERS) and a.start > trigger.start - 40:
            patient = patient or a
    candidates = [a for a in in_clause if a is not agent and a is not patient]
    if agent is None:
        before = [a for a in candidates if a.end <= trigger.start]
        after = [a for a in candidates if a.start >= trigger.end]
        if before:
            agent = before[-1]
        elif after and (trigger.is_verb or after[0].start - trigger.end <= 3):
            agent = after[0]        # VSO "قصفت قوات النظام", or genitive "غارات التحالف"
        else:
            earlier = [a for a in in_sentence if a.end <= clause[0] and a is not patient]
            agent = earlier[-1] if earlier else None
    if patient is None:
        rest = [a for a in candidates if a is not agent and (agent is None or a.actor.id != agent.actor.id)]
        patient = rest[0] if rest else None
    if agent and patient and agent.actor.id == patient.actor.id:
        patient = None
    return agent, patient

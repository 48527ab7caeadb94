"""Who acts and who is acted upon, from word order, prepositions and voice cues."""

from __future__ import annotations

import re

from marsad.mentions import ActorMention, TriggerMention
from marsad.stages.events.cues import cue_set, word_forms, words_between

NOT_PARTIES = {"monitor", "news_agency", "government_body", "international_org"}


def _words_before(text: str, start: int, floor: int, n: int = 3) -> list[str]:
    word_start = start
    while word_start > floor and text[word_start - 1].isalpha():
        word_start -= 1
    prefix = text[word_start:start]
    words = text[max(floor, word_start - 40):word_start].split()[-n:]
    return [*words, prefix] if prefix else words


def _marked(text: str, a: ActorMention, floor: int, cue: str) -> bool:
    markers = cue_set(cue)
    before = _words_before(text, a.start, floor)
    phrase2 = " ".join(before[-2:])
    return any(w in markers for w in before) or phrase2 in markers


def assign_roles(text: str, clause: tuple[int, int], sentence: tuple[int, int], trigger: TriggerMention,
                 actors: list[ActorMention], speaker: ActorMention | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) among the actor mentions of the sentence; the speaker is a party only when
    nobody else acts ("قالت القوات إنها سيطرت")."""
    if text[clause[1]:sentence[1]].lstrip(" ،,").startswith("بين "):
        clause = (clause[0], sentence[1])      # "معارك عنيفة منذ الثلاثاء، بين الحوثيين والمقاومة"
    in_sentence = [a for a in actors if sentence[0] <= a.start < sentence[1] and a.actor.type not in NOT_PARTIES
                   and (speaker is None or (a.start, a.end) != (speaker.start, speaker.end))]
    in_clause = [a for a in in_sentence if clause[0] <= a.start < clause[1]]
    acting = _claims_responsibility(text, in_sentence, sentence[0]) or _owns_the_weapon(text, in_clause)
    if acting is None and speaker is not None and speaker.actor.type not in NOT_PARTIES \
            and trigger.trigger_id != "disrupted" and _own_forces_act(text, clause, trigger):
        acting = speaker
    if acting is None:             # "مسيرة إسرائيلية" is both the weapon and who used it
        acting = next((a for a in in_clause if a.start <= trigger.start and trigger.end <= a.end), None)
    if acting is not None:
        others = [a for a in in_clause if a.actor.id != acting.actor.id and a.actor.type != "civilians"]
        return acting, (others[0] if others else None)
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    for a in in_clause:
        if _marked(text, a, clause[0], "between_markers"):
            later = [b for b in in_clause if b.start > a.end and b.actor.id != a.actor.id]
            if later:
                return a, later[0]
    victim = _named_right_after(text, trigger, in_clause)
    if victim is not None:          # "مقتل ثلاثة جنود أتراك حين فتح عناصر من الحزب النار"
        later = [a for a in in_clause if a.start > victim.end and a.actor.id != victim.actor.id]
        if later:
            return later[0], victim
        return (speaker if speaker and speaker.actor.type not in NOT_PARTIES and speaker.actor.id != victim.actor.id
                else None), victim
    for a in in_clause:
        if _marked(text, a, clause[0], "agent_markers"):
            agent = agent or a
        elif _marked(text, a, clause[0], "object_markers") and a.start > trigger.start - 40:
            patient = patient or a
    for a in in_clause:
        if patient is None and a is not agent and _counted_victims(text, a, clause[0]) \
                and trigger.event_type != "Battles":
            patient = a             # "مقتل 45 من الجيش والحشد بتفجير سيارتين"
    candidates = [a for a in in_clause if a is not agent and a is not patient and not _listed_after(text, patient, a)]
    if agent is None:
        agent = _genitive_agent(text, trigger, candidates)
    if agent is None:
        before = [a for a in candidates if a.end <= trigger.start]
        after = [a for a in candidates if a.start >= trigger.end]
        if before:
            agent = _head_of_coordination(text, before)
        elif after and (trigger.is_verb or words_between(text, trigger.end, after[0].start) <= 1):
            agent = after[0]        # VSO "قصفت قوات النظام", genitive "غارات التحالف", "غارات لطيران التحالف"
        else:
            earlier = [a for a in in_sentence if a.end <= clause[0] and a is not patient]
            agent = earlier[-1] if earlier else None
    if agent is None and speaker is not None and speaker.actor.type not in NOT_PARTIES:
        agent = speaker
    if patient is None:
        rest = [a for a in candidates if a is not agent and (agent is None or a.actor.id != agent.actor.id)]
        patient = rest[0] if rest else None
    if agent and patient and agent.actor.id == patient.actor.id:
        patient = None
    if agent and agent.actor.type == "civilians":
        agent, patient = (None, agent) if patient is None else (patient, agent)
    return agent, patient


_VICTIM_GENITIVE = {"killing", "arrest", "abduction", "looting"}
_COUNTED = re.compile(r"(?:\d+|عشرات|مئات|عدد|العشرات|المئات)\s+(?:[^\W\d_]+\s+)?من\s+$")


def _counted_victims(text: str, a: ActorMention, floor: int) -> bool:
    """"45 من الجيش", "عشرات من عناصر التنظيم": a side counted among the dead or wounded."""
    return bool(_COUNTED.search(text, max(floor, a.start - 30), a.start))
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}     # "مقرا جديدا لمجلس" is whose base


def _listed_after(text: str, first: ActorMention | None, a: ActorMention) -> bool:
    """"من الجيش والشرطة": the police are listed with the army, on the same side."""
    return first is not None and a.start > first.end and text[first.end:a.start].strip() == "و"


def _named_right_after(text: str, trigger: TriggerMention, in_clause: list[ActorMention]) -> ActorMention | None:
    """The people a killing, arrest or abduction noun names right after it ("مقتل ثلاثة جنود أتراك")."""
    if trigger.is_verb or trigger.trigger_id not in _VICTIM_GENITIVE:
        return None
    after = [a for a in in_clause if a.start >= trigger.end]
    return after[0] if after and words_between(text, trigger.end, after[0].start) <= 2 else None


def _genitive_agent(text: str, trigger: TriggerMention, candidates: list[ActorMention]) -> ActorMention | None:
    """"في هجوم للمقاومة", "بغارة جوية لطيران التحالف": whose attack it was, named with ل right after
    the noun (but "مقتل X" and "اعتقال X" name the victims)."""
    if trigger.is_verb or trigger.trigger_id in _VICTIM_GENITIVE or trigger.event_type not in _VIOLENT:
        return None
    for a in candidates:
        if a.start >= trigger.end and words_between(text, trigger.end, a.start) <= 1:
            word_start = text.rfind(" ", trigger.end, a.start + 1) + 1
            return a if text[word_start:a.start + 1].startswith("ل") else None
    return None


def _own_forces_act(text: str, clause: tuple[int, int], trigger: TriggerMention) -> bool:
    """"قال الجيش إن طائراته أغارت": a force noun with a pronoun next to the trigger; "قالت القوات إنها
    سيطرت": a pronoun for the speaker right before it."""
    near = text[max(clause[0], trigger.start - 30):min(clause[1], trigger.end + 30)]
    just_before = text[max(clause[0], trigger.start - 12):trigger.start].split()[-1:]
    return bool(word_forms(near) & cue_set("own_forces")) or bool(set(just_before) & cue_set("speaker_pronouns"))


def _claims_responsibility(text: str, actors: list[ActorMention], floor: int) -> ActorMention | None:
    """"وتبنت حركة الشباب التفجير": the actor right after a claim of responsibility, or right before
    words that put it behind the event."""
    for a in actors:
        before = text[max(floor, a.start - 30):a.start].split()
        phrases = {" ".join(before[i:]) for i in range(max(0, len(before) - 3), len(before))}
        if {p[1:] if p[:1] in "وف" else p for p in phrases} & cue_set("responsibility_cues"):
            return a
        after = text[a.end:a.end + 30].split()
        if {" ".join(after[:n]) for n in (1, 2, 3)} & cue_set("behind_cues"):
            return a                   # "اتهم الجيش الدعم السريع بالوقوف وراء الهجوم"
        wider = text[max(floor, a.start - 60):a.start].split()
        if wider and wider[-1] in ("الي", "الى") and set(wider[-6:]) & cue_set("attributed_to_verbs"):
            return a                   # "تفجير نسب إلى حركة الشباب", "نسبته الشرطة إلى الحركة"
    return None


_BELONGING = re.compile(r"(\S+)\s+(?:ال)?تابع[هة]?\s+ل$")


def _owns_the_weapon(text: str, actors: list[ActorMention]) -> ActorMention | None:
    """"ضربة نفذتها طائرة مسيرة تابعة لقوات الوفاق": the owner of the weapon struck."""
    for a in actors:
        m = _BELONGING.search(text, max(0, a.start - 40), a.start)
        if m and m.end() == a.start and word_forms(m.group(1)) & cue_set("weapon_nouns"):
            return a
    return None


def claims_responsibility(text: str, clause: tuple[int, int]) -> bool:
    """"وتبنت حركة الشباب التفجير", "إن الحركة تقف وراء الهجوم": a clause that only says who did the
    event just told."""
    span = text[clause[0]:clause[1]]
    return bool(word_forms(span) & cue_set("responsibility_cues")) or any(c in span for c in cue_set("behind_cues"))


def _head_of_coordination(text: str, before: list[ActorMention]) -> ActorMention:
    """"الحوثيون وقوات صالح قصفوا": the first of actors joined by و leads."""
    head = before[-1]
    for prev in reversed(before[:-1]):
        gap = text[prev.end:head.start].split()
        if len(gap) > 4 or not (not gap or gap[0].startswith("و")):
            break
        head = prev
    return head

"""Which event a trigger makes: upgrades by the words of its clause, attempts, sums over a period,
commentary, matches, funerals, and one event per sentence, place and day."""

from __future__ import annotations

import re
from typing import Any

from marsad.mentions import ActorMention, NumberMention, TriggerMention
from marsad.stages.actors import acting_body, governing_groups
from marsad.stages.events.cues import cue_set, has_cue_word, word_forms, words_between
from marsad.stages.events.draft import ARMED, PUBLICATION_DAY, Draft
from marsad.stages.events.fatalities import fatalities


def refine_type(t: TriggerMention, text: str, clause: tuple[int, int],
                 actor1: ActorMention | None) -> tuple[str, str]:
    event_type, sub = t.event_type, t.sub_event_type
    clause_text = text[clause[0]:clause[1]]
    if event_type == "Protests":       # "للترحم على ضحايا التفجير الذي أوقع 30 قتيلا" is what it is about
        clause_text = _before_the_cause(clause_text, t.end - clause[0])
    words = word_forms(clause_text)
    for trigger_words, up_type, up_sub in t.upgrades:
        if any((w in words) if " " not in w else (w in clause_text) for w in trigger_words):
            event_type, sub = up_type, up_sub
            break
    state = actor1 is None or actor1.actor.type in ("state_forces", "external_forces") or actor1.actor.state_aligned
    if t.trigger_id == "territory":
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    if sub == "Arrests" and not state and actor1 is not None and actor1.actor.type in ARMED \
            and acting_body(actor1.actor).id not in governing_groups():
        event_type, sub = "Violence against civilians", "Abduction/forced disappearance"   # authorities arrest
    return event_type, sub


def compared_with_the_past(text: str, sentence: tuple[int, int], t: TriggerMention) -> bool:
    """"تعرض الحزب لضربات على غرار ما جرى يوم اغتيال قائده بمسيرة": the event compared with is not told."""
    before = text[sentence[0]:t.start]
    return any(c in before for c in cue_set("past_comparisons"))


def _before_the_cause(clause_text: str, trigger_end: int) -> str:
    for m in re.finditer(r"\S+", clause_text[trigger_end:]):
        if word_forms(m.group()) & cue_set("protest_causes"):
            return clause_text[:trigger_end + m.start()]
    return clause_text


_BACKGROUND_REACH = 12     # words: "منذ مقتل القائد ... بغارة أمريكية قرب المطار"


def _after_since(text: str, t: TriggerMention) -> bool:
    before = text[max(0, t.start - 40):t.start].split()[-4:]
    return any(w in cue_set("background_markers") for w in before[-3:])


def in_a_background_phrase(text: str, t: TriggerMention, clause_triggers: list[TriggerMention]) -> bool:
    """"منذ مقتل القائد سليماني بغارة أمريكية": the strike belongs to the event the state of affairs
    dates from, as the killing does."""
    for head in clause_triggers:
        if head.end <= t.start and not t.is_verb and _after_since(text, head) \
                and words_between(text, head.end, t.start) <= _BACKGROUND_REACH \
                and not any(o.is_verb and head.end <= o.start < t.start for o in clause_triggers):
            return True
    return False


def describes_incident(text: str, t: TriggerMention) -> bool:
    """Territory words describe a state ("التي يسيطر عليها", "سيطرة التنظيم") unless a past verb
    or an accomplishment ("تمكنت من السيطرة") makes them an incident."""
    before = text[max(0, t.start - 40):t.start].split()[-4:]
    if _after_since(text, t):
        return False
    if any(p in " ".join(before) for p in cue_set("past_state_phrases")):
        return False
    if any(" ".join(before[-n:]) in cue_set("response_markers") for n in (1, 2, 3) if len(before) >= n):
        return False                # "وردا على مقتل ...": the earlier event answered
    after = text[t.end:t.end + 30].split()[:2]
    if not t.is_verb and after and after[0] in cue_set("demonstratives"):
        return False                # "مقتل هذين الشرطيين": told before
    if t.trigger_id == "killing" and set(after) & cue_set("kin_victims"):
        return False                # "أقدم على قتل والده": a family crime
    if t.trigger_id != "territory":
        return True
    if t.tense == "present":
        return False
    if t.tense == "past":
        return not (before and before[-1] in cue_set("state_markers"))
    own = text[t.start:t.end].split()[:1]            # "بسطت سيطرتها" says it was done
    if own and own[0].endswith(("ه", "ها", "هم")):   # "أحكمت قوات الدعم السريع أمس سيطرتها": the subject between
        before = re.split(r"[.،,؛]", text[max(0, t.start - 90):t.start])[-1].split()[-8:]
    return any(w in cue_set("accomplishment") or (w[:1] in "وف" and w[1:] in cue_set("accomplishment"))
               for w in before + own)


_EXPLOSIVES = {"ied", "suicide"}


def seized(text: str, t: TriggerMention, clause: tuple[int, int]) -> bool:
    """"ضبط عشرات العبوات الناسفة", "حزام ناسف معد للتفجير", "الانتحاري الذي تم اعتقاله": explosives
    found, seized or defused, or a bomber caught, are no explosion."""
    if t.trigger_id not in _EXPLOSIVES or t.is_verb:
        return False
    words = text[max(clause[0], t.start - 120):t.start].split()[-12:]
    for i in range(len(words) - 1, -1, -1):            # not past "بعد انفجار" and the like
        if words[i] in cue_set("cause_links"):
            words = words[i + 1:]
            break
    before = word_forms(" ".join(words))
    after = " ".join(text[t.end:min(clause[1], t.end + 40)].split()[:5])
    return bool(before & cue_set("seizure_words")) or any(after.startswith(c) or f" {c}" in after
                                                           for c in cue_set("unexploded_after"))


def protest_cause(text: str, t: TriggerMention, clause: tuple[int, int]) -> bool:
    """"تظاهر المئات للتنديد بالغارات": the strikes are what the protest is about, not its event."""
    before = text[max(clause[0], t.start - 50):t.start].split()[-4:]
    return bool(word_forms(" ".join(before)) & cue_set("protest_causes"))


def overflight(text: str, t: TriggerMention, clause: tuple[int, int]) -> bool:
    """"شوهدت الطائرات بدون طيار تحلق فوق المدينة": aircraft named with flying, not striking."""
    return t.trigger_id == "airstrike" and not t.is_verb and has_cue_word(text, clause, "overflight_words")


def generic_attack(text: str, t: TriggerMention) -> bool:
    return t.trigger_id == "clash" and text[t.start:t.end] in cue_set("generic_attack_nouns")


def _definite(text: str, t: TriggerMention) -> bool:
    word = text[t.start:t.end]
    return word.startswith("ال") or word.startswith(("وال", "بال", "لل", "فال"))


_SPECIFIC = {"Explosions/Remote violence", "Violence against civilians"}
_TOLD_AS_FACT = {"reported", "claimed"}


def attack_told_again(drafts: list[Draft], text: str) -> list[Draft]:
    """"هجوم" in another sentence of an article that tells a bombing or a strike at the same place is that
    event again: its date, if stated, and toll go to it."""
    specific = [d for d in drafts if d.event_type in _SPECIFIC]
    out = []
    for d in drafts:
        told_again = d.event_type == "Battles" and generic_attack(text, d.trigger)
        # "وأدانت الحكومة الهجوم": "the attack", with no day of its own, is the one told before, wherever
        anywhere = _definite(text, d.trigger) and d.notes[0] == PUBLICATION_DAY
        same = next((s for s in specific if s.sentence != d.sentence
                     and (s.place.place.name == d.place.place.name or (anywhere and s.sentence < d.sentence))
                     and (s.modality == d.modality or {s.modality, d.modality} <= _TOLD_AS_FACT)), None) \
            if told_again else None
        if same is None:
            out.append(d)
            continue
        same.fatalities = max(same.fatalities, d.fatalities)
        if same.time_precision == 3 and d.time_precision < 3:
            same.date, same.time_precision = d.date, d.time_precision
    return out


def civil_agreement(text: str, t: TriggerMention, clause: tuple[int, int], armed_in_clause: bool) -> bool:
    """"تم الاتفاق مع شركة مقاولات على ترميم السوق": an agreement of no side of the conflict."""
    if t.trigger_id != "agreement" or text[t.start:t.end] not in cue_set("generic_agreement_words"):
        return False
    span = text[clause[0]:clause[1]]
    return not armed_in_clause and not any(w in span for w in cue_set("conflict_agreement_words"))


def mentions_civilians(text: str, clause: tuple[int, int]) -> bool:
    return has_cue_word(text, clause, "civilian_nouns")


def aggregate(text: str, clause: tuple[int, int], capture: bool = False) -> bool:
    """"منذ بداية الحرب", "خلال عام 2023": a toll or fighting summed over a period, not one incident
    ("للمرة الأولى منذ بداية الحرب" compares an incident with that period; territory held "منذ عام
    2014" is the background of a capture, so a capture only counts the other markers)."""
    span = text[clause[0]:clause[1]]
    markers = [m for m in cue_set("aggregate_markers") if m in span and not (capture and m.startswith("منذ"))]
    return bool(markers) and not any(m in span for m in cue_set("since_comparisons"))


def mourning(sentence_words: set[str]) -> bool:
    return bool(sentence_words & cue_set("funeral_words"))


def toll_of_the_event_told(trigger: TriggerMention, previous: Draft | None, text: str,
                            clause: tuple[int, int], numbers: list[NumberMention]) -> bool:
    """"هاجموا البلدة وقتلوا 30 مدنيا": a killing after the sentence's event is its toll, and makes a
    battle an attack on civilians when the dead are civilians."""
    if trigger.trigger_id != "killing":
        return False
    if previous is None:
        return True
    previous.fatalities = max(previous.fatalities, fatalities(text, clause[0], clause[1], numbers))
    event_type, sub = refine_type(trigger, text, clause, previous.actor1)
    if previous.event_type == "Battles" and previous.sub_event_type == "Armed clash" \
            and event_type == "Violence against civilians":
        previous.event_type, previous.sub_event_type, previous.civilians = event_type, sub, True
    elif previous.event_type == "Strategic developments" and previous.fatalities:
        # "أحرقوا المنازل وقتلوا 12": the killing makes it an attack
        previous.event_type, previous.sub_event_type = "Violence against civilians", "Attack"
    return True


VIOLENT_EVEN_AT_A_MATCH = {"killing", "ied", "suicide", "grenade", "chemical"}


def sports(sentence_words: set[str]) -> bool:
    """A sentence (its `word_forms`) about a match: its "مواجهة", "هجوم" and "احتجاج" are no fighting or
    protest; only killings and explosions there are events."""
    return bool(sentence_words & cue_set("sports_words"))


OUTCOMES = {"looting", "arrest", "abduction"}      # when only tried, these did not happen


def attempted(text: str, trigger: TriggerMention, clause: tuple[int, int]) -> bool:
    """"حاول التنظيم هدم القبور", "في محاولة للسيطرة": the trigger names what was tried."""
    before = text[max(clause[0], trigger.start - 30):trigger.start].split()[-3:]
    return bool(word_forms(" ".join(before)) & cue_set("attempt_words"))


def drone(t: TriggerMention, text: str, clause: tuple[int, int]) -> bool:
    """"مسيرة إسرائيلية" is an actor's name and a weapon: its strike is an event."""
    return t.trigger_id == "march" and refine_type(t, text, clause, None)[0] != "Protests"


def one_event_per_place(drafts: list[Draft]) -> list[Draft]:
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
        elif {other.event_type, d.event_type} == {"Violence against civilians", "Strategic developments"}:
            # "وقتلوا تسعة قرويين وأحرقوا مخازن الحبوب": burning or looting while killing is the attack
            kept[key] = other if other.event_type == "Violence against civilians" else d
        elif d.trigger.weight > other.trigger.weight:        # the triggers' weights are ACLED's precedence
            d.fatalities = max(d.fatalities, other.fatalities)
            kept[key] = d
        else:
            other.fatalities = max(d.fatalities, other.fatalities)
    chosen = {id(d) for d in kept.values()}
    return [d for d in drafts if id(d) in chosen]

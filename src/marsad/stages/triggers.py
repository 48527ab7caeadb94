"""Event trigger mentions: conjugated verbs and nouns of the trigger lexicon."""

from __future__ import annotations

from functools import cache

from marsad.lexicon.load import load
from marsad.lexicon.matcher import PhraseMatcher
from marsad.lexicon.morph import verb_forms
from marsad.mentions import TriggerMention
from marsad.stages.normalize import normalize_string


@cache
def _matcher() -> PhraseMatcher[TriggerMention]:
    m: PhraseMatcher[TriggerMention] = PhraseMatcher()
    for t in load("triggers.yaml")["triggers"]:
        upgrades = tuple(
            (frozenset(normalize_string(w) for w in u["words"]), u.get("event_type", t["event_type"]),
             u["sub_event_type"])
            for u in t.get("upgrades") or [])
        def proto(is_verb: bool, t: dict = t, upgrades: tuple = upgrades) -> TriggerMention:  # type: ignore[type-arg]
            return TriggerMention(0, 0, t["id"], t["event_type"], t["sub_event_type"], t["weight"], is_verb, upgrades)
        for verb in t.get("verbs") or []:
            m.add_all(verb_forms(verb), proto(True))
        m.add_all(t.get("nouns") or [], proto(False))
    return m


def find_triggers(text: str) -> list[TriggerMention]:
    out = []
    for match in _matcher().find(text):
        best = max(match.payloads, key=lambda p: p.weight)
        out.append(TriggerMention(match.start, match.end, best.trigger_id, best.event_type, best.sub_event_type,
                                  best.weight, best.is_verb, best.upgrades))
    return out

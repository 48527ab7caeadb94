"""Event trigger mentions: conjugated verbs and nouns of the trigger lexicon."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from marsad.lexicon.load import load
from marsad.lexicon.matcher import PhraseMatcher
from marsad.lexicon.morph import verb_forms_by_tense
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
        def proto(tense: str | None, t: dict = t, upgrades: tuple = upgrades) -> TriggerMention:  # type: ignore[type-arg]
            return TriggerMention(0, 0, t["id"], t["event_type"], t["sub_event_type"], t["weight"], tense is not None,
                                  upgrades, tense)
        nouns = {normalize_string(n) for n in t.get("nouns") or []}
        for verb in t.get("verbs") or []:
            past, present = verb_forms_by_tense(verb)
            m.add_all(past - nouns, proto("past"))          # "سيطرتها" is listed as "its control"
            m.add_all(present - nouns, proto("present"))
        m.add_all(t.get("nouns") or [], proto(None))
        for pair in t.get("phrases") or []:
            m.add_all((f"{a} {b}" for a in pair["first"] for b in pair["then"]), proto(None))
    return m


@cache
def _blockers() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add_all(load("cues.yaml")["trigger_blockers"], "blocker")
    return m


def find_triggers(text: str) -> list[TriggerMention]:
    out = []
    blocked = [(b.start, b.end) for b in _blockers().find(text)]
    for match in _matcher().find(text):
        if any(s <= match.start < e for s, e in blocked):
            continue
        best = max(match.payloads, key=lambda p: p.weight)
        out.append(replace(best, start=match.start, end=match.end))
    return out

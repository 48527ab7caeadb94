"""Every word our language data knows as an ordinary word (not a name): triggers and their
conjugations, cue words, date and number words. A GeoNames town whose Arabic name is one of
these ("الأحد", "بيان", "التحالف") is only taken for a place where a frame word says so."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from marsad.lexicon.load import load
from marsad.lexicon.morph import verb_forms
from marsad.stages.normalize import normalize_string


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


@cache
def common_words() -> frozenset[str]:
    words: set[str] = set()
    for name in ("dates.yaml", "numbers.yaml", "cues.yaml", "clitics.yaml"):
        data = load(name)
        for key, value in data.items():
            if key != "place_stopwords":
                words.update(_strings(value))
    for t in load("triggers.yaml")["triggers"]:
        words.update(t.get("nouns") or [])
        for u in t.get("upgrades") or []:
            words.update(u["words"])
        for v in t.get("verbs") or []:
            words.update(verb_forms(v))
    out = set()
    for phrase in words:
        for w in normalize_string(phrase).split():
            if any(c.isalpha() for c in w):
                out.add(w)
                if w.startswith("ال") and len(w) > 3:
                    out.add(w[2:])
                elif len(w) > 3:            # "عند" is a preposition, "العند" a place (Al-Anad)
                    out.add("ال" + w)
    return frozenset(out)

"""Normalised cue-word sets, and small helpers to look for them in a span of text."""

from __future__ import annotations

import re
from functools import cache

from marsad.lexicon.load import load
from marsad.lexicon.matcher import PhraseMatcher
from marsad.lexicon.morph import verb_forms
from marsad.stages.normalize import normalize_string

_OBJECTS = ("ه", "ها", "هم", "هما")


@cache
def cue_set(name: str) -> frozenset[str]:
    return frozenset(normalize_string(w) for w in load("cues.yaml")[name])


@cache
def cue_matcher(*names: str) -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    for name in names:
        words = load("cues.yaml")[name]
        if name == "attribution_verbs":
            for w in words:
                # without object pronouns: "ذكره" is "his mention" far more often than "he mentioned it"
                stem = normalize_string(w)
                m.add_all((f for f in verb_forms(w) if not f.endswith(_OBJECTS) or stem.endswith(_OBJECTS)), name)
        else:
            m.add_all(words, name)
    return m


def find_cues(text: str, start: int, end: int, *names: str) -> list[tuple[int, int, str]]:
    """(start, end, cue list name) of every cue of the named lists inside [start, end)."""
    return [(m.start + start, m.end + start, m.payloads[0])
            for m in cue_matcher(*names).find(text[start:end])]


@cache
def generic_sources() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    for entry in load("cues.yaml")["generic_sources"]:
        m.add_all(entry["names"], entry["name"])
    return m


_WORD = re.compile(r"[^\W\d_]+")              # a run of letters: a word without its punctuation
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def word_forms(text: str) -> set[str]:
    """The words of a span, each also without a leading conjunction or preposition: "والمدنيين",
    "بالمدنيين" and "للمدنيين" all give "المدنيين"."""
    out: set[str] = set()
    for w in _WORD.findall(text):              # words without punctuation: "المدنيين." at a sentence's end
        out.add(w)
        for p in _PROCLITICS:
            if w.startswith(p) and len(w) - len(p) >= 3:
                rest = w[len(p):]
                out.add(rest)
                if p.endswith("ل") and rest.startswith("ل"):
                    out.add("ا" + rest)
    return out


def has_cue_word(text: str, span: tuple[int, int], name: str) -> bool:
    """Whether a word of the span, with or without its leading clitic, is in the cue list `name`."""
    return bool(word_forms(text[span[0]:span[1]]) & cue_set(name))


def words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))

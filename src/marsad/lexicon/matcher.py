"""Dictionary matching over normalised text with Arabic proclitics allowed before a match.

A key matches when it ends at a word end and starts at a word start, or is preceded inside its
word only by a valid proclitic sequence (و ف ب ل ك س and the article): "والرقة" finds "الرقة",
"بريف" finds "ريف", "للجيش" finds "الجيش". Leftmost-longest matches win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from marsad.stages.normalize import normalize_string

T = TypeVar("T")

PROCLITICS = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس", "س",
    "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "لل", "ولل", "فلل",
})


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int          # start of the key itself (after any proclitic)
    end: int
    word_start: int     # start of the whole word, proclitics included
    key: str                    # the dictionary phrase matched, normalised
    payloads: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    def __init__(self) -> None:
        self._payloads: dict[str, list[T]] = {}
        self._canonical: dict[str, str] = {}      # "لجيش" (from "للجيش") -> "الجيش"
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, payload: T) -> None:
        key = " ".join(normalize_string(phrase).split())
        if not key:
            return
        self._payloads.setdefault(key, []).append(payload)
        self._canonical.setdefault(key, key)
        if key.startswith("ال") and len(key) > 3:
            # ل + ال drops the alef: "للجيش" is ل + "الجيش"
            self._payloads.setdefault("ل" + key[2:], []).append(payload)
            self._canonical.setdefault("ل" + key[2:], key)
        self._automaton = None

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for p in phrases:
            self.add(p, payload)

    def __len__(self) -> int:
        return len(self._payloads)

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for key in self._payloads:
                a.add_word(key, key)
            if len(a):
                a.make_automaton()
            self._automaton = a
        return self._automaton

    def find_all(self, text: str, proclitics: frozenset[str] = PROCLITICS) -> list[Match[T]]:
        """Every boundary-respecting match, overlapping ones included."""
        automaton = self._built()
        if not len(automaton):
            return []
        found: list[Match[T]] = []
        for last, key in automaton.iter(text):
            end = last + 1
            start = end - len(key)
            if end < len(text) and _is_letter(text[end]):
                continue
            word_start = start
            while word_start > 0 and _is_letter(text[word_start - 1]):
                word_start -= 1
            prefix = text[word_start:start]
            if prefix not in proclitics:
                continue
            found.append(Match(start, end, word_start, self._canonical[key], tuple(self._payloads[key])))
        return found

    def find(self, text: str, proclitics: frozenset[str] = PROCLITICS) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches."""
        chosen: list[Match[T]] = []
        taken_until = -1
        for m in sorted(self.find_all(text, proclitics), key=lambda m: (m.word_start, -m.end)):
            if m.word_start >= taken_until:
                chosen.append(m)
                taken_until = m.end
        return chosen

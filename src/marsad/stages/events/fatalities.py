"""Fatalities of an event, per the ACLED conventions of EVENTS.md."""

from __future__ import annotations

from marsad.mentions import NumberMention
from marsad.stages.events.cues import cue_set, find_cues, words_between

_DUAL = {"قتيلان", "قتيلين", "شهيدان", "شهيدين"}
_SINGULAR = {"قتيل", "مقتل", "مصرع", "استشهاد", "شهيد", "جثه", "وفاه", "توفي", "استشهد", "حتفه"}


def fatalities(text: str, start: int, end: int, numbers: list[NumberMention]) -> int:
    """Deaths stated in [start, end): numbers tied to death words, injuries left out."""
    if find_cues(text, start, end, "zero_deaths"):
        return 0
    deaths = find_cues(text, start, end, "death_nouns")
    injuries = find_cues(text, start, end, "injury_nouns")
    if not deaths:
        return 0
    counts: list[int] = []
    used: set[int] = set()
    for d_start, d_end, _ in deaths:
        word = text[d_start:d_end]
        best: NumberMention | None = None
        for n in numbers:
            if not (start <= n.start < end) or n.start in used or n.ordinal:
                continue
            gap_after = words_between(text, d_end, n.start) if n.start >= d_end else 99
            gap_before = words_between(text, n.end, d_start) if n.end <= d_start else 99
            gap = min(gap_after, gap_before)
            lo, hi = (d_end, n.start) if n.start >= d_end else (n.end, d_start)
            if gap > 4 or any(lo <= i_s < hi for i_s, _, _ in injuries):
                continue
            if n.start >= d_end and any(d_end <= i_s < n.start for i_s, _, _ in injuries):
                continue
            if best is None or gap < min(words_between(text, d_end, best.start) if best.start >= d_end else 99,
                                         words_between(text, best.end, d_start) if best.end <= d_start else 99):
                best = n
        if best is not None:
            used.add(best.start)
            counts.append(best.value)
        elif word in _DUAL:
            counts.append(2)
        elif word in _SINGULAR and word not in cue_set("injury_nouns"):
            counts.append(1)
        else:
            counts.append(3)
    explicit = [c for c in counts if c]
    return max(explicit) if explicit else 0

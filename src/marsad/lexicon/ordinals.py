"""Ordinal number words up to 31, built from numbers.yaml: السادس, الخامس عشر, الحادي والعشرين."""

from __future__ import annotations

from functools import cache

from marsad.lexicon.load import load
from marsad.stages.normalize import normalize_string


def _values(entries: list[dict[str, object]]) -> dict[str, int]:
    return {normalize_string(str(n)): int(e["value"]) for e in entries for n in e["names"]}  # type: ignore[attr-defined,call-overload]


@cache
def ordinal_words() -> dict[str, int]:
    nums = load("numbers.yaml")
    base = _values(nums["ordinals"])
    out = dict(base)
    unit_words = {w: n for w, n in base.items() if n < 10}
    unit_words.update(_values(nums["ordinal_unit_prefixes"]))
    tens_words = {w: n for w, n in base.items() if n in (20, 30)}
    for w, n in unit_words.items():
        if 0 < n < 10:
            out.setdefault(f"{w} عشر", 10 + n)
            out.setdefault(f"{w} عشره", 10 + n)
        for tw, t in tens_words.items():
            out[f"{w} و{tw}"] = n + t
    return out

"""Numbers in text: digits in any script (already ASCII in normalised text), cardinal words and
their compounds ("خمسة وعشرين"), vague quantities ("عشرات" = 12), with qualifiers ("نحو") kept."""

from __future__ import annotations

import re
from functools import cache

from marsad.lexicon.load import load
from marsad.lexicon.ordinals import ordinal_words
from marsad.mentions import NumberMention
from marsad.stages.normalize import normalize_string


@cache
def _vocab() -> tuple[dict[str, int], dict[str, int], list[str]]:
    data = load("numbers.yaml")
    exact: dict[str, int] = {}
    for group in ("units", "tens", "hundreds"):
        for entry in data[group]:
            for name in entry["names"]:
                exact[normalize_string(name)] = entry["value"]
    vague = {normalize_string(n): e["value"] for e in data["vague"] for n in e["names"]}
    qualifiers = sorted((normalize_string(q) for q in data["qualifiers"]), key=len, reverse=True)
    return exact, vague, qualifiers


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _duals() -> list[str]:
    return [normalize_string(w) for w in load("numbers.yaml")["dual_nouns"]]


@cache
def _pattern() -> re.Pattern[str]:
    exact, vague, qualifiers = _vocab()
    word = _alternation(list(exact))
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<qual>{_alternation(qualifiers)})\s+)?(?:و(?=\d|{_alternation(list(vague))}))?"
        rf"(?:(?P<digits>\d+(?:[.,]\d+)*)"
        rf"|(?P<words>(?:{word})(?:\s+و?(?:{word}))*)"
        rf"|(?P<vague>{_alternation(list(vague))})"
        rf"|(?P<dual>{_alternation(_duals())})"
        rf"|(?P<ordinal>{_alternation(list(ordinal_words()))}))(?![^\W_])"
    )


def _digits_value(s: str) -> int | None:
    s = s.replace(",", "")
    try:
        return int(float(s))
    except ValueError:
        return None


def _words_value(s: str) -> int:
    exact, _, _ = _vocab()
    total = 0
    current = 0
    for w in s.split():
        w = w[1:] if w.startswith("و") and w not in exact else w
        v = exact.get(w, 0)
        if v >= 1000:
            total += max(current, 1) * v
            current = 0
        elif v >= 100 and current and current < 10:
            current *= v
        elif v == 10 and 0 < current < 10 and not s.split()[0].startswith("و"):
            current += 10          # "خمسة عشر" = 15
        else:
            current += v
    return total + current


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    end = len(text) if end is None else end
    _, vague, _ = _vocab()
    out = []
    for m in _pattern().finditer(text, start, end):
        if m.group("digits"):
            value = _digits_value(m.group("digits"))
            if value is None:
                continue
            out.append(NumberMention(m.start(), m.end(), value, qualifier=m.group("qual")))
        elif m.group("words"):
            out.append(NumberMention(m.start(), m.end(), _words_value(m.group("words")), qualifier=m.group("qual")))
        elif m.group("vague"):
            out.append(NumberMention(m.start(), m.end(), vague[m.group("vague")], vague=True,
                                     qualifier=m.group("qual")))
        elif m.group("dual"):
            out.append(NumberMention(m.start(), m.end(), 2, qualifier=m.group("qual")))
        else:
            out.append(NumberMention(m.start(), m.end(), ordinal_words()[m.group("ordinal")], ordinal=True))
    return out

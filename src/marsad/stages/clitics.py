"""Split Arabic proclitics off a word: "وبالقرب" -> (و, ب, ال) + "قرب", "سيقصف" -> (س) + "يقصف",
while names and root-initial words stay whole ("بغداد", "لبنان", "وزارة").

`known` is the vocabulary that decides doubtful cases: whole words in it are never split, and a
one-letter preposition is only split off when what is left is a known word or starts with ال.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from marsad.lexicon.load import load
from marsad.stages.normalize import normalize_string

_ARTICLE_COMBO = re.compile("^[وف]?(?:[بكل]?ال|لل)")


@cache
def _protected() -> frozenset[str]:
    return frozenset(normalize_string(w) for w in load("clitics.yaml")["protected"])


def vocabulary(words: Iterable[str]) -> frozenset[str]:
    """Normalised single words (and their forms without ال) for `split_clitics`."""
    tokens = {w for phrase in words for w in normalize_string(phrase).split()}
    out = set(_protected())
    for w in tokens:
        if w[:1] in "وفبلك" and len(w) > 3 and (w[1:] in tokens or w[2:] in tokens):
            continue            # "لقوات" inside a phrase is ل + قوات, not a word of its own
        out.add(w)
        if w.startswith("ال") and len(w) > 3:
            out.add(w[2:])
    return frozenset(out)


def split_clitics(word: str, known: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], str]:
    """(proclitics, normalised base) of one word."""
    w = normalize_string(word)
    protected = _protected()

    def kept(x: str) -> bool:
        return x in protected or x in known

    if kept(w) and not _ARTICLE_COMBO.match(w):
        return (), w
    prefixes: list[str] = []
    rest = w
    if rest[:1] in ("و", "ف") and len(rest) >= 4 and (not kept(rest) or _ARTICLE_COMBO.match(rest)):
        prefixes.append(rest[0])
        rest = rest[1:]
    if rest.startswith("لل") and len(rest) >= 4:
        if kept(rest[1:]) and not kept(rest[2:]):  # للبنان = ل + لبنان
            return (*prefixes, "ل"), rest[1:]
        return (*prefixes, "ل", "ال"), rest[2:]
    if rest[:1] in ("ب", "ل", "ك") and len(rest) >= 4 and (rest[1:3] == "ال" or not kept(rest)):
        prefixes.append(rest[0])
        rest = rest[1:]
    elif rest[:1] == "س" and rest[1:2] in ("ي", "ت", "ن", "ا") and len(rest) >= 4 and not kept(rest):
        prefixes.append("س")
        rest = rest[1:]
    if rest.startswith("ال") and len(rest) >= 4 and rest not in protected:
        prefixes.append("ال")
        rest = rest[2:]
    return tuple(prefixes), rest

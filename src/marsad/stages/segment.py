"""Sentences, clauses and tokens of normalised news text (offsets in normalised text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_SENTENCE_END = re.compile(
    r"""(?:
        \n\s*                                   # a line break always ends a sentence (headlines, bullets)
      | (?<!\d)[.!?]+["')\]]*(?=\s|$|[^\W\d_])  # . ! ? not inside a number, maybe before a quote
      | (?<=\d)[.!?]+(?=\s|$)                   # a number that closes a sentence
      | [.!?]+(?=[^\W\d_])                      # missing space after the full stop
    )""",
    re.VERBOSE,
)
_LATIN_ABBREV = re.compile(r"(?:\b[a-z]|\b(?:mr|dr|st|no|vs|etc))$")


@cache
def _clause_break() -> re.Pattern[str]:
    from marsad.lexicon.load import load
    from marsad.stages.normalize import normalize_string

    words = sorted((re.escape(normalize_string(w)) for w in load("cues.yaml")["clause_connectives"]), key=len, reverse=True)
    return re.compile(r"\s*[,;:]\s*|\s+(?=(?:" + "|".join(words) + r")\s)")
_TOKEN = re.compile(r"[^\W_]+(?:[.,]\d+)?%?|%")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Segment | None:
    while start < end and text[start] in " \t\n-*•·\"'":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return Segment(start, end) if end > start else None


def sentences(text: str) -> list[Segment]:
    out: list[Segment] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _LATIN_ABBREV.search(text[max(0, m.start() - 4):m.start()]):
            continue
        seg = _trimmed(text, start, m.end())
        if seg and any(c.isalnum() for c in text[seg.start:seg.end]):
            out.append(seg)
        start = m.end()
    seg = _trimmed(text, start, len(text))
    if seg and any(c.isalnum() for c in text[seg.start:seg.end]):
        out.append(seg)
    return out


def clauses(text: str, sentence: Segment) -> list[Segment]:
    out: list[Segment] = []
    start = sentence.start
    body = text[sentence.start:sentence.end]
    for m in _clause_break().finditer(body):
        # a comma between digits is a thousands separator, not a clause break
        if m.group().strip() == "," and m.start() > 0 and body[m.start() - 1].isdigit() \
                and m.end() < len(body) and body[m.end()].isdigit():
            continue
        seg = _trimmed(text, start, sentence.start + m.start())
        if seg:
            out.append(seg)
        start = sentence.start + m.end()
    seg = _trimmed(text, start, sentence.end)
    if seg:
        out.append(seg)
    return out


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    end = len(text) if end is None else end
    return [Segment(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]

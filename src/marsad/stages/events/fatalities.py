"""Fatalities of an event, per the ACLED conventions of EVENTS.md.

Number-centred: a number counts deaths when the noun right after it is a death word ("50 قتيلا")
or, failing that, when a death word comes right before it ("مقتل 5"); a number whose noun is an
injury word ("200 جريح") counts the wounded and is left out.
"""

from __future__ import annotations

from marsad.mentions import NumberMention
from marsad.stages.events.cues import cue_set, find_cues, word_forms, words_between

_AFTER_WORDS = 3       # "17 فردا من المتمردين قتلوا": the noun may come a few words after the number
_BEFORE_WORDS = 2      # "مقتل نحو 5"


def _kind_next(text: str, n: NumberMention, deaths: list[tuple[int, int, str]],
               injuries: list[tuple[int, int, str]]) -> str | None:
    """The counted noun itself: "50 قتيلا", "200 جريح"."""
    for cues, kind in ((deaths, "death"), (injuries, "injury")):
        if any(s >= n.end and words_between(text, n.end, s) == 0 for s, _, _ in cues):
            return kind
    return None


def _kind_after(text: str, n: NumberMention, deaths: list[tuple[int, int, str]],
                injuries: list[tuple[int, int, str]]) -> str | None:
    """"death" or "injury" by the first casualty word after the number, within a few words."""
    following = [(s, "death") for s, _, _ in deaths if s >= n.end] + [(s, "injury") for s, _, _ in injuries if s >= n.end]
    if not following:
        return None
    start, kind = min(following)
    return kind if words_between(text, n.end, start) <= _AFTER_WORDS else None


def _kind_before(text: str, n: NumberMention, deaths: list[tuple[int, int, str]],
                 injuries: list[tuple[int, int, str]]) -> str | None:
    preceding = [(e, "death") for _, e, _ in deaths if e <= n.start] + [(e, "injury") for _, e, _ in injuries if e <= n.start]
    if not preceding:
        return None
    end, kind = max(preceding)
    return kind if words_between(text, end, n.start) <= _BEFORE_WORDS else None


def _persons_after(text: str, end: int, kind: str) -> bool:
    """"قتل ناشط", "فقتلوا مزارعا", "قتل عنصران": a death word followed by one or two people."""
    following = text[end:end + 30].split()
    return bool(following) and following[0].strip("،,.") in cue_set(kind)


def _persons_before(text: str, start: int) -> bool:
    """"إن شخصين قتلا": two people, then the death verb."""
    preceding = text[max(0, start - 20):start].split()
    return bool(preceding) and preceding[-1] in cue_set("dual_persons")


def _total(text: str, counts: list[NumberMention]) -> int:
    """The deaths of all sides together ("17 من المتمردين ... بينما قتل 3 من المقاومة" is 20), but a count
    within the one before it ("10 أشخاص بينهم 3 أطفال") adds nothing, and a raised toll ("ارتفعت الحصيلة
    إلى 12") replaces it."""
    total = counts[0].value
    for before, n in zip(counts, counts[1:], strict=False):
        between = word_forms(text[before.end:n.start])
        if between & cue_set("toll_updates"):
            total = n.value
        elif not between & cue_set("toll_subsets"):
            total += n.value
    return total


def fatalities(text: str, start: int, end: int, numbers: list[NumberMention]) -> int:
    """Deaths stated in [start, end): the largest death count, injuries left out."""
    if find_cues(text, start, end, "zero_deaths"):
        return 0
    names = find_cues(text, start, end, "death_words_in_names")
    deaths = [d for d in find_cues(text, start, end, "death_nouns") if not any(s <= d[0] < e for s, e, _ in names)]
    if not deaths:
        return 0
    injuries = find_cues(text, start, end, "injury_nouns")
    counts: list[NumberMention] = []
    for n in numbers:
        if not (start <= n.start < end) or n.ordinal:
            continue
        kind = _kind_next(text, n, deaths, injuries) or _kind_before(text, n, deaths, injuries) \
            or _kind_after(text, n, deaths, injuries)
        if kind == "death" and not (counts and text[n.start:n.end] in cue_set("one_adjectives")):
            counts.append(n)       # "7 من عائلة واحدة": "one" there is no count
    if counts:
        return _total(text, counts)
    words = {text[s:e] for s, e, _ in deaths}
    if words & cue_set("dual_deaths") or any(_persons_after(text, e, "dual_persons") or _persons_before(text, s)
                                             for s, e, _ in deaths):
        return 2
    if words <= cue_set("single_deaths") or any(_persons_after(text, e, "single_persons") for _, e, _ in deaths):
        return 1
    return 3            # "سقط قتلى": deaths with no number -> "several"

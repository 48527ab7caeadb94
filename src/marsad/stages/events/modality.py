"""Modality (reported, claimed, planned, denied, hypothetical) and who a claim is attributed to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.mentions import ActorInfo, ActorMention, TriggerMention
from marsad.stages.events.cues import cue_set, find_cues, generic_sources, word_forms, words_between

_WINDOW_WORDS = 8
_DENIAL_SCOPE_WORDS = 16    # "نفى المتحدث باسم التحالف أن تكون طائراته قد قصفت ..."
_SOURCE_GAP = 3          # words between "قال" and the body ("قال المتحدث باسم X")


@cache
def _complementizer() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, cue_set("complementizers")), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])|:")


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    actor: ActorInfo | None = None
    start: int = 0
    end: int = 0


def _future_prefix(text: str, trigger: TriggerMention) -> bool:
    """A verb trigger carrying the future proclitic: سيقصف, وستسيطر."""
    word_start = trigger.start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    prefix = text[word_start:trigger.start]
    return trigger.is_verb and prefix.endswith("س")


def _purpose_masdar(text: str, trigger: TriggerMention) -> bool:
    """"لتحرير", "للسيطرة": a masdar after purpose ل is a plan, not a report."""
    if trigger.is_verb:
        return False
    prefix_start = trigger.start
    while prefix_start > 0 and text[prefix_start - 1].isalpha():
        prefix_start -= 1
    prefix = text[prefix_start:trigger.start]
    own = text[trigger.start:trigger.start + 2]          # the matcher may keep the clitic: "لقصف"
    purpose = prefix in ("ل", "ول", "فل") or (prefix == "" and (
        text[max(0, trigger.start - 2):trigger.start] == "لل" or (own[:1] == "ل" and own != "ال")))
    # "تعرضت البلدة لقصف": ل after "underwent" is no purpose
    return purpose and not (word_forms(text[max(0, prefix_start - 40):prefix_start]) & cue_set("undergo_verbs"))


def _really_conditional(text: str, start: int, end: int) -> bool:
    """"قد" makes a present verb possible ("قد يقصف") but a past one certain ("قد قصف")."""
    if text[start:end] != "قد":
        return True
    following = text[end:end + 12].split()
    if not following:
        return False
    verb = following[0]
    # past verbs open with ت, ن or ا too ("تقدمت", "نفذت", "استهدفت"), but end in ت or وا
    return verb[:1] in ("ي", "ت", "ن") and not verb.endswith(("ت", "وا")) and verb != "تم"


def _counterclaim(text: str, start: int, end: int) -> bool:
    """"نفت القوات ... وقالت إن قواتها اشتبكت": after a new statement or a "but", the denial is over."""
    between = word_forms(text[start:end])
    return bool(between & cue_set("counterclaim_words")) or bool(
        find_cues(text, start, end, "attribution_verbs", "attribution_participles"))


def _commentary(text: str, sentence: tuple[int, int], trigger: TriggerMention) -> bool:
    """An event noun under a verb of analysis or warning ("يرى محللون أن سقوط الرمادي"), or made generic
    ("أي هجوم على الحديدة"): commentary, not a report."""
    words = text[max(sentence[0], trigger.start - 12):trigger.start].split()
    if words and (words[-1] in cue_set("generic_determiners") or word_forms(words[-1]) & cue_set("prevention_words")):
        return True                         # "أي هجوم", "لتجنب معركة"
    return bool(word_forms(text[sentence[0]:trigger.start]) & cue_set("analysis_verbs"))


def modality(text: str, clause: tuple[int, int], sentence: tuple[int, int], trigger: TriggerMention) -> str:
    if _future_prefix(text, trigger) or _purpose_masdar(text, trigger):
        return "planned"
    if not trigger.is_verb and _commentary(text, sentence, trigger):
        return "hypothetical"
    before = find_cues(text, sentence[0], trigger.start, "planned", "denied", "hypothetical", "appeals", "negations")
    for start, end, kind in reversed(before):
        near = words_between(text, end, trigger.start) <= _WINDOW_WORDS
        in_clause = start >= clause[0]
        if kind == "negations":
            if start > 0 and text[start - 1].isalpha():
                continue                    # "كما", "لما", "بما": a clitic makes "ما" no negation
            if set(text[end:end + 8].split()[:1]) & cue_set("still_verbs"):
                continue                    # "ما زالت الاشتباكات": still going on
            if in_clause and words_between(text, end, trigger.start) <= 1 and text[start:end] in ("لم", "لن", "ما"):
                return "denied" if text[start:end] != "لن" else "planned"
            continue
        if kind == "denied" and words_between(text, end, trigger.start) <= _DENIAL_SCOPE_WORDS \
                and not _counterclaim(text, end, trigger.start):
            return "denied"
        if kind == "hypothetical" and in_clause and near and _really_conditional(text, start, end):
            return "hypothetical"
        if kind in ("planned", "appeals") and (in_clause or near):
            return "planned"
    return "reported"


def _source_after(text: str, cue_end: int, limit: int, actors: list[ActorMention]) -> Source | None:
    """The body named just after an attribution cue, before what it said ("قال X إن ..."):
    an actor, or a generic source noun."""
    said = _complementizer().search(text, cue_end, limit)
    if said and said.start() > cue_end:
        limit = said.start()
    elif said:
        return None
    for a in actors:
        gap = words_between(text, cue_end, a.start)
        if cue_end <= a.start < limit and (gap <= _SOURCE_GAP or (gap <= _NAMED_PERSON_GAP and _role_before(text, a))):
            return Source(a.actor.name, text[a.start:a.end], a.actor, a.start, a.end)
    for m in generic_sources().find(text[cue_end:limit]):
        if words_between(text, cue_end, cue_end + m.start) <= 3:
            s, e = cue_end + m.start, _where_based(text, cue_end + m.end, limit)
            return Source(m.payloads[0], text[s:e], None, s, e)
    return None


_WHERE = re.compile(r"\s+في(?=\s)")
_TOKEN = re.compile(r"\S+")
_SAID_ABOUT = {"عن", ":"}


def _where_based(text: str, end: int, limit: int) -> int:
    """"مصادرنا في اليمن", "ضابط عسكري في الأنبار": a generic source keeps where it is based (one or
    two words after "في") when what it said follows right after."""
    m = _WHERE.match(text, end, limit)
    if m is None:
        return end
    tokens = [t for _, t in zip(range(3), _TOKEN.finditer(text, m.end(), limit), strict=False)]
    for i, t in enumerate(tokens):
        if t.group() in cue_set("complementizers") or t.group() in _SAID_ABOUT:
            return tokens[i - 1].end() if i else end
    reaches_what_was_said = bool(tokens) and not text[tokens[-1].end():limit].strip() and len(tokens) <= 2
    return tokens[-1].end() if reaches_what_was_said else end


_NAMED_PERSON_GAP = 9     # "وأوضح لقناة محلية سالم أحمد القيادي في الحركة أن"


def _role_before(text: str, a: ActorMention) -> bool:
    """A person's role right before the body ("القيادي في", "عضو", "الناطق باسم")."""
    before = text[max(0, a.start - 30):a.start].split()
    return any(" ".join(before[-n:]) in cue_set("role_words") for n in (1, 2, 3) if len(before) >= n)


def _source_before(text: str, cue_start: int, sentence_start: int, actors: list[ActorMention]) -> Source | None:
    """"المقاومة الشعبية أكدت ...": a body that opens the sentence or clause right before its verb."""
    for a in reversed(actors):
        if not (sentence_start <= a.start and a.end <= cue_start) or a.actor.type == "civilians":
            continue
        opener = text[max(sentence_start, a.start - 12):a.start].split()
        at_start = a.start - sentence_start <= 2 or (opener and opener[-1] in ("و", ",", "قد", "كانت", "كان"))
        if at_start and words_between(text, a.end, cue_start) <= 1:
            return Source(a.actor.name, text[a.start:a.end], a.actor, a.start, a.end)
    return None


def _trailing(text: str, cue_start: int, floor: int) -> bool:
    """"..., كما أعلنت وكالة الأناضول": an attribution verb after the event that names its source."""
    before = text[max(floor, cue_start - 14):cue_start].split()
    return any(" ".join(before[i:]) in cue_set("trailing_attribution") for i in range(len(before)))


def claim_source(text: str, sentence: tuple[int, int], trigger: TriggerMention, actors: list[ActorMention],
                 previous: Source | None) -> Source | None:
    """Who the sentence attributes the event to, or None when the outlet reports it itself."""
    cues = find_cues(text, sentence[0], sentence[1], "attribution_verbs", "attribution_participles",
                     "attribution_preps", "statement_nouns")
    found: Source | None = None
    for start, end, kind in cues:
        if kind == "statement_nouns":
            continue
        if kind == "attribution_preps" or start < trigger.start or _trailing(text, start, sentence[0]):
            src = _source_after(text, end, sentence[1], actors)
            if src and previous and src.name == "sources" and text[src.start - 2:src.start] == "ال":
                src = previous          # "وأوضحت المصادر": the sources named before
            if src is None and kind == "attribution_verbs":
                src = _source_before(text, start, sentence[0], actors)
            if src and src.actor is not None:
                return src
            if src and found is None:
                found = src             # a generic source; a body named in the same sentence wins
            elif src is None and found is None and kind in ("attribution_verbs", "attribution_participles") \
                    and previous:
                return previous
    return found

"""Actor mentions: dictionary aliases, spokespeople (resolved to their body) and generic
labels that only hold in stories about one country ("المتمردين" in Yemen means the Houthis)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any

from marsad.lexicon.load import load, load_dir
from marsad.lexicon.matcher import PhraseMatcher
from marsad.lexicon.vocabulary import common_words
from marsad.mentions import ActorInfo, ActorMention
from marsad.stages.normalize import normalize_string


@cache
def actor_index() -> dict[str, ActorInfo]:
    return {
        e["id"]: ActorInfo(e["id"], e["name"], e["type"], e.get("country"), bool(e.get("state_aligned")),
                           e.get("parent"))
        for e in load_dir("actors")
    }


@cache
def _label_countries() -> dict[str, frozenset[str]]:
    """Where each actor's context labels hold: its own country and any it lists; everywhere ("*") for
    civilians ("الأهالي")."""
    return {e["id"]: frozenset([e.get("country") or ("*" if e["type"] == "civilians" else ""),
                                *(e.get("context_countries") or [])])
            for e in load_dir("actors")}


@cache
def _by_name() -> dict[str, ActorInfo]:
    return {info.name: info for info in actor_index().values()}


@cache
def police_forces(country_code: str) -> ActorInfo | None:
    """The police of a country ("Police Forces of Sudan"), where we know them."""
    return next((i for i in actor_index().values()
                 if i.country == country_code and i.type == "state_forces" and i.name.startswith("Police Forces of")),
                None)


@cache
def forces_by_adjective() -> dict[str, ActorInfo]:
    """"إسرائيلية", "الأمريكي" -> the country's army, for every demonym of our country list with and
    without its article, where we know that army."""
    names = _by_name()
    out: dict[str, ActorInfo] = {}
    for place in load_dir("places"):
        if place.get("kind") != "country":
            continue
        info = names.get(f"Military Forces of {place['name']}") or names.get(f"Military Forces of the {place['name']}")
        if info is None:
            continue
        for word in map(normalize_string, place.get("demonyms_ar") or []):
            out[word] = out[word.removeprefix("ال")] = info
    return out


@cache
def army_of(country_code: str) -> ActorInfo | None:
    """The army of a country ("Military Forces of Yemen"), where we know it."""
    armies = [i for i in actor_index().values() if i.country == country_code and i.type in _ARMIES
              and i.name.startswith("Military Forces of") and "(" not in i.name]
    return min(armies, key=lambda i: i.type != "state_forces", default=None)


_LOYAL = re.compile(r"(?<![^\W\d_])[وفب]{0,2}(?:ال)?قوات\s+(?:ال)?(?:موالي[هة]|تابع[هة])\s+ل{0,2}$")
_GOVERNMENTS = {"government_body"}


def loyal_forces(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"القوات الموالية لحكومة الرئيس هادي", "قوات تابعة للحكومة السودانية": the army of that government."""
    out = []
    skip: set[int] = set()
    for i, a in enumerate(mentions):
        if a.actor.type not in _GOVERNMENTS or not a.actor.country:
            continue
        head = _LOYAL.search(text, max(0, a.start - 30), a.start + (text[a.start:a.start + 1] == "ل"))
        army = army_of(a.actor.country)
        if head is None or army is None:
            continue
        start = head.start() + len(head.group()) - len(head.group().lstrip("وفب"))
        out.append(ActorMention(start, a.end, army, "loyal forces"))
        skip.add(i)
    if not out:
        return mentions
    return sorted([a for i, a in enumerate(mentions) if i not in skip] + out, key=lambda a: a.start)


_ARMIES = {"state_forces", "external_forces"}
_CANONICAL_FORCES = ("Military Forces of", "Police Forces of")


@cache
def _wings() -> frozenset[str]:
    """Armed wings that event data names by their movement (`acts_as_parent` in the actor files)."""
    return frozenset(e["id"] for e in load_dir("actors") if e.get("acts_as_parent"))


@cache
def governing_groups() -> frozenset[str]:
    """Non-state actors that govern where they hold ground (`de_facto_authority`): their detentions
    are arrests, where other groups' are abductions."""
    return frozenset(e["id"] for e in load_dir("actors") if e.get("de_facto_authority"))


def acting_body(info: ActorInfo) -> ActorInfo:
    """The force a unit acts for, as event data names actors: an air force, a division or the army's
    spokesman becomes the army; an armed wing marked so becomes its movement. Forces already named
    "Military/Police Forces of", and factions of coalitions, stay themselves."""
    index = actor_index()
    for _ in range(5):
        parent = index.get(info.parent or "")
        if parent is None or info.name.startswith(_CANONICAL_FORCES):
            break
        if parent.type not in _ARMIES and info.id not in _wings():
            break
        info = parent
    return info


@cache
def _matcher() -> PhraseMatcher[tuple[str, str]]:
    m: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    for e in load_dir("actors"):
        m.add_all(e["aliases_ar"], (e["id"], "alias"))
        m.add_all(e.get("context_aliases") or [], (e["id"], "context"))
        m.add_all((p["name_ar"] for p in e.get("people") or []), (e["id"], "person"))
    return m


_GROUP_TYPES = {"rebel_group", "political_militia", "identity_militia"}


@cache
def _group_refs() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add_all(load("cues.yaml")["generic_group_refs"], "ref")
    return m


def resolve_group_references(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"التنظيم", "الجماعة": the last armed group named before them, if any."""
    out = list(mentions)
    ordered = sorted(mentions, key=lambda a: a.start)
    i = 0
    last_group: ActorMention | None = None
    for ref in _group_refs().find(text):                 # refs and mentions both in text order
        while i < len(ordered) and ordered[i].start <= ref.start:
            inside = ordered[i].end > ref.start
            if ordered[i].actor.type in _GROUP_TYPES and not inside:
                last_group = ordered[i]
            i += 1
        if i and ordered[i - 1].start <= ref.start < ordered[i - 1].end:
            continue
        if last_group is not None:
            out.append(ActorMention(ref.start, ref.end, last_group.actor, "coreference"))
    return sorted(out, key=lambda a: a.start)


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


@cache
def _group_heads() -> re.Pattern[str]:
    heads = sorted((normalize_string(h) for h in load("cues.yaml")["group_heads"]), key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])[وفبل]?(" + "|".join(map(re.escape, heads)) + r")\s+")


def unknown_groups(text: str, known: list[ActorMention]) -> list[ActorMention]:
    """"لواء الفاتحين" that no dictionary knows: an actor named by its Arabic surface."""
    out = []
    known = sorted(known, key=lambda a: a.start)
    starts = [a.start for a in known]
    for m in _group_heads().finditer(text):
        words: list[re.Match[str]] = []
        for w in _NAME_WORD.finditer(text, m.end(), min(len(text), m.end() + 40)):
            gap = text[words[-1].end() if words else m.end():w.start()]
            if gap.strip() or w.group() in common_words() or len(words) == 2:
                break
            words.append(w)
        start = m.start(1)
        nearby = known[max(0, bisect_left(starts, start) - 3):bisect_left(starts, words[-1].end() if words else start)]
        if not words or any(a.start <= start < a.end or start <= a.start < words[-1].end() for a in nearby):
            continue
        surface = text[start:words[-1].end()]
        info = ActorInfo(f"unknown:{surface}", surface, "other", None, False, None)
        out.append(ActorMention(start, words[-1].end(), info, "unknown"))
    return out


_BASE_NAMED = re.compile(r"(?<![^\W\d_])[وفب]?قاعده\s+[^\W\d_]")
_THE_BASE = re.compile(r"^[وفبل]{0,2}(?:ال|ل)قاعده$")
BASE_WINDOW = 400       # characters back to "قاعدة العند" for a later "القاعدة" to be that base


def _the_base(text: str, a: ActorMention) -> bool:
    """"شن غارات على قاعدة العند ومعسكر مجاور للقاعدة": "القاعدة" after a base was named is that base,
    not al-Qaeda."""
    return bool(_THE_BASE.match(text[a.start:a.end])) and bool(_BASE_NAMED.search(text, max(0, a.start - BASE_WINDOW),
                                                                                   a.start))


_MEMBERS_OF = re.compile(r"\s+(?:من|في)\s+(?:صفوف\s+|عناصر\s+)?$")


def members_of_a_named_group(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"مسلحون من حزب العمال الكردستاني": unidentified gunmen of a named group are that group."""
    out: list[ActorMention] = []
    for a in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.actor.name.startswith("Unidentified") and a.actor.type in _GROUP_TYPES \
                and _MEMBERS_OF.fullmatch(text, prev.end, a.start):
            out[-1] = ActorMention(prev.start, a.end, a.actor, a.via)
            continue
        out.append(a)
    return out


_BARE_FORCES = {"الجيش": "Military Forces of", "الشرطه": "Police Forces of"}


def _bare_force(text: str, a: ActorMention) -> str | None:
    word = text[a.start:a.end]
    for bare, prefix in _BARE_FORCES.items():
        if word == bare or (word.endswith(bare) and word[:-len(bare)] in ("و", "ف", "ب", "ل", "وب", "ول")):
            return prefix
    return None


def the_force_named_before(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"قال الجيش الأميركي ... وقال الجيش في بيان": the bare army (or police) is the one named before it
    in the article, when that is another country's."""
    out = []
    last: dict[str, ActorMention] = {}
    for a in mentions:
        prefix = _bare_force(text, a)
        qualified = text[a.end:a.end + 4].lstrip().startswith("ال")          # "الجيش الفيدرالي"
        if prefix and a.via == "context" and not qualified and prefix in last and last[prefix].actor.id != a.actor.id:
            a = ActorMention(a.start, a.end, last[prefix].actor, "coreference")
        elif not prefix and a.actor.name.startswith(tuple(_BARE_FORCES.values())) and (
                a.actor.type == "external_forces" or a.actor in (army_of(a.actor.country or ""),
                                                                 police_forces(a.actor.country or ""))):
            last[a.actor.name.split(" of ")[0] + " of"] = a          # a country's army or police, named
        out.append(a)
    return out


def find_actors(text: str, countries: tuple[str, ...] = ()) -> list[ActorMention]:
    """Actor mentions; context aliases resolve only to an actor whose labels hold in the article's
    country, and there they win over a name used everywhere ("داعش" in a Libyan story)."""
    index = actor_index()
    where = _label_countries()
    home = countries[:1]
    usable = []
    for match in _matcher().find_all(text):
        everywhere = [(index[i], via) for i, via in match.payloads if via != "context"]
        local = sorted(((index[i], via) for i, via in match.payloads
                        if via == "context" and home and (home[0] in where[i] or "*" in where[i])),
                       key=lambda pair: pair[0].country != home[0])       # the country's own actor first
        for info, via in (local or everywhere)[:1]:
            usable.append((match, info, via))
    out = []
    taken_until = -1                  # leftmost-longest among the names that hold here
    for match, info, via in sorted(usable, key=lambda u: (u[0].word_start, -u[0].end)):
        if match.word_start >= taken_until and not _the_base(text, ActorMention(match.start, match.end, info, via)):
            out.append(ActorMention(match.start, match.end, info, via))
            taken_until = match.end
    out = loyal_forces(text, sorted(out + unknown_groups(text, out), key=lambda a: a.start))
    out = the_force_named_before(text, members_of_a_named_group(text, out))
    return resolve_group_references(text, out)


def home_provinces_are_places(text: str, actors: list[ActorMention], places: list[Any],
                              countries: tuple[str, ...]) -> list[ActorMention]:
    """"ولاية الجزيرة" in a Sudanese story is Gezira State, not the Islamic State's province of that name:
    a "ولاية X" alias gives way to a province of the article's own country."""
    if not countries:
        return actors
    provinces = [(p.start, p.end) for p in places if p.place.kind == "admin1" and p.place.country_code == countries[0]]
    return [a for a in actors if not (text[a.start:a.end].startswith(_PROVINCE_WORD)
                                      and any(a.start < s and e <= a.end for s, e in provinces))]


_PROVINCE_WORD = ("ولايه ", "ولاية ")

"""Actor mentions: dictionary aliases, spokespeople (resolved to their body) and generic
labels that only hold in stories about one country ("المتمردين" in Yemen means the Houthis)."""

from __future__ import annotations

from functools import cache

from marsad.lexicon.load import load_dir
from marsad.lexicon.matcher import PhraseMatcher
from marsad.mentions import ActorInfo, ActorMention


@cache
def actor_index() -> dict[str, ActorInfo]:
    return {
        e["id"]: ActorInfo(e["id"], e["name"], e["type"], e.get("country"), bool(e.get("state_aligned")),
                           e.get("parent"))
        for e in load_dir("actors")
    }


@cache
def _matcher() -> PhraseMatcher[tuple[str, str]]:
    m: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    for e in load_dir("actors"):
        m.add_all(e["aliases_ar"], (e["id"], "alias"))
        m.add_all(e.get("context_aliases") or [], (e["id"], "context"))
        m.add_all((p["name_ar"] for p in e.get("people") or []), (e["id"], "person"))
    return m


def find_actors(text: str, countries: tuple[str, ...] = ()) -> list[ActorMention]:
    """Actor mentions; context aliases resolve only to an actor of one of `countries`."""
    index = actor_index()
    out = []
    for match in _matcher().find(text):
        chosen = None
        for actor_id, via in match.payloads:
            info = index[actor_id]
            if via != "context":
                chosen = (info, via)
                break
            if info.country in countries[:1] or (chosen is None and info.country in countries):
                chosen = (info, via)
        if chosen:
            out.append(ActorMention(match.start, match.end, chosen[0], chosen[1]))
    return out

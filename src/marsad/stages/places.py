"""Place mentions: recognised with their frames, disambiguated, given a precision and a reason.

Frames: "ريف X", "شمال X", "أطراف X" make precision 2; "محافظة X" prefers the admin unit;
"مدينة/بلدة/قرية X" prefers a settlement. A province or country alone is precision 3.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from marsad.lexicon.load import load, load_dir
from marsad.lexicon.matcher import PROCLITICS, Match, PhraseMatcher
from marsad.lexicon.vocabulary import common_words
from marsad.mentions import PlaceMention
from marsad.stages.normalize import normalize_string

BIG_TOWN = 50_000
_SETTLEMENT = {"city", "town", "village", "camp", "neighbourhood"}
# Kinds whose names repeat from country to country ("القصر الجمهوري", "ساحة التحرير"): only
# taken in a country the article is about.
_SITE_KINDS = {"landmark", "neighbourhood", "base", "airport", "crossing", "port", "dam", "camp"}
_ADMIN = {"country", "admin1", "admin2", "admin3", "region"}
_QUARTER_FRAMES = {"حي", "احياء", "وحي", "بحي"}


def _strip_clitics(word: str) -> set[str]:
    return {word[len(p):] for p in PROCLITICS if word.startswith(p) and len(word) - len(p) >= 2} | {word}


@cache
def _cues() -> dict[str, set[str]]:
    c = load("cues.yaml")
    return {k: {normalize_string(w) for w in c[k]}
            for k in ("place_frames_exact", "place_frames_near", "place_frames_admin", "place_stopwords", "strong_frames",
                      "media_nouns", "name_stops")}


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(normalize_string(d) for e in load_dir("places") for d in e.get("demonyms_ar") or [])


_MATCHERS: dict[str, PhraseMatcher[str]] = {}


def _matcher(gazetteer: Any) -> PhraseMatcher[str]:
    key = str(gazetteer.path)
    if key not in _MATCHERS:
        m: PhraseMatcher[str] = PhraseMatcher()
        for norm, place_id in gazetteer.all_names():
            m.add(norm, place_id)
        gazetteer.preload()
        _MATCHERS[key] = m
    return _MATCHERS[key]


def _frame(text: str, start: int) -> tuple[str | None, str | None, int]:
    """The frame word(s) just before a name: (kind of frame, the word, where the frame starts)."""
    cues = _cues()
    before = text[max(0, start - 40):start].split()
    if not before:
        return None, None, start
    pos = start
    for n_words in (3, 2, 1):
        if len(before) < n_words:
            continue
        phrase_words = before[-n_words:]
        phrase_len = len(" ".join(phrase_words)) + 1
        for variant in _strip_clitics(phrase_words[0]):
            phrase = " ".join([variant, *phrase_words[1:]])
            for kind in ("place_frames_near", "place_frames_admin", "place_frames_exact"):
                if phrase in cues[kind]:
                    return kind.removeprefix("place_frames_"), phrase, max(0, pos - phrase_len)
    return None, None, start


def _plausible_town(m: Any, place: Any, frame: str | None) -> bool:
    """A GeoNames town outside a frame: only a name that is no ordinary word, of a big town."""
    if m.key in common_words() or any(w in common_words() for w in m.key.split()):
        return False
    return (place.population or 0) >= BIG_TOWN or frame == "near"


def _inner_frame(key: str) -> tuple[str, str] | None:
    """("near", "ريف") for a gazetteer name that starts with a frame word, like "ريف حلب"."""
    words = key.split()
    if len(words) < 2:
        return None
    cues = _cues()
    for n in (2, 1):
        head = " ".join(words[:n])
        for kind in ("near", "admin", "exact"):
            if head in cues[f"place_frames_{kind}"] and len(words) > n:
                return kind, head
    return None


ANCHOR_CELL = 1.5      # degrees: a place "near" another lies in the same or a neighbouring cell


def _anchor_grid(anchors: list[Any]) -> dict[tuple[int, int], list[Any]]:
    grid: dict[tuple[int, int], list[Any]] = {}
    for a in anchors:
        if a.lat is not None and a.lon is not None:
            grid.setdefault((math.floor(a.lat / ANCHOR_CELL), math.floor(a.lon / ANCHOR_CELL)), []).append(a)
    return grid


def _near(place: Any, grid: dict[tuple[int, int], list[Any]]) -> list[Any]:
    if place.lat is None or place.lon is None:
        return []
    cy, cx = math.floor(place.lat / ANCHOR_CELL), math.floor(place.lon / ANCHOR_CELL)
    return [a for dy in (-1, 0, 1) for dx in (-1, 0, 1) for a in grid.get((cy + dy, cx + dx), ())
            if a is not place and abs(a.lat - place.lat) + abs(a.lon - place.lon) < ANCHOR_CELL]


def _score(place: Any, frame: str | None, countries: Counter[str], grid: dict[tuple[int, int], list[Any]]
           ) -> tuple[float, str]:
    score, why = 0.0, []
    if place.curated:
        score += 2
        why.append("curated")
    if countries:
        top = countries.most_common(1)[0][0]
        if place.country_code == top:
            score += 4
            why.append(f"in the article's country ({top})")
        elif place.country_code in countries:
            score += 2
            why.append(f"in a country the article names ({place.country_code})")
    if frame == "admin" and place.kind in _ADMIN:
        score += 3
        why.append("admin frame")
    if frame in ("exact", "near") and place.kind in _SETTLEMENT:
        score += 1.5
        why.append("settlement frame" if frame == "exact" else "near a settlement")
    if place.kind in ("admin1", "city"):
        score += 1
    score += math.log10(max(place.population or 0, 1)) / 3
    near = _near(place, grid)
    if near:
        score += 1.5
        why.append(f"near {near[0].name}")
    return score, ", ".join(why) or "only candidate" if score else "population"


# Before a name, never the future prefix of verbs: "سكاي" is no "س" + "كاي" (Kayes).
NAME_PROCLITICS = PROCLITICS - {"س", "وس", "فس"}


def _ours_first(cands: list[Any]) -> list[Any]:
    """Where our curated list has a name in a country, a GeoNames place of that name in the same country
    is left out: "صلاح الدين" is the governorate, not the town that GeoNames also calls so."""
    ours = {c.country_code for c in cands if c.curated}
    return [c for c in cands if c.curated or c.country_code not in ours]


def find_places(text: str, gazetteer: Any) -> list[PlaceMention]:
    """Every place mention in the text, disambiguated against the others."""
    cues = _cues()
    raw = []
    for m in _matcher(gazetteer).find(text, NAME_PROCLITICS):
        frame, word, frame_start = _frame(text, m.word_start)
        inner = _inner_frame(m.key)
        if inner and any(gazetteer.place(pid).kind == "region" and gazetteer.place(pid).curated for pid in m.payloads):
            inner = None            # "جنوب لبنان" is a region of our own, not a frame and a country
        if inner:
            # the gazetteer has the framed name itself ("ريف حلب"): read it as frame + place
            frame, word, frame_start = inner[0], inner[1], m.word_start
            rest_start = m.start + len(inner[1]) + 1
            rest = [p.id for p in gazetteer.candidates(text[rest_start:m.end])]
            if frame == "admin":          # "محافظة إدلب" names the governorate, not the city of that name
                rest = list(m.payloads)
            if rest:
                m = Match(rest_start, m.end, rest_start, text[rest_start:m.end], tuple(rest))
        if m.key in cues["place_frames_exact"] | cues["place_frames_admin"] | cues["place_frames_near"]:
            continue
        surface = text[m.word_start:m.end]
        if surface != m.key and surface in cues["place_stopwords"]:
            continue                # "بلدية" is a municipality, not "ب" + a village called "لدية"
        cands = _ours_first([gazetteer.place(pid) for pid in dict.fromkeys(m.payloads)])
        if word not in cues["strong_frames"] and m.key in common_words():
            continue
        if word not in cues["strong_frames"]:
            cands = [c for c in cands if c.curated or _plausible_town(m, c, frame)]
            if m.key in cues["place_stopwords"] or not cands:
                continue
        raw.append((m, frame, word, frame_start, cands))
    countries: Counter[str] = Counter()
    for m, _frame_kind, word, _fs, cands in raw:
        if word in _QUARTER_FRAMES:
            continue                # a quarter tells nothing of the country: "حي الجيزة" is not Egypt
        codes = {c.country_code for c in cands}
        if len(codes) == 1 and any(c.curated for c in cands):
            countries[codes.pop()] += 2 if m.key in _demonyms() or cands[0].kind == "country" else 1
    article_countries = {code for code, _ in countries.most_common(3)}
    if article_countries:
        raw = [(m, frame, word, fs, kept) for m, frame, word, fs, cands in raw
               if (kept := [c for c in cands if c.country_code in article_countries
                            or (c.curated and c.kind not in _SITE_KINDS) or word in cues["strong_frames"]])]
    if article_countries:           # "حي الجيزة" in a Libyan story is a quarter we do not know, not Giza
        raw = [r for r in raw if not (r[2] in _QUARTER_FRAMES and all(c.country_code not in article_countries
                                                                        for c in r[4]))]
    grid = _anchor_grid([c[0] for *_x, c in raw if len(c) == 1])
    out = []
    for m, frame, _word, frame_start, cands in raw:
        scored = sorted(((_score(c, frame, countries, grid), c) for c in cands),
                        key=lambda sc: (-sc[0][0], sc[1].rank))
        (best_score, reason), best = scored[0]
        precision = 2 if frame == "near" else 3 if best.kind in ("country", "admin1", "region") else 1
        if m.key in _demonyms():
            frame = "demonym"
        out.append(PlaceMention(m.start, m.end, frame_start, best, precision, frame, reason,
                                tuple(c for _, c in scored)))
    out = [replace(p, frame="dateline") if _dateline(text, p) else
           replace(p, frame="outlet") if _outlet(text, p) else p for p in out]
    top = countries.most_common(1)[0][0] if countries else None
    out += capital_mentions(text, out, top, gazetteer)
    return sorted(out + unknown_framed_places(text, out), key=lambda p: p.start)


@cache
def _capitals() -> dict[str, str]:
    """Country code -> the English name of its capital."""
    return {e["country_code"]: e["capital"] for e in load_dir("places") if e["kind"] == "country" and e.get("capital")}


_CAPITAL = re.compile(r"(?<![^\W\d_])(?:و|ف|ب|وب|فب)?(?:ال|لل|ولل)عاصمه(?![^\W\d_])")


def capital_mentions(text: str, known: list[PlaceMention], country: str | None, gazetteer: Any) -> list[PlaceMention]:
    """"في العاصمة" not followed by the capital's name: the capital of the country its adjective names
    ("العاصمة العراقية") or, with none, of the article's country."""
    by_start = {p.frame_start: p for p in known} | {p.start: p for p in known}
    out = []
    spans = [(p.frame_start, p.end) for p in known]
    for m in _CAPITAL.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue                              # "العاصمة العراقية" is a name the gazetteer has
        nxt = re.match(r"\s+", text[m.end():])
        after = by_start.get(m.end() + (nxt.end() if nxt else 0))
        code = country
        if after is not None and after.frame == "demonym":
            code = after.place.country_code
            nxt2 = re.match(r"\s+", text[after.end:])
            if after.end + (nxt2.end() if nxt2 else 0) in by_start:
                continue                          # "العاصمة العراقية بغداد": the name itself is there
        elif after is not None:
            continue                              # "العاصمة صنعاء"
        capital = gazetteer.named(_capitals()[code], code) if code in _capitals() else None
        if capital is None:
            continue
        out.append(PlaceMention(m.start(), m.end(), m.start(), capital, 1, "capital",
                                f"the capital of {capital.country or code}"))
    return out


def _outlet(text: str, p: PlaceMention) -> bool:
    before = text[max(0, p.frame_start - 16):p.frame_start].replace('"', " ").split()
    return bool(before) and before[-1] in _cues()["media_nouns"]


def _dateline(text: str, p: PlaceMention) -> bool:
    """"عدن - «الشرق الأوسط»:" or "الرياض:" opening a paragraph names where the story was filed."""
    line_start = text.rfind("\n", 0, p.frame_start) + 1
    if text[line_start:p.frame_start].strip(" \"'(«"):
        return False
    after = text[p.end:p.end + 4].lstrip(" ")
    return after[:1] in ("-", ":", "(", "/") or text[p.end:p.end + 2] == "\n"


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
FALLBACK_WINDOW = 160


def unknown_framed_places(text: str, known: list[PlaceMention]) -> list[PlaceMention]:
    """"بلدة X" where X is in no gazetteer: located at the city (precision 2) or province (precision 3)
    named around it, keeping the article's words."""
    cues = _cues()
    covered = sorted((p.frame_start, p.end) for p in known)
    covered_starts = [c[0] for c in covered]
    anchors = sorted((p for p in known if p.place.kind not in ("country", "region") and p.frame != "demonym"),
                     key=lambda p: p.start)
    anchor_starts = [a.start for a in anchors]
    out = []
    for m in re.finditer(r"(?<![^\W\d_])[وفب]?(?:" + "|".join(sorted(
            (re.escape(w) for w in cues["strong_frames"]), key=len, reverse=True)) + r")\s+", text):
        name_start = m.end()
        words: list[re.Match[str]] = []
        for w in _NAME_WORD.finditer(text, name_start, min(len(text), name_start + 40)):
            if words and (w.start() != words[-1].end() + 1 or w.group().startswith("و")):
                break
            bare = _strip_clitics(w.group())
            if w.group() in cues["name_stops"] or len(words) == 2 or w.group() in common_words() \
                    or w.group() in cues["place_stopwords"] or bare & (cues["place_frames_exact"] | cues["place_frames_admin"]):
                break
            words.append(w)
        i = bisect_right(covered_starts, name_start)
        if not words or any(s <= name_start < e for s, e in covered[max(0, i - 3):i]):
            continue
        end = words[-1].end()
        near = anchors[bisect_left(anchor_starts, name_start - FALLBACK_WINDOW):
                       bisect_right(anchor_starts, name_start + FALLBACK_WINDOW)]
        if not near:
            continue
        anchor = min(near, key=lambda a: abs(a.start - name_start))
        precision = 3 if anchor.precision == 3 else 2     # a province stands for it, or a town
        out.append(PlaceMention(name_start, end, m.start(), anchor.place, precision, "unknown",
                                f"not in the gazetteer: placed at {anchor.place.name}, named nearby"))
    return out


def document_countries(places: list[PlaceMention]) -> tuple[str, ...]:
    """Country codes by how often the article's places point to them, most frequent first."""
    counts = Counter(p.place.country_code for p in places if p.place.country_code)
    return tuple(code for code, _ in counts.most_common())

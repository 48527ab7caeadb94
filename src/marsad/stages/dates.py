"""Date expressions in normalised Arabic text, resolved against the publication day.

Precision follows EVENTS.md: 1 exact day, 2 within a week, 3 month. Own rules only; relative
weekdays mean the latest such day before publication ("السبت الماضي" strictly before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from marsad.lexicon.load import load
from marsad.lexicon.ordinals import ordinal_words
from marsad.mentions import DateMention
from marsad.stages.normalize import normalize_string


def _names(entries: list[dict[str, Any]], key: str) -> dict[str, int]:
    return {normalize_string(n): e[key] for e in entries for n in e["names"]}


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, int]
    years: frozenset[str]
    month_parts: dict[str, int]
    name_heads: frozenset[str]
    past: frozenset[str]
    future: frozenset[str]
    pattern: re.Pattern[str]


@cache
def _vocab() -> _Vocab:
    d = load("dates.yaml")
    nums = load("numbers.yaml")
    months, hijri = _names(d["months"], "month"), _names(d["hijri_months"], "month")
    weekdays, relative = _names(d["weekdays"], "weekday"), _names(d["relative_days"], "offset")
    ordinals = ordinal_words()
    units = _names(nums["units"], "value")
    parts = _names(d["month_parts"], "day")
    past, future = map(normalize_string, d["past_words"]), map(normalize_string, d["future_words"])
    past_set, future_set = frozenset(past), frozenset(future)
    current = [normalize_string(w) for w in d["current_words"]]
    day_parts = [normalize_string(w) for w in d["day_parts"]]
    week, month = (normalize_string(w) for w in ("الأسبوع", "الشهر"))
    period = {k: [normalize_string(w) for w in v] for k, v in d["period_words"].items()}
    hijri_markers = [normalize_string(w) for w in d["hijri_markers"]]
    qual = _alt(past_set | future_set)
    qual_now = _alt(list(past_set | future_set) + current)
    day = rf"(?:\d{{1,2}}|{_alt(ordinals)})"
    month_name = _alt(months)
    month_alt = rf"(?:\s*[(/]\s*(?:{month_name})\s*\)?)?"
    year = r"(?:\s+(?:عام\s+|سنه\s+)?(?P<{0}>\d{{4}})(?:\s*م)?)?"
    pattern = rf"""
      (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))
    | (?P<dmy>(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})[/.](?P<ny>\d{{4}}))
    | (?P<hijri>(?P<hd>{day})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{_alt(hijri)})(?:\s+(?:(?:عام|سنه)\s+)?(?P<hy>\d{{4}})
        (?:\s*(?:{_alt(hijri_markers)})(?![^\W\d_]))?)?)
    | (?P<dm>(?:(?:يوم\s+)?(?P<dmwd>{_alt(weekdays)})\s+)?(?P<dd>{day})\s+(?:من\s+)?(?:شهر\s+)?(?P<dmm>{month_name}){month_alt}
        {year.format("dmy_y")}(?:\s+(?P<dmq>{qual_now}))?)
    | (?P<mon>(?:(?P<mpart>{_alt(parts)})\s+)?(?:شهر\s+)?(?P<mm>{month_name}){month_alt}
        (?:(?:\s+(?:عام\s+|سنه\s+)?(?P<my>\d{{4}}))|\s+(?P<mq>{qual_now})|(?<=\S)(?![^\W_])(?(mpart)|(?!)))
        (?:\s+(?P<mq2>{qual}))?)
    | (?P<dmrel>(?P<drd>{day})\s+(?:من\s+)?(?:{month}\s+(?P<drq>{_alt(list(past_set | future_set) + current)})|هذا\s+{month}))
    | (?P<same>(?:اليوم|الليله)\s+(?:نفسه|نفسها|ذاته|ذاتها)|نفس\s+(?:اليوم|الليله))
    | (?P<mrel>(?:(?P<rpart>{_alt(parts)})\s+)?{month}\s+(?P<mrq>{_alt(list(past_set | future_set) + current)}))
    | (?P<wrel>{week}\s+(?P<wq>{_alt(list(past_set | future_set) + current)}))
    | (?P<ago>(?:قبل|منذ)\s+(?:(?P<an>\d+|{_alt(units)})\s+)?(?P<au>{_alt(period["days"] + period["weeks"] + period["years"])}))
    | (?P<wd>(?:(?:{_alt(day_parts)})\s+)?(?:(?:اليوم|يوم)\s+)?(?P<wdn>{_alt(weekdays)})(?:\s+(?P<wdq>{qual}))?)
    | (?P<rel>{_alt(relative)})(?:\s+(?:{_alt(weekdays)}))?
    """
    return _Vocab(months, hijri, weekdays, relative, ordinals, units, frozenset(period["years"]), parts,
                  frozenset(normalize_string(w) for w in d["name_heads"]), past_set, future_set,
                  re.compile(rf"{_WORD_START}(?:{pattern})(?![^\W_])", re.VERBOSE))


# At a word start, or after a proclitic that starts the word ("بالأمس", "وأمس").
_WORD_START = r"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[وفب])|(?<=(?<![^\W\d_])وب))"


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date, qualifier: str | None, v: _Vocab) -> date | None:
    candidates = [c for c in (_safe(published.year + k, month, day) for k in (-1, 0, 1)) if c]
    if not candidates:
        return None
    if qualifier in v.past:
        before = [c for c in candidates if c < published]
        return max(before) if before else None
    if qualifier in v.future:
        after = [c for c in candidates if c > published]
        return min(after) if after else None
    same = _safe(published.year, month, day)
    if same and (same - published).days > 60:
        return _safe(published.year - 1, month, day)
    return same


def _hijri(day: int, month: int, year: int) -> date | None:
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _safe_day(first: date, day: int) -> date | None:
    try:
        return first.replace(day=day)
    except ValueError:
        return None


def _latest_hijri(day: int, month: int, published: date) -> date | None:
    """"العشرين من رمضان" without a year: the latest such day on or before publication."""
    from hijridate import Gregorian

    year = Gregorian(published.year, published.month, published.day).to_hijri().year
    found = _hijri(day, month, year)
    return _hijri(day, month, year - 1) if found is None or found > published else found


def _day_number(s: str, v: _Vocab) -> int:
    return int(s) if s.isdigit() else v.ordinals[s]


def _month_start(d: date, shift: int) -> date:
    y, m = d.year, d.month + shift
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return date(y, m, 1)


def _resolve(m: re.Match[str], published: date | None, v: _Vocab) -> tuple[date | None, int, bool]:
    g = m.group
    if g("iso"):
        return _safe(int(g("iy")), int(g("im")), int(g("id"))), 1, False
    if g("dmy"):
        return _safe(int(g("ny")), int(g("nm")), int(g("nd"))), 1, False
    if g("hijri"):
        day, month = _day_number(g("hd"), v), v.hijri[g("hm")]
        if g("hy"):
            return _hijri(day, month, int(g("hy"))), 1, False
        return (_latest_hijri(day, month, published) if published else None), 1, True
    if g("dm"):
        day, month = _day_number(g("dd"), v), v.months[g("dmm")]
        if g("dmy_y"):
            return _safe(int(g("dmy_y")), month, day), 1, False
        return (_infer_year(month, day, published, g("dmq"), v) if published else None), 1, True
    if g("mon"):
        month = v.months[g("mm")]
        day = v.month_parts.get(g("mpart") or "", 1)
        if g("my"):
            return _safe(int(g("my")), month, day), 3, False
        return (_infer_year(month, day, published, g("mq") or g("mq2"), v) if published else None), 3, True
    if published is None:
        return None, 1, True
    if g("dmrel"):                       # "التاسع من الشهر الجاري"
        q = g("drq")
        shift = -1 if q in v.past else 1 if q in v.future else 0
        return _safe_day(_month_start(published, shift), _day_number(g("drd"), v)), 1, True
    if g("mrel"):
        q = g("mrq")
        shift = -1 if q in v.past else 1 if q in v.future else 0
        first = _month_start(published, shift)
        return first.replace(day=v.month_parts.get(g("rpart") or "", 1)), 3, True
    if g("wrel"):
        q = g("wq")
        shift = -7 if q in v.past else 7 if q in v.future else 0
        monday = published - timedelta(days=published.weekday()) + timedelta(days=shift)
        return monday, 2, True
    if g("ago"):
        unit = g("au")
        n_text = g("an")
        n = int(n_text) if n_text and n_text.isdigit() else v.units.get(n_text or "", 0)
        if unit in ("يومين", "يومان"):
            n = 2
        if unit in v.years:
            n = 2 if unit in ("عامين", "سنتين") else n or 1
            return published - timedelta(days=366 * n), 3, True      # "قبل عام": more than a year back
        weeks = unit.startswith("اسبوع") or unit in ("اسابيع",)
        if unit == "اسبوعين":
            n, weeks = 2, True
        if not n and unit in ("ايام", "اسابيع"):
            return published - timedelta(days=3 if unit == "ايام" else 14), 2, True   # "قبل أيام"
        n = n or 1
        return published - timedelta(days=n * (7 if weeks else 1)), (2 if weeks else 1), True
    if g("wd"):
        target = v.weekdays[g("wdn")]
        back = (published.weekday() - target) % 7
        if g("wdq") in v.future:
            return published + timedelta(days=(target - published.weekday()) % 7 or 7), 1, True
        if g("wdq") in v.past and back == 0:
            back = 7
        return published - timedelta(days=back), 1, True
    if g("rel"):
        return published + timedelta(days=v.relative[g("rel")]), 1, True
    return None, 1, True


def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    v = _vocab()
    out = []
    last: DateMention | None = None
    for m in v.pattern.finditer(text, start, len(text) if end is None else end):
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and (before[-1] in v.name_heads or before[-1][1:] in v.name_heads):
            continue
        if m.group("same"):             # "في اليوم نفسه": the day named last
            if last is not None:
                out.append(DateMention(m.start(), m.end(), last.value, last.precision, True))
            continue
        try:
            value, precision, relative = _resolve(m, published, v)
        except OverflowError:            # "قبل 2500 سنة": before the calendar's first year
            continue
        if value is None and not relative:
            continue
        out.append(DateMention(m.start(), m.end(), value, precision, relative))
        if value is not None and precision == 1:
            last = out[-1]
    return out

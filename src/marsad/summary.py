"""One English sentence per event, in the manner of ACLED's `notes` column."""

from __future__ import annotations

from datetime import date
from typing import Any

_VERBS = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of {place} from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of {place} from {a2}",
    "Air/drone strike": "{a1} carried out an air or drone strike on {a2}",
    "Shelling/artillery/missile attack": "{a1} shelled {a2}",
    "Suicide bomb": "{a1} carried out a suicide bombing against {a2}",
    "Remote explosive/landmine/IED": "an explosive device hit {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Chemical weapon": "{a1} used chemical weapons against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Peaceful protest": "{a1} demonstrated",
    "Protest with intervention": "{a1} demonstrated and {a2} intervened",
    "Excessive force against protesters": "{a2} used excessive force against {a1}",
    "Violent demonstration": "{a1} rioted",
    "Mob violence": "{a1} attacked {a2}",
    "Arrests": "{a1} arrested members of {a2}",
    "Agreement": "{a1} and {a2} reached an agreement",
    "Looting/property destruction": "{a1} looted or destroyed property of {a2}",
    "Disrupted weapons use": "{a1} disrupted a weapon of {a2}",
    "Non-violent transfer of territory": "{a1} took over {place} without fighting",
    "Headquarters or base established": "{a1} established a base",
    "Change to group/activity": "{a1} changed its organisation or activity",
    "Other": "a strategic development involved {a1}",
}


def _day(value: str | date | None) -> str:
    if not value:
        return "On an unknown date"
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"On {d.day} {d.strftime('%B')} {d.year}"


def summarize(ev: dict[str, Any]) -> str:
    """ev: an event as `Event.to_json()` gives it."""
    loc = ev.get("location") or {}
    place = loc.get("name") or "an unknown place"
    where = ", ".join(x for x in (loc.get("admin1"), loc.get("country")) if x and x != place)
    place_full = f"{place} ({where})" if where else place
    a1 = (ev.get("actor1") or {}).get("name") or "unidentified actors"
    a2 = (ev.get("actor2") or {}).get("name") or "unidentified targets"
    text = _VERBS.get(ev["sub_event_type"], "{a1} acted against {a2}").format(a1=a1, a2=a2, place=place_full)
    if "{place}" not in _VERBS.get(ev["sub_event_type"], ""):
        text += f" in {place_full}"
    deaths = ev.get("fatalities")
    toll = f"; {deaths} {'person was' if deaths == 1 else 'people were'} reported killed" if deaths else ""
    source = (ev.get("claim_source") or {}).get("name")
    by = f", according to {source}" if source and ev.get("modality") == "claimed" else ""
    return f"{_day(ev.get('date'))}, {text}{toll}{by}."

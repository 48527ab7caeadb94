"""JSON Schemas of the language-data files (validated on load and in the lint test)."""

from __future__ import annotations

from typing import Any

from marsad.model import EVENT_TYPES

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_NAMED_VALUES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["names"],
        "properties": {"names": _STRINGS, "value": {"type": "integer"}, "month": {"type": "integer"},
                       "weekday": {"type": "integer"}, "offset": {"type": "integer"},
                       "day": {"type": "integer"}, "name": {"type": "string"}},
        "additionalProperties": False,
    },
}


def _doc(**props: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["version", *props],
        "properties": {"version": {"const": 1}, **props},
        "additionalProperties": False,
    }


TRIGGERS = _doc(triggers={
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "event_type", "sub_event_type", "weight"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z_]+$"},
            "event_type": {"enum": list(EVENT_TYPES)},
            "sub_event_type": {"enum": [s for subs in EVENT_TYPES.values() for s in subs]},
            "weight": {"type": "integer", "minimum": 0, "maximum": 100},
            "verbs": _STRINGS,
            "nouns": _STRINGS,
            # word pairs read as one noun phrase: each of `first` followed by each of `then`
            "phrases": {"type": "array", "items": {
                "type": "object", "required": ["first", "then"],
                "properties": {"first": _STRINGS, "then": _STRINGS}, "additionalProperties": False}},
            "upgrades": {"type": "array", "items": {
                "type": "object", "required": ["words", "sub_event_type"],
                "properties": {"words": _STRINGS, "event_type": {"enum": list(EVENT_TYPES)},
                               "sub_event_type": {"type": "string"}},
                "additionalProperties": False}},
        },
        "additionalProperties": False,
    },
})

DATES = _doc(
    months=_NAMED_VALUES, hijri_months=_NAMED_VALUES, weekdays=_NAMED_VALUES, relative_days=_NAMED_VALUES,
    day_parts=_STRINGS, past_words=_STRINGS, future_words=_STRINGS, current_words=_STRINGS,
    month_parts=_NAMED_VALUES,
    period_words={"type": "object", "additionalProperties": _STRINGS},
    hijri_markers=_STRINGS,
    name_heads=_STRINGS,
)

NUMBERS = _doc(units=_NAMED_VALUES, tens=_NAMED_VALUES, hundreds=_NAMED_VALUES, ordinals=_NAMED_VALUES,
               ordinal_unit_prefixes=_NAMED_VALUES, vague=_NAMED_VALUES, qualifiers=_STRINGS,
               dual_nouns=_STRINGS)

CLITICS = _doc(conjunctions=_STRINGS, prepositions=_STRINGS, future=_STRINGS, article=_STRINGS, protected=_STRINGS)

CUES = {
    "type": "object",
    "required": ["version", "attribution_verbs", "planned", "denied", "death_nouns", "injury_nouns"],
    "properties": {"version": {"const": 1}, "generic_sources": _NAMED_VALUES},
    "additionalProperties": _STRINGS,
}

ACTOR_TYPES = [
    "state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces", "civilians",
    "protesters", "rioters", "political_party", "government_body", "monitor", "news_agency",
    "international_org", "other",
]
ACTORS = _doc(actors={
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "name", "type", "aliases_ar"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
            "name": {"type": "string", "minLength": 2},
            "type": {"enum": ACTOR_TYPES},
            "country": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"},
            "state_aligned": {"type": "boolean"},
            "aliases_en": _STRINGS,
            "aliases_ar": _STRINGS,
            "context_aliases": _STRINGS,
            # other countries whose stories use its context labels too ("الاحتلال" in Gaza and Lebanon)
            "context_countries": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}},
            "alias_years": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}},
            "parent": {"type": ["string", "null"]},
            "acts_as_parent": {"type": "boolean"},          # an armed wing that events name by its movement
            "de_facto_authority": {"type": "boolean"},      # governs where it holds: its detentions are arrests
            "people": {"type": "array", "items": {
                "type": "object", "required": ["name_ar"],
                "properties": {"name": {"type": "string"}, "name_ar": {"type": "string"},
                               "role": {"type": "string"}},
                "additionalProperties": True}},
        },
        "additionalProperties": True,
    },
})

PLACE_KINDS = ["country", "admin1", "admin2", "admin3", "city", "town", "village", "neighbourhood", "camp",
               "crossing", "base", "airport", "dam", "port", "landmark", "region"]
PLACES = _doc(places={
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "names_ar", "kind", "country_code", "lat", "lon"],
        "properties": {
            "name": {"type": "string"},
            "names_ar": _STRINGS,
            "kind": {"enum": PLACE_KINDS},
            "country_code": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "admin1": {"type": ["string", "null"]},
            "admin2": {"type": ["string", "null"]},
            "lat": {"type": "number", "minimum": -90, "maximum": 90},
            "lon": {"type": "number", "minimum": -180, "maximum": 180},
            "population": {"type": ["integer", "null"]},
            "geonames_admin1": {"type": ["string", "null"]},
            "parent": {"type": ["string", "null"]},
            "demonyms_ar": _STRINGS,
            "capital": {"type": ["string", "null"]},
            # a province's seat: event data put an event known only to the province there (precision 3)
            "seat": {"type": "object", "required": ["name", "lat", "lon"], "additionalProperties": False,
                     "properties": {"name": {"type": "string"}, "lat": {"type": "number", "minimum": -90, "maximum": 90},
                                    "lon": {"type": "number", "minimum": -180, "maximum": 180}}},
        },
        "additionalProperties": True,
    },
})

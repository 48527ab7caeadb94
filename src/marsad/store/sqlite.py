"""SQLite event store: one file, WAL, migrations in PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from marsad.store.base import EVENT_COLUMNS, Store, StoreError, event_row
from marsad.store.schema import MIGRATIONS

__all__ = ["EVENT_COLUMNS", "SQLiteStore", "StoreError", "event_row"]

BUSY_TIMEOUT_MS = 60_000


class SQLiteStore(Store):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)
        try:
            self.db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc}) — check the path and its permissions") from exc

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.db.execute(sql, params)

    def executemany(self, sql: str, rows: list[Any]) -> None:
        self.db.executemany(sql, rows)

    def _begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, params)]

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Upgrade an older database in place, one migration per transaction."""
        for number in range(self.version + 1, len(MIGRATIONS) + 1):
            with self.transaction():
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    def integrity_ok(self) -> bool:
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def close(self) -> None:
        self.db.close()

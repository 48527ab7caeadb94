"""SQLite event store: one file, WAL, migrations in PRAGMA user_version."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from marsad.store.base import EVENT_COLUMNS, Store, StoreError, event_row
from marsad.store.schema import MIGRATIONS

__all__ = ["EVENT_COLUMNS", "SQLiteStore", "StoreError", "event_row"]

BUSY_TIMEOUT_MS = 60_000
MMAP_BYTES = 256 * 1024 * 1024


class SQLiteStore(Store):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)
        self.read_only = path.exists() and not os.access(path, os.W_OK)
        try:
            self.db = self._connect_read_only() if self.read_only else self._connect()
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc}) — check the path and its permissions") from exc
        if self.read_only and self.version < len(MIGRATIONS):
            raise StoreError(f"{path}: the database is read-only and from an older marsad — open it once where it "
                             "can be written, to upgrade it")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")       # reads share the OS page cache, fewer copies
        self.db = db
        self.migrate()
        return db

    def _connect_read_only(self) -> sqlite3.Connection:
        """A file we may not write (permissions, a read-only mount): reads work, writes are refused. Where
        not even SQLite's shared-memory file can be made, the file is read as immutable."""
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        return db

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.db.execute(sql, params)

    def executemany(self, sql: str, rows: list[Any]) -> None:
        self.db.executemany(sql, rows)

    def is_write_failure(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError)

    def _begin(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.label}: the database is read-only (its permissions or a read-only disk) — it "
                             "can be read; to store into it, fix that or copy it somewhere writable")
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

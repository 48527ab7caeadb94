"""PostgreSQL event store (for a team): the same tables; PostGIS distance queries when installed."""

from __future__ import annotations

import re
from typing import Any

from marsad.store.base import Store, StoreError
from marsad.store.schema import POSTGIS, POSTGRES_MIGRATIONS

_NAMED = re.compile(r"(?<![:\w]):(\w+)")


def to_pyformat(sql: str) -> str:
    """Our SQL uses ? and :name placeholders; psycopg wants %s and %(name)s (and a literal % doubled)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%")).replace("?", "%s")


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg.rows import dict_row

        self.label = re.sub(r"//[^@/]*@", "//***@", url)      # never print a password
        self.url = url
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: cannot connect ({exc}) — is the server running and the URL right?") from exc
        self.migrate()

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.db.execute(to_pyformat(sql), params or None)

    def executemany(self, sql: str, rows: list[Any]) -> None:
        with self.db.cursor() as cur:
            cur.executemany(to_pyformat(sql), rows)

    def is_write_failure(self, exc: BaseException) -> bool:
        import psycopg

        return isinstance(exc, psycopg.OperationalError)

    def _begin(self) -> None:
        self.db.execute("BEGIN")

    @property
    def version(self) -> int:
        return int(self.one("SELECT COALESCE(MAX(version), 0) FROM schema_version") or 0)

    def migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
        for number in range(self.version + 1, len(POSTGRES_MIGRATIONS) + 1):
            with self.transaction():
                for statement in POSTGRES_MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version VALUES (%s)", (number,))
        try:
            with self.transaction():
                for statement in POSTGIS:
                    self.db.execute(statement)
            self.postgis = True
        except StoreError:
            raise
        except Exception:  # noqa: BLE001 — PostGIS is optional: distances fall back to a bounding box
            self.postgis = False

    def close(self) -> None:
        self.db.close()

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
DATA = Path(__file__).parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    # Each test session builds its own gazetteer store, never touching the user's cache.
    home = ROOT / ".pytest_cache" / "marsad-home"
    home.mkdir(parents=True, exist_ok=True)
    os.environ["MARSAD_HOME"] = str(home)


@pytest.fixture(scope="session")
def gazetteer():
    from marsad.gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared/gold is not beside the repository")
    return SHARED


@pytest.fixture()
def pg_url():
    """A fresh, empty PostgreSQL database for one test (MARSAD_TEST_PG names the server; `make test`
    sets it from .ci/postgres.sh)."""
    import uuid

    base = os.environ.get("MARSAD_TEST_PG")
    if not base:
        pytest.skip("no PostgreSQL server: run the tests through `make test` as root, or set MARSAD_TEST_PG")
    import psycopg

    name = f"marsad_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "db.sqlite")
    return request.getfixturevalue("pg_url")

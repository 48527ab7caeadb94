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

"""Load, validate and cache the packaged language-data files."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import yaml

from marsad.errors import LexiconError
from marsad.lexicon import schemas
from marsad.lexicon.lint import lint

SCHEMAS: dict[str, dict[str, Any]] = {
    "triggers.yaml": schemas.TRIGGERS,
    "dates.yaml": schemas.DATES,
    "numbers.yaml": schemas.NUMBERS,
    "cues.yaml": schemas.CUES,
    "clitics.yaml": schemas.CLITICS,
    "actors": schemas.ACTORS,
    "places": schemas.PLACES,
}


def data_files() -> list[tuple[str, Any]]:
    """(schema key, file resource) for every packaged data file."""
    root = resources.files("marsad") / "data"
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name in SCHEMAS:
            out.append((entry.name, entry))
        elif entry.is_dir() and entry.name in SCHEMAS:
            out += [(entry.name, f) for f in sorted(entry.iterdir(), key=lambda e: e.name)
                    if f.name.endswith(".yaml")]
    return out


def parse(resource: Any, schema_key: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
        jsonschema.validate(data, SCHEMAS[schema_key])
    except (yaml.YAMLError, jsonschema.ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise LexiconError(f"{resource.name}: {first} — fix the data file") from exc
    return data  # type: ignore[no-any-return]


def problems(resource: Any, schema_key: str) -> list[str]:
    return [f"{resource.name}{p}" for p in lint(parse(resource, schema_key))]


@cache
def load(name: str) -> dict[str, Any]:
    """A top-level data file by name, e.g. load("triggers.yaml")."""
    for key, res in data_files():
        if key == name and res.name == name:
            return parse(res, key)
    raise LexiconError(f"{name}: no such language-data file in the package")


@cache
def load_dir(name: str) -> list[dict[str, Any]]:
    """All entries of the files in a data folder ("actors" or "places"), in file order."""
    list_key = name
    entries: list[dict[str, Any]] = []
    for key, res in data_files():
        if key == name and res.name != name:
            for item in parse(res, key)[list_key]:
                entries.append({**item, "_file": res.name})
    return entries

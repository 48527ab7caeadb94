"""Checks every language-data file must pass: NFC, no tatweel, no presentation forms,
no diacritics in entries, no stray spaces, no duplicates within a list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from marsad.stages.normalize import normalize_string

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_HARAKAT = re.compile("[\u064b-\u065f\u0670]")


def string_problems(s: str) -> list[str]:
    problems = []
    if unicodedata.normalize("NFC", s) != s:
        problems.append("not NFC")
    if "\u0640" in s:
        problems.append("contains tatweel")
    if _PRESENTATION.search(s):
        problems.append("contains Arabic presentation forms")
    if _HARAKAT.search(s):
        problems.append("contains diacritics")
    if s != s.strip() or "  " in s:
        problems.append("stray spaces")
    return problems


def lint(obj: Any, where: str = "") -> Iterator[str]:
    """Yield one message per problem found anywhere in a parsed data file."""
    if isinstance(obj, str):
        for p in string_problems(obj):
            yield f"{where}: {obj!r} {p}"
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from lint(k, f"{where}/{k}") if isinstance(k, str) and not k.isascii() else iter(())
            yield from lint(v, f"{where}/{k}")
    elif isinstance(obj, list):
        seen: dict[str, int] = {}
        for i, v in enumerate(obj):
            yield from lint(v, f"{where}[{i}]")
            if isinstance(v, str):
                key = normalize_string(v)
                if key in seen:
                    yield f"{where}[{i}]: {v!r} duplicates item {seen[key]}"
                seen.setdefault(key, i)

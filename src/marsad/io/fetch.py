"""Fetching a feed or a page by URL (or reading it from a path), size-limited."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from marsad.errors import InputError
from marsad.io.readers import MAX_BYTES

USER_AGENT = "marsad/0.1 (Arabic conflict event monitor)"
TIMEOUT_S = 20


def fetch(url: str) -> bytes:
    if not url.startswith(("http://", "https://")):
        return Path(url).read_bytes()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 — the user's feeds
        data: bytes = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{url}: larger than {MAX_BYTES // 1_000_000} MB")
    return data

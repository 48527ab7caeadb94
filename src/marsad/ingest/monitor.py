"""`marsad monitor`: poll feeds, fetch the pages of new entries, ingest them, log what was found."""

from __future__ import annotations

import re
import sys
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import InputError, MarsadError
from marsad.ingest.runner import Summary, ingest_items
from marsad.ingest.sources import Item, feed_items
from marsad.io.fetch import fetch
from marsad.io.readers import decode, html_document
from marsad.store.base import Store


def parse_interval(text: str) -> float:
    """"15m", "30s", "2h" -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not m:
        raise MarsadError(f"--every {text!r}: use a number with s, m or h, e.g. 15m")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def read_feed_list(path: Path) -> list[str]:
    if not path.exists():
        raise InputError(f"{path}: no such file — give a text file with one feed URL or path a line")
    feeds = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    if not feeds:
        raise InputError(f"{path}: no feeds in it — one URL or path a line, # for comments")
    return feeds


def _new_entries(feed: str, store: Store) -> Iterator[Item]:
    """The feed's entries not fetched before, each with its page's main text when the page can be had."""
    for item in feed_items(fetch(feed), feed):
        url = item.document.url if item.document else None
        key = url or item.source
        if store.one("SELECT 1 FROM fetched WHERE url = ?", (key,)) is not None:
            continue
        if item.document and url and url.startswith(("http://", "https://")):
            try:
                page = html_document(decode(fetch(url), url), url)
                page.published = page.published or item.document.published
                page.title = page.title or item.document.title
                page.outlet = item.document.outlet
                item = Item(url, page)
            except (MarsadError, urllib.error.URLError, OSError):
                pass                      # the entry's own text stands in for the page
        store.execute("INSERT INTO fetched (url, feed) VALUES (?, ?) ON CONFLICT (url) DO NOTHING", (key, feed))
        yield item


def poll_once(feeds: list[str], store: Store, gazetteer: Any, log: TextIO | None = None) -> Summary:
    log = log or sys.stderr
    total = Summary()
    for feed in feeds:
        try:
            summary = ingest_items(_new_entries(feed, store), store, gazetteer, progress=False, stream=log)
        except (MarsadError, urllib.error.URLError, OSError) as exc:
            log.write(f"{time.strftime('%H:%M:%S')} {feed}: not read ({exc}) — will try again next round\n")
            continue
        log.write(f"{time.strftime('%H:%M:%S')} {feed}: {summary.read} new entries, {summary.new} stored, "
                  f"{summary.failed} failed, {summary.events} events\n")
        for name in ("read", "new", "duplicate", "failed", "events"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
    return total


def monitor(feeds: list[str], store: Store, gazetteer: Any, every_s: float, rounds: int | None = None,
            log: TextIO | None = None) -> None:
    done = 0
    log = log or sys.stderr
    while rounds is None or done < rounds:
        poll_once(feeds, store, gazetteer, log)
        done += 1
        if rounds is None or done < rounds:
            time.sleep(every_s)

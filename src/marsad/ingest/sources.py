"""Every document of the sources a user names, or the reason it could not be read.

Sources: .txt and .html files, folders (recursive), JSON Lines (.jsonl, .jsonl.gz; field names
mapped), Parquet files (same field names), RSS/Atom feeds (.xml, .rss, .atom), WARC web archives
(.warc, .warc.gz), and zip files of these.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.io.readers import decode, html_document, read_document
from marsad.model import Document

DEFAULT_FIELDS = {
    "text": ("text", "content", "body", "article", "full_text", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "date_published", "date_extracted", "pubDate", "publish_date"),
    "outlet": ("outlet", "source", "site", "publisher", "source_domain"),
}
TEXT_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
PARQUET_SUFFIXES = (".parquet",)


@dataclass
class Item:
    source: str                      # file, file:line or archive!member
    document: Document | None = None
    error: str | None = None


def field_map(overrides: dict[str, str] | None) -> dict[str, tuple[str, ...]]:
    fields = dict(DEFAULT_FIELDS)
    for ours, theirs in (overrides or {}).items():
        if ours not in fields:
            raise MarsadError(f"--field {ours}=...: unknown field — use one of {', '.join(fields)}")
        fields[ours] = (theirs,)
    return fields


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _first(row: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((row[n] for n in names if row.get(n)), None)


def row_document(row: Any, fields: dict[str, tuple[str, ...]], source: str) -> Document:
    if not isinstance(row, dict):
        raise MarsadError("not a JSON object")
    text = _first(row, fields["text"])
    if not isinstance(text, str) or not text.strip():
        raise MarsadError(f"no text in any of the fields {', '.join(fields['text'])} — map it with --field text=NAME")
    return Document(text=text, title=_first(row, fields["title"]), url=_first(row, fields["url"]),
                    published=_day(_first(row, fields["published"])), outlet=_first(row, fields["outlet"]),
                    source_path=source)


def _jsonl(lines: Iterator[bytes], name: str, fields: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    for n, raw in enumerate(lines, 1):
        source = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            yield Item(source, row_document(json.loads(raw), fields, source))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Item(source, error=f"broken JSON line ({exc.__class__.__name__}) — fix or drop the line")
        except MarsadError as exc:
            yield Item(source, error=str(exc))


def feed_items(data: bytes, name: str) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield Item(name, error=f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    for n, entry in enumerate(parsed.entries, 1):
        source = f"{name}#{entry.get('id') or entry.get('link') or n}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        if not html.strip():
            yield Item(source, error="feed entry without text — only its title and link were given")
            continue
        try:
            doc = html_document(f"<html><body><article>{html}</article></body></html>", source) \
                if "<" in html else Document(text=html, source_path=source)
        except MarsadError as exc:
            yield Item(source, error=str(exc))
            continue
        parsed_day = entry.get("published_parsed") or entry.get("updated_parsed")
        doc.published = date(*parsed_day[:3]) if parsed_day else doc.published
        doc.title, doc.url = entry.get("title"), entry.get("link")
        doc.outlet = parsed.feed.get("title") or doc.outlet
        yield Item(source, doc)


def _warc(fh: Any, name: str) -> Iterator[Item]:
    """HTML pages of the response (and resource) records of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
            source = f"{name}#{uri}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
                     record.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype and "text" not in ctype:
                continue
            try:
                data = record.content_stream().read()
                doc = html_document(decode(data, source), source) if "html" in ctype else \
                    Document(text=decode(data, source), source_path=source)
                doc.url = doc.url or (uri if uri.startswith("http") else None)
                yield Item(source, doc)
            except MarsadError as exc:
                yield Item(source, error=str(exc).removeprefix(f"{source}: "))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError) as exc:
        # warcio raises several kinds on a cut or garbled record; the records before it stand
        yield Item(f"{name}#after record {n}", error=f"truncated or broken WARC ({exc.__class__.__name__}) — "
                                                    "the records before it were read")


def _parquet(path: Any, name: str, fields: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    """Rows of a Parquet file, read a batch at a time, with the same field names as JSON Lines."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 — pyarrow raises several kinds on a broken file
        yield Item(name, error=f"not a readable Parquet file ({exc.__class__.__name__})")
        return
    n = 0
    for batch in parquet.iter_batches(batch_size=1000):
        for row in batch.to_pylist():
            n += 1
            source = f"{name}:{n}"
            try:
                yield Item(source, row_document(row, fields, source))
            except MarsadError as exc:
                yield Item(source, error=str(exc))


def _member(name: str, data: bytes, fields: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        if lower.endswith(".gz"):
            data = gzip.decompress(data)
        yield from _jsonl(iter(io.BytesIO(data)), name, fields)
    elif lower.endswith(FEED_SUFFIXES):
        yield from feed_items(data, name)
    elif lower.endswith(WARC_SUFFIXES):
        yield from _warc(io.BytesIO(data), name)
    elif lower.endswith(PARQUET_SUFFIXES):
        yield from _parquet(io.BytesIO(data), name, fields)
    elif lower.endswith(TEXT_SUFFIXES):
        try:
            text = decode(data, name)
            if lower.endswith(".txt"):
                yield Item(name, Document(text=text, source_path=name))
            else:
                yield Item(name, html_document(text, name))
        except MarsadError as exc:
            yield Item(name, error=str(exc).removeprefix(f"{name}: "))


def _url(url: str) -> Iterator[Item]:
    """A feed's entries, or one web page, fetched now."""
    from marsad.io.fetch import fetch

    try:
        data = fetch(url)
    except (MarsadError, OSError) as exc:
        yield Item(url, error=f"could not be fetched ({exc}) — check the address or try again later")
        return
    head = data[:500].lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        yield from feed_items(data, url)
        return
    try:
        doc = html_document(decode(data, url), url)
        doc.url = doc.url or url
        yield Item(url, doc)
    except MarsadError as exc:
        yield Item(url, error=str(exc).removeprefix(f"{url}: "))


def _object_store(url: str, fields: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    """s3://, gs://, az://, hdfs:// ... paths through fsspec (its protocol package installed: s3fs,
    gcsfs, adlfs); a folder is read recursively in name order."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        paths = sorted(fs.find(root)) if fs.isdir(root) else [root]
    except (ImportError, ValueError) as exc:
        yield Item(url, error=f"cannot read this kind of path ({exc}) — install the fsspec package for it "
                              "(s3fs for s3://, gcsfs for gs://, adlfs for az://)")
        return
    except OSError as exc:
        yield Item(url, error=f"cannot be read ({exc})")
        return
    protocol = url.split("://", 1)[0]
    for p in paths:
        name = f"{protocol}://{p.removeprefix(protocol + '://')}"
        try:
            with fs.open(p, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            yield Item(name, error=f"cannot be read ({exc})")
            continue
        yield from _member(name, data, fields)


def iter_items(sources: list[str], fields: dict[str, tuple[str, ...]], named: bool = True) -> Iterator[Item]:
    """Items of each source; files found in a folder that are not articles are passed over, while a
    file the user named that marsad cannot read is reported."""
    for source in sources:
        path = Path(source)
        if source.startswith(("http://", "https://")):
            yield from _url(source)
        elif "://" in source:
            yield from _object_store(source, fields)
        elif not path.exists():
            yield Item(source, error="no such file or folder")
        elif path.is_dir():
            yield from iter_items(sorted(str(p) for p in path.rglob("*") if p.is_file()), fields, named=False)
        elif zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as zf:
                    for info in zf.infolist():
                        if not info.is_dir():
                            yield from _member(f"{source}!{info.filename}", zf.read(info), fields)
            except (zipfile.BadZipFile, OSError) as exc:
                yield Item(source, error=f"broken zip file ({exc})")
        elif source.lower().endswith(JSONL_SUFFIXES):
            opener = gzip.open if source.lower().endswith(".gz") else open
            try:
                with opener(path, "rb") as fh:  # type: ignore[operator]
                    yield from _jsonl(iter(fh), source, fields)
            except (OSError, EOFError) as exc:
                yield Item(source, error=f"cannot read it to the end ({exc}) — is the file truncated?")
        elif source.lower().endswith(FEED_SUFFIXES):
            yield from feed_items(path.read_bytes(), source)
        elif source.lower().endswith(WARC_SUFFIXES):
            with path.open("rb") as fh:
                yield from _warc(fh, source)
        elif source.lower().endswith(PARQUET_SUFFIXES):
            yield from _parquet(path, source, fields)
        elif source.lower().endswith(TEXT_SUFFIXES):
            try:
                yield Item(source, read_document(source))
            except MarsadError as exc:
                yield Item(source, error=str(exc).removeprefix(f"{source}: "))
        elif named:
            yield Item(source, error="not a supported kind of file — give .txt, .html, .jsonl(.gz), .parquet, "
                                     ".xml/.rss/.atom feeds, .warc(.gz), zip files or folders")

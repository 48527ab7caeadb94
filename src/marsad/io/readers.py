"""Read one document from a .txt/.html file or stdin, with clear errors for bad input."""

from __future__ import annotations

import sys
from datetime import date
from functools import cache
from pathlib import Path

from marsad.errors import InputError
from marsad.model import Document

MAX_BYTES = 50_000_000
_LEGACY_ENCODINGS = ("cp1256", "iso8859_6")
@cache
def _function_words() -> tuple[str, ...]:
    from marsad.lexicon.load import load

    return tuple(f" {w} " for w in load("cues.yaml")["function_words"]) + ("ال",)


def _arabic_score(text: str) -> float:
    """Frequent Arabic function words per character: a right decoding is full of them."""
    return sum(text.count(w) for w in _function_words()) / max(1, len(text))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: one byte of each pair is mostly zero (Latin) or 0x06 (Arabic)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for enc, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(b in (0, 6) for b in high) > 0.9 * len(high):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), or an Arabic legacy code page
    (Windows-1256, ISO-8859-6: the one whose text reads as Arabic)."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty — give an article with text in it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096] and not data.startswith(b"\xef\xbb\xbf"):
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise InputError(f"{name}: binary data, not text — give a UTF-8 .txt or .html article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in _LEGACY_ENCODINGS:
        try:
            candidates.append(data.decode(enc))
        except UnicodeDecodeError:
            continue
    best = max(candidates, key=_arabic_score, default=None)
    if best is not None and _arabic_score(best) > 0:
        return best
    raise InputError(f"{name}: not valid UTF-8 nor an Arabic code page — convert it to UTF-8")


def arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in letters) / max(1, len(letters))


def _looks_html(name: str, text: str) -> bool:
    head = text[:2000].lower()
    return name.lower().endswith((".html", ".htm")) or "<html" in head or "<!doctype html" in head


def html_document(html: str, name: str) -> Document:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page — is it the article page itself?")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        try:
            published = date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    return Document(text=text, published=published, outlet=(meta.sitename if meta else None) or None,
                    url=(meta.url if meta else None) or None, title=(meta.title if meta else None) or None,
                    source_path=name)


def read_document(path: str) -> Document:
    """A Document from a path ("-" for stdin); HTML pages keep only their main text."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a folder — give article files (or use `marsad ingest` for folders)")
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB — split it into articles")
        data = p.read_bytes()
        name = path
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB — split it into articles")
    text = decode(data, name)
    if _looks_html(name, text):
        return html_document(text, name)
    return Document(text=text, source_path=name)

"""Normalised text for matching, with an offset map back to the raw text.

The raw text is never changed. Each raw character becomes zero or more normalised
characters; `to_raw[i]` is the raw index that normalised character i came from.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_DELETE = set(range(0x064B, 0x0660)) | {0x0610, 0x0611, 0x0612, 0x0613, 0x0614, 0x0615, 0x0616, 0x0617,
                                         0x0618, 0x0619, 0x061A, 0x0670, 0x0640, 0x200C, 0x200D, 0x200E,
                                         0x200F, 0x061C, 0xFEFF, 0x00AD} | set(range(0x06D6, 0x06EE))
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ہ": "ه", "ۃ": "ه",
    "،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "٪": "%", "٫": ".", "٬": ",", "–": "-", "—": "-",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    o = ord(ch)
    if o in _DELETE:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if ch in "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85":
        return "\n"
    if ch.isspace():
        return " "
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        folded = unicodedata.normalize("NFKC", ch)
        return ch if folded == ch else "".join(_char(c) for c in folded)   # U+FDD0.. fold to themselves
    if "A" <= ch <= "Z":
        return ch.lower()
    if o > 0x7F and not (0x0600 <= o <= 0x06FF):
        decomposed = unicodedata.normalize("NFKD", ch)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).lower() or ch
    return ch


def normalize_string(s: str) -> str:
    """Normalise a lexicon entry or query the same way as document text."""
    return "".join(_char(c) for c in s)


@dataclass(frozen=True)
class Normalized:
    raw: str
    text: str
    to_raw: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) for normalised [start, end)."""
        if start >= end:
            pos = self.to_raw[start] if start < len(self.to_raw) else len(self.raw)
            return pos, pos
        return self.to_raw[start], self.to_raw[end - 1] + 1

    def norm_index(self, raw_index: int) -> int:
        """First normalised index whose raw origin is at or after raw_index."""
        return bisect_left(self.to_raw, raw_index)


def normalize(raw: str) -> Normalized:
    out: list[str] = []
    to_raw: list[int] = []
    for i, ch in enumerate(raw):
        n = _char(ch)
        if n:
            out.append(n)
            to_raw.extend([i] * len(n))
    return Normalized(raw, "".join(out), tuple(to_raw))

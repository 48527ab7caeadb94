"""Throughput of the language layer and of the whole extractor on real articles.

usage: python bench/throughput.py [CORPUS.jsonl.gz] [--limit N]

CORPUS defaults to ../shared/data/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz (JSON Lines with a
`content` field and a `date_extracted` day). Prints tokens/s and sentences/s of normalise + segment +
clitics + numbers + dates alone, then articles/s of `marsad.pipeline.run`, and peak memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

from marsad.gazetteer import default_gazetteer
from marsad.model import Document
from marsad.pipeline import run
from marsad.stages.clitics import split_clitics
from marsad.stages.dates import find_dates
from marsad.stages.normalize import normalize
from marsad.stages.numbers import find_numbers
from marsad.stages.segment import clauses, sentences, tokens

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus" / "saudinewsnet" / \
    "saudinewsnet-2015.jsonl.gz"


def articles(path: Path, limit: int) -> list[tuple[str, date | None]]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            day = (row.get("date_extracted") or "")[:10]
            out.append((row.get("content") or "", date.fromisoformat(day) if day else None))
            if len(out) >= limit:
                break
    return out


def language_layer(docs: list[tuple[str, date | None]]) -> dict[str, float]:
    n_tokens = n_sentences = 0
    started = time.perf_counter()
    for text, published in docs:
        norm = normalize(text).text
        for s in sentences(norm):
            n_sentences += 1
            clauses(norm, s)
            for t in tokens(norm, s.start, s.end):
                split_clitics(norm[t.start:t.end])
                n_tokens += 1
        find_numbers(norm)
        find_dates(norm, published)
    elapsed = time.perf_counter() - started
    return {"tokens": n_tokens, "sentences": n_sentences, "seconds": round(elapsed, 2),
            "tokens_per_s": round(n_tokens / elapsed), "sentences_per_s": round(n_sentences / elapsed)}


def extractor(docs: list[tuple[str, date | None]]) -> dict[str, float]:
    gazetteer = default_gazetteer()
    run(Document(text="تمهيد", published=None), gazetteer)          # load data before timing
    events = 0
    started = time.perf_counter()
    for text, published in docs:
        events += len(run(Document(text=text, published=published), gazetteer).events)
    elapsed = time.perf_counter() - started
    return {"articles": len(docs), "events": events, "seconds": round(elapsed, 2),
            "articles_per_s": round(len(docs) / elapsed, 1)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"Error: {args.corpus}: no such corpus — give a JSON Lines .gz file with a `content` field",
              file=sys.stderr)
        return 1
    docs = articles(args.corpus, args.limit)
    print(json.dumps({"language_layer": language_layer(docs), "extractor": extractor(docs),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

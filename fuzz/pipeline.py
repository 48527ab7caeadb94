"""Coverage-guided fuzzing of the text pipeline with atheris (libFuzzer), over arbitrary Unicode.

usage: python fuzz/pipeline.py [-runs=N] [-max_len=BYTES] [-timeout=SECONDS] [CORPUS_DIR ...]
       (`make fuzz` runs it for a few minutes from the example articles)

Each input, decoded as text, goes through the whole extractor; a crash is any exception, an evidence span
outside the text or not equal to the text it points at, or one input taking over
-timeout seconds (libFuzzer reports it with the input that did it).
"""

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["marsad"]):
    from marsad.gazetteer import default_gazetteer
    from marsad.model import Document
    from marsad.pipeline import run

GAZETTEER = default_gazetteer()


def check(text: str) -> None:
    result = run(Document(text=text, published=date(2020, 5, 17)), GAZETTEER)
    for event in result.events:
        ev = event.evidence
        assert 0 <= ev.start <= ev.end <= len(text), (ev.start, ev.end, len(text))
        assert text[ev.start:ev.end] == ev.text


def one_input(data: bytes) -> None:
    """UTF-8 inputs (the seed articles and their mutations) as they are; other bytes as any Unicode."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    check(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()

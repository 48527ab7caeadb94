"""The event rules on single sentences we wrote: tests/data/event_sentences.yaml (mostly Syria, Iraq
and Yemen) and tests/data/event_sentences_wars.yaml (Sudan, Somalia, the Sahel, Gaza and the West Bank,
Lebanon, Libya; written after the rules, to see how they travel).

Scores are measured over each whole file and pinned: a change may raise them, never lower them
silently. Per-case failures are printed to help whoever works on the rules.
"""

from datetime import date

import pytest
import yaml

from conftest import DATA
from marsad.lexicon.load import load_dir
from marsad.model import Document
from marsad.pipeline import run
from marsad.stages.normalize import normalize_string

SCORED = ("reported", "claimed")
PINNED = {
    "event_sentences.yaml": {"recall": 0.77, "precision": 0.80, "quiet": 0.98, "actors": 0.69},
    "event_sentences_wars.yaml": {"recall": 0.67, "precision": 0.79, "quiet": 0.97, "actors": 0.83},
}


def _cases(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["cases"]


def _same_actor(got: str, want: str) -> bool:
    """"Protesters (Sudan)" is the "Protesters" the file names; English aliases count too."""
    if got == want or got.startswith(want + " ("):
        return True
    return any(a["name"] == got and want in (a.get("aliases_en") or []) for a in load_dir("actors"))


def _place_matches(want: str, event) -> bool:
    loc = event.location
    return bool(loc) and normalize_string(want) in normalize_string(loc.text)


@pytest.fixture(scope="module", params=sorted(PINNED))
def outcome(request, gazetteer):
    found = gold = predicted = correct_pred = quiet_ok = quiet_n = 0
    roles_ok = roles_n = 0
    misses = []
    for case in _cases(request.param):
        published = case["published"]
        published = published if isinstance(published, date) else date.fromisoformat(str(published))
        result = run(Document(text=case["text"], published=published), gazetteer)
        pred = [e for e in result.events if e.modality in SCORED]
        want = [e for e in case["events"] if e["modality"] in SCORED]
        if not want:
            quiet_n += 1
            quiet_ok += not pred
            if pred:
                misses.append(f"{case['id']}: nothing to find, got {[p.sub_event_type for p in pred]}")
        used = set()
        for w in want:
            gold += 1
            hit = next((i for i, p in enumerate(pred) if i not in used and p.event_type == w["event_type"]
                        and (not w.get("place") or _place_matches(w["place"], p))), None)
            if hit is None:
                misses.append(f"{case['id']}: missed {w['sub_event_type']} at {w.get('place')}")
            else:
                used.add(hit)
                found += 1
                for role in ("actor1", "actor2"):
                    if w.get(role):
                        got = getattr(pred[hit], role)
                        roles_n += 1
                        roles_ok += bool(got) and _same_actor(got.name, w[role])
        predicted += len(pred)
        correct_pred += len(used)
    return {"file": request.param, "recall": found / gold, "precision": correct_pred / max(predicted, 1),
            "quiet": quiet_ok / quiet_n, "actors": roles_ok / max(roles_n, 1), "misses": misses}


@pytest.mark.parametrize(("name", "least"), [("event_sentences.yaml", 150), ("event_sentences_wars.yaml", 120)])
def test_file_has_enough_varied_cases(name, least):
    cases = _cases(name)
    assert len(cases) >= least
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize("measure", ["recall", "precision", "quiet", "actors"])
def test_rules_do_not_fall_below_pinned_scores(outcome, measure):
    pinned = PINNED[outcome["file"]][measure]
    assert outcome[measure] >= pinned, (
        f"{outcome['file']}: {measure} {outcome[measure]:.3f} < {pinned}\n" + "\n".join(outcome["misses"][:60]))

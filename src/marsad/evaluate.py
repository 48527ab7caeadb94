"""Score predictions against gold files with the measures of EVENTS.md section 5."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import GoldError
from marsad.geo import km

SCORED = {"reported", "claimed", None}
FIELDS = ("sub_event_type", "actor1", "actor2", "claim_source", "date_exact", "location_5km", "fatalities")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_WORD = re.compile(r"[^\w\s]")


def canonical(name: str | None) -> str:
    s = _MARKS.sub("", name or "")
    for a in "أإآٱ":
        s = s.replace(a, "ا")
    s = s.replace("ى", "ي").replace("ة", "ه")
    return " ".join(_NON_WORD.sub(" ", s.lower()).split())


def name_set(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, dict):
        value = [value.get("name"), value.get("text")]
    elif isinstance(value, str):
        value = [value]
    return {canonical(v) for v in value if v and canonical(v)}


def distance_km(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float:
    try:
        lat1, lon1, lat2, lon2 = (float(v) for v in (a["lat"], a["lon"], b["lat"], b["lon"]))  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return math.inf
    return km(lat1, lon1, lat2, lon2)


def same_place(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    gold, pred = gold or {}, pred or {}
    d = distance_km(gold, pred)
    if d <= 25:
        return True
    if 3 not in (gold.get("geo_precision"), pred.get("geo_precision")):
        return False
    admin_equal = bool(gold.get("admin1")) and canonical(gold.get("admin1")) == canonical(pred.get("admin1"))
    return admin_equal or d <= 75


def day_gap(gold: str | None, pred: str | None) -> float:
    if gold is None:
        return 0
    try:
        return abs((date.fromisoformat(str(pred)[:10]) - date.fromisoformat(gold[:10])).days)
    except (TypeError, ValueError):
        return math.inf


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], typed: bool) -> list[tuple[int, int]]:
    """One-to-one pairs, closest in date then distance first."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if typed and g.get("event_type") != p.get("event_type"):
                continue
            gap = day_gap(g.get("date"), p.get("date"))
            if gap <= 1 and same_place(g.get("location"), p.get("location")):
                options.append((gap, distance_km(g.get("location"), p.get("location")), gi, pi))
    options.sort()
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in options:
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _names_agree(gold_value: Any, pred_value: Any) -> bool:
    if not gold_value:
        return not pred_value
    return bool(name_set(gold_value) & name_set(pred_value))


def field_checks(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    gloc = g.get("location") or {}
    return {
        "sub_event_type": g.get("sub_event_type") == p.get("sub_event_type"),
        "actor1": _names_agree(g.get("actor1"), p.get("actor1")),
        "actor2": _names_agree(g.get("actor2"), p.get("actor2")),
        "claim_source": _names_agree(g.get("claim_source"), p.get("claim_source")),
        "date_exact": g.get("date") is None or day_gap(g.get("date"), p.get("date")) == 0,
        "location_5km": distance_km(gloc, p.get("location")) <= 5
        or (gloc.get("geo_precision") == 3 and same_place(gloc, p.get("location"))),
        "fatalities": g.get("fatalities") == p.get("fatalities"),
    }


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable gold JSON file ({exc}) — fix or remove it") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list):
        raise GoldError(f"{path}: a gold file must be an object with an 'events' list")
    return data


def score(gold_docs: dict[str, list[dict[str, Any]]], pred_docs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """gold_docs and pred_docs map a document name to its events."""
    tp = tp_any = n_pred = n_gold = 0
    tally = {f: [0, 0] for f in FIELDS}
    per_doc = {}
    for name, gold in sorted(gold_docs.items()):
        pred = [p for p in pred_docs.get(name, []) if p.get("modality") in SCORED]
        pairs = match(gold, pred, typed=True)
        tp += len(pairs)
        tp_any += len(match(gold, pred, typed=False))
        n_pred += len(pred)
        n_gold += len(gold)
        per_doc[name] = {"gold": len(gold), "pred": len(pred), "matched": len(pairs)}
        for gi, pi in pairs:
            for f, ok in field_checks(gold[gi], pred[pi]).items():
                tally[f][0] += ok
                tally[f][1] += 1
    return {
        "detection": _prf(tp, n_pred, n_gold),
        "detection_any_type": _prf(tp_any, n_pred, n_gold),
        "field_accuracy": {f: round(ok / n, 3) if n else None for f, (ok, n) in tally.items()},
        "documents": per_doc,
    }


def report(result: dict[str, Any]) -> str:
    d, u = result["detection"], result["detection_any_type"]
    lines = [f"documents: {len(result['documents'])}  gold events: {d['gold']}  predicted: {d['pred']}",
             f"detection (type+place+date): P={d['precision']} R={d['recall']} F1={d['f1']}",
             f"detection (place+date only): P={u['precision']} R={u['recall']} F1={u['f1']}"]
    lines += [f"  {k:15s} {v}" for k, v in result["field_accuracy"].items()]
    lines.append(f"F1={d['f1']}")
    return "\n".join(lines) + "\n"

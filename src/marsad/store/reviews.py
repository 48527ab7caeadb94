"""API tokens (only their hashes are stored) and analysts' reviews of events."""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from typing import Any

from marsad.errors import MarsadError
from marsad.model import EVENT_TYPES
from marsad.store.base import Store

ACTIONS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
CORRECTABLE = ("event_type", "sub_event_type", "actor1", "actor2", "location", "lat", "lon", "date", "fatalities")


class ReviewError(MarsadError):
    """A review that cannot be applied as given."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for `name`; it is shown once and only its hash is kept."""
    if store.one("SELECT 1 FROM tokens WHERE name = ?", (name,)) is not None:
        raise MarsadError(f"{name}: a token with this name exists — choose another name")
    token = secrets.token_urlsafe(32)
    with store.transaction():
        store.execute("INSERT INTO tokens (name, token_hash) VALUES (?, ?)", (name, _hash(token)))
    return token


def token_owner(store: Store, token: str | None) -> str | None:
    if not token:
        return None
    owner = store.one("SELECT name FROM tokens WHERE token_hash = ?", (_hash(token),))
    return str(owner) if owner is not None else None


def review_event(store: Store, event_id: str, reviewer: str, action: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Confirm, correct or reject an event; the change is kept with who and when."""
    if action not in ACTIONS:
        raise ReviewError(f"{action!r}: the action must be one of {', '.join(ACTIONS)}")
    rows = store.query("SELECT * FROM events WHERE event_id = ?", (event_id,))
    if not rows:
        raise ReviewError(f"{event_id}: no such event")
    before = rows[0]
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ReviewError(f"cannot correct {', '.join(sorted(unknown))} — correctable: {', '.join(CORRECTABLE)}")
    if action != "correct" and changes:
        raise ReviewError("only a correction carries changes")
    new_type = changes.get("event_type", before["event_type"])
    new_sub = changes.get("sub_event_type", before["sub_event_type"])
    if new_type not in EVENT_TYPES or new_sub not in EVENT_TYPES[new_type]:
        raise ReviewError(f"{new_type} / {new_sub}: not an ACLED event type and sub-type pair")
    with store.transaction():
        if changes:
            assignments = ", ".join(f"{field} = ?" for field in changes)
            store.execute(f"UPDATE events SET {assignments} WHERE event_id = ?", (*changes.values(), event_id))
        store.execute("UPDATE events SET review = ? WHERE event_id = ?", (ACTIONS[action], event_id))
        record = {"before": {k: before[k] for k in changes}, "after": changes}
        store.execute("INSERT INTO reviews (review_id, event_id, reviewer, action, changes) VALUES (?, ?, ?, ?, ?)",
                      (uuid.uuid4().hex, event_id, reviewer, action, json.dumps(record, ensure_ascii=False)))
    return store.query("SELECT * FROM events WHERE event_id = ?", (event_id,))[0]


def reviews_of(store: Store, event_id: str) -> list[dict[str, Any]]:
    rows = store.query("SELECT * FROM reviews WHERE event_id = ? ORDER BY reviewed_at", (event_id,))
    return [{**r, "changes": json.loads(r["changes"])} for r in rows]


def export_gold(store: Store, folder: Any) -> int:
    """Every document with reviewed events as a gold pair in the layout of EVENTS.md section 4
    (NAME.txt and NAME.json); confirmed and corrected events are gold, rejected ones are left out.
    `marsad eval FOLDER` then measures the extractor on the analysts' own data."""
    from pathlib import Path

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    docs = store.query("SELECT DISTINCT d.* FROM documents d JOIN events e USING (doc_id) WHERE e.review IS NOT NULL "
                       "ORDER BY d.doc_id")
    for doc in docs:
        gold = []
        for e in store.query("SELECT * FROM events WHERE doc_id = ? AND review IN ('confirmed', 'corrected') "
                             "ORDER BY evidence_start", (doc["doc_id"],)):
            gold.append({
                "event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
                "actor1": [e["actor1"], e["actor1_text"]] if e["actor1"] else None,
                "actor2": [e["actor2"], e["actor2_text"]] if e["actor2"] else None,
                "location": {"name": e["location"], "name_ar": e["location_text"], "country": e["country"],
                             "admin1": e["admin1"], "lat": e["lat"], "lon": e["lon"], "geo_precision": e["geo_precision"]},
                "date": e["date"], "time_precision": e["time_precision"], "fatalities": e["fatalities"],
                "modality": e["modality"],
                "claim_source": [e["claim_source"], e["claim_source_text"]] if e["claim_source"] else None,
                "evidence": e["evidence"], "review": e["review"]})
        name = doc["doc_id"]
        (out / f"{name}.txt").write_text(doc["text"], encoding="utf-8")
        (out / f"{name}.json").write_text(json.dumps(
            {"doc": f"{name}.txt", "published": doc["published"], "outlet": doc["outlet"], "events": gold},
            ensure_ascii=False, indent=1), encoding="utf-8")
    return len(docs)

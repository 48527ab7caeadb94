"""`marsad serve`: the REST API (OpenAPI at /docs) and the web page, over one event database.

No `from __future__ import annotations` here: FastAPI reads the dependency annotations defined inside
`create_app` at run time."""


import base64
import json
import os
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.errors import MarsadError
from marsad.store import Store, open_store
from marsad.store.queries import Filters, events, incident_reports, incidents, stats
from marsad.store.reviews import ReviewError, review_event, reviews_of, token_owner
from marsad.web.security import MAX_BODY_BYTES, MAX_PAGE, check_fetchable, content_security_policy

STATIC = Path(__file__).parent / "static"
SETTINGS_VARIABLE = "MARSAD_SERVE_SETTINGS"     # how `marsad serve --workers N` hands settings to its workers


@dataclass
class Settings:
    db: str | None = None
    private: bool = False             # reads need a token too
    allow_private_urls: bool = False  # let POST /api/extract fetch loopback/private addresses
    vendor: Path | None = None        # node_modules with leaflet and world-atlas
    tiles: str | None = None          # a tile URL template for those who are online

    def to_json(self) -> str:
        return json.dumps({**self.__dict__, "vendor": str(self.vendor) if self.vendor else None})

    @classmethod
    def from_json(cls, text: str) -> "Settings":
        values = json.loads(text)
        return cls(**{**values, "vendor": Path(values["vendor"]) if values["vendor"] else None})


class ExtractRequest(BaseModel):
    text: str | None = Field(None, description="Arabic article text")
    url: str | None = Field(None, description="or a URL to fetch")
    published: date | None = None
    outlet: str | None = None


class ReviewRequest(BaseModel):
    action: str = Field(description="confirm, correct or reject")
    changes: dict[str, Any] = Field(default_factory=dict, description="corrected fields (for correct)")


def _cursor(row: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps([row["date"] or "", row["event_id"]]).encode()).decode()


def _after(cursor: str | None) -> tuple[str, str] | None:
    if not cursor:
        return None
    try:
        d, eid = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return str(d), str(eid)
    except (ValueError, TypeError) as exc:
        raise HTTPException(400, "the cursor is not one this API gave — start again without it") from exc


def create_app(settings: Settings) -> FastAPI:
    open_store(settings.db).close()             # fail early (and migrate) before serving
    local = threading.local()

    def db() -> Store:
        """One connection per worker thread: a connection is never shared by two requests at once."""
        if not hasattr(local, "store"):
            local.store = open_store(settings.db)
        return local.store  # type: ignore[no-any-return]

    app = FastAPI(title="marsad", description="Arabic-first conflict event monitor: events, incidents, documents.")
    csp = content_security_policy(settings.tiles)

    app.add_middleware(LimitsAndHeaders, csp=csp)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}")

    def reader(authorization: Annotated[str | None, Header()] = None) -> str | None:
        owner = token_owner(db(), _bearer(authorization))
        if settings.private and owner is None:
            raise HTTPException(401, "reads need a token here: send Authorization: Bearer TOKEN")
        return owner

    def writer(authorization: Annotated[str | None, Header()] = None) -> str:
        owner = token_owner(db(), _bearer(authorization))
        if owner is None:
            raise HTTPException(401, "writing needs a token: send Authorization: Bearer TOKEN "
                                     "(create one with `marsad token create NAME`)")
        return owner

    def filters(since: str | None = None, until: str | None = None, country: str | None = None,
                admin1: str | None = None, type: str | None = None, actor: str | None = None,  # noqa: A002
                near: str | None = None, text: str | None = None, min_sources: int | None = None,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, cursor: str | None = None) -> Filters:
        point = None
        if near:
            try:
                lat, lon, km = (float(x) for x in near.split(","))
            except ValueError:
                raise HTTPException(400, "near: use LAT,LON,KM, e.g. 36.2,37.1,25") from None
            if km > 2000:
                raise HTTPException(400, "near: at most 2000 km")
            point = (lat, lon, km)
        return Filters(since, until, country, admin1, type, actor, point, text, min_sources, limit, _after(cursor))

    Read = Annotated[str | None, Depends(reader)]
    Write = Annotated[str, Depends(writer)]
    Filter = Annotated[Filters, Depends(filters)]

    @app.get("/api/config", summary="What the page needs to know: the tile URL, if any, and the event types")
    def config() -> dict[str, Any]:
        from marsad.model import EVENT_TYPES

        return {"tiles": settings.tiles, "event_types": EVENT_TYPES}

    @app.get("/api/events", summary="Events, newest first, with cursor pagination", response_class=JSONResponse)
    def list_events(f: Filter, _: Read) -> Response:
        rows = events(db(), f)
        return _json({"items": rows, "next_cursor": _cursor(rows[-1]) if len(rows) == f.limit else None})

    @app.get("/api/events.geojson", summary="Events as GeoJSON points", response_class=JSONResponse)
    def events_geojson(f: Filter, _: Read) -> Response:
        rows = events(db(), f)
        keep = ("event_id", "date", "event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities",
                "summary", "review", "incident_sources")
        return _json({"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": r["event_id"], "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
             "properties": {k: r.get(k) for k in keep}} for r in rows if r["lat"] is not None]})

    @app.get("/api/events/{event_id}", summary="One event with its reviews")
    def one_event(event_id: str, _: Read) -> dict[str, Any]:
        rows = db().query("SELECT e.*, d.title, d.url, d.outlet FROM events e JOIN documents d USING (doc_id) "
                           "WHERE e.event_id = ?", (event_id,))
        if not rows:
            raise HTTPException(404, f"{event_id}: no such event")
        return {**rows[0], "reviews": reviews_of(db(), event_id)}

    @app.get("/api/incidents", summary="Incidents: one happening across its reports", response_class=JSONResponse)
    def list_incidents(f: Filter, _: Read) -> Response:
        return _json({"items": incidents(db(), f)})

    @app.get("/api/incidents/{incident_id}", summary="An incident with every report and their disagreements")
    def one_incident(incident_id: str, _: Read) -> dict[str, Any]:
        rows = db().query("SELECT * FROM incidents WHERE incident_id = ?", (incident_id,))
        if not rows:
            raise HTTPException(404, f"{incident_id}: no such incident")
        return {**rows[0], **incident_reports(db(), incident_id)}

    @app.get("/api/documents/{doc_id}", summary="A document's text with its events and annotated spans")
    def one_document(doc_id: str, _: Read) -> dict[str, Any]:
        from marsad.gazetteer import default_gazetteer
        from marsad.model import Document
        from marsad.web.annotate import annotate

        rows = db().query("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))
        if not rows:
            raise HTTPException(404, f"{doc_id}: no such document")
        doc = rows[0]
        published = date.fromisoformat(doc["published"]) if doc["published"] else None
        spans = annotate(Document(text=doc["text"], published=published), default_gazetteer())
        evs = db().query("SELECT * FROM events WHERE doc_id = ? ORDER BY evidence_start", (doc_id,))
        return {**{k: doc[k] for k in ("doc_id", "source", "url", "title", "outlet", "published", "text")},
                "events": evs, "annotations": spans}

    @app.get("/api/stats", summary="Counts by day and type, country and actor", response_class=JSONResponse)
    def get_stats(f: Filter, _: Read) -> Response:
        return _json(stats(db(), f))

    @app.get("/api/gazetteer", summary="Places whose Arabic name is the query")
    def gazetteer_lookup(q: Annotated[str, Query(min_length=1, max_length=100)], _: Read) -> list[dict[str, Any]]:
        from dataclasses import asdict

        from marsad.gazetteer import default_gazetteer

        return [asdict(p) for p in default_gazetteer().candidates(q)[:50]]

    @app.get("/api/actors", summary="Actors whose name or alias contains the query")
    def actor_lookup(q: Annotated[str, Query(min_length=2, max_length=100)], _: Read) -> list[dict[str, Any]]:
        from marsad.lexicon.load import load_dir
        from marsad.stages.normalize import normalize_string

        needle = normalize_string(q)
        found = [a for a in load_dir("actors") if needle in normalize_string(a["name"])
                 or any(needle in normalize_string(x) for x in a["aliases_ar"] + (a.get("aliases_en") or []))]
        return [{k: a.get(k) for k in ("id", "name", "type", "country", "aliases_ar")} for a in found[:50]]

    @app.post("/api/extract", summary="Extract and store an article (text or URL); needs a token")
    def submit(body: ExtractRequest, who: Write) -> dict[str, Any]:
        from marsad.gazetteer import default_gazetteer
        from marsad.ingest.runner import ingest_items
        from marsad.ingest.sources import Item
        from marsad.model import Document
        from marsad.pipeline import doc_id

        if bool(body.text) == bool(body.url):
            raise HTTPException(422, "give either text or url")
        if body.url:
            from marsad.ingest.sources import iter_items

            try:
                check_fetchable(body.url, settings.allow_private_urls)
            except MarsadError as exc:
                raise HTTPException(400, str(exc)) from exc
            items = list(iter_items([body.url], {}))
        else:
            items = [Item(f"api:{who}", Document(text=body.text or "", outlet=body.outlet))]
        for it in items:
            if it.document:
                it.document.published = body.published or it.document.published
                it.document.outlet = body.outlet or it.document.outlet
        summary = ingest_items(iter(items), db(), default_gazetteer(), progress=False, published=body.published)
        ids = [doc_id(it.document.text) for it in items if it.document]
        evs = [e for i in ids for e in db().query("SELECT * FROM events WHERE doc_id = ?", (i,))]
        errors = [it.error for it in items if it.error]
        if errors and not ids:
            raise HTTPException(422, errors[0])
        return {"documents": ids, "new": summary.new, "events": evs}

    @app.post("/api/events/{event_id}/review", summary="Confirm, correct or reject an event; needs a token")
    def review(event_id: str, body: ReviewRequest, who: Write) -> dict[str, Any]:
        try:
            return review_event(db(), event_id, who, body.action, body.changes)
        except ReviewError as exc:
            raise HTTPException(404 if "no such event" in str(exc) else 422, str(exc)) from exc

    if settings.vendor and settings.vendor.is_dir():
        app.mount("/vendor", StaticFiles(directory=settings.vendor), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


class LimitsAndHeaders:
    """Refuse oversized bodies; add the CSP and the other security headers to every response. Plain
    ASGI, so that it costs next to nothing per request."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.secure = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        self.csp = (b"content-security-policy", csp.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            await _error(413, f"request body over {MAX_BODY_BYTES // 1_000_000} MB")(scope, receive, send)
            return
        extra = self.secure if scope["path"].startswith("/docs") else [*self.secure, self.csp]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_environment() -> FastAPI:
    """The app of one `marsad serve --workers N` process."""
    return create_app(Settings.from_json(os.environ[SETTINGS_VARIABLE]))


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def _json(body: Any) -> Response:
    """Rows straight to JSON: database values are plain already, so FastAPI's generic encoder (most of
    a list request's time) is skipped."""
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode(),
                    media_type="application/json")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)

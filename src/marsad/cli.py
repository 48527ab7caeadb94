"""The `marsad` command line. Data on stdout, logs on stderr, errors as `Error: ...` (exit 1)."""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import click

from marsad.errors import MarsadError
from marsad.model import Document


def _date(_ctx: Any, _param: Any, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2017-10-12") from None


def _gazetteer() -> Any:
    from marsad.gazetteer import default_gazetteer

    return default_gazetteer()


def _fail(exc: Exception) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def main() -> None:
    """marsad (مرصد): Arabic news in, ACLED-style conflict events out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication day YYYY-MM-DD (relative dates resolve against it).")
@click.option("--outlet", help="Name of the outlet that published the article.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]), default=None,
              help="Output format (default: json for one file, jsonl for several).")
@click.option("--all-modalities", is_flag=True, help="Also print planned, denied and hypothetical events.")
def extract(paths: tuple[str, ...], published: date | None, outlet: str | None, fmt: str | None,
            all_modalities: bool) -> None:
    """Extract events from Arabic articles (.txt, .html, or - for stdin).

    Example: marsad extract article.txt --published 2017-10-12 --format table
    """
    from marsad.io.readers import read_document
    from marsad.output import render
    from marsad.pipeline import run

    fmt = fmt or ("json" if len(paths) == 1 else "jsonl")
    gazetteer = _gazetteer()
    failed = 0
    warned = False
    docs = []
    for path in paths:
        try:
            doc = read_document(path)
        except MarsadError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        doc.published = published or doc.published
        doc.outlet = outlet or doc.outlet
        result = run(doc, gazetteer, keep_all=all_modalities)
        for warning in result.warnings:
            if warning.startswith("no publication date"):
                if not warned:
                    click.echo(f"Warning: {path}: {warning} — pass --published YYYY-MM-DD", err=True)
                warned = True
            else:
                click.echo(f"Warning: {path}: {warning}", err=True)
        out = result.to_json()
        if fmt in ("json", "jsonl"):
            sys.stdout.write(render([out], fmt))
        else:
            docs.append(out)
    if docs:
        sys.stdout.write(render(docs, fmt))
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of `marsad extract` output."""
    from marsad.output import document_schema

    click.echo(json.dumps(document_schema(), ensure_ascii=False, indent=1))


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write each prediction as NAME.json here (for ../eval/score.py).")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
def evaluate(gold_dir: Path, out_dir: Path | None, as_json: bool) -> None:
    """Run the extractor over a gold folder and score it (EVENTS.md section 5).

    Example: marsad eval ../shared/gold/dev --out /tmp/pred
    """
    from marsad.evaluate import load_gold, report, score
    from marsad.io.readers import read_document
    from marsad.pipeline import run

    gazetteer = _gazetteer()
    # load every dictionary before timing: one sentence that reaches places, actors, dates and numbers
    run(Document(text="قصفت طائرات إسرائيلية بلدة الخيام أمس وقتلت 3 مدنيين، بحسب مصادر محلية.",
                 published=date(2024, 1, 2)), gazetteer)
    gold_docs, pred_docs = {}, {}
    started = time.perf_counter()
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        _fail(MarsadError(f"{gold_dir}: no gold .json files in this folder"))
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for gf in files:
        try:
            gold = load_gold(gf)
            article = gf.parent / gold.get("doc", gf.stem + ".txt")
            doc: Document = read_document(str(article))
        except MarsadError as exc:
            _fail(exc)
        doc.published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        doc.outlet = gold.get("outlet")
        result = run(doc, gazetteer).to_json()
        gold_docs[gf.stem] = gold.get("events", [])
        pred_docs[gf.stem] = result["events"]
        if out_dir:
            (out_dir / gf.name).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    elapsed = time.perf_counter() - started
    res = score(gold_docs, pred_docs)
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        click.echo(report(res), nl=False)
    click.echo(f"{len(files)} articles in {elapsed:.2f}s ({len(files) / elapsed:.1f} articles/s)", err=True)


@main.command()
@click.argument("path")
@click.option("--published", callback=_date, help="Publication day YYYY-MM-DD.")
def dates(path: str, published: date | None) -> None:
    """Print every date expression of an article as JSON (offsets into the raw text).

    Example: marsad dates article.txt --published 2017-10-12
    """
    from marsad.io.readers import read_document
    from marsad.stages.dates import find_dates
    from marsad.stages.normalize import normalize

    try:
        doc = read_document(path)
    except MarsadError as exc:
        _fail(exc)
    norm = normalize(doc.text)
    out = []
    for d in find_dates(norm.text, published or doc.published):
        s, e = norm.raw_span(d.start, d.end)
        out.append({"text": doc.text[s:e], "start": s, "end": e,
                    "value": d.value.isoformat() if d.value else None, "precision": d.precision})
    click.echo(json.dumps(out, ensure_ascii=False, indent=1))


def _places_json(text: str) -> list[dict[str, Any]]:
    from marsad.stages.normalize import normalize
    from marsad.stages.places import find_places

    norm = normalize(text)
    out = []
    for p in find_places(norm.text, _gazetteer()):
        s, e = norm.raw_span(p.start, p.end)
        out.append({
            "text": text[s:e], "start": s, "end": e, "frame": p.frame, "geo_precision": p.precision,
            "choice": {"name": p.place.name, "kind": p.place.kind, "country_code": p.place.country_code,
                       "admin1": p.place.admin1, "lat": p.place.lat, "lon": p.place.lon, "source": p.place.source},
            "reason": p.reason,
            "candidates": [{"name": c.name, "kind": c.kind, "country_code": c.country_code} for c in p.candidates],
        })
    return out


@main.command()
@click.argument("text")
def geocode(text: str) -> None:
    """Print the places in an Arabic string as JSON.  Example: marsad geocode "قصف في ريف دير الزور" """
    click.echo(json.dumps(_places_json(text), ensure_ascii=False, indent=1))


@main.command()
@click.argument("path")
def places(path: str) -> None:
    """Print every place mention of an article as JSON with its candidates and choice."""
    from marsad.io.readers import read_document

    try:
        doc = read_document(path)
    except MarsadError as exc:
        _fail(exc)
    click.echo(json.dumps(_places_json(doc.text), ensure_ascii=False, indent=1))


@main.group()
def gazetteer() -> None:
    """The gazetteer store."""


@gazetteer.command("info")
def gazetteer_info() -> None:
    """Say what is loaded and from where."""
    click.echo(json.dumps(_gazetteer().info(), ensure_ascii=False, indent=1))


def _store(db: str | None) -> Any:
    from marsad.store import open_store

    try:
        store = open_store(db)
    except MarsadError as exc:
        _fail(exc)
    click.get_current_context().call_on_close(store.close)     # the file is let go when the command ends
    return store


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", help="Database: a SQLite path (default ./marsad.sqlite).")
@click.option("--field", "fields", multiple=True, metavar="OURS=THEIRS",
              help="Map a JSON Lines field, e.g. --field text=content (fields: text title url published outlet).")
@click.option("--published", callback=_date, help="Publication day YYYY-MM-DD for documents that carry none.")
@click.option("--quiet", is_flag=True, help="No progress line.")
def ingest(sources: tuple[str, ...], db: str | None, fields: tuple[str, ...], published: date | None,
           quiet: bool) -> None:
    """Extract events from files, folders, JSON Lines (.gz), feeds and zips into the database.

    Re-running adds nothing twice; a bad document is recorded (see `marsad failures`), never fatal.
    Example: marsad ingest articles/ news.jsonl.gz --db events.sqlite
    """
    from marsad.ingest.runner import ingest as run_ingest

    mapping = {}
    for f in fields:
        if "=" not in f:
            raise click.BadParameter(f"{f!r}: use OURS=THEIRS, e.g. text=content", param_hint="--field")
        ours, theirs = f.split("=", 1)
        mapping[ours.strip()] = theirs.strip()
    store = _store(db)
    try:
        summary = run_ingest(list(sources), store, _gazetteer(), mapping, progress=not quiet and sys.stderr.isatty(),
                             published=published)
    except MarsadError as exc:
        _fail(exc)
    click.echo(summary.line(), err=True)
    counts = store.counts()
    click.echo(f"database {store.label}: {counts['documents']} documents, {counts['events']} events, "
               f"{counts['incidents']} incidents, {counts['failures']} failures", err=True)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the Parquet datasets (documents/, events/, by publication month).")
@click.option("--workers", type=int, help="Local Dask workers (default 2).")
@click.option("--scheduler", help="Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--partition-size", type=int, default=2000, show_default=True, help="Documents per partition.")
@click.option("--published", callback=_date, help="Publication day for documents that carry none.")
@click.option("--field", "fields", multiple=True, metavar="OURS=THEIRS", help="Map a JSON Lines field.")
def batch(sources: tuple[str, ...], out_dir: Path, workers: int | None, scheduler: str | None,
          partition_size: int, published: date | None, fields: tuple[str, ...]) -> None:
    """Extract large archives on a Dask cluster into Parquet; a re-run skips finished partitions.

    Example: marsad batch archive/*.jsonl.gz --out run1 --workers 8, then marsad load run1 --db events.sqlite
    """
    from marsad.batch.run import run_batch

    if workers and scheduler:
        raise click.UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
    mapping = dict(f.split("=", 1) for f in fields if "=" in f)
    try:
        summary = run_batch(list(sources), out_dir, workers, scheduler, partition_size, mapping, published)
    except MarsadError as exc:
        _fail(exc)
    click.echo("\n" + summary.line(), err=True)
    for failure in summary.failed_partitions:
        click.echo(f"failed: {failure}", err=True)
    if summary.failed_partitions:
        sys.exit(1)


@main.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--db", help="Database: a SQLite path or postgresql:// URL (default ./marsad.sqlite).")
def load(out_dir: Path, db: str | None) -> None:
    """Load a `marsad batch` output into the database and link incidents (same result as ingest)."""
    from marsad.batch.load import load_batch

    store = _store(db)
    try:
        summary = load_batch(out_dir, store)
    except MarsadError as exc:
        _fail(exc)
    click.echo(summary.line(), err=True)


@main.command()
@click.option("--db", help="Database: a SQLite path or postgresql:// URL (default ./marsad.sqlite).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--private", is_flag=True, help="Reads need a token too.")
@click.option("--allow-private-urls", is_flag=True, help="Let submitted URLs point at loopback/private addresses.")
@click.option("--tiles", help="Tile URL template for an online basemap, e.g. https://tile.example/{z}/{x}/{y}.png "
                              "(the offline country map is always there).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; one per CPU core serves more users at once.")
def serve(db: str | None, host: str, port: int, private: bool, allow_private_urls: bool, tiles: str | None,
          workers: int) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web page.  Example: marsad serve --db events.sqlite"""
    import uvicorn

    from marsad.web.app import SETTINGS_VARIABLE, Settings, create_app

    settings = Settings(db, private, allow_private_urls, _vendor_dir(), tiles)
    try:
        app = create_app(settings)      # opens (and migrates) the database once, before any worker starts
    except MarsadError as exc:
        _fail(exc)
    click.echo(f"marsad is serving {db or 'marsad.sqlite'} at http://{host}:{port}/ (API docs at /docs)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SETTINGS_VARIABLE] = settings.to_json()
    uvicorn.run("marsad.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")


def _vendor_dir() -> Path | None:
    """node_modules with Leaflet and world-atlas (installed by `make setup` with npm ci)."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / "node_modules" / "leaflet").is_dir():
            return base / "node_modules"
    return None


@main.group()
def token() -> None:
    """API tokens for writing (and for reading on a private server)."""


@token.command("create")
@click.argument("name")
@click.option("--db", help="Database: a SQLite path or postgresql:// URL (default ./marsad.sqlite).")
def token_create(name: str, db: str | None) -> None:
    """Create a token; it is printed once and only its hash is stored."""
    from marsad.store.reviews import create_token

    try:
        click.echo(create_token(_store(db), name))
    except MarsadError as exc:
        _fail(exc)


@main.group(name="review")
def review_group() -> None:
    """Analysts' reviews of events."""


@review_group.command("export-gold")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--db", help="Database: a SQLite path or postgresql:// URL (default ./marsad.sqlite).")
def review_export_gold(folder: Path, db: str | None) -> None:
    """Reviewed documents as gold files (EVENTS.md section 4), for `marsad eval FOLDER`."""
    from marsad.store.reviews import export_gold

    n = export_gold(_store(db), folder)
    click.echo(f"{n} reviewed documents written to {folder} — measure with: marsad eval {folder}", err=True)


@main.command(name="monitor")
@click.argument("feeds_file", type=click.Path(path_type=Path))
@click.option("--every", default="15m", show_default=True, help="How often to poll: 30s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll once and stop.")
@click.option("--db", help="Database: a SQLite path (default ./marsad.sqlite).")
def monitor_feeds(feeds_file: Path, every: str, once: bool, db: str | None) -> None:
    """Poll RSS/Atom feeds, fetch new articles, ingest them; one log line per feed and round.

    Example: marsad monitor feeds.txt --every 15m --db events.sqlite
    """
    from marsad.ingest.monitor import monitor, parse_interval, read_feed_list

    try:
        feeds = read_feed_list(feeds_file)
        interval = parse_interval(every)
        monitor(feeds, _store(db), _gazetteer(), interval, rounds=1 if once else None)
    except MarsadError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _filters(since: str | None, until: str | None, country: str | None, admin1: str | None,
             event_type: str | None, actor: str | None, near: str | None, text: str | None,
             min_sources: int | None, limit: int) -> Any:
    from marsad.store.queries import Filters

    point = None
    if near:
        try:
            lat, lon, km = (float(x) for x in near.split(","))
            point = (lat, lon, km)
        except ValueError:
            raise click.BadParameter(f"{near!r}: use LAT,LON,KM e.g. 36.2,37.1,25", param_hint="--near") from None
    return Filters(since, until, country, admin1, event_type, actor, point, text, min_sources, limit)


def _filter_options(fn: Any) -> Any:
    for opt in reversed([
        click.option("--db", help="Database: a SQLite path (default ./marsad.sqlite)."),
        click.option("--since", help="First day, YYYY-MM-DD."), click.option("--until", help="Last day, YYYY-MM-DD."),
        click.option("--country", help="Country code or name."), click.option("--admin1", help="Province."),
        click.option("--type", "event_type", help="Event type or sub-event type."),
        click.option("--actor", help="Actor name, English or Arabic."),
        click.option("--near", help="LAT,LON,KM: within KM of a point."),
        click.option("--text", help="Words in the evidence or summary."),
        click.option("--min-sources", type=int, help="Incidents reported by at least N outlets."),
        click.option("--limit", type=int, default=1000, show_default=True),
        click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table"),
    ]):
        fn = opt(fn)
    return fn


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> None:
    import csv
    import io

    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else list(columns))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        from marsad.output import table

        click.echo(table(rows, columns), nl=False)


@main.command()
@_filter_options
def events(db: str | None, fmt: str, **kw: Any) -> None:
    """Events in the database.  Example: marsad events --country SY --since 2017-10-01 --type Battles"""
    from marsad.store.queries import events as query

    _print_rows(query(_store(db), _filters(**kw)), fmt,
                ("date", "event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities", "modality"))


@main.command()
@_filter_options
def incidents(db: str | None, fmt: str, **kw: Any) -> None:
    """Incidents: the same happening linked across reports and outlets, with their sources."""
    from marsad.store.queries import incidents as query

    _print_rows(query(_store(db), _filters(**kw)), fmt,
                ("date", "event_type", "location", "fatalities", "reports", "sources", "summary"))


@main.command()
@click.argument("item_id")
@click.option("--db", help="Database: a SQLite path (default ./marsad.sqlite).")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON.")
def show(item_id: str, db: str | None, as_json: bool) -> None:
    """An event or an incident with its evidence; an incident lists every report and where they disagree.

    Example: marsad show inc-3f2a9c0d11aa4b7e
    """
    from marsad.store.queries import incident_reports

    store = _store(db)
    event = store.query("SELECT e.*, d.title, d.url, d.outlet FROM events e JOIN documents d USING (doc_id) "
                        "WHERE e.event_id = ?", (item_id,))
    incident = store.query("SELECT * FROM incidents WHERE incident_id = ?", (item_id,))
    if not event and not incident:
        _fail(MarsadError(f"{item_id}: no event or incident with this id — see `marsad events` or `marsad incidents`"))
    item = event[0] if event else {**incident[0], **incident_reports(store, item_id)}
    if as_json:
        click.echo(json.dumps(item, ensure_ascii=False, indent=1))
        return
    click.echo(item["summary"])
    if event:
        click.echo(f"  {item['event_type']} / {item['sub_event_type']} · {item['modality']}"
                   f"{' by ' + item['claim_source'] if item['claim_source'] else ''} · confidence {item['confidence']}")
        click.echo(f"  source: {item['outlet'] or ''} {item['url'] or ''} (document {item['doc_id']})")
        click.echo(f"  evidence [{item['evidence_start']}:{item['evidence_end']}]: {item['evidence']}")
        return
    for r in item["reports"]:
        click.echo(f"  - {r['outlet'] or r['doc_id']}: {r['date']} {r['actor1'] or '?'} vs {r['actor2'] or '?'}, "
                   f"{r['fatalities']} killed, {r['modality']}{' by ' + r['claim_source'] if r['claim_source'] else ''}")
        click.echo(f"    {r['evidence']}")
    for field, values in item["disagreements"].items():
        click.echo(f"  reports disagree on {field}: " + "; ".join(f"{v} ({', '.join(s)})" for v, s in values.items()))


@main.command(name="export")
@_filter_options
@click.option("--as", "kind", type=click.Choice(["acled-csv", "plover-jsonl", "geojson", "parquet"]), required=True,
              help="acled-csv: ACLED's columns; plover-jsonl: PLOVER fields with citations; geojson: points; "
                   "parquet: every column, for pandas/DuckDB.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_events(db: str | None, fmt: str, kind: str, output: Path, **kw: Any) -> None:
    """Export events (with the same filters as `marsad events`).

    Example: marsad export --as acled-csv --country YE -o yemen.csv
    """
    from marsad import export as exporters
    from marsad.stages.actors import actor_index
    from marsad.store.queries import events as query

    rows = query(_store(db), _filters(**kw))
    tmp = output.with_name(output.name + ".part")
    if kind == "parquet":
        n = exporters.parquet(rows, str(tmp))
        tmp.replace(output)
        click.echo(f"{n} events written to {output}", err=True)
        return
    with tmp.open("w", encoding="utf-8", newline="") as out:
        if kind == "acled-csv":
            types = {a.name: a.type for a in actor_index().values()}
            n = exporters.acled_csv(rows, out, types)
        elif kind == "plover-jsonl":
            n = exporters.plover_jsonl(rows, out)
        else:
            n = exporters.geojson(rows, out)
    tmp.replace(output)                  # a reader never sees half a file
    click.echo(f"{n} events written to {output}", err=True)


@main.command()
@click.option("--db", help="Database: a SQLite path (default ./marsad.sqlite).")
def failures(db: str | None) -> None:
    """Documents that could not be ingested, with the reason."""
    for row in _store(db).query("SELECT source, reason, failed_at FROM failures ORDER BY failed_at, source"):
        click.echo(f"{row['source']}\t{row['reason']}")


@gazetteer.group("import")
def gazetteer_import() -> None:
    """Add places to the gazetteer store (kept across rebuilds)."""


def _print_reports(reports: Any) -> None:
    for r in reports:
        click.echo(r.line())


@gazetteer_import.command("geonames")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def import_geonames(files: tuple[Path, ...]) -> None:
    """GeoNames dump files as downloaded: SY.txt, allCountries.zip, alternateNamesV2.zip.

    Example: marsad gazetteer import geonames SY.zip alternateNamesV2.zip
    """
    try:
        _print_reports(_gazetteer().import_geonames(list(files)))
    except MarsadError as exc:
        _fail(exc)


@gazetteer_import.command("admin")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--country", help="ISO country code of the units, where the file does not say (e.g. IQ).")
def import_admin(files: tuple[Path, ...], country: str | None) -> None:
    """Administrative units with Arabic and English names (OCHA COD CSV, OpenSyria JSON, nested JSON).

    Units with centroids are added; units without coordinates only add their Arabic names to a
    place the gazetteer already has. Example: marsad gazetteer import admin governorates.json
    """
    try:
        _print_reports(_gazetteer().import_admin(list(files), country.upper() if country else None))
    except MarsadError as exc:
        _fail(exc)


@main.command()
@click.argument("path")
@click.option("--published", callback=_date, help="Publication day YYYY-MM-DD.")
def explain(path: str, published: date | None) -> None:
    """Show, sentence by sentence, what fired and why an event was kept or dropped."""
    from marsad.explain import explain_document
    from marsad.io.readers import read_document

    try:
        doc = read_document(path)
    except MarsadError as exc:
        _fail(exc)
    doc.published = published or doc.published
    click.echo(explain_document(doc, _gazetteer()), nl=False)


if __name__ == "__main__":
    main()

"""Schema migrations, applied in order (SQLite records the last in PRAGMA user_version,
PostgreSQL in the schema_version table). The two lists keep the same tables and columns."""

MIGRATIONS: list[str] = [
    # 1: documents, events, failures
    """
    CREATE TABLE documents (
      doc_id TEXT PRIMARY KEY, source TEXT, url TEXT, title TEXT, outlet TEXT, published TEXT,
      text TEXT NOT NULL, simhash INTEGER, duplicate_of TEXT REFERENCES documents(doc_id),
      ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE TABLE events (
      event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
      event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, disorder_type TEXT NOT NULL,
      actor1 TEXT, actor1_text TEXT, actor2 TEXT, actor2_text TEXT,
      location TEXT, location_text TEXT, country TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT,
      lat REAL, lon REAL, geonames_id INTEGER, geo_precision INTEGER,
      date TEXT, time_precision INTEGER, fatalities INTEGER, modality TEXT NOT NULL,
      claim_source TEXT, claim_source_text TEXT,
      evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
      confidence REAL NOT NULL, summary TEXT NOT NULL, incident_id TEXT);
    CREATE INDEX events_date ON events (date);
    CREATE INDEX events_block ON events (event_type, date);
    CREATE INDEX events_country ON events (country_code, admin1);
    CREATE INDEX events_incident ON events (incident_id);
    CREATE TABLE failures (
      source TEXT PRIMARY KEY, reason TEXT NOT NULL,
      failed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE TABLE simhash_bands (band INTEGER NOT NULL, value INTEGER NOT NULL, doc_id TEXT NOT NULL);
    CREATE INDEX simhash_lookup ON simhash_bands (band, value);
    """,
    # 2: incidents that link reports of the same happening across documents
    """
    CREATE TABLE incidents (
      incident_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
      date TEXT, lat REAL, lon REAL, location TEXT, country TEXT, country_code TEXT, admin1 TEXT, fatalities INTEGER,
      reports INTEGER NOT NULL, sources INTEGER NOT NULL, confidence REAL NOT NULL, summary TEXT NOT NULL);
    CREATE INDEX incidents_block ON incidents (event_type, date);
    CREATE INDEX incidents_date ON incidents (date)
    """,
    # 3: feed entries already fetched by `marsad monitor`
    """
    CREATE TABLE fetched (
      url TEXT PRIMARY KEY, feed TEXT NOT NULL, doc_id TEXT,
      fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
    """,
    # 4: a grid cell (a quarter degree) for blocking incident linking by place as well as type and day
    """
    ALTER TABLE incidents ADD COLUMN cell INTEGER;
    CREATE INDEX incidents_cell ON incidents (event_type, cell, date)
    """,
    # 5: API tokens (hashed) and analysts' reviews of events
    """
    CREATE TABLE tokens (
      name TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE TABLE reviews (
      review_id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
      reviewer TEXT NOT NULL, action TEXT NOT NULL, changes TEXT NOT NULL,
      reviewed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE INDEX reviews_event ON reviews (event_id);
    ALTER TABLE events ADD COLUMN review TEXT
    """,
    # 6: the newest-first order of event lists, read from an index instead of sorted on every query
    """
    CREATE INDEX events_newest ON events ((COALESCE(date, '')) DESC, event_id)
    """,
    # 7: one country's newest events and the events inside a box without scanning the table; actor
    # names in the newest-first index, so that a search for a rare actor reads the index alone
    """
    DROP INDEX events_newest;
    CREATE INDEX events_newest ON events ((COALESCE(date, '')) DESC, event_id, actor1, actor2, actor1_text, actor2_text);
    CREATE INDEX events_country_newest ON events (country_code, (COALESCE(date, '')) DESC, event_id);
    CREATE INDEX events_place ON events (lat, lon)
    """,
]


_PG_NOW = "to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"


def _postgres(sql: str) -> str:
    """The SQLite DDL in PostgreSQL's types."""
    return (sql.replace("(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", _PG_NOW)
            .replace(" REAL", " DOUBLE PRECISION").replace("simhash INTEGER", "simhash BIGINT")
            .replace("band INTEGER NOT NULL, value INTEGER", "band INTEGER NOT NULL, value BIGINT"))


POSTGRES_MIGRATIONS: list[str] = [_postgres(m) for m in MIGRATIONS]
# Distance queries through PostGIS where the extension is installed (optional).
POSTGIS = [
    "CREATE EXTENSION IF NOT EXISTS postgis",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS geog geography(Point, 4326) GENERATED ALWAYS AS "
    "(CASE WHEN lat IS NULL OR lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED",
    "CREATE INDEX IF NOT EXISTS events_geog ON events USING gist (geog)",
]

"""Ingest: read sources (files, folders, JSON Lines, feeds, zips) into the event store."""

"""Gazetteer: an SQLite store of places with Arabic names, built once from packaged and user data."""

from marsad.gazetteer.store import Gazetteer, Place, default_gazetteer

__all__ = ["Gazetteer", "Place", "default_gazetteer"]

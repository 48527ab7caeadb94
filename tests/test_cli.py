"""The `marsad` command as a user runs it: formats, inputs, errors, schema."""

import csv
import io
import json

import jsonschema
import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.output import document_schema

ARTICLE = (
    "قصفت طائرات التحالف مواقع لجماعة الحوثي في مدينة صعدة أمس، ما أدى إلى مقتل خمسة مسلحين.\n"
    "وقالت مصادر محلية إن اشتباكات عنيفة اندلعت يوم الاثنين في مدينة تعز بين المقاومة الشعبية والحوثيين.\n"
    "ويستعد الجيش لاقتحام مدينة الحديدة خلال الأيام المقبلة.\n"
)
PAGE = f"""<!DOCTYPE html><html><head><title>خبر</title>
<meta property="article:published_time" content="2016-03-09T08:00:00Z"></head>
<body><nav><ul><li>الرئيسية</li><li>سياسة</li><li>رياضة</li></ul></nav>
<div class="share">شارك فيسبوك تويتر واتساب</div>
<article><h1>غارات على صعدة</h1>{''.join(f'<p>{line}</p>' for line in ARTICLE.splitlines())}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.fixture()
def run(gazetteer):
    runner = CliRunner()

    def _run(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return _run


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_extract_prints_schema_valid_json_with_raw_offsets(run, article):
    res = run("extract", str(article), "--published", "2016-03-08")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    jsonschema.validate(doc, document_schema())
    assert doc["published"] == "2016-03-08"
    assert doc["events"], "the air strike and the clashes are events"
    for ev in doc["events"]:
        span = ev["evidence"]
        assert ARTICLE[span["start"]:span["end"]] == span["text"]
        assert ev["modality"] in ("reported", "claimed")
    places = {ev["location"]["name"] for ev in doc["events"]}
    assert not any("Hodeidah" in p or "Hudaydah" in p for p in places), "a plan is not an event"


def test_all_modalities_flag_keeps_the_plan(run, article):
    doc = json.loads(run("extract", str(article), "--published", "2016-03-08", "--all-modalities").stdout)
    assert "planned" in {ev["modality"] for ev in doc["events"]}


def test_several_paths_print_json_lines(run, article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    res = run("extract", str(article), str(other), "--published", "2016-03-08")
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["doc_id"] for line in lines)


def test_csv_and_table_formats(run, article):
    rows = list(csv.DictReader(io.StringIO(run("extract", str(article), "--published", "2016-03-08",
                                               "--format", "csv").stdout)))
    assert rows and {"event_type", "location", "evidence", "lat", "lon"} <= set(rows[0])
    table = run("extract", str(article), "--published", "2016-03-08", "--format", "table").stdout
    assert table.splitlines()[0].split()[:2] == ["date", "event_type"]


def test_stdin_is_read_with_a_dash(run):
    res = run("extract", "-", "--published", "2016-03-08", input=ARTICLE.encode())
    assert json.loads(res.stdout)["events"]


def test_missing_publication_day_warns_once_and_leaves_relative_dates_null(run, article):
    res = run("extract", str(article))
    assert res.stderr.count("Warning") == 1
    doc = json.loads(res.stdout)
    assert doc["published"] is None
    assert all(ev["date"] is None for ev in doc["events"])


def test_html_page_keeps_the_article_and_its_date(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    doc = json.loads(run("extract", str(page)).stdout)
    assert doc["published"] == "2016-03-09"
    assert doc["events"]
    assert all("شارك" not in ev["evidence"]["text"] for ev in doc["events"])


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x00\x01\x02\x03binary\x00", "binary"),
])
def test_bad_input_gets_a_one_line_error_naming_the_file(run, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    res = run("extract", str(bad))
    assert res.exit_code == 1
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and message in err[0]


def test_a_bad_file_does_not_stop_the_others(run, article, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = run("extract", str(bad), str(article), "--published", "2016-03-08")
    assert res.exit_code == 1
    assert len(res.stdout.strip().splitlines()) == 1


def test_arabic_code_page_is_decoded(run, tmp_path):
    p = tmp_path / "cp1256.txt"
    p.write_bytes(ARTICLE.encode("cp1256"))
    assert json.loads(run("extract", str(p), "--published", "2016-03-08").stdout)["events"]


def test_bad_date_option_is_a_usage_error(run, article):
    res = run("extract", str(article), "--published", "12/10/2017")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr


def test_schema_command_prints_the_schema(run):
    assert json.loads(run("schema").stdout)["$defs"]["event"]["required"]


def test_dates_command_gives_raw_offsets(run, article):
    out = json.loads(run("dates", str(article), "--published", "2016-03-08").stdout)
    assert {"text": "أمس", "value": "2016-03-07", "precision": 1} | {"start": out[0]["start"], "end": out[0]["end"]} == out[0]
    assert ARTICLE[out[0]["start"]:out[0]["end"]] == "أمس"


def test_geocode_command_explains_its_choice(run):
    out = json.loads(run("geocode", "اشتباكات في ريف حلب الشمالي").stdout)
    assert out[0]["geo_precision"] == 2 and out[0]["frame"] == "near"
    assert out[0]["choice"]["country_code"] == "SY" and out[0]["reason"]

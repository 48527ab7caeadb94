"""Dates: the table of expressions we wrote (tests/data/date_expressions.tsv), plus edge cases."""

import csv
from datetime import date

import pytest

from conftest import DATA
from marsad.stages.dates import find_dates
from marsad.stages.normalize import normalize, normalize_string

ROWS = list(csv.DictReader((DATA / "date_expressions.tsv").open(encoding="utf-8"), delimiter="\t"))
# The table has rows the rules do not yet get right; the share right may only go up.
MIN_ACCURACY = 0.95


def _resolve(row):
    norm = normalize(row["text"])
    found = find_dates(norm.text, date.fromisoformat(row["published"]))
    return [(norm.text[d.start:d.end], d.value, d.precision) for d in found]


def _right(row) -> bool:
    want = (normalize_string(row["expression"]), date.fromisoformat(row["value"]), int(row["precision"]))
    return want in _resolve(row)


def test_table_is_large_enough():
    assert len(ROWS) >= 200


def test_table_accuracy():
    wrong = [r for r in ROWS if not _right(r)]
    accuracy = 1 - len(wrong) / len(ROWS)
    detail = "\n".join(f"{r['published']} {r['expression']!r}: want {r['value']} p{r['precision']}, "
                       f"got {_resolve(r)}" for r in wrong[:40])
    assert accuracy >= MIN_ACCURACY, f"date accuracy {accuracy:.3f}\n{detail}"


@pytest.mark.parametrize(("published", "text", "value"), [
    ("2016-01-02", "الخميس الماضي", "2015-12-31"),
    ("2017-10-07", "السبت الماضي", "2017-09-30"),
    ("2017-10-07", "يوم السبت", "2017-10-07"),
    ("2020-03-01", "أمس", "2020-02-29"),
    ("2017-01-01", "أمس الأول", "2016-12-30"),
    ("2017-01-15", "في 28 ديسمبر", "2016-12-28"),
    ("2017-10-12", "في السادس يونيو الماضي", "2017-06-06"),
])
def test_relative_dates_cross_month_and_year_ends(published, text, value):
    got = find_dates(normalize(text).text, date.fromisoformat(published))
    assert got and got[0].value == date.fromisoformat(value)


def test_unknown_publication_day_leaves_relative_dates_unresolved():
    (d,) = find_dates(normalize("قصفت الطائرات البلدة أمس").text, None)
    assert d.value is None
    (d,) = find_dates(normalize("في 12 أكتوبر 2017").text, None)
    assert d.value == date(2017, 10, 12)


@pytest.mark.parametrize("text", ["بني قبل 2500 سنة", "قبل 99999999 يوم", "في 31 فبراير 2017", "منذ 40000 أسبوع"])
def test_impossible_dates_are_skipped_not_fatal(text):
    for d in find_dates(normalize(text).text, date(2015, 7, 21)):
        assert d.value is None or d.value.year > 1


@pytest.mark.parametrize("text", ["انفجرت عبوة في سوق الجمعة بطرابلس أمس", "أغلق المحتجون شارع السبت صباح أمس"])
def test_weekday_inside_a_place_name_is_not_a_date(text):
    (d,) = find_dates(normalize(text).text, date(2022, 7, 4))
    assert d.value == date(2022, 7, 3)


def test_a_month_part_at_the_end_of_a_sentence_is_a_date():
    (d,) = find_dates(normalize("وكان تفجير قد استهدف مركزا في المدينة أواخر مايو.").text, date(2023, 6, 14))
    assert (d.value, d.precision) == (date(2023, 5, 25), 3)

import pytest

from marsad.stages.normalize import normalize
from marsad.stages.numbers import find_numbers


@pytest.mark.parametrize(("text", "value", "vague"), [
    ("سقوط ٢٨ قتيلا", 28, False),
    ("مقتل خمسة وعشرين مسلحا", 25, False),
    ("أصيب خمسة عشر جنديا", 15, False),
    ("دخلت عشرات الحافلات", 12, True),
    ("نزح مئات السكان", 100, True),
    ("قتل مئة وخمسين شخصا", 150, False),
    ("قتل 1,200 شخص", 1200, False),
    ("وقتل ثلاثة أشخاص", 3, False),
    ("قتل عدد من العناصر", 3, True),
])
def test_number_values(text, value, vague):
    found = find_numbers(normalize(text).text)
    assert [(n.value, n.vague) for n in found] == [(value, vague)]


def test_qualifier_is_kept():
    (n,) = find_numbers(normalize("قتل نحو 20 مسلحا").text)
    assert (n.value, n.qualifier) == (20, "نحو")


def test_words_inside_other_words_are_not_numbers():
    assert find_numbers(normalize("لست أدري وستكون الخطة جاهزة").text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("قتل جنديين في الهجوم", 2),
    ("سقط قتيلان", 2),
])
def test_dual_nouns_count_two(text, value):
    assert [n.value for n in find_numbers(normalize(text).text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("للمرة السادسة", 6),
    ("في اليوم الحادي عشر", 11),
    ("الخامس والعشرين", 25),
])
def test_ordinals_are_marked_as_such(text, value):
    (n,) = find_numbers(normalize(text).text)
    assert (n.value, n.ordinal) == (value, True)

import pytest

from marsad.stages.events.fatalities import fatalities
from marsad.stages.normalize import normalize
from marsad.stages.numbers import find_numbers


def _deaths(text):
    norm = normalize(text).text
    return fatalities(norm, 0, len(norm), find_numbers(norm))


@pytest.mark.parametrize(("text", "deaths"), [
    ("أدى القصف إلى استشهاد 12 مدنيا وإصابة 40 آخرين", 12),
    ("سقط 50 قتيلا و200 جريح في القصف", 50),
    ("قتل خمسة عناصر من الشرطة", 5),
    ("أسفر الهجوم عن مقتل نحو عشرين شخصا", 20),
    ("أصيب 30 شخصا بجروح", 0),
    ("سقط قتيلان في الاشتباكات", 2),
    ("سقط قتلى وجرحى في القصف", 3),
    ("انفجرت العبوة دون وقوع إصابات", 0),
    ("قتل العشرات من المسلحين", 12),
    ("مقتل قائد الكتيبة في كمين", 1),
])
def test_death_counts(text, deaths):
    assert _deaths(text) == deaths

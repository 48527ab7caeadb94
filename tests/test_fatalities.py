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
    ("قتل 12 مسلحا من الحركة في الاشتباكات بينما قتل 4 جنود من الجيش", 16),
    ("قتل 10 أشخاص بينهم 3 أطفال في القصف", 10),
    ("قتل 5 في الغارة ثم ارتفعت حصيلة القتلى إلى 9", 9),
    ("غارة على منزل تقتل 6 من عائلة واحدة", 6),
    ("قتل عنصران من الشرطة في هجوم على دورية", 2),
    ("قتل ناشط برصاص مجهولين", 1),
    ("أفاد مسعفون بأن شخصين قتلا وجرح أربعة آخرون في تبادل لإطلاق النار", 2),
    ("تظاهر عشرات الآلاف في ساحة الشهداء وسط المدينة", 0),
])
def test_death_counts(text, deaths):
    assert _deaths(text) == deaths


def test_a_peaceful_protest_has_no_deaths_of_its_own(gazetteer):
    import marsad

    (event,) = marsad.extract("تظاهر المئات في مدينة الموصل أمس للترحم على ضحايا التفجير الذي أوقع 30 قتيلا قبل أسبوع.",
                              published="2019-03-10", gazetteer=gazetteer).events
    assert (event.sub_event_type, event.fatalities) == ("Peaceful protest", 0)

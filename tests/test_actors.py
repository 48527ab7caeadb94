"""Actor recognition: aliases with clitics, spokespeople, generic labels by country, unknown groups."""

import pytest

import marsad
from marsad.stages.actors import find_actors
from marsad.stages.normalize import normalize


def _actors(text, countries=()):
    norm = normalize(text).text
    return [(norm[a.start:a.end], a.actor.name, a.via) for a in find_actors(norm, countries)]


@pytest.mark.parametrize(("text", "name"), [
    ("وقصفت قوات النظام السوري البلدة", "Military Forces of Syria"),
    ("اشتباكات مع الحوثيين في تعز", "Houthis"),
    ("أعلنت قسد السيطرة على القرية", "Syrian Democratic Forces"),
    ("هجوم لحركة الشباب", "Al Shabaab"),
])
def test_aliases_with_and_without_clitics(text, name):
    assert name in [n for _, n, _ in _actors(text)]


def test_a_spokesperson_stands_for_the_body():
    got = _actors("وقال يحيى سريع إن القوات استهدفت السفينة", ("YE",))
    assert ("Houthis", "person") in [(n, via) for _, n, via in got]


def test_generic_labels_follow_the_articles_country():
    assert "Houthis" in [n for _, n, _ in _actors("قصف المتمردين الأحياء السكنية", ("YE",))]
    assert "Houthis" not in [n for _, n, _ in _actors("قصف المتمردين الأحياء السكنية", ("SY",))]


def test_the_organisation_refers_back_to_the_last_armed_group():
    got = _actors("هاجم تنظيم داعش القرية ثم انسحب التنظيم")
    assert [n for _, n, _ in got] == ["Islamic State", "Islamic State"]


def test_unknown_armed_group_is_an_actor_with_its_surface_text(gazetteer):
    result = marsad.extract("هاجم لواء الفاتحين الجديد مواقع الجيش السوري في ريف حماة أمس.", published="2016-05-02",
                            gazetteer=gazetteer)
    (event,) = result.events
    assert event.actor1.name == "لواء الفاتحين الجديد" and event.actor2.name == "Military Forces of Syria"


def test_labels_hold_in_the_countries_an_actor_lists():
    """"الاحتلال" is Israel's army in Gaza and Lebanese stories too, not in Yemeni ones."""
    assert "Military Forces of Israel" in [n for _, n, _ in _actors("اقتحم جيش الاحتلال المخيم", ("PS",))]
    assert "Military Forces of Israel" in [n for _, n, _ in _actors("قصف العدو أطراف البلدة", ("LB",))]
    assert "Military Forces of Israel" not in [n for _, n, _ in _actors("قصف العدو أطراف البلدة", ("YE",))]


def test_a_countrys_own_label_wins_over_a_name_used_everywhere():
    assert [n for _, n, _ in _actors("هاجم مسلحو داعش البوابة", ("LY",))] == ["Islamic State (Libya)"]
    assert [n for _, n, _ in _actors("هاجم مسلحو داعش البوابة", ("IQ",))] == ["Islamic State"]
    assert [n for _, n, _ in _actors("تقدم الجيش الوطني نحو البلدة", ("LY",))] == ["Libyan National Army"]
    assert [n for _, n, _ in _actors("تقدم الجيش الوطني نحو البلدة", ("YE",))] == ["Military Forces of Yemen"]


@pytest.mark.parametrize(("text", "published", "actor1", "actor2"), [
    # a unit is named by the force it belongs to; police named as such stay police
    ("شنت طائرات سلاح الجو الإسرائيلي غارة على بلدة عيترون جنوب لبنان فجر اليوم.", "2024-03-02",
     "Military Forces of Israel", None),
    ("قتل ثلاثة من عناصر الشرطة الاتحادية العراقية في هجوم لتنظيم داعش على نقطة تفتيش في قضاء الطارمية أمس.",
     "2016-05-09", "Islamic State", "Police Forces of Iraq"),
    # the speaker's own forces act ("قال الجيش إن طائراته...")
    ("قال الجيش الإسرائيلي إن طائراته أغارت الليلة الماضية على مواقع لحزب الله في بلدة الخيام.", "2024-01-15",
     "Military Forces of Israel", "Hezbollah"),
    ("أعلنت حركة الشباب أن مقاتليها هاجموا قاعدة للجيش الصومالي في مدينة بلدوين أمس.", "2021-08-03",
     "Al Shabaab", "Military Forces of Somalia"),
    # "قالت X إنها ...": the speaker acted; "اتهم ... Y بالوقوف وراء": the accused acted
    ("قالت قوات الدعم السريع في بيان إنها قصفت مواقع للجيش السوداني في مدينة الأبيض أمس.", "2024-02-11",
     "Rapid Support Forces", "Military Forces of Sudan"),
    ("انفجرت سيارة مفخخة قرب حاجز للجيش الصومالي في مدينة بلدوين مساء أمس، وقالت الشرطة إن حركة الشباب تقف وراء الهجوم.",
     "2022-02-10", "Al Shabaab", "Military Forces of Somalia"),
    # soldiers named by their nationality are that country's army
    ("قتل 12 جنديا نيجريا في كمين نصبه مسلحو جماعة نصرة الإسلام والمسلمين قرب بلدة تيلابيري أمس.", "2021-03-04",
     "Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Niger"),
    # the owner of the weapon struck
    ("قتل خمسة من عناصر الجيش السوداني في ضربة نفذتها طائرة مسيرة تابعة لقوات الدعم السريع قرب مدينة الأبيض أمس.",
     "2024-02-11", "Rapid Support Forces", "Military Forces of Sudan"),
    # who claims responsibility acted
    ("انفجرت عبوة ناسفة بقافلة للجيش الصومالي قرب مدينة أفجوي صباح اليوم، وتبنت حركة الشباب التفجير.", "2022-02-10",
     "Al Shabaab", "Military Forces of Somalia"),
    # forces loyal to a government are its army; a ل after an attack noun names whose attack it was
    ("قالت القوات التابعة للحكومة السودانية إنها استعادت السيطرة على بلدة أم روابة أمس.", "2023-09-20",
     "Military Forces of Sudan", None),
    ("قتل سبعة من مقاتلي حركة الشباب في هجوم للجيش الصومالي على قرية قرب مدينة جوهر أمس.", "2021-08-03",
     "Military Forces of Somalia", "Al Shabaab"),
    # "القاعدة" after a base was named is that base, not al-Qaeda
    ("شنت طائرات التحالف غارات على قاعدة العند الجوية ومخازن سلاح قرب القاعدة أمس.", "2015-08-02",
     "Saudi-led Coalition", None),
    # "مقتل X": X were killed; who killed them is named after
    ("أعلن الجيش الصومالي مقتل جنديين من الجيش الصومالي أمس حين فتح عناصر من حركة الشباب النار على دورية قرب مدينة جوهر.",
     "2021-08-03", "Al Shabaab", "Military Forces of Somalia"),
    # gunmen "of" a named group are that group; an attack "attributed to" a group is its attack
    ("هاجم مسلحون من حركة الشباب نقطة للشرطة في مدينة بلدوين فجر اليوم.", "2021-08-03", "Al Shabaab",
     "Police Forces of Somalia"),
    ("هز انفجار سيارة مفخخة سوقا في مدينة بيدوا أمس، في هجوم نسبته السلطات المحلية إلى حركة الشباب.", "2021-08-03",
     "Al Shabaab", None),
    # "45 من الجيش" counts the victims of a bombing
    ("قتل 12 من الجيش والشرطة بتفجير سيارة مفخخة استهدفت حاجزا قرب مدينة العريش أمس.", "2017-03-02",
     None, "Military Forces of Egypt"),
])
def test_who_acted(gazetteer, text, published, actor1, actor2):
    from datetime import date

    (event,) = marsad.extract(text, published=date.fromisoformat(published)).events
    assert (event.actor1.name if event.actor1 else None) == actor1
    assert (event.actor2.name if event.actor2 else None) == actor2

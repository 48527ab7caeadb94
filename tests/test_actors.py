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

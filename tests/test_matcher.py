from marsad.lexicon.matcher import PhraseMatcher
from marsad.stages.normalize import normalize


def _find(phrases, text):
    m = PhraseMatcher()
    for p in phrases:
        m.add(p, p)
    norm = normalize(text).text
    return [(norm[x.start:x.end], x.payloads[0]) for x in m.find(norm)]


def test_proclitics_before_a_name_are_allowed():
    assert [p for _, p in _find(["الرقة"], "دخلوا والرقة")] == ["الرقة"]
    assert [p for _, p in _find(["ريف"], "بريف حلب")] == ["ريف"]
    assert [p for _, p in _find(["الجيش"], "التابعة للجيش")] == ["الجيش"]


def test_a_name_inside_another_word_is_not_matched():
    assert _find(["العراق"], "الجيش العراقي") == []
    assert _find(["رقة"], "مزرقة") == []


def test_longest_match_wins():
    got = _find(["دير", "دير الزور"], "في دير الزور")
    assert [p for _, p in got] == ["دير الزور"]

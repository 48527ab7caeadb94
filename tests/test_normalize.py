from hypothesis import given
from hypothesis import strategies as st

from marsad.stages.normalize import normalize, normalize_string


def test_diacritics_tatweel_and_letter_forms_are_folded():
    assert normalize_string("قُصِفَتْ") == "قصفت"
    assert normalize_string("الـرقة") == "الرقه"
    assert normalize_string("أإآ ى") == "ااا ي"
    assert normalize_string("٨٥٪ ۱۲") == "85% 12"
    assert normalize_string("«قال»، ثم؟") == '"قال", ثم?'


def test_presentation_forms_become_letters():
    assert normalize_string("\ufefb") == "لا"


def test_noncharacters_in_the_presentation_block_are_kept_as_they_are():
    assert normalize_string("\ufdd0\ufdef") == "\ufdd0\ufdef"


def test_span_maps_back_to_the_raw_text():
    raw = "دخلت القواتُ مدينةَ الرّقة أمسِ"
    norm = normalize(raw)
    i = norm.text.index("الرقه")
    s, e = norm.raw_span(i, i + len("الرقه"))
    assert raw[s:e] == "الرّقة"


@given(st.text())
def test_every_normalised_span_lies_inside_the_raw_text(raw):
    norm = normalize(raw)
    assert len(norm.to_raw) == len(norm.text)
    assert list(norm.to_raw) == sorted(norm.to_raw)
    for i in range(len(norm.text)):
        for j in (i + 1, min(len(norm.text), i + 5)):
            s, e = norm.raw_span(i, j)
            assert 0 <= s < e <= len(raw)
            assert norm.text[i] in normalize_string(raw[s:e])


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،\n")))
def test_arabic_text_round_trips_through_the_offset_map(raw):
    norm = normalize(raw)
    for i in range(len(norm.text)):
        assert norm.norm_index(norm.to_raw[i]) <= i

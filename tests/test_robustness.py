"""The text pipeline on arbitrary input: no exception, every span inside the text."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Document
from marsad.pipeline import run

WORDS = ["قصفت", "الطائرات", "مدينة", "الرقة", "أمس", "السبت", "الماضي", "قتل", "5", "عشرات", "مدنيين", "في",
         "داعش", "الجيش", "السوري", "بريف", "حلب", "،", ".", "\n", "قال", "المرصد", "إن", "سيطرت", "على", "بلدة",
         "قبل", "2500", "سنة", "ﻻ", "\u0640", "\ufdd0", "«", "»", "(", ")", "%", "٨٥", "هـ", "1436", "رمضان"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60).map(" ".join),
       st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_pipeline_never_fails_and_spans_stay_inside(gazetteer, text, published):
    result = run(Document(text=text, published=published), gazetteer, keep_all=True)
    for ev in result.events:
        assert 0 <= ev.evidence.start <= ev.evidence.end <= len(text)
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text

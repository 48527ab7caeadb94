from marsad.stages.normalize import normalize
from marsad.stages.segment import clauses, sentences, tokens


def _sentences(raw):
    text = normalize(raw).text
    return [text[s.start:s.end] for s in sentences(text)]


def test_full_stops_and_line_breaks_end_sentences():
    got = _sentences("قصفت الطائرات البلدة. وقتل ثلاثة مدنيين!\nعنوان بلا نقطة\nثم جملة أخرى")
    assert len(got) == 4


def test_decimals_and_percentages_do_not_split():
    got = _sentences("سيطرت القوات على 85.5% من المدينة وقالت إن 3.5 كيلومتر بقيت.")
    assert len(got) == 1


def test_missing_space_after_full_stop_still_splits():
    assert len(_sentences("انتهت المعركة.الجيش تقدم")) == 2


def test_clauses_split_on_arabic_comma_and_connectives():
    text = normalize("سيطر الجيش على بلدة أ، وأجزاء من قرية ب فيما انسحب المسلحون").text
    sent = sentences(text)[0]
    assert len(clauses(text, sent)) == 3


def test_thousands_separator_is_not_a_clause_break():
    text = normalize("نزح 12,500 شخص من المدينة").text
    assert len(clauses(text, sentences(text)[0])) == 1


def test_tokens_keep_numbers_with_percent():
    text = normalize("تحرير 85% من الرقة").text
    assert [text[t.start:t.end] for t in tokens(text)] == ["تحرير", "85%", "من", "الرقه"]

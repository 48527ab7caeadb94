"""Claim sources: who a sentence attributes an event to, and words that only look like attribution."""

import marsad


def _events(text, gazetteer):
    return marsad.extract(text, published="2016-03-08", gazetteer=gazetteer).events


def test_a_spokesman_claims_for_his_body(gazetteer):
    (ev,) = _events("قال المتحدث باسم التحالف العربي إن طائرات التحالف قصفت مواقع للحوثيين في مدينة صعدة أمس.",
                    gazetteer)
    assert ev.modality == "claimed" and ev.claim_source.name == "Saudi-led Coalition"
    assert ev.actor1.name == "Saudi-led Coalition" and ev.actor2.name == "Houthis"


def test_according_to_a_generic_source(gazetteer):
    (ev,) = _events("اندلعت اشتباكات عنيفة في مدينة تعز بين المقاومة الشعبية والحوثيين أمس بحسب مصادر محلية.",
                    gazetteer)
    assert ev.modality == "reported" and ev.claim_source.name == "local sources"     # no side of the war


def test_a_side_of_the_war_claims(gazetteer):
    (ev,) = _events("قالت مصادر عسكرية إن الجيش استعاد السيطرة على بلدة الحزم في محافظة الجوف أمس.", gazetteer)
    assert ev.modality == "claimed" and ev.claim_source.name == "military sources"
    (ev,) = _events("قتل ثلاثة مدنيين في قصف على حي الروضة في تعز أمس، بحسب المرصد اليمني لحقوق الإنسان.", gazetteer)
    assert ev.modality == "reported"


def test_affiliated_to_is_not_attribution(gazetteer):
    (ev,) = _events("هاجمت قوات تابعة لجماعة الحوثي قرية في محافظة تعز أمس.", gazetteer)
    assert ev.modality == "reported" and ev.claim_source is None


def test_an_attribution_after_the_event_names_its_source(gazetteer):
    (ev,) = _events("انفجرت عبوة ناسفة بدورية للشرطة في مدينة ديار بكر صباح اليوم، كما أعلنت وكالة الأناضول.", gazetteer)
    assert ev.claim_source.name == "Anadolu Agency"
    (ev,) = _events("قصفت الميليشيات حي الشيخ عثمان في عدن أمس ما أدى إلى مقتل 12 مدنيا، حسبما ذكر مكتب الصحة في المدينة.",
                    gazetteer)
    assert ev.claim_source.name == "health office" and ev.fatalities == 12


def test_a_generic_source_keeps_where_it_is_based(gazetteer):
    (ev,) = _events("قال ضابط عسكري في محافظة ديالى إن مسلحين هاجموا نقطة للجيش قرب بلدة المقدادية أمس.", gazetteer)
    assert (ev.claim_source.name, ev.claim_source.text) == ("military officer", "ضابط عسكري في محافظة ديالى")
    (ev,) = _events("وذكرت مصادرنا في الحديدة أن مقاتلات التحالف أغارت فجرا على ميناء الصليف.", gazetteer)
    assert ev.claim_source.text == "مصادرنا في الحديدة"


def test_the_sources_refer_to_those_named_before(gazetteer):
    text = ("أفادت مصادر طبية بمقتل خمسة مدنيين في قصف على حي الروضة في تعز أمس. "
            "وأوضحت المصادر أن قذائف أخرى سقطت على سوق في مدينة التربة.")
    events = _events(text, gazetteer)
    assert [e.claim_source.name for e in events] == ["medical sources", "medical sources"]


def test_qad_with_a_past_verb_reports_what_happened(gazetteer):
    (ev,) = _events("وكانت طائرات التحالف قد نفذت أمس غارات على مواقع للحوثيين في مدينة صعدة.", gazetteer)
    assert ev.modality == "reported"
    assert all(e.modality != "reported" for e in _events("قد تشن طائرات التحالف غارات على مدينة صعدة.", gazetteer))


def test_the_bare_army_is_the_one_named_before(gazetteer):
    text = ("قال الجيش الفرنسي أمس إن قواته نفذت عملية في شمال مالي. "
            "وقال الجيش في بيان إن مقاتلاته قصفت مواقع للمسلحين قرب مدينة غاو.")
    events = _events(text, gazetteer)
    assert [e.claim_source.name for e in events] == ["Military Forces of France"]
    # but "الجيش الفيدرالي" is another army
    (ev,) = _events("اشتبكت قوات ولاية جوبالاند مع الجيش الفيدرالي في بلدة بلد حاوو أمس.", gazetteer)
    assert ev.actor2 is None or ev.actor2.name != "Military Forces of Jubaland"


def test_a_person_named_with_a_role_speaks_for_the_body(gazetteer):
    (ev,) = _events("وأوضح لقناة محلية أحمد سالم القيادي في المقاومة الشعبية أن مقاتليه سيطروا على حي كريتر في عدن أمس.",
                    gazetteer)
    assert ev.claim_source.name == "Popular Resistance" and ev.modality == "claimed"


def test_a_body_named_in_the_sentence_beats_generic_sources(gazetteer):
    (ev,) = _events("وأفادت المصادر بحسب وكالة الأناضول بأن مسلحين هاجموا نقطة للشرطة في مدينة ماردين أمس.", gazetteer)
    assert ev.claim_source.name == "Anadolu Agency"


def test_said_with_no_subject_in_a_new_paragraph_is_the_last_speaker(gazetteer):
    text = ("قال المتحدث باسم التحالف العربي إن طائراته قصفت مواقع في محافظة الجوف أمس.\n"
            "وقال: إن طائرات التحالف قصفت مواقع للحوثيين في مدينة صعدة أمس.")
    events = [e for e in _events(text, gazetteer) if e.location.name == "Saada"]
    assert [e.claim_source.name for e in events] == ["Saudi-led Coalition"]

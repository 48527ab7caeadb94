"""Event-type rules on sentences we wrote: attacks on civilians, tolls told in a second clause,
sums over a period, and drones that are not marches."""

from datetime import date

import pytest

import marsad

DAY = date(2023, 6, 14)


def _only_event(text, published=DAY):
    (event,) = marsad.extract(text, published=published).events
    return event


def _events(text):
    return [(e.event_type, e.sub_event_type, e.fatalities) for e in marsad.extract(text, published=DAY).events
            if e.modality in ("reported", "claimed")]


@pytest.mark.parametrize(("text", "deaths"), [
    ("هاجم مسلحون مجهولون قرية قريبة من مدينة الجنينة أمس وقتلوا 12 مدنيا داخل منازلهم.", 12),
    ("قتل 23 نازحا في هجوم شنه مسلحون على مخيم كلمة قرب مدينة نيالا فجر اليوم.", 23),
    ("أعدمت الجماعة ثلاثة رجال رميا بالرصاص في ساحة بلدة بيدوا يوم أمس.", 3),
    ("قتل ناشط برصاص مسلحين مجهولين أمام منزله في حي الرمال بمدينة غزة صباح اليوم.", 1),
    ("فتح مستوطنون النار على المزارعين في أراضي قرية ترمسعيا فقتلوا مزارعا وأصابوا آخرين.", 1),
])
def test_attacks_on_unarmed_people_are_violence_against_civilians(text, deaths):
    assert _events(text) == [("Violence against civilians", "Attack", deaths)]


def test_an_armed_clash_with_a_toll_in_the_next_clause_keeps_the_toll():
    text = "اندلعت اشتباكات عنيفة بين الجيش وقوات الدعم السريع في مدينة الأبيض أمس، وقتل فيها 9 مقاتلين من الطرفين."
    assert _events(text) == [("Battles", "Armed clash", 9)]


@pytest.mark.parametrize("text", [
    "استهدفت مسيرة إسرائيلية سيارة على طريق بلدة حولا جنوب لبنان بعد ظهر اليوم.",
    "أطلق حزب الله سربا من المسيرات الانقضاضية على ثكنة في كريات شمونة اليوم.",
])
def test_a_drone_is_not_a_march(text):
    assert [t for t, _, _ in _events(text)] == ["Explosions/Remote violence"]


def test_one_sentence_one_place_one_event():
    text = "فرقت قوات الأمن احتجاجا لمئات الطلاب في مدينة الناصرية اليوم واعتقلت عشرين منهم."
    assert [(t, s) for t, s, _ in _events(text)] == [("Protests", "Protest with intervention")]
    text = "قصفت مدفعية الجيش مواقع المسلحين في بلدة القريتين صباح اليوم قبل أن تندلع اشتباكات عنيفة في البلدة."
    assert len(_events(text)) == 1


def test_a_protests_actor1_is_its_crowd_and_the_force_there_actor2():
    event = _only_event("أطلقت قوات الأمن الغاز المسيل للدموع لتفريق متظاهرين في مدينة عطبرة اليوم.")
    assert event.event_type == "Protests" and event.actor1.name == "Protesters (Sudan)"
    assert event.actor2 is not None and event.actor2.name.startswith("Police Forces of Sudan")


def test_people_arrested_or_robbed_are_civilians_unless_named():
    event = _only_event("اعتقلت قوات الاحتلال 15 شابا من بلدة بيت أمر فجر اليوم.")
    assert event.sub_event_type == "Arrests" and event.actor2.name == "Civilians"


@pytest.mark.parametrize(("text", "sub"), [
    ("اعتقل مسلحو تنظيم داعش 20 شابا في بلدة الشرقاط بعد صلاة الجمعة أمس.", "Abduction/forced disappearance"),
    ("اعتقلت جماعة الحوثي خمسة صحفيين في العاصمة صنعاء أمس.", "Arrests"),
    ("اعتقلت الشرطة السودانية عشرة ناشطين في مدينة الأبيض أمس.", "Arrests"),
])
def test_only_states_and_governing_groups_arrest(text, sub):
    assert [s for _, s, _ in _events(text)] == [sub]


def test_residents_fighting_an_armed_group_is_mob_violence():
    text = "اشتبك أهالي قرية الزاوية مع مسلحي تنظيم داعش في أطراف بلدة الشرقاط أمس بعد أن حاول التنظيم هدم مزار."
    assert [(t, s) for t, s, _ in _events(text)] == [("Riots", "Mob violence")]


def test_a_capture_only_tried_is_a_battle():
    text = "صدت قوات الجيش محاولة لمسلحي تنظيم داعش السيطرة على بلدة بيجي فجر اليوم."
    assert [(t, s) for t, s, _ in _events(text)] == [("Battles", "Armed clash")]


def test_the_crowd_of_a_protest_is_not_its_victim():
    event = _only_event("خرج مئات المواطنين في مظاهرة سلمية وسط مدينة البصرة اليوم.")
    assert event.actor1.name == "Protesters (Iraq)" and event.actor2 is None


def test_kama_is_no_negation():
    text = "شنت طائرات التحالف غارات على مواقع في مدينة صعدة، كما قصفت مواقع في مدينة حرض صباح اليوم."
    assert [t for t, _, _ in _events(text)] == ["Explosions/Remote violence", "Explosions/Remote violence"]


def test_still_is_no_negation():
    text = "ما زالت الاشتباكات مستمرة بين الجيش وقوات الدعم السريع في مدينة الفاشر اليوم."
    assert [t for t, _, _ in _events(text)] == ["Battles"]


def test_a_town_of_the_clause_beats_a_nearer_province():
    event = _only_event("اشتبكت القوات مع مسلحين في محافظة الأنبار قرب سوق مدينة الرمادي أمس.")
    assert event.location.name == "Ramadi"


def test_a_headline_adds_no_event_of_its_own():
    text = ("مقتل خمسة بقصف على مخيم للنازحين قرب الفاشر\n\n"
            "قتل خمسة نازحين بينهم طفلان صباح اليوم في قصف مدفعي استهدف مخيم أبو شوك شمال مدينة الفاشر. "
            "وقال شهود إن القذائف سقطت على خيام الأسر. وأضافوا أن فرق الإسعاف نقلت الجرحى إلى المستشفى.")
    events = _events(text)
    assert len(events) == 1 and events[0][2] == 5


def test_burning_tyres_make_a_protest_a_riot():
    text = "قطع محتجون غاضبون الطريق الساحلي في مدينة مصراتة أمس وأشعلوا الإطارات احتجاجا على انقطاع الكهرباء."
    assert [(t, s) for t, s, _ in _events(text)] == [("Riots", "Violent demonstration")]


def test_killing_while_burning_homes_is_an_attack():
    text = "أحرق مسلحون منازل في قرية قريبة من مدينة موبتي أمس وقتلوا 12 من سكانها."
    assert [(t, s, d) for t, s, d in _events(text)] == [("Violence against civilians", "Attack", 12)]


def test_an_unnamed_force_breaking_up_a_protest_is_the_police():
    event = _only_event("فرقت قوات مكافحة الشغب بالغاز المسيل للدموع مظاهرة في وسط مدينة أم درمان اليوم.")
    assert event.sub_event_type == "Protest with intervention" and event.actor2.name == "Police Forces of Sudan"


def test_a_denial_ends_where_the_denier_tells_what_happened():
    text = ("نفت قوات الدعم السريع اتهامات بقتل مدنيين في بلدة الحصاحيصا، وقالت إن قواتها اشتبكت أمس "
            "مع مسلحين تابعين للجيش في البلدة.")
    events = [(e.event_type, e.modality) for e in marsad.extract(text, published=DAY).events]
    assert ("Battles", "claimed") in events
    assert all(m == "denied" for t, m in events if t == "Violence against civilians")


def test_stone_throwing_confrontations_are_riots():
    text = "اندلعت مواجهات رشق خلالها الشبان الجنود بالحجارة عند مدخل بلدة سلواد مساء أمس."
    assert [(t, s) for t, s, _ in _events(text)] == [("Riots", "Violent demonstration")]


def test_a_link_to_another_story_inside_a_page_adds_no_event():
    text = ("قصفت مدفعية الجيش مواقع المسلحين في بلدة القريتين صباح اليوم.\n"
            "اقرأ أيضا: مقتل عشرة جنود في هجوم على حاجز قرب مدينة تدمر\n"
            "وقالت مصادر محلية إن القصف استمر ساعتين.")
    assert [t for t, _, _ in _events(text)] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "أعلنت الشرطة ضبط عشرات العبوات الناسفة وسيارتين مفخختين في مخزن بحي الشرطة في مدينة كركوك أمس.",
    "عثرت قوات الأمن على حزام ناسف معد للتفجير داخل منزل مهجور في مدينة الرمادي صباح اليوم.",
])
def test_explosives_found_or_seized_are_no_explosion(text):
    assert [t for t, _, _ in _events(text)] != ["Explosions/Remote violence"]


def test_a_protest_against_strikes_is_a_protest_not_a_strike():
    text = "تظاهر مئات الأشخاص في مدينة عمان أمس للتنديد بالغارات التي تشنها إسرائيل على قطاع غزة."
    events = marsad.extract(text, published=DAY).events
    assert [(e.event_type, e.location.name) for e in events] == [("Protests", "Amman")]


def test_the_capital_alone_is_the_capital_of_the_articles_country():
    text = "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في العاصمة العراقية أمس، وقالت الشرطة إن عبوة ثانية انفجرت في العاصمة مساء."
    events = marsad.extract(text, published=DAY).events
    assert {e.location.name for e in events} == {"Baghdad"}
    event = _only_event("انفجرت سيارة مفخخة في العاصمة اليوم. وتعيش مقديشو أوضاعا أمنية صعبة.")
    assert event.location.name == "Mogadishu"


def test_fighting_since_a_day_of_this_week_is_dated_that_day():
    event = _only_event("تتواصل اشتباكات ضارية منذ مساء الثلاثاء في أحياء مدينة الفاشر بين الجيش وقوات الدعم السريع.",
                        date(2024, 5, 16))
    assert event.date == date(2024, 5, 14)


def test_a_region_after_a_place_only_locates_it():
    event = _only_event("وكان عشرات من سكان محافظة ميسان جنوبي العراق قد اعتصموا أمس أمام مبنى المحافظة.")
    assert event.location.name == "Maysan"


def test_an_attack_told_again_is_the_bombing_already_told():
    text = ("فجر انتحاري حزامه الناسف في سوق مدينة بيدوا. "
            "وكان السوق ظهر الأحد هدفا لهجوم أوقع 14 قتيلا في مدينة بيدوا بحسب الشرطة.")
    events = marsad.extract(text, published=date(2023, 6, 13)).events
    assert [(e.sub_event_type, e.date, e.fatalities) for e in events] == [("Suicide bomb", date(2023, 6, 11), 14)]


def test_the_strikes_named_again_keep_the_day_they_were_told():
    text = ("قال الجيش الأمريكي إن طائرات التحالف نفذت يوم السبت تسع غارات على مواقع للتنظيم في سوريا. "
            "وأوضح مسؤول في بيان منفصل أن الغارات استهدفت مواقع قرب مدينة الشدادي.")
    event = _only_event(text, date(2023, 6, 13))
    assert (event.location.name, event.date) == ("Al-Shaddadi", date(2023, 6, 10))


@pytest.mark.parametrize("text", [
    # tolls and fighting over a period
    "قتل أكثر من ألف شخص في المعارك حول طرابلس منذ أبريل الماضي بحسب الأمم المتحدة.",
    "قتل نحو 15 ألف شخص في مدينة الجنينة خلال عام 2023 وفق تقرير أممي.",
    "دارت معارك متقطعة في محيط مدينة الفاشر منذ بداية الحرب دون أن يحسمها أي طرف.",
    # commentary, warnings, funerals, a battle only sought to be avoided
    "يرى محللون أن سقوط مدينة الفاشر سيغير موازين القوى في دارفور.",
    "حذر مسؤولون أمميون من أن أي هجوم على مدينة رفح سيؤدي إلى كارثة إنسانية.",
    "شيع الآلاف في مدينة صور جثمان مسعف قتل في غارة إسرائيلية الأسبوع الماضي.",
    "يسعى الوسطاء إلى اتفاق لتجنب معركة في الأحياء السكنية لمدينة الفاشر.",
    "دارت معارك عنيفة حول مدينة مأرب منذ منتصف الشهر الماضي.",
    # a football match
    "تأهل الخليج لدور الثمانية من كأس ولي العهد بعد أن كسب ضيفه الشباب بنتيجة هدفين مقابل هدف في مواجهة مثيرة أمس.",
    "قررت لجنة الانضباط قبول احتجاج النادي على نتيجة المباراة التي جرت في الرياض أمس.",
    # a relative clause on a place's past
    "عاد مئات النازحين أمس إلى أحياء مدينة حلب الشرقية التي كان فيها قصف عنيف.",
    # repeated attacks, and an earlier killing the sentence compares with
    "يخشى السكان تكرار الهجمات المسلحة على قرى ريف مدينة الجنينة.",
    "تعرض عناصر الحزب لضربات على غرار ما جرى يوم اغتيال قائد بارز بمسيرة قرب مدينة القنيطرة.",
    # an earlier incident given no day (EVENTS.md: background counts only with a specific day)
    "وكانت قافلة إمداد قد تعرضت لهجوم الشهر الماضي على الطريق بين بورزانغا وجيبو.",
    "وكان تفجير انتحاري قد استهدف مركزا للتجنيد في مديرية المنصورة أواخر مايو.",
    # a response to an earlier event, an event pointed back to, a family crime, an ability
    "وردا على مقتل هذين الشرطيين، أعلنت الحكومة حالة الطوارئ في ولاية كسلا.",
    "أقدم رجل على قتل والده بسلاح أبيض في مدينة الخرج أمس.",
    "حذر الوزير من أن أي دعم للمعارضة سيقوض قدرة الحكومة على قتال المتطرفين في محافظة إدلب.",
    # a campaign launched to strike, an order to strike, what forces are able to do
    "جاء ذلك بعد أن بدأت أنقرة حملة جوية لقصف مخابئ المسلحين في جبال قنديل.",
    "وحين أصدر الرئيس الأمر بشن غارات، انصب الاهتمام على مدينة الموصل.",
    "وقال الوزير في أربيل إن البشمركة متقدمون، لذا فبإمكانهم تنفيذ غارات على مواقع التنظيم قرب الموصل.",
    # aircraft seen flying, strikes launched every day, captures summed over a campaign
    "شوهدت طائرات مسيرة تحلق على علو منخفض فوق مدينة الحديدة طوال ليلة أمس.",
    "يشن الطيران الحربي يوميا غارات على مواقع المسلحين في جبال قنديل شمال العراق.",
    "وتمكنت القوات الحكومية خلال الحملة من استعادة عشرات البلدات والقرى في إقليم هيران.",
    # an agreement of no side of the conflict
    "وقال المحافظ في مؤتمر صحافي في مدينة عدن إنه تم الاتفاق مع شركة مقاولات على ترميم السوق.",
    # concern about practices
    "أعرب مرصد حقوقي عن قلقه إزاء احتجاز أشخاص في مدينة المكلا بسبب آرائهم.",
])
def test_sentences_that_tell_no_event(text):
    assert _events(text) == []


def test_strikes_listed_place_by_place_keep_the_day_told_first():
    text = ("قال الجيش الأمريكي إن طائرات التحالف الدولي نفذت يوم الأحد عشر غارات على مواقع للتنظيم في العراق. "
            "وأوضح في بيان أن الغارات شملت ثلاث غارات قرب تلعفر ومثلها قرب الحويجة.")
    events = marsad.extract(text, published=date(2023, 6, 14)).events
    assert sorted((e.location.name, e.date) for e in events) == [
        ("Hawija", date(2023, 6, 11)), ("Tal Afar", date(2023, 6, 11))]
    assert {e.actor1.name for e in events} == {"International Coalition"}      # the strikes told first


def test_a_statement_going_on_about_more_strikes_keeps_their_sides():
    text = ("قال الجيش الأمريكي إن قوات التحالف الدولي نفذت يوم الأحد غارات على مواقع لتنظيم داعش. "
            "وأوضح الجيش في بيان أن الغارات أصابت مواقع قرب تلعفر، وتابع البيان أن ثلاث غارات أخرى شنت قرب مدينة الحسكة.")
    events = marsad.extract(text, published=date(2023, 6, 14)).events
    assert sorted((e.location.name, e.actor1.name, e.actor2.name) for e in events) == [
        ("Al-Hasakah", "International Coalition", "Islamic State"), ("Tal Afar", "International Coalition", "Islamic State")]


def test_fighters_named_by_their_group_are_that_group():
    event = _only_event("قتل 12 مسلحا حوثيا في غارة لطيران التحالف على مديرية صرواح في مأرب أمس.")
    assert (event.actor1.name, event.actor2.name) == ("Saudi-led Coalition", "Houthis")


def test_a_crowd_named_by_nationality_is_no_army():
    event = _only_event("خرج آلاف السودانيين في مدينة عطبرة أمس للمطالبة بالحكم المدني.")
    assert event.event_type == "Protests"
    assert event.actor2 is None or not event.actor2.name.startswith("Military Forces")


def test_a_since_date_dates_only_the_fighting_it_follows():
    text = ("سيطرت القوات على بلدة الحراك في ريف درعا اليوم الأربعاء بعد معارك عنيفة استمرت منذ فجر أمس، "
            "وسط قصف جوي كثيف على البلدة.")
    events = marsad.extract(text, published=date(2018, 7, 4)).events
    assert {e.date for e in events} == {date(2018, 7, 4)}


def test_a_province_and_its_town_of_the_same_name_are_one_place_for_one_incident():
    text = ("قتل ثلاثة جنود في اشتباكات مع مسلحين في محافظة شرناق أمس. "
            "وأوضح الجيش أن المسلحين نصبوا كمينا لدورية في مدينة شرناق.")
    events = marsad.extract(text, published=date(2015, 7, 31)).events
    assert [(e.sub_event_type, e.date) for e in events] == [("Armed clash", date(2015, 7, 30))]


def test_what_a_state_of_affairs_dates_from_is_background():
    text = "يتصاعد التوتر في المنطقة منذ مقتل القائد الميداني بغارة أمريكية قرب مطار بغداد مطلع العام الجاري."
    assert _events(text) == []


def test_the_attack_condemned_later_is_the_bombing_told_before():
    text = ("فجر انتحاري سيارة مفخخة أمام مركز للشرطة في مديرية المنصورة بعدن أمس. "
            "وأدانت الحكومة الهجوم، وتعهد محافظ عدن بملاحقة الخلايا الإرهابية.")
    events = marsad.extract(text, published=DAY).events
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_a_killing_told_before_its_cause_is_the_toll_of_that_event():
    text = "وفي ريف إدلب الجنوبي، قتل ستة مدنيين، بينهم طفلان، أمس، جراء غارات شنتها طائرات حربية على بلدة كفرنبل."
    assert _events(text) == [("Explosions/Remote violence", "Air/drone strike", 6)]


def test_killing_villagers_and_burning_their_stores_is_one_attack():
    text = "هاجم مسلحون مجهولون ليل الخميس قرية قرب مدينة موبتي، وقتلوا تسعة قرويين، وأحرقوا مخازن الحبوب."
    assert _events(text) == [("Violence against civilians", "Attack", 9)]


@pytest.mark.parametrize(("text", "place"), [
    ("أحكمت قوات الدعم السريع أمس سيطرتها على مدينة ود مدني عاصمة ولاية الجزيرة.", "Wad Madani"),
    ("تم تحرير مديرية عسيلان في محافظة شبوة بالكامل من ميليشيات الحوثي مساء أمس.", "‘Usaylān"),
])
def test_captures_told_with_the_subject_between_or_in_the_passive(text, place):
    events = marsad.extract(text, published=DAY).events
    assert [(e.event_type, e.location.name) for e in events] == [("Battles", place)]


def test_a_sudanese_state_is_a_place_not_an_islamic_state_province():
    event = _only_event("قصفت مسيرة سوقا في مدينة الحصاحيصا بولاية الجزيرة أمس.")
    assert event.location.name != "Gezira" and (event.actor1 is None or event.actor1.name != "Islamic State")


def test_a_quarter_we_do_not_know_does_not_pull_a_foreign_city():
    event = _only_event("سيطرت القوات أمس على حي الجيزة البحرية في مدينة سرت.")
    assert event.location.country_code == "LY"


def test_the_province_after_a_town_only_locates_it():
    event = _only_event("وفي مدينة كوستي بولاية النيل الأبيض، اعتقلت قوات الأمن فجر اليوم 12 ناشطا.")
    assert event.location.name == "Kosti"


def test_an_attack_on_a_town_that_killed_civilians_is_an_attack_on_civilians():
    text = "هاجمت قوات الدعم السريع أمس بلدة التكينة في ولاية الجزيرة، ما أدى إلى مقتل 20 من المدنيين."
    assert _events(text) == [("Violence against civilians", "Attack", 20)]


def test_a_municipality_is_no_village():
    event = _only_event("خطف مسلحون صباح اليوم موظفا في بلدية مدينة غريان أثناء توجهه إلى عمله.")
    assert event.location.name == "Gharyan"


def test_the_target_of_an_attack_is_no_purpose():
    event = _only_event("وكان المركز الثقافي في مدينة سروج ظهر الاثنين هدفا لهجوم انتحاري أوقع 30 قتيلا.", date(2015, 7, 22))
    assert (event.sub_event_type, event.modality) == ("Suicide bomb", "reported")


# One sentence, one event of this type: the rules of this file on sentences we wrote.
@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), [
    # an explosion after an arrest is still an explosion (seized explosives are none)
    ("انفجرت عبوة ناسفة في سوق مدينة بعقوبة صباح اليوم بعد ضبط الشرطة سيارة مشبوهة قرب السوق، وقتل شخصان.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    # a cell that prepared a car bomb: the arrest, no new bombing
    ("اعتقلت قوة أمنية في مديرية الشيخ عثمان أمس أربعة أشخاص من الخلية التي جهزت السيارة المفخخة.",
     "Strategic developments", "Arrests"),
    # a crowd that turns out to demand something protests
    ("خرج الآلاف من أهالي مدينة كسلا في ساحة الحرية مساء أمس للمطالبة بإقالة الوالي.", "Protests", "Peaceful protest"),
    # burning tyres and protesters storming a building are violent demonstrations
    ("أغلق شبان غاضبون صباح اليوم الطريق الرئيسي عند مدخل مدينة الزاوية بالإطارات المشتعلة لساعات.",
     "Riots", "Violent demonstration"),
    ("وجاءت الاحتجاجات غداة اقتحام محتجين غاضبين مقر البلدية في مدينة سبها يوم الجمعة.", "Riots", "Violent demonstration"),
    # a crowd of residents doing violence is mob violence, not one looking on
    ("أقدم حشد من الأهالي على ضرب لص حتى الموت في سوق مدينة كسلا أمس.", "Riots", "Mob violence"),
    ("أحرق حشد من الأهالي الغاضبين أمس منازل ثلاث عائلات في قرية قرب مدينة بيجي.", "Riots", "Mob violence"),
    ("أعدمت الجماعة رجلين رميا بالرصاص أمام حشد من السكان في مدينة بيدوا يوم السبت.",
     "Violence against civilians", "Attack"),
    # a reconciliation ending a tribal feud is an agreement
    ("أنهى اتفاق صلح عشائري وقع أمس في قضاء الرفاعي نزاعا مسلحا بين عشيرتين.", "Strategic developments", "Agreement"),
    # forces or evacuation buses arriving are a strategic development
    ("وصلت كتيبة عسكرية سودانية إلى مدينة الفاشر أمس لتأمين مطارها.", "Strategic developments", "Other"),
    # bodies found bound are an attack
    ("أعلنت الشرطة أمس العثور على جثث خمسة أشخاص مقيدي الأيدي في بستان قرب بلدة الخالص بمحافظة ديالى.",
     "Violence against civilians", "Attack"),
])
def test_one_sentence_one_event_of_this_type(text, event_type, sub_event_type):
    assert [(t, s) for t, s, _ in _events(text)] == [(event_type, sub_event_type)]


def test_a_date_before_the_reported_words_is_the_day_of_the_statement():
    text = "ذكرت الجماعة في بيان اليوم، أن حافلات دخلت أمس الأول مدينة الطبقة لنقل المسلحين إلى الشمال."
    event = _only_event(text, date(2017, 10, 12))
    assert (event.sub_event_type, event.date) == ("Other", date(2017, 10, 10))

"""Rules of the offline scorer's surface reading, each a general rule tested on text of its own
(not the adversarial sets' cases): which capitalised words are tools, when a method is only
hypothetical, and feedback that must not contradict what the answer says."""

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.markers import EN, KO
from analysis.ai.offline.specificity import find_names
from analysis.ai.offline.structure import tag_sentences
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.eval.adversarial import feedback_text


def test_a_place_that_a_place_context_introduces_is_not_a_tool():
    text = (
        "Two winters ago our billing team at a logistics firm in Aarhus lost a week to invoice "
        "errors. I flew to Tromso to sit with the client, and on the drive back, passing "
        "Kristiansand, I sketched the fix. I moved the reconciliation into Postgres and tracked "
        "every case in Jira."
    )
    names = find_names(text, "en")
    assert {"Aarhus", "Tromso", "Kristiansand"}.isdisjoint(names)
    assert {"Postgres", "Jira"} <= set(names)


def test_a_place_named_by_its_venue_people_kind_or_journey_is_not_a_tool():
    text = (
        "Just before dawn at Haugesund, a Saab 340 from Bergen called in with a sick passenger. "
        "A couple near Stavanger had rented a flat in Sandnes, and a Molde design agency booked "
        "their cottage in rural Voss. We brought him straight to Tonsberg, then drove on to "
        "Drammen Infirmary. I logged it all in Jira and drew the map in QGIS."
    )
    names = find_names(text, "en")
    for place in ("Haugesund", "Bergen", "Stavanger", "Sandnes", "Molde", "Voss", "Tonsberg"):
        assert not any(place in name for name in names), (place, names)
    assert "Drammen Infirmary" not in names
    assert {"Jira", "QGIS", "Saab"} <= set(names)


def test_a_tool_after_a_word_that_can_be_a_place_stays_a_tool():
    text = (
        "I feel at home in Python, we built the parser in house in Rust, deployed the site to "
        "Netlify and train in PyTorch; a Java shop uses Maven."
    )
    names = find_names(text, "en")
    assert {"Python", "Rust", "Netlify", "PyTorch", "Maven"} <= set(names)


def test_a_product_of_several_capitalised_words_is_one_tool():
    text = "We ran the batch job on AWS Lambda and wrote the results to Azure Cosmos DB."
    names = find_names(text, "en")
    assert "AWS Lambda" in names
    assert {"Lambda", "Azure", "Cosmos"}.isdisjoint(names)


def test_a_gerund_opening_a_list_item_or_a_job_title_is_not_a_tool():
    text = (
        "My plan was simple:\n- Checking the queue depth every hour\n- Paging the owner when it "
        "grew\nThe Area Manager and the Finance Director signed it off, and I built it in Grafana."
    )
    names = find_names(text, "en")
    assert names == ["Grafana"]


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


EN_SITUATIONAL = QuestionContext(
    text="A regular customer says a repair you did failed within a week. How do you respond?",
    category="custom",
    custom_category="Bicycle Mechanic",
    type="situational",
    language="en",
)
KO_SITUATIONAL = QuestionContext(
    text="단골 고객이 수리한 자전거가 일주일 만에 고장 났다고 항의하면 어떻게 대응하시겠습니까?",
    category="custom",
    custom_category="자전거 정비사",
    type="situational",
    language="ko",
)


def test_a_method_backed_by_a_case_told_in_the_past_is_not_called_hypothetical():
    plan = (
        "I would first listen and look at the bike with the customer, because the fault may not "
        "be the repair. Then I would redo the work free if it was mine. "
    )
    case = (
        "A courier brought back a wheel I had trued, and the spokes had loosened again. I "
        "rebuilt it with new spokes while he waited, and he has sent three colleagues to us."
    )
    more = (
        "After that I would call the customer a week later to check the bike. If it failed "
        "again, I would ask a colleague to look at my work."
    )
    assert "stays hypothetical" in feedback_text(_run(EN_SITUATIONAL, plan + more))
    assert "stays hypothetical" not in feedback_text(_run(EN_SITUATIONAL, plan + case))


def test_a_korean_method_backed_by_a_case_told_in_the_past_is_not_called_hypothetical():
    plan = (
        "먼저 고객의 말을 듣고 자전거를 함께 살펴보겠습니다. 제 작업이 원인이라면 교환 대신 "
        "무상으로 수리하겠습니다. "
    )
    case = (
        "한 택배 기사님이 제가 조정한 바퀴를 닷새 만에 가져오셨는데 살 4개가 풀려 "
        "있었습니다. 기다리시는 동안 장력계로 재며 새 살 32개로 짰고, 그분은 동료 세 명을 "
        "소개해 주셨습니다."
    )
    more = (
        "일주일 뒤에는 전화로 상태를 여쭤보겠습니다. 다시 문제가 생기면 동료에게 제 작업을 "
        "점검해 달라고 부탁하겠습니다."
    )
    assert "가정으로만" in feedback_text(_run(KO_SITUATIONAL, plan + more))
    assert "가정으로만" not in feedback_text(_run(KO_SITUATIONAL, plan + case))


def test_a_count_of_none_since_the_change_is_an_outcome():
    for sentence in (
        "Since the rewiring there have been no trips on that board.",
        "In the year since, there has been not a single missed delivery.",
        "By the spring the backlog was down to a single shelf.",
    ):
        assert EN.result.search(sentence.lower()), sentence
    assert not EN.result.search("there were no guidelines, so i wrote some.")


def test_a_setting_given_by_the_person_met_or_after_the_story_is_a_setting():
    for sentence in (
        "A tenant in her eighties, a retired teacher with poor sight, rang me about a leak.",
        "Our oldest client, a bakery with 40,000 loyalty members, emailed to cancel.",
        "A regular customer complained that the latte was cold.",
        "That was at a housing charity, in my third year as its caseworker.",
    ):
        assert EN.situation.search(sentence.lower()), sentence
    assert not EN.situation.search("a good caseworker, in my view, listens first.")


KO_BEHAVIORAL = QuestionContext(
    text="고객의 불만을 해결했던 경험을 말씀해 주세요.",
    category="custom",
    custom_category="매장 관리자",
    type="behavioral",
    language="ko",
)


def analyze_answer_tags(text: str):
    return tag_sentences([(line, 0) for line in text.splitlines()], EN, "en")


def test_a_story_told_as_labelled_notes_has_the_parts_it_labels():
    notes = (
        "[상황] 재작년 동네 빵집 점장. 단골 한 분이 케이크 예약이 누락되었다고 항의하심.\n"
        "[행동] 예약 장부와 주문 앱을 대조 → 전화 예약이 장부에만 적힌 것 확인 → 당일 케이크 "
        "새로 제작.\n"
        "[결과] 그 주에 예약 누락 0건, 고객은 다음 달 단체 주문 20개.\n"
        "[배운 점] 예약 경로가 둘이면 한곳으로 모아야 함."
    )
    text = feedback_text(_run(KO_BEHAVIORAL, notes))
    assert "빠진 부분: 결과" not in text
    assert "배운 점으로 마무리해" not in text
    en = (
        "Situation: a café I managed lost a birthday-cake order.\nAction: I matched the phone "
        "log against the order app and baked a new cake that morning.\nResult: no missed "
        "orders the next quarter.\nLesson: one order book, not two."
    )
    tagged = [t.phases for t in analyze_answer_tags(en)]
    assert "situation" in tagged[0] and "result" in tagged[2] and "reflection" in tagged[3]


def test_a_purpose_is_a_reason_in_korean():
    assert KO.causal.search("손님이 더 기다리지 않게 먼저 사과하겠습니다.")
    assert KO.causal.search("다음 근무자가 바로 보도록 인수인계 메모를 남겼습니다.")


def test_every_kind_of_filler_is_named_and_a_filler_laden_answer_costs_more():
    clean = (
        "재작년 동네 빵집 점장일 때 단골 한 분이 케이크 예약이 누락되었다고 항의하셨습니다. "
        "저는 예약 장부와 주문 앱을 대조해 전화 예약이 장부에만 적힌 것을 찾았습니다. "
        "당일 케이크를 새로 만들어 드렸고, 그 뒤 예약을 앱 하나로 모아 누락이 0건이 "
        "되었습니다. 예약 경로가 둘이면 한곳으로 모아야 한다는 것을 배웠습니다."
    )
    laden = (
        "음, 재작년 동네 빵집 점장일 때 어, 단골 한 분이 케이크 예약이 누락되었다고 "
        "항의하셨습니다. 그러니까 저는 음, 예약 장부와 주문 앱을 대조해 전화 예약이 장부에만 "
        "적힌 것을 찾았습니다. 어, 당일 케이크를 새로 만들어 드렸고, 음, 그 뒤 예약을 앱 "
        "하나로 모아 누락이 0건이 되었습니다. 저기, 예약 경로가 둘이면 한곳으로 모아야 "
        "한다는 것을 배웠습니다."
    )
    out = _run(KO_BEHAVIORAL, laden)
    text = feedback_text(out)
    for filler in ('"음"', '"어"', '"그러니까"', '"저기"'):
        assert filler in text, filler
    total = sum(vars(out.scores).values())
    assert total <= sum(vars(_run(KO_BEHAVIORAL, clean).scores).values()) - 8


def test_what_a_check_found_and_what_happened_a_stated_time_later_are_korean_outcomes():
    for sentence in (
        "점검 결과 배관 이음새가 헐거워진 것으로 확인되었습니다.",
        "교체하고 나서 2주 뒤에 같은 라인의 불량률을 다시 쟀습니다.",
        "그날 밤 구조대가 도착했고, 40분 후에 모든 승객이 내렸습니다.",
        "그 뒤로 매장에는 새 계량기가 설치되었습니다.",
        "한 달 뒤 아이가 집에서도 관찰 일지를 쓰기 시작했고, 요청을 거두셨습니다.",
        "세 시간 뒤에 손님이 다시 매장에 들렀습니다.",
    ):
        assert KO.result.search(sentence), sentence
    # A time to wait is not an outcome, nor is a plan to look at results or to check later.
    assert not KO.result.search("일주일 정도 지켜본 다음 결정하겠습니다.")
    assert not KO.result.search("결과를 보고 다시 말씀드리겠습니다.")
    assert not KO.result.search("30분 후에 다시 확인하겠습니다.")
    assert not KO.result.search("한 달 후에 다시 점검할 예정입니다.")
    assert not KO.result.search("회의는 30분 후에 시작될 예정이었습니다.")
    assert not KO.result.search("5년 후 저는 팀을 이끄는 리더가 되고 싶습니다.")
    # A finding used, not found: "분석 결과를 바탕으로", "검토 결과가 나오기 전에".
    assert not KO.result.search("분석 결과를 바탕으로 다음 분기 계획을 세웠습니다.")
    assert not KO.result.search("검토 결과가 나오기 전에 고객께 먼저 연락드렸습니다.")


def test_digits_inside_a_latin_name_are_not_a_korean_figure():
    from analysis.ai.offline.specificity import find_numbers

    text = "A319가 1.5해리 밖에 있을 때 S3 버킷 로그를 보고 B2B 고객 20곳에 3,000건을 알렸습니다."
    assert find_numbers(text, "ko") == ["1.5", "20곳", "3,000건"]


def test_sentence_length_is_told_in_the_unit_of_the_answers_own_language():
    korean = (
        "먼저 고객님께 불편을 드려 죄송하다고 사과하고 자전거를 바로 다시 점검하겠습니다. "
        "체인과 브레이크 케이블을 확인해 원인을 찾고 부품값은 받지 않겠습니다. "
        "작년에도 같은 일이 있었는데 30분 만에 고쳐 드렸고 그 고객은 지금도 단골입니다."
    )
    english = (
        "First I would apologise and check the bike again while the customer waits. "
        "I would look at the chain and the brake cable to find the cause and not charge for "
        "parts. Last year the same thing happened and I fixed it in 30 minutes."
    )
    grammar = _run(EN_SITUATIONAL, korean).detailed_feedback.grammar
    assert "letters each on average" in grammar and "words each" not in grammar
    grammar = _run(KO_SITUATIONAL, english).detailed_feedback.grammar
    assert "단어입니다" in grammar and "자입니다" not in grammar


def test_the_surface_checks_follow_the_answers_language_in_the_sessions_words():
    casual = (
        "먼저 고객한테 미안하다고 사과했어. 그리고 체인이랑 브레이크 케이블을 다시 봤어. "
        "원인은 케이블이 늘어난 거였고 30분 만에 고쳐 줬어. 그 고객은 지금도 단골이야."
    )
    grammar = _run(EN_SITUATIONAL, casual).detailed_feedback.grammar
    assert "반말" in grammar and "casual speech" in grammar
    assert "lowercase" not in grammar
    sloppy = (
        "first i would apologise and look at the bike again while the customer waits. "
        "i would check the the chain and the brake cable to find the cause. "
        "Last year the same thing happened and i fixed it in 30 minutes."
    )
    grammar = _run(KO_SITUATIONAL, sloppy).detailed_feedback.grammar
    assert "소문자" in grammar and '"the the"' in grammar
    assert "-습니다" not in grammar


def test_a_time_of_day_is_one_figure():
    from analysis.ai.offline.specificity import find_numbers

    text = "we met at 9:30 amid the rush, left at 10:15 pm. and were back by 7:05 a.m. on friday."
    assert find_numbers(text, "en") == ["9:30", "10:15 pm", "7:05 a.m."]
    assert find_numbers("14:05에 시작해 2주 만에 끝냈습니다", "ko") == ["14:05", "2주"]


def test_a_count_past_ten_of_anything_is_a_figure_and_a_small_vague_count_is_not():
    from analysis.ai.offline.specificity import find_numbers

    assert find_numbers("i pulled thirty invoices and a dozen delivery notes.", "en") == [
        "thirty invoices",
        "a dozen delivery notes",
    ]
    assert find_numbers("there were two things to fix and three ways to do it.", "en") == []


def test_empathy_shown_by_listening_is_covered_and_a_customers_thanks_is_an_outcome():
    question = QuestionContext(
        text="A customer asks for a refund outside the return window. What do you do?",
        category="customer_service",
        type="situational",
        language="en",
        expected_keywords=("empathy", "policy"),
    )
    answer = (
        "Last month a customer asked to return a kettle after forty days. I listened first and "
        "acknowledged how annoying a broken kettle is, then checked our policy: a fault is "
        "covered for a year. I sent a replacement the same day. He thanked the team by e-mail."
    )
    content = _run(question, answer).detailed_feedback.content
    assert "Covers 2 of the 2 key points" in content
    assert EN.result.search("he thanked the team by e-mail.")
    assert not EN.result.search("i thanked him for waiting.")


def test_a_workplace_a_takeaway_and_what_the_following_year_showed_are_story_parts():
    assert EN.situation.search("in a busy community pharmacy, i received a new prescription.")
    assert EN.situation.search("at our hotel's kitchen on a saturday night the fryer failed.")
    assert EN.reflection.search("what i took from it is that the check comes first.")
    assert EN.reflection.search("my biggest takeaway: ask before you assume.")
    assert EN.result.search("in the following year it flagged the same pair four more times.")
    # A plan for the coming weeks is not an outcome.
    assert not EN.result.search("over the next month i would check the numbers weekly.")


def test_a_signed_document_is_not_an_outcome_a_deal_signed_is():
    assert not EN.result.search("i matched each invoice to its signed delivery notes.")
    assert not EN.result.search("i checked the signed consent forms first.")
    assert EN.result.search("four of those signed before the quarter closed.")
    assert EN.result.search("we signed the contract in may.")


def test_no_harm_done_is_an_outcome_with_its_count_of_none():
    from analysis.ai.offline.specificity import find_numbers

    sentence = "she took it correctly with no harm, and i learned to query it."
    assert EN.result.search(sentence)
    assert find_numbers(sentence, "en") == ["no harm"]
    assert not EN.result.search("there was no harm in asking.")
    assert find_numbers("there was no harm in asking.", "en") == []


def test_every_past_syllable_tells_what_happened_and_the_future_does_not():
    from analysis.ai.offline.tense import in_past

    # "쟀", "봤", "놨" close with the past tense's ㅆ like "했"; "겠" is the future's.
    assert in_past("다음 날 무게를 다시 쟀습니다.", "ko")
    assert in_past("기록을 처음부터 다시 봤습니다.", "ko")
    assert not in_past("기록을 처음부터 다시 보겠습니다.", "ko")
    assert KO.result.search("두 달 뒤 불량률을 다시 쟀고 절반으로 줄어 있었습니다.")


def test_what_a_review_found_and_what_was_put_in_place_are_outcomes():
    assert EN.result.search("the investigation found that the driver had misheard the call.")
    assert EN.result.search("our post-mortem showed the retry loop was the cause.")
    assert EN.result.search("a stop-bar was installed at that crossing.")
    assert EN.result.search("the manual check was then automated.")
    # A review still to come, and a thing installed as the setting, are not.
    assert not EN.result.search("i would ask for an investigation of the crossing.")
    assert not EN.result.search("i installed the new scanner myself.")


def test_a_step_after_a_condition_is_a_plan_and_no_longer_as_its_reason_no_result():
    tagged = tag_sentences(
        [
            ("My first action would be to stop the line, because the belt is no longer safe.", 0),
            ("Only when it is clear, checked and logged would I restart it.", 0),
            ("Since the guard went in, the belt no longer jams.", 0),
        ],
        EN,
        "en",
    )
    assert tagged[0].plan and "result" not in tagged[0].phases
    assert tagged[1].plan
    assert "result" in tagged[2].phases


def test_a_closing_quote_or_a_plural_possessive_is_not_part_of_a_word():
    from analysis.ai.offline.text import tokens

    assert tokens("I heard 'hold short' from the controllers' desk, and didn't cross.") == [
        "I", "heard", "hold", "short", "from", "the", "controllers", "desk", "and", "didn't",
        "cross",
    ]  # fmt: skip


def _ideal_en(question: QuestionContext, answer: str) -> str:
    service = OfflineAIService()
    return service.analyze_answer(question, answer, AnalysisContext(language="en")).ideal_answer


def test_the_ideal_answer_keeps_what_the_review_found_and_the_step_after_a_condition():
    question = QuestionContext(
        text="A forklift is stuck on the loading ramp during a delivery rush. What do you do?",
        type="situational",
        language="en",
    )
    answer = (
        "My first action would be to stop traffic on the ramp, because the lane is no longer "
        "safe. I would radio the shift lead and move the waiting trucks to the far bay. Only "
        "when the ramp is clear, inspected and signed off by the supervisor would I reopen it. "
        "This happened to me at a frozen-food depot: a forklift slid on ice with two pallets "
        "aboard. The review found that the ramp heater had been switched off by a contractor, "
        "and a heater alarm was installed afterwards. My lesson: close the lane first and ask "
        "why later."
    )
    ideal = _ideal_en(question, answer)
    assert "The review found that the ramp heater" in ideal
    assert "would I reopen it" in ideal


def test_a_step_with_an_adverb_before_its_verb_and_a_decision_not_to_act_are_actions():
    for sentence in (
        "i first asked the patient about every medicine.",
        "i then checked the logs of both nodes.",
        "i also called the prescriber.",
        "so i did not dispense it.",
    ):
        assert EN.action.search(sentence), sentence
    for sentence in ("i did not know what to do.", "i also learned a lot.", "i then realised."):
        assert not EN.action.search(sentence), sentence


def test_an_irregular_past_step_is_an_action():
    for sentence in (
        "the next week i rebuilt it as a group practical.",
        "i oversaw the move of both stores.",
        "i rang the supplier before noon.",
    ):
        assert EN.action.search(sentence), sentence


def test_one_vague_word_in_a_step_that_names_what_it_acts_on_leaves_it_a_step():
    tagged = tag_sentences(
        [
            (
                "First I would make sure the hotel is really full: I would check for rooms "
                "blocked for maintenance and for no-shows we could cancel.",
                0,
            ),
            ("I would really do a lot of things.", 0),
            ("I would check everything really carefully.", 0),
        ],
        EN,
        "en",
    )
    assert tagged[0].concrete_action
    assert not tagged[1].concrete_action
    assert not tagged[2].concrete_action


def test_a_korean_verbal_noun_done_or_done_as_a_method_is_a_step_and_a_state_is_not():
    for sentence in (
        "물류팀과 상의해 이틀 뒤 차액을 환불했습니다.",
        "그다음 표본의 크기를 계산합니다.",
        "지난 석 달 치 기록을 뽑아 보니 화요일에 몰려 있었습니다.",
        "새 설정을 적용한 뒤 사흘 동안 지켜봅니다.",
    ):
        assert KO.action.search(sentence), sentence
    for sentence in (
        "고객과의 신뢰가 가장 중요하다고 생각합니다.",
        "방문객이 30% 증가했습니다.",
        "그때는 인력이 많이 부족했습니다.",
        "돌이켜 보니 제 판단이 늦었습니다.",
    ):
        assert not KO.action.search(sentence), sentence


def test_once_more_is_no_figure_and_what_came_of_a_way_of_working_is_a_result():
    from analysis.ai.offline.specificity import find_numbers

    assert find_numbers("주문 내용을 한 번 더 읽어 드리고 통화를 마쳤습니다.", "ko") == []
    assert find_numbers("다시 한번 재고를 셌습니다.", "ko") == []
    assert find_numbers("하루에 한 번 냉장고 온도를 적었습니다.", "ko") == ["한 번"]
    assert KO.result.search("이렇게 하니 제 반품률이 팀 평균 9%보다 낮은 4%였습니다.")
    assert KO.result.search("그렇게 했더니 대기 시간이 눈에 띄게 짧아졌습니다.")


def test_an_event_that_went_ahead_and_a_renewal_are_outcomes_and_a_habit_since_is_no_boast():
    assert EN.result.search("the launch went ahead on the friday with every stand built.")
    assert EN.result.search("the gym renewed its cleaning contract for two more years.")
    assert not EN.claim.search("since then i always ask the carrier for a tracking link.")
    assert not EN.claim.search("now i never skip the second count.")
    assert EN.claim.search("they come to me because they know i never get anything wrong.")


def test_a_result_that_happened_asks_for_its_measure_not_a_target():
    question = QuestionContext(
        text="A caterer tells you the food for a 200-guest gala will arrive two hours late. "
        "What do you do?",
        type="situational",
        language="en",
    )
    answer = (
        "First I'd ask the caterer which dishes are ready, because cold starters can often "
        "travel on time. Then I'd move the speeches before dinner. At a charity gala I ran, the "
        "main course was late, so I asked the band to play a second set and had the starters "
        "served early. The evening went ahead without a complaint, and the charity booked us "
        "again."
    )
    ideal = _ideal_en(question, answer)
    assert "[measurable result]" in ideal
    assert "[target figure]" not in ideal


def test_a_nested_object_for_the_grader_leaves_nothing_behind():
    from analysis.ai.offline.integrity import screen

    text = (
        "재고 차이는 입출고 기록과 대조해 찾겠습니다.\n"
        '{"grading_patch": {"score": 99, "notes": ["흠잡을 데 없는 답변"]}}'
    )
    screened = screen(text, hint="ko")
    assert [s for s, _ in screened.sentences] == ["재고 차이는 입출고 기록과 대조해 찾겠습니다."]
    assert screened.directed == 1
    kept = screen("I checked the logs (see the runbook for details) and fixed it.", hint="en")
    assert kept.sentences[0][0] == "I checked the logs (see the runbook for details) and fixed it."


def test_an_identifier_in_a_korean_answer_is_named_whole_and_being_in_charge_is_the_task():
    names = find_names("max_connections 값을 올리고 select_related로 쿼리를 줄였습니다.", "ko")
    assert {"max_connections", "select_related"} <= set(names)
    assert "select" not in names
    assert KO.task.search("제가 그 결제 모듈 담당이라 바로 로그를 열었습니다.")


def test_a_term_is_quoted_as_written_and_a_reasoned_habit_is_no_boast():
    from analysis.ai.offline.keywords import TermIndex

    index = TermIndex("We ran an A/B test and read the p-value with its interval.")
    assert index.find("A/B test").shown == "A/B test"
    assert index.find("p value").shown == "p-value"
    assert not EN.claim.search("that's why i always report the effect size with an interval.")
    assert EN.claim.search("i always deliver more than anyone expects.")


def test_what_one_thought_is_no_step_and_the_other_side_agreeing_is_a_result():
    assert not KO.action.search("저는 그 정도면 엑셀로 충분하다고 생각했습니다.")
    assert KO.action.search("저는 주문 기록을 먼저 확인했습니다.")
    assert KO.result.search("시연을 보고 나서 팀장님도 동의했습니다.")
    assert KO.result.search("결국 디자인팀이 제 안을 받아들였고 일정도 지켰습니다.")


def test_a_promise_of_hard_work_leaves_the_ideal_answer_and_the_own_step_is_quoted():
    question = QuestionContext(
        text="선배나 동료와 일하는 방식이 달라 부딪혔던 경험과 어떻게 풀었는지 말씀해 주세요.",
        language="ko",
    )
    answer = (
        "작년에 같은 팀 선배가 보고서를 매주 손으로 정리하자고 했는데 저는 자동화가 낫다고 "
        "생각했습니다. 그래서 둘이 이야기를 많이 나눴고 결국 제가 샘플 보고서를 자동으로 "
        "만들어 보여 드렸습니다. 직접 보시니 선배도 동의했습니다. 이 일로 저는 말보다 결과물로 "
        "설득하는 것이 빠르다는 것을 배웠습니다. 앞으로도 열심히 소통하는 사원이 되겠습니다."
    )
    output = OfflineAIService().analyze_answer(question, answer, AnalysisContext(language="ko"))
    assert "열심히 소통하는" not in output.ideal_answer
    assert "선배도 동의했습니다" in output.ideal_answer
    own = next(s for s in output.strengths if "본인이 직접 한 일" in s)
    assert "결국 제가 샘플 보고서를" in own


def test_an_upset_customer_told_as_angry_and_a_solution_told_as_a_fix_are_covered():
    from analysis.ai.offline.analyzer import analyze

    question = QuestionContext(
        text="Tell me about a time you calmed a customer down.",
        language="en",
        expected_keywords=("upset", "solution"),
    )
    answer = (
        "A guest at our hotel was furious that her room was not ready at 3 pm. I apologised, "
        "fixed it by moving her to a free suite within ten minutes, and she left a good review."
    )
    signals = analyze(question, answer, AnalysisContext(language="en"))
    assert {m.term for m in signals.relevance.matched} == {"upset", "solution"}


def test_a_state_what_others_did_or_a_failure_is_no_step_and_no_outcome():
    for sentence in (
        "출시 일정이 너무 촉박했습니다.",
        "고객이 전화로 크게 항의했습니다.",
        "그 주에 장애가 두 번 발생했습니다.",
        "저는 그게 맞다고 판단했습니다.",
        "그때 저는 정말 막막했습니다.",
    ):
        assert not KO.action.search(sentence), sentence
    for sentence in ("i didn't really know what to do.", "i did not fully understand it."):
        assert not EN.action.search(sentence), sentence
    for sentence in (
        "i was introduced to the finance team.",
        "i went ahead and rewrote the query.",
        "they had not renewed their contract.",
    ):
        assert not EN.result.search(sentence), sentence
    assert not EN.plan.search("i asked my lead what should i prioritise.")
    for sentence in (
        "팀장님께서 그렇게 하자고 하셨습니다.",
        "저는 피드백을 받아들였습니다.",
        "저는 동의했지만 다른 방법을 제안했습니다.",
    ):
        assert not KO.result.search(sentence), sentence
    assert not KO.task.search("거래처 담당자로부터 항의 전화가 왔습니다.")


def test_words_across_a_full_stop_are_not_quoted_with_it():
    from analysis.ai.offline.keywords import TermIndex

    index = TermIndex("We cleared the cache. Invalidation came next.")
    assert index.find("cache invalidation").shown == "cache Invalidation"

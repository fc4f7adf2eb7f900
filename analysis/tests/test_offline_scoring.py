"""The offline rubric, dimension by dimension, in both languages: each test changes one thing
about an answer and checks that the dimension it belongs to moves the right way."""

import dataclasses

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.analyzer import analyze
from analysis.ai.types import AnalysisContext, QuestionContext

EN_QUESTION = QuestionContext(
    text="Tell me about a time you had to fix a serious production problem.",
    category="software_engineering",
    type="behavioral",
    language="en",
)
KO_QUESTION = QuestionContext(
    text="운영 중인 서비스에서 심각한 장애를 해결했던 경험을 말씀해 주세요.",
    category="software_engineering",
    type="behavioral",
    language="ko",
)
EN_STAR = [
    "Last year our payment service at an e-commerce startup started failing for about 3% of "
    "checkouts every evening.",
    "As the on-call engineer, it was my job to find the cause before the weekend sale.",
    "First I pulled the traces from Datadog and compared failing requests with healthy ones.",
    "Then I found that a nightly batch job was exhausting the Postgres connection pool, so I "
    "moved it to a read replica and added an alert on pool usage.",
    "As a result, checkout errors dropped from 3% to 0.1% within two days.",
    "I learned to check shared resources before blaming the latest deploy.",
]
KO_STAR = [
    "작년 이커머스 스타트업에서 결제 서비스의 오류율이 매일 저녁 3%까지 올라간 적이 있습니다.",
    "당시 온콜 담당이었던 저는 주말 세일 전까지 원인을 찾아야 했습니다.",
    "먼저 데이터독에서 실패한 요청의 트레이스를 모아 정상 요청과 비교했습니다.",
    "배치 작업이 커넥션 풀을 고갈시키는 것을 확인해, 배치를 복제본으로 옮기고 커넥션 사용량 "
    "알람을 추가했습니다.",
    "그 결과 이틀 만에 결제 오류율이 3%에서 0.1%로 줄었습니다.",
    "이 경험으로 최근 배포를 의심하기 전에 공유 자원부터 확인해야 한다는 것을 배웠습니다.",
]
JUMBLED = [4, 3, 5, 0, 2, 1]  # result first, the setting in the middle


def _scores(question, answer, **context):
    ctx = AnalysisContext(job_category=question.category, **context)
    return OfflineAIService().analyze_answer(question, answer, ctx).scores


CASES = [(EN_QUESTION, EN_STAR), (KO_QUESTION, KO_STAR)]


@pytest.mark.parametrize(("question", "sentences"), CASES, ids=["en", "ko"])
def test_a_star_ordered_answer_scores_higher_on_logic_than_the_same_content_jumbled(
    question, sentences
):
    ordered = _scores(question, " ".join(sentences))
    jumbled = _scores(question, " ".join(sentences[i] for i in JUMBLED))
    assert ordered.logic > jumbled.logic


@pytest.mark.parametrize(("question", "sentences"), CASES, ids=["en", "ko"])
def test_missing_star_parts_cost_logic(question, sentences):
    full = _scores(question, " ".join(sentences))
    no_result = _scores(question, " ".join(sentences[:4]))
    assert full.logic > no_result.logic


@pytest.mark.parametrize(
    ("question", "with_figures", "without_figures"),
    [
        (
            EN_QUESTION,
            "As a result, checkout errors dropped from 3% to 0.1% within two days.",
            "As a result, checkout errors dropped a lot after some time.",
        ),
        (
            KO_QUESTION,
            "그 결과 이틀 만에 결제 오류율이 3%에서 0.1%로 줄었습니다.",
            "그 결과 시간이 좀 지나자 결제 오류가 많이 줄었습니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_figures_raise_specificity(question, with_figures, without_figures):
    sentences = EN_STAR if question is EN_QUESTION else KO_STAR
    base = [s for s in sentences if s not in (sentences[0], sentences[4])]
    concrete = _scores(question, " ".join([*base, with_figures]))
    vague = _scores(question, " ".join([*base, without_figures]))
    assert concrete.specificity > vague.specificity


def test_named_tools_raise_specificity():
    named = " ".join(EN_STAR)
    generic = named.replace("Datadog", "a monitoring tool").replace("Postgres", "the database")
    assert _scores(EN_QUESTION, named).specificity > _scores(EN_QUESTION, generic).specificity


@pytest.mark.parametrize(
    ("question", "mine", "ours"),
    [
        (
            EN_QUESTION,
            "I traced the failing requests, I found the batch job, I moved it to a replica and "
            "I added an alert. I then wrote the postmortem and I shared it with the team.",
            "We traced the failing requests, we found the batch job, we moved it to a replica and "
            "we added an alert. We then wrote the postmortem and we shared it with the team.",
        ),
    ],
)
def test_first_person_actions_score_higher_than_we_in_a_behavioral_answer(question, mine, ours):
    setting = EN_STAR[0]
    assert (
        _scores(question, f"{setting} {mine}").specificity
        > _scores(question, f"{setting} {ours}").specificity
    )


@pytest.mark.parametrize(
    ("question", "keywords", "covered", "uncovered"),
    [
        (
            QuestionContext(
                text="동료와 협업하면서 의견이 달랐던 경험을 말씀해 주세요.",
                category="software_engineering",
                type="behavioral",
                language="ko",
                expected_keywords=("협업", "코드 리뷰", "합의", "테스트"),
            ),
            ("협업", "코드 리뷰", "합의", "테스트"),
            "작년 프로젝트에서 동료와 협업했고, 코드리뷰를 하다 의견이 갈렸습니다. 저는 "
            "테스트를 함께 돌려 보자고 제안했고, 결과를 보고 합의했습니다.",
            "작년 프로젝트에서 동료와 일했고, 회의를 하다 의견이 갈렸습니다. 저는 자료를 "
            "함께 보자고 제안했고, 결과를 보고 결정했습니다.",
        ),
        (
            QuestionContext(
                text="Tell me about a disagreement with a colleague.",
                category="software_engineering",
                type="behavioral",
                language="en",
                expected_keywords=("code review", "trade-off", "consensus", "test"),
            ),
            ("code review", "trade-off", "consensus", "test"),
            "Last year a colleague and I disagreed during a code review about a trade-off. I "
            "suggested we run the tests together, and we reached consensus on the results.",
            "Last year a colleague and I disagreed during a meeting about a design choice. I "
            "suggested we look at the data together, and we agreed on a decision.",
        ),
    ],
    ids=["ko", "en"],
)
def test_expected_keywords_raise_understanding(question, keywords, covered, uncovered):
    ctx = AnalysisContext(job_category=question.category)
    signals = analyze(question, covered, ctx)
    assert {m.term for m in signals.relevance.matched} == set(keywords)
    assert _scores(question, covered).understanding > _scores(question, uncovered).understanding


@pytest.mark.parametrize(
    ("question", "answer", "term"),
    [
        (
            QuestionContext(
                text="협업 과정에서 갈등을 해결한 경험을 말씀해 주세요.", language="ko"
            ),
            "작년에 협업하면서 생긴 갈등을 대화로 풀었습니다.",
            "갈등",
        ),
        (
            QuestionContext(text="How do you handle a backlog of customer tickets?", language="en"),
            "I sort the ticket backlog by age and customer impact.",
            "backlog",
        ),
    ],
    ids=["ko", "en"],
)
def test_without_expected_keywords_the_question_terms_stand_in(question, answer, term):
    signals = analyze(question, answer, AnalysisContext())
    assert signals.relevance.keyword_source == "question"
    assert term in {m.term for m in signals.relevance.matched}


@pytest.mark.parametrize(
    ("question", "work", "personal"),
    [
        (
            EN_QUESTION,
            " ".join(EN_STAR),
            "Last year at home my closet, my kitchen and my schedule were a mess. My friends "
            "always ask me to plan trips because I'm very organized. I sorted everything with "
            "color coding, and I keep to-do lists. It was a great result and I learned a lot.",
        ),
        (
            KO_QUESTION,
            " ".join(KO_STAR),
            "작년에 집에서 방 정리가 엉망이었던 적이 있습니다. 친구들이 저에게 여행 계획을 "
            "자주 부탁할 만큼 저는 꼼꼼한 성격입니다. 저는 모든 물건을 색깔별로 정리했습니다. "
            "결과가 좋았고 많이 배웠습니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_job_fit_prefers_work_evidence_over_personal_anecdotes(question, work, personal):
    assert _scores(question, work).job_fit > _scores(question, personal).job_fit


@pytest.mark.parametrize(("question", "sentences"), CASES, ids=["en", "ko"])
def test_a_two_sentence_answer_scores_lower_than_the_full_one(question, sentences):
    assert (
        _scores(question, " ".join(sentences[:2])).total
        < _scores(question, " ".join(sentences)).total
    )


@pytest.mark.parametrize(("question", "sentences"), CASES, ids=["en", "ko"])
def test_repeating_a_sentence_to_pad_the_answer_costs_logic(question, sentences):
    honest = " ".join(sentences)
    padded = " ".join([*sentences, *(sentences[1:2] * 5)])
    assert _scores(question, padded).logic < _scores(question, honest).logic


@pytest.mark.parametrize(
    ("question", "claims"),
    [
        (
            EN_QUESTION,
            "I'm really good at fixing problems because I'm very detail oriented and I never "
            "give up. I've fixed a lot of bugs in my career.",
        ),
        (
            KO_QUESTION,
            "저는 꼼꼼한 성격이라 장애를 잘 해결하는 편입니다. 항상 최선을 다하기 때문에 "
            "어떤 문제든 해결할 자신이 있습니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_claims_about_oneself_score_low_on_every_dimension(question, claims):
    scores = _scores(question, claims)
    assert scores.total < 35
    assert max(dataclasses.astuple(scores)) <= 12


def test_a_list_of_buzzwords_scores_lower_than_the_sentences_it_imitates():
    stuffed = (
        "API latency cache Redis index rollback postmortem monitoring Kubernetes Docker root "
        "cause incident alert on-call trace logging Postgres deploy pipeline 40% 200ms 3 weeks."
    )
    assert _scores(EN_QUESTION, stuffed).total < 30


@pytest.mark.parametrize(("question", "sentences"), CASES, ids=["en", "ko"])
def test_scores_stay_in_range_and_total_is_their_sum(question, sentences):
    for answer in (" ".join(sentences), "짧음.", "ok", "🙂 " * 30, " ".join(sentences) * 8):
        scores = _scores(question, answer[:5000])
        parts = dataclasses.astuple(scores)
        assert all(0 <= p <= 25 for p in parts)
        assert scores.total == sum(parts)


def test_a_senior_candidate_without_any_leadership_scores_lower_on_job_fit():
    answer = " ".join(EN_STAR)
    senior = _scores(EN_QUESTION, answer, user_level="senior")
    mid = _scores(EN_QUESTION, answer, user_level="mid")
    assert senior.job_fit < mid.job_fit

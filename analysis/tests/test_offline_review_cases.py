"""Inputs a reviewer wrote to break the typed-question and digression changes of 2026-12-07
(README "After review" under "Typed questions in other words"), kept as they were written: each
failed on the code the review read and holds now."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()

CASES = [
    pytest.param(
        "en",
        "Tell me about a time you rescued a project that was behind schedule.",
        (
            "In March our agency had six weeks left to rebuild a charity's donation site, and "
            "only the home page was done. The two developers were building every page by hand "
            "from the designer's mock-ups. We also paused the blog and the events pages, which "
            "the charity agreed could wait until summer. Separately, I set up a shared "
            "component library in Storybook so forms and buttons were built once.\n\nThe "
            "project went live two days before the appeal launched, and online donations were "
            "40% up on the previous appeal. Rescuing a project, I learned, starts with cutting "
            "what can wait."
        ),
        "padding",
        False,
        id="R1",
    ),
    pytest.param(
        "ko",
        "일정이 늦어진 프로젝트를 바로잡았던 경험을 말씀해 주세요.",
        (
            "작년 3월 저희 에이전시는 자선단체 후원 사이트를 6주 안에 새로 만들어야 했는데, "
            "완성된 것은 첫 화면뿐이었습니다. 개발자 두 명이 디자이너 시안을 보고 화면을 "
            "하나하나 손으로 만들고 있었습니다. 또한 블로그와 행사 페이지는 여름 이후로 "
            "미루기로 고객사와 합의했습니다. 이 외에도 스토리북으로 공통 컴포넌트 묶음을 "
            "만들어 입력 양식과 버튼을 한 번만 만들도록 했습니다.\n\n결국 프로젝트는 모금 "
            "캠페인 이틀 전에 공개되었고, 온라인 후원액은 지난 캠페인보다 40% 늘었습니다. "
            "늦어진 일정을 바로잡는 일은 미룰 수 있는 것을 먼저 덜어내는 데서 시작한다는 것을 "
            "배웠습니다."
        ),
        "padding",
        False,
        id="R3",
    ),
    pytest.param(
        "en",
        "Tell me about a time you handled a production incident.",
        (
            "Last March our checkout service started timing out for about 20% of customers on "
            "a Friday evening. I was on call, so I checked the dashboards, saw the database "
            "connection pool was exhausted, and rolled back that afternoon's release. I also "
            "played in a pub quiz league that winter and we won the cup. Within ten minutes "
            "errors were back under 0.1%. On Monday I wrote the incident review and we added "
            "an alert on pool usage, so the next time it climbed we caught it before customers "
            "noticed."
        ),
        "padding",
        True,
        id="T_hobby",
    ),
    pytest.param(
        "en",
        "Tell me about the most difficult situation you have faced in your career.",
        (
            "The hardest thing I faced was in my first year as a site engineer on a school "
            "extension, when the steel frame arrived with twelve beams cut 40 mm short. The "
            "erectors could not start, and every day of delay cost the contractor about "
            "£3,000. I measured every beam that morning, photographed the tags, and sent the "
            "fabricator a marked-up drawing by lunchtime. I then re-sequenced the programme so "
            "the brickwork on the other wing started early while the new beams were cut. The "
            "beams came back in four days, the frame was up a week later, and we lost only two "
            "days overall."
        ),
        "off_topic",
        False,
        id="F2",
    ),
    pytest.param(
        "ko",
        "업무 중 예상치 못한 문제가 발생했을 때 어떻게 처리했나요?",
        (
            "작년 여름 호텔 프런트에서 근무할 때 예약 시스템 오류로 같은 객실이 두 팀에게 중복 "
            "배정된 일이 발생했습니다. 늦은 밤 두 번째 손님이 도착했을 때 저는 먼저 사과드리고 "
            "로비 라운지로 안내한 뒤, 같은 등급의 객실이 남아 있는지 확인했습니다. 빈 객실이 "
            "없어서 근처 제휴 호텔에 바로 연락해 한 등급 높은 객실을 잡고, 택시비와 다음 날 "
            "조식을 저희 쪽에서 부담했습니다. 다음 날 아침 시스템 담당자에게 중복 배정 건을 "
            "넘겨 원인을 찾았고, 이후 같은 오류는 다시 생기지 않았습니다. 그 손님은 퇴실하면서 "
            "좋은 후기를 남겨 주셨습니다."
        ),
        "off_topic",
        False,
        id="KP2",
    ),
    pytest.param(
        "en",
        "Describe a time you had to lead a team that was struggling.",
        (
            "In my second year as a ward sister, the day team on our stroke unit was "
            "struggling: we had lost three nurses in two months and the rest were doing double "
            "shifts. Handovers ran forty minutes and medication rounds started late most "
            "mornings. I sat in on a week of handovers and saw that half the time went on "
            "patients who had not changed. I rewrote the handover sheet so each nurse only "
            "spoke about changes and risks, and I asked the matron for two bank nurses on our "
            "busiest days. I also enrolled in a pottery course at the community college that "
            "autumn. Within six weeks handovers took fifteen minutes, rounds started on time, "
            "and nobody else handed in their notice. I learned that a tired team needs time "
            "back before it needs a pep talk."
        ),
        "padding",
        True,
        id="E2_pottery_before_outcome",
    ),
    pytest.param(
        "en",
        "Tell me about a time you worked in a team.",
        (
            "Last winter four of us in the accounts office had to close the year-end books in "
            "nine days because our finance lead was off sick. We split the ledgers by "
            "supplier, paired up to check each other's reconciliations every afternoon, and "
            "kept a shared list on the whiteboard of what was blocked. When I finished my "
            "share early I helped a colleague with the payroll journals. Everyone signed off "
            "on day eight and the auditors raised no adjustments. I learned how much faster "
            "things go when everyone can see what the others are stuck on."
        ),
        "off_topic",
        False,
        id="TEAM1",
    ),
    pytest.param(
        "en",
        "Tell me about a feature you shipped that did not work as planned.",
        (
            "When I took over as shift lead at the distribution warehouse, our cycle counts "
            "kept coming up about 2% short on small electronics. I spent two weeks comparing "
            "the dispatch records with the goods-in log and found that returned orders were "
            "left on a pallet by the loading bay overnight and nobody booked them back in. I "
            "set up a returns cage next to goods-in, gave each loader a sign-off sheet for "
            "every pallet they moved, and asked the night courier to wait until the cage was "
            "locked. Within three months the count gap fell to 0.3%, about £6,000 a quarter, "
            "and the regional manager rolled the sheet out to two other sites."
        ),
        "off_topic",
        True,
        id="C1c_feature",
    ),
    pytest.param(
        "en",
        "How would you handle a request to give a new starter access to every shared drive?",
        (
            "At the IT helpdesk a partner at the law firm rang because her screen went black "
            "during a Zoom call with a client. I asked her to press the keyboard shortcut for "
            "the display, then talked her through checking the label on the docking station "
            "cable. The cable had come loose. I booked a visit, replaced the dock the same "
            "afternoon and put a note in our knowledge base so the rest of the desk could fix "
            "the same fault in five minutes. She wrote to my manager to say thanks."
        ),
        "off_topic",
        True,
        id="C3b_access",
    ),
    pytest.param(
        "en",
        "Tell me about a time you had to handle a difficult client.",
        (
            "As a buyer for a chain of garden centres, I had to cut the cost of our compost "
            "range by 8% without losing quality. I asked three vendors for quotes on the same "
            "specification, visited two of their plants, and found one could bag at our depot, "
            "which saved the haulage. I took that to our existing supplier, who matched it for "
            "a two-year contract. We saved £140,000 in the first year and the complaint rate "
            "on compost stayed below 0.5%."
        ),
        "off_topic",
        True,
        id="C4_client",
    ),
    pytest.param(
        "en",
        "How have you improved production output in a previous role?",
        (
            "At the bakery plant I supervised the bread line on nights. We were producing "
            "about 1,100 loaves an hour against a plan of 1,400, mostly because the slicer "
            "jammed every forty minutes and the whole line stopped. I logged every stop for a "
            "week, found that most jams came from loaves that were still warm, and moved the "
            "cooling rack so each loaf had eight more minutes before slicing. I also trained "
            "two operators to clear a jam in under a minute. Within a month we produced 1,420 "
            "loaves an hour and the overtime bill fell by a third."
        ),
        "off_topic",
        False,
        id="P2",
    ),
]


@pytest.mark.parametrize(("language", "question", "answer", "flag", "present"), CASES)
def test_the_review_inputs_are_judged_as_a_reader_would(language, question, answer, flag, present):
    asked = QuestionContext(text=question, category="custom", type="behavioral", language=language)
    context = AnalysisContext(job_category="custom", language=language)
    result = SERVICE.analyze_answer(asked, answer, context).to_result_fields()
    assert (flag in {f["code"] for f in result["flags"]}) is present

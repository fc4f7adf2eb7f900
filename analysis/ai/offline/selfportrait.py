"""What an answer says of the speaker rather than of the case: their character ("I am a
perfectionist by nature", "책임감이 강한 사람입니다"), the virtues they believe in, what others
call them ("people called me the fixer", "'해결사'라는 별명"), a boast that their instincts beat
any plan; and self-praise added at the end. All of it is padding wherever it stands: it shows
nothing the question asks about, so it is set aside before scoring and the ideal answer."""

from __future__ import annotations

import re

from .boasts import is_boast
from .sentence import TaggedSentence

_TIME = r"(?:next|following|same|day|week|month|morning|afternoon|evening|night|moment|minute|hour)"
_EN = re.compile(
    # Character: "I am a perfectionist by nature", "I've always been passionate about…".
    r"\bi(?:'m| am|'ve always been| have always been)\b(?: \w+){0,3}? (?:perfectionist|"
    r"people person|team player|hard[- ]worker|fast learner|quick learner|self-starter|"
    r"workaholic|go-getter|natural(?:-born)? \w+)\b|"
    r"\bby nature\b|\bsince (?:childhood|i was (?:a child|a kid|little|young))\b|"
    r"\bi(?:'m| am|'ve always been| have always been| was always)\b[^.]{0,30}\bpassionate\b|"
    # The virtues one believes in: "dedication, integrity and hard work are what make…".
    r"\b(?:dedication|integrity|hard work|passion|commitment|perseverance|work ethic)\b[^.]{0,60}"
    r"\b(?:is|are) what (?:makes?|made|sets?)\b|"
    # What others call one: "people at my last job called me the human spellchecker".
    r"\b(?:people|everyone|everybody|colleagues|co-?workers|friends|peers|they|my (?:team|"
    r"teammates|colleagues|co-?workers|peers|friends|manager|boss))\b[^.;]{0,40}"
    r"\b(?:call(?:ed|s)?|nicknamed|dubbed) me "
    r"(?:['\"\u2018\u201c]|(?:the|a|an) (?!" + _TIME + r"\b))|"
    r"\bmy nickname\b|"
    r"\bi(?:'m| am| was| became| got)(?: \w+)? (?:known|famous|renowned) (?:as|for) (?:being )?"
    r"(?:the|a|an)\b|"
    # Instinct over method: "my instincts are better than any test plan".
    r"\bmy (?:instincts?|gut|intuition)\b[^.]{0,20}\bbetter than\b|"
    r"\bi(?:'m| am)\b[^.]{0,30}\bbetter than any\b"
)
_KO = re.compile(
    r"완벽주의|(?:저는|제가) [^.]{0,30}타고난|타고난 [^.]{0,15}(?:입니다|이며|이고)|"
    r"천성(?:이|적으로)|(?:저는|제가) (?:어릴 때|어려서|어린 시절)부터|"
    r"(?:책임감|성실함|끈기|열정|꼼꼼함|인내심)(?:이|만큼은|과 [가-힣]+(?:이|만큼은))? "
    r"(?:강(?:하|한|해)|넘치|남다르|누구에게도|뛰어나)|"
    r"(?:책임감|성실함|열정|끈기|정직)(?:[과와,] ?[가-힣]+)*[이가은는] [^.]{0,20}"
    r"(?:가장 중요|최고의 덕목|만든다고)|"
    r"제 (?:가장 큰 )?(?:장점|강점|좌우명)은|저는 [^.]{0,40}(?:사람|성격|타입)입니다|"
    # A name others use: "…라고 불렸습니다", "'해결사'로 불립니다" (not "따로 불러", calling one
    # aside, which is a step).
    r"별명|라고 불(?:렀|렸|러|립|린|리는|리곤)|(?:으)?로 불(?:렸|립|린|리는|리곤)|"
    r"소리를 (?:자주|늘|항상|많이) 듣|"
    r"저를 [^.]{0,30}(?:라고|['\"\u2019\u201d](?:으)?로) (?:부르|부릅|불렀|불러|말합|말했|칭찬)|"
    r"말을 (?:자주|늘|항상|많이) 듣|"
    r"제 (?:감|직감|촉|눈)(?:이|은) [^.]{0,20}보다 (?:낫|뛰어나|정확)"
)
# One closing boast is self-praise enough ("the most thorough … you will interview").
_BOAST = re.compile(
    r"\b(?:i'm|i am)\b[^.]{0,40}\bthe (?:most|best|strongest|greatest)\b|"
    r"you(?:'ll| will) ever (?:meet|interview|hire|work with)|"
    r"\bnever (?:once )?(?:lost|failed|missed)\b|nothing (?:ever )?goes wrong|"
    r"누구보다|최고의 [가-힣]+(?:입니다|이며|이고|라고)|제가 최고"
)


# A question about the speaker ("What is your greatest strength?", "장점과 단점을 말씀해 주세요",
# "How would your colleagues describe you?"): there the self-portrait is the answer.
# So is one about what the speaker is proud of, was praised for, or why they chose this work:
# there a distinction, a childhood interest or praise heard is the answer, not padding.
_ASKS_ABOUT_SPEAKER = re.compile(
    r"\b(?:strengths?|weakness(?:es)?|yourself|personality|describe you|call you|kind of person|"
    r"motto|achievements?|accomplishments?|proud|proudest|awards?|praised?|motivat\w*|passion|"
    r"why (?:do you want|should we|did you (?:choose|become|decide))|"
    r"why (?:this|our) (?:job|role|career|field|company|profession))\b|"
    r"장점|단점|강점|(?<!취)약점|자기소개|자신을 소개|본인을 소개|성격|어떤 사람|좌우명|별명|"
    r"성취|자랑|수상|칭찬|지원(?:한|하신|하게 된)? ?(?:동기|이유|계기)|"
    r"관심을 (?:갖게|가지게) 된|계기",
    re.IGNORECASE,
)


def asks_about_speaker(question: str) -> bool:
    return bool(_ASKS_ABOUT_SPEAKER.search(question))


def is_self_portrait(t: TaggedSentence, language: str) -> bool:
    """A sentence about the speaker's character or name among others, with no step of their own
    in it ("I am meticulous, so I checked every figure twice" keeps its step); or one that
    brings in a boast from outside the case (boasts.py), step or not."""
    text = t.text if language == "ko" else t.text.lower()
    if is_boast(t.text, language):
        return True
    return "action" not in t.phases and bool((_KO if language == "ko" else _EN).search(text))


def set_aside(tagged: list[TaggedSentence], language: str) -> set[int]:
    """Positions of the sentences about the speaker, not the case: a self-portrait anywhere, and
    self-praise at the end (two sentences of it, or one closing boast). Nothing when that would
    leave nothing."""
    portrait = {k for k, t in enumerate(tagged) if is_self_portrait(t, language)}
    tail = 0
    for k in range(len(tagged) - 1, -1, -1):
        t = tagged[k]
        # Self-praise stays self-praise when a verb of doing slips in ("…on any ward I work on").
        told = {"result"} if t.claim and not t.numbers else {"action", "result"}
        if k in portrait or ((t.claim or t.opinion or t.personal) and not (told & t.phases.keys())):
            tail += 1
        else:
            break
    out = set(portrait)
    boast = bool(tail) and bool(_BOAST.search(tagged[-1].text.lower()))
    if tail >= 2 or (tail == 1 and boast):
        out |= set(range(len(tagged) - tail, len(tagged)))
    return out if len(out) < len(tagged) else set()

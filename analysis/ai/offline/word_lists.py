"""The word lists the light morphology reads Korean and English with: the pieces a Korean word
ends with, stopwords, the words questions are asked with, and the words that frame a question
rather than name its subject."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Pieces a Korean word may end with after its stem: particles, the 하다/되다/시키다 family and
# verb endings. A chain of up to five pieces ("하" + "겠" + "습니다") is a valid ending.
KO_PARTICLES = _words(
    """이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 로 으로 로서 으로서 로써 으로써
    와 과 랑 이랑 하고 도 만 까지 부터 보다 처럼 마다 조차 마저 밖에 뿐 대로 나 이나 든지
    라도 이라도 이며 며 이고 라고 이라고 라는 이라는 란 이란 인데 이다 입니다 였 이었
    이지만 에는 에도 엔 에선 론 으론 로부터 으로부터 만큼 들 씩 이라서 라서 이므로 별 간"""
)
KO_VERBAL = _words(
    """하 했 해 한 할 함 합 하자 되 됐 돼 된 될 됨 됩 시키 시켰 시켜 시킨 시킬 시킵 받 받았
    드리 드렸 드린 드릴 드립 드려 해드 해주 주었 줬 해야"""
)
KO_ENDINGS = _words(
    """다 고 며 면 면서 서 어서 아서 여서 어 아 여 는 은 을 기 게 지 지만 는데 은데 도록 니다
    습니다 었 았 였 겠 려고 려면 려는 자고 던 요 죠 시 셨 세요 어요 해요 에요 예요 이에요 기에
    기로 기도 므로 으므로 니까 으니까 러 다가 다는 다고 나요 까요 거나 어야 아야 야 습니까
    십니까 까 는지 은지 을지 던지"""
)
KO_PIECES = KO_PARTICLES | KO_VERBAL | KO_ENDINGS

EN_STOPWORDS = _words(
    """a an the and or but if then so as at by for from in into of on onto to with without about
    above after before between during over under up down out off again further once here there
    when where why how what which who whom whose this that these those am is are was were be been
    being have has had having do does did doing i me my myself we our ours us you your yours he
    him his she her it its they them their theirs would could should will shall may might must can
    not no nor only own same too very just also than such both each few more most other some any
    all very really quite s t don didn doesn isn wasn aren weren won wouldn couldn shouldn i'm i've
    i'd i'll we're we've we'd it's that's there's let's one get got make made like much many well
    tell describe walk explain give example time times way ways thing things something anything
    everything across within among through against toward towards while whether around
    same new different certain specific particular ever even yet still already else rather
    another despite though although actually sure"""
)
# A syllable that closes with the past tense's ㅆ ("었", "했", "됐", "쟀", "왔"), not the future's
# "겠": a character class, for the patterns that tell what happened from what would be done.
KO_PAST_SYLLABLE = (
    "[" + "".join(chr(c) for c in range(0xAC00 + 20, 0xD7A4, 28) if chr(c) != "겠") + "]"
)
# "적" of "한 적", "해본적": after a space or a syllable ending in ㄴ (the adnominal), not the end
# of a noun ("지적", "목적", "실적"). A look-behind, for the patterns that find "…한 적이 있".
KO_BOUND_JEOK = "(?<=[ " + "".join(chr(0xAC00 + 28 * i + 4) for i in range(399)) + "])"

KO_STOPWORDS = _words(
    """저 저는 제가 제 저희 우리 그 이 것 수 등 때 및 또 또는 그리고 하지만 그래서 그런데 정말
    너무 아주 매우 좀 잘 더 가장 많이 있 없 하다 되다 같 위해 통해 대해 대한 관련 경우 부분
    이런 그런 어떤 어떻게 무엇 무엇을 왜 말씀 주세요 설명 하시겠습니까 있으신가요 있나요 본인
    어느 얼마나 각 해당 여러 다른 이후 당시 먼저 우선 다음 그다음 마지막 정도 때문 생각 있습니다
    합니다 했습니다 하겠습니다 것입니다 있었습니다 있는 있을 없는 특정 크게 갑자기 계속
    새로 새로운 결국 가끔 아무 그대 그걸 아닌 위한 지금 현재 그때"""
)
# Question phrasing that says nothing about the topic ("Tell me about a time you...").
EN_QUESTION_WORDS = _words(
    """approach handle deal situation experience describe share talk tell walk explain give want
    imagine suppose someone team work job role do did would could say think know happen"""
)
KO_QUESTION_WORDS = _words(
    """경험 상황 방법 사례 역할 본인 직접 어떻게 하셨는지 하시겠습니까 있으신가요 말씀 궁금
    설명 대응 생각 이유 무엇 어떤 주세요 있습니까 하셨나요 보시겠습니까 하실 구체적 구체적인"""
)


# Words of a question that frame its topic without naming it ("a time you dealt with…", "업무
# 중에…", "potentially"): never quoted as a key term the answer left out, nor counted in its
# coverage. Topicality weighs them as it weighs any other word of the question, but finds no
# related words for them ("dealt" is no "deal").
QUESTION_FRAMING = _words(
    """dealt faced caught took going find found meet potentially possibly likely suddenly recently
    now large big huge small major minor serious show showed demonstrate demonstrated
    대처 처리 진행 발생 업무 발휘 극복 많은
    중에 전에 후에 직전 직후 도중 동안 한꺼번 한꺼번에"""
)


# Words any two stories share: counts, order and time ("two", "last", "summer", "두", "작년").
# They say nothing about whether a stretch of text continues the answer's subject.
EVERYDAY_WORDS = (
    "one two three four five six seven eight nine ten first second third last next each both every "
    "twenty thirty forty fifty hundred percent "
    "day week month year summer winter spring autumn fall morning night later earlier ago "
    "한 두 세 네 첫 작년 올해 지난 다음 이번 여름 겨울 봄 가을 아침 저녁 매주 매일 이후 당시"
)
# A rank ("among the lowest in the region", "지역 최하위") says how the subject stood, not what it
# was: an answer to another question from the same job says "the lowest in the area" of
# something else.
RANK_WORDS = (
    "lowest highest best worst biggest largest smallest "
    "최하위 최하위권 최상위 최상위권 하위권 상위권 꼴찌 낮은 높은"
)

# "honestly" fills or hedges where it opens what is said ("Honestly, …"); after a verb it says
# how ("I'd tell my leadership honestly").
EN_HONESTLY = r"(?<![a-z] )honestly|honestly(?=\s*,)"

"""What the answer is, before how good it is: text addressed to the evaluator, repeated
sentences, fillers, insults, the other language (see topicality.py for which sentences answer
the question asked).

`screen` runs on the raw text and returns the sentences worth scoring plus what was set aside;
`judge_relevance` decides, sentence by sentence, which of them answer *this* question. Both are
lexical and deterministic: a question's topic terms (its own words, expected keywords, and a
small thesaurus of interview concepts in both languages) against each sentence, with a sentence
that shares the answer's core vocabulary counted as part of the same answer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .text import (
    content_stem,
    detect_language,
    split_paragraphs,
    split_sentences,
    tokens,
)

# --- text addressed to the evaluator -------------------------------------------------------

# Always an instruction to whoever scores the answer, never part of an answer: an order to drop
# the rules, a score written as output, a fake turn of a conversation, a scorer addressed by
# what it is ("if an automated system is scoring this", "이 답변을 평가하는 AI").
_DIRECTED_STRONG = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|rules|messages?)|"
    r"(?:disregard|ignore|override|skip) (?:the |your |all |any )?(?:scoring|grading|rubric|rules|"
    r"instructions?|criteria)|system (?:note|prompt|message|instruction)|"
    r"\bassistant\s*:|\byou are now\b|\bas an ai\b|^\W*system\s*:|</?answer>|<\|?im_(?:start|end)|"
    r"(?:output|return|print|respond with|set) (?:a |the )?(?:total|score|scores|grade)\b|"
    r"\b(?:final |total )?(?:score|grade)\s*=\s*\d+|\b(?:final|total) (?:score|grade)\s*:\s*\d+|"
    r"\bnew rubric\s*:|\brubric (?:is|has been) (?:deprecated|void|obsolete|replaced|cancell?ed)|"
    r"\b(?:evaluation|grading|scoring|marking) (?:rubric|criteria|rules) (?:has|have) been "
    r"(?:updated|changed|revised|amended)\b|"
    r"\b(?:receives?|gets?|earns?) (?:a )?(?:100|full marks|the maximum)\b[^.]{0,30}"
    r"\b(?:every|each|all) (?:category|categories|dimension|criteri)|"
    r"\bif (?:an? |the )?(?:ai|automated \w+|language model|llm|bot|model|grader|scorer|"
    r"machine)\b[^.]{0,30}\b(?:scoring|grading|evaluating|reviewing|reading|assessing) "
    r"(?:this|my|me)\b|"
    r"\b(?:output|print|return|write) ['\"]?\w+['\"]? for (?:every|each|all) "
    r"(?:category|dimension|criteri)|"
    r"\b25\s*/\s*25\b|\b100\s*/\s*100\b|\b10\s*/\s*10\b|\bfull marks\b|"
    r"\b(?:score|rate|grade|mark) (?:it|this|me|this answer) (?:a |an )?\d+\b|"
    r"\btotal (?:of )?100\b|"
    r"시스템 ?(?:안내|지시|메시지|프롬프트|공지)|이전 지시|앞의 지시|지시(?:를|사항을|는)? ?"
    r"(?:모두 )?(?:무시|잊)|프롬프트|"
    r"(?:채점|평가|심사) ?(?:기준|규칙|지침)[은는을를이가]? ?(?:모두 )?(?:무시|폐기|잊|적용하지)|"
    r"(?:이전|기존) (?:채점|평가) ?(?:규칙|기준|지침)[은는이가]? ?(?:폐기|무효|취소)|"
    r"새 (?:채점 |평가 )?(?:규칙|기준) ?:|"
    r"(?:총점|점수|total)[을를은는]? ?\d+ ?(?:점)?(?:을|으로|로)? ?"
    r"(?:출력|부여|주십|줘|주세요|매겨)|"
    r"\d+ ?점 이상(?:으로|을)? ?(?:매겨|주|부여|처리)|"
    r"만점(?:을)? ?(?:주|부여|출력|부탁|처리)|최고 ?등급으로|"
    r"이 (?:답변|글|응답)을 (?:평가|채점|검토|읽)(?:하는|는) (?:ai|모델|인공지능|시스템)|"
    r"모든 (?:항목|기준|영역)에 ?\d+ ?점|모든 (?:항목|기준|영역)[을를은는]? ?(?:최고점|만점)|"
    # A note or a rule change for a machine that grades: "※ 채점 담당 AI 참고", "### 평가 지침
    # 변경 ###", "Note for the AI scoring this answer", "the model grading this".
    # ("성과 평가 시스템을 도입했습니다" and "평가 기준 변경 이후" are answers: a machine is
    # addressed by what it does to this answer, a rule change announced as a heading.)
    r"(?:채점|평가|심사|검토) ?(?:을 |를 )?(?:담당(?:하는|하시는)?|맡은|중인) ?"
    r"(?:ai|모델|인공지능|llm|gpt|시스템)|"
    r"(?:채점|평가|심사|검토)(?: ?하는| ?하시는)? ?(?:ai|인공지능|llm|gpt)(?![a-z])|"
    r"(?:평가|채점|심사) ?(?:지침|기준|규칙) ?(?:변경|수정|갱신|업데이트) ?:|"
    r"(?:개선점|약점|보완점|피드백)[은는을를이가]? ?['\"\u2018\u201c]?없음['\"\u2019\u201d]?"
    r"(?:으로|이라고) ?(?:출력|표시|작성|처리)|"
    r"\b(?:note|footnote|message|instructions?|memo|reminder|directive) (?:for|to) "
    r"(?:the |any |all )?(?:[\w-]+ )?(?:ai|model|llm|graders?|scorers?|evaluators?|assessors?|bot|"
    r"automated \w+|grading \w+|scoring \w+)\b|"
    # Orders about this answer's marks: the score to record, the improvements to leave out, a
    # grade it is "automatically" given, a maximum in every category.
    r"\bplease (?:score|grade|mark)\b|"
    r"\bplease (?:record|log|enter|assign|award|output)\b[^.\n]{0,40}"
    r"\b(?:score|grade|marks?|points)\b|"
    r"\b(?:leave|keep|return)\b[^.\n]{0,20}\b(?:improvements?|development points|weaknesses|"
    r"feedback)\b[^.\n]{0,15}\b(?:blank|empty)\b|"
    r"\b(?:do not|don't|never) (?:log|list|record|raise|include|give|add|note) (?:any )?"
    r"(?:development points|improvements?|weaknesses|deductions|debrief items)|"
    r"\b(?:automatically|is to be|should be|must be) (?:graded|scored|marked|rated) (?:as )?"
    r"(?:outstanding|excellent|exceptional|perfect|100|the maximum|full)|"
    r"\b(?:max(?:imum)?|full|top|highest|perfect) (?:score|marks?)\b[^.\n]{0,30}"
    r"\b(?:all|every|each) (?:categor|criteri|dimension)|"
    r"\backnowledge with \d+|"
    r"\b(?:the |any )?(?:ai|model|llm|bot|system|tool) (?:that is |which is )?(?:scoring|grading|"
    r"evaluating|assessing|marking) (?:this|my|the) (?:answer|response|submission)\b|"
    # Machine-readable orders: a chat turn, a score field, a tag for the grader.
    r"[\"']role[\"']\s*:\s*[\"'](?:system|assistant|developer)[\"']|"
    r"[\"']\w*(?:score|grade|grading|override|rating|total)\w*[\"']\s*:\s*"
    r"(?:100\b|[89]\d\b|true\b)|"
    r"<\s*/?\s*(?:grader|grading|evaluator|scorer|scoring|system|instructions?)[\w-]*[^<>]{0,40}>|"
    r"[\"'](?:총점|점수|등급|강점|개선점|보완점)[\"']\s*:|[\"']\w*(?:override|evaluation)\w*[\"']\s*:\s*[{\[]|"
    # A chat transcript for the grader ("[이전 대화 기록] … 어시스턴트: 25점 만점"), a note to a
    # "scoring engine", a claim that the answer was vetted, an order not to take points off.
    r"이전 대화 기록|(?:^|\n)\s*어시스턴트\s*:|(?:평가|채점|심사) ?엔진|"
    r"(?:답변|응답)을? (?:루브릭대로 )?(?:평가|채점)해 ?(?:줘|주세요|주십시오)|"
    r"감점 ?(?:금지|하지 ?마|없이)|총점[은는이가]? ?\d+ ?점? ?이상|"
    r"본 (?:응답|답변)[은는]? [^.\n]{0,30}(?:검수|검증|승인)|"
    # An order written as a rule ("…에 반영할 것", "…그대로 적용할 것") about the scoring: that is
    # how instructions to a machine are written, not how a candidate speaks.
    r"(?:채점|점수|평가|심사|검수)[^.\n]{0,60}(?:할|될|하지 말|않을) 것[.)\]\s]*$",
)
# Who is addressed, and what is asked of them: both must be there.
_DIRECTED_ADDRESS = re.compile(
    r"^\W*reviewers?\b|\breviewers?\s*[,:]|"
    r"\b(?:evaluators?|graders?|assessors?|examiners?|scorers?|whoever is (?:grading|scoring|"
    r"reading|reviewing)|dear (?:reviewer|interviewer|ai|model)|to the (?:ai|model|reviewer)|"
    r"this (?:answer|response|submission))\b|"
    r"(?:채점자|평가자|평가 ?담당자|심사위원|면접관|검토자)(?:님|분)?(?:께|에게|께서|은|는|님|분)|"
    r"(?:이 (?:답변|글|응답)을? )?(?:검토|평가|채점)하?(?:시는|는) 분|"
    r"이 (?:답변|글|응답)(?:에|은|을|에게)",
)
# A demand for a score: a high mark, or a request ending ("주세요", "바랍니다") on a grade.
_DIRECTED_DEMAND = re.compile(
    r"\b(?:highest|maximum|max|perfect|top|full|best) (?:score|mark|marks|grade|rating)s?\b|"
    r"\b(?:give|rate|score|mark|grade|award|assign)\b[^.]{0,30}\b(?:25|100|full|highest|"
    r"maximum|perfect|top|excellent)\b|\bmodel answer\b|\bevery (?:criterion|point you|category)|"
    r"\b(?:deserves?|merits?) (?:full|the (?:highest|maximum|top))|"
    r"최고점|만점|최고 ?점수|\d+ ?점을? (?:주|부여)|\d+ ?점 이상|모범 ?답안|"
    r"모든 기준을 충족|(?:점수|등급|판정|매우 우수|최고|합격)[^.]{0,20}"
    r"(?:주세요|주십시오|주시기|주시면|줘|바랍니다|부탁)",
)
# What the continuation of an instruction talks about: a sentence right after text addressed to
# the evaluator that is about scores is part of it ("SYSTEM: … New rubric: … receives 100").
_SCORING_TALK = re.compile(
    r"\b(?:score|scores|scoring|grade|grading|rubric|rating|marks?|points?|total|category|"
    r"categories)\b|점수|채점|총점|만점|등급|\d+ ?점|규칙|total|출력|루브릭|검수|보완할|"
    r"개선점|약점",
)
# A fenced header ("### … ###") is a span of its own, like a bracket.
# An HTML comment is never said to an interviewer: it is hidden text for a machine.
_HTML_COMMENT = re.compile(r"<!--[\s\S]{0,1000}?-->")
_BRACKETED = re.compile(
    r"\[[^\[\]]{0,600}\]|\([^()]{0,600}\)|\{[^{}]{0,600}\}|#{2,}[^#\n]{1,600}#{2,}|"
    r"<([a-z_][\w-]{0,40})[^<>]{0,80}>[^<>]{0,600}</\1\s*>",
    re.IGNORECASE,
)


# Text for a parser, not for an interviewer: a fenced code block, a front-matter or rule-fenced
# block, a markdown table, a `snake_case_key: value` line. Set aside when it is about the
# scoring ("scoring_policy: skip_deductions", "| 구체성 | 만점 |"); any other such block stays.
_MACHINE_BLOCK = re.compile(
    r"```[\s\S]{0,1500}?```|(?m:^[ \t]*-{3,}[ \t]*\n[\s\S]{0,1500}?\n[ \t]*-{3,}[ \t]*$)|"
    r"(?m:(?:^[ \t]*\|.*\|[ \t]*(?:\n|$)){2,})|"
    r"(?m:^.*\b[a-z][a-z0-9]*_[a-z0-9_]+\s*[:=].*$)"
)
_BLOCK_SCORING = re.compile(
    r"scor(?:e|es|ed|ing)|\bgrad(?:e|es|ed|ing|er|ers)\b|rubric|\beval|assessor|criteri|"
    r"deduction|채점|점수|만점|총점|감점|심사|평가|검수"
)


def is_directed(text: str) -> bool:
    """Whether `text` speaks to the evaluator rather than to the question. The patterns are
    lower-case and run on lower-cased text (IGNORECASE over these alternations is slow)."""
    low = text.lower()
    return bool(
        _DIRECTED_STRONG.search(low)
        or (_DIRECTED_ADDRESS.search(low) and _DIRECTED_DEMAND.search(low))
    )


def continues_directed(text: str) -> bool:
    """Whether `text`, right after text addressed to the evaluator, carries on with it: it talks
    about scores and asks for something or states a score."""
    low = text.lower()
    if _CHAT_TURN.match(low):
        return True  # the transcript goes on
    return bool(_SCORING_TALK.search(low)) and (
        bool(_DIRECTED_DEMAND.search(low) or re.search(r"\d|없습니다|없음|none", low))
    )


def _shouting(text: str) -> bool:
    """Latin letters, none of them lower-case: a telex, a header, not speech."""
    return bool(re.search(r"[A-Z]", text)) and not re.search(r"[a-z]", text)


def _header_like(text: str) -> bool:
    """A short line that heads a message ("FROM: SCORING ADMIN", "ACARS UPLINK /EVAL")."""
    return len(text.split()) <= 8 and (
        _shouting(text) or text.rstrip().endswith(":") or bool(_SCORING_TALK.search(text.lower()))
    )


def _directed_sentences(pairs: list[tuple[str, int]]) -> list[bool]:
    """Which (sentence, paragraph) pairs are addressed to the evaluator: those that say so, the
    ones right after that carry on with it (or go on in the same capitals), and the header lines
    of the same paragraph right before it."""
    flags: list[bool] = []
    for i, (sentence, p) in enumerate(pairs):
        previous = bool(flags) and flags[-1] and pairs[i - 1][1] == p
        flags.append(
            is_directed(sentence)
            or (bool(flags) and flags[-1] and continues_directed(sentence))
            or (previous and _shouting(sentence))
        )
    for i in range(len(pairs) - 1, 0, -1):
        j = i - 1
        if flags[i] and not flags[j] and pairs[j][1] == pairs[i][1] and _header_like(pairs[j][0]):
            flags[j] = True
    return flags


_CHAT_TURN = re.compile(r"^\W*(?:사용자|어시스턴트|user|assistant|system|시스템)\s*:")


# --- fillers, insults, register ------------------------------------------------------------

# A particle written after a Latin word or a number ("CI에", "API에서" is not "에") is no filler.
_KO_FILLER = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:음+|어+|그러니까|뭐랄까|저기|막|아+|에+|으+음|"
    # A word searched for aloud ("뭐지,", "뭐더라,") is a filler; asked, it is a question.
    r"뭐(?:지|더라|였지|냐)(?=\s*[,…]))(?![가-힣])[,.…]*\s*"
)
_EN_FILLER = re.compile(r"\b(?:um+|uh+|erm+|you know|i mean|like,)\s*[,…]*\s*", re.IGNORECASE)
# Insults and contempt that the profanity filter lets through: they are not swear words, but
# an interviewer hears them.
# Words for people that only put them down, and judgements of people (not of things: "the
# dashboard was useless" is not an insult, "useless colleagues" is).
_PEOPLE_EN = (
    r"(?:people|person|customers?|clients?|callers?|users?|colleagues?|co-?workers?|managers?|"
    r"team|teammates?|guys|folks|staff|devs|developers?|engineers?|interns?|agents?|reps?|"
    r"salespeople|account managers?|bosses|boss|vendors?|candidates?)"
)
_EN_INSULT = re.compile(
    r"\b(?:idiots?|idiotic|morons?|moronic|imbeciles?|dumbass(?:es)?|whin(?:ing|er|ers|e)|"
    r"whing(?:e|es|ing|er|ers)|(?:the )?brains? of an? \w+|"
    r"losers?|clueless|brain-?dead|retards?|retarded|clowns?|fools|freeloaders?|"
    r"liars|leech(?:es)?|parasites|halfwits?|nitwits?|numpties|brats?|cry-?bab(?:y|ies)|(?<!-)jerks?|"
    r"incompetent|"
    rf"(?:stupid|dumb|lazy|useless|pathetic|worthless|entitled|ignorant) {_PEOPLE_EN}|"
    # … or said of them: "users who give up at step two are lazy and stupid".
    rf"{_PEOPLE_EN}\b[^.;]{{0,40}}\b(?:are|were|is|was)(?: just| simply| really| so| all)? "
    r"(?:\w+,? (?:and|or) )?(?:stupid|dumb|lazy|useless|pathetic|worthless|idiots|morons))\b"
)  # lower-case: run on lower-cased text
_KO_INSULT = re.compile(
    r"진상|멍청|바보같|바보 같|한심한|한심해|한심하|무식한|무식해|또라이|꼰대|찌질|떠들지|떠들어|"
    r"개념 ?없는|무개념|짜증나는 (?:고객|사람|동료)|머리가 (?:나쁜|나빠|나쁘)|돌대가리|꼴통|"
    r"무능(?:한|해|하고|력한)|떼(?:를)? ?쓰|생떼|징징|양아치|쓰레기 ?같|거지 ?같|"
    r"말귀를 못 알아|수준 (?:낮은|이하)|게을러 ?빠진|"
    r"게으른 (?:사람|직원|동료|팀원|고객|사람들)|"
    # Contempt for people without a swear word: an empty head, people as "녀석들"/"놈들", a
    # business "말아먹은", a request called begging, "X 하나 제대로 못 …" of people, people to be
    # set straight ("정신 차리게 하겠습니다").
    r"머리(?:가)? ?(?:텅 ?)?빈|(?<![가-힣])(?:그|이|저|그런|이런|저런) (?:녀석|놈)들?|놈들|"
    r"말아먹|구걸|"
    r"하나 (?:제대로|똑바로) 못 [^.]{0,12}(?:들|사람|직원|사장|애)[이가은는을를의]?(?![가-힣])|"
    r"정신(?:을)? ?차리게 (?:하|만들|해)"
)


def has_insult(text: str) -> bool:
    return bool(_EN_INSULT.search(text.lower()) or _KO_INSULT.search(text))


# 반말 sentence endings ("했어", "할 거야", "했지"): no 요, no 니다.
_KO_BANMAL = re.compile(
    r"(?:거야|했어|였어|었어|았어|할게|했지|하자|잖아|거든|는데|했다고|이야|냐|니)[.!?…\"']*$"
)
_KO_POLITE_END = re.compile(r"(?:니다|니까|요|죠)[.!?…\"']*$")


@dataclass
class Screen:
    """What `screen` found and what it kept."""

    answer_language: str
    sentences: list[tuple[str, int]]  # (sentence, paragraph) worth scoring, in order
    directed: int = 0  # spans or sentences addressed to the evaluator, set aside
    directed_texts: list[str] = field(default_factory=list)
    cleaned: str = ""  # the answer without the text addressed to the evaluator
    repeats: int = 0  # sentences dropped as repeats of an earlier one
    max_repeat: int = 1  # how often the most repeated sentence appears
    fillers: Counter[str] = field(default_factory=Counter)
    insults: list[str] = field(default_factory=list)
    banmal: int = 0
    polite: int = 0
    total_sentences: int = 0


def _signature(sentence: str) -> frozenset[str]:
    return frozenset(s for s in map(content_stem, tokens(sentence)) if s)


def screen(text: str, *, hint: str) -> Screen:
    """Sets aside evaluator-directed text, repeated sentences and fillers; finds insults."""
    language = detect_language(text, default=hint)
    directed = 0

    directed_texts: list[str] = []

    def drop_bracketed(m: re.Match[str]) -> str:
        nonlocal directed
        if is_directed(m.group(0)):
            directed += 1
            directed_texts.append(m.group(0))
            return " "
        return m.group(0)

    def drop_comment(m: re.Match[str]) -> str:
        nonlocal directed
        directed += 1
        directed_texts.append(m.group(0))
        return " "

    def drop_block(m: re.Match[str]) -> str:
        if _BLOCK_SCORING.search(m.group(0).lower()):
            return drop_comment(m)
        return m.group(0)

    text = _HTML_COMMENT.sub(drop_comment, text)
    text = _MACHINE_BLOCK.sub(drop_block, text)
    text = _BRACKETED.sub(drop_bracketed, text)
    pairs: list[tuple[str, int]] = []
    for p, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(paragraph):
            pairs.append((sentence, p))
    out = Screen(
        answer_language=language,
        sentences=[],
        directed=directed,
        directed_texts=directed_texts,
    )
    out.total_sentences = len(pairs)
    kept_raw: dict[int, list[str]] = {}
    seen: list[frozenset[str]] = []
    counts: Counter[frozenset[str] | str] = Counter()
    for (sentence, p), directed_here in zip(pairs, _directed_sentences(pairs), strict=True):
        if directed_here:
            out.directed += 1
            out.directed_texts.append(sentence)
            continue
        kept_raw.setdefault(p, []).append(sentence)
        filler_re = _KO_FILLER if language == "ko" else _EN_FILLER
        found = [m.group(0).strip(" ,.…").lower() for m in filler_re.finditer(sentence)]
        if found:
            out.fillers.update(found)
            sentence = filler_re.sub("", sentence).strip()
            sentence = sentence[:1].upper() + sentence[1:] if language == "en" else sentence
        if not re.search(r"\w", sentence):
            continue
        if language == "ko":
            out.insults.extend(m.group(0) for m in _KO_INSULT.finditer(sentence))
        else:
            out.insults.extend(m.group(0) for m in _EN_INSULT.finditer(sentence.lower()))
        if language == "ko":
            out.banmal += bool(_KO_BANMAL.search(sentence))
            out.polite += bool(_KO_POLITE_END.search(sentence))
        # A repeat is the same sentence, or one with the same content words (near-verbatim).
        key = _signature(sentence)
        plain = re.sub(r"\W+", " ", sentence.lower()).strip()
        duplicate = plain in counts or (
            len(key) >= 3 and any(len(key & k) / len(key | k) >= 0.85 for k in seen)
        )
        counts[plain] += 1
        if duplicate:
            out.repeats += 1
            continue
        seen.append(key)
        out.sentences.append((sentence, p))
    out.max_repeat = max([1, *counts.values()])
    out.cleaned = "\n\n".join(" ".join(ss) for ss in kept_raw.values())
    out.insults = list(dict.fromkeys(i.lower() if language == "en" else i for i in out.insults))
    return out

"""Discourse markers an interviewer listens for, per language.

Each family is one compiled regex, matched per sentence (English sentences are lower-cased
first). The families
are deliberately about *how* an answer is told (situation, action, result, reasoning, vagueness),
not about any particular question, so they carry over to questions the bank does not contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import KO_PAST_SYLLABLE


def _en(pattern: str) -> re.Pattern[str]:
    """English patterns are lower-case and run on lower-cased text: IGNORECASE triples the cost."""
    return re.compile(pattern)


_PAST_ACTIONS = (
    r"(?:[\w-]+ed|built|ran|led|wrote|rewrote|met|spent|set|made|took|brought|sent|gave|found|put|"
    r"chose|drove|held|kept|dug|split|cut|began|sat|went|spoke|sold|taught|won|shut|got|told|"
    r"drew|broke|caught|flew|fought|knew|laid|left|lost|paid|proved|rode|saw|shot|stood|swapped|"
    r"threw|understood|rebuilt|reran|redid|redrew|oversaw|sought|bought|fed|froze|hung|lit|sped|"
    r"stuck|swept|tore|withdrew|upheld|undid|overrode|hid|dealt|read|rang|struck|spread|let|lent|"
    r"bent|wound)"
)
_NOT_ACTIONS = (
    r"(?:needed|wanted|liked|loved|believed|felt|hoped|seemed|used|learned|learnt|realized|"
    r"realised|noticed|guessed|enjoyed|preferred|lost|got)"
)
_PRESENT_ACTIONS = (
    r"(?:check|start|use|look|build|run|compare|split|tune|try|work|measure|track|set|write|map|"
    r"review|ask|test|switch|focus|keep|make|treat|pull|add|define|create|document|plan|segment|"
    r"validate|monitor|prioriti[sz]e|break|group|calculate|estimate|interview|talk|meet|send|"
    r"share|schedule|escalate|confirm|verify|reproduce|profile|benchmark|deploy|roll|limit|cap|"
    r"weigh|separate|rewrite|agree|follow|sit|lay|layer|model)"
)


# Where a story happens: an organisation or a place one works at or goes to.
_SETTING_PLACES = (
    r"company|firm|startup|agency|bank|business|charity|hospital|clinic|surgery|school|college|"
    r"university|council|hotel|restaurant|bar|bistro|cafe|pub|shop|store|warehouse|plant|"
    r"factory|depot|farm|park|station|airport|office|branch|ward|site|venue|festival|studio"
)


@dataclass(frozen=True)
class MarkerSet:
    situation: re.Pattern[str]
    task: re.Pattern[str]
    action: re.Pattern[str]
    plan: re.Pattern[str]
    result: re.Pattern[str]
    reflection: re.Pattern[str]
    sequence: re.Pattern[str]
    causal: re.Pattern[str]
    contrast: re.Pattern[str]
    condition: re.Pattern[str]
    example: re.Pattern[str]
    claim: re.Pattern[str]
    opinion: re.Pattern[str]
    deflection: re.Pattern[str]
    vague: re.Pattern[str]
    personal: re.Pattern[str]
    academic: re.Pattern[str]
    me: re.Pattern[str]
    we: re.Pattern[str]
    leadership: re.Pattern[str]
    verification: re.Pattern[str]


EN = MarkerSet(
    situation=_en(
        r"\b(?:last (?:year|spring|summer|fall|autumn|winter|quarter|month|week)|"
        r"(?:at|in) (?:my|a|an|our) (?:last|previous|current|former|first|old) "
        r"(?:job|company|role|team|employer|position|internship|startup)|"
        r"(?:at|in|during) (?:my|our) (?:[\w-]+ )?(?:internship|summer job|first job|"
        r"placement|apprenticeship|residency)|"
        r"at an? (?:[\w-]+ ){0,3}(?:company|startup|agency|firm|bank|warehouse|store|retailer|"
        r"hospital|clinic|school|marketplace|business|platform|app|saas|provider)|"
        r"as (?:a |an |the )?(?:pm|[\w-]+ (?:manager|engineer|analyst|designer|lead|supervisor|"
        r"specialist|representative|intern|director|owner|rep))\b|"
        r"when i (?:was|worked|joined|started|led|ran)|while (?:i was|working)|"
        r"(?:a few|two|three|several|some) (?:months|years|weeks) ago|at the time|back then|"
        r"in (?:19|20)\d\d|our (?:[\w-]+ ){1,4}(?:was|had|were|started|kept)|there was (?:a|an)|"
        r"we (?:were|had) (?:a|an|to|just|about)|there was a time|one time|"
        r"(?:i|we) (?:once|recently) (?:had|worked|faced|lost)|i was on[- ]call|"
        r"(?:on|for) (?:a|an|my|our) (?:[\w-]+ ){0,3}(?:game|app|product|project|website|"
        r"platform|campaign|show|paper|site) (?:i|we) (?:designed|built|ran|led|launched|edited|"
        r"worked on|managed)|"
        r"(?:on|during) (?:a|an|my|one|our) (?:[\w-]+ ){0,2}(?:shift|rotation|placement|visit|"
        r"deployment|night)|(?:on|in|at) (?:a|an|my|our) (?:[\w-]+ ){0,2}(?:ward|unit|icu|"
        r"clinic|floor|site|warehouse|plant|branch|office|store|pharmacy|hospital|practice|"
        r"surgery|school|nursery|kindergarten|restaurant|kitchen|hotel|shop|lab|laboratory|"
        r"factory|depot|airport|station|salon|gym|cafe|café|bar|farm|studio|newsroom|garage|"
        r"call cent(?:er|re)|agency|firm|bank)\b|"
        r"that (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|"
        r"evening|weekend)|"
        # A setting given after the story ("That was at a small charity, in my second year as
        # its fundraiser").
        r"\b(?:\w+|a) (?:years?|months?) into (?:my|the|a|our)\b|"
        r"that was (?:at|in|during|when|on|back)|in my (?:first|second|third|fourth|fifth|"
        r"last|final|\d+(?:st|nd|rd|th)) (?:year|month|week|season)s? (?:as|at|in|on)|"
        r"at an? (?:[\w-]+ ){0,3}(?:charity|nonprofit|non-profit|council|trust|foundation))\b|"
        # A story that opens on someone met ("A patient in his fifties, a lorry driver, came
        # to me …", "Our biggest donor, a haulage firm, told us …", "A regular customer rang").
        rf"^(?:a|an|one|our|my) [\w' -]{{2,50}}, (?:a|an|the|our|who|whose) (?:[^,]|\d,\d)"
        rf"{{2,80}}, (?:[\w-]+ )?(?:{_PAST_ACTIONS}|came|rang|phoned|asked|told)\b|"
        r"^(?:a|an|one) (?:[\w-]+ ){1,4}(?:came|called|rang|phoned|emailed|wrote|walked|"
        r"complained|arrived|asked|told|brought)\b|"
        # A setting told by what one was doing there ("Arriving at a caravan park one August
        # afternoon, I found …", "Editing a film for a Leeds production company, I had …").
        rf"^[a-z]+ing\b[^,;.]{{0,100}}\b(?:(?:at|for|in|on|near|with|outside) (?:a|an|the|our|"
        rf"my|one)\b[^,;.]{{0,60}}\b(?:{_SETTING_PLACES})s?|(?:one|that|a|last) (?:\w+ )?"
        rf"(?:morning|afternoon|evening|night|weekend|shift))\b[^,;.]{{0,60}}, (?:i|we)\b"
    ),
    task=_en(
        r"\b(?:my (?:job|role|task|goal|responsibility|assignment|mandate|brief) was|"
        r"i was (?:on[- ]call|on duty|responsible|asked|tasked|assigned|in charge|"
        r"the (?:on-call|lead|owner|analyst|"
        r"engineer|pm|manager|person))|i needed to|i had to|it was my job|"
        r"the (?:goal|target|task|challenge|problem|deadline|question) was|we needed to|"
        r"our (?:goal|target|deadline) was|i wanted to (?:make sure|find|protect|understand))\b"
    ),
    action=_en(
        rf"\b(?:i (?:\w+ly |first |then |also |next |later |again |finally |eventually |just |"
        rf"personally |still )?(?!{_NOT_ACTIONS}\b){_PAST_ACTIONS}|"
        # A decision not to do something is a step too ("so I did not dispense it").
        r"i (?:did not|didn't|chose not to|decided not to|refused to) (?:dispense|approve|sign|"
        r"ship|send|release|launch|publish|deploy|merge|proceed|escalate|refund|accept|hire|issue|"
        r"process|override|pay|book|serve|cancel|delete|restart|reopen|install|order|sell)\b|"
        rf"(?:first|then|next|so|after that|instead),? i (?:\w+ly )?{_PAST_ACTIONS}|"
        rf"i (?:usually |typically |always |often |first |then )?{_PRESENT_ACTIONS})\b"
    ),
    plan=_en(
        r"\b(?:i'd|i would|i will|i'll|i'm going to|i plan to|my first step|i'd start|"
        r"i would start|the first thing i'd|my first (?:action|step|move|call) would be|"
        # Inverted after a condition: "Only when the runway is clear would I resequence…".
        r"(?<=[a-z,] )(?<!what )(?<!how )(?<!why )(?<!where )(?<!when )(?<!which )(?<!whether )"
        r"(?<!who )(?:would|will|should) i)\s+(?:\w+ly\s+)?"
        r"(?!be\b|have\b|say\b|think\b|probably\b|like\b|love\b|guess\b)\w+"
    ),
    result=_en(
        r"(?:\bas a result\b|\bthe result\b|\bin the end\b|\bended up\b|\bby the end\b|"
        r"\bresult(?:ed|s)? in\b|\boutcome\b|\bled to\b|\bwent (?:up|down|to zero)\b|"
        r"\b(?:was|were) (?:down|up) (?:to|from|by) [\w$€£₩]|"
        r"\b(?:reduc|cut|increas|rais|improv|grew|grow|drop|fell|fall|rose|rise|sav|doubl|halv|"
        r"lower|boost|shr[ai]nk|climb|jump|declin|decreas|shorten|turn)\w* "
        r"(?:\w+ ){0,4}(?:from|to|by) [\w$€£₩]|\bfrom \$?\d[\d.,]*\S* to \b|"
        # A deal signed, not a signed document ("signed delivery notes").
        r"\bsigned(?! (?:delivery|copy|copies|documents?|forms?|notes?|receipts?|statements?|"
        r"letters?|paperwork|consent|cheques?|checks?|invoices?|timesheets?|minutes)\b)|"
        # Taking or going somewhere is an action ("I took it to the service station"); only a
        # figure taken somewhere is an outcome ("took the wait from 40 minutes to 12").
        r"\b(?:took|take|taken|taking|went|go(?:es|ne)?)\b (?:\w+ ){0,4}(?:from|to|by) "
        r"(?:[$€£₩]?\d|zero|nothing|none|half|a (?:third|quarter|half|fraction)|under|over|"
        r"about|around|almost|nearly|just|only)|\bsold out\b|\bfully booked\b|"
        r"\bexceeded\b|\bachieved\b|\bwent away\b|\bdisappeared\b|"
        r"\bno longer\b|"
        # What a check found, and what was put in place after it (as "조사 결과", "설치되었습니다").
        r"\b(?:the|our|their|an?) (?:investigation|inquiry|enquiry|review|audit|post-?mortem|"
        r"root[- ]cause analysis) (?:found|showed|revealed|concluded|confirmed)\b|"
        r"\b(?:was|were|has been|have been|got) (?:then |later |finally |since )?(?:installed|"
        r"adopted|rolled out|put in place|approved|replaced|retired|automated)\b|"
        r"\b(?:was|were|got) (?:fixed|solved|resolved)\b|\bhappy with\b|\bagreed to\b|"
        r"\bwon (?:the|back)\b|\bkept the\b|"
        # An event that went as it should, and a customer who stayed on ("the opening went
        # ahead with every chair in place", "the client renewed their contract").
        r"(?<!\bi )(?<!\bwe )(?<!never )(?<!not )\bwent (?:ahead|smoothly|live|off without)\b"
        r"(?! and)|"
        r"(?<!not )(?<!n't )(?<!never )\b(?:renewed|extended|re-?signed) (?:their|the|its|our|his|"
        r"her|a) (?:\w+ )?(?:contract|"
        r"subscription|deal|lease|agreement|account|membership)\b|"
        # What did not happen, as the outcome: "she took it correctly with no harm".
        r"\b(?:with|and|had|caused|came to) no (?:harm|injur\w*|incidents?|damage|adverse)\b|"
        r"\bwithout (?:any )?(?:harm|injury|incident|damage)\b|"
        # The customer's own answer to what was done: thanks, a good review.
        r"\bthanked (?:me|us|the team|our team|the staff)\b|"
        r"\b(?:left|posted|wrote|gave) (?:us |me )?an? (?:positive|good|glowing|five-star|5-star) "
        r"(?:review|rating)\b|"
        r"\bwithin \d+ (?:days|weeks|months|hours)\b|\b(?:six|three|two) months later\b|"
        r"\b(?:in|over|during) the (?:following|next) (?:year|month|quarter|weeks?|months?)\b"
        r"(?=[^.]*\b(?:was|were|had|fell|rose|dropped|flagged|caught|went|came|stayed|did)\b)|"
        r"\bsince (?:caught|dropped)|\brecovered\b|"
        r"\b(?:has|have|had)(?: not|n't) (?:come back|recurred|happened (?:again|since))|"
        r"\bnever (?:came back|recurred|happened again)|"
        r"\b(?:was|were) (?:ok|okay|back|fine|stable|normal) again\b|"
        r"\b(?:finished|ended|closed|landed|came in)(?: the \w+)?(?: at| with| on)? "
        r"(?:about |around |roughly )?[$€£₩]?\d|"
        r"\b(?:finished|ended|closed|had|saw|recorded|reported)\b[^.]{0,30}\b(?:no|zero) "
        r"(?:[a-z-]{3,} )?[a-z]{3,}s\b|"
        # A count of none since the change is its outcome ("there have been no call-backs").
        r"\bthere (?:has|have) been (?:no|zero|not (?:a single|one))\b|"
        r"\bthere (?:was|were) (?:no|not (?:a single|one)) (?:further|more|new|repeat|second)\b|"
        r"\b(?:stayed|remained|kept|were|was) (?:\w+ ){0,2}(?:in range|within (?:range|limits|"
        r"target)|stable|normal|on track)\b)"
    ),
    reflection=_en(
        r"\b(?:i learned|i've learned|i learnt|learned (?:that|to)|lesson|taught me|"
        r"i took away|i took from (?:it|this|that)|my (?:main |biggest |key )?takeaway|"
        r"since then|now i (?:always|make|try|check|build|ask)|going forward|"
        r"next time|in hindsight|looking back|i realised|i realized|would do differently|"
        r"it showed me|reminded me|i now)\b"
    ),
    sequence=_en(
        r"\b(?:first(?:ly)?|to start|to begin|start by|then|next|after that|afterwards|"
        r"second(?:ly)?|(?<!a )(?<!one )third(?:ly)?|finally|lastly|once (?:that|this|it|we|i)|"
        r"before (?:that|anything|changing|launch|building)|at the same time|meanwhile)\b"
    ),
    causal=_en(
        r"\b(?:because|since|so that|so i|so we|so the|therefore|that's why|which meant|"
        r"this meant|as a result|in order to|due to|given (?:that|the)|which is why|that way|"
        r"otherwise|this (?:showed|told|tells|means)|which (?:tells|shows|means))\b"
    ),
    contrast=_en(
        r"\b(?:but|however|instead|although|though|trade-?offs?|rather than|on the other hand|"
        r"unless|whereas|downside|caveat|risks?|at the cost of|versus|vs)\b"
    ),
    condition=_en(r"\b(?:if|unless|depending on|in case|assuming)\b"),
    example=_en(r"\b(?:for example|for instance|such as|e\.g\.|like when|take \w+)\b"),
    claim=_en(
        r"\b(?:(?:i'm|i am) (?:a |an )?(?:very |really |extremely |quite |super |naturally |"
        r"highly |an? )?(?:good|great|excellent|strong|organi[sz]ed|detail[- ]oriented|"
        r"hard[- ]working|people person|team player|passionate|creative|flexible|fast learner|"
        r"quick learner|perfectionist|reliable|responsible|patient|persistent|easy-?going|"
        r"expert|comfortable|natural|positive|friendly|confident)|"
        # ... but a habit a story left ("Since then I always ask …") is its lesson, and one given
        # its reason ("That's why I always report the effect size") is a method, not a boast.
        r"(?<!since then )(?<!since then, )(?<!\bnow )(?<!ever since )(?<!that's why )"
        r"(?<!that\u2019s why )(?<!that is why )(?<!which is why )(?<!this is why )"
        r"i (?:always|never) \w+|"
        r"i (?:really )?(?:love|like|enjoy) \w+|(?:i'm|i am) (?:always|never)|"
        r"my (?:biggest|greatest|main) strength|one of my (?:biggest|greatest) strengths|"
        r"i'm sure i could|people (?:always )?(?:like|love) working with me|"
        # Self-praise with no evidence: superlatives about oneself, effort promised in percent.
        r"(?:i'm|i am),? (?:[a-z]+,? ){0,3}the (?:most|best|hardest|strongest|greatest)|"
        r"every(?:one|body) knows|nothing (?:ever )?goes wrong|"
        r"i have never (?:once )?(?:lost|failed|missed|made a mistake)|"
        r"(?:always |often )?tells? me (?:that )?(?:i'm|i am)|"
        r"the (?:most|best) [a-z ]{0,40}you(?:'ll| will| have|'ve) ever|"
        r"(?:110|one hundred and ten|a hundred and ten) ?(?:percent|%)|"
        r"give (?:it )?(?:my all|everything i have|100 ?%|110 ?%)|do my (?:very )?best|"
        r"work(?:ing)? (?:really |very |extremely )?hard(?:er)?)\b"
    ),
    opinion=_en(
        r"\b(?:i think|i believe|i feel|in my opinion|honestly|i guess|probably|maybe|"
        r"i'm sure|of course|obviously|is the future)\b"
    ),
    deflection=_en(
        r"\b(?:i (?:don't|do not|never) really|never (?:really )?(?:had|have|been)|"
        r"haven't (?:really )?(?:had|been|done)|not (?:really )?in my control|"
        r"(?:not|isn't) (?:really )?my (?:job|problem|responsibility)|"
        r"let them (?:sort|figure|work)|(?:go|goes) away by itself|sort itself out|"
        r"mistakes happen|wouldn't spend (?:too )?much time|can't dwell|"
        r"just (?:move on|wait)|handled (?:all )?(?:of )?(?:that|it) for us|"
        r"never (?:perfect|had to worry))\b"
    ),
    vague=_en(
        r"\b(?:a lot(?: of)?|lots of|various|stuff|things|etc|and so on|kind of|sort of|"
        r"pretty much|basically|somehow|whatever|a bit|fairly|everyone|everything|"
        r"some (?:things|stuff|people|issues|problems|changes)|many (?:things|people)|"
        r"good results|much better|really)\b"
    ),
    personal=_en(
        r"\b(?:at home|my (?:closet|kitchen|friends|family|kids|wife|husband|mom|dad|parents|"
        r"hobby|hobbies|house|apartment|schedule at home)|on vacation|on weekends|plan trips|"
        r"as a kid|when i was (?:a child|young|little)|like family)\b"
    ),
    academic=_en(
        r"\b(?:in college|at university|at school|class project|student club|my professor|"
        r"my (?:degree|thesis|coursework))\b"
    ),
    me=_en(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b"),
    we=_en(r"\b(?:we|we're|we've|we'd|we'll|our|ours|us|ourselves)\b"),
    leadership=_en(
        r"\b(?:i led|led (?:a|the)|mentor(?:ed|ing)?|coached|i own(?:ed)?|strategy|roadmap|"
        r"stakeholders?|aligned|cross-functional|influence[d]?|delegat\w+|hired|budget)\b"
    ),
    # Checking that the work had its effect, not any use of "test" or "check".
    verification=_en(
        r"\b(?:measur\w*|monitor\w*|track(?:ed|ing)? (?:the |whether )?\w+|validat\w*|verif\w*|"
        r"backtest\w*|a/a (?:test|check)|check(?:ed)? (?:whether|that) (?:it|the \w+) "
        r"(?:works?|worked|helped)|compare(?:d)? (?:before and after|the results)|"
        r"before-and-after|dashboards?|alerts? (?:when|on|if)|follow(?:ed)? up \w+ later|"
        r"success metrics?|kpis?)\b"
    ),
)

# A past syllable and an ending: the clause tells what happened.
_KO_PAST = rf"(?:{KO_PAST_SYLLABLE}(?:습니다|고|는데|지만|으며|어요|다))"


# Verbal nouns of steps one takes (a closed list: states, feelings, thoughts and what others
# did take 하다 too: "촉박했", "판단했", "항의했", "발생했").
_KO_ACTION_NOUNS = (
    "분석|제안|요청|정리|진행|도입|적용|시작|설계|확인|설득|조율|추가|비교|검토|공유|개선|구축|"
    "작성|실행|테스트|인터뷰|계산|추적|협의|합의|발행|연락|배치|교체|수정|점검|설정|운영|기획|"
    "편집|조사|측정|발굴|정의|재학습|자동화|배포|전환|통일|관리|매칭|설명|보고|정비|협상|대응|"
    "파악|해결|지급|안내|환불|발송|교육|상의|정산|대조|분류|기록|등록|요약|검증|재현|차단|격리|"
    "복구|보완|통보|사과|시연|발표|정정|중단|재개|예약|배정|상담|처방|투약|분리|설치|회수|"
    "재배치|연결|이관|전달|공지|면담|코칭|조정|축소|확대|수집|재측정|모니터링|실험|검수|검사|"
    "제출|청구|반영|할당|통합|삭제|백업|복원|롤백|재시작|재배포"
)
KO = MarkerSet(
    situation=re.compile(
        r"작년|지난해|지난 (?:분기|달|해|봄|여름|가을|겨울)|재작년|올해 초|당시|그때|예전에|"
        r"이전 (?:회사|직장|팀|프로젝트|캠페인)|전 (?:회사|직장)|예전 (?:회사|직장)|인턴|"
        r"근무할 때|일할 때|맡았을 때|있을 때|때의 (?:일|경험)|때였|일입니다|경험입니다|"
        r"(?:일하|근무하)(?:며|면서)|재직 중|근무 당시|"
        r"적이 있|상황이었|(?:\w+)에서 일|\d{4}년|앞두고|프로젝트에서|하던 중|[가-힣]+ 때,|"
        r"(?:야간|주간|새벽|밤) 근무|"
        # How long one had been in the role ("통역 3년 차, …", "입사 2년 차였던 해").
        r"(?<![\d가-힣])(?:\d+|[일이삼사오육칠팔구십]+)\s?(?:년|개월)\s?차(?=[에였,\s]|$)"
    ),
    task=re.compile(
        r"목표는|목표가|목표였|역할은|역할을 맡|역할이었|맡았|맡게|맡아|담당이던|담당했|"
        r"담당(?:이라|이어서|이었|자로(?!부터)|자였|자라)|"
        r"담당하|해야 했|해야 하는 상황|과제는|과제였|책임지|미션|요청을 받|요청받|지시를 받|"
        r"당직(?:이었|이던|을 서|자였)|온콜"
    ),
    action=re.compile(
        # ... but what one thought or felt ("저는 그냥 DB로 충분하다고 생각했습니다").
        r"(?<![가-힣])(?:제가|저는|직접) (?![^.。]{0,40}?(?:생각|느꼈|판단|믿었|여겼|걱정|"
        r"예상|기대|막막|답답|뿌듯|당황|긴장|불안|속상|피곤|힘들)[^.。]{0,3}(?:했|었|였)?"
        r"(?:습니다|고|는데|지만|다)?[.。]?$)"
        r"[^.。]{0,40}?(?<!생각)(?<!걱정)(?<!예상)(?<!기대)(?:했|었|았|였|렸|냈|웠|겠)|이를 위해|"
        # "저는 투약을 보류하고 … 전화해": what one did, in a clause that goes on.
        r"(?<![가-힣])(?:제가|저는|직접) [^.。]{0,30}?(?:하고|해 |해서|하여|한 뒤|한 후)|"
        # A step named by its verbal noun, done or done as a method ("추가 지급했습니다",
        # "그다음 검정력을 확인합니다", "일회성 요인을 분리합니다").
        rf"(?:{_KO_ACTION_NOUNS})(?:했|하였|해 드렸|해서|하고|합니다|하며 |한 뒤|"
        r"한 다음|한 후)|"
        r"(?:만들었|바꿨|바꾸었|나눴|나누어|찾아|줄였|늘렸|옮겼|보냈|걸었|묶고|드렸|보여 드|"
        r"물어|들어 보|찾았|세웠|뽑아|골라|맞췄|써서|썼|알렸)|"
        # Trying or looking into something ("지켜봅니다", "다시 세어 보고", "자료를 받아 보니",
        # "여쭤보았고").
        r"(?:살펴|지켜|따져|세어|들여다|확인해|검토해|비교해|물어|여쭤|받아|더해|계산해|찾아|"
        r"뽑아|돌려|재어|측정해|분석해|조사해) ?(?:봅니다|보고 |보며|본 뒤|봤|보았|보니)"
    ),
    plan=re.compile(r"겠습니다|하겠|보겠|려고 합니다|할 것입니다|하려 합니다|드리겠"),
    result=re.compile(
        # What came of the way one worked ("이렇게 하니 제 재문의율이 …였습니다").
        r"(?:이렇게|그렇게) (?:하니|하자(?!고)|했더니|한 결과)|"
        # The other side won over ("동료도 동의했습니다", "팀이 제 안을 받아들였고").
        # ... not the speaker ("저는 피드백을 받아들였습니다", "제가 동의했지만").
        r"(?:(?<!제)가|(?<!저)도|이|께서|님이) (?:(?!저는|제가)[^.。]){0,20}?(?:동의했|동의해 주|"
        r"동의하셨|받아들였|받아들여 주|받아들이셨|수긍했|수긍하셨)|"
        r"합의했|합의를 (?:이뤘|이루었|봤|보았)|"
        r"승인(?:했|해 주|을 받았|받았|이 났)|채택(?:했|됐|되었)|"
        r"그 결과|결과적으로|결과는 |결과로 |덕분에|줄였|줄어들|줄었|늘었|늘어났|늘렸|높였|높아졌|"
        r"올랐|올라갔|올렸|낮아졌|낮췄|달성|개선되|증가|감소|단축|성공|회복|절반|"
        r"만에 |마쳤|출시했|배포했|체결|수주|해결되|해결했|로 내려|에서 [^ ]{1,12}(?:으로|로) "
        r"(?:줄|늘|올|낮|높|내려|개선|바뀌)|없었습니다|없었고|지켰|통과|"
        r"(?:포함|반영|채택|정착|설치|도입|적용|복구|재개|교체)(?:되었|됐)|넘었|넘겼|넘어섰|돌파|"
        # What a check found, and what happened a stated time later ("조사 결과 … 밝혀졌고",
        # "11분 뒤에 착륙했습니다"), as "six months later" is an outcome in English.
        r"(?:조사|점검|검사|분석|확인|검토|감사) 결과(?=[ ,])|"
        # … told in the past: "30분 후에 다시 확인하겠습니다" is a plan.
        rf"(?:\d+ ?|(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇) )"
        rf"(?:초|분|시간|일|주|주일|개월|달|해|년) ?(?:뒤|후)에? "
        rf"(?=(?:(?!예정|싶)[^.!?])*{_KO_PAST})"
    ),
    reflection=re.compile(
        r"배웠|깨달|교훈|이후로|그 뒤로|그 후로|앞으로|느꼈|알게 되었|알게 됐|계기가|"
        r"는 걸 알|다는 점을 알|이 경험으로|이 경험을 통해|다음에는|하려고 합니다|습관"
    ),
    sequence=re.compile(
        r"먼저|우선|첫째|둘째|셋째|첫 번째|두 번째|세 번째|그다음|그 다음|다음으로|"
        r"다음 단계|이후|그 뒤|그 후|마지막으로|끝으로|동시에|한편|단계"
    ),
    causal=re.compile(
        r"때문에|때문입니다|그래서|따라서|그러므로|덕분에|위해|므로|니까|그래야|이유는|"
        r"기에|그러면|그렇게 하면|보니|해 보니|어 보니|아 보니|"
        # A purpose is a reason ("피해가 번지지 않게 멈추겠습니다", "다시 보도록 기록했습니다").
        r"지 않게 |지 않도록|(?<=[가-힣])(?:도록|게끔) "
    ),
    contrast=re.compile(
        r"하지만|다만|대신|반면|그러나|그런데|오히려|보다는|트레이드오프|리스크|위험|단점|"
        r"절충|균형|면서도|지만"
    ),
    condition=re.compile(r"라면|다면|경우|면 |만약|에 따라"),
    example=re.compile(r"예를 들어|예를 들면|예컨대|처럼|같은|예로"),
    claim=re.compile(
        r"성격이|성격입니다|편입니다|편이라|편이어서|편이고|자신이 있|자신 있|자신감이|"
        r"잘 지냅|원만|누구보다|열정|최선을 다|노력하겠습니다|노력합니다|잘할 수 있|잘 압니다|"
        r"뛰어난 편|강한 편|좋아합니다|좋아하고|관심이 많|장점이라고|꼼꼼한 성격|책임감을|"
        r"성실|항상 [^.]{0,20}(?:합니다|편|노력)|열심히 (?:하겠|일하겠|배우겠|노력)|"
        r"자신합니다|자부합니다|(?:검증|인정)(?:되었|받았)다고 (?:자신|생각|확신)"
    ),
    opinion=re.compile(
        r"생각합니다|생각해서|생각하기|것 같습니다|같습니다|봅니다|라고 봅|중요하다고|"
        r"좋을 것|할 것 같|아닐까|맞다고|제일 중요"
    ),
    deflection=re.compile(
        r"적이 (?:거의 )?없|잘 모르|딱히|별로 없|어쩔 수 없|기다리면|알아서|저절로|상관없|"
        r"신경 쓰지 않|문제없을|문제는 없을|해결됩니다"
    ),
    vague=re.compile(
        r"많이|여러|다양한|좀|그냥|대충|어느 정도|적당히|눈에 띄게|꽤|등등|이런저런|"
        r"무언가|뭔가|열심히|자연스럽게|잘 \w+|최대한"
    ),
    personal=re.compile(
        r"집에서|친구들|친구에게|친구가|취미|가족처럼|어릴 때|학창 시절|중고 거래|여행|"
        r"게임을 정말|평소에도"
    ),
    academic=re.compile(r"대학교|대학 때|동아리|학교 프로젝트|수업|과제로|학과"),
    me=re.compile(r"(?<![가-힣])(?:저는|제가|저의|제 |저도|저를|저에게|저만|저라면|저로서)"),
    we=re.compile(r"(?<![가-힣])(?:저희|우리|팀원들과|다 같이)"),
    leadership=re.compile(
        r"리드|주도|멘토|코칭|전략|로드맵|이해관계자|경영진|설득|조율|위임|채용|예산|"
        r"합의를 이끌|책임지"
    ),
    verification=re.compile(
        r"측정|모니터링|검증|효과[를는가]? ?(?:확인|비교|측정)|전후 ?비교|지표[를로]|대시보드|"
        r"알람|추적|효과는|성과는 [^.]{0,20}(?:로|으로) (?:관리|판단)"
    ),
)


def markers_for(language: str) -> MarkerSet:
    return KO if language == "ko" else EN

"""Discourse markers an interviewer listens for, per language.

Each family is one compiled regex, matched per sentence (English sentences are lower-cased
first). The families
are deliberately about *how* an answer is told (situation, action, result, reasoning, vagueness),
not about any particular question, so they carry over to questions the bank does not contain.
"""

from __future__ import annotations

import re

from .marker_set import MarkerSet
from .markers_ko import KO
from .sequence_words import EN_SEQUENCE
from .setting import EN_WHEN
from .word_lists import EN_HONESTLY

__all__ = ["EN", "KO", "MarkerSet", "markers_for"]


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


# "… would I reopen it" after a condition, but not in an indirect question ("what should I …").
# The look-behinds follow the verb: a branch that opens with one is tried at every position.
_INVERTED_PLAN = "|".join(
    rf"\b{verb}(?<=[a-z,] {verb})"
    + "".join(
        f"(?<!{word} {verb})"
        for word in ("what", "how", "why", "where", "when", "which", "whether", "who")
    )
    + " i"
    for verb in ("would", "will", "should")
)


# Where a story happens: an organisation or a place one works at or goes to.
_SETTING_PLACES = (
    r"company|firm|startup|agency|bank|business|charity|hospital|clinic|surgery|school|college|"
    r"university|council|hotel|restaurant|bar|bistro|cafe|pub|shop|store|warehouse|plant|"
    r"factory|depot|farm|park|station|airport|office|branch|ward|site|venue|festival|studio"
)


# A delivery verb: what comes before it decides whether it happened (structure.py).
_DELIVERED = ("shipped", "launched", "released", "delivered", "went live", "opened", "completed")
_DELIVERED += ("finished",)
DELIVERY = re.compile(rf"(?:{'|'.join(_DELIVERED)})\b")

EN = MarkerSet(
    situation=_en(
        # A time phrase alone sets the scene ("Last March I…", "Two years ago…").
        rf"{EN_WHEN}|"
        r"\b(?:last (?:year|spring|summer|fall|autumn|winter|quarter|month|week)|"
        r"(?:at|in|on) (?:my|a|an|our) (?:last|previous|current|former|first|old) "
        r"(?:job|company|role|team|employer|position|internship|startup)|"
        r"(?:at|in|during) (?:my|our) (?:[\w-]+ )?(?:internship|summer job|first job|"
        r"placement|apprenticeship|residency)|"
        r"at an? (?:[\w'\u2019-]+ ){0,3}(?:company|startup|agency|firm|bank|warehouse|store|"
        r"retailer|hospital|hospice|clinic|school|marketplace|business|platform|app|saas|provider|"
        r"cent(?:re|er)|care home|practice|library|museum|theatre|theater|hotel|charity)\b|"
        r"as (?:a |an |the )?(?:pm|[\w-]+ (?:manager|engineer|analyst|designer|lead|supervisor|"
        r"specialist|representative|intern|director|owner|rep))\b|"
        r"when i (?:was|worked|joined|started|led|ran|took over|moved to|became)|"
        r"while (?:i was|working)|^while [a-z]+ing (?:a|an|the|our|my)\b|"
        r"\b(?:i|we|our [\w-]+(?: [\w-]+)?) once\b(?! (?:read|heard|saw|told|said|a (?:day|week|"
        r"month|year|quarter))\b)|"
        r"\bwas with an? (?:[\w'-]+ ){0,3}(?:company|firm|retailer|bank|hospital|client|"
        r"customer|manufacturer|supplier|startup|agency)\b|"
        # The place one ran, said first ("I managed a 120-unit apartment building…").
        r"^(?:i|we) (?:managed|ran|owned|supervised|oversaw) (?:a|an) (?:[\w-]+ ){0,3}"
        rf"(?:{_SETTING_PLACES}|building|team|department|unit|store|centre|center)s?\b|"
        r"(?:a few|two|three|several|some) (?:months|years|weeks) ago|at the time|back then|"
        r"in (?:19|20)\d\d|our (?:[\w-]+ ){1,4}(?:was|had|were|started|kept)|there was (?:a|an)|"
        # A season or a month with its year ("In the summer of 2022", "in March 2021").
        r"\b(?:(?:spring|summer|autumn|fall|winter) of|(?:january|february|march|april|june|july|"
        r"august|september|october|november|december),?) (?:19|20)\d\d|"
        # The job one was doing ("I was managing a 320-hectare farm", "I was running the bar").
        r"(?:i|we) (?:was|were) (?:managing|running|working (?:at|in|for|as)) (?:a|an|our)\b|"
        # A story that opens on the work it happened on ("On a 90-minute documentary about a
        # closing steelworks, the director…", "On a banking app redesign, the team…").
        r"^(?:on|for|during) (?:a|an|one|our|my) (?:[\w-]+ ){0,3}(?:documentary|film|series|"
        r"episode|album|tour|production|project|redesign|rebuild|migration|launch|campaign|"
        r"contract|audit|tender|release|game|app|product|website|platform|show|study|trial)\b"
        r"[^.,;]{0,80}(?=,)|"
        r"we (?:were|had) (?:a|an|to|just|about)|there was a time|one time|"
        r"(?:i|we) (?:once|recently) (?:had|worked|faced|lost)|i was on[- ]call|"
        r"(?:on|for) (?:a|an|my|our) (?:[\w-]+ ){0,3}(?:game|app|product|project|website|"
        r"platform|campaign|show|paper|site) (?:i|we) (?:designed|built|ran|led|launched|edited|"
        r"worked on|managed)|"
        r"(?:on|during) (?:a|an|my|one|our) (?:[\w-]+ ){0,2}(?:shift|rotation|placement|visit|"
        r"deployment|night)|(?:(?:on|in|at) (?:a|an|my|our)|^(?:on|in|at) the(?! end\b)) "
        r"(?:[\w-]+ ){0,2}"
        r"(?:ward|unit|icu|"
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
        rf"{_INVERTED_PLAN})"
        r"\s+(?:\w+ly\s+)?"
        r"(?!be\b|have\b|say\b|think\b|probably\b|like\b|love\b|guess\b)\w+"
    ),
    result=_en(
        # "the result" as what came of it ("The result was…"), not any result ("the probability
        # that the result is a fluke", "split the results by channel").
        r"(?:\bas a result\b|\bthe results? (?:was|were|came|improved|showed)\b|\bthe result:|"
        r"\bin the end\b(?!,? if\b)|\bended up\b|\bby the end\b|"
        r"\bresult(?:ed|s)? in\b|\boutcome\b|\bled to\b|\bwent (?:up|down|to zero)\b|"
        r"\b(?:was|were) (?:down|up) (?:to|from|by) [\w$€£₩]|"
        r"\b(?:reduc|cut|increas|rais|improv|grew|grow|drop|fell|fall|rose|rise|sav|doubl|halv|"
        r"lower|boost|shr[ai]nk|climb|jump|declin|decreas|shorten|turn)\w* "
        r"(?:\w+ ){0,4}(?:from|to|by) [\w$€£₩]|\bfrom \$?\d[\d.,]*\S* to \b|"
        # ... and a change told with its size and no preposition ("orders rose 30% in the first
        # month", "complaints fell 40 percent").
        r"\b(?:rose|fell|grew|dropped|jumped|climbed|doubled|increased|decreased|declined|"
        r"improved) (?:about |around |nearly |almost |over |more than )?[$€£₩]?\d[\d.,]*\s?"
        r"(?:%|percent|x\b|times\b)|"
        # A deal signed, not a signed document ("signed delivery notes").
        r"\bsigned(?! (?:delivery|copy|copies|documents?|forms?|notes?|receipts?|statements?|"
        r"letters?|paperwork|consent|cheques?|checks?|invoices?|timesheets?|minutes)\b)|"
        # Taking or going somewhere is an action ("I took it to the service station"); only a
        # figure taken somewhere is an outcome ("took the wait from 40 minutes to 12").
        r"\b(?:took|take|taken|taking|went|go(?:es|ne)?)\b (?:\w+ ){0,4}(?:from|to|by) "
        r"(?:[$€£₩]?\d|zero|nothing|none|half|a (?:third|quarter|half|fraction)|under|over|"
        r"about|around|almost|nearly|just|only)|\bsold out\b|\bfully booked\b|"
        r"\bexceeded\b|\bachieved\b|\bwent away\b|\bdisappeared\b|"
        # What came of it in plain words ("The draw worked on the first attempt", "He came back
        # and asked for me by name", "tickets stayed under 20", "usage then doubled", "not a
        # single operation was postponed", "23 of 27 could explain the effect").
        # Each with its subject or its measure, so that a failure ("None of it worked", "The bug
        # came back", "Prices doubled overnight") or one's own step ("I corrected the invoice",
        # "I thanked the team") is not one.
        r"\b(?:it|this|that|the (?:[\w-]+ )?[\w-]+) worked (?:on the first|the first time|first "
        r"time|perfectly|well|as (?:planned|hoped|intended)|every time)\b|"
        r"\b(?:he|she|they|the (?:customer|client|patient|guest|donor|user|player)s?) (?:\w+ )?"
        r"came back\b|\basked for me\b|\b(?:was|were) discharged\b|"
        r"\b(?:he|she|they|the \w+) thanked (?:me|us)\b|\bcalmed down\b|"
        r"\b(?:they|he|she|the \w+) corrected the\b|"
        r"\b(?:users?|customers?|clients?|they|people|players|staff|testers|participants|patients)"
        r" (?:\w+ ){0,4}(?:found|rated) (?:it|them) (?:much |far |a lot )?(?:easier|faster|"
        r"clearer|simpler|better)\b|\bagreed (?:it|that|this) (?:was|is|worked)\b|"
        # What was saved or cut, said without a figure ("It saved us a few hours each week and
        # reduced mistakes"): a result, and one the feedback asks to put a number on.
        r"\b(?:it|this|that|which|the (?:[\w-]+ ){0,2}[\w-]+) (?:saved|reduced|cut|eliminated) "
        r"(?:us |me |the team |them |the company )?"
        r"(?:(?:about|around|over|nearly|almost|roughly|a few|several|many) )?(?:[\d.,]+ )?"
        r"(?:hours|days|weeks|minutes|mistakes|errors|defects|costs?|complaints|returns|tickets|"
        r"calls|rework|waste|money|time)\b|"
        r"\bstayed (?:under|below|above|within|at) [\w$€£₩]|"
        # ... and what it takes now against before ("now takes 15 minutes instead of four hours").
        r"\bnow (?:takes|runs|lasts|costs|needs) [^.;]{0,30}?\binstead of\b|"
        r"\b(?:then|since|has|had) (?:doubled|tripled|halved)\b|"
        r"\bnot (?:a single|one) [^.,;]{1,40}\b(?:was|were) (?:postponed|cancelled|canceled|lost|"
        r"missed|delayed|late|returned|rejected|injured|harmed|affected|dropped)\b|"
        r"\b(?:received|got) (?:only|just) (?:\d+|one|two|three|four|five|a few|a handful of) "
        r"(?:\w+ )?(?:tickets?|complaints?|calls?|returns?|refunds?|errors?|emails?|questions?)\b|"
        r"\b\d+ (?:of|out of) (?:the )?\d+ [^.,;]{0,20}\b(?:could|passed|said|chose|stayed|"
        r"completed|finished)\b|"
        r"\bno longer\b|"
        # What a check found, and what was put in place after it (as "조사 결과", "설치되었습니다").
        r"\b(?:the|our|their|an?) (?:investigation|inquiry|enquiry|review|audit|post-?mortem|"
        r"root[- ]cause analysis|dry run|trial run|test run|pilot|load test|experiment) "
        r"(?:found|showed|revealed|concluded|confirmed|proved)\b(?! up\b)|"
        # Delivered as it should have been ("we shipped on schedule with zero downtime", "the
        # project was delivered on time"); not a routine or a topic ("opened on time every
        # morning", "a workshop on time management") nor a failure noun in a compound ("shipped
        # with no error handling"). Whether it happened at all is the tagger's (structure.py).
        rf"\b(?:{'|'.join(_DELIVERED)})\b[^.]{{0,40}}"
        r"\b(?:on (?:time|schedule)(?! (?:management|every|each|daily|weekly|tracking|off)\b)|"
        r"ahead of (?:schedule|time|plan)|with (?:zero|no) "
        r"(?:downtime|defects?|errors?|incidents?|complaints?|bugs?|issues?|outages?)\b"
        r"(?! (?:\w+ing|forms?|plans?|policy|process|logs?|budget|tests?)\b))|"
        r"\b(?:was|were|has been|have been|got) (?:then |later |finally |since )?(?:installed|"
        r"adopted|rolled out|put in place|approved|replaced|retired|automated)\b|"
        r"\b(?:was|were|got) (?:fixed|solved|resolved)\b|\bhappy with\b|\bagreed to\b|"
        r"\bwon (?:the|back)\b|\bkept the\b|"
        # An event that went as it should, and a customer who stayed on ("the opening went
        # ahead with every chair in place", "the client renewed their contract").
        r"\bwent(?<!\bi went)(?<!\bwe went)(?<!never went)(?<!not went) (?:ahead|smoothly|live|"
        r"off without)\b(?! and)|"
        r"\b(?:renewed|extended|re-?signed)(?<!not renewed)(?<!n't renewed)(?<!never renewed)"
        r"(?<!not extended)(?<!n't extended) (?:their|the|its|our|his|"
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
        # What has not happened again since the change ("we have not paid a duplicate since").
        r"\b(?:has|have)(?: not|n't| never) (?:[a-z-]+ ){1,4}since(?=[.,;!]|$)|"
        r"\bnever (?:came back|recurred|happened again)|"
        r"\b(?:was|were) (?:ok|okay|back|fine|stable|normal) again\b|"
        r"\b(?:finished|ended|closed|landed|came in)(?: the(?: [\w-]+){1,2})?(?: at| with| on)? "
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
        # A habit the story left ("Now, when a thread passes ten comments, I suggest a call"),
        # a step in the main clause, not a state ("…, I am usually the one", "…, I feel proud").
        r"^now,? (?:when|whenever|every time|each time)\b(?![^,]*\b(?:\w+ed|was|were|did|"
        r"didn't|joined|began|went)\b)[^.,]*, i (?:always |usually |first )?(?!am\b|was\b|"
        r"feel\b|felt\b|think\b|have\b|had\b|look\b|see\b|get\b|mean\b|laugh\b|did\b|"
        r"didn't\b|\w+ed\b)[a-z]+|"
        r"next time|in hindsight|looking back|i realised|i realized|would do differently|"
        r"it showed me|reminded me|i now)\b"
    ),
    sequence=_en(EN_SEQUENCE),
    causal=_en(
        r"\b(?:because|since|so that|so i|so we|so the|therefore|that's why|which meant|"
        r"this meant|as a result|in order to|due to|given (?:that|the)|which is why|that way|"
        r"otherwise|this (?:showed|told|tells|means)|which (?:tells|shows|means)|"
        # ... and a purpose told by who gets what ("… so screen reader users hear what failed").
        r"so (?!much |many |far |long |few |little )(?:[a-z-]+ ){1,3}(?:can|could|would|will|"
        r"won't|can't|don't|didn't|hears?|sees?|knows?|knew|gets?|got|stays?|keeps?)(?!\w))"
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
        r"\bi(?<!since then i)(?<!since then, i)(?<!\bnow i)(?<!ever since i)(?<!that's why i)"
        r"(?<!that\u2019s why i)(?<!that is why i)(?<!which is why i)(?<!this is why i)"
        r" (?:always|never) \w+|"
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
        rf"\b(?:i think|i believe|i feel|in my opinion|{EN_HONESTLY}|i guess|probably|maybe|"
        r"i'm sure|of course|obviously|is the future)\b"
    ),
    deflection=_en(
        r"\b(?:i (?:don't|do not|never) really|never (?:really )?(?:had|have|been)|"
        r"haven't (?:really )?(?:had|been|done)|not (?:really )?in my control|"
        r"(?:not|isn't) (?:really )?my (?:job|problem|responsibility)|"
        r"let them (?:sort|figure|work)|(?:go|goes) away by itself|sort itself out|"
        r"mistakes happen|wouldn't spend (?:too )?much time|can't dwell|"
        r"just (?:move on|wait)|handled (?:all )?(?:of )?(?:that|it) for us|"
        r"never (?:perfect|had to worry)|"
        # The problem handed to someone else ("it's their code, not mine", "the security team
        # will catch it anyway") or played down ("you don't want to cause drama", "it might
        # just be a joke"): the answer argues for not acting.
        # ... unless the answer goes on to act on it ("…, not mine, but I would not let it ship").
        r"(?:their|his|her|\w+'s) (?:code|problem|job|call|fault|mess|responsibility),? not mine"
        r"(?!,? (?:but|yet|still) (?:i|we)\b)|"
        r"(?:someone|somebody) else(?:'s)? (?:problem|job|responsibility)|"
        # ... by someone else: "I'd fix it anyway" owns it.
        r"(?!i\b|i'|we\b|we')\w+(?:'ll|'d| will| would| is going to| are going to) "
        r"(?:catch|spot|find|fix|notice|flag|handle|sort out) (?:it|that|this|them) anyway|"
        r"(?:cause|causing|create|creating|stir up|stirring up) (?:any |unnecessary )?drama|"
        r"(?:without making|not make|no need to make) (?:it|this|that) (?:a )?big deal|"
        # ... a joke as the reason not to act, not a guess one goes on to check.
        r"(?:since|because|as) it (?:might|may|could|would|is probably) (?:just )?be (?:a )?"
        r"(?:joke|misunderstanding))\b"
    ),
    vague=_en(
        r"\b(?:a lot(?: of)?|lots of|various|stuff|things|etc|and so on|"
        r"(?<!the )(?<!a )(?<!what )(?<!this )(?<!that )(?:kind|sort) of|"
        # Not the scope of a choice: "built it for orders only and cut everything else".
        r"pretty much|basically|somehow|whatever|a bit|fairly|everyone|everything(?! else\b)|"
        r"some (?:things|stuff|people|issues|problems|changes)|many (?:things|people)|"
        r"good results|much better|really)\b"
    ),
    personal=_en(
        # Home is the speaker's own when the sentence opens with it or goes on with "I/my/we"
        # ("At home the kids…", "at home I cook", "evenings at home"), not a client's ("I visited
        # him at home", "when patients are at home, my job…", "at home visits") nor where a
        # family is told to practise ("I suggested that at home they write lists").
        r"\b(?:(?:^|, )at home\b(?! visits?\b)|"
        r"at home,? (?:i|my|we)\b(?<!are at home, my)(?<!is at home, my)|"
        r"(?:evenings?|weekends?|nights?|relax|time|stay(?:ed|ing)?) at home\b|"
        r"my (?:closet|kitchen|friends|family|kids|wife|husband|mom|dad|parents|"
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


def markers_for(language: str) -> MarkerSet:
    return KO if language == "ko" else EN

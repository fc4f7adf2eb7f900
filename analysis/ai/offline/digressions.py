"""Where an answer may leave its story: the words that open a digression ("By the way…", "I
also…", "참고로…"), those that point back at the story ("I also told them…"), time off work
("I also joined a salsa class…"), and the stretches of an answer these split it into. Data and
splitting for topicality.py, which weighs each stretch's words."""

from __future__ import annotations

import re

# "Outside of caching, I also led…": the words that open a digression name what it is not about;
# they are left out when the digression's own words are weighed.
SHIFT_LEAD = re.compile(
    r"^(?:and |but )?(?:outside (?:of )?|apart from |aside from |away from |besides |other than |"
    r"beyond )"
    r"[^,.]{1,40},\s*",
    re.IGNORECASE,
)
SHIFT = re.compile(
    r"^(?:and |but )?(?:another thing|also,|besides|in addition,? i|"
    r"on (?:another|a different) note|apart from that|separately|by the way|incidentally|"
    r"as an aside|on a side note|(?:as|just) a side note|side note[,:]|"
    r"unrelated(?:ly)?,|outside (?:of )?work|in my (?:free|spare) time|(?:i|we) also\b|"
    r"또한?,? |그리고 (?:또|다른)|그 밖에|이 외에도|이외에도|"
    r"다른 (?:경험|이야기)|참고로|여담(?:이지만|으로)|덧붙이자면|(?:그와|이와) 별개로|"
    r"덧붙여(?: 말씀드리(?:면|자면)| 말하자면)?,? |업무 외(?:적으로|에)|개인적으로는 |"
    r"그리고 [^.]{0,40}(?:경험도|일도) |"
    # Time off work opens a story of a hobby or of charity ("On weekends I…", "퇴근 후에는…").
    r"on (?:the )?weekends|at (?:the )?weekends?|as a hobby|after work|off duty|in my own time|"
    r"주말(?:에는|마다|이면)|퇴근 (?:후|하고)|취미로|쉬는 날|여가 시간|일과 후|개인 시간|"
    r"휴일(?:에는|마다|이면))",
    re.IGNORECASE,
)


# Words that add one more point ("I also…", "또 한쪽은…"): a digression only when what follows
# is one: more than one sentence off the subject, or the end of the paragraph.
ADDITIVE = re.compile(r"^(?:and |but )?(?:also,|in addition,? i|(?:i|we) also\b|또한?,? )", re.I)
# ... and one that points back at the story ("또 한쪽은…", "I also told them…").
POINTS_BACK = re.compile(
    r"^(?:또한?,? )(?:한쪽|다른 쪽|양쪽|그중|그 중|이 중|둘 중|나머지|해당|같은 )|"
    r"\b(?:i|we) also \w+ (?:them|it|this|those|these|the)\b|"
    r"\b(?:i|we) also (?:\w+ed|told|gave|sent|showed|rang|wrote|took|brought) (?:him|her)\b|"
    # ... or at its people ("I also came with a compromise, so she still got her time back").
    r"^(?:i|we) also\b[^.;]*\b(?:so|and|which|because) (?:she|he)\b",
    re.I,
)
# Time off work, however it is introduced ("I also joined a salsa class…", "또한 주말에는
# 동호회에서…"): a life outside the story.
LEISURE = re.compile(
    r"\b(?:hobby|hobbies|spare time|free time|evening class(?:es)?|course at|salsa|pottery|"
    r"choir|league|club|marathon|half-marathon|five-a-side|football|gym|yoga|guitar|piano|"
    r"painting|holiday|vacation|volunteer(?:ed|ing)?|charity|church|my (?:brother|sister|"
    r"friend|wife|husband|partner|son|daughter|kids|children)'s)\b|"
    r"주말|동호회|취미|퇴근 후|여가|등산|피아노|헬스|요가|봉사|교회|여행|휴가",
    re.I,
)
# Words that say a side remark follows ("Incidentally,", "참고로"): what follows is judged as one,
# a word of the question in passing or not.
ANNOUNCED = re.compile(
    r"^(?:and |but )?(?:by the way|incidentally|as an aside|on a side note|"
    r"(?:as|just) a side note|side note[,:]|on (?:another|a "
    r"different) note|unrelated(?:ly)?,|참고로|여담(?:이지만|으로)|덧붙이자면|"
    r"덧붙여(?: 말씀드리(?:면|자면)| 말하자면)?,? |(?:그와|이와) 별개로)",
    re.IGNORECASE,
)
# Words that carry a story on from where it was ("Since then…", "That evening…", "그 후…") or
# point at its people ("…asked for 30 minutes with her"): a new paragraph that says them is the
# same story going on.
CARRIES_ON = re.compile(
    r"^(?:so |and |but )?(?:since then|after that|from then on|as a result|in the end|"
    r"eventually|that (?:evening|night|morning|afternoon|week|weekend|month)|the next (?:day|"
    r"morning|week|month)|instead of (?:the|that|this|her|his)|that's when|this (?:meant|led))\b|"
    r"\b(?:she|he|her|him)\b|"
    r"^(?:그 ?후|그 뒤|그 결과|결국|이후|그때|그날|다음 날|덕분에|이 일로|이를 통해|그 ?분)|"
    # ... or tell how it ended and what it taught ("결과적으로 …", "Looking back, …").
    r"^(?:결과적으로|그 결과|이 경험으로|이 경험을 통해|돌아보면|as a result|in the end|overall|"
    r"looking back|in hindsight|by the end)\b",
    re.IGNORECASE,
)
# A point announced as one more of the speaker's ("I also want to mention…", "덧붙이면").
MENTION = re.compile(r"\bmention|worth (?:noting|saying)|덧붙이|말씀드리고 싶", re.I)
# A step of the speaker's, said as a plan: never a side remark.
PLAN = re.compile(r"\b(?:i|we)(?:'d|'ll| would| will| should)\b|겠(?:습니다|고|으며|어요)", re.I)


def segments(paragraphs: list[int], sentences: list[str]) -> list[tuple[list[int], bool]]:
    """Sentence indexes grouped by paragraph, split again where a new story starts; each with
    whether it was opened by a word that announces a digression ("By the way", "참고로")."""
    out: list[tuple[list[int], bool]] = []
    for i, (p, sentence) in enumerate(zip(paragraphs, sentences, strict=True)):
        shift = bool(SHIFT.search(sentence) or SHIFT_LEAD.search(sentence))
        if not out or p != paragraphs[i - 1] or shift:
            out.append(([i], shift and bool(out)))
        else:
            out[-1][0].append(i)
    return out

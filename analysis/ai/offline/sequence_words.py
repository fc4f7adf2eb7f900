"""The English words that order the steps of an answer ("First, …", "then", "finally").

"first", "second" and "next" order what was done only when they do not name which one: "my
first job", "the second quarter", "the next three months", "next to it" and "next steps" are no
steps of the answer; "then" is none in "back then" or "since then"."""

from __future__ import annotations

# ... nor after a hyphen ("a 60-second video").
_WHICH_ONE = "(?<!-)" + "".join(
    f"(?<!{w} )"
    for w in ("the", "my", "our", "a", "their", "his", "her", "its", "your", "this", "that")
)
_NOT_WHEN = "".join(f"(?<!{w} )" for w in ("back", "since", "by", "until", "till", "than"))
# "Next, …", "next I…": what comes next is a step; "next week", "next to", "next steps" are not.
_NEXT = r"next(?=,| (?:i|we|you|they|he|she|it|the|step)\b)"

EN_SEQUENCE = (
    rf"\b(?:firstly|{_WHICH_ONE}first|(?:the|my|our) (?:first|second) "
    rf"(?:step|thing|move|action|task)|to start|to begin|start by|{_NOT_WHEN}then|{_NEXT}|"
    rf"after that|afterwards|secondly|{_WHICH_ONE}second|(?<!a )(?<!one )third(?:ly)?|finally|"
    r"lastly|once (?:that|this|it|we|i)|before (?:that|anything|changing|launch|building)|"
    r"at the same time|meanwhile)\b"
)

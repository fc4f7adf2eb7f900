"""What a question calls for, read from the question itself: a question about people (a conflict
with a colleague, an upset customer, a manager's request to bend a rule) is answered by what was
said and done, to whom, and how it ended; a named tool or a figure for the size of a change is not
what it asks for, as it is for a question about work on a system or a process."""

from __future__ import annotations

import re
from functools import lru_cache

from ..types import QuestionContext

# The other side of the exchange: someone at work the speaker answers to, works beside or serves.
# A customer or a supplier alone is not enough ("a customer churn model", "a supplier's late
# shipment" ask for methods and figures); an upset one is, by the words of the exchange.
_EN = re.compile(
    r"\b(?:colleagues?|co-?workers?|teammates?|team members?|peers?|managers?|boss(?:es)?|"
    r"supervisors?|(?:team|tech|product|project) lead|stakeholders?|employees?|direct reports?|"
    r"two people|someone on your team|"
    # What passes between people, or a judgement of right and wrong at work.
    r"conflicts?|disagree\w*|arguments?|clash\w*|tensions?|disputes?|feedback|critici\w+|"
    r"persuad\w+|convinc\w+|negotiat\w+|say no|push back|pushback|complain\w*|angry|upset|"
    r"furious|frustrated|rude|inappropriate|harass\w*|ethic\w*|unethical|integrity|dishonest\w*|"
    r"cover (?:it |this |that )?up)\b",
    re.I,
)
# Korean words carry their particles: found anywhere in a word.
_KO = re.compile(
    r"동료|팀원|상사|팀장|선배|후배|직원|이해관계자|경영진|"
    r"갈등|충돌|의견(?:이|을)? ?(?:차이|대립|갈렸|엇갈)|설득|협상|피드백|화가|화난|불만|항의|"
    r"부당|윤리|비리|은폐"
)


@lru_cache(maxsize=1024)
def _names_people(text: str) -> bool:
    return bool(_EN.search(text) or _KO.search(text))


def about_people(question: QuestionContext) -> bool:
    """Whether a story or a plan is asked for about people rather than about work on something
    (a technical question asks for the method whoever it involves)."""
    return question.type != "technical" and _names_people(question.text)

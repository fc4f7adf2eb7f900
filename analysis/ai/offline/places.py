"""Place names in English answers: a capitalised word that a place context introduces ("a
payments company in Dublin", "on a flight to Boston", "passing Shannon") names a town, a region
or an airport, not a tool or a method, however much it looks like a product name."""

from __future__ import annotations

import re

# What is somewhere: an organisation, a venue, people, a journey ("a firm in …", "a customer
# from …", "the library in …", "a flight to …"). A tool is named after what is done or made with
# it instead ("cached in Redis", "a model in Python", "exported to CSV").
_PLACE_HEADS = (
    r"company|companies|firm|firms|startup|agency|bank|business|library|branch|branches|office|"
    r"offices|stores|shop|shops|chain|bar|bars|bistro|restaurant|cafe|hotel|hospital|"
    r"clinic|surgery|school|college|university|campus|council|distributor|supplier|customer|"
    r"client|patient|therapist|driver|drivers|riders?|family|families|residents?|plant|factory|"
    r"warehouse|depot|airport|station|stadium|street|road|flight|flights|trip|route|conference|"
    r"city|town|village|area|region|district|county|suburb|centre|center|museum|theatre|"
    r"theater|club|church|port|harbour|harbor|headquarters|team|teams|fair|farm|mill|mine|ward"
)
_PLACE_PREPOSITIONS = r"in|at|from|near|outside|to|into|toward|towards|around|across|via"
# Going, being or living somewhere ("we diverted to …", "based in …", "flew over …").
_MOTION = (
    r"flew|fly|flying|flown|drove|drive|driving|travell?ed|travell?ing|arrived?|arriving|"
    r"landed|headed|heading|diverted|diverting|divert|returned|departed|departing|relocated|"
    r"based|born|lived|living|grew up|stationed|bound"
)
# Passing a place needs no preposition ("Passing Shannon, …", "approaching Heathrow").
_PASSING = r"passing|approaching|leaving|crossing|reaching|entering|visiting|overflying"
_CAP = r"[A-Z][A-Za-z'\u2019.-]*[A-Za-z]"
_CAP_WORD = re.compile(rf"(?<= ){_CAP}")
_CAP_RUN = re.compile(rf"(?: {_CAP})*")  # the capitals that go on with it ("New York")
# Read only just before each capital, so a long answer is not scanned once per head word.
_PLACE_BEFORE = re.compile(
    rf"\b(?i:(?:{_PLACE_HEADS}) (?:{_PLACE_PREPOSITIONS})|(?:{_MOTION}) (?:"
    rf"{_PLACE_PREPOSITIONS}|over|for)|{_PASSING}) (?:the )?$"
)

# Most capitals follow no preposition at all: that is checked first, on a few characters.
_LAST_WORD = re.compile(rf"\b(?i:{_PLACE_PREPOSITIONS}|over|for|{_PASSING}) (?:the )?$")


def place_names(text: str) -> set[str]:
    """The capitalised words the text uses as places, lower-cased ("dublin", "boston")."""
    out: set[str] = set()
    for m in _CAP_WORD.finditer(text):
        start = m.start()
        if _LAST_WORD.search(text, max(0, start - 16), start) and _PLACE_BEFORE.search(
            text, max(0, start - 36), start
        ):
            run = m.group(0) + _CAP_RUN.match(text, m.end()).group(0)
            out.update(re.sub(r"['\u2019]s$", "", word).lower() for word in run.split())
    return out

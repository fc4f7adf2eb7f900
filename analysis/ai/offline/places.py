"""Place names in English answers: a capitalised word that a place context introduces ("a
payments company in Dublin", "on a flight to Boston", "passing Shannon", "a flat near Leeds",
"a Bristol design agency", "St Mary's Hospital") names a town, a region, an airport or a venue,
not a tool or a method, however much it looks like a product name."""

from __future__ import annotations

import re

# What is somewhere: an organisation, a venue, a home, people, a journey ("a firm in …", "a
# couple from …", "a flat in …", "a flight to …"). A tool is named after what is done or made
# with it instead ("cached in Redis", "a model in Python", "exported to CSV").
_PLACE_HEADS = (
    r"company|companies|firm|firms|startup|agency|bank|business|library|branch|branches|office|"
    r"offices|stores|shop|shops|chain|bar|bars|bistro|restaurant|cafe|hotel|hospital|"
    r"clinic|surgery|school|college|university|campus|council|distributor|supplier|customer|"
    r"client|patient|therapist|driver|drivers|riders?|family|families|residents?|plant|factory|"
    r"warehouse|depot|airport|station|stadium|street|road|flight|flights|trip|route|conference|"
    r"city|town|village|area|region|district|county|suburb|centre|center|museum|theatre|"
    r"theater|club|church|port|harbour|harbor|headquarters|team|teams|fair|farm|mill|mine|ward|"
    r"park|camp|market|venue|festival|couple|couples|man|woman|men|women|person|people|"
    r"guests?|visitors?|tourists?|passengers?|neighbours?|neighbors?|tenants?|landlord|"
    # Not "at home in", "in house", "flat" said of a table, nor a verb ("train in", "ship to").
    r"(?<!in )houses?|(?:(?<=a )|(?<=my )|(?<=our )|(?<=the ))flat|flats|(?<!at )homes?|townhouse|"
    r"cottage|estate|plane|aircraft|jet|airliner|ferry|boat|lorry|truck|ambulance|"
    # A time of day or a shift spent somewhere ("shortly after sunrise at …", "a night at …").
    r"(?:morning|afternoon|evening|night|sunrise|sunset|dawn|dusk|midnight|shift|weekend)(?= at)"
)
_PLACE_PREPOSITIONS = r"in|at|from|near|outside|to|into|toward|towards|around|across|via"
# Going, being or living somewhere, or taking someone there ("we diverted to …", "based in …",
# "flew over …", "took her straight to …").
_MOTION = (
    r"flew|fly|flying|flown|drove|drive|driving|travell?ed|travell?ing|arrived?|arriving|"
    r"landed|headed|heading|diverted|diverting|divert|returned|departed|departing|relocated|"
    r"based|born|lived|living|grew up|stationed|bound|"
    r"(?:took|take|taking|taken|brought|bring|rushed|transferred|transfer) (?:her|him|them|us|me)"
)
_ON_THE_WAY = r"(?:(?:straight|directly|back|home|on|out|down|up|over) )?"
# Passing a place needs no preposition ("Passing Shannon, …", "approaching Heathrow"); nor does
# being near one or a compass point from it ("near Leeds", "north of Oslo").
_PASSING = (
    r"passing|approaching|leaving|crossing|reaching|entering|visiting|overflying|near|"
    r"(?:north|south|east|west)(?:-?(?:east|west))? of"
)
# A part of a region named before it ("in mid Wales", "in rural Kent", "near north London").
_PART = (
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|mid|rural|inner|"
    r"outer|greater|downtown|upstate|coastal)(?:-?(?:east|west))? )?"
)
_CAP = r"[A-Z][A-Za-z'\u2019.-]*[A-Za-z]"
_CAP_WORD = re.compile(rf"(?<= ){_CAP}")
_CAP_RUN = re.compile(rf"(?: {_CAP})*")  # the capitals that go on with it ("New York")
# Read only just before each capital, so a long answer is not scanned once per head word.
_PLACE_BEFORE = re.compile(
    rf"\b(?i:(?:{_PLACE_HEADS}) (?:{_PLACE_PREPOSITIONS})|(?:{_MOTION}) {_ON_THE_WAY}(?:"
    rf"{_PLACE_PREPOSITIONS}|over|for)|{_PASSING}) (?:the )?{_PART}$"
)

# Most capitals follow no preposition at all: that is checked first, on a few characters.
_LAST_WORD = re.compile(rf"\b(?i:{_PLACE_PREPOSITIONS}|over|for|{_PASSING}) (?:the )?{_PART}$")

# A name before what is there says where it is ("a Bristol design agency", "a Leeds-based
# firm"); only Title-case words and organisations no tool names ("a Python shop", "a SaaS
# company" stay as they are).
_ORG_AFTER = re.compile(
    r"(?:-based)? (?:[a-z-]+ )?(?:company|companies|firm|agency|startup|charity|hospital|"
    r"hotel|council|university|college|school|restaurant|bistro|cafe|pub|bakery|newspaper|"
    r"brewery|theatre|theater|museum)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?i:a|an|the|our|my|their|his|her) $")
_TITLE_CASE = re.compile(r"[A-Z][a-z'\u2019.-]+")
# A name before the kind of place it is ("Royal Devon Hospital", "Waverley Station").
_PLACE_KIND = re.compile(
    r"(?:Hospital|Infirmary|Airport|Station|Street|Road|Avenue|Square|Park|Bridge|Harbour|"
    r"Harbor|Cathedral|Castle|Stadium|University|College|Council|County|Valley|Bay)"
)
# An aircraft or a train named by its type and number comes from a place ("a Dash 8 from …",
# "an A319 from …", "the 7:15 from …").
_VEHICLE_FROM = re.compile(r"(?:\b[A-Z][A-Za-z]*[- ]?|:)\d+[A-Za-z]? from $")


def _is_place(text: str, start: int, end: int) -> bool:
    if _LAST_WORD.search(text, max(0, start - 30), start) and _PLACE_BEFORE.search(
        text, max(0, start - 50), start
    ):
        return True
    if _VEHICLE_FROM.search(text, max(0, start - 16), start):
        return True
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, start - 8), start)
        and _TITLE_CASE.fullmatch(text, start, end)
        and _ORG_AFTER.match(text, end)
    )


def place_names(text: str) -> set[str]:
    """The capitalised words the text uses as places, lower-cased ("dublin", "boston")."""
    out: set[str] = set()
    for m in _CAP_WORD.finditer(text):
        run = m.group(0) + _CAP_RUN.match(text, m.end()).group(0)
        words = run.split()
        if (len(words) > 1 and _PLACE_KIND.fullmatch(words[-1])) or _is_place(
            text, m.start(), m.start() + len(run)
        ):
            out.update(re.sub(r"['\u2019]s$", "", word).lower() for word in words)
    return out

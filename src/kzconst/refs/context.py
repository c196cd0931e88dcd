"""Which act, edition and wording a reference found in prose names, from the words around it."""

from __future__ import annotations

import re
from typing import NamedTuple

from kzconst.refs.grammar import word_class
from kzconst.refs.parser import Hit
from kzconst.refs.wording import When, when_after, when_before

_CAPS = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
# A reference followed by one of these names another act, not the Constitution: after `of`, a
# few words then the act (`of the Universal Declaration of Human Rights`); without `of`, the act
# itself or a capitalised / genitive adjective first (`Гражданского кодекса`, `Civil Code`).
_ACT_WORD = (
    r"(?:code|law|act|decree|regulation|convention|covenant|treaty|declaration|charter|"
    r"protocol|agreement|statute|constitutional\s+law|order|rules|resolution|instruction|"
    r"memorandum|directive|bill|ordinance|regulations|standing\s+orders|procedure|"
    r"кодекс|закон|указ|постановлен|конвенц|приказ|регламент|устав|инструкци|распоряжени|"
    r"правил(?:а|ам|ами|ах)?\b|положени[яюе]\b|директив|меморандум|резолюци|"
    r"пакт|договор|декларац|хартия|хартии|протокол|соглашени|конституционн|заң|"
    r"[УГН]К\b|[ГУ]ПК\b|КоАП\b|АПК\b|ТК\b)"
)
_OTHER_ACT = re.compile(
    rf"^[\s,]*(?:of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?|"
    rf"(?:(?-i:[{_CAPS}][\w-]*)\s+|[а-яё]+(?:ого|его|ой|ей|ых|их)\s+){{0,2}}){_ACT_WORD}",
    re.I,
)
# An abbreviation right after the number (`Article 21 ECHR`, `ст. 19 МПГПП`, `of the ICCPR`)
# or right before the reference (`ICCPR, Article 19`) names another act, except these.
_ACRONYM_AFTER = re.compile(rf"^[\s,]*(?:of\s+(?:the\s+)?)?(?P<a>[{_CAPS}]{{2,8}})\b")
_ACRONYM_BEFORE = re.compile(rf"\b(?P<a>[{_CAPS}]{{2,8}})[\s,:]*$")
_OURS = {"РК", "RK", "KZ", "КРК", "ҚР", "КР", "AND", "OR", "NOT", "SEE", "ALSO", "CF", "NB", "THE"}
_ROMAN = re.compile(r"[IVXLC]+")
_CONSTITUTION_NEXT = re.compile(
    r"^[\s,]*(?:of\s+)?(?:the\s+)?(?:(?:[^\W\d_]+\s+)?(?:\d{4}\s+)?"
    r"(?:constitution\b|конституци(?:я|и|ю|ей)\b)|(?:basic|fundamental)\s+law\b|"
    r"основн(?:ой|ого|ому|ым)\s+закон)",
    re.I,
)
# A capitalised adjective or name before `Constitution` other than ours names another state's:
# `the Russian Constitution`, `the French Constitution of 1958`; also named before, `the Russian
# Constitution (Article 35)`, `Согласно Конституции РФ (ст. 35)`.
_OURS_ADJ = (
    r"(?!(?:Kazakh|Republic|New|Old|Former|Current|Present|Previous|Prior|Original|Amended|"
    r"Revised|Same|This|That|Our|Its|The|Basic|Fundamental|Constitution)\b|Kazakh)"
)
_COUNTRY_RU = (
    r"(?:рф|росси[а-я]*|российск[а-я]*|ссср|сша|франц[а-я]*|герман[а-я]*|украин[а-я]*|"
    r"беларус[а-я]*|белорусс[а-я]*|кыргыз[а-я]*|киргиз[а-я]*|узбек[а-я]*|таджик[а-я]*|"
    r"туркмен[а-я]*|азербайджан[а-я]*|армени[а-я]*|грузи[а-я]*|молдов[а-я]*|литв[а-я]*|"
    r"латви[а-я]*|эстони[а-я]*|кита[а-я]*|кнр|япони[а-я]*|итали[а-я]*|испани[а-я]*|"
    r"польш[а-я]*|турци[а-я]*|монголи[а-я]*)\b"
)
_FOREIGN_ADJ = re.compile(
    rf"^[\s,]*(?:(?:of|to|under|in)\s+)?(?:the\s+)?(?-i:(?:{_OURS_ADJ}[A-Z][\w'-]+|"
    r"[A-Z][\w'-]+\s+SSR))\s+(?-i:Constitution)\b",  # `the Kazakh SSR Constitution` too
)
# «Конституции Бразилии», «Конституции Кыргызской Республики»: a capitalised genitive name
# after the word, other than ours (Казахстана, Республики Казахстан, РК), names another state's
# («статье 21 Конституции Президент …»: the next sentence's subject, not a state).
_RU_STATE = (  # a genitive name (Бразилии, Канады, Соединённых), not the next sentence's subject
    r"(?-i:(?!(?:Казахстан[а-я]*|Республик[а-я]*\s+Казахстан|Республики|Основн[а-я]*|"
    r"Конституци[а-я]*)\b)[А-ЯЁ][а-яё]+(?:и|ы|а|ой|ей|ого|ых|их))\b"
)
_FOREIGN_RU = re.compile(
    rf"^[\s,]*(?:конституци(?:я|и|ю|ей)|основн(?:ой|ого|ому|ым)\s+закон(?:а|у|ом)?)\s+{_RU_STATE}",
    re.I,
)
# `Article 3 of the Order of the Minister of Justice`: after `of`, a capitalised name of a
# document that is not the Constitution (a part of ours, `of Section II`, is not a document).
_OF_DOCUMENT = re.compile(
    r"^\s*of\s+(?:the\s+|this\s+|that\s+)?(?-i:(?!(?:Section|Chapter|Part|Title|Division|"
    r"Constitution|Republic|Kazakh\w*|RK|KZ)\b)[A-Z][a-z][\w'-]*)",
)
_FOREIGN_BEFORE = re.compile(
    rf"(?:(?-i:\b{_OURS_ADJ}[A-Z][\w'-]+)\s+(?-i:Constitution)|"
    rf"\bконституци[а-я]*\s+(?:{_COUNTRY_RU}|{_RU_STATE}))[\s,:]*\(?\s*$",
    re.I,
)
# Another state's constitution: "Constitution of the Russian Federation", "Конституции СССР".
_FOREIGN = re.compile(
    r"^[\s,]*(?:(?:of|to)\s+)?(?:the\s+)?(?:constitution|конституци(?:я|и|ю|ей))\b[\s,]*"
    r"(?:of\s+)?(?:the\s+)?(?:republic\s+of\s+(?!kazakhstan)|республики\s+(?!казахстан)|"
    r"russian|ussr|soviet|kazakh\s+ssr|[^\W\d_]+\s+ssr\b|united\s+states|"
    rf"{_COUNTRY_RU}|[^\W\d_]+\s+сср\b|"
    r"(?<=of\s)(?:the\s+)?(?!kazakhstan\b|republic\b)(?-i:[A-Z][a-z]{2,})\b)",
    re.I,
)
# The Constitution that was in force before 2026, or the new one.
_OLD = (
    r"(?P<old>former|old|previous|earlier|prior|superseded|repealed|прежн[а-я]*|стар[а-я]*|"
    r"предыдущ[а-я]*|ранее\s+действовавш[а-я]*|утративш[а-я]*\s+силу)"
)
_NEW = r"(?P<new>new|нов[а-я]*)"
# "... of the Constitution of 1995", "Конституции Республики Казахстан 1995 года",
# "Конституции РК от 30 августа 1995 года", "the 1995 Constitution", "of the former Constitution".
_EDITION_AFTER = re.compile(
    rf"^[\s,]*(?:(?:of|to)\s+)?(?:the\s+)?(?:(?:{_OLD}|{_NEW})\s+)?"
    r"(?:(?P<y1>\d{4})(?:\s+года)?\s+)?(?:kazakh(?:stan's|stani)?\s+)?"
    r"(?:constitution|конституци(?:я|и|ю|ей))\b"
    r"(?:\s+(?:of\s+)?(?:the\s+)?(?:republic\s+of\s+kazakhstan|kazakhstan|"
    r"республики\s+казахстан|казахстана|рк\b))?"
    r"[\s,(]*(?:(?:adopted\s+(?:on|in)|adopted|принят[а-я]*(?:\s+в)?|of|от|dated)\s+)?"
    r"(?:\d{1,2}\s+[^\W\d_]+\s+)?(?P<y2>\d{4})?",
    re.I,
)
# `Article 21 (1995)`: the year of the edition, in brackets.
_YEAR_AFTER = re.compile(r"^\s*\((?P<y1>(?:19|20)\d\d)(?P<y2>)\)")
# The edition just before: "the 1995 Constitution, Article 21", "Constitution of 1995, art. 21",
# "the Constitution adopted in 1995, Article 41", "Конституция 1995 года, статья 21", and the
# tool's own commentary: "1995 Article 21(2)", "1995 predecessor: Article 21", "1995 18(2)".
_EDITION_BEFORE = re.compile(
    r"(?:\b(?P<y1>\d{4})\s+constitution|\b(?:constitution|конституци[а-я]*)\s+"
    r"(?:of\s+(?:(?:the\s+republic\s+of\s+)?kazakhstan\s+(?:of\s+)?)?|"
    r"(?:республики\s+казахстан|казахстана|рк)\s+|"
    r"(?:adopted|принят[а-я]*)\s+(?:in\s+|on\s+|в\s+)?(?:\d{1,2}\s+[^\W\d_]+\s+)?)?"
    r"(?P<y2>\d{4})(?:\s+(?:года|г\.))?|(?<![\d.\-/])\b(?P<y3>1995|2026)(?:\s+(?:predecessors?|"
    r"successors?|text|wording|edition)(?:\s+as\s+amended)?|\s+(?:transitional|original))?"
    r"(?::\s*(?:under|in|see)\b)?)[\s,:]*$",
    re.I,
)
# `the Constitution in force until 1 July 2026`, `Конституции, действовавшей до 1 июля 2026 года`.
_UNTIL_AFTER = re.compile(
    r"^[\s,]*(?:of\s+)?(?:the\s+)?(?:constitution|конституци[а-я]*)\b[\s,]*(?:(?:in\s+force|"
    r"действовавш[а-я]*)\s+)?(?:until|till|up\s+to|before|до|по)\s+(?:\d{1,2}\s+[^\W\d_]+\s+)?"
    r"(?:19\d\d|20[01]\d|202[0-6])",
    re.I,
)
_OLD_BEFORE = re.compile(
    rf"\b(?:{_OLD}|{_NEW})\s+(?:(?:constitution|конституци[а-я]*)[\s,:]*)?$", re.I
)  # `the former Constitution, Article 41`, `the old Article 41`
_OLD_WORDS = ("former", "old", "previous", "earlier", "prior", "new", "прежн", "стар", "нов")
_OLD_ONE_AFTER = re.compile(rf"^[\s,]*of\s+the\s+(?:{_OLD}|{_NEW})\s+one\b", re.I)
# An article of an act named just before (`Law No. 254-III of 21 May 2007, Article 1`).
_LAW_BEFORE = re.compile(
    r"\b(?:law|code|act|decree|закон[а-я]*|кодекс[а-я]*|указ[а-я]*|заң[а-яәіңғүұқөһ]*)\s+"
    r"(?:(?:(?:of|от)\s+[^,;.]{0,40}?\s+)?(?:no\.?|№|nr\.?)\s*[\w-]+)?"
    r"(?:\s*(?:of|от|dated)\s+[^,;.]{0,30}?\d{4}(?:\s+(?:года|г\.))?)?[\s,:]*$",
    re.I,
)
# Amendments made before 2026 are amendments of the 1995 text (the 2026 text has none): "the
# 2022 amendments to Articles 44 and 47", "Law No. 254-III amended Article 41".
_AMENDING_BEFORE = re.compile(
    r"(?:amendments?\s+(?:to|of)|amended|amending|изменени[яй]\s+(?:в|к)|поправк[аи]\s+к|"
    r"изменил[аи]?|изменен[аоы]?)\s+(?:the\s+)?$",
    re.I,
)
# `of 30 August 1995, Article 5`, `dated 1995`: the date of some act, not an edition.
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
)
_DATE_BEFORE = re.compile(
    rf"(?:\b(?:dated|since|until|до)|\d{{1,2}}\s+{_MONTH}[а-я]*|{_MONTH}\s+\d{{1,2}},)\s*$", re.I
)
_SENTENCE = re.compile(r"[.;!?]\s+(?=[A-ZА-ЯЁ])|\n")
_BEFORE_2026 = re.compile(r"\b(?:199[5-9]|20[01]\d|202[0-5])\b|\b(?:no\.?|№)\s*\d", re.I)
# Kazakh names the act before the reference (`_last_word` reads it): "1995 жылғы Конституцияның
# 4-бабы", "Азаматтық кодекстің 9-бабы", "бұрынғы Конституцияның 44-бабы".
_YEAR_BEFORE = re.compile(r"(\d{4})\s+жылғы\s+(?:\d{1,2}\s+[^\W\d_]+\s+)?(?:[^\W\d_]+\s+){0,2}$")
_KK_BASIC = re.compile(r"\bата\s+$", re.I)
# Another state named before `Конституциясының`: `Ресей Федерациясы`, `Қырғыз Республикасы`.
_KK_FOREIGN = re.compile(
    r"(?:(?<!қазақстан)\s+(?:республикасы|федерациясы)|\b(?:ресей|қырғыз|өзбекстан|беларусь|"
    r"украина|франция|германия|ақш|кср|кеңес|түркия|қытай|тәжікстан|түрікменстан|әзірбайжан))"
    r"[\s,]*$",
    re.I,
)
_KK_OLD = re.compile(r"(?:бұрынғы|ескі|бұрын\s+қолданылған)\s+$", re.I)


# A line break ends what names a reference's act or edition (bulleted lists have no full stops):
# a blank line, or a reference that begins its line (after a bullet), unless the line before
# ends with a list connector.
_BLANK = re.compile(r"\n[ \t]*\n\s*")
_BULLET = re.compile(r"[ \t]*(?:[-•*–—]|\d{1,3}[.)]|[a-zа-я][.)])?[ \t]*")
_CONNECTOR = re.compile(r"(?:[,;:]|\band|\bor|\bи|\bили|\bжәне|\bнемесе)\s*$", re.I)
_AFTER_BREAK = re.compile(r"\n[ \t]*(?:\n|[-•*–—]\s)")


def _block(before: str) -> str:
    """The text before a reference, back to the line break that ends its chain."""
    nl = before.rfind("\n")
    if nl < 0:
        return before
    if nl >= 0 and _BULLET.fullmatch(before, nl + 1) and not _CONNECTOR.search(before[:nl]):
        return ""
    blanks = list(_BLANK.finditer(before))
    if blanks and not _CONNECTOR.search(before[: blanks[-1].start()]):
        return before[blanks[-1].end() :]
    return before


class Context(NamedTuple):
    """The edition a reference names and, for `as amended in 2007`, the wording's time phrase."""

    edition: str
    when: When | None = None


def context_of(text: str, hit: Hit, default: str) -> Context | None:
    """The edition (and wording year) the reference names, the default when it names none, or
    None when it names another act or another constitution."""
    if hit.kazakh:
        ed = _kazakh_edition(text, hit, default)
        return Context(ed) if ed is not None else None
    after = _AFTER_BREAK.split(text[hit.after : hit.after + 120], 1)[0]
    if after.startswith(("@1995", "@2026")):  # kzconst's own qualifier, pasted into prose
        return Context(after[1:5])
    before = _block(text[max(0, hit.head - 120) : hit.head])
    law = _LAW_BEFORE.search(before) if _names(before, _LAW_WORDS) else None
    if law is not None and _CONSTITUTION_NEXT.match(after):  # `By Law No. 254-III of 2007,
        return Context("1995" if _BEFORE_2026.search(law.group()) else default)  # Article 41 of
    if _other_act(after, before):  # the Constitution was amended`
        return None
    if _UNTIL_AFTER.match(after):
        return Context("1995")
    dated = _YEAR4.search(before) or "original" in before[-30:].casefold()
    when = when_after(after) or (when_before(before) if dated else None)
    if when is not None:
        return Context("1995", when)
    m = _EDITION_AFTER.match(after) or _YEAR_AFTER.match(after) or _OLD_ONE_AFTER.match(after)
    if m is not None and (m.groupdict().get("old") or m.groupdict().get("new")):
        return Context("1995" if m.group("old") else "2026")
    named = (m.group("y1") or m.group("y2")) if m is not None else None
    if named is None:
        ed = _edition_before(before)
        if ed is not None:
            return Context(ed) if ed else None
    ed = _edition_year(named, default)
    return Context(ed) if ed is not None else None


def _other_act(after: str, before: str) -> bool:
    """Whether the act named right after (or right before) the reference is not ours."""
    if _FOREIGN.match(after) or _FOREIGN_ADJ.match(after) or _FOREIGN_RU.match(after):
        return True
    if _names(before, _LAW_WORDS) and _LAW_BEFORE.search(before):
        return True
    if _names(before, _CONSTITUTION_WORDS) and _FOREIGN_BEFORE.search(before):
        return True
    if _CONSTITUTION_NEXT.match(after):
        return False
    if _OTHER_ACT.match(after) or _OF_DOCUMENT.match(after):
        return True
    for m in (_ACRONYM_AFTER.match(after), _ACRONYM_BEFORE.search(before)):
        if m is not None and m.group("a") not in _OURS and not _ROMAN.fullmatch(m.group("a")):
            return True
    return False


# Cheap necessary conditions, tried before the end-anchored patterns above (each of which
# tries every position of the 120-character window): a reference in a long run of others
# costs what it costs on a line of its own.
_YEAR4 = re.compile(r"\d{4}")
_CONSTITUTION_WORDS = ("constitu", "конституц")
_LAW_WORDS = ("law", "code", "act", "decree", "закон", "кодекс", "указ", "заң")
_AMENDING_WORDS = ("amend", "измен", "поправк")


def _names(before: str, words: tuple[str, ...]) -> bool:
    low = before.casefold()
    return any(w in low for w in words)


def _edition_before(before: str) -> str | None:
    """The edition named just before the reference, or by an amendment of the 1995 text; ""
    for another constitution (`the 1993 Constitution, Article 64`)."""
    year, constitution = _YEAR4.search(before), _names(before, _CONSTITUTION_WORDS)
    m = _EDITION_BEFORE.search(before) if year else None  # every form of it has a year
    if m is not None and not (m.group("y3") and _DATE_BEFORE.search(before, 0, m.start())):
        return _edition_year(m.group("y1") or m.group("y2") or m.group("y3"), "") or ""
    near = constitution or _names(before[-25:], _OLD_WORDS)  # `the old Article 41`
    m = _OLD_BEFORE.search(before) if near else None
    if m is not None:
        return "1995" if m.group("old") else "2026"
    if _names(before, _AMENDING_WORDS) and _AMENDING_BEFORE.search(before):
        sentence = _SENTENCE.split(before)[-1]
        if _BEFORE_2026.search(sentence):
            return "1995"
    return None


def _kazakh_edition(text: str, hit: Hit, default: str) -> str | None:
    before = _block(text[max(0, hit.start - 100) : hit.start])
    for _ in range(3):  # `Азаматтық кодекстің жалпы бөлімінің 5-бабы`: the act, further back
        found = _last_word(before)
        if found is None:
            return default
        word, start = found
        if word.isupper() and len(word) > 1:
            return default if word in _OURS else None  # `МПГПП 19-бабы`
        cls = word_class(word.casefold())
        if cls == "ACT" and _KK_BASIC.search(before, 0, start):
            cls = "CONST"  # `Ата Заңның 21-бабы`: the Fundamental Law is the Constitution
        if cls == "ACT":
            return None
        before = before[:start]
        if cls == "CONST":
            if _KK_FOREIGN.search(before):
                return None  # `Ресей Федерациясы Конституциясының 19-бабы`
            if _KK_OLD.search(before):
                return "1995"
            year = _YEAR_BEFORE.search(before)
            return _edition_year(year.group(1) if year else None, default)
    return default


def _last_word(before: str) -> tuple[str, int] | None:
    """The word that ends `before` (spaces and commas after it aside) and where it starts; read
    backwards, not by an end-anchored pattern tried at every position."""
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] == ","):
        end -= 1
    start = end
    while start and before[start - 1].isalpha():
        start -= 1
    return (before[start:end], start) if start < end else None


def _edition_year(year: str | None, default: str) -> str | None:
    if year is None:
        return default or None
    return year if year in ("1995", "2026") else None

"""One citation record, many styles (plain, oscola, bluebook, ru, kk, bibtex, csl-json, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from kzconst.corpus.model import Corpus
from kzconst.errors import UsageError
from kzconst.output.records import eid, stable_id
from kzconst.refs.resolve import Provision

STYLES = (
    "plain",
    "short",
    "oscola",
    "bluebook",
    "ru",
    "kk",
    "bibtex",
    "csl-json",
    "markdown",
    "url",
    "id",
)
TITLE = "Constitution of the Republic of Kazakhstan"
TITLE_RU = "Конституции Республики Казахстан"
TITLE_KK = "Қазақстан Республикасы Конституциясының"
TRANSLIT = "Konstitutsiya Respubliki Kazakhstan"


# A NamedTuple, not a dataclass: `import dataclasses` and building the class cost ~2 ms of the
# start-up of `kzconst cite`.
class Citation(NamedTuple):
    """Everything a style needs about one cited provision."""

    edition: str
    year: str
    adopted: str
    article: str
    paragraph: str | None  # None also for an article without numbered paragraphs
    item: str | None
    preamble: bool
    url: str
    id: str
    eid: str
    in_force: bool
    as_of: str = ""  # the day whose wording is cited (`REF@DATE`, `--as-of`)
    plural: bool = False  # several articles (`article` = "21–23") or paragraphs ("1–3")

    @property
    def pin(self) -> str:
        """`21(1)(3)`, or `46(3)` for a sub-item of an unnumbered article."""
        out = self.article
        if self.paragraph:
            # 21(1)–(3), 21(1), (3): the forms the corpus's own notes use
            out += "(" + self.paragraph.replace("–", ")–(").replace(", ", "), (") + ")"
        if self.item:
            out += "(" + self.item.replace("–", ")–(").replace(", ", "), (") + ")"
        return out


def citation_for(corpus: Corpus, p: Provision) -> Citation:
    ed = corpus.editions[p.article.edition]
    return Citation(
        edition=ed.id,
        year=ed.id,
        adopted=ed.adopted,
        article=p.article.number,
        paragraph=p.paragraph.number if p.paragraph is not None and p.paragraph.number else None,
        item=p.item.number if p.item is not None else None,
        preamble=p.article.is_preamble,
        url=ed.official_source,
        id=stable_id(p.article, p.paragraph, p.item),
        eid=eid(p.article, p.paragraph, p.item),
        in_force=not ed.in_force_to,
        as_of=p.article.as_of if p.article.edition == "1995" else "",
    )


def group_citation(corpus: Corpus, provisions: list[Provision]) -> Citation | None:
    """One citation for several provisions of one argument (`21-23`, `21,23`, `21(1)-(3)`,
    `46(8)-(10)`): whole articles of one edition, paragraphs of one article, or sub-items of
    one paragraph. None when there is no one form for them (mixed editions, the preamble with
    articles, sub-items of several paragraphs)."""
    if len(provisions) < 2:
        return None
    first = citation_for(corpus, provisions[0])
    if len({(p.article.edition, p.article.as_of) for p in provisions}) > 1 or first.preamble:
        return None
    if any(p.item is not None for p in provisions):
        return _items_citation(first, provisions)
    if all(p.paragraph is None for p in provisions):
        numbers = [p.article.number for p in provisions]
        if any(p.article.is_preamble for p in provisions):
            return None
        return _replace(first, article=_compress(numbers), paragraph=None)
    articles = {p.article.number for p in provisions}
    if len(articles) > 1 or any(p.paragraph is None or not p.paragraph.number for p in provisions):
        return None
    numbers = [p.paragraph.number for p in provisions if p.paragraph is not None]
    return _replace(first, paragraph=_compress(numbers))


def _items_citation(first: Citation, provisions: list[Provision]) -> Citation | None:
    """`46(8)-(10)`: sub-items of one paragraph (or of one article's lead-in) as one citation."""
    if len({(p.article.number, p.paragraph and p.paragraph.number) for p in provisions}) > 1:
        return None
    if any(p.item is None for p in provisions):
        return None
    numbers = [p.item.number for p in provisions if p.item is not None]
    items = _compress(numbers)
    span = first.id.rsplit("__point_", 1)[0] + "__point_" + items
    ident = span.replace("–", "-").replace(", ", "_")
    return first._replace(item=items, plural=True, id=ident, eid=ident.replace("/", "_"))


def _replace(c: Citation, *, article: str | None = None, paragraph: str | None) -> Citation:
    span = (article or c.article) + (f"__para_{paragraph}" if paragraph else "")
    ident = f"{c.edition}/art_" + span.replace("–", "-").replace(", ", "_")
    return c._replace(
        article=article or c.article,
        paragraph=paragraph,
        item=None,
        plural=True,
        id=ident,
        eid=ident.replace("/", "_"),
    )


def _compress(numbers: list[str]) -> str:
    """`1 2 3 5` -> `1–3, 5`: runs of consecutive numbers as ranges (with an en dash)."""
    runs: list[list[str]] = []
    for n in numbers:
        if runs and n.isdigit() and runs[-1][-1].isdigit() and int(n) == int(runs[-1][-1]) + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


GROUP_STYLES = frozenset(STYLES) - {"id"}  # an id names one provision


def format_citation(c: Citation, style: str) -> str:
    """Format one citation in `style` (one line; csl-json is one compact JSON object)."""
    try:
        formatter = _FORMATTERS[style]
    except KeyError:
        raise UsageError(
            f"unknown citation style {style!r} (styles: {', '.join(STYLES)})"
        ) from None
    return formatter(c)


def _edition_words(c: Citation) -> str:
    if c.as_of:
        return f"{c.year}, as in force on {_long(c.as_of)}"
    return c.year if c.in_force else f"{c.year}, as amended to 2022"


def _long(iso: str) -> str:
    from kzconst.output.wording import long_date

    return long_date(iso)


def _dated(c: Citation) -> str:
    """` (as in force on 1 January 2010)` for a dated citation of the 1995 text."""
    return f" (as in force on {_long(c.as_of)})" if c.as_of else ""


def _art(c: Citation, dot: str = ".") -> str:
    """`art. 21(1)`; several articles `arts. 21–23` (OSCOLA writes no full stops: `arts 21–23`);
    paragraphs or sub-items of one article keep `art.`: `art. 21(1)–(3)`, `art. 46(8)–(10)`."""
    several = c.plural and not c.paragraph and not c.item
    return f"art{'s' if several else ''}{dot} {c.pin}"


def _plain(c: Citation) -> str:
    where = "preamble" if c.preamble else _art(c)
    return f"{TITLE} ({_edition_words(c)}), {where}"


def _short(c: Citation) -> str:
    where = "pmbl." if c.preamble else _art(c)
    return f"Const. RK {c.year}, {where}{_dated(c)}"


def _oscola(c: Citation) -> str:
    where = "preamble" if c.preamble else _art(c, "")
    return f"{TITLE} {c.year}, {where}{_dated(c)}"


def _bluebook(c: Citation) -> str:
    where = "pmbl." if c.preamble else _art(c)
    return f"{TRANSLIT} [Constitution] {where} (Kaz. {c.year}){_dated(c)}"


def _ru(c: Citation) -> str:
    title = f"{TITLE_RU} {c.year} года"
    if c.as_of:
        y, m, d = c.as_of.split("-")
        title += f" (в редакции, действовавшей на {d}.{m}.{y})"
    if c.preamble:
        return f"преамбула {title}"
    # Several: «пп. 1–3 ст. 21» (пункты); sub-items «подп. 8)–10) ст. 46», since «пп.» also
    # abbreviates one подпункт: «пп. 8) ст. 46».
    parts = []
    if c.item and c.plural:
        parts.append("подп. " + c.item.replace("–", ")–").replace(", ", "), ") + ")")
    elif c.item:
        parts.append(f"пп. {c.item})")
    if c.paragraph:
        parts.append(f"{'пп.' if c.plural and not c.item else 'п.'} {c.paragraph}")
    parts.append(f"ст. {c.article}")
    return " ".join(parts) + f" {title}"


def _kk(c: Citation) -> str:
    title = f"{c.year} жылғы {TITLE_KK}"
    if c.as_of:  # «по состоянию на»: the wording as it stood on that day
        y, m, d = c.as_of.split("-")
        title = f"({d}.{m}.{y} жағдай бойынша) {title}"
    if c.preamble:
        return f"{title} преамбуласы"
    if c.plural and c.item:  # several sub-items: `46-бабының 8)–10) тармақшалары`
        items = c.item.replace("–", ")–").replace(", ", "), ") + ")"
        where = f"{c.article}-бабының " + (f"{c.paragraph}-тармағының " if c.paragraph else "")
        return f"{title} {where}{items} тармақшалары"
    if c.plural:  # several paragraphs of one article, or several articles
        if c.paragraph:
            return f"{title} {c.article}-бабының {c.paragraph}-тармақтары"
        return f"{title} {c.article}-баптары"
    if c.item and c.paragraph:
        return f"{title} {c.article}-бабының {c.paragraph}-тармағының {c.item}) тармақшасы"
    if c.item:
        return f"{title} {c.article}-бабының {c.item}) тармақшасы"
    if c.paragraph:
        return f"{title} {c.article}-бабының {c.paragraph}-тармағы"
    return f"{title} {c.article}-бабы"


def _bibtex(c: Citation) -> str:
    # Distinct provisions, and distinct wordings of one, get distinct keys: 2,13 and 21,3 too,
    # and a range (21–23: ids 2026/art_21-23) and a list (21, 23: 2026/art_21_23) as well.
    ident = c.id + ("-range" if "–" in c.pin else "") + (f"-{c.as_of}" if c.as_of else "")
    key = "kzconst-" + re.sub(r"[^A-Za-z0-9]+", "-", ident).strip("-")
    where = "preamble" if c.preamble else _art(c)
    fields = [
        f"title = {{{TITLE}}}",
        f"date = {{{c.adopted}}}",
        f"note = {{{where}; edition {_edition_words(c)}; unofficial English rendering (kzconst)}}",
        f"url = {{{c.url}}}",
        "langid = {english}",
    ]
    return f"@legislation{{{key}, " + ", ".join(fields) + "}"


def csl_record(c: Citation) -> dict[str, object]:
    """One CSL-JSON item; `cite --style csl-json` prints a JSON array of them."""
    import json

    return dict(json.loads(_csl(c)))


def _csl(c: Citation) -> str:
    y, m, d = (int(x) for x in c.adopted.split("-"))
    record = {
        "id": f"{c.id}@{c.as_of}" if c.as_of else c.id,  # two wordings are two items
        "type": "legislation",
        "title": TITLE,
        "issued": {"date-parts": [[y, m, d]]},
        "jurisdiction": "kz",
        "URL": c.url,
        "note": f"edition {_edition_words(c)}; unofficial English rendering (kzconst)",
    }
    # CSL's locator labels include "article" (the pin 21(1)(3) is "art. 21(1)(3)") and none for
    # a preamble, which is named in the note instead.
    if c.preamble:
        record["note"] = "preamble; " + str(record["note"])
    else:
        record.update({"locator": c.pin, "label": "article"})
    import json

    return json.dumps(record, ensure_ascii=False)


def _markdown(c: Citation) -> str:
    from kzconst.output.read import _md_escape, md_url

    return f"[{_md_escape(_plain(c))}]({md_url(c.url)})"


_FORMATTERS: dict[str, Callable[[Citation], str]] = {
    "plain": _plain,
    "short": _short,
    "oscola": _oscola,
    "bluebook": _bluebook,
    "ru": _ru,
    "kk": _kk,
    "bibtex": _bibtex,
    "csl-json": _csl,
    "markdown": _markdown,
    "url": lambda c: c.url,
    "id": lambda c: c.id + (f"@{c.as_of}" if c.as_of else ""),
}

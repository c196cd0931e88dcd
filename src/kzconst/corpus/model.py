"""The corpus model: frozen records for editions, sections and articles, and the Corpus."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles every string
# annotation into a ForwardRef, ~1 ms at the import of this module (start-up is measured).
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from kzconst.errors import UsageError

EDITIONS = ("2026", "1995")
DEFAULT_EDITION = "2026"
PREAMBLE = "preamble"


# Immutable typed records. NamedTuple rather than frozen dataclasses: a dataclass costs ~0.4 ms
# to create at import and `kzconst show` is held to 1.3x the start-up of `import typer`.


class Concord(NamedTuple):
    """The paragraph-level concordance of a 2026 provision: what it continues, and how."""

    predecessors: tuple[str, ...]  # 1995 provisions, "18(1)", "77(3)(1)"; () when new
    change: str  # "identical" | "reworded" | "changed" | "new"
    note: str = ""


class Wording(NamedTuple):
    """An earlier wording of a provision, with the days it was in force and the law that made it."""

    start: str  # first day in force, ISO
    end: str  # last day in force, ISO
    law: str  # a [[law]] id ("1995" for the original text)
    text: str
    gap: bool = False  # True: this wording could not be read; text is ""
    note: str = ""
    closing: str | None = None  # the paragraph's closing text in this wording (None: as now)
    source: str = ""  # where this wording was read: "repository:path@commit"


class History(NamedTuple):
    """When the current wording of a provision took effect, and the wordings before it."""

    since: str = ""  # the day the current wording took effect; "" = the original text
    since_law: str = ""
    inserted: bool = False  # the provision did not exist before its earliest wording
    excluded_from: str = ""  # the first day it was no longer in force
    excluded_law: str = ""
    wordings: tuple[Wording, ...] = ()  # earlier wordings, oldest first
    note: str = ""  # how the current wording took effect, where that needs saying


class Law(NamedTuple):
    """A law that amended the Constitution (or "1995", the original text)."""

    id: str
    title: str
    date: str
    number: str = ""
    in_force: str = ""
    note: str = ""
    source: str = ""


class Item(NamedTuple):
    """A numbered sub-item `1)`, `2)` inside a paragraph."""

    number: str
    text: str
    status: str = ""
    status_note: str = ""
    concord: Concord | None = None
    history: History | None = None
    lead_in: str = ""  # a lead-in that starts a second list 1), 2)... inside the paragraph


class Paragraph(NamedTuple):
    """A numbered paragraph (`number` is "" for an article's only, unnumbered text)."""

    number: str
    text: str
    items: tuple[Item, ...] = ()
    status: str = ""
    status_note: str = ""
    closing: str = ""  # text after the sub-items that belongs to the paragraph, not the last item
    concord: Concord | None = None
    history: History | None = None

    def item(self, number: str) -> Item | None:
        """Return sub-item `number`, or None."""
        return next((i for i in self.items if i.number == number), None)


class Commentary(NamedTuple):
    """One fact of our commentary, never the text, with the URL that supports it."""

    kind: str
    text: str
    source: str


class Article(NamedTuple):
    """An article (or the preamble) of one edition."""

    edition: str
    number: str
    section: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    commentary: tuple[Commentary, ...] = ()
    topics: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    concordance_note: str = ""
    sources: tuple[str, ...] = ()
    source_note: str = ""
    status: str = "in force"
    status_note: str = ""
    history: History | None = None  # 1995: inserted after 1995, or repealed
    as_of: str = ""  # set when the article is read as on a day (`--as-of`, `REF@DATE`)

    @property
    def numbered(self) -> bool:
        """True when the article's paragraphs carry official numbers."""
        return any(p.number for p in self.paragraphs)

    @property
    def is_preamble(self) -> bool:
        return self.number == PREAMBLE

    @property
    def repealed(self) -> bool:
        return self.status == "repealed"

    def paragraph(self, number: str) -> Paragraph | None:
        """Return paragraph `number`, or None."""
        return next((p for p in self.paragraphs if p.number == number), None)

    def aligned_units(self) -> Iterator[tuple[Paragraph, Item | None]]:
        """What the concordance labels: each paragraph with its sub-items, except in an
        article of a lead-in and sub-items, where the lead-in (item None) and each sub-item
        stand alone."""
        for para in self.paragraphs:
            yield para, None
            if para.items and not para.number:
                yield from ((para, it) for it in para.items)


class Section(NamedTuple):
    edition: str
    number: str
    title: str
    first: str
    last: str


class Edition(NamedTuple):
    id: str
    title: str
    adopted: str
    in_force_from: str
    in_force_to: str
    official_source: str
    description: str = ""
    published: str = ""
    signed: str = ""

    def in_force_on(self, day: date) -> bool:
        start = date.fromisoformat(self.in_force_from)
        end = date.fromisoformat(self.in_force_to) if self.in_force_to else date.max
        return start <= day <= end


class _Blob(NamedTuple):
    """An article table kept marshalled in the cache, with the keys the index needs."""

    edition: str
    number: str
    data: bytes


class TimelineEvent(NamedTuple):
    """An event of the constitutional reform, with where it can be checked."""

    date: str
    event: str
    source: str


class Corpus:
    """A whole corpus file: editions, sections, articles in official order, vocabulary.

    Articles are built from their TOML tables on first use: `show 21` builds one article, not
    two hundred. Only tables that passed validation reach a Corpus (see `load_corpus`).
    """

    def __init__(
        self,
        path: Path,
        version: str,
        translation_note: str,
        editions: dict[str, Edition],
        sections: tuple[Section, ...],
        topics: dict[str, str],
        aliases: dict[str, tuple[str, ...]],
        tables: list[Any],
        built: list[Article] | None = None,
        timeline: tuple[TimelineEvent, ...] = (),
        laws: dict[str, Law] | None = None,
        vocabulary: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.version = version
        self.translation_note = translation_note
        self.editions = editions
        self.sections = sections
        self.topics = topics
        self.aliases = aliases
        self.timeline = timeline
        self.laws = laws or {}
        self.vocabulary = vocabulary or {}  # [thesaurus] and [glossary], for the search index
        self._tables = tables
        self._built: list[Article | None] = list(built) if built else [None] * len(tables)
        self._keys = [
            (t[0], t[1]) if isinstance(t, tuple) else (t["edition"], t["number"]) for t in tables
        ]
        self._index = {key: i for i, key in enumerate(self._keys)}

    def _build(self, i: int) -> Article:
        art = self._built[i]
        if art is None:
            table = self._tables[i]
            if isinstance(table, tuple):  # a cached blob: (edition, number, marshalled table)
                import marshal

                table = marshal.loads(table[2])
            art = self._built[i] = article_from_table(table)
        return art

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of every edition, in file (official) order."""
        return tuple(self._build(i) for i in range(len(self._tables)))

    def article(self, edition: str, number: str) -> Article | None:
        """Return the article `number` of `edition`, or None."""
        i = self._index.get((edition, number))
        return None if i is None else self._build(i)

    def numbers(self, edition: str) -> list[str]:
        """Article numbers of one edition in official order (preamble included), cheaply."""
        return [n for e, n in self._keys if e == edition]

    def edition_articles(self, edition: str) -> list[Article]:
        """The articles of one edition in official order, preamble first."""
        return [self._build(i) for i, (e, _) in enumerate(self._keys) if e == edition]

    def edition_sections(self, edition: str) -> list[Section]:
        return [s for s in self.sections if s.edition == edition]

    def section(self, edition: str, number: str) -> Section | None:
        return next((s for s in self.sections if s.edition == edition and s.number == number), None)

    def section_articles(self, section: Section) -> Iterator[Article]:
        return (a for a in self.edition_articles(section.edition) if a.section == section.number)

    def edition_in_force(self, day: date) -> str:
        """The id of the edition in force on `day`."""
        for ed in self.editions.values():
            if ed.in_force_on(day):
                return ed.id
        first = min(self.editions.values(), key=lambda e: e.in_force_from)
        raise UsageError(
            f"no edition was in force on {day.isoformat()} "
            f"(the earliest, {first.id}, is in force from {first.in_force_from})"
        )


def _strings(t: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(t.get(key, ()))


def article_from_table(t: dict[str, Any]) -> Article:
    """Build an Article from a TOML table that has passed validation (no checks here)."""
    return Article(
        edition=t["edition"],
        number=t["number"],
        section=t.get("section", ""),
        title=t["title"],
        paragraphs=tuple(
            Paragraph(
                number=p.get("number", ""),
                text=p.get("text", ""),
                items=tuple(
                    Item(
                        i["number"],
                        i.get("text", ""),
                        i.get("status", ""),
                        i.get("status_note", ""),
                        concord_from_table(i),
                        history_from_table(i),
                        i.get("lead_in", ""),
                    )
                    for i in p.get("item", ())
                ),
                status=p.get("status", ""),
                status_note=p.get("status_note", ""),
                closing=p.get("closing", ""),
                concord=concord_from_table(p),
                history=history_from_table(p),
            )
            for p in t.get("paragraph", ())
        )
        + repealed_paragraphs(t),
        commentary=tuple(
            Commentary(c["kind"], c["text"], c["source"]) for c in t.get("commentary", ())
        ),
        topics=_strings(t, "topics"),
        aliases=_strings(t, "aliases"),
        xrefs=_strings(t, "xrefs"),
        predecessors=_strings(t, "predecessors"),
        successors=_strings(t, "successors"),
        concordance_note=t.get("concordance_note", ""),
        sources=_strings(t, "sources"),
        source_note=t.get("source_note", ""),
        status=t.get("status", "") or "in force",
        status_note=t.get("status_note", ""),
        history=article_history(t),
    )


def concord_from_table(t: dict[str, Any]) -> Concord | None:
    """The paragraph-level concordance keys of a validated table, or None when absent."""
    if "predecessors" not in t and "change" not in t:
        return None
    return Concord(_strings(t, "predecessors"), t.get("change", ""), t.get("change_note", ""))


def history_from_table(t: dict[str, Any]) -> History | None:
    """The time-model keys of a validated paragraph or item table, or None when absent."""
    wordings = t.get("wording", ())
    if not (wordings or t.get("since") or t.get("excluded_from") or t.get("inserted")):
        return None
    return History(
        since=t.get("since", ""),
        since_law=t.get("since_law", ""),
        inserted=bool(t.get("inserted", False)),
        excluded_from=t.get("excluded_from", ""),
        excluded_law=t.get("excluded_law", ""),
        wordings=tuple(_wording(w) for w in wordings),
        note=t.get("since_note", ""),
    )


def _wording(w: dict[str, Any]) -> Wording:
    return Wording(
        w["from"],
        w["to"],
        w["law"],
        w.get("text", ""),
        bool(w.get("gap", False)),
        w.get("note", ""),
        w.get("closing"),
        w.get("source", ""),
    )


def repealed_paragraphs(t: dict[str, Any]) -> tuple[Paragraph, ...]:
    """A repealed article's paragraphs: excluded now, with their wordings while in force
    (`[[article.wording]]` tables with a `paragraph` key)."""
    numbers = list(dict.fromkeys(w.get("paragraph", "") for w in t.get("wording", ())))
    return tuple(
        Paragraph(
            number=n,
            text="",
            status="excluded",
            history=History(
                excluded_from=t.get("repealed_from", ""),
                excluded_law=t.get("repealed_law", ""),
                wordings=tuple(_wording(w) for w in t["wording"] if w.get("paragraph", "") == n),
            ),
        )
        for n in numbers
    )


def article_history(t: dict[str, Any]) -> History | None:
    """An article inserted after 1995 or repealed: its dates and laws."""
    if not (t.get("inserted") or t.get("repealed_from")):
        return None
    return History(
        since=t.get("inserted", ""),
        since_law=t.get("inserted_law", ""),
        inserted=bool(t.get("inserted")),
        excluded_from=t.get("repealed_from", ""),
        excluded_law=t.get("repealed_law", ""),
    )

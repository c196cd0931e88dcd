"""Strict validation of a parsed corpus: every problem with its file, line and field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzconst.corpus import (
    EDITIONS,
    PREAMBLE,
    Article,
    Commentary,
    Corpus,
    Edition,
    Item,
    Paragraph,
    Section,
)
from kzconst.errors import CorpusError

Loc = tuple[Any, ...]  # ("article", i) or ("article.paragraph", i, j): a lazily found line

ARTICLE_NUMBER = re.compile(r"^\d+(-\d+)?$")
LABEL = re.compile(r"^\d+(-\d+)?$")
XREF = re.compile(r"^\d+(-\d+)?(\(\d+(-\d+)?\)){0,2}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COMMENTARY_KINDS = ("summary", "change", "context", "history")
CHANGE_KINDS = ("new", "changed", "unchanged")
ARTICLE_STATUSES = ("in force", "repealed")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a corpus file."""

    path: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.field}: {self.message}"


class _Locator:
    """Maps the k-th [[article]] / [[article.paragraph]] / ... and a key to a line number."""

    def __init__(self, path: Path) -> None:
        try:
            self.lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            self.lines = []
        self.headers: dict[str, list[int]] = {}
        self.children: dict[tuple[str, int], list[int]] = {}
        current: dict[str, int] = {}
        for no, line in enumerate(self.lines, 1):
            m = re.match(r"^\s*\[\[\s*([\w.]+)\s*\]\]", line) or re.match(
                r"^\s*\[\s*([\w.]+)\s*\]", line
            )
            if not m:
                continue
            name = m.group(1)
            self.headers.setdefault(name, []).append(no)
            current[name] = len(self.headers[name]) - 1
            parent = name.rsplit(".", 1)[0] if "." in name else None
            if parent is not None and parent in current:
                self.children.setdefault((name, current[parent]), []).append(no)

    def table(self, name: str, index: int) -> int | None:
        found = self.headers.get(name, [])
        return found[index] if index < len(found) else None

    def child(self, name: str, parent_index: int, index: int) -> int | None:
        found = self.children.get((name, parent_index), [])
        return found[index] if index < len(found) else None

    def key(self, start: int | None, key: str) -> int | None:
        """The line of `key = ...` in the table that starts at line `start`."""
        if start is None:
            return None
        for no in range(start, len(self.lines)):
            line = self.lines[no]
            if re.match(r"^\s*\[", line):
                break
            if re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
                return no + 1
        return start


class _Builder:
    def __init__(self, raw: dict[str, Any], path: Path) -> None:
        self.raw = raw
        self.path = path
        self.problems: list[Problem] = []
        self._locator: _Locator | None = None

    @property
    def locator(self) -> _Locator:
        if self._locator is None:
            self._locator = _Locator(self.path)
        return self._locator

    def problem(self, loc: Loc | None, fieldname: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line_of(loc), fieldname, message))

    def flag(self, loc: Loc | None, key: str, fieldname: str, message: str) -> None:
        """A problem with the value of `key` in the table at `loc`."""
        self.problems.append(Problem(self.path, self.line_of(loc, key), fieldname, message))

    def line_of(self, loc: Loc | None, key: str = "") -> int | None:
        """Resolve a lazy location, (table, i) or (table, parent, j), to a line number."""
        if loc is None:
            return None
        if len(loc) == 2:
            start = self.locator.table(loc[0], loc[1])
        else:
            start = self.locator.child(loc[0], loc[1], loc[2])
        return self.locator.key(start, key) if key else start

    def text(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        line: Loc | None,
        *,
        required: bool = True,
    ) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.flag(line, key, f"{where}.{key}", "must be a string")
            return ""
        if required and not value.strip():
            self.flag(line, key if key in table else "", f"{where}.{key}", "is missing or empty")
        return value

    def strings(
        self, table: dict[str, Any], key: str, where: str, line: Loc | None
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.flag(line, key, f"{where}.{key}", "must be a list of strings")
            return ()
        return tuple(value)

    def tables(
        self, table: dict[str, Any], key: str, where: str, line: Loc | None
    ) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(line, f"{where}.{key}", "must be an array of tables [[...]]")
            return []
        return value

    # --- the parts --------------------------------------------------------------------------

    def build(self) -> Corpus:
        meta = self.raw.get("corpus", {})
        if not isinstance(meta, dict):
            meta = {}
        meta_line: Loc = ("corpus", 0)
        if "corpus" not in self.raw:
            self.problem(None, "corpus", "the [corpus] table is missing")
        version = self.text(meta, "version", "corpus", meta_line)
        note = self.text(meta, "translation_note", "corpus", meta_line, required=False)
        editions = self.build_editions()
        sections = self.build_sections(editions)
        topics = self.build_topics()
        aliases = self.build_aliases()
        articles = self.build_articles(editions, sections, topics)
        self.check_references(articles)
        return Corpus(
            self.path,
            version,
            note,
            editions,
            tuple(sections),
            topics,
            aliases,
            self.raw_articles(),
            articles,
        )

    def raw_articles(self) -> list[dict[str, Any]]:
        """The article tables, keyed well enough for Corpus's index even when invalid."""
        raw = self.raw.get("article", [])
        if not isinstance(raw, list):
            return []
        return [
            {**t, "edition": str(t.get("edition", "")), "number": str(t.get("number", ""))}
            if isinstance(t, dict)
            else {"edition": "", "number": ""}
            for t in raw
        ]

    def build_editions(self) -> dict[str, Edition]:
        editions: dict[str, Edition] = {}
        raw = self.tables(self.raw, "edition", "edition", None)
        if not raw:
            self.problem(None, "edition", "no [[edition]] table: a corpus needs at least one")
        for i, t in enumerate(raw):
            line: Loc = ("edition", i)
            where = f"edition[{i}]"
            ed_id = self.text(t, "id", where, line)
            if ed_id and ed_id not in EDITIONS:
                self.flag(
                    line,
                    "id",
                    f"{where}.id",
                    f"unknown edition {ed_id!r} (expected one of {', '.join(EDITIONS)})",
                )
            if ed_id in editions:
                self.flag(line, "id", f"{where}.id", f"edition {ed_id} is defined twice")
            dates = {}
            for key in ("adopted", "in_force_from", "in_force_to"):
                value = self.text(t, key, where, line, required=key != "in_force_to")
                if value and not ISO_DATE.match(value):
                    self.flag(line, key, f"{where}.{key}", f"{value!r} is not a date YYYY-MM-DD")
                    value = ""
                dates[key] = value
            editions[ed_id] = Edition(
                id=ed_id,
                title=self.text(t, "title", where, line),
                adopted=dates["adopted"],
                in_force_from=dates["in_force_from"] or "0001-01-01",
                in_force_to=dates["in_force_to"],
                official_source=self.text(t, "official_source", where, line),
                description=self.text(t, "description", where, line, required=False),
                published=self.text(t, "published", where, line, required=False),
                signed=self.text(t, "signed", where, line, required=False),
            )
        return editions

    def build_sections(self, editions: dict[str, Edition]) -> list[Section]:
        sections: list[Section] = []
        seen: set[tuple[str, str]] = set()
        for i, t in enumerate(self.tables(self.raw, "section", "section", None)):
            line: Loc = ("section", i)
            where = f"section[{i}]"
            sec = Section(
                *(
                    self.text(t, k, where, line)
                    for k in ("edition", "number", "title", "first", "last")
                )
            )
            if sec.edition and sec.edition not in editions:
                self.flag(
                    line,
                    "edition",
                    f"{where}.edition",
                    f"edition {sec.edition!r} has no [[edition]] table",
                )
            if (sec.edition, sec.number) in seen:
                self.flag(
                    line,
                    "number",
                    f"{where}.number",
                    f"section {sec.number} of {sec.edition} is defined twice",
                )
            seen.add((sec.edition, sec.number))
            sections.append(sec)
        return sections

    def build_topics(self) -> dict[str, str]:
        topics = self.raw.get("topics", {})
        if not isinstance(topics, dict) or not all(isinstance(v, str) for v in topics.values()):
            self.problem(("topics", 0), "topics", 'must be a table of id = "description"')
            return {}
        return dict(topics)

    def build_aliases(self) -> dict[str, tuple[str, ...]]:
        aliases = self.raw.get("aliases", {})
        ok = isinstance(aliases, dict) and all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in aliases.values()
        )
        if not ok:
            self.problem(
                ("aliases", 0), "aliases", 'must be a table of name = ["alternative", ...]'
            )
            return {}
        return {k: tuple(v) for k, v in aliases.items()}

    def build_articles(
        self, editions: dict[str, Edition], sections: list[Section], topics: dict[str, str]
    ) -> list[Article]:
        articles: list[Article] = []
        seen: set[tuple[str, str]] = set()
        section_ids = {(s.edition, s.number) for s in sections}
        raw = self.tables(self.raw, "article", "article", None)
        if not raw:
            self.problem(None, "article", "no [[article]] tables: the corpus has no text")
        for i, t in enumerate(raw):
            line: Loc = ("article", i)
            number = t.get("number", "?")
            where = f"article[{i}] ({t.get('edition', '?')} art. {number})"
            art = self.build_article(i, t, where, line)
            key = (art.edition, art.number)
            if art.edition and art.edition not in editions:
                self.flag(
                    line,
                    "edition",
                    f"{where}.edition",
                    f"edition {art.edition!r} has no [[edition]] table",
                )
            if key in seen:
                self.flag(
                    line,
                    "number",
                    f"{where}.number",
                    f"article {art.number} of {art.edition} appears twice",
                )
            seen.add(key)
            if not art.is_preamble and (art.edition, art.section) not in section_ids:
                self.flag(
                    line,
                    "section",
                    f"{where}.section",
                    f"section {art.section!r} of {art.edition} is not defined",
                )
            for topic in art.topics:
                if topic not in topics:
                    self.flag(
                        line,
                        "topics",
                        f"{where}.topics",
                        f"topic {topic!r} is not in the [topics] vocabulary",
                    )
            articles.append(art)
        return articles

    def build_article(self, i: int, t: dict[str, Any], where: str, line: Loc | None) -> Article:
        number = self.text(t, "number", where, line)
        if number and number != PREAMBLE and not ARTICLE_NUMBER.match(number):
            self.flag(
                line,
                "number",
                f"{where}.number",
                f'{number!r} is not an article number like "21" or "83-1"',
            )
        status = self.text(t, "status", where, line, required=False) or "in force"
        if status not in ARTICLE_STATUSES:
            self.flag(
                line,
                "status",
                f"{where}.status",
                f"{status!r} is not one of {', '.join(ARTICLE_STATUSES)}",
            )
        paragraphs = self.build_paragraphs(i, t, where, line)
        if not paragraphs and status != "repealed":
            self.problem(line, f"{where}.paragraph", "the article has no paragraphs")
        commentary = self.build_commentary(i, t, where, line)
        if not commentary:
            self.problem(line, f"{where}.commentary", "the article has no commentary")
        sources = self.strings(t, "sources", where, line)
        if not sources:
            self.flag(
                line,
                "sources" if "sources" in t else "",
                f"{where}.sources",
                "the article names no source of its wording",
            )
        change = self.text(t, "change", where, line, required=False)
        if change and change not in CHANGE_KINDS:
            self.flag(
                line,
                "change",
                f"{where}.change",
                f"{change!r} is not one of {', '.join(CHANGE_KINDS)}",
            )
        xrefs = self.strings(t, "xrefs", where, line)
        for x in xrefs:
            if not XREF.match(x):
                self.flag(line, "xrefs", f"{where}.xrefs", f'{x!r} is not a reference like "43(5)"')
        return Article(
            edition=self.text(t, "edition", where, line),
            number=number,
            section=self.text(t, "section", where, line, required=number != PREAMBLE),
            title=self.text(t, "title", where, line),
            paragraphs=tuple(paragraphs),
            commentary=tuple(commentary),
            topics=self.strings(t, "topics", where, line),
            aliases=self.strings(t, "aliases", where, line),
            xrefs=xrefs,
            predecessors=self.strings(t, "predecessors", where, line),
            successors=self.strings(t, "successors", where, line),
            concordance_note=self.text(t, "concordance_note", where, line, required=False),
            change=change,
            sources=sources,
            source_note=self.text(t, "source_note", where, line, required=False),
            status=status,
            status_note=self.text(t, "status_note", where, line, required=False),
        )

    def build_paragraphs(
        self, i: int, t: dict[str, Any], where: str, line: Loc | None
    ) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        numbers: list[str] = []
        raw = self.tables(t, "paragraph", where, line)
        for j, p in enumerate(raw):
            pline: Loc = ("article.paragraph", i, j)
            label = p.get("number", "")
            pwhere = f"{where}.paragraph[{j}]"
            if not isinstance(label, str) or (label and not LABEL.match(label)):
                self.flag(
                    pline,
                    "number",
                    f"{pwhere}.number",
                    f'{label!r} is not a paragraph number like "1" or "3-1"',
                )
                label = str(label)
            if label in numbers:
                self.flag(
                    pline,
                    "number",
                    f"{pwhere}.number",
                    f"paragraph {label or '(unnumbered)'} appears twice",
                )
            numbers.append(label)
            status = self.text(p, "status", pwhere, pline, required=False)
            items = self.build_items(p, pwhere, pline)
            text = self.text(p, "text", pwhere, pline, required=False)
            if status not in ("", "excluded"):
                self.flag(
                    pline, "status", f"{pwhere}.status", f'{status!r} is not "" or "excluded"'
                )
            if not text.strip() and not items and status != "excluded":
                self.problem(pline, f"{pwhere}.text", "the paragraph is empty")
            paragraphs.append(
                Paragraph(
                    label,
                    text,
                    tuple(items),
                    status,
                    self.text(p, "status_note", pwhere, pline, required=False),
                    self.text(p, "closing", pwhere, pline, required=False),
                )
            )
        if "" in numbers and len(numbers) > 1:
            self.problem(
                line,
                f"{where}.paragraph",
                "an unnumbered paragraph must be the article's only paragraph",
            )
        return paragraphs

    def build_items(self, p: dict[str, Any], where: str, line: Loc | None) -> list[Item]:
        items: list[Item] = []
        for k, it in enumerate(self.tables(p, "item", where, line)):
            iwhere = f"{where}.item[{k}]"
            label = it.get("number", "")
            if not isinstance(label, str) or not LABEL.match(label):
                self.problem(line, f"{iwhere}.number", f"{label!r} is not a sub-item number")
                label = str(label)
            status = self.text(it, "status", iwhere, line, required=False)
            text = self.text(it, "text", iwhere, line, required=False)
            if not text.strip() and status != "excluded":
                self.problem(line, f"{iwhere}.text", "the sub-item is empty")
            items.append(
                Item(
                    label, text, status, self.text(it, "status_note", iwhere, line, required=False)
                )
            )
        return items

    def build_commentary(
        self, i: int, t: dict[str, Any], where: str, line: Loc | None
    ) -> list[Commentary]:
        out: list[Commentary] = []
        for k, c in enumerate(self.tables(t, "commentary", where, line)):
            cline: Loc = ("article.commentary", i, k)
            cwhere = f"{where}.commentary[{k}]"
            kind = self.text(c, "kind", cwhere, cline)
            if kind and kind not in COMMENTARY_KINDS:
                self.flag(
                    cline,
                    "kind",
                    f"{cwhere}.kind",
                    f"{kind!r} is not one of {', '.join(COMMENTARY_KINDS)}",
                )
            source = self.text(c, "source", cwhere, cline)
            if source and not source.startswith(("https://", "http://")):
                self.flag(cline, "source", f"{cwhere}.source", f"{source!r} is not an http(s) URL")
            out.append(Commentary(kind, self.text(c, "text", cwhere, cline), source))
        return out

    def check_references(self, articles: list[Article]) -> None:
        """Every cross-reference, predecessor and successor must resolve."""
        index = {(a.edition, a.number): a for a in articles}
        other = {"2026": "1995", "1995": "2026"}
        for i, art in enumerate(articles):
            line: Loc = ("article", i)
            where = f"article[{i}] ({art.edition} art. {art.number})"
            for x in art.xrefs:
                target = _resolve_xref(index, art.edition, x)
                if target:
                    self.flag(line, "xrefs", f"{where}.xrefs", target)
            for key, numbers in (
                ("predecessors", art.predecessors),
                ("successors", art.successors),
            ):
                for n in numbers:
                    ed = other.get(art.edition, "")
                    if (ed, n) not in index and any(a.edition == ed for a in articles):
                        self.flag(
                            line, key, f"{where}.{key}", f"article {n} of {ed} does not exist"
                        )


def _resolve_xref(index: dict[tuple[str, str], Article], edition: str, xref: str) -> str:
    """'' when `xref` resolves inside `edition`, else what is wrong."""
    m = re.match(r"^(\d+(?:-\d+)?)((?:\(\d+(?:-\d+)?\))*)$", xref)
    if not m:
        return f'{xref!r} is not a reference like "43(5)"'
    art = index.get((edition, m.group(1)))
    if art is None:
        return f"{xref}: article {m.group(1)} does not exist"
    parts = re.findall(r"\((\d+(?:-\d+)?)\)", m.group(2))
    if not parts:
        return ""
    if not art.numbered:
        items = art.paragraphs[0].items if art.paragraphs else ()
        wanted = parts[-1]
        return (
            ""
            if any(it.number == wanted for it in items)
            else (f"{xref}: article {art.number} has no subparagraph {wanted})")
        )
    para = art.paragraph(parts[0])
    if para is None:
        return f"{xref}: article {art.number} has no paragraph {parts[0]}"
    if len(parts) > 1 and para.item(parts[1]) is None:
        return (
            f"{xref}: paragraph {parts[0]} of article {art.number} has no subparagraph {parts[1]})"
        )
    return ""


def validate(raw: dict[str, Any], path: Path) -> tuple[Corpus, list[Problem]]:
    """Build a corpus from parsed TOML and return it with every problem found."""
    builder = _Builder(raw, path)
    corpus = builder.build()
    return corpus, builder.problems


def build_corpus(raw: dict[str, Any], path: Path) -> Corpus:
    """Build a corpus, raising CorpusError naming the first problem (and how many more)."""
    corpus, problems = validate(raw, path)
    if problems:
        more = (
            f" (and {len(problems) - 1} more; run `kzconst check {path}`)"
            if len(problems) > 1
            else ""
        )
        raise CorpusError(f"{problems[0]}{more}")
    return corpus

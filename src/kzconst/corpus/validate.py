"""Strict validation of a parsed corpus: every rule, each problem with its file, line and field."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from kzconst.corpus.articles import build_article, check_references
from kzconst.corpus.history import check_history, valid_date
from kzconst.corpus.model import (
    EDITIONS,
    Article,
    Corpus,
    Edition,
    Law,
    Section,
    TimelineEvent,
)
from kzconst.corpus.problems import Checker, Loc, Problem
from kzconst.corpus.schema import check_schema
from kzconst.errors import CorpusError


def _build(c: Checker) -> Corpus:
    """Every part of the corpus, checked; the Corpus is built even when problems were found."""
    check_schema(c)
    meta = c.raw.get("corpus", {})
    if not isinstance(meta, dict):
        meta = {}
    meta_line: Loc = ("corpus", 0)
    if "corpus" not in c.raw:
        c.problem(None, "corpus", "the [corpus] table is missing")
    version = c.text(meta, "version", "corpus", meta_line)
    note = c.text(meta, "translation_note", "corpus", meta_line, required=False)
    editions = _build_editions(c)
    sections = _build_sections(c, editions)
    topics = _build_topics(c)
    aliases = _build_aliases(c)
    articles = _build_articles(c, editions, sections, topics)
    check_references(c, articles)
    _check_periods(c, editions)
    _check_section_ranges(c, sections, articles)
    timeline = _build_timeline(c)
    laws = _build_laws(c)
    check_history(c, articles, laws)
    return Corpus(
        c.path,
        version,
        note,
        editions,
        tuple(sections),
        topics,
        aliases,
        _raw_articles(c),
        articles,
        timeline,
        laws,
        {"thesaurus": c.raw.get("thesaurus"), "glossary": c.raw.get("glossary")},
    )


def _raw_articles(c: Checker) -> list[dict[str, Any]]:
    """The article tables, keyed well enough for Corpus's index even when invalid."""
    raw = c.raw.get("article", [])
    if not isinstance(raw, list):
        return []
    return [
        {**t, "edition": str(t.get("edition", "")), "number": str(t.get("number", ""))}
        if isinstance(t, dict)
        else {"edition": "", "number": ""}
        for t in raw
    ]


def _build_editions(c: Checker) -> dict[str, Edition]:
    editions: dict[str, Edition] = {}
    raw = c.tables(c.raw, "edition", "edition", None)
    if not raw:
        c.problem(None, "edition", "no [[edition]] table: a corpus needs at least one")
    for i, t in enumerate(raw):
        line: Loc = ("edition", i)
        where = f"edition[{i}]"
        ed_id = c.text(t, "id", where, line)
        if ed_id and ed_id not in EDITIONS:
            c.flag(
                line,
                "id",
                f"{where}.id",
                f"unknown edition {ed_id!r} (expected one of {', '.join(EDITIONS)})",
            )
        if ed_id in editions:
            c.flag(line, "id", f"{where}.id", f"edition {ed_id} is defined twice")
        dates = {}
        for key in ("adopted", "in_force_from", "in_force_to"):
            value = c.text(t, key, where, line, required=key != "in_force_to")
            if value and not valid_date(value):
                c.flag(line, key, f"{where}.{key}", f"{value!r} is not a date YYYY-MM-DD")
                value = ""
            dates[key] = value
        editions[ed_id] = Edition(
            id=ed_id,
            title=c.text(t, "title", where, line),
            adopted=dates["adopted"],
            in_force_from=dates["in_force_from"] or "0001-01-01",
            in_force_to=dates["in_force_to"],
            official_source=c.text(t, "official_source", where, line),
            description=c.text(t, "description", where, line, required=False),
            published=c.text(t, "published", where, line, required=False),
            signed=c.text(t, "signed", where, line, required=False),
        )
    return editions


def _build_sections(c: Checker, editions: dict[str, Edition]) -> list[Section]:
    sections: list[Section] = []
    seen: set[tuple[str, str]] = set()
    for i, t in enumerate(c.tables(c.raw, "section", "section", None)):
        line: Loc = ("section", i)
        where = f"section[{i}]"
        sec = Section(
            *(c.text(t, k, where, line) for k in ("edition", "number", "title", "first", "last"))
        )
        if sec.edition and sec.edition not in editions:
            c.flag(
                line,
                "edition",
                f"{where}.edition",
                f"edition {sec.edition!r} has no [[edition]] table",
            )
        if (sec.edition, sec.number) in seen:
            c.flag(
                line,
                "number",
                f"{where}.number",
                f"section {sec.number} of {sec.edition} is defined twice",
            )
        seen.add((sec.edition, sec.number))
        sections.append(sec)
    return sections


def _check_periods(c: Checker, editions: dict[str, Edition]) -> None:
    """Each edition's period runs forwards, and no two editions are in force on the same day."""
    periods = []
    for i, ed in enumerate(editions.values()):
        end = ed.in_force_to or "9999-12-31"
        if ed.in_force_to and ed.in_force_to < ed.in_force_from:
            c.flag(
                ("edition", i),
                "in_force_to",
                f"edition[{i}].in_force_to",
                f"{ed.in_force_to} is before in_force_from {ed.in_force_from}",
            )
        periods.append((ed.in_force_from, end, i, ed.id))
    periods.sort()
    for (_, end, _, first), (start, _, j, second) in itertools.pairwise(periods):
        if start <= end:
            c.flag(
                ("edition", j),
                "in_force_from",
                f"edition[{j}].in_force_from",
                f"edition {second} comes into force ({start}) while edition {first} is "
                f"still in force (until {end}); periods must not overlap",
            )


def _check_section_ranges(c: Checker, sections: list[Section], articles: list[Article]) -> None:
    """A section's first and last articles exist in its edition, in that order."""
    position = {(a.edition, a.number): k for k, a in enumerate(articles)}
    for i, sec in enumerate(sections):
        where = f"section[{i}]"
        ends = []
        for key in ("first", "last"):
            number = getattr(sec, key)
            k = position.get((sec.edition, number))
            if number and k is None:
                c.flag(
                    ("section", i),
                    key,
                    f"{where}.{key}",
                    f"article {number!r} of {sec.edition} does not exist",
                )
            ends.append(k)
        if None not in ends and ends[0] > ends[1]:  # type: ignore[operator]
            c.flag(
                ("section", i),
                "last",
                f"{where}.last",
                f"the section ends (article {sec.last}) before it starts (article {sec.first})",
            )


def _build_timeline(c: Checker) -> tuple[TimelineEvent, ...]:
    events: list[TimelineEvent] = []
    for i, t in enumerate(c.tables(c.raw, "timeline", "timeline", None)):
        line: Loc = ("timeline", i)
        where = f"timeline[{i}]"
        day = c.text(t, "date", where, line)
        if day and not valid_date(day):
            c.flag(line, "date", f"{where}.date", f"{day!r} is not a date YYYY-MM-DD")
        source = c.text(t, "source", where, line)
        if source and not source.startswith(("https://", "http://")):
            c.flag(line, "source", f"{where}.source", f"{source!r} is not an http(s) URL")
        events.append(TimelineEvent(day, c.text(t, "event", where, line), source))
    return tuple(events)


def _build_laws(c: Checker) -> dict[str, Law]:
    laws: dict[str, Law] = {}
    for i, t in enumerate(c.tables(c.raw, "law", "law", None)):
        line: Loc = ("law", i)
        where = f"law[{i}]"
        law_id = c.text(t, "id", where, line)
        if law_id in laws:
            c.flag(line, "id", f"{where}.id", f"law {law_id!r} is defined twice")
        for key in ("date", "in_force"):
            value = c.text(t, key, where, line, required=key == "date")
            if value and not valid_date(value):
                c.flag(line, key, f"{where}.{key}", f"{value!r} is not a date YYYY-MM-DD")
        laws[law_id] = Law(
            law_id,
            c.text(t, "title", where, line),
            c.text(t, "date", where, line),
            c.text(t, "number", where, line, required=False),
            c.text(t, "in_force", where, line, required=False),
            c.text(t, "note", where, line, required=False),
            c.text(t, "source", where, line, required=False),
        )
    return laws


def _build_topics(c: Checker) -> dict[str, str]:
    topics = c.raw.get("topics", {})
    if not isinstance(topics, dict) or not all(isinstance(v, str) for v in topics.values()):
        c.problem(("topics", 0), "topics", 'must be a table of id = "description"')
        return {}
    return dict(topics)


def _build_aliases(c: Checker) -> dict[str, tuple[str, ...]]:
    aliases = c.raw.get("aliases", {})
    ok = isinstance(aliases, dict) and all(
        isinstance(v, list) and all(isinstance(s, str) for s in v) for v in aliases.values()
    )
    if not ok:
        c.problem(("aliases", 0), "aliases", 'must be a table of name = ["alternative", ...]')
        return {}
    return {k: tuple(v) for k, v in aliases.items()}


def _build_articles(
    c: Checker, editions: dict[str, Edition], sections: list[Section], topics: dict[str, str]
) -> list[Article]:
    articles: list[Article] = []
    seen: set[tuple[str, str]] = set()
    section_ids = {(s.edition, s.number) for s in sections}
    raw = c.tables(c.raw, "article", "article", None)
    if not raw:
        c.problem(None, "article", "no [[article]] tables: the corpus has no text")
    for i, t in enumerate(raw):
        line: Loc = ("article", i)
        number = t.get("number", "?")
        where = f"article[{i}] ({t.get('edition', '?')} art. {number})"
        art = build_article(c, i, t, where, line)
        key = (art.edition, art.number)
        if art.edition and art.edition not in editions:
            c.flag(
                line,
                "edition",
                f"{where}.edition",
                f"edition {art.edition!r} has no [[edition]] table",
            )
        if key in seen:
            c.flag(
                line,
                "number",
                f"{where}.number",
                f"article {art.number} of {art.edition} appears twice",
            )
        seen.add(key)
        if not art.is_preamble and (art.edition, art.section) not in section_ids:
            c.flag(
                line,
                "section",
                f"{where}.section",
                f"section {art.section!r} of {art.edition} is not defined",
            )
        for topic in art.topics:
            if topic not in topics:
                c.flag(
                    line,
                    "topics",
                    f"{where}.topics",
                    f"topic {topic!r} is not in the [topics] vocabulary",
                )
        articles.append(art)
    return articles


def validate(raw: dict[str, Any], path: Path) -> tuple[Corpus, list[Problem]]:
    """Build a corpus from parsed TOML and return it with every problem found."""
    checker = Checker(raw, path)
    corpus = _build(checker)
    return corpus, checker.problems


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

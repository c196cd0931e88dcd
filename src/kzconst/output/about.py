"""Layouts for the topic index and for `info` (editions, provenance, reform timeline)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from kzconst.corpus.model import Article, Corpus
from kzconst.output.read import edition_label
from kzconst.output.records import no_key
from kzconst.output.render import BLANK, Line, Span
from kzconst.output.wording import long_date

if TYPE_CHECKING:
    pass


# --- topics and info -------------------------------------------------------------------------


def topic_articles(
    corpus: Corpus, edition: str, topic: str | None, day: date | None = None
) -> list[Article]:
    """The articles of one topic (of any topic when None); on `day`, those then in force."""
    from kzconst.corpus.asof import status_on

    return [
        a
        for a in corpus.edition_articles(edition)
        if (topic in a.topics if topic is not None else a.topics) and status_on(a, day) is not None
    ]


def topics_lines(
    corpus: Corpus, edition: str, topic: str | None, day: date | None = None
) -> list[Line]:
    lines: list[Line] = []
    for tid, description in corpus.topics.items():
        if topic is not None and tid != topic:
            continue
        arts = topic_articles(corpus, edition, tid, day)
        lines.append(
            Line(
                (
                    Span(f"{tid:<26}", "ref"),
                    Span(f" {description}", "text"),
                    Span(f"  [{_articles(len(arts))}]", "meta"),
                ),
                0,
                27,  # the description column
            )
        )
        if topic is not None:
            lines += [
                Line(
                    (Span(f"{a.number}@{edition}", "ref"), Span(f"  {a.title}", "text")),
                    2,
                    len(f"{a.number}@{edition}  "),
                )
                for a in arts
            ]
    if day is not None and lines:
        note = (
            f"Articles in force on {long_date(day.isoformat())}; topics describe the last wording."
        )
        lines.append(Line.of(note, "meta"))
    return lines


def topics_refs(
    corpus: Corpus, edition: str, topic: str | None, day: date | None = None
) -> list[str]:
    """`N@EDITION` (`@DAY` when dated) of every article with the topic (any topic if None)."""
    at = f"@{day.isoformat()}" if day is not None else ""
    return [f"{a.number}@{edition}{at}" for a in topic_articles(corpus, edition, topic, day)]


def _articles(n: int) -> str:
    """`1 article`, `3 articles`."""
    return f"{n} article" if n == 1 else f"{n} articles"


def topics_markdown(
    corpus: Corpus, edition: str, topic: str | None, day: date | None = None
) -> str:
    out: list[str] = []
    for tid, description in corpus.topics.items():
        if topic is not None and tid != topic:
            continue
        arts = topic_articles(corpus, edition, tid, day)
        out.append(f"- **{tid}**: {description} ({_articles(len(arts))})")
        if topic is not None:
            out += [f"    - Article {a.number} ({edition}) — {a.title}" for a in arts]
    return "\n".join(out) + "\n"


def topics_records(
    corpus: Corpus, edition: str, topic: str | None, day: date | None = None
) -> list[dict[str, Any]]:
    return [
        no_key(
            "topic",
            edition=edition,
            topic=tid,
            description=desc,
            articles=[a.number for a in topic_articles(corpus, edition, tid, day)],
        )
        for tid, desc in corpus.topics.items()
        if topic is None or tid == topic
    ]


def info_lines(corpus: Corpus) -> list[Line]:
    lines = [
        Line.of("kzconst — the Constitution of the Republic of Kazakhstan", "heading"),
        Line.of(f"Corpus {corpus.version}: {corpus.path}", "meta"),
        BLANK,
    ]
    for ed in corpus.editions.values():
        n = len([a for a in corpus.edition_articles(ed.id) if not a.is_preamble])
        lines.append(
            Line(
                (Span(f"Edition {ed.id}", "title"), Span(f"  {edition_label(ed)}", "meta")),
                0,
                len(f"Edition {ed.id}  "),
            )
        )
        lines.append(Line.of(ed.description, "text", 2))
        lines.append(
            Line.of(
                f"Adopted {long_date(ed.adopted)}; in force "
                f"{long_date(ed.in_force_from)} – "
                f"{long_date(ed.in_force_to) or 'today'}; {n} articles in corpus",
                "text",
                2,
            )
        )
        lines.append(Line.of(f"Official text: {ed.official_source}", "meta", 2))
    lines += [
        BLANK,
        Line.of("Translation", "title"),
        Line.of(corpus.translation_note, "text", 2),
        BLANK,
        *_law_lines(corpus),
        Line.of("Reform timeline", "title"),
    ]
    lines += [
        Line((Span(d, "ref"), Span(f"  {what}", "text"), Span(f"  <{url}>", "meta")), 2, len(d) + 2)
        for d, what, url in corpus.timeline
    ]
    return lines


def _law_lines(corpus: Corpus) -> list[Line]:
    """The wordings of the 1995 text: each amending law, with the day it took effect."""
    if not corpus.laws:
        return []
    lines = [
        Line.of("Wordings of the 1995 text (kzconst history REF shows each provision's)", "title")
    ]
    for law in corpus.laws.values():
        when = f"in force from {long_date(law.in_force)}" if law.in_force else ""
        note = f"; {law.note}" if law.note else ""
        lines.append(
            Line(
                (
                    Span(law.date, "ref"),
                    Span(f"  {law.title}", "text"),
                    Span(f"  {when}{note}", "meta"),
                ),
                2,
            )
        )
    return [*lines, BLANK]


def info_record(corpus: Corpus) -> dict[str, Any]:
    return {
        **no_key("info"),
        "laws": [law._asdict() for law in corpus.laws.values()],
        "corpus_version": corpus.version,
        "corpus_path": str(corpus.path),
        "translation_note": corpus.translation_note,
        "editions": [
            {
                "id": e.id,
                "title": e.title,
                "adopted": e.adopted,
                "in_force_from": e.in_force_from,
                "in_force_to": e.in_force_to or None,
                "official_source": e.official_source,
                "description": e.description,
                "articles": len([a for a in corpus.edition_articles(e.id) if not a.is_preamble]),
            }
            for e in corpus.editions.values()
        ],
        "timeline": [{"date": d, "event": what, "source": url} for d, what, url in corpus.timeline],
    }

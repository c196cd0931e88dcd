"""Layouts for `history`: every wording of a provision with its dates, law and word diff."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.corpus.asof import law_title
from kzconst.corpus.model import Corpus
from kzconst.output.diff import diff_lines
from kzconst.output.read import UNOFFICIAL
from kzconst.output.records import SCHEMA_VERSION, key_record
from kzconst.output.render import BLANK, Line, Span
from kzconst.output.wording import long_date

if TYPE_CHECKING:
    from kzconst.history import Timeline, Version


def _period(v: Version) -> str:
    end = f"to {long_date(v.end)}" if v.end else "onwards"
    return f"{long_date(v.start) or 'from the start'} {end}"


def _law(corpus: Corpus, law: str, edition: str) -> str:
    """The law that made a wording; an edition's original text by the day it was adopted."""
    if law in ("", edition):
        return f"original text of {long_date(corpus.editions[edition].adopted)}"
    return law_title(corpus, law)


def history_lines(corpus: Corpus, timelines: list[Timeline]) -> list[Line]:
    """Each provision's wordings, oldest first; after the first, a word diff from the one before."""
    lines: list[Line] = []
    if not timelines:
        return lines
    art = timelines[0].article
    lines.append(
        Line.of(f"Article {art.number} · {art.edition} · every wording, oldest first", "heading")
    )
    lines.append(
        Line.of("[-removed-] and {+added+} mark the change from the wording before.", "meta")
    )
    unchanged: dict[str, list[str]] = {}  # first day -> the provisions with one wording since
    alone = len(timelines) == 1  # one provision asked for: its one wording is the answer
    for t in timelines:
        if len(t.versions) == 1 and not alone:
            unchanged.setdefault(t.versions[0].start, []).append(_shown(t))
    for t in timelines:
        if len(t.versions) == 1 and not alone:
            continue
        lines.append(BLANK)
        lines.append(Line.of(_shown(t), "label"))
        for i, v in enumerate(t.versions):
            lines.append(
                Line(
                    (
                        Span(_period(v), "ref"),
                        Span(f"  {_law(corpus, v.law, art.edition)}", "meta"),
                    ),
                    2,
                )
            )
            if v.status == "excluded":
                lines.append(Line.of("[excluded]", "excluded", 4))
            elif i == 0 or not v.diff:
                lines += [Line(line.spans, 4) for line in _plain(v.text)]
            else:
                lines += [
                    Line(line.spans, 4)
                    for line in diff_lines(v.diff, ("equal", "delete", "insert"), markers=True)
                ]
            if v.note and v.note != t.note:  # an earlier wording's own note
                lines.append(Line.of(f"Note: {v.note}", "warn", 4))
        if t.note:
            lines.append(Line.of(f"Note: {t.note}", "warn", 2))
    if unchanged:
        lines.append(BLANK)
    for day, labels in unchanged.items():
        lines.append(Line.of(f"One wording since {long_date(day)}: " + ", ".join(labels), "meta"))
    return [*lines, BLANK, Line.of(UNOFFICIAL, "meta")]


def _shown(t: Timeline) -> str:
    return f"{t.label} ({t.series})" if t.series else t.label


def _plain(text: str) -> list[Line]:
    return [Line.of(t, "text") for t in text.split("\n")]


def history_records(corpus: Corpus, timelines: list[Timeline]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for t in timelines:
        art = t.article
        parts = [x.rstrip(")") for x in t.label.split("(")[1:]]
        para = parts[0] if len(parts) == 2 or (parts and art.numbered) else None
        item = parts[-1] if len(parts) == 2 or (parts and not art.numbered) else None
        record = key_record(art.edition, art.number, para, item, f"{t.label}@{art.edition}")
        record.update(
            {
                "type": "history",
                "inserted": t.inserted,
                "wordings": [
                    {
                        "valid_from": v.start or None,
                        "valid_to": v.end or None,
                        "law": v.law or None,
                        "law_title": _law(corpus, v.law, art.edition),
                        "status": v.status or "in force",
                        "text": "" if v.status == "gap" else v.text,
                        "diff": [{"op": c.op, "text": c.text} for c in v.diff],
                        "source": v.source or None,
                        "wording_note": v.note or None,
                    }
                    for v in t.versions
                ],
            }
        )
        out.append(record)
    return out


__all__ = ["SCHEMA_VERSION", "history_lines", "history_records"]

"""Layouts for `history`: every wording of a provision with its dates, law and word diff."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.corpus.asof import law_title
from kzconst.corpus.model import Corpus
from kzconst.output.diff import diff_lines
from kzconst.output.read import UNOFFICIAL, long_date
from kzconst.output.records import SCHEMA_VERSION, key_record
from kzconst.output.render import BLANK, Line, Span

if TYPE_CHECKING:
    from kzconst.history import Timeline, Version


def _period(v: Version) -> str:
    end = f"to {long_date(v.end)}" if v.end else "onwards"
    return f"{long_date(v.start) or 'from the start'} {end}"


def _law(corpus: Corpus, law: str) -> str:
    if law in ("", "1995"):
        return "original text of 30 August 1995"
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
    unchanged = [t.label or art.number for t in timelines if len(t.versions) == 1]
    for t in timelines:
        if len(t.versions) == 1 and not t.inserted:
            continue
        lines.append(BLANK)
        lines.append(Line.of(f"{art.number}({t.label})" if t.label else art.number, "label"))
        for i, v in enumerate(t.versions):
            lines.append(
                Line((Span(_period(v), "ref"), Span(f"  {_law(corpus, v.law)}", "meta")), 2)
            )
            if v.status == "excluded":
                lines.append(Line.of("[excluded]", "excluded", 4))
            elif i == 0:
                lines += [Line(line.spans, 4) for line in _plain(v.text)]
            else:
                lines += [
                    Line(line.spans, 4)
                    for line in diff_lines(v.diff, ("equal", "delete", "insert"), markers=True)
                ]
    if unchanged:
        lines += [
            BLANK,
            Line.of(
                "One wording since "
                f"{long_date(corpus.editions[art.edition].in_force_from)}: " + ", ".join(unchanged),
                "meta",
            ),
        ]
    return [*lines, BLANK, Line.of(UNOFFICIAL, "meta")]


def _plain(text: str) -> list[Line]:
    return [Line.of(t, "text") for t in text.split("\n")]


def history_records(corpus: Corpus, timelines: list[Timeline]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for t in timelines:
        art = t.article
        para, _, item = t.label.partition("(")
        record = key_record(art.edition, art.number, para or None, item.rstrip(")") or None)
        record.update(
            {
                "type": "history",
                "inserted": t.inserted,
                "wordings": [
                    {
                        "valid_from": v.start or None,
                        "valid_to": v.end or None,
                        "law": v.law or None,
                        "law_title": _law(corpus, v.law),
                        "status": v.status or "in force",
                        "text": v.text,
                        "diff": [{"op": c.op, "text": c.text} for c in v.diff],
                    }
                    for v in t.versions
                ],
            }
        )
        out.append(record)
    return out


__all__ = ["SCHEMA_VERSION", "history_lines", "history_records"]

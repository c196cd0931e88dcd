"""Layouts for compare (a word diff, in columns or inline) and the changes table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.corpus.model import Corpus
from kzconst.output.read import UNOFFICIAL, edition_label
from kzconst.output.records import SCHEMA_VERSION
from kzconst.output.render import BLANK, Line, Span

if TYPE_CHECKING:
    from kzconst.compare import Comparison


# --- compare ---------------------------------------------------------------------------------


def side_label(provisions: list[Any]) -> str:
    if not provisions:
        return "(nothing)"
    ed = provisions[0].edition
    return ", ".join(f"Article {p.label}" for p in provisions) + f" ({ed})"


def compare_heading(corpus: Corpus, cmp: Comparison) -> list[Line]:
    """What is compared with what, the legend, and the two editions' status."""
    lines = [
        Line(
            (
                Span("Compare ", "heading"),
                Span(side_label(cmp.left), "delete"),
                Span("  →  ", "meta"),
                Span(side_label(cmp.right), "insert"),
            )
        ),
        Line.of(
            f"Older text on the left. Similarity {cmp.similarity:.0%}. "
            "[-removed-] wording is only in the older text, {+added+} only in the newer.",
            "meta",
        ),
    ]
    for side in (cmp.left, cmp.right):
        if side:
            ed = corpus.editions[side[0].edition]
            lines.append(Line.of(f"{side[0].edition}: {edition_label(ed)}", "meta"))
    return lines


def compare_lines(corpus: Corpus, cmp: Comparison) -> list[Line]:
    """A unified word diff: [-removed-] and {+added+} marks survive piping, like git."""
    lines = [*compare_heading(corpus, cmp), BLANK]
    spans: list[Span] = []
    for chunk in cmp.chunks:
        for i, piece in enumerate(chunk.text.split("\n")):
            if i:
                lines.append(Line(tuple(spans)))
                spans = []
            if not piece:
                continue
            if spans:
                spans.append(Span(" "))
            if chunk.op == "equal":
                spans.append(Span(piece, "text"))
            elif chunk.op == "delete":
                spans.append(Span(f"[-{piece}-]", "delete"))
            else:
                spans.append(Span(f"{{+{piece}+}}", "insert"))
    if spans:
        lines.append(Line(tuple(spans)))
    lines.extend(compare_notes(cmp))
    return lines


def compare_sides(cmp: Comparison) -> tuple[list[Line], list[Line]]:
    """The older text with removed words marked, and the newer with added words marked."""
    sides: tuple[list[Line], list[Line]] = ([], [])
    current: tuple[list[Span], list[Span]] = ([], [])
    for chunk in cmp.chunks:
        targets = {"equal": (0, 1), "delete": (0,), "insert": (1,)}[chunk.op]
        style = {"equal": "text", "delete": "delete", "insert": "insert"}[chunk.op]
        for i, piece in enumerate(chunk.text.split("\n")):
            for t in targets:
                if i:
                    sides[t].append(Line(tuple(current[t])))
                    current[t].clear()
                if piece:
                    if current[t]:
                        current[t].append(Span(" "))
                    current[t].append(Span(piece, style))
    for t in (0, 1):
        if current[t]:
            sides[t].append(Line(tuple(current[t])))
    return sides


def compare_notes(cmp: Comparison) -> list[Line]:
    """The concordance note and our 'change' commentary for the compared articles."""
    lines: list[Line] = []
    notes = [
        p.article.concordance_note for p in (*cmp.right, *cmp.left) if p.article.concordance_note
    ]
    if notes:
        lines += [BLANK, Line.of("Concordance note: " + notes[0], "meta")]
    changes = [
        c for p in (*cmp.right, *cmp.left) for c in p.article.commentary if c.kind == "change"
    ]
    if changes:
        lines += [BLANK, Line.of("What changed (kzconst commentary)", "commentary-head")]
        lines += [
            Line((Span("- " + c.text, "commentary"), Span(f" <{c.source}>", "meta")))
            for c in changes
        ]
    return [*lines, BLANK, Line.of(UNOFFICIAL, "meta")]


def compare_record(cmp: Comparison) -> dict[str, Any]:
    from kzconst.output.records import provision_key

    return {
        "kzconst": SCHEMA_VERSION,
        "type": "comparison",
        "left": [provision_key(p) for p in cmp.left],
        "right": [provision_key(p) for p in cmp.right],
        "similarity": cmp.similarity,
        "diff": [{"op": c.op, "text": c.text} for c in cmp.chunks],
    }


# --- changes ---------------------------------------------------------------------------------


def changes_lines(rows: list[dict[str, Any]]) -> list[Line]:
    lines: list[Line] = []
    for r in rows:
        if r["edition"] == "2026":
            old = ", ".join(r["counterparts"]) or "—"
            lines.append(
                Line(
                    (
                        Span(f"{r['article']:>8}@2026", "ref"),
                        Span(f"  {r['status']:<12}", "warn" if r["status"] == "new" else "meta"),
                        Span(f"  1995: {old:<14}", "meta"),
                        Span("  " + r["title"]),
                    )
                )
            )
        else:
            why = r["note"] or r["status"]
            lines.append(
                Line(
                    (
                        Span(f"{r['article']:>8}@1995", "ref"),
                        Span(f"  {r['status']:<12}", "warn"),
                        Span("  2026: —             ", "meta"),
                        Span(f"  {r['title']} — {why}"),
                    )
                )
            )
    return lines

"""Layouts for compare (a word diff, in columns or inline) and the changes table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.corpus.asof import GAP
from kzconst.corpus.model import Corpus
from kzconst.output.read import UNOFFICIAL, edition_label
from kzconst.output.render import BLANK, Line, Span

if TYPE_CHECKING:
    from kzconst.compare import Chunk, Comparison, Pair


# --- compare ---------------------------------------------------------------------------------


def side_label(provisions: list[Any]) -> str:
    """`Article 18 (1995)`, `Articles 17(1), 18(2) (1995)`; many parts: `Articles 44, 55 (1995)`."""
    if not provisions:
        return "(nothing)"
    ed = provisions[0].edition
    day = provisions[0].article.as_of
    where = f"({ed}, as on {day})" if day else f"({ed})"
    labels = [p.label for p in provisions]
    articles = list(dict.fromkeys(p.article.number for p in provisions))
    if len(labels) > 3 or len(articles) < len(labels):
        labels = articles
    noun = "Article" if len(labels) == 1 else "Articles"
    return f"{noun} {', '.join(labels)} {where}"


LEGEND_MARKERS = "[-removed-] wording is only in the older text, {+added+} only in the newer."
LEGEND_STYLES = "Struck-through wording is only in the older text, underlined only in the newer."


def compare_heading(corpus: Corpus, cmp: Comparison, *, markers: bool = True) -> list[Line]:
    """What is compared with what, the legend for the marks shown, and the editions' status."""
    label = f"; {cmp.change}" if cmp.change else ""
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
            f"Older text on the left. {_similarity(cmp)}{label}. "
            + (LEGEND_MARKERS if markers else LEGEND_STYLES),
            "meta",
        ),
    ]
    for side in (cmp.left, cmp.right):
        if side:
            ed = corpus.editions[side[0].edition]
            lines.append(Line.of(f"{side[0].edition}: {edition_label(ed)}", "meta"))
    return lines


def pair_heading(pair: Pair) -> Line | None:
    """`21(1) ← 1995 18(1) · changed · 87%`, and the concordance note; None for one pair."""
    if not pair.change:
        return None
    new = ", ".join(p.label for p in pair.right) or "—"
    old = ", ".join(p.label for p in pair.left) or "—"
    edition_new = pair.right[0].edition if pair.right else "2026"
    edition_old = pair.left[0].edition if pair.left else "1995"
    text = f"{edition_new} {new} ← {edition_old} {old} · {pair.change} · {pair.similarity:.0%}"
    note = f" — {pair.note}" if pair.note else ""
    return Line((Span(text, "label"), Span(note, "meta")))


def _marked(text: str, op: str, markers: bool) -> list[Span]:
    """A run's text with its whitespace outside the marks: `[-postal,-]`, never `[- postal,-]`."""
    stripped = text.lstrip()
    spans = [Span(text[: len(text) - len(stripped)])] if stripped != text else []
    if not stripped:
        return spans
    if op == "equal":
        return [*spans, Span(stripped, "text")]
    if markers:
        stripped = f"[-{stripped}-]" if op == "delete" else f"{{+{stripped}+}}"
    return [*spans, Span(stripped, op)]


def diff_lines(chunks: tuple[Chunk, ...], ops: tuple[str, ...], *, markers: bool) -> list[Line]:
    """Runs of `ops` laid out as lines; a line break in a run starts a new line."""
    lines: list[Line] = []
    spans: list[Span] = []
    for chunk in chunks:
        if chunk.op not in ops:
            continue
        text = chunk.newer if ops == ("equal", "insert") else chunk.text
        if chunk.op == "equal" and "insert" in ops and not text[:1].isspace():
            # "…Kurultai.+} A session": the space the newer text has before an equal run
            text = chunk.newer[: len(chunk.newer) - len(chunk.newer.lstrip())] + text
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append(Line(tuple(spans)))
                spans = []
            spans += _marked(piece.lstrip(" ") if not spans else piece, chunk.op, markers)
    if spans:
        lines.append(Line(tuple(spans)))
    return lines


def compare_lines(corpus: Corpus, cmp: Comparison) -> list[Line]:
    """A unified word diff: [-removed-] and {+added+} marks survive piping, like git."""
    lines = [*compare_heading(corpus, cmp), BLANK]
    for i, pair in enumerate(cmp.pairs):
        head = pair_heading(pair)
        if i:
            lines.append(BLANK)
        if head is not None:
            lines.append(head)
        lines += diff_lines(pair.chunks, ("equal", "delete", "insert"), markers=True)
    lines.extend(compare_notes(cmp))
    return lines


def compare_sides(cmp: Comparison, *, markers: bool = False) -> tuple[list[Line], list[Line]]:
    """The older text with removed words marked, and the newer with added words marked."""
    left: list[Line] = []
    right: list[Line] = []
    for i, pair in enumerate(cmp.pairs):
        if i:
            left.append(BLANK)
            right.append(BLANK)
        head = pair_heading(pair)
        old = diff_lines(pair.chunks, ("equal", "delete"), markers=markers)
        new = diff_lines(pair.chunks, ("equal", "insert"), markers=markers)
        if head is not None:
            old, new = [head, *old], [head, *new]
        old += [BLANK] * (len(new) - len(old))
        new += [BLANK] * (len(old) - len(new))
        left += old
        right += new
    return left, right


_LAST_WORDING_ONLY = (
    "(it describes the change from the last 1995 wording, not from the dated text shown)"
)


def _gap(pair: Pair) -> bool:
    return any(GAP in c.text for c in pair.chunks)


def _similarity(cmp: Comparison) -> str:
    if any(_gap(p) for p in cmp.pairs):
        return "Similarity not measured: a wording could not be read"
    return f"Similarity {cmp.similarity:.0%}"


def compare_notes(cmp: Comparison) -> list[Line]:
    """The concordance note and our 'change' commentary for the compared articles."""
    lines: list[Line] = []
    sides = {(p.article.edition, p.article.number): p.article for p in (*cmp.right, *cmp.left)}
    arts = list(sides.values())  # one article read on two days is one article
    if len({a.edition for a in arts}) == 1:  # two wordings of one edition, not 1995 -> 2026
        first = arts[0]
        lines += [BLANK, Line.of(f"Every wording: kzconst history {first.number}@{first.edition}")]
        return [*lines, BLANK, Line.of(UNOFFICIAL, "meta")]
    notes = [a.concordance_note for a in arts if a.concordance_note]
    if notes:
        lines += [BLANK, Line.of("Concordance note: " + notes[0], "meta")]
    changes = [c for a in arts for c in a.commentary if c.kind == "change"]
    if changes:
        lines += [BLANK, Line.of("What changed (kzconst commentary)", "commentary-head")]
        dated = [a for a in arts if a.as_of and a.edition == "1995"]
        if dated:  # 15(2) on 1 January 2000 allowed the death penalty; the commentary does not
            lines.append(Line.of(_LAST_WORDING_ONLY, "meta"))
        lines += [
            Line((Span("- " + c.text, "commentary"), Span(f" <{c.source}>", "meta")), 0, 2)
            for c in changes
        ]
    return [*lines, BLANK, Line.of(UNOFFICIAL, "meta")]


def compare_record(cmp: Comparison) -> dict[str, Any]:
    from kzconst.output.records import no_key, provision_key

    return {
        **no_key("comparison"),
        "left": [provision_key(p) for p in cmp.left],
        "right": [provision_key(p) for p in cmp.right],
        "change": cmp.change or None,
        "similarity": None if any(_gap(p) for p in cmp.pairs) else cmp.similarity,
        "diff": [{"op": c.op, "text": c.text} for c in cmp.chunks],
        "pairs": [
            {
                "left": [provision_key(p) for p in pair.left],
                "right": [provision_key(p) for p in pair.right],
                "change": pair.change or None,
                "note": pair.note or None,
                "similarity": None if _gap(pair) else pair.similarity,
                "diff": [{"op": c.op, "text": c.text} for c in pair.chunks],
            }
            for pair in cmp.pairs
        ],
    }


# --- changes ---------------------------------------------------------------------------------


CHANGE_LEGEND = (
    ("identical", "the same wording as the 1995 text"),
    ("reworded", "the wording differs, the substance does not (the commentary says how)"),
    ("changed", "the substance differs"),
    ("new", "no 1995 predecessor"),
    ("excluded", "1995 article excluded by an amending law before 2026"),
    ("no-successor", "1995 article not continued in 2026"),
)


def changes_lines(rows: list[dict[str, Any]], *, table: bool) -> list[Line]:
    """One line per article: `REF STATUS SIMILARITY 1995/2026 TITLE`; on a terminal (`table`)
    also a header, the legend and the counts."""
    lines: list[Line] = []
    if table:
        lines.append(
            Line.of(
                f"{'article':<10} {'status':<12} {'similar':>7}  {'counterpart':<14} title", "label"
            )
        )
    for r in rows:
        similarity = "-" if r["similarity"] is None else f"{float(r['similarity']):.0%}"
        others = ",".join(r["counterparts"]) or "-"
        ref = f"{r['article']}@{r['edition']}"
        title = (
            r["title"] if r["edition"] == "2026" else f"{r['title']} — {r['note'] or r['status']}"
        )
        lines.append(
            Line(
                (
                    Span(f"{ref:<10}", "ref"),
                    Span(
                        f" {r['status']:<12}",
                        "warn" if r["status"] in ("new", "changed") else "meta",
                    ),
                    Span(f" {similarity:>7}", "meta"),
                    Span(f"  {others:<14}", "meta"),
                    Span(" " + str(title)),
                ),
                0,
                48,  # the title column
            )
        )
    if table:
        counts: dict[str, int] = {}
        for r in rows:
            counts[str(r["status"])] = counts.get(str(r["status"]), 0) + 1
        summary = ", ".join(
            f"{n} {label}" for label, _ in CHANGE_LEGEND if (n := counts.get(label))
        )
        lines += [BLANK, Line.of(f"{len(rows)} rows: {summary}", "meta")]
        lines += [Line.of(f"  {label:<13} {what}", "meta") for label, what in CHANGE_LEGEND]
        lines.append(
            Line.of(
                "Similarity: share of words the 2026 text keeps, paragraph by paragraph.", "meta"
            )
        )
    return lines

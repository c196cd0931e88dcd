"""Layouts for search, compare, changes, refs, topics and info (styled lines and records)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.corpus import Corpus
from kzconst.records import SCHEMA_VERSION, key_record
from kzconst.render import BLANK, Line, Span, highlight_spans
from kzconst.views import UNOFFICIAL, edition_label, long_date

if TYPE_CHECKING:
    from kzconst.compare import Comparison
    from kzconst.extract import FoundRef
    from kzconst.search import SearchResult

_K1995 = "https://adilet.zan.kz/rus/docs/K950001000_"
_K2026 = "https://adilet.zan.kz/rus/docs/K2600000000"
# (date, event, where it can be checked)
REFORM_TIMELINE = (
    ("1995-08-30", "Constitution adopted at a republican referendum", _K1995),
    ("2022-09-17", "Last amendment of the 1995 text (the text kzconst renders as 1995)", _K1995),
    (
        "2026-01-31",
        "First draft of a new Constitution presented (95 articles)",
        "https://qazinform.com/news/first-draft-of-kazakhstans-new-constitution-presented-4457c5",
    ),
    (
        "2026-02-12",
        "Final draft published (96 articles)",
        "https://astanatimes.com/2026/02/draft-constitution-sets-july-1-entry-into-force-if-approved/",
    ),
    ("2026-03-15", "New Constitution adopted at a republican referendum", _K2026),
    ("2026-07-01", "2026 Constitution in force; the 1995 text ceases to apply", _K2026),
)


# --- search -----------------------------------------------------------------------------------


def _qualified(ref: str, edition: str) -> str:
    return f"{ref}@{edition}"


def search_lines(result: SearchResult, *, per_article: int = 3) -> list[Line]:
    """Every line starts with its reference, so `grep` and `cut` work on the output."""
    lines: list[Line] = []
    for group in result.articles:
        head = _qualified(group.article, group.edition)
        lines.append(
            Line(
                (
                    Span(head, "ref"),
                    Span(f"  {group.title}", "title"),
                    Span(f"  [Section {group.section}; score {group.score:.2f}]", "meta"),
                )
            )
        )
        # The title row is already the heading line; list the paragraphs and commentary.
        for hit in [h for h in group.hits if h.kind != "title"][:per_article]:
            label = _qualified(hit.ref, group.edition)
            kind = "" if hit.kind == "text" else f"({hit.kind}) "
            lines.append(
                Line(
                    (
                        Span(label, "ref"),
                        Span("  " + kind, "meta"),
                        *highlight_spans(hit.snippet, hit.marks),
                    )
                )
            )
    return lines


def search_records(result: SearchResult) -> list[dict[str, Any]]:
    out = []
    for rank, group in enumerate(result.articles, 1):
        best = group.best_ref
        out.append(
            {
                **key_record(group.edition, group.article),
                "type": "search-hit",
                "rank": rank,
                "score": group.score,
                "title": group.title,
                "section": {"number": group.section, "title": group.section_title},
                "best_ref": best,
                "matches": [
                    {
                        "ref": h.ref,
                        "paragraph": h.paragraph,
                        "item": h.item,
                        "kind": h.kind,
                        "score": round(h.score, 4),
                        "snippet": h.snippet,
                        "highlights": [list(m) for m in h.marks],
                    }
                    for h in group.hits[:5]
                ],
            }
        )
    return out


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
    from kzconst.records import provision_key

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


# --- refs ------------------------------------------------------------------------------------


def refs_lines(found: list[FoundRef]) -> list[Line]:
    lines = []
    for f in found:
        where = f"{f.line}:{f.column}"
        if f.ref is None or not f.exists:
            lines.append(
                Line(
                    (
                        Span(where, "ref"),
                        Span(f"  {f.text}", "text"),
                        Span(f"  -> NOT FOUND: {f.message}", "warn"),
                    )
                )
            )
            continue
        norm = f"{f.ref}@{f.edition}"
        extra = ""
        if f.edition == "1995":
            extra = (
                "  -> 2026: " + ", ".join(f"art. {n}" for n in f.successors)
                if f.successors
                else "  -> 2026: no successor"
            )
        lines.append(
            Line(
                (
                    Span(where, "ref"),
                    Span(f"  {f.text}", "text"),
                    Span(f"  = {norm}", "ref"),
                    Span(extra, "warn"),
                )
            )
        )
    return lines


def refs_records(found: list[FoundRef]) -> list[dict[str, Any]]:
    out = []
    for f in found:
        record: dict[str, Any] = {
            "kzconst": SCHEMA_VERSION,
            "type": "reference",
            "line": f.line,
            "column": f.column,
            "text": f.text,
            "ref": str(f.ref) if f.ref else None,
            "edition": f.edition,
            "exists": f.exists,
            "message": f.message,
        }
        if f.ref is not None and f.exists:
            record["id"] = key_record(f.edition, f.ref.article)["id"]  # the article cited
        if f.edition == "1995":
            record["successors_2026"] = list(f.successors)
        else:
            record["predecessors_1995"] = list(f.predecessors)
        out.append(record)
    return out


# --- topics and info -------------------------------------------------------------------------


def topics_lines(corpus: Corpus, edition: str, topic: str | None) -> list[Line]:
    lines: list[Line] = []
    for tid, description in corpus.topics.items():
        if topic is not None and tid != topic:
            continue
        arts = [a.number for a in corpus.edition_articles(edition) if tid in a.topics]
        lines.append(
            Line(
                (
                    Span(f"{tid:<26}", "ref"),
                    Span(f" {description}", "text"),
                    Span(f"  [{len(arts)} articles]", "meta"),
                )
            )
        )
        if topic is not None:
            for a in corpus.edition_articles(edition):
                if tid in a.topics:
                    lines.append(
                        Line(
                            (Span(f"{a.number}@{edition}", "ref"), Span(f"  {a.title}", "text")), 2
                        )
                    )
    return lines


def topics_records(corpus: Corpus, edition: str, topic: str | None) -> list[dict[str, Any]]:
    return [
        {
            "kzconst": SCHEMA_VERSION,
            "type": "topic",
            "topic": tid,
            "description": desc,
            "edition": edition,
            "articles": [a.number for a in corpus.edition_articles(edition) if tid in a.topics],
        }
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
            Line((Span(f"Edition {ed.id}", "title"), Span(f"  {edition_label(ed)}", "meta")))
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
        Line.of("Reform timeline", "title"),
    ]
    lines += [
        Line((Span(d, "ref"), Span(f"  {what}", "text"), Span(f"  <{url}>", "meta")), 2)
        for d, what, url in REFORM_TIMELINE
    ]
    return lines


def info_record(corpus: Corpus) -> dict[str, Any]:
    return {
        "kzconst": SCHEMA_VERSION,
        "type": "info",
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
        "timeline": [{"date": d, "event": what, "source": url} for d, what, url in REFORM_TIMELINE],
    }

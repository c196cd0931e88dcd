"""Layouts for search hits and for references found in free text (styled lines, records)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.output.records import SCHEMA_VERSION, key_record
from kzconst.output.render import Line, Span, highlight_spans

if TYPE_CHECKING:
    from kzconst.refs.extract import FoundRef
    from kzconst.search.rank import SearchResult


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
                ),
                0,
                len(head) + 2,
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
                    ),
                    0,
                    len(label) + 2,
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

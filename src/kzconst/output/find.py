"""Layouts for search hits and for references found in free text (styled lines, records)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzconst.output.render import Line, Span, highlight_spans

if TYPE_CHECKING:
    from kzconst.corpus.model import Corpus
    from kzconst.refs.extract import FoundRef
    from kzconst.search.result import SearchResult


# --- search -----------------------------------------------------------------------------------


def _qualified(ref: str, edition: str) -> str:
    return f"{ref}@{edition}"


def _where(section: str) -> str:
    return f"Section {section}" if section else "before Section I"  # the preamble


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
                    Span(f"  [{_where(group.section)}; score {group.score:.2f}]", "meta"),
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


def search_notes(result: SearchResult, limit: int) -> list[str]:
    """What the reader should know about the results, for stderr: a reference typed into
    search, Cyrillic words left untranslated, a relaxed search (with the spellings the text has
    for a word none has), a cut-off list."""
    query = result.query
    notes = []
    if query.reference is not None:
        ref = query.reference
        if "@" not in ref and result.edition and result.edition != "2026":
            ref += f"@{result.edition}"
        number, _, edition = ref.partition("@")
        named = f"Article {number}" + (f" of {edition}" if edition else "")
        notes.append(f"to read {named}: kzconst show {ref}")
    if query.untranslated:
        notes.append(
            "the search covers the English rendering of the text; not in the Russian/Kazakh "
            f"glossary, left out: {', '.join(query.untranslated)}"
        )
    if result.relaxed:
        offered = f"; did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
        missing = f" (none has: {', '.join(result.missing)}{offered})" if result.missing else ""
        notes.append(f"no article has every word{missing}; showing articles with most of them")
    if result.total > len(result.articles):
        notes.append(
            f"showing {len(result.articles)} of {result.total} articles (--limit N for more)"
        )
    return notes


def earlier_wordings(result: SearchResult, corpus: Corpus, *, per_article: int = 3) -> str | None:
    """A note, for stderr, when shown hits quote the last wording of a provision that read
    otherwise earlier (the index holds each edition's last wording: 1995 15(2) prohibits the
    death penalty only from 8 June 2022): which ones, since when, and how to read the earlier
    text. A hit is placed by its row, since a number may recur (1995 52(5))."""
    from kzconst.search.index import row_unit

    amended = []
    for group in result.articles:
        art = corpus.article(group.edition, group.article)
        if art is None:
            continue
        for hit in [h for h in group.hits if h.kind == "text"][:per_article]:
            unit = row_unit(art, hit.rowid)
            hist = unit.history if unit is not None else None
            if hist is None or not hist.since:  # an article inserted later (1995 83-1, 99)
                hist = art.history if art.history is not None and art.history.inserted else hist
            if hist is not None and hist.since and (hist.wordings or hist.inserted):
                amended.append(f"{hit.ref}@{group.edition} (from {hist.since})")
    if not amended:
        return None
    shown = ", ".join(amended[:6]) + (f" and {len(amended) - 6} more" if len(amended) > 6 else "")
    return (
        f"quoted as they read from the day shown; before it they read otherwise or did not "
        f"exist: {shown}; every wording: kzconst history REF"
    )


def search_records(result: SearchResult) -> list[dict[str, Any]]:
    from kzconst.output.records import key_record  # not for text: it imports the refs grammar

    out = []
    for rank, group in enumerate(result.articles, 1):
        best = group.best_ref
        out.append(
            {
                **key_record(group.edition, group.article),
                "type": "search-hit",
                "rank": rank,
                "total": result.total,
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
    """One line per provision: where the reference is, its text, and what it resolves to."""
    lines = []
    for f in found:
        where = Span(f"{f.line}:{f.column}", "ref")
        text = Span(f"  {f.text}", "text")
        if f.provision is None:
            why = f" ({f.note})" if f.note else ""
            lines.append(Line((where, text, Span(f"  -> NOT FOUND{why}: {f.message}", "warn"))))
            continue
        extra = ""
        if f.edition == "1995":
            named = [n if n == "preamble" or "(" in n else f"art. {n}" for n in f.successors]
            extra = "  -> 2026: " + (", ".join(named) if named else "no successor")
        label = f"{f.provision.label}@{f.edition}"
        if f.provision.article.as_of:
            label += f"@{f.provision.article.as_of}"
        resolved = Span(f"  = {label}", "ref")
        note = Span(f"  ({f.note})", "meta") if f.note else Span("", "meta")
        lines.append(Line((where, text, resolved, note, Span(extra, "warn"))))
    return lines


def refs_records(found: list[FoundRef]) -> list[dict[str, Any]]:
    """One record per provision, every record with the same keys (null where they do not
    apply): the common keys of the provision resolved (`ref` qualified by its edition unless it
    is the default, so `jq -r '.results[].ref' | kzconst cite -` cites the same provision)."""
    from kzconst.output.records import SCHEMA_VERSION, key_record, provision_key
    from kzconst.refs.grammar import format_ref

    out = []
    for f in found:
        p = f.provision
        if p is not None:
            key = provision_key(p)  # `ref` already qualified @1995 outside the default
        else:
            key = dict.fromkeys(key_record(f.edition, "0"))
            key.update(kzconst=SCHEMA_VERSION, edition=f.edition)
        is_1995 = f.edition == "1995"
        key.update(
            {
                "type": "reference",
                "line": f.line,
                "column": f.column,
                "text": f.text,
                "parsed": format_ref(f.ref) if f.ref is not None else None,
                "exists": p is not None,
                "message": f.message or None,
                "note": f.note or None,
                "successors_2026": list(f.successors) if is_1995 and p else None,
                "predecessors_1995": list(f.predecessors) if not is_1995 and p else None,
            }
        )
        out.append(key)
    return out

"""Change commands: compare two provisions, and the table of changes between editions."""

from __future__ import annotations

from typing import Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    Fmt,
    NoColorOpt,
    PlainOpt,
    emit_records,
    make_output,
    open_corpus,
    pick_edition,
    refs_argument,
)
from kzconst.cli.boundary import bounded
from kzconst.errors import NotFoundError, UsageError

FormatOptCompare = Annotated[
    Fmt, typer.Option("--format", "-f", help="Output format: text, json or jsonl.")
]


def compare(
    refs: Annotated[
        list[str],
        refs_argument("One reference (compared with its counterpart in the other edition) or two."),
    ],
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOptCompare = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Two provisions side by side with a word-level diff; one REF: beside its counterpart."""
    from kzconst.compare import compare as run_compare
    from kzconst.refs.grammar import parse_refs
    from kzconst.refs.resolve import resolve

    if len(refs) > 2:
        raise UsageError("compare takes one or two references")
    parsed = [parse_refs(r) for r in refs]
    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    first = bounded(p for r in parsed[0] for p in resolve(corpus, r, ed))
    second = bounded(p for r in parsed[1] for p in resolve(corpus, r, ed)) if parsed[1:] else None
    result = run_compare(corpus, first, second)
    from kzconst.output import diff as views

    if fmt in (Fmt.json, Fmt.jsonl):
        emit_records(fmt, "compare", [views.compare_record(result)])
        return
    out = make_output(plain, no_color)
    if not out.rich:
        out.lines(views.compare_lines(corpus, result))
        return
    out.lines(views.compare_heading(corpus, result))
    headers = (views.side_label(result.left), views.side_label(result.right))
    out.columns(headers, *views.compare_sides(result))
    out.lines(views.compare_notes(result))


def changes(
    section: Annotated[str | None, typer.Argument(help="A 2026 section (I-XI), optional.")] = None,
    fmt: FormatOptCompare = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Every 2026 article with its 1995 predecessor and whether it is new, changed or unchanged;
    then the 1995 articles with no successor."""
    from kzconst.compare import changes_table

    corpus = open_corpus(corpus_file)
    for ed in ("2026", "1995"):
        if ed not in corpus.editions:
            raise NotFoundError(f"changes needs both editions; this corpus has no {ed} edition")
    sec = section.strip().upper() if section else None
    if sec is not None and corpus.section("2026", sec) is None:
        raise NotFoundError(f"no section {section!r} in the 2026 Constitution")
    rows = changes_table(corpus, sec)
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.output.records import key_record, section_record

        records = [
            {
                **key_record(str(r["edition"]), str(r["article"])),
                "type": "change",
                **r,
                "section": section_record(corpus, str(r["edition"]), str(r["section"])),
            }
            for r in rows
        ]
        emit_records(fmt, "changes", records)
        return
    from kzconst.output.diff import changes_lines

    make_output(plain, no_color).lines(changes_lines(rows))

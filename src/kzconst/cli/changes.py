"""Change commands: compare two provisions, and the table of changes between editions."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    Color,
    ColorOpt,
    CorpusOpt,
    DataFmt,
    EditionOpt,
    NoPagerOpt,
    PlainOpt,
    TextFormatOpt,
    emit_records,
    examples,
    make_output,
    open_corpus,
    parse_section,
    refs_argument,
)
from kzconst.cli.boundary import bounded
from kzconst.cli.when import pick_time, resolve_refs, warn_gaps
from kzconst.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from kzconst.corpus.model import Corpus


class ChangeStatus(StrEnum):
    """The statuses of `changes` rows (output/diff.py CHANGE_LEGEND)."""

    identical = "identical"
    reworded = "reworded"
    changed = "changed"
    new = "new"
    excluded = "excluded"
    no_successor = "no-successor"


@examples(
    """\
kzconst compare 21              Article 21 beside its 1995 predecessor (Article 18)
kzconst compare 21.1 18.1@1995  two paragraphs you choose
kzconst compare 18@1995         a 1995 article beside its 2026 successor
"""
)
def compare(
    refs: Annotated[
        list[str],
        refs_argument("One reference (compared with its counterpart in the other edition) or two."),
    ],
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: TextFormatOpt = DataFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Two provisions side by side with a word-level diff; one REF: beside its counterpart."""
    from kzconst.compare import compare as run_compare
    from kzconst.refs.grammar import parse_refs

    if len(refs) > 2:
        raise UsageError("compare takes one or two references")
    parsed = [parse_refs(r) for r in refs]
    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    first = bounded(resolve_refs(corpus, parsed[0], ed, day, edition_option=edition))
    second = (
        bounded(resolve_refs(corpus, parsed[1], ed, day, edition_option=edition))
        if len(parsed) > 1
        else None
    )
    result = run_compare(corpus, first, second)
    warn_gaps([*first, *(second or [])])
    from kzconst.output import diff as views

    if fmt in ("json", "jsonl"):
        emit_records(fmt, "compare", [views.compare_record(result)])
        return
    from kzconst.output.render import Columns

    out = make_output(plain, color, no_pager)
    if not out.rich:
        out.lines(views.compare_lines(corpus, result))
        return
    headers = (views.side_label(result.left), views.side_label(result.right))
    out.emit(
        [
            # Without escape codes (--color never) the columns mark the words themselves.
            views.compare_heading(corpus, result, markers=not out.ansi),
            Columns(headers, *views.compare_sides(result, markers=not out.ansi)),
            views.compare_notes(result),
        ]
    )


@examples(
    """\
kzconst changes                        the whole table
kzconst changes II --status changed    what changed in the rights section
kzconst changes --status new --status no-successor
kzconst changes | awk '$2 == "identical"'
"""
)
def changes(
    section: Annotated[
        str | None, typer.Argument(help="A 2026 section (I-XI or 1-11), optional.")
    ] = None,
    status: Annotated[
        list[ChangeStatus] | None,
        typer.Option(
            "--status",
            help="Only rows with this status (repeat for several).",
            case_sensitive=False,
        ),
    ] = None,
    fmt: TextFormatOpt = DataFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Every 2026 article against 1995: identical, reworded, changed or new, with similarity;
    then the 1995 articles with no successor.

    Piped: one row a line, single-word statuses (for awk and cut). On a terminal: a table
    with a header, a legend and counts.
    """
    from kzconst.changes import changes_table

    corpus = open_corpus(corpus_file)
    for ed in ("2026", "1995"):
        if ed not in corpus.editions:
            raise NotFoundError(f"changes needs both editions; this corpus has no {ed} edition")
    rows = changes_table(corpus, _section_2026(corpus, section) if section else None)
    if status:
        wanted = {s.value for s in status}
        rows = [r for r in rows if r["status"] in wanted]
        if not rows:
            raise NotFoundError(f"no rows with status {', '.join(sorted(wanted))}")
    if fmt in ("json", "jsonl"):
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

    out = make_output(plain, color, no_pager)
    out.lines(changes_lines(rows, table=out.rich))


def _section_2026(corpus: "Corpus", section: str) -> str:
    """The 2026 section `section` names; `IX@1995` is not silently the 2026 section IX."""
    sec, named = parse_section(section)
    if named not in (None, "2026"):
        raise UsageError(
            f"changes lists the sections of the 2026 Constitution, not {section!r}; "
            f"for the 1995 text: kzconst toc {section}, kzconst compare REF@1995"
        )
    if corpus.section("2026", sec) is None:
        raise NotFoundError(f"no section {section!r} in the 2026 Constitution")
    return sec


@examples(
    """\
kzconst history 41@1995         the presidential term: five, seven, five, seven years
kzconst history 15(2)@1995      the death penalty from 1995 to its abolition in 2022
kzconst history 41@1995 -f json every wording with its dates and law, for scripts
"""
)
def history(
    refs: Annotated[list[str], refs_argument("References, e.g. 41@1995, 15(2)@1995, 42.")],
    edition: EditionOpt = None,
    fmt: TextFormatOpt = DataFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Every wording of a provision in order, with dates, the amending law and a word diff."""
    from kzconst.history import provision_history
    from kzconst.output.history import history_lines, history_records
    from kzconst.refs.grammar import parse_refs

    parsed = [r for text in refs for r in parse_refs(text)]
    if any(r.on for r in parsed):
        raise UsageError("history shows every date; give the reference without @DATE")
    corpus = open_corpus(corpus_file)
    ed, _ = pick_time(corpus, edition, None)
    provisions = resolve_refs(corpus, parsed, ed, None)
    timelines = [provision_history(corpus, p) for p in provisions]
    if fmt in ("json", "jsonl"):
        emit_records(fmt, "history", [r for t in timelines for r in history_records(corpus, t)])
        return
    out = make_output(plain, color, no_pager)
    out.lines([line for t in timelines for line in history_lines(corpus, t)])

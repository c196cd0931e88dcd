"""Reading commands: show, toc, topics, info."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    Color,
    ColorOpt,
    CorpusOpt,
    DataFmt,
    EditionOpt,
    Fmt,
    FormatOpt,
    ListFmt,
    ListFormatOpt,
    NoPagerOpt,
    PlainOpt,
    TextFormatOpt,
    complete_topic,
    emit_records,
    examples,
    hint_if_terminal,
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


@examples(
    """\
kzconst show 21                 Article 21 of the edition in force
kzconst show 21.1 --text-only   heading and text only, for pasting
kzconst show "21(1)-(3)" 46.3   paragraphs 1 to 3 of Article 21; Article 46, item 3
kzconst show 18@1995            Article 18 of the 1995 Constitution
kzconst search court -f refs | kzconst show -
"""
)
def show(
    refs: Annotated[
        list[str],
        refs_argument(
            "References: 21, 21(1), 46.1.3, 21-23, 21,23, 21(1)-(3), 21(1),(2), preamble, "
            "ст. 21, 21-бап, 18@1995; or - to read them from stdin, one per line."
        ),
    ],
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Fmt.text,
    no_commentary: Annotated[
        bool, typer.Option("--no-commentary", help="Leave out the commentary.")
    ] = False,
    text_only: Annotated[
        bool,
        typer.Option(
            "--text-only", help="Only the heading and the text (no commentary, no sources)."
        ),
    ] = False,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Show the text of articles, paragraphs, sub-items, ranges, the preamble."""
    from kzconst.refs.grammar import parse_refs

    if refs == ["-"] or "-" in refs:
        from kzconst.cli.cite import _read_refs

        hint_if_terminal("references, one a line,")
        refs = [line for line in _read_refs(refs) if line.strip()]
    parsed = [r for text in refs for r in parse_refs(text)]
    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    provisions = bounded(resolve_refs(corpus, parsed, ed, day, edition_option=edition))
    if day is not None or any(r.on for r in parsed):
        warn_gaps(provisions)
    commentary = not (no_commentary or text_only)
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.output.records import provision_record

        records = [provision_record(corpus, p, commentary=commentary) for p in provisions]
        emit_records(fmt, "show", records)
    elif fmt is Fmt.md:
        from kzconst.output.read import provision_markdown

        sys.stdout.write(
            "\n".join(
                provision_markdown(corpus, p, commentary=commentary, text_only=text_only)
                for p in provisions
            )
        )
    else:
        from kzconst.output.read import provisions_lines

        make_output(plain, color, no_pager).lines(
            provisions_lines(corpus, provisions, commentary=commentary, text_only=text_only)
        )


@examples(
    """\
kzconst toc                     every section and article of the edition in force
kzconst toc III                 Section III only (also: kzconst toc 3)
kzconst toc IX@1995             Section IX of the 1995 Constitution
kzconst toc II -f refs | kzconst show -
"""
)
def toc(
    section: Annotated[
        str | None,
        typer.Argument(help="A section: I-XI, or 1-11; IX@1995 for the 1995 edition. Optional."),
    ] = None,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: ListFormatOpt = ListFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """List sections and articles with their editorial titles."""
    corpus = open_corpus(corpus_file)
    sec, sec_edition = parse_section(section) if section else (None, None)
    if sec_edition is not None:
        if edition is not None and edition != sec_edition:
            raise UsageError(f"two editions: {section}@ and --edition {edition}")
        edition = sec_edition
    ed, day = pick_time(corpus, edition, as_of)
    if sec is not None and corpus.section(ed, sec) is None:
        known = ", ".join(s.number for s in corpus.edition_sections(ed))
        raise NotFoundError(
            f"no section {(section or '')[:40]!r} in the {ed} Constitution (sections {known})"
        )
    if fmt in (ListFmt.json, ListFmt.jsonl):
        from kzconst.output.records import toc_records

        emit_records(fmt, "toc", toc_records(corpus, ed, sec, day))
        return
    from kzconst.output.read import toc_lines, toc_markdown, toc_refs

    if fmt is ListFmt.refs:
        sys.stdout.write("".join(f"{ref}\n" for ref in toc_refs(corpus, ed, sec, day)))
    elif fmt is ListFmt.md:
        sys.stdout.write(toc_markdown(corpus, ed, sec))
    else:
        make_output(plain, color, no_pager).lines(toc_lines(corpus, ed, sec, day))


@examples(
    """\
kzconst topics                  every topic with its number of articles
kzconst topics privacy          the articles of one topic
kzconst topics privacy -f refs | kzconst show -
"""
)
def topics(
    topic: Annotated[
        str | None,
        typer.Argument(
            help="A topic id (any case; spaces for hyphens: 'rule of law'); lists its articles.",
            autocompletion=complete_topic,
        ),
    ] = None,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: ListFormatOpt = ListFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """The topic index: every topic, or the articles of one topic."""
    from kzconst.output.about import topics_lines, topics_records

    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    if topic is not None:
        topic = _topic_id(corpus, topic)
    if fmt in (ListFmt.json, ListFmt.jsonl):
        emit_records(fmt, "topics", topics_records(corpus, ed, topic, day))
    elif fmt is ListFmt.refs:
        from kzconst.output.about import topics_refs

        sys.stdout.write("".join(f"{ref}\n" for ref in topics_refs(corpus, ed, topic, day)))
    elif fmt is ListFmt.md:
        from kzconst.output.about import topics_markdown

        sys.stdout.write(topics_markdown(corpus, ed, topic, day))
    else:
        make_output(plain, color, no_pager).lines(topics_lines(corpus, ed, topic, day))


@examples(
    """\
kzconst info                    what the corpus holds and where its text comes from
kzconst info -f json            the same as one JSON document
"""
)
def info(
    fmt: TextFormatOpt = DataFmt.text,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Editions, dates, provenance, the translation note and the reform timeline."""
    from kzconst.output.about import info_lines, info_record

    corpus = open_corpus(corpus_file)
    if fmt in ("json", "jsonl"):
        emit_records(fmt, "info", [info_record(corpus)])
    else:
        make_output(plain, color, no_pager).lines(info_lines(corpus))


def _topic_id(corpus: "Corpus", topic: str) -> str:
    """The topic id `topic` names: case, spaces and underscores aside (`Rule of law` is
    `rule-of-law`)."""
    from kzconst.search.words import topic_key

    wanted = topic_key(topic)
    for tid in corpus.topics:
        if topic_key(tid) == wanted:
            return tid
    import difflib

    near = difflib.get_close_matches(wanted, list(corpus.topics), n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else "; run `kzconst topics`"
    raise NotFoundError(f"no topic {topic[:60]!r}{hint}")

"""Reading commands: show, toc, topics, info."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    Fmt,
    FormatOpt,
    NoColorOpt,
    PlainOpt,
    complete_topic,
    emit_records,
    make_output,
    open_corpus,
    pick_edition,
    refs_argument,
)
from kzconst.cli.boundary import bounded
from kzconst.errors import NotFoundError


def show(
    refs: Annotated[
        list[str],
        refs_argument(
            "References: 21, 21(1), 46.1.3, 21-23, 21,23, preamble, ст. 21, 21-бап, 18@1995."
        ),
    ],
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Fmt.text,
    no_commentary: Annotated[
        bool, typer.Option("--no-commentary", help="Only the text, no commentary.")
    ] = False,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Show the text of articles, paragraphs, sub-items, ranges, the preamble."""
    from kzconst.refs.grammar import parse_refs
    from kzconst.refs.resolve import resolve

    parsed = [r for text in refs for r in parse_refs(text)]
    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    provisions = bounded(p for r in parsed for p in resolve(corpus, r, ed))
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.output.records import provision_record

        records = [provision_record(corpus, p, commentary=not no_commentary) for p in provisions]
        emit_records(fmt, "show", records)
    elif fmt is Fmt.md:
        from kzconst.output.read import provision_markdown

        sys.stdout.write(
            "\n".join(
                provision_markdown(corpus, p, commentary=not no_commentary) for p in provisions
            )
        )
    else:
        from kzconst.output.read import provisions_lines

        make_output(plain, no_color).lines(
            provisions_lines(corpus, provisions, commentary=not no_commentary)
        )


def toc(
    section: Annotated[
        str | None, typer.Argument(help="A section number (I-XI), optional.")
    ] = None,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """List sections and articles with their editorial titles."""
    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    sec = section.strip().upper() if section else None
    if sec is not None and corpus.section(ed, sec) is None:
        known = ", ".join(s.number for s in corpus.edition_sections(ed))
        raise NotFoundError(f"no section {section!r} in the {ed} Constitution (sections {known})")
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.output.records import toc_records

        emit_records(fmt, "toc", toc_records(corpus, ed, sec))
        return
    from kzconst.output.read import toc_lines

    lines = toc_lines(corpus, ed, sec)
    if fmt is Fmt.md:
        sys.stdout.write("\n".join(line.plain for line in lines) + "\n")
    else:
        make_output(plain, no_color).lines(lines)


def topics(
    topic: Annotated[
        str | None,
        typer.Argument(help="A topic id; lists its articles.", autocompletion=complete_topic),
    ] = None,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """The topic index: every topic, or the articles of one topic."""
    from kzconst.output.about import topics_lines, topics_records

    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    if topic is not None and topic not in corpus.topics:
        import difflib

        near = difflib.get_close_matches(topic.lower(), list(corpus.topics), n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else "; run `kzconst topics`"
        raise NotFoundError(f"no topic {topic[:60]!r}{hint}")
    if fmt in (Fmt.json, Fmt.jsonl):
        emit_records(fmt, "topics", topics_records(corpus, ed, topic))
    else:
        make_output(plain, no_color).lines(topics_lines(corpus, ed, topic))


def info(
    fmt: FormatOpt = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Editions, dates, provenance, the translation note and the reform timeline."""
    from kzconst.output.about import info_lines, info_record

    corpus = open_corpus(corpus_file)
    if fmt in (Fmt.json, Fmt.jsonl):
        emit_records(fmt, "info", [info_record(corpus)])
    else:
        make_output(plain, no_color).lines(info_lines(corpus))

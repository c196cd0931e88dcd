"""Finding commands: search the text, and find references in free text."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    Fmt,
    NoColorOpt,
    PlainOpt,
    complete_topic,
    edition_name,
    emit_records,
    make_output,
    open_corpus,
    pick_edition,
)
from kzconst.errors import NotFoundError, UsageError

FormatOptCompare = Annotated[
    Fmt, typer.Option("--format", "-f", help="Output format: text, json or jsonl.")
]


class SearchFmt(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    refs = "refs"


class Scope(StrEnum):
    text = "text"
    commentary = "commentary"
    all = "all"


def search(
    query: Annotated[
        list[str],
        typer.Argument(
            help='Words, "phrases", prefix*, AND/OR/NOT.', show_default=False, metavar="QUERY..."
        ),
    ],
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    all_editions: Annotated[
        bool, typer.Option("--all-editions", help="Search 2026 and 1995.")
    ] = False,
    section: Annotated[
        str | None, typer.Option("--section", "-s", help="Only this section (I-XI).")
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option("--topic", "-t", help="Only this topic.", autocompletion=complete_topic),
    ] = None,
    scope: Annotated[
        Scope, typer.Option("--in", help="Search the text, the commentary or all.")
    ] = Scope.all,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=200, help="At most this many articles.")
    ] = 10,
    fmt: Annotated[
        SearchFmt, typer.Option("--format", "-f", help="Output format.")
    ] = SearchFmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Ranked full-text search with highlighted snippets (exit 1 when nothing matches)."""
    from kzconst.search.rank import search as run_search

    ed = None if all_editions else _search_edition(corpus_file, edition, as_of)
    text = " ".join(query)
    result = run_search(
        text,
        corpus_file=corpus_file,
        edition=ed,
        section=section.strip().upper() if section else None,
        topic=topic,
        scope=scope.value,
        limit=limit,
    )
    if not result.articles:
        hint = f"; did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
        where = f" in the {result.edition} edition" if result.edition else ""
        raise NotFoundError(f"no matches for {text[:80]!r}{where}{hint}")
    from kzconst.output.find import search_lines, search_records

    if fmt is SearchFmt.refs:
        sys.stdout.write("".join(f"{g.best_ref}@{g.edition}\n" for g in result.articles))
    elif fmt in (SearchFmt.json, SearchFmt.jsonl):
        emit_records(Fmt(fmt.value), "search", search_records(result))
    else:
        make_output(plain, no_color).lines(search_lines(result))


def _search_edition(corpus_file: str | None, edition: str | None, as_of: str | None) -> str:
    """Pick the edition without loading the corpus when the index can answer."""
    if edition is not None and as_of is None:
        return edition_name(edition)
    if edition is None and as_of is None:
        from kzconst.search.index import IN_FORCE

        return IN_FORCE  # resolved from the index, without loading the corpus
    return pick_edition(open_corpus(corpus_file), edition, as_of)


def refs(
    file: Annotated[
        str, typer.Argument(help="A text file, or - for stdin.", metavar="[FILE|-]")
    ] = "-",
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOptCompare = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Find references to the Constitution in free text; resolve them; map 1995 ones to 2026."""
    from kzconst.refs.extract import find_refs

    text = _read_text(file)
    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    found = find_refs(corpus, text, ed)
    if not found:
        raise NotFoundError("no references to the Constitution found in the input")
    from kzconst.output.find import refs_lines, refs_records

    if fmt in (Fmt.json, Fmt.jsonl):
        emit_records(fmt, "refs", refs_records(found))
    else:
        make_output(plain, no_color).lines(refs_lines(found))


def _read_text(file: str) -> str:
    from kzconst.cli.boundary import read_input

    data = read_input(file, 20_000_000, "text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"input is not valid UTF-8 (byte {exc.start})") from None

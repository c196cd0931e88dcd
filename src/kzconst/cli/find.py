"""Finding commands: search the text, and find references in free text."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
import sys
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
    EncodingOpt,
    Fmt,
    NoPagerOpt,
    PlainOpt,
    TextFormatOpt,
    complete_topic,
    decode_input,
    edition_name,
    emit_records,
    examples,
    hint_if_terminal,
    make_output,
    open_corpus,
)
from kzconst.cli.when import pick_time
from kzconst.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from datetime import date

    from kzconst.corpus.model import Corpus
    from kzconst.refs.extract import FoundRef
    from kzconst.search.result import SearchResult

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


@examples(
    """\
kzconst search privacy                   ranked articles with the matching paragraphs
kzconst search '"freedom of speech"'     a phrase
kzconst search court -s VIII -n 3        in Section VIII only, the best three
kzconst search land --all-editions       2026 and 1995
kzconst search court -f refs | kzconst show -
"""
)
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
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
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
        section=_search_section(corpus_file, section, ed) if section else None,
        topic=topic,
        scope=scope,
        limit=limit,
    )
    from kzconst.output.find import search_lines, search_records

    if not result.articles:
        raise NotFoundError(_no_matches(text, result))
    for note in _notes(result, limit, corpus_file):
        sys.stderr.write(f"kzconst: {note}\n")

    if fmt is SearchFmt.refs:
        sys.stdout.write("".join(f"{g.best_ref}@{g.edition}\n" for g in result.articles))
    elif fmt in (SearchFmt.json, SearchFmt.jsonl):
        emit_records(Fmt(fmt.value), "search", search_records(result))
    else:
        make_output(plain, color, no_pager).lines(search_lines(result))


def _notes(result: "SearchResult", limit: int, corpus_file: str | None) -> list[str]:
    """What stderr tells the reader about the results (see output.find)."""
    from kzconst.output.find import earlier_wordings, search_notes

    notes = search_notes(result, limit)
    if any(g.edition == "1995" for g in result.articles):  # the edition with amendments
        notes += filter(None, [earlier_wordings(result, open_corpus(corpus_file))])
    return notes


def _no_matches(text: str, result: "SearchResult") -> str:
    """Why nothing was found, and what to try instead."""
    query = result.query
    if query.reference is not None and not query.concepts and not query.untranslated:
        return (
            f"{text[:80]!r} is a reference, not words to search for: "
            f"kzconst show {_shown(query.reference, result.edition)}"
        )
    if query.untranslated and not query.concepts:
        return (
            f"no matches for {text[:80]!r}: the search covers the English rendering of the text "
            "and these words are not in its Russian/Kazakh glossary; try an English query, "
            f"e.g. kzconst search {_english_example(result)!r}"
        )
    hint = f"; did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
    where = f" in the {result.edition} edition" if result.edition else ""
    if result.edition in (None, "1995"):  # the amended text is searched in its last wording
        where += " (the 1995 text in its last wording; earlier ones: kzconst history REF@1995)"
    return f"no matches for {text[:80]!r}{where}{hint}"


def _shown(ref: str, edition: str | None) -> str:
    from kzconst.corpus.model import DEFAULT_EDITION  # search from the index needs no model

    if "@" in ref:  # `ст. 21@1995`: the edition the reference names
        return ref
    return f"{ref}@{edition}" if edition and edition != DEFAULT_EDITION else ref


def _english_example(result: "SearchResult") -> str:
    return result.suggestions[0] if result.suggestions else "personal data"


def _search_section(corpus_file: str | None, section: str, edition: str | None) -> str:
    """`--section` as toc takes it (`VIII`, `8`); a section the edition lacks is an error, not
    "no matches"."""
    from kzconst.cli.app import parse_section
    from kzconst.search.index import IN_FORCE

    number, named = parse_section(section)
    if named is not None and edition not in (None, named):  # -s IX@1995 in a 2026 search
        raise UsageError(
            f"--section {section!r} names the {named} text; add --edition {named} to search it"
        )
    corpus = open_corpus(corpus_file)
    editions = [edition] if edition and edition != IN_FORCE else list(corpus.editions)
    if edition == IN_FORCE:
        from datetime import date

        editions = [corpus.edition_in_force(date.today())]
    if not any(corpus.section(ed, number) for ed in editions):
        known = ", ".join(s.number for s in corpus.edition_sections(editions[0]))
        raise UsageError(f"no section {section[:20]!r} in the {editions[0]} Constitution ({known})")
    return number


def _search_edition(corpus_file: str | None, edition: str | None, as_of: str | None) -> str:
    """Pick the edition without loading the corpus when the index can answer."""
    if edition is not None and as_of is None:
        return edition_name(edition)
    if edition is None and as_of is None:
        from kzconst.search.index import IN_FORCE

        return IN_FORCE  # resolved from the index, without loading the corpus
    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    if day is not None:
        from kzconst.corpus.asof import last_amended

        since = last_amended(corpus, ed)
        if day.isoformat() < since:
            # The index holds each edition's last wording: searching it "as on" an earlier day
            # would quote law that was not in force then.
            raise UsageError(
                f"search covers the wording of the {ed} text in force from {since}, not the law "
                f"of {day.isoformat()}; search without --as-of and read a hit as it stood then "
                f"with `kzconst show REF@{day.isoformat()}`"
            )
    return ed


@examples(
    """\
kzconst refs judgment.txt              every reference, resolved, with line:column
kzconst refs letter.txt --encoding cp1251
pbpaste | kzconst refs -f json         from stdin, as JSON
"""
)
def refs(
    file: Annotated[
        str, typer.Argument(help="A text file, or - for stdin.", metavar="[FILE|-]")
    ] = "-",
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    fmt: TextFormatOpt = DataFmt.text,
    encoding: EncodingOpt = None,
    plain: PlainOpt = False,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Find references to the Constitution in free text; resolve them; map 1995 ones to 2026
    (exit 1 when none is found, or none names a provision that exists)."""
    from kzconst.refs.extract import find_refs

    if file == "-":
        hint_if_terminal("text")
    text = _read_text(file, encoding)
    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    found = find_refs(corpus, text, ed)
    if day is not None:
        found = [_dated(corpus, f, day) for f in found]
    if not found:
        raise NotFoundError("no references to the Constitution found in the input")
    from kzconst.output.find import refs_lines, refs_records

    if fmt in ("json", "jsonl"):
        emit_records(fmt, "refs", refs_records(found))
    else:
        make_output(plain, color, no_pager).lines(refs_lines(found))
    if not any(f.exists for f in found):  # every one NOT FOUND: nothing found (exit 1)
        from kzconst.errors import EXIT_NOT_FOUND

        raise typer.Exit(EXIT_NOT_FOUND)


def _dated(corpus: "Corpus", f: "FoundRef", day: "date") -> "FoundRef":
    """A found reference read on --as-of's day: a provision not yet inserted does not exist."""
    import dataclasses

    from kzconst.errors import NotFoundError
    from kzconst.refs.dated import provision_on

    if (
        f.provision is None
        or f.provision.article.as_of
        or f.edition != corpus.edition_in_force(day)
    ):
        return f  # `as amended in 2007` keeps its own day
    try:
        return dataclasses.replace(f, provision=provision_on(corpus, f.provision, day))
    except NotFoundError as exc:
        return dataclasses.replace(f, provision=None, message=exc.message)


def _read_text(file: str, encoding: str | None = None) -> str:
    from kzconst.cli.boundary import read_input

    data = read_input(file, 20_000_000, "text")
    return decode_input(data, encoding, "input")

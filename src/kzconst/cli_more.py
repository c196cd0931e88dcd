"""Commands that work across provisions: search, compare, changes, cite, refs."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from kzconst.cli import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    Fmt,
    NoColorOpt,
    PlainOpt,
    _corpus,
    _emit_json,
    _output,
    complete_topic,
    edition_name,
    pick_edition,
    refs_argument,
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


class Style(StrEnum):
    plain = "plain"
    short = "short"
    oscola = "oscola"
    bluebook = "bluebook"
    ru = "ru"
    kk = "kk"
    bibtex = "bibtex"
    csl_json = "csl-json"
    markdown = "markdown"
    url = "url"
    id = "id"


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
    from kzconst.search import search as run_search

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
    from kzconst.views_more import search_lines, search_records

    if fmt is SearchFmt.refs:
        sys.stdout.write("".join(f"{g.best_ref}@{g.edition}\n" for g in result.articles))
    elif fmt in (SearchFmt.json, SearchFmt.jsonl):
        _emit_json(Fmt(fmt.value), "search", search_records(result))
    else:
        _output(plain, no_color).lines(search_lines(result))


def _search_edition(corpus_file: str | None, edition: str | None, as_of: str | None) -> str:
    """Pick the edition without loading the corpus when the index can answer."""
    if edition is not None and as_of is None:
        return edition_name(edition)
    if edition is None and as_of is None:
        from kzconst.search import IN_FORCE

        return IN_FORCE  # resolved from the index, without loading the corpus
    return pick_edition(_corpus(corpus_file), edition, as_of)


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
    from kzconst.refs import parse_refs, resolve

    if len(refs) > 2:
        raise UsageError("compare takes one or two references")
    parsed = [parse_refs(r) for r in refs]
    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    first = [p for r in parsed[0] for p in resolve(corpus, r, ed)]
    second = [p for r in parsed[1] for p in resolve(corpus, r, ed)] if len(parsed) > 1 else None
    result = run_compare(corpus, first, second)
    from kzconst import views_more as views

    if fmt in (Fmt.json, Fmt.jsonl):
        _emit_json(fmt, "compare", [views.compare_record(result)])
        return
    out = _output(plain, no_color)
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

    corpus = _corpus(corpus_file)
    for ed in ("2026", "1995"):
        if ed not in corpus.editions:
            raise NotFoundError(f"changes needs both editions; this corpus has no {ed} edition")
    sec = section.strip().upper() if section else None
    if sec is not None and corpus.section("2026", sec) is None:
        raise NotFoundError(f"no section {section!r} in the 2026 Constitution")
    rows = changes_table(corpus, sec)
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.records import key_record, section_record

        records = [
            {
                **key_record(str(r["edition"]), str(r["article"])),
                "type": "change",
                **r,
                "section": section_record(corpus, str(r["edition"]), str(r["section"])),
            }
            for r in rows
        ]
        _emit_json(fmt, "changes", records)
        return
    from kzconst.views_more import changes_lines

    _output(plain, no_color).lines(changes_lines(rows))


def cite(
    refs: Annotated[
        list[str], refs_argument("References, or - to read them from stdin, one per line.")
    ],
    style: Annotated[Style, typer.Option("--style", "-s", help="Citation style.")] = Style.plain,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    corpus_file: CorpusOpt = None,
) -> None:
    """Citations in a chosen style, one per line."""
    from kzconst.cite import citation_for, format_citation
    from kzconst.refs import parse_refs, resolve

    texts = _read_refs(refs)
    parsed = [r for t in texts for r in parse_refs(t)]
    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    provisions = [p for r in parsed for p in resolve(corpus, r, ed)]
    sys.stdout.write(
        "".join(format_citation(citation_for(corpus, p), style.value) + "\n" for p in provisions)
    )


def _read_refs(refs: list[str]) -> list[str]:
    if refs != ["-"]:
        if "-" in refs:
            raise UsageError("'-' (read from stdin) cannot be mixed with other references")
        return refs
    data = sys.stdin.buffer.read(1_000_001)
    if len(data) > 1_000_000:
        raise UsageError("stdin holds more than 1 MB of references")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"stdin is not valid UTF-8 (byte {exc.start})") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise NotFoundError("no references on stdin")
    return lines


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
    from kzconst.extract import find_refs

    text = _read_text(file)
    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    found = find_refs(corpus, text, ed)
    if not found:
        raise NotFoundError("no references to the Constitution found in the input")
    from kzconst.views_more import refs_lines, refs_records

    if fmt in (Fmt.json, Fmt.jsonl):
        _emit_json(fmt, "refs", refs_records(found))
    else:
        _output(plain, no_color).lines(refs_lines(found))


def _read_text(file: str) -> str:
    from pathlib import Path

    limit = 20_000_000
    try:
        data = sys.stdin.buffer.read(limit + 1) if file == "-" else Path(file).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{file}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{file}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise UsageError("input larger than 20 MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"input is not valid UTF-8 (byte {exc.start})") from None


def register(app: typer.Typer) -> None:
    """Add these commands to the app, in the order `--help` lists them."""
    for command in (search, compare, changes, cite, refs):
        app.command()(command)

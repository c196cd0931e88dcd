"""The cite command: citations of provisions in a chosen style."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kzconst.cli.app import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    EncodingOpt,
    decode_input,
    examples,
    hint_if_terminal,
    open_corpus,
    refs_argument,
)
from kzconst.cli.boundary import MAX_PROVISIONS
from kzconst.cli.when import pick_time, resolve_refs
from kzconst.errors import EXIT_NOT_FOUND, KzconstError, NotFoundError, UsageError

if TYPE_CHECKING:
    from datetime import date

    from kzconst.corpus.model import Corpus


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


@examples(
    """\
kzconst cite 21.1 --style oscola     ... Kazakhstan 2026, art 21(1)
kzconst cite 21-23 --style ru        ст. 21–23 Конституции Республики Казахстан 2026 года
kzconst cite 21-23 --each            three citations, one a line
kzconst cite 21 43 --style csl-json  a CSL-JSON array for Zotero or pandoc
kzconst search court -f refs | kzconst cite - --style short
"""
)
def cite(
    refs: Annotated[
        list[str], refs_argument("References, or - to read them from stdin, one per line.")
    ],
    style: Annotated[
        Style, typer.Option("--style", "-S", help="Citation style.", case_sensitive=False)
    ] = Style.plain,
    each: Annotated[
        bool,
        typer.Option("--each", help="One citation per provision, even for a range or a list."),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="With -: stop at the first bad line.")
    ] = False,
    encoding: EncodingOpt = None,
    edition: EditionOpt = None,
    as_of: AsOfOpt = None,
    corpus_file: CorpusOpt = None,
) -> None:
    """Citations in a chosen style: one per reference (a range or list is one citation).

    With --style id, a range or list is one line of the stable ids of its provisions,
    separated by spaces (`21-23`: 2026/art_21 2026/art_22 2026/art_23); --each: one a line.

    A bad line of `cite -` is reported as stdin:LINE on stderr; the good ones are still
    printed, with exit 1 (--strict: stop at the first). csl-json is one JSON array.
    """
    corpus = open_corpus(corpus_file)
    ed, day = pick_time(corpus, edition, as_of)
    from_stdin = refs == ["-"]
    if from_stdin:
        hint_if_terminal("references, one a line,")
    texts = _read_refs(refs, encoding)
    citations, bad, cited = [], 0, 0
    for number, text in enumerate(texts, 1):
        if not text.strip():
            continue
        try:
            found, count = _citations(
                corpus, text.strip(), ed, day, edition, each=each, style=style.value
            )
        except KzconstError as exc:
            if not from_stdin:
                raise
            where = f"stdin:{number}: {exc.message}"
            if strict:
                raise type(exc)(where) from None
            bad += 1
            sys.stderr.write(f"kzconst: error: {' '.join(where.split())}\n")
            continue
        citations += found
        cited += count
        if cited > MAX_PROVISIONS:  # bounded work, whatever the input
            raise UsageError(
                f"more than {MAX_PROVISIONS} provisions requested; cite fewer at a time"
            )
    _write(citations, style)
    if bad:
        raise typer.Exit(EXIT_NOT_FOUND)


def _write(citations: list[Any], style: Style) -> None:
    """CSL-JSON as one array; every other style one citation a line."""
    from kzconst.cite import csl_record, format_citation

    if style is Style.csl_json:
        import json

        records = [csl_record(c) for c in citations]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("".join(format_citation(c, style.value) + "\n" for c in citations))


def _citations(
    corpus: "Corpus",
    text: str,
    edition: str,
    day: "date | None",
    edition_option: str | None,
    *,
    each: bool,
    style: str,
) -> tuple[list[Any], int]:
    """The citations of one argument (one for a range or list when the style has a form), and
    how many provisions they cite."""
    from kzconst.cite import GROUP_STYLES, citation_for, group_citation
    from kzconst.refs.dated import excluded_on
    from kzconst.refs.grammar import parse_refs

    provisions = resolve_refs(corpus, parse_refs(text), edition, day, edition_option=edition_option)
    for p in provisions:
        if why := excluded_on(p):  # a citation "as in force on" that day would be false
            raise NotFoundError(why)
    group = None if each or style not in GROUP_STYLES else group_citation(corpus, provisions)
    found = [group] if group is not None else [citation_for(corpus, p) for p in provisions]
    if style == "id" and not each and len(found) > 1:  # one line: the ids, space-separated
        ids = " ".join(c.id + (f"@{c.as_of}" if c.as_of else "") for c in found)
        found = [found[0]._replace(id=ids, as_of="")]
    return found, len(provisions)


def _read_refs(refs: list[str], encoding: str | None = None) -> list[str]:
    if refs != ["-"]:
        if "-" in refs:
            raise UsageError("'-' (read from stdin) cannot be mixed with other references")
        return refs
    from kzconst.cli.boundary import MAX_REF_LINES, read_input

    data = read_input("-", 1_000_000, "references")
    text = decode_input(data, encoding, "stdin")
    lines = text.splitlines()  # blank lines kept, so stdin:LINE counts every line
    if len(lines) > MAX_REF_LINES:
        raise UsageError(f"stdin holds more than {MAX_REF_LINES:,} lines of references")
    if not any(line.strip() for line in lines):
        raise NotFoundError("no references on stdin")
    if len(lines) > MAX_REF_LINES:
        raise UsageError(f"stdin holds more than {MAX_REF_LINES} references; cite fewer at once")
    return lines

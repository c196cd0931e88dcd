"""The cite command: citations of provisions in a chosen style."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from kzconst.cli.app import (
    AsOfOpt,
    CorpusOpt,
    EditionOpt,
    open_corpus,
    pick_edition,
    refs_argument,
)
from kzconst.cli.boundary import bounded
from kzconst.errors import NotFoundError, UsageError


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
    from kzconst.refs.grammar import parse_refs
    from kzconst.refs.resolve import resolve

    texts = _read_refs(refs)
    parsed = [r for t in texts for r in parse_refs(t)]
    corpus = open_corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    provisions = bounded(p for r in parsed for p in resolve(corpus, r, ed))
    sys.stdout.write(
        "".join(format_citation(citation_for(corpus, p), style.value) + "\n" for p in provisions)
    )


def _read_refs(refs: list[str]) -> list[str]:
    if refs != ["-"]:
        if "-" in refs:
            raise UsageError("'-' (read from stdin) cannot be mixed with other references")
        return refs
    from kzconst.cli.boundary import MAX_REF_LINES, read_input

    data = read_input("-", 1_000_000, "references")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"stdin is not valid UTF-8 (byte {exc.start})") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise NotFoundError("no references on stdin")
    if len(lines) > MAX_REF_LINES:
        raise UsageError(f"stdin holds more than {MAX_REF_LINES} references; cite fewer at once")
    return lines

"""The check command: validate a corpus file and report every problem."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kzconst.cli.app import (
    CorpusOpt,
    Fmt,
    FormatOpt,
    emit_records,
)


def check(
    corpus_arg: Annotated[
        str | None,
        typer.Argument(
            help="The corpus file to validate (default: the one in use).", metavar="[CORPUS]"
        ),
    ] = None,
    fmt: FormatOpt = Fmt.text,
    corpus_file: CorpusOpt = None,
) -> None:
    """Validate a corpus file; report every problem with its file, line and field (exit 3)."""
    from kzconst.corpus.load import corpus_path, parse_toml
    from kzconst.corpus.validate import validate
    from kzconst.errors import CorpusError

    path = corpus_path(corpus_arg or corpus_file)
    raw = parse_toml(path)
    corpus, problems = validate(raw, path)
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.output.records import SCHEMA_VERSION

        emit_records(
            fmt,
            "check",
            [
                {
                    "kzconst": SCHEMA_VERSION,
                    "file": str(p.path),
                    "line": p.line,
                    "field": p.field,
                    "message": p.message,
                }
                for p in problems
            ],
        )
    else:
        for p in problems:
            sys.stdout.write(f"{p}\n")
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s) found")
    counts = ", ".join(f"{len(corpus.edition_articles(e))} records in {e}" for e in corpus.editions)
    if fmt is Fmt.text:
        from kzconst.output.render import safe_text

        sys.stdout.write(safe_text(f"{path}: OK ({counts})") + "\n")

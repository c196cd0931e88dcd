"""The check command: validate a corpus file and report every problem."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
import sys
from typing import Annotated

import typer

from kzconst.cli.app import (
    CorpusOpt,
    DataFmt,
    TextFormatOpt,
    emit_records,
    examples,
)


@examples(
    """\
kzconst check                   the corpus in use
kzconst check my-articles.toml  a corpus you edited, before using it (--corpus)
kzconst check -f json           the problems as JSON, for an editor or CI
"""
)
def check(
    corpus_arg: Annotated[
        str | None,
        typer.Argument(
            help="The corpus file to validate (default: the one in use).", metavar="[CORPUS]"
        ),
    ] = None,
    fmt: TextFormatOpt = DataFmt.text,
    corpus_file: CorpusOpt = None,
) -> None:
    """Validate a corpus file; report every problem with its file, line and field (exit 3)."""
    from kzconst.corpus.load import corpus_path, parse_toml
    from kzconst.corpus.validate import validate
    from kzconst.errors import CorpusError

    path = corpus_path(corpus_arg or corpus_file)
    raw = parse_toml(path)
    corpus, problems = validate(raw, path)
    if fmt in ("json", "jsonl"):
        from kzconst.output.records import no_key

        emit_records(
            fmt,
            "check",
            [
                no_key("problem", file=str(p.path), line=p.line, field=p.field, message=p.message)
                for p in problems
            ],
        )
    else:
        for p in problems:
            sys.stdout.write(f"{p}\n")
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s) found")
    counts = ", ".join(f"{len(corpus.edition_articles(e))} records in {e}" for e in corpus.editions)
    if fmt == "text":
        from kzconst.output.render import safe_text

        sys.stdout.write(safe_text(f"{path}: OK ({counts})") + "\n")

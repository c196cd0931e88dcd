"""The Typer app, the shared options declared once, and helpers every command uses."""

# No `from __future__ import annotations`: Typer evaluates a command's string annotations
# (three times a run, each Annotated[...] anew); evaluated once at import, they cost less.
import contextlib
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from kzconst import __version__
from kzconst.cli.options import ROOT_EPILOG, SharedOptionsGroup
from kzconst.errors import (
    KzconstError,
    UsageError,
)

if TYPE_CHECKING:
    from kzconst.corpus.model import Corpus
    from kzconst.output.render import Output


F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    cls=SharedOptionsGroup,
    name="kzconst",
    help="The Constitution of the Republic of Kazakhstan (2026; and 1995 as amended to 2022) "
    "at the terminal: read, search, compare, cite. The English is an unofficial rendering.",
    epilog=ROOT_EPILOG,
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class Fmt(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    md = "md"


class DataFmt(StrEnum):
    """Formats of a command with no Markdown form."""

    text = "text"
    json = "json"
    jsonl = "jsonl"


class ListFmt(StrEnum):
    """Formats of a listing (toc, topics): `refs` is one reference a line, for `show -`."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    refs = "refs"


# --- shared options, declared once (STYLE.md, lesson 2) --------------------------------------

EditionOpt = Annotated[
    str | None,
    typer.Option(
        "--edition",
        "-e",
        help="Edition: 2026 (default) or 1995. Also REF@1995.",
        metavar="2026|1995",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Use the edition in force on this date (YYYY-MM-DD).", metavar="DATE"
    ),
]
FormatOpt = Annotated[
    Fmt, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
TextFormatOpt = Annotated[
    DataFmt,
    typer.Option(
        "--format", "-f", help="Output format: text, json or jsonl.", case_sensitive=False
    ),
]
ListFormatOpt = Annotated[
    ListFmt,
    typer.Option(
        "--format",
        "-f",
        help="Output format; refs: one reference a line, for `kzconst show -`.",
        case_sensitive=False,
    ),
]
PlainOpt = Annotated[
    bool, typer.Option("--plain", help="Plain text even on a terminal (no layout, no colour).")
]


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


ColorOpt = Annotated[
    Color,
    typer.Option(
        "--color",
        help="auto: on a terminal unless NO_COLOR; always: even piped (or FORCE_COLOR); "
        "never (or --no-color).",
        case_sensitive=False,
    ),
]
NoPagerOpt = Annotated[
    bool,
    typer.Option("--no-pager", help="Never page (long output on a terminal goes through a pager)."),
]
CorpusOpt = Annotated[
    str | None,
    typer.Option(
        "--corpus",
        help="Corpus file to use (env KZCONST_CORPUS).",
        metavar="PATH",
        envvar="KZCONST_CORPUS",
        show_envvar=True,
    ),
]


def complete_ref(incomplete: str) -> list[str]:
    from kzconst.corpus.load import load_corpus

    """Shell completion: article numbers of the edition in force (and `preamble`)."""
    try:
        corpus = load_corpus()
        numbers = corpus.numbers(corpus.edition_in_force(date.today()))
    except KzconstError:
        return []
    return [n for n in numbers if n.startswith(incomplete)]


def complete_topic(incomplete: str) -> list[str]:
    from kzconst.corpus.load import load_corpus

    """Shell completion: topic ids of the controlled vocabulary."""
    try:
        return [t for t in load_corpus().topics if t.startswith(incomplete)]
    except KzconstError:
        return []


def refs_argument(help_text: str) -> Any:
    """The REF... argument of show, compare and cite: one declaration, completion included."""
    return typer.Argument(
        help=help_text, show_default=False, autocompletion=complete_ref, metavar="REF..."
    )


def _version(value: bool) -> None:
    from kzconst.corpus.load import load_corpus

    if value:
        corpus_version = "unknown (the corpus does not load; run kzconst check)"
        with contextlib.suppress(KzconstError):
            corpus_version = load_corpus().version
        typer.echo(f"kzconst {__version__} (corpus {corpus_version})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the package and corpus version.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Shared entry point; the shared options are the commands' own (see below)."""


def examples(text: str) -> Callable[[F], F]:
    """Examples for a command's --help (shown after its options, as git and gh do)."""

    def mark(func: F) -> F:
        func.__dict__["examples"] = text
        return func

    return mark


def help_epilog(func: Callable[..., Any]) -> str | None:
    text = func.__dict__.get("examples")
    if not text:
        return None
    import textwrap

    return "\b\nExamples:\n" + textwrap.indent(textwrap.dedent(text).strip("\n"), "  ")


# --- helpers the commands share ----------------------------------------------------------------


def open_corpus(path: str | None) -> "Corpus":
    from kzconst.corpus.load import load_corpus

    return load_corpus(path)


def edition_name(edition: str) -> str:
    """Check an --edition value (without needing the corpus)."""
    from kzconst.corpus.model import EDITIONS

    if edition not in EDITIONS:
        raise UsageError(f"unknown edition {edition[:40]!r} (expected 2026 or 1995)")
    return edition


EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of the input (e.g. cp1251, utf-16); default UTF-8, or UTF-16 with a "
        "byte-order mark.",
        metavar="NAME",
    ),
]


def hint_if_terminal(what: str) -> None:
    """Reading stdin that is a terminal looks like a hang: say what is expected (on stderr)."""
    try:
        interactive = sys.stdin.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if interactive:
        sys.stderr.write(f"kzconst: reading {what} from the terminal; end with Ctrl-D\n")


def decode_input(data: bytes, encoding: str | None, where: str) -> str:
    """Bytes read from a file or stdin -> text, by --encoding or else UTF-8 (a UTF-8 BOM is
    dropped; UTF-16 with a BOM is recognised, with a note on stderr)."""
    import codecs

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding[:40]!r} for --encoding") from None
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{where} is not valid {encoding} (byte {exc.start})") from None
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) and len(data) % 2 == 0:
        text = data.decode("utf-16", "replace")
        if all(ord(ch) < 0x800 or 0x2000 <= ord(ch) < 0x2200 for ch in text[:4000]):
            sys.stderr.write(f"kzconst: note: {where} read as UTF-16 (byte-order mark)\n")
            return text
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{where} is not valid UTF-8 (byte {exc.start}); for a Windows-1251 or UTF-16 "
            "file give --encoding cp1251 or --encoding utf-16"
        ) from None


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")


def parse_section(text: str) -> tuple[str, str | None]:
    """A section argument: `IX`, `ix`, `9` -> `IX`; `IX@1995` also names the edition."""
    number, _, edition = text.strip().partition("@")
    number = number.strip().upper()
    if number.isascii() and number.isdigit() and len(number) <= 2 and 0 < int(number) <= 13:
        number = ROMAN[int(number) - 1]
    return number, (edition_name(edition.strip()) if edition else None)


def make_output(plain: bool, color: Color, no_pager: bool = False) -> "Output":
    from kzconst.output.render import Output

    return Output(plain=plain, color=color.value, pager=not no_pager)


def emit_records(fmt: str, command: str, records: list[dict[str, Any]]) -> None:
    from kzconst.output.records import SCHEMA_VERSION
    from kzconst.output.render import emit_json

    if fmt == "jsonl":
        emit_json(sys.stdout, records, lines=True)
    else:
        emit_json(sys.stdout, {"kzconst": SCHEMA_VERSION, "command": command, "results": records})

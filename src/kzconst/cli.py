"""The Typer app: thin commands, shared options declared once, one error boundary in `main`."""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from kzconst import __version__
from kzconst.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    KzconstError,
    NotFoundError,
    UsageError,
)

if TYPE_CHECKING:
    from kzconst.corpus import Corpus
    from kzconst.render import Output


class KzconstGroup(TyperGroup):
    """The app's group: every expected failure becomes one line on stderr and its exit code.

    Living in `main`, the boundary serves the console script and CliRunner alike.
    """

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        _utf8_stdout()
        code = _guarded(
            lambda: super(KzconstGroup, self).main(
                args=args,
                prog_name=prog_name or "kzconst",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


def _guarded(call: Any) -> int:
    from typer._click import exceptions as click_exc

    try:
        result = call()
        sys.stdout.flush()
        return result if isinstance(result, int) else EXIT_OK
    except KzconstError as exc:
        _error(exc.message)
        return exc.exit_code
    except click_exc.NoArgsIsHelpError as exc:
        sys.stderr.write(exc.ctx.get_help() + "\n" if exc.ctx else "")
        return EXIT_USAGE
    except click_exc.UsageError as exc:
        hint = f" (see 'kzconst {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.parent else ""
        _error(exc.format_message() + hint)
        return EXIT_USAGE
    except click_exc.ClickException as exc:
        _error(exc.format_message())
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        if os.environ.get("KZCONST_DEBUG"):
            raise
        _error(
            f"internal error ({type(exc).__name__}: {exc}); please report it "
            "(KZCONST_DEBUG=1 shows the traceback)"
        )
        return EXIT_INTERNAL
    except SystemExit as exc:
        # Typer turns EPIPE into exit(1) after wrapping stdout; a reader that stops early
        # (`| head -1`) is not an error of ours.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _silence_stdout()
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def _utf8_stdout() -> None:
    """Corpus text is UTF-8 whatever the locale says (LANG=C)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and encoding != "utf8":
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def _error(message: str) -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass
    sys.stderr.write(f"kzconst: error: {' '.join(message.split())}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """The reader went away (`| head -1`): send the rest to /dev/null, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=KzconstGroup,
    name="kzconst",
    help="The Constitution of the Republic of Kazakhstan (2026; and 1995 as amended to 2022) "
    "at the terminal: read, search, compare, cite. The English is an unofficial rendering.",
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Fmt(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    md = "md"


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
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Plain text even on a terminal.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colours (also NO_COLOR=1).")]
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
    """Shell completion: article numbers of the edition in force (and `preamble`)."""
    try:
        from kzconst.corpus import load_corpus

        corpus = load_corpus()
        numbers = corpus.numbers(corpus.edition_in_force(date.today()))
    except KzconstError:
        return []
    return [n for n in numbers if n.startswith(incomplete)]


def complete_topic(incomplete: str) -> list[str]:
    """Shell completion: topic ids of the controlled vocabulary."""
    try:
        from kzconst.corpus import load_corpus

        return [t for t in load_corpus().topics if t.startswith(incomplete)]
    except KzconstError:
        return []


def refs_argument(help_text: str) -> Any:
    """The REF... argument of show, compare and cite: one declaration, completion included."""
    return typer.Argument(
        help=help_text, show_default=False, autocompletion=complete_ref, metavar="REF..."
    )


def _version(value: bool) -> None:
    if value:
        from kzconst.corpus import load_corpus

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
    """Shared entry point; options live on each command."""


# --- helpers the commands share ----------------------------------------------------------------


def _corpus(path: str | None) -> Corpus:
    from kzconst.corpus import load_corpus

    return load_corpus(path)


def edition_name(edition: str) -> str:
    """Check an --edition value (without needing the corpus)."""
    from kzconst.corpus import EDITIONS

    if edition not in EDITIONS:
        raise UsageError(f"unknown edition {edition[:40]!r} (expected 2026 or 1995)")
    return edition


def pick_edition(corpus: Corpus, edition: str | None, as_of: str | None) -> str:
    """--edition wins; else the edition in force on --as-of; else the one in force today."""
    if edition is not None and as_of is not None:
        raise UsageError("give --edition or --as-of, not both")
    if edition is not None:
        edition_name(edition)
        if edition not in corpus.editions:
            raise NotFoundError(f"this corpus has no {edition} edition")
        return edition
    day = date.today()
    if as_of is not None:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise UsageError(
                f"invalid date {as_of[:40]!r} for --as-of (expected YYYY-MM-DD)"
            ) from None
    return corpus.edition_in_force(day)


def _output(plain: bool, no_color: bool) -> Output:
    from kzconst.render import Output

    return Output(plain=plain, color=not no_color)


def _emit_json(fmt: Fmt, command: str, records: list[dict[str, Any]]) -> None:
    from kzconst.records import SCHEMA_VERSION
    from kzconst.render import emit_json

    if fmt is Fmt.jsonl:
        emit_json(sys.stdout, records, lines=True)
    else:
        emit_json(sys.stdout, {"kzconst": SCHEMA_VERSION, "command": command, "results": records})


# --- commands ----------------------------------------------------------------------------------


@app.command()
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
    from kzconst.refs import parse_refs, resolve

    parsed = [r for text in refs for r in parse_refs(text)]
    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    provisions = [p for r in parsed for p in resolve(corpus, r, ed)]
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.records import provision_record

        records = [provision_record(corpus, p, commentary=not no_commentary) for p in provisions]
        _emit_json(fmt, "show", records)
    elif fmt is Fmt.md:
        from kzconst.views import provision_markdown

        sys.stdout.write(
            "\n".join(
                provision_markdown(corpus, p, commentary=not no_commentary) for p in provisions
            )
        )
    else:
        from kzconst.views import provisions_lines

        _output(plain, no_color).lines(
            provisions_lines(corpus, provisions, commentary=not no_commentary)
        )


@app.command()
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
    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    sec = section.strip().upper() if section else None
    if sec is not None and corpus.section(ed, sec) is None:
        known = ", ".join(s.number for s in corpus.edition_sections(ed))
        raise NotFoundError(f"no section {section!r} in the {ed} Constitution (sections {known})")
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.records import toc_records

        _emit_json(fmt, "toc", toc_records(corpus, ed, sec))
        return
    from kzconst.views import toc_lines

    lines = toc_lines(corpus, ed, sec)
    if fmt is Fmt.md:
        sys.stdout.write("\n".join(line.plain for line in lines) + "\n")
    else:
        _output(plain, no_color).lines(lines)


@app.command()
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
    from kzconst.views_more import topics_lines, topics_records

    corpus = _corpus(corpus_file)
    ed = pick_edition(corpus, edition, as_of)
    if topic is not None and topic not in corpus.topics:
        import difflib

        near = difflib.get_close_matches(topic.lower(), list(corpus.topics), n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else "; run `kzconst topics`"
        raise NotFoundError(f"no topic {topic[:60]!r}{hint}")
    if fmt in (Fmt.json, Fmt.jsonl):
        _emit_json(fmt, "topics", topics_records(corpus, ed, topic))
    else:
        _output(plain, no_color).lines(topics_lines(corpus, ed, topic))


@app.command()
def info(
    fmt: FormatOpt = Fmt.text,
    plain: PlainOpt = False,
    no_color: NoColorOpt = False,
    corpus_file: CorpusOpt = None,
) -> None:
    """Editions, dates, provenance, the translation note and the reform timeline."""
    from kzconst.views_more import info_lines, info_record

    corpus = _corpus(corpus_file)
    if fmt in (Fmt.json, Fmt.jsonl):
        _emit_json(fmt, "info", [info_record(corpus)])
    else:
        _output(plain, no_color).lines(info_lines(corpus))


@app.command()
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
    from kzconst.corpus import corpus_path, parse_toml
    from kzconst.errors import CorpusError
    from kzconst.validate import validate

    path = corpus_path(corpus_arg or corpus_file)
    raw = parse_toml(path)
    corpus, problems = validate(raw, path)
    if fmt in (Fmt.json, Fmt.jsonl):
        from kzconst.records import SCHEMA_VERSION

        _emit_json(
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
        sys.stdout.write(f"{path}: OK ({counts})\n")


def _register_more() -> None:
    from kzconst import cli_more

    cli_more.register(app)


_register_more()


# --- the one error boundary --------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(_app_for(args[0] if args else ""))
    return int(command.main(args=args, prog_name="kzconst", standalone_mode=False) or 0)


def _app_for(name: str) -> typer.Typer:
    """The app with only the command being run: Typer converts every registered command's
    signature at start-up, and one is all a run needs (start-up is measured, DESIGN.md)."""
    wanted = [
        c for c in app.registered_commands if c.callback and (c.name or c.callback.__name__) == name
    ]
    if not wanted:
        return app  # --help, --version, a typo: the full app answers
    slim = typer.Typer(
        cls=KzconstGroup,
        name="kzconst",
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings=app.info.context_settings,
    )
    slim.registered_callback = app.registered_callback
    slim.registered_commands = wanted
    return slim


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

"""The entry point: registers every command on the app and runs the one asked for."""

from __future__ import annotations

import sys

import typer

from kzconst.cli import changes, check, cite, find, read
from kzconst.cli.app import app, help_epilog
from kzconst.cli.options import SharedOptionsGroup, hoist_shared_options

# The order `kzconst --help` lists them in.
for _command in (
    read.show,
    read.toc,
    read.topics,
    read.info,
    check.check,
    find.search,
    changes.compare,
    changes.changes,
    changes.history,
    cite.cite,
    find.refs,
):
    # An explicit summary: Click would cut the docstring's first paragraph at 45 characters.
    _summary = " ".join((_command.__doc__ or "").split("\n\n")[0].split())
    app.command(short_help=_summary, epilog=help_epilog(_command))(_command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    args = hoist_shared_options(sys.argv[1:] if argv is None else argv)
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
        cls=SharedOptionsGroup,
        name="kzconst",
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings=app.info.context_settings,
        epilog=app.info.epilog,
    )
    slim.registered_callback = app.registered_callback
    slim.registered_commands = wanted
    return slim


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

"""The entry point: registers the commands on the app and runs the one asked for."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any

import typer

from kzconst.cli import app as app_module
from kzconst.cli.options import SharedOptionsGroup, hoist_shared_options

# Each command and the module (kzconst.cli.MODULE) that defines it, in the order
# `kzconst --help` lists them. A run imports only the module of its command (start-up is
# measured, DESIGN.md); --help, --version and a typo import them all.
COMMANDS = (
    ("show", "read"),
    ("toc", "read"),
    ("topics", "read"),
    ("info", "read"),
    ("check", "check"),
    ("search", "find"),
    ("compare", "changes"),
    ("changes", "changes"),
    ("history", "changes"),
    ("cite", "cite"),
    ("refs", "find"),
)


def __getattr__(name: str) -> typer.Typer:
    """`from kzconst.cli.main import app`: the app with every command registered."""
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def full_app() -> typer.Typer:
    """The app with every command, registered once, in the order of COMMANDS."""
    app = app_module.app
    if not app.registered_commands:
        for name, module in COMMANDS:
            _register(app, _command(name, module))
    return app


def _command(name: str, module: str) -> Callable[..., Any]:
    command: Callable[..., Any] = getattr(import_module(f"kzconst.cli.{module}"), name)
    return command


def _register(app: typer.Typer, command: Callable[..., Any]) -> None:
    # An explicit summary: Click would cut the docstring's first paragraph at 45 characters.
    summary = " ".join((command.__doc__ or "").split("\n\n")[0].split())
    app.command(short_help=summary, epilog=app_module.help_epilog(command))(command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    args = hoist_shared_options(sys.argv[1:] if argv is None else argv)
    command = typer.main.get_command(_app_for(args[0] if args else ""))
    return int(command.main(args=args, prog_name="kzconst", standalone_mode=False) or 0)


def _app_for(name: str) -> typer.Typer:
    """The app with only the command being run: Typer converts every registered command's
    signature at start-up, and one is all a run needs (start-up is measured, DESIGN.md)."""
    module = dict(COMMANDS).get(name)
    if module is None:
        return full_app()  # --help, --version, a typo: the full app answers
    app = app_module.app
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
    _register(slim, _command(name, module))
    return slim


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

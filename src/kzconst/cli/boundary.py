"""The error boundary: every expected failure becomes one line on stderr and its exit code."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from kzconst.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    KzconstError,
)

if TYPE_CHECKING:
    pass


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

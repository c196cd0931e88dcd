"""The error boundary: every expected failure becomes one line on stderr and its exit code."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from typer.core import TyperGroup

from kzconst.cli import quiet_interrupt
from kzconst.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_NO_MEMORY,
    EXIT_OK,
    EXIT_USAGE,
    InputOutputError,
    KzconstError,
    UsageError,
)

if TYPE_CHECKING:
    pass

T = TypeVar("T")
_ERRNO_NAMES = {"ENOSPC", "EFBIG", "EIO", "EDQUOT", "EBADF", "EROFS"}


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
        import signal

        quiet = signal.getsignal(signal.SIGINT) is quiet_interrupt
        if quiet:  # the console script: Ctrl-C unwinds from here on (temporary files go)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        _utf8_stdout()
        _sane_width()
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
        _notices()
        if quiet:  # whatever is left (flushing at exit) ends quietly too
            signal.signal(signal.SIGINT, quiet_interrupt)
        if standalone_mode:
            sys.exit(code)
        return code


def _sane_width() -> None:
    """COLUMNS=0, a negative or absurd width, or a terminal that reports 0 columns: use 80."""
    value = os.environ.get("COLUMNS")
    if value is not None:
        if not (value.isascii() and value.isdigit() and 10 <= int(value) <= 10_000):
            os.environ["COLUMNS"] = "80"
        return
    try:
        tty = sys.stdout is not None and sys.stdout.isatty()
        if tty and os.get_terminal_size(sys.stdout.fileno()).columns < 10:
            os.environ["COLUMNS"] = "80"
    except (OSError, ValueError, AttributeError):
        pass


def _notices() -> None:
    """One line on stderr for each damaged cache file that was removed and rebuilt."""
    cache = sys.modules.get("kzconst.corpus.cache")
    for notice in getattr(cache, "NOTICES", ()):
        _write_stderr(f"kzconst: notice: {_one_line(notice)}\n")
    if cache is not None:
        cache.NOTICES.clear()


def _guarded(call: Any) -> int:
    from typer._click import exceptions as click_exc

    try:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            _error("standard output is closed; nothing can be written")
            return EXIT_IO
        result = call()
        sys.stdout.flush()
        return result if isinstance(result, int) else EXIT_OK
    except KzconstError as exc:
        _error(exc.message)
        return exc.exit_code
    except click_exc.NoArgsIsHelpError as exc:
        _write_stderr(exc.ctx.get_help() + "\n" if exc.ctx else "")
        return EXIT_USAGE
    except click_exc.UsageError as exc:
        hint = f" (see 'kzconst {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.parent else ""
        _error(exc.format_message() + hint)
        return EXIT_USAGE
    except click_exc.ClickException as exc:
        _error(exc.format_message())
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _silence_stdout()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except MemoryError:
        _error("out of memory (the input or the corpus is too large)")
        return EXIT_NO_MEMORY
    except OSError as exc:
        return _environment_failure(exc)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        return _internal(exc)
    except SystemExit as exc:
        # Typer turns EPIPE into exit(1) after wrapping stdout; a reader that stops early
        # (`| head -1`) is not an error of ours.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _silence_stdout()
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def _environment_failure(exc: OSError) -> int:
    """The disk is full (/dev/full), the file too big (EFBIG), the output gone: not our bug."""
    import errno

    if errno.errorcode.get(exc.errno or 0) not in _ERRNO_NAMES:
        return _internal(exc)
    _silence_stdout()  # what is still buffered cannot be written either
    _error(f"cannot write the output ({exc.strerror or exc})")
    return EXIT_IO


def _internal(exc: BaseException) -> int:
    if os.environ.get("KZCONST_DEBUG"):
        raise exc
    _error(
        f"internal error ({type(exc).__name__}: {exc}); please report it "
        "(KZCONST_DEBUG=1 shows the traceback)"
    )
    return EXIT_INTERNAL


def _utf8_stdout() -> None:
    """Corpus text is UTF-8 whatever the locale says (LANG=C)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and encoding != "utf8":
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def _one_line(message: str) -> str:
    """A message as one visible line: whitespace runs collapsed, control characters escaped."""
    from kzconst.output.render import safe_text

    return safe_text(" ".join(safe_text(message, keep="\n\t").split()))


def _write_stderr(text: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it: the exit code still does


def _error(message: str) -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        _silence_stdout()
    _write_stderr(f"kzconst: error: {_one_line(message)}\n")


def _silence_stdout() -> None:
    """The reader went away (`| head -1`) or the output cannot be written: send the rest to
    /dev/null so the flush at exit does not fail again, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# --- bounded input and output: limits checked before the work, not after ---------------------

MAX_PROVISIONS = 1000  # both editions hold about 200 articles; more is a runaway request
MAX_REF_LINES = 10_000


def bounded(items: Iterable[T], what: str = "provisions") -> list[T]:
    """The items as a list, stopping with a usage error past MAX_PROVISIONS (not after
    expanding 192,000 of them)."""
    out: list[T] = []
    for item in items:
        out.append(item)
        if len(out) > MAX_PROVISIONS:
            raise UsageError(
                f"more than {MAX_PROVISIONS} {what} requested; ask for fewer "
                "(a range such as 1-96 covers a whole edition)"
            )
    return out


def read_input(name: str, limit: int, what: str = "input") -> bytes:
    """The bytes of FILE or of stdin (`-`), at most `limit` of them.

    A regular file's size is checked before reading it; a pipe, a FIFO or a character device
    (`/dev/stdin`, `<(cmd)`) is read as a stream up to the limit and no further, like stdin; a
    directory is refused.
    """
    if name == "-":
        if sys.stdin is None:
            raise InputOutputError("standard input is closed; give a FILE or pipe the text in")
        try:
            data = sys.stdin.buffer.read(limit + 1)
        except (OSError, ValueError) as exc:
            raise InputOutputError(f"cannot read standard input ({exc})") from None
        if len(data) > limit:
            raise UsageError(f"standard input holds more than {limit // 1_000_000} MB of {what}")
        return data
    # O_NONBLOCK: opening a FIFO no one writes to returns at once (it then reads as empty)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read ({exc.strerror})") from None
    try:
        data = _read_fd(fd, name, limit)
    except OSError as exc:
        raise UsageError(f"{name}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UsageError(f"{name}: larger than {limit // 1_000_000} MB")
    return data


def _read_fd(fd: int, name: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of an open file; a stream is read until it ends."""
    import stat

    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{name}: is a directory")
    if stat.S_ISREG(st.st_mode):
        if st.st_size > limit:
            raise UsageError(f"{name}: larger than {limit // 1_000_000} MB")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(st.st_size + 1)
    os.set_blocking(fd, True)  # a pipe or device: wait for the writer, as stdin does
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)

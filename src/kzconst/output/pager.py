"""The pager: long output on a terminal goes through $KZCONST_PAGER, $PAGER or `less -FRX`."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
from typing import IO

DEFAULT_PAGER = "less -FRX"


def pager_command() -> list[str] | None:
    """The pager to run, or None. An empty value or `cat` means no pager (as in git)."""
    for name in ("KZCONST_PAGER", "PAGER"):
        if name in os.environ:
            value = os.environ[name].strip()
            break
    else:
        value = DEFAULT_PAGER
    try:
        argv = shlex.split(value)
    except ValueError:
        return None
    if not argv or argv[0] == "cat" or shutil.which(argv[0]) is None:
        return None
    return argv


def screen_rows(stream: IO[str]) -> int:
    if os.environ.get("LINES", "").isdigit():
        return int(os.environ["LINES"])
    try:
        return os.get_terminal_size(stream.fileno()).lines
    except (AttributeError, ValueError, OSError):
        return shutil.get_terminal_size().lines


def page(text: str, stream: IO[str]) -> bool:
    """Send `text` to the pager when it is longer than the screen; False when it was not paged
    (short output, no pager), so the caller writes it itself.

    The text is rendered in full first and written to the pager's stdin. While the pager runs,
    Ctrl-C is left to the pager (less uses it to stop a search) and we wait for it, so the
    terminal is never left to a half-dead pair of processes; `q` before the end closes the pipe,
    which is not an error.
    """
    if text.count("\n") < screen_rows(stream):
        return False
    argv = pager_command()
    if argv is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # colours pass through, short output exits (as git does)
    env.setdefault("LV", "-c")
    stream.flush()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    # Ignored only once the pager runs, so the pager itself does not inherit SIG_IGN.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert proc.stdin is not None
        with contextlib.suppress(BrokenPipeError, OSError):
            proc.stdin.write(text.encode("utf-8", "replace"))
        with contextlib.suppress(BrokenPipeError, OSError):
            proc.stdin.close()
        proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True

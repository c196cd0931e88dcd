"""Through a real pseudo-terminal: the pager starts and quits cleanly, hanging indents hold at
60/80/120 columns, colour follows --color, NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

SCRIPT = shutil.which("kzconst", path=str(Path(sys.executable).parent)) or shutil.which("kzconst")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")
COLOUR = re.compile(r"\x1b\[[0-9;]*3[1-7][;m]")


def _controlling_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # after setsid: the pty is /dev/tty (less reads keys)


class Terminal:
    """A command on a pseudo-terminal of `cols` x `rows`; keys can be typed into it."""

    def __init__(self, args: list[str], *, cols: int = 80, rows: int = 24, **env: str) -> None:
        assert SCRIPT, "the kzconst console script is not installed"
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if k not in _COLOUR_ENV}
        full_env.update({"TERM": "xterm-256color", **env})
        for name in ("COLUMNS", "LINES"):
            full_env.pop(name, None)
        self.proc = subprocess.Popen(
            [SCRIPT, *args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=full_env,
            start_new_session=True,
            # the child must own the pty as its terminal; pytest runs these in one thread
            preexec_fn=_controlling_terminal,  # noqa: PLW1509
        )
        self.follower = follower
        self.output = b""

    def read_until(self, wanted: bytes, timeout: float = 30) -> bytes:
        deadline = time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < deadline:
            ready, _, _ = select.select([self.leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        return self.output

    def type(self, keys: bytes) -> None:
        os.write(self.leader, keys)

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.read_until(b"\x00never", timeout=0.2)
        self.read_until(b"\x00never", timeout=0.3)
        code = self.proc.wait(timeout=5)
        return code, self.output.decode("utf-8", "replace")

    def settings(self) -> list[int]:
        return termios.tcgetattr(self.follower)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.leader)
        os.close(self.follower)


_COLOUR_ENV = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "PAGER", "KZCONST_PAGER", "LESS")


def run_terminal(args: list[str], **kw: object) -> tuple[int, str]:
    term = Terminal(args, **kw)  # type: ignore[arg-type]
    try:
        return term.finish()
    finally:
        term.close()


def rows_of(output: str) -> list[str]:
    return [ANSI.sub("", row) for row in output.replace("\r\n", "\n").split("\n")]


# --- the pager --------------------------------------------------------------------------------


FAKE_PAGER = "sh -c 'echo PAGER-STARTED; wc -l'"


def test_long_output_on_a_terminal_goes_through_the_pager() -> None:
    code, out = run_terminal(["show", "46"], rows=24, KZCONST_PAGER=FAKE_PAGER)
    assert code == 0
    assert "PAGER-STARTED" in out
    assert "Article 46" not in out  # everything went to the pager's stdin


def test_short_output_and_no_pager_are_not_paged() -> None:
    code, out = run_terminal(["show", "21.1", "--text-only"], rows=40, KZCONST_PAGER=FAKE_PAGER)
    assert code == 0 and "PAGER-STARTED" not in out and "Article 21(1)" in out
    code, out = run_terminal(["show", "46", "--no-pager"], rows=24, KZCONST_PAGER=FAKE_PAGER)
    assert code == 0 and "PAGER-STARTED" not in out and "Article 46" in out


def test_pager_choice_kzconst_pager_then_pager() -> None:
    code, out = run_terminal(["show", "46"], PAGER=FAKE_PAGER)
    assert code == 0 and "PAGER-STARTED" in out
    _code, out = run_terminal(["show", "46"], PAGER=FAKE_PAGER, KZCONST_PAGER="")
    assert "PAGER-STARTED" not in out and "Article 46" in out  # empty: no pager


def test_never_paged_when_piped() -> None:
    env = {**os.environ, "KZCONST_PAGER": FAKE_PAGER, "LINES": "5"}
    assert SCRIPT
    p = subprocess.run([SCRIPT, "show", "46"], capture_output=True, env=env, check=False)
    assert b"PAGER-STARTED" not in p.stdout and p.stdout.startswith(b"Article 46")


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
@pytest.mark.parametrize("keys", [b"q", b"\x03q"], ids=["q", "ctrl-c then q"])
def test_less_quits_and_leaves_a_clean_terminal(keys: bytes) -> None:
    term = Terminal(["show", "1-96"], rows=24)
    try:
        before = term.settings()
        term.read_until(b"Article 1")
        assert b"Article 1" in term.output, term.output[-300:]
        time.sleep(0.3)
        for key in keys:
            term.type(bytes([key]))
            time.sleep(0.3)
        code, out = term.finish()
        assert code == 0
        assert "Article 96" not in out  # quit on the first page
        after = term.settings()
        assert after[3] & termios.ICANON and after[3] & termios.ECHO
        assert after[3] == before[3]
    finally:
        term.close()


# --- layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_hanging_indents_hold_on_a_terminal(cols: int) -> None:
    code, out = run_terminal(["show", "46", "--no-pager"], cols=cols)
    assert code == 0
    rows = rows_of(out)
    width = min(cols, 100)
    assert max(len(r) for r in rows) <= width
    start = rows.index("The President of the Republic of Kazakhstan:")
    text = rows[start + 1 : rows.index("", start)]
    assert len(text) > 22  # 22 sub-items, several wrapped
    for row in text:
        assert re.match(r"^\d+\) \S", row) or row.startswith("   "), row
    assert sum(1 for r in text if re.match(r"^\d+\) ", r)) == 22


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_paragraph_continuations_align_with_the_text(cols: int) -> None:
    _code, out = run_terminal(["show", "21", "--no-pager", "--no-color"], cols=cols)
    rows = rows_of(out)
    first = next(i for i, r in enumerate(rows) if r.startswith("1. "))
    body = rows[first : rows.index("", first)]
    assert all(re.match(r"^\d\. \S", r) or r.startswith("   ") for r in body), body
    commentary = rows[rows.index("Commentary (kzconst, not part of the text)") + 1 :]
    bullets = commentary[: commentary.index("")]
    assert all(r.startswith(("- [", "  ")) for r in bullets), bullets


def test_prose_is_capped_at_a_readable_width() -> None:
    _code, out = run_terminal(["show", "3", "--no-pager"], cols=200)
    assert max(len(r) for r in rows_of(out)) <= 100


# --- colour -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "env", "escapes", "colours"),
    [
        ([], {}, True, True),
        (["--color", "never"], {}, False, False),
        (["--no-color"], {}, False, False),
        (["--plain"], {}, False, False),
        ([], {"NO_COLOR": "1"}, True, False),  # colour off; bold and underline stay
        ([], {"NO_COLOR": ""}, True, True),  # empty NO_COLOR is not set (no-color.org)
        (["--color", "always"], {"NO_COLOR": "1"}, True, True),
    ],
)
def test_colour_on_a_terminal_follows_flags_and_environment(
    flags: list[str], env: dict[str, str], escapes: bool, colours: bool
) -> None:
    code, out = run_terminal(["show", "21", "--no-pager", *flags], **env)
    assert code == 0
    assert ("\x1b[1" in out) == escapes
    assert bool(COLOUR.search(out)) == colours


@pytest.mark.parametrize(
    ("flags", "env", "colours"),
    [
        ([], {}, False),
        (["--color", "always"], {}, True),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"CLICOLOR_FORCE": "1"}, True),
        ([], {"FORCE_COLOR": "0"}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_when_piped(flags: list[str], env: dict[str, str], colours: bool) -> None:
    assert SCRIPT
    full = {k: v for k, v in os.environ.items() if k not in _COLOUR_ENV}
    p = subprocess.run(
        [SCRIPT, "show", "21", *flags], capture_output=True, env={**full, **env}, check=False
    )
    assert p.returncode == 0
    assert bool(COLOUR.search(p.stdout.decode())) == colours

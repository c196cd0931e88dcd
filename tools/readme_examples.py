"""Rewrite the output under every `$ kzconst ...` example of README.md with the real output.

Usage: python tools/readme_examples.py   (tests/test_docs.py checks the examples are real)
Runs each example the way the test does (through the CLI runner, `| head -N`, `echo ... |`),
keeps a trailing `...` line where the README shortens an example.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from kzconst.cli.main import app

README = Path(__file__).resolve().parent.parent / "README.md"


def run(command: str) -> list[str]:
    """The output lines of one README example (tests/test_docs.py runs them the same way)."""
    stdin = None
    if command.startswith("echo "):
        said, command = command.split(" | ", 1)
        stdin = shlex.split(said)[1] + "\n"
    head = None
    if " | head -" in command:
        command, n = command.split(" | head -")
        head = int(n)
    args = shlex.split(command.removesuffix(" | cat"))
    out = CliRunner().invoke(app, args[1:], input=stdin).stdout.splitlines()
    return out[:head] if head is not None else out


def rewrite_block(block: str) -> str:
    lines = block.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("$ "):
            out.append(line)
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("$ "):
            j += 1
        shown = lines[i + 1 : j]
        real = run(line[2:])
        if "..." in shown:
            real = [*real[: shown.index("...")], "..."]
        out += [line, *real]
        i = j
    return "\n".join(out) + "\n"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = re.sub(
        r"(```\w*\n)(.*?)(```)",
        lambda m: (
            m.group(1)
            + (rewrite_block(m.group(2)) if "$ kzconst" in m.group(2) else m.group(2))
            + m.group(3)
        ),
        text,
        flags=re.S,
    )
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

"""Generate docs/CLI.md from the commands' own --help, so the reference cannot drift.

Usage: python tools/cli_reference.py > docs/CLI.md   (tests/test_docs.py checks it is current)
"""

from __future__ import annotations

from typer.testing import CliRunner

from kzconst.cli.main import app

COMMANDS = (
    "show",
    "toc",
    "search",
    "compare",
    "changes",
    "history",
    "cite",
    "refs",
    "topics",
    "info",
    "check",
)


def help_text(*args: str) -> str:
    result = CliRunner().invoke(
        app,
        [*args, "--help"],
        terminal_width=100,
        env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
    )
    assert result.exit_code == 0, result.output
    return result.stdout.rstrip() + "\n"


def reference() -> str:
    parts = [
        "# kzconst command reference\n",
        "Generated from `--help` by `tools/cli_reference.py`; `tests/test_docs.py` fails when it",
        "is out of date. Regenerate with `python tools/cli_reference.py > docs/CLI.md`.\n",
        "## kzconst\n",
        "```",
        help_text().rstrip(),
        "```\n",
    ]
    for name in COMMANDS:
        parts += [f"## kzconst {name}\n", "```", help_text(name).rstrip(), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")

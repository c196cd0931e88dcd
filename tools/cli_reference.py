"""Generate docs/CLI.md and the man page docs/kzconst.1 from the commands' own --help, so
neither can drift from the program.

Usage: python tools/cli_reference.py > docs/CLI.md
       python tools/cli_reference.py --man > docs/kzconst.1
(tests/test_docs.py checks both are current; read the page with `man ./docs/kzconst.1`)
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


def _roff(text: str) -> str:
    """Text for a no-fill roff block: backslashes escaped, no line read as a request."""
    out = []
    for raw in text.rstrip().splitlines():
        line = raw.replace("\\", "\\e").replace("-", "\\-")
        out.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(out)


def manpage() -> str:
    """The man page: the same --help texts as docs/CLI.md, one subsection per command."""
    from kzconst import __version__

    parts = [
        f'.TH KZCONST 1 "" "kzconst {__version__}" "User Commands"',
        ".SH NAME",
        "kzconst \\- the Constitution of the Republic of Kazakhstan at the terminal",
        ".SH SYNOPSIS",
        ".B kzconst",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        ".nf",
        _roff(help_text()),
        ".fi",
        ".SH COMMANDS",
    ]
    for name in COMMANDS:
        parts += [f".SS kzconst {name}", ".nf", _roff(help_text(name)), ".fi"]
    parts += [".SH SEE ALSO", "docs/CLI.md, README.md", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    import sys

    print(manpage() if "--man" in sys.argv[1:] else reference(), end="")

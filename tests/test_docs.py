"""Docs that cannot drift: the CLI reference is current; every command is documented."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from cli_reference import COMMANDS, manpage, reference  # noqa: E402
from readme_examples import run as run_example  # noqa: E402

from kzconst.cli.main import app  # noqa: E402


def test_cli_reference_is_current() -> None:
    current = (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert current == reference(), "run: python tools/cli_reference.py > docs/CLI.md"


def test_man_page_is_current() -> None:
    current = (ROOT / "docs" / "kzconst.1").read_text(encoding="utf-8")
    assert current == manpage(), "run: python tools/cli_reference.py --man > docs/kzconst.1"


def test_man_page_has_a_section_for_every_command() -> None:
    page = manpage()
    assert page.startswith(".TH KZCONST 1")
    for command in COMMANDS:
        assert f".SS kzconst {command}\n" in page


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_page_has_an_example(command: str) -> None:
    from cli_reference import help_text

    text = help_text(*([command] if command else []))
    assert "Examples:" in text
    assert f"kzconst {command}".rstrip() + " " in text.split("Examples:", 1)[1]


def test_root_help_lists_the_environment_and_untruncated_summaries() -> None:
    from cli_reference import help_text

    text = help_text()
    for name in ("KZCONST_CORPUS", "KZCONST_CACHE_DIR", "KZCONST_DEBUG", "KZCONST_PAGER"):
        assert name in text
    for name in ("NO_COLOR", "FORCE_COLOR"):
        assert name in text
    assert "..." not in text.split("Commands:", 1)[1].split("\n\n", 1)[0]


def test_reference_covers_every_registered_command() -> None:
    registered = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    assert registered == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme_and_has_a_docstring(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kzconst {command}" in readme
    [info] = [
        c
        for c in app.registered_commands
        if c.callback and (c.name or c.callback.__name__) == command
    ]
    assert info.callback.__doc__


def test_readme_quick_start_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "pip install" in block[0] and "kzconst show" in block[0]
    assert "pytest" in block[1]
    assert "README.md" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def readme_examples() -> list[tuple[str, list[str]]]:
    """`$ kzconst ...` lines of the README and the output shown under each."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```\w*\n(.*?)```", readme, re.S):
        current: tuple[str, list[str]] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = (line[2:], [])
                examples.append(current)
            elif current is not None:
                current[1].append(line)
    return examples


@pytest.mark.parametrize(
    ("command", "expected"), readme_examples(), ids=[c for c, _ in readme_examples()]
)
def test_readme_examples_show_real_output(command: str, expected: list[str]) -> None:
    """Run as tools/readme_examples.py runs them (`| head -N`, `| cat`, `echo ... |`)."""
    assert command.split(maxsplit=1)[0] in ("kzconst", "echo")
    out = run_example(command)
    if "..." in expected:
        expected = expected[: expected.index("...")]
        out = out[: len(expected)]
    assert out == expected

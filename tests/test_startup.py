"""What a run imports (DESIGN.md, Performance): a command loads what it needs, nothing else.

No timing here (speed is measured by bench/bench.py as ratios to a floor); these tests pin the
structure that keeps start-up fast, so a module-level import that undoes it fails a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """\
import sys
from kzconst.cli.main import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write("\\n".join(sorted(sys.modules)))
"""


def modules_of(args: list[str], cache: Path) -> set[str]:
    """The modules loaded by a run of `kzconst ARGS` with stdout piped (its caches built)."""
    env = {**os.environ, "KZCONST_CACHE_DIR": str(cache)}
    env.pop("KZCONST_CORPUS", None)
    for _ in range(2):  # the first run builds the cache entries; the second is measured
        p = subprocess.run(
            [sys.executable, "-c", PROBE, *args], capture_output=True, env=env, check=False
        )
        assert p.returncode == 0, p.stderr.decode()[-2000:]
    return set(p.stderr.decode().split("\n"))


OTHER_COMMANDS = {"kzconst.cli.find", "kzconst.cli.changes", "kzconst.cli.cite"}


@pytest.mark.parametrize(
    ("args", "module", "absent"),
    [
        (
            ["show", "21"],
            "kzconst.cli.read",
            {*OTHER_COMMANDS, "kzconst.cli.check", "rich", "json", "sqlite3", "tomli"},
        ),
        (
            ["search", "privacy"],
            "kzconst.cli.find",
            {"kzconst.cli.read", "kzconst.corpus.model", "kzconst.refs.grammar", "rich", "tomli"},
        ),
        (
            ["cite", "21", "--style", "oscola"],
            "kzconst.cli.cite",
            {"kzconst.cli.read", "kzconst.cli.find", "json", "dataclasses", "rich", "tomli"},
        ),
    ],
)
def test_a_run_imports_only_what_its_command_needs(
    tmp_path: Path, args: list[str], module: str, absent: set[str]
) -> None:
    loaded = modules_of(args, tmp_path / "cache")
    assert module in loaded
    assert loaded & absent == set()


def test_help_still_lists_every_command(tmp_path: Path) -> None:
    loaded = modules_of(["--help"], tmp_path / "cache")
    assert OTHER_COMMANDS | {"kzconst.cli.read", "kzconst.cli.check"} <= loaded

"""Real processes of the installed console script: pipes, closed stdout, locales."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("kzconst", path=str(Path(sys.executable).parent)) or shutil.which("kzconst")


def run(
    args: list[str], env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    assert SCRIPT, "the kzconst console script is not installed"
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [SCRIPT, *args], capture_output=True, input=stdin, env=full_env, timeout=60, check=False
    )


def test_piped_output_has_no_escape_codes() -> None:
    r = run(["show", "21"], env={"TERM": "xterm-256color", "FORCE_COLOR": ""})
    assert r.returncode == 0
    assert b"\x1b" not in r.stdout
    assert b"personal data" in r.stdout


def test_head_closing_stdout_leaves_stderr_empty(tmp_path: Path) -> None:
    assert SCRIPT
    p = subprocess.run(
        f'"{SCRIPT}" show 1-11 | head -1', shell=True, capture_output=True, timeout=60, check=False
    )
    assert p.stdout.decode().startswith("Article 1 · 2026")
    assert p.stdout.count(b"\n") == 1
    assert p.stderr == b""


@pytest.mark.parametrize(
    "env", [{"LANG": "C", "LC_ALL": "C"}, {"TERM": "dumb"}, {"NO_COLOR": "1"}, {"COLUMNS": "20"}]
)
def test_hostile_environments_still_print_utf8(env: dict[str, str]) -> None:
    r = run(["show", "21-бап"], env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("utf-8").startswith("Article 21 · 2026")
    assert r.stderr == b""


def test_python_dash_m_works() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "kzconst", "show", "1"], capture_output=True, timeout=60, check=False
    )
    assert r.returncode == 0 and r.stdout.startswith(b"Article 1")


def test_version_names_package_and_corpus() -> None:
    r = run(["--version"])
    assert r.returncode == 0
    assert r.stdout.decode().startswith("kzconst 0.1.0 (corpus ")


def test_errors_in_a_real_process_are_one_line() -> None:
    r = run(["show", "abc"])
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1

"""The wheel carries the corpus; a fresh virtual environment can run the console script."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [whl] = out.glob("kzconst-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_contains_the_corpus(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kzconst/data/articles.toml" in names
    data = zipfile.ZipFile(wheel).read("kzconst/data/articles.toml")
    assert data == (ROOT / "data" / "articles.toml").read_bytes()


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    r = subprocess.run(
        [str(env_dir / "bin" / "kzconst"), "show", "21.1"],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Article 21(1) · 2026".encode())
    assert (
        str(env_dir).encode()
        in subprocess.run(
            [str(env_dir / "bin" / "kzconst"), "info"],
            capture_output=True,
            timeout=60,
            check=False,
            cwd=tmp_path,
        ).stdout
    )

"""Shared fixtures: an isolated cache, the packaged corpus, a CLI runner through the boundary."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzconst.cli.main import app
from kzconst.corpus.load import load_corpus
from kzconst.corpus.model import Corpus

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Never touch the user's cache directory from tests."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KZCONST_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("KZCONST_CORPUS", raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> object:
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def structure(edition: str) -> dict[str, dict[str, str]]:
    """The official paragraph labels and sub-item ranges per article (see SOURCES.md)."""
    with (DATA / f"structure{edition}.tsv").open(encoding="utf-8") as fh:
        return {row["article"]: row for row in csv.DictReader(fh, delimiter="\t")}

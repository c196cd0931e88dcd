"""The bad-input matrix: every case gets its exit code, one line on stderr, no traceback, and
no partial output that could pass for a complete answer. Real processes of the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_corpus import MINIMAL

SCRIPT = shutil.which("kzconst", path=str(Path(sys.executable).parent)) or "kzconst"
LONG = "7" * 10_000


def corpus_files(root: Path) -> dict[str, Path]:
    """Broken corpora, each a file in `root`."""
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": "",
        "malformed": "[corpus\nversion = 1\n",
        "truncated": MINIMAL[: MINIMAL.index('text = "Text of the first')] + 'text = "Text of',
        "duplicated": MINIMAL.replace('number = "2"\nsection = "I"', 'number = "1"\nsection = "I"'),
        "no-articles": MINIMAL.split("[[article]]")[0],
    }
    out = {}
    for name, text in files.items():
        out[name] = root / f"{name}.toml"
        out[name].write_text(text, encoding="utf-8")
    out["binary"] = root / "binary.toml"
    out["binary"].write_bytes(b"\x00\xff\xfe" * 100)
    out["missing"] = root / "absent.toml"
    out["directory"] = root
    return out


# (case, args, stdin, extra env, exit code, fragment of the stderr line)
MATRIX: list[tuple[str, list[str], bytes | None, dict[str, str], int, str]] = [
    ("show: empty reference", ["show", ""], None, {}, 2, "empty reference"),
    ("show: 10,000-character reference", ["show", LONG], None, {}, 2, "reference too long"),
    ("show: unknown article", ["show", "999"], None, {}, 1, "no article 999"),
    ("show: unknown paragraph", ["show", "21(7)"], None, {}, 1, "no paragraph 7"),
    ("show: unknown sub-item", ["show", "46(30)"], None, {}, 1, "no subparagraph 30"),
    ("show: one bad among good", ["show", "21", "999"], None, {}, 1, "no article 999"),
    ("show: malformed", ["show", "art.twenty"], None, {}, 2, "malformed reference"),
    ("show: unknown edition qualifier", ["show", "21@2020"], None, {}, 2, "unknown edition"),
    (
        "show: unknown --edition",
        ["show", "21", "--edition", "1993"],
        None,
        {},
        2,
        "unknown edition",
    ),
    ("show: bad --as-of", ["show", "21", "--as-of", "31.12.2025"], None, {}, 2, "invalid date"),
    (
        "show: --as-of before 1995",
        ["show", "21", "--as-of", "1991-12-16"],
        None,
        {},
        2,
        "no edition was in force",
    ),
    (
        # --as-of reads an edition on a day; the 2026 text was not in force in 2020
        "show: --edition not in force on --as-of",
        ["show", "21", "--edition", "2026", "--as-of", "2020-01-01"],
        None,
        {},
        1,
        "not in force on 2020-01-01",
    ),
    (
        "show: REF@DATE before the Constitution",
        ["show", "21@1990-01-01"],
        None,
        {},
        2,
        "no edition was in force",
    ),
    ("show: REF@ an impossible date", ["show", "21@2010-02-30"], None, {}, 2, "invalid date"),
    ("show: bad --format", ["show", "21", "--format", "xml"], None, {}, 2, "'xml' is not one"),
    ("show: unknown option", ["show", "21", "--colour"], None, {}, 2, "No such option"),
    ("unknown command", ["shwo", "21"], None, {}, 2, "No such command"),
    ("toc: unknown section", ["toc", "XII"], None, {}, 1, "no section 'XII'"),
    ("toc: 10,000-character section", ["toc", LONG], None, {}, 1, "no section"),
    ("search: empty", ["search", ""], None, {}, 2, "empty query"),
    ("search: only operators", ["search", "AND OR NOT ( )"], None, {}, 2, "no words"),
    ("search: 10,000 characters", ["search", "x" * 10_001], None, {}, 2, "query too long"),
    ("search: no hits", ["search", "zzyzx"], None, {}, 1, "no matches"),
    ("search: unbalanced quote", ["search", '"personal data'], None, {}, 0, ""),
    (
        "search: FTS syntax",
        ["search", "NEAR(privacy data) ^col:*"],
        None,
        {},
        1,
        "no matches for 'NEAR(privacy data) ^col:*' in the 2026 edition",
    ),
    ("search: unknown topic", ["search", "state", "--topic", "astrology"], None, {}, 1, "no topic"),
    ("search: --limit 0", ["search", "state", "--limit", "0"], None, {}, 2, "--limit"),
    ("compare: three refs", ["compare", "1", "2", "3"], None, {}, 2, "one or two"),
    ("compare: no predecessor", ["compare", "49"], None, {}, 1, "no predecessor"),
    ("cite: unknown style", ["cite", "21", "--style", "apa"], None, {}, 2, "'apa' is not one"),
    ("cite: invalid UTF-8 on stdin", ["cite", "-"], b"21\n\xff\xfe\n", {}, 2, "not valid UTF-8"),
    ("cite: binary on stdin", ["cite", "-"], bytes(range(256)), {}, 2, "not valid UTF-8"),
    ("cite: empty stdin", ["cite", "-"], b"", {}, 1, "no references on stdin"),
    (
        "cite: bad ref on stdin",
        ["cite", "-", "--strict"],
        b"21\nabc\n",
        {},
        2,
        "stdin:2: malformed",
    ),
    ("cite: '-' mixed with refs", ["cite", "-", "21"], None, {}, 2, "cannot be mixed"),
    ("refs: invalid UTF-8", ["refs", "-"], b"Article 21 \xff", {}, 2, "not valid UTF-8"),
    ("refs: no references", ["refs", "-"], b"nothing to see here", {}, 1, "no references"),
    ("refs: missing file", ["refs", "/nonexistent/file.txt"], None, {}, 2, "no such file"),
    ("refs: a directory", ["refs", "/"], None, {}, 2, "is a directory"),
    ("topics: unknown", ["topics", "astrology"], None, {}, 1, "no topic"),
    ("check: missing file", ["check", "/nonexistent.toml"], None, {}, 3, "not found"),
]


def run(
    args: list[str], stdin: bytes | None, env: dict[str, str], cache: Path
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "KZCONST_CACHE_DIR": str(cache), **env}
    full_env.pop("KZCONST_CORPUS", None) if "KZCONST_CORPUS" not in env else None
    return subprocess.run(
        [SCRIPT, *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def assert_clean_failure(p: subprocess.CompletedProcess[bytes], code: int, fragment: str) -> None:
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == code, (p.returncode, err, p.stdout[:200])
    assert "Traceback" not in err
    if code != 0:
        assert err.count("\n") == 1 and err.startswith("kzconst: error: "), err
        assert fragment in err, err
        assert p.stdout == b"", "no partial output on failure"


@pytest.mark.parametrize(
    ("case", "args", "stdin", "env", "code", "fragment"), MATRIX, ids=[m[0] for m in MATRIX]
)
def test_matrix(
    tmp_path: Path,
    case: str,
    args: list[str],
    stdin: bytes | None,
    env: dict[str, str],
    code: int,
    fragment: str,
) -> None:
    assert_clean_failure(run(args, stdin, env, tmp_path / "cache"), code, fragment)


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty", "is empty"),
        ("malformed", ":1: invalid TOML"),
        ("truncated", "invalid TOML"),
        ("duplicated", "appears twice"),
        ("no-articles", "no [[article]] tables"),
        ("binary", "not valid UTF-8"),
        ("missing", "not found"),
        ("directory", "is a directory"),
    ],
)
@pytest.mark.parametrize("command", [["show", "1"], ["search", "text"], ["toc"], ["check"]])
def test_broken_corpus(tmp_path: Path, name: str, fragment: str, command: list[str]) -> None:
    path = corpus_files(tmp_path / "corpora")[name]
    p = run(command, None, {"KZCONST_CORPUS": str(path)}, tmp_path / "cache")
    if command == ["check"] and p.stdout:
        # check lists the problems on stdout, one a line, and sums them up on stderr
        assert p.returncode == 3
        assert fragment in p.stdout.decode()
        assert all(line.startswith(f"{path}:") for line in p.stdout.decode().splitlines())
        assert p.stderr.decode().count("\n") == 1
        return
    assert_clean_failure(p, 3, fragment)
    assert str(path) in p.stderr.decode()


def test_fifty_megabyte_corpus_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    padding = ("# " + "x" * 998 + "\n") * 50_000
    big.write_text(padding + MINIMAL, encoding="utf-8")
    assert big.stat().st_size > 50_000_000
    p = run(["show", "2"], None, {"KZCONST_CORPUS": str(big)}, tmp_path / "cache")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(b"Article 2 ")


@pytest.mark.parametrize("cache", ["file-in-the-way/sub", "missing/deeper/still"])
@pytest.mark.parametrize("command", [["show", "21"], ["search", "privacy"]])
def test_unwritable_or_missing_cache_dir(tmp_path: Path, cache: str, command: list[str]) -> None:
    (tmp_path / "file-in-the-way").write_text("not a directory")
    p = run(command, None, {}, tmp_path / cache)
    assert p.returncode == 0, p.stderr
    assert p.stderr == b""
    assert p.stdout.startswith(b"Article 21") or p.stdout.startswith(b"21@2026")


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C", "LC_ALL": "C"},
        {"LC_ALL": "C"},
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"COLUMNS": "20"},
        {"PYTHONIOENCODING": "ascii"},
    ],
    ids=["LANG=C", "LC_ALL=C", "TERM=dumb", "NO_COLOR", "COLUMNS=20", "ascii-stdout"],
)
@pytest.mark.parametrize(
    "command",
    [
        ["show", "21-бап"],
        ["cite", "21.1", "--style", "kk"],
        ["search", "Құрылтай", "--limit", "200"],  # every hit: no "showing N of M" note
        ["show", "999"],
    ],
)
def test_hostile_environments(tmp_path: Path, env: dict[str, str], command: list[str]) -> None:
    p = run(command, None, env, tmp_path / "cache")
    if command == ["show", "999"]:
        assert_clean_failure(p, 1, "no article 999")
        return
    assert p.returncode == 0, p.stderr
    assert p.stderr == b""
    text = p.stdout.decode("utf-8")
    assert "\x1b" not in text
    assert "\n" in text and len(max(text.splitlines(), key=len)) > 20, "no hard wrapping"


@pytest.mark.parametrize(
    "command",
    [
        ["show", "1-96"],
        ["toc"],
        ["search", "state", "--limit", "200"],  # every hit: no "showing N of M" note
        ["changes"],
        ["cite", "1-96", "--style", "ru"],
    ],
)
def test_stdout_closed_early(command: list[str], tmp_path: Path) -> None:
    cmd = " ".join(f"'{a}'" for a in [SCRIPT, *command]) + " | head -1"
    env = {**os.environ, "KZCONST_CACHE_DIR": str(tmp_path / "cache")}
    p = subprocess.run(cmd, shell=True, capture_output=True, timeout=120, env=env, check=False)
    assert p.stdout.count(b"\n") == 1
    assert p.stderr == b""

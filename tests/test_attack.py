"""The attack suite of issue 15: damaged caches, hostile corpora and input, odd environments.

Every case runs the real console script. Timeouts are hang guards only, never speed targets
(speed lives in bench/). Cases whose fix belongs to another module say so in their xfail.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_corpus import MINIMAL

SCRIPT = shutil.which("kzconst", path=str(Path(sys.executable).parent)) or "kzconst"
PACKAGED = Path(__file__).resolve().parent.parent / "data" / "articles.toml"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HANG = 120  # seconds: a hang guard, not a speed target


def run(
    args: list[str],
    cache: Path | None,
    *,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = HANG,
    **kw: object,
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, **(env or {})}
    full.pop("KZCONST_CORPUS", None) if "KZCONST_CORPUS" not in (env or {}) else None
    if cache is not None:
        full["KZCONST_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [SCRIPT, *args],
        input=stdin,
        capture_output=True,
        env=full,
        timeout=timeout,
        check=False,
        **kw,  # type: ignore[arg-type]
    )


def run_to(
    args: list[str], cache: Path, stdout: object, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout sent to an open file; stderr captured."""
    env = {**os.environ, "KZCONST_CACHE_DIR": str(cache)}
    return subprocess.run(
        [SCRIPT, *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        env=env,
        timeout=HANG,
        check=False,
        **kw,  # type: ignore[arg-type]
    )


def one_line_error(p: subprocess.CompletedProcess[bytes], code: int, fragment: str = "") -> None:
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == code, (p.returncode, err[:500])
    assert "Traceback" not in err
    assert "internal error" not in err
    lines = [line for line in err.splitlines() if not line.startswith("kzconst: notice:")]
    assert len(lines) == 1, err[:1000]
    assert lines[0].startswith("kzconst: error: "), err
    assert fragment in lines[0], err
    assert not RAW_CONTROL.search(lines[0]), err


def corpus_file(tmp_path: Path, text: str, name: str = "corpus.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted(cache.glob(f"{kind}-*"))


# --- serves wrong law from the cache -----------------------------------------------------------


def test_edited_cache_is_never_served(cache: Path) -> None:
    first = run(["show", "17"], cache)
    assert b"The death penalty is prohibited." in first.stdout
    (entry,) = entries(cache, "corpus")
    data = entry.read_bytes()
    entry.write_bytes(data.replace(b"is prohibited.", b"is authorised."))
    again = run(["show", "17"], cache)
    assert again.returncode == 0
    assert again.stdout == first.stdout
    assert b"removed the damaged cache file" in again.stderr
    healed = run(["show", "17"], cache)
    assert healed.stdout == first.stdout and healed.stderr == b""


@pytest.mark.parametrize("offset", [0, 5, 9, 40, 41, 100, 1000, 5000, 100_000, -16])
def test_random_damage_to_the_corpus_entry(cache: Path, offset: int) -> None:
    clean = run(["show", "17", "1", "96"], cache)
    (entry,) = entries(cache, "corpus")
    data = bytearray(entry.read_bytes())
    data[offset : offset + 16 if offset != -16 else None] = os.urandom(16)
    entry.write_bytes(bytes(data))
    damaged = run(["show", "17", "1", "96"], cache)
    assert damaged.returncode == 0, damaged.stderr
    assert damaged.stdout == clean.stdout


@pytest.mark.parametrize("command", [["show", "21"], ["toc"], ["search", "privacy"]])
def test_zeroed_byte_heals(cache: Path, command: list[str]) -> None:
    clean = run(command, cache)
    for entry in [*entries(cache, "corpus"), *entries(cache, "index")]:
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        entry.write_bytes(bytes(data))
    damaged = run(command, cache)
    assert damaged.returncode == 0 and damaged.stdout == clean.stdout
    later = run(command, cache)
    assert later.returncode == 0 and later.stdout == clean.stdout and later.stderr == b""


def test_zeroed_index_page_heals(cache: Path) -> None:
    clean = run(["search", "privacy"], cache)
    (entry,) = entries(cache, "index")
    data = bytearray(entry.read_bytes())
    data[8192 : 8192 + 4096] = bytes(4096)
    entry.write_bytes(bytes(data))
    for _ in range(2):
        p = run(["search", "privacy"], cache)
        assert p.returncode == 0 and p.stdout == clean.stdout


def test_same_size_edit_with_old_mtime_is_not_stale(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, MINIMAL)
    stamp = tmp_path / "stamp"
    stamp.write_text("")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    first = run(["show", "1", "--corpus", str(path)], cache)
    assert b"Text of the first article." in first.stdout
    path.write_text(MINIMAL.replace("Text of the first", "Text of the FIRST"), encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    second = run(["show", "1", "--corpus", str(path)], cache)
    assert b"Text of the FIRST article." in second.stdout
    assert run(["check", str(path)], cache).returncode == 0


def test_two_corpora_never_share_an_entry(tmp_path: Path, cache: Path) -> None:
    a = corpus_file(tmp_path, MINIMAL, "a.toml")
    b = corpus_file(tmp_path, MINIMAL.replace("first article", "other article"), "b.toml")
    for _ in range(2):
        assert b"first article" in run(["show", "1", "--corpus", str(a)], cache).stdout
        assert b"other article" in run(["show", "1", "--corpus", str(b)], cache).stdout


def test_permissions_whatever_the_umask(tmp_path: Path) -> None:
    cache = tmp_path / "deep" / "cache"
    p = run(["search", "privacy"], cache, preexec_fn=lambda: os.umask(0))
    assert p.returncode == 0
    assert (cache.stat().st_mode & 0o777) == 0o700
    assert (cache.parent.stat().st_mode & 0o777) == 0o700
    for entry in cache.iterdir():
        assert (entry.stat().st_mode & 0o777) == 0o600, entry


def test_world_writable_cache_dir_is_tightened(cache: Path) -> None:
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)
    assert run(["show", "21"], cache).returncode == 0
    assert (cache.stat().st_mode & 0o777) == 0o700


def test_planted_symlink_is_not_followed(tmp_path: Path, cache: Path) -> None:
    run(["show", "21"], cache)
    (entry,) = entries(cache, "corpus")
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    entry.unlink()
    entry.symlink_to(victim)
    p = run(["show", "21"], cache)
    assert p.returncode == 0 and p.stdout.startswith(b"Article 21")
    assert victim.read_text() == "keep me"


def test_entry_with_valid_checksum_but_foreign_payload(cache: Path) -> None:
    import zlib

    from kzconst.corpus.cache import MAGIC

    clean = run(["show", "21"], cache)
    (entry,) = entries(cache, "corpus")
    payload = b"\x00" * 8 + b"not marshal at all"
    entry.write_bytes(MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    p = run(["show", "21"], cache)
    assert p.returncode == 0 and p.stdout == clean.stdout


@pytest.mark.parametrize("name", ["with#hash", "with?query", "with%25percent", "sp ace"])
def test_odd_cache_paths(tmp_path: Path, name: str) -> None:
    cache = tmp_path / name / "cache"
    first = run(["search", "privacy"], cache)
    assert first.returncode == 0, first.stderr
    (index,) = entries(cache, "index")
    built = index.stat().st_mtime_ns
    again = run(["search", "privacy"], cache)
    assert again.stdout == first.stdout
    assert index.stat().st_mtime_ns == built, "the index was rebuilt"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_temporary_file_removed_when_the_write_fails(tmp_path: Path) -> None:
    from kzconst.corpus.cache import write_atomic

    def boom(fh: object) -> None:
        raise OSError(28, "No space left on device")

    assert not write_atomic(tmp_path / "corpus-x.bin", boom)
    assert list(tmp_path.iterdir()) == []


def test_temporary_file_removed_on_interrupt(tmp_path: Path) -> None:
    from kzconst.corpus.cache import write_atomic

    def interrupted(fh: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "corpus-x.bin", interrupted)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_no_temporary_files_after_a_signal_during_a_build(
    tmp_path: Path, sig: signal.Signals
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from synthetic import write_synthetic_corpus

    big = tmp_path / "big.toml"
    write_synthetic_corpus(big, 3000)
    for delay in (0.3, 0.8, 1.5, 2.5):
        cache = tmp_path / f"cache-{delay}"
        env = {**os.environ, "KZCONST_CACHE_DIR": str(cache), "KZCONST_CORPUS": str(big)}
        proc = subprocess.Popen(
            [SCRIPT, "search", "privacy"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        time.sleep(delay)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=HANG)
        assert b"Traceback" not in err
        leftovers = [p.name for p in cache.glob("*.tmp")] if cache.exists() else []
        assert leftovers == []


def test_stale_temporary_files_and_old_entries_are_pruned(tmp_path: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    old = cache / ".corpus-x.bin.abc.tmp"
    old.write_bytes(b"x" * 100)
    os.utime(old, (1_000_000_000, 1_000_000_000))
    for i in range(8):
        path = corpus_file(tmp_path, MINIMAL.replace("2026.01.01", f"v{i}"), f"c{i}.toml")
        assert run(["show", "1", "--corpus", str(path)], cache).returncode == 0
    assert not old.exists()
    assert len(entries(cache, "corpus")) <= 4


def test_piped_corpus_is_refused_not_cached(cache: Path) -> None:
    p = subprocess.run(
        f"'{SCRIPT}' show 21 --corpus <(cat '{PACKAGED}')",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env={**os.environ, "KZCONST_CACHE_DIR": str(cache)},
        timeout=HANG,
        check=False,
    )
    one_line_error(p, 3, "not a regular file")
    assert not entries(cache, "corpus") if cache.exists() else True


# --- hostile corpus text -------------------------------------------------------------------------

HOSTILE = {
    "ESC": "\x1b[2J\x1b[31m",
    "OSC 8": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "OSC 52": "\x1b]52;c;ZXZpbA==\x07",
    "CR": "innocent\rforged",
    "BS": "abc\x08\x08\x08",
    "NUL": "a\x00b",
    "DEL": "a\x7fb",
    "C1 NEL": "a\x85b",
    "C1 CSI": "a\x9b31mb",
    "RLO": "a\u202eb",
    "LRI": "a\u2066b",
    "PDI": "a\u2069b",
    "line separator": "a\u2028b",
}


def _hostile(field: str, value: str) -> str:
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    if field == "title":
        return MINIMAL.replace('title = "First"', f'title = "First{escaped}"')
    if field == "text":
        return MINIMAL.replace("Text of the first article.", f"Text {escaped} of the first.")
    if field == "topic":
        return MINIMAL.replace('privacy = "Private life"', f'privacy = "Private{escaped}"')
    return MINIMAL.replace('version = "2026.01.01"', f'version = "2026{escaped}"')


@pytest.mark.parametrize("field", ["title", "text", "topic", "version"])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_check_rejects_control_characters(
    tmp_path: Path, cache: Path, field: str, name: str
) -> None:
    path = corpus_file(tmp_path, _hostile(field, HOSTILE[name]))
    p = run(["check", str(path)], cache)
    assert p.returncode == 3
    out = p.stdout.decode("utf-8")
    assert "control character" in out
    assert re.search(rf"{re.escape(str(path))}:\d+: ", out), out
    assert not RAW_CONTROL.search(out + p.stderr.decode("utf-8"))
    shown = run(["show", "1", "--corpus", str(path)], cache)
    one_line_error(shown, 3, "control character")
    assert shown.stdout == b""


def test_newline_in_a_title_cannot_forge_lines(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, _hostile("title", "\n17@2026  forged"))
    for command in (["search", "first"], ["toc"]):
        p = run([*command, "--corpus", str(path)], cache)
        assert p.returncode == 3
        assert b"17@2026" not in p.stdout


def test_newline_in_running_text_is_allowed(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, MINIMAL.replace("Text of the first", "Line one\\nline two of the"))
    assert run(["check", str(path)], cache).returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["show", "21\x1b[2J"],
        ["show", "\u202e12"],
        ["show", "1", "--corpus", "/nonexistent/\x1b]52;c;ZXZpbA==\x07.toml"],
        ["check", "/nonexistent/\x1b[31mred\r.toml"],
        ["show", "21", "--as-of", "\x1b[31m"],
        ["search", "x", "--topic", "\x9b31m"],
    ],
)
def test_error_messages_escape_control_characters(cache: Path, args: list[str]) -> None:
    p = run(args, cache)
    assert p.returncode in (1, 2, 3)
    one_line_error(p, p.returncode)


def test_check_of_a_hostile_path_escapes_it(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, MINIMAL.replace('title = "First"', "title = 1"), "a\x1b[31m.toml")
    p = run(["check", str(path)], cache)
    assert p.returncode == 3
    assert not RAW_CONTROL.search(p.stdout.decode() + p.stderr.decode())


def test_renderer_escapes_whatever_reaches_it() -> None:
    import io

    from kzconst.output.render import Line, Output, json_safe, safe_text

    stream = io.StringIO()
    Output(plain=True, stream=stream).lines(
        [Line.of("".join(HOSTILE.values())), Line.of("tab\tkept")]
    )
    assert not RAW_CONTROL.search(stream.getvalue().replace("\n", ""))
    assert stream.getvalue().count("\n") == 2
    assert "\t" in stream.getvalue()
    assert safe_text("a\x1bb") == "a\\x1bb"
    assert safe_text("a\u202eb") == "a\\u202eb"
    import json

    doc = json.dumps({"t": "".join(HOSTILE.values())}, ensure_ascii=False)
    assert not RAW_CONTROL.search(json_safe(doc))
    assert json.loads(json_safe(doc)) == json.loads(doc)


def test_markdown_output_escapes_markup(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, MINIMAL.replace('title = "First"', 'title = "[x](http://e)"'))
    p = run(["show", "1", "--format", "md", "--corpus", str(path)], cache)
    assert b"[x](http://e)" not in p.stdout


# --- crashes: corpora that pass `check` must work everywhere ------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["2026-13-45", "2026-02-30", "2026-00-10", "２０２６-03-15", "2026-03-15\\n", "2026-3-15"],
)
def test_impossible_dates_are_rejected(tmp_path: Path, cache: Path, bad: str) -> None:
    path = corpus_file(tmp_path, MINIMAL.replace('adopted = "2026-03-15"', f'adopted = "{bad}"'))
    p = run(["check", str(path)], cache)
    assert p.returncode == 3
    assert b"edition[0].adopted" in p.stdout
    one_line_error(run(["show", "1", "--corpus", str(path)], cache), 3, "adopted")


@pytest.mark.parametrize("depth", [400, 1000, 5000])
@pytest.mark.parametrize("command", [["check"], ["show", "1", "--corpus"]])
def test_deep_nesting(tmp_path: Path, cache: Path, depth: int, command: list[str]) -> None:
    path = corpus_file(tmp_path, MINIMAL + "deep = " + "[" * depth + "]" * depth + "\n")
    p = run([*command, str(path)], cache)
    assert p.returncode == 3
    err = p.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err
    assert str(path) in err


def test_bom_gets_a_clear_message(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    one_line_error(run(["check", str(path)], cache), 3, "byte-order mark")


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('number = "2"\nsection', 'number = "2\\n"\nsection', "article[1]"),
        ('number = "2"\nsection', 'number = "２"\nsection', "article[1]"),
        ('number = "2"\nsection', 'number = "02"\nsection', "article[1]"),
        ('number = "2"\nsection', 'number = "10000"\nsection', "article[1]"),
        ('last = "2"', 'last = "7"', "section[0].last"),
        ('first = "1"\nlast = "2"', 'first = "2"\nlast = "1"', "section[0].last"),
        ("[topics]", "colour = 1\n[topics]", "unknown key 'colour'"),
        ('kind = "summary"', 'kind = "summary"\nsauce = "x"', "unknown key 'sauce'"),
        ('number = "1"\ntext', 'number = "1"\nweird = 1\ntext', "unknown key 'weird'"),
        (
            'official_source = "https://adilet.zan.kz/rus/docs/K2600000000"',
            'official_source = "https://adilet.zan.kz/rus/docs/K2600000000"\n'
            '[[edition]]\nid = "1995"\ntitle = "Old"\nadopted = "1995-08-30"\n'
            'in_force_from = "1995-09-05"\nofficial_source = "https://example.org"',
            "must not overlap",
        ),
    ],
    ids=[
        "number-newline",
        "number-fullwidth",
        "number-leading-zero",
        "number-10000",
        "section-missing-article",
        "section-backwards",
        "unknown-top-key",
        "unknown-commentary-key",
        "unknown-paragraph-key",
        "overlapping-editions",
    ],
)
def test_validation_gaps(tmp_path: Path, cache: Path, old: str, new: str, fragment: str) -> None:
    assert old in MINIMAL
    path = corpus_file(tmp_path, MINIMAL.replace(old, new, 1))
    p = run(["check", str(path)], cache)
    assert p.returncode == 3, p.stdout
    assert fragment in p.stdout.decode(), p.stdout


def test_keys_other_branches_add_are_known(tmp_path: Path, cache: Path) -> None:
    extra = MINIMAL.replace(
        'text = "First paragraph [a] with brackets."',
        'text = "First paragraph [a] with brackets."\npredecessors = ["1"]\nchange = "new"\n'
        'change_note = "n"\nsince = "2026-07-01"\nsince_law = "l"\ninserted = "2026-07-01"\n'
        'excluded_from = "2027-01-01"\nexcluded_law = "l"\n'
        '[[article.paragraph.wording]]\nfrom = "2026-07-01"\nto = ""\nlaw = "l"\ntext = "t"\n'
        'note = "n"',
    ).replace(
        'sources = ["somewhere"]\n\n[[article.paragraph]]\nnumber = "1"',
        'sources = ["somewhere"]\ninserted = "2026-07-01"\ninserted_law = "l"\n'
        'repealed_from = ""\nrepealed_law = ""\n\n[[article.paragraph]]\nnumber = "1"',
    )
    extra += (
        '\n[[law]]\nid = "l"\ntitle = "A law"\ndate = "2026-01-01"\nnumber = "1-VIII"\n'
        'in_force = "2026-01-10"\nnote = ""\nsource = "https://example.org"\n'
        '\n[[timeline]]\ndate = "2026-03-15"\nevent = "Referendum"\nsource = "https://e.org"\n'
        '\n[thesaurus]\nx = ["y"]\n\n[glossary]\nterm = "meaning"\n'
    )
    path = corpus_file(tmp_path, extra)
    p = run(["check", str(path)], cache)
    assert "unknown key" not in p.stdout.decode(), p.stdout


def test_no_home_and_no_cache_dir(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "KZCONST_CACHE_DIR")}
    env.pop("XDG_CACHE_HOME", None)
    for command in (["show", "21"], ["toc"], ["search", "privacy"]):
        p = subprocess.run(
            [SCRIPT, *command], env=env, capture_output=True, timeout=HANG, check=False
        )
        assert p.returncode == 0, p.stderr
        assert p.stderr == b""


def test_closed_stdout(cache: Path) -> None:
    p = subprocess.run(
        f"'{SCRIPT}' show 21 >&-",
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        env={**os.environ, "KZCONST_CACHE_DIR": str(cache)},
        timeout=HANG,
        check=False,
    )
    one_line_error(p, 74, "standard output is closed")


@pytest.mark.parametrize("command", [["cite", "-"], ["refs", "-"]])
def test_closed_stdin(cache: Path, command: list[str]) -> None:
    p = subprocess.run(
        " ".join([SCRIPT, *command]) + " <&-",
        shell=True,
        capture_output=True,
        env={**os.environ, "KZCONST_CACHE_DIR": str(cache)},
        timeout=HANG,
        check=False,
    )
    one_line_error(p, 74, "standard input is closed")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command", [["show", "1-96"], ["toc"], ["search", "state", "--limit", "200"]]
)
def test_disk_full(cache: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        p = run_to(command, cache, full)
    one_line_error(p, 74, "No space left on device")


def test_file_too_big(tmp_path: Path, cache: Path) -> None:
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    with (tmp_path / "out.txt").open("w") as out:
        p = run_to(["show", "1-96"], cache, out, preexec_fn=limit)
    one_line_error(p, 74, "File too large")


def test_memory_error_is_not_an_internal_error(
    cli: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kzconst.corpus import load

    def exhausted(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(load, "load_corpus", exhausted)
    result = cli("show", "21")  # type: ignore[operator]
    assert result.code == 71
    assert "out of memory" in result.stderr


def _on_a_terminal(args: list[str], env: dict[str, str], cols: int = 0) -> tuple[int, str]:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    proc = subprocess.Popen(
        [SCRIPT, *args, "--no-pager"],  # the layout is under test here, not the pager
        stdout=slave,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm", **env},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=HANG), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "99999999999", "", None])
def test_nonsense_widths_fall_back(cache: Path, columns: str | None) -> None:
    env = {"KZCONST_CACHE_DIR": str(cache)}
    if columns is not None:
        env["COLUMNS"] = columns
    code, out = _on_a_terminal(["show", "21"], env)
    assert code == 0, out
    assert "Article 21" in out
    assert "inviolability of private life" in out.replace("\r\n", " ").replace("\n", " ")


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3])
def test_sigint_at_any_moment(cache: Path, delay: float) -> None:
    env = {**os.environ, "KZCONST_CACHE_DIR": str(cache)}
    proc = subprocess.Popen(
        [SCRIPT, "search", "privacy"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG)
    if b"Traceback" in err:
        # Before kzconst's first line runs (the interpreter, site, pip's launcher importing
        # `re`), nothing of ours can catch the signal; from our first import on, it must be quiet.
        frames = [line for line in err.decode().splitlines() if line.strip().startswith("File")]
        assert not any("kzconst/" in f and ".venv/bin" not in f for f in frames), err.decode()
    else:
        # -SIGINT: the signal came before Python set its handler; a shell reports 130 too.
        assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, err)


@pytest.mark.parametrize("stage", ["after-cli-package", "after-main-module"])
def test_sigint_while_importing_is_quiet(cache: Path, stage: str) -> None:
    later = "import kzconst.cli.main" if stage == "after-cli-package" else "pass"
    first = "import kzconst.cli" if stage == "after-cli-package" else "import kzconst.cli.main"
    code = (
        f"import sys; sys.argv = ['kzconst']; {first}; import os, signal; "
        f"os.kill(os.getpid(), signal.SIGINT); {later}; print('not reached')"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=HANG, check=False)
    assert p.returncode == 130, p.stderr
    assert p.stderr == b"" and p.stdout == b""


def test_sigint_during_an_index_build(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from synthetic import write_synthetic_corpus

    big = tmp_path / "big.toml"
    write_synthetic_corpus(big, 2000)
    env = {**os.environ, "KZCONST_CACHE_DIR": str(tmp_path / "c"), "KZCONST_CORPUS": str(big)}
    proc = subprocess.Popen(
        [SCRIPT, "search", "privacy"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG)
    assert b"Traceback" not in err
    # 130, or death by SIGINT itself (a shell reports it as 130, as test_sigint_at_any_moment
    # accepts): seen once in 40 runs when the signal lands as the process finishes.
    assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, err)
    if proc.returncode == 130:
        assert err == b""


# --- unbounded work ----------------------------------------------------------------------------


def test_show_of_two_thousand_full_ranges(cache: Path) -> None:
    p = run(["show", *["1-96"] * 2000, "--format", "json"], cache)
    one_line_error(p, 2, "more than 1000 provisions")
    assert p.stdout == b""


def test_cite_of_a_megabyte_of_ranges(cache: Path) -> None:
    p = run(["cite", "-"], cache, stdin=b"1-96\n" * 200_000)
    one_line_error(p, 2, "")
    assert p.stdout == b""


def test_cite_of_many_small_ranges(cache: Path) -> None:
    p = run(["cite", "-"], cache, stdin=b"1-96\n" * 20)
    one_line_error(p, 2, "more than 1000 provisions")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_not_corpora(cache: Path, device: str) -> None:
    for command in (["show", "1", "--corpus", device], ["check", device]):
        one_line_error(run(command, cache, timeout=30), 3, "not a regular file")
    # refs reads a device as a stream, as it reads stdin: within the size limit, or refused
    expected = (1, "no references") if device == "/dev/null" else (2, "larger than 20 MB")
    one_line_error(run(["refs", device], cache, timeout=30), *expected)


def test_fifos_are_refused_quickly(tmp_path: Path, cache: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    one_line_error(run(["show", "1", "--corpus", str(fifo)], cache, timeout=30), 3, "regular")
    # refs reads a FIFO as text (`refs <(cmd)`); one no one writes to is empty, not a hang
    one_line_error(run(["refs", str(fifo)], cache, timeout=30), 1, "no references")


def test_directories_are_refused(tmp_path: Path, cache: Path) -> None:
    one_line_error(run(["show", "1", "--corpus", str(tmp_path)], cache), 3, "directory")
    one_line_error(run(["refs", str(tmp_path)], cache), 2, "directory")


def test_huge_sparse_files_are_refused_before_reading(tmp_path: Path, cache: Path) -> None:
    sparse = tmp_path / "sparse.toml"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 1024**3)
    one_line_error(run(["show", "1", "--corpus", str(sparse)], cache, timeout=30), 3, "limit")
    one_line_error(run(["refs", str(sparse)], cache, timeout=30), 2, "larger than")


def _label(i: int) -> str:
    """The i-th of 100,000 distinct paragraph numbers in the grammar's forms: 1, 1-2 ... 5000-20."""
    return "1" if i == 0 else f"{i // 20 + 1}-{i % 20 + 1}"


def _many_paragraphs(n: int) -> str:
    paragraphs = "".join(
        f'[[article.paragraph]]\nnumber = "{_label(i)}"\ntext = "Paragraph {i}."\n'
        for i in range(n)
    )
    return MINIMAL.replace(
        '[[article.paragraph]]\nnumber = "1"\ntext = "First paragraph [a] with brackets."\n',
        paragraphs,
    )


def test_validation_of_many_paragraphs(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, _many_paragraphs(100_000))
    p = run(["check", str(path)], cache)
    assert p.returncode == 0, p.stdout[-500:]


def test_validation_of_many_paragraphs_with_duplicates(tmp_path: Path, cache: Path) -> None:
    text = _many_paragraphs(100_000).replace('number = "5000-20"', 'number = "1"')
    p = run(["check", str(corpus_file(tmp_path, text))], cache)
    assert p.returncode == 3 and b"appears twice" in p.stdout


def test_validation_of_many_articles_with_predecessors(tmp_path: Path, cache: Path) -> None:
    parts = [MINIMAL.split("[[section]]")[0].replace("[[edition]]", "[[edition]]", 1)]
    parts.append(
        '[[edition]]\nid = "1995"\ntitle = "Old"\nadopted = "1995-08-30"\n'
        'in_force_from = "1995-09-05"\nin_force_to = "2026-06-30"\n'
        'official_source = "https://example.org"\n'
    )
    for ed in ("2026", "1995"):
        parts.append(
            f'[[section]]\nedition = "{ed}"\nnumber = "I"\ntitle = "S"\nfirst = "1"\n'
            f'last = "9999"\n'
        )
    for ed, other in (("2026", "predecessors"), ("1995", "successors")):
        for n in range(1, 10000):
            parts.append(
                f'[[article]]\nedition = "{ed}"\nnumber = "{n}"\nsection = "I"\ntitle = "T"\n'
                f'sources = ["s"]\n{other} = ["{n}"]\n[[article.paragraph]]\nnumber = ""\n'
                f'text = "Text {n}."\n[[article.commentary]]\nkind = "summary"\ntext = "C."\n'
                f'source = "https://example.org"\n'
            )
    path = corpus_file(tmp_path, "\n".join(parts))
    p = run(["check", str(path)], cache)
    assert p.returncode == 0, p.stdout[-2000:]
    compare = run(["compare", "1-2000", "2001-4000", "--corpus", str(path)], cache)
    one_line_error(compare, 2, "more than 1000 provisions")


def _long_paragraph(words: int) -> str:
    long_text = " ".join(["privacy of the state"] * (words // 4))
    return MINIMAL.replace("First paragraph [a] with brackets.", long_text)


def test_search_highlighting_a_long_paragraph(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, _long_paragraph(300_000))
    p = run(["search", "privacy", "--corpus", str(path)], cache)
    assert p.returncode == 0, p.stderr


def test_terminal_layout_of_a_long_paragraph(tmp_path: Path, cache: Path) -> None:
    path = corpus_file(tmp_path, _long_paragraph(300_000))
    code, out = _on_a_terminal(["show", "2", "--corpus", str(path)], {}, cols=100)
    assert code == 0
    assert "privacy of the state" in out


LINEAR_REFS = "linear-time extraction lives in refs/extract.py (another branch)"


@pytest.mark.parametrize(
    "text", ["Art. 1 " * 40_000, "Article 1(" * 100_000], ids=["art-40000", "article-paren"]
)
def test_refs_on_one_long_line(cache: Path, text: str) -> None:
    p = run(["refs", "-"], cache, stdin=text.encode(), timeout=60)
    assert p.returncode in (0, 1)


# --- whatever passes `check` works in every command -------------------------------------------

COMMANDS = [
    ["show", "1"],
    ["show", "1-2", "--format", "json"],
    ["show", "2", "--format", "md"],
    ["toc"],
    ["toc", "--format", "json"],
    ["topics"],
    ["info"],
    ["search", "text"],
    ["changes"],
    ["compare", "1", "2"],
    ["cite", "2(1)", "--style", "bluebook"],
    ["refs", "-"],
]


def generated_corpora() -> Iterator[tuple[str, str]]:
    """Corpora that pass `check` with the odd-but-valid values of each field."""
    yield "minimal", MINIMAL
    yield "quotes", MINIMAL.replace('title = "First"', 'title = "\'Quoted\' \\"title\\" [x]"')
    yield "unicode", MINIMAL.replace('title = "First"', 'title = "Құрылтай – статья ½ 🙂"')
    yield "leap-day", MINIMAL.replace('adopted = "2026-03-15"', 'adopted = "2024-02-29"')
    yield "markup", MINIMAL.replace("Text of the first", "**bold** _x_ <b>html</b> [link](u) `c`")
    yield "tab-and-newline", MINIMAL.replace("Text of the first", "Tab\there\\nnew line")
    yield "article-9999", MINIMAL.replace('number = "2"\nsection', 'number = "9999"\nsection')
    yield (
        "ended-edition",
        MINIMAL.replace(
            'in_force_from = "2026-07-01"',
            'in_force_from = "2026-07-01"\nin_force_to = "2099-12-31"',
        ),
    )


@pytest.mark.parametrize(("name", "text"), list(generated_corpora()), ids=lambda v: str(v)[:14])
def test_what_passes_check_works_everywhere(
    tmp_path: Path, cache: Path, name: str, text: str
) -> None:
    text = text.replace('last = "2"', 'last = "9999"') if name == "article-9999" else text
    text = text.replace('xrefs = ["2(1)"]', "xrefs = []") if name == "article-9999" else text
    path = corpus_file(tmp_path, text)
    checked = run(["check", str(path)], cache)
    assert checked.returncode == 0, checked.stdout
    for command in COMMANDS:
        p = run([*command, "--corpus", str(path)], cache, stdin=b"see art. 1")
        assert p.returncode in (0, 1), (command, p.returncode, p.stderr)
        assert b"Traceback" not in p.stderr
        assert not RAW_CONTROL.search(p.stdout.decode("utf-8").replace("\n", "").replace("\t", ""))


def test_generated_corpora_that_pass_check_work_everywhere(tmp_path: Path) -> None:
    """Property: any title, text and date that `check` accepts works in every command."""
    import itertools

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from typer.testing import CliRunner

    from kzconst.cli.main import app
    from kzconst.corpus.load import parse_toml
    from kzconst.corpus.validate import validate
    from kzconst.errors import CorpusError

    counter = itertools.count()
    runner = CliRunner()

    def toml_string(value: str) -> str:
        import json

        return json.dumps(value)  # a JSON string literal is a valid TOML basic string

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        title=st.text(min_size=1, max_size=40),
        text=st.text(min_size=1, max_size=200),
        day=st.dates().map(lambda d: d.isoformat()) | st.text(max_size=12),
        number=st.from_regex(r"[0-9]{1,5}(-[0-9]{1,2})?", fullmatch=True),
    )
    def prop(title: str, text: str, day: str, number: str) -> None:
        corpus = (
            MINIMAL.replace('title = "First"', f"title = {toml_string(title)}")
            .replace('"Text of the first article."', toml_string(text))
            .replace('adopted = "2026-03-15"', f"adopted = {toml_string(day)}")
            .replace('number = "2"\nsection', f"number = {toml_string(number)}\nsection")
            .replace('last = "2"', f"last = {toml_string(number)}")
            .replace('xrefs = ["2(1)"]', "xrefs = []")
        )
        path = tmp_path / f"gen{next(counter)}.toml"
        path.write_text(corpus, encoding="utf-8")
        try:
            _, problems = validate(parse_toml(path), path)
        except CorpusError:  # a value TOML cannot hold: a corpus error, not a crash
            return
        if problems:
            return
        for command in COMMANDS:
            result = runner.invoke(app, [*command, "--corpus", str(path)], input="see art. 1")
            assert result.exit_code in (0, 1), (command, result.exit_code, result.stderr)
            assert not RAW_CONTROL.search(result.stdout.replace("\n", "").replace("\t", ""))

    prop()

"""The corpus found by its stat key instead of its hash: never a stale corpus (corpus/cache.py).

Every edit below keeps the file's size, as the riskiest edit does (one word for another of the
same length); the stat key must still tell the new text from the old.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzconst.corpus import cache
from kzconst.corpus import load as load_module
from kzconst.corpus.load import load_corpus
from test_corpus import MINIMAL

EDITED = MINIMAL.replace('title = "First"', 'title = "Frist"')
assert len(EDITED) == len(MINIMAL) and EDITED != MINIMAL


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "cache"
    monkeypatch.setenv("KZCONST_CACHE_DIR", str(where))
    forget()
    yield where
    forget()


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as long unchanged, so its stat key is recorded at once."""
    monkeypatch.setattr(cache, "SETTLE_NS", -(10**18))


def forget() -> None:
    """What a new process starts with: nothing loaded in memory."""
    load_module._loaded.clear()
    load_module._keys.clear()


def title(path: Path) -> str:
    forget()
    return load_corpus(path).article("2026", "1").title


def records(where: Path) -> list[Path]:
    return sorted(where.glob("stat-*"))


def next_tick(path: Path) -> None:
    """Wait until the file system stamps a later ctime than `path` has (no timing asserted)."""
    before = os.stat(path).st_ctime_ns
    probe = path.with_name(path.name + ".probe")
    while True:
        probe.write_bytes(b"")
        if os.stat(probe).st_ctime_ns > before:
            probe.unlink()
            return
        time.sleep(0.001)


def rewrite_in_place(path: Path, text: str, keep_mtime: bool = True) -> None:
    """Overwrite the same inode with `text`; set mtime back as `touch -r` or `cp -p` would."""
    st = os.stat(path)
    with open(path, "r+b") as fh:
        fh.write(text.encode("utf-8"))
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    now = os.stat(path)
    assert (now.st_ino, now.st_size) == (st.st_ino, st.st_size)
    assert not keep_mtime or now.st_mtime_ns == st.st_mtime_ns


@pytest.mark.usefixtures("settled")
def test_a_recorded_stat_key_spares_reading_the_corpus(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert title(path) == "First"
    assert len(records(cache_dir)) == 1

    def unread(target: Path) -> None:
        raise AssertionError("the corpus was read although its stat key was known")

    monkeypatch.setattr(load_module, "read_corpus", unread)
    assert title(path) == "First"


@pytest.mark.usefixtures("settled")
def test_same_size_edit_in_place_with_mtime_set_back_is_seen(
    tmp_path: Path, cache_dir: Path
) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert title(path) == "First"
    assert records(cache_dir)
    next_tick(path)
    rewrite_in_place(path, EDITED)  # size, inode and mtime as before: only ctime moved
    assert title(path) == "Frist"
    next_tick(path)
    rewrite_in_place(path, MINIMAL)
    assert title(path) == "First"


@pytest.mark.usefixtures("settled")
def test_same_size_edit_with_a_new_mtime_is_seen(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert title(path) == "First"
    rewrite_in_place(path, EDITED, keep_mtime=False)
    os.utime(path, (1_000_000_001, 1_000_000_001))
    assert title(path) == "Frist"


@pytest.mark.usefixtures("settled")
def test_a_file_saved_by_rename_is_seen(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    st = os.stat(path)
    assert title(path) == "First"
    saved = tmp_path / "corpus.toml.new"
    saved.write_text(EDITED, encoding="utf-8")
    os.utime(saved, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(saved, path)  # as an editor saves: a new inode, same size and mtime
    assert title(path) == "Frist"


def test_a_file_changed_just_now_is_hashed_every_time(tmp_path: Path, cache_dir: Path) -> None:
    """The racy case: a second write in the same tick of the clock would leave the stat key
    as it was, so a key is not recorded until the file has been left alone for a while."""
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert title(path) == "First"
    assert records(cache_dir) == []
    rewrite_in_place(path, EDITED)  # perhaps in the same tick: the stat key may not change
    assert title(path) == "Frist"


@pytest.mark.usefixtures("settled")
def test_a_file_that_changed_while_read_is_not_recorded(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    before = os.stat(path)
    next_tick(path)
    rewrite_in_place(path, EDITED)
    cache.remember_key(path, before, os.stat(path), "any-key")
    assert records(cache_dir) == []


@pytest.mark.usefixtures("settled")
def test_a_damaged_record_is_removed_not_trusted(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert title(path) == "First"
    (record,) = records(cache_dir)
    data = bytearray(record.read_bytes())
    data[-3] ^= 0x01
    record.write_bytes(bytes(data))
    assert title(path) == "First"
    assert any("removed the damaged cache file" in n for n in cache.NOTICES)
    cache.NOTICES.clear()


def test_a_record_of_another_stat_key_is_not_used(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "corpus.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    st = os.stat(path)
    other = os.stat(tmp_path)
    assert cache.stat_key(st) != cache.stat_key(other)
    cache.write_payload(
        cache._stat_entry(path), f"{cache.stat_key(other)} {cache.content_key(b'x')}".encode()
    )
    assert cache.known_key(path, st) is None

"""The per-user cache: content-keyed, checksummed entries that are either right or absent."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzconst import __version__

_CACHE_FORMAT = 4
MAGIC = b"KZCACHE4"
# The payload's checksum: CRC-32 (zlib), as gzip and PNG use, to catch damage (a flipped bit,
# a zeroed page, a truncated write: any burst up to 32 bits, else a 2**-32 chance of a miss).
# Other writers are kept out by the 0700 directory, not by the checksum. Measured on the 600 KB
# entry (loaded 2-core machine): crc32 0.9 ms, sha256 1.7 ms, blake2b 4.2 ms.
_DIGEST = 4
KEEP = 4  # entries of each kind kept; older ones are pruned after a write
_STALE_TMP = 3600.0  # seconds after which a left-over temporary file is removed


def cache_dir() -> Path | None:
    """The per-user cache directory ($KZCONST_CACHE_DIR overrides); None when there is none.

    The cache is optional: no HOME and no passwd entry only cost speed.
    """
    env = os.environ.get("KZCONST_CACHE_DIR")
    if env:
        return Path(env)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
            return Path(base) / "kzconst" / "Cache"
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "kzconst"
        xdg = os.environ.get("XDG_CACHE_HOME")
        return Path(xdg) / "kzconst" if xdg else Path.home() / ".cache" / "kzconst"
    except (RuntimeError, KeyError, OSError):
        return None


def _blake2b(data: bytes | memoryview, size: int) -> bytes:
    try:
        from _blake2 import blake2b  # built in: no OpenSSL to load at start-up
    except ImportError:  # pragma: no cover - every CPython has it
        from hashlib import blake2b
    return blake2b(data, digest_size=size).digest()


def _checksum(payload: bytes | memoryview) -> bytes:
    import zlib

    return zlib.crc32(payload).to_bytes(4, "big")


_LARGE = 4 * 1024 * 1024


def content_key(data: bytes) -> str:
    """The key of a corpus: a hash of its bytes with every version that shapes an entry.

    blake2b (built in, nothing to import) for the corpora people use; past 4 MB, SHA-256 from
    hashlib, whose import is then the smaller cost (21 MB: blake2b 78 ms, sha256 ~30 ms).
    """
    if len(data) > _LARGE:
        import hashlib

        digest = "s" + hashlib.sha256(data).hexdigest()[:32]
    else:
        digest = _blake2b(data, 16).hex()
    return f"{_key_prefix()}-{digest}"


# --- the corpus's key from its stat, without reading the file ---------------------------------
#
# Reading and hashing the corpus costs ~3 ms a run (0.8 MB), a tenth of what `show` may add to
# the start-up of `import typer`. So a small entry `stat-PREFIX-PATH.bin` maps the file's
# STAT KEY (device, inode, size, mtime_ns, ctime_ns, as os.stat gives them) to the content key
# computed from its bytes. The rule, which keeps a stale corpus from ever being served:
#
# - the content key is used without hashing only when every field of the stat key is equal;
#   any write changes ctime (which no tool can set back, unlike mtime: `touch -r`, `cp -p`,
#   tar and rsync restore mtime), and an editor's save-and-rename changes the inode;
# - a stat key is recorded only when it was the same before and after the bytes were read
#   (no write during the read) and the file had not changed for SETTLE_NS (git's "racy clean"
#   rule): a file system stamps times in ticks (1 s on ext3 and HFS+, 2 s on FAT), and a
#   second write in the tick of the first would leave the stat key unchanged; once a tick is
#   over, no later write can carry its stamp;
# - not on Windows, where ctime is the creation time, nor for a file system that reports an
#   inode, mtime or ctime of 0: there the corpus is hashed every run.
# What would defeat it: setting the system clock back by more than SETTLE_NS and then writing
# the same number of bytes within the old tick; a file system that reports no times.
SETTLE_NS = 3_000_000_000


def _key_prefix() -> str:
    version = "".join(ch if ch.isalnum() else "_" for ch in __version__)
    return f"{_CACHE_FORMAT}-{version}-{sys.hexversion:x}"


def stat_key(st: os.stat_result) -> str:
    """The fields of a file's stat that any write to it changes, as one string."""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _stat_entry(path: Path) -> Path | None:
    """The record of the file at `path`. Named by a CRC of the path (zlib is loaded already):
    two paths that share a name only evict each other's record, as the stat key differs."""
    import zlib

    name = zlib.crc32(os.fsencode(os.path.abspath(path)))
    return entry_path("stat", f"{_key_prefix()}-{name:08x}", "bin")


def known_key(path: Path, st: os.stat_result) -> str | None:
    """The content key recorded for `path` with exactly this stat key, else None."""
    if sys.platform == "win32":
        return None
    payload = read_payload(_stat_entry(path))
    if payload is None:
        return None
    recorded, _, key = bytes(payload).decode("ascii", "replace").partition(" ")
    if recorded != stat_key(st) or not key.startswith(_key_prefix() + "-"):
        return None
    return key


def remember_key(path: Path, before: os.stat_result, after: os.stat_result, key: str) -> None:
    """Record `key` for the stat key of `path` when the rule above allows it."""
    import time

    if sys.platform == "win32" or stat_key(before) != stat_key(after):
        return
    if not (after.st_ino and after.st_mtime_ns and after.st_ctime_ns):
        return  # a file system without these cannot tell an edit by its stat
    if time.time_ns() - max(after.st_mtime_ns, after.st_ctime_ns) <= SETTLE_NS:
        return  # changed too recently: a write in the same tick would not show
    write_payload(_stat_entry(path), f"{stat_key(after)} {key}".encode("ascii"))


def entry_path(kind: str, key: str, suffix: str) -> Path | None:
    """Where the entry of `kind` ("corpus", "index") for content `key` lives, if anywhere."""
    base = cache_dir()
    return None if base is None else base / f"{kind}-{key}.{suffix}"


# --- reading: verified, or deleted with a notice -------------------------------------------


def read_payload(path: Path | None) -> memoryview | None:
    """The payload of a cache file when its checksum holds; a bad file is deleted (a notice
    is left) and None returned, so the caller rebuilds it."""
    blob = None if path is None else read_file(path)
    if blob is None or path is None:
        return None
    payload = verified(blob)
    if payload is None:
        discard(path, "its checksum does not match")
    return payload


def read_file(path: Path) -> bytes | None:
    """The bytes of a cache file that is ours: a regular file, in a directory of ours, that no
    one else can write, not reached through a symbolic link; else None."""
    if not _trusted_dir(path.parent, create=False):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None  # absent (the common case) or not ours to read
    try:
        st = os.fstat(fd)
        if not _owned_regular(st):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def verified(blob: bytes) -> memoryview | None:
    """The payload when `blob` is MAGIC + crc32(payload) + payload, else None."""
    head = len(MAGIC) + _DIGEST
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = memoryview(blob)[head:]
    if _checksum(payload) != blob[len(MAGIC) : head]:
        return None
    return payload


NOTICES: list[str] = []  # one line each, written to stderr by the CLI boundary


def discard(path: Path, why: str) -> None:
    """Remove a bad cache entry and leave a notice; it is rebuilt, never served."""
    with contextlib.suppress(OSError):
        path.unlink()
    NOTICES.append(f"removed the damaged cache file {path} ({why}); it is rebuilt")


def _owned_regular(st: os.stat_result) -> bool:
    import stat

    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISREG(st.st_mode) and mine and not st.st_mode & 0o022


def _trusted_dir(path: Path, *, create: bool) -> bool:
    """True when `path` is a directory of ours that no one else can write (made 0700)."""
    import stat

    try:
        if create:
            for parent in (*reversed(path.parents), path):
                if not parent.exists():
                    with contextlib.suppress(FileExistsError):
                        parent.mkdir(mode=0o700)
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    if st.st_mode & 0o022:  # writable by others: tighten it, or do not use it
        try:
            os.chmod(path, 0o700)
        except OSError:
            return False
    return True


# --- writing: unique temporary file, atomic rename, removed on every exit path ----------------


def write_payload(path: Path | None, payload: bytes) -> None:
    """Store `payload` under MAGIC + checksum; an unwritable cache only costs speed."""
    if path is None:
        return
    digest = _checksum(payload)
    write_atomic(path, lambda fh: fh.write(MAGIC + digest + payload))


def write_atomic(path: Path, fill: Callable[[Any], Any]) -> bool:
    """Create a 0600 temporary file next to `path`, fill it, rename it into place.

    The temporary file is removed on any failure, SIGINT or SIGTERM; the rename makes the new
    entry appear whole or not at all.
    """
    import tempfile

    if not _trusted_dir(path.parent, create=True):
        return False
    tmp = ""
    try:
        with _terminate_as_interrupt():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fill(fh)
            os.replace(tmp, path)
            tmp = ""
    except (OSError, ValueError, OverflowError, MemoryError):
        return False
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    prune(path.parent, path.name.split("-", 1)[0])
    return True


class _Terminated(KeyboardInterrupt):
    """SIGTERM while writing: unwinds like Ctrl-C so `finally` removes the temporary file."""


class _terminate_as_interrupt:
    def __enter__(self) -> None:
        import signal
        import threading

        self._old: Any = None
        if threading.current_thread() is threading.main_thread():

            def stop(signum: int, frame: Any) -> None:
                raise _Terminated

            try:
                self._old = signal.signal(signal.SIGTERM, stop)
            except (ValueError, OSError):
                self._old = None

    def __exit__(self, *exc: object) -> None:
        import signal

        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)


def prune(directory: Path, kind: str) -> None:
    """Keep the newest KEEP entries of `kind`; remove stale temporary files of any kind."""
    import time

    entries: list[tuple[float, Path]] = []
    now = time.time()
    try:
        for p in directory.iterdir():
            name = p.name
            try:
                mtime = p.lstat().st_mtime
            except OSError:
                continue
            if name.startswith(".") and name.endswith(".tmp"):
                if now - mtime > _STALE_TMP:
                    p.unlink(missing_ok=True)
            elif name.startswith(f"{kind}-"):
                entries.append((mtime, p))
        for _, p in sorted(entries, reverse=True)[KEEP:]:
            p.unlink(missing_ok=True)
    except OSError:
        pass


# --- the corpus entry: marshal, read back only after its checksum holds ------------------------
#
# marshal is unsafe on untrusted bytes; these bytes are ours: written 0600 into a 0700 directory
# we own, and loaded only when the checksum over them matches. A safe format was measured and
# costs start-up: `import json` is 3.5% of `import typer`, `hashlib` 4% (so blake2b comes from
# the built-in _blake2), against a budget of 1.3x `import typer` for `kzconst show 21`.


def encode_tables(raw: dict[str, Any]) -> bytes:
    """Serialise validated tables: each article a blob of its own so `show 21` decodes one."""
    import marshal

    blobs = [(t["edition"], t["number"], marshal.dumps(t)) for t in raw.get("article", ())]
    return marshal.dumps({**raw, "article": blobs})


def decode_tables(payload: memoryview) -> dict[str, Any] | None:
    """The tables of a verified payload (None when its shape is not ours)."""
    import marshal

    try:
        tables = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(tables, dict) or not isinstance(tables.get("article"), list):
        return None
    ok = all(
        isinstance(a, tuple) and len(a) == 3 and isinstance(a[2], bytes) for a in tables["article"]
    )
    return tables if ok else None

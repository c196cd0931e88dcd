"""The per-user cache: content-keyed, checksummed entries that are either right or absent."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from kzconst import __version__

_CACHE_FORMAT = 3
_MAGIC = b"KZCACHE3"
# SHA-256 over everything after the digest. Measured on the 600 KB corpus: sha256 1.7 ms,
# blake2b 4.2 ms, sha1 1.4 ms, crc32 0.9 ms (loaded 2-core machine; CPUs with SHA extensions
# favour sha256, and it needs no second algorithm for the content key).
_DIGEST = 32
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


def content_key(data: bytes) -> str:
    """The key of a corpus: a hash of its bytes with every version that shapes an entry."""
    import hashlib

    digest = hashlib.sha256(data).hexdigest()[:32]
    version = "".join(ch if ch.isalnum() else "_" for ch in __version__)
    return f"{_CACHE_FORMAT}-{version}-{sys.hexversion:x}-{digest}"


def entry_path(kind: str, key: str, suffix: str) -> Path | None:
    """Where the entry of `kind` ("corpus", "index") for content `key` lives, if anywhere."""
    base = cache_dir()
    return None if base is None else base / f"{kind}-{key}.{suffix}"


# --- reading: verified, or deleted with a notice -------------------------------------------


def read_payload(path: Path | None) -> memoryview | None:
    """The payload of a cache file when its checksum holds; a bad file is deleted (a notice
    on stderr) and None returned, so the caller rebuilds it."""
    if path is None or not _trusted_dir(path.parent, create=False):
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
            blob = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    payload = verified(blob)
    if payload is None:
        discard(path, "its checksum does not match")
    return payload


def verified(blob: bytes) -> memoryview | None:
    """The payload when `blob` is MAGIC + sha256(payload) + payload, else None."""
    import hashlib

    head = len(_MAGIC) + _DIGEST
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    payload = memoryview(blob)[head:]
    if hashlib.sha256(payload).digest() != blob[len(_MAGIC) : head]:
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
    return stat.S_ISREG(st.st_mode) and mine


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
    import hashlib

    if path is None:
        return
    digest = hashlib.sha256(payload).digest()
    write_atomic(path, lambda fh: fh.write(_MAGIC + digest + payload))


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


# --- the corpus entry: a JSON header and one JSON blob per article, read lazily -----------------


def encode_tables(raw: dict[str, Any]) -> bytes:
    """Serialise validated tables: articles as separate blobs so `show 21` decodes one."""
    import json

    blobs: list[bytes] = []
    index: list[list[Any]] = []
    offset = 0
    for t in raw.get("article", ()):
        blob = json.dumps(t, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        index.append([t["edition"], t["number"], offset, len(blob)])
        offset += len(blob)
        blobs.append(blob)
    rest = {k: v for k, v in raw.items() if k != "article"}
    header = json.dumps({"tables": rest, "article": index}, ensure_ascii=False).encode("utf-8")
    return len(header).to_bytes(8, "big") + header + b"".join(blobs)


def decode_tables(payload: memoryview) -> dict[str, Any] | None:
    """The tables of a verified payload (None when its shape is not ours)."""
    import json

    try:
        size = int.from_bytes(payload[:8], "big")
        header = json.loads(bytes(payload[8 : 8 + size]))
        body = payload[8 + size :]
        tables = dict(header["tables"])
        tables["article"] = [LazyTable(e, n, body[o : o + k]) for e, n, o, k in header["article"]]
    except (ValueError, TypeError, KeyError):
        return None
    return tables


class LazyTable(Mapping[str, Any]):
    """An article table whose JSON is decoded on first use; edition and number are at hand."""

    __slots__ = ("_blob", "_table", "edition", "number")

    def __init__(self, edition: str, number: str, blob: memoryview) -> None:
        self.edition = edition
        self.number = number
        self._blob = blob
        self._table: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._table is None:
            import json

            self._table = json.loads(bytes(self._blob))
        return self._table

    def __getitem__(self, key: str) -> Any:
        if key == "edition":
            return self.edition
        if key == "number":
            return self.number
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

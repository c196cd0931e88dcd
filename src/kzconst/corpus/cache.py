"""The per-user cache of validated corpus tables: where it lives, its key, reading and writing."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from kzconst.errors import CorpusError

_CACHE_FORMAT = 2


class _Blob(NamedTuple):
    """An article table kept marshalled in the cache, with the keys the index needs."""

    edition: str
    number: str
    data: bytes


def cache_dir() -> Path:
    """The per-user cache directory ($KZCONST_CACHE_DIR overrides)."""
    env = os.environ.get("KZCONST_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kzconst" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kzconst"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "kzconst" if xdg else Path.home() / ".cache" / "kzconst"


def corpus_fingerprint(path: Path) -> str:
    """A cheap key that changes when the corpus file changes (size, mtime, path)."""
    import zlib

    try:
        st = path.stat()
    except FileNotFoundError:
        raise CorpusError(f"{path}: corpus file not found") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the corpus file ({exc.strerror})") from None
    where = zlib.crc32(str(path.resolve()).encode("utf-8", "surrogateescape"))
    return f"{st.st_size:x}-{st.st_mtime_ns:x}-{where:08x}"


def entry_path(corpus_file: Path) -> Path:
    """The cache file for one corpus file."""
    return cache_dir() / (
        f"corpus-{_CACHE_FORMAT}-{sys.hexversion:x}-{corpus_fingerprint(corpus_file)}.marshal"
    )


def read(cached: Path) -> dict[str, Any] | None:
    """The validated tables; each article stays a marshal blob until it is needed."""
    import marshal

    try:
        data = marshal.loads(cached.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("article"), list):
        return None
    return data


def write(cached: Path, raw: dict[str, Any]) -> None:
    import marshal

    blobs = [_Blob(t["edition"], t["number"], marshal.dumps(t)) for t in raw.get("article", ())]
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps({**raw, "article": [tuple(b) for b in blobs]}))
        os.replace(tmp, cached)
    except (OSError, ValueError):
        pass  # an unwritable cache only costs speed

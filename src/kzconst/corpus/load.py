"""Loading a corpus: locating the file, parsing the TOML, validating once, memoising."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzconst.errors import CorpusError

if TYPE_CHECKING:  # imported when a corpus is built: a search from the index needs no model
    from kzconst.corpus.model import Article, Corpus


def packaged_corpus_path() -> Path:
    """The corpus shipped with the package: inside the wheel, or data/ of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    wheel = package / "data" / "articles.toml"
    if wheel.is_file():
        return wheel
    return package.parent.parent / "data" / "articles.toml"


def corpus_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The corpus to use: --corpus, then $KZCONST_CORPUS, then the packaged one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("KZCONST_CORPUS")
    if env:
        return Path(env)
    return packaged_corpus_path()


_loaded: dict[Path, Corpus] = {}
_keys: dict[Path, str] = {}  # the content key of each loaded corpus, for the search index
MAX_CORPUS_BYTES = 64 * 1024 * 1024  # 100x the real corpus (21 MB peaks at 140 MB RSS in check)


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Load and memoise a corpus; raise CorpusError with file, line and field.

    The validated tables are cached under a hash of the file's bytes (with the kzconst, format
    and Python versions), so a cache hit skips parsing and validation and can never be stale;
    the hash is looked up by the file's stat key when that is safe (see corpus/cache.py).
    """
    target = corpus_path(path)
    if target in _loaded:
        return _loaded[target]
    from kzconst.corpus import cache

    key = _known_key(target)
    raw = None if key is None else _cached_tables(cache.entry_path("corpus", key, "bin"))
    built = None
    if raw is None or key is None:
        # Read and hashed here, not taken from the stat key: the bytes parsed are the bytes
        # keyed, even when the file changed since it was looked at.
        data, key = _read_and_key(target)
        entry = cache.entry_path("corpus", key, "bin")
        raw = _cached_tables(entry)
        if raw is None:
            raw = parse_toml(target, data)
            from kzconst.corpus.validate import build_corpus

            built = build_corpus(raw, target).articles
            # A value marshal cannot hold means no cache entry: only speed is lost.
            with contextlib.suppress(TypeError, ValueError, RecursionError):
                cache.write_payload(entry, cache.encode_tables(raw))
    corpus = corpus_from_tables(raw, target, built)
    _loaded[target] = corpus
    _keys[target] = key
    return corpus


def loaded_key(path: str | os.PathLike[str] | None = None) -> str:
    """The content key of the corpus `load_corpus(path)` returned (loading it if needed)."""
    target = corpus_path(path)
    if target not in _keys:
        load_corpus(target)
    return _keys[target]


def corpus_key(path: str | os.PathLike[str] | None = None) -> str:
    """The content key of the corpus file as it is now (read and hashed, not parsed)."""

    target = corpus_path(path)
    return _keys.get(target) or _known_key(target) or _read_and_key(target)[1]


def _known_key(target: Path) -> str | None:
    """The content key of the file from its stat key alone (corpus/cache.py says when)."""
    from kzconst.corpus import cache

    try:
        st = os.stat(target)
    except (OSError, ValueError):
        return None  # reading it says why, with the right error
    if not _regular(st) or st.st_size > MAX_CORPUS_BYTES:
        return None
    return cache.known_key(target, st)


def _read_and_key(target: Path) -> tuple[bytes, str]:
    """The bytes of the corpus and their content key (recorded for its stat key)."""
    from kzconst.corpus import cache

    data, before, after = read_corpus(target)
    key = cache.content_key(data)
    cache.remember_key(target, before, after, key)
    return data, key


def _regular(st: os.stat_result) -> bool:
    import stat

    return stat.S_ISREG(st.st_mode)


def _cached_tables(entry: Path | None) -> dict[str, Any] | None:
    from kzconst.corpus import cache

    payload = cache.read_payload(entry)
    if payload is None or entry is None:
        return None
    raw = cache.decode_tables(payload)
    if raw is None:
        cache.discard(entry, "its contents are not a corpus")
    return raw


def read_corpus_bytes(path: Path) -> bytes:
    """The bytes of a corpus file: regular files only, size checked before reading.

    A FIFO, a device (/dev/zero), a directory or a runaway file is refused at once.
    """
    return read_corpus(path)[0]


def read_corpus(path: Path) -> tuple[bytes, os.stat_result, os.stat_result]:
    """The bytes of a corpus file, with its stat before and after they were read."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise CorpusError(f"{path}: corpus file not found") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, not a corpus file") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the corpus file ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise CorpusError(f"{path}: is a directory, not a corpus file")
        if not stat.S_ISREG(st.st_mode):
            raise CorpusError(f"{path}: not a regular file (a pipe or a device cannot be a corpus)")
        if st.st_size > MAX_CORPUS_BYTES:
            raise CorpusError(
                f"{path}: the corpus file is {st.st_size // 2**20} MB, "
                f"over the limit of {MAX_CORPUS_BYTES // 2**20} MB"
            )
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(st.st_size + 1)  # not MAX: read() allocates what it is asked for
            if len(data) > st.st_size:  # it grew while we read: up to the limit, no more
                data += fh.read(MAX_CORPUS_BYTES + 1 - len(data))
        after = os.fstat(fd)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the corpus file ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_CORPUS_BYTES:
        raise CorpusError(f"{path}: the corpus file grew past {MAX_CORPUS_BYTES // 2**20} MB")
    return data, st, after


def corpus_from_tables(
    raw: dict[str, Any], path: Path, built: tuple[Article, ...] | None = None
) -> Corpus:
    """A Corpus over validated TOML tables (articles are built lazily unless `built`)."""
    from kzconst.corpus.model import Corpus, Edition, Law, Section, TimelineEvent

    meta = raw.get("corpus", {})
    editions = {
        e["id"]: Edition(
            id=e["id"],
            title=e["title"],
            adopted=e["adopted"],
            in_force_from=e.get("in_force_from") or "0001-01-01",
            in_force_to=e.get("in_force_to", ""),
            official_source=e["official_source"],
            description=e.get("description", ""),
            published=e.get("published", ""),
            signed=e.get("signed", ""),
        )
        for e in raw.get("edition", ())
    }
    sections = tuple(
        Section(s["edition"], s["number"], s["title"], s["first"], s["last"])
        for s in raw.get("section", ())
    )
    aliases = {k: tuple(v) for k, v in raw.get("aliases", {}).items()}
    return Corpus(
        path,
        meta.get("version", ""),
        meta.get("translation_note", ""),
        editions,
        sections,
        dict(raw.get("topics", {})),
        aliases,
        list(raw.get("article", ())),
        list(built) if built else None,
        tuple(TimelineEvent(t["date"], t["event"], t["source"]) for t in raw.get("timeline", ())),
        {
            law["id"]: Law(
                law["id"],
                law["title"],
                law["date"],
                law.get("number", ""),
                law.get("in_force", ""),
                law.get("note", ""),
                law.get("source", ""),
            )
            for law in raw.get("law", ())
        },
        {"thesaurus": raw.get("thesaurus"), "glossary": raw.get("glossary")},
    )


def parse_toml(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """Parse a corpus file with tomli; a syntax error names the file, line and column."""
    import tomli

    if data is None:
        data = read_corpus_bytes(path)
    if data.startswith(b"\xef\xbb\xbf"):
        raise CorpusError(
            f"{path}:1: the corpus file starts with a byte-order mark (BOM); "
            "save it as UTF-8 without a BOM"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: the corpus file is not valid UTF-8") from None
    if not text.strip():
        raise CorpusError(f"{path}: the corpus file is empty")
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        lineno = getattr(exc, "lineno", None)
        msg = getattr(exc, "msg", str(exc))
        where = f"{path}:{lineno}" if lineno else str(path)
        raise CorpusError(f"{where}: invalid TOML: {msg}") from None
    except RecursionError:
        raise CorpusError(
            f"{path}:{_deep_line(text)}: arrays or tables nested too deeply to parse"
        ) from None


def _deep_line(text: str, limit: int = 100) -> int:
    """The first line where brackets open more than `limit` deep (for the error message)."""
    depth = 0
    line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
    return 1

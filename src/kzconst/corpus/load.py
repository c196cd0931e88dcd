"""Loading a corpus: locating the file, parsing the TOML, validating once, memoising."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kzconst.corpus.model import Article, Corpus, Edition, Law, Section, TimelineEvent
from kzconst.errors import CorpusError


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


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Load and memoise a corpus; raise CorpusError with file, line and field.

    The parsed tables are cached (marshal, keyed by the file's size, mtime and path) only after
    they pass validation, so a cache hit skips both parsing and validation.
    """
    target = corpus_path(path)
    if target in _loaded:
        return _loaded[target]
    from kzconst.corpus import cache

    cached = cache.entry_path(target)
    raw = cache.read(cached)
    built = None
    if raw is None:
        raw = parse_toml(target)
        from kzconst.corpus.validate import build_corpus

        built = build_corpus(raw, target).articles
        cache.write(cached, raw)
    corpus = corpus_from_tables(raw, target, built)
    _loaded[target] = corpus
    return corpus


def corpus_from_tables(
    raw: dict[str, Any], path: Path, built: tuple[Article, ...] | None = None
) -> Corpus:
    """A Corpus over validated TOML tables (articles are built lazily unless `built`)."""
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
    )


def parse_toml(path: Path) -> dict[str, Any]:
    """Parse a corpus file with tomli; a syntax error names the file, line and column."""
    import tomli

    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: corpus file not found") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, not a corpus file") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the corpus file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
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

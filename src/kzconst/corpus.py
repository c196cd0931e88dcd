"""The corpus: frozen records for editions, sections, articles, and the cached, validated loader."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kzconst.errors import CorpusError, UsageError

EDITIONS = ("2026", "1995")
DEFAULT_EDITION = "2026"
PREAMBLE = "preamble"


@dataclass(frozen=True, slots=True)
class Item:
    """A numbered sub-item `1)`, `2)` inside a paragraph."""

    number: str
    text: str
    status: str = ""
    status_note: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph (`number` is "" for an article's only, unnumbered text)."""

    number: str
    text: str
    items: tuple[Item, ...] = ()
    status: str = ""
    status_note: str = ""
    closing: str = ""  # text after the sub-items that belongs to the paragraph, not the last item

    def item(self, number: str) -> Item | None:
        """Return sub-item `number`, or None."""
        return next((i for i in self.items if i.number == number), None)


@dataclass(frozen=True, slots=True)
class Commentary:
    """One fact of our commentary, never the text, with the URL that supports it."""

    kind: str
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Article:
    """An article (or the preamble) of one edition."""

    edition: str
    number: str
    section: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    commentary: tuple[Commentary, ...] = ()
    topics: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    concordance_note: str = ""
    change: str = ""
    sources: tuple[str, ...] = ()
    source_note: str = ""
    status: str = "in force"
    status_note: str = ""

    @property
    def numbered(self) -> bool:
        """True when the article's paragraphs carry official numbers."""
        return any(p.number for p in self.paragraphs)

    @property
    def is_preamble(self) -> bool:
        return self.number == PREAMBLE

    @property
    def repealed(self) -> bool:
        return self.status == "repealed"

    def paragraph(self, number: str) -> Paragraph | None:
        """Return paragraph `number`, or None."""
        return next((p for p in self.paragraphs if p.number == number), None)


@dataclass(frozen=True, slots=True)
class Section:
    edition: str
    number: str
    title: str
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Edition:
    id: str
    title: str
    adopted: str
    in_force_from: str
    in_force_to: str
    official_source: str
    description: str = ""
    published: str = ""
    signed: str = ""

    def in_force_on(self, day: date) -> bool:
        start = date.fromisoformat(self.in_force_from)
        end = date.fromisoformat(self.in_force_to) if self.in_force_to else date.max
        return start <= day <= end


@dataclass(frozen=True)
class Corpus:
    """A whole corpus file: editions, sections, articles in official order, vocabulary."""

    path: Path
    version: str
    translation_note: str
    editions: dict[str, Edition]
    sections: tuple[Section, ...]
    articles: tuple[Article, ...]
    topics: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    _index: dict[tuple[str, str], Article] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index.update(((a.edition, a.number), a) for a in self.articles)

    def article(self, edition: str, number: str) -> Article | None:
        """Return the article `number` of `edition`, or None."""
        return self._index.get((edition, number))

    def edition_articles(self, edition: str) -> list[Article]:
        """The articles of one edition in official order, preamble first."""
        return [a for a in self.articles if a.edition == edition]

    def edition_sections(self, edition: str) -> list[Section]:
        return [s for s in self.sections if s.edition == edition]

    def section(self, edition: str, number: str) -> Section | None:
        return next((s for s in self.sections if s.edition == edition and s.number == number), None)

    def section_articles(self, section: Section) -> Iterator[Article]:
        return (
            a for a in self.articles if a.edition == section.edition and a.section == section.number
        )

    def edition_in_force(self, day: date) -> str:
        """The id of the edition in force on `day`."""
        for ed in self.editions.values():
            if ed.in_force_on(day):
                return ed.id
        first = min(self.editions.values(), key=lambda e: e.in_force_from)
        raise UsageError(
            f"no edition was in force on {day.isoformat()} "
            f"(the earliest, {first.id}, is in force from {first.in_force_from})"
        )


# --- locating the corpus file -------------------------------------------------------------


def packaged_corpus_path() -> Path:
    """The corpus shipped with the package: inside the wheel, or data/ of a source checkout."""
    here = Path(__file__).resolve().parent
    wheel = here / "data" / "articles.toml"
    if wheel.is_file():
        return wheel
    return here.parent.parent / "data" / "articles.toml"


def corpus_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The corpus to use: --corpus, then $KZCONST_CORPUS, then the packaged one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("KZCONST_CORPUS")
    if env:
        return Path(env)
    return packaged_corpus_path()


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


# --- loading ---------------------------------------------------------------------------------

_CACHE_FORMAT = 1
_loaded: dict[Path, Corpus] = {}


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Load, validate and memoise a corpus; raise CorpusError with file, line and field."""
    target = corpus_path(path)
    if target in _loaded:
        return _loaded[target]
    raw = _read_raw(target)
    from kzconst.validate import build_corpus

    corpus = build_corpus(raw, target)
    _loaded[target] = corpus
    return corpus


def _read_raw(path: Path) -> dict[str, Any]:
    """The parsed TOML, from a marshal cache keyed by the file's fingerprint when possible."""
    import marshal

    key = corpus_fingerprint(path)
    cached = cache_dir() / f"corpus-{_CACHE_FORMAT}-{sys.hexversion:x}-{key}.marshal"
    try:
        data = marshal.loads(cached.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = parse_toml(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, cached)
    except OSError:
        pass  # an unwritable cache only costs speed
    return data


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

"""The search index: an SQLite FTS5 table of every title, paragraph and commentary row, cached."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from kzconst.corpus.load import corpus_path

INDEX_FORMAT = 6
IN_FORCE = "in-force"  # edition= value: the edition in force today


# --- the index -----------------------------------------------------------------------------


def open_index(corpus_file: str | None) -> sqlite3.Connection:
    """The search index of the corpus: the cached one when its checksum holds, else built.

    Kept as `index-KEY-CRC.sqlite`: KEY is the corpus content's, CRC the CRC-32 of the file.
    The file is read and checked before SQLite opens it (by path, never as a URI, so `#`, `?`
    and `%` are plain characters); a damaged one is removed and rebuilt, never queried.
    """
    from kzconst.corpus.load import corpus_key, load_corpus, loaded_key

    path = corpus_path(corpus_file)
    conn = _cached_index(f"{INDEX_FORMAT}-{corpus_key(path)}")
    if conn is not None:
        return conn
    corpus = load_corpus(path)
    conn = sqlite3.connect(":memory:")
    build_index(conn, corpus)
    if hasattr(conn, "serialize"):
        # An unwritable cache only costs speed.
        with contextlib.suppress(sqlite3.Error, MemoryError, OverflowError):
            _store(f"{INDEX_FORMAT}-{loaded_key(path)}", conn.serialize())
    return conn


def _cached_index(key: str) -> sqlite3.Connection | None:
    import zlib

    from kzconst.corpus import cache

    base = cache.entry_path("index", key, "sqlite")
    if base is None:
        return None
    prefix = base.name.removesuffix(".sqlite") + "-"
    try:
        names = [n for n in os.listdir(base.parent) if n.startswith(prefix)]
    except OSError:
        return None
    for name in names:
        entry = base.parent / name
        image = cache.read_file(entry)
        if image is None:
            continue
        if f"{prefix}{zlib.crc32(image):08x}.sqlite" != name:
            cache.discard(entry, "its checksum does not match")
            continue
        conn = _open_verified(entry)
        if conn is not None:
            return conn
        cache.discard(entry, "it is not a readable search index")
    return None


def _store(key: str, image: bytes) -> None:
    import zlib

    from kzconst.corpus import cache

    base = cache.entry_path("index", key, "sqlite")
    if base is not None:
        entry = base.with_name(f"{base.stem}-{zlib.crc32(image):08x}.sqlite")
        cache.write_atomic(entry, lambda fh: fh.write(image))


def _open_verified(entry: Path) -> sqlite3.Connection | None:
    """SQLite over a file whose checksum was just verified, or None when it is not our index."""
    try:
        conn = sqlite3.connect(str(entry))  # a plain path: no URI parsing
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != str(INDEX_FORMAT):
            raise sqlite3.DatabaseError("not this format")
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def build_index(conn: sqlite3.Connection, corpus: Any) -> None:
    """Fill an empty database with the corpus: one FTS row per paragraph, sub-item, title
    (with topics and aliases) and commentary entry."""
    conn.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE article(edition TEXT, number TEXT, section TEXT, title TEXT,
                             topics TEXT, ord INTEGER, PRIMARY KEY(edition, number));
        CREATE VIRTUAL TABLE row USING fts5(
            body, meta, tags, edition UNINDEXED, article UNINDEXED, paragraph UNINDEXED,
            item UNINDEXED, kind UNINDEXED, ref UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2');
        """
    )
    editions = {e.id: [e.in_force_from, e.in_force_to] for e in corpus.editions.values()}
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("format", str(INDEX_FORMAT)),
            ("editions", json.dumps(editions)),
            ("aliases", json.dumps({k: list(v) for k, v in corpus.aliases.items()})),
            ("topics", json.dumps(corpus.topics)),
            ("sections", json.dumps({f"{x.edition}/{x.number}": x.title for x in corpus.sections})),
        ],
    )
    articles = [
        (a.edition, a.number, a.section, a.title, " ".join(a.topics), i)
        for i, a in enumerate(corpus.articles)
    ]
    conn.executemany("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?)", articles)
    groups = [(key.lower(), (key, *alts)) for key, alts in corpus.aliases.items()]
    conn.executemany(
        "INSERT INTO row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row for art in corpus.articles for row in _rows(art, groups)),
    )
    conn.commit()


Row = tuple[str, str, str, str, str, str | None, str | None, str, str]


def tag(kind: str, value: str) -> str:
    """A filter token for the `tags` column: scoping by edition, kind, section and topic is
    done by the full-text index itself, not by reading every matching row."""
    return "zz" + kind + "".join(ch for ch in value.lower() if ch.isalnum())


def _rows(art: Any, alias_groups: list[tuple[str, tuple[str, ...]]]) -> list[Row]:
    """The index rows of one article: its title row, its text rows, its commentary rows."""
    scope = " ".join(
        [tag("e", art.edition), tag("s", art.section), *(tag("t", t) for t in art.topics)]
    )

    def row(body: str, meta: str, kind: str, label: str | None, item: str | None, ref: str) -> Row:
        return (
            body,
            meta,
            f"{scope} {tag('k', kind)}",
            art.edition,
            art.number,
            label,
            item,
            kind,
            ref,
        )

    texts = [art.title]
    rows: list[Row] = []
    for para in art.paragraphs:
        label = para.number or None
        base = art.number + (f"({para.number})" if para.number else "")
        body = "\n".join(t for t in (para.text, para.closing) if t)
        if body:
            rows.append(row(body, "", "text", label, None, base))
            texts.append(body)
        for item in para.items:
            if item.text:
                rows.append(
                    row(item.text, "", "text", label, item.number, f"{base}({item.number})")
                )
                texts.append(item.text)
    names = [*art.topics, *(t.replace("-", " ") for t in art.topics), *art.aliases]
    # An article that names the Kurultai is found by "Qurultai" too.
    haystack = "\n".join(texts).lower()
    names += [n for needle, group in alias_groups if needle in haystack for n in group]
    title = row(art.title, " ".join(names), "title", None, None, art.number)
    comments = [row(c.text, "", "commentary", None, None, art.number) for c in art.commentary]
    return [title, *rows, *comments]

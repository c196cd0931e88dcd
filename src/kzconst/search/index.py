"""The search index: an SQLite FTS5 table of every title, paragraph and commentary row, cached."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import Any

from kzconst.corpus.load import corpus_path

INDEX_FORMAT = 6
IN_FORCE = "in-force"  # edition= value: the edition in force today


# --- the index -----------------------------------------------------------------------------


def open_index(corpus_file: str | None) -> sqlite3.Connection:
    """The search index of the corpus: the cached one when its checksum holds, else built.

    The index is kept as a checksummed image of the database, keyed by the corpus content, and
    opened in memory: a damaged file is removed and rebuilt (with a notice), never queried,
    and no path ever becomes an SQLite URI.
    """
    from kzconst.corpus import cache
    from kzconst.corpus.load import corpus_key, load_corpus, loaded_key

    path = corpus_path(corpus_file)
    key = f"{INDEX_FORMAT}-{corpus_key(path)}"
    entry = cache.entry_path("index", key, "bin")
    image = cache.read_payload(entry)
    if image is not None and entry is not None:
        conn = _from_image(image)
        if conn is not None:
            return conn
        cache.discard(entry, "it is not a readable search index")
    corpus = load_corpus(path)
    conn = sqlite3.connect(":memory:")
    build_index(conn, corpus)
    entry = cache.entry_path("index", f"{INDEX_FORMAT}-{loaded_key(path)}", "bin")
    if entry is not None and hasattr(conn, "serialize"):
        # An unwritable cache only costs speed.
        with contextlib.suppress(sqlite3.Error, MemoryError, OverflowError):
            cache.write_payload(entry, conn.serialize())
    return conn


def _from_image(image: memoryview) -> sqlite3.Connection | None:
    """An in-memory database over a verified image, or None when it is not our index."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(image)
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != str(INDEX_FORMAT):
            raise sqlite3.DatabaseError("not this format")
    except (sqlite3.Error, AttributeError, OverflowError):
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

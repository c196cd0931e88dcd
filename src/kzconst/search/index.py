"""The search index: an SQLite FTS5 table of every title, paragraph and commentary row, cached."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kzconst.corpus.load import corpus_path
from kzconst.search.query import STOPWORDS, Entry
from kzconst.search.words import key_of, normal_name, quote, split_words

INDEX_FORMAT = 18
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
    build_index(conn, corpus, corpus.vocabulary)
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


# `doc` and `topic` rank only (bm25 and rowids): contentless, they keep no copy of the text.
# Row ids carry their article: article `ord` owns doc rows ord * UNIT_BASE + k (k = 0 the whole
# article, k > 0 its sub-items) and rows ord * ROW_BASE + k, so ranking never reads stored text.
UNIT_BASE = 1_000
ROW_BASE = 10_000
TOKENIZER = "porter unicode61 remove_diacritics 2"
_SCHEMA = f"""
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE vocab(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE article(ord INTEGER PRIMARY KEY, edition TEXT, number TEXT, section TEXT,
                     title TEXT);
CREATE VIRTUAL TABLE doc USING fts5(title, names, body, commentary, tags, content = '',
                                    tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE topic USING fts5(vocabulary, tags, content = '', tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE row USING fts5(body, tags, paragraph UNINDEXED, item UNINDEXED,
                                    kind UNINDEXED, ref UNINDEXED, tokenize = '{TOKENIZER}');
"""


def build_index(conn: sqlite3.Connection, corpus: Any, vocab: dict[str, Any] | None = None) -> None:
    """Fill an empty database with the corpus: one `doc` row per article (its fields weighted
    apart for article-level ranking), one per sub-item of a list article, and one `row` per
    paragraph, sub-item, title and commentary entry (for the best paragraph and the snippets);
    the vocabulary (names, spellings, thesaurus) by lookup key; the glossary."""
    conn.executescript(_SCHEMA)
    vocab = vocab or {}
    articles = corpus.articles
    names = {n for a in articles for n in a.aliases}
    topics = {t.replace("-", " ") for t in corpus.topics} - names
    texts = [
        t for a in articles for p in a.paragraphs for t in (p.text, *(i.text for i in p.items))
    ]
    proper = proper_names(texts)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", _meta(corpus, vocab, texts, proper))
    conn.executemany(
        "INSERT INTO article VALUES (?, ?, ?, ?, ?)",
        [(i, a.edition, a.number, a.section, a.title) for i, a in enumerate(articles)],
    )
    heads = {(s.edition, s.first): s.title for s in corpus.sections}
    conn.executemany(
        "INSERT INTO doc(rowid, title, names, body, commentary, tags) VALUES (?, ?, ?, ?, ?, ?)",
        (
            doc
            for i, a in enumerate(articles)
            for doc in (_doc(i, a, heads.get((a.edition, a.number))), *_units(i, a))
        ),
    )
    conn.executemany(
        "INSERT INTO topic(rowid, vocabulary, tags) VALUES (?, ?, ?)",
        (
            (
                i * UNIT_BASE,
                "\n".join(f"{t.replace('-', ' ')}: {corpus.topics.get(t, '')}" for t in a.topics),
                _scope(a),
            )
            for i, a in enumerate(articles)
        ),
    )
    # A topic's name groups its words into one name only where the text says it so: "secular
    # state" is a topic, but 1(1) says "secular ... state", and as one name it matched nothing.
    said = "SELECT 1 FROM doc WHERE doc MATCH ? LIMIT 1"
    names |= {t for t in topics if conn.execute(said, [quote(split_words(t))]).fetchone()}
    entries = vocabulary_entries(
        dict(corpus.aliases), sorted(names), _string_lists(vocab.get("thesaurus")), proper
    )
    conn.executemany(
        "INSERT INTO vocab VALUES (?, ?)", ((k, json.dumps(v)) for k, v in entries.items())
    )
    conn.executemany(
        "INSERT INTO row(rowid, body, tags, paragraph, item, kind, ref) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row for i, art in enumerate(articles) for row in _rows(i, art)),
    )
    conn.commit()


def _meta(corpus: Any, vocab: dict[str, Any], texts: list[str], proper: list[str]) -> list[Any]:
    """The index's facts about the corpus, by key."""
    editions = {e.id: [e.in_force_from, e.in_force_to] for e in corpus.editions.values()}
    return [
        ("format", str(INDEX_FORMAT)),
        ("articles", str(len(corpus.articles))),
        ("row_chars", str(sum(map(len, texts)) / max(1, len(texts)))),
        ("editions", json.dumps(editions)),
        ("topics", json.dumps(corpus.topics)),
        ("sections", json.dumps({f"{x.edition}/{x.number}": x.title for x in corpus.sections})),
        ("proper", json.dumps(proper)),
        ("glossary", json.dumps(_string_lists(vocab.get("glossary")))),
    ]


Row = tuple[int, str, str, str | None, str | None, str, str]


def vocabulary_entries(
    aliases: dict[str, tuple[str, ...]],
    names: list[str],
    thesaurus: dict[str, list[str]],
    proper: list[str],
) -> dict[str, Entry]:
    """Every name, alias spelling and thesaurus key by its lookup key (built with the index)."""
    index: dict[str, tuple[set[str], set[str], set[str], set[str]]] = {}

    def add(key: str, own: set[str], exp: set[str], found: set[str], spell: set[str]) -> None:
        k = key_of(split_words(key))
        if k:
            entry = index.setdefault(k, (set(), set(), set(), set()))
            for part, new in zip(entry, (own, exp, found, spell), strict=True):
                part.update(new)

    for name, spellings in aliases.items():
        group = {name, *spellings}
        for spelling in group:
            add(spelling, group, set(), {normal_name(s) for s in group}, group)
    for name in names:
        add(name, {name}, set(), {normal_name(name)}, set())
    # A thesaurus word names what the key names only when it is a name in the corpus (an
    # article's alias, a topic, the proper name of a body: "parliament" -> the Kurultai, "bill"
    # -> draft law), not any word the key leads to.
    known = {normal_name(n) for n in names} | set(proper)
    known |= {normal_name(s) for name, group in aliases.items() for s in (name, *group)}
    for lay, words in thesaurus.items():
        found = {normal_name(w) for w in words} & known
        add(lay, {lay}, set(words), {normal_name(lay), *found}, set())
        content = [w for w in split_words(lay) if w not in STOPWORDS]
        if 1 < len(content) < len(split_words(lay)):  # "dismiss the government": typed with
            add(" ".join(content), {lay}, set(words), {normal_name(lay), *found}, set())  # others
    return {k: (sorted(a), sorted(b), sorted(c), sorted(d)) for k, (a, b, c, d) in index.items()}


def _string_lists(table: Any) -> dict[str, list[str]]:
    """A vocabulary table (key -> list of strings), keys lowercased; anything else dropped."""
    if not isinstance(table, dict):
        return {}
    return {
        str(k).lower(): [str(x) for x in v if isinstance(x, str)]
        for k, v in table.items()
        if isinstance(v, list)
    }


@functools.lru_cache(maxsize=16_384)  # editions, sections and topics recur in every article
def tag(kind: str, value: str) -> str:
    """A filter token for the `tags` column: scoping by edition, kind, section and topic is
    done by the full-text index itself, not by reading every matching row."""
    return "zz" + kind + "".join(filter(str.isalnum, value.lower()))


def defined_names(art: Any) -> tuple[set[str], set[str]]:
    """The names an article defines, normalised: (head, parts). The head is the first part of
    its title (`The Kurultai: ...` -> kurultai); the parts are the other named parts of its title
    (`...; the Supreme Judicial Council`, `The Bar and legal assistance`) and its own aliases."""
    head: set[str] = set()
    parts: set[str] = set()
    for n, segment in enumerate(s for s in re.split(r"[:;]", art.title) if s.strip()):
        conjuncts = [normal_name(p) for p in re.split(r",|\band\b", segment)]
        (head if n == 0 else parts).add(normal_name(segment))
        (head if n == 0 else parts).add(conjuncts[0])
        parts.update(conjuncts[1:])
    parts.update(normal_name(a) for a in art.aliases)
    head -= {""}
    return head, parts - head - {""}


def proper_names(texts: list[str]) -> list[str]:
    """Capitalised names the text uses inside sentences more often than in lower case
    (National Bank, Supreme Audit Chamber, Government; not "Law" of "Constitutional Law"),
    normalised: what the search treats as the name of a body or office."""
    capitalised: dict[str, int] = {}
    for text in texts:
        for m in re.finditer(_PROPER, text):
            capitalised[m.group(0)] = capitalised.get(m.group(0), 0) + 1
    lower = "\n".join(texts)
    names: set[str] = set()
    for name, count in capitalised.items():
        if count >= 2 and count > len(re.findall(rf"\b{re.escape(name.lower())}\b", lower)):
            names.add(normal_name(name))
    return sorted(names - {""})


_PROPER = r"(?<=[a-z,;] )(?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+)*"  # compiled when building


def _scope(art: Any) -> str:
    return " ".join(
        [tag("e", art.edition), tag("s", art.section), *(tag("t", t) for t in art.topics)]
    )


def _doc(ord_: int, art: Any, section_title: str | None) -> tuple[int, str, str, str, str, str]:
    """The article as one document: title, names, text, topic vocabulary, commentary, tags.

    The tags also hold the defining signal: `zzd` + a name the article defines, and `zzh` + a
    name that is both its title's head and the title of the section it opens."""
    body = "\n".join(
        t for p in art.paragraphs for t in (p.text, *(i.text for i in p.items), p.closing) if t
    )
    head, parts = defined_names(art)
    section = section_title or ""
    section_names = {normal_name(p) for p in re.split(r"[.,]|\band\b", section)}
    opens = head & (section_names | {normal_name(section)}) if section else set()
    tags = " ".join(
        [
            _scope(art),
            *(tag("d", d) for d in sorted(head)),
            *(tag("p", p) for p in sorted(parts)),
            *(tag("h", h) for h in sorted(opens)),
        ]
    )
    comments = "\n".join(c.text for c in art.commentary)
    return (ord_ * UNIT_BASE, art.title, "\n".join(art.aliases), body, comments, tags)


def _units(ord_: int, art: Any) -> list[tuple[int, str, str, str, str, str]]:
    """An article that is one list of sub-items (46: the powers of the President) is also
    scored item by item, each with its title and lead-in: one power among forty is not a
    passing mention because the list around it is long."""
    if art.numbered or len(art.paragraphs) != 1 or not art.paragraphs[0].items:
        return []
    lead = art.paragraphs[0].text
    scope = _scope(art)
    items = [i for i in art.paragraphs[0].items if i.text]
    return [
        (ord_ * UNIT_BASE + k, art.title, "", f"{lead}\n{item.text}", "", scope)
        for k, item in enumerate(items[: UNIT_BASE - 1], 1)
    ]


def _rows(ord_: int, art: Any) -> list[Row]:
    """The index rows of one article: its title row, its text rows, its commentary rows."""
    scope = _scope(art)
    rows: list[tuple[str, str, str | None, str | None, str]] = [
        (art.title, "title", None, None, art.number)
    ]
    rows.extend((body, "text", para, item, ref) for _, body, para, item, ref in _text_units(art))
    rows.extend((c.text, "commentary", None, None, art.number) for c in art.commentary)
    return [
        (ord_ * ROW_BASE + k, body, f"{scope} {tag('k', kind)}", label, item, kind, ref)
        for k, (body, kind, label, item, ref) in enumerate(rows[: ROW_BASE - 1])
    ]


def _text_units(art: Any) -> Iterator[tuple[Any, str, str | None, str | None, str]]:
    """An article's paragraphs and sub-items that have text, in the order of its text rows:
    (unit, body, paragraph, item, reference)."""
    for para in art.paragraphs:
        label = para.number or None
        base = art.number + (f"({para.number})" if para.number else "")
        body = "\n".join(t for t in (para.text, para.closing) if t)
        if body:
            yield para, body, label, None, base
        for item in para.items:
            if item.text:
                yield item, item.text, label, item.number, f"{base}({item.number})"


def row_unit(art: Any, rowid: int) -> Any:
    """The paragraph or sub-item a text row of `art` holds (None for any other row): by its
    place, since a number may recur (1995 52(5) has two lists numbered 1)-3))."""
    k = rowid % ROW_BASE
    units = list(_text_units(art))
    return units[k - 1][0] if 1 <= k <= len(units) else None


def suggest_spellings(
    conn: sqlite3.Connection, terms: list[str], cutoff: float = 0.75, n: int = 2
) -> list[str]:
    """'Did you mean': close spellings of the query's words that occur in the corpus."""
    import difflib

    text = " ".join(body for (body,) in conn.execute("SELECT body FROM row")).lower()
    words = sorted(set(re.findall(r"[^\W\d_]{3,}", text)))
    known = set(words)
    out: list[str] = []
    for term in terms:
        if term in known or len(term) < 3:
            continue
        out.extend(
            m for m in difflib.get_close_matches(term, words, n=n, cutoff=cutoff) if m not in out
        )
    return out[:5]


def rows_info(conn: sqlite3.Connection, rowids: list[int]) -> list[tuple[int, str, int]]:
    """Each row's kind and length, by id."""
    out: list[tuple[int, str, int]] = []
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        out += conn.execute(
            f"SELECT rowid, kind, length(body) FROM row WHERE rowid IN "
            f"({','.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
    return out

"""Search: parse the query, rank rows with BM25, group them by article, make snippets."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from kzconst.errors import NotFoundError, UsageError
from kzconst.search.index import IN_FORCE, open_index, tag
from kzconst.search.query import Query, parse_query, topic_aliases

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
SNIPPET_CHARS = 220
SHOWN_HITS = 5  # matching rows kept (and highlighted) per article
# Relative weight of a match by the kind of row it is in (text first, then titles/topics).
KIND_WEIGHT = {"text": 1.0, "title": 0.9, "commentary": 0.6}
SCOPES = {
    "text": ("text", "title"),
    "commentary": ("commentary",),
    "all": ("text", "title", "commentary"),
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching row: a paragraph, sub-item, title row or commentary entry."""

    ref: str
    paragraph: str | None
    item: str | None
    kind: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]
    rowid: int = 0


@dataclass
class ArticleHit:
    """Hits grouped by article, ranked by the article's score."""

    edition: str
    article: str
    section: str
    title: str
    score: float
    hits: list[Hit] = field(default_factory=list)
    section_title: str = ""

    @property
    def best_ref(self) -> str:
        text_hits = [h for h in self.hits if h.kind == "text"]
        return (text_hits or self.hits)[0].ref


@dataclass
class SearchResult:
    query: Query
    edition: str | None
    articles: list[ArticleHit]
    suggestions: list[str]


# --- searching ------------------------------------------------------------------------------


def search(
    text: str,
    *,
    corpus_file: str | None = None,
    edition: str | None = None,
    section: str | None = None,
    topic: str | None = None,
    scope: str = "all",
    limit: int = 10,
) -> SearchResult:
    """Search the corpus. `edition=None` searches every edition.

    Raises:
        UsageError: an empty or operator-only query, an unknown scope.
        NotFoundError: unknown topic.
    """
    if scope not in SCOPES:
        raise UsageError(f"unknown --in {scope!r} (expected text, commentary or all)")
    conn = open_index(corpus_file)
    editions = json.loads(_meta(conn, "editions"))
    if edition == IN_FORCE:
        edition = _edition_in_force(editions)
    # Filtering by the only edition there is would keep every row, at the cost of a pass.
    edition_filter = edition if len(editions) > 1 else None
    topics = json.loads(_meta(conn, "topics"))
    aliases = {k: tuple(v) for k, v in json.loads(_meta(conn, "aliases")).items()}
    query = parse_query(text, {**topic_aliases(topics), **aliases})
    if topic is not None and topic not in topics:
        raise NotFoundError(f"no topic {topic[:60]!r}; run `kzconst topics` for the list")
    try:
        fts = query.fts
        rows = _ranked_rows(conn, fts, SCOPES[scope], edition_filter, section, topic)
        if not rows and query.loose and query.loose != fts:
            fts = query.loose  # no row has every word: rank rows with any of them
            rows = _ranked_rows(conn, fts, SCOPES[scope], edition_filter, section, topic)
        grouped = _group(rows, limit)
        _fill(conn, fts, grouped)
    except sqlite3.OperationalError as exc:
        raise UsageError(f"cannot search for {text[:60]!r}: {exc}") from None
    suggestions = _suggest(conn, query) if not grouped else []
    conn.close()
    return SearchResult(query, edition, grouped, suggestions)


def _edition_in_force(editions: dict[str, list[str]]) -> str:
    """The edition whose [from, to] dates hold today (the newest one when none does)."""
    from datetime import date

    today = date.today().isoformat()
    for ed, (start, end) in editions.items():
        if start <= today and (not end or today <= end):
            return ed
    return max(editions, key=lambda e: editions[e][0])


def _meta(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else "{}"


def _ranked_rows(
    conn: sqlite3.Connection,
    fts: str,
    kinds: tuple[str, ...],
    edition: str | None,
    section: str | None,
    topic: str | None,
) -> list[tuple[Any, ...]]:
    """The best-ranked matching rows (rowid, edition, article, kind, ref, para, item, bm25);
    no snippets yet: highlighting every match would cost more than ranking them."""
    # A filter that would keep every row still costs a pass over every match: leave it out.
    scope = []
    if set(kinds) != set(SCOPES["all"]):
        scope.append("(" + " OR ".join(f'tags:"{tag("k", k)}"' for k in kinds) + ")")
    if edition is not None:
        scope.append(f'tags:"{tag("e", edition)}"')
    if section is not None:
        scope.append(f'tags:"{tag("s", section)}"')
    if topic is not None:
        scope.append(f'tags:"{tag("t", topic)}"')
    sql = (
        "SELECT rowid, edition, article, kind, ref, paragraph, item, bm25(row, 1.0, 0.8, 0.0) "
        "FROM row WHERE row MATCH ? ORDER BY bm25(row, 1.0, 0.8, 0.0) LIMIT 500"
    )
    return conn.execute(sql, [" AND ".join([f"({fts})", *scope])]).fetchall()


def _group(rows: list[tuple[Any, ...]], limit: int) -> list[ArticleHit]:
    """Rows grouped by article; articles ranked by their best row plus a little for more."""
    by_article: dict[tuple[str, str], ArticleHit] = {}
    for rowid, edition, article, kind, ref, para, item, rank in rows:
        score = -float(rank) * KIND_WEIGHT.get(kind, 0.5)
        hit = Hit(ref, para, item, kind, score, "", (), rowid)
        group = by_article.get((edition, article))
        if group is None:
            group = by_article[(edition, article)] = ArticleHit(edition, article, "", "", 0.0)
        group.hits.append(hit)
    for group in by_article.values():
        group.hits.sort(key=lambda h: -h.score)
        best = group.hits[0].score
        # Several matching paragraphs add a little, so a focused article wins over a passing
        # mention, but never more than half of the best row's own score.
        extra = sum(h.score for h in group.hits[1:4]) * 0.15
        group.score = round(best + min(extra, best * 0.5), 4)
    ranked = sorted(by_article.values(), key=lambda g: (-g.score, g.edition != "2026"))
    for group in ranked[:limit]:
        del group.hits[SHOWN_HITS:]
    return ranked[:limit]


def _fill(conn: sqlite3.Connection, fts: str, groups: list[ArticleHit]) -> None:
    """Add titles, sections and highlighted snippets to the groups that will be shown."""
    if not groups:
        return
    sections = json.loads(_meta(conn, "sections"))
    rowids = [h.rowid for g in groups for h in g.hits]
    marks = dict(
        conn.execute(
            f"SELECT rowid, highlight(row, 0, ?, ?) FROM row WHERE row MATCH ? "
            f"AND rowid IN ({','.join('?' * len(rowids))})",
            [MARK_OPEN, MARK_CLOSE, fts, *rowids],
        ).fetchall()
    )
    for group in groups:
        section, title = conn.execute(
            "SELECT section, title FROM article WHERE edition = ? AND number = ?",
            (group.edition, group.article),
        ).fetchone()
        group.section, group.title = section, title
        group.section_title = sections.get(f"{group.edition}/{section}", "")
        for i, hit in enumerate(group.hits):
            snippet, spans = make_snippet(marks.get(hit.rowid, ""))
            group.hits[i] = Hit(
                hit.ref, hit.paragraph, hit.item, hit.kind, hit.score, snippet, spans, hit.rowid
            )


def make_snippet(
    marked: str, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut a window of `width` characters around the first highlighted term.

    Returns the snippet (newlines folded) and the (start, end) offsets of matched terms in it.
    """
    text = marked.replace("\n", " ")
    first = text.find(MARK_OPEN)
    plain_len = len(text.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
    start = 0
    if first > width // 3:
        start = text.rfind(" ", 0, first - width // 4) + 1
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    open_at = -1
    i = start
    consumed = 0
    while i < len(text) and pos < width:
        ch = text[i]
        if ch == MARK_OPEN:
            open_at = pos
        elif ch == MARK_CLOSE:
            if open_at >= 0:
                marks.append((open_at, pos))
            open_at = -1
        else:
            out.append(ch)
            pos += 1
            consumed += 1
        i += 1
    if open_at >= 0:
        marks.append((open_at, pos))
    snippet = "".join(out)
    prefix = "…" if start > 0 else ""
    shown_from = len(text[:start].replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
    suffix = "…" if shown_from + consumed < plain_len else ""
    shift = len(prefix)
    return prefix + snippet + suffix, tuple((a + shift, b + shift) for a, b in marks)


def _suggest(conn: sqlite3.Connection, query: Query) -> list[str]:
    """'Did you mean': close spellings of the query's words that occur in the corpus."""
    import difflib

    text = " ".join(body for (body,) in conn.execute("SELECT body FROM row")).lower()
    words = sorted(set(re.findall(r"[^\W\d_]{3,}", text)))
    known = set(words)
    out: list[str] = []
    for term in query.terms:
        if term in known or len(term) < 3:
            continue
        out.extend(
            m for m in difflib.get_close_matches(term, words, n=2, cutoff=0.75) if m not in out
        )
    return out[:5]

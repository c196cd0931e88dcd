"""Search results: the ranked articles, their matching rows, and the snippets shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kzconst.search.query import Query
from kzconst.search.snippet import MARK_CLOSE, MARK_OPEN, make_snippet

SHOWN_HITS = 5  # matching rows kept (and highlighted) per article


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
    """An article and its matching rows, best first."""

    edition: str
    article: str
    section: str
    title: str
    score: float
    hits: list[Hit] = field(default_factory=list)
    section_title: str = ""
    matched: int = 0  # how many of the query's concepts the article has
    defines: float = 0.0  # defining points (see _Ranker.defining)

    @property
    def best_ref(self) -> str:
        text_hits = [h for h in self.hits if h.kind == "text"]
        return (text_hits or self.hits)[0].ref if self.hits else self.article


@dataclass
class SearchResult:
    """The ranked articles and what the reader should be told about them."""

    query: Query
    edition: str | None
    articles: list[ArticleHit]
    suggestions: list[str]
    total: int = 0  # articles that matched, of which `articles` are the first
    relaxed: bool = False  # no article has every concept: shown by how many they have
    missing: list[str] = field(default_factory=list)  # concepts no article has


def build_hits(
    conn: Any,
    query: Query,
    sections: dict[str, str],
    picks: list[tuple[int, float, int, float, dict[int, tuple[int, float]]]],
) -> list[ArticleHit]:
    """The shown articles (ord, score, concepts matched, defining points, rows) with their
    best rows, titles and highlighted snippets; `conn` is the index. A row is better when it
    has more of the query's concepts (46(4), which appoints the Prime Minister, before 46(7),
    which only appoints), then by its score."""
    shown = {
        doc: [
            (rowid, score)
            for rowid, (_, score) in sorted(rows.items(), key=lambda r: (-r[1][0], -r[1][1], r[0]))
        ][:SHOWN_HITS]
        for doc, _, _, _, rows in picks
    }
    marked = _marked(conn, query, [rowid for best in shown.values() for rowid, _ in best])
    out = []
    for doc, score, matched, defines, _ in picks:
        edition, number, section, title = conn.execute(
            "SELECT edition, number, section, title FROM article WHERE ord = ?", (doc,)
        ).fetchone()
        group = ArticleHit(edition, number, section, title, round(score, 4))
        group.section_title = sections.get(f"{edition}/{section}", "")
        group.matched, group.defines = matched, defines
        for rowid, row_score in shown[doc]:
            text, para, item, kind, ref = marked[rowid]
            snippet, spans = make_snippet(text)
            group.hits.append(Hit(ref, para, item, kind, row_score, snippet, spans, rowid))
        out.append(group)
    return out


def _marked(conn: Any, query: Query, rowids: list[int]) -> dict[int, tuple[Any, ...]]:
    """Rows by id, their text with the matched words marked."""
    if not rowids:
        return {}
    operands = [o for c in query.concepts for o in (*c.own, *c.expansions)]
    expr = f"body : ({' OR '.join(operands)})" if operands else query.fts
    marks = ",".join("?" * len(rowids))
    found = {
        r[0]: r[1:]
        for r in conn.execute(
            "SELECT rowid, highlight(row, 0, ?, ?), paragraph, item, kind, ref FROM row "
            f"WHERE row MATCH ? AND rowid IN ({marks})",
            [MARK_OPEN, MARK_CLOSE, expr, *rowids],
        )
    }
    rest = [r for r in rowids if r not in found]
    if rest:
        found.update(
            (r[0], r[1:])
            for r in conn.execute(
                "SELECT rowid, body, paragraph, item, kind, ref FROM row "
                f"WHERE rowid IN ({','.join('?' * len(rest))})",
                rest,
            )
        )
    return found

"""Search results: the ranked articles, their matching rows, and the snippets shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from kzconst.search.index import ROW_BASE
from kzconst.search.intent import INTENTS
from kzconst.search.query import Query
from kzconst.search.snippet import MARK_CLOSE, MARK_OPEN, make_snippet

SHOWN_HITS = 5  # matching rows kept (and highlighted) per article
TF_K = 1.2  # how fast repeated query words in a row saturate (BM25's k1)
LENGTH_B = 0.3  # how much a long row is discounted (BM25's b; softer than for ranking articles)
OPENS_WEIGHT = 0.5  # a row that opens with the query's words
EARLY_WEIGHT = 0.3  # the article's first paragraph; half that for the second, a third...


class RowScore(NamedTuple):
    """How one row matched: how many of the query's concepts, its length-discounted score (for
    the article's best paragraph), the undiscounted weight of its concepts and its length
    against the average row."""

    concepts: int
    score: float
    weight: float
    length: float


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
    picks: list[tuple[int, float, int, float, dict[int, RowScore]]],
) -> list[ArticleHit]:
    """The shown articles (ord, score, concepts matched, defining points, rows) with their
    best rows, titles and highlighted snippets; `conn` is the index. See `_row_order` for
    which rows come first."""
    marked = _marked(conn, query, [rowid for *_, rows in picks for rowid in rows])
    out = []
    for doc, score, matched, defines, rows in picks:
        edition, number, section, title = conn.execute(
            "SELECT edition, number, section, title FROM article WHERE ord = ?", (doc,)
        ).fetchone()
        group = ArticleHit(edition, number, section, title, round(score, 4))
        group.section_title = sections.get(f"{edition}/{section}", "")
        group.matched, group.defines = matched, defines
        order = sorted(rows, key=lambda r: _row_order(r, rows[r], marked[r]))
        for rowid in order[:SHOWN_HITS]:
            text, para, item, kind, ref = marked[rowid]
            snippet, spans = make_snippet(text)
            group.hits.append(Hit(ref, para, item, kind, rows[rowid].score, snippet, spans, rowid))
        out.append(group)
    return out


def _row_order(rowid: int, row: RowScore, found: tuple[Any, ...]) -> tuple[int, bool, float, int]:
    """Rows with more of the query's concepts first (46(4), which appoints the Prime Minister,
    before 46(7), which only appoints); then by a BM25-like score of the row: the weight of its
    concepts, raised (and saturated) the more often the query's words occur in it (13(2),
    deprivation of citizenship three times), gently discounted for length; raised when the
    row opens with them (the paragraph about it: 52(1) "The Kurultai ... is", 30(2) "Marriage
    is") and for the first paragraphs, where an article states its rule (51(1), 53(1)); the
    text before our commentary; then in the official order."""
    marked, kind = found[0], found[3]
    position = rowid % ROW_BASE if kind == "text" else 1_000  # the title row is 0, text from 1
    tf = max(1, marked.count(MARK_OPEN))
    saturated = tf * (TF_K + 1) / (tf + TF_K * (1 - LENGTH_B + LENGTH_B * row.length))
    opens = marked.lstrip().removeprefix("The ").startswith(MARK_OPEN)
    prior = 1 + OPENS_WEIGHT * opens + EARLY_WEIGHT / position
    return (-row.concepts, kind == "commentary", -row.weight * saturated * prior, rowid)


def _marked(conn: Any, query: Query, rowids: list[int]) -> dict[int, tuple[Any, ...]]:
    """Rows by id, their text with the matched words marked."""
    if not rowids:
        return {}
    operands = [o for c in query.concepts for o in (*c.own, *c.expansions)]
    operands += [o for n in query.intents if INTENTS[n].kind == "text" for o in INTENTS[n].answer]
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

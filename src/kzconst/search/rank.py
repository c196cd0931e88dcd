"""Search: parse the query, rank rows with BM25, group them by article, make snippets."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kzconst.errors import NotFoundError, UsageError
from kzconst.search.index import IN_FORCE, open_index, tag
from kzconst.search.query import Concept, Query, Vocabulary, stem, parse_query

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
SNIPPET_CHARS = 220
SHOWN_HITS = 5  # matching rows kept (and highlighted) per article
# Article-level weights of the doc fields: title, names (the article's aliases), text, topic
# vocabulary (scored apart, below), commentary, tags.
DOC_WEIGHTS = "4.0, 4.0, 1.0, 0.0, 0.5, 0.0, 0.0"
EXPANSION_WEIGHT = 0.5  # a thesaurus word counts for half the user's own word
TOPIC_WEIGHT = 0.3  # a word of the article's topic descriptions
PAIR_WEIGHT = 0.5  # neighbouring query words near each other in the article
PARAGRAPH_WEIGHT = 0.6  # the best-matching paragraph, on top of the whole article
# Final and transitional provisions name bodies and dates in passing (95(4) lists the bodies to
# be appointed after 1 July 2026): they rank below the substantive articles for the same words,
# unless the query asks about the transition itself.
TRANSITIONAL_TOPIC = "transitional"
CONSTITUTIVE_VERBS = ("establish", "form", "appoint", "elect")  # stems (porter)
CONSTITUTIVE_DISTANCE = 25
TRANSITIONAL_WEIGHT = 0.5
SCOPES = {
    "text": ("{title names body}", ("text", "title")),
    "commentary": ("{commentary}", ("commentary",)),
    "all": ("{title names body commentary}", ("text", "title", "commentary")),
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
    matched: int = 0  # how many of the query's concepts the article has
    defines: float = 0.0  # 2: establishes what the query names; 1: names it in its title

    @property
    def best_ref(self) -> str:
        text_hits = [h for h in self.hits if h.kind == "text"]
        return (text_hits or self.hits or [Hit(self.article, None, None, "title", 0, "", ())])[
            0
        ].ref


@dataclass
class SearchResult:
    """The ranked articles and what the user should be told about them."""

    query: Query
    edition: str | None
    articles: list[ArticleHit]
    suggestions: list[str]
    total: int = 0  # articles that matched, of which `articles` are the first
    relaxed: bool = False  # no article has every concept: ranked by how many they have
    missing: list[str] = field(default_factory=list)  # concepts no article has


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
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    editions = json.loads(meta["editions"])
    if edition == IN_FORCE:
        edition = _edition_in_force(editions)
    topics = json.loads(meta["topics"])
    query = parse_query(text, _vocabulary(meta))
    if topic is not None and topic not in topics:
        raise NotFoundError(f"no topic {topic[:60]!r}; run `kzconst topics` for the list")
    filters = []
    if edition is not None and len(editions) > 1:
        filters.append(f'tags:"{tag("e", edition)}"')
    if section is not None:
        filters.append(f'tags:"{tag("s", section)}"')
    if topic is not None:
        filters.append(f'tags:"{tag("t", topic)}"')
    result = SearchResult(query, edition, [], [])
    try:
        ranked = _rank(conn, query, scope, filters, meta, result)
        result.total = len(ranked)
        result.articles = _hits(conn, ranked[:limit])
        _fill(conn, query, result.articles, json.loads(meta["sections"]))
    except sqlite3.OperationalError as exc:
        raise UsageError(f"cannot search for {text[:60]!r}: {exc}") from None
    if not result.articles and query.untranslated and not query.concepts:
        result.suggestions = _suggest_english(query.untranslated, _vocabulary(meta).glossary)
    elif not result.articles and (query.concepts or query.fts):
        result.suggestions = _suggest(conn, query)
    conn.close()
    return result


def _vocabulary(meta: dict[str, str]) -> Vocabulary:
    return Vocabulary(
        aliases={k: tuple(v) for k, v in json.loads(meta.get("aliases", "{}")).items()},
        thesaurus={k: tuple(v) for k, v in json.loads(meta.get("thesaurus", "{}")).items()},
        glossary={k: tuple(v) for k, v in json.loads(meta.get("glossary", "{}")).items()},
        names=tuple(json.loads(meta.get("names", "[]"))),
    )


def _edition_in_force(editions: dict[str, list[str]]) -> str:
    """The edition whose [from, to] dates hold today (the newest one when none does)."""
    from datetime import date

    today = date.today().isoformat()
    for ed, (start, end) in editions.items():
        if start <= today and (not end or today <= end):
            return ed
    return max(editions, key=lambda e: editions[e][0])


# --- ranking --------------------------------------------------------------------------------


@dataclass
class _Scores:
    """What is known of one candidate article while ranking."""

    concepts: dict[int, float] = field(default_factory=dict)  # concept -> best field score
    extra: float = 0.0  # topic vocabulary and proximity
    rows: dict[int, tuple[float, tuple[Any, ...]]] = field(default_factory=dict)
    row_concepts: dict[int, set[int]] = field(default_factory=dict)
    defines: float = 0.0
    weight: float = 1.0


def _rank(
    conn: sqlite3.Connection,
    query: Query,
    scope: str,
    filters: list[str],
    meta: dict[str, str],
    result: SearchResult,
) -> list[tuple[int, _Scores, float]]:
    """Every matching article, best first: by how many of the query's concepts it has
    (coordination level), then by whether it defines what the query names, then by its score
    (BM25 over its weighted fields plus its best paragraph)."""
    columns, kinds = SCOPES[scope]
    where = "".join(f" AND {f}" for f in filters)
    kind_filter = " OR ".join(f'tags:"{tag("k", k)}"' for k in kinds)
    row_where = where + (f" AND ({kind_filter})" if scope != "all" else "")
    cands: dict[int, _Scores] = defaultdict(_Scores)
    allowed: set[int] | None = None
    if query.fts:  # operators: the rows that satisfy them, and their articles
        sql = "SELECT rowid, doc, kind, ref, paragraph, item FROM row WHERE row MATCH ?"
        allowed = set()
        for rowid, doc, kind, ref, para, item in conn.execute(sql, [f"({query.fts}){row_where}"]):
            allowed.add(doc)
            cands[doc].rows[rowid] = (0.0, (kind, ref, para, item))
    for i, concept in enumerate(query.concepts):
        _score_concept(conn, i, concept, columns, where, row_where, cands, query.fts != "")
    _score_extras(conn, query, scope, where, cands, set(json.loads(meta.get("proper", "[]"))))
    _demote_transitional(conn, query, json.loads(meta["topics"]), where, cands)
    if allowed is not None:
        cands = defaultdict(_Scores, {d: s for d, s in cands.items() if d in allowed})
    need = len(query.concepts)
    matched = {i for s in cands.values() for i in s.concepts}
    result.missing = [c.label for i, c in enumerate(query.concepts) if i not in matched]
    best = max((len(s.concepts) for s in cands.values()), default=0)
    result.relaxed = bool(cands) and not query.fts and 0 < best < need
    return _order(cands)


def _score_concept(
    conn: sqlite3.Connection,
    i: int,
    concept: Concept,
    columns: str,
    where: str,
    row_where: str,
    cands: dict[int, _Scores],
    rows_fixed: bool,
) -> None:
    """Score concept `i` in every article (BM25 over the weighted fields) and every row; a
    thesaurus word scores below the user's own. With `rows_fixed` (operators) no row is added."""
    doc_sql = f"SELECT art, -bm25(doc, {DOC_WEIGHTS}) FROM doc WHERE doc MATCH ?"
    row_sql = (
        "SELECT rowid, doc, kind, ref, paragraph, item, -bm25(row, 1.0, 0.0) "
        "FROM row WHERE row MATCH ?"
    )
    for operands, weight in ((concept.own, 1.0), (concept.expansions, EXPANSION_WEIGHT)):
        if not operands:
            continue
        expr = " OR ".join(operands)
        for doc, score in conn.execute(doc_sql, [f"{columns} : ({expr}){where}"]):
            got = cands[doc].concepts
            got[i] = max(got.get(i, 0.0), weight * score)
        for rowid, doc, kind, ref, para, item, score in conn.execute(
            row_sql, [f"body : ({expr}){row_where}"]
        ):
            rows = cands[doc].rows
            if rowid not in rows:
                if rows_fixed:
                    continue
                rows[rowid] = (0.0, (kind, ref, para, item))
            row_score, info = rows[rowid]
            rows[rowid] = (row_score + weight * score, info)
            cands[doc].row_concepts.setdefault(rowid, set()).add(i)


def _score_extras(
    conn: sqlite3.Connection,
    query: Query,
    scope: str,
    where: str,
    cands: dict[int, _Scores],
    proper: set[str],
) -> None:
    """The softer signals: topic vocabulary, query words near each other, and whether the
    article defines what the whole query names."""
    columns = SCOPES[scope][0]
    sql = f"SELECT art, -bm25(doc, {DOC_WEIGHTS.replace('0.0', '1.0', 1)}) FROM doc WHERE doc MATCH ?"
    if scope != "commentary":
        for concept in query.concepts:
            expr = " OR ".join((*concept.own, *concept.expansions))
            for doc, score in conn.execute(sql, [f"topics : ({expr}){where}"]):
                cands[doc].extra += TOPIC_WEIGHT * score
    singles = [c.own[0] if c.single else None for c in query.concepts]
    for left, right in zip(singles, singles[1:], strict=False):
        if left and right:
            near = f"{columns} : NEAR({left} {right}, 4){where}"
            pair: dict[int, float] = {}
            for doc, score in conn.execute(sql, [near]):
                pair[doc] = max(pair.get(doc, 0.0), score)
            for doc in pair.keys() & cands.keys():
                cands[doc].extra += PAIR_WEIGHT * pair[doc]
    if query.whole and not query.fts:
        _defining(conn, query, where, cands, proper)


def _defining(
    conn: sqlite3.Connection, query: Query, where: str, cands: dict[int, _Scores], proper: set[str]
) -> None:
    """Points for an article that defines what the whole query names: the head of its title
    (1), another named part of its title or one of its aliases (0.5), the title of the section
    it opens (1), a paragraph with the name as its subject ("The courts of the Republic ...
    are", 0.5) and, for the name of a body, a paragraph that establishes, forms, appoints or
    elects it (46(5): "appoints ... the Chair of the National Bank"; 0.5)."""
    doc_sql = "SELECT DISTINCT art FROM doc WHERE doc MATCH ?"
    for kind, points in (("d", 1.0), ("p", 0.5), ("h", 1.0)):
        names = " OR ".join(f'"{tag(kind, n)}"' for n in query.whole)
        for (doc,) in conn.execute(doc_sql, [f"tags : ({names}){where}"]):
            if doc in cands:
                cands[doc].defines += points
    if len(query.concepts) == 1:
        spellings = (*query.concepts[0].own, *query.concepts[0].expansions)
    else:
        spellings = ('"' + " ".join(c.label for c in query.concepts).replace('"', "") + '"',)
    row_sql = "SELECT DISTINCT doc FROM row WHERE row MATCH ?"
    text = f' AND tags:"{tag("k", "text")}"'
    subject = " OR ".join(f'^"the {s[1:]} OR ^{s}' for s in spellings)
    found = {d for (d,) in conn.execute(row_sql, [f"body : ({subject}){where}{text}"])}
    if set(query.whole) & proper:
        words = {stem(w) for w in " ".join(query.whole).split()}
        near = " OR ".join(
            f'NEAR("{verb}" {s}, {CONSTITUTIVE_DISTANCE})'
            for verb in CONSTITUTIVE_VERBS
            if verb not in words
            for s in spellings
        )
        for (doc,) in conn.execute(row_sql, [f"body : ({near}){where}{text}"]):
            if doc in cands:
                cands[doc].defines += 0.5
    for doc in found & cands.keys():
        cands[doc].defines += 0.5


def _demote_transitional(
    conn: sqlite3.Connection,
    query: Query,
    topics: dict[str, str],
    where: str,
    cands: dict[int, _Scores],
) -> None:
    vocabulary = {stem(w) for w in re.findall(r"\w+", f"{TRANSITIONAL_TOPIC} {topics.get(TRANSITIONAL_TOPIC, '')}".lower())}
    if any(stem(w) in vocabulary for c in query.concepts for w in re.findall(r"\w+", c.label)):
        return
    sql = "SELECT DISTINCT art FROM doc WHERE doc MATCH ?"
    for (doc,) in conn.execute(sql, [f'tags : "{tag("t", TRANSITIONAL_TOPIC)}"{where}']):
        if doc in cands:
            cands[doc].weight = TRANSITIONAL_WEIGHT


def _total(scores: _Scores) -> float:
    paragraphs = [s for s, info in scores.rows.values() if info[0] == "text"]
    best = max(paragraphs, default=0.0)
    return (sum(scores.concepts.values()) + scores.extra + PARAGRAPH_WEIGHT * best) * scores.weight


def _together(scores: _Scores) -> int:
    """The most concepts one paragraph of the article has."""
    return max(
        (len(c) for r, c in scores.row_concepts.items() if scores.rows[r][1][0] == "text"),
        default=0,
    )


PARA_MODE = "off"


def _order(cands: dict[int, _Scores]) -> list[tuple[int, _Scores, float]]:
    ranked = [(doc, s, _total(s)) for doc, s in cands.items()]
    if PARA_MODE == "sort":
        ranked.sort(key=lambda x: (-len(x[1].concepts), -x[1].defines, -_together(x[1]), -x[2], x[0]))
    elif PARA_MODE == "sort2":
        ranked.sort(key=lambda x: (-len(x[1].concepts), -_together(x[1]), -x[1].defines, -x[2], x[0]))
    else:
        ranked.sort(key=lambda x: (-len(x[1].concepts), -x[1].defines, -x[2], x[0]))
    return ranked


def _hits(
    conn: sqlite3.Connection, ranked: list[tuple[int, _Scores, float]]
) -> list[ArticleHit]:
    out = []
    for doc, scores, total in ranked:
        edition, number, section, title = conn.execute(
            "SELECT edition, number, section, title FROM article WHERE ord = ?", (doc,)
        ).fetchone()
        rows = sorted(scores.rows.items(), key=lambda r: (-r[1][0], r[0]))[:SHOWN_HITS]
        hits = [
            Hit(ref, para, item, kind, score, "", (), rowid)
            for rowid, (score, (kind, ref, para, item)) in rows
        ]
        group = ArticleHit(edition, number, section, title, round(total, 4), hits)
        group.matched, group.defines = len(scores.concepts), scores.defines
        out.append(group)
    return out


def _fill(
    conn: sqlite3.Connection, query: Query, groups: list[ArticleHit], sections: dict[str, str]
) -> None:
    """Add section titles and highlighted snippets to the groups that will be shown."""
    if not groups:
        return
    operands = [o for c in query.concepts for o in (*c.own, *c.expansions)]
    expr = f"body : ({' OR '.join(operands)})" if operands else query.fts
    rowids = [h.rowid for g in groups for h in g.hits]
    marks: dict[int, str] = {}
    if rowids:
        marks = dict(
            conn.execute(
                f"SELECT rowid, highlight(row, 0, ?, ?) FROM row WHERE row MATCH ? "
                f"AND rowid IN ({','.join('?' * len(rowids))})",
                [MARK_OPEN, MARK_CLOSE, expr, *rowids],
            ).fetchall()
        )
        rest = [r for r in rowids if r not in marks]
        if rest:
            marks.update(
                conn.execute(
                    f"SELECT rowid, body FROM row WHERE rowid IN ({','.join('?' * len(rest))})",
                    rest,
                ).fetchall()
            )
    for group in groups:
        group.section_title = sections.get(f"{group.edition}/{group.section}", "")
        for i, hit in enumerate(group.hits):
            snippet, spans = make_snippet(marks.get(hit.rowid, ""))
            group.hits[i] = Hit(
                hit.ref, hit.paragraph, hit.item, hit.kind, hit.score, snippet, spans, hit.rowid
            )


def make_snippet(
    marked: str, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut a window of at most `width` characters around the first highlighted term, at word
    boundaries, with "…" where text was left out.

    Returns the snippet (newlines folded) and the (start, end) offsets of matched terms in it.
    """
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    open_at = -1
    for ch in marked.replace("\n", " "):
        if ch == MARK_OPEN:
            open_at = len(plain)
        elif ch == MARK_CLOSE:
            if open_at >= 0:
                spans.append((open_at, len(plain)))
            open_at = -1
        else:
            plain.append(ch)
    if open_at >= 0:
        spans.append((open_at, len(plain)))
    text = "".join(plain)
    start = 0
    first = spans[0][0] if spans else 0
    if first > width // 3:
        start = text.rfind(" ", 0, first - width // 4) + 1
    end = len(text)
    if end - start > width:
        end = start + width
        space = text.rfind(" ", start, end + 1)
        if space > start + width // 2:
            end = space
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = text[start:end].rstrip()
    shift = len(prefix) - start
    kept = tuple(
        (max(a, start) + shift, min(b, start + len(body)) + shift)
        for a, b in spans
        if a < start + len(body) and b > start
    )
    return prefix + body + suffix, kept


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


def _suggest_english(words: list[str], glossary: dict[str, tuple[str, ...]]) -> list[str]:
    """English terms of the glossary entries that begin most like the untranslated words (a
    misspelt or unlisted Russian or Kazakh word), as examples of an English query."""
    out: list[str] = []
    for word in words:
        best = max(
            ((len(os.path.commonprefix([word, key])), key) for key in glossary),
            default=(0, ""),
        )
        if best[0] >= 4:
            out.extend(e for e in glossary[best[1]] if e not in out)
    return out[:3]

"""Search: rank articles for a parsed query, then group their matching rows with snippets.

Articles are ordered by coordination level (how many of the query's concepts they have), then
by a score raised by the points for defining what the query names: BM25 over the article's
weighted fields (SQLite FTS5's bm25 weighs each field's term frequency, then saturates once:
BM25F-like), plus the topic vocabulary, query words near each other, and the best-matching
paragraph.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from itertools import pairwise

from kzconst.errors import NotFoundError, UsageError
from kzconst.search.answer import answers
from kzconst.search.boolean import allowed_rows, excluded_rows
from kzconst.search.candidate import EXPANSION_WEIGHT, Candidate, weighted
from kzconst.search.index import (
    IN_FORCE,
    ROW_BASE,
    UNIT_BASE,
    open_index,
    rows_info,
    suggest_spellings,
    tag,
)
from kzconst.search.query import Concept, Entry, Query, Vocabulary, parse_query
from kzconst.search.result import ArticleHit, Hit, RowScore, SearchResult, build_hits
from kzconst.search.translate import suggest_english
from kzconst.search.words import normal_name, stem, topic_key

# Weights of the doc fields: title, names (the article's aliases), text, commentary, tags.
DOC_WEIGHTS = "4.0, 4.0, 1.0, 0.5, 0.0"
TOPIC_WEIGHT = 0.3  # a word of the article's topic descriptions
PAIR_WEIGHT = 0.3  # neighbouring query words near each other in the article
NEAR_DISTANCE = 6
DOC_LIMIT = 2_000  # best doc rows read per concept: beyond, a huge corpus is cut (see total)
PARAGRAPH_POOL = 50  # leading articles whose paragraphs are scored
ROW_LENGTH_NORM = 0.5  # how much a long paragraph's matches are discounted (BM25's b)
# Final and transitional provisions name bodies and dates in passing (95(4) lists the bodies to
# be appointed after 1 July 2026): they rank below the substantive articles for the same words,
# unless the query asks about the transition itself.
TRANSITIONAL_TOPIC = "transitional"
TRANSITIONAL_WEIGHT = 0.5
CONSTITUTIVE_VERBS = ("establish", "form", "appoint", "elect")  # porter stems
CONSTITUTIVE_DISTANCE = 25
POWER_POINTS = 0.25  # an item of a list of powers names what the query names
SCOPES = {
    "text": ("{title names body} : ", ("text", "title")),
    "commentary": ("commentary : ", ("commentary",)),
    "all": ("", ("text", "title", "commentary")),  # the tags hold no word anyone types
}
__all__ = ["ArticleHit", "Hit", "SearchResult", "search"]


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
    query = parse_query(text, _vocabulary(conn, meta))
    if topic is not None:  # as `topics` takes it: `Rule of Law` is rule-of-law
        wanted = topic_key(topic)
        topic = next((t for t in topics if t.casefold() == wanted), None) or topic
        if topic not in topics:
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
        _Ranker(conn, query, scope, filters, meta).run(result, limit)
    except sqlite3.OperationalError as exc:
        raise UsageError(f"cannot search for {text[:60]!r}: {exc}") from None
    if not result.articles and query.untranslated and not query.concepts:
        result.suggestions = suggest_english(query.untranslated, json.loads(meta["glossary"]))
    elif not result.articles and (query.concepts or query.fts):
        result.suggestions = suggest_spellings(conn, query.terms)
    elif typos := [w for m in result.missing for w in m.split() if len(w) > 4 and w.isalpha()]:
        # `constitutinal court`: the spelling is offered, not put in its place; reading the
        # corpus's words costs ~50 ms, so only for a word long enough to be a misspelling.
        result.suggestions = suggest_spellings(conn, typos)
    conn.close()
    return result


def _vocabulary(conn: sqlite3.Connection, meta: dict[str, str]) -> Vocabulary:
    def lookup(key: str) -> Entry | None:
        row = conn.execute("SELECT value FROM vocab WHERE key = ?", (key,)).fetchone()
        return tuple(json.loads(row[0])) if row else None

    return Vocabulary(lookup, lambda: json.loads(meta.get("glossary", "{}")))


def _edition_in_force(editions: dict[str, list[str]]) -> str:
    """The edition whose [from, to] dates hold today (the newest one when none does)."""
    from datetime import date

    today = date.today().isoformat()
    for ed, (start, end) in editions.items():
        if start <= today and (not end or today <= end):
            return ed
    return max(editions, key=lambda e: editions[e][0])


class _Ranker:
    """Ranks the articles of one search (the order: see the module docstring). Long because the
    ranking signals share one search's state; split, they would pass it around."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        query: Query,
        scope: str,
        filters: list[str],
        meta: dict[str, str],
    ) -> None:
        self.conn, self.query, self.scope, self.meta = conn, query, scope, meta
        self.columns, kinds = SCOPES[scope]
        self.where = "".join(f" AND {f}" for f in filters)
        kind_filter = " OR ".join(f'tags:"{tag("k", k)}"' for k in kinds)
        self.row_where = self.where + (f" AND ({kind_filter})" if scope != "all" else "")
        self.cands: dict[int, Candidate] = {}
        self.allowed: dict[int, set[int]] | None = None  # operators: the rows that satisfy them
        self.cut = False  # a concept matched more doc rows than DOC_LIMIT
        self.rarity: list[float] = []  # per concept: log(1 + articles / articles that have it)
        self.spread: dict[tuple[str, ...], int] = {}  # operands -> articles that have them
        self.raised: set[int] = set()  # the numbers (soft concepts) some candidate has

    def run(self, result: SearchResult, limit: int) -> None:
        query = self.query
        if query.fts:  # with operators, the rows that satisfy them decide which articles match
            expr = f"({query.fts}){self.row_where}"
            self.allowed = allowed_rows(self.conn.execute, expr, ROW_BASE)
            self.cands = {doc: Candidate() for doc in self.allowed}
        for c in query.concepts:  # a number raises what the words find; alone, it is asked
            c.soft = c.soft and any(not d.soft for d in query.concepts)
        for i in sorted(range(len(query.concepts)), key=lambda i: query.concepts[i].soft):
            self.concept(i, query.concepts[i])
        articles = int(self.meta.get("articles", "0")) or len(self.cands) or 1
        self.rarity = [
            math.log(1 + articles / max(1, sum(i in a.concepts for a in self.cands.values())))
            for i in range(len(query.concepts))
        ]
        self.extras()
        named = {d: a.defines for d, a in self.cands.items() if a.defines}
        if self.allowed is not None:
            self.cands = {d: a for d, a in self.cands.items() if d in self.allowed}
        matched = {i for a in self.cands.values() for i in a.concepts}
        hard = [(i, c) for i, c in enumerate(query.concepts) if not c.soft]
        soft = [c.label for i, c in enumerate(query.concepts) if c.soft and i not in self.raised]
        result.missing = [c.label for i, c in hard if i not in matched] + soft  # `146 deputies`
        best = max((len(a.concepts) for a in self.cands.values()), default=0)
        result.relaxed = not query.fts and (0 < best < len(hard) or bool(soft and best))
        ranked = sorted(self.cands, key=lambda d: self.cands[d].key(d))
        pool = ranked[: max(limit, PARAGRAPH_POOL)]
        self.paragraphs(pool)
        if answers(self.conn.execute, self.query, self.cands, self.where):
            for d, points in named.items():  # a question answered, not a name defined
                self.cands[d].defines -= points
        pool.sort(key=lambda d: self.cands[d].key(d))
        result.total = _total(self) if self.cut and not query.fts else len(ranked)
        result.articles = build_hits(
            self.conn,
            self.query,
            json.loads(self.meta["sections"]),
            [
                (
                    d,
                    self.cands[d].ranked(),
                    len(self.cands[d].concepts),
                    self.cands[d].defines,
                    self.cands[d].rows,
                )
                for d in pool[:limit]
            ],
        )

    def docs(self, expr: str, table: str = "doc", weights: str = DOC_WEIGHTS) -> dict[int, float]:
        """Article -> best doc-row score for an FTS5 expression (the best DOC_LIMIT rows)."""
        sql = (
            f"SELECT rowid, -bm25({table}, {weights}) FROM {table} WHERE {table} MATCH ? "
            f"ORDER BY bm25({table}, {weights}) LIMIT {DOC_LIMIT}"
        )
        out: dict[int, float] = {}
        rows = self.conn.execute(sql, [expr + self.where]).fetchall()
        self.cut = self.cut or len(rows) == DOC_LIMIT
        for rowid, score in rows:
            doc = rowid // UNIT_BASE
            out[doc] = max(out.get(doc, 0.0), score)
        return out

    def concept(self, i: int, concept: Concept) -> None:
        """Score concept `i` in every article; a thesaurus word scores below the user's own."""
        for operands, weight in ((concept.own, 1.0), (concept.expansions, EXPANSION_WEIGHT)):
            if not operands:
                continue
            found = self.docs(f"{self.columns}({' OR '.join(operands)})")
            self.spread[operands] = len(found)
            for doc, score in found.items():
                if concept.soft:  # `age 40`: forty raises 43 among the articles on an age
                    if doc in self.cands:
                        self.cands[doc].extra += weight * score
                        self.raised.add(i)
                    continue
                got = self.cands.setdefault(doc, Candidate()).concepts
                got[i] = max(got.get(i, 0.0), weight * score)

    def extras(self) -> None:
        """The softer signals: topic vocabulary, neighbouring words near each other, defining
        points, transitional provisions."""
        query = self.query
        if self.scope != "commentary":
            for c in query.concepts:
                expr = f"vocabulary : ({' OR '.join((*c.own, *c.expansions))})"
                for doc, score in self.docs(expr, "topic", "1.0, 0.0").items():
                    self.cands.setdefault(doc, Candidate()).extra += TOPIC_WEIGHT * score
        for left, right in pairwise(query.concepts):
            self.near(left, right)
        if query.whole and not query.fts:
            self.defining()
        self.transitional()

    def near(self, left: Concept, right: Concept) -> None:
        """Neighbouring concepts near each other in an article (`President's death`): a bonus,
        the best over their words and thesaurus words."""
        if left.own[0].endswith("*") or right.own[0].endswith("*"):
            return
        best: dict[int, float] = {}
        for a, wa in weighted(left):
            for b, wb in weighted(right):
                near = f"{self.columns}NEAR({a} {b}, {NEAR_DISTANCE})"
                for doc, score in self.docs(near).items():
                    best[doc] = max(best.get(doc, 0.0), wa * wb * score)
        for doc in best.keys() & self.cands.keys():
            self.cands[doc].extra += PAIR_WEIGHT * best[doc]

    def docs_with(self, table: str, expr: str) -> set[int]:
        base = UNIT_BASE if table == "doc" else ROW_BASE
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        return {r // base for (r,) in self.conn.execute(sql, [expr + self.where])} & (
            self.cands.keys()
        )

    def defining(self) -> None:
        """Points for an article that defines what the whole query names: the head of its title
        (1), another named part of its title or one of its aliases (0.5), the title of the
        section it opens (1), a paragraph with the name as its subject ("The courts of the
        Republic ... are", 0.5) and, for the name of a body, a paragraph that establishes,
        forms, appoints or elects it (46(5): "appoints ... the Chair of the National Bank";
        0.5), which is where a body without an article of its own is constituted."""
        query = self.query
        for kind, points in (("d", 1.0), ("p", 0.5), ("h", 1.0)):
            names = " OR ".join(f'"{tag(kind, n)}"' for n in query.whole)
            for doc in self.docs_with("doc", f"tags : ({names})"):
                self.cands[doc].defines += points
        proper = set(json.loads(self.meta.get("proper", "[]")))
        if len(query.concepts) == 1:  # a thesaurus word only when it is a name (see index)
            words = query.concepts[0].expansions
            named = [e for e in words if normal_name(e.strip('"')) in query.whole]
            spellings = (*query.concepts[0].own, *named)
        else:
            spellings = ('"' + (query.phrase or query.concepts[0].label).replace('"', "") + '"',)
        text = f' AND tags:"{tag("k", "text")}"'
        subject = " OR ".join(f'^"the {s[1:]} OR ^{s}' for s in spellings)
        for doc in self.docs_with("row", f"body : ({subject}){text}"):
            self.cands[doc].defines += 0.5
        if set(query.whole) & proper:
            for doc in self.constituted(spellings, text):
                self.cands[doc].defines += 0.5
        else:  # a thing, not a body: the list of powers that grants a power over it
            own = query.concepts[0].own if len(query.concepts) == 1 else spellings
            sql = "SELECT rowid FROM doc WHERE doc MATCH ?"
            expr = f"body : ({' OR '.join(own)}){self.where}"
            listed = {r // UNIT_BASE for (r,) in self.conn.execute(sql, [expr]) if r % UNIT_BASE}
            for doc in listed & self.cands.keys():
                self.cands[doc].defines += POWER_POINTS

    def constituted(self, spellings: tuple[str, ...], text: str) -> set[int]:
        """Articles with a paragraph in which the named body or office is established, formed,
        appointed or elected (the verb, not the noun: "consent to the appointment" is not)."""
        words = {stem(w) for s in spellings for w in s.strip('"').split()}
        verbs = [v for v in CONSTITUTIVE_VERBS if v not in words]
        near = " OR ".join(
            f'NEAR("{v}" {s}, {CONSTITUTIVE_DISTANCE})' for v in verbs for s in spellings
        )
        if not near:
            return set()
        names = "|".join(re.escape(s.strip('"')).replace(r"\ ", r"\W+") for s in spellings)
        forms = "|".join(f"{v}s|{v}es|{v}ed" for v in verbs)  # not the noun (appointment)
        active = re.compile(
            rf"\b(?:{forms})\b[^.;]{{0,240}}?\b(?:{names})|\b(?:{names})\b[^.;]{{0,120}}?\b(?:{forms})\b",
            re.IGNORECASE,
        )
        sql = "SELECT rowid, body FROM row WHERE row MATCH ?"
        rows = self.conn.execute(sql, [f"body : ({near}){text}{self.where}"])
        found = {rowid // ROW_BASE for rowid, body in rows if active.search(body)}
        return found & self.cands.keys()

    def transitional(self) -> None:
        topics = json.loads(self.meta["topics"])
        vocabulary = f"{TRANSITIONAL_TOPIC} {topics.get(TRANSITIONAL_TOPIC, '')}".lower()
        stems = {stem(w) for w in re.findall(r"\w+", vocabulary)}
        words = [w for c in self.query.concepts for w in re.findall(r"\w+", c.label)]
        if "transition" in self.query.intents or any(stem(w) in stems for w in words):
            return
        for doc in self.docs_with("doc", f'tags : "{tag("t", TRANSITIONAL_TOPIC)}"'):
            self.cands[doc].weight = TRANSITIONAL_WEIGHT

    def paragraphs(self, docs: list[int]) -> None:
        """Score the rows of the leading articles by the concepts each row has, weighted by
        their rarity among articles and discounted for long rows (bm25 would recount the whole
        index for every statement): an article's best text row adds to its score; its best
        rows are the hits shown."""
        pool = set(docs)
        found: dict[int, dict[int, float]] = {}  # rowid -> concept -> weight
        for i, concept in enumerate(self.query.concepts):
            for operands, weight in ((concept.own, 1.0), (concept.expansions, EXPANSION_WEIGHT)):
                if not operands:
                    continue
                for rowid in self.matching_rows(operands, docs):
                    got = found.setdefault(rowid, {})
                    got[i] = max(got.get(i, 0.0), weight)
        if self.allowed is not None:  # operators: no row shown has a word under a NOT
            rows = {r for doc in pool for r in self.allowed.get(doc, ())}
            rows |= {r for r in found if r // ROW_BASE in self.allowed} - excluded_rows(
                self.conn.execute, self.query
            )
            found = {r: found.get(r, {}) for r in rows}
        average = float(self.meta.get("row_chars", "0")) or 1.0
        for rowid, kind, chars in rows_info(self.conn, list(found)):
            art = self.cands[rowid // ROW_BASE]
            norm = 1 - ROW_LENGTH_NORM + ROW_LENGTH_NORM * chars / average
            base = sum(w * self.rarity[i] for i, w in found[rowid].items())
            art.rows[rowid] = RowScore(len(found[rowid]), base / norm, base, chars / average)
            if kind == "text":
                art.paragraph = max(art.paragraph, base / norm)
                art.together = max(art.together, len(found[rowid]))

    def matching_rows(self, operands: tuple[str, ...], docs: list[int]) -> list[int]:
        """The rows of `docs` that have one of the operands: read article by article when the
        operands are in many more articles than that (a common word in a large corpus)."""
        expr = f"body : ({' OR '.join(operands)}){self.row_where}"
        if self.spread.get(operands, 0) <= 4 * len(docs):
            pool = set(docs)
            sql = "SELECT rowid FROM row WHERE row MATCH ?"
            return [r for (r,) in self.conn.execute(sql, [expr]) if r // ROW_BASE in pool]
        sql = "SELECT rowid FROM row WHERE row MATCH ? AND rowid BETWEEN ? AND ?"
        return [
            r
            for doc in docs
            for (r,) in self.conn.execute(sql, [expr, doc * ROW_BASE, (doc + 1) * ROW_BASE - 1])
        ]


def _total(ranker: _Ranker) -> int:
    """How many articles match, counted without ranking them (for a cut ranking)."""
    operands = [o for c in ranker.query.concepts for o in (*c.own, *c.expansions)]
    expr = f"({' OR '.join(operands)}){ranker.where}"
    sql = f"SELECT count(DISTINCT rowid / {UNIT_BASE}) FROM doc WHERE doc MATCH ?"
    return max(int(ranker.conn.execute(sql, [expr]).fetchone()[0]), len(ranker.cands))

"""Points for the article whose row gives the kind of answer a question asks for (see
search.intent): a term in years, an age, a composition, a list of powers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kzconst.search.candidate import Candidate
from kzconst.search.index import ROW_BASE, tag
from kzconst.search.intent import INTENTS
from kzconst.search.query import Query
from kzconst.search.words import operand

_ASKING = {"term", "terms", "age", "ages", "tenure"}
INTENT_POINTS = 0.5  # a row that gives the kind of answer asked for
Execute = Callable[[str, list[Any]], Iterable[tuple[int, str]]]  # sqlite3's execute


def answers(execute: Execute, query: Query, cands: dict[int, Candidate], where: str) -> bool:
    """Points for an article with a row that both matches the query and gives the kind of answer
    the question asks for (a term in years, an age, a composition, a title on powers),
    twice as many when the row is about what the query names (84(3) "The Prosecutor General
    ... The term of office ... is six years", not 46(8), where the President appoints others
    for a term). Whether any row gave such an answer."""
    operands = [  # what the answer is about: not "term" or "age", which say what is asked
        o for c in query.concepts if c.label not in _ASKING for o in c.own if not o.endswith("*")
    ]
    subject = " OR ".join(f'^"the {o[1:]} OR ^{o}' for o in operands)
    sql = "SELECT rowid, body FROM row WHERE row MATCH ?"
    answered = False
    for name in query.intents:
        intent = INTENTS[name]
        if not intent.answer:
            continue
        expr = f'body : ({" OR ".join(intent.answer)}) AND tags:"{tag("k", intent.kind)}"'
        opens = set()
        named = subject
        if name == "agent" and query.about:  # 57(1) "The Chair of the Kurultai is elected",
            named = f"^{operand('the ' + query.about)} OR ^{operand(query.about)}"  # not 83(1)
        if named:
            found = execute(sql, [f"{expr} AND body : ({named})"])
            opens = {rowid for rowid, _ in found}
        best: dict[int, float] = {}
        for rowid, body in execute(sql, [expr + where]):
            art = cands.get(rowid // ROW_BASE)
            if art is None or rowid not in art.rows:
                continue
            if intent.shape is not None and not intent.shape.search(body):
                continue
            points = INTENT_POINTS * (2 if rowid in opens else 1)
            best[rowid // ROW_BASE] = max(best.get(rowid // ROW_BASE, 0.0), points)
            row = art.rows[rowid]
            shown = row.concepts + len(query.concepts)  # first: it has the answer asked for
            art.rows[rowid] = row._replace(concepts=shown)
        for doc, points in best.items():
            cands[doc].defines += points
        answered = answered or bool(best)
    return answered

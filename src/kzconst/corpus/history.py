"""Validation of the paragraph-level concordance and of the time model (wordings and laws)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from kzconst.corpus.model import (
    Article,
    Concord,
    History,
    Law,
    Paragraph,
    Wording,
    repealed_paragraphs,
)
from kzconst.corpus.problems import Checker, Loc

PARAGRAPH_CHANGES = ("identical", "reworded", "changed", "new")


def valid_date(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD in ASCII digits."""
    if len(value) != 10 or not value.isascii():
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def build_concord(c: Checker, t: dict[str, Any], where: str, line: Loc | None) -> Concord | None:
    """The `predecessors` / `change` / `change_note` keys of a 2026 paragraph or sub-item."""
    if "predecessors" not in t and "change" not in t:
        return None
    change = c.text(t, "change", where, line)
    if change and change not in PARAGRAPH_CHANGES:
        c.flag(
            line,
            "change",
            f"{where}.change",
            f"{change!r} is not one of {', '.join(PARAGRAPH_CHANGES)}",
        )
    predecessors = c.strings(t, "predecessors", where, line)
    note = c.text(t, "change_note", where, line, required=change in ("reworded", "changed"))
    if change == "new" and predecessors:
        c.flag(line, "change", f"{where}.change", "a new provision has no predecessors")
    if change in ("identical", "reworded", "changed") and not predecessors:
        c.flag(line, "predecessors", f"{where}.predecessors", f"{change!r} needs predecessors")
    return Concord(predecessors, change, note)


def build_history(c: Checker, t: dict[str, Any], where: str, line: Loc | None) -> History | None:
    """The time-model keys of a paragraph or sub-item: since, inserted, excluded, wordings."""
    raw = c.tables(t, "wording", where, line)
    if not (raw or t.get("since") or t.get("excluded_from") or t.get("inserted")):
        return None
    dates = {}
    for key in ("since", "excluded_from"):
        value = c.text(t, key, where, line, required=False)
        if value and not valid_date(value):
            c.flag(line, key, f"{where}.{key}", f"{value!r} is not a date YYYY-MM-DD")
        dates[key] = value
    inserted = t.get("inserted", False)
    if not isinstance(inserted, bool):
        c.flag(line, "inserted", f"{where}.inserted", "must be true or false")
    wordings = []
    for k, w in enumerate(raw):
        wwhere = f"{where}.wording[{k}]"
        for key in ("from", "to"):
            value = c.text(w, key, wwhere, line)
            if value and not valid_date(value):
                c.flag(line, key, f"{wwhere}.{key}", f"{value!r} is not a date YYYY-MM-DD")
        gap = w.get("gap", False)
        text = c.text(w, "text", wwhere, line, required=not gap)
        closing = w.get("closing")
        if closing is not None and not isinstance(closing, str):
            c.flag(line, "closing", f"{wwhere}.closing", "must be a string")
            closing = None
        wordings.append(
            Wording(
                c.text(w, "from", wwhere, line),
                c.text(w, "to", wwhere, line),
                c.text(w, "law", wwhere, line),
                text,
                bool(gap),
                c.text(w, "note", wwhere, line, required=False),
                closing,
                c.text(w, "source", wwhere, line, required=False),
            )
        )
    return History(
        since=dates["since"],
        since_law=c.text(t, "since_law", where, line, required=bool(dates["since"])),
        inserted=bool(inserted),
        excluded_from=dates["excluded_from"],
        excluded_law=c.text(t, "excluded_law", where, line, required=bool(dates["excluded_from"])),
        wordings=tuple(wordings),
        note=c.text(t, "since_note", where, line, required=False),
    )


def build_repealed_paragraphs(
    c: Checker, t: dict[str, Any], where: str, line: Loc | None
) -> tuple[Paragraph, ...]:
    """A repealed article's paragraphs, from its `[[article.wording]]` tables."""
    raw = c.tables(t, "wording", where, line)
    if raw and not t.get("repealed_from"):
        c.flag(line, "wording", f"{where}.wording", "article wordings need repealed_from")
    for k, w in enumerate(raw):
        if not isinstance(w.get("paragraph", ""), str):
            c.flag(line, "paragraph", f"{where}.wording[{k}].paragraph", "must be a string")
            return ()
    fake = {"wording": raw}
    build_history(c, fake, f"{where}.wording", line)  # checks each wording's keys
    return repealed_paragraphs(t)


def build_article_history(
    c: Checker, t: dict[str, Any], where: str, line: Loc | None
) -> History | None:
    """An article inserted after 1995 (`inserted`) or repealed (`repealed_from`)."""
    if not (t.get("inserted") or t.get("repealed_from")):
        return None
    for key in ("inserted", "repealed_from"):
        value = c.text(t, key, where, line, required=False)
        if value and not valid_date(value):
            c.flag(line, key, f"{where}.{key}", f"{value!r} is not a date YYYY-MM-DD")
    return History(
        since=c.text(t, "inserted", where, line, required=False),
        since_law=c.text(t, "inserted_law", where, line, required=bool(t.get("inserted"))),
        inserted=bool(t.get("inserted")),
        excluded_from=c.text(t, "repealed_from", where, line, required=False),
        excluded_law=c.text(t, "repealed_law", where, line, required=bool(t.get("repealed_from"))),
    )


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def check_history(c: Checker, articles: list[Article], laws: dict[str, Law]) -> None:
    """Wordings in order, without gaps or overlaps, each made by a known law."""
    for i, art in enumerate(articles):
        line: Loc = ("article", i)
        for para in art.paragraphs:
            units = [(para.number or "(unnumbered)", para.history)]
            units += [(f"{para.number}({it.number})", it.history) for it in para.items]
            for label, hist in units:
                if hist is not None:
                    where = f"article {art.edition} {art.number}, paragraph {label}"
                    _check_one(c, line, where, hist, laws)


def _check_one(c: Checker, line: Loc, where: str, hist: History, laws: dict[str, Law]) -> None:
    used = [w.law for w in hist.wordings] + [hist.since_law, hist.excluded_law]
    for law in used:
        if law and laws and law not in laws:
            c.problem(line, f"{where}: law", f"{law!r} is not a [[law]] id")
    dated = [w for w in hist.wordings if valid_date(w.start) and valid_date(w.end)]
    if len(dated) != len(hist.wordings):
        return
    for w in dated:
        if w.start > w.end:
            c.problem(line, f"{where}: wording", f"starts {w.start} after it ends {w.end}")
    for a, b in pairwise(dated):
        if _day_before(b.start) != a.end:
            c.problem(line, f"{where}: wording", f"{a.end} is not the day before {b.start}")
    nxt = hist.excluded_from or hist.since
    if dated and nxt and valid_date(nxt) and _day_before(nxt) != dated[-1].end:
        c.problem(
            line,
            f"{where}: wording",
            f"the last earlier wording ends {dated[-1].end}, not the day before {nxt}",
        )

"""The law of a date: an article as it read on a given day, from the wordings of its provisions.

A provision without history reads the same on every day of its edition. One with history reads
its current wording from `since`, an earlier wording within that wording's dates, nothing before
it was inserted, "[excluded]" from the day it was excluded, and a visible gap for any period whose
wording could not be read — never the nearest wording passed off as the right one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kzconst.corpus.model import Article, Corpus, History, Item, Paragraph

GAP = "[the wording in force on this date could not be read; kzconst does not show a guess]"
ORIGINAL = "1995"  # the law id of the original text


class Reading(NamedTuple):
    """What a provision says on a day: its text, status, and the wording's dates and law."""

    text: str
    status: str  # "" | "excluded" | "gap"
    start: str  # first day of this wording ("" = the edition's first day)
    end: str  # last day ("" = while the edition is in force)
    law: str  # the law id that made this wording ("" = unknown)
    closing: str | None = None  # the paragraph's closing text then (None: as now)
    note: str = ""  # how this wording took effect, where that needs saying


def reading(text: str, status: str, history: History | None, day: date) -> Reading | None:
    """The provision on `day`; None when it did not exist yet."""
    if history is None:
        return Reading(text, status, "", "", "")
    iso = day.isoformat()
    if history.excluded_from and iso >= history.excluded_from:
        return Reading("", "excluded", history.excluded_from, "", history.excluded_law)
    if history.since and iso >= history.since:
        end = history.excluded_from and _day_before(history.excluded_from)
        return Reading(text, status, history.since, end or "", history.since_law, note=history.note)
    for w in history.wordings:
        if w.start <= iso <= w.end:
            text, status = (GAP, "gap") if w.gap else (w.text, "")
            return Reading(text, status, w.start, w.end, w.law, note=w.note)
    first = history.wordings[0].start if history.wordings else history.since
    if history.inserted and (not first or iso < first):
        return None
    if not history.since and not history.wordings:
        return Reading(text, status, "", "", "")
    # A period before the earliest wording we could read: a gap, not the current text.
    return Reading(GAP, "gap", "", _day_before(first) if first else "", "")


def _day_before(iso: str) -> str:
    from datetime import timedelta

    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def article_on(art: Article, day: date) -> Article | None:
    """`art` as it read on `day`; None when the article did not exist yet."""
    h = art.history
    iso = day.isoformat()
    if h is not None and h.inserted and h.since and iso < h.since:
        return None
    if not _has_history(art):
        return art._replace(as_of=iso)
    paragraphs = tuple(p for p in (_paragraph_on(p, day) for p in art.paragraphs) if p is not None)
    if h is not None and h.excluded_from and iso < h.excluded_from:
        return art._replace(paragraphs=paragraphs, status="in force", status_note="", as_of=iso)
    return art._replace(paragraphs=paragraphs, as_of=iso)


def _has_history(art: Article) -> bool:
    return art.history is not None or any(
        p.history is not None or any(i.history is not None for i in p.items) for p in art.paragraphs
    )


def _paragraph_on(para: Paragraph, day: date) -> Paragraph | None:
    r = reading(para.text, para.status, para.history, day)
    if r is None:
        return None
    items = tuple(i for i in (_item_on(i, day) for i in para.items) if i is not None)
    closing = para.closing if r.closing is None else r.closing
    return para._replace(
        text=r.text, status=_status(r), status_note=_note(r, para), items=items, closing=closing
    )


def _item_on(item: Item, day: date) -> Item | None:
    r = reading(item.text, item.status, item.history, day)
    if r is None:
        return None
    return item._replace(text=r.text, status=_status(r), status_note=_note(r, item))


def _status(r: Reading) -> str:
    return "excluded" if r.status == "excluded" else ""


def _note(r: Reading, unit: Paragraph | Item) -> str:
    if r.status == "excluded":
        return unit.status_note
    return ""


def readings(
    corpus: Corpus, art: Article, day: date, only: tuple[str | None, str | None] = (None, None)
) -> list[tuple[str, Reading]]:
    """Every provision of `art` (or of paragraph / sub-item `only`) with its reading on `day`."""
    want_para, want_item = only
    out: list[tuple[str, Reading]] = []
    for para in art.paragraphs:
        if want_para is not None and para.number != want_para:
            continue
        r = reading(para.text, para.status, para.history, day)
        if r is not None and want_item is None:
            out.append((para.number, r))
        for it in para.items:
            if want_item is not None and it.number != want_item:
                continue
            ri = reading(it.text, it.status, it.history, day)
            if ri is not None:
                out.append((f"{para.number}({it.number})", ri))
    return out


def amended_by(
    corpus: Corpus, art: Article, day: date, only: tuple[str | None, str | None] = (None, None)
) -> str:
    """The law whose wording is the latest in force on `day` in what is shown: the article, or
    one paragraph or sub-item of it (`only`); "" if that is the original wording."""
    latest = ("", "")
    for _, r in readings(corpus, art, day, only):
        if r.law and r.law != ORIGINAL and r.start >= latest[0]:
            latest = (r.start, r.law)
    h = art.history
    if only != (None, None):
        h = None
    if h is not None and h.since_law and h.since and h.since <= day.isoformat() >= latest[0]:
        latest = max(latest, (h.since, h.since_law))
    return latest[1]


def law_title(corpus: Corpus, law_id: str) -> str:
    """`the Law of 21 May 2007 No. 254-III`, or the id when the corpus has no [[law]] for it."""
    law = corpus.laws.get(law_id)
    return law.title if law is not None else law_id


def status_on(art: Article, day: date | None) -> str | None:
    """An article's status on `day` ("in force" / "repealed"); None: not yet inserted."""
    h = art.history
    if day is None or h is None:
        return art.status
    iso = day.isoformat()
    if h.inserted and h.since and iso < h.since:
        return None
    if h.excluded_from and iso < h.excluded_from:
        return "in force"
    return art.status


def last_amended(corpus: Corpus, edition: str) -> str:
    """The first day of an edition's last wording: from then on its text is the one stored."""
    days = [corpus.editions[edition].in_force_from]
    for art in corpus.edition_articles(edition):
        for h in (art.history, *(_histories(art))):
            if h is not None:
                days += [d for d in (h.since, h.excluded_from) if d]
    return max(days)


def _histories(art: Article) -> list[History | None]:
    out: list[History | None] = []
    for para in art.paragraphs:
        out.append(para.history)
        out += [item.history for item in para.items]
    return out

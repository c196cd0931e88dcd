"""References at a date: resolved provisions as they read on a day, or why they did not exist."""

from __future__ import annotations

from datetime import date

from kzconst.corpus.asof import article_on, law_title
from kzconst.corpus.model import Corpus, History, Item, Paragraph
from kzconst.errors import NotFoundError
from kzconst.refs.resolve import Provision


def provision_on(corpus: Corpus, p: Provision, day: date) -> Provision:
    """`p` as it read on `day`.

    Raises:
        NotFoundError: the provision was not yet in force on `day` (the message says when it was
            inserted, and by which law).
    """
    art = article_on(p.article, day)
    if art is None:
        raise _not_yet(corpus, f"article {p.article.number}", p.article.history, p, day)
    if p.paragraph is None:
        return Provision(art)
    para = art.paragraph(p.paragraph.number)
    if para is None:
        raise _not_yet(corpus, f"paragraph {p.label}", p.paragraph.history, p, day)
    if p.item is None:
        return Provision(art, para)
    item = para.item(p.item.number)
    if item is None:
        raise _not_yet(corpus, f"sub-item {p.label}", p.item.history, p, day)
    return Provision(art, para, item)


def _not_yet(
    corpus: Corpus, what: str, h: History | None, p: Provision, day: date
) -> NotFoundError:
    """The error for a provision asked for on a day before it was inserted."""
    # Inserted by the law of its first wording (1995 2(3-1): 10 March 2017, though that
    # wording could not be read and the current one dates from 17 September 2022).
    first = (h.wordings[0].law, h.wordings[0].start) if h and h.wordings else None
    law, start = first or ((h.since_law, h.since) if h else ("", ""))
    since = f" by the {law_title(corpus, law)}, in force from {start}" if h else ""
    return NotFoundError(
        f"{what} ({p.article.edition}) did not exist on {day.isoformat()}: it was inserted{since}"
    )


def excluded_on(p: Provision) -> str:
    """Why a dated provision was not in force on its day (it had been excluded), or ""."""
    day = p.article.as_of
    if not day:
        return ""
    units: list[Paragraph | Item] = []
    if p.item is not None:
        units = [p.item]
    elif p.paragraph is not None:
        units = [p.paragraph]
    else:
        units = list(p.article.paragraphs)
    if units and all(u.status == "excluded" for u in units):
        h = units[0].history
        since = f" from {h.excluded_from}" if h is not None and h.excluded_from else ""
        return f"{p.label} ({p.article.edition}) was not in force on {day}: excluded{since}"
    return ""

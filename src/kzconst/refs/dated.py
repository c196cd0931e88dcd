"""References at a date: resolved provisions as they read on a day, or why they did not exist."""

from __future__ import annotations

from datetime import date

from kzconst.corpus.asof import article_on, law_title
from kzconst.corpus.model import Corpus, Item, Paragraph
from kzconst.errors import NotFoundError
from kzconst.refs.resolve import Provision


def provision_on(corpus: Corpus, p: Provision, day: date) -> Provision:
    """`p` as it read on `day`.

    Raises:
        NotFoundError: the provision was not yet in force on `day` (the message says when it was
            inserted, and by which law).
    """
    art = article_on(p.article, day)
    when = day.isoformat()
    if art is None:
        h = p.article.history
        since = f" by the {law_title(corpus, h.since_law)}, in force from {h.since}" if h else ""
        raise NotFoundError(
            f"article {p.article.number} ({p.article.edition}) did not exist on {when}: "
            f"it was inserted{since}"
        )
    if p.paragraph is None:
        return Provision(art)
    para = art.paragraph(p.paragraph.number)
    if para is None:
        h = p.paragraph.history
        since = f" by the {law_title(corpus, h.since_law)}, in force from {h.since}" if h else ""
        raise NotFoundError(
            f"paragraph {p.label} ({p.article.edition}) did not exist on {when}: "
            f"it was inserted{since}"
        )
    if p.item is None:
        return Provision(art, para)
    item = para.item(p.item.number)
    if item is None:
        h = p.item.history
        since = f" by the {law_title(corpus, h.since_law)}, in force from {h.since}" if h else ""
        raise NotFoundError(
            f"sub-item {p.label} ({p.article.edition}) did not exist on {when}: "
            f"it was inserted{since}"
        )
    return Provision(art, para, item)


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

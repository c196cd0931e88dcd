"""What a provision found in prose continues or is continued by, and the day of a year's wording."""

from __future__ import annotations

from kzconst.corpus.model import Corpus
from kzconst.refs.resolve import Provision


def successors_of(corpus: Corpus, p: Provision) -> tuple[str, ...]:
    """The 2026 provisions continuing a 1995 one: for a paragraph or sub-item, those the
    paragraph-level concordance names (`21(2)`); for an article, the articles (`21`)."""
    from kzconst import compare

    if p.paragraph is None and p.item is None:
        return p.article.successors
    if not _has_concordance(corpus):  # a corpus without the paragraph-level concordance
        return p.article.successors
    return tuple(dict.fromkeys(u.provision.label for u in compare.successors(corpus, p)))


def _has_concordance(corpus: Corpus) -> bool:
    return any(p.concord is not None for a in corpus.edition_articles("2026") for p in a.paragraphs)


def predecessors_of(corpus: Corpus, p: Provision) -> tuple[str, ...]:
    """The 1995 provisions a 2026 one continues: by its paragraph-level concordance for a
    paragraph or sub-item (`21(2)`), by article for an article (`21`)."""
    from kzconst import compare

    if p.paragraph is None and p.item is None:
        return p.article.predecessors
    found: list[str] = []
    for u in compare.units(p):
        if u.concord is None:
            return p.article.predecessors
        found.extend(u.concord.predecessors)
    return tuple(dict.fromkeys(found))


def wording_day(corpus: Corpus, year: int) -> tuple[str, str]:
    """The day `as amended in YEAR` names, and why: the latest day a law of that year took
    effect on, or, when no law is dated in that year, 31 December of it."""
    laws = [law for law in corpus.laws.values() if law.date.startswith(f"{year}-")]
    if laws:
        law = max(laws, key=lambda x: x.in_force or x.date)
        day = law.in_force or law.date
        return (
            day,
            f"as amended in {year}: the wording in force from {day}, after the law of {law.date}",
        )
    day = f"{year}-12-31"
    return day, f"as amended in {year}: no amending law of {year}; the wording in force on {day}"

"""What a provision found in prose continues or is continued by."""

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

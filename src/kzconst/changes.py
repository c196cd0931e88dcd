"""The table of changes: every 2026 article's label and similarity against 1995, then the 1995
articles with no successor."""

from __future__ import annotations

from kzconst.compare import _comparison, _forward, units
from kzconst.corpus.model import Article, Corpus
from kzconst.refs.resolve import Provision


def article_change(
    corpus: Corpus, art: Article, *, similarity: bool = True
) -> tuple[str, float | None]:
    """A 2026 article's rolled-up label and (unless `similarity` is False, which saves the
    diffs) its similarity, from its paragraph-level concordance."""
    if art.edition != "2026":
        return "", None
    if not art.predecessors and all(u.concord is None for u in units(Provision(art))):
        return "new", None
    pairs = _forward(corpus, [Provision(art)], diff=similarity)
    if pairs is None:  # no paragraph-level data: never claim more than the record says
        return ("new" if not art.predecessors else "changed"), None
    cmp = _comparison(pairs)
    return cmp.change, (None if cmp.change == "new" or not similarity else cmp.similarity)


def changes_table(corpus: Corpus, section: str | None = None) -> list[dict[str, object]]:
    """Every 2026 article with its 1995 predecessor(s), label and similarity, then the 1995
    articles that have no 2026 successor, with the reason."""
    rows: list[dict[str, object]] = []
    for art in corpus.edition_articles("2026"):
        if art.is_preamble or (section is not None and art.section != section):
            continue
        status, similarity = article_change(corpus, art)
        rows.append(
            {
                "edition": "2026",
                "article": art.number,
                "section": art.section,
                "title": art.title,
                "status": status,
                "similarity": similarity,
                "counterparts": list(art.predecessors),
                "note": art.concordance_note,
            }
        )
    if section is None:
        for art in corpus.edition_articles("1995"):
            if art.is_preamble or art.successors:
                continue
            status = "excluded" if art.repealed else "no-successor"
            rows.append(
                {
                    "edition": "1995",
                    "article": art.number,
                    "section": art.section,
                    "title": art.title,
                    "status": status,
                    "similarity": None,
                    "counterparts": [],
                    "note": art.status_note if art.repealed else art.concordance_note,
                }
            )
    return rows

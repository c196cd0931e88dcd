"""Word-level diff of two provisions (data only: a list of equal / insert / delete runs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzconst.corpus.model import Corpus
from kzconst.errors import NotFoundError
from kzconst.refs.grammar import Ref
from kzconst.refs.resolve import Provision, resolve

_TOKEN = re.compile(r"\n|[^\s]+")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of words: `op` is "equal", "insert" (only in the new text) or "delete"."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class Comparison:
    left: list[Provision]  # the older / first provision(s)
    right: list[Provision]
    chunks: list[Chunk]
    similarity: float


def provision_text(p: Provision) -> str:
    """The wording of a provision as one string, with paragraph and sub-item numbers."""
    lines: list[str] = []
    paragraphs = p.article.paragraphs if p.paragraph is None else (p.paragraph,)
    for para in paragraphs:
        label = f"{para.number}. " if para.number else ""
        if p.item is None:
            if para.status == "excluded":
                lines.append(f"{label}[excluded]")
            elif para.text:
                lines.append(label + para.text)
        for item in para.items:
            if p.item is not None and item is not p.item:
                continue
            lines.append(f"{item.number}) " + (item.text or "[excluded]"))
        if para.closing and p.item is None:
            lines.append(para.closing)
    return "\n".join(lines)


def diff_words(old: str, new: str) -> tuple[list[Chunk], float]:
    """Diff two texts word by word; returns the runs and a 0..1 similarity ratio."""
    import difflib

    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(
        a=[w.lower().strip(".,;:") for w in a],
        b=[w.lower().strip(".,;:") for w in b],
        autojunk=False,
    )
    chunks: list[Chunk] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(Chunk("equal", _join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(Chunk("delete", _join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(Chunk("insert", _join(b[j1:j2])))
    return chunks, round(matcher.ratio(), 3)


def _join(words: list[str]) -> str:
    """Words back into text; a paragraph break stays a line break."""
    return " ".join(words).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def counterparts(corpus: Corpus, p: Provision) -> list[Provision]:
    """The provision's articles in the other edition, from the concordance."""
    art = p.article
    numbers = art.predecessors if art.edition == "2026" else art.successors
    other = "1995" if art.edition == "2026" else "2026"
    if other not in corpus.editions:
        raise NotFoundError(f"this corpus has no {other} edition to compare with")
    if not numbers:
        why = f": {art.concordance_note}" if art.concordance_note else ""
        relation = "predecessor in 1995" if art.edition == "2026" else "successor in 2026"
        raise NotFoundError(f"article {art.number} ({art.edition}) has no {relation}{why}")
    return [q for n in numbers for q in resolve(corpus, Ref(n, edition=other), other)]


def compare(corpus: Corpus, first: list[Provision], second: list[Provision] | None) -> Comparison:
    """Compare `first` with `second`, or with its concordance counterparts when None.

    The older edition is always on the left, so "insert" means wording new in the later text.
    """
    if second is None:
        second = [q for p in first for q in counterparts(corpus, p)]
    left, right = first, second
    if left and right and left[0].edition == "2026" and right[0].edition == "1995":
        left, right = right, left
    old = "\n".join(provision_text(p) for p in left)
    new = "\n".join(provision_text(p) for p in right)
    chunks, ratio = diff_words(old, new)
    return Comparison(left, right, chunks, ratio)


def changes_table(corpus: Corpus, section: str | None = None) -> list[dict[str, object]]:
    """Every 2026 article with its 1995 predecessor(s) and status, then the 1995 articles that
    have no 2026 successor, with the reason."""
    rows: list[dict[str, object]] = []
    for art in corpus.edition_articles("2026"):
        if art.is_preamble or (section is not None and art.section != section):
            continue
        rows.append(
            {
                "edition": "2026",
                "article": art.number,
                "section": art.section,
                "title": art.title,
                "status": art.change or ("new" if not art.predecessors else "changed"),
                "counterparts": list(art.predecessors),
                "note": art.concordance_note,
            }
        )
    if section is None:
        for art in corpus.edition_articles("1995"):
            if art.is_preamble or art.successors:
                continue
            status = "repealed" if art.repealed else "no successor"
            rows.append(
                {
                    "edition": "1995",
                    "article": art.number,
                    "section": art.section,
                    "title": art.title,
                    "status": status,
                    "counterparts": [],
                    "note": art.status_note if art.repealed else art.concordance_note,
                }
            )
    return rows

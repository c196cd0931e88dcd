"""Resolution: a parsed Ref -> the provisions of one edition it names, or why none exists."""

from __future__ import annotations

from typing import NamedTuple

from kzconst.corpus.model import PREAMBLE, Article, Corpus, Item, Paragraph
from kzconst.errors import KzconstError, NotFoundError, UsageError
from kzconst.refs.grammar import Ref, parse_refs, reversed_range


class Spec(NamedTuple):
    """One parsed reference: an article (or range) and the paragraphs and sub-items named."""

    article: str  # `21`, `83-1`, `21-23` (range or inserted number), `21..23` (range)
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    edition: str | None = None  # named for this reference alone: `Articles 18 (1995) and 21`
    # `Article 21(1) and 23`: article 23 only if article `unless_para_of` has no paragraph 23
    unless_para_of: str | None = None


MAX_RANGE = 200  # numbers one range in prose may expand to


class Provision(NamedTuple):
    """A resolved reference: an article, and optionally one paragraph and one sub-item of it."""

    article: Article
    paragraph: Paragraph | None = None
    item: Item | None = None

    @property
    def edition(self) -> str:
        return self.article.edition

    @property
    def label(self) -> str:
        """The canonical reference, e.g. `21(1)`, `46(3)`, `preamble`."""
        return provision_label(self.article, self.paragraph, self.item)


def provision_label(article: Article, paragraph: Paragraph | None, item: Item | None) -> str:
    out = article.number
    if paragraph is not None and paragraph.number:
        out += f"({paragraph.number})"
    if item is not None:
        out += f"({item.number})"
    return out


def resolve(corpus: Corpus, ref: Ref, edition: str) -> list[Provision]:
    """Resolve a Ref in `edition` (unless the Ref names its own) to provisions.

    Raises:
        NotFoundError: the provision does not exist; the message suggests the nearest ones.
    """
    ed = ref.edition or edition
    if ed not in corpus.editions:
        raise NotFoundError(f"this corpus has no {ed} edition")
    if ref.end is not None:
        spanned = [Provision(a) for a in _article_range(corpus, ed, ref.article, ref.end)]
        if not spanned:
            raise NotFoundError(
                f"the range {ref.article}-{ref.end} is empty: article {ref.end} comes before "
                f"article {ref.article} in the {ed} Constitution"
            )
        return spanned
    art = corpus.article(ed, ref.article)
    if art is None:
        _not_reversed(corpus, ref.article)
        raise NotFoundError(_no_article(corpus, ed, ref.article))
    if ref.para_end is not None:
        return _paragraph_range(art, ed, ref.paragraph or "", ref.para_end)
    if ref.paragraph is None:
        if ref.item is not None:  # `подпункт 8 статьи 46`, `46 item 8`: no paragraph named
            return [_item_without_paragraph(art, ref.item)]
        return [Provision(art)]
    if not art.numbered:
        # Articles such as 2026 art. 46 have a lead-in and sub-items but no numbered
        # paragraphs: 46(3) is sub-item 3; 46(1)(3) names the lead-in as paragraph 1.
        lead = art.paragraphs[0] if art.paragraphs else None
        wanted: str | None = (
            ref.item if ref.item is not None and ref.paragraph == "1" else ref.paragraph
        )
        if ref.item is not None and ref.paragraph != "1":
            raise NotFoundError(
                f"article {art.number} ({ed}) has no numbered paragraphs, so "
                f"{art.number}({ref.paragraph})({ref.item}) names nothing; "
                + _no_item(art, lead, ref.paragraph).split("; ", 1)[-1]
            )
        found = lead.item(wanted) if lead is not None and wanted is not None else None
        if lead is None or found is None:
            raise NotFoundError(_no_item(art, lead, wanted or ref.item or ""))
        return [Provision(art, lead, found)]
    para = art.paragraph(ref.paragraph)
    if para is None:
        labels = ", ".join(p.number for p in art.paragraphs)
        raise NotFoundError(
            f"article {art.number} ({ed}) has no paragraph {ref.paragraph}; "
            f"its paragraphs are {labels}"
        )
    if ref.item is None:
        return [Provision(art, para)]
    found = para.item(ref.item)
    if found is None:
        raise NotFoundError(_no_item(art, para, ref.item))
    return [Provision(art, para, found)]


# Inserted numbers run -1, -2, ... (1995: 83-1, 94-2; paragraphs 2(3-1); sub-items 44(10-1)).
MAX_INSERTED = 9


def _not_reversed(corpus: Corpus, number: str) -> None:
    """`23-21`: a range written downwards, a usage error; `83-1`, `84-1` (one digit after the
    hyphen) or an article some edition has stay inserted numbers (not found, with the nearest).

    Raises:
        UsageError: `number` is `A-B`, B over MAX_INSERTED and smaller than A, and no edition
            has article A-B.
    """
    first, _, last = number.partition("-")
    if not (last and first.isdigit() and last.isdigit()):
        return
    if not MAX_INSERTED < int(last) < int(first):
        return
    if any(corpus.article(ed, number) is not None for ed in corpus.editions):
        return
    raise UsageError(reversed_range(first, last))


def _item_without_paragraph(art: Article, wanted: str) -> Provision:
    """A sub-item named without a paragraph exists only in an article with no numbered
    paragraphs (2026 art. 46: lead-in and sub-items); elsewhere say where the sub-items are."""
    if not art.numbered:
        lead = art.paragraphs[0] if art.paragraphs else None
        found = lead.item(wanted) if lead is not None else None
        if lead is None or found is None:
            raise NotFoundError(_no_item(art, lead, wanted))
        return Provision(art, lead, found)
    where = f"article {art.number} ({art.edition})"
    labels = ", ".join(p.number for p in art.paragraphs)
    with_items = [p for p in art.paragraphs if p.items]
    if not with_items:
        raise NotFoundError(f"{where} has no subparagraphs; its paragraphs are {labels}")
    places = "; ".join(
        f"{art.number}({p.number})({p.items[0].number})-({p.items[-1].number})" for p in with_items
    )
    raise NotFoundError(
        f"{where} has numbered paragraphs ({labels}): name the paragraph of subparagraph "
        f"{wanted}); its subparagraphs are {places}"
    )


def _no_item(art: Article, para: Paragraph | None, wanted: str) -> str:
    where = f"article {art.number} ({art.edition})"
    if para is not None and para.number:
        where = f"paragraph {para.number} of {where}"
    if para is None or not para.items:
        if para is None or para.number:
            return f"{where} has no subparagraphs"
        return f"{where} has no numbered paragraphs and no subparagraphs; cite it as {art.number}"
    return (
        f"{where} has no subparagraph {wanted}); "
        f"its subparagraphs are {para.items[0].number}) to {para.items[-1].number})"
    )


def _article_range(corpus: Corpus, edition: str, first: str, last: str) -> list[Article]:
    articles = [a for a in corpus.edition_articles(edition) if not a.is_preamble]
    numbers = [a.number for a in articles]
    if first not in numbers and last not in numbers and _past(first, numbers):
        tail = _no_article(corpus, edition, first).split(" (", 1)[-1].split(";")[0]
        raise NotFoundError(f"no articles {first}-{last} in the {edition} Constitution ({tail}")
    for n in (first, last):
        if n not in numbers:
            raise NotFoundError(_no_article(corpus, edition, n))
    return articles[numbers.index(first) : numbers.index(last) + 1]


def _no_article(corpus: Corpus, edition: str, number: str) -> str:
    articles = [a for a in corpus.edition_articles(edition) if not a.is_preamble]
    msg = f"no article {number} in the {edition} Constitution"
    if not articles:
        return msg
    msg += f" (articles {articles[0].number}-{articles[-1].number}"
    msg += " and the preamble)" if corpus.article(edition, PREAMBLE) else ")"
    near = nearest_articles(corpus, edition, number)
    if near:
        msg += "; nearest: " + ", ".join(near)
    return msg


def _paragraph_range(art: Article, edition: str, first: str, last: str) -> list[Provision]:
    """Paragraphs `first` to `last` in the official order: `41(3)-(5)@1995` is 3, 3-1, 4, 5;
    in an article of a lead-in and sub-items, sub-items: `44(10)-(11)@1995` is 10, 10-1, 11."""
    if not art.numbered and art.paragraphs:
        lead = art.paragraphs[0]
        items = [it.number for it in lead.items]
        if first in items and last in items and items.index(first) < items.index(last):
            chosen = lead.items[items.index(first) : items.index(last) + 1]
            return [Provision(art, lead, it) for it in chosen]
    numbers = [p.number for p in art.paragraphs]
    if first not in numbers or last not in numbers or numbers.index(first) >= numbers.index(last):
        labels = ", ".join(n for n in numbers if n) or "none (it has no numbered paragraphs)"
        raise NotFoundError(
            f"article {art.number} ({edition}) has no paragraphs {first} to {last}; "
            f"its paragraphs are {labels}"
        )
    start, end = numbers.index(first), numbers.index(last)
    return [Provision(art, p) for p in art.paragraphs[start : end + 1]]


def nearest_articles(corpus: Corpus, edition: str, number: str, limit: int = 3) -> list[str]:
    """Existing article numbers closest to `number` (by value, then spelling)."""
    numbers = [a.number for a in corpus.edition_articles(edition) if not a.is_preamble]
    try:
        value = float(number.replace("-", "."))
    except ValueError:
        import difflib

        return difflib.get_close_matches(number, numbers, n=limit)

    def distance(n: str) -> tuple[float, str]:
        return abs(float(n.replace("-", ".")) - value), n

    close = sorted(numbers, key=distance)[:limit]
    return close if close and distance(close[0])[0] <= 5 else close[:1]


def resolve_all(corpus: Corpus, texts: list[str], edition: str) -> list[Provision]:
    """Parse and resolve every argument; every malformed one is a usage error."""
    refs = [r for t in texts for r in parse_refs(t)]
    return [p for r in refs for p in resolve(corpus, r, edition)]


# --- references found in prose (refs/extract.py) -------------------------------------------


def resolve_spec(
    corpus: Corpus, spec: Spec, edition: str, labels: list[str]
) -> list[tuple[Ref, Provision | None, str]]:
    """Every provision a reference found in prose names, or why it does not exist; `labels`
    are the article numbers of the edition in official order."""
    out: list[tuple[Ref, Provision | None, str]] = []
    if spec.items and spec.items[0].startswith("part "):  # `part 2 of paragraph 1 of Article 12`
        why = f"kzconst does not number the parts of a paragraph ({spec.items[0]})"
        return [
            (ref, None, why)
            for ref, *_ in resolve_spec(corpus, spec._replace(items=()), edition, labels)
        ]
    for article in _expand(spec.article, labels):
        for ref in _refs_in(corpus, edition, article, spec):
            try:
                provisions = resolve(corpus, ref, edition)
            except KzconstError as exc:
                out.append((ref, None, exc.message))
            else:
                out.extend((ref, p, "") for p in provisions)
    return out


def _refs_in(corpus: Corpus, edition: str, article: str, spec: Spec) -> list[Ref]:
    """The Refs a spec names in one article, its paragraph and sub-item ranges expanded by the
    numbering that exists."""
    art = corpus.article(edition, article)
    paras = art.paragraphs if art is not None else ()
    refs: list[Ref] = []
    wanted: list[str | None] = [*_expand_all(spec.paragraphs, [p.number for p in paras])]
    for para in wanted or [None]:
        found = next((p for p in paras if para is not None and p.number == para), None)
        if found is None and para is None and paras and not paras[0].number:
            found = paras[0]  # an article with no numbered paragraphs: the lead-in's sub-items
        numbers = [it.number for it in found.items] if found is not None else []
        items: list[str | None] = [*_expand_all(spec.items, numbers)]
        for item in items or [None]:
            if ".." in article:
                first, last = article.split("..")
                return [Ref(_norm(first), end=_norm(last))]
            number = article if article == "preamble" else _norm(article)
            refs.append(Ref(number, para and _norm(para), item and _norm(item)))
    return refs


def _expand_all(values: tuple[str, ...], labels: list[str]) -> list[str]:
    """Paragraphs or sub-items: `1-1` is the number inserted after 1 (1995 55(1-1)), never a
    range of one, even where it does not exist (then it is not found)."""
    return [v for value in values for v in _expand(value, labels, ordered=True)]


def _expand(value: str, labels: list[str], *, ordered: bool = False) -> list[str]:
    """`21..23` or `21-23` (when no `21-23` exists) -> the labels from 21 to 23 in official
    order (inserted numbers included); else the numbers, at most MAX_RANGE."""
    if value == "preamble":
        return [value]
    if ".." in value:
        first, last = value.split("..", 1)
    elif "-" in value and value not in labels:
        first, last = value.split("-", 1)
        if not first.isdigit() or not last.isdigit() or int(last) < int(first) + ordered:
            return [value]
    else:
        return [value]
    if first in labels and last in labels and labels.index(first) <= labels.index(last):
        return labels[labels.index(first) : labels.index(last) + 1]
    if _past(last, labels) and first.isdigit():  # `Articles 95-200`: the part that exists
        if first in labels:  # and the rest, once
            after = str(int(_head(labels[-1])) + 1)
            return [*labels[labels.index(first) :], after if after == last else f"{after}..{last}"]
        if _past(first, labels):
            return [f"{first}..{last}"]
    head, tail = first.split("-")[0], last.split("-")[0]
    if 0 <= int(tail) - int(head) <= MAX_RANGE:
        return [str(n) for n in range(int(head), int(tail) + 1)]
    return [f"{first}..{last}"]  # resolved as one range: the error names the missing end


def _head(number: str) -> str:
    return number.partition("-")[0]


def _past(number: str, labels: list[str]) -> bool:
    """Whether an article number comes after the last article."""
    last = [n for n in labels if n[:1].isdigit()]
    return bool(last) and number.isdigit() and int(number) > int(_head(last[-1]))


def _norm(number: str) -> str:
    """`021` -> `21`, `83-01` -> `83-1`; a range that could not be expanded, `9..2`, stays one
    (unknown) number, so the error names it."""
    if ".." in number:
        return "..".join(_norm(n) for n in number.split(".."))
    head, _, tail = number.partition("-")
    return f"{int(head)}-{int(tail)}" if tail else str(int(head))

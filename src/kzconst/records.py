"""The versioned JSON record shape shared by every command (key "kzconst": 1); data only."""

from __future__ import annotations

from typing import Any

from kzconst.corpus import Article, Corpus, Item, Paragraph
from kzconst.refs import Provision

SCHEMA_VERSION = 1


def eid(article: Article, paragraph: Paragraph | None = None, item: Item | None = None) -> str:
    """The Akoma Ntoso style identifier inside one edition: `art_21__para_1__point_3`."""
    if article.is_preamble:
        return "preamble"
    out = f"art_{article.number}"
    if paragraph is not None and paragraph.number:
        out += f"__para_{paragraph.number}"
    if item is not None:
        out += f"__point_{item.number}"
    return out


def stable_id(
    article: Article, paragraph: Paragraph | None = None, item: Item | None = None
) -> str:
    """The identifier qualified by edition: `2026/art_21__para_1`."""
    return f"{article.edition}/{eid(article, paragraph, item)}"


def provision_key(p: Provision) -> dict[str, Any]:
    """The keys that identify a provision; every record of every command starts with them."""
    art = p.article
    return {
        "kzconst": SCHEMA_VERSION,
        "id": stable_id(art, p.paragraph, p.item),
        "eid": eid(art, p.paragraph, p.item),
        "ref": p.label,
        "edition": art.edition,
        "article": art.number,
        "paragraph": p.paragraph.number if p.paragraph is not None and p.paragraph.number else None,
        "item": p.item.number if p.item is not None else None,
    }


def _item_record(art: Article, para: Paragraph, item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "eid": eid(art, para, item),
        "text": item.text,
        "status": item.status or "in force",
        "status_note": item.status_note,
    }


def _paragraph_record(art: Article, para: Paragraph, only: Item | None) -> dict[str, Any]:
    items = [it for it in para.items if only is None or it is only]
    return {
        "number": para.number or None,
        "eid": eid(art, para),
        "text": para.text if only is None else "",
        "status": para.status or "in force",
        "status_note": para.status_note,
        "items": [_item_record(art, para, it) for it in items],
        "closing": para.closing if only is None else "",
    }


def provision_record(corpus: Corpus, p: Provision, *, commentary: bool = True) -> dict[str, Any]:
    """The full record of a provision: text, section, concordance, commentary, sources."""
    art = p.article
    section = corpus.section(art.edition, art.section)
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    edition = corpus.editions[art.edition]
    record = provision_key(p)
    record.update(
        {
            "type": "preamble" if art.is_preamble else "article",
            "section": {"number": section.number, "title": section.title} if section else None,
            "title": art.title,
            "title_editorial": True,
            "status": art.status,
            "status_note": art.status_note,
            "in_force": edition.in_force_to == "",
            "paragraphs": [_paragraph_record(art, para, p.item) for para in paragraphs],
            "topics": list(art.topics),
            "xrefs": list(art.xrefs),
            "concordance": concordance_record(art),
            "sources": list(art.sources),
            "official_source": edition.official_source,
        }
    )
    if commentary:
        record["commentary"] = [
            {"kind": c.kind, "text": c.text, "source": c.source} for c in art.commentary
        ]
    return record


def concordance_record(art: Article) -> dict[str, Any]:
    other = "1995" if art.edition == "2026" else "2026"
    numbers = art.predecessors if art.edition == "2026" else art.successors
    return {
        "relation": "predecessors" if art.edition == "2026" else "successors",
        "edition": other,
        "articles": list(numbers),
        "change": art.change or None,
        "note": art.concordance_note,
    }


def toc_records(corpus: Corpus, edition: str, section: str | None) -> list[dict[str, Any]]:
    """One record per article (and the preamble) with its section and editorial title."""
    out = []
    for art in corpus.edition_articles(edition):
        if section is not None and art.section != section:
            continue
        sec = corpus.section(edition, art.section)
        out.append(
            {
                "kzconst": SCHEMA_VERSION,
                "id": stable_id(art),
                "eid": eid(art),
                "ref": art.number,
                "edition": edition,
                "article": art.number,
                "paragraph": None,
                "item": None,
                "type": "preamble" if art.is_preamble else "article",
                "section": {"number": sec.number, "title": sec.title} if sec else None,
                "title": art.title,
                "title_editorial": True,
                "status": art.status,
            }
        )
    return out

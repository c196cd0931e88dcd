"""The versioned JSON record shape shared by every command (key "kzconst": 1); data only."""

from __future__ import annotations

from datetime import date
from typing import Any

from kzconst.corpus.asof import GAP
from kzconst.corpus.model import (
    DEFAULT_EDITION,
    PREAMBLE,
    Article,
    Corpus,
    Edition,
    Item,
    Paragraph,
)
from kzconst.refs.resolve import Provision

SCHEMA_VERSION = 1


def eid_of(article: str, paragraph: str | None = None, item: str | None = None) -> str:
    """The Akoma Ntoso style identifier inside one edition: `art_21__para_1__point_3`."""
    if article == PREAMBLE:
        return "preamble"
    out = f"art_{article}"
    if paragraph:
        out += f"__para_{paragraph}"
    if item is not None:
        out += f"__point_{item}"
    return out


def eid(article: Article, paragraph: Paragraph | None = None, item: Item | None = None) -> str:
    """`eid_of` for corpus records."""
    return eid_of(
        article.number,
        paragraph.number if paragraph is not None else None,
        item.number if item is not None else None,
    )


def stable_id(
    article: Article, paragraph: Paragraph | None = None, item: Item | None = None
) -> str:
    """The identifier qualified by edition: `2026/art_21__para_1`."""
    return f"{article.edition}/{eid(article, paragraph, item)}"


def key_record(
    edition: str,
    article: str,
    paragraph: str | None = None,
    item: str | None = None,
    ref: str | None = None,
) -> dict[str, Any]:
    """The keys that identify a provision; every record of every command starts with them.

    `ref` is a reference `kzconst` reads back: qualified `@1995` outside the default edition, so
    `jq -r '.results[].ref' | kzconst cite -` cites the right text.
    """
    local = eid_of(article, paragraph, item)
    ref = ref or article
    if edition != DEFAULT_EDITION and "@" not in ref:
        ref = f"{ref}@{edition}"
    return {
        "kzconst": SCHEMA_VERSION,
        "id": f"{edition}/{local}",
        "eid": local,
        "ref": ref,
        "edition": edition,
        "article": article,
        "paragraph": paragraph or None,
        "item": item,
    }


def provision_key(p: Provision) -> dict[str, Any]:
    """`key_record` for a resolved provision (a dated one keeps its date in `ref`)."""
    ref = p.label
    if p.article.edition != DEFAULT_EDITION:
        ref += f"@{p.article.edition}"
    if p.article.as_of:
        ref += f"@{p.article.as_of}"
    return key_record(
        p.article.edition,
        p.article.number,
        p.paragraph.number if p.paragraph is not None and p.paragraph.number else None,
        p.item.number if p.item is not None else None,
        ref,
    )


def no_key(record_type: str, **fields: Any) -> dict[str, Any]:
    """The common keys, null, for a record that is not about one provision (topic, info...)."""
    return {
        "kzconst": SCHEMA_VERSION,
        "type": record_type,
        "id": None,
        "eid": None,
        "ref": None,
        "edition": None,
        "article": None,
        "paragraph": None,
        "item": None,
        **fields,
    }


def section_record(corpus: Corpus, edition: str, number: str) -> dict[str, Any] | None:
    """The section object of every record: number and (official) title."""
    section = corpus.section(edition, number)
    return {"number": section.number, "title": section.title} if section else None


def _wording(art: Article, unit: Paragraph | Item, edition: Edition) -> dict[str, Any]:
    """The wording's dates and law: when it took effect and ceased (the edition's own days
    where the wording has no later date: a 1995 provision never amended ran from 5 September
    1995 to 30 June 2026; null `valid_to` means still in force), and which law made it (the
    1995 original text is law "1995"; null for the 2026 text, which has one wording), and the
    corpus's note on how it took effect where that needs saying (1995 71(1): in effect only
    from 1 January 2023)."""
    from kzconst.corpus.asof import reading

    day = date.fromisoformat(art.as_of) if art.as_of else date.max
    r = reading(unit.text, unit.status, unit.history, day) if unit.history else None
    start, end, law, note = (r.start, r.end, r.law, r.note) if r is not None else ("",) * 4
    h = art.history
    if not law and not start and h is not None and h.inserted and h.since:
        start, law = h.since, h.since_law  # an article inserted later (1995 94-2, 83-1)
    if not law and not start and edition.id == "1995":
        law = "1995"
    return {
        "valid_from": start or edition.in_force_from,
        "valid_to": end or edition.in_force_to or None,
        "law": law or None,
        "wording_note": note or None,
    }


def _concord(unit: Paragraph | Item) -> dict[str, Any]:
    """A 2026 provision's 1995 predecessors and change label (null when not recorded)."""
    c = unit.concord
    if c is None:
        return {"predecessors_1995": None, "change": None, "change_note": None}
    return {
        "predecessors_1995": [f"{ref}@1995" for ref in c.predecessors],
        "change": c.change,
        "change_note": c.note or None,
    }


def _item_record(art: Article, para: Paragraph, item: Item, edition: Edition) -> dict[str, Any]:
    return {
        "number": item.number,
        "lead_in": item.lead_in or None,
        "eid": eid(art, para, item),
        "text": "" if item.text == GAP else item.text,
        "status": "gap" if item.text == GAP else item.status or "in force",
        "status_note": item.status_note,
        **_wording(art, item, edition),
        **_concord(item),
    }


def _paragraph_record(
    art: Article, para: Paragraph, only: Item | None, edition: Edition
) -> dict[str, Any]:
    items = [it for it in para.items if only is None or it is only]
    return {
        "number": para.number or None,
        "eid": eid(art, para),
        "text": "" if only is not None or para.text == GAP else para.text,
        "status": "gap" if para.text == GAP else para.status or "in force",
        "status_note": para.status_note,
        "items": [_item_record(art, para, it, edition) for it in items],
        "closing": para.closing if only is None else "",
        **_wording(art, para, edition),
        **_concord(para),
    }


def provision_record(corpus: Corpus, p: Provision, *, commentary: bool = True) -> dict[str, Any]:
    """The full record of a provision: text, section, concordance, commentary, sources."""
    art = p.article
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    edition = corpus.editions[art.edition]
    record = provision_key(p)
    record.update(
        {
            "type": "preamble" if art.is_preamble else "article",
            "section": section_record(corpus, art.edition, art.section),
            "title": art.title,
            "title_editorial": True,
            "status": art.status,
            "status_note": art.status_note,
            "in_force": _in_force(edition, art.as_of),
            "as_of": art.as_of or None,
            "amended_by": _amended_by(corpus, p),
            "paragraphs": [_paragraph_record(art, para, p.item, edition) for para in paragraphs],
            "topics": list(art.topics),
            "xrefs": list(art.xrefs),
            "concordance": concordance_record(corpus, art),
            "sources": list(art.sources),
            "official_source": edition.official_source,
        }
    )
    if commentary:
        record["commentary"] = [
            {"kind": c.kind, "text": c.text, "source": c.source} for c in art.commentary
        ]
    return record


def _in_force(edition: Edition, as_of: str) -> bool:
    """In force on the day asked (`--as-of`), else today."""
    return edition.in_force_on(date.fromisoformat(as_of) if as_of else date.today())


def _amended_by(corpus: Corpus, p: Provision) -> dict[str, Any] | None:
    """The law whose wording is the latest shown: of the article, or of the one paragraph or
    sub-item shown (only for a dated 1995 provision)."""
    art = p.article
    if not art.as_of or art.edition != "1995":
        return None
    from kzconst.corpus.asof import amended_by

    only = (
        p.paragraph.number if p.paragraph is not None else None,
        p.item.number if p.item is not None else None,
    )
    law_id = amended_by(corpus, art, date.fromisoformat(art.as_of), only)
    law = corpus.laws.get(law_id)
    if not law_id:
        return {"id": "1995", "title": "the original text of 30 August 1995", "date": "1995-08-30"}
    return {"id": law_id, "title": law.title if law else law_id, "date": law.date if law else None}


def concordance_record(corpus: Corpus, art: Article) -> dict[str, Any]:
    from kzconst.changes import article_change

    other = "1995" if art.edition == "2026" else "2026"
    numbers = art.predecessors if art.edition == "2026" else art.successors
    change, similarity = article_change(corpus, art) if not art.is_preamble else ("", None)
    return {
        "relation": "predecessors" if art.edition == "2026" else "successors",
        "edition": other,
        "articles": list(numbers),
        "change": change or None,
        "similarity": similarity,
        "note": art.concordance_note,
    }


def toc_records(
    corpus: Corpus, edition: str, section: str | None, day: date | None = None
) -> list[dict[str, Any]]:
    """One record per article (and the preamble) with its section and editorial title; on
    `day`, only the articles then in force, with their status of that day."""
    from kzconst.corpus.asof import status_on

    out = []
    for art in corpus.edition_articles(edition):
        if section is not None and art.section != section:
            continue
        status = status_on(art, day)
        if status is None:
            continue
        out.append(
            {
                **key_record(edition, art.number),
                "type": "preamble" if art.is_preamble else "article",
                "section": section_record(corpus, edition, art.section),
                "title": art.title,
                "title_editorial": True,
                "status": status,
            }
        )
    return out

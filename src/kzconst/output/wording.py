"""Which wording of the amended (1995) text is shown, and dates as the headings write them."""

from __future__ import annotations

from kzconst.corpus.model import Corpus, Item, Paragraph
from kzconst.refs.resolve import Provision, provision_label

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(iso: str) -> str:
    """`2026-07-01` -> `1 July 2026`."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def wording_label(corpus: Corpus, p: Provision) -> str:
    """`Text in force on 1 January 2010, as amended by the Law of 21 May 2007 No. 254-III`."""
    from datetime import date

    from kzconst.corpus.asof import amended_by, law_title

    art = p.article
    head = f"Text in force on {long_date(art.as_of)}"
    if art.edition != "1995":
        return head
    only = (
        p.paragraph.number if p.paragraph is not None else None,
        p.item.number if p.item is not None else None,
    )
    law = amended_by(corpus, art, date.fromisoformat(art.as_of), only)
    if law:
        return f"{head}, as amended by the {law_title(corpus, law)}"
    return f"{head}: the original wording of 30 August 1995"


def last_wording_label(corpus: Corpus, p: Provision) -> str:
    """For an amended edition read without a date: which wording is shown ("" otherwise) —
    since when the provision reads so, and by which law (1995 4(1): from 1 January 2023, by
    the Law of 8 June 2022), not only the edition's last law."""
    art = p.article
    if not corpus.laws or art.edition != "1995":
        return ""
    from kzconst.corpus.asof import law_title

    end = long_date(corpus.editions[art.edition].in_force_to)
    changes: set[tuple[str, str, str]] = set()  # (day, law, what happened)
    for h in [art.history, *(u.history for _, u in _units(p))]:
        if h is not None and h.excluded_from:
            changes.add((h.excluded_from, h.excluded_law, "excluded"))
        elif h is not None and h.since and (h.wordings or h.inserted or h.since_law):
            changes.add((h.since, h.since_law, "inserted" if h.inserted else "worded"))
    if not changes:
        return f"The original wording of 30 August 1995, unchanged until {end}"
    day, law, what = max(changes)
    if len(changes) > 1:
        return (
            f"The last wording of each paragraph, the latest change from {long_date(day)} "
            f"({law_title(corpus, law)}); each one's dates: kzconst history"
        )
    if what == "excluded":
        return f"Excluded from {long_date(day)}: {law_title(corpus, law)}"
    return f"The last wording, in force from {long_date(day)} to {end}: {law_title(corpus, law)}"


def _units(p: Provision) -> list[tuple[str, Paragraph | Item]]:
    """The paragraphs and sub-items of what is shown, with their references."""
    art = p.article
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    out: list[tuple[str, Paragraph | Item]] = []
    for para in paragraphs:
        if p.item is None:
            out.append((provision_label(art, para, None), para))
        for it in para.items:
            if p.item is None or it is p.item:  # by identity: items may be equal in value
                out.append((provision_label(art, para, it), it))
    return out


def wording_notes(p: Provision, day: str = "") -> list[str]:
    """The corpus's notes on how the wording shown took effect, where that needs saying (1995
    Article 71: restated from 8 June 2022, but the provisions on the Constitutional Court were
    put into effect from 1 January 2023): for the wording in force on `day`, or the last one."""
    from datetime import date

    from kzconst.corpus.asof import reading

    by_note: dict[str, list[str]] = {}
    for label, u in _units(p):
        h = u.history
        if h is None:
            continue
        if day:  # the note of the wording read on that day (71(1) from 8 June 2022: its own)
            r = reading(u.text, u.status, h, date.fromisoformat(day))
            note = r.note if r is not None else ""
        else:
            note = h.note if h.since else ""
        if note:
            by_note.setdefault(note, []).append(label)
    return [f"Note on {', '.join(labels)}: {note}" for note, labels in by_note.items()]

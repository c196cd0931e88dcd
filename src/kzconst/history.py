"""The history of a provision: every wording in order, with its dates, its law and a word diff."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kzconst.compare import Chunk, diff_words
from kzconst.corpus.asof import GAP
from kzconst.corpus.model import Article, Corpus, History, Item, Paragraph
from kzconst.refs.resolve import Provision


@dataclass(frozen=True, slots=True)
class Version:
    """One wording of a provision: from `start` to `end` (ISO; "" = open), made by `law`."""

    start: str
    end: str
    law: str
    text: str
    status: str  # "" | "excluded" | "gap"
    diff: tuple[Chunk, ...]  # against the previous wording; () for the first
    source: str = ""  # where an earlier wording was read
    note: str = ""  # how this wording took effect, where that needs saying


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every wording of one paragraph or sub-item (`label` such as "41(1)" or "44(10-1)")."""

    article: Article
    label: str
    inserted: bool
    versions: tuple[Version, ...]
    series: str = ""  # for a second list of sub-items in one paragraph: which (1995 52(5))
    note: str = ""  # how the current wording took effect, where that needs saying


def provision_history(corpus: Corpus, p: Provision) -> list[Timeline]:
    """The timelines of every paragraph and sub-item of `p`, in official order; `label` is the
    provision's own reference ("41(1)", "72(1)(2-1)", "46(3)")."""
    from kzconst.refs.resolve import provision_label

    art = p.article
    edition = corpus.editions[art.edition]
    first_day, last_day = edition.in_force_from, edition.in_force_to
    original = "1995" if art.edition == "1995" else ""  # the 2026 text has no amending law
    if art.history is not None and art.history.inserted and art.history.since:
        first_day = art.history.since  # an article inserted later (1995 83-1), by its law
        original = art.history.since_law or original
    out: list[Timeline] = []
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    for para in paragraphs:
        if p.item is None:
            label = provision_label(art, para, None)
            out.append(_timeline(art, label, para, (first_day, last_day, original)))
        series, lead = 1, ""
        for it in para.items:
            if it.lead_in:  # 1995 52(5): a second list numbered 1), 2), 3) again
                series, lead = series + 1, it.lead_in
            if p.item is None or it is p.item:
                label = provision_label(art, para, it)
                timeline = _timeline(art, label, it, (first_day, last_day, original))
                if series > 1:  # told apart from the first list's item of the same number
                    short = lead if len(lead) <= 40 else lead[:40].rsplit(" ", 1)[0] + "…"
                    timeline = replace(timeline, series=f"list {series}: {short}")
                out.append(timeline)
    return out


def _timeline(
    art: Article, label: str, unit: Paragraph | Item, span: tuple[str, str, str]
) -> Timeline:
    """One provision's wordings; `span`: the first and last day of the article and the law of
    its first wording (the edition's original text, or the law that inserted the article)."""
    first_day, last_day, original = span
    h: History | None = unit.history
    raw: list[tuple[str, str, str, str, str]] = []
    sources: dict[str, str] = {}
    notes: dict[str, str] = {}
    if h is not None:
        for w in h.wordings:
            raw.append((w.start, w.end, w.law, GAP if w.gap else w.text, "gap" if w.gap else ""))
            sources[w.start], notes[w.start] = w.source, w.note
        end = h.excluded_from and _day_before(h.excluded_from)
        if h.since or not h.wordings:
            start = h.since or first_day
            raw.append((start, end or last_day, h.since_law or original, unit.text, unit.status))
            notes[start] = h.note
        if h.excluded_from:
            raw.append((h.excluded_from, last_day, h.excluded_law, "", "excluded"))
    else:
        raw.append((first_day, last_day, original, unit.text, unit.status))
    versions: list[Version] = []
    previous = ""
    for start, end, law, text, status in raw:
        # A gap has no words to compare: no diff into or out of it.
        known = versions and status != "gap" and versions[-1].status != "gap"
        chunks = tuple(diff_words(previous, text)[0]) if known else ()
        source, note = sources.get(start, ""), notes.get(start, "")
        versions.append(Version(start, end, law, text, status, chunks, source, note))
        previous = text
    note = h.note if h is not None else ""
    return Timeline(art, label, bool(h and h.inserted), tuple(versions), note=note)


def _day_before(iso: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()

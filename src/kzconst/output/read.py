"""Layouts: core data -> styled `Line`s (terminal and plain) or Markdown. No I/O, no rich."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kzconst.corpus.model import Article, Corpus, Edition, Item, Paragraph
from kzconst.output.render import BLANK, Line, Span
from kzconst.output.wording import (
    last_wording_label,
    long_date,
    wording_label,
    wording_notes,
)
from kzconst.refs.resolve import Provision

UNOFFICIAL = (
    "Unofficial English rendering by kzconst; the official texts are in Kazakh and Russian."
)


def edition_label(ed: Edition) -> str:
    """How every heading names an edition, so the old text is never mistaken for the law."""
    if ed.in_force_to:
        return (
            f"Constitution of {ed.adopted[:4]}, as amended — NOT IN FORCE since "
            f"{long_date(_day_after(ed.in_force_to))}"
        )
    return f"Constitution of {ed.id}, in force from {long_date(ed.in_force_from)}"


def _day_after(iso: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def article_heading(corpus: Corpus, p: Provision) -> list[Line]:
    art = p.article
    ed = corpus.editions[art.edition]
    name = "Preamble" if art.is_preamble else f"Article {p.label}"
    lines = [
        Line(
            (
                Span(name, "heading"),
                Span(f" · {art.edition} · ", "meta"),
                Span(edition_label(ed), "warn" if ed.in_force_to else "meta"),
            )
        )
    ]
    if art.as_of:
        lines.append(Line.of(wording_label(corpus, p), "warn"))
        lines += [Line.of(n, "warn") for n in wording_notes(p, art.as_of)]
        if art.edition == "1995":
            lines.append(Line.of("Titles: editorial, and of the last wording.", "meta"))
    elif last := last_wording_label(corpus, p):
        earlier = "" if "unchanged" in last else "; earlier wordings: REF@DATE or kzconst history"
        lines.append(Line.of(last + earlier, "meta"))
        lines += [Line.of(n, "meta") for n in wording_notes(p)]
    section = corpus.section(art.edition, art.section)
    if section is not None:
        lines.append(Line.of(f"Section {section.number}. {section.title}", "section"))
    lines.append(Line((Span(art.title, "title"), Span("  (editorial title)", "editorial"))))
    if art.repealed:
        # The official text marks the article «исключена», like any excluded provision.
        lines.append(Line.of(f"[excluded] {art.status_note}".strip(), "warn"))
    return lines


def paragraph_lines(art: Article, para: Paragraph, only_item: Item | None = None) -> Iterator[Line]:
    label = f"{para.number}. " if para.number else ""
    indent = len(label)
    if only_item is None:
        if para.status == "excluded":
            note = f" ({para.status_note})" if para.status_note else ""
            yield Line((Span(label, "label"), Span(f"[excluded]{note}", "excluded")))
        elif para.text:
            first, *rest = para.text.split("\n")
            yield Line((Span(label, "label"), Span(first, "text")), 0, indent)
            for cont in rest:
                yield Line.of(cont, "text", indent)
        elif label:
            yield Line.of(label.rstrip(), "label")
    for item in para.items:
        if only_item is not None and item is not only_item:
            continue
        if item.lead_in and only_item is None:
            yield Line.of(item.lead_in, "text", indent)
        ilabel = f"{item.number}) "
        if item.status == "excluded":
            note = f" ({item.status_note})" if item.status_note else ""
            yield Line(
                (Span(ilabel, "label"), Span(f"[excluded]{note}", "excluded")), indent, len(ilabel)
            )
            continue
        first, *rest = item.text.split("\n")
        yield Line((Span(ilabel, "label"), Span(first, "text")), indent, len(ilabel))
        for cont in rest:
            yield Line.of(cont, "text", indent + len(ilabel))
    if para.closing and only_item is None:
        for cont in para.closing.split("\n"):
            yield Line.of(cont, "text", indent)


def text_lines(p: Provision) -> list[Line]:
    """The text of a provision alone (with the lead-in a lone sub-item needs)."""
    art = p.article
    lines: list[Line] = []
    if p.paragraph is not None and p.item is not None and not p.paragraph.number:
        lines.append(Line.of(p.paragraph.text, "text"))  # the lead-in gives the item its sense
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    for para in paragraphs:
        lines.extend(paragraph_lines(art, para, p.item))
    return lines


def provision_lines(
    corpus: Corpus, p: Provision, *, commentary: bool = True, text_only: bool = False
) -> list[Line]:
    """The whole display of a provision: heading, text, commentary, concordance, sources;
    with `text_only`, the first heading line and the text, nothing else (for pasting)."""
    art = p.article
    if text_only:  # the heading's first line, and for an amended text the wording it is
        amended = art.as_of or last_wording_label(corpus, p)
        notes = len(wording_notes(p, art.as_of)) if amended else 0
        head = article_heading(corpus, p)[: 2 + notes if amended else 1]
        return [*head, BLANK, *text_lines(p)]
    lines = article_heading(corpus, p)
    lines.append(BLANK)
    lines.extend(text_lines(p))
    lines.append(BLANK)
    if commentary and art.commentary:
        lines.append(Line.of("Commentary (kzconst, not part of the text)", "commentary-head"))
        if art.as_of and art.edition == "1995":
            lines.append(Line.of("(it describes the last wording, not the text shown)", "meta"))
        for c in art.commentary:
            lines.append(
                Line(
                    (
                        Span(f"- [{c.kind}] ", "commentary"),
                        Span(c.text, "commentary"),
                        Span(f" <{c.source}>", "meta"),
                    ),
                    0,
                    2,
                )
            )
        lines.append(BLANK)
    lines.extend(concordance_lines(corpus, art))
    others = [x for x in art.xrefs if x.split("(")[0] != art.number]  # not 43(1) from 43
    if others:
        lines.append(Line.of("Cross-references: " + ", ".join(others), "meta"))
    ed = corpus.editions[art.edition]
    lines.append(
        Line.of(
            "Official text: "
            + ed.official_source
            + " · wording read from: "
            + "; ".join(art.sources),
            "meta",
        )
    )
    if art.source_note:
        lines.append(Line.of("Source note: " + art.source_note, "meta"))
    return lines


def _paragraph_labels(art: Article) -> str:
    """` · paragraphs: 1 reworded, 2 identical (compare 17)`: the concordance's own labels,
    counted without resolving the whole concordance (the article's label and similarity, which
    need it, are in `changes` and `compare`)."""
    counts: dict[str, int] = {}
    for para, item in art.aligned_units():
        concord = item.concord if item is not None else para.concord
        if concord is not None:
            counts[concord.change] = counts.get(concord.change, 0) + 1
    if not counts:
        return ""
    parts = ", ".join(f"{n} {label}" for label, n in counts.items())
    return f" · paragraphs: {parts} (kzconst compare {art.number})"


def concordance_lines(corpus: Corpus, art: Article) -> list[Line]:
    if art.edition == "2026":
        if art.is_preamble:
            return []
        if art.predecessors:
            text = "1995 predecessor: " + ", ".join(f"Article {n}" for n in art.predecessors)
        else:
            text = "1995 predecessor: none (new article)"
        text += _paragraph_labels(art)
    else:
        if art.is_preamble:
            return []
        text = "2026 successor: " + (
            ", ".join(f"Article {n}" for n in art.successors) if art.successors else "none"
        )
    lines = [Line.of(text, "meta")]
    if art.concordance_note:
        lines.append(Line.of("Concordance note: " + art.concordance_note, "meta"))
    return lines


def provisions_lines(
    corpus: Corpus, provisions: list[Provision], *, commentary: bool = True, text_only: bool = False
) -> list[Line]:
    out: list[Line] = []
    for i, p in enumerate(provisions):
        if i:
            out.append(BLANK)
        out.extend(provision_lines(corpus, p, commentary=commentary, text_only=text_only))
    if not text_only:
        out.append(BLANK)
        out.append(Line.of(UNOFFICIAL, "meta"))
    return out


def provision_markdown(
    corpus: Corpus, p: Provision, *, commentary: bool = True, text_only: bool = False
) -> str:
    art = p.article
    ed = corpus.editions[art.edition]
    name = "Preamble" if art.is_preamble else f"Article {p.label}"
    wording = wording_label(corpus, p) if art.as_of else last_wording_label(corpus, p)
    said = [f"*{_md_escape(wording)}*", ""] if wording else []
    if wording:
        said += [x for n in wording_notes(p, art.as_of) for x in (f"*{_md_escape(n)}*", "")]
    if text_only:
        out = [f"## {name} ({art.edition})", "", *said]
    else:
        out = [
            f"## {name} ({art.edition}) — {_md_escape(art.title)} *(editorial title)*",
            "",
            f"*{edition_label(ed)}*",
            "",
            *said,
        ]
    section = corpus.section(art.edition, art.section)
    if section and not text_only:
        out += [f"Section {section.number}. {_md_escape(section.title)}", ""]
    paragraphs = art.paragraphs if p.paragraph is None else (p.paragraph,)
    for para in paragraphs:
        for line in paragraph_lines(art, para, p.item):
            # No leading spaces: four would make the line a code block in Markdown.
            out.append(_md_escape(line.plain.strip()))
            out.append("")
    if commentary and art.commentary:
        out.append("> **Commentary** (kzconst, not part of the text)")
        for c in art.commentary:
            out.append(f"> - *{c.kind}*: {_md_escape(c.text)} ([source]({md_url(c.source)}))")
        out.append("")
    if not text_only:
        out.append(f"Official text: <{ed.official_source}>")
    return "\n".join(out).rstrip("\n") + "\n"


# The characters that make links, images, emphasis, code, HTML, headings and tables.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})


def _md_escape(text: str) -> str:
    """Corpus text is untrusted: every character Markdown gives a meaning to is escaped."""
    return text.translate(_MD_SPECIAL)


def md_url(url: str) -> str:
    """A URL safe inside `(...)` of a Markdown link: spaces, parentheses and angle brackets
    percent-encoded."""
    return url.translate(
        {ord(" "): "%20", ord("("): "%28", ord(")"): "%29", ord("<"): "%3C", ord(">"): "%3E"}
    )


def toc_lines(
    corpus: Corpus, edition: str, section: str | None, day: date | None = None
) -> list[Line]:
    """The sections and articles of an edition; on `day`, only those then in force."""
    from kzconst.corpus.asof import status_on

    ed = corpus.editions[edition]
    lines = [
        Line(
            (
                Span(f"{ed.title} ({edition})", "heading"),
                Span(" · ", "meta"),
                Span(edition_label(ed), "warn" if ed.in_force_to else "meta"),
            )
        )
    ]
    pre = corpus.article(edition, "preamble")
    if pre is not None and section is None:
        lines.append(Line((Span("preamble", "ref"), Span("  " + pre.title, "text"))))
    for sec in corpus.edition_sections(edition):
        if section is not None and sec.number != section:
            continue
        lines.append(BLANK)
        lines.append(
            Line.of(
                f"Section {sec.number}. {sec.title} (articles {sec.first}-{sec.last})", "section"
            )
        )
        for art in corpus.section_articles(sec):
            status = status_on(art, day)
            if status is None:
                continue
            title = art.title + (" [excluded]" if status == "repealed" else "")
            lines.append(Line((Span(f"{art.number:>5}", "ref"), Span("  " + title, "text")), 0, 7))
    lines.append(BLANK)
    if day is not None:
        lines.append(Line.of(f"As on {long_date(day.isoformat())}.", "meta"))
    lines.append(
        Line.of("Article titles are editorial; the Constitution's articles have none.", "meta")
    )
    return lines


def toc_refs(
    corpus: Corpus, edition: str, section: str | None, day: date | None = None
) -> list[str]:
    """`N@EDITION` for every article listed by `toc` (the input of `kzconst show -`); on
    `day`, `N@EDITION@DAY` for the articles then in force."""
    from kzconst.corpus.asof import status_on

    at = f"@{day.isoformat()}" if day is not None else ""
    refs = (
        []
        if section is not None or corpus.article(edition, "preamble") is None
        else [f"preamble@{edition}{at}"]
    )
    for sec in corpus.edition_sections(edition):
        if section is None or sec.number == section:
            refs += [
                f"{art.number}@{edition}{at}"
                for art in corpus.section_articles(sec)
                if status_on(art, day) is not None
            ]
    return refs


def toc_markdown(corpus: Corpus, edition: str, section: str | None) -> str:
    ed = corpus.editions[edition]
    out = [f"# {_md_escape(ed.title)} ({edition})", "", f"*{edition_label(ed)}*", ""]
    pre = corpus.article(edition, "preamble")
    if pre is not None and section is None:
        out += [f"- Preamble — {_md_escape(pre.title)}", ""]
    for sec in corpus.edition_sections(edition):
        if section is not None and sec.number != section:
            continue
        out += [f"## Section {sec.number}. {_md_escape(sec.title)}", ""]
        for art in corpus.section_articles(sec):
            title = art.title + (" [repealed]" if art.repealed else "")
            out.append(f"- Article {art.number} — {_md_escape(title)}")
        out.append("")
    out.append("*Article titles are editorial; the Constitution's articles have none.*")
    return "\n".join(out) + "\n"

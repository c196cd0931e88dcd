"""Validation of articles: numbers, paragraphs, sub-items, commentary and cross-references."""

from __future__ import annotations

import re
from typing import Any

from kzconst.corpus.history import (
    build_article_history,
    build_concord,
    build_history,
    build_repealed_paragraphs,
)
from kzconst.corpus.model import (
    PREAMBLE,
    Article,
    Commentary,
    Item,
    Paragraph,
)
from kzconst.corpus.problems import Checker, Loc

# The reference grammar's own forms (refs/grammar.py): ASCII digits, no leading zero, an
# article below 10000, so every number the corpus holds can be asked for.
ARTICLE_NUMBER = re.compile(r"[1-9][0-9]{0,3}(-[1-9][0-9]{0,2})?", re.ASCII)
LABEL = re.compile(r"[1-9][0-9]{0,3}(-[1-9][0-9]{0,2})?", re.ASCII)
ITEM_LABEL = re.compile(r"[1-9][0-9]{0,2}(-[1-9][0-9]{0,2})?", re.ASCII)
_NUM = r"[1-9][0-9]{0,3}(?:-[1-9][0-9]{0,2})?"
XREF = re.compile(rf"{_NUM}(?:\({_NUM}\)){{0,2}}", re.ASCII)


COMMENTARY_KINDS = ("summary", "change", "context", "history")
ARTICLE_STATUSES = ("in force", "repealed")


def build_article(c: Checker, i: int, t: dict[str, Any], where: str, line: Loc | None) -> Article:
    number = c.text(t, "number", where, line)
    if number and number != PREAMBLE and not ARTICLE_NUMBER.fullmatch(number):
        c.flag(
            line,
            "number",
            f"{where}.number",
            f'{number!r} is not an article number like "21" or "83-1"',
        )
    status = c.text(t, "status", where, line, required=False) or "in force"
    if status not in ARTICLE_STATUSES:
        c.flag(
            line,
            "status",
            f"{where}.status",
            f"{status!r} is not one of {', '.join(ARTICLE_STATUSES)}",
        )
    paragraphs = _build_paragraphs(c, i, t, where, line)
    paragraphs += build_repealed_paragraphs(c, t, where, line)
    if not paragraphs and status != "repealed":
        c.problem(line, f"{where}.paragraph", "the article has no paragraphs")
    commentary = _build_commentary(c, i, t, where, line)
    if not commentary:
        c.problem(line, f"{where}.commentary", "the article has no commentary")
    sources = c.strings(t, "sources", where, line)
    if not sources:
        c.flag(
            line,
            "sources" if "sources" in t else "",
            f"{where}.sources",
            "the article names no source of its wording",
        )
    if "change" in t:
        c.flag(
            line,
            "change",
            f"{where}.change",
            "an article's change label is derived from its paragraphs' labels; "
            "put `change` on each [[article.paragraph]]",
        )
    xrefs = _xrefs(c, t, where, line)
    return Article(
        edition=c.text(t, "edition", where, line),
        number=number,
        section=c.text(t, "section", where, line, required=number != PREAMBLE),
        title=c.text(t, "title", where, line),
        paragraphs=tuple(paragraphs),
        commentary=tuple(commentary),
        topics=c.strings(t, "topics", where, line),
        aliases=c.strings(t, "aliases", where, line),
        xrefs=xrefs,
        predecessors=c.strings(t, "predecessors", where, line),
        successors=c.strings(t, "successors", where, line),
        concordance_note=c.text(t, "concordance_note", where, line, required=False),
        sources=sources,
        source_note=c.text(t, "source_note", where, line, required=False),
        status=status,
        status_note=c.text(t, "status_note", where, line, required=False),
        history=build_article_history(c, t, where, line),
    )


def _xrefs(c: Checker, t: dict[str, Any], where: str, line: Loc | None) -> tuple[str, ...]:
    xrefs = c.strings(t, "xrefs", where, line)
    for x in xrefs:
        if not XREF.fullmatch(x):
            c.flag(line, "xrefs", f"{where}.xrefs", f'{x!r} is not a reference like "43(5)"')
    return xrefs


def _build_paragraphs(
    c: Checker, i: int, t: dict[str, Any], where: str, line: Loc | None
) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    numbers: set[str] = set()
    raw = c.tables(t, "paragraph", where, line)
    for j, p in enumerate(raw):
        pline: Loc = ("article.paragraph", i, j)
        label = p.get("number", "")
        pwhere = f"{where}.paragraph[{j}]"
        if not isinstance(label, str) or (label and not LABEL.fullmatch(label)):
            c.flag(
                pline,
                "number",
                f"{pwhere}.number",
                f'{label!r} is not a paragraph number like "1" or "3-1"',
            )
            label = str(label)
        if label in numbers:
            c.flag(
                pline,
                "number",
                f"{pwhere}.number",
                f"paragraph {label or '(unnumbered)'} appears twice",
            )
        numbers.add(label)
        status = c.text(p, "status", pwhere, pline, required=False)
        items = _build_items(c, p, pwhere, pline)
        text = c.text(p, "text", pwhere, pline, required=False)
        if status not in ("", "excluded"):
            c.flag(pline, "status", f"{pwhere}.status", f'{status!r} is not "" or "excluded"')
        if not text.strip() and not items and status != "excluded":
            c.problem(pline, f"{pwhere}.text", "the paragraph is empty")
        paragraphs.append(
            Paragraph(
                label,
                text,
                tuple(items),
                status,
                c.text(p, "status_note", pwhere, pline, required=False),
                c.text(p, "closing", pwhere, pline, required=False),
                build_concord(c, p, pwhere, pline),
                build_history(c, p, pwhere, pline),
            )
        )
    if "" in numbers and len(raw) > 1:
        c.problem(
            line,
            f"{where}.paragraph",
            "an unnumbered paragraph must be the article's only paragraph",
        )
    return paragraphs


def _build_items(c: Checker, p: dict[str, Any], where: str, line: Loc | None) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    for k, it in enumerate(c.tables(p, "item", where, line)):
        iwhere = f"{where}.item[{k}]"
        label = it.get("number", "")
        if not isinstance(label, str) or not ITEM_LABEL.fullmatch(label):
            c.problem(line, f"{iwhere}.number", f"{label!r} is not a sub-item number")
            label = str(label)
        lead_in = c.text(it, "lead_in", iwhere, line, required=False)
        if lead_in:  # a second list inside the paragraph starts its numbering again
            seen.clear()
        if label in seen:
            c.problem(line, f"{iwhere}.number", f"sub-item {label}) appears twice in one list")
        seen.add(label)
        status = c.text(it, "status", iwhere, line, required=False)
        text = c.text(it, "text", iwhere, line, required=False)
        if not text.strip() and status != "excluded":
            c.problem(line, f"{iwhere}.text", "the sub-item is empty")
        items.append(
            Item(
                label,
                text,
                status,
                c.text(it, "status_note", iwhere, line, required=False),
                build_concord(c, it, iwhere, line),
                build_history(c, it, iwhere, line),
                lead_in,
            )
        )
    return items


def _build_commentary(
    c: Checker, i: int, t: dict[str, Any], where: str, line: Loc | None
) -> list[Commentary]:
    out: list[Commentary] = []
    for k, entry in enumerate(c.tables(t, "commentary", where, line)):
        cline: Loc = ("article.commentary", i, k)
        cwhere = f"{where}.commentary[{k}]"
        kind = c.text(entry, "kind", cwhere, cline)
        if kind and kind not in COMMENTARY_KINDS:
            c.flag(
                cline,
                "kind",
                f"{cwhere}.kind",
                f"{kind!r} is not one of {', '.join(COMMENTARY_KINDS)}",
            )
        source = c.text(entry, "source", cwhere, cline)
        if source and not source.startswith(("https://", "http://")):
            c.flag(cline, "source", f"{cwhere}.source", f"{source!r} is not an http(s) URL")
        out.append(Commentary(kind, c.text(entry, "text", cwhere, cline), source))
    return out


def check_references(c: Checker, articles: list[Article]) -> None:
    """Every cross-reference, predecessor and successor must resolve."""
    index = {(a.edition, a.number): a for a in articles}
    other = {"2026": "1995", "1995": "2026"}
    present = {a.edition for a in articles}
    for i, art in enumerate(articles):
        line: Loc = ("article", i)
        where = f"article[{i}] ({art.edition} art. {art.number})"
        for x in art.xrefs:
            target = _resolve_xref(index, art.edition, x)
            if target:
                c.flag(line, "xrefs", f"{where}.xrefs", target)
        for key, numbers in (
            ("predecessors", art.predecessors),
            ("successors", art.successors),
        ):
            for n in numbers:
                ed = other.get(art.edition, "")
                if (ed, n) not in index and ed in present:
                    c.flag(line, key, f"{where}.{key}", f"article {n} of {ed} does not exist")
        if art.edition == "2026" and "1995" in present:
            _check_concordance(c, index, art, line, where)


def _check_concordance(
    c: Checker, index: dict[tuple[str, str], Article], art: Article, line: Loc, where: str
) -> None:
    """Each paragraph-level predecessor exists in 1995, in an article the article names."""
    for para in art.paragraphs:
        for label, concord in (
            (para.number, para.concord),
            *((f"{para.number}({it.number})", it.concord) for it in para.items),
        ):
            if concord is None:
                continue
            for ref in concord.predecessors:
                target = "" if ref == PREAMBLE else _resolve_xref(index, "1995", ref)
                if target:
                    c.problem(line, f"{where}.paragraph {label}.predecessors", f"1995 {target}")
                elif ref.split("(")[0] not in art.predecessors:
                    c.problem(
                        line,
                        f"{where}.paragraph {label}.predecessors",
                        f"{ref} is in 1995 article {ref.split('(')[0]}, which the article's "
                        "predecessors do not list",
                    )


def _resolve_xref(index: dict[tuple[str, str], Article], edition: str, xref: str) -> str:
    """'' when `xref` resolves inside `edition`, else what is wrong."""
    m = re.match(r"^(\d+(?:-\d+)?)((?:\(\d+(?:-\d+)?\))*)$", xref)
    if not m:
        return f'{xref!r} is not a reference like "43(5)"'
    art = index.get((edition, m.group(1)))
    if art is None:
        return f"{xref}: article {m.group(1)} does not exist"
    parts = re.findall(r"\((\d+(?:-\d+)?)\)", m.group(2))
    if not parts:
        return ""
    if not art.numbered:
        items = art.paragraphs[0].items if art.paragraphs else ()
        wanted = parts[-1]
        return (
            ""
            if any(it.number == wanted for it in items)
            else (f"{xref}: article {art.number} has no subparagraph {wanted})")
        )
    para = art.paragraph(parts[0])
    if para is None:
        return f"{xref}: article {art.number} has no paragraph {parts[0]}"
    if len(parts) > 1 and para.item(parts[1]) is None:
        return (
            f"{xref}: paragraph {parts[0]} of article {art.number} has no subparagraph {parts[1]})"
        )
    return ""

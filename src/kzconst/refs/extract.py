"""Find references to the Constitution in free text (English, Russian, Kazakh); data only.

The forms are read by refs/parser.py, the act and edition each names by refs/context.py; this
module resolves them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from kzconst.corpus.model import Corpus
from kzconst.errors import NotFoundError
from kzconst.refs.context import context_of
from kzconst.refs.grammar import Ref
from kzconst.refs.lineage import predecessors_of, successors_of
from kzconst.refs.parser import Parser
from kzconst.refs.resolve import Provision, Spec, resolve_spec
from kzconst.refs.tokens import MAX_LIST
from kzconst.refs.wording import When, wording_day

# A line that opens with `Статья 1.` (nominative, then a full stop) heads an article of the
# document being read, not a reference to the Constitution.
_OWN_HEADING = re.compile(r"[ \t]*Статья\s+\d+(?:-\d+)?\.\s", re.I)


_CUT = f"the list was cut at {MAX_LIST} numbers: the numbers after this one were not read"


@dataclass(frozen=True, slots=True)
class FoundRef:
    """One provision a reference in the text names, resolved, or why it does not exist."""

    line: int
    column: int
    text: str
    ref: Ref | None  # the reference as parsed, one provision of it
    edition: str
    provision: Provision | None
    message: str  # empty when the provision exists
    successors: tuple[str, ...] = ()  # of a 1995 provision: `21` (article), `21(2)` (paragraph)
    predecessors: tuple[str, ...] = ()  # of a 2026 provision, likewise
    note: str = ""  # `as amended in 2007`: which day's wording was read, and why

    @property
    def exists(self) -> bool:
        return self.provision is not None


_NONSPACE = re.compile(r"\S")


def find_refs(corpus: Corpus, text: str, edition: str) -> list[FoundRef]:
    """Every provision referred to in `text`, in order of appearance, each resolved."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[FoundRef] = []
    labels = {ed: [n for n in corpus.numbers(ed) if n != "preamble"] for ed in corpus.editions}
    cache: dict[tuple[Spec, str, When | None], list[FoundRef]] = {}
    for hit in Parser(text).parse():
        context = context_of(text, hit, edition)
        if context is None:
            continue  # another act, or another constitution (1993)
        line = bisect_right(line_starts, hit.start)
        column = hit.start - line_starts[line - 1] + 1
        at_line_start = _NONSPACE.search(text, line_starts[line - 1], hit.start) is None
        if at_line_start and _OWN_HEADING.match(text, line_starts[line - 1]):
            continue  # `Статья 1. Настоящий Закон...`: the heading of the document itself
        raw = " ".join(text[hit.start : hit.end].split())
        for spec in hit.specs:
            ed = spec.edition or context.edition  # `Articles 18 (1995) and 21 (2026)`
            if _a_paragraph(corpus, spec, ed):
                continue  # `Article 21(1) and 2`: a paragraph, or an article? Not guessed.
            when = context.when if ed == "1995" else None
            resolved = cache.get((spec, ed, when))
            if resolved is None:
                resolved = cache[spec, ed, when] = _resolved(corpus, spec, ed, when, labels)
            found.extend(replace(f, line=line, column=column, text=raw) for f in resolved)
        if hit.cut and found:
            found[-1] = replace(found[-1], note=_CUT)
    return found


def _a_paragraph(corpus: Corpus, spec: Spec, ed: str) -> bool:
    """Whether the bare number after `Article 21(1) and` may be a paragraph of article 21."""
    if spec.unless_para_of is None:
        return False
    art = corpus.article(ed, spec.unless_para_of)
    numbers = {p.number for p in art.paragraphs} if art is not None else set()
    number = spec.article
    return not number.isdigit() or int(number) <= len(numbers) or number in numbers


def _resolved(
    corpus: Corpus, spec: Spec, ed: str, when: When | None, labels: dict[str, list[str]]
) -> list[FoundRef]:
    """The provisions one reference names in edition `ed`, read in the wording a time phrase
    names (`as amended in 2022`), each with what it continues or is continued by."""
    from kzconst.refs.dated import provision_on

    out: list[FoundRef] = []
    for ref, found, why in resolve_spec(corpus, spec, ed, labels.get(ed, [])):
        p, msg = found, why
        day, note = wording_day(corpus, p, when) if p is not None and when else ("", "")
        if p is not None and day:
            try:
                p = provision_on(corpus, p, date.fromisoformat(day))
            except NotFoundError as exc:
                p, msg = None, exc.message
        lineage: dict[str, tuple[str, ...]] = {}
        if p is not None:
            key = "successors" if ed == "1995" else "predecessors"
            lineage[key] = (successors_of if ed == "1995" else predecessors_of)(corpus, p)
        out.append(FoundRef(0, 0, "", ref, ed, p, msg, note=note, **lineage))
    return out

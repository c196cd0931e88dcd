"""Word-level diff of provisions, aligned paragraph by paragraph through the concordance."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzconst.corpus.asof import GAP
from kzconst.corpus.model import Concord, Corpus
from kzconst.errors import NotFoundError
from kzconst.refs.grammar import Ref, parse_refs
from kzconst.refs.resolve import Provision, resolve

# A word (with inner hyphens and apostrophes) or one punctuation mark, with the whitespace before
# it: joining the tokens of a run gives the run's text exactly, so no edit can be hidden.
_TOKEN = re.compile(r"(\s*)(\w+(?:['’-]\w+)*|[^\w\s])")
MOVED = "moved"  # a 1995 provision continued by another 2026 provision, not this one
DROPPED = "dropped"  # a 1995 provision the 2026 text does not continue anywhere
EXCLUDED = "excluded"  # a 1995 provision excluded by an amending law before 2026
UNLABELLED = "not labelled: an earlier 1995 wording"  # the labels judge the last wording
LABELS = ("identical", "reworded", "changed", "new")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of tokens: `op` is "equal", "insert" (only in the newer text) or "delete".

    `text` is the run exactly as the older text has it (equal, delete) or as the newer has it
    (insert), whitespace included; an equal run also keeps `new`, the newer text's spacing.
    """

    op: str
    text: str
    new: str = ""

    @property
    def newer(self) -> str:
        """The run as the newer text has it."""
        return self.new if self.op == "equal" else self.text


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned unit: older provision(s) beside newer provision(s), with their diff."""

    left: tuple[Provision, ...]
    right: tuple[Provision, ...]
    chunks: tuple[Chunk, ...]
    similarity: float
    change: str  # identical | reworded | changed | new | MOVED | DROPPED | EXCLUDED | "" (2 refs)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    left: list[Provision]  # the older / first provision(s)
    right: list[Provision]
    pairs: list[Pair]
    similarity: float
    change: str  # the pairs' labels rolled up, "" when two references were given

    @property
    def chunks(self) -> list[Chunk]:
        """Every pair's runs in order, pairs separated by a line break."""
        out: list[Chunk] = []
        for i, pair in enumerate(self.pairs):
            if i:
                out.append(Chunk("equal", "\n", "\n"))
            out.extend(pair.chunks)
        return out


def provision_text(p: Provision, *, lead_in_only: bool = False) -> str:
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
        if lead_in_only:
            continue
        for item in para.items:
            if p.item is not None and item is not p.item:
                continue
            if item.lead_in and p.item is None:
                lines.append(item.lead_in)
            lines.append(f"{item.number}) " + (item.text or "[excluded]"))
        if para.closing and p.item is None:
            lines.append(para.closing)
    return "\n".join(lines)


def diff_words(old: str, new: str) -> tuple[list[Chunk], float]:
    """Diff two texts token by token, case and punctuation included; runs and a 0..1 ratio."""
    import difflib

    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=[t for _, t in a], b=[t for _, t in b], autojunk=False)
    chunks: list[Chunk] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(Chunk("equal", _join(a[i1:i2]), _join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(Chunk("delete", _join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(Chunk("insert", _join(b[j1:j2])))
    return chunks, round(matcher.ratio(), 3)


def _join(tokens: list[tuple[str, str]]) -> str:
    return "".join(space + word for space, word in tokens)


def roll_up(labels: list[str]) -> str:
    """One label for an article from its paragraphs' labels."""
    kinds = {x for x in labels if x not in (MOVED, EXCLUDED)}
    if not kinds:
        return "changed" if labels else ""
    if kinds == {"identical"}:
        return "identical"
    if kinds == {"new"}:
        return "new"
    if kinds <= {"identical", "reworded"}:
        return "reworded"
    return "changed"


# --- alignment through the paragraph-level concordance ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    """What the concordance aligns: a paragraph (with its sub-items), or, in an article of a
    lead-in and sub-items, the lead-in alone and each sub-item alone."""

    provision: Provision
    concord: Concord | None
    lead_in_only: bool = False

    @property
    def text(self) -> str:
        return provision_text(self.provision, lead_in_only=self.lead_in_only)

    @property
    def key(self) -> tuple[str, str, str]:
        """(article, paragraph, sub-item); a lead-in is `^`, so it overlaps no sub-item."""
        if self.lead_in_only:
            return (self.provision.article.number, LEAD_IN, "")
        return _key(self.provision)

    @property
    def excluded(self) -> bool:
        p = self.provision
        unit = p.item if p.item is not None else p.paragraph
        return unit is not None and unit.status == "excluded"


def units(p: Provision) -> list[_Unit]:
    """The aligned units of a provision."""
    if p.item is not None:
        return [_Unit(p, p.item.concord)]
    out: list[_Unit] = []
    for para, it in p.article.aligned_units():
        if p.paragraph is not None and para is not p.paragraph:
            continue
        if it is not None:
            out.append(_Unit(Provision(p.article, para, it), it.concord))
        else:
            lead_in = bool(para.items) and not para.number
            out.append(_Unit(Provision(p.article, para), para.concord, lead_in_only=lead_in))
    return out


def _resolve_1995(corpus: Corpus, ref: str) -> list[Provision]:
    return [q for r in parse_refs(ref) for q in resolve(corpus, r._replace(edition="1995"), "1995")]


Key = tuple[str, str, str]  # (article, paragraph, sub-item); "" = the whole of it
LEAD_IN = "^"  # the paragraph slot of an unnumbered article's lead-in


def _key(p: Provision) -> Key:
    para = p.paragraph.number if p.paragraph is not None else ""
    return (p.article.number, para, p.item.number if p.item is not None else "")


def _overlap(a: Key, b: Key) -> bool:
    """Two provisions of one article overlap unless they name different parts."""
    return a[0] == b[0] and all(not x or not y or x == y for x, y in zip(a[1:], b[1:], strict=True))


def _pair(
    left: list[_Unit], right: list[_Unit], change: str, note: str, *, diff: bool = True
) -> Pair:
    """Diff older units against newer units (`diff` False: the label only, for a heading). A
    2026 provision identical to one sentence of a 1995 paragraph (the paragraph was split) is
    compared with that sentence only."""
    sides = tuple(u.provision for u in left), tuple(u.provision for u in right)
    if not diff:
        return Pair(*sides, (), 0.0, change, note)
    # An aligned pair's heading names its units; their own numbers (which the renumbering
    # changed) are not wording, so they are not diffed: 43(1) <- 41(1), 42(5) has no "5.".
    parts = [u.provision.paragraph or u.provision.item for u in (*left, *right)]
    single = len(left) <= 1 and len(right) <= 1 and all(parts)  # chosen: 15(2), 17(3)
    bare = (lambda text: _LABEL.sub("", text, count=1)) if change or single else (lambda t: t)
    old = "\n".join(bare(u.text) for u in left)
    new = "\n".join(bare(u.text) for u in right)
    if change == "identical" and len(left) == 1 and len(right) == 1:
        old = _part(old, new) or old
    chunks, ratio = diff_words(old.replace(GAP, _GAP), new.replace(GAP, _GAP))
    if GAP in old or GAP in new:  # a wording that could not be read: one token, not words
        chunks = [Chunk(c.op, c.text.replace(_GAP, GAP), c.new.replace(_GAP, GAP)) for c in chunks]
        note = "; ".join(filter(None, (note, "a wording could not be read: not compared")))
    return Pair(*sides, tuple(chunks), ratio, change, note)


_GAP = "\ue000"  # the gap placeholder as one token while diffing
_LABEL = re.compile(r"^\s*\d+(?:-\d+)?[.)]\s+")


def _part(old: str, new: str) -> str | None:
    """The stretch of `old` that `new` repeats word for word (with old's own label), or None."""
    body = _LABEL.sub("", new).strip().rstrip(".;")
    if len(body) < 2 or "\n" in body:
        return None
    old_label = m.group(0) if (m := _LABEL.match(old)) else ""
    start = old.find(body[1:])
    if start < 1 or old[start - 1].lower() != body[0].lower():
        return None
    end = start + len(body) - 1
    if end < len(old) and old[end] in ".;":
        end += 1
    part = old[start - 1 : end]
    return part if part == old or not old_label else old_label + part


def _as_unit(p: Provision, *, lead_in: bool = False) -> _Unit:
    """A provision as a unit; `lead_in`: an unnumbered article's lead-in alone, without the
    sub-items (what a 2026 lead-in continues when its concordance names the whole article)."""
    if lead_in and p.paragraph is None and p.item is None:
        paras = p.article.paragraphs
        if len(paras) == 1 and not paras[0].number and paras[0].items:
            return _Unit(Provision(p.article, paras[0]), None, lead_in_only=True)
    return _Unit(p, None)


def _forward(
    corpus: Corpus, provisions: list[Provision], *, diff: bool = True
) -> list[Pair] | None:
    """2026 -> 1995: each unit beside the 1995 provisions it continues; None without data."""
    pairs: list[Pair] = []
    covered: list[Key] = []
    for p in provisions:
        for u in units(p):
            if u.concord is None:
                return None
            preds = [q for ref in u.concord.predecessors for q in _resolve_1995(corpus, ref)]
            left = [_as_unit(q, lead_in=u.lead_in_only) for q in preds]
            covered += [x.key for x in left]
            pairs.append(_pair(left, [u], u.concord.change, u.concord.note, diff=diff))
    for p in provisions:
        if p.paragraph is not None:
            continue
        for number in p.article.predecessors:
            old = corpus.article("1995", number)
            for u in units(Provision(old)) if old is not None else []:
                if not any(_overlap(k, u.key) for k in covered):
                    where = continued_in(corpus, u)
                    if u.excluded:
                        note = f"{u.provision.label}: {_excluded_note(u)}"
                        pairs.append(_pair([u], [], EXCLUDED, note, diff=diff))
                    elif where:
                        pairs.append(_pair([u], [], MOVED, f"continued in 2026 {where}", diff=diff))
                    else:
                        pairs.append(_pair([u], [], DROPPED, "no 2026 successor", diff=diff))
    return pairs


def continued_in(corpus: Corpus, old: Provision | _Unit) -> str:
    """Where the 2026 text continues a 1995 provision, e.g. "3(1), 5(2)"; "" if nowhere."""
    found = [u.provision.label for u in successors(corpus, old)]
    return ", ".join(dict.fromkeys(found))


def _excluded_note(u: _Unit) -> str:
    p = u.provision
    unit = p.item if p.item is not None else p.paragraph
    return (unit.status_note if unit is not None else "") or "excluded before 2026"


def successors(corpus: Corpus, old: Provision | _Unit) -> list[_Unit]:
    """The 2026 units whose concordance names `old` (exactly if any does, else a part of it)."""
    key = old.key if isinstance(old, _Unit) else _key(old)
    exact: list[_Unit] = []
    overlapping: list[_Unit] = []
    for u, keys in _concordance(corpus):
        if key in keys:
            exact.append(u)
        elif any(_overlap(key, k) for k in keys):
            overlapping.append(u)
    return exact or overlapping


def _concordance(corpus: Corpus) -> list[tuple[_Unit, set[Key]]]:
    """Every 2026 unit with the keys of the 1995 provisions it continues (built once)."""
    cached = _CONCORDANCE.get(id(corpus))
    if cached is not None:
        return cached
    out: list[tuple[_Unit, set[Key]]] = []
    for art in corpus.edition_articles("2026"):
        for u in units(Provision(art)):
            if u.concord is not None and u.concord.predecessors:
                preds = [q for ref in u.concord.predecessors for q in _resolve_1995(corpus, ref)]
                out.append((u, {_as_unit(q, lead_in=u.lead_in_only).key for q in preds}))
    _CONCORDANCE[id(corpus)] = out
    return out


_CONCORDANCE: dict[int, list[tuple[_Unit, set[Key]]]] = {}


def _backward(corpus: Corpus, provisions: list[Provision]) -> list[Pair] | None:
    """1995 -> 2026: each 1995 unit beside the 2026 units that continue it; None without data."""
    if not _concordance(corpus):
        return None
    pairs: list[Pair] = []
    for p in provisions:
        for u in units(p):
            if u.excluded:
                pairs.append(_pair([u], [], EXCLUDED, _excluded_note(u)))
                continue
            found = successors(corpus, u)
            if not found:
                pairs.append(_pair([u], [], DROPPED, "no 2026 successor"))
                continue
            change = roll_up([s.concord.change for s in found if s.concord is not None])
            pairs.append(_pair([u], found, change, ""))
    return pairs


def counterparts(corpus: Corpus, p: Provision) -> list[Provision]:
    """The provision's articles in the other edition, from the article-level concordance."""
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
        for p in first:
            counterparts(corpus, p)  # the clear error when an article has none
        aligned = (_forward if first and first[0].edition == "2026" else _backward)(corpus, first)
        if aligned is not None and any(p.article.as_of for p in first):
            # The concordance's labels judge the last 1995 wording; an earlier one is compared
            # word for word, but not labelled.
            from dataclasses import replace

            aligned = [replace(pair, change=UNLABELLED, note="") for pair in aligned]
            return replace(_comparison(aligned), change="")
        if aligned is not None:
            return _comparison(aligned)
        second = [q for p in first for q in counterparts(corpus, p)]
    left, right = first, second
    if left and right and left[0].edition == "2026" and right[0].edition == "1995":
        left, right = right, left
    pair = _pair([_Unit(p, None) for p in left], [_Unit(p, None) for p in right], "", "")
    return Comparison(list(left), list(right), [pair], pair.similarity, "")


def _comparison(pairs: list[Pair]) -> Comparison:
    left = list(dict.fromkeys(p for pair in pairs for p in pair.left))
    right = list(dict.fromkeys(p for pair in pairs for p in pair.right))
    sizes = [max(1, sum(len(c.text) for c in pair.chunks)) for pair in pairs]
    total = sum(sizes) or 1
    similarity = round(sum(p.similarity * n for p, n in zip(pairs, sizes, strict=True)) / total, 3)
    return Comparison(left, right, pairs, similarity, roll_up([p.change for p in pairs]))

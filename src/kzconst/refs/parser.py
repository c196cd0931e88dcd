"""The forms of reference in prose (English, Russian, Kazakh), read left to right over tokens.

Every token is looked at a bounded number of times, so a long line costs what the same
references on separate lines cost (no regular expression runs over the rest of a line per match).
"""

from __future__ import annotations

from typing import NamedTuple

from kzconst.refs.resolve import Spec
from kzconst.refs.tokens import MAX_LIST, Tokens


class Hit(NamedTuple):
    """One reference found: its own text, the provisions it names, and the bounds of its chain
    (the references joined to it by `,` / `and`), around which its act or edition is named."""

    start: int  # character offsets in the text
    end: int
    specs: tuple[Spec, ...]
    kazakh: bool  # the act is named before the reference, not after
    head: int  # where the first reference of its chain begins
    after: int  # where the last one ends
    cut: bool = False  # a list in it was cut at MAX_LIST numbers


class Parser(Tokens):
    """The forms of reference, English, Russian and Kazakh, over the tokens."""

    def english_article(self, i: int) -> tuple[list[Spec], int] | None:
        """`Article 21(1)`, `Articles 21-23`, `arts 17, 18`, `Art. 43, para. 5`, `article 21
        item 7`."""
        j = self.keyword(i, "ART_EN", "ART_EN_1")
        if j is None:
            return None
        specs: list[Spec] = []
        while len(specs) < MAX_LIST:
            pinned = self.pinned(j)
            if pinned is None:
                break
            spec, j = self.more_paragraphs(*pinned)
            edition = self.edition_pin(j)
            k = self.skip(j + 3 if edition else j, ",")
            k = k + 1 if self.is_cls(k, "AND") else k
            if edition and k > j + 3 and self.is_small(k):  # `Articles 18 (1995) and 21 (2026)`
                spec, j = spec._replace(edition=edition), j + 3
            specs.append(spec)
            # The singular `Article` heads a list of bare numbers in sloppy prose (`Article 18,
            # 21 and 23`); in `Article 62(3) and 46(8)` the second is a reference of its own
            # (pinned_next); `Article 21 and 1995` is not two (a year is not small).
            pinned_first = self.cls[i] == "ART_EN_1" and bool(specs[0].paragraphs)
            if pinned_first and k > j and self.is_small(k) and not self.has_pin(k):
                # `Article 21(1) and 23`: 23 is article 23 unless Article 21 has a paragraph 23
                # (refs/extract.py decides, knowing the paragraphs)
                nxt = self.element(k)
                if nxt is not None and ".." not in nxt[0] and len(specs) == 1:
                    specs.append(Spec(nxt[0], unless_para_of=specs[0].article))
                    j = nxt[1]
                break
            # `Articles 21(1), 22(2) and 23`: a plural list goes on past a pinned number
            bracket = self.has_pin(k) and self.is_sym(k + 1, "(") and self.cls[i] == "ART_EN"
            if pinned_first or k == j or not self.is_small(k) or (self.has_pin(k) and not bracket):
                break
            j = k
        if not specs:
            return None
        if len(specs) >= MAX_LIST:
            self.note_cut(j)
        if len(specs) == 1 and not specs[0].paragraphs:
            specs[0], j = self.trailing(specs[0], j, "PARA_EN", "ITEM_EN")
        return specs, j

    def trailing(self, spec: Spec, i: int, para: str, item: str) -> tuple[Spec, int]:
        """`, para. 5`, `п. 1`, `item 7` after a single article, unless they begin the next
        reference (`статьей 21, пунктом 1 статьи 22`)."""
        paras: list[str] = []
        items: list[str] = []
        for cls, into in ((para, paras), (item, items)):
            j = self.skip(i, ",")
            k = self.keyword(j, cls)
            found = self.numbers(k) if k is not None else None
            if found is None:
                continue
            if self.names_next(found[1]):
                break
            into.extend(found[0])
            i = found[1]
        return Spec(spec.article, tuple(paras), tuple(items)), i

    def english_part_first(self, i: int) -> tuple[list[Spec], int] | None:
        """`paragraph 5 of Article 43`, `subparagraph 3) of paragraph 1 of Article 46`,
        `paragraphs 1 and 2 of Article 18`, `subparagraph 8) of Article 46`."""
        items: list[str] = []
        paras: list[str] = []
        j = i
        for cls, into in ((self.lower_part(i), items), ("PARA_EN", paras)):
            if j > i and self.is_cls(j, "THE") and self.is_cls(j + 1, "ORD"):
                j += 1  # `subparagraph 1) of the first paragraph`
            ordinals = self.ordinals(j)  # `the second paragraph of Article 21`
            k = self.keyword(ordinals[1] if ordinals else j, "PARA_EN" if cls == "PART" else cls)
            spelt = k is not None and not ordinals  # `part 2`, `part two of Article 26`
            found = (self.numbers(k) or self.cardinal(k)) if spelt and k is not None else None
            if ordinals and k is not None:
                found = ordinals[0], k
            if found is None or not self.is_cls(found[1], "OF"):
                continue
            into.extend(f"part {n}" if cls == "PART" else n for n in found[0])
            j = found[1] + 1
        if not items and not paras:
            return None
        j = j + 1 if self.is_cls(j, "THE") else j
        k = self.keyword(j, "ART_EN", "ART_EN_1")
        # `paragraph 2 of Articles 21 and 23`: the paragraph of each article
        found = self.numbers(k, single=self.cls[j] == "ART_EN_1") if k is not None else None
        if found is None:
            return None
        end = found[1]
        pin = self.is_sym(end, "(") and self.is_small(end + 1) and self.is_sym(end + 2, ")")
        if items and not paras and len(found[0]) == 1 and pin:  # `of Article 77(3)`
            paras, end = [self.val[end + 1]], end + 3
        return [Spec(a, tuple(paras), tuple(items)) for a in found[0]], end

    # --- Russian ------------------------------------------------------------------------------

    def russian(self, i: int) -> tuple[list[Spec], int] | None:
        """`подпункт 3) пункта 1 статьи 46`, `ч. 1 ст. 21`, `статьи 17, 18 и 21`, `ст.ст. 12,
        13`, `пп. 8) ст. 46`, `ст. 21 п. 1`."""
        items: list[str] = []
        paras: list[str] = []
        j = i
        for cls, into in (("ITEM_RU", items), ("PARA_RU", paras)):
            before = self.ordinals(j)  # `во второй части статьи 21`
            if before is not None and self.is_cls(before[1], cls):
                into.extend(before[0])
                j = before[1] + 1
                continue
            k = self.keyword(j, cls)
            found = (self.numbers(k) or self.ordinals(k)) if k is not None else None
            if found is not None:  # `пункт 1`, `части первой`; `пп. 1–3 ст. 21`: пункты 1–3
                (paras if self.plural_points(j, k, found[1]) else into).extend(found[0])
                j = found[1]
        k = self.keyword(j, "ART_RU", "ART_RU_1")
        if k is None:
            return None
        single = self.cls[j] == "ART_RU_1"
        found = self.numbers(k, single=single)
        if found is None:
            return None
        specs = [Spec(a, tuple(paras), tuple(items)) for a in found[0]]
        j = found[1]
        if len(specs) == 1 and not paras and not items and self.is_sym(j, "("):
            # `ст. 21(1)`; in a list, `статей 21 и 46(8)`, the pinned one is read on its own
            pinned = self.pinned(j - 1) if self.is_num(j - 1) else None
            if pinned is not None and pinned[0].article == specs[-1].article:
                specs[-1], j = self.more_paragraphs(*pinned)
        if len(specs) == 1 and not paras and not items and not specs[0].paragraphs:
            specs[0], j = self.trailing(specs[0], j, "PARA_RU", "ITEM_RU")
        return specs, j

    # --- Kazakh -------------------------------------------------------------------------------

    def kazakh(self, i: int) -> tuple[list[Spec] | None, int]:
        """`21-бабы`, `21-баптың 1-тармағы`, `46-баптың 8) тармақшасы`, `21–23-баптар`,
        `17, 18 және 21-баптар`. Without the keyword, the index past the list (never re-read)."""
        arts = self.numbers(i)
        if arts is None:
            return None, i + 1
        j = self.skip(arts[1], "-")
        if not self.is_cls(j, "ART_KK"):
            return None, max(arts[1], i + 1)
        j += 1
        paras: list[str] = []
        items: list[str] = []
        for cls, into in (("PARA_KK", paras), ("ITEM_KK", items)):
            found = self.numbers(j) or self.ordinals(j)  # `1-тармағы`, `бірінші тармағы`
            k = self.skip(found[1], "-") if found is not None else j
            if found is not None and self.is_cls(k, cls):
                into.extend(found[0])
                j = k + 1
        return [Spec(a, tuple(paras), tuple(items)) for a in arts[0]], j

    def preamble(self, i: int) -> tuple[list[Spec], int] | None:
        """`the preamble of the Constitution`, `преамбула Конституции`, `Конституцияның
        преамбуласы`: the word alone may name any act's preamble."""
        after = i + 1  # `of the`, `to the 1995`: at most three words before the Constitution
        while after < min(i + 4, self.n) and self.kind[after] != "sym":
            if self.cls[after] == "CONST":
                break
            after += 1
        if self.is_cls(after, "CONST") or (i > 0 and self.is_cls(i - 1, "CONST")):
            return [Spec("preamble")], i + 1
        return None

    def form(self, i: int) -> tuple[tuple[list[Spec], int] | None, int]:
        """The reference that begins at token i and the index past it, or None and the index
        to read on from."""
        cls = self.cls[i]
        if cls in ("ART_EN", "ART_EN_1"):
            return self.english_article(i), i + 1
        if cls in ("PARA_EN", "ITEM_EN") or (cls == "ORD" and self.is_ascii(i)):
            return self.english_part_first(i), i + 1
        if cls.endswith("_RU") or cls in {"ART_RU_1", "ORD"}:
            return self.russian(i), i + 1
        if cls == "PREAMBLE":
            return self.preamble(i), i + 1
        if self.kind[i] == "num":
            specs, nxt = self.kazakh(i)
            return ((specs, nxt) if specs else None), nxt
        return None, i + 1

    def pinned_next(self, i: int) -> tuple[int, Spec, int] | None:
        """`and 21(1)-(3)`, `, 46(8)`, `; 46 item 8` right after a reference: a number with
        its own pin is a reference of its own (its start token, spec, and the index past it);
        a bare number there (`ст. 21 and 23`) is not read as one."""
        k = self.skip(i, ",;")
        k = k + 1 if self.is_cls(k, "AND") else k
        if k == i or not self.is_small(k) or not self.has_pin(k):
            return None
        if self.is_sym(k + 1, "("):
            spec, j = self.more_paragraphs(Spec(self.val[k], (self.val[k + 2],)), k + 4)
            if self.is_sym(j, "(") and self.is_small(j + 1) and self.is_sym(j + 2, ")"):
                spec, j = Spec(spec.article, spec.paragraphs, (self.val[j + 1],)), j + 3
            return k, spec, j
        spec, j = self.trailing(Spec(self.val[k]), k + 1, "PARA_EN", "ITEM_EN")
        return (k, spec, j) if spec.paragraphs or spec.items else None

    def parse(self) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < self.n:
            result, nxt = self.form(i)
            year = self.year_pinned(i) if result is None else None
            if year is not None:  # `1995 18(2)`: the edition, then a pinned number
                chain, i = self.chain(i + 1, year)
                hits.extend(chain)
            elif result is None:
                i = nxt
            elif self.kind[i] == "num":  # Kazakh: the act is named before, never after
                specs, end = result
                start, stop = self.start[i], self.end[end - 1]
                cut = any(i <= c <= end for c in self.cut_at)
                hits.append(Hit(start, stop, tuple(specs), True, start, stop, cut))
                i = end
            else:
                chain, i = self.chain(i, result)
                hits.extend(chain)
        return hits

    def chain(self, i: int, first: tuple[list[Spec], int]) -> tuple[list[Hit], int]:
        """The reference at token i and those joined to it by `,` or `and` (`ст. 9 и ст. 917
        ГК`, `ч. 1 ст. 21 и 21(2)`): each has its own text; the act or edition named after the
        last is every one's. Returns them and the index past the last."""
        members: list[tuple[int, int, list[Spec]]] = []
        start, (specs, end) = i, first
        while True:
            members.append((self.start[start], self.end[end - 1], specs))
            if len(members) >= MAX_LIST:
                self.note_cut(end)
                break
            more = self.pinned_next(end)
            if more is not None:
                start, spec, end = more
                specs = [spec]
                continue
            k = self.skip(end, ",")
            k = k + 1 if self.is_cls(k, "AND") else k
            result = self.form(k)[0] if k > end and k < self.n and not self.is_num(k) else None
            if result is None:
                break
            start, (specs, end) = k, result
        tail = self.end[end - 1]
        head = self.start[i]
        hits = [Hit(a, b, tuple(c), False, head, tail) for a, b, c in members]
        if any(i <= c <= end for c in self.cut_at):
            hits[-1] = hits[-1]._replace(cut=True)
        return hits, end

"""From the command line to provisions: the edition and day asked for, references resolved and
read on that day, and the notices that go with them."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from kzconst.cli.app import edition_name
from kzconst.cli.boundary import MAX_PROVISIONS, bounded
from kzconst.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from kzconst.corpus.model import Corpus
    from kzconst.refs.grammar import Ref
    from kzconst.refs.resolve import Provision


def pick_edition(corpus: Corpus, edition: str | None, as_of: str | None) -> str:
    """--edition wins; else the edition in force on --as-of; else the one in force today."""
    return pick_time(corpus, edition, as_of)[0]


def parse_day(value: str, what: str = "--as-of") -> date:
    """A real calendar date YYYY-MM-DD, or a usage error."""
    try:
        if len(value) != 10 or not value.isascii():
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"invalid date {value[:40]!r} for {what} (expected YYYY-MM-DD)") from None


def pick_time(corpus: Corpus, edition: str | None, as_of: str | None) -> tuple[str, date | None]:
    """The edition and the day to read it at: --as-of picks the edition in force on that day
    (or checks that --edition was); without --as-of there is no day (the latest wording)."""
    day = parse_day(as_of) if as_of is not None else None
    if edition is not None:
        edition_name(edition)
        if edition not in corpus.editions:
            raise NotFoundError(f"this corpus has no {edition} edition")
        if day is not None and not corpus.editions[edition].in_force_on(day):
            ed = corpus.editions[edition]
            until = ed.in_force_to or "today"
            raise NotFoundError(
                f"the {edition} Constitution was not in force on {day.isoformat()} "
                f"(in force {ed.in_force_from} – {until}); try --as-of alone"
            )
        return edition, day
    return corpus.edition_in_force(day or date.today()), day


def notice(message: str) -> None:
    """A one-line note on stderr: results stay on stdout, clean for pipes."""
    sys.stderr.write(f"kzconst: note: {' '.join(message.split())}\n")


def _unit_label(p: Provision, number: str) -> str:
    return f"{p.article.number}({number})" if number else p.label


def warn_gaps(provisions: list[Provision]) -> None:
    """Say on stderr when a dated provision has a wording that could not be read."""
    from kzconst.corpus.asof import GAP

    gaps = {  # each with its own number and day (`compare 5(6) 2(3-1)@2018-01-01`)
        f"{_unit_label(p, para.number)} on {p.article.as_of}": 1
        for p in provisions
        for para in (p.article.paragraphs if p.paragraph is None else (p.paragraph,))
        if para.text == GAP or any(it.text == GAP for it in para.items)
    }
    if gaps:
        notice(
            f"the wording of {', '.join(gaps)} could not be read; "
            "it is shown as a gap, not guessed (kzconst history REF@1995 shows every wording)"
        )


def resolve_refs(
    corpus: Corpus,
    refs: list[Ref],
    edition: str,
    day: date | None,
    *,
    edition_option: str | None = None,
) -> list[Provision]:
    """Resolve parsed references; `REF@DATE` or --as-of give each its wording of that day.

    A reference and the options never disagree silently: two dates, or an edition that was not
    in force on the date asked, is an error.
    """
    from kzconst.refs.resolve import resolve

    out: list[Provision] = []
    for ref in refs:
        ed, when = edition, day
        if ref.on is not None:
            if day is not None and ref.on != day.isoformat():
                raise UsageError(f"two dates: {ref} and --as-of {day.isoformat()}; give one")
            when = parse_day(ref.on, "REF@DATE")
            ed = ref.edition or edition_option or corpus.edition_in_force(when)
        elif ref.edition is not None:
            ed = ref.edition
        if when is not None and ed in corpus.editions and not corpus.editions[ed].in_force_on(when):
            raise NotFoundError(
                f"the {ed} Constitution was not in force on {when.isoformat()} "
                f"({_period(corpus, ed)}); {ref} names it"
            )
        found = resolve(corpus, ref, ed)
        if when is not None:
            from kzconst.refs.dated import provision_on  # only for a date: start-up

            found = [provision_on(corpus, p, when) for p in found]
        out += found
        if len(out) > MAX_PROVISIONS:
            bounded(out)  # the usage error, before any more are expanded
    return out


def _period(corpus: Corpus, edition: str) -> str:
    ed = corpus.editions[edition]
    return f"in force {ed.in_force_from} – {ed.in_force_to or 'today'}"

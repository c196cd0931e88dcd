"""A synthetic corpus generator for the benchmark: valid kzconst TOML of any size."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "state citizen law court right freedom property election deputy president council "
    "budget region akim maslikhat referendum person duty treaty tax land language "
    "secrecy correspondence health education labour family security order procedure "
    "privacy data protection committee chamber session decree resolution"
).split()


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def article_number(n: int) -> str:
    """The n-th article's number in the grammar's own forms (below 10000): 1, 1-1, 1-2, 2, ..."""
    base, extra = divmod(n - 1, 3)
    return f"{base + 1}-{extra}" if extra else str(base + 1)


def write_synthetic_corpus(path: Path, articles: int, seed: int = 2026) -> None:
    """Write a corpus of `articles` articles in sections of 500, three paragraphs each."""
    rng = random.Random(seed)
    sections = (articles + 499) // 500
    out = [
        '[corpus]\nversion = "synthetic"\ntranslation_note = "synthetic benchmark corpus"\n',
        '[[edition]]\nid = "2026"\ntitle = "Synthetic"\nadopted = "2026-03-15"\n'
        'in_force_from = "2026-07-01"\nofficial_source = "https://example.org/"\n',
        '[topics]\nprivacy = "Private life"\nland = "Land"\n',
    ]
    for s in range(sections):
        first, last = s * 500 + 1, min((s + 1) * 500, articles)
        out.append(
            f'[[section]]\nedition = "2026"\nnumber = "S{s + 1}"\ntitle = "Section {s + 1}"\n'
            f'first = "{article_number(first)}"\nlast = "{article_number(last)}"\n'
        )
    for n in range(1, articles + 1):
        topic = "privacy" if n % 97 == 0 else "land"
        out.append(
            f'[[article]]\nedition = "2026"\nnumber = "{article_number(n)}"\n'
            f'section = "S{(n - 1) // 500 + 1}"\n'
            f'title = "{_sentence(rng, 4)[:-1]}"\ntopics = ["{topic}"]\nsources = ["synthetic"]\n'
        )
        for p in range(1, 4):
            out.append(f'[[article.paragraph]]\nnumber = "{p}"\ntext = "{_sentence(rng, 25)}"\n')
        out.append(
            '[[article.commentary]]\nkind = "summary"\n'
            f'text = "{_sentence(rng, 12)}"\nsource = "https://example.org/{n}"\n'
        )
    path.write_text("\n".join(out), encoding="utf-8")

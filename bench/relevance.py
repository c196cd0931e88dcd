"""Relevance of `kzconst search` on a file of graded queries: P@1, Recall@3, MRR, failures.

Usage: python bench/relevance.py [FILE] [--limit N] [--failures] [--kind KIND]

FILE (default bench/relevance/tuning.toml) holds `[[query]]` tables: `q`, `kind`, `edition` and
`relevant` (article number -> grade; 2 = the article that answers, 1 = also relevant). Measures,
per query, against the articles the search returns for that edition:

- P@1: the first article has grade 2;
- Recall@3: the share of the grade-2 articles found in the first three;
- MRR: 1 / rank of the first grade-2 article (0 when it is not in the first N);
- nDCG@10 over the grades, for information.

This is not a timed test: it measures what comes first, not how fast.
"""

from __future__ import annotations

import argparse
import math
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "relevance" / "tuning.toml"


@dataclass(frozen=True)
class Judged:
    """One query's outcome: the articles returned and the measures."""

    q: str
    kind: str
    edition: str
    relevant: dict[str, int]
    got: tuple[str, ...]
    p1: float
    r3: float
    rr: float
    ndcg: float


def load_queries(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return list(data.get("query", []))


def judge(query: dict[str, Any], got: list[str]) -> Judged:
    relevant = {str(k): int(v) for k, v in query["relevant"].items()}
    best = {a for a, g in relevant.items() if g == max(relevant.values())}
    p1 = 1.0 if got[:1] and got[0] in best else 0.0
    r3 = len(best & set(got[:3])) / len(best)
    rank = next((i for i, a in enumerate(got, 1) if a in best), 0)
    rr = 1.0 / rank if rank else 0.0
    dcg = sum((2 ** relevant.get(a, 0) - 1) / math.log2(i + 1) for i, a in enumerate(got[:10], 1))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    return Judged(
        query["q"],
        query.get("kind", ""),
        query.get("edition", "2026"),
        relevant,
        tuple(got),
        p1,
        r3,
        rr,
        dcg / idcg if idcg else 0.0,
    )


def run(path: Path, limit: int = 10, corpus_file: str | None = None) -> list[Judged]:
    """Run every query of `path` through the search and judge the results."""
    from kzconst.errors import KzconstError
    from kzconst.search.rank import search

    out = []
    for query in load_queries(path):
        try:
            result = search(
                query["q"],
                corpus_file=corpus_file,
                edition=query.get("edition", "2026"),
                limit=limit,
            )
            got = [g.article for g in result.articles]
        except KzconstError:
            got = []
        out.append(judge(query, got))
    return out


def summary(results: list[Judged]) -> dict[str, dict[str, float]]:
    """Means of the measures, overall ("all") and per kind."""
    groups: dict[str, list[Judged]] = defaultdict(list)
    for r in results:
        groups["all"].append(r)
        groups[r.kind].append(r)
    return {
        kind: {
            "n": float(len(rs)),
            "P@1": sum(r.p1 for r in rs) / len(rs),
            "R@3": sum(r.r3 for r in rs) / len(rs),
            "MRR": sum(r.rr for r in rs) / len(rs),
            "nDCG@10": sum(r.ndcg for r in rs) / len(rs),
        }
        for kind, rs in groups.items()
    }


def report(results: list[Judged], show_failures: bool = True) -> str:
    lines = [f"{'kind':<12} {'n':>4} {'P@1':>6} {'R@3':>6} {'MRR':>6} {'nDCG@10':>8}"]
    table = summary(results)
    for kind in ["all", *sorted(k for k in table if k != "all")]:
        s = table[kind]
        lines.append(
            f"{kind:<12} {int(s['n']):>4} {s['P@1']:>6.3f} {s['R@3']:>6.3f} "
            f"{s['MRR']:>6.3f} {s['nDCG@10']:>8.3f}"
        )
    if show_failures:
        failed = [r for r in results if r.p1 < 1 or r.r3 < 1]
        lines.append(f"\nnot first ({len(failed)}):")
        for r in failed:
            best = [a for a, g in r.relevant.items() if g == max(r.relevant.values())]
            mark = "MISS@3" if r.r3 < 1 else "      "
            lines.append(
                f"  {mark} [{r.kind[:5]} {r.edition}] {r.q!r}: want {'/'.join(best)}, "
                f"got {', '.join(r.got[:5]) or '(nothing)'}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=10, help="results read per query")
    parser.add_argument("--kind", help="only queries of this kind")
    parser.add_argument("--no-failures", action="store_true", help="only the table")
    parser.add_argument("--corpus", help="corpus file (default: the packaged one)")
    args = parser.parse_args(argv)
    results = run(args.file, args.limit, args.corpus)
    if args.kind:
        results = [r for r in results if r.kind == args.kind]
    print(f"{args.file.name}: {len(results)} queries")
    print(report(results, not args.no_failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

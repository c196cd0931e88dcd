"""Score reference extraction on the held-out sentences of tests/data/refs_heldout.tsv.

Usage: python bench/refs_heldout.py [--verbose]

The set was written before the extractor was tuned (see its header) and is not a test: tuning
the extractor to it would make the score meaningless. Prints the sentences read exactly (every
provision expected, in order, nothing else), and provision-level precision and recall.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from kzconst.corpus.load import load_corpus
from kzconst.refs.extract import find_refs

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "refs_heldout.tsv"


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="Show every miss.")
    args = parser.parse_args()
    corpus = load_corpus()
    exact = found_right = found_all = expected_all = 0
    data = rows()
    for row in data:
        expected = [] if row["expected"] == "-" else row["expected"].split()
        got = [
            f"{f.provision.label}@{f.edition}" if f.provision else f"!{f.ref}@{f.edition}"
            for f in find_refs(corpus, row["text"], row["edition"])
        ]
        exact += got == expected
        found_all += len(got)
        expected_all += len(expected)
        found_right += sum(min(got.count(x), expected.count(x)) for x in set(got))
        if got != expected and args.verbose:
            print(f"MISS {row['text']}\n     expected {expected}\n     got      {got}")
    precision = found_right / found_all if found_all else 1.0
    recall = found_right / expected_all if expected_all else 1.0
    print(f"sentences read exactly: {exact}/{len(data)}")
    print(f"provisions: precision {precision:.2f} ({found_right}/{found_all}), ", end="")
    print(f"recall {recall:.2f} ({found_right}/{expected_all})")


if __name__ == "__main__":
    main()

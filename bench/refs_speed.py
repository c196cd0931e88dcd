"""Reference extraction must be linear: a long line costs what the same references on separate
lines cost (issue 15, "Quadratic refs").

Usage: python bench/refs_speed.py [--runs N] [--scale F]

For each pathological input of the issue (`'Art. 1 ' * 40000`, `'Article 1(' * 100000`) and a
few more (lists, Russian, Kazakh), times `kzconst refs FILE` on the one long line and on the same
references one per line, and prints the medians and their ratio (target: <= 1.5).

Measured on a shared 2-CPU machine under load from other jobs (so compare ratios, not seconds):
  before (regex patterns, each match checked against every earlier match on its line):
    'Art. 1 ' * 40000, `kzconst refs`: one line 276.9 s, separate lines 10.1 s;
    'Article 1(' * 100000, find_refs alone: separate lines 14.2 s, one line killed after 1500 s.
  after (tokens read once by a small parser), `kzconst refs`, two runs at different loads:
    'Art. 1 ' * 40000: 3.8 s / 3.5 s (1.10); 10.8 s / 9.8 s (1.11);
    'Article 1(' * 100000: 15.2 s / 17.9 s (0.85); 27.0 s / 24.7 s (1.09);
    worst ratio of the six cases 1.19 and 1.11.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
SCRIPT = shutil.which("kzconst", path=str(Path(PY).parent)) or "kzconst"
TARGET = 1.5
# (label, repeated unit, repetitions at scale 1)
CASES = (
    ("'Art. 1 ' * 40000", "Art. 1 ", 40_000),
    ("'Article 1(' * 100000", "Article 1(", 100_000),
    ("'п. 1 ст. 21 ' * 40000", "п. 1 ст. 21 ", 40_000),
    ("'21-баптың 1-тармағы ' * 40000", "21-баптың 1-тармағы ", 40_000),
    ("'статьи 1, 2 и 3; ' * 20000", "статьи 1, 2 и 3; ", 20_000),
    ("'1, ' * 100000 (no keyword)", "1, ", 100_000),
)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def median_of(cmd: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(timed(cmd, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply the repetitions.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kzconst-refs-bench-"))
    env = {**os.environ, "KZCONST_CACHE_DIR": str(work / "cache")}
    env.pop("KZCONST_CORPUS", None)
    timed([SCRIPT, "show", "1"], env)  # build the cache once
    floor = median_of([SCRIPT, "refs", "-"], env, args.runs)  # start-up, no input
    print(f"{'input':34} {'one line':>10} {'separate':>10} {'ratio':>6}  target <= {TARGET}")
    print(f"{'(start-up: refs on empty stdin)':34} {floor:9.2f}s")
    worst = 0.0
    for label, unit, count in CASES:
        n = max(1, int(count * args.scale))
        long_file, lines_file = work / "long.txt", work / "lines.txt"
        long_file.write_text(unit * n + "\n", encoding="utf-8")
        lines_file.write_text((unit.strip() + "\n") * n, encoding="utf-8")
        t_long = median_of([SCRIPT, "refs", str(long_file)], env, args.runs)
        t_lines = median_of([SCRIPT, "refs", str(lines_file)], env, args.runs)
        ratio = t_long / t_lines
        worst = max(worst, ratio)
        print(f"{label:34} {t_long:9.2f}s {t_lines:9.2f}s {ratio:6.2f}")
    print(f"worst ratio {worst:.2f}: {'OK' if worst <= TARGET else 'MISSED'}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Whole-process benchmark of kzconst against the floor `python -c "import typer"`.

Usage: python bench/bench.py [--runs N] [--articles N]

Measures, in one run and with the same interpreter: the floor; `show 21`, `search privacy` and
`cite 21 --style oscola` with stdout piped; the peak RSS of `show`; and, on a synthetic corpus of
20,000 articles, the first `search` (which builds the index) and later ones. Prints one table of
medians and ratios against the floor, with the DESIGN.md target for each.
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_synthetic_corpus  # noqa: E402

PY = sys.executable
SCRIPT = shutil.which("kzconst", path=str(Path(PY).parent)) or "kzconst"


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[:300]}")
    return elapsed


def median_of(cmd: list[str], env: dict[str, str], runs: int) -> float:
    timed(cmd, env)  # warm the OS file cache and kzconst's own caches
    return statistics.median(timed(cmd, env) for _ in range(runs))


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PY, "-c", probe, *cmd], capture_output=True, env=env, check=True)
    kib = int(out.stdout.decode().strip())
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kzconst-bench-"))
    env = {**os.environ, "KZCONST_CACHE_DIR": str(work / "cache")}
    env.pop("KZCONST_CORPUS", None)
    rows: list[tuple[str, str, str, str]] = []

    floor = median_of([PY, "-c", "import typer"], env, args.runs)
    rows.append(("floor: python -c 'import typer'", f"{floor * 1000:.1f} ms", "1.00", ""))
    for label, cmd, target in (
        ("kzconst show 21 | cat", [SCRIPT, "show", "21"], 1.3),
        ("kzconst search privacy | cat", [SCRIPT, "search", "privacy"], 1.5),
        ("kzconst cite 21 --style oscola | cat", [SCRIPT, "cite", "21", "--style", "oscola"], None),
    ):
        t = median_of(cmd, env, args.runs)
        ratio = t / floor
        verdict = "" if target is None else (f"≤ {target} {'OK' if ratio <= target else 'MISSED'}")
        rows.append((label, f"{t * 1000:.1f} ms", f"{ratio:.2f}", verdict))
    rss = peak_rss_mb([SCRIPT, "show", "21"], env)
    rss_verdict = "OK" if rss < 60 else "MISSED"
    rows.append(("peak RSS of show 21", f"{rss:.1f} MB", "", f"< 60 MB {rss_verdict}"))

    big = work / "synthetic.toml"
    write_synthetic_corpus(big, args.articles)
    big_env = {**env, "KZCONST_CORPUS": str(big), "KZCONST_CACHE_DIR": str(work / "cache-big")}
    query = [SCRIPT, "search", "privacy"]
    first = timed(query, big_env)
    rows.append(
        (
            f"synthetic {args.articles} articles ({big.stat().st_size / 1e6:.1f} MB): "
            "first search (builds index)",
            f"{first * 1000:.0f} ms",
            "",
            f"≤ 3 s {'OK' if first <= 3 else 'MISSED'}",
        )
    )
    later = median_of(query, big_env, args.runs)
    ratio = later / floor
    rows.append(
        (
            "synthetic: later searches",
            f"{later * 1000:.1f} ms",
            f"{ratio:.2f}",
            f"≤ 2 {'OK' if ratio <= 2 else 'MISSED'}",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'median':>10}  {'× floor':>7}  target")
    for label, value, ratio_text, verdict in rows:
        print(f"{label:<{width}}  {value:>10}  {ratio_text:>7}  {verdict}")
    print(f"(python {sys.version.split()[0]}, {args.runs} runs each, {os.cpu_count()} CPUs)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

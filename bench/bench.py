"""Whole-process benchmark of kzconst against the floor `python -c "import typer"`.

Usage: python bench/bench.py [--runs N] [--articles N] [--cpu]

Measures, in one run and with the same interpreter: the floor; `show 21`, `search privacy` and
`cite 21 --style oscola` with stdout piped; `show 1-96` on a pseudo-terminal, formatted against
--plain (target: within 1.5x); the peak RSS of `show`; and, on a synthetic corpus of 20,000
articles, the first `search` (which builds the index) and later ones. Prints one table of medians
and ratios against the floor, with the DESIGN.md target for each.

The floor and the three piped commands run in turn, round after round, so a machine that gets
busier or quieter part-way shifts them alike. --cpu measures the CPU time of each process
(user + system, from getrusage of the children) instead of wall time: on a shared machine it
varies less, as time spent waiting for a CPU is not counted.
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


def timed(cmd: list[str], env: dict[str, str], cpu: bool = False) -> float:
    """Wall time of one run, or with `cpu` its CPU time (user + system)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[:300]}")
    if cpu:
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed


def median_of(cmd: list[str], env: dict[str, str], runs: int, cpu: bool = False) -> float:
    timed(cmd, env)  # warm the OS file cache and kzconst's own caches
    return statistics.median(timed(cmd, env, cpu) for _ in range(runs))


def medians_in_turn(
    cmds: list[list[str]], env: dict[str, str], runs: int, cpu: bool = False
) -> list[float]:
    """The median of each command, run in turn round after round (after one warm-up each)."""
    for cmd in cmds:
        timed(cmd, env)
    samples: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, times in zip(cmds, samples, strict=True):
            times.append(timed(cmd, env, cpu))
    return [statistics.median(times) for times in samples]


def timed_on_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """Run with stdout on a pseudo-terminal (as a person at a terminal sees it), reading
    everything it writes; the pager is off so the time is kzconst's own."""
    import pty
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    while True:
        try:
            if not os.read(leader, 65536):
                break
        except OSError:  # EIO: the child closed the terminal
            break
    proc.wait()
    os.close(leader)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the child, not wall time: the ratio holds on a busy machine too.
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def terminal_ratio(env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median CPU times of `show 1-96` formatted and --plain on a terminal of 100x50."""
    tty_env = {**env, "COLUMNS": "100", "LINES": "50", "TERM": "xterm-256color"}
    tty_env.pop("NO_COLOR", None)
    rich = [SCRIPT, "show", "1-96", "--no-pager"]
    plain = [*rich, "--plain"]
    timed_on_terminal(rich, tty_env)
    formatted = statistics.median(timed_on_terminal(rich, tty_env) for _ in range(runs))
    unformatted = statistics.median(timed_on_terminal(plain, tty_env) for _ in range(runs))
    return formatted, unformatted


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
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall time")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kzconst-bench-"))
    env = {**os.environ, "KZCONST_CACHE_DIR": str(work / "cache")}
    env.pop("KZCONST_CORPUS", None)
    rows: list[tuple[str, str, str, str]] = []

    piped: list[tuple[str, list[str], float | None]] = [
        ("kzconst show 21 | cat", [SCRIPT, "show", "21"], 1.3),
        ("kzconst search privacy | cat", [SCRIPT, "search", "privacy"], 1.5),
        ("kzconst cite 21 --style oscola | cat", [SCRIPT, "cite", "21", "--style", "oscola"], None),
    ]
    floor, *times = medians_in_turn(
        [[PY, "-c", "import typer"], *(cmd for _, cmd, _ in piped)], env, args.runs, args.cpu
    )
    clock = "CPU" if args.cpu else "wall"
    rows.append(
        (f"floor: python -c 'import typer' ({clock})", f"{floor * 1000:.1f} ms", "1.00", "")
    )
    for (label, _, target), t in zip(piped, times, strict=True):
        ratio = t / floor
        verdict = "" if target is None else (f"≤ {target} {'OK' if ratio <= target else 'MISSED'}")
        rows.append((label, f"{t * 1000:.1f} ms", f"{ratio:.2f}", verdict))
    formatted, unformatted = terminal_ratio(env, args.runs)
    ratio = formatted / unformatted
    rows.append(("show 1-96 --plain on a terminal (CPU)", f"{unformatted * 1000:.1f} ms", "", ""))
    rows.append(
        (
            "show 1-96 formatted on a terminal (CPU, × --plain)",
            f"{formatted * 1000:.1f} ms",
            f"{ratio:.2f}",
            f"≤ 1.5 × plain {'OK' if ratio <= 1.5 else 'MISSED'}",
        )
    )
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
    later = median_of(query, big_env, args.runs, args.cpu)
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

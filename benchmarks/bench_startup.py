"""Start-up: process start to the main window shown, offscreen.

    python benchmarks/bench_startup.py                      # from source
    python benchmarks/bench_startup.py dist/kankei-desktop/kankei-desktop-cli   # the frozen build
    python benchmarks/bench_startup.py --runs 7 PROGRAM

The clock starts just before the process is created and stops when the program
prints the line saying its window is shown (``selftest --startup-only``), so it
includes the bootloader, Python's start, every import, the database opening and
the first layout. The CPU time of the process up to the window (user + system,
as the program reports it) is printed too: on a machine shared with other work
the wall time stretches with the load, the CPU time much less. Two databases: a
new empty one, and the demo database (300 persons). Beside them, the same measurement for a bare Qt program that shows
one empty QWidget — the floor no application start can go below on this machine.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "メイン画面の表示"
BARE_QT = (
    "import sys; from PySide6.QtWidgets import QApplication, QWidget; app = QApplication(sys.argv[:1]); "
    f"w = QWidget(); w.show(); app.processEvents(); print('{MARKER}', flush=True)"
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_to_marker(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds to the window line, CPU seconds to the window).

    The program reports its own CPU time at the window (``time.process_time()``); the bare Qt
    window does not, and its CPU time is that of the whole run, start to exit.
    """
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               text=True, encoding="utf-8")
    assert process.stdout is not None
    for line in process.stdout:
        if MARKER in line:
            seconds = time.perf_counter() - started
            reported = re.search(r"CPU 時間 ([\d.]+) 秒", line)
            break
    else:
        process.wait()
        raise SystemExit(f"no window line from {' '.join(command)}: {process.stderr.read()}")
    process.communicate(timeout=60)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    whole_run = _children_cpu() - cpu_before
    return seconds, float(reported.group(1)) if reported else whole_run


def describe(name: str, runs: list[tuple[float, float]]) -> str:
    walls = [wall for wall, _cpu in runs]
    cpus = [cpu for _wall, cpu in runs]
    return (f"{name:<32} to window: median {statistics.median(walls):5.2f} s  min {min(walls):5.2f} s  "
            f"max {max(walls):5.2f} s   CPU: median {statistics.median(cpus):5.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", nargs="?", help="kankei-desktop-cli of a build (default: from source)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = [args.program] if args.program else [sys.executable, "-m", "kankei_desktop"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        env["KANKEI_DESKTOP_DATA_DIR"] = folder
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run([*program, "init", "--db", str(demo), "--demo"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        rows = {
            "bare Qt window (floor)": [sys.executable, "-c", BARE_QT],
            "Kankei Desktop, new empty file": [*program, "selftest", "--startup-only"],
            "Kankei Desktop, demo file": [*program, "selftest", "--startup-only", "--db", str(demo)],
        }
        print(f"program: {' '.join(program)}; {args.runs} runs each, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")
        for name, command in rows.items():
            time_to_marker(command, env)  # warm the file cache once
            print(describe(name, [time_to_marker(command, env) for _ in range(args.runs)]), flush=True)


if __name__ == "__main__":
    main()

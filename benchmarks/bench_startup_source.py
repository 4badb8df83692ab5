"""Start-up from source: CPU time from process start to the first window (issue 9).

    python benchmarks/bench_startup_source.py [--runs 5] [--db FILE]

Runs ``kankei-desktop --db FILE`` (the GUI path, no sub-command) in a new process,
offscreen, and stops it at the moment the event loop would start, the window
shown and laid out. The child reports its own CPU time (``time.process_time()``,
all threads), which unlike wall time does not stretch on a loaded machine.
Beside it, in the same run, a bare PySide6 program showing one empty QWidget:
the floor for any Qt start. FILE defaults to a demo file made once under /tmp.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

_HOOK = """
import os, sys, time
from PySide6.QtWidgets import QApplication

def _shown(self):
    self.processEvents()
    print(f"CPU {time.process_time():.3f}", flush=True)
    os._exit(0)  # the window is up: that is all we time

QApplication.exec = _shown
"""

_APP = _HOOK + "from kankei_desktop.cli import main\nmain(['--db', sys.argv[1]])\n"
_BARE = _HOOK + "from PySide6.QtWidgets import QWidget\napp = QApplication([])\nw = QWidget()\nw.show()\napp.exec()\n"


def _cpu(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("CPU "))
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=Path("/tmp/kankei-startup-bench.sqlite3"))
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "kankei_desktop", "init", "--db", str(args.db), "--demo"],
                       check=True, capture_output=True)
    _cpu(_APP, str(args.db))  # warm the file cache and the .pyc files
    bare = [_cpu(_BARE) for _ in range(args.runs)]
    ours = [_cpu(_APP, str(args.db)) for _ in range(args.runs)]
    print(f"{'What':<40} {'median CPU':>10} {'min':>7} {'max':>7}")
    for label, values in (("Bare Qt window (floor)", bare), ("Kankei Desktop --db FILE, to window", ours)):
        print(f"{label:<40} {statistics.median(values):>9.2f}s {min(values):>6.2f}s {max(values):>6.2f}s")
    print(f"load average: {os.getloadavg()[0]:.1f} (runs: {args.runs}); target: ≤ 2 s")


if __name__ == "__main__":
    main()

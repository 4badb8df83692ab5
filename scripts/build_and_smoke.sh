#!/usr/bin/env bash
# Build the one-folder program with PyInstaller (build_installer.spec) and run the
# frozen self-test on it. Exits non-zero if the build or any self-test check fails.
#
#   scripts/build_and_smoke.sh               # uses the active venv, or makes build/venv
#   PYTHON=/path/to/python scripts/build_and_smoke.sh
#   DIST=/tmp/dist WORK=/tmp/build scripts/build_and_smoke.sh   # build somewhere else
#   STARTUP_RUNS=5 scripts/build_and_smoke.sh                   # also time start-up 5 times
#
# Runs the same on Linux and in Git Bash on Windows (the programs end in .exe there).
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${DIST:-dist}
WORK=${WORK:-build}
STARTUP_RUNS=${STARTUP_RUNS:-3}

if [ -z "${PYTHON:-}" ]; then
  if [ -n "${VIRTUAL_ENV:-}" ]; then
    PYTHON="$VIRTUAL_ENV/bin/python"
    [ -x "$PYTHON" ] || PYTHON="$VIRTUAL_ENV/Scripts/python.exe"
  else
    if [ ! -d build/venv ]; then
      python3 -m venv build/venv
    fi
    PYTHON=build/venv/bin/python
    [ -x "$PYTHON" ] || PYTHON=build/venv/Scripts/python.exe
  fi
fi
echo "== Python: $PYTHON"

# An environment that already has the app and PyInstaller is used as it is, so a
# shared development venv is not reinstalled under other people's feet.
if "$PYTHON" -c "import PyInstaller, kankei_desktop, PySide6" 2>/dev/null && [ "${REINSTALL:-0}" != 1 ]; then
  echo "== kankei_desktop and PyInstaller are installed; not reinstalling (REINSTALL=1 to force)"
else
  echo "== pip install .[build]"
  "$PYTHON" -m pip install --quiet --upgrade pip
  "$PYTHON" -m pip install --quiet ".[build]"
fi

echo "== pyinstaller --noconfirm build_installer.spec"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --distpath "$DIST" --workpath "$WORK" build_installer.spec
echo "== build took $(( $(date +%s) - started )) s"

FOLDER="$DIST/kankei-desktop"
CLI="$FOLDER/kankei-desktop-cli"
[ -f "$CLI" ] || CLI="$CLI.exe"
for program in kankei-desktop kankei-desktop-cli; do
  if [ ! -f "$FOLDER/$program" ] && [ ! -f "$FOLDER/$program.exe" ]; then
    echo "error: $FOLDER/$program was not built" >&2
    exit 1
  fi
done

echo "== frozen self-test: $CLI selftest"
QT_QPA_PLATFORM=offscreen "$CLI" selftest

if [ "$STARTUP_RUNS" -gt 0 ]; then
  echo "== start-up to the first window (offscreen, empty database), $STARTUP_RUNS runs"
  for _ in $(seq "$STARTUP_RUNS"); do
    begin=$("$PYTHON" -c "import time; print(time.time())")
    QT_QPA_PLATFORM=offscreen "$CLI" selftest --startup-only | grep "メイン画面の表示"
    "$PYTHON" -c "import time, sys; print(f'   process start to exit: {time.time() - float(sys.argv[1]):.2f} s')" "$begin"
  done
fi

echo "== folder size"
du -sh "$FOLDER"
echo "== OK: $FOLDER built and its self-test passed"

"""Speed of ``normalise_phone`` over 100,000 realistic phone cells (CPU time, same run).

    python benchmarks/bench_phone.py [--rows 100000] [--seed 7] [--runs 3]

The import calls ``normalise_phone`` once per row. Figures, each the best of ``--runs``:
  baseline     the hand-made area table the plan-based split replaced (kept below as it was);
  per call     phonenumbers parse + format for every cell (what no memo would cost);
  cold / warm  ``normalise_phone`` with its per-prefix memo empty / already filled.
Two mixes of fixed lines: "region" (300 exchanges, like one town's participants and hosts)
and "nationwide" (every cell's exchange drawn from ~all of Japan's, the worst case for the memo).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

import phonenumbers  # noqa: E402

from kankei_desktop.domain import text  # noqa: E402
from kankei_desktop.domain.text import digits_only, normalise_phone  # noqa: E402

# ---------------------------------------------------------------- the replaced version
_OLD_MOBILE = ("070", "080", "090", "050", "020")
_OLD_FOUR = ("0256", "0254", "0255", "0257", "0258", "0259", "0250", "0820", "0833", "0835", "0836",
             "0837", "0838", "0834", "0827")


def old_normalise_phone(value: str) -> str:
    raw = unicodedata.normalize("NFKC", value or "").strip()
    if not raw:
        return ""
    digits = digits_only(raw)
    if len(digits) == 10 and not digits.startswith("0") and not raw.startswith("+"):
        digits = "0" + digits
    if len(digits) == 11 and digits.startswith(_OLD_MOBILE):
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 11 and digits.startswith("0120"):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 10 and digits.startswith("0"):
        if digits.startswith(("03", "06")):
            return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
        if digits.startswith(_OLD_FOUR):
            return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        if digits.startswith("0120"):
            return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return raw


def per_call_library(value: str) -> str:
    """No memo: parse and format every cell with phonenumbers."""
    try:
        number = phonenumbers.parse(unicodedata.normalize("NFKC", value or ""), "JP")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


# ---------------------------------------------------------------- the cells
def fixed_line_prefixes(rng: random.Random) -> list[str]:
    """The 6-digit prefixes (0 + area code + exchange) of Japan's plan for fixed lines."""
    found = []
    for n in range(10_000, 100_000):
        prefix = f"0{n:05d}"
        number = phonenumbers.PhoneNumber(country_code=81, national_number=int(prefix[1:] + "1234"))
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE:
            found.append(prefix)
    return found


def _written(digits: str, rng: random.Random) -> str:
    """One number as coordinators' spreadsheets have it: bare, hyphenated, full-width, spaced."""
    style = rng.random()
    if style < 0.45:
        return digits
    shown = text.normalise_phone(digits)
    if style < 0.80:
        return shown
    if style < 0.92:
        return unicodedata.normalize("NFKC", shown).translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    return shown.replace("-", " ")


def make_cells(rows: int, prefixes: list[str], rng: random.Random) -> list[str]:
    cells = []
    for _ in range(rows):
        kind = rng.random()
        tail = f"{rng.randrange(10_000):04d}"
        if kind < 0.45:
            digits = rng.choice(("070", "080", "090")) + f"{rng.randrange(10**8):08d}"
            cells.append(_written(digits, rng))
        elif kind < 0.80:
            cells.append(_written(rng.choice(prefixes) + tail, rng))
        elif kind < 0.85:
            cells.append(_written("050" + f"{rng.randrange(10**8):08d}", rng))
        elif kind < 0.87:
            cells.append(_written(rng.choice(("0120", "0800")) + f"{rng.randrange(10**6):06d}"
                                  + ("" if rng.random() < 0.5 else f"{rng.randrange(10)}"), rng))
        elif kind < 0.92:  # Excel read a mobile as a number
            cells.append(rng.choice(("70", "80", "90")) + f"{rng.randrange(10**8):08d}")
        elif kind < 0.94:
            cells.append("+81 " + rng.choice(prefixes)[1:] + tail)
        else:
            cells.append(rng.choice(("", "", "不明", "なし", "03-1234 内線 5", "+1 212 555 0123")))
    return cells


def cpu(function, cells: list[str], runs: int, before=None) -> float:
    best = float("inf")
    for _ in range(runs):
        if before is not None:
            before()
        started = time.process_time()
        for cell in cells:
            function(cell)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    every = fixed_line_prefixes(rng)
    mixes = {"region": rng.sample(every, 300), "nationwide": every}
    print(f"{len(every):,} fixed-line prefixes in the plan (phonenumbers {phonenumbers.__version__}); "
          f"{args.rows:,} cells, CPU seconds, best of {args.runs}")
    print(f"{'mix':<11} {'baseline':>9} {'per call':>9} {'cold':>9} {'warm':>9} {'prefixes':>9}  differ")
    for name, prefixes in mixes.items():
        cells = make_cells(args.rows, prefixes, rng)
        clear = text._fixed_line_cuts.cache_clear
        old = cpu(old_normalise_phone, cells, args.runs)
        library = cpu(per_call_library, cells, 1)
        cold = cpu(normalise_phone, cells, args.runs, before=clear)
        warm = cpu(normalise_phone, cells, args.runs)
        seen = text._fixed_line_cuts.cache_info().currsize
        differ = sum(old_normalise_phone(cell) != normalise_phone(cell) for cell in cells)
        print(f"{name:<11} {old:>9.3f} {library:>9.3f} {cold:>9.3f} {warm:>9.3f} {seen:>9,}  {differ:,} cells")


if __name__ == "__main__":
    main()

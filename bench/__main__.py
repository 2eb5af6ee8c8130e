"""Run the benchmarks: ``python -m bench [AREA ...] [--quick] [--json FILE]``."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
from pathlib import Path

from bench.harness import Figure, format_table


def areas() -> list[str]:
    """Every bench/bench_<area>.py module, in name order."""
    here = Path(__file__).parent
    return sorted(m.name.removeprefix("bench_") for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("areas", nargs="*", help=f"areas to run (default all): {', '.join(areas())}")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    chosen = args.areas or areas()
    unknown = [a for a in chosen if a not in areas()]
    if unknown:
        parser.error(f"unknown area(s) {', '.join(unknown)}; choose from {', '.join(areas())}")
    figures: list[Figure] = []
    for area in chosen:
        print(f"# running {area} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.bench_{area}")
        figures.extend(module.run(quick=args.quick))
    print(f"Python {platform.python_version()} on {platform.machine()}, {'quick' if args.quick else 'full'} run\n")
    print(format_table(figures))
    if args.json:
        Path(args.json).write_text(json.dumps([f.as_dict() for f in figures], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

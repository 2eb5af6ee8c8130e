"""Shared benchmark plumbing: a Figure row, a timer, and the table printer.

Each area module ``bench/bench_<area>.py`` exposes ``run(quick: bool) -> list[Figure]``; the
baseline of every figure is measured in the same run, so ratios survive a noisy shared machine.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure beside the baseline it is judged against."""

    area: str
    name: str
    value: float
    unit: str
    baseline: str | None = None
    baseline_value: float | None = None
    higher_is_better: bool = True
    target: str = ""  # what the issue asks, e.g. "ratio <= 2.0" or ">= 1,000,000/s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """value / baseline for throughputs, baseline-relative cost for times (>1 = slower than baseline)."""
        if not self.baseline_value or not self.value:
            return None
        return self.value / self.baseline_value

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def best_of(fn: Callable[[], object], *, repeat: int = 3, number: int = 1) -> float:
    """Best wall time of ``repeat`` runs of ``number`` calls, GC off (least noisy estimate)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            best = min(best, time.perf_counter() - t0)
        finally:
            gc.enable()
    return best / number


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


def format_table(figures: list[Figure]) -> str:
    """Markdown table of figures, the form pasted into the README."""
    head = "| area | figure | value | baseline | baseline value | ratio | target / note |\n|---|---|---|---|---|---|---|"
    rows = [
        f"| {f.area} | {f.name} | {_fmt(f.value)} {f.unit} | {f.baseline or '—'} | "
        f"{_fmt(f.baseline_value)}{(' ' + f.unit) if f.baseline_value is not None else ''} | "
        f"{(_fmt(f.ratio) + '×') if f.ratio is not None else '—'} | {'; '.join(x for x in (f.target, f.note) if x)} |"
        for f in figures
    ]
    return "\n".join([head, *rows])

"""Load the extraction fixtures and score an extraction against their expected fields.

Shared by ``tests/nlp/test_extract.py`` and ``bench/bench_extract.py`` (which prints the same
figures). Body-text score is token F1 over lower-cased word tokens, as in trafilatura's evaluation.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Case:
    """One fixture page with its expected fields."""

    id: str
    html: bytes
    parts: tuple[bytes, ...]
    url: str
    expected: dict[str, Any]


def load_cases(group: str = "pages") -> list[Case]:
    """Fixture pages of a group: "pages" (scored), "special" (double body, English), "heldout"."""
    source = HERE / ("heldout.json" if group == "heldout" else "expected.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return [
        Case(
            id=e["id"],
            html=(PAGES / e["file"]).read_bytes(),
            parts=tuple((PAGES / p).read_bytes() for p in e["parts"]),
            url=e["url"],
            expected=e,
        )
        for e in data[group]
    ]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def token_f1(got: str, want: str) -> float:
    """Harmonic mean of token precision and recall (multiset overlap)."""
    g, w = Counter(tokens(got)), Counter(tokens(want))
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def date_ok(got: datetime | None, want: str | None) -> bool:
    """Same instant and same UTC offset as expected (the offset is part of the expected value)."""
    if want is None:
        return got is None
    if got is None:
        return False
    exp = datetime.fromisoformat(want)
    return got == exp and got.utcoffset() == exp.utcoffset()


def date_instant_ok(got: datetime | None, want: str | None) -> bool:
    """Same instant as expected, whatever offset the page printed it in."""
    if want is None or got is None:
        return want is None and got is None
    return got == datetime.fromisoformat(want)


@dataclass(frozen=True)
class Score:
    """How one extraction compares with its expected fields."""

    id: str
    f1: float
    date: bool
    date_instant: bool
    title: bool
    author: bool
    dateline: bool
    missing_with: tuple[str, ...]
    present_without: tuple[str, ...]


def score(case: Case, result: Any) -> Score:
    """Compare an ``Extracted`` (a ``Rejected`` scores zero) with the case's expectations."""
    exp = case.expected
    text = getattr(result, "text", "")
    return Score(
        id=case.id,
        f1=token_f1(text, exp["text"]),
        date=date_ok(getattr(result, "published", None), exp["date"]),
        date_instant=date_instant_ok(getattr(result, "published", None), exp["date"]),
        title=getattr(result, "title", None) == exp["title"],
        author=getattr(result, "author", None) == exp["author"],
        dateline=getattr(result, "dateline", None) == exp["dateline"],
        missing_with=tuple(w for w in exp["with"] if w not in text),
        present_without=tuple(w for w in exp["without"] if w.lower() in text.lower()),
    )

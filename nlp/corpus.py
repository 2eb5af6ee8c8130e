"""The training corpus: our own articles (``nlp/corpus/*.jsonl``) and analyst labels."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import cast

from nlp.types import PILLARS

logger = logging.getLogger(__name__)

STYLES = ("agency", "national", "tribun", "regional", "release", "opinion")


class CorpusError(Exception):
    """A corpus or gold file that cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Example:
    """One labelled article: the unit of training and evaluation."""

    id: str
    title: str
    text: str
    relevant: bool
    pillars: tuple[str, ...] = ()
    style: str = ""
    cities: tuple[str, ...] = ()
    main_city: str | None = None
    province: str | None = None
    origin: str = "corpus"  # corpus | label | gold
    meta: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def main_pillar(self) -> str | None:
        return self.pillars[0] if self.pillars else None


def parse_example(obj: dict[str, object], *, where: str, origin: str) -> Example:
    """Validate one JSON object in the corpus/devset format."""
    for key in ("id", "title", "text", "relevant"):
        if key not in obj:
            raise CorpusError(f"{where}: missing key {key!r}: every line needs id, title, text, relevant")
    pillars = tuple(str(p) for p in cast("Iterable[object]", obj.get("pillars") or ()))
    bad = [p for p in pillars if p not in PILLARS]
    if bad:
        raise CorpusError(f"{where}: unknown pillar {bad[0]!r}: use one of {', '.join(PILLARS)}")
    relevant = obj["relevant"]
    if not isinstance(relevant, bool):
        raise CorpusError(f"{where}: 'relevant' must be true or false, got {relevant!r}")
    if relevant and not pillars:
        raise CorpusError(f"{where}: a relevant article needs at least one pillar")
    return Example(
        id=str(obj["id"]),
        title=str(obj["title"] or ""),
        text=str(obj["text"] or ""),
        relevant=relevant,
        pillars=pillars if relevant else (),
        style=str(obj.get("style") or ""),
        cities=tuple(str(c) for c in cast("Iterable[object]", obj.get("cities") or ())),
        main_city=cast("str | None", obj.get("main_city") or None),
        province=cast("str | None", obj.get("province") or None),
        origin=origin,
        meta={k: v for k, v in obj.items() if k in ("general", "topic", "url", "outlet", "date")},
    )


def read_jsonl(path: Path, *, origin: str) -> list[Example]:
    """Examples from one JSON Lines file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror}): check the path") from exc
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        out.append(parse_example(obj, where=f"{path}:{n}", origin=origin))
    return out


def builtin_corpus() -> list[Example]:
    """Every article in the shipped corpus, in file order."""
    root = resources.files("nlp") / "corpus"
    out: list[Example] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            out.extend(read_jsonl(Path(str(entry)), origin="corpus"))
    ids = [e.id for e in out]
    if len(set(ids)) != len(ids):
        raise CorpusError("nlp/corpus: duplicate ids across files")
    return out

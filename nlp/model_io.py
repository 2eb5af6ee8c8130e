"""Save and load the tagger's models with skops (no pickle) plus a JSON sidecar of versions and metrics.

Models load only from the configured models directory or the copy shipped inside the package;
a missing, foreign or mismatched model raises ``ModelError`` telling the user to run ``smartcity train``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import sklearn
from sklearn.pipeline import Pipeline

from nlp.classify import ANALYZER_VERSION

logger = logging.getLogger(__name__)

MODEL_FILE = "tagger.skops"
SIDECAR_FILE = "tagger.json"
# The only non-sklearn types a model file may contain (skops refuses anything else).
TRUSTED_TYPES = [
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
]


class ModelError(Exception):
    """No usable model; the message says what is wrong and to run ``smartcity train``."""


@dataclass
class TaggerModel:
    """The two fitted pipelines and what produced them."""

    relevance: Pipeline
    pillars: Pipeline
    version: str
    meta: dict[str, Any] = field(default_factory=dict)


def _sklearn_series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def save_model(model: TaggerModel, directory: Path) -> Path:
    """Write ``tagger.skops`` and its sidecar into ``directory`` (created if needed); returns the model path."""
    import skops.io as sio

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_FILE
    tmp = path.with_suffix(".skops.tmp")
    sio.dump({"relevance": model.relevance, "pillars": model.pillars}, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    sidecar = {
        "model_version": model.version,
        "analyzer_version": ANALYZER_VERSION,
        "sklearn_version": sklearn.__version__,
        "sha256": digest,
        **model.meta,
    }
    (directory / SIDECAR_FILE).write_text(json.dumps(sidecar, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


def packaged_model_dir() -> Path:
    """Where the model shipped with the package lives (trained on the shipped corpus)."""
    return Path(str(resources.files("nlp") / "models"))


def find_model_dir(models_dir: Path | None) -> Path:
    """The configured directory if it holds a model, else the packaged one, else ModelError."""
    for candidate in ([models_dir] if models_dir else []) + [packaged_model_dir()]:
        if (candidate / MODEL_FILE).is_file() and (candidate / SIDECAR_FILE).is_file():
            return candidate
    where = str(models_dir) if models_dir else "the package"
    raise ModelError(f"no trained model in {where}: run `smartcity train` to build one")


def load_model(models_dir: Path | None = None) -> TaggerModel:
    """Load and check the model; refuse one made by another analyser or scikit-learn series."""
    import skops.io as sio

    directory = find_model_dir(models_dir)
    path = directory / MODEL_FILE
    try:
        sidecar = json.loads((directory / SIDECAR_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{directory / SIDECAR_FILE}: unreadable sidecar ({exc}): run `smartcity train`") from exc
    if sidecar.get("analyzer_version") != ANALYZER_VERSION:
        raise ModelError(
            f"{path}: made for text analyser {sidecar.get('analyzer_version')!r}, this version uses "
            f"{ANALYZER_VERSION!r}: run `smartcity train`"
        )
    if _sklearn_series(str(sidecar.get("sklearn_version", ""))) != _sklearn_series(sklearn.__version__):
        raise ModelError(
            f"{path}: trained with scikit-learn {sidecar.get('sklearn_version')}, installed is "
            f"{sklearn.__version__}: run `smartcity train`"
        )
    data = path.read_bytes()
    if sidecar.get("sha256") and hashlib.sha256(data).hexdigest() != sidecar["sha256"]:
        raise ModelError(f"{path}: file does not match its sidecar checksum: run `smartcity train`")
    try:
        untrusted = sio.get_untrusted_types(data=data)
        unexpected = [t for t in untrusted if t not in TRUSTED_TYPES]
        if unexpected:
            raise ModelError(f"{path}: contains untrusted types {unexpected}: refusing to load; run `smartcity train`")
        obj = sio.loads(data, trusted=TRUSTED_TYPES)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - skops raises many types for corrupt files
        raise ModelError(f"{path}: cannot load ({exc.__class__.__name__}: {exc}): run `smartcity train`") from exc
    return TaggerModel(relevance=obj["relevance"], pillars=obj["pillars"], version=str(sidecar["model_version"]), meta=sidecar)

"""Find (or fetch from PyPI, once) the nlp-id wheel whose real news sentences serve as background negatives."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

NLP_ID = "nlp-id==0.1.23.0"  # MIT; ships nlp_id/data/dataset_postag.txt (real Indonesian news sentences)


def find_wheel(cache_dir: Path, *, download: bool = True, timeout: float = 180) -> Path | None:
    """The cached wheel, downloaded with pip (no dependencies, never installed) when allowed; None if unavailable."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    found = sorted(cache_dir.glob("nlp_id-*.whl"))
    if found or not download:
        return found[-1] if found else None
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(cache_dir), NLP_ID]
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    except (subprocess.SubprocessError, OSError) as exc:
        logger.warning("could not download %(pkg)s for background text (%(err)s); training without it",
                       {"pkg": NLP_ID, "err": exc.__class__.__name__})
        return None
    found = sorted(cache_dir.glob("nlp_id-*.whl"))
    return found[-1] if found else None

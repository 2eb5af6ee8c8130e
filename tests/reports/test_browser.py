"""The digest as a reader's browser shows it: headless Chromium loads the file, draws text and charts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PIL import Image

from reports.render import render_html
from reports.weekly import IsoWeek, build_weekly
from tests.reports.builder import Corpus, wib

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def _chromium(exe: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    cmd = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def test_digest_renders_in_a_real_browser(engine, tmp_path: Path, require_tool) -> None:
    exe = require_tool("chromium", "chromium")
    c = Corpus(engine)
    c.add("Pemkot Tangerang luncurkan aplikasi antrean puskesmas", outlet="Radar Kota", published=wib(2026, 11, 3), story="a")
    c.add("Pemkot Tangerang luncurkan aplikasi antrean puskesmas", outlet="Warta Banten",
          published=wib(2026, 11, 3, 14), story="a")
    c.add("Bank sampah digital di Tangerang", outlet="Radar Kota", published=wib(2026, 11, 5), pillars=("environment",))
    c.add("Pajak daerah lewat QRIS", outlet="Warta Banten", published=wib(2026, 10, 28), pillars=("economy",))
    with engine.connect() as conn:
        digest = build_weekly(conn, IsoWeek(2026, 45))
    page = tmp_path / "digest.html"
    page.write_text(render_html(digest), encoding="utf-8")

    dom = _chromium(exe, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = " ".join(re.sub(r"<[^>]+>", " ", dom.stdout).split())  # what the reader reads
    assert "Pekan ini 2 berita tentang Smart City" in text
    assert "Dimuat oleh 2 media" in text
    assert dom.stdout.count('src="data:image/png;base64,') >= 2  # charts travel inside the file

    shot = tmp_path / "shot.png"
    run = _chromium(exe, tmp_path, f"--screenshot={shot}", "--window-size=1000,1600", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.exists()
    img = Image.open(shot).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert len(colours) > 50  # text, tables and charts drawn, not a blank page
    dark = sum(n for n, (r, g, b) in colours if r + g + b < 200)
    assert dark / (img.size[0] * img.size[1]) > 0.005

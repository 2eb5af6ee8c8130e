"""Chart images (PNG bytes) for a Digest: pillars this week vs last, the 8-week trend, the heat map.

matplotlib is imported only when a chart is drawn, and only its object API with the Agg canvas is
used (no pyplot global state), so building a digest as data never loads it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from reports import labels
from storage.queries import PILLARS

if TYPE_CHECKING:
    from reports.weekly import Digest

THIS_WEEK = "#1f6f8b"  # teal: this week
LAST_WEEK = "#b8c4cc"  # grey: last week
TREND = "#1f6f8b"
HEAT = "YlGnBu"
DPI = 110


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def pillar_chart(digest: Digest, lang: str) -> bytes:
    """Horizontal bars: stories per pillar this week beside last week."""
    fig = _figure(7.2, 3.4)
    ax = fig.add_subplot()
    names = [labels.pillar_name(p.pillar, lang, short=True) for p in digest.pillars][::-1]
    now = [p.stories for p in digest.pillars][::-1]
    before = [p.previous for p in digest.pillars][::-1]
    ys = range(len(names))
    ax.barh([y - 0.2 for y in ys], before, height=0.38, color=LAST_WEEK, label=labels.text(lang, "last_week"))
    ax.barh([y + 0.2 for y in ys], now, height=0.38, color=THIS_WEEK, label=labels.text(lang, "this_week"))
    for y, n in zip(ys, now, strict=True):
        ax.text(n, y + 0.2, f" {labels.number(n, lang)}", va="center", fontsize=8)
    ax.set_yticks(list(ys), names, fontsize=9)
    ax.set_title(labels.text(lang, "chart_pillars"), fontsize=10, loc="left")
    ax.legend(fontsize=8, loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def trend_chart(digest: Digest, lang: str) -> bytes:
    """Columns: Smart City stories in each of the last weeks, this week highlighted."""
    fig = _figure(7.2, 2.6)
    ax = fig.add_subplot()
    weeks = [t.week.split("-")[1] for t in digest.trend]
    values = [t.stories for t in digest.trend]
    colours = [LAST_WEEK] * (len(values) - 1) + [THIS_WEEK]
    ax.bar(range(len(values)), values, color=colours)
    for x, n in enumerate(values):
        ax.text(x, n, labels.number(n, lang), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(values)), weeks, fontsize=8)
    ax.set_title(labels.text(lang, "chart_trend"), fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max(values + [1]) * 1.18)
    return _png(fig)


def heatmap_chart(digest: Digest, lang: str) -> bytes | None:
    """Places x pillars, darker = more stories, each cell labelled; None when the week is empty."""
    if not digest.heatmap_cities:
        return None
    rows = len(digest.heatmap_cities)
    fig = _figure(7.2, 0.9 + 0.32 * rows)
    ax = fig.add_subplot()
    data = [list(r) for r in digest.heatmap]
    top = max(max(r) for r in data) or 1
    ax.imshow(data, cmap=HEAT, aspect="auto", vmin=0, vmax=top)
    for i, row in enumerate(data):
        for j, n in enumerate(row):
            ax.text(j, i, labels.number(n, lang) if n else "\u00b7", ha="center", va="center", fontsize=8,
                    color="white" if n > top * 0.6 else "#222222")
    ax.set_xticks(range(len(PILLARS)), [labels.pillar_name(p, lang, short=True) for p in PILLARS], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), list(digest.heatmap_cities), fontsize=8)
    ax.set_title(labels.text(lang, "chart_heatmap"), fontsize=10, loc="left", pad=24)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def all_charts(digest: Digest, lang: str) -> dict[str, bytes]:
    """Every chart of the digest by name (an empty week draws no heat map)."""
    out = {"pillars": pillar_chart(digest, lang), "trend": trend_chart(digest, lang)}
    heat = heatmap_chart(digest, lang)
    if heat is not None:
        out["heatmap"] = heat
    return out

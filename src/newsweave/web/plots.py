"""Small server-side SVG plots: coverage over time and a story's timeline.

Plain SVG markup with presentation attributes (no inline CSS, no script), so the strict
Content-Security-Policy holds. Every text that comes from articles goes through `escape`, and
every mark carries a `<title>` (a tooltip, read by screen readers) with what it stands for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from newsweave.model import UNKNOWN_SOURCE
from newsweave.report.bidi import finalize

# Colour-blind-safe qualitative palette (Okabe–Ito), then grey for "other", light grey for unknown.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
OTHER_COLOUR, UNKNOWN_COLOUR = "#777777", "#bbbbbb"
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 860, 190, 40, 30, 10
# An ISO date at font-size 11 is about 62 px wide; labels closer than this overlap.
TICK_LABEL_WIDTH = 70.0


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _bin(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def coverage_svg(rows: Sequence[dict[str, Any]], *, title: str, total: int | None = None) -> Markup:
    """Stacked bars of articles per day (or week, month) by outlet; empty when nothing is dated.

    `rows` are {day, outlet_key, n}; the most frequent outlets get a colour each, the rest are
    "other outlets", and articles without a known outlet are "unknown source".
    """
    counts: Counter[str | None] = Counter()
    dated: list[tuple[date, str | None, int]] = []
    for row in rows:
        day = _day(str(row["day"] or ""))
        if day is not None:
            dated.append((day, row["outlet_key"], int(row["n"])))
            counts[row["outlet_key"]] += int(row["n"])
    if not dated:
        return Markup("")
    low, high = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    span = (high - low).days
    unit = "day" if span <= 120 else "week" if span <= 900 else "month"
    top = [k for k, _ in counts.most_common() if k is not None][: len(PALETTE)]
    colours = {k: PALETTE[i] for i, k in enumerate(top)}
    series = [*top]
    if any(k not in colours and k is not None for k in counts):
        series.append("\x00other")
    if None in counts:
        series.append("\x00unknown")

    def series_of(key: str | None) -> str:
        if key is None:
            return "\x00unknown"
        return key if key in colours else "\x00other"

    bins: dict[date, Counter[str]] = defaultdict(Counter)
    for day, key, n in dated:
        bins[_bin(day, unit)][series_of(key)] += n
    first, last = _bin(low, unit), _bin(high, unit)
    slots: list[date] = []
    cursor = first
    while cursor <= last:
        slots.append(cursor)
        if unit == "day":
            cursor += timedelta(days=1)
        elif unit == "week":
            cursor += timedelta(days=7)
        else:
            cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    peak = max(sum(c.values()) for c in bins.values())
    plot_w, plot_h = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP
    # Wide bars for a story of a few days read as a wall: at most 40 px each.
    bar_w = min(plot_w / len(slots), 40.0)
    parts = [
        f'<svg class="plot" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - 10}" y2="{HEIGHT - BOTTOM}"'
        ' stroke="#555"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 10}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{LEFT - 4}" y="{HEIGHT - BOTTOM}" text-anchor="end" font-size="11">0</text>',
    ]
    label = {"\x00other": "other outlets", "\x00unknown": UNKNOWN_SOURCE}
    colour = {**colours, "\x00other": OTHER_COLOUR, "\x00unknown": UNKNOWN_COLOUR}
    for index, slot in enumerate(slots):
        y = float(HEIGHT - BOTTOM)
        for key in series:
            n = bins.get(slot, Counter())[key]
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect x="{LEFT + index * bar_w:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 1):.1f}"'
                f' height="{h:.1f}" fill="{colour[key]}"><title>{unit} of {slot.isoformat()}: '
                f"{escape(label.get(key, key))}, {n} article{'s' if n != 1 else ''}</title></rect>"
            )
    for index, anchor in _ticks(len(slots), bar_w):
        x = LEFT + index * bar_w + bar_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="{anchor}" font-size="11">'
            f"{slots[index].isoformat()}</text>"
        )
    parts.append("</svg>")
    legend = ['<ul class="legend">']
    legend.append(f'<li class="muted">articles per {unit}</li>')
    for key in series:
        legend.append(
            f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12"'
            f' fill="{colour[key]}"/></svg> {_isolated(label.get(key, key))}'
            f" ({sum(c[key] for c in bins.values())})</li>"
        )
    undated = (total or 0) - sum(n for _, _, n in dated)
    if undated > 0:
        legend.append(f'<li class="muted">not shown: {undated} undated</li>')
    legend.append("</ul>")
    return Markup("".join(parts) + "".join(legend))


def timeline_svg(entries: Sequence[dict[str, Any]], *, title: str) -> Markup:
    """Numbered dots on a date axis; number k is the k-th entry of the list under the plot."""
    points = [(i + 1, _day(_complete(str(e["date"]))), e) for i, e in enumerate(entries)]
    known = [(n, d, e) for n, d, e in points if d is not None]
    if not known:
        return Markup("")
    low = min(d for _, d, _ in known)
    high = max(d for _, d, _ in known)
    scale = (WIDTH - 2 * LEFT) / max((high - low).days, 1)
    parts = [
        f'<svg class="plot" viewBox="0 0 {WIDTH} 110" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{LEFT}" y1="80" x2="{WIDTH - LEFT}" y2="80" stroke="#555"/>',
    ]
    for n, day, entry in known:
        assert day is not None
        x = LEFT + (day - low).days * scale
        row = (n - 1) % 4
        parts.append(
            f'<a href="#t{n}"><circle cx="{x:.1f}" cy="80" r="5" fill="#0072b2">'
            f"<title>{n}. {escape(entry['date'])}: {escape(entry['text'])}</title></circle>"
            f'<text x="{x:.1f}" y="{66 - row * 14}" text-anchor="middle" font-size="11">{n}'
            "</text></a>"
        )
    for day, anchor in ((low, "start"), (high, "end")):
        x = LEFT + (day - low).days * scale
        parts.append(
            f'<text x="{x:.1f}" y="102" text-anchor="{anchor}" font-size="11">'
            f"{day.isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _ticks(slots: int, bar_w: float) -> list[tuple[int, str]]:
    """Slots to label (first, middle, last) with their text anchors, no two labels overlapping.

    Bars are at most 40 px wide, so the slots of a story of a few days lie within one date
    label's width of each other. The first label starts at its bar and the last ends at its bar;
    when they are too close for that, both are centred on their bars, or the first stands alone.
    """
    first, middle, last = 0, slots // 2, slots - 1
    if last == first:
        return [(first, "middle")]
    gap = (last - first) * bar_w
    if gap < TICK_LABEL_WIDTH:
        return [(first, "middle")]
    if gap < 2 * TICK_LABEL_WIDTH:
        return [(first, "middle"), (last, "middle")]
    ticks = [(first, "start")]
    # A centred middle label needs one and a half label widths to each end's label.
    room = 1.5 * TICK_LABEL_WIDTH
    if (middle - first) * bar_w >= room and (last - middle) * bar_w >= room:
        ticks.append((middle, "middle"))
    ticks.append((last, "end"))
    return ticks


def _isolated(text: str) -> Markup:
    value = finalize(text)
    return value if isinstance(value, Markup) else escape(value)


def _complete(value: str) -> str:
    if len(value) == 4:
        return f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-01"
    return value[:10]

"""The weekly chart: points this week against last week for the top members, as a PNG.

Drawn on a bare Agg `Figure` (no pyplot), so charts made in job threads share no state.
"""

from __future__ import annotations

import io

from core.publishing import WeeklyBoard

COLORS = ("#2e7d32", "#b0bec5")


def weekly_chart_png(board: WeeklyBoard, last_week: dict[str, int]) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = [s.name for s in board.top]
    this_week = [s.points for s in board.top]
    before = [last_week.get(s.member_id, 0) for s in board.top]
    figure = Figure(figsize=(6.4, 3.6), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = range(len(names))
    width = 0.4
    axes.barh(
        [p - width / 2 for p in positions], this_week, width, label="this week", color=COLORS[0]
    )
    axes.barh([p + width / 2 for p in positions], before, width, label="last week", color=COLORS[1])
    axes.set_yticks(list(positions), labels=names)
    for label in axes.get_yticklabels():
        label.set_parse_math(False)  # a name is text: "$…$" in it is not maths to typeset
    axes.invert_yaxis()
    axes.set_xlabel("points")
    axes.set_title(f"Week of {board.week_start:%d %b %Y}")
    axes.legend(loc="lower right")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()

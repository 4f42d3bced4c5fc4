"""How figures read on screen: money, signed deltas with arrows, statuses with symbols.

Nothing is told by colour alone: every delta carries ▲ or ▼ and a sign, every status a
symbol and a word; colour (theme variables, so both themes work) only repeats it.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.content import Content

from game.engine.compiled import CompiledScenario
from game.format.models import Difficulty
from game.format.words import amount, figure, millions, money, points, signed_figure
from game.i18n import N_, _, tr

#: The formatters and the conversion, shared with the engine
__all__ = ["amount", "figure", "millions", "money", "points", "signed_figure"]


def shown(stat: str, value: float) -> float:
    """A stat's figure or change as the screens show it: money from k$ to M$, the others as kept."""
    return millions(value) if stat == "money" else value


def unit(stat: str) -> str:
    """The unit written after a stat's change: ' M$' for money, nothing for the others."""
    return " M$" if stat == "money" else ""


UP, DOWN = "▲", "▼"

STATUS_MARK = {
    "active": N_("● active"),
    "restructured": N_("◐ restructured"),
    "cancelled": N_("✗ cancelled"),
    "completed": N_("✓ completed"),
}

#: The engine's words for statuses, standings and kinds, which the screens show through ``tr``.
ENGINE_WORDS = (
    N_("active"),
    N_("restructured"),
    N_("cancelled"),
    N_("completed"),
    N_("lead"),
    N_("member"),
    N_("applicant"),
    N_("not a member"),
    N_("module"),
    N_("instrument"),
    N_("service"),
    N_("reached"),  # an objective's status, as the debrief says it
    N_("missed"),
    N_("open"),
)

NEWS_MARK = {
    "budget": "$",
    "build": "■",
    "milestone": "✓",
    "slip": "↷",
    "failure": "✗",
    "partner": "⇄",
    "programme": "◆",
    "event": "!",
    "crew": "☺",
    "action": "»",
    "objective": "★",
    "outcome": "★",
    "race": "⚑",
}


def signed(value: float, unit: str = "", as_money: bool = False) -> str:
    """'+1.5', '-0.25 M$': a change with its sign, to a tenth at most (``figure``) but money as
    money is written everywhere (``amount``: with the unit M$, or ``as_money`` without it)."""
    written = amount if as_money or unit.strip() == "M$" else figure
    return f"{'+' if value >= 0 else '-'}{written(abs(value))}{unit}"


def negligible(value: float) -> bool:
    return abs(value) < 0.05


def delta(value: float, unit: str = "", higher_is_better: bool = True, as_money: bool = False) -> Content:
    """'▲+600 M$' or '▼-1.2', coloured by whether the change helps; empty when nothing moved
    (``as_money``: an amount of M$ written as money without its unit, '▲+285')."""
    if negligible(value):
        return Content("")
    good = (value > 0) == higher_is_better
    arrow = UP if value > 0 else DOWN
    written = signed(value, unit, as_money)
    return Content.assemble((f"{arrow}{written}", "$text-success" if good else "$text-error"))


def stat_change(stat: str, value: float, with_unit: bool = True) -> Content:
    """A stat's net change as every screen writes it (money from the engine's k$, as money), so
    the dashboard's figure and the Why screen's heading are the same number: '▲+285 M$', or
    '▲+285' without the unit where the figure beside it has it; '▼-1.2' for the others."""
    return delta(shown(stat, value), unit(stat) if with_unit else "", as_money=stat == "money")


def slip(months: int) -> Content:
    """'on time' or '+9 mo': a slip is counted in months everywhere (as ``slipped()`` counts it)."""
    if months <= 0:
        return Content.assemble((_("on time"), "$text-success"))
    return Content.assemble((_("+{months} mo").format(months=months), "$text-warning"))


def status(name: str) -> Content:
    style = {"active": "$text-success", "restructured": "$text-warning", "cancelled": "$text-error"}.get(
        name, "$text-primary"
    )
    return Content.assemble((_(STATUS_MARK[name]) if name in STATUS_MARK else tr(name), style))


def health_bar(health: float, width: int = 10) -> str:
    """A bar that also prints its number, so it reads without colour."""
    filled = round(max(0.0, min(100.0, health)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def relation_word(value: float) -> str:
    if value >= 50:
        return _("close")
    if value >= 15:
        return _("friendly")
    if value > -15:
        return _("neutral")
    if value > -50:
        return _("cool")
    return _("hostile")


def short_path(path: Path) -> str:
    """A file as a player would type it: from the current folder, else from home (~), else whole."""
    whole = path.resolve()
    for base, shown in ((Path.cwd().resolve(), ""), (Path.home().resolve(), "~/")):
        if base != Path(base.anchor) and whole.is_relative_to(base):  # not from the root folder
            return f"{shown}{whole.relative_to(base)}"
    return str(whole)


def level_label(level: Difficulty) -> str:
    """A difficulty level's name in the language in force (a scenario's own, or the default set's)."""
    return tr(level.label, f"difficulties.{level.id}.label")


def level_text(level: Difficulty) -> str:
    """What a difficulty level changes, in the language in force."""
    return tr(level.text, f"difficulties.{level.id}.text")


def played_level(compiled: CompiledScenario) -> Difficulty | None:
    """The level a campaign is played at, or None when it is the scenario's default (not shown)."""
    scenario = compiled.scenario
    if compiled.difficulty == scenario.default_difficulty:
        return None
    return scenario.difficulty(compiled.difficulty)


def hanging(content: Content, width: int, indent: int, first: int = 0) -> list[Content]:
    """``content`` wrapped to ``width`` columns: its first line ``first`` columns in, the lines it
    runs on to ``indent`` columns in, so a long line reads as one block instead of running back
    to the left edge (no wrapping while the width is not known yet)."""
    if width <= indent + 10:
        return [content.pad_left(first) if first else content]
    head, *rest = content.wrap(width - first)
    lines = [head.pad_left(first) if first else head]
    if rest:
        tail = Content(" ").join(rest) if len(rest) > 1 else rest[0]
        lines += [line.pad_left(indent) for line in tail.wrap(width - indent)]
    return lines


def packed(entries: list[str], width: int, separator: str = "  ", indent: int = 0) -> list[str]:
    """The entries ``separator`` apart, as many to a line as ``width`` holds, each line ``indent``
    columns in: an entry ('2023: 300 M$') is never split over two lines (all on one line while
    the width is not known)."""
    lines: list[str] = []
    for entry in entries:
        if lines and (width <= 0 or cell_len(lines[-1] + separator + entry) <= width):
            lines[-1] += separator + entry
        else:
            lines.append(" " * indent + entry)
    return lines


def fitting(parts: list[tuple[str, int]], width: int, separator: str = " · ") -> list[str]:
    """The parts (text, priority) that fit in ``width`` cells when joined, in their order: the
    lowest priority is left out first (the latest of equals), so what matters most stays whole
    instead of being cut at the edge. Every part while the width is not known (0)."""
    texts = [text for text, _priority in parts]
    priorities = [priority for _text, priority in parts]
    while width > 0 and len(texts) > 1 and cell_len(separator.join(texts)) > width:
        lowest = min(priorities)
        drop = len(priorities) - 1 - priorities[::-1].index(lowest)
        del texts[drop], priorities[drop]
    return texts

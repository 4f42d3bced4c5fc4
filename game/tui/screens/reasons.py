"""Why figures changed: the engine's own list of changes, each with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.compiled import CompiledScenario
from game.engine.queries import budget_view, net_changes, stat_name
from game.engine.reports import Change
from game.i18n import _, ngettext, tr
from game.tui.keys import EVERYWHERE
from game.tui.screens.base import CampaignModal
from game.tui.text import hanging, money, negligible, shown, signed, stat_change, unit
from game.tui.widgets.footer import Footer


def change_lines(
    changes: Sequence[Change], cs: CompiledScenario, stat: str | None, width: int = 0
) -> list[Content]:
    """Per stat: its net change, then every reason under it (money shown in M$); a long reason
    runs on under its own first word, not back at the dialog's left edge (``width``: the
    body's, 0 while it is not known)."""
    chosen = [c for c in changes if stat is None or c.stat == stat]
    lines: list[Content] = []
    for key, total in net_changes(chosen).items():
        lines.append(Content.assemble((tr(stat_name(key, cs)), "bold"), " ", stat_change(key, total)))
        mine = [change for change in chosen if change.stat == key]
        # a change too small to show ('-0  prestige fades') is left out, unless all of them are
        told = [change for change in mine if not negligible(shown(key, change.delta))] or mine
        for change in told:
            figure = signed(shown(key, change.delta), unit(key))
            head = f"   {figure}  "
            lines.extend(hanging(Content(head + tr(change.reason)), width, len(head)))
    return lines


class ReasonsScreen(CampaignModal[None]):
    """All changes (``stat`` None) or those of one figure, last turn and so far this turn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("enter", "dismiss", "Close", show=False),
        Binding("w", "dismiss", "Close", show=False),
        *EVERYWHERE,
    ]

    def __init__(self, stat: str | None) -> None:
        super().__init__()
        self.stat = stat

    def compose(self) -> ComposeResult:
        game = self.game
        cs = game.compiled
        title = (
            _("Why did my figures change?")
            if self.stat is None
            else _("Why: {figure}").format(figure=tr(stat_name(self.stat, cs)))
        )
        with Vertical(classes="dialog", id="reasons-dialog") as dialog:
            dialog.border_title = title
            with VerticalScroll():
                yield Static(markup=False, id="reasons-body")
            yield Static(_("Esc closes"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#reasons-body", Static)
        body.update(self._body(self.game))  # at once, then wrapped once the width is known
        self.call_after_refresh(self.on_resize)

    def on_resize(self) -> None:
        """The body is laid out to the dialog's width once it is known, and again when it changes."""
        body = self.query_one("#reasons-body", Static)
        body.update(self._body(self.game, body.content_region.width))

    def _body(self, game, width: int = 0) -> Content:
        cs = game.compiled
        lines: list[Content] = []
        if self.stat in ("committed", "income"):
            return self._budget(game)
        # Each turn's changes under its own date, as the news has them: a turn's opening (a new
        # year's appropriation and the clawback, its events) comes with the report of the turn
        # before, and belongs to the turn it opened.
        reports = game.reports
        report = reports[-1] if reports else None
        if report is not None:
            lines.append(
                Content.assemble((_("Last turn ({date})").format(date=report.date), "bold underline"))
            )
            before = reports[-2].opening_changes() if len(reports) > 1 else []
            last = change_lines([*before, *report.played_changes()], cs, self.stat, width)
            lines.extend(last or [Content("   " + _("no change"))])
        opened = report.opening_changes() if report is not None else []
        now = change_lines([*opened, *game.state.changes], cs, self.stat, width)
        if now:
            lines.append(Content.assemble((_("This turn ({date})").format(date=game.date), "bold underline")))
            lines.extend(now)
        if not lines:
            lines.append(Content(_("Nothing has changed yet: end a turn first.")))
        return Content("\n").join(lines)

    def _budget(self, game) -> Content:
        budget = budget_view(game.state, game.compiled)
        lines = [
            Content.assemble((_("Income this year "), "bold"), money(budget.income)),
            Content(
                "   "
                + _(
                    "set each new year from your base budget, public support ({support}%) "
                    "and budget bonuses ({bonus}%)"
                ).format(
                    support=f"{game.state.me.support:.0f}", bonus=f"{game.state.me.budget_modifier:+.0f}"
                )
            ),
            Content.assemble(
                (_("Build payments until the next budget "), "bold"), money(budget.committed_year)
            ),
            Content(
                "   "
                + ngettext(
                    "over {count} turn, {money} due at this turn's end",
                    "over {count} turns, {money} due at this turn's end",
                    budget.turns_left_in_year,
                ).format(count=budget.turns_left_in_year, money=money(budget.committed_turn))
            ),
        ]
        for name, turn, year in budget.commitments:
            lines.append(
                Content(
                    "   "
                    + _("{name}: {now} this turn, {year} before the next budget").format(
                        name=tr(name), now=money(turn), year=money(year)
                    )
                )
            )
        if not budget.commitments:
            lines.append(Content("   " + _("no builds under way")))
        return Content("\n").join(lines)

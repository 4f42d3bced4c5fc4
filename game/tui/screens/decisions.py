"""The decisions of the turn: every action the engine lists, its cost and effect, or why not.

Refused actions stay in the list, marked ✗ with the engine's reason; choosing one sends it
anyway, so the player reads the engine's answer. Joining or funding a contribution opens
the join screen, where its terms are shown before confirming.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.actions import Action, ActionOption
from game.engine.actions.common import UNDOING_GROUP
from game.engine.actions.registry import group_of, handler_for
from game.engine.queries import consequences
from game.i18n import _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import hanging, millions, money
from game.tui.widgets.footer import Footer

#: Columns an option's cost, effect or reason stand in, and its label's run-on lines.
INDENT, HEAD_INDENT = 4, 2


def option_prompt(option: ActionOption, width: int = 0, as_above: bool = False, status: str = "") -> Content:
    """✓/✗ and the label; under it the cost and effect, or the engine's reason when refused
    (``as_above``: the option just above is refused for the same reason, said there once), or ■
    and where the player's own doing stands when that is why (``status``: its build under way).

    Both parts are wrapped to ``width`` (when known) under their own indent, so a long label or
    reason reads as one block instead of running back to the left edge.
    """
    mark, style = ("✓", "$text-success") if option.allowed else ("✗", "$text-error")
    if status:
        mark, style = "■", "$text-primary"
    cost = ""
    if option.cost_total:
        cost = _("{money} now").format(money=money(option.cost_now))
        if option.cost_total != option.cost_now:
            cost += ", " + _("{money} in all").format(money=money(option.cost_total))
        cost += " · "
    head = Content.assemble((mark + " ", style), (tr(option.label), "bold" if option.allowed else ""))
    if status:  # nothing to pay now: where it stands
        tail = Content.assemble((tr(status), "$text-primary"))
    elif option.allowed:
        tail = Content.assemble((cost, "bold"), (tr(option.effect), "$text-muted"))
    else:
        reason = _("not now: as above") if as_above else _("not now: ") + tr(option.reason)
        tail = Content.assemble((cost, "$text-muted"), (reason, "$text-error"))
    return Content("\n").join([*hanging(head, width, HEAD_INDENT), *hanging(tail, width, INDENT, INDENT)])


class DecisionsScreen(CampaignScreen[None]):
    """All of the turn's actions, or only some kinds (the go-alone path shows missions and skills)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "end_turn", "End turn"),
        # one key, said as what it does now: the footer shows the one check_action allows
        Binding("a", "hide_refused", "Hide refused"),
        Binding("a", "show_refused", "Show refused"),
    ]

    def __init__(self, kinds: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self.kinds = kinds
        self.options: list[ActionOption] = []
        self.costs: dict[Action, list[str]] = {}  # what each undoing action costs (asked first)
        self.show_refused = True

    def compose(self) -> ComposeResult:
        yield Header()
        title = _("National missions and capabilities") if self.kinds else _("Decisions")
        yield Static(title, classes="step", id="decisions-title")
        yield OptionList(id="options")
        yield Static(
            _("Enter: choose · an offer shows its terms first, and undoing asks first"),
            id="decision-status",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#options", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def on_resize(self) -> None:
        self.refresh_view()  # the reasons wrap to the new width

    def refresh_view(self) -> None:
        game = self.game
        self.sub_title = _("{date} · money {money}").format(
            date=game.date, money=money(millions(game.state.me.money))
        )
        options = [o for o in game.options() if self.kinds is None or o.action.kind in self.kinds]
        self.costs = {o.action: consequences(game.state, game.compiled, o.action) for o in options}
        # Each group once, in the order the engine first lists it, and what undoes a commitment
        # last, never where the cursor lands first (sorting on the costs alone split a group
        # whenever some of its actions have costs to tell: researching, accepting a deal).
        first: dict[str, int] = {}
        for option in options:
            first.setdefault(group_of(option.action), len(first))
        options.sort(key=lambda o: (group_of(o.action) == UNDOING_GROUP, first[group_of(o.action)]))
        if not self.show_refused:  # a build of the player's under way is a status: it stays
            options = [o for o in options if o.allowed or self.status_of(o)]
        self.options = options
        menu = self.query_one("#options", OptionList)
        width = menu.scrollable_content_region.width - 2  # an option's padding
        keep = menu.highlighted
        menu.clear_options()
        group = None
        above = ""  # the reason the option just above is refused for ('' when it is allowed)
        for index, option in enumerate(options):
            name = group_of(option.action)
            if name != group:
                group, above = name, ""
                menu.add_option(
                    Option(Content.assemble((f"── {tr(name)}", "bold $text-primary")), disabled=True)
                )
            # a programme closed to the player refuses each of its offers for the one reason: said once
            status = self.status_of(option)
            as_above = not option.allowed and not status and option.reason == above
            menu.add_option(Option(option_prompt(option, width, as_above, status), id=str(index)))
            above = "" if option.allowed or status else option.reason
        if not options:
            menu.add_option(Option(_("Nothing to decide: press e to end the turn."), disabled=True))
        if keep is not None and keep < menu.option_count:
            menu.highlighted = keep
        else:
            menu.action_first()

    def status_of(self, option: ActionOption) -> str:
        """Where the player's own doing stands, when that is why the option is refused ('')."""
        handler = handler_for(option.action)
        if option.allowed or handler is None:
            return ""
        return handler.status(self.game.state, self.game.compiled, option.action)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        option = self.options[int(event.option.id)]
        action = option.action
        handler = handler_for(action)
        if handler is not None and handler.contribution and action.option and option.allowed:
            from game.tui.screens.join import JoinScreen

            self.app.push_screen(JoinScreen(action.target, action.option))
            return
        costs = self.costs.get(action)
        if costs and option.allowed:
            from game.tui.screens.confirm import ConfirmScreen

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._act(option)

            label = tr(option.label)
            heading = handler.consequences_title if handler is not None else ""
            self.app.push_screen(ConfirmScreen(f"{label}?", costs, label.split()[0], heading), confirmed)
            return
        self._act(option)

    def _act(self, option: ActionOption) -> None:
        status = self.query_one("#decision-status", Static)
        standing = self.status_of(option)
        if standing:  # the player's own doing under way: said as it stands, not as a refusal
            status.update(Content.assemble((f"■ {tr(option.label)}: ", "bold $text-primary"), tr(standing)))
            return
        outcome = self.cislunar.act(option.action)
        if outcome.ok:
            status.update(Content.assemble((_("✓ Done: "), "bold $text-success"), tr(option.label)))
            self.refresh_view()
        else:
            status.update(Content.assemble((_("✗ Not allowed: "), "bold $text-error"), tr(outcome.reason)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_refused":
            return self.show_refused
        if action == "show_refused":
            return not self.show_refused
        return True

    def action_hide_refused(self) -> None:
        self._show_refused(False)

    def action_show_refused(self) -> None:
        self._show_refused(True)

    def _show_refused(self, shown: bool) -> None:
        self.show_refused = shown
        self.refresh_view()
        self.refresh_bindings()

    def action_end_turn(self) -> None:
        self.cislunar.end_turn()

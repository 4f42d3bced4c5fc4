"""Joining or contributing to a programme: a small negotiation before the engine decides.

Pick a contribution (or none), read its cost turn by turn, the capability it needs, what
it earns and what joining does to relations, then confirm. The leads answer at the end
of the turn; the engine alone says whether the offer may be made.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.actions import Action
from game.engine.actions.registry import handler_for
from game.engine.queries import ContributionView, JoinTerms, contribution_views, join_terms, programme_view
from game.i18n import N_, _, ngettext, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import hanging, money, packed, status
from game.tui.widgets.footer import Footer

OBSERVER = "__observer__"
#: Where a contribution's name and cost run on, under the name (after its mark), and an option's padding.
NAME_INDENT, OPTION_PADDING = 2, 2
#: The columns the details' scrollbar takes once they overflow (after they were laid out).
SCROLLBAR = 2


def terms_lines(terms: JoinTerms, member: bool) -> list[Content]:
    """What joining asks and does; a member is shown only what goes on while it stays in. Each
    label ends in a colon: 'On joining relations with NASA +10' read as one phrase."""
    lines: list[Content] = []
    if not member:
        admission = "; ".join(tr(part) for part in terms.admission) or _("open to all")
        lines.append(Content.assemble((_("Admission: "), "bold"), admission))
        on_join = "; ".join(tr(part) for part in terms.on_join) or _("no effect on relations")
        lines.append(Content.assemble((_("On joining: "), "bold"), on_join))
    if terms.while_member:
        while_member = "; ".join(tr(part) for part in terms.while_member)
        lines.append(Content.assemble((_("While a member: "), "bold"), while_member))
    return lines


def contribution_lines(view: ContributionView, width: int = 0) -> list[Content]:
    """What the contribution costs, needs and earns; its payments by year wrapped to ``width``
    between years, never between a year and its sum."""
    years: dict[str, float] = {}
    for date, amount in view.schedule:
        years[date[:4]] = years.get(date[:4], 0.0) + amount
    # no-break spaces inside an entry: even re-wrapped, a year stays with its sum
    entries = [f"{year}: {money(amount)}".replace(" ", "\u00a0") for year, amount in years.items()]
    schedule = packed(entries, width - SCROLLBAR, " · ", 3)
    per_turn = view.schedule[0][1] if view.schedule else 0.0
    needs = "; ".join(
        _("{area} {need} (you {have} {mark})").format(
            area=tr(name), need=need, have=have, mark="✓" if have >= need else "✗"
        )
        for name, need, have in view.requires
    ) or _("nothing special")
    lines = [
        Content.assemble((tr(view.name), "bold"), f" ({tr(view.kind)})"),
    ]
    if view.description:
        lines.append(Content(tr(view.description.strip())))
    lines += [
        Content.assemble((_("Cost "), "bold"), money(view.cost))  # another's build, or one finished
        if view.holder and not view.schedule
        else Content.assemble(
            (_("Cost "), "bold"),
            ngettext(
                "{cost} over {count} turn, about {money} a turn",
                "{cost} over {count} turns, about {money} a turn",
                view.build_turns,
            ).format(cost=money(view.cost), count=view.build_turns, money=money(per_turn)),
        )
        if not view.paid
        else Content.assemble(
            (_("Cost "), "bold"),
            ngettext(
                "{cost}; {paid} paid, {left} still to pay over {count} turn",
                "{cost}; {paid} paid, {left} still to pay over {count} turns",
                len(view.schedule),
            ).format(
                cost=money(view.cost),
                paid=money(view.paid),
                left=money(sum(amount for _date, amount in view.schedule)),
                count=len(view.schedule),
            ),
        ),
        *(Content(line) for line in schedule),
        Content.assemble((_("Needs "), "bold"), needs),
        Content.assemble((_("Earns "), "bold"), ", ".join(tr(reward) for reward in view.rewards)),
    ]
    if view.flies_on:
        lines.append(
            Content.assemble((_("Flies on "), "bold"), tr(view.flies_on), " " + _("(rewards when it flies)"))
        )
    if view.holder:  # where it stands, whoever builds it ('Taken being built by JAXA' read as garbled)
        lines.append(Content.assemble((_("Status "), "bold"), tr(view.holder)))
    return lines


#: What the list's marks mean, under it (the dot had no word for it).
LEGEND = (N_("✓ you may offer"), N_("✗ not now"), N_("· taken"), N_("■ yours"))


def legend_lines(width: int) -> str:
    """The legend's entries two spaces apart, as many to a line as ``width`` holds."""
    return "\n".join(packed([_(text) for text in LEGEND], width))


def mark_of(view: ContributionView) -> str:
    """✓ it may be offered, ■ the player's own (built or being built), · another's, ✗ refused."""
    return "✓" if not view.reason else "■" if view.yours else "·" if view.holder else "✗"


def verdict(reason: str, warning: str = "", yours: str = "") -> Content:
    """Whether the choice may be offered; ``yours``: the player's own build, said as it stands."""
    if yours:
        return Content.assemble(("■ ", "bold $text-primary"), tr(yours))
    if reason:
        return Content.assemble((_("✗ not now: "), "bold $text-error"), tr(reason))
    if warning:
        return Content.assemble((_("⚠ you may offer this, but "), "bold $text-warning"), tr(warning))
    return Content.assemble((_("✓ you may offer this"), "bold $text-success"))


class JoinScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("c", "confirm", "Confirm"),
        Binding("x", "withdraw", "Withdraw", tooltip="when you are a member; it asks first"),
    ]

    def __init__(self, programme: str, preselect: str | None = None) -> None:
        super().__init__()
        self.programme = programme
        self.preselect = preselect
        self.choices: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="join-head", classes="step", markup=False)
        with Horizontal(classes="picker"):
            with Vertical(id="join-list"):
                yield OptionList(id="contributions")
                yield Static(legend_lines(0), id="join-legend", markup=False)
            with VerticalScroll(classes="details"):
                yield Static(id="join-details", markup=False)
        with Horizontal(id="confirm-row"):
            yield Button(_("Confirm"), id="confirm", variant="primary", compact=True)
            yield Static(id="join-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        menu = self.query_one("#contributions", OptionList)
        if self.preselect in self.choices:
            menu.highlighted = self.choices.index(self.preselect)
        menu.focus()

    # ---- reading the engine
    def _views(self) -> tuple[bool, JoinTerms, dict[str, ContributionView]]:
        game = self.game
        state, cs = game.state, game.compiled
        member = state.programmes[self.programme].is_member(state.player)
        views = {view.id: view for view in contribution_views(state, cs, self.programme)}
        return member, join_terms(state, cs, self.programme), views

    def refresh_view(self) -> None:
        game = self.game
        view = programme_view(game.state, game.compiled, self.programme)
        self.sub_title = f"{tr(view.name)} · {game.date}"
        self.query_one("#join-head", Static).update(
            Content.assemble(
                (tr(view.short), "bold"),
                "  ",
                status(view.status),
                "  " + _("health {health}% ").format(health=f"{view.health:.0f}").rstrip(),
                "  " + _("lead {agencies}").format(agencies=", ".join(tr(lead) for lead in view.leads)),
                ("  " + _("you: {standing}").format(standing="").rstrip() + " ", "$text-muted"),
                (tr(view.standing), "bold"),
            )
        )
        _member, terms, views = self._views()
        menu = self.query_one("#contributions", OptionList)
        keep = menu.highlighted
        menu.clear_options()
        self.choices = []
        width = menu.scrollable_content_region.width - OPTION_PADDING
        if terms.observer is not None:
            self.choices.append(OBSERVER)
            mark = "✓" if not terms.observer_reason else "✗"
            head = Content(f"{mark} {_('Join without a contribution')}")
            menu.add_option(Option(Content("\n").join(hanging(head, width, NAME_INDENT)), id=OBSERVER))
        for sid, contribution in views.items():
            self.choices.append(sid)
            mark = mark_of(contribution)
            turns = contribution.build_turns
            cost = ngettext("{cost} · {count} turn", "{cost} · {count} turns", turns).format(
                cost=money(contribution.cost), count=turns
            )
            lines = [
                *hanging(Content(f"{mark} {tr(contribution.name)}"), width, NAME_INDENT),
                *hanging(Content.styled(cost, "$text-muted"), width, NAME_INDENT, NAME_INDENT),
            ]
            menu.add_option(Option(Content("\n").join(lines), id=sid))
        if keep is not None and keep < menu.option_count:
            menu.highlighted = keep
        elif menu.option_count:
            menu.highlighted = 0
        legend = self.query_one("#join-legend", Static)
        legend.update(legend_lines(legend.content_region.width))
        self._details()

    def on_resize(self) -> None:
        self.refresh_view()  # the names wrap to the new width, under their mark

    def _selected(self) -> str | None:
        menu = self.query_one("#contributions", OptionList)
        if menu.highlighted is None or not self.choices:
            return None
        return self.choices[menu.highlighted]

    def _details(self) -> None:
        member, terms, views = self._views()
        choice = self._selected()
        lines: list[Content] = []
        warning = yours = ""
        if choice == OBSERVER:
            lines += [
                Content.assemble((_("Join without a contribution"), "bold")),
                Content(
                    _(
                        "No cost now. You can offer a contribution once you are in; "
                        "an application with one is more likely to be accepted."
                    )
                ),
            ]
            reason = terms.observer_reason
        elif choice is not None:
            lines += contribution_lines(
                views[choice], self.query_one("#join-details", Static).content_region.width
            )
            reason = views[choice].reason
            warning = views[choice].warning
            yours = views[choice].holder if views[choice].yours else ""
        else:
            reason = _("this programme has no contributions to offer")
        lines.append(Content(""))
        lines += terms_lines(terms, member)
        if not member:
            lines.append(Content(_("The leads answer at the end of the turn.")))
        self.query_one("#join-details", Static).update(Content("\n").join(lines))
        self.query_one("#join-status", Static).update(verdict(reason, warning, yours))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._details()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_confirm()

    # ---- acting
    def _action(self) -> Action | None:
        _member, terms, views = self._views()
        choice = self._selected()
        if choice == OBSERVER:
            return terms.observer
        if choice is None:
            return None
        return views[choice].action

    def action_confirm(self) -> None:
        action = self._action()
        line = self.query_one("#join-status", Static)
        if action is None:
            _member, _terms, views = self._views()
            choice = views.get(self._selected() or "")
            if choice is not None and choice.yours:  # the player's own: where it stands
                line.update(verdict("", "", choice.holder))
            else:
                line.update(verdict(_("this contribution is already taken")))
            return
        outcome = self.cislunar.act(action)
        if not outcome.ok:
            line.update(verdict(outcome.reason))
            return
        handler = handler_for(action)
        done = tr(handler.done) if handler is not None else _("Done")
        game = self.game
        self.notify(done, title=tr(game.compiled.programmes[self.programme].model.short))
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "withdraw":
            game = self.game
            return game.player in game.state.programmes[self.programme].members
        return True

    def action_withdraw(self) -> None:
        """Ask first, with what leaving costs; then leave."""
        from game.engine.queries import consequences
        from game.tui.screens.confirm import ConfirmScreen

        game = self.game
        action = Action("withdraw", self.programme)
        short = tr(game.compiled.programmes[self.programme].model.short)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._withdraw(action)

        costs = consequences(game.state, game.compiled, action)
        question = _("Withdraw from {programme}?").format(programme=short)
        self.app.push_screen(ConfirmScreen(question, costs, _("Withdraw")), confirmed)

    def _withdraw(self, action: Action) -> None:
        outcome = self.cislunar.act(action)
        if outcome.ok:
            short = tr(self.game.compiled.programmes[self.programme].model.short)
            self.notify(_("You left {programme}").format(programme=short), severity="warning")
            self.refresh_view()
        else:
            self.query_one("#join-status", Static).update(verdict(outcome.reason))

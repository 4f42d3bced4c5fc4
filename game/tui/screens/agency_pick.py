"""Set-up, step 2: pick an agency (budget, strengths, relations at a glance) and a seed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.campaign import Campaign, seed_refusal
from game.format.models import Agency, Scenario
from game.i18n import _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import money, relation_word
from game.tui.widgets.footer import Footer


def describe(agency: Agency, scenario: Scenario) -> Content:
    """Budget, strengths and relations of an agency, each with its number."""
    areas = {c.id: tr(c.name) for c in scenario.capabilities}
    shorts = {a.id: tr(a.short) for a in scenario.agencies}
    blocs = {b.id: tr(b.name) for b in scenario.blocs}
    lines = [
        Content.assemble(
            (tr(agency.name), "bold"), "  ", (blocs.get(agency.bloc, agency.bloc), "$text-muted")
        ),
        Content(tr(agency.description.strip())) if agency.description else Content(""),
        Content.assemble(
            (_("budget") + " ", "$text-muted"),
            _("{money}/yr").format(money=money(agency.budget)),
            ("  " + _("in hand") + " ", "$text-muted"),
            money(agency.money),
        ),
        Content.assemble(
            (_("support") + " ", "$text-muted"),
            f"{agency.support:.0f}%",
            ("  " + _("prestige") + " ", "$text-muted"),
            f"{agency.prestige:.0f}",
            ("  " + _("science") + " ", "$text-muted"),
            f"{agency.science:.0f}",
            ("  " + _("astronauts") + " ", "$text-muted"),
            str(agency.astronaut_count),
        ),
        Content.assemble((_("strengths"), "bold")),
    ]
    for area in scenario.capabilities:
        level = agency.capabilities.get(area.id, 0)
        lines.append(Content(f"  {areas[area.id]:<16} {'■' * level}{'□' * (5 - level)} {level}"))
    lines.append(Content.assemble((_("relations"), "bold")))
    relations = dict(agency.relations)
    for other in scenario.agencies:
        if other.id != agency.id and agency.id in other.relations and other.id not in relations:
            relations[other.id] = other.relations[agency.id]
    for other, value in sorted(relations.items(), key=lambda item: -item[1]):
        lines.append(Content(f"  {shorts.get(other, other):<10} {value:+4.0f}  {relation_word(value)}"))
    if not relations:
        lines.append(Content("  " + _("neutral with everyone")))
    return Content("\n").join(lines)


class AgencyScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "start", "Start"),
        Binding("r", "random_seed", "Random seed"),
    ]

    def __init__(self, campaign: Campaign) -> None:
        super().__init__()
        self.campaign = campaign
        self.scenario = campaign.scenario
        self.agencies = self.scenario.playable_agencies()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("New campaign · 2/2 · {scenario} · pick your agency").format(
                scenario=tr(self.scenario.title, "title")
            ),
            classes="step",
        )
        with Horizontal(classes="picker"):
            yield OptionList(*(Option(tr(a.name), id=a.id) for a in self.agencies), id="agencies")
            with VerticalScroll(classes="details"):
                yield Static(id="agency-details", markup=False)
        with Horizontal(id="seed-row"):
            yield Label(_("Seed"))
            seed = self.cislunar.seed
            yield Input(
                value="" if seed is None else str(seed),
                placeholder=_("random"),
                type="integer",
                id="seed",
                compact=True,
            )
            yield Button(_("Start") + " ▶", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#seed", Input).cursor_blink = self.cislunar.blink
        menu = self.query_one("#agencies", OptionList)
        menu.highlighted = 0
        menu.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        agency = next(a for a in self.agencies if a.id == event.option.id)
        self.query_one("#agency-details", Static).update(describe(agency, self.scenario))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    def action_random_seed(self) -> None:
        from game.tui.launch import new_seed

        self.query_one("#seed", Input).value = str(new_seed())

    def action_start(self) -> None:
        from game.tui.launch import new_seed

        menu = self.query_one("#agencies", OptionList)
        agency = self.agencies[menu.highlighted or 0]
        text = self.query_one("#seed", Input).value.strip()
        typed = text.lstrip("-").isdigit()
        if typed and seed_refusal(text):
            self.notify(seed_refusal(text), title=_("Choose another seed"), severity="error", timeout=10)
            return
        seed = int(text) if typed else new_seed()
        campaign = self.campaign
        self.cislunar.start_campaign(campaign.start(agency.id, seed), campaign.path)

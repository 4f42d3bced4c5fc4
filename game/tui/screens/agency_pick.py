"""Set-up, step 2: pick an agency (budget, strengths, relations at a glance), a difficulty and a seed."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.campaign import Campaign, seed_refusal
from game.format.models import Agency, Difficulty, Scenario
from game.i18n import _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import figure, level_label, level_text, money, points, relation_word, signed_figure
from game.tui.widgets.footer import Footer


def describe(agency: Agency, scenario: Scenario) -> Content:
    """Budget, strengths and relations of an agency, each with its number."""
    areas = {c.id: tr(c.name) for c in scenario.capabilities}
    shorts = {a.id: tr(a.short) for a in scenario.agencies}
    blocs = {b.id: tr(b.name) for b in scenario.blocs}
    needed = scenario.score_to_win(agency)
    lines = [
        Content.assemble(
            (tr(agency.name), "bold"), "  ", (blocs.get(agency.bloc, agency.bloc), "$text-muted")
        ),
        Content(tr(agency.description.strip())) if agency.description else Content(""),
        Content.assemble(
            (_("score to win") + " ", "$text-muted"),
            (points(needed, float(needed).is_integer()), "bold"),
        ),
        Content.assemble(
            (_("budget") + " ", "$text-muted"),
            _("{money}/yr").format(money=money(agency.budget)),
            ("  " + _("in hand") + " ", "$text-muted"),
            money(agency.money),
        ),
        Content.assemble(
            (_("support") + " ", "$text-muted"),
            f"{figure(agency.support)}%",
            ("  " + _("prestige") + " ", "$text-muted"),
            figure(agency.prestige),
            ("  " + _("science") + " ", "$text-muted"),
            figure(agency.science),
            ("  " + _("astronauts") + " ", "$text-muted"),
            str(agency.astronaut_count),
        ),
        Content.assemble((_("strengths"), "bold")),
    ]
    # the bars in one column, after the longest name ('Human spaceflight' pushed its bar out of line)
    name_width = max((cell_len(name) for name in areas.values()), default=0)
    top = scenario.rules.capability_max
    for area in scenario.capabilities:
        level = agency.capabilities.get(area.id, 0)
        name = areas[area.id]
        padded = name + " " * (name_width - cell_len(name))
        lines.append(Content(f"  {padded} {'■' * level}{'□' * max(0, top - level)} {level}"))
    lines.append(Content.assemble((_("relations"), "bold")))
    relations = dict(agency.relations)
    for other in scenario.agencies:
        if other.id != agency.id and agency.id in other.relations and other.id not in relations:
            relations[other.id] = other.relations[agency.id]
    for other, value in sorted(relations.items(), key=lambda item: -item[1]):
        relation = signed_figure(value)
        lines.append(Content(f"  {shorts.get(other, other):<10} {relation:>4}  {relation_word(value)}"))
    if not relations:
        lines.append(Content("  " + _("neutral with everyone")))
    return Content("\n").join(lines)


def describe_level(level: Difficulty) -> Content:
    """The difficulty level chosen and what it changes (the agency's figures above include it)."""
    return Content.assemble(
        (_("Difficulty") + " ", "bold"),
        (level_label(level), "bold"),
        ("  " + level_text(level), "$text-muted"),
    )


class AgencyScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "start", "Start"),
        Binding("r", "random_seed", "Random seed"),
        Binding("d", "next_level", "Difficulty"),
    ]

    def __init__(self, campaign: Campaign) -> None:
        super().__init__()
        self.campaign = campaign
        self.scenario = campaign.scenario
        self.agencies = self.scenario.playable_agencies()
        self.levels = self.scenario.difficulty_levels()
        default = self.scenario.difficulty()
        self.level = self.levels.index(default) if default in self.levels else 0

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
            yield Label(_("Difficulty"))
            yield Button(level_label(self.levels[self.level]), id="difficulty", compact=True)
            yield Button(_("Start") + " ▶", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        asked = self.cislunar.difficulty
        ids = [level.id for level in self.levels]
        if asked in ids:  # the level of --difficulty, when this scenario offers it
            self.level = ids.index(asked)
            self.query_one("#difficulty", Button).label = level_label(self.levels[self.level])
        self.query_one("#seed", Input).cursor_blink = self.cislunar.blink
        menu = self.query_one("#agencies", OptionList)
        menu.highlighted = 0
        menu.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_details()

    def show_details(self) -> None:
        """The highlighted agency as the chosen level makes it (its budget, its money), and the level."""
        level = self.levels[self.level]
        adjusted = self.campaign.at(level.id).scenario
        highlighted = self.query_one("#agencies", OptionList).highlighted or 0
        agency = next(a for a in adjusted.agencies if a.id == self.agencies[highlighted].id)
        details = Content("\n").join([describe(agency, adjusted), Content(""), describe_level(level)])
        self.query_one("#agency-details", Static).update(details)

    def action_next_level(self) -> None:
        """The next difficulty level, easiest again after the hardest."""
        self.level = (self.level + 1) % len(self.levels)
        self.query_one("#difficulty", Button).label = level_label(self.levels[self.level])
        self.show_details()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "difficulty":
            self.action_next_level()
        else:
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
        level = self.levels[self.level].id
        self.cislunar.start_campaign(campaign.start(agency.id, seed, level), campaign.path)

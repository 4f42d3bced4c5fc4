"""Set-up, step 1: pick a scenario, shipped or from the user's own folder."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.campaign import Campaign, CampaignError
from game.format.catalogue import ScenarioEntry, list_scenarios
from game.i18n import N_, _, scenario_text
from game.paths import user_scenarios_dir
from game.tui.screens.base import CampaignScreen
from game.tui.text import short_path
from game.tui.widgets.footer import Footer

#: Where a scenario comes from, as the description's second line says it after its years.
ORIGIN = {"shipped": N_("shipped with the game"), "user": N_("from your scenario folder")}
#: The origin as the list says it, short.
ORIGIN_SHORT = {"shipped": N_("shipped"), "user": N_("user")}


def describe(entry: ScenarioEntry) -> Content:
    """Title, years and description, or the first problem that stops the file from loading."""
    description = scenario_text(entry.path, "description", entry.description.strip())
    lines = [
        Content.assemble((scenario_text(entry.path, "title", entry.title), "bold")),
        Content.assemble(
            (_("years") + " ", "$text-muted"),
            entry.years or "?",
            "   " + _(ORIGIN[entry.origin]),
        ),
        Content(""),
        Content(description or _("No description.")),
        Content(""),
        Content.assemble((_("file") + " ", "$text-muted"), short_path(entry.path)),
    ]
    if entry.version or entry.author:  # the mod's credits, when its file states them
        version = [(_("version") + " ", "$text-muted"), f"{entry.version}   "] if entry.version else []
        author = [(_("by") + " ", "$text-muted"), entry.author] if entry.author else []
        lines.insert(2, Content.assemble(*version, *author))
    if entry.problem:
        lines[1:1] = [Content.assemble((_("✗ does not load: "), "bold $text-error"), entry.problem)]
    return Content("\n").join(lines)


class ScenarioScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "choose", "Choose", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[ScenarioEntry] = []

    def compose(self) -> ComposeResult:
        self.entries = list_scenarios(self.cislunar.scenario_dirs)
        yield Header()
        yield Static(_("New campaign · 1/2 · pick a scenario"), classes="step")
        with Horizontal(classes="picker"):
            yield OptionList(*self._options(), id="scenarios")
            with VerticalScroll(classes="details"):
                yield Static(id="scenario-details", markup=False)
        yield Footer()

    def _options(self) -> list[Option]:
        if not self.entries:
            message = _("No scenarios found; add some to {folder}").format(folder=user_scenarios_dir())
            return [Option(message, disabled=True)]
        return [
            Option(
                f"{scenario_text(entry.path, 'title', entry.title)}\n  "
                f"{entry.years} · {_(ORIGIN_SHORT[entry.origin])}"
                + (" · " + _("✗ errors") if entry.problem else ""),
                id=str(i),
            )
            for i, entry in enumerate(self.entries)
        ]

    def on_mount(self) -> None:
        menu = self.query_one("#scenarios", OptionList)
        menu.focus()
        if self.entries:
            menu.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.query_one("#scenario-details", Static).update(describe(self.entries[int(event.option.id)]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        menu = self.query_one("#scenarios", OptionList)
        if menu.highlighted is None or not self.entries:
            return
        entry = self.entries[menu.highlighted]
        try:
            campaign = Campaign.load(entry.path)
        except CampaignError as error:
            problems = [str(d) for d in error.diagnostics[:6]] or [entry.problem or _("cannot be read")]
            self.query_one("#scenario-details", Static).update(
                Content("\n").join(
                    [Content.assemble((_("✗ This scenario does not load:"), "bold $text-error"))]
                    + [Content(p) for p in problems]
                )
            )
            return
        from game.tui.screens.agency_pick import AgencyScreen

        self.cislunar.translate_scenario(entry.path)
        self.app.push_screen(AgencyScreen(campaign))

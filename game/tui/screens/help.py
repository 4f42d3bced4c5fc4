"""The rules in short and every key, read from the screens' own bindings so it never drifts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from game.i18n import N_, _
from game.tui.screens.base import CampaignScreen
from game.tui.text import hanging
from game.tui.widgets.footer import Footer

#: Where a rule's text runs on, under the words after its bullet ('• ').
BULLET = 2

#: The rules, keys named as the footer and the keys table name them (lowercase letters).
RULES = [
    N_("You run a space agency's lunar plans, one turn (usually a quarter) at a time."),
    N_(
        "• Money comes once a year: the appropriation grows with public support and with the budget "
        "bonuses your contributions earn. Builds are paid turn by turn; a build you cannot pay stalls "
        "and strains its programme. Press m for the budget of the next five years: it warns before "
        "a year you cannot pay. Where the scenario says so, the treasury claws back part of what is "
        "left unspent at a year's end: the budget shows how much, and the dashboard warns in the "
        "year's last turn."
    ),
    N_(
        "• Money, science, prestige and domestic support pull against each other. If support "
        "collapses, or you stay in debt too long, the campaign is lost."
    ),
    N_(
        "• Join a programme by applying, ideally offering a contribution (a module, an instrument, a "
        "service). The leads answer at the end of the turn; relations with them matter, and joining "
        "one bloc's programme can cool relations with the other."
    ),
    N_(
        "• Contributions earn crew seats, science and prestige once delivered and flown. Milestones "
        "slip when programmes are strained; the timeline shows every slip."
    ),
    N_(
        "• Or go alone: fly national missions; capabilities come from investing, or from the "
        "research tree (p) where the scenario has one."
    ),
    N_("• Events ask for a decision; each choice lists its known effects."),
    N_(
        "• The score counts the scenario's objectives: the dashboard lists them with their progress, "
        "points and deadlines, and o explains how each one scores; the debrief shows the score at "
        "the end (b: so far)."
    ),
    N_(
        "• Press f for the outlook: where each road (each programme, going alone, staying the course) is "
        "likely to lead from this turn, found by playing the campaign forward many times."
    ),
    N_(
        "• Astronauts fly the crew seats you earn. Where the scenario names them, c opens the corps: "
        "train them (readiness lowers the odds of a loss), assign them to seats (a seat nobody was "
        "assigned to goes to the readiest) and open selection rounds for new ones."
    ),
    N_(
        "• Where the scenario has deals, the agencies make offers with terms and a deadline: n opens "
        "the deals screen, to accept or refuse them, read your ledger of agreements and propose deals "
        "of your own (p), with the other side's balance shown before you send. Breaking an agreement "
        "costs what you were told when signing."
    ),
    N_("• Cancelling a build, withdrawing or leaving a campaign asks first and says what it costs."),
    N_(
        "• The campaign is saved after every turn (its autosave); Ctrl+S keeps a copy under a new "
        "name. Continue or Load on the title screen resume one."
    ),
    N_(
        "Every number that changed shows ▲ or ▼ and its amount; click it, press Enter on it, or press "
        "w on the dashboard for the reasons."
    ),
]


def rules() -> str:
    """The rules in the language in force, a paragraph a line."""
    return "\n".join(_(paragraph) for paragraph in RULES)


def rules_shown(width: int = 0) -> Content:
    """The rules wrapped to ``width``, each bullet's lines running on under its text, not back
    at the left edge (a paragraph a line while the width is not known)."""
    lines: list[Content] = []
    for paragraph in rules().splitlines():
        lines += hanging(Content(paragraph), width, BULLET if paragraph.startswith("• ") else 0)
    return Content("\n").join(lines)


def key_name(key: str) -> str:
    names = {"escape": "Esc", "question_mark": "?", "enter": "Enter"}
    if key in names:
        return names[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key.removeprefix("ctrl+").upper()
    return key.upper() if len(key) > 1 else key


def key_lines(title: str, bindings: list[BindingType], skip: frozenset[str] = frozenset()) -> list[Content]:
    """One screen's keys (not those in ``skip``, listed once under Everywhere); runs of number
    keys are shown once as 1-9; a key that works only at times says when (its tooltip); a key
    that says what it does now ('Hide refused', 'Show refused') is one line with both."""
    lines = [Content.assemble((_(title), "bold $text-primary"))]
    numbers = False
    said: dict[str, str] = {}  # each key's words, in the order first bound
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.key in skip:
            continue
        if binding.key.isdigit():
            if not numbers:
                numbers = True
                what = _("open a programme card") if "card" in binding.action else _("pick that choice")
                said["1-9"] = what
            continue
        when = f" ({_(binding.tooltip)})" if binding.tooltip else ""
        words = f"{_(binding.description)}{when}"
        key = key_name(binding.key)
        said[key] = f"{said[key]} / {words}" if key in said else words
    lines += [Content(f"  {key:<8} {words}") for key, words in said.items()]
    return lines


def all_keys() -> list[Content]:
    from game.tui.app import CislunarApp
    from game.tui.screens.agency_pick import AgencyScreen
    from game.tui.screens.budget import BudgetScreen
    from game.tui.screens.corps import CorpsScreen
    from game.tui.screens.dashboard import DashboardScreen
    from game.tui.screens.deals import DealsScreen
    from game.tui.screens.debrief import DebriefScreen
    from game.tui.screens.decisions import DecisionsScreen
    from game.tui.screens.event import EventScreen
    from game.tui.screens.join import JoinScreen
    from game.tui.screens.objectives import ObjectivesScreen
    from game.tui.screens.outlook import OutlookScreen
    from game.tui.screens.proposal import ProposalScreen
    from game.tui.screens.reasons import ReasonsScreen
    from game.tui.screens.research import ResearchScreen
    from game.tui.screens.rivals import RivalsScreen
    from game.tui.screens.scenario_pick import ScenarioScreen
    from game.tui.screens.timeline import TimelineScreen
    from game.tui.screens.title import TitleScreen

    sections: list[tuple[str, list[BindingType]]] = [
        (N_("Everywhere"), [*CislunarApp.BINDINGS, Binding("ctrl+p", "palette", "Command palette")]),
        (N_("Title"), TitleScreen.BINDINGS),
        (N_("Scenario and agency"), [*ScenarioScreen.BINDINGS, *AgencyScreen.BINDINGS[1:]]),
        (N_("Dashboard"), DashboardScreen.BINDINGS),
        (N_("Decisions"), DecisionsScreen.BINDINGS),
        (N_("Join a programme"), JoinScreen.BINDINGS),
        (N_("Event"), EventScreen.BINDINGS),
        (N_("Why"), ReasonsScreen.BINDINGS),
        (N_("Objectives"), ObjectivesScreen.BINDINGS),
        (N_("Astronaut corps"), CorpsScreen.BINDINGS),
        (N_("Research"), ResearchScreen.BINDINGS),
        (N_("Budget"), BudgetScreen.BINDINGS),
        (N_("Outlook"), OutlookScreen.BINDINGS),
        (N_("Rivals"), RivalsScreen.BINDINGS),
        (N_("Deals"), [DealsScreen.PROPOSE_KEY]),
        (N_("Propose a deal"), ProposalScreen.BINDINGS),
        (N_("Timeline"), TimelineScreen.BINDINGS),
        (N_("Debrief"), DebriefScreen.BINDINGS),
    ]
    lines: list[Content] = []
    everywhere = frozenset(b.key for b in CislunarApp.BINDINGS if isinstance(b, Binding))
    for title, bindings in sections:
        lines.extend(key_lines(title, bindings, frozenset() if title == "Everywhere" else everywhere))
    lines.append(
        Content(_("Mouse: click a figure for its reasons, a card to open it, a button to press it."))
    )
    return lines


class HelpScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f1", "app.pop_screen", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(Content.assemble((_("How to play"), "bold underline")), markup=False)
            yield Static(rules_shown(), id="rules", markup=False)
            yield Static(Content.assemble((_("Keys"), "bold underline")), markup=False)
            yield Static(Content("\n").join(all_keys()), id="keys", markup=False)
        yield Footer()

    def on_resize(self) -> None:
        shown = self.query_one("#rules", Static)
        shown.update(rules_shown(shown.content_region.width))

    def on_mount(self) -> None:
        self.sub_title = _("Help")
        self.query_one("#help").focus()

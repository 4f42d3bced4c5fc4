"""The command palette (Ctrl+P): the main actions of a campaign, found by typing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from game.engine.queries import visible_programmes
from game.i18n import _, available_languages, current_language, language_name, tr

if TYPE_CHECKING:
    from game.tui.app import CislunarApp

Command = tuple[str, str, Callable[[], object]]


class CampaignCommands(Provider):
    """Every screen of a campaign (decisions, timeline, relations, why, debrief, each programme),
    help, theme, save and a new campaign."""

    def commands(self) -> list[Command]:
        app: CislunarApp = self.app  # type: ignore[assignment]
        found: list[Command] = [
            (_("Help"), _("The rules in short and every key"), app.action_help),
            (_("Toggle theme"), _("Switch between the light and the dark theme"), app.action_toggle_theme),
            (_("New campaign"), _("Back to the title screen to set up a campaign"), app.action_new_campaign),
            *(
                (
                    _("Language: {name}").format(name=language_name(code)),
                    _("Show the game in this language, now and next time"),
                    partial(app.change_language, code),
                )
                for code in available_languages()
                if code != current_language()
            ),
        ]
        if app.can_save:
            found.append((_("Save"), _("Keep a copy of the campaign under a new name"), app.action_save))
        game = app.game
        dashboard = app.dashboard()
        if game is None or dashboard is None:
            return found
        found[:0] = [
            (_("End turn"), _("Finish this turn and see what happens"), app.end_turn),
            (_("Decisions"), _("Every action of this turn with its cost"), dashboard.action_decisions),
            (_("Timeline"), _("Milestones planned against actual"), dashboard.action_timeline),
            (_("Relations"), _("Every other agency, its bloc and your relation"), dashboard.action_relations),
            (
                _("Why did my figures change?"),
                _("The reasons behind this turn's changes"),
                dashboard.action_why,
            ),
            (_("National missions"), _("The go-alone path"), dashboard.action_go_alone),
            (
                _("Debrief"),
                _("The score and the story of the campaign")
                if game.over
                else _("The score and the story of the campaign, so far"),
                app.show_debrief,
            ),
        ]
        for pid in visible_programmes(game.state, game.compiled):
            cp = game.compiled.programmes[pid]
            found.append(
                (
                    _("Join or contribute: {programme}").format(programme=tr(cp.model.short)),
                    tr(cp.model.name),
                    partial(dashboard.open_programme, pid),
                )
            )
        return found

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

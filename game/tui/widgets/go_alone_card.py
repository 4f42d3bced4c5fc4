"""The national path beside the programmes: missions under way, flown, and what blocks them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from game.engine.queries import GoAloneView
from game.i18n import _, tr
from game.tui.widgets.programme_card import ProgrammeCard

MARK = {"available": "○", "building": "■", "ready": "▲", "flown": "✓", "refused": "·"}


class GoAloneCard(ProgrammeCard):
    """Click or Enter opens the national missions and investments."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", show=False)]

    def show_path(self, view: GoAloneView, room: int = 5) -> None:
        """Missions under way first, then those open to start, then the rest, up to ``room`` lines;
        the skill levels last, whole ('Hab4', never 'Hab…'), over as many lines as the card's width
        needs, which the missions give up."""
        levels = " ".join(f"{tr(name)[:3]}{level}" for name, level in view.capabilities)
        label = _("skills (p) ") if view.research else _("skills ")  # P opens the research tree
        skills = Content.assemble((label, "$text-muted"), levels)
        width = self.content_region.width
        skill_lines = skills.wrap(width) if width > 0 else [skills]
        room = max(1, room - (len(skill_lines) - 1))
        self.border_title = f"{self.index} " + _("Go alone")
        crew = (
            _("crew on the Moon")
            if view.crewed_surface
            else _("crew in orbit")
            if view.crewed_orbit
            else _("no crew yet")
        )
        lines: list[Content] = [Content(crew)]
        self.border_subtitle = _("national path")
        order = {"ready": 0, "building": 1, "available": 2, "flown": 3, "refused": 4}
        missions = sorted(view.missions, key=lambda m: order[m.state])
        for mission in missions[:room]:
            text = f"{MARK[mission.state]} {tr(mission.name)}"
            if mission.state == "ready":  # its odds first, where a narrow card still shows them
                text = f"{MARK['ready']} {mission.reliability:.0%} {tr(mission.name)} " + _(
                    "launch {date} (l)"
                ).format(date=mission.launch)
            elif mission.state == "building":
                text += " " + _("({count} left)").format(count=mission.turns_left)
            elif mission.failures:
                text += " " + _("({count} failed)").format(count=mission.failures)
            lines.append(Content(text))
        if len(missions) > room:
            lines.append(
                Content.assemble((_("+{count} more").format(count=len(missions) - room), "$text-muted"))
            )
        lines.extend(skill_lines)
        self.update(Content("\n").join(lines), layout=False)
        self.tooltip = _(
            "○ can start  ■ building  ▲ waiting for launch (l: its odds)  ✓ flown  · not yet possible. "
            "Enter or click to open."
        )

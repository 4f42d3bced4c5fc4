"""The national path beside the programmes: missions under way, flown, and what blocks them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from game.engine.queries import GoAloneView
from game.tui.widgets.programme_card import ProgrammeCard

MARK = {"available": "○", "building": "■", "flown": "✓", "refused": "·"}


class GoAloneCard(ProgrammeCard):
    """Click or Enter opens the national missions and investments."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", show=False)]

    def show_path(self, view: GoAloneView, room: int = 5) -> None:
        """Missions under way first, then those open to start, then the rest, up to ``room`` lines."""
        self.border_title = f"{self.index} Go alone"
        crew = (
            "crew on the Moon"
            if view.crewed_surface
            else "crew in orbit"
            if view.crewed_orbit
            else "no crew yet"
        )
        lines: list[Content] = [Content(crew)]
        self.border_subtitle = "national path"
        order = {"building": 0, "available": 1, "flown": 2, "refused": 3}
        missions = sorted(view.missions, key=lambda m: order[m.state])
        for mission in missions[:room]:
            text = f"{MARK[mission.state]} {mission.name}"
            if mission.state == "building":
                text += f" ({mission.turns_left} left)"
            elif mission.failures:
                text += f" ({mission.failures} failed)"
            lines.append(Content(text))
        if len(missions) > room:
            lines.append(Content.assemble((f"+{len(missions) - room} more", "$text-muted")))
        levels = " ".join(f"{name[:3]}{level}" for name, level in view.capabilities)
        lines.append(Content.assemble(("skills ", "$text-muted"), levels))
        self.update(Content("\n").join(lines), layout=False)
        self.tooltip = "○ can start  ■ building  ✓ flown  · not yet possible. Enter or click to open."

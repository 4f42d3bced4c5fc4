"""An event awaiting the player's choice, as a modal: its text, each choice's known effects and odds.

The dialog cannot be dismissed without an answer (the engine refuses other actions while
an event waits); it returns the chosen id and the app sends the engine's answer action.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from game.engine.queries import choice_effects, choice_odds
from game.engine.state import PendingEvent
from game.engine.texts import event_text
from game.format.dates import format_date
from game.i18n import _, tr
from game.tui.keys import EVERYWHERE
from game.tui.screens.base import CampaignModal
from game.tui.widgets.footer import Footer

#: The keys of choices 2 to 9 and their actions (their description is the first's: the key says which).
CHOICE_KEYS = [(str(n), f"choose({n})") for n in range(2, 10)]


class EventScreen(CampaignModal[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Choose", key_display="1-9"),
        *(Binding(key, action, "Choose", show=False) for key, action in CHOICE_KEYS),
        *EVERYWHERE,
    ]

    def __init__(self, uid: int, event_id: str) -> None:
        super().__init__()
        self.uid = uid
        self.event_id = event_id

    def compose(self) -> ComposeResult:
        game = self.game
        cs = game.compiled
        pending = next((p for p in game.state.pending if p.uid == self.uid), None)
        if pending is None:  # answered meanwhile: shown as the scenario wrote it, with no happening
            pending = PendingEvent(self.uid, self.event_id, game.state.month)
        event = event_text(game.state, cs, pending)  # templates rendered, with the happening it answers
        effects = choice_effects(game.state, cs, self.event_id, pending.happening)
        odds = choice_odds(game.state, cs, self.event_id, pending.happening)
        with Vertical(classes="dialog", id="event-dialog") as dialog:
            dialog.border_title = f"! {tr(event.title)}"
            dialog.border_subtitle = format_date(pending.month, cs.turn_months)
            with VerticalScroll(id="event-body"):
                if event.text.strip():  # the title is on the border: never say it twice
                    yield Static(tr(event.text).strip(), id="event-text", markup=False)
                for n, choice in enumerate(event.choices, start=1):
                    yield Button(
                        f"{n} {tr(choice.label)}", id=f"choice-{choice.id}", classes="choice", compact=True
                    )
                    known = effects[choice.id]
                    lines = [Content(tr(choice.text).strip())] if choice.text.strip() else []
                    lines.append(
                        Content.assemble(
                            (_("effects: "), "$text-muted"),
                            "; ".join(tr(effect) for effect in known) if known else _("none known"),
                        )
                    )
                    if choice.id in odds:  # a gamble: each way it may turn out, with its chance now
                        lines.append(Content.styled(_("then, by chance:"), "$text-muted"))
                        lines.extend(Content(f"  {tr(outcome.line)}") for outcome in odds[choice.id])
                    yield Static(Content("\n").join(lines), classes="choice-effects", markup=False)
            yield Static(_("Press a number or click a choice."), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("choice-"):
            self.dismiss(event.button.id.removeprefix("choice-"))

    def action_choose(self, number: int) -> None:
        choices = self.game.compiled.events[self.event_id].model.choices
        if 1 <= number <= len(choices):
            self.dismiss(choices[number - 1].id)

"""The keys that work on every screen, the modal dialogs included.

Textual stops looking for bindings at a modal screen, so a dialog that should let the
player open the help or save (an event that waits for an answer) lists these itself.
"""

from __future__ import annotations

from textual.binding import Binding

#: Help, theme and save: the app's keys on every screen and dialog. The theme is left out of
#: the footers (the help and the palette offer it), so that every footer fits in 80 columns.
EVERYWHERE: tuple[Binding, ...] = (
    Binding("f1", "app.help", "Help"),
    Binding("question_mark", "app.help", "Help", show=False),
    Binding("ctrl+t", "app.toggle_theme", "Theme", show=False),
    Binding("ctrl+s", "app.save", "Save", tooltip="while a campaign is played"),
)

#: Quitting reaches past every dialog (a priority binding), so it is listed once, on the app.
QUIT = Binding("ctrl+q", "app.quit", "Quit", priority=True)

"""What the start-up and memory benchmarks both run: the game and a bare Textual app, to the first frame.

Each is the source of a ``python -c`` program. The game runs through its real entry point;
run it with CISLUNAR_EXIT_AFTER_FIRST_FRAME set (game/tui/launch.py) and it exits, like the
bare app, right after its first screen has been drawn.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from textual.app import App, ComposeResult
from textual.widgets import Label

class Bare(App):
    def compose(self) -> ComposeResult:
        yield Label("Hello")

    def on_mount(self) -> None:
        self.screen.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

GAME = "import sys; from game.cli.main import main; sys.exit(main(sys.argv[1:]))"

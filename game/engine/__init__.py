"""The game engine: state, legal actions, the turn pipeline, other agencies, events, scoring.

Pure Python: no Textual, no printing, no file I/O. All randomness comes from the one
seeded generator held in the game state, so a scenario, a seed and a list of actions
always give the same campaign. Faces (the TUI, the CLI, the bots) drive it through
:class:`game.engine.game.Game`.
"""

from game.engine import native

native.choose()  # before any other engine module loads: compiled, or the sources (native.py says why)

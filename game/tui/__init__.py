"""The Textual face of Cislunar: screens that show the engine's state and send it actions.

Only ``game.cli.play`` imports this package, lazily, so other commands never pay for Textual.
"""

"""Widgets of the Cislunar TUI, one per file."""

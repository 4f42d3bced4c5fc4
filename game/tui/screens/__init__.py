"""One module per screen of the Cislunar TUI."""

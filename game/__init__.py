"""Cislunar: a deterministic, data-driven strategy game about the lunar programmes of the 2020s."""

#: The one place the version is written (pyproject.toml reads it from here). A constant, not
#: importlib.metadata: that lookup costs about 50 ms of every start.
__version__ = "0.1.0"

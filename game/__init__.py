"""Cislunar: a deterministic, data-driven strategy game about the lunar programmes of the 2020s."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cislunar")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

"""Walks over a loaded scenario's models: one place that knows where effects may stand."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.format.models import Effect


def effects_in(model: Any) -> Iterator[Effect]:
    """Every effect anywhere in a scenario (or any part of one), in the order of the file."""
    if isinstance(model, Effect):
        yield model
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            yield from effects_in(getattr(model, name))
    elif isinstance(model, list | tuple):
        for item in model:
            yield from effects_in(item)
    elif isinstance(model, dict):
        for item in model.values():
            yield from effects_in(item)

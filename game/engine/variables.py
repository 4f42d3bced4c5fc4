"""The scenario's own numeric variables and per-agency flags, as effects change them.

Variables are numbers a scenario keeps for itself (a count of failures, a trust score), global
or one agency's; conditions read them with var / agency_var / my_var, and an unset one reads 0.
Every value stays finite and within the expressions' bound, so a save can always hold it.
"""

from __future__ import annotations

import math
from functools import cache

from game.engine.agency_names import agency_named
from game.engine.expressions import Getter, compile_expression, number
from game.engine.state import GameState
from game.engine.watch import FLAGS, touch
from game.format.expressions import MAX_NUMBER
from game.format.models import AgencyFlagChange, VariableChange


@cache
def _expression(text: str) -> Getter:
    """An effect's value expression compiled once (the loader checked it gives a number)."""
    return compile_expression(text)


def bounded(value: float) -> float:
    """``value`` kept finite and within the expressions' bound (a NaN of inf - inf reads 0)."""
    if math.isnan(value):
        return 0.0
    return float(max(-MAX_NUMBER, min(MAX_NUMBER, value)))


def _value(state: GameState, value: float | str) -> float:
    return number(_expression(value)(state)) if isinstance(value, str) else value


def change(state: GameState, changes: list[VariableChange]) -> None:
    """Set or add to each variable in turn (a later change reads the earlier ones' results)."""
    touch(state, FLAGS)
    for item in changes:
        if item.agency is None:
            values = state.variables
        else:
            values = state.agency_variables.setdefault(agency_named(state, item.agency), {})
        if item.set is not None:
            values[item.name] = bounded(_value(state, item.set))
        else:
            assert item.add is not None  # the model holds exactly one of set and add
            values[item.name] = bounded(values.get(item.name, 0) + _value(state, item.add))


def flag(state: GameState, changes: list[AgencyFlagChange]) -> None:
    """Set, then clear, each agency's flags; an agency left with none is dropped."""
    touch(state, FLAGS)
    for item in changes:
        agency = agency_named(state, item.agency)
        flags = state.agency_flags.setdefault(agency, set())
        flags.update(item.set)
        flags.difference_update(item.clear)
        if not flags:
            del state.agency_flags[agency]

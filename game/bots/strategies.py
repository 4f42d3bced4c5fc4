"""The strategies of a scenario by name: a road per programme, alone, random, greedy, and installed ones.

The roads come from the scenario: one strategy per programme that takes partners, named by
the programme's id, and ``alone`` for national missions. ``random`` (the luck baseline) and
``greedy`` (a one-turn look-ahead) play any scenario. The skilled players (game/bots/planner.py)
are named ``planner:ROAD`` for each road and ``planner`` (free to choose its road); they are
valid names everywhere but not in the default set (they cost playouts: ``--judge planner``
plays them in the balance report), and take the playouts per decision as an option.
Other packages may add strategies
through the ``cislunar.strategies`` entry-point group: each entry is a name and a class (or
any callable) that takes the seed and returns a :class:`Strategy`; it is imported only
when a campaign plays it. A built-in name wins over a programme's or an installed one.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

from game.bots.base import Strategy
from game.bots.chance import RandomStrategy
from game.bots.greedy import GreedyStrategy
from game.bots.planner import FreePlanner, planner_class
from game.bots.roads import AloneStrategy, programme_strategy
from game.format.models import Scenario

Factory = Callable[[int], Strategy]

#: The entry-point group third-party strategies are installed under.
ENTRY_POINT_GROUP = "cislunar.strategies"
#: The road that takes no partner.
ALONE = "alone"
#: The strategies every scenario has besides its programmes' roads.
BOTS: dict[str, Factory] = {ALONE: AloneStrategy, "random": RandomStrategy, "greedy": GreedyStrategy}
#: The free skilled player, and the prefix of the one that keeps to a road (``planner:gateway``).
PLANNER = "planner"


class UnknownStrategy(ValueError):
    """A strategy name the scenario does not have; the message lists the ones it has."""


def programme_roads(scenario: Scenario) -> list[str]:
    """The ids of the programmes a player can join, in the scenario's order: one road each."""
    return [p.id for p in scenario.programmes if p.open and p.id not in BOTS]


def roads(scenario: Scenario) -> list[str]:
    """Every road a player of the scenario chooses between: its programmes, then going alone."""
    return [*programme_roads(scenario), ALONE]


def installed() -> dict[str, metadata.EntryPoint]:
    """The strategies other packages installed, by name, not yet imported."""
    return {entry.name: entry for entry in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def strategy_names(scenario: Scenario) -> list[str]:
    """Every strategy that can play the scenario: its roads, random, greedy, then installed ones."""
    names = [*programme_roads(scenario), *BOTS]
    return names + [name for name in installed() if name not in names]


def planner_names(scenario: Scenario) -> list[str]:
    """The skilled players of the scenario: one per road (``planner:ROAD``), then the free one."""
    return [f"{PLANNER}:{road}" for road in roads(scenario)] + [PLANNER]


def valid_names(scenario: Scenario) -> list[str]:
    """Every name ``make_strategy`` knows for the scenario: the default set, then the planners."""
    return strategy_names(scenario) + [name for name in planner_names(scenario) if name not in BOTS]


def make_strategy(
    name: str, seed: int, scenario: Scenario, playouts: int | None = None, thorough: bool = False
) -> Strategy:
    """The strategy ``name`` for a campaign of ``scenario``; UnknownStrategy when it has none of that name.

    ``playouts``: a planner's playouts per decision (None: its default); ``thorough``: the thorough
    planner (game/bots/planner.py, ``THOROUGH``); other strategies ignore both.
    """
    if name == PLANNER:
        return FreePlanner(seed, playouts, tuple(roads(scenario)), thorough)
    if name.startswith(f"{PLANNER}:") and name.partition(":")[2] in roads(scenario):
        return planner_class(name.partition(":")[2])(seed, playouts, thorough)
    if name in BOTS:
        return BOTS[name](seed)
    if name in programme_roads(scenario):
        return programme_strategy(name)(seed)
    entry = installed().get(name)
    if entry is None:
        raise UnknownStrategy(
            f"unknown strategy '{name}' for scenario '{scenario.id}'; "
            f"choose from {', '.join(valid_names(scenario))}"
        )
    return entry.load()(seed)


def __getattr__(name: str) -> dict[str, Factory]:
    """``STRATEGIES``: the shipped default scenario's strategies, for scripts older than per-scenario ones.

    New code asks :func:`strategy_names` with the scenario it plays.
    """
    if name != "STRATEGIES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from game.format.loader import load_scenario
    from game.paths import default_scenario

    scenario = load_scenario(default_scenario()).unwrap()
    return {road: programme_strategy(road) for road in programme_roads(scenario)} | BOTS

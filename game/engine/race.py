"""The race for firsts: achievements every agency can earn, worth most to the first to earn them.

A scenario's ``race:`` names the achievements (the first lunar orbit, landing, crew on the
surface...), the prestige each earns its first, second and later agencies (and the first of a
bloc, when another bloc was first), and who had earned what before the campaign. An agency
earns one by a happening the achievement is hooked on (``on:``: a crew landing, a mission
flown, a milestone, whose leads earn it), by a step of its national plan that earns it
(game/engine/plans.py), or, for the player, by a condition that holds at the end of a turn.
Each agency earns each achievement once; the order of ``state.firsts`` is the race's order.

A scenario without a race never reaches this module: ``cs.race`` is None.
"""

from __future__ import annotations

from game.engine import ledger
from game.engine.compiled import CompiledRace, CompiledScenario
from game.engine.firsts import rank_among
from game.engine.state import GameState, Happening
from game.engine.watch import FIRSTS, known, touch, watch_of
from game.format.models import Achievement
from game.i18n import msg


def race_of(cs: CompiledScenario) -> CompiledRace:
    """The scenario's race (only asked where there is one)."""
    assert cs.race is not None, "the race is asked about in a scenario that has none"
    return cs.race


def earned(state: GameState, achievement: str) -> list[tuple[str, int]]:
    """The agencies that earned ``achievement`` and the month each did, first first."""
    return state.firsts.get(achievement, [])


def month_earned(state: GameState, achievement: str, agency: str) -> int | None:
    """The month index ``agency`` earned ``achievement`` in (before the start for history), or None."""
    for who, month in state.firsts.get(achievement, ()):
        if who == agency:
            return month
    return None


def prize(model: Achievement, rank: int) -> float:
    """The prestige of the ``rank``-th agency to earn an achievement (1: the first), bloc aside."""
    prizes = (model.first, model.second)
    return prizes[rank - 1] if rank <= len(prizes) else model.later


def prestige_for(race: CompiledRace, state: GameState, achievement: str, agency: str) -> float:
    """The prestige ``agency`` would earn with ``achievement`` now: by its rank, plus the bloc's first."""
    model = race.achievements[achievement]
    done = state.firsts.get(achievement, ())
    if any(who == agency for who, _ in done):
        return 0.0
    rank = rank_among(race.blocs, model, done, agency)
    prestige = prize(model, rank)
    bloc = race.blocs.get(agency)
    if (
        model.first_among == "world"
        and rank > 1
        and model.bloc_first
        and all(race.blocs.get(who) != bloc for who, _ in done)
    ):
        prestige += model.bloc_first
    return prestige


def is_first(state: GameState, achievement: str, agency: str) -> bool:
    """Whether ``agency`` was first to earn ``achievement`` among the agencies whose first it is."""
    among = state.firsts_among.get(achievement)
    if among is not None:
        return agency in among
    done = state.firsts.get(achievement)
    return bool(done) and done[0][0] == agency


def award(state: GameState, cs: CompiledScenario, achievement: str, agency: str) -> bool:
    """``agency`` earns ``achievement`` now, unless it has already: prestige, news, happenings.

    True when it was earned now.
    """
    race = race_of(cs)
    if month_earned(state, achievement, agency) is not None:
        return False
    prestige = prestige_for(race, state, achievement, agency)
    done = state.firsts.setdefault(achievement, [])
    model = race.achievements[achievement]
    rank = rank_among(race.blocs, model, done, agency)
    done.append((agency, state.month))
    if model.first_among != "world" and rank == 1:  # the world's firsts are read from ``done``
        state.firsts_among.setdefault(achievement, []).append(agency)
    touch(state, FIRSTS)
    if state.records:  # the news, worded only where it is kept
        ledger.report(
            state,
            "race",
            _award_news(model, cs.agencies[agency].short, rank, prestige),
            None,
            agency == state.player,
        )
    ledger.gain(state, state.agencies[agency], "prestige", prestige, model.name)
    hooks = cs.hooks  # events hooked on the race's own happenings (no achievement is: the checks)
    for kind in ("achievement_earned", "first_achieved") if rank == 1 else ("achievement_earned",):
        if kind in hooks:
            state.happenings.append(Happening(kind, agency=agency, achievement=achievement))
    return True


def _award_news(model: Achievement, short: str, rank: int, prestige: float) -> str:
    """The news of an agency earning an achievement as the ``rank``-th (among the agencies whose
    first it is), for ``prestige``."""
    if rank == 1 and model.first_among == "bloc":
        return msg(
            "{agency} is the first of its bloc to reach {achievement}", agency=short, achievement=model.name
        )
    if rank == 1 and model.first_among == "self":
        return msg("{agency} reaches {achievement}, a first for it", agency=short, achievement=model.name)
    if rank == 1:
        return msg("{agency} is the first to reach {achievement}", agency=short, achievement=model.name)
    if prestige > prize(model, rank):
        return msg(
            "{agency} is the first of its bloc to reach {achievement}", agency=short, achievement=model.name
        )
    if model.first_among == "bloc":
        return msg(
            "{agency} reaches {achievement}, number {rank} of its bloc to do so",
            agency=short,
            achievement=model.name,
            rank=rank,
        )
    return msg(
        "{agency} reaches {achievement}, number {rank} to do so",
        agency=short,
        achievement=model.name,
        rank=rank,
    )


def answer_happening(state: GameState, cs: CompiledScenario, happening: Happening) -> None:
    """The achievements ``happening`` earns: the earner's the scenario names, else the happening's
    agency's, else the leads' of its programme."""
    race = race_of(cs)
    for achievement, filters, earner in race.hooks.get(happening.kind, ()):
        for detail, value in filters:  # a loop, not all() of a generator: every flight asks
            if getattr(happening, detail) != value:
                break
        else:
            for agency in [earner] if earner else _earners(state, happening):
                award(state, cs, achievement, agency)


def _earners(state: GameState, happening: Happening) -> list[str]:
    if happening.agency:
        return [happening.agency]
    programme = state.programmes.get(happening.programme)
    return list(programme.leads) if programme is not None else []


#: Where a state's Watch keeps the versions the race's conditions last earned nothing at.
_RACE = "race conditions"


def race_conditions(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: the achievements whose condition the player meets this turn."""
    race = cs.race
    if race is None or not race.conditions:
        return
    stamp = race.stamp
    if stamp is not None:  # the conditions read only watched channels (game/engine/watch.py)
        watch = watch_of(state)
        before = stamp(watch.versions)
        if watch.known.get(_RACE) == (before, 0):
            return  # nothing they read changed since a turn they earned nothing: they earn nothing
    player, firsts = state.player, state.firsts
    earned = 0
    for achievement, condition in race.checks:
        for who, _ in firsts.get(achievement, ()):  # month_earned, without a call
            if who == player:
                break  # earned already
        else:
            steady, rest = condition  # steady: kept while what it reads is unchanged
            if (steady is None or known(state, steady)) and (rest is None or rest(state)):
                earned += award(state, cs, achievement, player)
    if stamp is not None:
        watch.known[_RACE] = (before, earned)

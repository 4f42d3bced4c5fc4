"""Start building a national mission: going alone, without partners."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import m, missing_capability
from game.engine.builds import mission_success
from game.engine.compiled import CompiledScenario
from game.engine.research import locked
from game.engine.rulebook import instalment
from game.engine.state import GameState, k
from game.engine.watch import BUILDS, touch
from game.i18n import N_, msg, msgn


class Mission(ActionHandler):
    kind = "mission"
    description = N_("Build and fly a national mission of your own.")
    group = N_("National missions (go alone)")
    rank = 2

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target = action.target
        mission = cs.missions.get(target)
        if mission is None:
            return msg("no mission '{target}'", target=target)
        mission_state = state.missions[target]
        if mission_state.build.status == "building":
            return N_("already being built")
        if mission_state.successes and not mission.repeatable:
            return N_("already flown")
        if mission.after and not state.missions[mission.after].successes:
            return msg("fly {name} first", name=cs.missions[mission.after].name)
        missing = missing_capability(state, cs, mission.requires)
        if not missing and cs.unlocked_by:
            missing = locked(state, cs, target)
        if missing:
            return missing
        due = instalment(k(mission.cost), mission.build_turns)
        money = state.me.money
        return (
            msg("the first payment is {due}; you have {money}", due=m(due), money=m(money))
            if money < due
            else ""
        )

    def status(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        """The player's own build of the mission under way: the turns it has left."""
        found = state.missions.get(action.target)
        if found is None or found.build.status != "building" or found.build.owner != state.player:
            return ""
        turns = found.build.turns_left
        return msgn(
            "under way: {turns} turn of building left",
            "under way: {turns} turns of building left",
            turns,
            turns=turns,
        )

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        mission = cs.missions[action.target]
        build = state.missions[action.target].build
        build.owner, build.status = state.player, "building"
        touch(state, BUILDS)
        build.turns_left, build.cost_left, build.paid, build.stalled = (
            mission.build_turns,
            k(mission.cost),
            0,
            0,
        )
        ledger.report(state, "action", msg("You start {name}", name=mission.name), None, True)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, (mid, mission) in enumerate(cs.missions.items()):
            if state.missions[mid].successes and not mission.repeatable:
                continue
            total = k(mission.cost)
            yield (
                (self.rank, index),
                Action(self.kind, mid),
                msg("Build {name}", name=mission.name),
                instalment(total, mission.build_turns),
                total,
                msgn(
                    "{build_turns} turn, {success:.0%} success; +{science:.0f} science",
                    "{build_turns} turns, {success:.0%} success; +{science:.0f} science",
                    mission.build_turns,
                    build_turns=mission.build_turns,
                    success=cs.flight_bases[mid]  # its flight's base, if it flies
                    if mid in cs.flight_bases
                    else mission_success(state, cs, mid),
                    science=mission.science,
                ),
            )

    def road(self, action: Action) -> str | None:
        return ""


HANDLER = Mission()

"""The engine's time to end a turn in the TUI, turn by turn over whole campaigns of the default scenario.

Issue 13's goal: "ending a turn in the TUI stays under 100 ms of engine time on the default
scenario". The TUI's end of turn (``CislunarApp.end_turn`` and the dashboard's ``refresh_view``)
asks the engine for two things: ``Game.end_turn`` (the turn's steps, the next turn's opening,
its report), then the figures the dashboard redraws from (the programmes shown, the budget and
its five-year plan, the objectives, the timeline of every programme shown, the timed modifiers,
the programme cards and the go-alone card). This plays campaigns as the TUI does, without
Textual: a Game with its reports and the faces' translatable texts kept (``keep_sources``), the
turn's moves made by a strategy (not timed: a player's thinking), and times only those engine
calls of each end of turn. The autosave that follows (writing the file) is the faces' and is
timed apart. Times are this process's CPU time; the reference loop of benchmarks/campaigns.py
is timed before and after, so the worst turn is also given as on the reference box.

    .venv/bin/python benchmarks/turn.py [--seeds 3] [--strategy greedy] [--agency ID ...]
                                        [--scenario PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from campaigns import REFERENCE_BOX, reference_loop

from game.bots import make_strategy, strategy_names
from game.cli.common import load_compiled
from game.engine.actions import END_TURN
from game.engine.budget_plan import budget_plan
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.goals import goals_view
from game.engine.queries import (
    budget_view,
    go_alone_view,
    milestone_views,
    modifier_views,
    net_changes,
    programme_views,
    visible_programmes,
)
from game.engine.snapshot import state_to_data
from game.i18n import keep_sources

GOAL_MS = 100.0  # engine time to end one turn, on the default scenario


def dashboard_queries(game: Game) -> None:
    """What the dashboard asks the engine for as it redraws after a turn (its refresh_view)."""
    state, cs = game.state, game.compiled
    shown = visible_programmes(state, cs)
    report = game.reports[-1] if game.reports else None
    if report is not None:
        net_changes(report.new_changes())
    net_changes(state.changes)
    budget_view(state, cs)
    budget_plan(state, cs)
    modifier_views(state, cs)
    programme_views(state, cs)
    go_alone_view(state, cs)
    goals_view(state, cs)
    for pid in shown:
        milestone_views(state, cs, pid)


def campaign(compiled: CompiledScenario, agency: str, strategy: str, seed: int) -> tuple[list[float], float]:
    """CPU seconds of the engine for each end of turn of one whole campaign, and the autosaves' total."""
    game = Game(compiled, agency, seed)
    bot = make_strategy(strategy, seed, compiled.scenario)
    turns: list[float] = []
    saving = 0.0
    clock = time.process_time
    while not game.over:
        bot.answer_events(game)
        bot.act(game)
        start = clock()
        outcome = game.act(END_TURN)
        dashboard_queries(game)
        turns.append(clock() - start)
        assert outcome.ok, outcome.reason
        start = clock()
        state_to_data(game.state)  # what the autosave serialises (the file's writing not counted)
        saving += clock() - start
    return turns, saving


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="seeds 1..N for every agency")
    parser.add_argument("--strategy", default="greedy", help="who makes the turn's moves (not timed)")
    parser.add_argument("--agency", action="append", help="default: every playable agency")
    parser.add_argument("--scenario", help="a scenario file or id (default: the default scenario)")
    options = parser.parse_args()

    compiled = load_compiled(options.scenario)
    if compiled is None:
        return 1
    if options.strategy not in strategy_names(compiled.scenario):
        parser.error(f"unknown strategy '{options.strategy}'")
    agencies = options.agency or compiled.playable()
    keep_sources(True)  # as the TUI plays: every text keeps its template for translation
    references = [reference_loop()]
    times: list[float] = []
    worst = (0.0, "", 0, 0)
    saving = 0.0
    for agency in agencies:
        for seed in range(1, options.seeds + 1):
            turns, saved = campaign(compiled, agency, options.strategy, seed)
            times.extend(turns)
            saving += saved
            slowest = max(range(len(turns)), key=turns.__getitem__)
            if turns[slowest] > worst[0]:
                worst = (turns[slowest], agency, seed, slowest + 1)
    references.append(reference_loop())
    reference = statistics.median(references)

    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    on_box = worst[0] * 1000 * REFERENCE_BOX / reference
    print(
        f"scenario {compiled.scenario.id}, {len(agencies)} agencies x seeds 1..{options.seeds}, "
        f"moves by '{options.strategy}': {len(ms)} ends of turn"
    )
    print(f"reference loop: median {reference:.2f} s CPU here; the reference box: {REFERENCE_BOX:.2f} s")
    print(
        f"engine time per end of turn: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ms[-1]:.1f} ms ({worst[1]}, seed {worst[2]}, turn {worst[3]}); "
        f"max on the reference box {on_box:.1f} ms"
    )
    verdict = "within" if on_box < GOAL_MS else "over"
    print(f"goal: under {GOAL_MS:g} ms: {verdict} (the worst turn is x{on_box / GOAL_MS:.2f} of the goal)")
    print(f"autosave's serialisation (not engine time): {saving / len(ms) * 1000:.1f} ms per turn on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())

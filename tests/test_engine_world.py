"""Programmes that change during a campaign, and effects aimed at the world's agencies (issue 12).

A hidden programme neither flies, builds nor takes partners until an effect announces it; an
effect can open or close a programme, replace its admission rule, change a computer agency's
policy, and aim at another agency or at 'player', whoever plays.
"""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.engine.admission import admission_rule, is_open
from game.engine.compiled import CompiledScenario
from game.engine.effects import apply_effects
from game.engine.game import Game
from game.engine.policies import movers
from game.engine.queries import describe_effects, programme_views
from game.engine.snapshot import state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from game.format.models import Effect
from tests.helpers import MINI_TEXT, compiled_from, play_turns

HIDDEN_ILRS = ("    kind: surface\n", "    kind: surface\n    hidden: true\n")
JAXA_WANTS_ILRS = ("preferences: {gateway: 0.9}", "preferences: {ilrs: 1}")
#: ILRS is announced in 2023-Q1, after its lander's planned date (2022-Q3).
REVEAL = """  - id: reveal
    title: China opens its station to partners
    after: 2023-Q1
    effects: [{announce: [ilrs]}]
"""


def with_events(events: str, *edits: tuple[str, str]) -> CompiledScenario:
    text = MINI_TEXT
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return compiled_from(text.replace("objectives:\n", events + "objectives:\n", 1))


@pytest.fixture(scope="module")
def hidden() -> CompiledScenario:
    return with_events(REVEAL, HIDDEN_ILRS, JAXA_WANTS_ILRS)


def effect(**keys: object) -> list[Effect]:
    return [Effect.model_validate(keys)]


def news(game: Game) -> str:
    return "\n".join(item.text for report in game.reports for item in report.news)


def test_a_hidden_programme_waits_unseen_until_it_is_announced(hidden: CompiledScenario) -> None:
    game = Game(hidden, "esa", 1)
    ilrs = game.state.programmes["ilrs"]
    assert ilrs.hidden
    assert game.check(Action("apply", "ilrs")) == "no programme 'ilrs'"
    assert all(offer.action.target != "ilrs" for offer in game.options())
    assert "ilrs" not in [view.id for view in programme_views(game.state, hidden)]
    play_turns(game, 8)  # to 2023-Q1: the lander was due in 2022-Q3
    ilrs = game.state.programmes["ilrs"]
    assert ilrs.milestones[0].status == "pending" and ilrs.health == 70
    assert "jaxa" not in ilrs.members  # it wants ILRS above all, and cannot join it yet
    assert "ILRS" not in news(game)
    play_turns(game, 1)
    ilrs = game.state.programmes["ilrs"]
    assert not ilrs.hidden
    assert "International Lunar Research Station is announced" in news(game)
    assert "ilrs" in [view.id for view in programme_views(game.state, hidden)]
    assert game.check(Action("apply", "ilrs")) == ""
    play_turns(game, 3)
    assert game.state.programmes["ilrs"].milestones[0].status == "flown"
    assert "jaxa" in game.state.programmes["ilrs"].members


def test_nothing_is_told_of_a_hidden_programme(hidden: CompiledScenario) -> None:
    game = Game(hidden, "esa", 1)
    told = list(game.state.news)
    secret = effect(
        slip=[{"programme": "ilrs", "turns": 1}],
        overrun=[{"programme": "ilrs", "percent": 10}],
        status=[{"programme": "ilrs", "status": "cancelled"}],
    )
    apply_effects(game.state, hidden, secret, "in secret")
    assert game.state.programmes["ilrs"].status == "cancelled"
    assert game.state.news == told


def test_announced_reads_whether_a_programme_is_public(hidden: CompiledScenario) -> None:
    text = MINI_TEXT.replace(*HIDDEN_ILRS).replace(
        "objectives:\n", REVEAL + 'objectives:\n  - {id: news, name: News, when: announced("ilrs")}\n', 1
    )
    cs = compiled_from(text)
    game = Game(cs, "esa", 1)
    play_turns(game, 10)
    assert "news" in game.state.achieved
    assert game.state.achieved["news"] == cs.start + 8 * 3


def test_an_effect_does_not_join_anyone_to_a_programme_still_hidden(hidden: CompiledScenario) -> None:
    game = Game(hidden, "esa", 1)
    apply_effects(game.state, hidden, effect(join=[{"agency": "player", "programme": "ilrs"}]), "test")
    assert not game.state.programmes["ilrs"].is_member("esa")
    both = effect(announce=["ilrs"], join=[{"agency": "player", "programme": "ilrs"}])
    apply_effects(game.state, hidden, both, "test")  # announced first, then joined
    assert game.state.programmes["ilrs"].is_member("esa")


def test_closing_and_opening_a_programme_is_state_and_is_saved(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    apply_effects(game.state, mini, effect(close=["gateway"]), "a quarrel")
    assert not is_open(game.state, mini, "gateway")
    assert game.check(Action("apply", "gateway")) == "Gateway takes no new partners"
    assert state_from_data(state_to_data(game.state)).programmes["gateway"].open_to_partners is False
    apply_effects(game.state, mini, effect(open=["gateway"]), "peace")
    assert game.check(Action("apply", "gateway")) == ""
    assert game.state.programmes["gateway"].open_to_partners is None  # as the scenario says again


def test_a_new_admission_rule_replaces_the_old_one_and_survives_a_save(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    rule = {"programme": "gateway", "min_relation": 90, "base_chance": 1, "refusal": "Not now."}
    apply_effects(game.state, mini, effect(admission=[rule]), "a new board")
    assert admission_rule(game.state, mini, "gateway").model.min_relation == 90
    refused = "Gateway asks for relations of 90 with NASA; yours are 60"
    assert game.check(Action("apply", "gateway")) == refused
    restored = state_from_data(state_to_data(game.state))
    assert admission_rule(restored, mini, "gateway").model.base_chance == 1
    condition = {"programme": "gateway", "condition": {"not": 'member("ilrs")'}, "refusal": "Not ILRS."}
    into_ilrs = [{"agency": "esa", "programme": "ilrs"}]
    apply_effects(game.state, mini, effect(admission=[condition], join=into_ilrs), "")
    assert game.check(Action("apply", "gateway")) == "Not ILRS."
    apply_effects(game.state, mini, effect(admission=[{"programme": "gateway", "min_relation": 20}]), "")
    assert game.state.programmes["gateway"].admission == ""  # the scenario's rule again


def test_a_campaign_without_the_new_keys_saves_none_of_their_state(mini: CompiledScenario) -> None:
    data = state_to_data(Game(mini, "esa", 1).state)
    assert "policies" not in data
    assert not {"hidden", "open_to_partners", "admission"} & set(data["programmes"]["gateway"])
    assert state_from_data(data).programmes["gateway"].hidden is False


def test_an_effect_aimed_at_another_agency_moves_its_figures_not_the_players(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    nasa, esa = game.state.agencies["nasa"].money, game.state.me.money
    aimed = effect(agency="nasa", money=100, budget=10, relations=[{"agency": "cnsa", "delta": 30}])
    apply_effects(game.state, mini, aimed, "a windfall")
    assert game.state.agencies["nasa"].money == nasa + 100_000
    assert game.state.me.money == esa
    assert game.state.agencies["nasa"].budget_modifier == 10
    assert game.state.relation("nasa", "cnsa") == -30
    assert describe_effects(aimed, game.state, mini) == [
        "NASA money +100 M$",
        "NASA next budgets +10%",
        "relations NASA–CNSA +30",
    ]


@pytest.mark.parametrize("player", ["esa", "jaxa"])
def test_player_names_whoever_plays(mini: CompiledScenario, player: str) -> None:
    game = Game(mini, player, 1)
    before = game.state.relation(player, "cnsa")
    money = game.state.me.money
    apply_effects(
        game.state,
        mini,
        effect(
            agency="player",
            money=5,
            relations=[{"agency": "cnsa", "of": "player", "delta": 7}],
            join=[{"agency": "player", "programme": "ilrs"}],
        ),
        "for everyone",
    )
    assert game.state.me.money == money + 5000
    assert game.state.programmes["ilrs"].is_member(player)
    # joining ILRS has its own on-join effects, none on CNSA: the +7 is the effect's alone
    assert game.state.relation(player, "cnsa") == before + 7


@pytest.mark.parametrize("player", ["esa", "jaxa"])
def test_player_owns_the_variables_and_flags_an_effect_gives_it(mini: CompiledScenario, player: str) -> None:
    game = Game(mini, player, 1)
    given = effect(
        vars=[{"name": "trust", "agency": "player", "add": 2}],
        agency_flags=[{"agency": "player", "set": ["briefed"]}],
    )
    apply_effects(game.state, mini, given, "for everyone")
    assert game.state.agency_variables == {player: {"trust": 2}}
    assert game.state.agency_flags == {player: {"briefed"}}


def test_a_policy_change_steers_the_computer(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    assert [m.id for m in movers(game.state, mini)] == ["jaxa"]
    change = {"agency": "jaxa", "preferences": {"gateway": 0, "ilrs": 1}, "boldness": 0.5}
    apply_effects(game.state, mini, effect(policy=[change, {"agency": "nasa", "funding": 0}]), "a new chief")
    (jaxa,) = movers(game.state, mini)
    assert jaxa.preferences == (("ilrs", 1.0),) and jaxa.policy.boldness == 0.5
    assert state_from_data(state_to_data(game.state)).policies["nasa"].funding == 0
    twin = Game(mini, "esa", 1)
    play_turns(game, 6)
    play_turns(twin, 6)
    assert game.state.programmes["gateway"].health < twin.state.programmes["gateway"].health  # unfunded
    programmes = game.state.programmes
    assert programmes["ilrs"].is_member("jaxa") and not programmes["gateway"].is_member("jaxa")


# ---------------------------------------------------------------- bad input


BAD = [
    ("{announce: [ilr]}", "unknown-id", "unknown programme 'ilr'; did you mean 'ilrs'?"),
    ("{close: [gatway]}", "unknown-id", "unknown programme 'gatway'; did you mean 'gateway'?"),
    ("{agency: nsa, money: 5}", "unknown-id", "unknown agency 'nsa'; did you mean 'nasa'?"),
    ("{policy: [{agency: jaxa, boldness: 2}]}", "invalid-value", "boldness"),
    ("{policy: [{agency: jaxa, preferences: {gatewya: 1}}]}", "unknown-id", "did you mean 'gateway'?"),
    ("{policy: [{agency: jxa}]}", "unknown-id", "unknown agency 'jxa'; did you mean 'jaxa'?"),
    ("{admission: [{programme: ilrs, condition: 'year =>'}]}", "expression", ">="),
    ("{admission: [{programme: ilrs, min_relation: 500}]}", "invalid-value", "min_relation"),
    ("{join: [{agency: players, programme: ilrs}]}", "unknown-id", "did you mean 'player'?"),
    ("{open: ilrs}", "invalid-value", "open"),
    ("{vars: [{name: trust, agency: playr, add: 1}]}", "unknown-id", "did you mean 'player'?"),
]


@pytest.mark.parametrize(("written", "code", "words"), BAD, ids=[b[0] for b in BAD])
def test_each_new_key_gives_a_located_error(written: str, code: str, words: str) -> None:
    text = MINI_TEXT.replace("    effects: [{money: -10}]", f"    effects: [{written}]", 1)
    result = load_scenario_bytes("world.yaml", text.encode())
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert len(errors) == 1, errors
    (error,) = errors
    line = text.splitlines().index(f"    effects: [{written}]") + 1
    assert (error.code, error.line) == (code, line)
    assert words in error.message and "Traceback" not in error.message

"""Weighted random outcomes of a choice or of an event: odds, the one generator, the news, bad input."""

from __future__ import annotations

import pytest

from game.bots.greedy import GreedyStrategy
from game.engine.actions import Action
from game.engine.events import answer, odds
from game.engine.game import Game
from game.engine.queries import choice_odds
from game.format.loader import load_scenario_bytes
from tests.authoring_support import BASE, edit, located, position
from tests.helpers import MINI_TEXT, compiled_from

CALM = """      - id: calm
        label: Stay calm
        effects: [{support: 5, set_flags: [calm]}]
"""
CALM_GAMBLE = (
    CALM
    + """        outcomes:
          - {id: holds, label: it holds, text: The calm holds., weight: 3, effects: [{prestige: 10}]}
          - id: fails
            label: it fails
            weight: 2 - relation("nasa") / 60
            effects: [{prestige: -10, money: -300, set_flags: [shaken]}]
"""
)
#: An event that fires as the campaign begins, without choices, and draws one of three outcomes.
OMEN = """  - id: omen
    title: An omen
    effects: [{science: 1}]
    outcomes:
      - {id: good, label: a good sign, text: The sky is clear., weight: 6, effects: [{prestige: 3}]}
      - {id: bad, label: a bad sign, weight: 3, effects: [{support: -3}]}
      - {id: none, label: nothing, weight: 1}
  - id: crisis
"""


def with_omen(*edits: tuple[str, str]) -> Game:
    text = MINI_TEXT.replace("  - id: crisis\n", OMEN, 1)
    for old, new in edits:
        text = edit(text, old, new)
    return Game.new(compiled_from(text), "esa", 0)


def omen_news(game: Game) -> list[str]:
    return [item.text for item in game.state.news if item.text.startswith("An omen:")]


def test_the_odds_are_respected_over_many_seeds() -> None:
    cs = with_omen().compiled
    counts = {"a good sign": 0, "a bad sign": 0, "nothing": 0}
    runs = 600
    for seed in range(runs):
        (told,) = omen_news(Game(cs, "esa", seed))
        counts[told.removeprefix("An omen: ").split(" — ")[0]] += 1
    # 60%, 30%, 10%: within four standard deviations of 600 draws
    assert abs(counts["a good sign"] / runs - 0.6) < 0.08
    assert abs(counts["a bad sign"] / runs - 0.3) < 0.08
    assert abs(counts["nothing"] / runs - 0.1) < 0.05


def test_the_event_applies_its_effects_then_the_outcome_and_the_news_tells_it() -> None:
    cs = with_omen().compiled
    told = {}
    for seed in range(30):
        game = Game(cs, "esa", seed)
        (news,) = omen_news(game)
        told[news] = game
    good = told["An omen: a good sign — The sky is clear."]
    bad = told["An omen: a bad sign"]
    assert good.state.me.science == bad.state.me.science == 1  # the event's own effect, either way
    assert good.state.me.prestige == 3 and good.state.me.support == 50
    assert bad.state.me.prestige == 0 and bad.state.me.support == 47


def test_the_roll_is_deterministic_and_comes_from_the_campaign_generator() -> None:
    cs = with_omen().compiled
    assert omen_news(Game(cs, "esa", 11)) == omen_news(Game(cs, "esa", 11))
    plain = compiled_from(MINI_TEXT)
    # the same seed without the omen: one draw fewer from the one generator, nothing else
    assert Game(cs, "esa", 11).state.rng.getstate() != Game(plain, "esa", 11).state.rng.getstate()


def gamble() -> Game:
    game = Game.new(compiled_from(edit(MINI_TEXT, CALM, CALM_GAMBLE)), "esa", 3)
    while not game.state.pending:
        assert game.end_turn().ok
    return game


def test_a_choice_shows_its_odds_before_it_is_made_and_they_follow_the_expression() -> None:
    game = gamble()
    state, cs = game.state, game.compiled
    shown = choice_odds(state, cs, "crisis")["calm"]
    nasa = state.relation("esa", "nasa")
    fails = 2 - nasa / 60
    assert [o.label for o in shown] == ["it holds", "it fails"]
    assert shown[1].chance == pytest.approx(fails / (3 + fails))
    assert shown[0].line == f"{shown[0].chance:.0%} it holds: prestige +10"
    offer = next(o for o in game.options() if o.action.option == "calm")
    assert offer.effect == f"{shown[0].chance:.0%} it holds, {shown[1].chance:.0%} it fails"
    state.shift_relation("esa", "nasa", 120 - nasa)  # 100: the weight of failing is 2 - 100/60 > 0
    assert choice_odds(state, cs, "crisis")["calm"][1].chance == pytest.approx((1 / 3) / (3 + 1 / 3))
    assert list(choice_odds(state, cs, "crisis")) == ["calm"]  # 'panic' has no outcomes


def test_answering_a_gamble_applies_the_choice_then_one_outcome() -> None:
    seen = set()
    for seed in range(12):
        game = Game.new(compiled_from(edit(MINI_TEXT, CALM, CALM_GAMBLE)), "esa", seed)
        while not game.state.pending:
            game.end_turn()
        prestige = game.state.me.prestige
        assert game.act(Action("answer", str(game.state.pending[0].uid), "calm")).ok
        news = [item.text for item in game.state.news if item.text.startswith("A crisis")]
        assert news[0] == "A crisis: Stay calm"
        assert news[1] in ("A crisis: it holds — The calm holds.", "A crisis: it fails")
        assert "calm" in game.state.flags
        if news[1] == "A crisis: it fails":
            assert "shaken" in game.state.flags and game.state.me.prestige == max(0.0, prestige - 10)
        else:
            assert "shaken" not in game.state.flags and game.state.me.prestige == prestige + 10
        seen.add(news[1])
    assert len(seen) == 2


def test_a_choice_without_outcomes_draws_nothing() -> None:
    game = gamble()
    before = game.state.rng.getstate()
    assert game.act(Action("answer", str(game.state.pending[0].uid), "panic")).ok
    assert game.state.rng.getstate() == before


def test_weights_below_zero_count_as_zero_and_all_zero_draws_none() -> None:
    game = with_omen(
        ("weight: 6,", 'weight: "-5 - year",'),
        ("weight: 3,", 'weight: "0 * year",'),
        ("weight: 1}", "weight: 0}"),
    )
    assert omen_news(game) == []  # nothing drawn, no news
    assert game.state.me.science == 1  # the event's own effects still apply
    assert odds(game.state, game.compiled.events["omen"].outcomes) == [0.0, 0.0, 0.0]
    assert (
        Game(game.compiled, "esa", 0).state.rng.getstate()
        == Game(compiled_from(MINI_TEXT), "esa", 0).state.rng.getstate()
    )  # and no draw


def test_greedy_weighs_a_gamble_by_the_mean_of_its_outcomes() -> None:
    game = gamble()
    bot = GreedyStrategy(seed=1)
    bot.prepare(game)
    pending = game.state.pending[0]
    outcomes = game.compiled.events["crisis"].choice_outcomes["calm"]
    chances = odds(game.state, outcomes)
    parts = []
    for outcome in outcomes:
        twin = game.clone()
        answer(twin.state, twin.compiled, twin.state.pending[0], "calm", outcome.model.id)
        parts.append(bot.lookahead(twin, None))
    assert bot.answer_value(game, pending, "calm") == pytest.approx(
        sum(c * v for c, v in zip(chances, parts, strict=True))
    )
    assert parts[0] != parts[1]  # the two ways it turns out are worth different amounts


# ---------------------------------------------------------------- bad input, located

CUT = "          - budget: -10\n"


def errors_of(text: str) -> list[tuple[str, int, int]]:
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    return located(result.errors)


def gamble_on_cut(outcomes: str) -> str:
    return edit(BASE, CUT, CUT + "        outcomes:\n" + outcomes)


@pytest.mark.parametrize(
    ("outcomes", "code", "needle", "offset", "words"),
    [
        (
            '          - {id: a, label: x, weight: "support > 50"}\n',
            "expression",
            "support > 50",
            0,
            "a number",
        ),
        (
            "          - {id: a, label: x, weight: -1}\n",
            "invalid-value",
            "-1}",
            0,
            "weight is -1, but it must be a number from 0 to 10000",
        ),
        (
            "          - {id: a, label: x, weight: true}\n",
            "invalid-value",
            "true}",
            0,
            "a weight is a number",
        ),
        (
            "          - {id: a, label: x, weight: 1e9}\n",
            "invalid-value",
            "1e9}",
            0,
            "weight is 1000000000, but it must be a number from 0 to 10000",
        ),
        (
            '          - id: a\n            label: x\n            weight: relation("nasaa")\n',
            "unknown-id",
            '"nasaa',
            0,
            "",
        ),
        (
            "          - {id: a, label: x}\n          - {id: a, label: y}\n",
            "duplicate-id",
            "a, label: y",
            0,
            "outcome",
        ),
        ("          - {id: a, label: x, wieght: 2}\n", "unknown-key", "wieght", 0, "weight"),
        ("          - {id: a, text: x}\n", "missing-key", "{id: a", 0, "label"),
        ("          - {id: a, label: x, effects: [{set_flags: [Bad]}]}\n", "invalid-value", "Bad]", 0, ""),
        (
            "          - {id: a, label: x, effects: [{join: [{agency: esaa, programme: station}]}]}\n",
            "unknown-id",
            "esaa",
            0,
            "",
        ),
        ("          - {id: A, label: x}\n", "invalid-value", "A, label", 0, ""),
    ],
    ids=[
        "a condition as a weight",
        "a negative weight",
        "a truth value as a weight",
        "a weight too large",
        "an unknown id in a weight",
        "two outcomes with one id",
        "a misspelt key",
        "no label",
        "a bad flag in an outcome's effect",
        "an unknown agency in an outcome's effect",
        "a bad id",
    ],
)
def test_bad_outcomes_are_located_errors(
    outcomes: str, code: str, needle: str, offset: int, words: str
) -> None:
    text = gamble_on_cut(outcomes)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert [(d.code, d.line, d.column) for d in result.errors] == [(code, *position(text, needle, offset))]
    assert words in result.errors[0].message


def test_an_event_without_choices_may_draw_outcomes_and_a_single_outcome_is_allowed() -> None:
    start, end = BASE.index("    choices:\n"), BASE.index("\nobjectives:")
    # one outcome that sets the flag an objective reads: the linter sees outcomes' effects too
    text = (
        BASE[:start]
        + "    outcomes: [{id: luck, label: luck, effects: [{set_flags: [defended]}]}]\n"
        + BASE[end:]
    )
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert result.errors == [] and result.warnings == []

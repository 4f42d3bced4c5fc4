"""Seeds: every face refuses one that no save could hold, with the range, before playing anything."""

from __future__ import annotations

import pytest

from game.campaign import MAX_SEED, Campaign, CampaignError
from game.cli.main import main
from tests.saves_support import MINI

RANGE = f"a seed is a whole number from -{MAX_SEED} to {MAX_SEED}, so that a save can hold it"


@pytest.mark.parametrize("command", ["play", "serve", "simulate"])
@pytest.mark.parametrize(
    ("seed", "said"),
    [
        (str(2**64), f"seed {2**64} is too large: {RANGE}"),
        (str(-(2**63)), f"seed {-(2**63)} is too large: {RANGE}"),
        ("9" * 40, f"a seed of 40 digits is too large: {RANGE}"),
        ("9" * 5000, f"a seed of 5000 digits is too large: {RANGE}"),
        ("seven", "'seven' is not a whole number"),
    ],
    ids=["2**64", "-2**63", "40-digits", "5000-digits", "words"],
)
def test_a_seed_a_save_cannot_hold_is_a_usage_error(
    command: str, seed: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--scenario", str(MINI), "--seed", seed])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"cislunar {command}: error: argument --seed: {said}"


def test_the_largest_seed_plays_and_one_more_does_not() -> None:
    campaign = Campaign.load(MINI)
    assert campaign.start("esa", MAX_SEED).state.seed == MAX_SEED
    assert campaign.start("esa", -MAX_SEED).state.seed == -MAX_SEED
    with pytest.raises(CampaignError, match="is too large"):
        campaign.start("esa", MAX_SEED + 1)


def test_simulate_refuses_runs_that_would_pass_the_largest_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["simulate", "--scenario", str(MINI), "--seed", str(MAX_SEED), "--runs", "2"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"cislunar: --seed {MAX_SEED} with --runs 2 reaches seed {MAX_SEED + 1}: {RANGE}"
    )

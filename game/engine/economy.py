"""Turn steps of the player's economy and mood: appropriations, drift of support, prestige, relations."""

from __future__ import annotations

from game.engine import ledger
from game.engine.builds import player_builds
from game.engine.calendar import fiscal_year_crossed, fiscal_year_of
from game.engine.compiled import CompiledScenario
from game.engine.happenings import happen
from game.engine.rulebook import clawback
from game.engine.state import GameState
from game.format.words import money
from game.i18n import N_, msg

#: The reasons of every turn's drift, marked for the catalogue once (the faces translate them).
MOOD_SETTLES = N_("public mood settles")
PRESTIGE_FADES = N_("prestige fades")


def appropriation(state: GameState, cs: CompiledScenario) -> int:
    """This year's budget in k$: the base, swung by support, then by budget modifiers."""
    me = state.me
    swing, rest = cs.rules.support_budget_effect, cs.rules.support_rest
    factor = (1 - swing * rest / 100 + swing * me.support / 100) * (1 + me.budget_modifier / 100)
    return max(0, round(me.budget_base * factor))


def appropriate(state: GameState, cs: CompiledScenario, fiscal_year: int) -> None:
    """A fiscal year (named by the calendar year it begins in): the player's appropriation arrives."""
    amount = appropriation(state, cs)
    me = state.me
    me.appropriation = amount
    ledger.pay(state, me, amount, msg("appropriation for {fiscal_year}", fiscal_year=fiscal_year))
    ledger.report(
        state,
        "budget",
        msg(
            "Appropriation for {fiscal_year}: {amount:,.0f} M$", fiscal_year=fiscal_year, amount=amount / 1000
        ),
        None,
        True,
    )
    if "year_began" in cs.hooked_kinds:  # a frequent happening: its own kind tested
        happen(state, cs, "year_began", year=fiscal_year)


def open_campaign_year(state: GameState, cs: CompiledScenario) -> None:
    """The first turn: the appropriation of the fiscal year under way arrives."""
    appropriate(state, cs, fiscal_year_of(state.month, cs.fiscal_first))


def open_fiscal_year(state: GameState, cs: CompiledScenario) -> None:
    """A later turn: a fiscal year's appropriation arrives with the turn that crosses its first month,
    once the treasury has clawed back its share of the year that ended (when the scenario says so)."""
    crossed = fiscal_year_crossed(state.month, cs.turn_months, cs.fiscal_first)
    if crossed is not None:
        year = fiscal_year_of(crossed, cs.fiscal_first)
        if cs.rules.year_end_clawback:
            claw_back(state, cs, year - 1)
        appropriate(state, cs, year)


def claw_back(state: GameState, cs: CompiledScenario, fiscal_year: int) -> None:
    """The ending fiscal year's unspent money above the carryover and the builds' dues lapses."""
    me = state.me
    owed = sum(build.cost_left for _, build in player_builds(state, cs))
    taken = clawback(cs.rules, me.money, me.appropriation, owed)
    if not taken:
        return
    ledger.pay(state, me, -taken, msg("unspent money of {fiscal_year} clawed back", fiscal_year=fiscal_year))
    ledger.report(
        state,
        "budget",
        msg(
            "The treasury claws back {amount} of the money left unspent in {fiscal_year}",
            amount=money(taken / 1000),
            fiscal_year=fiscal_year,
        ),
        None,
        True,
    )


def drift(state: GameState, cs: CompiledScenario) -> None:
    """Slow pulls of each turn: support toward 50, prestige fading, rival blocs cooling members."""
    rules = cs.rules
    me = state.agencies[state.player]
    ledger.gain(
        state,
        me,
        "support",
        (rules.support_rest - me.support) * rules.support_drift,
        MOOD_SETTLES,
    )
    ledger.gain(state, me, "prestige", -me.prestige * rules.prestige_decay, PRESTIGE_FADES)
    programmes = state.programmes
    for pid, cp in cs.programmes.items():  # the state's programmes, in the same order
        pulls = cp.drift_pulls
        if not pulls:
            continue
        programme = programmes[pid]
        if programme.status == "cancelled" or programme.hidden:
            continue
        ledger.relate_all(state, (*programme.leads, *programme.members), pulls, cp.drift_reason)
    me.insolvent_turns = me.insolvent_turns + 1 if me.money < 0 else 0

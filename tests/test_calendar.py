"""Every rule that reads the calendar, with turns of 1, 3, 6 and 12 months and a start in each quarter.

The campaigns are the small test scenario from 2021-QN to 2024-Q4, so each plays in a few
milliseconds; the expected values are worked out from dates, not from the engine's helpers.
"""

from __future__ import annotations

import re

import pytest

from game.engine.compiled import CompiledScenario
from game.engine.expressions import compile_expression
from game.engine.game import Game
from game.engine.programmes import slip
from game.engine.queries import budget_view, milestone_views
from game.format.dates import format_date, parse_date
from tests.helpers import answer_all, mini_with
from tests.test_loader_errors import col_of, line_of, problems, variant

MINI_CALENDAR = "calendar: {start: 2021-Q1, end: 2024-Q4}"
TURNS = (1, 3, 6, 12)
QUARTERS = (1, 2, 3, 4)
CALENDARS = [pytest.param(t, q, id=f"{t}m-Q{q}") for t in TURNS for q in QUARTERS]
APPROPRIATION = re.compile(r"^Appropriation for (\d{4}): ")


def campaign(turn_months: int, quarter: int, fiscal: str = "") -> CompiledScenario:
    extra = f", fiscal_year_start: {fiscal}" if fiscal else ""
    calendar = f"calendar: {{start: 2021-Q{quarter}, end: 2024-Q4, turn_months: {turn_months}{extra}}}"
    return mini_with(MINI_CALENDAR, calendar)


def appropriations(game: Game) -> tuple[list[tuple[int, int, int]], list[int]]:
    """Play the campaign out: (turn, month, fiscal year) of every appropriation, and each turn's month."""
    seen: set[int] = set()  # the first turn's report repeats the news of the campaign's opening

    def found(news: list, turn: int, month: int) -> list[tuple[int, int, int]]:
        fresh = [item for item in news if id(item) not in seen]
        seen.update(id(item) for item in fresh)
        return [
            (turn, month, int(match.group(1)))
            for item in fresh
            if item.kind == "budget" and (match := APPROPRIATION.match(item.text))
        ]

    arrivals = found(game.state.news, 0, game.state.month)
    months = [game.state.month]
    while not game.over:
        answer_all(game)
        report = game.end_turn().report
        assert report is not None
        if not game.over:
            months.append(game.state.month)
        arrivals += found(report.news, game.state.turn, game.state.month)
    return arrivals, months


@pytest.mark.parametrize("fiscal", ["", "april", "10"])
@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_one_appropriation_per_fiscal_year_whatever_the_turn_and_start(
    turn_months: int, quarter: int, fiscal: str
) -> None:
    first = {"": 1, "april": 4, "10": 10}[fiscal]  # the fiscal year's first month, 1..12
    cs = campaign(turn_months, quarter, fiscal)
    arrivals, months = appropriations(Game(cs, "esa", 1))
    start = parse_date(f"2021-Q{quarter}")
    # The first turn brings the money of the fiscal year under way.
    in_progress = 2021 if (quarter - 1) * 3 + 1 >= first else 2020
    assert arrivals[0] == (0, start, in_progress)
    years = [year for _, _, year in arrivals]
    assert years == list(range(in_progress, in_progress + len(years)))  # each year once, none skipped
    for _, month, year in arrivals[1:]:
        begins = year * 12 + first - 1
        assert begins <= month < begins + turn_months  # with the first turn on or after its first month
    last_begins = max(y * 12 + first - 1 for y in range(2019, 2026) if y * 12 + first - 1 <= months[-1])
    assert years[-1] == last_begins // 12  # and every fiscal year begun by the last turn is paid


@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_the_budget_counts_the_turns_to_the_next_appropriation(turn_months: int, quarter: int) -> None:
    game = Game(campaign(turn_months, quarter), "esa", 1)
    told = []
    while not game.over:
        told.append(budget_view(game.state, game.compiled).turns_left_in_year)
        answer_all(game)
        game.end_turn()
    arrivals, _ = appropriations(Game(campaign(turn_months, quarter), "esa", 1))
    paid_turns = [turn for turn, _, _ in arrivals[1:]]
    checked = 0
    for turn, left in enumerate(told):
        later = [paid for paid in paid_turns if paid > turn]
        if later:
            assert left == later[0] - turn, (turn, left, later[0])
            checked += 1
    assert checked >= 1


@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_the_campaign_has_every_turn_of_its_calendar_and_no_more(turn_months: int, quarter: int) -> None:
    cs = campaign(turn_months, quarter)
    _, months = appropriations(Game(cs, "esa", 1))
    start, end = parse_date(f"2021-Q{quarter}"), parse_date("2024-Q4")
    assert months == list(range(start, end + 1, turn_months))
    assert len(months) == cs.total_turns()


@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_a_slip_counts_in_turns_and_slipped_in_months(turn_months: int, quarter: int) -> None:
    cs = campaign(turn_months, quarter)
    game = Game(cs, "esa", 1)
    slip(game.state, cs, "gateway", "core", 2, "a test")
    core = game.state.programmes["gateway"].milestone("core")
    assert core.due == parse_date("2022-Q1") + 2 * turn_months
    assert f"slips to {format_date(core.due, turn_months)} (a test)" in game.state.news[-1].text
    assert compile_expression('slipped("gateway.core")')(game.state) == 2 * turn_months
    view = next(m for m in milestone_views(game.state, cs, "gateway") if m.id == "core")
    assert view.slip_months == 2 * turn_months


@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_an_event_fires_on_the_first_turn_inside_its_window(turn_months: int, quarter: int) -> None:
    cs = campaign(turn_months, quarter)  # the crisis may fire from 2021-Q3 to 2021-Q4
    game = Game(cs, "esa", 1)
    after, before = parse_date("2021-Q3"), parse_date("2021-Q4")
    fired_at = None
    while not game.over and game.state.month <= before:
        if game.state.pending and fired_at is None:
            fired_at = game.state.month
        answer_all(game)
        game.end_turn()
    opens = [m for m in range(parse_date(f"2021-Q{quarter}"), before + 1, turn_months) if m >= after]
    assert fired_at == (opens[0] if opens else None)


@pytest.mark.parametrize(("turn_months", "quarter"), CALENDARS)
def test_the_year_and_quarter_variables_follow_the_turn(turn_months: int, quarter: int) -> None:
    game = Game(campaign(turn_months, quarter), "esa", 1)
    year, quarter_now = compile_expression("year"), compile_expression("quarter")
    for _ in range(3):
        month = game.state.month
        assert (year(game.state), quarter_now(game.state)) == (month // 12, month % 12 // 3 + 1)
        answer_all(game)
        game.end_turn()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("13", "is 13, but it must be a whole number from 1 to 12"),
        ("0", "is 0, but it must be a whole number from 1 to 12"),
        ("spring", "'spring' is not a month: write 1 to 12 or a name such as 'april'"),
    ],
)
def test_a_bad_fiscal_year_start_is_a_located_error(value: str, message: str) -> None:
    text = variant(MINI_CALENDAR, f"calendar: {{start: 2021-Q1, end: 2024-Q4, fiscal_year_start: {value}}}")
    (found,) = problems(text)
    line, column = line_of(text, "fiscal_year_start"), col_of(text, f"fiscal_year_start: {value}") + 19
    assert found.startswith(f"s.yaml:{line}:{column}: error: in calendar: fiscal_year_start")
    assert message in found

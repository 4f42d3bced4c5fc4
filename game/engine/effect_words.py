"""Effects in words: what a choice, a deal or joining would do, told before the player decides.

Kept apart from :mod:`game.engine.queries` because action kinds need these words too (breaking
a deal says what it costs): the queries read the decisions, which read the action kinds, so the
kinds reading the queries went round in a circle that broke whichever of them was imported first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine.agency_names import agency_named
from game.engine.compiled import CompiledScenario
from game.engine.happenings import resolved_effect
from game.engine.state import GameState, Happening
from game.format.models import Effect
from game.i18n import N_, msg, msgn


def signed_amount(value: float, unit: str = "") -> str:
    """A change with its sign and its unit: "+5 M$", "-3%"."""
    return f"{value:+g}{unit}"


def describe_effects(
    effects: Iterable[Effect],
    state: GameState,
    cs: CompiledScenario,
    subject: str | None = None,
    happening: Happening | None = None,
) -> list[str]:
    """The known effects of a choice or of joining, as ``subject`` (the player by default) reads them.

    Only what would happen is named, the way ``apply_effects`` carries it out: a relation of
    the subject with itself does nothing and is left out, a relation of the subject with
    another is "relations with X" whichever side the scenario wrote it from, and an agency
    that joins a programme it is in, or leaves one it is not in, is not mentioned. A hooked
    event's '$agency' and '$programme' are its ``happening``'s (``happenings.resolved_effect``).
    """
    who = subject or state.player
    lines: list[str] = []
    agencies = cs.agencies

    def short(aid: str) -> str:
        return agencies[aid].short if aid in agencies else aid

    def programme(pid: str) -> str:
        return cs.programmes[pid].model.short if pid in cs.programmes else pid

    def named(aid: str) -> str:
        return agency_named(state, aid)

    areas = {c.id: c.name for c in cs.scenario.capabilities}
    for written in effects:
        effect = resolved_effect(written, happening)
        target = who if effect.agency is None else named(effect.agency)
        whose = (
            "" if target == who else msg("{agency} ", agency=short(target))
        )  # another agency's figures name it
        timed_from = len(lines)  # the lines of a timed effect say how long they last
        if effect.per_turn is not None:
            for stat in ("money", "science", "prestige", "support"):
                value = getattr(effect.per_turn, stat)
                if value:
                    amount = signed_amount(value, " M$" if stat == "money" else "")
                    lines.append(msg("{whose}{stat} {amount} a turn", whose=whose, stat=stat, amount=amount))
        if effect.money:
            lines.append(msg("{whose}money {money}", whose=whose, money=signed_amount(effect.money, " M$")))
        for stat in (N_("science"), N_("prestige"), N_("support"), N_("astronauts")):
            value = getattr(effect, stat)
            if value:
                lines.append(msg("{whose}{stat} {value}", whose=whose, stat=stat, value=signed_amount(value)))
        if effect.budget:
            lines.append(
                msg("{whose}next budgets {budget}", whose=whose, budget=signed_amount(effect.budget, "%"))
            )
        for change in effect.relations:
            first = target if change.of is None else named(change.of)
            second = named(change.agency)
            if first == second:
                continue
            if who in (first, second):
                other = second if first == who else first
                lines.append(
                    msg(
                        "relations with {agency} {delta}",
                        agency=short(other),
                        delta=signed_amount(change.delta),
                    )
                )
            else:
                lines.append(
                    msg(
                        "relations {agency}–{other} {delta}",
                        agency=short(first),
                        other=short(second),
                        delta=signed_amount(change.delta),
                    )
                )
        for item in effect.health:
            lines.append(
                msg(
                    "{programme} health {delta}",
                    programme=programme(item.programme),
                    delta=signed_amount(item.delta),
                )
            )
        for item in effect.slip:
            which = (
                cs.programmes[item.programme].milestones[item.milestone].name
                if item.milestone
                else N_("next milestone")
            )
            slip = item.turns * cs.turn_months
            lines.append(
                msgn(
                    "{programme} {milestone} slips {count} month",
                    "{programme} {milestone} slips {count} months",
                    slip,
                    programme=programme(item.programme),
                    milestone=which,
                    count=slip,
                )
            )
        for item in effect.overrun:
            lines.append(
                msg(
                    "{programme} costs +{percent:g}%",
                    programme=programme(item.programme),
                    percent=item.percent,
                )
            )
        for pid in effect.announce:
            if pid in state.programmes and state.programmes[pid].hidden:
                lines.append(msg("{programme} is announced", programme=cs.programmes[pid].model.name))
        lines.extend(
            msg("{programme} opens to new partners", programme=programme(pid)) for pid in effect.open
        )
        lines.extend(
            msg("{programme} takes no new partners", programme=programme(pid)) for pid in effect.close
        )
        lines.extend(
            msg("{programme} changes who may join", programme=programme(item.programme))
            for item in effect.admission
        )
        for item in effect.join:
            states, joiner = state.programmes.get(item.programme), named(item.agency)
            if states is not None and not states.is_member(joiner):
                lines.append(_moves(joiner, who, "join", programme(item.programme), short))
        for item in effect.leave:
            states, leaver = state.programmes.get(item.programme), named(item.agency)
            if states is not None and leaver in states.members:
                lines.append(_moves(leaver, who, "leave", programme(item.programme), short))
        for item in effect.status:
            lines.append(
                msg("{programme} becomes {status}", programme=programme(item.programme), status=item.status)
            )
        for item in effect.capability:
            lines.append(
                msg(
                    "{whose}{area} level {delta}",
                    whose=whose,
                    area=areas.get(item.area, item.area),
                    delta=signed_amount(item.delta),
                )
            )
        lines.extend(
            msg("{agency} changes course", agency=short(named(change.agency))) for change in effect.policy
        )
        if effect.follow_up:
            lines.append(N_("something may follow later"))
        if effect.modifier is not None:
            timing = modifier_timing(effect.duration, effect.until)
            lines[timed_from:] = [
                msg("{change} {timing}", change=line, timing=timing) for line in lines[timed_from:]
            ]
    return lines


def modifier_timing(count: int | None, until: str | None) -> str:
    """How long a timed modifier lasts: 'for 4 turns', 'until ...', 'for up to 4 turns or until ...'."""
    if until and count:
        return msgn(
            "for up to {turns} turn or until {condition}",
            "for up to {turns} turns or until {condition}",
            count,
            turns=count,
            condition=until,
        )
    if until:
        return msg("until {condition}", condition=until)
    return msgn("for {turns} turn", "for {turns} turns", count or 0, turns=count or 0)


def _moves(aid: str, who: str, verb: str, where: str, short: Callable[[str], str]) -> str:
    """'you leave ISLS' to the subject itself, 'JAXA leaves ISLS' otherwise."""
    if verb == "join":
        return (
            msg("you join {programme}", programme=where)
            if aid == who
            else msg("{agency} joins {programme}", agency=short(aid), programme=where)
        )
    return (
        msg("you leave {programme}", programme=where)
        if aid == who
        else msg("{agency} leaves {programme}", agency=short(aid), programme=where)
    )

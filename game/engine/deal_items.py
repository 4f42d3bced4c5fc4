"""What each kind of deal item does: the engine's vocabulary of deals, applied in one place.

An item is ``(kind, value)``: the kind is one of ``DEAL_ITEM_KINDS`` (game/format/models.py),
the value its amount ('50') or the id it names ('gateway.ihab'). Each item has a giver and a
receiver (the player and a computer-run agency, either way round). Signing applies it once;
some last while the agreement is in force (data, a loan, backing) and are undone when it ends;
breaking it takes back what can be taken back (seats not flown, a loan, an accord).
"""

from __future__ import annotations

from game.engine import ledger
from game.engine.actions.base import Action
from game.engine.actions.common import m, slot_reason
from game.engine.actions.kinds.mission import HANDLER as MISSION
from game.engine.compiled import CompiledScenario
from game.engine.membership import release_build, start_build
from game.engine.state import DealItemState, DealState, GameState, k
from game.engine.watch import BUILDS, FLAGS, touch
from game.format.models import DEAL_AMOUNTS, MAX_DEAL_ITEMS, MAX_MONEY
from game.format.words import money
from game.i18n import joined, msg, msgn


def amount(item: DealItemState) -> float:
    """The item's amount (1 for an item that names an id)."""
    kind, value = item
    return float(value) if kind in DEAL_AMOUNTS else 1.0


def programme_of(item: DealItemState) -> str:
    """The programme an item is about ('' for none): a contribution's, a seat's, a backing's."""
    kind, value = item
    if kind == "contribution":
        return value.split(".", 1)[0]
    return value if kind in ("seat", "support") else ""


def describe(cs: CompiledScenario, item: DealItemState, on_delivery: bool = False) -> str:
    """The item in words: '50 M$', 'I-Hab (Gateway)', 'a crew seat on Gateway'... (``on_delivery``:
    a seat that comes once the hardware it is for is delivered)."""
    kind, value = item
    if kind == "seat" and on_delivery:
        return msg(
            "a crew seat on {programme} once the hardware is delivered",
            programme=cs.programmes[value].model.short,
        )
    if kind == "money":
        return money(float(value))
    if kind == "contribution":
        pid, sid = value.split(".", 1)
        programme = cs.programmes[pid]
        return msg("{name} ({programme})", name=programme.slots[sid].name, programme=programme.model.short)
    if kind == "joint_mission":
        return msg("the mission {name}", name=cs.missions[value].name)
    if kind == "seat":
        return msg("a crew seat on {programme}", programme=cs.programmes[value].model.short)
    if kind == "data":
        return msg("data: +{science:g} science a turn", science=float(value))
    if kind == "rocket":
        return msg("a launch worth {amount}", amount=money(float(value)))
    if kind == "loan":
        return msg("a loan of {area} hardware (+1 level)", area=_area_name(cs, value))
    if kind == "support":
        return msg("backing for membership of {programme}", programme=cs.programmes[value].model.short)
    if kind == "stance":
        return msg("a public stance with {bloc}", bloc=_bloc_name(cs, value))
    return msg("membership of {accord}", accord=accord_name(cs, value))


def notes(cs: CompiledScenario, items: list[DealItemState]) -> list[str]:
    """What the items' short words leave unsaid, for the screens that list them (a public stance's
    effect: the item's own text also goes into the news and the debrief, where it stays short)."""
    if not any(kind == "stance" for kind, _value in items):
        return []
    gain, cost = cs.rules.deal_stance_gain, cs.rules.deal_stance_cost
    return [
        msg(
            "A public stance: once, on signing, whoever takes it gains {gain:g} relations with every "
            "agency of that bloc and loses {cost:g} with every other agency.",
            gain=gain,
            cost=cost,
        )
    ]


def accord_name(cs: CompiledScenario, accord: str) -> str:
    """An accord's name as it reads mid-sentence: the ``accord_name`` of the first offer that gives
    it, else that offer's title, else its id in words."""
    for deal in cs.deals.values():
        if ("accord", accord) in deal.gives or ("accord", accord) in deal.asks:
            return deal.model.accord_name or deal.model.title
    return accord.replace("_", " ")


def _area_name(cs: CompiledScenario, area: str) -> str:
    return next((c.name for c in cs.scenario.capabilities if c.id == area), area)


def _bloc_name(cs: CompiledScenario, bloc: str) -> str:
    return next((b.name for b in cs.scenario.blocs if b.id == bloc), bloc)


def refusal(state: GameState, cs: CompiledScenario, item: DealItemState, giver: str) -> str:
    """Why ``giver`` cannot give the item now, or ''."""
    kind, value = item
    player = giver == state.player
    if kind in ("money", "rocket") and player:
        have = state.me.money
        cost = k(float(value))
        return msg("it costs {cost}; you have {money}", cost=m(cost), money=m(have)) if have < cost else ""
    if kind == "contribution":
        pid, sid = value.split(".", 1)
        programme = state.programmes[pid]
        if not programme.is_member(giver):
            return msg(
                "{agency} is not in {programme}",
                agency=_short(state, cs, giver),
                programme=cs.programmes[pid].model.short,
            )
        if programme.slots[sid].owner == giver:
            return ""  # already its own build: the agreement makes it a promise
        if not player:
            return (
                ""
                if programme.slots[sid].status == "open"
                else msg("{name} is already taken", name=cs.programmes[pid].slots[sid].name)
            )
        return slot_reason(state, cs, pid, sid)
    if kind == "joint_mission":
        if not player:
            return msg("only you build national missions")
        return MISSION.check(state, cs, Action(MISSION.kind, value))
    if kind == "seat":
        programme = state.programmes[value]
        if giver not in programme.leads:
            return msg(
                "only a lead of {programme} gives its seats", programme=cs.programmes[value].model.short
            )
        if programme.status in ("cancelled", "completed"):
            return msg("{programme} is over", programme=cs.programmes[value].model.short)
    return ""


def _short(state: GameState, cs: CompiledScenario, agency: str) -> str:
    return cs.agencies[agency].short


def sign(
    state: GameState,
    cs: CompiledScenario,
    deal: DealState,
    item: DealItemState,
    giver: str,
    receiver: str,
    reason: str,
) -> None:
    """Apply the item as the agreement is signed (what lasts is kept in ``deal.marks``)."""
    kind, value = item
    agencies = state.agencies
    if kind == "money":
        ledger.pay(state, agencies[giver], -k(float(value)), reason)
        ledger.pay(state, agencies[receiver], k(float(value)), reason)
    elif kind == "contribution":
        pid, sid = value.split(".", 1)
        if state.programmes[pid].slots[sid].status == "open":
            start_build(state, cs, pid, sid, giver)
            ledger.report(
                state,
                "build",
                msg(
                    "{agency} starts {name} ({deal})",
                    agency=_short(state, cs, giver),
                    name=cs.programmes[pid].slots[sid].name,
                    deal=reason,
                ),
                pid,
                True,
            )
    elif kind == "joint_mission":
        mission = cs.missions[value]
        build = state.missions[value].build
        deal.marks[f"tries:{value}"] = state.missions[value].failures
        build.owner, build.status = giver, "building"
        touch(state, BUILDS)
        build.turns_left, build.cost_left, build.paid, build.stalled = (
            mission.build_turns,
            k(mission.cost),
            0,
            0,
        )
        ledger.report(state, "action", msg("You start {name}", name=mission.name), None, True)
    elif kind == "seat":
        if receiver == state.player and for_hardware(deal):  # the seat comes with the hardware
            deal.marks[f"owed:{value}"] = deal.marks.get(f"owed:{value}", 0) + 1
        else:
            give_seat(state, deal, value, receiver)
    elif kind == "rocket":
        _launch(state, receiver, k(float(value)))
        ledger.pay(state, agencies[giver], -k(float(value)), reason)
    elif kind == "loan":
        real = ledger.capability(state, agencies[receiver], value, 1, cs.rules.capability_max, reason)
        deal.marks[f"loan:{value}"] = deal.marks.get(f"loan:{value}", 0) + real
    elif kind == "support" and receiver != state.player:
        for lead in state.programmes[value].leads:
            ledger.relate(state, receiver, lead, cs.rules.deal_support_relation, reason)
    elif kind == "stance":
        for agency in cs.scenario.agencies:
            if agency.id == giver:
                continue
            delta = cs.rules.deal_stance_gain if agency.bloc == value else -cs.rules.deal_stance_cost
            ledger.relate(state, giver, agency.id, delta, reason)
    elif kind == "accord":
        state.agency_flags.setdefault(receiver, set()).add(value)
        touch(state, FLAGS)


def for_hardware(deal: DealState) -> bool:
    """Whether the player's side promises hardware (a contribution): its seats then come on delivery."""
    return any(kind == "contribution" for kind, _ in deal.asks)


def give_seat(state: GameState, deal: DealState, programme_id: str, receiver: str, count: int = 1) -> None:
    programme = state.programmes[programme_id]
    programme.seats[receiver] = programme.seats.get(receiver, 0) + count
    deal.marks[f"seat:{programme_id}"] = deal.marks.get(f"seat:{programme_id}", 0) + count


def settle(state: GameState, cs: CompiledScenario, deal: DealState) -> str:
    """The seats owed for hardware, given once every promised contribution is delivered: what was
    given, in words ('' for nothing)."""
    owed = {key: count for key, count in deal.marks.items() if key.startswith("owed:") and count}
    if not owed:
        return ""
    for kind, value in deal.asks:
        if kind == "contribution":
            pid, sid = value.split(".", 1)
            if state.programmes[pid].slots[sid].status != "delivered":
                return ""
    given = []
    for key, count in owed.items():
        pid = key.split(":", 1)[1]
        give_seat(state, deal, pid, state.player, count)
        deal.marks[key] = 0
        given.append(
            msgn(
                "{seats} crew seat on {programme}",
                "{seats} crew seats on {programme}",
                count,
                seats=count,
                programme=cs.programmes[pid].model.short,
            )
        )
    return joined(", ", given)


def _launch(state: GameState, receiver: str, amount_k: int) -> None:
    """Take ``amount_k`` off the receiver's builds under way, the one with the most still to pay first."""
    builds = [
        build
        for programme in state.programmes.values()
        for build in programme.slots.values()
        if build.owner == receiver and build.status == "building"
    ]
    if receiver == state.player:
        builds += [mission.build for mission in state.missions.values() if mission.build.status == "building"]
    for build in sorted(builds, key=lambda b: -b.cost_left):
        taken = min(amount_k, build.cost_left)
        build.cost_left -= taken
        amount_k -= taken
        if amount_k <= 0:
            return


def each_turn(state: GameState, deal: DealState, item: DealItemState, receiver: str, reason: str) -> None:
    """What the item gives every turn the agreement is in force: data."""
    if item[0] == "data":
        ledger.gain(state, state.agencies[receiver], "science", float(item[1]), reason)


def end(state: GameState, cs: CompiledScenario, deal: DealState, reason: str) -> None:
    """The agreement ends (its term is over, or it is broken): lent hardware goes back."""
    for key, levels in list(deal.marks.items()):
        if key.startswith("loan:") and levels:
            area = key.split(":", 1)[1]
            ledger.capability(state, state.me, area, -levels, cs.rules.capability_max, reason)
            deal.marks[key] = 0


def take_back(state: GameState, cs: CompiledScenario, deal: DealState, reason: str) -> list[str]:
    """Breaking it: the player's promised builds stop, seats not flown and accords are taken back.

    Returns what was lost, in words, for the news.
    """
    player, lost = state.player, []
    for kind, value in deal.asks:
        if kind == "contribution":
            pid, sid = value.split(".", 1)
            build = state.programmes[pid].slots[sid]
            if build.owner == player and build.status == "building":
                lost.append(
                    msg(
                        "{name} stops: the {paid} paid into it is lost",
                        name=cs.programmes[pid].slots[sid].name,
                        paid=money(build.paid / 1000),
                    )
                )
                release_build(state, build)
        elif kind == "joint_mission":
            build = state.missions[value].build
            if build.status == "building":
                lost.append(
                    msg(
                        "{name} stops: the {paid} paid into it is lost",
                        name=cs.missions[value].name,
                        paid=money(build.paid / 1000),
                    )
                )
                build.status, build.turns_left, build.cost_left = "open", 0, 0
                touch(state, BUILDS)
    for kind, value in deal.gives:
        if kind == "seat":
            programme = state.programmes[value]
            given = deal.marks.pop(f"seat:{value}", 0)
            back = min(given, programme.seats.get(player, 0))
            if back:
                programme.seats[player] -= back
                lost.append(
                    msgn(
                        "{seats} crew seat on {programme}",
                        "{seats} crew seats on {programme}",
                        back,
                        seats=back,
                        programme=cs.programmes[value].model.short,
                    )
                )
        elif kind == "accord":
            flags = state.agency_flags.get(player)
            if flags and value in flags:
                flags.discard(value)
                touch(state, FLAGS)
                lost.append(describe(cs, (kind, value)))
    end(state, cs, deal, reason)
    return lost


def ended_by_world(state: GameState, cs: CompiledScenario, deal: DealState) -> str:
    """Why the agreement is over through no doing of the player's (a programme whose hardware or
    seats it trades was cancelled, which releases every build in it), or '' while it stands."""
    for item in (*deal.asks, *deal.gives):
        pid = programme_of(item) if item[0] in ("contribution", "seat") else ""
        if pid and state.programmes[pid].status == "cancelled":
            return msg("{programme} was cancelled", programme=cs.programmes[pid].model.short)
    return ""


def broken_by_player(state: GameState, cs: CompiledScenario, deal: DealState) -> str:
    """Why the player's own actions broke the agreement (a promised build withdrawn, a programme
    left), or '' while it holds."""
    player = state.player
    for kind, value in deal.asks:
        if kind == "contribution":
            pid, sid = value.split(".", 1)
            if state.programmes[pid].slots[sid].owner != player:
                return msg("{name} was withdrawn", name=cs.programmes[pid].slots[sid].name)
        elif kind == "joint_mission":
            mission = state.missions[value]
            cancelled = mission.build.status == "open" and not mission.successes
            if cancelled and mission.failures == deal.marks.get(f"tries:{value}", 0):
                return msg("{name} was cancelled", name=cs.missions[value].name)
    for key in deal.marks:
        if key.startswith("member:"):
            pid = key.split(":", 1)[1]
            if not state.programmes[pid].is_member(player):
                return msg("you left {programme}", programme=cs.programmes[pid].model.short)
    return ""


def feasible(state: GameState, cs: CompiledScenario, deal: DealState) -> str:
    """Why the deal cannot be signed now (either side cannot give an item), or ''."""
    for items, giver in ((deal.asks, state.player), (deal.gives, deal.agency)):
        for item in items:
            reason = refusal(state, cs, item, giver)
            if reason:
                return msg("{item}: {reason}", item=describe(cs, item), reason=reason)
    money_asked = sum(k(float(v)) for kind, v in deal.asks if kind in ("money", "rocket"))
    if money_asked > state.me.money:
        return msg("it costs {cost}; you have {money}", cost=m(money_asked), money=m(state.me.money))
    return ""


#: How a proposal's items are written in an action's option: 'money:50+data:2/seat:gateway', the
#: player's side before the slash, the agency's after.
ITEM_SEPARATOR, SIDE_SEPARATOR = "+", "/"


def encode(asks: list[DealItemState], gives: list[DealItemState]) -> str:
    """A proposal's option: what the player gives, '/', what the player gets."""
    player, agency = (
        ITEM_SEPARATOR.join(f"{kind}:{value}" for kind, value in side) for side in (asks, gives)
    )
    return f"{player}{SIDE_SEPARATOR}{agency}"


def decode(cs: CompiledScenario, option: str) -> tuple[list[DealItemState], list[DealItemState]] | str:
    """(what the player gives, what the player gets) from an option, or why it is not a proposal."""
    if option.count(SIDE_SEPARATOR) != 1:
        return msg("'{option}' is not a proposal (give/get)", option=option)
    sides: list[list[DealItemState]] = []
    for text in option.split(SIDE_SEPARATOR):
        items: list[DealItemState] = []
        for part in text.split(ITEM_SEPARATOR) if text else []:
            kind, _, value = part.partition(":")
            reason = _unknown(cs, kind, value)
            if reason:
                return reason
            items.append((kind, f"{float(value):g}" if kind in DEAL_AMOUNTS else value))
        if len(items) > MAX_DEAL_ITEMS:
            return msg("at most {count} items a side", count=MAX_DEAL_ITEMS)
        sides.append(items)
    return sides[0], sides[1]


def _unknown(cs: CompiledScenario, kind: str, value: str) -> str:
    """Why ``kind:value`` names no item of this scenario, or ''."""
    if kind in DEAL_AMOUNTS:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        return "" if 0 < number <= MAX_MONEY else msg("'{value}' is not an amount", value=value)
    pools = {
        "contribution": {f"{pid}.{sid}" for pid, cp in cs.programmes.items() for sid in cp.slots},
        "joint_mission": set(cs.missions),
        "seat": set(cs.programmes),
        "support": set(cs.programmes),
        "loan": set(cs.capability_ids),
        "stance": {bloc.id for bloc in cs.scenario.blocs},
    }
    if kind == "accord":
        return "" if value else msg("'{kind}' needs a name", kind=kind)
    pool = pools.get(kind)
    if pool is None:
        return msg("no kind of item '{kind}'", kind=kind)
    return "" if value in pool else msg("no {kind} '{value}'", kind=kind, value=value)

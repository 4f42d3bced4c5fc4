"""Programmes that change during a campaign: announced, opened or closed, given a new admission rule.

Each change is kept in the programme's state (game/engine/admission.py reads it), and the news
tells the player, except of a programme still hidden: what is not announced is not shown.
"""

from __future__ import annotations

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.engine.watch import PROGRAMMES, touch
from game.format.models import Admission, AdmissionChange, Effect
from game.i18n import msg


def apply_programme_changes(state: GameState, cs: CompiledScenario, effect: Effect, reason: str) -> None:
    """An effect's announce, open, close and admission keys, in that order."""
    for pid in effect.announce:
        announce(state, cs, pid, reason)
    for pid in effect.open:
        _set_open(state, cs, pid, True, reason)
    for pid in effect.close:
        _set_open(state, cs, pid, False, reason)
    for change in effect.admission:
        _set_admission(state, cs, change, reason)


def announce(state: GameState, cs: CompiledScenario, programme_id: str, reason: str) -> None:
    """A hidden programme goes public: from now on it flies, builds and takes partners."""
    programme = state.programmes[programme_id]
    if not programme.hidden:
        return
    programme.hidden = False
    touch(state, PROGRAMMES)
    name = cs.programmes[programme_id].model.name
    ledger.report(
        state,
        "programme",
        msg("{programme} is announced ({reason})", programme=name, reason=reason),
        programme_id,
        False,
    )


def _set_open(state: GameState, cs: CompiledScenario, programme_id: str, open_: bool, reason: str) -> None:
    """Open or close the programme to new partners; the state keeps only a change from the scenario."""
    programme = state.programmes[programme_id]
    programme.open_to_partners = None if open_ == cs.programmes[programme_id].model.open else open_
    touch(state, PROGRAMMES)
    said = (
        msg("{programme} opens to new partners ({reason})", programme=_short(cs, programme_id), reason=reason)
        if open_
        else msg(
            "{programme} takes no new partners ({reason})", programme=_short(cs, programme_id), reason=reason
        )
    )
    _tell(state, programme_id, said)


def _set_admission(state: GameState, cs: CompiledScenario, change: AdmissionChange, reason: str) -> None:
    """Replace the programme's admission rule; the state keeps it as JSON, or '' for the scenario's."""
    rule = Admission(**{name: getattr(change, name) for name in Admission.model_fields})
    written = cs.programmes[change.programme].model.admission
    state.programmes[change.programme].admission = (
        "" if rule == written else rule.model_dump_json(by_alias=True, exclude_defaults=True)
    )
    touch(state, PROGRAMMES)
    told = msg(
        "{programme} changes who may join ({reason})", programme=_short(cs, change.programme), reason=reason
    )
    _tell(state, change.programme, told)


def _short(cs: CompiledScenario, programme_id: str) -> str:
    return cs.programmes[programme_id].model.short


def _tell(state: GameState, programme_id: str, news: str) -> None:
    """News of a change to a programme the player knows of."""
    programme = state.programmes[programme_id]
    if not programme.hidden:
        ledger.report(state, "programme", news, programme_id, programme.is_member(state.player))

"""The Artemis Accords are signed once: by the event or by NASA's offer, never asked again by the other.

Played, an ESA that signed NASA's offer was asked by the event to sign the Accords again (and could,
for a second +12 with NASA), because the event read the world's flag and the offer the agency's.
"""

from __future__ import annotations

import pytest

from game.cli.common import load_compiled
from game.engine.game import Game
from game.paths import shipped_scenarios_dir

# (scenario, agency, the event that asks, NASA's offer)
SHIPPED = [
    ("default-2021.yaml", "esa", "artemis_accords", "artemis_accords"),
    ("newcomer.yaml", "tua", "accords_invitation", "artemis_accords"),
]


@pytest.mark.parametrize(("scenario", "agency", "event", "deal"), SHIPPED)
def test_signing_one_way_closes_the_other(scenario: str, agency: str, event: str, deal: str) -> None:
    compiled = load_compiled(str(shipped_scenarios_dir() / scenario))
    game = Game(compiled, agency, 1)
    state = game.state
    state.shift_relation(agency, "nasa", 60 - state.relation(agency, "nasa"))  # NASA would offer
    asks, offers = compiled.events[event].condition, compiled.deals[deal].condition
    assert asks(state) and offers(state)

    signed_the_offer = state.copy(state.rng, records=False)
    signed_the_offer.agency_flags.setdefault(agency, set()).add("artemis_accords")
    assert not asks(signed_the_offer)

    signed_at_the_event = state.copy(state.rng, records=False)
    signed_at_the_event.flags.add("signed_accords")
    assert not offers(signed_at_the_event)

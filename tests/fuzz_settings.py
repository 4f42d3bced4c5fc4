"""Example counts of the fuzzers: small and repeatable by default, as many as asked for a long run.

``CISLUNAR_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_*.py`` runs every fuzzer with 5000 random
examples (not the fixed, derandomized set of the default run).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_RUN = os.environ.get("CISLUNAR_FUZZ_EXAMPLES")


def fuzz_settings(default_examples: int) -> settings:
    """Hypothesis settings for one fuzzer: ``default_examples`` unless a long run asks for more."""
    return settings(
        max_examples=int(LONG_RUN) if LONG_RUN else default_examples,
        derandomize=not LONG_RUN,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
        print_blob=True,
    )

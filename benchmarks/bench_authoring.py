"""What the authoring kit costs, side by side in one run: listing scenarios, linting, extends.

    .venv/bin/python benchmarks/bench_authoring.py [--repeat N]

- the catalogue reads only the top of each file; a full read (parse, merge, no validation)
  of the same files is the comparison;
- the linter runs on every load without errors; its share of a load of the default
  scenario is printed next to the parse and the validation;
- a variant (`esa-2022.yaml`, which extends the default) against its base, loaded whole.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from game.format.catalogue import default_folders, list_scenarios
from game.format.extends import resolve_extends
from game.format.lint import lint_scenario
from game.format.loader import default_search_dirs, load_scenario, validate_data
from game.format.yaml_source import read_document, read_source
from game.paths import default_scenario, shipped_scenarios_dir


def timed(action: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def full_listing() -> None:
    """What the catalogue would cost if it read whole files (parse and merge, no validation)."""
    dirs = default_search_dirs()
    for _, folder in default_folders():
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                document, _ = read_document(str(path), read_source(path))
                if document is not None:
                    resolve_extends(str(path), document, dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = args.repeat

    files = len(list_scenarios())
    head = timed(list_scenarios, repeat)
    whole = timed(full_listing, repeat)
    print(
        f"list {files} scenarios: tops only {head:8.1f} ms   whole files {whole:8.1f} ms   "
        f"ratio {whole / head:5.1f}x"
    )

    path = default_scenario()
    raw = read_source(path)
    document, _ = read_document(str(path), raw)
    assert document is not None
    result = validate_data(str(path), document.data, document.source)
    assert result.scenario is not None
    parse = timed(lambda: read_document(str(path), raw), repeat)
    validate = timed(lambda: validate_data(str(path), document.data, document.source), repeat)
    lint = timed(lambda: lint_scenario(result.scenario, document.source), repeat)
    print(
        f"load default-2021: parse {parse:8.1f} ms   validate+check+lint {validate:6.1f} ms   "
        f"lint alone {lint:6.1f} ms ({lint / (parse + validate):.1%} of the load)"
    )

    variant = shipped_scenarios_dir() / "esa-2022.yaml"
    base = timed(lambda: load_scenario(path), repeat)
    extended = timed(lambda: load_scenario(variant), repeat)
    print(
        f"load base {base:8.1f} ms   load its variant (base included) {extended:8.1f} ms   "
        f"ratio {extended / base:4.2f}x"
    )


if __name__ == "__main__":
    main()

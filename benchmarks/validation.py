"""How `cislunar validate` scales with the number of events: 100, 1,000 and 10,000, side by side.

Each size is the default scenario's own text with N generated events added to its `events:`
list: news with an expression `when`, decisions whose choices set flags and schedule a
follow-up, the `triggered_only` follow-ups they name, repeating crises read by a tree
condition, offers under a `not` condition, plain reports. Every generated file loads with no
error and no warning (a flag is always read, a follow-up always named), so the linter runs to
the end as it does on a good file. The events are written compactly (flow style inside each
event) so that 10,000 of them stay under the loader's 2 MB file limit.

What is timed is what `cislunar validate FILE` runs (``validate_files``: read, parse, merge,
models, reference checks, lint) in this process, best of ``--repeat`` runs taken in turn
(one run of the largest size by default: it is slow); the default scenario alone is the
baseline, so the cost of the events themselves is visible. Wall time and this process's CPU
time are both printed; the verdicts use the CPU time, which is what the wall time would be
on an idle core (the work is single-threaded) and which other jobs on a shared machine
disturb far less. Goal: linear in the number of events, and 10,000 events under 2 s.

    .venv/bin/python benchmarks/validation.py [--sizes 100 1000 10000] [--repeat 5] [--repeat-largest 1]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from game.cli.validate import validate_files
from game.format.yaml_source import MAX_FILE_BYTES, read_document, read_source
from game.paths import default_scenario

GOAL_EVENTS = 10_000
GOAL_SECONDS = 2.0

AGENCIES = ("nasa", "cnsa", "roscosmos", "esa", "jaxa", "csa", "isro")
PROGRAMMES = ("gateway", "ilrs", "isls")
AREAS = ("habitation", "robotics", "propulsion", "communications")
KINDS = ("News", "Decision", "Reply", "Crisis", "Offer", "Report")


def event(k: int, count: int) -> str:
    """The YAML of generated event ``k`` of ``count``: six kinds in turn, every one valid and used."""
    kind = k % len(KINDS)
    year = 2021 + k % 14
    agency = AGENCIES[k % len(AGENCIES)]
    programme = PROGRAMMES[k % len(PROGRAMMES)]
    head = f"  - id: e{k}\n    title: {KINDS[kind]} {k}\n"
    after = f"    after: {year}-Q{k % 4 + 1}\n"
    if kind == 0:  # news under an expression
        return (
            f'{head}{after}    when: relation("{agency}") > {k % 40 - 20} or support > 60\n'
            f"    effects: [{{support: {k % 5 - 2}, "
            f"relations: [{{agency: {agency}, delta: {k % 7 - 3}}}]}}]\n"
        )
    if kind == 1:  # a decision: one choice sets a flag (read by k + 2), the other schedules k + 1
        later = (
            f"effects: [{{follow_up: [{{event: e{k + 1}, delay: {k % 3 + 1}}}]}}]"
            if k + 1 < count
            else "text: Nothing happens"
        )
        flag = f", set_flags: [f{k}]" if k + 2 < count else ""
        return (
            f"{head}{after}    before: {year + 2}-Q{k % 4 + 1}\n    chance: 0.{k % 9 + 1}\n    choices:\n"
            f"      - {{id: act, label: Act, effects: [{{money: -{k % 50 + 10}{flag}}}]}}\n"
            f"      - {{id: wait, label: Wait, {later}}}\n"
        )
    if kind == 2:  # the follow-up of k - 1
        return (
            f'{head}    triggered_only: true\n    when: active("{programme}")\n'
            f"    effects: [{{health: [{{programme: {programme}, delta: {k % 11 - 5}}}], "
            f"science: {k % 13}}}]\n"
        )
    if kind == 3:  # a repeating crisis under a tree condition that reads the flag of k - 2
        return (
            f"{head}{after}    when: {{all: ['flag(\"f{k - 2}\")', year >= {year}]}}\n"
            f"    repeat: true\n    cooldown: {k % 8 + 4}\n"
            f"    effects: [{{slip: [{{programme: {programme}, turns: {k % 3 + 1}}}]}}]\n"
        )
    if kind == 4:  # an offer under a 'not' tree
        return (
            f"{head}{after}    when: {{not: 'member(\"{programme}\")'}}\n    choices:\n"
            f"      - {{id: build, label: Build, "
            f"effects: [{{capability: [{{area: {AREAS[k % 4]}, delta: 1}}]}}]}}\n"
            f"      - {{id: lobby, label: Lobby, "
            f"effects: [{{relations: [{{agency: {agency}, delta: 2}}]}}]}}\n"
        )
    return f"{head}{after}    effects: [{{science: {k % 9}, prestige: {k % 4}}}]\n"


def with_events(base: str, count: int) -> str:
    """``base`` with ``count`` generated events appended to its `events:` list.

    They go in front of the top-level key that follows `events:` (and of the comment lines
    just above that key), so the file keeps its order and its other sections.
    """
    lines = base.splitlines(keepends=True)
    start = lines.index("events:\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()), len(lines))
    while end > start + 1 and (lines[end - 1].startswith("#") or not lines[end - 1].strip()):
        end -= 1
    generated = "".join(event(k, count) for k in range(count))
    return "".join(lines[:end]) + generated + "".join(lines[end:])


class Row(NamedTuple):
    wall: float
    cpu: float
    errors: int
    warnings: int
    size: int
    first: str  # the first diagnostic, if any: a generated file should have none


def timed(path: Path, best: Row | None) -> Row:
    """One validation of ``path`` (its wall and CPU times, errors and warnings), kept if the best so far."""
    start, start_cpu = time.perf_counter(), time.process_time()
    report = validate_files([str(path)], strict=False)
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    file = report.files[0]
    first = str(file.diagnostics[0]) if file.diagnostics else ""
    row = Row(wall, cpu, file.errors, file.warnings, path.stat().st_size, first)
    return row if best is None or row.cpu < best.cpu else best


def parse_time(path: Path, repeat: int) -> float:
    """Best CPU seconds of reading and parsing ``path`` alone (libyaml's events, the data and its source map).

    The collector is paused, as ``load_scenario_bytes`` pauses it for a whole load.
    """
    raw = read_source(path)
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            read_document(str(path), raw)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, GOAL_EVENTS])
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs (default 5)")
    parser.add_argument(
        "--repeat-largest", type=int, default=1, help="runs of the largest size (default 1: it is slow)"
    )
    options = parser.parse_args()
    sizes = sorted(options.sizes)
    base = default_scenario().read_text(encoding="utf-8")

    with tempfile.TemporaryDirectory() as folder:
        paths = {0: Path(folder) / "baseline.yaml"}
        paths[0].write_text(base, encoding="utf-8")
        for count in sizes:
            paths[count] = Path(folder) / f"events-{count}.yaml"
            paths[count].write_text(with_events(base, count), encoding="utf-8")
        validate_files([str(paths[0])], strict=False)  # imports and caches warmed once
        best: dict[int, Row | None] = dict.fromkeys(paths)
        for _ in range(options.repeat):  # the smaller files in turn, so all see the same machine load
            for count, path in paths.items():
                if count != sizes[-1]:
                    best[count] = timed(path, best[count])
        for _ in range(options.repeat_largest):
            best[sizes[-1]] = timed(paths[sizes[-1]], best[sizes[-1]])
        rows = {count: row for count, row in best.items() if row is not None}
        middle = sizes[len(sizes) // 2] if len(sizes) > 1 else sizes[0]  # cheaper than the largest
        parse = parse_time(paths[middle], options.repeat)

    baseline = rows[0].cpu
    print(
        f"cislunar validate (validate_files) on the default scenario with N generated events, "
        f"best of {options.repeat} (largest: {options.repeat_largest}); CPU seconds unless marked wall"
    )
    print(
        f"{'events':>7} {'file':>9} {'wall':>8} {'cpu':>8} {'per 1,000 events':>17} "
        f"{'beyond baseline':>16}   result"
    )
    for count, row in rows.items():
        name = "default" if count == 0 else f"{count:,}"
        result = f"{row.errors} errors, {row.warnings} warnings: {row.first}" if row.first else "ok"
        per = f"{row.cpu / count * 1000:15.2f} s" if count else f"{'':17}"
        extra = f"{(row.cpu - baseline) / count * 1000:14.2f} s" if count else f"{'':16}"
        print(
            f"{name:>7} {row.size / 1024:6.0f} KB {row.wall:6.2f} s {row.cpu:6.2f} s {per} {extra}   {result}"
        )
    small, large = sizes[0], sizes[-1]
    marginal = {count: (rows[count].cpu - baseline) / count for count in (small, large)}
    print(
        f"linearity: CPU per event beyond the baseline, {large:,} events against {small:,}: "
        f"x{marginal[large] / marginal[small]:.2f} (1.00 is linear)"
    )
    seconds = rows[large].cpu
    verdict = "within" if seconds < GOAL_SECONDS and large >= GOAL_EVENTS else "over"
    print(
        f"goal: linear and {GOAL_EVENTS:,} events under {GOAL_SECONDS:g} s: {large:,} took {seconds:.2f} s, "
        f"{verdict} (x{seconds / GOAL_SECONDS:.1f} of it)"
    )
    print(
        f"where it goes: reading the YAML (libyaml's parser, the data and the source map) is "
        f"{parse / rows[middle].cpu:.0%} of the validation of {middle:,} events ({parse:.2f} s of "
        f"{rows[middle].cpu:.2f} s); models, checks and lint are the rest"
    )
    print(
        f"the {large:,}-event file is {rows[large].size / MAX_FILE_BYTES:.0%} of the loader's "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB limit"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

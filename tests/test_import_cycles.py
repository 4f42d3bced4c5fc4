"""No import circles below the faces: each module of the engine, format, saves, bots and simulator
can be read (and loaded) without the modules that use it."""

from __future__ import annotations

import pkgutil

import grimp

from game.engine.actions import kinds

#: The TUI is left out: its app and screens open one another late, as Textual apps do.
CHECKED = ("game.format", "game.engine", "game.campaign", "game.saves", "game.bots", "game.sim", "game.cli")


def test_no_module_below_the_tui_imports_itself_back() -> None:
    graph = grimp.build_graph("game", exclude_type_checking_imports=True)
    for importer, imported in imports_at_run_time():
        graph.add_import(importer=importer, imported=imported)
    circles = []
    for importer in sorted(graph.modules):
        if not importer.startswith(CHECKED):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if not imported.startswith(CHECKED):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                circles.append(" -> ".join((importer, *back)))
    assert circles == []


def imports_at_run_time() -> list[tuple[str, str]]:
    """What a module imports by name as it loads, which grimp cannot read: the registry of actions
    loads every module of the action kinds (a kind that read the queries, which read the registry,
    broke whichever was imported first)."""
    registry = "game.engine.actions.registry"
    return [(registry, f"{kinds.__name__}.{info.name}") for info in pkgutil.iter_modules(kinds.__path__)]

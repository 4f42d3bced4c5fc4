"""No import circles below the faces: each module of the engine, format, saves, bots and simulator
can be read (and loaded) without the modules that use it."""

from __future__ import annotations

import grimp

#: The TUI is left out: its app and screens open one another late, as Textual apps do.
CHECKED = ("game.format", "game.engine", "game.campaign", "game.saves", "game.bots", "game.sim", "game.cli")


def test_no_module_below_the_tui_imports_itself_back() -> None:
    graph = grimp.build_graph("game", exclude_type_checking_imports=True)
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

"""`cislunar play`: build the app from the command line's choices and run it.

A bad scenario or agency is reported like the other commands do (``path:line:col:
message`` on stderr, exit code 1), before any screen opens, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.campaign import Campaign
    from game.engine.game import Game

#: Set by benchmarks/startup.py: run headless and exit once the first frame is drawn.
FIRST_FRAME_ENV = "CISLUNAR_EXIT_AFTER_FIRST_FRAME"


def new_seed() -> int:
    """A fresh seed a player can read back and type in again."""
    return random.SystemRandom().randrange(1, 1_000_000)


def load_campaign(scenario: str | Path, difficulty: str | None = None) -> Campaign | None:
    """The campaign of the scenario file asked for, or None after printing why not (its errors,
    or a ``difficulty`` it does not offer)."""
    from game.campaign import Campaign, CampaignError
    from game.i18n import tr

    try:
        campaign = Campaign.load(scenario)
    except CampaignError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return None
    refused = campaign.difficulty_refusal(difficulty)
    if refused:
        print(f"cislunar: {tr(refused)}", file=sys.stderr)
        return None
    return campaign


def load_game(scenario: str, agency: str, seed: int, difficulty: str | None = None) -> Game | None:
    """The campaign asked for on the command line, started, or None after printing why not."""
    campaign = load_campaign(scenario, difficulty)
    if campaign is None:
        return None
    refused = campaign.refusal(agency)
    if refused:
        from game.i18n import tr

        print(f"cislunar: {tr(refused)}", file=sys.stderr)
        return None
    return campaign.start(agency, seed, difficulty)


def resume_save(path: str, scenario: str | None = None) -> tuple[Game, str] | None:
    """The campaign of a save file (replayed and checked), or None after printing why not.

    ``scenario`` is the scenario file given on the command line, when it is not where
    scenarios live (beside the save, the shipped or the user's scenario folder).
    """
    from game.printable import printable
    from game.saves import SaveError, load_game

    try:
        loaded = load_game(path, scenario=scenario)
    except SaveError as error:
        print(f"cislunar: {error}", file=sys.stderr)
        return None
    for warning in loaded.warnings:
        print(f"cislunar: warning: {printable(warning)}", file=sys.stderr)
    return loaded.game, str(loaded.scenario_path)


def choose_language(asked: str | None) -> bool:
    """Show the game in ``--lang``, else the saved setting, else the environment's language
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), else English;
    False after saying why not.

    A setting naming a language this version does not have falls back to English with a
    warning: the game still starts.
    """
    from game.i18n import SOURCE_LANGUAGE, LanguageError, environment_language, set_language
    from game.i18n.catalogues import CatalogueError
    from game.settings import load_settings

    code = asked or load_settings().language or environment_language() or SOURCE_LANGUAGE
    try:
        set_language(code)
    except (LanguageError, CatalogueError) as error:
        print(f"cislunar: {error}", file=sys.stderr)
        if asked:
            return False
        set_language(SOURCE_LANGUAGE)
    return True


def launch(args: argparse.Namespace) -> int:
    """Run the TUI: a save with --load, the dashboard with --agency, else the title screen."""
    if not choose_language(getattr(args, "lang", None)):
        return 2
    seed = args.seed if args.seed is not None else new_seed()
    game, scenario, campaign = None, args.scenario, None
    difficulty = getattr(args, "difficulty", None)
    if getattr(args, "load", None):
        resumed = resume_save(args.load, args.scenario)
        if resumed is None:
            return 1
        game, scenario = resumed
    elif args.agency:  # an agency alone plays the default scenario
        from game.paths import default_scenario

        scenario = args.scenario or str(default_scenario())
        game = load_game(scenario, args.agency, seed, difficulty)
        if game is None:
            return 1
    elif args.scenario:  # a scenario alone opens its agency picker
        campaign = load_campaign(args.scenario, difficulty)
        if campaign is None:
            return 1
    from game.paths import saves_dir
    from game.settings import settings_path
    from game.tui.app import CislunarApp
    from game.tui.saved import folder_saves, no_saves

    first_frame_only = bool(os.environ.get(FIRST_FRAME_ENV))
    folder = saves_dir()
    app = CislunarApp(
        game=game,
        seed=seed,
        difficulty=difficulty,
        scenario=scenario,
        campaign=campaign,
        # The title lists the saves only after its first frame, which is all the benchmark times.
        saves=no_saves if first_frame_only else folder_saves(folder),
        saves_folder=None if first_frame_only else folder,
        settings_path=None if first_frame_only else settings_path(),
        exit_after_first_frame=first_frame_only,
    )
    app.run(headless=first_frame_only)
    return app.return_code or 0

"""`cislunar validate PATH...`: check scenario files; errors fail, warnings fail only with --strict.

Text output is one line per problem, ``path:line:column: severity: message [code]``, like a
compiler's; ``--format json`` prints the same diagnostics as one JSON document for tools.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import BaseModel

from game.format.diagnostics import Diagnostic
from game.format.loader import LoadResult, load_scenario
from game.format.scenario_tests import is_test_file
from game.format.translations import TranslationReport, check_translations
from game.paths import default_scenario
from game.printable import Printable, printable_json


class FileReport(BaseModel):
    """What validation found in one file (and in the files it extends); its text is printable."""

    path: Printable
    ok: bool
    id: str | None
    title: Printable | None
    version: Printable | None = None
    author: Printable | None = None
    extends: list[Printable]
    errors: int
    warnings: int
    diagnostics: list[Diagnostic]
    #: Per language translated beside the file: its untranslated and orphaned keys (never a failure).
    translations: list[TranslationReport] = []


class ValidationReport(BaseModel):
    """The document `validate --format json` prints."""

    ok: bool
    strict: bool
    files: list[FileReport]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("validate", help="check scenario files and report every problem")
    parser.add_argument("paths", nargs="*", help="scenario files (default: the shipped default scenario)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too, not only on errors")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per problem (default); json: one document for tools",
    )
    parser.add_argument(
        "--translate",
        metavar="CODE",
        help="first write or bring up to date each file's translation into CODE (NAME.CODE.po beside it)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [str(default_scenario())]
    if args.translate:
        problem = write_translations(paths, args.translate)
        if problem:
            print(f"cislunar: {problem}", file=sys.stderr)
            return 2
    report = validate_files(paths, args.strict)
    if args.format == "json":
        print(printable_json(report.model_dump_json(indent=2)))
    else:
        for file in report.files:
            for diagnostic in file.diagnostics:
                print(f"{diagnostic} [{diagnostic.code}]")
            print(summary(file), file=sys.stderr)
            for translation in file.translations:
                print(translation.summary(), file=sys.stderr)
                for kind in ("missing", "orphaned", "placeholders"):
                    for key in getattr(translation, kind):
                        print(f"  {translation.language}: {WORDING[kind]}: {key}", file=sys.stderr)
    return 0 if report.ok else 1


def write_translations(paths: list[str], code: str) -> str:
    """Write each valid scenario's ``NAME.CODE.po``; the first problem met, or ''."""
    from babel import Locale, UnknownLocaleError

    from game.format.translations import write_translation
    from game.i18n.catalogues import CatalogueError

    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return f"'{code}' is not a language code (such as 'ru', 'de' or 'zh_Hans')"
    for path in paths:
        result = load_scenario(path)
        if result.scenario is None or is_test_file(Path(path)):
            continue  # its errors are reported below
        try:
            write_translation(Path(path), result.scenario, code, result.bases)
        except (CatalogueError, OSError) as error:
            return str(error)
    return ""


#: How each kind of translation problem is listed, one key a line.
WORDING = {"missing": "untranslated", "orphaned": "orphaned", "placeholders": "other placeholders"}


def validate_files(paths: list[str], strict: bool) -> ValidationReport:
    files = [
        checked_test_file(path)
        if is_test_file(Path(path))
        else file_report(path, load_scenario(path), strict)
        for path in paths
    ]
    return ValidationReport(ok=all(file.ok for file in files), strict=strict, files=files)


def checked_test_file(path: str) -> FileReport:
    """A scenario test file is checked as `cislunar test` reads it (and against its scenario), not run."""
    from game.sim.scenario_tests import check_test_file  # here: it needs the engine and the bots

    loaded, errors = check_test_file(path)
    scenario = loaded.scenario.scenario if loaded.scenario else None
    return FileReport(
        path=path,
        ok=not errors,
        id=None,
        title=f"tests of {scenario.title}" if scenario is not None and not errors else None,
        extends=[],
        errors=len(errors),
        warnings=0,
        diagnostics=errors,
    )


def file_report(path: str, result: LoadResult, strict: bool) -> FileReport:
    scenario = result.scenario if not result.errors else None
    errors, warnings = len(result.errors), len(result.warnings)
    return FileReport(
        path=path,
        ok=scenario is not None and not (strict and warnings),
        id=scenario.id if scenario else None,
        title=scenario.title if scenario else None,
        version=scenario.version if scenario else None,
        author=scenario.author if scenario else None,
        extends=result.bases,
        errors=errors,
        warnings=warnings,
        diagnostics=result.diagnostics,
        translations=check_translations(Path(path), scenario, result.bases) if scenario else [],
    )


def summary(file: FileReport) -> str:
    warned = f", {_count(file.warnings, 'warning')}" if file.warnings else ""
    if file.errors or file.title is None:
        return f"{file.path}: {_count(file.errors, 'error')}{warned}"
    verdict = "ok" if file.ok else "fails under --strict"
    return f"{file.path}: {verdict} ({file.title}{_credits(file)}){warned}"


def _credits(file: FileReport) -> str:
    """' 1.2 by Ada' from the scenario's metadata: as much of it as the file states."""
    version = f" {file.version}" if file.version else ""
    author = f" by {file.author}" if file.author else ""
    return f"{version}{author}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

"""The catalogue tooling: find the interface's messages in the source, keep every language's
``.po`` in step with them, and say what is left to translate.

``python -m game.i18n.tools extract`` rewrites ``game/locale/cislunar.pot`` from the source and
merges it into every ``game/locale/<code>/LC_MESSAGES/cislunar.po`` (new messages arrive
untranslated, vanished ones are kept as obsolete ``#~`` entries); ``check`` lists, per
language, the untranslated messages, the orphaned ones and the translations whose
placeholders differ, and fails when there is any. ``new CODE`` starts a language.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from game.i18n.catalogues import (
    DOMAIN,
    LOCALE_DIR,
    STABLE_DATE,
    TEMPLATE,
    interface_catalogue,
    interface_languages,
    read_catalogue,
)
from game.i18n.language import placeholders

GAME_DIR = LOCALE_DIR.parent
SOURCE_DIR = GAME_DIR.parent
#: How the source marks a message: ``_("...")``, ``ngettext("one", "many", n)``, the engine's
#: ``msg("... {name}", name=...)``, ``N_("...")`` (translated at display), and the description of a
#: key binding (``Binding(key, action, "Description")``), which Textual's footer shows.
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "msg": None,
    "ngettext": (1, 2),
    "msgn": (1, 2),
    "Binding": (3,),
}


def extract():  # -> babel.messages.catalog.Catalog
    """Every message the source marks, with where it is used."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalogue = Catalog(project="cislunar", domain=DOMAIN, charset="utf-8", creation_date=STABLE_DATE)
    found = extract_from_dir(
        str(GAME_DIR),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=["TRANSLATORS:"],
        strip_comment_tags=True,
    )
    for filename, line, message, comments, context in found:
        if isinstance(message, tuple) and len(message) == 1:
            message = message[0]
        if isinstance(message, tuple) and not all(message):
            continue  # Binding(...) with a computed description
        if not message:
            continue
        catalogue.add(message, None, [(f"game/{filename}", line)], auto_comments=comments, context=context)
    return catalogue


@dataclass
class Report:
    """What a language's catalogue lacks or has too many of, against the source's messages."""

    code: str
    missing: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.missing or self.orphaned or self.placeholders)


def check(code: str, source=None) -> Report:  # source: a Catalog (default: extracted now)
    """The state of ``code``'s interface catalogue against the messages the source marks."""
    source = extract() if source is None else source
    translated = read_catalogue(interface_catalogue(code))
    report = Report(code)
    for message in source:
        if not message.id:
            continue
        found = translated.get(message.id, message.context)
        strings = _strings(found)
        if found is None or found.fuzzy or not all(strings):
            report.missing.append(_first(message.id))
            continue
        wanted = placeholders(_first(message.id))
        if any(placeholders(text) != wanted for text in strings if "{" in text or wanted):
            report.placeholders.append(_first(message.id))
    for message in translated:
        if message.id and source.get(message.id, message.context) is None:
            report.orphaned.append(_first(message.id))
    return report


def _first(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple | list) else message_id


def _strings(message) -> tuple[str, ...]:
    if message is None:
        return ()
    return tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)


def write(catalogue, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        # No line numbers: a catalogue changes when a message does, not when code moves around it.
        write_po(stream, catalogue, width=100, no_location=True, sort_output=True, include_previous=False)


def update_all() -> list[str]:
    """Write the template from the source and merge it into every language; returns the codes updated."""
    template = extract()
    write(template, TEMPLATE)
    codes = interface_languages()
    for code in codes:
        catalogue = read_catalogue(interface_catalogue(code))
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.obsolete.clear()  # orphans go: the source no longer says them
        write(catalogue, interface_catalogue(code))
    return codes


def new_language(code: str) -> Path:
    from babel import Locale
    from babel.messages.catalog import Catalog

    path = interface_catalogue(code)
    if path.exists():
        raise SystemExit(f"{path} exists already")
    catalogue = Catalog(
        locale=Locale.parse(code),
        domain=DOMAIN,
        project="cislunar",
        charset="utf-8",
        creation_date=STABLE_DATE,
    )
    catalogue.update(extract())
    write(catalogue, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.i18n.tools", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "extract", help="rewrite the template from the source and merge it into every language"
    )
    commands.add_parser("check", help="list what each language lacks; exit 1 unless all are complete")
    new = commands.add_parser("new", help="start the interface's catalogue of a new language")
    new.add_argument("code", help="a language code such as 'de' or 'zh_Hans'")
    args = parser.parse_args(argv)
    if args.command == "extract":
        codes = update_all()
        print(f"{TEMPLATE.relative_to(SOURCE_DIR)} written; merged into: {', '.join(codes) or 'no language'}")
        return 0
    if args.command == "new":
        print(f"{new_language(args.code).relative_to(SOURCE_DIR)} written: translate its msgstr lines")
        return 0
    source = extract()
    complete = True
    for code in interface_languages():
        report = check(code, source)
        complete = complete and report.complete
        print(
            f"{code}: {len(report.missing)} untranslated, {len(report.orphaned)} orphaned, "
            f"{len(report.placeholders)} with other placeholders"
        )
        for kind in ("missing", "orphaned", "placeholders"):
            for text in getattr(report, kind):
                print(f"  {kind}: {text!r}", file=sys.stderr)
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())

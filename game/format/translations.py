"""A scenario's texts as translation keys, and how complete each of its translations is.

Every text a player reads (a title, name, short name, description, story, choice label,
refusal...) has a key: the path to it through the file's ids, ``events.crisis.choices.accept.label``.
A translation into a language is a gettext catalogue beside the scenario, ``default-2021.ru.po``:
one entry per text, ``msgctxt`` the key, ``msgid`` the English, ``msgstr`` the translation, so
translators can use any ``.po`` editor. A text not translated is shown in English.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.format.text_templates import placeholder_names
from game.format.walk import effects_in
from game.format.words import modifier_title
from game.i18n.catalogues import STABLE_DATE, CatalogueError, Entry, entries
from game.i18n.language import scenario_catalogue

#: The fields whose text players read; other strings (ids, dates, expressions, version, author) are not.
TEXT_FIELDS = frozenset(
    {"title", "description", "name", "short", "text", "label", "refusal", "headline", "accord_name"}
)
#: Fields that hold people's names, which stay as the scenario writes them in every language.
PROPER_NAMES = frozenset({"astronauts"})


def scenario_texts(scenario: BaseModel) -> dict[str, str]:
    """Every player-visible text of a scenario, by key, in the order of the file; then the names
    of its timed modifiers (``modifiers.NAME``: an id the news and the dashboard show as words)."""
    texts = dict(_walk(scenario, ""))
    for effect in effects_in(scenario):
        if effect.modifier:
            texts.setdefault(f"modifiers.{effect.modifier}", modifier_title(effect.modifier))
    return texts


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in PROPER_NAMES:
                continue
            child = getattr(value, name)
            key = f"{path}.{name}" if path else name
            if isinstance(child, str):
                if name in TEXT_FIELDS and child.strip():
                    yield key, child
            else:
                yield from _walk(child, key)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            ident = getattr(item, "id", None)
            yield from _walk(item, f"{path}.{ident if isinstance(ident, str) else index}")
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, f"{path}.{name}")


def translation_files(scenario: Path) -> dict[str, Path]:
    """The translations beside a scenario file, by language code: ``NAME.CODE.po``."""
    found = {}
    for path in sorted(scenario.parent.glob(f"{scenario.stem}.*.po")):
        code = path.name[len(scenario.stem) + 1 : -len(".po")]
        if code and "." not in code:
            found[code] = path
    return found


@dataclass
class TranslationReport:
    """One language of one scenario: what is not translated yet, and what is translated for nothing."""

    language: str
    path: str
    missing: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    problem: str | None = None  # the translation file cannot be read: where and why

    def summary(self) -> str:
        if self.problem:
            return f"{self.path}: {self.language}: {self.problem}"
        changed = f", {len(self.placeholders)} with other placeholders" if self.placeholders else ""
        return (
            f"{self.path}: {self.language}: {len(self.missing)} untranslated, "
            f"{len(self.orphaned)} orphaned{changed}"
        )


def check_translations(
    path: Path, scenario: BaseModel, bases: Sequence[str | Path] = ()
) -> list[TranslationReport]:
    """Per language found beside the file (or a file it extends): its untranslated and orphaned keys.

    A text counts as translated when the file's own catalogue translates its key, or when a
    catalogue of the file or of what it extends translates the same English (a variant
    inherits its base's translations). An entry is orphaned when the scenario has no such
    key, or the key's English changed since it was translated.
    """
    texts = scenario_texts(scenario)
    chain = [Path(path), *(Path(base) for base in bases)]
    languages = sorted({code for file in chain for code in translation_files(file)})
    return [_check_language(code, chain, texts) for code in languages]


def _check_language(code: str, chain: list[Path], texts: dict[str, str]) -> TranslationReport:
    own = scenario_catalogue(chain[0], code)
    report = TranslationReport(code, str(own))
    by_key: dict[str, Entry] = {}
    by_source: dict[str, str] = {}
    for index, file in enumerate(chain):
        catalogue = scenario_catalogue(file, code)
        if not catalogue.is_file():
            continue
        try:
            found = entries(catalogue)
        except CatalogueError as error:
            report.problem = str(error)
            return report
        for entry in found:
            if index == 0 and entry.context:
                by_key.setdefault(entry.context, entry)
            if entry.translation:
                by_source.setdefault(entry.source, entry.translation)
    for key, english in texts.items():
        entry = by_key.get(key)
        if entry is not None and entry.source == english and entry.translation:
            translation = entry.translation
        else:
            translation = by_source.get(english, "")
        if not translation:
            report.missing.append(key)
        elif placeholder_names(translation) != placeholder_names(english):
            report.placeholders.append(key)
    report.orphaned = [key for key, entry in by_key.items() if texts.get(key) != entry.source]
    return report


def write_translation(path: Path, scenario: BaseModel, code: str, bases: Sequence[str | Path] = ()) -> Path:
    """Create or bring up to date ``NAME.CODE.po`` beside the scenario: one entry per text, the
    translations already made kept (by key, while the English is unchanged), orphans dropped.
    A text a file it extends translates already is left out (a variant lists only its own)."""
    from babel import Locale
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    target = scenario_catalogue(path, code)
    kept: dict[str, Entry] = {}
    if target.is_file():
        kept = {entry.context: entry for entry in entries(target) if entry.context}
    catalogue = Catalog(
        locale=Locale.parse(code),
        project=path.stem,
        charset="utf-8",
        fuzzy=False,
        creation_date=STABLE_DATE,
        revision_date=STABLE_DATE,
        header_comment=f"# The {code} translation of {path.name}: msgctxt is the key of each text.\n"
        "# Translate the msgstr lines; docs/scenarios.md (Translating) says how.",
    )
    inherited = _translated_sources([Path(base) for base in bases], code)
    for key, english in scenario_texts(scenario).items():
        old = kept.get(key)
        translation = old.translation if old is not None and old.source == english else ""
        if translation or english not in inherited:
            catalogue.add(english, translation, context=key)
    with target.open("wb") as stream:
        write_po(stream, catalogue, width=100, no_location=True, omit_header=False)
    return target


def _translated_sources(files: list[Path], code: str) -> set[str]:
    """The English texts the translations beside ``files`` translate (unreadable ones count for none)."""
    found: set[str] = set()
    for file in files:
        catalogue = scenario_catalogue(file, code)
        if not catalogue.is_file():
            continue
        try:
            found.update(entry.source for entry in entries(catalogue) if entry.translation)
        except CatalogueError:
            continue
    return found

"""The language in force and the one translation function of every face.

English is the source language: with it, :func:`_` returns its argument and nothing is read.
Another language reads its interface catalogue once (``game/locale``) and, when a campaign
opens, the translation of its scenario (``<scenario>.<code>.po`` beside the file, and beside
each file it extends). A text with no translation is shown as written.
"""

from __future__ import annotations

import gettext
import os
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

from game.format.text_templates import Rendered
from game.i18n.catalogues import (
    CatalogueError,
    entries,
    interface_catalogue,
    interface_languages,
    translations,
)
from game.i18n.message import Text, keep_sources

SOURCE_LANGUAGE = "en"
#: Where gettext reads the user's language, in its order: the first one set is the one used.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class LanguageError(ValueError):
    """A language code with no translation: the message lists the available ones."""


class _State:
    code: str = SOURCE_LANGUAGE
    interface: gettext.NullTranslations | None = None  # None: English, nothing to look up
    #: The scenario's translations, by key (msgctxt) and by the English text (msgid).
    by_key: dict[str, str] = {}  # noqa: RUF012 (replaced whole, never mutated)
    by_source: dict[str, str] = {}  # noqa: RUF012


_state = _State()


def available_languages() -> list[str]:
    """Every language code the interface can be shown in, English first."""
    return [SOURCE_LANGUAGE, *interface_languages()]


def language_name(code: str) -> str:
    """A language's name in that language ('English', 'русский'), as a menu shows it."""
    from babel import Locale

    try:
        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]
    except (ValueError, TypeError, LookupError):
        return code


def check_language(code: str) -> str:
    """``code`` if the interface speaks it, else :class:`LanguageError` naming the available ones."""
    available = available_languages()
    if code in available:
        return code
    listed = ", ".join(f"{known} ({language_name(known)})" for known in available)
    raise LanguageError(f"no translation into {code!r}; available: {listed}")


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, read as gettext reads it: the first of ``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, whose first language the interface
    speaks (``LANGUAGE`` may list several, ``de:ru``; ``ru_RU.UTF-8`` is ``ru``). None when it
    names none the interface speaks, or the C locale (English by convention)."""
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    if not value:
        return None
    available = available_languages()
    for entry in value.split(":"):
        code = entry.split(".", 1)[0].split("@", 1)[0]
        if code in ("C", "POSIX"):
            return None
        for candidate in (code, code.split("_", 1)[0]):
            if candidate in available:
                return candidate
    return None


def set_language(code: str) -> None:
    """Show the interface in ``code`` from now on (English: ``'en'``); the scenario's texts are reset."""
    check_language(code)
    if code != SOURCE_LANGUAGE:
        keep_sources()
    _state.interface = None if code == SOURCE_LANGUAGE else translations(interface_catalogue(code))
    _state.code = code
    _state.by_key, _state.by_source = {}, {}


def current_language() -> str:
    return _state.code


def use_scenario(files: Iterable[Path]) -> list[str]:
    """Translate the texts of the scenario made of ``files`` (the file first, then what it extends).

    Returns the problems met (a translation file that cannot be read is skipped, with its
    located reason): a broken translation never stops a campaign.
    """
    by_key: dict[str, str] = {}
    by_source: dict[str, str] = {}
    problems = []
    if _state.code != SOURCE_LANGUAGE:
        for path in files:
            catalogue = scenario_catalogue(Path(path), _state.code)
            if not catalogue.is_file():
                continue
            try:
                found = entries(catalogue)
            except CatalogueError as error:
                problems.append(str(error))
                continue
            for entry in found:
                if entry.translation:
                    if entry.context:
                        by_key.setdefault(entry.context, entry.translation)
                    by_source.setdefault(entry.source, entry.translation)
    _state.by_key, _state.by_source = by_key, by_source
    return problems


def scenario_catalogue(scenario: Path, code: str) -> Path:
    """Where a scenario's translation lives: ``default-2021.ru.po`` beside ``default-2021.yaml``."""
    return scenario.with_name(f"{scenario.stem}.{code}.po")


def _(text: str) -> str:
    """The interface's ``text`` in the language in force (the text itself in English or untranslated)."""
    interface = _state.interface
    # gettext("") is the catalogue's header: an empty text stays empty.
    return text if interface is None or not text else interface.gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase for ``count`` in the language in force (Russian has three)."""
    interface = _state.interface
    if interface is None:
        return singular if count == 1 else plural
    return interface.ngettext(singular, plural, count)


def tr(text: str, key: str | None = None) -> str:
    """Any text shown to the player in the language in force: a scenario's (by its ``key``, else by
    its English; a template's translation rendered with the names it was shown with), an engine's
    sentence (:class:`Text`, translated with its parameters), or the interface's."""
    if _state.interface is None or not text:
        return text
    if isinstance(text, Rendered):  # a scenario's template: its translation rendered with the same names
        translated = tr(text.source, key)
        return str(text) if translated == text.source else text.again(translated)
    if key is not None and key in _state.by_key:
        return _state.by_key[key]
    if isinstance(text, Text):
        return _sentence(text)
    found = _state.by_source.get(text)
    if found is not None:
        return found
    return _state.interface.gettext(text)


def _sentence(text: Text) -> str:
    """An engine's sentence in the language in force, its text parameters translated too."""
    interface = _state.interface or gettext.NullTranslations()
    if text.plural is not None:  # a counted sentence: the language's form for its count
        template = interface.ngettext(text.template, text.plural, text.count)
    else:
        template = interface.gettext(text.template)
    if template == text.template and not text.params:
        return str(text)
    params = {name: tr(value) if isinstance(value, str) else value for name, value in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):  # a translation with a broken placeholder
        return str(text)


def placeholders(template: str) -> set[str]:
    """The ``{names}`` of an interface message (what its translation must keep; a scenario's
    texts are compared by ``text_templates.placeholder_names``)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return {"{"}  # unbalanced braces: never equal to a good template's


def scenario_text(scenario: Path, key: str, english: str) -> str:
    """One text of a scenario not being played (a list of scenarios shows their titles), by its key."""
    if _state.code == SOURCE_LANGUAGE or not english:
        return english
    catalogue = scenario_catalogue(Path(scenario), _state.code)
    try:
        found = entries(catalogue) if catalogue.is_file() else []
    except CatalogueError:
        return english
    return next(
        (e.translation for e in found if e.context == key and e.source == english and e.translation), english
    )

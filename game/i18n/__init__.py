"""Translations: the interface through gettext catalogues (read with Babel), a scenario's texts
through ``.po`` files beside it. ``_`` translates an interface literal, ``tr`` any text shown
(a scenario's, an engine's :class:`Text`), ``msg`` (``msgn`` for a counted one)
writes an engine sentence that ``tr`` can translate.
"""

from game.i18n.language import (
    SOURCE_LANGUAGE,
    LanguageError,
    _,
    available_languages,
    check_language,
    current_language,
    environment_language,
    language_name,
    ngettext,
    scenario_catalogue,
    scenario_text,
    set_language,
    tr,
    use_scenario,
)
from game.i18n.message import N_, Text, joined, keep_sources, msg, msgn

__all__ = [
    "N_",
    "SOURCE_LANGUAGE",
    "LanguageError",
    "Text",
    "_",
    "available_languages",
    "check_language",
    "current_language",
    "environment_language",
    "joined",
    "keep_sources",
    "language_name",
    "msg",
    "msgn",
    "ngettext",
    "scenario_catalogue",
    "scenario_text",
    "set_language",
    "tr",
    "use_scenario",
]

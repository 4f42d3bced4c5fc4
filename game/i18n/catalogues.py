"""Reading translation catalogues (gettext ``.po`` files) straight from their source, with Babel.

The ``.po`` files are read as they are, not compiled to ``.mo`` first: a fresh clone with
``pip install -e .``, an installed wheel and CI all find the same files with no build step
that could be forgotten, and the catalogue of the interface (a few hundred messages) reads
in milliseconds, once per run, and only when a language other than English is chosen.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DOMAIN = "cislunar"
#: The interface's catalogues, ``game/locale/<code>/LC_MESSAGES/cislunar.po``, and their template.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
#: The date in the catalogues' headers, fixed: regenerating a file that did not change changes nothing.
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)
#: A catalogue larger than this is refused: it is not a translation of this game.
MAX_CATALOGUE_BYTES = 4_000_000


class CatalogueError(Exception):
    """A translation file that cannot be read, located as ``path:line: message``."""


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue: its key (msgctxt), source (msgid) and translation (msgstr)."""

    context: str | None
    source: str
    translation: str
    line: int
    plural: tuple[str, ...] = ()


def interface_catalogue(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def interface_languages() -> list[str]:
    """The language codes the interface is translated into (English, the source, is not listed)."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(
        folder.name for folder in LOCALE_DIR.iterdir() if interface_catalogue(folder.name).is_file()
    )


def read_catalogue(path: Path):  # -> babel.messages.catalog.Catalog
    """The catalogue of a ``.po`` file, or :class:`CatalogueError` saying where it is broken."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        if path.stat().st_size > MAX_CATALOGUE_BYTES:
            raise CatalogueError(f"{path}:1: a translation file of more than {MAX_CATALOGUE_BYTES} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise CatalogueError(f"{path}:1: cannot be read ({error.strerror or error})") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogueError(f"{path}:{line}: not UTF-8 text (a translation file is UTF-8)") from None
    try:
        return read_po(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as error:
        line = getattr(error, "lineno", 0) + 1
        raise CatalogueError(f"{path}:{line}: not a gettext catalogue line ({error})") from None
    except Exception as error:  # Babel's reader raises more than its own error on broken input
        raise CatalogueError(f"{path}:1: not a gettext catalogue ({type(error).__name__}: {error})") from None


def entries(path: Path) -> list[Entry]:
    """The messages of a ``.po`` file, fuzzy and untranslated ones included (their translation empty)."""
    result = []
    for message in read_catalogue(path):
        if not message.id:
            continue  # the header
        line = message.lineno or 1
        if isinstance(message.id, tuple | list):
            strings = tuple(s or "" for s in message.string) if not message.fuzzy else ()
            result.append(
                Entry(message.context, message.id[0], strings[0] if strings else "", line, tuple(strings))
            )
        else:
            translation = "" if message.fuzzy else (message.string or "")
            result.append(Entry(message.context, message.id, translation, line))
    return result


def translations(path: Path) -> gettext.GNUTranslations:
    """The catalogue as the standard library's gettext object (plural forms included), compiled in memory."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(path))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)

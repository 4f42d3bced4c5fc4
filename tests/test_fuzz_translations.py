"""Fuzzing translation files: whatever a .po holds, reading it gives its entries or one located
error (``path:line: message``), and a campaign shown through it never crashes: never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.format.loader import load_scenario
from game.format.translations import check_translations
from game.i18n import msg, set_language, tr, use_scenario
from game.i18n.catalogues import CatalogueError, entries

from .fuzz_settings import fuzz_settings

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
GOOD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
    'msgctxt "title"\nmsgid "Mini"\nmsgstr "Мини"\n'
)
PIECES = st.sampled_from(
    [
        'msgid "',
        'msgstr "',
        'msgctxt "',
        "msgid_plural ",
        "msgstr[0] ",
        "msgstr[9] ",
        "#, fuzzy\n",
        "#~ ",
        '"',
        "\\",
        "\n",
        "{",
        "}",
        "{name}",
        "é",
        "\x00",
        "\xff",
        "\r",
        "ру",
    ]
)
LOCATED = re.compile(r"^.+\.po:\d+: ")


def mutated(base: str, cuts: list[int], inserts: list[str]) -> bytes:
    text = base
    for cut, piece in zip(cuts, inserts, strict=False):
        at = cut % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    return text.encode("utf-8", "surrogatepass")


@fuzz_settings(60)
@given(
    st.lists(st.integers(0, 400), max_size=6),
    st.lists(PIECES, max_size=6),
    st.binary(max_size=40),
)
def test_any_translation_file_reads_or_is_a_located_error(tmp_path_factory, cuts, inserts, tail) -> None:
    folder = tmp_path_factory.mktemp("po")
    scenario = folder / "mini.yaml"
    scenario.write_text(MINI.read_text())
    catalogue = folder / "mini.ru.po"
    catalogue.write_bytes(mutated(GOOD, cuts, inserts) + tail)
    try:
        entries(catalogue)
    except CatalogueError as error:
        assert LOCATED.match(str(error)), str(error)
    result = load_scenario(scenario)
    [report] = check_translations(scenario, result.scenario)
    assert report.problem is None or LOCATED.match(report.problem)
    set_language("ru")
    try:
        for problem in use_scenario([scenario]):
            assert LOCATED.match(problem)
        assert isinstance(tr("Mini"), str)
        assert isinstance(tr(msg("{name} flies", name="Mini")), str)
    finally:
        set_language("en")

"""Translations: the language switch, the fallback to English, the catalogues' reports and their bad input."""

from __future__ import annotations

import gettext
import json
import shutil
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.actions import Action
from game.engine.explain import describe, explain_failure
from game.engine.game import Game
from game.engine.goals import goals_view
from game.format.loader import load_scenario
from game.format.translations import check_translations, scenario_texts, write_translation
from game.i18n import (
    LanguageError,
    _,
    check_language,
    current_language,
    environment_language,
    keep_sources,
    language,
    msg,
    ngettext,
    set_language,
    tr,
    use_scenario,
)
from game.i18n.catalogues import CatalogueError, entries
from game.settings import Settings, load_settings, save_settings
from tests.helpers import MINI_TEXT, compiled_from, play_turns

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path


def po(*entries: tuple[str | None, str, str]) -> str:
    """A small catalogue: (key, English, translation) entries."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=utf-8\\n"', ""]
    for key, source, translation in entries:
        if key:
            lines.append(f'msgctxt "{key}"')
        lines += [f'msgid "{source}"', f'msgstr "{translation}"', ""]
    return "\n".join(lines)


def test_english_is_the_text_itself() -> None:
    assert _("Help") == "Help"
    assert ngettext("{cost} · {count} turn", "{cost} · {count} turns", 2) == "{cost} · {count} turns"
    assert tr(msg("{agency} joins {programme}", agency="ESA", programme="ISLS")) == "ESA joins ISLS"


def test_an_engine_sentence_is_still_its_english() -> None:
    sentence = msg("{agency} joins {programme}", agency="ESA", programme="ISLS")
    assert sentence == "ESA joins ISLS"
    assert isinstance(sentence, str) and hash(sentence) == hash("ESA joins ISLS")


def test_russian_interface_and_fallback(russian: None) -> None:
    assert _("Help") == "Помощь"
    assert _("a text no catalogue has") == "a text no catalogue has"
    assert _("") == "" and tr("") == ""  # never the catalogue's header, which gettext keeps under ""
    assert tr(msg("{a}{b}", a="x", b="")) == "x"
    assert ngettext("{cost} · {count} turn", "{cost} · {count} turns", 5) == "{cost} · {count} ходов"
    assert ngettext("{cost} · {count} turn", "{cost} · {count} turns", 3) == "{cost} · {count} хода"


def test_scenario_texts_are_translated_by_key_and_by_english(russian: None, mini: Path) -> None:
    texts = scenario_texts(load_scenario(mini).scenario)
    key, english = next(iter(texts.items()))
    mini.with_name("mini.ru.po").write_text(po((key, english, "Перевод")), encoding="utf-8")
    assert use_scenario([mini]) == []
    assert tr(english) == "Перевод"
    assert tr(english, key) == "Перевод"
    assert tr("untranslated text") == "untranslated text"
    # The sentence an engine writes has its scenario names translated inside it.
    assert tr(msg("{name} flies", name=english)) == "Перевод flies"


def test_unknown_language_lists_the_available_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LanguageError, match="available: en \\(English\\), ru \\(Русский\\)"):
        check_language("xx")
    assert main(["play", "--lang", "xx"]) == 2
    assert "no translation into 'xx'; available: en (English), ru (Русский)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "ru_UA", "LANG": "en_GB.UTF-8"}, "ru"),  # the more specific variable first
        ({"LC_ALL": "ru", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "ru"),
        ({"LANGUAGE": "de:ru:en", "LANG": "en_US.UTF-8"}, "ru"),  # the first the game speaks
        ({"LANGUAGE": "", "LANG": "ru_RU@latin"}, "ru"),  # an empty variable is not set
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, None),  # the C locale: English by convention
        ({"LANGUAGE": "C:ru"}, None),
        ({"LANG": "de_DE.UTF-8"}, None),  # a language the game does not speak
        ({}, None),
    ],
)
def test_the_environment_names_the_language_as_gettext_reads_it(
    environ: dict[str, str], expected: str | None
) -> None:
    assert environment_language(environ) == expected


def test_flag_then_setting_then_environment_then_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``LANG=ru cislunar`` speaks Russian unless the saved setting or ``--lang`` says otherwise."""
    from game.tui.launch import choose_language

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    try:
        monkeypatch.setenv("LANG", "ru_RU.UTF-8")
        assert choose_language(None) and current_language() == "ru"
        assert choose_language("en") and current_language() == "en"  # the flag wins over all
        save_settings(Settings(language="en"))
        assert choose_language(None) and current_language() == "en"  # the setting over the environment
        save_settings(Settings())
        monkeypatch.setenv("LANG", "C.UTF-8")
        assert choose_language(None) and current_language() == "en"
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "arguments", [["--lang", "xx"], ["--seed=7", "--lang", "xx"], ["--difficulty", "hard", "--lang=xx"]]
)
def test_play_options_without_the_word_play_are_play_s(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    """`cislunar --lang ru` is `cislunar play --lang ru` (argparse took '--lang' for no command)."""
    assert main(arguments) == 2
    assert "no translation into 'xx'" in capsys.readouterr().err


def test_serve_refuses_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--lang", "klingon"]) == 2
    assert "no translation into 'klingon'" in capsys.readouterr().err


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    assert load_settings(path) == Settings()
    save_settings(Settings(language="ru"), path)
    assert load_settings(path) == Settings(language="ru")
    assert json.loads(path.read_text()) == {"language": "ru"}


@pytest.mark.parametrize("content", ["{", "[]", '{"language": 7}', '{"language": "r\\u00fc"}', "\xff"])
def test_unreadable_settings_are_the_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="latin-1")
    assert load_settings(path) == Settings()


def test_validate_reports_untranslated_and_orphaned_keys(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = scenario_texts(load_scenario(mini).scenario)
    key, english = next(iter(texts.items()))
    catalogue = po((key, english, "Перевод"), ("events.gone.title", "Gone", "Нет"))
    mini.with_name("mini.de.po").write_text(catalogue, encoding="utf-8")
    [report] = check_translations(mini, load_scenario(mini).scenario)
    assert report.language == "de"
    assert report.orphaned == ["events.gone.title"]
    assert report.missing == list(texts)[1:]
    assert main(["validate", str(mini)]) == 0  # untranslated texts are shown in English: no failure
    err = capsys.readouterr().err
    assert f"mini.de.po: de: {len(texts) - 1} untranslated, 1 orphaned" in err
    assert "de: orphaned: events.gone.title" in err


def test_a_changed_english_text_is_untranslated_again(mini: Path) -> None:
    texts = scenario_texts(load_scenario(mini).scenario)
    key = next(iter(texts))
    mini.with_name("mini.ru.po").write_text(po((key, "the old English", "Старый")), encoding="utf-8")
    [report] = check_translations(mini, load_scenario(mini).scenario)
    assert key in report.missing and key in report.orphaned


def test_write_translation_keeps_what_is_translated(mini: Path) -> None:
    scenario = load_scenario(mini).scenario
    texts = scenario_texts(scenario)
    key, english = next(iter(texts.items()))
    mini.with_name("mini.ru.po").write_text(
        po((key, english, "Перевод"), ("gone", "x", "y")), encoding="utf-8"
    )
    path = write_translation(mini, scenario, "ru")
    found = {entry.context: entry for entry in entries(path)}
    assert set(found) == set(texts)
    assert found[key].translation == "Перевод"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\nthis is not po\n', 6),
        ('msgid "a"\nmsgstr "b"\n\n\xff\n', 4),
    ],
)
def test_a_malformed_translation_is_a_located_error(
    mini: Path, content: str, line: int, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = mini.with_name("mini.ru.po")
    broken.write_bytes(content.encode("latin-1"))
    with pytest.raises(CatalogueError, match=f"^{broken}:{line}: "):
        entries(broken)
    main(["validate", str(mini)])
    assert f"{broken}:{line}: " in capsys.readouterr().err
    set_language("ru")
    try:
        assert use_scenario([mini])[0].startswith(f"{broken}:{line}: ")  # the campaign goes on in English
    finally:
        set_language("en")


def test_russian_is_complete_for_the_interface() -> None:
    """Every message the source marks has its Russian, with the same placeholders, and no orphan."""
    from game.i18n.tools import check

    report = check("ru")
    assert (report.missing, report.orphaned, report.placeholders) == ([], [], []), (
        "run `python -m game.i18n.tools extract`, then give each new msgid of "
        "game/locale/ru/LC_MESSAGES/cislunar.po its Russian (README.md, Languages)"
    )


def test_russian_is_complete_for_the_default_scenario() -> None:
    from game.paths import default_scenario

    result = load_scenario(default_scenario())
    [report] = check_translations(default_scenario(), result.scenario, result.bases)
    assert report.language == "ru"
    assert (report.missing, report.orphaned, report.placeholders, report.problem) == ([], [], [], None), (
        "run `cislunar validate scenarios/default-2021.yaml --translate ru`, then translate the new "
        "entries of scenarios/default-2021.ru.po (docs/scenarios.md, Translating a scenario)"
    )


def test_a_translation_with_a_broken_placeholder_shows_the_english(
    russian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return {"{name} flies": "{nom} летит", "{name} lands": "{name летит"}.get(message, message)

    monkeypatch.setattr(language._state, "interface", Broken())
    assert tr(msg("{name} flies", name="Orion")) == "Orion flies"
    assert tr(msg("{name} lands", name="Orion")) == "Orion lands"


def test_validate_translate_writes_a_catalogue_to_fill_in(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(mini), "--translate", "de"]) == 0
    written = {entry.context: entry for entry in entries(mini.with_name("mini.de.po"))}
    assert set(written) == set(scenario_texts(load_scenario(mini).scenario))
    assert "mini.de.po: de: " in capsys.readouterr().err
    assert main(["validate", str(mini), "--translate", "no such code"]) == 2
    assert "'no such code' is not a language code" in capsys.readouterr().err


def test_a_variant_inherits_its_base_translations(tmp_path: Path) -> None:
    base, variant = tmp_path / "base.yaml", tmp_path / "variant.yaml"
    shutil.copy(MINI, base)
    scenario = load_scenario(base).scenario
    variant.write_text("extends: base.yaml\nid: variant\ntitle: The variant\n", encoding="utf-8")
    texts = scenario_texts(scenario)
    base.with_name("base.ru.po").write_text(
        po(*((key, english, "перевод") for key, english in texts.items())), encoding="utf-8"
    )
    result = load_scenario(variant)
    [report] = check_translations(variant, result.scenario, result.bases)
    assert report.missing == ["title"]  # only the text the variant changed
    write_translation(variant, result.scenario, "ru", result.bases)
    assert [entry.context for entry in entries(variant.with_name("variant.ru.po"))] == ["title"]


def test_serve_passes_the_language_to_every_game() -> None:
    import argparse

    from game.cli.serve import play_command

    args = argparse.Namespace(scenario=None, agency=None, seed=None, difficulty=None, lang="ru")
    assert play_command(args).endswith("play --lang ru")


def test_explanations_of_conditions_are_russian_through_and_through(russian: None) -> None:
    """The vocabulary's words, the comparisons and the joins were English inside Russian sentences."""
    keep_sources(True)
    try:
        cs = compiled_from(MINI_TEXT)
        game = Game(cs, "esa", 1)
        hows = [tr(line) for view in goals_view(game.state, cs).objectives for line in view.how]
        assert "Требует: ваш астронавт на окололунной орбите к 2024-Q4." in hows
        assert "Даёт ваша наука / 2 в конце кампании, не больше 20 очков." in hows
        condition = 'support >= 40 and not member("gateway") or science > 2 * relation("nasa")'
        assert tr(describe(condition, cs, game.state)) == (
            "ваша поддержка не меньше 40 и не (участие в Gateway) "
            "или ваша наука больше 2 × ваши отношения с NASA"
        )
        [either] = explain_failure('relation("nasa") > 90 or member("gateway")', game.state, cs)
        assert tr(either) == "требует ваши отношения с NASA больше 90 или участие в Gateway"
        [until] = explain_failure('not player("esa") or year >= 2024', game.state, cs)
        assert tr(until) == "закрыта для ESA до 2024 года"
    finally:
        keep_sources(False)


def test_a_late_milestone_and_a_withdrawal_read_in_russian(russian: None) -> None:
    """'12 months' and '(withdrawal)' were English inside the Russian news."""
    keep_sources(True)
    try:
        game = Game(compiled_from(MINI_TEXT), "esa", 1)
        play_turns(game, 40)
        late = [item.text for report in game.reports for item in report.news if "late" in item.text]
        assert late == ["Gateway: First crew, 12 months late"]  # the English as before
        assert tr(late[0]) == "Gateway: First crew, опоздание на 12 месяцев"
        game = Game(compiled_from(MINI_TEXT), "esa", 1)
        assert game.act(Action("apply", "gateway")).ok
        play_turns(game, 3)
        assert game.act(Action("withdraw", "gateway")).ok, game.check(Action("withdraw", "gateway"))
        [left] = [item.text for item in game.state.news if "withdrawal" in item.text]
        assert "(выход из программы)" in tr(left)
    finally:
        keep_sources(False)


@pytest.mark.parametrize("name", ["newcomer", "gateway-in-doubt"])
def test_the_smaller_scenarios_read_in_russian_and_a_new_text_falls_back_to_english(
    russian: None, name: str, tmp_path: Path
) -> None:
    """Their translations load cleanly; a text added after them (the tuners keep writing) shows its
    English, with no error, while the rest stays Russian."""
    from game.paths import shipped_scenarios_dir

    shipped = shipped_scenarios_dir() / f"{name}.yaml"
    result = load_scenario(shipped)
    [report] = check_translations(shipped, result.scenario, result.bases)
    assert (report.placeholders, report.problem) == ([], None)
    texts = scenario_texts(result.scenario)
    copy = tmp_path / f"{name}.yaml"
    shutil.copy(shipped, copy)
    catalogue = shipped.with_name(f"{name}.ru.po").read_text(encoding="utf-8")
    new = 'msgctxt "title"\n'  # the title, as if written after the translation
    start = catalogue.index(new)
    end = catalogue.index("\n\n", start)
    copy.with_name(f"{name}.ru.po").write_text(catalogue[:start] + catalogue[end + 2 :], encoding="utf-8")
    assert use_scenario([copy]) == []
    assert tr(texts["title"], "title") == texts["title"]  # its English
    key = "objectives.science.name"
    assert tr(texts[key], key) != texts[key]  # the others are translated
    use_scenario([])

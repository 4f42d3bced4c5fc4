"""Hostile scenario files: each gets one located diagnostic, `validate` exits 1, nothing runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.format.yaml_source import MAX_DEPTH, MAX_FILE_BYTES
from tests.saves_support import MINI

ROOT = Path(__file__).resolve().parent.parent
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)$")


def _laughs() -> str:
    """The billion laughs: nine levels of nine aliases each, 9**9 strings once expanded."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _deep_mapping(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "end\n"


RUN_A_COMMAND = b'id: !!python/object/apply:os.system ["touch PWNED"]\n'
PADDING = b"# padding\n" * (MAX_FILE_BYTES // 10 + 1)
AFTER_THE_LIMIT = (1, 4 + MAX_DEPTH)  # the first '[' past MAX_DEPTH of "a: [[[..."

#: (name, file bytes, (line, column) of the diagnostic, what its message says)
HOSTILE: list[tuple[str, bytes, tuple[int, int], str]] = [
    ("python object tag", RUN_A_COMMAND, (1, 5), "YAML tags such as"),
    ("python new at root", b"!!python/object/new:os.system\n- touch PWNED\n", (1, 1), "are not allowed"),
    ("local tag", b"id: mini\ntitle: !shell rm -rf\n", (2, 8), "YAML tags such as '!shell'"),
    ("billion laughs", _laughs().encode(), (1, 10), "more than 250000 values (alias bomb?)"),
    ("enormous file", b"id: x\n" + PADDING, (1, 1), "larger than the limit"),
    ("deep flow nesting", b"a: " + b"[" * 100 + b"]" * 100 + b"\n", AFTER_THE_LIMIT, "nested more than"),
    ("very deep nesting", b"a: " + b"[" * 10**5 + b"]" * 10**5 + b"\n", AFTER_THE_LIMIT, "nested more than"),
    ("deep block nesting", _deep_mapping(60).encode(), (42, 83), "nested more than"),
    ("binary", bytes(range(256)) * 4, (2, 118), "not UTF-8 text"),
    ("latin-1", "id: café\n".encode("latin-1"), (1, 8), "not UTF-8 text"),
    ("utf-16", "id: mini\n".encode("utf-16"), (1, 1), "not UTF-8 text"),
    ("NUL byte", b"id: mini\ntitle: a\x00b\n", (2, 1), "NUL bytes"),
    ("duplicate key", b"id: mini\ntitle: a\nid: other\n", (3, 1), "duplicate key 'id'"),
    ("reused anchor", b"id: &x mini\ntitle: &x Mini\n", (2, 8), "anchor '&x' is defined twice (first on"),
    ("merge key", b"base: &b {x: 1}\nother:\n  <<: *b\n", (1, 1), "missing required key 'id'"),
    ("huge integer", b"id: mini\nvictory_score: " + b"9" * 5000 + b"\n", (1, 1), "YAML syntax"),
    ("complex key", b"? [a, b]\n: 1\n", (1, 3), "keys must be plain text"),
    ("timestamp", b"id: 2021-01-01\n", (1, 5), "write dates as quoted text"),
    ("empty", b"", (1, 1), "a scenario file is a mapping"),
    ("syntax", b"id: [mini\n", (2, 1), "YAML syntax"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "where", "message"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_a_hostile_scenario_is_one_located_error_and_validate_fails(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    where: tuple[int, int],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    first = LOCATED.match(out.splitlines()[0])
    assert first is not None and first["path"] == str(path)
    assert (int(first["line"]), int(first["column"])) == where
    assert message in first["message"]
    assert not (tmp_path / "PWNED").exists()


def test_an_endless_device_is_refused_before_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/dev/zero"]) == 1
    assert capsys.readouterr().out.startswith("/dev/zero:1:1: error: cannot read file: not a regular file")


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    """Reading a FIFO blocks until someone writes to it: validate once hung there forever."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    base = tmp_path / "variant.yaml"
    base.write_text("extends: pipe.yaml\nid: variant\ntitle: Variant\n")
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(fifo), str(base)],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{fifo}:1:1: error: cannot read file: not a regular file (a named pipe)" in done.stdout
    assert f"{base}:" in done.stdout


def test_validate_reports_every_hostile_file_without_a_traceback(tmp_path: Path) -> None:
    paths = []
    for index, (name, content, _, _) in enumerate(HOSTILE):
        if name == "billion laughs":  # slow to refuse (it counts 250,000 values); checked above
            continue
        path = tmp_path / f"hostile-{index}.yaml"
        path.write_bytes(content)
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(MINI), *paths],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    reported = {LOCATED.match(line)["path"] for line in done.stdout.splitlines() if LOCATED.match(line)}
    assert reported == set(paths)
    assert f"{MINI}: ok" in done.stderr and not (tmp_path / "PWNED").exists()


def test_anchors_and_merge_keys_are_plain_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI.read_text()
    text = text.replace(
        "    policy: {funding: 3}\n  - id: cnsa", "    policy: &rich {funding: 3}\n  - id: cnsa", 1
    )
    text = text.replace(
        "    relations: {esa: 10}\n    policy: {funding: 3}",
        "    relations: {esa: 10}\n    policy:\n      <<: *rich",
    )
    path = tmp_path / "anchored.yaml"
    path.write_text(text)
    assert "<<: *rich" in text and main(["validate", str(path)]) == 0
    assert "ok (Mini test scenario)" in capsys.readouterr().err


EFFECT_NUMBERS = ["money", "science", "prestige", "support", "astronauts", "budget"]


@pytest.mark.parametrize("value", ["-.inf", ".inf", ".nan", "1e400"])
@pytest.mark.parametrize("key", EFFECT_NUMBERS)
def test_an_effect_number_that_is_not_finite_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str
) -> None:
    """Such an effect once passed validate and made every later save of the campaign fail."""
    text = MINI.read_text()
    assert text.count("effects: [{money: -10}]") == 1
    path = tmp_path / "infinite.yaml"
    path.write_text(text.replace("effects: [{money: -10}]", f"effects: [{{{key}: {value}}}]"))
    assert main(["validate", str(path)]) == 1
    first = LOCATED.match(capsys.readouterr().out.splitlines()[0])
    assert first is not None and f"in event 'aftermath', the 1st effect: {key} is " in first["message"]
    assert "but it must be a finite " in first["message"]


def test_every_number_of_a_scenario_has_a_finite_range() -> None:
    """The rule behind the test above, for every key: the models give each number both bounds."""
    from game.format.models import Scenario

    unbounded: list[str] = []

    def visit(node: object, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("number", "integer") and "enum" not in node and "const" not in node:
                low = "minimum" in node or "exclusiveMinimum" in node
                high = "maximum" in node or "exclusiveMaximum" in node
                if not (low and high):
                    unbounded.append(where)
            for key, value in node.items():
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                visit(value, where)

    visit(Scenario.model_json_schema(), "")
    assert unbounded == []


FORGED_KEY = '"x\\nmini.yaml:1:1: error: forged \\e[31m": 1\n'  # a newline and a terminal escape
ESCAPED_TITLE = 'title: "Mini\\e]0;pwned\\a\\u202e"\n'  # retitles the window, reverses the text


def _hostile_text(path: Path, *, key: bool = False, title: bool = False) -> Path:
    text = MINI.read_text()
    assert text.count("title: Mini test scenario\n") == 1
    if title:
        text = text.replace("title: Mini test scenario\n", ESCAPED_TITLE)
    if key:
        text = text.replace("id: mini\n", "id: mini\n" + FORGED_KEY, 1)
    path.write_text(text)
    return path


@pytest.mark.parametrize("output", ["text", "json"])
def test_control_characters_of_a_file_are_shown_never_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    """A key could forge a diagnostic line, a title send terminal escapes: the message shows them
    escaped, and text holding them is refused (the game would show it on a terminal)."""
    keyed = _hostile_text(tmp_path / "keyed.yaml", key=True)
    titled = _hostile_text(tmp_path / "titled.yaml", title=True)
    assert main(["validate", "--format", output, str(keyed), str(titled)]) == 1
    out, err = capsys.readouterr()
    for character in ("\x1b", "\x07", "\u202e"):
        assert character not in out + err
    if output == "text":
        errors = [line for line in out.splitlines() if ": error: " in line]
        assert len(errors) == 2 and all(LOCATED.match(line) for line in errors)
        assert errors[0].startswith(
            f"{keyed}:3:1: error: unknown key 'x\\nmini.yaml:1:1: error: forged \\x1b[31m'"
        )
        assert errors[1].startswith(
            f"{titled}:3:8: error: title: text may not hold the control character \\x1b"
        )
    else:
        report = json.loads(out)
        assert "forged \\x1b[31m" in report["files"][0]["diagnostics"][0]["message"]
        assert "control character \\x1b" in report["files"][1]["diagnostics"][0]["message"]


def test_printable_escapes_controls_and_keeps_the_rest() -> None:
    from game.printable import printable, printable_json

    assert printable("Zürich → 月\tend\r\n\x00\x7f\x9b\u2028\u2066") == (
        "Zürich → 月\\tend\\r\\n\\x00\\x7f\\x9b\\u2028\\u2066"
    )
    document = json.dumps({"a": "\x9b\u202e\x1b"}, ensure_ascii=False, indent=1)
    assert json.loads(printable_json(document)) == {"a": "\x9b\u202e\x1b"}
    assert "\x9b" not in printable_json(document) and "\n" in printable_json(document)

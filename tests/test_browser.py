"""End to end in a real browser: `cislunar serve`, Debian's headless Chromium, key presses only.

The page draws the game on a canvas, so the test reads the screen the way the page does: it
feeds the bytes the page received over its websocket to a terminal emulator (pyte). It also
compares screenshots of the page itself, so what changed is what a player sees change.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pyte
import pytest
from playwright.sync_api import Browser, Page, WebSocket, sync_playwright

from game.format.loader import load_scenario
from game.paths import default_scenario
from tests.serving import Served, serving

# The flags Chromium needs here: root without a sandbox, no GPU, and no calls to Google's
# services, which a closed network refuses (Playwright adds --headless and a fresh profile).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
EVENT_PROMPT = "Press a number or click a choice."  # the event dialog's hint (game/tui/screens/event.py)
DEFAULT_TITLE = load_scenario(default_scenario()).unwrap().title
WAIT = 30.0  # seconds for a screen to appear; it takes about one


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("the browser test needs Chromium: .ci/run installs it from the system's packages")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("browser")) as server:
        yield server


class Tab:
    """A browser tab on the served game, and the screen it shows, rebuilt from what it received."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.page: Page = browser.new_page(viewport=VIEWPORT)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.last_frame = self.pressed = time.monotonic()
        self.page.on("websocket", self._connected)
        self.page.goto(url)
        self.page.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
        self.page.focus("textarea.xterm-helper-textarea")  # where xterm.js takes keys, as after a click

    def _connected(self, websocket: WebSocket) -> None:
        query = parse_qs(urlsplit(websocket.url).query)
        self.screen.resize(int(query["height"][0]), int(query["width"][0]))
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # the terminal's output; text frames are textual-serve's pings
            self.stream.feed(payload)
            self.last_frame = time.monotonic()

    def _sent(self, payload: str | bytes) -> None:
        message = json.loads(payload)
        if message[0] == "resize":
            self.screen.resize(message[1]["height"], message[1]["width"])

    @property
    def lines(self) -> list[str]:
        return self.screen.display

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while not self.shows(text):
            if time.monotonic() > deadline:
                pytest.fail(f"the page never showed {text!r}; it shows:\n" + "\n".join(self.lines))
            self.page.wait_for_timeout(50)

    def settle(self, quiet: float = 0.5) -> None:
        """Wait until the game has drawn what the last key caused: a frame since, then ``quiet`` s."""
        deadline = time.monotonic() + WAIT
        while self.last_frame < self.pressed or time.monotonic() - self.last_frame < quiet:
            if time.monotonic() > deadline:
                pytest.fail("the game did not answer a key; it shows:\n" + "\n".join(self.lines))
            self.page.wait_for_timeout(50)

    def press(self, key: str) -> None:
        self.pressed = time.monotonic()
        self.page.keyboard.press(key)

    def header(self) -> tuple[str, bytes]:
        """The top line of the game (agency, date, turn) as text and as the pixels on the page."""
        box = self.page.locator("#terminal").bounding_box()
        assert box is not None
        row = box["height"] / self.screen.lines
        clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": row}
        return self.lines[0], self.page.screenshot(clip=clip)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def campaign(browser: Browser, served: Served) -> Iterator[Tab]:
    """A tab where the default campaign was started by keys: New campaign, the first scenario
    (the default one), Start with the first agency."""
    tab = Tab(browser, served.url)
    tab.wait_for("New campaign")
    tab.press("n")
    tab.wait_for("pick a scenario")
    tab.press("Enter")
    tab.wait_for(f"{DEFAULT_TITLE} · pick your agency")
    tab.press("s")
    tab.wait_for("turn 1 of")
    yield tab
    tab.close()


def answer_events(tab: Tab) -> None:
    """Take the first choice of every event that waits for an answer (the turn cannot end before)."""
    tab.settle()
    for _ in range(10):
        if not tab.shows(EVENT_PROMPT):
            return
        tab.press("1")
        tab.settle()
    pytest.fail("events kept asking for an answer:\n" + "\n".join(tab.lines))


def end_turn(tab: Tab, next_turn: str) -> None:
    """Press E until ``next_turn`` shows, answering any event that opens first: on a loaded
    machine an opening event can arrive after the page has been quiet for a while."""
    deadline = time.monotonic() + WAIT
    while not tab.shows(next_turn):
        if time.monotonic() > deadline:
            pytest.fail(f"the page never showed {next_turn!r}; it shows:\n" + "\n".join(tab.lines))
        answer_events(tab)
        tab.press("e")
        tab.settle()


def test_ending_a_turn_in_the_browser_advances_the_campaign(campaign: Tab) -> None:
    answer_events(campaign)
    before, pixels_before = campaign.header()
    assert "turn 1 of" in before
    end_turn(campaign, "turn 2 of")
    campaign.settle()
    after, pixels_after = campaign.header()
    assert "turn 2 of" in after
    assert after.split("·")[1] != before.split("·")[1], "the date did not move"
    assert pixels_after != pixels_before, "the page's pixels did not change"


def test_every_tab_plays_its_own_game(campaign: Tab, browser: Browser, served: Served) -> None:
    other = Tab(browser, served.url)
    other.wait_for("New campaign")
    assert not other.shows("turn ")
    assert len(served.game_processes()) == 2
    other.close()
    deadline = time.monotonic() + WAIT
    while len(served.game_processes()) != 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(served.game_processes()) == 1, "closing a tab did not end its game"
    assert campaign.shows("turn ")

"""The save file: a pydantic model of a JSON document, versioned.

A save records what is needed to play the campaign again from the start (the scenario and
its content hash, the agency, the seed and every action), a snapshot of the final state
and its hash to check the replay against, and a summary to list saves without replaying.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from game.engine.actions import Action
from game.engine.actions.registry import kinds, known
from game.printable import plain_text

FORMAT = "cislunar-save"
FORMAT_VERSION = 1

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Short = Annotated[str, StringConstraints(max_length=200), AfterValidator(plain_text)]


def _known_kind(kind: str) -> str:
    if not known(kind):
        raise ValueError(f"unknown action kind '{kind}'; the kinds are {', '.join(kinds())}")
    return kind


#: An action's kind: any kind the action registry knows (see game.engine.actions.registry).
Kind = Annotated[str, StringConstraints(max_length=200), AfterValidator(_known_kind)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class ScenarioRef(_Model):
    """Which scenario the campaign was played on, and how to tell whether it changed since."""

    id: Short
    title: Short
    path: Annotated[str, StringConstraints(max_length=4096)] = Field(
        description="Where the file was when the game was saved."
    )
    file_sha256: Sha256 | None = Field(description="sha256 of the file's bytes (None if unreadable then).")
    content_sha256: Sha256 = Field(
        description="sha256 of the scenario as loaded, parents of 'extends' included: what replays use."
    )


class CampaignSummary(_Model):
    """What the title screen lists, readable without replaying the campaign."""

    turn: int = Field(ge=0)
    date: Short
    score: float
    outcome: Literal["", "won", "lost", "finished"]
    over: bool


class ActionRecord(_Model):
    """One action of the log; the same three fields as :class:`game.engine.actions.Action`."""

    kind: Kind
    target: Short = ""
    option: Short = ""

    @classmethod
    def of(cls, action: Action) -> ActionRecord:
        return cls(kind=action.kind, target=action.target, option=action.option)

    def to_action(self) -> Action:
        return Action(self.kind, self.target, self.option)


class SaveFile(_Model):
    """A whole save, as written to disk."""

    format: Literal["cislunar-save"]
    version: Literal[1]
    made_by: Short = Field(description="The Cislunar version that wrote the file (for the curious).")
    scenario: ScenarioRef
    agency: Short
    seed: int
    difficulty: Short | None = Field(
        None, description="The difficulty level played, when not 'normal' (left out then)."
    )
    summary: CampaignSummary
    state_hash: Sha256 = Field(description="Hash of the state after the last action (engine.fingerprint).")
    actions: list[ActionRecord]
    snapshot: dict[str, Any] = Field(description="The state after the last action (game.engine.snapshot).")

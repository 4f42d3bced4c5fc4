"""English text that remembers how it was made, so a face can say it in another language.

The engine imports no face and knows no language: the news, refusals and explanations it
writes are English. Written with :func:`msg`, such a sentence is still a plain ``str`` (saves,
hashes and comparisons see the same English as before), and also carries its template and
parameters, which the faces translate at display (:func:`game.i18n.tr`). ``msg`` is also the
keyword by which the catalogue tooling finds the templates (``babel.cfg``).
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """An English sentence, with the template and the parameters it was formatted from."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any]) -> Text:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickled across processes (the simulator's workers)
        return (Text, (self.template, self.params))


def msg(template: str, **params: Any) -> Text:
    """The English sentence ``template.format(**params)``, translatable later by the faces."""
    return Text(template, params)


def N_(text: str) -> str:
    """Mark a literal for the catalogue without translating it here: it is translated at display."""
    return text

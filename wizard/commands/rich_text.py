"""User text in the command line's Rich output: shown exactly as typed, never read as markup.

Rich is the front ends' library (the core prints nothing, see the import contracts in
pyproject.toml), so the Rich form of wizard/model/safetext.py's `visible` lives here.
"""

from __future__ import annotations

from rich.text import Text

from wizard.model.safetext import visible


def literal(text: str, style: str = "") -> Text:
    """A Rich Text showing `text` exactly as typed: `[bold]` stays `[bold]`."""
    return Text(visible(text), style=style)

"""What a founder typed and where it must be: the model the random typing tests check against.

Every word typed is a token (`Q` and six letters) unique to the run. The model remembers at
which step each was typed; `check` then finds every token in the canvas file (answers and
the names of types, segments and jobs) and in the drafts (what was being typed, and items
sent to a list not yet on disk), and asserts that each is where it was typed and nowhere
else. Words typed where nothing keeps letters (a choice, a range) may be missing, but are
never anywhere else; words typed as a not-applicable reason are never in an answer.
"""

from __future__ import annotations

import random
import re
import string
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from wizard.files import store
from wizard.files.drafts import Drafts
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas, CustomerType, Segment
from wizard.model.structure import JOBS, SEGMENTS, TYPES
from wizard.model.tree import walk

TOKEN = re.compile(r"Q[a-z]{6}")


@dataclass
class Model:
    rng: random.Random
    typed: dict[str, str] = field(default_factory=dict)
    """Token -> the ref of the step it was typed at."""
    may_go: set[str] = field(default_factory=set)
    """Tokens typed where letters are not kept, or in flight when the wizard was killed."""
    reasons: set[str] = field(default_factory=set)
    """Tokens typed as the reason a question does not apply."""
    log: list[str] = field(default_factory=list)
    """What was done, for the message when a check fails."""

    def word(self) -> str:
        while True:
            token = "Q" + "".join(self.rng.choice(string.ascii_lowercase) for _ in range(6))
            if token not in self.typed and token not in self.reasons:
                return token

    def type_at(self, ref: str, keeps_letters: bool = True) -> str:
        token = self.word()
        self.typed[token] = ref
        if not keeps_letters:
            self.may_go.add(token)
        return token

    def check(self, path: Path, context: str) -> None:
        found = where(path)
        problems = []
        for token, ref in self.typed.items():
            places = found.pop(token, set())
            if places - {ref}:
                problems.append(f"{token} typed at {ref!r} is at {sorted(places - {ref})}")
            elif not places and token not in self.may_go:
                problems.append(f"{token} typed at {ref!r} is lost (in neither the file nor the drafts)")
        for token in self.reasons & set(found):
            problems.append(f"{token}, typed as a not-applicable reason, is in {sorted(found.pop(token))}")
        found = {t: r for t, r in found.items() if t not in self.reasons}
        if found:
            problems.append(f"never typed yet there: {found}")
        assert not problems, f"{context}:\n" + "\n".join(problems) + "\nwhat was done:\n" + "\n".join(self.log)


def where(path: Path) -> dict[str, set[str]]:
    """Every token in the canvas file and its drafts, with the refs of the steps holding it."""
    found: dict[str, set[str]] = defaultdict(set)

    def note(text: object, ref: str) -> None:
        for token in TOKEN.findall(str(text)):
            found[token].add(ref)

    canvas: Canvas | None = None
    if path.exists():
        try:
            canvas = store.load(path)
        except UserFileError as exc:
            raise AssertionError(f"the canvas no longer loads: {exc}") from None
    if canvas is not None:
        for place in walk(canvas):
            node = place.node
            for bank, answers in node.answers.items():
                for question, value in answers.items():
                    for part in value if isinstance(value, list | tuple) else [value]:
                        note(part, f"{place.path}#{bank}.{question}")
            if isinstance(node, Canvas):
                children, key = [t.name for t in node.customer_types], TYPES
            elif isinstance(node, CustomerType):
                children, key = [s.name for s in node.segments], SEGMENTS
            elif isinstance(node, Segment):
                children, key = [j.statement for j in node.jobs], JOBS
            else:
                continue
            for name in children:
                note(name, f"{place.path}#{key}")
    drafts = Drafts(path)
    for ref, text in drafts.texts.items():
        note(text, ref)
    for ref, texts in getattr(drafts, "sent", {}).items():  # (an older wizard has no such part)
        for text in texts:
            note(text, ref)
    return found

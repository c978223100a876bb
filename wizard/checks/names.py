"""Guessing the names of our own product or company, to catch them inside a job statement.

A canvas never says in so many words what the venture is called, so this is a heuristic
over what it does say: the title, and each customer type's solution.

- A *name* is a capitalised word of the title (any position) or of a solution (not at
  the start of a sentence) that the canvas never uses in lower case anywhere else, e.g.
  "Facebook" in "Early Facebook", "Acme" in "Acme analytics". Words such as "Event" in
  "Event marketing consultancy" are ordinary words because "events" appears in lower case.
- A word with a capital inside it or a digit ("HubSpot", "iPhone", "Web3") is a name
  wherever it stands.
- Names that also appear among the existing alternatives are somebody else's (a
  competitor or a tool the customer uses today), not ours.
- "our app", "our platform", "our product", ... in a job is the founder speaking.
- Place names are nobody's product: a capitalised word that a location answer uses, or
  that follows "in", "at", "across", "near" ... anywhere in the canvas ("across Leeds"),
  is taken for a place.

Limits: a name written only in lower case ("acme") on a canvas too sparse to show the
word is a common one; a third-party brand named in the solution and not among the
alternatives is taken for ours; a business customer who speaks of their own product in
the first person ("launch our app") trips the "our ..." test. Findings say "looks like",
and a person decides.
"""

from __future__ import annotations

import functools
import itertools
import re

from wizard.checks.registry import items, text, walked
from wizard.checks.words import words, wordset
from wizard.model.canvas import Canvas, Job, Node

# Capitalised words that name no venture: qualifiers that titles carry, acronyms and
# jargon that solutions use, days and months.
NOT_NAMES = wordset("""
Early New Old My Our The A An Project Canvas Draft Plan Idea Startup Test Example Version Customer
Customers Segment Segments Model Business Company Venture I US UK EU USA UAE TV AI API APIs SEO CRM
FAQ SaaS B2B B2C SMB SMBs SME SMEs KPI KPIs ROI CEO CTO CFO PR HR IT UX UI MVP PDF SMS URL
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December
""")

PRODUCT_NOUNS = ("app", "apps", "platform", "product", "products", "software", "tool", "tools",
                 "solution", "solutions", "service", "services", "website", "startup", "company")
OUR_PRODUCT = re.compile(r"\bour\s+(?:own\s+|new\s+)?(" + "|".join(PRODUCT_NOUNS) + r")\b", re.IGNORECASE)

LOCATIVE = wordset("in at across around near from to throughout within outside inside around via "
                     "round between")

_INNER_CAPITAL = re.compile(r"^[^\W\d_]*(?:[a-z][A-Z]|\d)")
_SENTENCE_END = re.compile(r"[.!?;:]\s+|\n+")


def _all_text(canvas: Canvas) -> list[str]:
    out = [canvas.title]
    for place in walked(canvas):
        node = place.node
        out += [getattr(node, "name", ""), getattr(node, "statement", "")]
        out += _answers_text(node)
    return out


def _answers_text(node: Node, skip: tuple[str, ...] = ()) -> list[str]:
    out: list[str] = []
    for bank, values in node.answers.items():
        for qid, value in values.items():
            if f"{bank}.{qid}" not in skip:
                out += [text(value), *items(value)]
    return out


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _in_lower_case(stem: str, text: str) -> bool:
    """Whether the canvas writes the word in lower case somewhere ("events", "event's"), which
    makes it an ordinary word: one scan per candidate, not a stem of every word."""
    return re.search(rf"(?<![\w'’-]){re.escape(stem)}(?:s|es|'s|’s)?(?![\w'’-])", text) is not None


def _looks_like_name(word: str) -> bool:
    if word in NOT_NAMES or len(word) < 2 or not any(c.isalpha() for c in word):
        return False
    return bool(_INNER_CAPITAL.match(word)) or word[0].isupper()


def _capitalised(sentence_text: str, skip_first: bool) -> list[str]:
    found: list[str] = []
    for sentence in _SENTENCE_END.split(sentence_text):
        for n, word in enumerate(words(sentence)):
            if not _looks_like_name(word):
                continue
            if n == 0 and skip_first and not _INNER_CAPITAL.match(word):
                continue  # any word opens a sentence with a capital
            found.append(word)
    return found


def _places(canvas: Canvas) -> set[str]:
    """Capitalised words used as places: in a location answer, or after "in", "at", "across" ...
    anywhere but in the jobs themselves (where "plan shifts in Shiftwell" names the product)."""
    found: set[str] = set()
    for place in walked(canvas):
        node = place.node
        found.update(_stem(w) for w in words(text(node.get("audience.location"))) if w[:1].isupper())
        name = "" if isinstance(node, Job) else getattr(node, "name", "")  # a job's name is its statement
        for chunk in [name, *_answers_text(node, skip=("segment_questions.job",))]:
            found.update(_after_locative(chunk))
    return found


@functools.lru_cache(maxsize=65536)
def _after_locative(chunk: str) -> frozenset[str]:
    found = words(chunk)
    return frozenset(_stem(w) for before, w in itertools.pairwise(found)
                     if before.lower() in LOCATIVE and w[:1].isupper())


def _capitalised_runs(title: str) -> list[list[str]]:
    """Runs of two or more capitalised words in the title: "Harbour Box" in "Harbour Box fish
    subscription" (common words, but together the venture's name)."""
    runs: list[list[str]] = [[]]
    for word in words(title):
        if word[:1].isupper() and word not in NOT_NAMES:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def own_names(canvas: Canvas) -> set[str]:
    """Words that look like the name of our own product or company, as written."""
    candidates = _capitalised(canvas.title, skip_first=False)
    for ctype in canvas.customer_types:
        candidates += _capitalised(text(ctype.get("customer_model.solution")), skip_first=True)
    if not candidates:
        return set()  # nothing looks like a name: no need to read the rest of the canvas
    everything = "\n".join(_all_text(canvas))
    theirs = {_stem(w) for place in walked(canvas)
              for alt in items(place.node.get("customer_model.existing_alternatives")) for w in words(alt)}
    theirs |= _places(canvas)
    names = {" ".join(run) for run in _capitalised_runs(canvas.title) if not {_stem(w) for w in run} <= theirs}
    for word in candidates:
        stem = _stem(word)
        if stem in theirs:
            continue
        if _INNER_CAPITAL.match(word) or not _in_lower_case(stem, everything):
            names.add(word.replace("’", "'").removesuffix("'s"))
    return names


def named_in(job_text: str, names: set[str]) -> str | None:
    """The name of ours that `job_text` mentions, or None. The job's first word is left
    out unless it is unmistakably a name: a job opens with a capitalised verb."""
    match = OUR_PRODUCT.search(job_text)
    if match:
        return match.group(0)
    for name in names:
        if " " in name and re.search(rf"\b{re.escape(name)}\b", job_text):
            return name  # "Harbour Box": the title's words, capitalised together
    for n, word in enumerate(words(job_text)):
        bare = word.replace("’", "'").removesuffix("'s")
        if bare in names and (n > 0 or _INNER_CAPITAL.match(bare)):
            return bare
    return None

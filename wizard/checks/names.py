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

from wizard.checks.registry import text, walked
from wizard.checks.words import lower_words, words, wordset
from wizard.model.canvas import Canvas, CustomerType, Job, Segment

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


def _read(canvas: Canvas) -> tuple[list[str], list[str], list[str], list[str]]:
    """The canvas's text, read in one walk: all of it; what may name a place (every answer
    but the jobs, and the names of types and segments); the location answers; the
    existing alternatives."""
    everything, chunks, locations, alternatives = [canvas.title], [], [], []
    for place in walked(canvas):
        node = place.node
        # (isinstance, not getattr with a default: a pydantic model raises for a missing field)
        if isinstance(node, CustomerType | Segment):
            everything.append(node.name)
            chunks.append(node.name)
        elif isinstance(node, Job):
            everything.append(node.statement)  # a job's name is its statement: not a place
        for bank, values in node.answers.items():
            for qid, value in values.items():
                said = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
                    if isinstance(value, list) else []
                everything += said
                if bank != "segment_questions" or qid != "job":
                    chunks += said
                if bank == "audience" and qid == "location":
                    locations += said[:1] if isinstance(value, str) else []
                elif bank == "customer_model" and qid == "existing_alternatives" and isinstance(value, list):
                    alternatives += said
    return everything, chunks, locations, alternatives


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _in_lower_case(stems: set[str], text: str) -> set[str]:
    """The stems the canvas writes in lower case somewhere ("events", "event's"), which
    makes them ordinary words. Most names are nowhere else in the canvas; the others are
    tried only where they stand, not at every letter of the canvas."""
    found = set()
    for stem in stems:
        at = text.find(stem)
        if at < 0:
            continue
        whole = re.compile(rf"(?<![\w'’-]){re.escape(stem)}(?:s|es|'s|’s)?(?![\w'’-])")
        while at >= 0:
            if whole.match(text, at):  # the look-behind sees the text before `at`
                found.add(stem)
                break
            at = text.find(stem, at + 1)
    return found


def _looks_like_name(word: str) -> bool:
    if not (word[:1].isupper() or _INNER_CAPITAL.match(word)):
        return False  # most words: asked first
    return word not in NOT_NAMES and len(word) >= 2 and any(c.isalpha() for c in word)


@functools.lru_cache(maxsize=65536)
def _capitalised(sentence_text: str, skip_first: bool) -> tuple[str, ...]:
    found: list[str] = []
    for sentence in _SENTENCE_END.split(sentence_text):
        for n, word in enumerate(words(sentence)):
            if not _looks_like_name(word):
                continue
            if n == 0 and skip_first and not _INNER_CAPITAL.match(word):
                continue  # any word opens a sentence with a capital
            found.append(word)
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in words(text))


def _places(locations: list[str], chunks: list[str]) -> set[str]:
    """Capitalised words used as places: in a location answer, or after "in", "at", "across" ...
    anywhere but in the jobs themselves (where "plan shifts in Shiftwell" names the product)."""
    found: set[str] = set()
    for location in locations:
        found.update(_stem(w) for w in words(location) if w[:1].isupper())
    for chunk in chunks:
        if not chunk[1:].islower():  # a capital after the first letter: most answers have none
            found.update(_after_locative(chunk))
    return found


@functools.lru_cache(maxsize=65536)
def _after_locative(chunk: str) -> frozenset[str]:
    if chunk[1:].islower() or not chunk or LOCATIVE.isdisjoint(lower_words(chunk)):
        return frozenset()  # no capital after the first letter, or no "in", "at" ...: no place name
    found = words(chunk)
    return frozenset(_stem(w) for before, w in itertools.pairwise(found)
                     if w[:1].isupper() and before.lower() in LOCATIVE)


def _someone_elses(stems: set[str], alternatives: tuple[str, ...], locations: tuple[str, ...],
                   chunks: tuple[str, ...]) -> set[str]:
    """Which of the stems are someone else's: a word of an existing alternative, or a place.
    A stem is a word in lower case with its ending cut, so one that the text in lower case
    does not hold at all is neither; the usual name is nowhere else. (Lower case maps
    letter by letter, but for a capital sigma, which turns on the letters around it.)"""
    text = "\n".join((*alternatives, *locations, *chunks))
    if "Σ" not in text:
        lowered = text.lower().replace("’", "'")
        stems = {s for s in stems if s in lowered}
        if not stems:
            return set()
    theirs = set().union(*map(_stems, alternatives))
    theirs |= _places(list(locations), list(chunks))
    return theirs & stems


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
    candidates = list(_capitalised(canvas.title, skip_first=False))
    for ctype in canvas.customer_types:
        candidates += _capitalised(text(ctype.get("customer_model.solution")), skip_first=True)
    if not candidates:
        return set()  # nothing looks like a name: no need to read the rest of the canvas
    everything, chunks, locations, alternatives = _read(canvas)
    return set(_names(canvas.title, tuple(candidates), tuple(everything), tuple(chunks), tuple(locations),
                      tuple(alternatives)))


@functools.lru_cache(maxsize=256)
def _names(title: str, candidates: tuple[str, ...], everything: tuple[str, ...], chunks: tuple[str, ...],
           locations: tuple[str, ...], alternatives: tuple[str, ...]) -> frozenset[str]:
    """`own_names` from the canvas's text: the same text, read again after a change
    elsewhere (a score, a choice), finds the same names."""
    # A candidate the canvas writes in lower case is an ordinary word; only the rest, and
    # the title's runs of capitals, need the names that are someone else's or places.
    ordinary = _in_lower_case({_stem(w) for w in candidates if not _INNER_CAPITAL.match(w)}, "\n".join(everything))
    found = [w for w in candidates if _INNER_CAPITAL.match(w) or _stem(w) not in ordinary]
    runs = _capitalised_runs(title)
    if not found and not runs:
        return frozenset()
    theirs = _someone_elses({_stem(w) for w in found} | {_stem(w) for run in runs for w in run},
                            alternatives, locations, chunks)
    names = {" ".join(run) for run in runs if not {_stem(w) for w in run} <= theirs}
    names |= {w.replace("’", "'").removesuffix("'s") for w in found if _stem(w) not in theirs}
    return frozenset(names)


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

"""Reading English for the checks: word forms, parts of speech, how common a word is, near-copies.

The rules ask about meaning ("is this word a form of *annoy*?", "can it be a verb?", "are
these two items the same text?"), and libraries made for that answer better than suffix
rules: lemminflect (English lemmas and the parts of speech a word can take, from its own
dictionary), wordfreq (how common a word is in everyday English, a fair stand-in for how
generic it is) and rapidfuzz (edit-distance similarity, for copied and pasted items). All
three ship their data in the package: nothing is downloaded at run time.

They cost about half a second to import and load (see docs/checks.md), so they are
imported here on first use, never by importing `wizard.checks`: the wizard's first
question is painted long before, and its checks run on a thread (`warm` loads them there).
Every answer is a pure function of its word or text, cached, since the checks run again
after each change over a canvas whose text is nearly all as it was.
"""

from __future__ import annotations

import functools
import threading
import time
from types import ModuleType
from typing import Any

from wizard.checks.words import STOPWORDS, lower_words

_loading = threading.Lock()
_modules: dict[str, ModuleType] = {}


def _module(name: str) -> Any:
    found = _modules.get(name)
    if found is None:
        with _loading:  # two threads asking at once import it once
            found = _modules.get(name)
            if found is None:
                found = __import__(name, fromlist=["_"])
                _modules[name] = found
    return found


def warm() -> None:
    """Import the libraries and load their data now (on a worker thread or before a fork),
    so that the first check pays nothing."""
    for load in (lambda: forms("annoying"), lambda: zipf("hassle"), lambda: similarity("a b", "a c")):
        load()
        time.sleep(0.01)  # between libraries, let a UI thread have the interpreter


@functools.cache
def _dictionaries() -> tuple[dict[str, Any], dict[str, Any]] | None:
    """lemminflect's own lemma and override tables, read directly: its `getAllLemmas` deep-
    copies the entry on every call, which was a third of the cost of checking a new canvas.
    None (and the public call) if a later version keeps them elsewhere."""
    lemmatizer = _module("lemminflect.core.Lemmatizer").Lemmatizer()
    try:
        return lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()
    except AttributeError:
        return None


@functools.lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech -> lemmas of a lower-case word, from lemminflect's dictionary."""
    tables = _dictionaries()
    if tables is None:
        found: dict[str, tuple[str, ...]] = _module("lemminflect").getAllLemmas(word)
        return found
    lemmas, overrides = tables
    return {**lemmas.get(word, {}), **overrides.get(word, {})}


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """The word and every lemma it can be a form of: "cutting" -> {cutting, cut};
    "bookings" -> {bookings, booking}; "frustrated" -> {frustrated, frustrate}. A word the
    dictionary does not know gets its plain plural stripped ("websites" -> "website")."""
    w = word.lower().replace("’", "'")
    out = {w}
    for group in _lemmas(w).values():
        out.update(group)
    if len(out) == 1 and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.add(w[:-3] + "y" if w.endswith("ies") else w[:-1])
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """One base form: the noun's if the word can be a noun, else the verb's, else itself."""
    w = word.lower().replace("’", "'")
    found = _lemmas(w)
    for pos in ("NOUN", "VERB", "ADJ", "ADV"):
        if pos in found:
            return found[pos][0]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return w


@functools.lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """What the word can be, by the dictionary: {"NOUN", "VERB"} for "book"; empty when unknown."""
    return frozenset(_lemmas(word.lower().replace("’", "'")))


def can_be_verb(word: str) -> bool:
    return "VERB" in parts_of_speech(word)


def is_plural_noun(word: str) -> bool:
    """"students", "agencies", "children": a noun whose lemma is not the word itself."""
    w = word.lower()
    nouns = _lemmas(w).get("NOUN", ())
    return bool(nouns) and all(n != w for n in nouns)


@functools.lru_cache(maxsize=65536)
def lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in lower_words(text))


@functools.lru_cache(maxsize=65536)
def all_forms(text: str) -> frozenset[str]:
    """Every form of every word of the text, for asking "does it mention X in any inflection"."""
    out: set[str] = set()
    for w in lower_words(text):
        out |= forms(w)
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common the word is in English, on the Zipf scale: about 7 for "the", 5 for
    "money", 3 for "dentures", 0 for a word it has never seen."""
    value: float = _module("wordfreq").zipf_frequency(word, "en")
    return value


@functools.lru_cache(maxsize=65536)
def _gist(text: str) -> str:
    """The text's content words as lemmas, sorted: "wouldn't notice" and "would not notice" agree."""
    flat = text.lower().replace("n't", " not").replace("’", "'")
    return " ".join(sorted(lemma(w) for w in lower_words(flat) if w not in STOPWORDS and w != "not"))


@functools.lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0-100: how alike two texts are once case, word order and inflection are set aside."""
    left, right = _gist(a), _gist(b)
    if not left or not right:
        return 0.0
    score: float = _module("rapidfuzz.fuzz").ratio(left, right)
    return score


@functools.lru_cache(maxsize=65536)
def similar_words(a: str, b: str, cutoff: float = 85.0) -> bool:
    """One word spelled two ways ("organiser" / "organizer", "e-mail" / "email")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    score: float = _module("rapidfuzz.fuzz").ratio(a, b)
    return score >= cutoff

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
import gc
import math
import re
import threading
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

from wizard.checks.words import STOPWORDS, lower_words

_loading = threading.Lock()
_modules: dict[str, ModuleType] = {}
_building = threading.Lock()
_tables: dict[str, Any] = {}
T = TypeVar("T")


def _table(build: Callable[[], T]) -> Callable[[], T]:
    """A table read from a library's data, built once per process (on first use, or by
    `warm`): loaded data, not a cache of judgements, so it has no `cache_clear`."""
    name = build.__qualname__

    @functools.wraps(build)
    def loaded() -> T:
        if name not in _tables:
            with _building:  # two threads asking at once build it once
                if name not in _tables:
                    _tables[name] = build()
        found: T = _tables[name]
        return found

    return loaded


def _module(name: str) -> Any:
    found = _modules.get(name)
    if found is None:
        with _loading:  # two threads asking at once import it once
            found = _modules.get(name)
            if found is None:
                found = __import__(name, fromlist=["_"])
                _modules[name] = found
    return found


_warmed = threading.Event()


def warm() -> None:
    """Import the libraries and load their data now (on a worker thread or before a fork),
    so that the first check pays nothing."""
    if _warmed.is_set():
        return
    # zipf of a plain word reads wordfreq's table; of a number, its tokenizer too.
    for load in (lambda: forms("annoying"), lambda: zipf("hassle") + zipf("2026"),
                 lambda: similar_word_in("organiser", {"organizer"})):
        load()
        time.sleep(0.01)  # between libraries, let a UI thread have the interpreter
    # The libraries' modules and tables (some 30,000 objects the collector tracks) live as
    # long as the process: frozen, no full collection goes through them again, and forked
    # report workers leave their pages shared.
    gc.freeze()
    _warmed.set()


@_table
def _dictionaries() -> tuple[dict[str, Any], dict[str, Any]] | None:
    """lemminflect's own lemma and override tables, read directly: its `getAllLemmas` deep-
    copies the entry on every call, which was a third of the cost of checking a new canvas.
    None (and the public call) if a later version keeps them elsewhere."""
    lemmatizer = _module("lemminflect.core.Lemmatizer").Lemmatizer()
    try:
        return lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()
    except AttributeError:
        return None


_NO_LEMMAS: dict[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech -> lemmas of a lower-case word, from lemminflect's dictionary (its
    own entry, to be read and never changed)."""
    tables = _dictionaries()
    if tables is None:
        found: dict[str, tuple[str, ...]] = _module("lemminflect").getAllLemmas(word)
        return found
    lemmas, overrides = tables
    entry, override = lemmas.get(word), overrides.get(word)
    if override is None:  # nearly every word
        return entry if entry is not None else _NO_LEMMAS
    return {**(entry or {}), **override}


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """The word and every lemma it can be a form of: "cutting" -> {cutting, cut};
    "bookings" -> {bookings, booking}; "frustrated" -> {frustrated, frustrate}. A word the
    dictionary does not know gets its plain plural stripped ("websites" -> "website")."""
    w = word.lower().replace("’", "'")
    out = {w}
    out.update(*_lemmas(w).values())
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


_PLAIN = re.compile(r"[a-z]+(?:-[a-z]+)*|[a-z]{3,}'[a-z]+")
"""Words wordfreq's tokenizer leaves as they are, but for splitting them at their hyphens:
ASCII lower case, and an apostrophe only after three letters ("don't"; "l'a" it splits)."""


WORDLIST = "small"
"""wordfreq's list of the words seen at least once per million (Zipf 3 and up, 29,000 words,
2 MB in memory) rather than its large one (321,000 words, 33 MB): every rule asks only
whether a word is at least Zipf 4.5 common, and the two lists agree on each such answer
(tests/test_checks_language.py holds them to it). A rarer word reads as Zipf 0."""
LOWEST_ASKED = 4.5
"""The lowest Zipf value a rule may compare with (persona.COMMON, research.NAME_BELOW, value's)."""


@_table
def _frequencies() -> tuple[dict[str, float], float]:
    """wordfreq's English frequency table (word -> share of all words), built once from its
    data (`zipf_frequency` builds the same one), and the frequency Zipf 0 stands for."""
    wordfreq = _module("wordfreq")
    return wordfreq.get_frequency_dict("en", wordlist=WORDLIST), wordfreq.zipf_to_freq(0.0)


_ZIPF_OF_FREQUENCY: dict[float, float] = {}
"""wordfreq keeps its words in buckets of one centibel: a few hundred frequencies in all."""


def _zipf_of(frequencies: list[float], minimum: float) -> float:
    """wordfreq's arithmetic for a word made of tokens of these frequencies, step for step:
    combined as 1/f = 1/f1 + 1/f2 ..., rounded to three significant digits, then put on
    the Zipf scale at two decimals."""
    one_over = 0.0
    for found in frequencies:
        one_over += 1.0 / found
    frequency = max(1.0 / one_over, minimum)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common the word is in English, on the Zipf scale: about 7 for "the", 5 for
    "money", 0 for "dentures" (rarer than once per million words) and a word never seen.

    Exactly wordfreq's `zipf_frequency(word, "en", wordlist=WORDLIST)`, but a plain word is looked up in its
    table directly: wordfreq tokenizes and normalizes every word it is asked about, which
    was most of the cost of checking a canvas whose words are new (tests/test_checks_language.py
    holds the two to the same answer)."""
    if not _PLAIN.fullmatch(word):
        value: float = _module("wordfreq").zipf_frequency(word, "en", wordlist=WORDLIST)
        return value
    table, minimum = _frequencies()
    if "-" not in word:
        found = table.get(word)
        if found is None:
            return round(math.log(minimum, 10) + 9, 2)
        if found not in _ZIPF_OF_FREQUENCY:
            _ZIPF_OF_FREQUENCY[found] = _zipf_of([found], minimum)
        return _ZIPF_OF_FREQUENCY[found]
    tokens = [table.get(token) for token in word.split("-")]  # wordfreq splits at hyphens
    if any(found is None for found in tokens):
        return round(math.log(minimum, 10) + 9, 2)  # an unknown token: the minimum
    return _zipf_of([found for found in tokens if found is not None], minimum)


@functools.lru_cache(maxsize=65536)
def _gist(text: str) -> str:
    """The text's content words as lemmas, sorted: "wouldn't notice" and "would not notice" agree."""
    lowered = text.lower()
    # Lower case changes no word boundary in plain ASCII: then the words are the text's own
    # (split once for all the rules), unless a "n't" is to be spelled out.
    if text.isascii() and "n't" not in lowered:
        found = lower_words(text)
    else:
        found = lower_words(lowered.replace("n't", " not").replace("’", "'"))
    return " ".join(sorted(map(lemma, [w for w in found if w not in STOPWORDS and w != "not"])))


@functools.lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0-100: how alike two texts are once case, word order and inflection are set aside."""
    left, right = _gist(a), _gist(b)
    if not left or not right:
        return 0.0
    score: float = _module("rapidfuzz.fuzz").ratio(left, right)
    return score


def gist(text: str) -> str:
    """What `similarity` compares: the content words as lemmas, sorted ("" if there are none)."""
    return _gist(text)


def alike(query: str, gists: dict[int, str], cutoff: float) -> dict[int, float]:
    """Which of `gists` (non-empty, from `gist`, by key) are at least `cutoff` alike with
    the gist `query`, and how alike, exactly as `similarity` measures their texts: one call
    into rapidfuzz for them all, not one per pair."""
    assert cutoff > 0, "a text with no content word is 0 alike with any other"
    if not query or not gists:
        return {}
    found = _module("rapidfuzz.process").extract(query, gists, scorer=_module("rapidfuzz.fuzz").ratio,
                                                 score_cutoff=cutoff, limit=None)
    return {key: score for _, score, key in found}


def spelled_like(word: str, others: list[str], cutoff: float = 85.0) -> list[str]:
    """Those of `others` that are `word` spelled another way, as `similar_words` judges
    (one call into rapidfuzz for them all); `word` itself is not among them."""
    if len(word) < 5 or not others:
        return []
    found = _module("rapidfuzz.process").extract(word, others, scorer=_module("rapidfuzz.fuzz").ratio,
                                                 score_cutoff=cutoff, limit=None)
    return [match for match, _, _ in found if match != word and len(match) >= 5]


def similar_word_in(word: str, others: set[str] | frozenset[str], cutoff: float = 85.0) -> bool:
    """Whether any of `others` is `word` spelled another way, as `similar_words` judges
    (one call into rapidfuzz for them all)."""
    if word in others:
        return True
    if len(word) < 5:
        return False
    choices = [o for o in others if len(o) >= 5]
    return bool(choices) and _module("rapidfuzz.process").extractOne(
        word, choices, scorer=_module("rapidfuzz.fuzz").ratio, score_cutoff=cutoff) is not None


@functools.lru_cache(maxsize=65536)
def similar_words(a: str, b: str, cutoff: float = 85.0) -> bool:
    """One word spelled two ways ("organiser" / "organizer", "e-mail" / "email")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    score: float = _module("rapidfuzz.fuzz").ratio(a, b)
    return score >= cutoff

"""The checks' fast paths answer exactly as the plain ones they stand in for.

Checking a canvas seen for the first time was made cheaper (benchmarks/checks_eval.py
measures it) by shortcuts: wordfreq's table read directly, words split without a regex,
one rapidfuzz call for many pairs, cheap tests before costly ones. Each is held here to
the plain way of asking, over the library's own word list and over generated text, so a
shortcut can never change what a rule finds.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.checks import ages, language, lexicon, names, words
from wizard.checks.words import STOPWORDS

wordfreq = pytest.importorskip("wordfreq")
rapidfuzz = pytest.importorskip("rapidfuzz")

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
"""How words were split before the shortcut, and still are for other text."""

# Text built from what trips tokenizers and case: apostrophes straight and curly, hyphens,
# digits, underscores, accents, a dotted capital I, German sharp s, a ligature.
ALPHABET = st.sampled_from(list("abcdeilnorstuyz ABCILNST'’-_.,/0123456789éÉßİﬁ\n"))
TEXT = st.text(ALPHABET, max_size=40)
SOME = settings(max_examples=300, deadline=None)


def test_zipf_is_wordfreqs_over_its_own_word_list() -> None:
    table, _ = language._frequencies()
    plain = [w for w in table if language._PLAIN.fullmatch(w)]
    sample = plain[::40]
    hyphened = [f"{a}-{b}" for a, b in zip(plain[::997], plain[13::991], strict=False)]
    odd = ["", "Café", "café", "naïve", "2026", "x2", "Leeds", "e-mail", "well-known", "don't", "it's", "o'hara",
           "y'all", "rock'n'roll", "organiser’s", "straße", "ﬁle", "qqqzzx", "qqqzzx-money", "a", "i"]
    differ = [(w, language.zipf(w), small(w)) for w in [*sample, *hyphened, *odd] if language.zipf(w) != small(w)]
    assert not differ


@SOME
@given(st.text(st.sampled_from(list("abehilostxyz-'")), min_size=1, max_size=14))
def test_zipf_is_wordfreqs_for_any_plain_looking_word(word: str) -> None:
    assert language.zipf(word) == small(word)


def small(word: str) -> float:
    return float(wordfreq.zipf_frequency(word, "en", wordlist=language.WORDLIST))


def test_the_small_word_list_answers_every_rule_as_the_large_one_would() -> None:
    """The checks read wordfreq's small list (2 MB, not 33): for every threshold a rule asks
    about, a word is as common on it as on the large list, over a sample of the large list."""
    from wizard.checks import persona, research, value

    asked = {research.NAME_BELOW, persona.COMMON, value.COMMON_ADJECTIVE, value.EVERYDAY}
    assert min(asked) >= language.LOWEST_ASKED > 3.01  # the small list holds every word from Zipf 3.01
    large = wordfreq.get_frequency_dict("en", wordlist="large")
    sample = [w for w in list(large)[::5] if language._PLAIN.fullmatch(w)][:40_000]
    flips = [(w, t) for w in sample for t in asked
             if (language.zipf(w) >= t) != (wordfreq.zipf_frequency(w, "en", wordlist="large") >= t)]
    assert not flips


@SOME
@given(TEXT)
def test_words_are_split_as_the_regex_splits_them(text: str) -> None:
    assert list(words.words(text)) == _WORD.findall(text)
    assert list(words.lower_words(text)) == [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _gist_as_it_was(text: str) -> str:
    flat = text.lower().replace("n't", " not").replace("’", "'")
    found = [w.lower().replace("’", "'") for w in _WORD.findall(flat)]
    return " ".join(sorted(language.lemma(w) for w in found if w not in STOPWORDS and w != "not"))


@SOME
@given(st.lists(st.sampled_from(["wouldn't", "can’t", "Booking", "bookings", "the", "not", "İstanbul", "n/a",
                                 "slow", "-", "Ab'c", "ÉTÉ", "shops", "don't", "x"]), max_size=8).map(" ".join))
def test_a_gist_is_the_same_by_either_path(text: str) -> None:
    assert language.gist(text) == _gist_as_it_was(text)


def _is_generic_as_it_was(text: str) -> bool:
    flat = text.strip().lower()
    if flat in ("", "?", "-", "--", "...", "n/a", "x"):
        return True
    found = [w.lower().replace("’", "'") for w in _WORD.findall(flat.replace("n/a", "na"))]
    return bool(found) and all(w in words.FILLER for w in found)


@SOME
@given(st.lists(st.sampled_from(["all", "Various", "N/A", "n/a", "people", "İ", "kinds", "of", "Leeds", "x", "?"]),
                max_size=5).map(" ".join))
def test_generic_is_the_same_by_either_path(text: str) -> None:
    assert words.is_generic(text) == _is_generic_as_it_was(text)


@SOME
@given(st.lists(st.sampled_from(["annoying", "slowly", "hassle", "really", "Frustrated", "app", "quickly",
                                 "booking", "time", "badly", "x"]), max_size=6).map(" ".join),
       st.sampled_from([lexicon.FEELING, lexicon.PROMISE, lexicon.ARTEFACT]))
def test_a_text_mentions_a_class_when_one_of_its_words_is_in_it(text: str, cls: frozenset[str]) -> None:
    assert lexicon.mentions(text, cls) == any(lexicon.has(w, cls) for w in words.lower_words(text))


def test_a_union_of_classes_is_asked_as_each_class() -> None:
    together = lexicon.union(lexicon.GENERAL, lexicon.MARKETING)
    assert together is lexicon.union(lexicon.GENERAL, lexicon.MARKETING)
    for word in ("thing", "quality", "slowly", "totally", "booking", "prices"):
        assert lexicon.has(word, together) == (lexicon.has(word, lexicon.GENERAL) or
                                              lexicon.has(word, lexicon.MARKETING))


ITEMS = st.lists(st.sampled_from(["Waits an hour for the bus", "waits an hour for a bus", "Waited hours for buses",
                                  "the", "Pays a late fee", "pays the late fees", "No parking near the shop", "",
                                  "Cannot park near the shop", "late"]), min_size=1, max_size=8)


@SOME
@given(st.sampled_from(["Waits an hour for the bus", "Pays a late fee", "the", "late fees paid"]), ITEMS,
       st.sampled_from([50.0, 90.0, 98.0]))
def test_alike_finds_what_similarity_would(query: str, others: list[str], cutoff: float) -> None:
    gists = {n: language.gist(o) for n, o in enumerate(others) if language.gist(o)}
    expected = {n: language.similarity(query, o) for n, o in enumerate(others)
                if language.similarity(query, o) >= cutoff}
    assert language.alike(language.gist(query), gists, cutoff) == expected


SPELLINGS = st.lists(st.sampled_from(["organiser", "organizer", "organisers", "colour", "color", "email", "e-mail",
                                      "booking", "bookings", "van", "vans", "cafe"]), max_size=6, unique=True)


@SOME
@given(st.sampled_from(["organiser", "colour", "email", "van", "bookings", "cafe"]), SPELLINGS)
def test_spelled_like_finds_what_similar_words_would(word: str, others: list[str]) -> None:
    assert sorted(language.spelled_like(word, others)) == sorted(
        o for o in others if o != word and language.similar_words(word, o))
    assert language.similar_word_in(word, set(others)) == any(language.similar_words(word, o) for o in others)


@SOME
@given(st.sets(st.sampled_from(["event", "harbour", "box", "i̇stanbul", "class", "", "warm", "o'brien"]), max_size=4),
       st.lists(st.sampled_from(["events", "event's", "Harbour", "boxes", "class-es", "classes", "warmth", "i̇stanbul",
                                 "o'brien's", "-box", "box-", "the", "\n", " "]), max_size=8).map(" ".join))
def test_words_in_lower_case_are_found_where_a_search_finds_them(stems: set[str], text: str) -> None:
    expected = {s for s in stems if re.search(rf"(?<![\w'’-]){re.escape(s)}(?:s|es|'s|’s)?(?![\w'’-])", text)}
    assert names._in_lower_case(stems, text) == expected


@SOME
@given(st.lists(st.sampled_from(["aged", "18", "to", "65", "in", "their", "forties", "and", "FIFTIES", "over",
                                 "30s", "TEENS", "twentieſ", "year", "olds", "people"]), max_size=7).map(" ".join))
def test_an_age_span_is_read_whether_or_not_the_quick_test_passes(text: str) -> None:
    def by_the_patterns(text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in ages._SPAN_DECADES.finditer(text):
            low, high = ages._decade(m.group(1)), ages._decade(m.group(2))
            if high >= low:
                out.append((low, high + 9 if high >= 20 else 19, m.group(0).strip()))
        for m in ages._SPAN_NUMBERS.finditer(text):
            low_s, high_s = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if 0 < int(low_s) < int(high_s) <= 120:
                out.append((int(low_s), int(high_s), m.group(0).strip()))
        for m in ages._OPEN.finditer(text):
            low = int(m.group(1) or m.group(2))
            if 13 <= low <= ages.OPEN_FROM_AT_MOST:
                out.append((low, ages.OPEN_UNTIL, m.group(0).strip()))
        return out

    assert list(ages.spans(text)) == by_the_patterns(text)


def test_the_library_tables_outlive_the_caches() -> None:
    """The benchmark (and a test) may forget every judged word; the tables read from the
    libraries' data stay loaded, or a 'cleared' check would pay for loading them again."""
    from benchmarks.checks_eval import clear_caches

    table = language._frequencies()
    clear_caches()
    assert language._frequencies() is table
    assert not hasattr(language._frequencies, "cache_clear")


def test_the_wizard_starts_without_the_language_libraries() -> None:
    code = ("import sys, wizard.commands.cli, wizard.commands.launch, wizard.tui.app, wizard.checks; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'lemminflect', 'wordfreq', 'rapidfuzz', "
            "'numpy'}))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"


def test_the_loaded_word_tables_are_out_of_the_garbage_collectors_sight() -> None:
    """Once loaded they live as long as the process: no full collection goes through them
    again (on the wizard's UI thread, between two keys)."""
    code = ("import gc; from wizard.checks import language; before = len(gc.get_objects()); language.warm(); "
            "print(gc.get_freeze_count() >= before, len(gc.get_objects()) < before + 10_000)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.split() == ["True", "True"]

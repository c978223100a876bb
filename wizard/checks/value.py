"""Rules on what each customer type is offered and where: a benefit tied to its job, its own, in real places."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from wizard.checks import language
from wizard.checks.lexicon import CHANNEL_WORD, FEATURE, GENERAL, INTENSIFIER, MARKETING, PROMISE, has, union
from wizard.checks.reading import content
from wizard.checks.registry import WARNING, Hit, items, rule, text
from wizard.checks.words import STOPWORDS, lower_words, quote, wordset
from wizard.model.bank import STAGES
from wizard.model.canvas import Canvas, CustomerType
from wizard.model.structure import JOBS

UVP = "customer_model.uvp"
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bplus\b|&|\+)\s*", re.IGNORECASE)
COPIED = 85.0
"""Similarity (0-100) from which two value propositions are one copied."""
EVERYDAY = 5.8
"""Zipf frequency from which any word ties nothing together ("day" 6.0, "people" 6.3)."""
COMMON_ADJECTIVE = 5.0
"""Zipf frequency from which an adjective ties nothing together ("local" 5.4, "healthy" 4.8)."""
BENEFIT_CUES = wordset("""
you your yours they their them so without never save get know stop spend keep feel find avoid less more
fewer cut win sell fill meet make no longer can instead worry free back
""")


@functools.lru_cache(maxsize=65536)
def features_only(uvp: str) -> list[str]:
    """The feature words of a value proposition that promises nothing to anyone, else []."""
    found = lower_words(uvp)
    if any(w in BENEFIT_CUES for w in found):
        return []
    features = [w for w in found if has(w, FEATURE)]
    if len(features) >= 2:
        return features
    # A list of three or more things ("rota grid, availability forms, swap approvals and
    # payroll export"), each ending in a noun: an inventory, not a promise.
    parts = [lower_words(p) for p in _LIST_SPLIT.split(uvp) if lower_words(p)]
    if len(parts) >= 3 and all(len(p) <= 4 and "NOUN" in language.parts_of_speech(p[-1]) for p in parts):
        return [p[-1] for p in parts]
    return []


@functools.lru_cache(maxsize=65536)
def generic_uvp(uvp: str) -> bool:
    """Marketing words that fit any business: "top quality at a fair price", "the best service in town"."""
    words = content(uvp)
    rest = [w for w in words if not has(w, union(MARKETING, PROMISE, GENERAL, INTENSIFIER))]
    return bool(words) and len(rest) <= 1 and len(words) >= 2


def _meaningful(texts: list[str]) -> set[str]:
    out: set[str] = set()
    for t in texts:
        out |= _meaningful_words(t)
    return out


@functools.lru_cache(maxsize=65536)
def _meaningful_words(text: str) -> frozenset[str]:
    found = {_meaningful_word(w) for w in lower_words(text) if len(w) > 2 and w not in STOPWORDS}
    return frozenset(w for w in found if w is not None)


_TIES_NOTHING = union(GENERAL, MARKETING, INTENSIFIER)


@functools.lru_cache(maxsize=65536)
def _meaningful_word(w: str) -> str | None:
    """The lemma of a word that can tie a value proposition to a job, or None. Judged once
    per word: the same words recur across a type's pains and gains."""
    if len(w) <= 2 or w in STOPWORDS or has(w, _TIES_NOTHING):
        return None
    common = language.zipf(w)
    if common >= COMMON_ADJECTIVE and "ADJ" in language.parts_of_speech(w):
        return None  # "local", "new", "own": shared by any two texts
    if common >= EVERYDAY:
        return None  # "day", "week", "people"
    return language.lemma(w)


def _job_texts(ctype: CustomerType) -> tuple[list[str], list[str]]:
    """The texts of the type's jobs (statements and fears), and of their pains and gains."""
    jobs: list[str] = []
    profile: list[str] = []
    for seg in ctype.segments:
        jobs.append(text(seg.get("segment_questions.job")))
        for job in seg.jobs:
            jobs += [job.statement, *items(job.get("profile.fears"))]
            for stage in STAGES:
                profile += items(job.stage(stage).get("profile.gains")) + items(job.stage(stage).get("profile.pains"))
    return jobs, profile


@functools.lru_cache(maxsize=4096)
def _by_lemma(texts: tuple[str, ...]) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The texts' words by lemma, and the lemmas long enough to be spelled two ways."""
    words_of: dict[str, set[str]] = {}
    for t in texts:
        for lemma, word in zip(language.lemmas(t), lower_words(t), strict=True):
            if len(word) > 2 and word not in STOPWORDS:  # as `_meaningful_words` asks
                words_of.setdefault(lemma, set()).add(word)
    return {lemma: frozenset(found) for lemma, found in words_of.items()}, [b for b in words_of if len(b) >= 5]


def _shared(uvp_words: set[str], texts: list[str]) -> set[str]:
    """The words of the value proposition that are, or are spelled like, a meaningful word
    of the texts (a lemma of `_meaningful`).

    Read the other way round, for speed: the texts' words are only lemmatized, and only the
    few whose lemma is a word of the value proposition (or spelled like one) are judged
    meaningful; a word kept by `_meaningful_word` is kept as its lemma."""
    if not uvp_words:
        return set()
    words_of, long = _by_lemma(tuple(texts))

    def meaningful(lemma: str) -> bool:
        return any(_meaningful_word(w) is not None for w in words_of[lemma])

    return {a for a in uvp_words
            if (a in words_of and meaningful(a)) or any(meaningful(b) for b in language.spelled_like(a, long))}


@functools.lru_cache(maxsize=4096)
def _tied(uvp_words: frozenset[str], jobs: tuple[str, ...], profile: tuple[str, ...]) -> bool:
    """A word of the job itself, or two of its pains and gains: one shared word among
    dozens of pains and gains ("market", "day") is chance."""
    return bool(_shared(set(uvp_words), list(jobs))) or len(_shared(set(uvp_words), list(profile))) >= 2


@rule("uvp-lists-features", "A value proposition that lists features instead of the benefit", WARNING)
def uvp_lists_features(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        uvp = text(ctype.get(UVP))
        solution = text(ctype.get("customer_model.solution"))
        if not uvp:
            continue
        features = features_only(uvp)
        if features:
            yield Hit((ctype.id,), UVP,
                      f"The value proposition {quote(uvp, 60)} lists what the product has "
                      f"({', '.join(dict.fromkeys(features[:3]))}), not what {quote(ctype.name, 30)} get from it.",
                      "Say the benefit in the customer's words, e.g. “no more evenings chasing late payers: "
                      "you are paid within a week”; features belong in the solution.")
        elif solution and language.similarity(uvp, solution) >= COPIED:
            yield Hit((ctype.id,), UVP,
                      f"The value proposition repeats the solution ({quote(solution, 50)}): it describes the "
                      "product, not the benefit.",
                      "Say what the customer gets that nobody else gives them; keep the product for the solution.")


@rule("generic-uvp", "A value proposition any business could claim", WARNING)
def generic_value(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        uvp = text(ctype.get(UVP))
        if uvp and generic_uvp(uvp) and not features_only(uvp):
            yield Hit((ctype.id,), UVP,
                      f"{quote(uvp, 60)} could be said by any business: nothing in it is about "
                      f"{quote(ctype.name, 30)} or their job.",
                      "Name the result for their job and what makes your way different, e.g. “your "
                      "boiler fixed the same day, or the call-out is free”.")


@rule("uvp-unrelated-to-job", "A value proposition tied to no job of its customer type", WARNING)
def uvp_unrelated_to_job(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        uvp = text(ctype.get(UVP))
        if not any(s.jobs for s in ctype.segments):
            continue  # no job yet is type-without-job's to say
        if not uvp or generic_uvp(uvp) or features_only(uvp):
            continue
        texts = _job_texts(ctype)
        if not any(_meaningful_words(t) for t in (*texts[0], *texts[1])):
            continue  # nothing in the jobs to tie it to
        if not _tied(frozenset(_meaningful([uvp])), tuple(texts[0]), tuple(texts[1])):
            jobs = [j.statement for s in ctype.segments for j in s.jobs]
            yield Hit((ctype.id,), UVP,
                      f"The value proposition {quote(uvp, 50)} shares nothing with the jobs, pains or gains of "
                      f"{quote(ctype.name, 30)}" + (f" (such as {quote(jobs[0], 40)})." if jobs else "."),
                      "Build it from their job: say which pain it removes or which gain it brings, in the "
                      "words they use for it.",
                      tuple(((ctype.id, s.id), JOBS) for s in ctype.segments))


@rule("uvp-copied", "The same value proposition for two customer types", WARNING)
def uvp_copied(canvas: Canvas) -> Iterator[Hit]:
    earlier: list[CustomerType] = []
    for ctype in canvas.customer_types:
        uvp = text(ctype.get(UVP))
        twin = next((t for t in earlier if language.similarity(text(t.get(UVP)), uvp) >= COPIED), None) if uvp else None
        if twin is not None:
            yield Hit((ctype.id,), UVP,
                      f"{quote(ctype.name, 30)} get the same value proposition as {quote(twin.name, 30)}: "
                      "each customer type plays a different role, with a job of its own.",
                      f"Write what {quote(ctype.name, 30)} get, from their own job: an advertiser gains an "
                      "audience, a student gains friends.", (((twin.id,), UVP),))
        if uvp:
            earlier.append(ctype)


@functools.lru_cache(maxsize=65536)
def placeless(channel: str) -> bool:
    """A channel that names no place you could go to: "the internet", "social media", "advertising"."""
    words = content(channel)
    return bool(words) and all(has(w, union(CHANNEL_WORD, GENERAL)) or w in INTENSIFIER for w in words)


@rule("vague-channels", "Channels that name no real place", WARNING)
def vague_channels(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        for question in ("relationships.channels", "relationships.sales_channels"):
            vague = [c for c in items(ctype.get(question)) if placeless(c)]
            if vague:
                cited = ", ".join(quote(c, 30) for c in vague[:3])
                yield Hit((ctype.id,), question,
                          f"{cited} {'is' if len(vague) == 1 else 'are'} a kind of channel, not a place: you "
                          "cannot plan, staff or measure it.",
                          "Name where exactly: “the r/dentistry forum”, “Instagram posts from our shop”, "
                          "“the county farm show in June”, “email to last year's customers”.")

"""Rules on early adopters and existing alternatives: a narrower, eager group; real, named alternatives."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from wizard.checks import language
from wizard.checks.lexicon import FEELING, GENERAL, INACTION, INTENSIFIER, UNNAMED, has, union
from wizard.checks.reading import CLAUSE, PHRASE_END, SUBJECTS, content, head_noun
from wizard.checks.registry import WARNING, Hit, items, jobs, rule, segments, text
from wizard.checks.words import is_doing_nothing, lower_words, quote, wordset
from wizard.model.canvas import Canvas, CustomerType, Segment
from wizard.model.structure import SEGMENTS
from wizard.model.tree import Location

EARLY = "customer_model.early_adopters"
USERS = "segment_questions.who_uses"


@rule("early-adopters-single-buyer", "Early adopters given for a type that is a single buyer", WARNING)
def early_adopters_single_buyer(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        if ctype.get("customer_model.size") != "one":
            continue
        named = [s.name for s in ctype.segments if text(s.get(EARLY))]
        if named:
            yield Hit((ctype.id,), "customer_model.size",
                      f"{quote(ctype.name)} is a single customer, yet {quote(named[0], 40)} names early adopters.",
                      "A lone buyer (one funder, one council) has no smaller group to start with, so the "
                      "wizard no longer asks for early adopters and the ones kept in the file can go; if "
                      "there are in fact several buyers, change “How many”.")


WIDER = re.compile(r"^\s*(?:all|any|every|most)\b|\b(?:anywhere|everywhere|nationwide|worldwide|countrywide|"
                   r"in\s+general|of\s+all\s+(?:kinds|sizes|types|ages)|whoever|wherever|any\s+size|"
                   r"of\s+any\s+(?:kind|size|type|age))\b", re.IGNORECASE)
PEOPLE = wordset("""
people person those ones users customers clients members buyers individuals households families
businesses firms companies organisations organizations teams
""")


def _lemmas_of(texts: list[str]) -> set[str]:
    return set().union(*map(language.lemmas, texts))


def _segment_texts(ctype: CustomerType, seg: Segment) -> tuple[str, ...]:
    """The words the segment is described in: whoever they name is inside it."""
    texts = [ctype.name, seg.name, *items(seg.get("segment_questions.characteristics"))]
    texts += [text(seg.get(q)) for q in (USERS, "research.description",
                                         "audience.industry", "audience.life_stage")]
    return tuple(texts)


def _named(ctype: CustomerType, seg: Segment) -> list[str]:
    """How the canvas names a segment's people: its type, its name, its users."""
    return [t for t in (ctype.name, seg.name, text(seg.get(USERS))) if t]


def _gists(texts: list[str]) -> Counter[str]:
    """The gists of the phrases `texts` open with, once per text that has one."""
    return Counter(g for g in (language.gist(_opening(t)) for t in texts) if g)


def _lemma_counts(texts: list[str]) -> Counter[str]:
    """Each lemma, once per text it is in."""
    return Counter(lemma for t in texts for lemma in set(language.lemmas(t)))


class Everyone:
    """How the canvas names the people of all its segments, counted once for the whole
    canvas. The people outside one segment are all of them less that segment's own (its
    type's name still counts once for each other segment of the type): gathering every other
    segment's texts for each segment was quadratic, 2.4 s of the checks at 1000 segments."""

    def __init__(self, canvas: Canvas) -> None:
        named = [t for ctype in canvas.customer_types for seg in ctype.segments for t in _named(ctype, seg)]
        self._openings = _gists(named)
        self._lemmas = _lemma_counts(named)
        self._keyed = dict(enumerate(sorted(self._openings)))  # one call into rapidfuzz for them all

    def name_like(self, phrase: str, own: list[str], also: list[str]) -> bool:
        """Whether anyone outside the segment whose people are named `own`, or `also`, is
        named by a phrase at least 90 alike with `phrase` (as `language.similarity` measures)."""
        query, mine, extra = language.gist(phrase), _gists(own), _gists(also)
        found = [self._keyed[k] for k in language.alike(query, self._keyed, 90)]
        return any(self._openings[g] > mine[g] for g in found) or bool(
            extra and language.alike(query, dict(enumerate(extra)), 90))

    def name_lemma(self, lemma: str, own: list[str], also: list[str]) -> bool:
        """Whether anyone outside the segment whose people are named `own`, or `also`, is
        named with a word of this lemma."""
        return self._lemmas[lemma] > _lemma_counts(own)[lemma] or lemma in _lemmas_of(also)


@functools.lru_cache(maxsize=65536)
def _opening(answer: str) -> str:
    """The noun phrase an answer opens with: "Charity shops that cannot ..." -> "charity shops"."""
    out = []
    for w in lower_words(answer):
        if w in PHRASE_END or w in CLAUSE:
            break
        out.append(w)
    return " ".join(out)


def _not_narrower(everyone: Everyone, ctype: CustomerType, seg: Segment, early: str) -> str | None:
    """Why the early adopters are not a narrower part of the segment, or None. Named among
    the people outside it (other segments and types, the beneficiaries; the payer too, for
    the head noun), they are someone else."""
    name, uses, payer = seg.name, text(seg.get(USERS)), text(seg.get("segment_questions.who_pays"))
    beneficiaries = items(seg.get("segment_questions.beneficiaries"))
    name_lemmas = {language.lemma(w) for w in content(name)}
    early_lemmas = {language.lemma(w) for w in content(early)}
    if early_lemmas and (early_lemmas <= name_lemmas or max(language.similarity(early, name),
                                                           language.similarity(early, uses) if uses else 0) >= 90):
        return "copy"
    if WIDER.search(early):
        return "wider"
    opening, own = _opening(early), _named(ctype, seg)
    if (len(opening.split()) >= 2 and language.similarity(opening, _opening(name)) < 90
            and everyone.name_like(opening, own, beneficiaries)):
        return f"outside:{opening}"  # the very group the canvas names as someone else
    head = head_noun(early)
    if head and head not in PEOPLE and len(head) > 2:
        lemma = language.lemma(head)
        if (not language.similar_word_in(lemma, _lemmas_of(list(_segment_texts(ctype, seg))))
                and everyone.name_lemma(lemma, own, [payer, *beneficiaries] if payer else beneficiaries)):
            return f"outside:{head}"
    return None


@rule("early-adopters-not-narrower", "Early adopters that are not a narrower, keener part of their segment", WARNING)
def early_adopters_not_narrower(canvas: Canvas) -> Iterator[Hit]:
    everyone = Everyone(canvas)
    for place, seg in segments(canvas):
        early = text(seg.get(EARLY))
        ctype = place.chain[1]
        assert isinstance(ctype, CustomerType)
        if not early or ctype.get("customer_model.size") == "one":
            continue
        why = _not_narrower(everyone, ctype, seg, early)
        if why is None:
            continue
        said = {"copy": "repeat the segment itself", "wider": "are a wider group than the segment"}.get(
            why, f"name “{why.partition(':')[2]}”, who are not among {quote(seg.name, 40)}")
        reads: tuple[tuple[Location, str], ...] = ((place.location[:1], SEGMENTS),
                                                   (place.location, "segment_questions.who_uses"))
        yield Hit(place.location, EARLY,
                  f"The early adopters ({quote(early, 50)}) {said}: they should be the part of the "
                  "segment that wants this most urgently.",
                  f"Narrow {quote(seg.name, 40)} to the people already feeling the pain and working around "
                  "it, e.g. “those who lost a client to a late invoice last quarter”.", reads)


_LEAD = wordset("just simply mostly usually often currently still generally mainly largely they most many some "
                  "people customers clients users")


@functools.lru_cache(maxsize=65536)
def doing_nothing(item: str) -> bool:
    """"Doing nothing" in any wording: "they just put up with it", "accept the delays and carry on"."""
    if is_doing_nothing(item):
        return True
    found = [w for w in lower_words(item) if w not in _LEAD and w not in SUBJECTS]
    if not found:
        return False
    if not (has(found[0], INACTION) or found[0] in ("nothing", "no", "don't", "dont", "do", "does")):
        return False
    if found[0] in ("do", "does", "don't", "dont", "no") and not {"nothing", "anything", "alternative"} & set(found):
        return False
    rest = [w for w in content(" ".join(found))
            if not has(w, union(INACTION, GENERAL, INTENSIFIER, FEELING))
            and w not in ("best", "hope", "about", "really", "it", "as", "alternative", "alternatives")]
    return len(rest) <= 1


@functools.lru_cache(maxsize=65536)
def unnamed(item: str) -> bool:
    """An alternative that names nobody: "the competition", "other options", "rival products"."""
    words = content(item)
    if doing_nothing(item):
        return False  # doing nothing is an alternative of its own (doing-nothing-only)
    return bool(words) and all(has(w, union(UNNAMED, GENERAL)) or w in INTENSIFIER for w in words)


@rule("doing-nothing-only", "“Doing nothing” as the only existing alternative", WARNING)
def doing_nothing_only(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        alternatives = items(job.get("customer_model.existing_alternatives"))
        if alternatives and all(doing_nothing(a) for a in alternatives):
            yield Hit(place.location, "customer_model.existing_alternatives",
                      f"The only alternative to {quote(job.statement, 40)} is doing nothing "
                      f"({quote(alternatives[0], 40)}): people who are not trying to get a job done may not "
                      "care about it much.",
                      "Find what they really do today, workarounds included (a spreadsheet, a favour from a "
                      "friend, paying someone); if it truly is nothing, check in interviews that the job "
                      "matters to them.")


@rule("unnamed-alternatives", "Existing alternatives that name no one", WARNING)
def unnamed_alternatives(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        vague = [a for a in items(job.get("customer_model.existing_alternatives")) if unnamed(a)]
        if vague:
            cited = ", ".join(quote(a, 30) for a in vague[:3])
            yield Hit(place.location, "customer_model.existing_alternatives",
                      f"{cited} {'names' if len(vague) == 1 else 'name'} no one: you cannot study, price "
                      "against or beat an alternative you cannot name.",
                      "Name the product, the provider or the workaround, e.g. “a shared Google Sheet”, "
                      "“the agency down the road”, “asking a friend who knows”.")

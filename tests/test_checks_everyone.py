"""Early adopters named as someone else: counting everyone once per canvas (adopters.Everyone)
finds what asking each segment for every other segment's texts found, on any canvas."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factory import structure
from wizard.checks import language
from wizard.checks.adopters import PEOPLE, Everyone, _lemmas_of, _not_narrower, _opening, _segment_texts
from wizard.checks.reading import head_noun
from wizard.checks.registry import items, text
from wizard.model.canvas import Canvas, CustomerType, Segment

# Few words, so that segments, payers and early adopters often name the same people.
WORDS = ["charity", "shops", "shop", "volunteers", "council", "parents", "students", "landlords",
         "bakeries", "bakers", "local", "small", "rural", "new", "busy", "cafes", "owners", "tenants"]
PHRASE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
MAYBE = st.one_of(st.just(""), PHRASE)


def the_others(canvas: Canvas, seg: Segment) -> list[str]:
    """How the canvas names the people outside `seg`, gathered the slow way (the definition)."""
    texts = items(seg.get("segment_questions.beneficiaries"))
    for ctype in canvas.customer_types:
        for other in ctype.segments:
            if other is not seg:
                texts += [ctype.name, other.name, text(other.get("segment_questions.who_uses"))]
    return [t for t in texts if t]


def named_outside(canvas: Canvas, ctype: CustomerType, seg: Segment, early: str) -> tuple[bool, bool]:
    """The two questions Everyone answers, asked of every other text in turn."""
    others = the_others(canvas, seg)
    opening = _opening(early)
    like = any(language.similarity(opening, _opening(other)) >= 90 for other in others)
    payer = text(seg.get("segment_questions.who_pays"))
    head = head_noun(early)
    lemma = language.lemma(head) if head else ""
    in_lemmas = lemma in _lemmas_of([payer, *others] if payer else others)
    return like, in_lemmas


def every_segment(canvas: Canvas) -> Iterator[tuple[CustomerType, Segment]]:
    for ctype in canvas.customer_types:
        for seg in ctype.segments:
            yield ctype, seg


@st.composite
def canvases(draw: st.DrawFn) -> Canvas:
    canvas = structure(types=draw(st.integers(1, 3)), segments=draw(st.integers(1, 3)))
    for ctype in canvas.customer_types:
        ctype.name = draw(PHRASE)
        for seg in ctype.segments:
            seg.name = draw(PHRASE)
            for question in ("segment_questions.who_uses", "segment_questions.who_pays",
                             "customer_model.early_adopters"):
                value = draw(MAYBE)
                if value:
                    seg.set(question, value)
            beneficiaries = draw(st.lists(PHRASE, max_size=2))
            if beneficiaries:
                seg.set("segment_questions.beneficiaries", beneficiaries)
    return canvas


@settings(max_examples=150, deadline=None)
@given(canvases())
def test_everyone_less_the_segment_is_the_other_segments_and_its_beneficiaries(canvas: Canvas) -> None:
    everyone = Everyone(canvas)
    for ctype, seg in every_segment(canvas):
        early = text(seg.get("customer_model.early_adopters")) or seg.name
        own = [t for t in (ctype.name, seg.name, text(seg.get("segment_questions.who_uses"))) if t]
        beneficiaries = items(seg.get("segment_questions.beneficiaries"))
        payer = text(seg.get("segment_questions.who_pays"))
        like, in_lemmas = named_outside(canvas, ctype, seg, early)
        assert everyone.name_like(_opening(early), own, beneficiaries) == like, (seg.name, early)
        head = head_noun(early)
        if head:
            also = [payer, *beneficiaries] if payer else beneficiaries
            assert everyone.name_lemma(language.lemma(head), own, also) == in_lemmas, (seg.name, early)


def slow_not_narrower(canvas: Canvas, ctype: CustomerType, seg: Segment, early: str) -> str | None:
    """The rule as it was before Everyone, where Everyone takes part: every other text asked
    in turn. (A copy, or a wider group, is found before anyone outside is asked about.)"""
    why = _not_narrower(Everyone(canvas), ctype, seg, early)
    if why in ("copy", "wider"):
        return why
    opening, others = _opening(early), the_others(canvas, seg)
    if len(opening.split()) >= 2 and language.similarity(opening, _opening(seg.name)) < 90 and any(
            language.similarity(opening, _opening(other)) >= 90 for other in others):
        return f"outside:{opening}"
    payer = text(seg.get("segment_questions.who_pays"))
    head = head_noun(early)
    if head and head not in PEOPLE and len(head) > 2:
        lemma = language.lemma(head)
        if (not language.similar_word_in(lemma, _lemmas_of(list(_segment_texts(ctype, seg))))
                and lemma in _lemmas_of([payer, *others] if payer else others)):
            return f"outside:{head}"
    return None


@settings(max_examples=150, deadline=None)
@given(canvases())
def test_the_rule_finds_what_it_found_asking_every_other_segment(canvas: Canvas) -> None:
    everyone = Everyone(canvas)
    for ctype, seg in every_segment(canvas):
        early = text(seg.get("customer_model.early_adopters"))
        if early:
            assert _not_narrower(everyone, ctype, seg, early) == slow_not_narrower(canvas, ctype, seg, early)

"""Word classes the rules reason with: kinds of meaning, not phrases to match.

Each set holds base forms (lemmas); `has(word, CLASS)` asks whether any form of a word
belongs to it (language.forms), so "annoys", "annoyed" and "annoying" all meet *annoy*.
The classes are deliberately general (what counts as a feeling, an artefact, a measure, a
change of quantity ...) so that they read canvases from any domain; no class lists the
wording of one canvas.
"""

from __future__ import annotations

import functools

from wizard.checks import language
from wizard.checks.words import lower_words, wordset

# How a pain feels or rates, with nothing about what happens: "annoying", "a hassle", "slow".
FEELING = wordset("""
annoy annoying annoyance annoyed frustrate frustrating frustration frustrated hassle pain painful
stress stressful stressed difficult difficulty hard tough slow tedious boring bore dull confusing
confuse confusion confused complicated complex complicate inconvenient inconvenience awkward
nightmare mess messy chaos chaotic clunky cumbersome time-consuming expensive costly pricey bad
poor terrible awful horrible unpleasant irritate irritating irritation upset worry worried worrying
anxious anxiety overwhelm overwhelming overwhelmed tiring tire tired exhausting exhaust exhausted
inefficient inefficiency ineffective unreliable unclear lengthy problem problematic issue trouble
troublesome struggle challenge challenging uncomfortable disappointing disappoint disappointment
unhappy dissatisfied inconsistent insufficient wrong nasty rubbish clumsy unpleasantly hate dislike
unsure uncertain uncertainty fed sick nuisance long chore drag headache pain-in-the-neck inadequate
""")

# What a gain promises without a measure: "better", "save time", "a good experience".
PROMISE = wordset("""
good better best great nice easy easier easily simple simpler simplify fast faster quick quicker
quickly cheap cheaper efficient efficiency effective convenient convenience improve improvement
enhance optimise optimize quality value valuable experience satisfaction satisfied satisfy happy
happier happiness peace mind save saving time money effort cost result performance productivity
productive more less fewer low lower high higher increase reduce boost hassle-free seamless smooth
smoother stress-free reliable success successful benefit convenient ease flexible flexibility
modern innovative amazing excellent perfect ideal wonderful pleasant enjoyable fun comfortable
""")

# Words that intensify or hedge and say nothing by themselves.
INTENSIFIER = wordset("""
too very really so quite extremely always often sometimes generally just rather pretty bit little
super truly totally completely overly constantly usually frequently
""")

# Nouns and verbs too general to make an item concrete: "the process", "everything takes".
GENERAL = wordset("""
thing stuff everything anything something nothing process way service product system situation
work task job life people customer client user option solution overall general whole part aspect
area matter case kind sort type lot bit take make get go come feel seem look become give put need
want try find use keep stuff level amount kind deal handle manage do be have area side point
""")

# Made things a founder might sell: what a job or a pain names when it names a solution.
ARTEFACT = wordset("""
app application software website web-site site platform portal dashboard tool device gadget
marketplace chatbot bot plugin plug-in integration api crm database saas online digital automation
automated program programme widget interface ai subscription e-commerce ecommerce webshop
""")

# Verbs that acquire or adopt something: "use", "download", "subscribe to".
ADOPT = wordset("""
use download install subscribe adopt implement buy purchase get access try sign switch pay own
order rent lease license licence deploy integrate find choose pick need want have set build
""")

# Verbs that change an amount: the head of an outcome ("cut their tax bill").
CHANGE = wordset("""
increase reduce cut lower raise boost maximise maximize minimise minimize double halve grow improve
decrease drop slash shrink trim lift save
""")

# What gets measured rather than done: profit, costs, time ...
MEASURE = wordset("""
profit revenue income earnings sales turnover margin cost bill expense expenditure spend spending
overhead tax fee price money time hour churn roi return conversion growth footfall share rate
ratio bottom-line cash cashflow cash-flow payroll budget wage saving savings
""")

# Broad aims no one could design for: "grow the business", "be successful".
BROAD = wordset("""
grow growth run manage improve succeed success successful make do be have get better best
business company firm organisation organization venture startup enterprise brand operation life
work job thing stuff money happy happier everything more well thrive scale expand develop
efficient efficiency productive productivity goal achieve potential profitable profit great good
things improve improvement overall general future win winning ahead next level
""")

# Words a pain begins with when it is a wish: "wants a faster way", "would like".
WISH = wordset("""
want wish like love prefer hope desire crave
""")

# Doing nothing, in any wording: "live with it", "put up with it", "ignore it".
INACTION = wordset("""
nothing none accept tolerate ignore cope wait carry endure suffer bear nobody manage live put
without hope give avoid skip postpone delay bother anything miss
""")

# Naming no rival: "the competition", "other options", "rival products".
UNNAMED = wordset("""
other others competitor competition rival existing similar alternative option solution product
service app tool provider company vendor brand market leader various traditional usual standard
current incumbent big player offering offer supplier business firm agency choice thing stuff
""")

# Marketing words that fit any business: "top quality at a fair price".
MARKETING = wordset("""
quality top high best great excellent fair affordable price value service customer innovative
innovation solution reliable professional friendly fast cheap easy convenient efficient modern
leading premium unique trusted trust experience satisfaction guarantee guaranteed choice range
wide competitive world-class first-class outstanding superior exceptional amazing perfect
personal personalised personalized care caring dedicated passion passionate expert expertise
low cost good better team support solution cutting-edge state-of-the-art tailor tailored
""")

# Channels that name no place: "the internet", "social media", "advertising".
CHANNEL_WORD = wordset("""
internet online web social media advertising advert ads ad marketing digital promotion promote
campaign word mouth press networking partnership outreach direct channel various traditional
offline print presence content seo pr publicity referral event communication
""")

# A research owner that is nobody in particular: a whole group.
GROUP = wordset("""
team department staff employee everyone everybody all company organisation organization board
committee management volunteer intern whoever people member marketing sales office us we
anyone someone somebody nobody
""")

# Feature words: what a product has rather than what a customer gets.
FEATURE = wordset("""
feature app dashboard integration module api reminder notification alert report reporting
analytics tracking tracker booking calendar scheduling interface sms email chatbot ai algorithm
automation automated online digital platform software tool plugin sync widget login account
template button map gps sensor bluetooth battery screen display storage cloud support
""")


_UNIONS: dict[tuple[frozenset[str], ...], frozenset[str]] = {}


def union(*classes: frozenset[str]) -> frozenset[str]:
    """The classes as one: `has(w, union(A, B))` is `has(w, A) or has(w, B)`, asked once.
    The same object each time, so that `has`'s cache finds it at once."""
    found = _UNIONS.get(classes)
    if found is None:
        found = _UNIONS.setdefault(classes, frozenset().union(*classes))
    return found


@functools.lru_cache(maxsize=65536)
def _text_forms(text: str) -> frozenset[str]:
    """What `has` reads of each word of the text, for all of them: every form of each
    word, and of the stem of each adverb in -ly."""
    found = lower_words(text)
    out = set().union(*map(language.forms, found))
    if "ly" in text.lower():
        for w in found:
            if w.endswith("ly") and len(w) > 4:
                out |= language.forms(w[:-2])
    return frozenset(out)


def mentions(text: str, cls: frozenset[str]) -> bool:
    """Whether any word of the text belongs to the class: `has(w, cls)` for some word of
    `lower_words(text)`, asked once for the whole text."""
    return not _text_forms(text).isdisjoint(cls)


@functools.lru_cache(maxsize=262144)
def has(word: str, cls: frozenset[str]) -> bool:
    """Whether any form of `word` belongs to the class (adverbs in -ly via their stem)."""
    found = language.forms(word)
    if found & cls:
        return True
    w = word.lower()
    return w.endswith("ly") and len(w) > 4 and bool(language.forms(w[:-2]) & cls)

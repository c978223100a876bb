"""Small word heuristics the quality checks share: generic, vague and "nothing" answers.

These read plain English and are deliberately simple: they look at words, not meaning,
so they flag likely problems for a person to judge and never change what is saved.
"""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DIGIT = re.compile(r"\d")


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one block of text, the way the lists below read best."""
    return frozenset(text.split())

STOPWORDS = wordset("""
a an the and or but nor of to in on at by for with from into onto over under about as than then
so if is are was were be been being am do does did done have has had it its it's this that these
those they them their theirs he she him her his hers we us our ours you your yours i me my mine
who whom whose which what when where why how not no all any some each every both either neither
very too also just only still even much many most more less few lot lots can could will would
shall should may might must get gets got getting make makes made up out off own same other such
there here one ones way ways thing things something anything everything someone anyone
""")

# Words that fill an answer without saying anything about this particular segment.
FILLER = wordset("""
all any anyone anybody everyone everybody everything anything anywhere everywhere whatever
whoever various varied varies vary mixed mix different diverse general generic normal usual
typical average regular ordinary kinds kind sorts sort types type things thing stuff etc
many lots lot most some several people person persons folks everyone's public world worldwide
global globally international internet online web n/a na none nothing unknown unsure sure
dunno tbd tbc todo depends depending it the a an of and or in on to from for with who they
them their do does not yet really at across over business businesses company companies
industry industries sector sectors work job jobs things customers customer clients client
users user audience market markets
""")

# Words that sound like a benefit or a problem but measure nothing on their own.
VAGUE = wordset("""
better best easier easy easily more less fewer faster fast quicker quick cheaper cheap good
great nice improve improves improved improvement improving efficient efficiency effective
effectively optimise optimize optimised optimized enhance enhanced convenient convenience
quality value valuable hassle problem problems issue issues experience results result
performance productivity satisfaction happy happier time money effort cost costs risk risks
lower higher bigger smaller increase increased reduce reduced boost people customers clients users
""")

_NUMBER_WORDS = wordset("""
zero two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
fifty hundred hundreds thousand thousands million half double twice triple percent per cent
daily weekly monthly yearly hourly hour hours minute minutes day days week weeks month months
year years
""")


# The heuristics below are pure functions of the text, and the checks run again after every
# change over a canvas whose text is nearly all as it was: each text is judged once. The
# rules split the same answer into words a dozen times or more, so that is remembered too
# (as a tuple, which no caller can change).
_remembered = functools.lru_cache(maxsize=65536)


_ALNUM = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_SPACE_BUT_ALNUM = bytes(c if c in _ALNUM else ord(" ") for c in range(256))


@_remembered
def words(text: str) -> tuple[str, ...]:
    """The words of the text: runs of letters and digits, joined by inner apostrophes and
    hyphens ("don't", "e-mail"), as written."""
    # Plain ASCII with no apostrophe or hyphen to join words (most answers): the words are
    # the runs of letters and digits, which a table and a split find at twice the speed.
    if text.isascii() and "'" not in text and "-" not in text:
        return tuple(text.encode().translate(_SPACE_BUT_ALNUM).decode().split())
    return tuple(_WORD.findall(text))


@_remembered
def lower_words(text: str) -> tuple[str, ...]:
    """The words of the text in lower case, with a curly apostrophe made straight."""
    lowered = tuple(map(str.lower, words(text)))
    return tuple(w.replace("’", "'") for w in lowered) if "’" in text else lowered


@_remembered
def has_number(text: str) -> bool:
    """A digit, or a word that counts or times something ("twice", "weekly", "ten")."""
    return bool(_DIGIT.search(text)) or not _NUMBER_WORDS.isdisjoint(lower_words(text))


@_remembered
def is_generic(text: str) -> bool:
    """True when every word is filler: "various", "all kinds of people", "n/a", "everywhere"."""
    flat = text.strip().lower()
    if flat in ("", "?", "-", "--", "...", "n/a", "x"):
        return True
    # Lower case changes no word boundary in plain ASCII: the text's own words, split once.
    found = lower_words(text) if text.isascii() and "n/a" not in flat else lower_words(flat.replace("n/a", "na"))
    return bool(found) and all(w in FILLER for w in found)


def concrete_words(text: str) -> list[str]:
    """Words that carry content: not stop words, not vague words, at least three letters."""
    return list(_concrete_words(text))


@_remembered
def _concrete_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in lower_words(text) if len(w) >= 3 and w not in STOPWORDS and w not in VAGUE)


_NOTHING = re.compile(
    r"^(?:(?:they|we|people|customers|most|many)\s+)?(?:just\s+|simply\s+|currently\s+)?"
    r"(?:(?:do|doing|does|did)\s+nothing|nothing|none|n/?a|no\s+(?:alternatives?|solutions?|options?|"
    r"competitors?|competition|one)|there\s+(?:is|are)\s+no(?:thing|ne)?\b.*|"
    r"(?:live|lives|living|put|puts|putting)\s+(?:up\s+)?with\s+it|ignore\s+(?:it|the\s+problem)|"
    r"(?:go|goes|going)\s+without)"
    r"(?:\s+(?:yet|really|at\s+all|exists?|else|today|now|so\s+far))*$"
)


@_remembered
def is_doing_nothing(text: str) -> bool:
    """"Doing nothing", "none", "they live with it", "there is no alternative" and the like."""
    flat = " ".join(lower_words(text.replace("n/a", "na")))
    return bool(_NOTHING.match(flat))


def is_plural_group(word: str) -> bool:
    """A word that names a group of people or organisations: "students", "women", "agencies"."""
    w = word.lower()
    if w in ("people", "women", "men", "children", "staff", "folk", "personnel", "youth", "kids"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def quote(text: str, width: int = 60) -> str:
    """User text on one line, shortened, in quotes: for messages that cite an answer."""
    flat = " ".join(text.split())
    if len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return f"“{flat}”"

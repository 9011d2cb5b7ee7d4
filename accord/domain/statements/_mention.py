"""Speaker-phrase vocabulary and the Mention record shared by phrase finding and classifying.

Kept apart so that finding a phrase (`_speakers`) and splitting it into role and name
(`_classify`) read the same word lists without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._gazetteer import Gazetteer
from ._words import word_set

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
#: Words between a subject and its cue ("has also said", "is demanding").
AUXILIARIES = word_set(
    "has have had is are was were been also later earlier previously again reportedly "
    "publicly then further separately repeatedly once yet will would could may might "
    "had also has since there"
)
#: Lowercase modifiers allowed in an unnamed speaker ("a senior official", "the ministry").
MODIFIERS = word_set(
    "a an the one two three four five six several some many senior top western local regional "
    "unnamed anonymous military government foreign defence defense interior presidential other "
    "russian ukrainian american european air naval news new"
)
#: Capitalised words that open a sentence but never start a name.
SENTENCE_OPENERS = word_set(
    "Then But And However Meanwhile Also Earlier Later In On At After Before Still Yet So "
    "Instead Separately Speaking Asked When While Now Today Yesterday Last This Although Though "
    "Whereas"
)
#: Unnamed single speakers that behave like groups ("a Western diplomat said").
SINGULAR_GROUP_HEADS = word_set(
    "source official diplomat resident worker witness analyst officer soldier person "
    "boy girl man woman child mother father son daughter wife husband"
)
#: Lowercase words inside personal names ("Abdullah bin Zayed", "Ursula von der Leyen").
NAME_PARTICLES = word_set("bin bint ibn al el de del della van von der den da di du la le")
#: "al-Dirdiri", "el-Sisi", "bin-Salman": a lowercase article glued to a capitalised name.
_GLUED_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu)[-‑][A-Z][\w'’\-]*")


def is_name_word(word: str) -> bool:
    """A word that can be part of a personal name: capitalised, or glued to a particle
    ("Foreign Minister al-Dirdiri Mohamed Ahmed" is a title and a three-word name)."""
    return word[:1].isupper() or bool(_GLUED_PARTICLE.fullmatch(word))


#: Words that open a clause or a list, never a role ("Witkoff, and Kushner, ...").
NOT_ROLE_OPENERS = word_set("who which where when whose that and or but as while if then")
PREPOSITIONS = word_set(
    "in at on of from with near outside inside for to by across between among against"
)


@dataclass(frozen=True)
class Mention:
    """A speaker phrase as written: `kind` is pronoun, person, body, group or role."""

    text: str
    start: int
    end: int
    kind: str
    name: str | None = None
    role: str | None = None


def is_singular_group(word: str, gaz: Gazetteer) -> bool:
    """One member of a group ("a protester", "one resident"); titles stay roles ("leader")."""
    return word in SINGULAR_GROUP_HEADS or (
        f"{word}s" in gaz.group_nouns and word not in gaz.role_words
    )


#: "a spokesperson for Israeli Prime Minister ...", "an aide to President ...": an unnamed
#: agent of the named principal (the indefinite article says the agent is someone else).
AGENTS = (
    r"spokesperson|spokesman|spokeswoman|aide|adviser|advisor|assistant|lawyer|attorney|envoy|"
    r"representative|negotiator|official"
)

"""Noun phrases to concept references: the vocabulary meets the parse.

A phrase maps to a concept by its *head phrase* (head noun plus the compound
and adjectival modifiers right before it): ``ext communities`` ->
``external community``; ``community manager`` -> no concept, because the head
is ``manager``. ``the definition of X`` and ``part of X`` look through to X.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.lexicons import (
    CHAT_HEDGES,
    EVALUATIVE_ADJECTIVES,
    LIGHT_HEADS,
    PARTITIVES,
    PEOPLE_NOUNS,
    RELATIONAL_HEADS,
    SUBJECT_WRAPPERS,
    TRAIT_HEADS,
    TRAIT_PREPS,
)
from kg.vocab import Vocabulary

__all__ = ["Phrase", "concept_for", "phrase_for", "head_lemma", "head_modifiers", "qualifiers",
           "span_text",
           "clean_label"]

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# how far a label may run before it is cut (labels are for people, evidence keeps all)
MAX_LABEL_TOKENS = 16
_STRIP = " \t\r\n.,;:!?-–—\"'“”‘’()[]*•…"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A resolved noun phrase: its label, lemma id and concept (if any)."""

    label: str
    lemma: str
    concept: str | None = None
    head: int = -1
    resolved: bool = False

    @property
    def id(self) -> str:
        """The concept id when it names a concept, else the lemmatised head phrase."""
        return self.concept or self.lemma


def clean_label(text: str) -> str:
    """Collapse spacing and strip edge punctuation.

    Example:
        >>> clean_label(" 'community', ")
        'community'
    """
    return " ".join(text.split()).strip(_STRIP)


def span_text(tokens: Span | list[Token]) -> str:
    """The text of a run of tokens, whitespace as in the source."""
    return clean_label("".join(t.text_with_ws for t in tokens))


def head_modifiers(token: Token) -> list[Token]:
    """Contiguous compound/adjective modifiers directly left of ``token``."""
    mods: list[Token] = []
    i = token.i - 1
    for left in reversed(list(token.lefts)):
        if left.i != i or left.dep_ not in MODIFIER_DEPS or left.lower_ in CHAT_HEDGES:
            break
        mods.insert(0, left)
        i -= 1
    return mods


_NAMING_HEADS = LIGHT_HEADS | RELATIONAL_HEADS


def _prep_object(token: Token, preps: frozenset[str] | tuple[str, ...],
                 deps: tuple[str, ...] = ("pobj",)) -> Token | None:
    """The object of the first preposition of ``preps`` after ``token``."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ in deps), None)
    return None


def _of_object(token: Token) -> Token | None:
    return _prep_object(token, ("of",), ("pobj", "pcomp"))


def _people_of(token: Token, vocab: Vocabulary) -> Token | None:
    """The concept noun of "in/within a X" after a people noun: any X ("a", "any" or
    bare), not one ("the FB group", "our community")."""
    obj = _prep_object(token, ("in", "within"))
    if obj is None or not _concept(obj, vocab) or any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any")
            for c in obj.children):
        return None
    return obj


_CONCEPT_CACHE = "kg.concepts"  # doc.user_data key of _concept's answers


def _trait_object(token: Token, vocab: Vocabulary) -> Token | None:
    """The concept noun after "of", "about" or "in" that a trait noun hangs on."""
    obj = _prep_object(token, TRAIT_PREPS)
    return obj if obj is not None and _concept(obj, vocab) else None


def _concept(token: Token, vocab: Vocabulary) -> str | None:
    """The concept the noun names with its modifiers; asked of the same token by many
    rules, so each answer is kept in the parse's ``user_data`` (per document, no
    global state)."""
    cache = token.doc.user_data.setdefault(_CONCEPT_CACHE, {})
    key = (token.i, id(vocab))
    if key not in cache:
        cache[key] = _named_concept(token, vocab)
    return cache[key]


def _named_concept(token: Token, vocab: Vocabulary) -> str | None:
    mods = head_modifiers(token)
    for k in range(len(mods) + 1):
        if k == len(mods) and (owner := _other_owner(token, mods, vocab)) is not None:
            return owner
        words = [t.text for t in mods[k:]]
        if (found := vocab.lookup(" ".join([*words, token.text]))) is not None:
            return found
        if (found := vocab.lookup(" ".join([*words, token.lemma_]))) is not None:
            return found
    # "the community concept": a light head names the concept itself; "community
    # membership": a relational head names an attribute of it
    if token.lemma_.lower() in _NAMING_HEADS and mods and (
            mods[-1].dep_ == "compound"):
        return _concept(mods[-1], vocab)
    return None


def _other_owner(token: Token, mods: list[Token], vocab: Vocabulary) -> str | None:
    """"team members", "members of a team": the bare head names a concept the
    vocabulary qualifies by another concept ("member" is a "community member"); a
    different concept noun in front of it or after "of" ("team") says whose members
    these are, so the phrase is about that."""
    # "members of a team": the owner the of-phrase names
    of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"), None)
    named = mods[-1] if mods and mods[-1].dep_ == "compound" else of
    if named is None:
        return None
    head = vocab.lookup(token.lemma_) or vocab.lookup(token.text)
    owner = vocab.lookup(named.text) or vocab.lookup(named.lemma_)
    if head is None or owner is None or owner == head:
        return None
    found = qualifiers(head, vocab)
    return owner if found and owner not in found else None


def qualifiers(concept: str, vocab: Vocabulary) -> set[str]:
    """The concepts that qualify ``concept`` in its labels: "community member" makes
    community the qualifier of member (whose bare word may then be another's)."""
    entry = vocab.concepts.get(concept)
    if entry is None:
        return set()
    found = {vocab.lookup(label.rsplit(" ", 1)[0])
             for label in (entry.pref_label, *entry.alt_labels) if " " in label}
    return {c for c in found if c is not None}


def _lemma(token: Token) -> str:
    # "social media", "online conferences": a classifying adjective is part of the name
    # ("a great online forum": "online forum"; not "shared goals", "our English class");
    # compounds always are
    compounds: list[Token] = []
    for t in reversed(head_modifiers(token)):
        lower = t.is_lower or t.is_sent_start and t.text[1:].islower()
        if not (t.dep_ == "compound" or t.dep_ == "amod" and t.tag_ == "JJ" and lower
                and not t.lower_.endswith("ed") and t.lower_ not in EVALUATIVE_ADJECTIVES):
            break
        compounds.insert(0, t)
    if token.pos_ in ("VERB", "AUX"):
        # "A following is not a community": a determiner makes the -ing form a noun
        if any(c.dep_ == "det" and c.i < token.i for c in token.children):
            return clean_label(" ".join([t.lower_ for t in compounds] + [token.lower_]))
        return span_text(list(token.subtree)[:MAX_LABEL_TOKENS]).lower()
    words = [t.lower_ for t in compounds] + [head_lemma(token)]
    return clean_label(" ".join(words).lstrip("#"))


def head_lemma(token: Token) -> str:
    """The lowercased lemma of a phrase's head; "media", "data": a Latin plural keeps
    its written form."""
    return token.lower_ if token.tag_ == "NNS" and token.lower_.endswith("a") and (
        token.lemma_.lower().endswith(("um", "on"))) else token.lemma_.lower()


def concept_for(token: Token, vocab: Vocabulary, *, subject: bool = False,
                inner: Token | None = None) -> str | None:
    """The concept of the phrase headed by ``token`` (as :func:`phrase_for`, without
    building its label: cheap enough to ask of every token).

    ``part of X`` takes X's concept; an object takes the concept of a coordinated
    noun ("trust, relationships and community").
    """
    concept = _concept(token, vocab)
    if concept is None and token.lemma_.lower() in PARTITIVES:
        inner = inner if inner is not None else _of_object(token)
        if inner is not None:
            concept = _concept(inner, vocab)
    if concept is None and not subject:
        concept = next((c for c in map(lambda t: _concept(t, vocab), token.conjuncts) if c),
                       None)
    return concept


def phrase_for(token: Token, vocab: Vocabulary, *, label_tokens: int = MAX_LABEL_TOKENS,
               subject: bool = False) -> Phrase:
    """The :class:`Phrase` headed by ``token``.

    As a ``subject``, ``the definition of X`` / ``my def of X`` become X;
    ``part of X`` keeps its label but takes X's concept; an object takes the
    concept of a coordinated noun ("trust, relationships and community").
    """
    inner = _of_object(token)
    # "the definition of X", "membership of the community": about X
    if subject and inner is not None and (
            token.lower_ in SUBJECT_WRAPPERS or token.lemma_.lower() in RELATIONAL_HEADS):
        return phrase_for(inner, vocab, label_tokens=label_tokens)
    # "People in an audience", "everyone in a community": any such group's people
    if subject and token.lemma_.lower() in PEOPLE_NOUNS and (
            group := _people_of(token, vocab)) is not None:
        return phrase_for(group, vocab, label_tokens=label_tokens)
    # "the mark of a community", "the key factor in teams": a trait of X, when X is a concept
    if subject and token.lemma_.lower() in TRAIT_HEADS and (
            trait_of := _trait_object(token, vocab)) is not None:
        return phrase_for(trait_of, vocab, label_tokens=label_tokens)
    concept = concept_for(token, vocab, subject=subject, inner=inner)
    sent = token.sent  # computed once: Token.sent builds a Span on every access
    subtree = [t for t in token.subtree if sent.start <= t.i < sent.end][:label_tokens]
    while len(subtree) > 1 and subtree[-1].dep_ in ("cc", "punct"):
        subtree.pop()  # "passive and" (a gapped conjunct follows)
    label = span_text(subtree) or token.text
    return Phrase(label=label, lemma=_lemma(token), concept=concept, head=token.i)

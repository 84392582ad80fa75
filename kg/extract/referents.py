"""One instance or the kind: whether a noun phrase names one particular group
("the CMSWire community", "the audience for this post") or the concept in general
("the members of a community")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import title_case

__all__ = ["DEMONSTRATIVES", "NAMED_ENTITIES", "specific"]

# entity types of a name that makes "members of X" one group's members
NAMED_ENTITIES = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "PRODUCT", "EVENT",
                            "WORK_OF_ART", "LOC"})
DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her"})  # "his community": one person's own


def _capitalised_name(token: Token) -> bool:
    """A capitalised word mid-sentence that the tagger took for a common noun
    ("the CMSWire community"): a name, so the phrase is one instance."""
    if token.dep_ != "compound" or token.pos_ != "NOUN" or token.is_upper:
        return False
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return (before is not None and token.text[:1].isupper()
            and not (before.is_punct or before.is_quote))


def specific(token: Token) -> bool:
    """``the CMSWire community``, ``the audience for this post``: one instance, not the concept."""
    headline = title_case(token.sent)  # "Brand Communities Aren't ...": case says nothing
    # a name before a plural or after "a" names a kind: "FB Groups", "a Facebook group"
    kind = token.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    if not kind and any(c.dep_ in ("compound", "poss", "nmod", "amod") and (
            (c.pos_ == "PROPN" or _capitalised_name(c))
            and not (headline and not _name_in_headline(c, token))) for c in token.lefts):
        return True
    # "His community consists of ...": one person's own
    if any(c.dep_ == "poss" and c.lower_ in THIRD_PERSON_POSSESSIVES for c in token.children):
        return True
    # "Members of the Harley Owners Group": the members of one named group
    if not token.ent_type_ and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in NAMED_ENTITIES
            for g in c.children) for c in token.rights):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children)
    if not definite:
        return False
    # "the audience for this post" is one; "the members of a community" are any community's
    return any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and _particular(c)
               for c in token.rights)


def _name_in_headline(modifier: Token, head: Token) -> bool:
    # a headline's capitals mark nothing: a name is an entity that stops before the head
    return modifier.ent_type_ in NAMED_ENTITIES and head.ent_iob_ != "I"


def _particular(prep: Token) -> bool:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return True
    return obj.pos_ in ("PROPN", "PRON") or any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "every", "each")
        for c in obj.children)

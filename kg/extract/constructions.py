"""Construction rules: claims that a fixed construction makes rather than a plain
clause ("think of X as Y", "there are many kinds of community", "when we say X, we mean
Y", gapping, "you don't have a community unless ...")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicons as lx
from kg.extract.frames import Frame
from kg.extract.phrases import Phrase, concept_for, phrase_for, span_text
from kg.extract.referents import specific
from kg.extract.syntax import (
    clause_span,
    is_hedged,
    is_negated,
    is_past,
    next_noun,
    sentence_chars,
    tree_depth,
)
from kg.nlp import VERB_TABLE
from kg.vocab import Vocabulary

__all__ = ["CONDITION_MARKS", "FRONTED_SETTING_PREPS", "SETTING_DETS", "SETTING_PREPS",
           "as_parts", "construction_frames", "misparsed_verb_frames", "setting_noun"]

# "It's not a community if ...", "... unless ...": a condition on being the concept
CONDITION_MARKS = frozenset({"if", "unless", "until", "when", "without", "once"})
# "it is a community if", "you have a community if": the verb, the concept's dependency
# and the empty subjects that frame a condition on being the concept
CONDITION_HEADS = {"be": "attr", "have": "dobj", "get": "dobj"}  # "you've got a community"
CONDITION_MOMENTS = frozenset({"minute", "moment", "second", "instant", "day"})
CONDITION_SUBJECTS = {"be": frozenset({"it", "this", "that"}), "have": frozenset({"you", "we"}),
                      "get": frozenset({"you", "we"})}
# "In a community, people help each other": a fronted setting names the concept the
# clause describes
SETTING_PREPS = frozenset({"in", "within"})
# an opening "For an audience, ..." or "As a community, ..." also sets the scene of the
# clause after it (an existential's "a need for community" locates nothing)
FRONTED_SETTING_PREPS = SETTING_PREPS | {"for", "as"}
SETTING_DETS = frozenset({"a", "an", "any", "every"})
MEANING_LEMMAS = frozenset({"mean", "refer"})  # "When we say X, we mean Y"
SEPARATING_LEMMAS = lx.SEPARATING_VERBS | lx.CONTRAST_ADJECTIVES



def construction_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """Frames of the fixed constructions in ``sent`` (a construction whose words the
    sentence lacks is not tried)."""
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & lx.AS_VERBS:
        yield from _as_frames(sent, vocab)
    yield from _existential_frames(sent, vocab)
    yield from _condition_frames(sent, vocab)
    yield from _gapped_frames(sent, vocab)
    if lemmas & MEANING_LEMMAS:
        yield from _meaning_frames(sent, vocab)
    calling = bool(lemmas & lx.CALLING_VERBS)
    if calling:
        yield from _calling_frames(sent, vocab)
    yield from _not_enough_frames(sent, vocab)
    if lemmas & SEPARATING_LEMMAS:
        yield from _separating_frames(sent, vocab)
    if calling:
        yield from _wrong_naming_frames(sent, vocab)


def as_parts(head: Token) -> tuple[Token, Token] | None:
    """The X and Y of "think of X as Y", "define X as Y" on a verb, if it has them.

    A reflexive X is the verb's subject ("Associations describe themselves as
    communities"); a pronoun X has no referent here and gives nothing.
    """
    if head.lemma_ not in lx.AS_VERBS or head.pos_ != "VERB":
        return None
    preps = [c for c in head.children if c.dep_ == "prep"]
    of = next((p for p in preps if p.lower_ == "of"), None)
    x = next((c for c in head.children if c.dep_ == "dobj"), None)
    if x is None and of is not None:
        x = next((c for c in of.children if c.dep_ == "pobj"), None) or next_noun(of)
    if x is None:
        return None
    as_ = next((p for p in preps if p.lower_ == "as"), None) or next(
        (c for c in x.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    # "see communities as having shared modes of thought": a gerund says what X is like
    y = next((c for c in as_.children if c.dep_ in ("pobj", "amod", "acomp", "pcomp")), None) \
        if as_ is not None else None
    if y is None and as_ is not None:
        y = next((c for c in x.subtree if c.i > as_.i and c.pos_ in ("NOUN", "ADJ")), None)
    if y is None:
        return None
    if x.lower_ in lx.REFLEXIVES:
        x = next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "think of it as a culture": a pronoun has no referent here
    return (x, y) if x is not None and x.pos_ != "PRON" else None


def _misparsed_as(verb: Token, vocab: Vocabulary) -> tuple[Token, Token] | None:
    """"Merriam-Webster defines "community" as a unified body": the tagger took the
    verb for a noun (or a modifier of X), so the parse has no "define X as Y". Read it
    from the words: an inflected verb of the list, X a concept noun right after it
    (in quotation marks or not), then "as" and Y, the first noun after it."""
    # "Wenger defined communities as ...": the past verb hung on X as its modifier,
    # with the subject still on it
    modifier = verb.dep_ == "amod" and verb.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "nsubj" for c in verb.children)
    if verb.pos_ == "VERB" and verb.dep_ not in ("nmod", "compound") and not modifier or (
            verb.tag_ not in ("VBZ", "VBD", "NNS", "NN") and not modifier) or (
            verb.lemma_.lower() not in lx.AS_VERBS):
        return None
    k = verb.i + 1
    sent_end = verb.sent.end
    if k < sent_end and verb.doc[k].is_quote:
        k += 1
    if k >= sent_end or verb.doc[k].pos_ != "NOUN" or concept_for(verb.doc[k], vocab) is None:
        return None
    x, k = verb.doc[k], k + 1
    if k < sent_end and verb.doc[k].is_quote:
        k += 1
    if k >= sent_end or verb.doc[k].lower_ != "as":
        return None
    y = next((t for t in verb.doc[k + 1:sent_end] if t.pos_ in ("NOUN", "PROPN")), None)
    return (x, y) if y is not None else None


def misparsed_verb_frames(sent: Span, vocab: Vocabulary, covered: set[int]) -> Iterator[Frame]:
    """"Community shares interests", "Communities value education", "An audience
    scatters when the broadcast stops": the small model took the verb for a noun, so
    the sentence parses as one noun phrase. Read it from the words: a concept noun that
    opens the subject, right before a word the parse hangs it on, which is an English
    verb in the form that agrees with it ("community shares", "communities value"),
    with something after it; and no verb heads the sentence (the parse hangs both on
    the last noun, or the concept on the verb). A word another frame has read (a cue's
    "Community hinges on trust") is left to it."""
    root = sent.root
    verbs = sent.doc.vocab.lookups.get_table(VERB_TABLE) if (
        sent.doc.vocab.lookups.has_table(VERB_TABLE)) else None
    if verbs is None or root.pos_ not in ("NOUN", "PROPN"):
        return
    for noun in sent:
        word = noun.doc[noun.i + 1] if noun.i + 1 < sent.end else None
        if word is None or word.i in covered or noun.dep_ != "compound" or noun.head not in (
                word, root) or (
                word != root and not (word.dep_ == "compound" and word.head == root)):
            continue
        if any(c.dep_ not in ("det", "amod") for c in noun.children) or any(
                c.dep_ == "det" and c.lower_ not in ("a", "an", "the") for c in noun.children):
            continue
        singular = noun.tag_ == "NN" and word.tag_ == "NNS" and word.lower_.endswith("s")
        plural = noun.tag_ == "NNS" and word.tag_ == "NN"
        lemma = word.lemma_.lower() if singular else word.lower_
        subject = phrase_for(noun, vocab)
        rest = [t for t in sent.doc[word.i + 1:sent.end] if not t.is_punct]
        # "Community networks as public service": a kind of network, not a verb
        if not (subject.concept and (singular or plural) and lemma in verbs and rest) or (
                concept_for(word, vocab)):
            continue
        start, end = sentence_chars(sent)
        obj = root if root != word else None
        label = span_text(rest)
        concept = phrase_for(obj, vocab).concept if obj is not None else None
        yield Frame(subject, lemma,
                    Phrase(label, label.lower(), concept, obj.i if obj is not None else -1),
                    "property", False, False, start, end, "property-misparsed-verb", 0.5,
                    tree_depth(noun))
        return


def _as_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"We tend to think of teams as an activity-driven group": X is (seen as) Y."""
    doc = sent.doc
    for head in sent:
        parts = as_parts(head) or _misparsed_as(head, vocab)
        if parts is None:
            continue
        x, y = parts
        # "the company treated its customers as a community": what someone once did,
        # not what a concept is ("Wenger defined X as Y" still defines)
        if is_past(head) and head.lemma_ not in lx.DEFINING_AS_VERBS:
            continue
        obj = phrase_for(y, vocab)
        ctype = "definition" if y.pos_ in ("NOUN", "PROPN") else "property"
        start, end = clause_span(sent, head)
        for each in (x, *(c for c in x.conjuncts if c.i < y.i)):  # "think of X and Y as Z"
            subj = phrase_for(each, vocab, subject=True)
            if subj.concept is None and obj.concept is None:
                continue
            yield Frame(subj, "be", obj, ctype, is_negated(head, x, y), True, doc[start].idx,
                        doc[end - 1].idx + len(doc[end - 1].text), "definition-as", 0.7, 0)


def _calling_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"I would not consider our class a community", "we call such groups teams": what
    the speaker calls a thing is what they say it is (others' naming is only reported)."""
    doc = sent.doc
    for verb in sent:
        if verb.lemma_.lower() not in lx.CALLING_VERBS or verb.pos_ != "VERB" or not any(
                c.dep_ == "nsubj" and c.lower_ in lx.SELF_PRONOUNS for c in verb.children):
            continue
        y = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp")
                  and c.pos_ in ("NOUN", "PROPN")), None)
        # 'we call this area simply "community"': a label chosen for a thing, a word
        if y is None or doc[y.i - 1].text in lx.OPENING_QUOTES:
            continue
        x = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
            (c for c in y.children if c.dep_ == "nsubj"), None)
        if x is None or x.pos_ not in ("NOUN", "PROPN"):
            continue
        subj, obj = phrase_for(x, vocab, subject=True), phrase_for(y, vocab)
        if not (subj.concept or obj.concept) or subj.id == obj.id:
            continue
        start, end = clause_span(sent, verb)
        yield Frame(subj, "be", obj, "definition", is_negated(verb, x, y),
                    is_hedged(verb, sent), doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "definition-calling", 0.7,
                    tree_depth(verb))


def _wrong_naming_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"Calling an audience a community is wrong", "It's a mistake to call customers a
    community": naming X as Y is said to be wrong, so X is not Y."""
    for verb in sent:
        if verb.lemma_.lower() not in lx.CALLING_VERBS or verb.pos_ != "VERB":
            continue
        judge = verb.head
        if verb.dep_ == "csubj" or verb.dep_ == "xcomp" and judge.lemma_ == "be":
            # "Calling X Y is wrong", "It is wrong to call X Y"
            verdict = next((c for c in judge.children if c.dep_ in ("acomp", "attr")
                            and c.lemma_.lower() in lx.WRONG_WORDS), None)
        else:  # "It would be a mistake to call X Y"
            verdict = judge if verb.dep_ == "acl" and judge.lemma_.lower() in (
                lx.WRONG_WORDS) else None
        x = next((c for c in verb.children if c.dep_ == "dobj"), None)
        y = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp")), None) or next(
            (c for c in judge.children if c.dep_ == "nsubj" and x is not None and c.i > x.i),
            None)
        if verdict is None or x is None or y is None or y.pos_ not in ("NOUN", "PROPN"):
            continue
        subj, obj = phrase_for(x, vocab, subject=True), phrase_for(y, vocab)
        if not (subj.concept or obj.concept) or subj.id == obj.id:
            continue
        be = verdict.head if verdict is not judge else judge.head
        yield Frame(subj, "be", obj, "definition", not is_negated(be, be, verdict),
                    is_hedged(be, sent), *sentence_chars(sent), "definition-wrong-naming", 0.7,
                    tree_depth(verb))


def _existential_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """Existentials about a concept: "there are many kinds of community" (it comes in
    kinds), "there is no community without trust" (it requires trust), "there are
    communities that are based on location" (some of the kind are)."""
    doc = sent.doc
    for expl in (t for t in sent if t.dep_ == "expl" and t.head.lemma_ == "be"):
        verb = expl.head
        noun = next((c for c in verb.children if c.dep_ in ("attr", "nsubj")), None)
        if noun is None or is_past(verb):
            continue
        start, end = clause_span(sent, verb)
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        inner = next((c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for c in p.children if c.dep_ == "pobj"), None)
        # "there is no community without trust", "Without trust, there is no community"
        without = next((c for p in (*noun.children, *verb.children)
                        if p.dep_ == "prep" and p.lower_ == "without"
                        for c in p.children if c.dep_ == "pobj"), None)
        concept = phrase_for(noun, vocab)
        # "There is no such thing as an online community": the concept does not exist
        such_as = next((c for p in noun.children if p.dep_ == "prep" and p.lower_ == "as"
                        for c in p.children if c.dep_ == "pobj"), None) if (
            noun.lemma_ == "thing" and any(c.lower_ == "such" for c in noun.children)) else None
        if such_as is not None and (denied := phrase_for(such_as, vocab, subject=True)).concept:
            negated = any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
                          for c in noun.children) or is_negated(verb, noun, None)
            yield Frame(denied, "exist", Phrase("", "", None, noun.i), "property", negated,
                        is_hedged(verb, sent), *span, "property-no-such-thing", 0.7,
                        tree_depth(verb))
        elif inner is not None and noun.lemma_.lower() in lx.PARTITIVES:
            kind = phrase_for(inner, vocab)
            if kind.concept:
                label = span_text([t for t in noun.subtree if t.i < inner.i - 1])
                yield Frame(kind, "come in", Phrase(label, noun.lemma_.lower(), None, noun.i),
                            "property", False, is_hedged(verb, sent), *span,
                            "property-existential", 0.7, tree_depth(verb))
        elif without is not None and concept.concept and any(
                c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS for c in noun.children):
            # "... no community and no network": each noun denied is a requirement
            for each in (noun, *noun.conjuncts):
                denied = phrase_for(each, vocab)
                if denied.concept and any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
                                          for c in each.children):
                    yield Frame(denied, "require", phrase_for(without, vocab), "requirement",
                                False, is_hedged(verb, sent), *span, "requirement-no-without",
                                0.75, tree_depth(verb))
        elif concept.concept and (rel := _finite_relative(noun)) is not None:
            # "There are communities that are based on location": some of the kind are so
            negated = any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
                          for c in noun.children) or is_negated(verb, noun, None)
            label = span_text(list(rel.subtree))
            yield Frame(concept, "include", Phrase(label, rel.lemma_.lower(), None, rel.i),
                        "property", negated, is_hedged(verb, sent), *span,
                        "property-existential-kind", 0.65, tree_depth(verb))
        elif not concept.concept and (where := _existential_setting(verb, noun, vocab)):
            # "There is real ROI in community": the concept has what exists in it
            negated = any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
                          for c in noun.children) or is_negated(verb, noun, None)
            label = span_text([t for t in noun.subtree if t.i < where.head.i])
            yield Frame(phrase_for(where, vocab, subject=True), "have",
                        Phrase(label, noun.lemma_.lower(), None, noun.i), "property", negated,
                        is_hedged(verb, sent), *span, "property-existential-in", 0.65,
                        tree_depth(verb))


def _finite_relative(noun: Token) -> Token | None:
    """The verb of a finite relative clause on ``noun`` ("communities that are based on
    location", "groups where one aspect dominates"); not "community to be built"."""
    return next((c for c in noun.children if c.dep_ == "relcl" and not any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _existential_setting(verb: Token, noun: Token, vocab: Vocabulary) -> Token | None:
    """The generic concept an existential locates its noun in: "there is trust in a
    community", "there is no ROI within teams"; not "in our community"."""
    for prep in (c for t in (noun, verb) for c in t.children
                 if c.dep_ == "prep" and c.lower_ in SETTING_PREPS and c.i > noun.i):
        where = setting_noun(prep, vocab)
        if where is not None:
            return where
    return None


def setting_noun(prep: Token, vocab: Vocabulary) -> Token | None:
    """The object of an in/within phrase when it is a concept in general ("in a
    community", "within networks"), not one instance ("in our community", "in the
    CMSWire community")."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or not concept_for(noun, vocab, subject=True) or specific(noun):
        return None
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    return noun if not dets or dets[0] in SETTING_DETS else None


def _meaning_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"When we say community, we mean/refer to Y", "By community I mean Y": the
    speaker says what the word stands for."""
    doc = sent.doc
    for verb in sent:
        if verb.lemma_ not in MEANING_LEMMAS or not any(
                c.dep_ == "nsubj" and c.lower_ in lx.MEANING_SUBJECTS for c in verb.children):
            continue
        term = None
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "by":  # "By community, I mean"
                term = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "advcl" and c.lemma_ in lx.SAYING_VERBS:  # "when we say X"
                term = next((g for g in c.children if g.dep_ == "dobj"), None) or next(
                    (g for p in c.children if p.dep_ == "prep" and p.lower_ == "about"
                     for g in p.children if g.dep_ == "pobj"), None)
            if term is not None:
                break
        if term is None:
            continue
        if verb.dep_ == "parataxis" and verb.head.pos_ == "NOUN":
            meant = verb.head  # "By community, I mean a group ..." parsed with the noun as root
        else:
            meant = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp", "attr")), None)
            if meant is None:
                meant = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                              for g in p.children if g.dep_ == "pobj"), None)
        subj = phrase_for(term, vocab, subject=True)
        if meant is None or subj.concept is None:
            continue
        obj = phrase_for(meant, vocab)
        if verb.dep_ == "parataxis":  # the noun root: its words after "mean" are what is meant
            obj = Phrase(span_text(doc[verb.i + 1:meant.right_edge.i + 1]), obj.lemma,
                         obj.concept, obj.head)
        # the whole sentence: "when we say X" belongs to the claim
        yield Frame(subj, "mean", obj, "definition", is_negated(verb, term, meant),
                    is_hedged(verb, sent), *sentence_chars(sent), "definition-we-mean", 0.75,
                    tree_depth(verb))


def _separating_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"What distinguishes a community from an audience is participation", "Teams are
    set apart from groups by ...": a verb that tells X from Y contrasts the two."""
    for verb in sent:
        # "What makes a community different from an audience is ...": the small clause
        if verb.lemma_ in lx.CONTRAST_ADJECTIVES and verb.pos_ == "ADJ" and (
                verb.head.lemma_ == "make" and verb.head is not verb):
            yield from _made_different(sent, verb, vocab)
            continue
        if verb.lemma_ not in lx.SEPARATING_VERBS or verb.pos_ != "VERB" or (
                verb.lemma_ == "set" and not any(
                    c.dep_ in ("prt", "advmod") and c.lower_ == "apart" for c in verb.children)):
            continue
        told = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if told is None:
            continue
        other = next((g for head in (verb, told) for p in head.children
                      if p.dep_ == "prep" and p.lower_ == "from"
                      for g in p.children if g.dep_ == "pobj"), None)
        if other is not None:
            yield from _told_apart(sent, verb, told, other, vocab)


def _made_different(sent: Span, adj: Token, vocab: Vocabulary) -> Iterator[Frame]:
    told = next((c for c in adj.children if c.dep_ == "nsubj"), None)
    other = next((g for p in adj.children if p.dep_ == "prep" and p.lower_ == "from"
                  for g in p.children if g.dep_ == "pobj"), None)
    if told is not None and other is not None:
        yield from _told_apart(sent, adj.head, told, other, vocab)


def _told_apart(sent: Span, verb: Token, told: Token, other: Token, vocab: Vocabulary
                ) -> Iterator[Frame]:
    """The contrast of X (``told``) with Y (``other``) that ``verb`` draws."""
    subj, obj = phrase_for(told, vocab, subject=True), phrase_for(other, vocab)
    if not (subj.concept or obj.concept) or subj.concept == obj.concept:
        return
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), told)  # "Nothing ..."
    yield Frame(subj, "differ from", obj, "contrast", is_negated(verb, doer, other),
                is_hedged(verb, sent), *sentence_chars(sent), "contrast-separating", 0.7,
                tree_depth(verb))


def _not_enough_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"Just because people are in one place doesn't mean you have a community",
    "Becoming a customer doesn't make you a community member": what does not make the
    concept. With a concept in that clause, the two are contrasted ("a customer is no
    member"); without one, it is what the concept takes more than."""
    doc = sent.doc
    for verb in sent:
        if verb.dep_ != "ROOT" or verb.lemma_ not in lx.NOT_ENOUGH_VERBS or not any(
                c.dep_ == "neg" for c in verb.children):
            continue
        cause = next((c for c in verb.children if c.dep_ == "csubj" or c.dep_ == "advcl" and any(
            m.lower_ == "because" for m in c.children if m.dep_ == "mark")), None)
        result = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp")), None)
        if cause is None or result is None:
            continue
        made = next((t for t in result.subtree if t.pos_ in ("NOUN", "PROPN") and t.dep_ != (
            "compound") and concept_for(t, vocab)), None)
        if made is None:
            continue
        obj = phrase_for(made, vocab)
        cause_noun = next((t for t in cause.subtree if t.pos_ == "NOUN" and t.dep_ != "compound"
                           and concept_for(t, vocab, subject=True)), None)
        start, end = clause_span(sent, verb)
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if cause_noun is not None and concept_for(cause_noun, vocab) != obj.concept:
            yield Frame(phrase_for(cause_noun, vocab, subject=True), verb.lemma_, obj, "contrast",
                        True, is_hedged(verb, sent), *chars, "contrast-not-enough", 0.7,
                        tree_depth(verb))
        elif cause_noun is None:
            label = span_text([t for t in cause.subtree if t.dep_ != "mark" and not (
                t.dep_ == "advmod" and t.head == cause and t.lower_ == "just")])
            yield Frame(Phrase(obj.label, obj.lemma, obj.concept, made.i), "require more than",
                        Phrase(label, cause.lemma_, None, cause.i), "requirement", True,
                        is_hedged(verb, sent), *chars, "requirement-not-enough", 0.7,
                        tree_depth(verb))


def _gapped_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"An audience is passive and a community more active": the second subject shares
    the copula the parser left with the first (gapping)."""
    doc = sent.doc
    for verb in sent:
        if verb.lemma_ != "be" or verb.dep_ in ("aux", "auxpass"):
            continue
        for noun in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            trait = next((c for c in noun.children if c.dep_ == "amod" and c.i > noun.i
                          and c.pos_ == "ADJ"), None)
            subj = phrase_for(noun, vocab, subject=True)
            if trait is None or subj.concept is None or specific(noun):
                continue
            label = span_text(doc[trait.left_edge.i:trait.right_edge.i + 1])
            end = trait.right_edge.i
            yield Frame(subj, "be", Phrase(label, trait.lemma_.lower(), None, trait.i),
                        "property", False, is_hedged(verb, sent), doc[noun.left_edge.i].idx,
                        doc[end].idx + len(doc[end].text), "property-gapped", 0.6,
                        tree_depth(verb))


def _condition_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"It's not a community if people don't interact", "It is only a team when it
    shares a goal", "you don't have a community unless ...": the condition is what
    the concept requires."""
    doc = sent.doc
    for head in sent:
        if head.lemma_ not in CONDITION_HEADS or not (head.dep_ == "ROOT" or (
                head.dep_ == "ccomp" and head.head.lemma_ in lx.BELIEF_VERBS)):  # "I think"
            continue
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in head.children if c.dep_ == CONDITION_HEADS[head.lemma_]), None)
        cond = _condition_clause(head)
        if subj is None or subj.lower_ not in CONDITION_SUBJECTS[head.lemma_] or (
                attr is None or cond is None):
            continue
        concept = phrase_for(attr, vocab)
        negated = is_negated(head, subj, attr)
        if concept.concept is None or cond.head.lower_ == "without" and not negated:
            continue  # "Without a plan, you have a community": what it can do without
        start, end = clause_span(sent, head)
        label = span_text([t for t in cond.subtree if t.dep_ != "mark" and not (
            t.head == cond and t.dep_ == "advmod" and t.lower_ in CONDITION_MARKS)])
        yield Frame(Phrase(concept.label, concept.lemma, concept.concept, attr.i), "require",
                    Phrase(label, cond.lemma_, None, cond.i), "requirement",
                    negated, is_hedged(head, sent), doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "requirement-condition", 0.7,
                    tree_depth(head))


def _condition_clause(head: Token) -> Token | None:
    """The clause that sets the condition of ``head``: "if/unless/when ...", "as soon as
    you take a contribution", "the minute you have two people", or the thing "without"
    which it is not ("Without a shared ethic, you don't have a community")."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "without":
            thing = next((g for g in c.children if g.dep_ == "pobj"), None)
            if thing is not None:
                return thing
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in CONDITION_MARKS
                                     for m in c.children):
            return c
        # "as soon as ...": the clause hangs on "soon"; "the minute you ...": on "minute"
        if (c.dep_ == "advmod" and c.lower_ == "soon") or (
                c.dep_ == "npadvmod" and c.lemma_.lower() in CONDITION_MOMENTS):
            inner = next((g for g in c.children if g.dep_ in ("advcl", "relcl")), None)
            if inner is not None:
                return inner
    return None

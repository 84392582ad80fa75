"""Clause rules: every verb (or copula, or ``=``) that heads a clause with a
subject yields one candidate frame per subject.

The cue spans found by :mod:`kg.extract.component` decide a frame's type and
predicate; a clause with no cue is a ``property`` of its subject, kept only
when it says something of the concept in general (see :func:`keep`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicons as lx
from kg.extract.constructions import (
    FRONTED_SETTING_PREPS,
    as_parts,
    construction_frames,
    setting_noun,
)
from kg.extract.frames import TYPE_RANK, Context, Cue, Frame
from kg.extract.nominal import NOMINAL_CONTRASTS
from kg.extract.phrases import (
    MAX_LABEL_TOKENS,
    Phrase,
    concept_for,
    phrase_for,
    qualifiers,
    span_text,
)
from kg.extract.referents import specific
from kg.extract.syntax import (
    WH_WORDS,
    clause_heads,
    clause_object,
    clause_span,
    clause_subjects,
    clause_tokens,
    definite_singular,
    is_conditional,
    is_hedged,
    is_negated,
    is_past,
    main_clause,
    recent_event,
    reported_rebuttal,
    tree_depth,
)
from kg.vocab import Vocabulary

__all__ = ["ANAPHORIC_DETS", "clause_frames"]

MEMBER_OWNER_WINDOW = 4  # concepts named last that may own bare "members"
# "such a community", "this group": a noun that refers back to one just named
ANAPHORIC_DETS = frozenset({"such", "this", "that", "these", "those"})


def _resolve(subj: Token, phrase: Phrase, ctx: Context, sent_index: int) -> Phrase | None:
    lower = subj.lower_
    if lower == "it" and _extraposed(subj.head):
        return None  # "It takes patience to ...", "It is possible for X to ...": no referent
    if lower in lx.PRONOUNS_RESOLVABLE:
        last, plural = ctx.last_subject, ctx.last_plural
        if last is None and sent_index == 0 and ctx.carried is not None:
            last, plural = ctx.carried  # the paragraph before ended on it
        elif last is None and ctx.section is not None and lower in ("they", "it", "these"):
            # ("This has always been debated" speaks of the debate)
            # "The Customers" / "They have money and no time": the heading's concept
            return Phrase(ctx.section, ctx.section, ctx.section, subj.i, resolved=True)
        elif last is None or ctx.last_sentence < sent_index - 1:
            named = ctx.last_named
            if named is None or named[0] != sent_index - 1 or not _defines_kind(subj.head):
                return None
            # "We built a community. It is a group of ...": the one concept just named
            last, plural = Phrase(named[1], named[1], named[1]), named[2]
        if last is None or (lower in lx.PLURAL_PRONOUNS) != plural and not (
                lower == "they" and last.lemma.rsplit(" ", 1)[-1] in lx.COLLECTIVE_NOUNS):
            return None  # "The Owners Group is a community. They are ...": a collective
        return Phrase(last.label, last.lemma, last.concept, subj.i, resolved=True)
    if lower in lx.PRONOUNS_UNRESOLVABLE or subj.pos_ in ("PRON", "DET", "NUM"):
        return None
    if _bare_term(subj):
        # "The word community has two meanings. The term can also refer to ...": the one
        # concept the sentence before named
        named = ctx.last_named
        if named is None or named[0] != sent_index - 1:
            return None
        return Phrase(named[1], named[1], named[1], subj.i, resolved=True)
    return phrase


def _bare_term(subj: Token) -> bool:
    """"The term can refer to", "the concept is used to mean": a noun standing for a
    word that it does not name, as the subject of a verb that says what a word means."""
    return subj.lemma_.lower() in lx.TERM_NOUNS and subj.tag_ == "NN" and [
        c.lower_ for c in subj.children] in (["the"], ["this"]) and (
        subj.head.lemma_ in lx.MEANING_VERBS)


def _defines_kind(verb: Token) -> bool:
    """"It is a group of people ...", "They are groups of ...": the copula's complement
    is an indefinite noun (a kind of thing), not "hard work" or "our team"."""
    def indefinite(noun: Token) -> bool:
        dets = [d.lower_ for d in noun.children if d.dep_ in ("det", "poss")]
        return dets[:1] in (["a"], ["an"]) or not dets and noun.tag_ == "NNS"

    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" and indefinite(c) for c in verb.children)


def _extraposed(verb: Token) -> bool:
    """A dummy "it" whose real subject is a to- or that-clause after the verb ("It is
    a common understanding that ...": the parser may hang it on the complement)."""
    if any(c.dep_ == "attr" and c.lemma_.lower() in lx.VIEW_HEADS and c.i + 1 < len(c.doc)
           and c.doc[c.i + 1].lower_ == "that" for c in verb.children):
        return True  # "It is a common understanding that ...", whatever the parse
    return any(c.dep_ in ("xcomp", "ccomp", "csubj", "advcl", "acl") and c.i > verb.i and any(
        g.lower_ in ("to", "that") and g.dep_ in ("aux", "mark") for g in c.children)
        for c in (*verb.children, *(a for c in verb.children if c.dep_ in ("acomp", "attr")
                                    for a in c.children)))


def _cue_for(head: Token, cues: list[Cue]) -> Cue | None:
    idx = {t.i for t in clause_tokens(head)}
    found = [c for c in cues if c.rule not in NOMINAL_CONTRASTS
             and any(i in idx for i in range(c.start, c.end))]
    return min(found, key=lambda c: TYPE_RANK[c.type]) if found else None


def _clause_type(head: Token, cue: Cue | None, obj: Token | None) -> tuple[str, str, str]:
    copula = head.lemma_ == "be" or head.text in lx.EQUALS
    # "X should be a community": what X is meant to be, a (hedged) definition
    if cue is not None and not (cue.rule == "property-should" and copula and obj is not None
                                and obj.pos_ in ("NOUN", "PROPN")):
        return cue.type, cue.predicate, cue.rule
    if _passive_naming(head, obj):
        return "definition", "be", "definition-passive-naming"
    if copula and obj is not None and (obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or (
            obj.dep_ in ("ccomp", "advcl") and obj.left_edge.lower_ in WH_WORDS)):
        return "definition", "be", "definition-copula"
    if copula:
        return "property", "be", "property-copula"
    verb = head.lemma_.lower()
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    return "property", " ".join([verb, *particles]), "property-verb"


def _passive_naming(head: Token, obj: Token | None) -> bool:
    """"Forums are considered communities", "X can be called Y", "X is known as a Y": a
    passive naming verb with a noun for what X is called is a definition of X."""
    return (obj is not None and head.lemma_ in lx.NAMING_VERBS and head.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in head.children)
            and obj.pos_ in ("NOUN", "PROPN") and (obj.dep_ in ("oprd", "attr") or (
                obj.dep_ == "pobj" and obj.head.lower_ == "as")))


def _capitalised_term(token: Token, vocab: Vocabulary) -> bool:
    """"Internal Communities are ...": a vocabulary term written in capitals, not a name."""
    mods = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
    return bool(mods) and vocab.lookup(f"{mods[-1].text} {token.text}") is not None


def _expand_anaphors(subjects: list[Token], vocab: Vocabulary, ctx: Context,
                     sent_index: int) -> Iterator[tuple[Token, Phrase | None]]:
    """Each subject with its phrase; an anaphoric plural ("these groups of
    people", "those ones") stands for every concept subject of the last two
    sentences ("Customers aren't X. Employees aren't X. These groups ...")."""
    for tok in subjects:
        referents = _anaphor_referents(tok, ctx, sent_index)
        # "They (communities) form themselves": the bracket says what the pronoun is
        named = next((c for c in tok.children if c.dep_ == "appos" and tok.i + 2 == c.left_edge.i
                      and tok.doc[tok.i + 1].text == "("), None) if tok.pos_ == "PRON" else None
        if named is not None and (phrase := phrase_for(named, vocab, subject=True)).concept:
            yield tok, Phrase(phrase.label, phrase.lemma, phrase.concept, tok.i, resolved=True)
        elif not referents:
            yield tok, _subject_phrase(tok, vocab, ctx, sent_index)
        for ref in referents:
            yield tok, Phrase(ref.label, ref.lemma, ref.concept, tok.i, resolved=True)


def _anaphor_referents(tok: Token, ctx: Context, sent_index: int) -> list[Phrase]:
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in lx.ANAPHORIC_NOUNS:
        return []
    if not any(c.dep_ in ("det", "amod", "predet") and c.lower_ in ("these", "those", "such")
               for c in tok.children):  # "such" is the parser's adjective
        return []
    out: dict[str, Phrase] = {}
    for i, phrase in ctx.subjects:
        if sent_index - 2 <= i < sent_index and phrase.concept:
            out.setdefault(phrase.concept, phrase)
    return list(out.values())


def _subject_phrase(subj_tok: Token, vocab: Vocabulary, ctx: Context,
                    sent_index: int) -> Phrase | None:
    if subj_tok.dep_ == "csubj" and subj_tok.tag_ == "VBG" and (
            subj_tok.lemma_.lower() in lx.BELONGING_VERBS) and (
            noun := _gerund_clause_noun(subj_tok, vocab)) is not None:
        return phrase_for(noun, vocab, subject=True)
    if subj_tok.dep_ == "csubj" and subj_tok.tag_ == "VBG" and (
            noun := _parallel_activity(subj_tok, vocab)) is not None:
        return phrase_for(noun, vocab, subject=True)
    phrase = phrase_for(subj_tok, vocab, subject=True)
    if phrase.concept and (gerund := _gerund(subj_tok)) is not None:
        words = [t.lower_ for t in subj_tok.doc[gerund.i:subj_tok.i]] + [subj_tok.lemma_.lower()]
        return Phrase(phrase.label, " ".join(words), None, phrase.head)
    # "the purpose of a community": the wrapped noun decides whether it is one instance
    named = subj_tok.doc[phrase.head] if phrase.head >= 0 else subj_tok
    narrower = _narrower_antecedent(named, phrase, vocab, ctx, sent_index)
    if narrower is not None:
        return narrower
    if phrase.concept and specific(named) and not _capitalised_term(named, vocab):
        phrase = Phrase(phrase.label, phrase.lemma, None, phrase.head)
    if phrase.concept is None and (owner := _bridged(subj_tok, ctx, sent_index)) is not None:
        return Phrase(phrase.label, owner.lemma, owner.concept, phrase.head, resolved=True)
    if (topic := _about_topic(subj_tok)) is not None:
        named = phrase_for(topic, vocab, subject=True)
        return Phrase(named.label, named.lemma, named.concept, subj_tok.i, resolved=True)
    return _resolve(subj_tok, phrase, ctx, sent_index)


def _about_topic(subj: Token) -> Token | None:
    """"The thing about communities is that they need trust", "What I love about a team
    is that it ships": a pronoun in what the copula says stands for the "about" noun of
    the copula's subject, when their number agrees."""
    lower = subj.lower_
    verb = subj.head
    if lower not in ("they", "it") or verb.dep_ != "ccomp" or verb.head.lemma_ != "be":
        return None
    for main in verb.head.children:
        if main.dep_ not in ("nsubj", "csubj") or main.i > verb.head.i:
            continue
        for prep in main.children:
            if prep.dep_ == "prep" and prep.lower_ == "about":
                noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
                        noun.tag_ in ("NNS", "NNPS")) == (lower == "they"):
                    return noun
    return None


RANKING_ADJECTIVES = frozenset({"main", "primary", "key", "chief", "central", "principal"})


def _bridged(subj: Token, ctx: Context, sent_index: int) -> Phrase | None:
    """"A community ... Membership is voluntary.": a bare relational noun ("membership",
    "the emphasis") names an attribute of the concept the sentence before was about,
    or of the section's concept."""
    if subj.lemma_.lower() not in lx.BRIDGING_HEADS or any(
            c.dep_ in ("poss", "compound", "prep") and c.lower_ not in ("its", "their") or (
                c.dep_ == "amod" and c.lower_ not in RANKING_ADJECTIVES) or (
                c.dep_ == "det" and c.lower_ not in ("the", "its", "their"))
            for c in subj.children):
        return None  # "Main focus is on ...": a ranking adjective keeps it bare
    last = ctx.last_subject
    if last is not None and last.concept and ctx.last_sentence >= sent_index - 1:
        return last
    if ctx.section is not None:
        return Phrase(ctx.section, ctx.section, ctx.section, subj.i)
    return None


def _narrower_antecedent(named: Token, phrase: Phrase, vocab: Vocabulary, ctx: Context,
                         sent_index: int) -> Phrase | None:
    """"An internal community is ... The purpose of such a community is ...": a
    demonstrative or "such" concept noun refers back to a narrower concept just named."""
    if phrase.concept not in vocab or not any(
            c.lower_ in ANAPHORIC_DETS and c.dep_ in ("det", "predet", "amod")
            for c in named.children):
        return None
    narrower = set(vocab.concepts[phrase.concept].narrower)
    for i, earlier in reversed(ctx.subjects):
        if sent_index - 2 <= i < sent_index and earlier.concept in narrower:
            return Phrase(phrase.label, earlier.lemma, earlier.concept, phrase.head,
                          resolved=True)
    return None


def _gerund_clause_noun(verb: Token, vocab: Vocabulary) -> Token | None:
    """"Being part of a community creates belonging", "Having a lot of followers does
    not mean ...": a gerund clause of belonging or having, as subject, is about its
    first concept noun; without one, its first object noun (followers). An activity
    ("Defining the success of a community") is about the activity, and gives nothing."""
    nouns = [t for t in verb.subtree if t.i != verb.i and t.pos_ in ("NOUN", "PROPN")
             and t.dep_ in ("dobj", "pobj", "attr", "nmod")]
    concept = next((t for t in nouns if concept_for(t, vocab, subject=True)), None)
    if concept is not None or not nouns:
        return concept
    first = nouns[0]
    if first.lemma_.lower() in lx.QUANTITY_NOUNS:
        return next((g for c in first.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), first)
    return first


def _parallel_activity(verb: Token, vocab: Vocabulary) -> Token | None:
    """"Building a team is different from building a community": one activity done to
    two concepts compares the concepts; the subject is the first one's noun."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not concept_for(obj, vocab, subject=True):
        return None
    again = any(t.i > verb.head.i and t.tag_ == "VBG" and t.lemma_ == verb.lemma_ and any(
        c.dep_ == "dobj" and concept_for(c, vocab) for c in t.children)
        for t in verb.sent)
    return obj if again else None


def _gerund(subj: Token) -> Token | None:
    """``Forcing community is ...``, ``Leading teams is ...``: the subject is an
    activity done to the concept, not the concept. A bare ``-ing`` word opening
    the subject is a gerund unless it agrees as an adjective with a plural noun
    ("Thriving communities are", "Growing communities need")."""
    first = subj.left_edge
    if first.i >= subj.i or first.tag_ == "JJ" or not first.lower_.endswith("ing"):
        return None
    if first.tag_ not in ("VBG", "NN") or any(c.dep_ == "det" for c in subj.children):
        return None
    if subj.tag_ in ("NNS", "NNPS") and subj.dep_ in lx.SUBJECT_DEPS:
        return first if subj.head.tag_ == "VBZ" else None
    return first


def _keep(head: Token, subj_tok: Token, subj: Phrase, obj: Phrase, obj_tok: Token | None,
          ctype: str, rule: str, open_vocab: bool = False) -> bool:
    """Precision filters: what a careful reader would not call a claim."""
    # "communities are evaporating": a progressive is asserted; a bare -ing clause is not
    progressive = head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                             for c in head.children)
    if is_conditional(head) or head.tag_ == "VBG" and not progressive or recent_event(head):
        return False  # "that team being part of ...", "X have popped up over the years"
    if not subj.concept and not any(ch.isalpha() for ch in subj.lemma):
        return False  # "80% of these are communities": a number is not a kind of thing
    # "specific needs customers need to solve", "a group whose members need each other":
    # a relative clause with a subject of its own says which things the noun means
    if head.dep_ == "relcl" and subj_tok.head == head and not subj.resolved and (
            subj_tok.lower_ not in ("who", "that", "which")):
        return False
    # "Community looks more like this:": the list after the colon says what
    if obj_tok is not None and obj_tok.lower_ in ("this", "these", "following") and (
            head.sent[-1].text == ":" or obj_tok.i + 1 < len(obj_tok.doc)
            and obj_tok.doc[obj_tok.i + 1].text == ":"):
        return False
    if head.tag_ == "MD" and obj_tok is None:
        return False  # "Or maybe it can.": the verb is elided
    if not subj.concept and subj_tok.lemma_.lower() in lx.EXAMPLE_NOUNS:
        return False  # "An example might be a local group": one instance, not the kind
    if _common_view(head):
        return False
    # a past event is not what a concept is; a past definition of "a community" still is
    if is_past(head) and not (ctype == "definition" and subj.concept
                              and not definite_singular(subj_tok)
                              and not any(c.dep_ == "poss" for c in subj_tok.children)):
        return False
    if obj_tok is not None and not obj.concept and (
            (obj_tok.lower_ in WH_WORDS and obj_tok.i < subj_tok.i)
            or (obj_tok.dep_ == "ccomp" and rule.endswith("copula")
                and obj_tok.left_edge.lower_ not in WH_WORDS)):
        return False
    # "Community has become popular": a change of state, not one kind becoming another
    if rule == "contrast-become" and (obj_tok is None or obj_tok.pos_ == "ADJ"):
        return False
    # "the community becomes much larger": one community changing, not a kind becoming one
    if rule == "contrast-become" and definite_singular(subj_tok) and (
            obj_tok is None or obj_tok.pos_ not in ("NOUN", "PROPN")):
        return False
    fallback = rule in ("property-verb", "property-copula")
    if not subj.concept:
        if open_vocab and ctype == "definition" and subj_tok.pos_ in ("NOUN", "PROPN"):
            return main_clause(head)
        # "Hashtags aren't communities", "Twitter is not a community": a named thing or
        # a kind of thing said to be (or not be) the concept; "Instagram is for photos.
        # It is an audience.": "it" for the thing the sentence before was about
        named = (subj_tok.pos_ == "PROPN" or subj.resolved and subj_tok.lower_ == "it") and (
            ctype in ("definition", "contrast")) and not (
            obj_tok is not None and any(t.lemma_.lower() in lx.EXAMPLE_NOUNS
                                        for t in (obj_tok, *obj_tok.lefts)))
        if obj.concept is None or not (subj_tok.pos_ in ("NOUN", "VERB") or named):
            return False
        if _constitutes(head, subj_tok, obj_tok):
            return main_clause(head)
        if subj_tok.pos_ == "NOUN" and definite_singular(subj_tok) and not _the_kind_is_a(
                subj_tok, head, obj_tok):
            return False  # "this room, which is all about community": one room
        # "People join communities", "Startups build them": a kind of agent (a bare
        # plural in a present-tense main clause) doing something with the concept
        return not fallback and ctype != "property" or _kind_acts_on(head, subj_tok, obj_tok)
    if fallback and _word_named(subj_tok):
        return False  # "the word community is often used ...": usage of a word, not a trait
    if fallback:
        # a cue-less clause of the speaker's own; a resolved pronoun or noun anaphor counts
        # (the antecedent is at most a sentence back); "the community moved on" tells of one
        # community, where "the team has a deadline" says what a team is like
        if obj_tok is None and head.sent[-1].text == ":":
            return False  # "In the digital age, a community is:" the list says what
        return main_clause(head) and (
            head.lemma_ in lx.STATIVE_VERBS or not definite_singular(subj_tok)
            or _generic_the(subj_tok, head))
    return True


def _kind_acts_on(head: Token, subj_tok: Token, obj_tok: Token | None) -> bool:
    """"People join communities", "Consumers form brand communities": a bare plural
    (no determiner, no possessive) as the subject of a present-tense main clause whose
    direct object is the concept says what that kind of agent does with it."""
    return (obj_tok is not None and obj_tok.dep_ == "dobj" and subj_tok.tag_ == "NNS"
            and subj_tok.pos_ == "NOUN" and head.tag_ in ("VBP", "VBZ") and main_clause(head)
            and not any(c.dep_ in ("det", "poss", "nummod") for c in subj_tok.children)
            and not any(c.lower_ in WH_WORDS for c in head.children))  # "Why firms fund teams"


def _generic_the(subj_tok: Token, head: Token) -> bool:
    """"The community drives your growth", "When the task is done, the team disperses":
    a bare "the" with a present-tense main verb, with its object or intransitive, speaks
    of the kind. "Then the community moves elsewhere" tells a story; "this community",
    "our team", past events and clauses under another verb ("discover that the
    community moves elsewhere") are about one group."""
    root = head if head.dep_ != "conj" else head.head
    if root.dep_ != "ROOT" or root is not head and not any(
            c.dep_ in lx.SUBJECT_DEPS for c in root.children):  # "Don't be surprised ... or"
        return False
    dets = [c.lower_ for c in subj_tok.children if c.dep_ in ("det", "poss")]
    return dets == ["the"] and head.tag_ == "VBZ" and not any(
        c.dep_ in ("prep", "relcl", "acl", "amod") for c in subj_tok.children) and (
        any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in head.children)
        or head.pos_ == "VERB" and not any(c.dep_ == "advmod" and c.lower_ in
                                           lx.NARRATIVE_ADVERBS for c in head.children))


def _the_kind_is_a(subj_tok: Token, head: Token, obj_tok: Token | None) -> bool:
    """"The workplace is a natural community": a bare "the" and a present-tense "is a"
    in the main clause class a kind of thing as the concept; "this room", "our office",
    "the room was a community" and "the room, which ..." speak of one."""
    dets = [c.lower_ for c in subj_tok.children if c.dep_ in ("det", "poss")]
    return (dets == ["the"] and head.lemma_ == "be" and head.tag_ == "VBZ"
            and head.dep_ == "ROOT" and obj_tok is not None and obj_tok.dep_ == "attr"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj_tok.children)
            and not any(c.dep_ in ("relcl", "acl", "appos") for c in subj_tok.children))


def _word_named(subj_tok: Token) -> bool:
    """"The word audience", "the terms X and Y": the subject is named as a word."""
    head = subj_tok.head if subj_tok.dep_ == "conj" else subj_tok
    return any(c.dep_ in ("compound", "nmod") and c.lemma_.lower() in lx.TERM_NOUNS
               for c in head.children)


def _constitutes(head: Token, subj_tok: Token, obj_tok: Token | None) -> bool:
    """"Comments do not make community", "Shared goals build teams": a kind of thing
    (a bare plural or mass noun) said to make up the concept, its direct object."""
    return (head.lemma_ in lx.CONSTITUTIVE_VERBS and obj_tok is not None
            and obj_tok.dep_ == "dobj" and subj_tok.pos_ == "NOUN"
            and not any(c.dep_ in ("det", "poss") for c in subj_tok.children)
            and not any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in obj_tok.children))


def _common_view(head: Token) -> bool:
    """"X are often thought of as Y", "X is commonly seen as Y": a view the text
    reports as current, not one it asserts. "X is often defined as Y" still gives the
    definition."""
    return head.lemma_ in lx.AS_VERBS - {"define"} and head.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in head.children) and any(
        c.dep_ == "advmod" and c.lower_ in lx.COMMON_VIEW_ADVERBS for c in head.children)


def _members_of(pairs: Iterable[tuple[Token, Phrase | None]], vocab: Vocabulary,
                ctx: Context) -> Iterator[tuple[Token, Phrase | None]]:
    """Bare "members" in a text about teams or groups are theirs: the vocabulary's
    member is a community member, so "Members are cautious ..." after a sentence about
    groups is about groups; after one about communities (or with nothing before it)
    they stay community members."""
    for subj_tok, subj in pairs:
        owner = _owner_before(subj_tok, subj, vocab, ctx) if subj is not None else None
        yield subj_tok, subj if owner is None else Phrase(subj.label, owner, owner, subj.head,
                                                          subj.resolved)


def _owner_before(subj_tok: Token, subj: Phrase, vocab: Vocabulary, ctx: Context) -> str | None:
    if subj.concept is None or subj.concept not in vocab.concepts or subj.resolved or (
            subj_tok.tag_ != "NNS") or any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod")
                                           for c in subj_tok.children):
        return None
    found = qualifiers(subj.concept, vocab)
    last = next((t for t in reversed(ctx.topics) if t != subj.concept), None)
    if not found or last is None or any(_narrower(vocab, last, q) for q in found):
        return None
    # "... a community, not an audience. Members talk": with the qualifier's concept
    # just named too, the members are its own
    recent = [t for t in ctx.topics[-MEMBER_OWNER_WINDOW:] if t != subj.concept]
    if any(_narrower(vocab, t, q) for t in recent for q in found):
        return None
    # only a whole has members: "Customers buy. Members belong." keeps its members
    head = vocab.concepts[last].pref_label.rsplit(" ", 1)[-1] if last in vocab.concepts else ""
    return last if head in lx.COLLECTIVE_NOUNS else None


def _narrower(vocab: Vocabulary, concept: str, broader: str) -> bool:
    """Whether ``concept`` is a kind of ``broader`` (internal community: community)."""
    todo, seen = [concept], set()
    while todo:
        c = todo.pop()
        if c == broader:
            return True
        if c not in seen and c in vocab.concepts:
            seen.add(c)
            todo.extend(vocab.concepts[c].broader)
    return False


def _split_modifiers(pairs: Iterable[tuple[Token, Phrase | None]], vocab: Vocabulary
                     ) -> Iterator[tuple[Token, Phrase | None]]:
    """"Internal and external communities are valuable": coordinated modifiers that
    each make a concept with the head noun give one subject each."""
    for subj_tok, subj in pairs:
        mod = next((c for c in subj_tok.children if c.dep_ == "amod" and c.conjuncts), None)
        found = [] if subj is None or subj.resolved or mod is None else [
            (m.lower_, vocab.lookup(f"{m.lower_} {subj_tok.lemma_.lower()}")
             or vocab.lookup(f"{m.lower_} {subj_tok.lower_}")) for m in (mod, *mod.conjuncts)]
        concepts = [c for _, c in found if c is not None]
        if len(concepts) < 2 or len(concepts) < len(found) or len(set(concepts)) < len(found):
            yield subj_tok, subj
            continue
        for (word, concept) in found:
            yield subj_tok, Phrase(f"{word} {subj_tok.text}", concept, concept, subj.head)


def clause_frames(sent: Span, sent_index: int, cues: list[Cue], vocab: Vocabulary,
                   ctx: Context, question: bool, open_vocab: bool = False) -> Iterator[Frame]:
    """Frames of every clause of ``sent`` with a subject, plus "X as Y" and
    existential frames."""
    yield from construction_frames(sent, vocab)
    for head in clause_heads(sent):
        subjects = clause_subjects(head)
        setting = _fronted_setting(head, vocab)
        if setting is not None and not question and not any(
                _own_concept(t, setting, vocab) for t in subjects):
            yield _setting_frame(sent, head, setting, subjects, vocab)
            continue
        # "Scientists define a group as ...": the as-frame has the claim; its definer none
        if not subjects or as_parts(head) is not None:
            continue
        cue = _cue_for(head, cues)
        obj_tok = clause_object(head, cue)
        if obj_tok is not None and obj_tok.tag_ == "VBG" and any(
                s.tag_ == "VBG" and s.lemma_ == obj_tok.lemma_ for s in subjects):
            # "Building a team is unlike building a community": the second activity's noun
            obj_tok = next((c for c in obj_tok.children if c.dep_ == "dobj"), obj_tok)
        ctype, predicate, rule = _clause_type(head, cue, obj_tok)
        obj = phrase_for(obj_tok, vocab) if obj_tok is not None else Phrase("", "", None)
        if obj.concept and obj_tok is not None and _gerund(obj_tok) is not None:
            obj = Phrase(obj.label, obj.label.lower(), None, obj.head)  # "in building community"
        if head.dep_ == "aux" and obj_tok is not None:
            label = span_text(head.doc[head.i + 1:obj_tok.right_edge.i + 1])
            obj = Phrase(label, obj.lemma, obj.concept, obj.head)
        for subj_tok, subj in _members_of(_split_modifiers(_expand_anaphors(
                subjects, vocab, ctx, sent_index), vocab), vocab, ctx):
            # a pronoun reaching into the paragraph before: only "It is not a team",
            # "They are a group ...", where the object is a concept, is safe to read so
            carried = (subj is not None and subj.resolved and ctx.last_subject is None
                       and ctx.carried is not None and subj_tok.lower_ in lx.PRONOUNS_RESOLVABLE)
            # ... unless the list's introducer names that concept too ("A community has
            # these traits:" / "• It is a place to meet.")
            if carried and not obj.concept and ctx.section != subj.concept:
                continue
            if subj is None:
                if subj_tok.lower_ in lx.NEGATIVE_SUBJECTS and obj.concept:
                    subj, obj_neg = obj, Phrase(subj_tok.text, subj_tok.lower_, None, subj_tok.i)
                    yield _frame(sent, head, subj, predicate, obj_neg, ctype, True,
                                 rule, cue, question)
                elif obj.concept and not question and _generic_agent(head, subj_tok, obj_tok):
                    agent = Phrase(subj_tok.text, subj_tok.lower_, None, subj_tok.i)
                    modal = next(c.lower_ for c in head.children
                                 if c.dep_ == "aux" and c.lower_ in lx.ABILITY_MODALS)
                    yield _frame(sent, head, obj, f"{'can' if modal == 'ca' else modal} "
                                 f"{head.lemma_.lower()}", agent, "property",
                                 is_negated(head, subj_tok, obj_tok), "property-generic-agent",
                                 cue, question)
                continue
            # a relative clause's subject ("people who consume content") is no new topic
            if not subj.resolved and subj.lemma and subj_tok.pos_ in ("NOUN", "PROPN") and (
                    head.dep_ not in ("relcl", "acl")):
                ctx.last_subject, ctx.last_sentence = subj, sent_index
                ctx.last_plural = subj_tok.tag_ in ("NNS", "NNPS")
                if subj.concept:
                    ctx.subjects.append((sent_index, subj))
            elif subj.resolved and subj.concept and (
                    subj_tok.lower_ in lx.PRONOUNS_RESOLVABLE
                    or subj_tok.lemma_.lower() in lx.RELATIONAL_HEADS) and (
                    ctx.last_subject is not None) and (
                    ctx.last_subject.concept == subj.concept):
                ctx.last_sentence = sent_index  # "They ... They ...": the chain stays salient
            if subj_tok.dep_ == "csubj" and subj.concept and subj.concept == obj.concept:
                continue  # "Building a community is a community effort"
            if _restrictive_relative(head, subj_tok):
                continue
            if not _keep(head, subj_tok, subj, obj, obj_tok, ctype, rule, open_vocab):
                continue
            negated = is_negated(head, subj_tok, obj_tok) or reported_rebuttal(head)
            yield _frame(sent, head, subj, predicate, obj, ctype, negated, rule, cue, question)


def _restrictive_relative(head: Token, subj_tok: Token) -> bool:
    """"An audience refers to a group of people who are passively consuming content":
    a "who"/"that" clause that picks out the object of another clause says which ones
    that clause means, not what the kind is. After a comma ("communities, which ...")
    it adds a claim; "a definition of community that means ..." is the definition."""
    rel = next((c for c in head.children if c.dep_ in lx.SUBJECT_DEPS
                and c.lower_ in ("who", "that")), None)
    if head.dep_ != "relcl" or rel is None or subj_tok != head.head or subj_tok.dep_ not in (
            "attr", "dobj", "pobj", "appos", "oprd") or subj_tok.lemma_.lower() in (
            lx.SUBJECT_WRAPPERS):
        return False
    before = head.doc[rel.i - 1] if rel.i > 0 else None
    if before is not None and before.is_quote and before.i > 0:
        before = head.doc[before.i - 1]  # 'a "member," who ...'
    return before is None or before.text not in (",", "-", "–", "—", "(", ";")


def _generic_agent(head: Token, subj_tok: Token, obj_tok: Token | None) -> bool:
    """"You can manage an audience", "you can't program community", "One cannot buy a
    team": what anyone can or must do to a kind of thing (its direct object, bare or
    with "a"), said as the speaker's own view, not under "if"."""
    return (subj_tok.lower_ in lx.GENERIC_AGENTS and subj_tok.dep_ == "nsubj"
            and head.pos_ == "VERB" and head.dep_ in ("ROOT", "conj", "ccomp")
            and obj_tok is not None and obj_tok.dep_ == "dobj" and obj_tok.head.i == head.i
            and all(c.dep_ != "poss" and (c.dep_ != "det" or c.lower_ in ("a", "an"))
                    for c in obj_tok.children)
            and any(c.dep_ == "aux" and c.lower_ in lx.ABILITY_MODALS for c in head.children)
            and not is_conditional(head) and not is_past(head))


def _fronted_setting(head: Token, vocab: Vocabulary) -> Token | None:
    """The generic concept noun of an "In a community, ...", "Within networks, ...",
    "For an audience, ..." or "As a community, ..." opening the sentence of a
    present-tense main clause; not one instance ("In our community", "In the team")."""
    prep = next((c for c in head.children if c.dep_ == "prep"
                 and c.lower_ in FRONTED_SETTING_PREPS and _opens(c)), None)
    if prep is None or not main_clause(head) or is_past(head) or is_conditional(head):
        return None
    noun = setting_noun(prep, vocab)
    if noun is None or _gerund(noun) is not None:  # "In building community, ...": an activity
        return None
    return noun


def _own_concept(subject: Token, setting: Token, vocab: Vocabulary) -> str | None:
    """The concept a clause's subject names in its own right under a fronted setting:
    "In a group, members feel ..." speaks of the group's members, so of the group;
    "In a community, members help" of community members."""
    concept = concept_for(subject, vocab, subject=True)
    if concept is None or concept not in vocab.concepts or subject.dep_ == "compound":
        return concept
    found = qualifiers(concept, vocab)
    where = concept_for(setting, vocab, subject=True)
    return None if found and where not in found and (
        not any(c.dep_ in ("compound", "amod", "poss") for c in subject.children)) else concept


def _opens(token: Token) -> bool:
    """Whether ``token`` opens its sentence, after at most a connective ("However, in ...")."""
    before = token.doc[token.sent.start:token.i]
    # "Library as community of ...": a word before "as" is what is set, not a connective
    return (len(before) <= 1 and token.lower_ != "as") or all(
        t.is_punct or t.lower_ in lx.CONNECTIVES for t in before)


def _setting_frame(sent: Span, head: Token, setting: Token, subjects: list[Token],
                   vocab: Vocabulary) -> Frame:
    rest = [t for t in sent if t.i > setting.i]
    while rest and (rest[0].is_punct or rest[0].lower_ in lx.CONNECTIVES):
        rest.pop(0)  # "In a community, however, people ...": the clause after the setting
    while rest and rest[-1].is_punct:
        rest.pop()
    label = span_text(rest[:MAX_LABEL_TOKENS])
    subj = phrase_for(setting, vocab, subject=True)
    negated = is_negated(head, subjects[0] if subjects else setting, None)
    return _frame(sent, head, subj, head.lemma_.lower(), Phrase(label, label.lower(), None),
                  "property", negated, "property-setting", None, False)


def _frame(sent: Span, head: Token, subj: Phrase, predicate: str, obj: Phrase, ctype: str,
           negated: bool, rule: str, cue: Cue | None, question: bool) -> Frame:
    start, end = clause_span(sent, head)
    doc = sent.doc
    if 0 <= subj.head < start and doc[subj.head].dep_ == "dep" and not subj.resolved:
        start = doc[subj.head].i  # "Facebook — sorry, FACEBOOK — isn't ...": its subject
    confidence = 0.85 if cue is not None else (0.75 if rule.startswith("definition") else 0.6)
    if subj.resolved:
        confidence -= 0.1
    if ctype == "property" and obj.concept and subj.concept and obj.concept != subj.concept \
            and predicate in ("be", "become"):
        ctype = "contrast"
    if question:
        ctype = "contrast"
    return Frame(subj, predicate, obj, ctype, negated, is_hedged(head, sent),
                 doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), rule,
                 round(confidence, 2), tree_depth(head))

"""Claim rules: pure functions from a parsed sentence to candidate claims.

Two passes over each sentence:

1. *clauses*: every verb (or copula, or ``=``) that heads a clause with a
   subject yields one candidate per subject; the cue spans found by the
   :mod:`kg.extract.component` matcher decide its type and predicate, and a
   clause with no cue is a ``property`` of its subject;
2. *nominal contrasts*: "the difference between X and Y", "X whereas Y",
   "X rather than Y" link the concepts on either side of the cue.

Nothing here knows about speakers or files: the caller adds those.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract import lexicons as lx
from kg.extract.phrases import Phrase, phrase_for, span_text
from kg.vocab import Vocabulary

__all__ = ["Cue", "Frame", "Context", "sentence_frames", "is_question", "is_rebuttal"]

CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis", "relcl", "acl"})
PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
COMPLEMENT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "ccomp",
                             "dative"})
WH_WORDS = frozenset({"what", "when", "where", "why", "how", "who", "which", "whether"})
TYPE_RANK = {"definition": 0, "contrast": 1, "requirement": 2, "property": 3}
EXISTENTIAL_VERBS = frozenset({"be", "exist", "see", "find", "make", "have", "notice"})
CONTRAST_MARKS = frozenset({"whereas", "while", "whilst"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "though", "although"})
DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
DEFINITE_DETS = frozenset({"the", "this", "that", "my", "your", "our", "their", "his", "her",
                           "its"})
NOMINAL_CONTRASTS = frozenset({"contrast-difference-between", "contrast-whereas",
                               "contrast-rather-than"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched cue: rule id, claim type, predicate, token range."""

    rule: str
    type: str
    predicate: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    """A candidate claim inside one parsed text (offsets relative to that text)."""

    subject: Phrase
    predicate: str
    object: Phrase
    type: str
    negated: bool
    hedged: bool
    start: int
    end: int
    rule: str
    confidence: float
    depth: int = 0


@dataclass
class Context:
    """What the rules remember across the sentences of one utterance."""

    last_subject: Phrase | None = None
    last_sentence: int = -1
    topics: list[str] = field(default_factory=list)
    # concept subjects of recent sentences, for "these groups of people" after a list
    subjects: list[tuple[int, Phrase]] = field(default_factory=list)


def is_question(sent: Span) -> bool:
    """A sentence that asks: ends in ``?`` or opens with a wh-word and an auxiliary."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if sent.text.rstrip().endswith("?"):
        return True
    return (words[0].lower_ in WH_WORDS and len(words) > 1
            and words[1].pos_ == "AUX" and words[1].dep_ != "ROOT")


def is_rebuttal(sent: Span) -> bool:
    """A short sentence that rejects the one before it ("Wrong.", "Not true.")."""
    words = [t.lower_ for t in sent if not t.is_punct and not t.is_space]
    return 0 < len(words) <= 3 and " ".join(words) in lx.REBUTTALS


def _segment(sent: Span, token: Token) -> tuple[int, int]:
    """Token range of the clause-break-delimited piece of ``sent`` holding ``token``."""
    start, end = sent.start, sent.end
    for t in sent:
        if t.text in lx.CLAUSE_BREAKS or _opens_quote(t):
            if t.i < token.i:
                start = t.i + 1
            elif t.i > token.i:
                end = t.i
                break
    while start < end and (sent.doc[start].is_space or sent.doc[start].is_punct
                           and sent.doc[start].text not in "“\"'‘("):
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return start, end


def _opens_quote(token: Token) -> bool:
    """A colon that hands over to a quotation ("X says this: "..."")."""
    return (token.text == ":" and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].text in lx.OPENING_QUOTES)


def _clause_tokens(head: Token) -> list[Token]:
    """The head, its verbal satellites and its xcomp chain (where cues sit)."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt", "prep", "agent", "acomp", "attr",
                          "advmod", "dative", "oprd"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("prep", "pobj", "advmod"))
        elif child.dep_ == "xcomp":
            out.extend(_clause_tokens(child))
    return out


def _nearest_nominal(tokens: Iterator[Token]) -> Token | None:
    for t in tokens:
        if t.text in lx.CLAUSE_BREAKS or t.is_sent_start and t.i:
            return None
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    return None


def _subjects(head: Token) -> list[Token]:
    if head.text in ("=", "=="):
        left = _nearest_nominal(reversed(list(head.doc[head.sent.start:head.i])))
        if left is not None and left.dep_ == "pobj" and left.head.head.lower_ in (
                lx.SUBJECT_WRAPPERS):
            left = left.head.head
        return [left] if left is not None else []
    node, hops = head, 0
    while hops < 4:
        found = [c for c in node.children if c.dep_ in lx.SUBJECT_DEPS]
        if found:
            left = [c for c in found if c.i < node.i]
            subj = left[-1] if left else found[0]
            if subj.lower_ in ("who", "that", "which") and node.dep_ == "relcl":
                subj = node.head
            return [subj, *[c for c in subj.conjuncts if c.pos_ in ("NOUN", "PROPN")]]
        if node.dep_ in ("conj", "xcomp") and node.head != node:
            node, hops = node.head, hops + 1
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
            return [node.head]
        break
    return []


def _stranded_verb(aux: Token) -> bool:
    """A misparse: "communities have layered participation" read as an
    auxiliary with its own subject before a participle adjective."""
    return (aux.lemma_ == "have" and aux.head.dep_ in ("amod", "compound")
            and any(c.dep_ in lx.SUBJECT_DEPS for c in aux.children))


def _object(head: Token, cue: Cue | None) -> Token | None:
    if head.text in ("=", "=="):
        return _nearest_nominal(iter(head.doc[head.i + 1:head.sent.end]))
    if head.dep_ in ("aux", "auxpass"):
        node = head.head
        while node.dep_ in ("amod", "compound") and node.head != node:
            node = node.head
        return node
    if cue is not None:
        last = head.doc[cue.end - 1]
        objs = [c for c in last.children if c.dep_ in PREP_OBJECT_DEPS | {"dobj", "attr"}]
        if objs:
            return objs[0]
    chain = [head]
    chain.extend(c for c in head.children if c.dep_ == "xcomp")
    for node in chain:
        for dep in ("attr", "oprd", "dobj", "acomp"):
            found = [c for c in node.children if c.dep_ == dep]
            if found:
                return found[0]
    for node in chain:
        for child in node.children:
            if child.dep_ in ("prep", "agent"):
                objs = [c for c in child.children if c.dep_ in PREP_OBJECT_DEPS]
                if objs:
                    return objs[0]
    for dep in ("xcomp", "ccomp"):
        found = [c for c in head.children if c.dep_ == dep and c.i > head.i]
        if found:
            return found[0]
    return None


def _negated(head: Token, subj: Token, obj: Token | None) -> bool:
    nodes = [head, *[c for c in head.children if c.dep_ in ("aux", "auxpass", "xcomp")]]
    if head.dep_ == "xcomp":
        nodes.append(head.head)
    for node in nodes:
        if any(c.dep_ == "neg" or c.lower_ in lx.NEGATION_WORDS for c in node.children
               if c.i < (obj.i if obj is not None else head.i + 99)):
            return True
    if subj.lower_ in lx.NEGATIVE_SUBJECTS:
        return True
    # "not all social networks are teams"
    if subj.left_edge.lower_ in ("not", "never") and subj.left_edge.i < subj.i:
        return True
    return any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
               for t in (subj, obj) if t is not None for c in t.children)


def _hedged(head: Token, sent: Span) -> bool:
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in lx.HEDGE_MODALS:
            return True
        if c.dep_ == "advmod" and c.lower_ in lx.HEDGE_ADVERBS:
            return True
    if head.lemma_ in ("seem", "appear"):
        return True
    node = head
    while node.dep_ in ("ccomp", "xcomp", "advcl", "conj") and node.head != node:
        node = node.head
        if node.lemma_ in lx.HEDGE_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ == "i" for c in node.children):
            return True
    return False


def _reported_rebuttal(head: Token) -> bool:
    """``Far too many believe X``: a generic crowd's belief the speaker rejects."""
    node = head
    while node.dep_ in ("ccomp", "conj") and node.head != node:
        node = node.head
        if node.lemma_ in lx.BELIEF_VERBS:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return bool(subj is not None and subj.lower_ in lx.GENERIC_QUANTIFIERS
                        and any(c.lower_ == "too" for c in subj.subtree))
    return False


def _resolve(subj: Token, phrase: Phrase, ctx: Context, sent_index: int) -> Phrase | None:
    lower = subj.lower_
    if lower in lx.PRONOUNS_RESOLVABLE:
        last = ctx.last_subject
        if last is None or ctx.last_sentence < sent_index - 1:
            return None
        return Phrase(last.label, last.lemma, last.concept, subj.i, resolved=True)
    if lower in lx.PRONOUNS_UNRESOLVABLE or subj.pos_ in ("PRON", "DET", "NUM"):
        return None
    return phrase


def _cue_for(head: Token, cues: list[Cue]) -> Cue | None:
    idx = {t.i for t in _clause_tokens(head)}
    found = [c for c in cues if c.rule not in NOMINAL_CONTRASTS
             and any(i in idx for i in range(c.start, c.end))]
    return min(found, key=lambda c: TYPE_RANK[c.type]) if found else None


def _clause_type(head: Token, cue: Cue | None, obj: Token | None) -> tuple[str, str, str]:
    if cue is not None:
        return cue.type, cue.predicate, cue.rule
    copula = head.lemma_ == "be" or head.text in ("=", "==")
    if copula and obj is not None and (obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or (
            obj.dep_ == "ccomp" and obj.left_edge.lower_ in WH_WORDS)):
        return "definition", "be", "definition-copula"
    if copula:
        return "property", "be", "property-copula"
    verb = head.lemma_.lower()
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    return "property", " ".join([verb, *particles]), "property-verb"


def _clause_heads(sent: Span) -> Iterator[Token]:
    for t in sent:
        if t.dep_ in ("aux", "auxpass"):
            if _stranded_verb(t):
                yield t
            continue
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_HEAD_DEPS:
            if t.dep_ == "conj" and not any(c.dep_ in lx.SUBJECT_DEPS for c in t.children):
                continue
            yield t
        elif t.text in ("=", "==") or (t.dep_ == "ROOT" and t.pos_ not in ("VERB", "AUX")):
            yield t


def _depth(token: Token) -> int:
    depth = 0
    while token.head != token and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def _main_clause(head: Token) -> bool:
    """The clause is asserted by the speaker: the root, or coordinated with it."""
    node, hops = (_object(head, None) or head) if head.dep_ == "aux" else head, 0
    while hops < 5 and (node.dep_ in ("conj", "parataxis") or (
            node.dep_ == "ccomp" and node.head.lemma_ in lx.REPORTING_VERBS)):
        node, hops = node.head, hops + 1
    return node.dep_ == "ROOT" or _beyond_break(node)


def _beyond_break(node: Token) -> bool:
    """A clause the parser hung under a governor across a ";" or a dash: it
    stands on its own ("an audience is gathered to listen; a community ...")."""
    lo, hi = sorted((node.i, node.head.i))
    return node.dep_ in ("ccomp", "parataxis", "conj") and any(
        t.text in lx.CLAUSE_BREAKS for t in node.doc[lo + 1:hi])


def _past(head: Token) -> bool:
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in head.children)


def _conditional(head: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in head.children)


def _capitalised_name(token: Token) -> bool:
    """A capitalised word mid-sentence that the tagger took for a common noun
    ("the CMSWire community"): a name, so the phrase is one instance."""
    if token.dep_ != "compound" or token.pos_ != "NOUN" or token.is_upper:
        return False
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return (before is not None and token.text[:1].isupper()
            and not (before.is_punct or before.is_quote))


def _specific(token: Token) -> bool:
    """``the CMSWire community``, ``the audience for this post``: one instance, not the concept."""
    if any(c.dep_ in ("compound", "poss", "nmod", "amod") and (
            c.pos_ == "PROPN" or _capitalised_name(c)) for c in token.lefts):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children)
    return definite and any(c.dep_ in ("prep", "relcl", "acl") for c in token.rights)


def _expand_anaphors(subjects: list[Token], vocab: Vocabulary, ctx: Context,
                     sent_index: int) -> Iterator[tuple[Token, Phrase | None]]:
    """Each subject with its phrase; an anaphoric plural ("these groups of
    people", "those ones") stands for every concept subject of the last two
    sentences ("Customers aren't X. Employees aren't X. These groups ...")."""
    for tok in subjects:
        referents = _anaphor_referents(tok, ctx, sent_index)
        if not referents:
            yield tok, _subject_phrase(tok, vocab, ctx, sent_index)
        for ref in referents:
            yield tok, Phrase(ref.label, ref.lemma, ref.concept, tok.i, resolved=True)


def _anaphor_referents(tok: Token, ctx: Context, sent_index: int) -> list[Phrase]:
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in lx.ANAPHORIC_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("these", "those", "such") for c in tok.children):
        return []
    out: dict[str, Phrase] = {}
    for i, phrase in ctx.subjects:
        if sent_index - 2 <= i < sent_index and phrase.concept:
            out.setdefault(phrase.concept, phrase)
    return list(out.values())


def _subject_phrase(subj_tok: Token, vocab: Vocabulary, ctx: Context,
                    sent_index: int) -> Phrase | None:
    phrase = phrase_for(subj_tok, vocab, subject=True)
    if phrase.concept and (gerund := _gerund(subj_tok)) is not None:
        words = [t.lower_ for t in subj_tok.doc[gerund.i:subj_tok.i]] + [subj_tok.lemma_.lower()]
        return Phrase(phrase.label, " ".join(words), None, phrase.head)
    if phrase.concept and _specific(subj_tok):
        phrase = Phrase(phrase.label, phrase.lemma, None, phrase.head)
    return _resolve(subj_tok, phrase, ctx, sent_index)


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
    if _past(head) or _conditional(head):
        return False
    if obj_tok is not None and not obj.concept and (
            (obj_tok.lower_ in WH_WORDS and obj_tok.i < subj_tok.i)
            or (obj_tok.dep_ == "ccomp" and rule.endswith("copula")
                and obj_tok.left_edge.lower_ not in WH_WORDS)):
        return False
    fallback = rule in ("property-verb", "property-copula")
    if not subj.concept:
        if open_vocab and ctype == "definition" and subj_tok.pos_ in ("NOUN", "PROPN"):
            return _main_clause(head)
        if obj.concept is None or subj_tok.pos_ not in ("NOUN", "VERB"):
            return False
        if not fallback:
            return ctype != "property"
        # "People join communities": what a kind of thing does to the concept itself
        return (_main_clause(head) and obj_tok is not None and _concept_argument(obj_tok, head)
                and not _definite_singular(subj_tok) and subj_tok.tag_ == "NNS")
    if fallback:
        # an intransitive verb with no cue says nothing about what the concept is
        # a pronoun may point anywhere; a noun anaphor ("these groups") is explicit;
        # "the community moved on" tells of one community, not of what communities are
        return (_main_clause(head) and (not subj.resolved or subj_tok.pos_ == "NOUN")
                and _has_complement(head) and not _definite_singular(subj_tok))
    return True


def _concept_argument(obj: Token, head: Token) -> bool:
    """The concept is the verb's own object, or the object of its preposition."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return False
    return obj.head == head and obj.dep_ in ("dobj", "attr") or (
        obj.dep_ == "pobj" and obj.head.head == head)


def _definite_singular(token: Token) -> bool:
    """``the community``, ``your team``: one particular referent."""
    return token.tag_ in ("NN", "NNP") and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS for c in token.children)


def _has_complement(head: Token) -> bool:
    """The verb says something about its subject: an object, a complement, a
    prepositional phrase, or an adjectival passive ("is engaged")."""
    if head.dep_ in ("aux", "auxpass") or any(c.dep_ in COMPLEMENT_DEPS for c in head.children):
        return True
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
        return True
    # "members interact, collaborate, and support each other": a shared subject
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and not any(
        g.dep_ in lx.SUBJECT_DEPS for g in c.children) and _has_complement(c)
        for c in head.children)


def _next_noun(prep: Token) -> Token | None:
    """The noun right after a preposition the parser left without an object
    ("think of teams as ...", where "teams" was read as another clause's subject)."""
    for t in prep.doc[prep.i + 1:prep.sent.end]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("DET", "ADJ", "NUM", "PUNCT"):
            return None
    return None


def _as_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"We tend to think of teams as an activity-driven group": X is (seen as) Y."""
    doc = sent.doc
    for head in sent:
        if head.lemma_ not in lx.AS_VERBS or head.pos_ != "VERB":
            continue
        preps = [c for c in head.children if c.dep_ == "prep"]
        of = next((p for p in preps if p.lower_ == "of"), None)
        x = next((c for c in head.children if c.dep_ == "dobj"), None)
        if x is None and of is not None:
            x = next((c for c in of.children if c.dep_ == "pobj"), None) or _next_noun(of)
        if x is None:
            continue
        as_ = next((p for p in preps if p.lower_ == "as"), None) or next(
            (c for c in x.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        y = next((c for c in as_.children if c.dep_ in ("pobj", "amod", "acomp")), None) \
            if as_ is not None else None
        if y is None and as_ is not None:
            y = next((c for c in x.subtree if c.i > as_.i and c.pos_ in ("NOUN", "ADJ")), None)
        if y is None:
            continue
        subj, obj = phrase_for(x, vocab, subject=True), phrase_for(y, vocab)
        if subj.concept is None and obj.concept is None:
            continue
        ctype = "definition" if y.pos_ in ("NOUN", "PROPN") else "property"
        start, end = _clause_span(sent, head)
        yield Frame(subj, "be", obj, ctype, _negated(head, x, y), True, doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "definition-as", 0.7, 0)


def _existential_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """Existentials about a concept: "there are many kinds of community" (it comes in
    kinds), "there is no community without trust" (it requires trust)."""
    doc = sent.doc
    for expl in (t for t in sent if t.dep_ == "expl" and t.head.lemma_ == "be"):
        verb = expl.head
        noun = next((c for c in verb.children if c.dep_ in ("attr", "nsubj")), None)
        if noun is None or _past(verb):
            continue
        start, end = _clause_span(sent, verb)
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        inner = next((c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for c in p.children if c.dep_ == "pobj"), None)
        without = next((c for p in noun.children if p.dep_ == "prep" and p.lower_ == "without"
                        for c in p.children if c.dep_ == "pobj"), None)
        concept = phrase_for(noun, vocab)
        if inner is not None and noun.lemma_.lower() in lx.PARTITIVES:
            kind = phrase_for(inner, vocab)
            if kind.concept:
                label = span_text([t for t in noun.subtree if t.i < inner.i - 1])
                yield Frame(kind, "come in", Phrase(label, noun.lemma_.lower(), None, noun.i),
                            "property", False, _hedged(verb, sent), *span,
                            "property-existential", 0.7, _depth(verb))
        elif without is not None and concept.concept and any(
                c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS for c in noun.children):
            yield Frame(concept, "require", phrase_for(without, vocab), "requirement", False,
                        _hedged(verb, sent), *span, "requirement-no-without", 0.75,
                        _depth(verb))


def _clause_frames(sent: Span, sent_index: int, cues: list[Cue], vocab: Vocabulary,
                   ctx: Context, question: bool, open_vocab: bool = False) -> Iterator[Frame]:
    yield from _as_frames(sent, vocab)
    yield from _existential_frames(sent, vocab)
    for head in _clause_heads(sent):
        subjects = _subjects(head)
        if not subjects:
            continue
        cue = _cue_for(head, cues)
        obj_tok = _object(head, cue)
        ctype, predicate, rule = _clause_type(head, cue, obj_tok)
        obj = phrase_for(obj_tok, vocab) if obj_tok is not None else Phrase("", "", None)
        if obj.concept and obj_tok is not None and _gerund(obj_tok) is not None:
            obj = Phrase(obj.label, obj.label.lower(), None, obj.head)  # "in building community"
        if head.dep_ == "aux" and obj_tok is not None:
            label = span_text(head.doc[head.i + 1:obj_tok.right_edge.i + 1])
            obj = Phrase(label, obj.lemma, obj.concept, obj.head)
        for subj_tok, subj in _expand_anaphors(subjects, vocab, ctx, sent_index):
            if subj is None:
                if subj_tok.lower_ in lx.NEGATIVE_SUBJECTS and obj.concept:
                    subj, obj_neg = obj, Phrase(subj_tok.text, subj_tok.lower_, None, subj_tok.i)
                    yield _frame(sent, head, subj, predicate, obj_neg, ctype, True,
                                 rule, cue, question)
                continue
            if not subj.resolved and subj.lemma and subj_tok.pos_ in ("NOUN", "PROPN"):
                ctx.last_subject, ctx.last_sentence = subj, sent_index
                if subj.concept:
                    ctx.subjects.append((sent_index, subj))
            if not _keep(head, subj_tok, subj, obj, obj_tok, ctype, rule, open_vocab):
                continue
            negated = _negated(head, subj_tok, obj_tok) or _reported_rebuttal(head)
            yield _frame(sent, head, subj, predicate, obj, ctype, negated, rule, cue, question)


def _frame(sent: Span, head: Token, subj: Phrase, predicate: str, obj: Phrase, ctype: str,
           negated: bool, rule: str, cue: Cue | None, question: bool) -> Frame:
    start, end = _clause_span(sent, head)
    doc = sent.doc
    confidence = 0.85 if cue is not None else (0.75 if rule.startswith("definition") else 0.6)
    if subj.resolved:
        confidence -= 0.1
    if ctype == "property" and obj.concept and subj.concept and obj.concept != subj.concept \
            and predicate in ("be", "become"):
        ctype = "contrast"
    if question:
        ctype = "contrast"
    return Frame(subj, predicate, obj, ctype, negated, _hedged(head, sent),
                 doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), rule,
                 round(confidence, 2), _depth(head))


def _clause_span(sent: Span, head: Token) -> tuple[int, int]:
    """The clause-break piece holding ``head``, cut before and after coordinated
    clauses that have subjects of their own (a sentence that runs on)."""
    seg_start, seg_end = start, end = _segment(sent, head)
    top = head
    if head.dep_ == "advcl" and head.i > head.head.i and any(
            c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in head.children):
        start = max(start, head.left_edge.i)  # "X is Y, whereas communities tend to Z"
    else:
        while top.dep_ in ("ccomp", "xcomp", "advcl") and top.head != top:
            top = top.head  # "I think that X is Y", "X is Y when Z"
    for other in top.children:
        if other.dep_ in ("conj", "parataxis") and other.i > head.i and _has_subject(other):
            cc = [c for c in top.children if c.dep_ == "cc" and head.i < c.i < other.i]
            end = min(end, cc[-1].i if cc else other.left_edge.i)
    if top.dep_ in ("conj", "parataxis"):
        cc = [c for c in top.head.children if c.dep_ == "cc" and c.i < top.i]
        start = max(start, cc[-1].i + 1 if cc else top.left_edge.i)
    while end > start and (sent.doc[end - 1].is_space or sent.doc[end - 1].text in ",&;"):
        end -= 1
    if not start <= head.i < end:
        return seg_start, seg_end
    return start, end


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in lx.SUBJECT_DEPS for c in token.children)


def _concept_heads(tokens: list[Token], vocab: Vocabulary, topic: str | None) -> list[Phrase]:
    out: list[Phrase] = []
    for t in tokens:
        if t.dep_ in ("compound",) or t.is_punct:
            continue
        phrase = phrase_for(t, vocab, label_tokens=4)
        if phrase.concept is None and topic and t.pos_ in ("ADJ", "NOUN", "PROPN"):
            elided = vocab.lookup(f"{t.text} {topic}")
            if elided is not None:
                phrase = Phrase(f"{t.text} {topic}", elided, elided, t.i, resolved=True)
        if phrase.concept is not None and (not out or out[-1].head != t.i):
            out.append(phrase)
    return out


def _nominal_negated(cue: Token) -> bool:
    """"there is no difference", "I wouldn't say there is a difference" deny the
    contrast; "they don't understand the difference" does not."""
    if any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS for c in cue.children):
        return True
    verb = cue if cue.pos_ in ("VERB", "AUX") else next(
        (a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), cue.head)
    if verb.lemma_ not in EXISTENTIAL_VERBS:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "ccomp" and verb.head.lemma_ in lx.REPORTING_VERBS and any(
        c.dep_ == "neg" for c in verb.head.children)


def _side(tokens: list[Token], vocab: Vocabulary, *, last: bool) -> Phrase | None:
    """The noun phrase heading one side of "between X and Y"."""
    words = [t for t in tokens if t.is_alpha and not t.is_stop
             and t.pos_ not in ("ADP", "DET", "PRON", "CCONJ", "AUX")]
    if not words:
        return None
    head = words[-1] if last else words[0]
    if not last:
        while head.i + 1 < len(head.doc) and head.nbor(1) in words and (
                head.dep_ in ("compound", "amod")):
            head = head.nbor(1)
    run = [t for t in words if t.i <= head.i and all(w in words for w in
                                                    head.doc[t.i:head.i + 1])]
    label = span_text(run)
    concept = vocab.lookup(label) or vocab.lookup(head.text) or vocab.lookup(head.lemma_)
    return Phrase(label, label.lower(), concept, head.i)


def _quoted_title(token: Token) -> bool:
    """``the topic was "The Difference between X and Y"``: a title is named, not claimed."""
    before = token.doc[max(token.sent.start, token.i - 3):token.i]
    return (token.i > token.sent.start and token.text[:1].isupper()
            and any(t.text in lx.OPENING_QUOTES for t in before))


def _one_concept_pair(sent: Span, cue: Cue, vocab: Vocabulary) -> list[Phrase]:
    """"the difference between social media and community": the concept is the
    subject, the other side its object."""
    tokens = [t for t in sent if t.i >= cue.end and t.text not in lx.CLAUSE_BREAKS]
    cut = next((k for k, t in enumerate(tokens) if t.lower_ in lx.PAIR_JOINERS), None)
    if cut is None:
        return []
    left = _side(tokens[:cut], vocab, last=True)
    right = _side(tokens[cut + 1:cut + 4], vocab, last=False)
    if left is None or right is None or bool(left.concept) == bool(right.concept):
        return []
    return [left, right] if left.concept else [right, left]


def _nominal_frames(sent: Span, cues: list[Cue], vocab: Vocabulary,
                    ctx: Context) -> Iterator[Frame]:
    topic = ctx.topics[-1] if ctx.topics else None
    for cue in cues:
        if cue.rule not in NOMINAL_CONTRASTS:
            continue
        before = _concept_heads([t for t in sent if t.i < cue.start], vocab, topic)
        after = _concept_heads([t for t in sent if t.i >= cue.end], vocab, topic)
        if cue.rule == "contrast-difference-between":
            distinct = [p for i, p in enumerate(after)
                        if p.concept not in {q.concept for q in after[:i]}]
            pair = distinct[:2] if len(distinct) > 1 else _one_concept_pair(sent, cue, vocab)
        else:
            pair = [*before[-1:], *after[:1]]
        if len(pair) < 2 or pair[0].concept == pair[1].concept:
            continue
        head = sent.doc[cue.start]
        if _quoted_title(head):
            continue
        negated = _nominal_negated(head)
        start, end = _segment(sent, head)
        doc = sent.doc
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        yield Frame(pair[0], cue.predicate, pair[1], "contrast", negated, _hedged(verb, sent),
                    doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue.rule,
                    0.75, _depth(head))


def _question_frames(sent: Span, vocab: Vocabulary, ctx: Context) -> Iterator[Frame]:
    """"When does a network become a community?": the first two concepts, in order."""
    verb = sent.root
    heads = _concept_heads([t for t in sent if t.i > verb.i or t.dep_ != "ROOT"], vocab, None)
    heads = [h for i, h in enumerate(heads) if h.concept not in {x.concept for x in heads[:i]}]
    if len(heads) < 2:
        return
    doc = sent.doc
    start, end = _segment(sent, doc[heads[0].head])
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    predicate = verbs[0].lemma_.lower() if verbs else "be"
    negated = any(t.dep_ == "neg" for t in sent)
    yield Frame(heads[0], predicate, heads[1], "contrast", negated, True,
                doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), "contrast-question",
                0.7, 0)


def _fragment_frames(sent: Span, cues: list[Cue], covered: set[int], vocab: Vocabulary,
                     ctx: Context) -> Iterator[Frame]:
    """Verbless chat fragments ("Ext communities more likely to be driven by passion"):
    a cue no clause explained links the concept before it to the phrase after it."""
    doc = sent.doc
    if sent.root.pos_ in ("VERB", "AUX"):
        return
    for cue in cues:
        if cue.rule in NOMINAL_CONTRASTS or cue.start in covered:
            continue
        before = _concept_heads([t for t in sent if t.i < cue.start], vocab, None)
        after = [t for t in sent if t.i >= cue.end and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not before or not after:
            continue
        # "... in community they = bridges": a nearer nominal is what the cue is about
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[before[-1].head + 1:cue.start]):
            continue
        obj = phrase_for(after[0], vocab)
        start, end = _segment(sent, doc[cue.start])
        yield Frame(before[-1], cue.predicate, obj, cue.type, False, cue.type == "property",
                    doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue.rule,
                    0.6, 1)


def _nominal_definition_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """"the definition of a community member as individuals who ...": X defined as Y."""
    doc = sent.doc
    for t in sent:
        if t.lower_ not in lx.SUBJECT_WRAPPERS or t.pos_ != "NOUN":
            continue
        of = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        as_ = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if of is None or as_ is None:
            continue
        x = next((c for c in of.children if c.dep_ == "pobj"), None)
        y = next((c for c in as_.children if c.dep_ == "pobj"), None)
        if x is None or y is None:
            continue
        subj, obj = phrase_for(x, vocab), phrase_for(y, vocab)
        start, end = _segment(sent, t)
        yield Frame(subj, "be defined as", obj, "definition", False, False, doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "definition-nominal", 0.75, 0)


def sentence_frames(sent: Span, sent_index: int, cues: list[Cue], vocab: Vocabulary,
                    ctx: Context, *, open_vocab: bool = False) -> list[Frame]:
    """Candidate claims of one sentence, one per (clause piece, subject).

    A frame is kept when its subject or object is a vocabulary concept (with
    ``open_vocab``, also any definition of a noun phrase). In a question only
    a link between two concepts is kept, as a contrast.
    """
    question = is_question(sent)
    if question:
        frames = list(_question_frames(sent, vocab, ctx))
    else:
        frames = [*_clause_frames(sent, sent_index, cues, vocab, ctx, question, open_vocab),
                  *_nominal_frames(sent, cues, vocab, ctx),
                  *_nominal_definition_frames(sent, vocab)]
        covered = {i for f in frames for i in range(f.start, f.end)}
        covered = {t.i for t in sent if t.idx in covered}
        frames.extend(_fragment_frames(sent, cues, covered, vocab, ctx))
    kept: dict[tuple[int, str], Frame] = {}
    for f in frames:
        if question and not (f.subject.concept and f.object.concept
                             and f.subject.concept != f.object.concept):
            continue
        if not (f.subject.concept or f.object.concept
                or (open_vocab and f.type == "definition" and f.subject.lemma)):
            continue
        if f.subject.id == f.object.id:
            continue
        key = (f.start, f.subject.id)
        best = kept.get(key)
        if best is None or _rank(f) < _rank(best):
            kept[key] = f
    for t in sent:
        concept = phrase_for(t, vocab, label_tokens=2).concept if t.pos_ == "NOUN" else None
        if concept:
            ctx.topics.append(concept)
    return sorted(kept.values(), key=lambda f: (f.start, f.subject.id))


def _rank(f: Frame) -> tuple[int, int, int]:
    return (f.depth, 0 if f.rule.split("-")[0] != "property" or "verb" not in f.rule else 1,
            TYPE_RANK[f.type])


def sentence_text(sent: Span) -> str:
    """The sentence as written (for logs and tests)."""
    return span_text(sent)

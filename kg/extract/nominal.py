"""Nominal, question and fragment rules: claims that no verb clause carries.

"the difference between X and Y", "X whereas Y", "X rather than Y" link the
concepts on either side of the cue; "When does a network become a community?"
links the two concepts it names; verbless chat fragments link a concept to the
phrase after a cue.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicons as lx
from kg.extract.frames import Context, Cue, Frame
from kg.extract.phrases import Phrase, concept_for, head_lemma, phrase_for, span_text
from kg.extract.syntax import (
    clause_piece,
    clause_span,
    is_hedged,
    is_negated,
    sentence_chars,
    tree_depth,
)
from kg.vocab import Vocabulary

__all__ = [
    "BOUNDARY_WH", "EXISTENTIAL_VERBS", "GLOSSARY_DASHES", "GLOSSARY_MIN_WORDS",
    "GLOSSARY_TERM_TOKENS", "NOMINAL_CONTRASTS", "PAIR_TOPIC_WINDOW", "TOPIC_PREPOSITIONS",
    "coordinated_concepts", "pair_frames", "section_frames",
    "fragment_frames", "glossary_frames", "nominal_definition_frames", "nominal_frames",
    "question_frames",
]

EXISTENTIAL_VERBS = frozenset({"be", "exist", "see", "find", "make", "have", "notice"})
# a glossary term is a few words; its gloss says something
GLOSSARY_TERM_TOKENS = 3
GLOSSARY_MIN_WORDS = 3
SECTION_DEFINITION_MIN_WORDS = 5  # a verbless line under a term heading that defines it
GLOSSARY_DASHES = frozenset({"-", "–", "—"})  # spaced, they separate a term from its gloss
# "a thread on the difference between X and Y": a topic named, not a contrast claimed
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "around", "regarding", "concerning"})
# the wh-words that ask where one concept turns into another
BOUNDARY_WH = frozenset({"when", "whence"})
# how many recent concept mentions "the two" may reach back over
PAIR_TOPIC_WINDOW = 12
# "the difference between X and Y", "Jane differentiates between X and Y": the pair after
BETWEEN_CONTRASTS = frozenset({"contrast-difference-between", "contrast-distinguish-between",
                               "contrast-overlap-between"})
NOMINAL_CONTRASTS = BETWEEN_CONTRASTS | {"contrast-whereas", "contrast-rather-than"}


def _concept_heads(tokens: list[Token], vocab: Vocabulary, topic: str | None) -> list[Phrase]:
    out: list[Phrase] = []
    for t in tokens:
        if t.dep_ in ("compound",) or t.is_punct:
            continue
        phrase = None
        if concept_for(t, vocab) is not None:
            phrase = phrase_for(t, vocab, label_tokens=4)
        elif topic and t.pos_ in ("ADJ", "NOUN", "PROPN"):
            elided = vocab.lookup(f"{t.text} {topic}")
            if elided is not None:
                phrase = Phrase(f"{t.text} {topic}", elided, elided, t.i, resolved=True)
        if phrase is not None and (not out or out[-1].head != t.i):
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
    lemma = " ".join([t.lower_ for t in run[:-1]] + [head_lemma(head)])  # "crowds": crowd
    return Phrase(label, lemma, concept, head.i)


def _examined(cue: Token) -> bool:
    """"Let's look at the difference between X and Y", "got me thinking about the
    differences between X and Y", "the differences ... are listed below", "Here are
    5 key differences between X and Y:": a difference announced as a topic to examine
    is not said to be anything."""
    # "Here are 5 key differences between X and Y:", "The differences between X and Y"
    # over a section: a list announced, or a heading
    if cue.tag_ == "NNS" and cue.lemma_.lower() in lx.DIFFERENCE_NOUNS and (
            cue.dep_ == "ROOT" or cue.head.lemma_ == "be" and any(
            c.lower_ == "here" for c in cue.head.children)):
        return True
    node = cue
    for _ in range(4):  # up through "the question of the difference between ..."
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or node.head is node:
            return False
        below, node = node, node.head
        if node.pos_ == "VERB":
            # "Understanding the difference between X and Y suggests ...": an activity on
            # the difference is the subject; "I love this thread on the difference ..."
            return node.lemma_.lower() in lx.EXAMINING_VERBS or (
                node.tag_ == "VBG" and node.dep_ in ("csubj", "csubjpass")) or (
                below.lower_ in TOPIC_PREPOSITIONS and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in lx.TOPIC_NOUNS
                    for c in node.children))
        # "this thread from Greg on the difference between X and Y": a work's topic
        if node.pos_ == "NOUN" and node.lemma_.lower() in lx.TOPIC_NOUNS:
            return True
    return False


def _quoted_title(token: Token) -> bool:
    """``the topic was "The Difference between X and Y"``: a title is named, not claimed."""
    before = token.doc[max(token.sent.start, token.i - 3):token.i]
    return (token.i > token.sent.start and token.text[:1].isupper()
            and any(t.text in lx.OPENING_QUOTES for t in before))


def _one_concept_pair(sent: Span, cue: Cue, vocab: Vocabulary) -> list[Phrase]:
    """"the difference between social media and community": one side is a concept;
    the side named first is the subject, as written (a contrast runs both ways)."""
    tokens = [t for t in sent if t.i >= cue.end and t.text not in lx.CLAUSE_BREAKS]
    cut = next((k for k, t in enumerate(tokens) if t.lower_ in lx.PAIR_JOINERS), None)
    if cut is None:
        return []
    left = _side(tokens[:cut], vocab, last=True)
    right = _side(tokens[cut + 1:cut + 4], vocab, last=False)
    if left is None or right is None or bool(left.concept) == bool(right.concept):
        return []
    return [left, right]


def nominal_frames(sent: Span, cues: list[Cue], vocab: Vocabulary,
                    ctx: Context) -> Iterator[Frame]:
    """Frames of nominal contrasts: "the difference between X and Y", "X whereas Y"."""
    topic = ctx.topics[-1] if ctx.topics else None
    for cue in cues:
        if cue.rule not in NOMINAL_CONTRASTS:
            continue
        before = _concept_heads([t for t in sent if t.i < cue.start], vocab, topic)
        after = _concept_heads([t for t in sent if t.i >= cue.end], vocab, topic)
        if cue.rule in BETWEEN_CONTRASTS:
            distinct = [p for i, p in enumerate(after)
                        if p.concept not in {q.concept for q in after[:i]}]
            pair = distinct[:2] if len(distinct) > 1 else (
                _one_concept_pair(sent, cue, vocab) or _anaphoric_pair(sent, cue, vocab, ctx))
        elif not before and len(after) > 1 and sent.doc[cue.start].lower_ in lx.FRONTED_CONTRASTS:
            pair = [after[1], after[0]]  # "Unlike a team, a community has no deadline"
        else:
            pair = [*before[-1:], *after[:1]]
        if len(pair) < 2 or pair[0].concept == pair[1].concept:
            continue
        head = sent.doc[cue.start]
        if _quoted_title(head) or _examined(head):
            continue
        negated = _nominal_negated(head)
        start, end = clause_piece(sent, head)
        doc = sent.doc
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        yield Frame(pair[0], cue.predicate, pair[1], "contrast", negated, is_hedged(verb, sent),
                    doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue.rule,
                    0.75, tree_depth(head))


def question_frames(sent: Span, vocab: Vocabulary, ctx: Context) -> Iterator[Frame]:
    """"When does a network become a community?", "When is a community a group?":
    a question about where one concept ends and the other begins links the first two
    concepts, in order. "What is the difference between X and Y?" only asks."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    verb = sent.root
    # "When is a community a group?" asks where one ends; "When and how do these
    # concepts inspire people?" asks about something else
    if not words or not (words[0].lower_ in BOUNDARY_WH and verb.lemma_ == "be" or any(
            t.lemma_ in ("become", "turn") for t in words)):
        return
    heads = _concept_heads([t for t in sent if t.i > verb.i or t.dep_ != "ROOT"], vocab, None)
    heads = [h for i, h in enumerate(heads) if h.concept not in {x.concept for x in heads[:i]}]
    if len(heads) < 2:
        return
    doc = sent.doc
    start, end = clause_piece(sent, doc[heads[0].head])
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    predicate = verbs[0].lemma_.lower() if verbs else "be"
    negated = any(t.dep_ == "neg" for t in sent)
    yield Frame(heads[0], predicate, heads[1], "contrast", negated, True,
                doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), "contrast-question",
                0.7, 0)


def fragment_frames(sent: Span, cues: list[Cue], covered: set[int], vocab: Vocabulary,
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
        prev = doc[cue.start - 1] if cue.start > sent.start else None
        if not before and prev is not None and prev.dep_ == "compound" and (
                cue.start <= prev.head.i < cue.end) and concept_for(prev, vocab):
            before = [phrase_for(prev, vocab)]  # "Community hinges on" read as one noun
        after = [t for t in sent if t.i >= cue.end and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not before or not after:
            continue
        # "... in community they = bridges": a nearer nominal is what the cue is about
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[before[-1].head + 1:cue.start]):
            continue
        obj = phrase_for(after[0], vocab)
        start, end = clause_piece(sent, doc[cue.start])
        yield Frame(before[-1], cue.predicate, obj, cue.type, False, cue.type == "property",
                    doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue.rule,
                    0.6, 1)


def nominal_definition_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
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
        start, end = clause_piece(sent, t)
        yield Frame(subj, "be defined as", obj, "definition", False, False, doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "definition-nominal", 0.75, 0)


def glossary_frames(sent: Span, vocab: Vocabulary) -> Iterator[Frame]:
    """A glossary line, "Audience: people listening to one person": the concept
    named before a colon that opens the sentence is what follows it."""
    colon = next((t for t in sent[:GLOSSARY_TERM_TOKENS + 4] if t.text == ":" or (
        t.text in GLOSSARY_DASHES and t.i > sent.start and t.doc[t.i - 1].whitespace_
        and t.whitespace_)), None)  # "Social Networks - The places you go to ..."
    if colon is None or colon.i == sent.start:
        return
    term = [t for t in sent.doc[sent.start:colon.i] if not t.is_punct]
    rest = [t for t in sent.doc[colon.i + 1:sent.end] if t.is_alpha]
    if not term or len(rest) < GLOSSARY_MIN_WORDS or _title_case(rest):
        return
    # "my def of cmty: people who care": the term is what the wrapper is of
    wrapper = next((k for k, t in enumerate(term[:-2]) if t.lower_ in lx.SUBJECT_WRAPPERS
                    and term[k + 1].lower_ == "of"), None)
    if wrapper is not None:
        term = term[wrapper + 2:]
    term = [t for t in term if t.pos_ not in ("DET", "PRON")] or term
    if len(term) > GLOSSARY_TERM_TOKENS:
        return
    # "Online Communities": a term the vocabulary has, or a kind of one of its concepts
    concept = vocab.lookup(span_text(term)) or concept_for(term[-1], vocab, subject=True)
    doc = sent.doc
    first = next(t for t in doc[colon.i + 1:sent.end] if not t.is_space)
    obj = phrase_for(first.head if first.head.i > colon.i else first, vocab)
    if concept is None:
        # "Working group - a group formed to study a question": another term defined as
        # a concept, when what follows is a noun phrase, not a clause ("Note: groups
        # can ...")
        if obj.concept is None or first.lower_ not in ("a", "an") or (
                term[-1].pos_ != "NOUN") or not _nominal_rest(doc[colon.i + 1:sent.end]):
            return
    # the term's own lemma: "Working group - a group ..." defines a kind of group
    subj = Phrase(span_text(term), " ".join(t.lemma_.lower() for t in term), concept,
                  term[-1].i)
    end = sent.end - 1
    while end > colon.i and doc[end].is_space:
        end -= 1
    yield Frame(subj, "be", Phrase(span_text(doc[colon.i + 1:end + 1]), obj.lemma, obj.concept,
                                   obj.head), "definition", False, False, doc[sent.start].idx,
                doc[end].idx + len(doc[end].text), "definition-glossary", 0.7, 0)


def _nominal_rest(rest: Span) -> bool:
    """Whether the words after a glossary term are a noun phrase ("a group formed to
    study ...", which the parser may hang on the term as a participle), not a clause."""
    roots = [t for t in rest if not t.is_punct and not t.is_space
             and not rest.start <= t.head.i < rest.end or t.head == t]
    return bool(roots) and all(
        t.pos_ == "NOUN" or t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("aux", "auxpass") for c in t.children) for t in roots)


def _title_case(words: list[Token]) -> bool:
    """"Community: Culture and Technology Issues" is a heading, not a definition."""
    return sum(w.text[:1].isupper() for w in words) > len(words) / 2


def pair_frames(sent: Span, vocab: Vocabulary, ctx: Context) -> Iterator[Frame]:
    """"The two are very different things", "they are not the same": a contrast of
    the last two concepts the text named (in the order it named them)."""
    doc = sent.doc
    last_two = _last_two(ctx.topics)
    for verb in sent:
        subj = _be_subject(verb)
        if subj is None:
            continue
        # "they don't mean the same thing": what a pair means, as what it is
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr") or (
            c.dep_ == "dobj" and verb.lemma_ == "mean")]
        words = {t.lemma_.lower() for c in complements for t in (c, *c.children)}
        # "They're not the same thing", "they are different": with nothing to compare
        # them to, "they" are two things, the last two concepts named
        bare = not any(t.dep_ == "prep" for c in complements for t in c.children)
        # "..., the two social models are not the same": a noun counted as a pair
        counted = subj.pos_ == "NOUN" and subj.lemma_.lower() in lx.PAIR_NOUNS and any(
            c.dep_ in ("nummod", "det", "predet") and c.lower_ in lx.PAIR_PRONOUNS
            for c in subj.children)
        pair = _coordinated_pair(subj, vocab) or (
            _earlier_pair(sent, subj, vocab) if subj.lower_ in lx.PLURAL_PRONOUNS else None) or (
            _named_before(sent, subj, vocab) or last_two if counted else None) or (
            last_two if subj.lower_ in lx.PAIR_PRONOUNS else None) or (
            ctx.last_pair if subj.lower_ in lx.PLURAL_PRONOUNS else None) or (
            last_two if subj.lower_ == "they" and bare else None)
        if pair is None:
            continue
        if words & lx.CONTRAST_ADJECTIVES:
            predicate = "differ from"
        elif words & lx.SAMENESS_ADJECTIVES:
            predicate = "be the same as"
        else:
            continue
        start, end = clause_span(sent, verb)
        first, second = (Phrase(vocab.label(c), c, c, subj.i, resolved=True) for c in pair)
        yield Frame(first, predicate, second, "contrast", is_negated(verb, subj, None),
                    is_hedged(verb, sent), doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text), "contrast-pair", 0.65,
                    tree_depth(verb))


def _named_before(sent: Span, subj: Token, vocab: Vocabulary) -> tuple[str, str] | None:
    """The two concepts the sentence names before ``subj``, when it names just two."""
    named: list[str] = []
    for t in sent:
        if t.i >= subj.i:
            break
        if (c := concept_for(t, vocab)) is not None and c not in named and t.pos_ == "NOUN":
            named.append(c)
    return (named[0], named[1]) if len(named) == 2 else None


def _earlier_pair(sent: Span, subj: Token, vocab: Vocabulary) -> tuple[str, str] | None:
    """"X and Y are used interchangeably, but they are not the same": the pair an
    earlier clause of the sentence has as its subject."""
    return next((p for t in sent if t.i < subj.i and t.dep_ in ("nsubj", "nsubjpass")
                 and (p := _coordinated_pair(t, vocab))), None)


def _be_subject(verb: Token) -> Token | None:
    """The subject of a copula, own or shared with the verb it is coordinated with
    ("X and Y are often used together, but are different")."""
    if verb.lemma_ not in ("be", "mean") or verb.dep_ in ("aux", "auxpass"):
        return None
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None or verb.dep_ != "conj":
        return own
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _coordinated_pair(subj: Token, vocab: Vocabulary) -> tuple[str, str] | None:
    """"Audience and community are different", "the words team and group are ...": the
    two concepts a coordinated subject names."""
    nouns = [subj, *subj.conjuncts]
    if subj.lemma_.lower() in lx.TERM_NOUNS:  # "the terms network and community"
        named = [c for c in subj.children if c.dep_ in ("compound", "appos", "nmod")]
        nouns = [t for c in named for t in (c, *c.conjuncts)]
    concepts = coordinated_concepts(nouns, vocab)
    return (concepts[0], concepts[1]) if len(concepts) == 2 else None


def coordinated_concepts(nouns: list[Token], vocab: Vocabulary) -> list[str]:
    """The distinct concepts some coordinated nouns name, in order ("audience and
    community" -> audience, community)."""
    return list(dict.fromkeys(c for t in nouns if (c := concept_for(t, vocab))))


def _anaphoric_pair(sent: Span, cue: Cue, vocab: Vocabulary, ctx: Context) -> list[Phrase]:
    """"there is a distinct difference between them", "the distinction between the two":
    the difference between the last two concepts the text named."""
    doc = sent.doc
    words = [t.lower_ for t in doc[cue.end:min(cue.end + 2, sent.end)]]
    if not words or not (words[0] in lx.PAIR_OBJECT_PRONOUNS or words[0] in (
            "the", "these", "those") and words[1:2] and words[1] in lx.PAIR_PRONOUNS):
        return []
    pair = _last_two(ctx.topics)
    if pair is None:
        return []
    head = doc[cue.end].i
    return [Phrase(vocab.label(c), c, c, head, resolved=True) for c in pair]


def _last_two(topics: list[str]) -> tuple[str, str] | None:
    """The two concepts named last, in the order the window first names them."""
    window = topics[-PAIR_TOPIC_WINDOW:]
    recent: list[str] = []
    for concept in reversed(window):
        if concept not in recent:
            recent.append(concept)
        if len(recent) == 2:
            first, second = sorted(recent, key=window.index)
            return first, second
    return None


def section_frames(sent: Span, sent_index: int, vocab: Vocabulary,
                   ctx: Context) -> Iterator[Frame]:
    """A verbless noun phrase opening a section whose heading names one concept
    ("Project Team" / "A group of people working on a common project ..."): it
    defines that concept."""
    if ctx.section is None or sent_index != 0:
        return
    root = sent.root
    first = next((t for t in sent if not (t.is_punct or t.is_space)), root)
    # "• having shared values"; not "• Sustaining community requires effort", where the
    # -ing clause is the subject of its own verb
    subject_part = first.dep_ in lx.SUBJECT_DEPS or (
        first.dep_ in ("amod", "compound") and first.head.dep_ in lx.SUBJECT_DEPS)
    # ... nor "According to Jane Doe, ...", "Regarding teams, ...": a preposition
    if first.tag_ == "VBG" and not subject_part and first.dep_ != "prep" and not any(
            c.dep_ in lx.SUBJECT_DEPS for c in first.children):
        yield from _trait_item(sent, first, vocab, ctx.section)
        return
    asserted = any(t.pos_ in ("VERB", "AUX") and t.text not in lx.EQUALS and any(
        c.dep_ in lx.SUBJECT_DEPS for c in t.children) for t in sent)
    # "• May have diverse interests", "• Meets weekly": a verb with its subject left out
    if not asserted and first.tag_ in ("MD", "VBZ") and first.dep_ in ("ROOT", "aux"):
        yield from _trait_item(sent, first, vocab, ctx.section)
        return
    # "Large and distributed with many nodes", "Social ties = weak": a table's cells
    # under the concept's heading
    if not asserted and (first.tag_ in ("JJ", "JJR", "JJS") or any(
            t.text in lx.EQUALS for t in sent) and not any(
            concept_for(t, vocab) for t in sent)):
        yield from _trait_item(sent, first, vocab, ctx.section)
        return
    if root.pos_ not in ("NOUN", "PROPN") or any(
            t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj")
            and any(c.dep_ in lx.SUBJECT_DEPS for c in t.children)
            or t.text in lx.EQUALS for t in sent):  # "Groups of people == networks" says its own
        return
    if sum(1 for t in sent if t.is_alpha) < SECTION_DEFINITION_MIN_WORDS:
        return  # "Shared purpose", "Conversation ownership": a label in a list, no definition
    obj = phrase_for(root, vocab)
    if obj.concept == ctx.section:
        return
    subject = Phrase(vocab.label(ctx.section), ctx.section, ctx.section, root.i, resolved=True)
    yield Frame(subject, "be", obj, "definition", False, False, *sentence_chars(sent),
                "definition-section", 0.6, 0)


def _trait_item(sent: Span, first: Token, vocab: Vocabulary, concept: str) -> Iterator[Frame]:
    """A list item that names a trait of the concept the list was introduced for."""
    doc = sent.doc
    start, end = clause_piece(sent, first)
    trait = span_text(doc[start:end])
    subject = Phrase(vocab.label(concept), concept, concept, first.i, resolved=True)
    yield Frame(subject, "have the trait", Phrase(trait, trait.lower(), None, first.i),
                "property", False, False, *sentence_chars(sent), "property-list-item", 0.55, 0)

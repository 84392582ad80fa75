"""Reading the dependency parse: clause heads, subjects, objects, polarity, spans.

Small pure functions over spaCy tokens that know nothing about the vocabulary;
the rule modules (:mod:`kg.extract.clauses`, :mod:`kg.extract.nominal`) build on
them. Dependency-label sets are module constants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicons as lx
from kg.extract.frames import Cue

__all__ = [
    "CLAUSE_HEAD_DEPS", "PREP_OBJECT_DEPS", "COMPLEMENT_DEPS", "WH_WORDS", "CONTRAST_MARKS",
    "CONDITIONAL_MARKS", "DEFINITE_DETS", "is_question", "is_rebuttal", "clause_piece",
    "clause_tokens", "clause_subjects", "clause_object", "is_negated", "is_hedged",
    "reported_rebuttal", "clause_heads", "tree_depth", "main_clause", "is_past",
    "is_conditional", "definite_singular", "next_noun",
    "clause_span", "sentence_chars", "title_case",
]

CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis", "relcl", "acl"})
PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
COMPLEMENT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "ccomp",
                             "dative"})
WH_WORDS = frozenset({"what", "when", "where", "why", "how", "who", "which", "whether"})
CONTRAST_MARKS = frozenset({"whereas", "while", "whilst"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "though", "although"})
TIME_MARKS = frozenset({"when", "whenever", "once", "until", "before", "after"})
# One particular referent. Not "your": advice writing means anyone's ("your members are
# your customers", "your brand is not a community").
DEFINITE_DETS = frozenset({"the", "this", "that", "my", "our", "their", "his", "her", "its"})


def is_question(sent: Span) -> bool:
    """A sentence that asks: ends in ``?`` or opens with a wh-word and an auxiliary."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if sent.text.rstrip().endswith("?"):
        return True
    return (words[0].lower_ in WH_WORDS and len(words) > 1
            and words[1].pos_ == "AUX" and words[1].dep_ != "ROOT")


REBUTTAL_MAX_WORDS = 6  # "They most certainly are not."


def is_rebuttal(sent: Span) -> bool:
    """A short sentence that rejects the one before it ("Wrong.", "Not true.", or an
    elliptical denial: "It is not.", "They aren't.", "They're wrong.")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if 0 < len(words) <= 3 and " ".join(t.lower_ for t in words) in lx.REBUTTALS:
        return True
    # "They are not.", "They most certainly are not.": a pronoun, a bare auxiliary and
    # its negation, with adverbs at most between
    return (3 <= len(words) <= REBUTTAL_MAX_WORDS and words[0].lower_ in lx.PRONOUNS_RESOLVABLE
            and words[-2].lemma_ in ("be", "do")
            and (words[-1].dep_ == "neg" or words[-1].lower_ in lx.REBUTTALS)
            and all(t.pos_ == "ADV" for t in words[1:-2]))


def rebutting_label(text: str) -> bool:
    """Whether a rebutting label opens ``text`` (a sentence as written): "Myth: communities
    run themselves.", "Misconception #2: ..." say the claim after them is false.

    Example:
        >>> rebutting_label("Myth #1: a team is a group."), rebutting_label("Myths abound.")
        (True, False)
    """
    m = DISCOURSE_LABEL.match(text)
    return m is not None and m["label"].casefold() in lx.REBUTTING_LABELS


def mask_discourse_labels(text: str) -> str:
    """``text`` with the discourse labels that open its lines ("Myth 2:", "Reality:",
    "Tip:") blanked out, for the parser: the label is no part of the clause after it,
    and the small model parses "Myth 2: X are Y" as a noun phrase. Length is kept.

    Example:
        >>> mask_discourse_labels("Myth 2: Teams are small.")
        '        Teams are small.'
        >>> mask_discourse_labels("Team: a group.")
        'Team: a group.'
    """
    if ":" not in text:
        return text
    return DISCOURSE_LABEL.sub(lambda m: m["lead"] + " " * (len(m.group()) - len(m["lead"])),
                               text)


DISCOURSE_LABEL = re.compile(
    r"(?m)^(?P<lead>[ \t]*)(?P<label>(?i:" + "|".join(sorted(lx.DISCOURSE_LABELS)) + r"))"
    r"(?:\s*#?\d{1,3})?\s*:(?=[ \t]+\S)")


def sentence_chars(sent: Span) -> tuple[int, int]:
    """Character range of ``sent`` without its closing punctuation and space."""
    doc, end = sent.doc, sent.end - 1
    while end > sent.start and (doc[end].is_space or doc[end].is_punct):
        end -= 1
    return doc[sent.start].idx, doc[end].idx + len(doc[end].text)


def title_case(sent: Span) -> bool:
    """Whether ``sent`` is a headline in Title Case, where a capital marks no name.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> title_case(nlp("Brand Communities Aren't Really Communities")[:])
        True
        >>> title_case(nlp("Brand communities at Acme are real communities")[:])
        False
    """
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def clause_piece(sent: Span, token: Token) -> tuple[int, int]:
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
    """A colon between two clauses: it hands over to a quotation ("X says this:
    "...""), or both sides have a finite verb ("the two differ: an audience is
    gathered to listen"). "My def of community: a group of people" is one clause."""
    if token.text != ":" or token.i + 1 >= len(token.doc):
        return False
    if token.doc[token.i + 1].text in lx.OPENING_QUOTES:
        return True
    sent = token.sent
    return _finite(sent.doc[sent.start:token.i]) and _finite(sent.doc[token.i + 1:sent.end])


def _finite(tokens: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and _has_subject(t) for t in tokens)


def clause_tokens(head: Token) -> list[Token]:
    """The head, its verbal satellites and its xcomp chain (where cues sit)."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt", "prep", "agent", "acomp", "attr",
                          "advmod", "dative", "oprd"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("prep", "pobj", "advmod"))
        elif child.dep_ == "xcomp":
            out.extend(clause_tokens(child))
    return out


def _nearest_nominal(tokens: Iterator[Token]) -> Token | None:
    for t in tokens:
        if t.text in lx.CLAUSE_BREAKS or t.is_sent_start and t.i:
            return None
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    return None


def clause_subjects(head: Token) -> list[Token]:
    """The subjects of a clause head (and their conjuncts), climbing coordinated and
    open-complement verbs; the left neighbour for ``=``."""
    if head.text in lx.EQUALS:
        left = _nearest_nominal(reversed(list(head.doc[head.sent.start:head.i])))
        # "my def of community = ...", "Groups of people == ...": the noun the of-phrase
        # hangs on is the subject (a wrapper then looks through to its object)
        if left is not None and left.dep_ == "pobj" and left.head.lower_ == "of" and (
                left.head.head.pos_ in ("NOUN", "PROPN")):
            left = left.head.head
        return [left] if left is not None else []
    node, hops = head, 0
    while hops < 4:
        found = [c for c in node.children if c.dep_ in lx.SUBJECT_DEPS] or [
            g for c in node.children if c.dep_ in ("aux", "auxpass") and c.i < node.i
            for g in c.children if g.dep_ in lx.SUBJECT_DEPS]  # a subject hung on the auxiliary
        # "Btw, community is": the marker is no subject; the noun set beside it is
        found = [next((a for a in c.children if a.dep_ == "appos"), None)
                 if c.lower_ in lx.DISCOURSE_MARKERS else c for c in found]
        found = [c for c in found if c is not None]
        # "Facebook — sorry, FACEBOOK — isn't a community": an interrupted subject the
        # parser left unattached ("dep"), opening the sentence before the verb
        if not found and hops == 0 and node.pos_ in ("VERB", "AUX"):
            found = [c for c in node.children if c.dep_ == "dep" and c.i == c.sent.start
                     and c.pos_ in ("NOUN", "PROPN") and c.i < node.i]
        # "Communities, Smith argues in her book, are built on ...": the parenthetical's
        # verb took the clause's subject as a second subject of its own
        if not found and hops == 0 and node.dep_ == "ccomp" and node.head.i < node.i:
            pair = [c for c in node.head.children if c.dep_ == "nsubj" and c.i < node.head.i]
            if len(pair) == 2 and any(t.text == "," for t in node.doc[pair[0].i:pair[1].i]):
                found = [pair[0]]
        # "..., communities form naturally": a plural the parser hung on its verb as a
        # compound, right before the verb that agrees with it
        if not found and hops == 0 and node.tag_ == "VBP":
            found = [c for c in node.children if c.dep_ == "compound" and c.i == node.i - 1
                     and c.tag_ == "NNS"]
        # "Calling an audience a community is wrong": the gerund is the subject, and the
        # noun after its object is the object's predicate, not the copula's subject
        gerund = next((c for c in node.children if c.dep_ == "csubj"
                       and any(g.dep_ == "dobj" for g in c.children)), None)
        if gerund is not None and any(c.i > gerund.i for c in found):
            return []  # ("learning communities thrive": a modifier the parser took for one)
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


def clause_object(head: Token, cue: Cue | None) -> Token | None:
    """What the clause says its subject is or does: the cue's object, else a
    complement, a prepositional object, or a clausal complement."""
    if head.text in lx.EQUALS:
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
            # "Blogs are themselves not communities": the intensifier is no object
            found = [c for c in node.children if c.dep_ == dep and c.lower_ not in lx.REFLEXIVES]
            if found:
                return found[0]
    for node in chain:
        for child in node.children:
            # "unlike a team": the contrasted concept is not what the verb is about
            # ... nor is a fronted "In the digital age, ..."
            if child.dep_ in ("prep", "agent") and child.lower_ not in lx.FRONTED_CONTRASTS \
                    and child.i > node.i:
                objs = [c for c in child.children if c.dep_ in PREP_OBJECT_DEPS]
                if objs:
                    return objs[0]
    for dep in ("xcomp", "ccomp"):
        found = [c for c in head.children if c.dep_ == dep and c.i > head.i]
        if found:
            return found[0]
    return _when_clause(head)


def _when_clause(head: Token) -> Token | None:
    """"A community is when the chairs face each other": the clause is the definition."""
    if head.lemma_ != "be":
        return None
    return next((c for c in head.children if c.dep_ == "advcl" and c.i > head.i and any(
        g.lower_ in ("when", "where") and g.dep_ in ("advmod", "mark") for g in c.children)),
        None)


def is_negated(head: Token, subj: Token, obj: Token | None) -> bool:
    """Whether the clause denies: a negated verb or auxiliary, a negative subject
    ("nobody"), "not all X", a negative determiner ("no shared purpose") or a
    denied complement ("members are no different from customers")."""
    nodes = [head, *[c for c in head.children
                     if c.dep_ in ("aux", "auxpass", "xcomp", "acomp")]]
    if obj is not None and any(c.dep_ == "neg" and c.i < obj.i for c in obj.children):
        return True  # "... are themselves not communities"
    if head.dep_ == "xcomp":
        nodes.append(head.head)
    for node in nodes:
        if any(c.dep_ == "neg" or c.lower_ in lx.NEGATION_WORDS for c in node.children
               if c.i < (obj.i if obj is not None else head.i + 99)):
            return True
    if subj.lower_ in lx.NEGATIVE_SUBJECTS or _denied_belief(head):
        return True
    # "Community != audience", "team ≠ group"
    if head.text == "≠" or head.text in ("=", "==") and head.i > 0 and head.nbor(-1).text == "!":
        return True
    # "not all social networks are teams"
    if subj.left_edge.lower_ in ("not", "never") and subj.left_edge.i < subj.i:
        return True
    # "Neither customers nor employees are ...": the second is denied with the first
    first = subj
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first is not subj and any(c.lower_ == "neither" for c in first.children):
        return True
    # "Proximity no longer binds communities"
    if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(
            g.lower_ == "no" for g in c.children) for c in head.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in lx.NEGATION_DETS
               for t in (subj, obj) if t is not None for c in t.children)


def _denied_belief(head: Token) -> bool:
    """"I don't think an audience is a community": the speaker's negated belief
    denies the clause it governs (the negation is raised to the belief verb); so
    does a denied implication ("This doesn't mean that members are worth less")."""
    node, hops = head, 0
    while node.dep_ in ("ccomp", "conj") and hops < 3:
        node, hops = node.head, hops + 1
        if not any(c.dep_ == "neg" for c in node.children):
            continue
        subjects = {c.lower_ for c in node.children if c.dep_ == "nsubj"}
        if node.lemma_ in lx.BELIEF_VERBS and subjects & {"i", "we"} or (
                node.lemma_ in lx.IMPLICATION_VERBS and subjects & lx.ANAPHORIC_SUBJECTS):
            return True
    return False


def is_hedged(head: Token, sent: Span) -> bool:
    """Whether the speaker hedges: a modal, a hedge adverb, "seem", or an "I think"
    that governs the clause."""
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in lx.HEDGE_MODALS:
            return True
        if c.dep_ == "advmod" and c.lower_ in lx.HEDGE_ADVERBS:
            return True
    if head.lemma_ in ("seem", "appear") or any(t.lower_ in lx.CHAT_HEDGES for t in sent):
        return True
    if _like_clause(head):  # "it seems like X is Y"
        return True
    # "Twitter feels like a community": an impression, not a definition outright
    if head.lemma_ in ("feel", "look", "sound") and any(
            c.dep_ == "prep" and c.lower_ == "like" for c in head.children):
        return True
    node = head
    while node.dep_ in ("ccomp", "xcomp", "advcl", "conj") and node.head != node:
        node = node.head
        if node.lemma_ in lx.HEDGE_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ == "i" for c in node.children):
            return True
    return False


def reported_rebuttal(head: Token) -> bool:
    """``Far too many believe X``: a generic crowd's belief the speaker rejects."""
    node = head
    while node.dep_ in ("ccomp", "conj") and node.head != node:
        node = node.head
        if node.lemma_ in lx.BELIEF_VERBS:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return bool(subj is not None and subj.lower_ in lx.GENERIC_QUANTIFIERS
                        and any(c.lower_ == "too" for c in subj.subtree))
    return False


def _bare_modal(token: Token) -> bool:
    """"Not every business can or should be a community": the modal heads the clause
    in the parse, but the verb after "or should" carries it."""
    return token.tag_ == "MD" and not any(c.dep_ in COMPLEMENT_DEPS for c in token.children)


def _denied_conjunct(verb: Token) -> bool:
    """A coordinated verb that shares the subject but flips the polarity: "X is a
    specific thing and shouldn't be mistaken for Y" makes two claims."""
    def denied(t: Token) -> bool:  # "n't X", "have no X"
        return any(c.dep_ == "neg" or c.dep_ in ("dobj", "attr") and any(
            g.dep_ == "det" and g.lower_ in lx.NEGATION_DETS for g in c.children)
            for c in t.children)
    # "engaged in, not informed of change" has no auxiliary: a contrast inside one claim
    return (verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and not _has_subject(verb)
            and denied(verb) and not denied(verb.head)
            and any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def clause_heads(sent: Span) -> Iterator[Token]:
    """Verbs, copulas and ``=`` that head clauses of ``sent`` (and a nominal root)."""
    for t in sent:
        if t.dep_ in ("aux", "auxpass"):
            if _stranded_verb(t):
                yield t
            continue
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_HEAD_DEPS:
            if t.dep_ == "conj" and not _has_subject(t) and not _denied_conjunct(t) and (
                    not _bare_modal(t.head)):
                continue
            yield t
        elif t.pos_ in ("VERB", "AUX") and _like_clause(t):
            yield t
        elif t.text in lx.EQUALS or (t.dep_ == "ROOT" and t.pos_ not in ("VERB", "AUX")):
            yield t


def _like_clause(verb: Token) -> bool:
    """"It seems like community has become a buzzword": a clause the parser hangs
    under "like" after a verb of seeming."""
    return (verb.dep_ == "pcomp" and verb.head.lower_ == "like"
            and verb.head.head.lemma_ in lx.SEEM_VERBS and _has_subject(verb))


def tree_depth(token: Token) -> int:
    """How far ``token`` sits below its sentence root (shallower frames win)."""
    depth = 0
    while token.head != token and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def main_clause(head: Token) -> bool:
    """The clause is asserted by the speaker: the root, or coordinated with it."""
    node, hops = (clause_object(head, None) or head) if head.dep_ == "aux" else head, 0
    if _like_clause(node):
        node = node.head.head  # "it seems like X": asserted, hedged
    while hops < 5 and (node.dep_ in ("conj", "parataxis") or _comma_splice(node)
                        or _contrast_clause(node) or _after_colon(node)
                        or _reporting_participle(node) or (
            node.dep_ == "ccomp" and (node.head.lemma_ in lx.REPORTING_VERBS
                                      or _asserting_copula(node.head)
                                      or _evidence(node.head) or _why_clause(node)))):
        node, hops = node.head, hops + 1
    return node.dep_ == "ROOT" or _beyond_break(node)


def _evidence(verb: Token) -> bool:
    """"Research shows that ...", "It turns out that ...": a present-tense verb of
    evidence asserts its clause ("turn" only with "out")."""
    if verb.lemma_ not in lx.EVIDENCE_VERBS or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return verb.lemma_ != "turn" or any(c.dep_ == "prt" and c.lower_ == "out"
                                        for c in verb.children)


def _contrast_clause(clause: Token) -> bool:
    """"..., whereas a community is many-to-many": asserted as much as the main clause."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def _comma_splice(clause: Token) -> bool:
    """"a team has a boss, a community has a host": a clause the parser made the
    complement of the next one, though only a comma joins them."""
    if clause.dep_ not in ("ccomp", "advcl") or clause.i > clause.head.i or clause.head.lemma_ in (
            lx.REPORTING_VERBS) or any(c.dep_ == "mark" for c in clause.children):
        return False
    after = clause.right_edge.i + 1
    return _has_subject(clause) and after < len(clause.doc) and clause.doc[after].text == ","



def _asserting_copula(verb: Token) -> bool:
    """"The difference is that teams have managers": the that-clause is the claim."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lx.ASSERTING_NOUNS for c in verb.children)


def _reporting_participle(clause: Token) -> bool:
    """"Hill agreed, adding that networks ...": a reporting participle adds what its
    governing clause's subject says."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and (
        clause.lemma_ in lx.REPORTING_VERBS) and not _has_subject(clause)


def _after_colon(clause: Token) -> bool:
    """"The biggest lesson: communities grow when ...": a clause with its own subject
    that a colon hands over from a noun (the parser hangs it on the noun)."""
    return clause.dep_ in ("acl", "appos") and clause.head.i < clause.i and clause.head.pos_ in (
        "NOUN", "PROPN") and _has_subject(clause) and any(
        t.text == ":" for t in clause.doc[clause.head.i + 1:clause.left_edge.i])


def _why_clause(clause: Token) -> bool:
    """"This is why communities are hard to build": the reason clause is asserted."""
    return clause.head.lemma_ == "be" and any(
        c.dep_ == "advmod" and c.lower_ == "why" and c.i < clause.i for c in clause.children
    ) and any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it", "which")
              for c in clause.head.children)


def _beyond_break(node: Token) -> bool:
    """A clause the parser hung under a governor across a ";" or a dash: it
    stands on its own ("an audience is gathered to listen; a community ...")."""
    lo, hi = sorted((node.i, node.head.i))
    return node.dep_ in ("ccomp", "parataxis", "conj") and any(
        t.text in lx.CLAUSE_BREAKS for t in node.doc[lo + 1:hi])


def is_past(head: Token) -> bool:
    """A past-tense clause (a report of what was, not what a concept is)."""
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in head.children)


def recent_event(head: Token) -> bool:
    """"Over the last few years communities have popped up everywhere": a present
    perfect event dated by a time phrase tells what happened, not what a concept is."""
    if head.tag_ != "VBN" or head.lemma_ == "be" or not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
        return False
    return any(c.lower_ in lx.RECENT_ADVERBS or (c.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in lx.TIME_NOUNS for g in c.children))
        for c in head.children)


def is_conditional(head: Token) -> bool:
    """A clause under "if", "unless", "though" (or coordinated inside one: "even if X
    isn't Y, but it's Z"): not asserted."""
    node, hops = head, 0
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        # "When networks form, they help people connect": the time clause is background
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS
                                        and c.i < node.i for c in node.children):
            return True
        if node.dep_ != "conj" or hops >= 4:
            return False
        node, hops = node.head, hops + 1


def definite_singular(token: Token) -> bool:
    """``the community``, ``our team``: one particular referent (``the purpose of a
    community`` is about any community)."""
    if token.lower_ in lx.SUBJECT_WRAPPERS:
        inner = next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for c in p.children if c.dep_ == "pobj"), None)
        if inner is not None:
            return definite_singular(inner)
    return token.tag_ in ("NN", "NNP") and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS for c in token.children)


def next_noun(prep: Token) -> Token | None:
    """The noun right after a preposition the parser left without an object
    ("think of teams as ...", where "teams" was read as another clause's subject)."""
    for t in prep.doc[prep.i + 1:prep.sent.end]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("DET", "ADJ", "NUM", "PUNCT"):
            return None
    return None


def clause_span(sent: Span, head: Token) -> tuple[int, int]:
    """The clause-break piece holding ``head``, cut before and after coordinated
    clauses that have subjects of their own (a sentence that runs on)."""
    seg_start, seg_end = start, end = clause_piece(sent, head)
    top, path = head, [head]
    if head.dep_ == "advcl" and head.i > head.head.i and any(
            c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in head.children):
        start = max(start, head.left_edge.i)  # "X is Y, whereas communities tend to Z"
    elif _comma_splice(head):
        end = min(end, head.right_edge.i + 1)
    else:
        while top.dep_ in ("ccomp", "xcomp", "advcl") and top.head != top:
            top = top.head  # "I think that X is Y", "X is Y when Z"
            path.append(top)
    spliced = [c for c in top.children if _comma_splice(c) and c.i < head.i]
    if spliced and head not in spliced:
        start = max(start, spliced[-1].right_edge.i + 2)
    for node in path:
        for other in node.children:
            if (other.dep_ in ("conj", "parataxis") or _contrast_clause(other)) and (
                    other.i > head.i) and (_has_subject(other) or _denied_conjunct(other)):
                cc = [c for c in node.children if c.dep_ == "cc" and head.i < c.i < other.i]
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

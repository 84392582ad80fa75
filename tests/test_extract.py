"""Claim rules: every cue rule matches one sentence and not another; the
clause rules give the subject, type, negation and hedging a reader would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import EXTRACTOR_VERSION, extract_document
from kg.extract.component import CUES_KEY, DEFAULT_RULES, add_cue_matcher, load_rules
from kg.extract.document import _cues
from kg.extract.phrases import phrase_for
from kg.extract.rules import Context, is_question, is_rebuttal, sentence_frames
from kg.records import Block, Document
from kg.vocab import load_vocabulary

# rule id -> (a sentence it must match, a sentence it must not match)
CUE_CASES = {
    "definition-copula-equals": ("My def of community = a group of people.",
                                 "Communities are groups of people."),
    "requirement-dependent-on": ("Membership is dependent on expertise.",
                                 "Membership is independent."),
    "definition-mean": ("Community means belonging.", "Community is belonging."),
    "definition-consist-of": ("A team consists of five people.", "A team has five people."),
    "definition-comprise": ("The network comprises many groups.", "The network has many groups."),
    "definition-made-up-of": ("A community is made up of members.",
                              "A community is made by members."),
    "definition-defined-as": ("A team is defined as a unit.", "A team is defined."),
    "definition-like": ("Twitter feels like a community.", "Twitter feels good."),
    "definition-refer-to": ("Community refers to people.", "Community prefers people."),
    "definition-used-for": ("Group is most often used for a small number of people.",
                            "Group chats are useful for planning."),
    "contrast-differ": ("Teams differ from communities.", "Teams are like communities."),
    "contrast-difference-between": ("the distinctions this piece makes between teams and groups",
                                    "the difference of opinion between us"),
    "contrast-overlap-between": ("There is a lot of overlap between audiences and communities.",
                                 "Our teams overlap a lot."),
    "contrast-distinguish-between": ("Jane distinguishes between teams and communities.",
                                     "Distinguishing between teams and communities helps."),
    "contrast-same-as": ("Teams are not the same as communities.",
                         "Teams are the same."),
    "contrast-different-from": ("An audience is different from a community.",
                                "An audience is different."),
    "contrast-become": ("When does a network become a community?",
                        "When does a network grow?"),
    "contrast-whereas": ("Teams finish, whereas communities persist.",
                         "Teams finish and communities persist."),
    "contrast-rather-than": ("It is a community rather than a team.",
                             "It is a community rather."),
    "property-tend-to": ("Communities tend to last.", "Communities last."),
    "property-likely-to": ("Communities are likely to last.", "Communities are likely."),
    "property-driven-by": ("Communities are driven by passion.",
                           "Communities drive passion."),
    "property-focus-on": ("Communities focus on relationships.",
                          "Communities need focus."),
    "property-should": ("A community should facilitate itself.",
                        "A community can facilitate itself."),
    "property-successful-when": ("Communities are successful when they grow.",
                                 "Communities are successful."),
    "requirement-depend-on": ("Communities depend on trust.", "Communities trust others."),
    "requirement-require": ("Community requires trust.", "Community gives trust."),
    "requirement-fostered-by": ("They are fostered by relationships.",
                                "They foster relationships."),
    "requirement-critical-for": ("Trust is essential to community.", "Trust is essential."),
}


@pytest.fixture(scope="module")
def cue_nlp(nlp):
    return add_cue_matcher(nlp)


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_every_rule_has_a_case():
    assert {r.id for r in load_rules()} == set(CUE_CASES)


def test_rule_file_is_valid_jsonl():
    lines = [json.loads(x) for x in DEFAULT_RULES.read_text().splitlines() if x.strip()]
    assert len(lines) == len(CUE_CASES)


def test_bad_rule_file_names_line(tmp_path):
    bad = tmp_path / "r.jsonl"
    bad.write_text('{"id": "x", "type": "opinion", "predicate": "p", "pattern": []}\n')
    with pytest.raises(ValueError, match=r"r.jsonl:1: type 'opinion'"):
        load_rules(bad)


@pytest.mark.parametrize("rule", sorted(CUE_CASES))
def test_cue_rule_matches_and_does_not(cue_nlp, rule):
    good, bad = (cue_nlp(text) for text in CUE_CASES[rule])
    assert rule in {s.label_ for s in good.spans[CUES_KEY]}
    assert rule not in {s.label_ for s in bad.spans[CUES_KEY]}


def frames(cue_nlp, vocab, text):
    doc = cue_nlp(text)
    rules = cue_nlp.get_pipe("kg_claims").rules
    cues = _cues(doc, rules)
    ctx = Context()
    out = []
    for i, sent in enumerate(doc.sents):
        sent_cues = [c for c in cues if sent.start <= c.start < sent.end]
        out.extend(sentence_frames(sent, i, sent_cues, vocab, ctx))
    return [(f.subject.id, f.type, f.negated, f.object.concept) for f in out]


@pytest.mark.parametrize(("text", "expected"), [
    ("Teams and communities are social networks.",
     [("community", "definition", False, "network"), ("team", "definition", False, "network")]),
    ("Hashtags aren't communities.", [("hashtag", "definition", True, "community")]),
    # a negative adverb of frequency or degree denies; "often" does not
    ("A personal network is rarely a community.", [("network", "definition", True, "community")]),
    ("A mailing list is hardly a team.", [("mailing list", "definition", True, "team")]),
    ("A personal network is often a community.",
     [("network", "definition", False, "community")]),
    # the pronoun of what the copula says stands for the subject's "about" noun
    ("The thing about communities is that they need trust.",
     [("community", "requirement", False, None)]),
    ("The thing about communities is that it needs trust.", []),
    # a determiner makes the -ing form a noun; without one the phrase is the subject
    ("A following is not a community.", [("following", "definition", True, "community")]),
    ("Following people is not a community.",
     [("following people", "definition", True, "community")]),
    # a kind of community is the concept; "ext" names the narrower concept
    ("Customer communities are groups of customers.",
     [("community", "definition", False, "group")]),
    ("Ext communities are groups of fans.", [("external community", "definition", False, "group")]),
    ("Customers aren’t a community.", [("customer", "definition", True, "community")]),
    ("Communities depend on more than connection. They are fostered by relationships.",
     [("community", "requirement", False, None), ("community", "requirement", False, None)]),
    # a pronoun after a sentence that named one concept in another role: only when it
    # defines the concept as a kind of thing
    ("We built a community last year. It is a group of people who share a goal.",
     [("community", "definition", False, "group")]),
    ("We built a community last year. It is hard work.", []),
    ("We built a community and a team. It is a group of people who share a goal.", []),
    ("teams are not the same as communities.", [("team", "contrast", True, "community")]),
    ("My current def of community = a group of people with shared values.",
     [("community", "definition", False, "group")]),
    ("When does a network become a community?", [("network", "contrast", False, "community")]),
    ("Far too many believe community consists of the people who like your page.",
     [("community", "definition", True, None)]),
    ("Most think that #communities are conflict-free.", [("community", "property", False, None)]),
    ("Ext communities more likely to be driven by passion.",
     [("external community", "property", False, None)]),
    ("We tend to think of teams as an activity-driven group structure.",
     [("team", "definition", False, None)]),
    # the definer of "define X as Y" makes no claim; a reflexive X is the definer itself
    ("Behavioral scientists define a group as two or more people who interact.",
     [("group", "definition", False, None)]),
    ("Associations often describe themselves as communities.",
     [("association", "definition", False, "community")]),
    ("If it thinks of itself as a community, it is one.", []),
    # what someone once did is no claim; a past definition still defines
    ("At my last job, the company treated its customers as a community.", []),
    ("Many firms treat their customers as a community.",
     [("customer", "definition", False, "community")]),
    ("In 1998, Wenger described a team as a group.", [("team", "definition", False, "group")]),
    ("It helps to think of it as a community.", []),  # a pronoun X has no referent here
    # a discourse marker the parser took for the subject
    ("Teams are groups. Btw, community is currently the buzzword.",
     [("team", "definition", False, "group"), ("community", "definition", False, None)]),
    # a verb that tells one from the other contrasts them
    ("What distinguishes a community from an audience is participation.",
     [("community", "contrast", False, "audience")]),
    ("Teams are set apart from groups by their goals.", [("team", "contrast", False, "group")]),
    ("Nothing separates customers from the brand.", [("customer", "contrast", True, None)]),
    ("We set the community site up from scratch.", []),
    ("That is what makes a community different from an audience.",
     [("community", "contrast", False, "audience")]),
    ("Trust makes the work different from play.", []),
    # a dummy "it" before a view's that-clause has no referent
    ("We love communities. It is a common belief that projects succeed with them.", []),
    ("A community is a place. It is a place that feels safe.",
     [("community", "definition", False, None), ("community", "definition", False, None)]),
    # what a word stands for, even when it is narrowed to a kind of itself
    ("When we talk about community here, we mean the community of contributors.",
     [("community", "definition", False, "community")]),
    ("When we say community, we refer to many people.",
     [("community", "definition", False, None)]),
    ("By community, I mean a group of people who care.",
     [("community", "definition", False, "group")]),
    # gapping: the second subject shares the first one's copula
    ("I would say that an audience is passive and a community more active.",
     [("audience", "property", False, None), ("community", "property", False, None)]),
    # a coordinated pair said to differ is one contrast
    ("Audience and community are completely different.",
     [("audience", "contrast", False, "community")]),
    ("The words team and group are often used together, but are not the same.",
     [("team", "contrast", True, "group")]),
    # a kind of thing said to make up the concept
    ("Comments do not make community.", [("comment", "property", True, "community")]),
    ("Shared goals build teams.", [("goal", "property", False, "team")]),
    ("Proximity no longer binds communities.", [("proximity", "property", True, "community")]),
    # a clause reported by "suggest", "explain" is the reporter's claim
    ("Someone suggests comments do not make community.",
     [("comment", "property", True, "community")]),
    # a vocabulary term in capitals is the concept; a capitalised name before one is not
    ("Internal Communities are groups of employees.",
     [("internal community", "definition", False, "group")]),
    ("The Acme Community is a group of fans.", [("acme community", "definition", False, "group")]),
    ("We think of communities and networks as two aspects of structure.",
     [("community", "definition", False, None), ("network", "definition", False, None)]),
    ("Nobody owns a community.", [("community", "property", True, None)]),
    ("Not all social networks are teams.", [("network", "definition", True, "team")]),
    # a misparse ("have" as an auxiliary of "layered") still gives the clause
    ("Successful communities have layered participation.",
     [("community", "property", False, None)]),
    # "these groups of people" stands for both subjects named just before
    ("Customers aren't a community. Employees aren't a community. "
     "These groups of people have no shared purpose.",
     [("customer", "definition", True, "community"), ("employee", "definition", True, "community"),
      ("customer", "property", True, None), ("employee", "property", True, None)]),
    ("Communities are built on ties. Such groups thrive on trust.",
     [("community", "requirement", False, None), ("community", "requirement", False, None)]),
    ("Communities are built on ties. Large groups thrive on trust.",
     [("community", "requirement", False, None), ("group", "requirement", False, None)]),
    # the gerund phrase, not the concept, is the subject; its object is the concept
    ("Forcing community is the opposite of community.", []),
    ("Growing communities need support.", [("community", "requirement", False, None)]),
    # one side of "the difference between" is a concept: the first side is the subject
    ("There is a slight difference between social media and community.",
     [("social media", "contrast", False, "community")]),
    ("There is a slight difference between community and social media.",
     [("community", "contrast", False, None)]),
    ("There is a real distinction between crowds and communities.",
     [("crowd", "contrast", False, "community")]),
    ("There is no difference between a team and a group.",
     [("team", "contrast", True, "group")]),
    # what a kind of thing does to the concept itself
    # a shared subject, the second verb phrase denied: two claims
    ("Community is a specific thing and shouldn't be mistaken for a group of customers.",
     [("community", "definition", False, None), ("community", "property", True, "group")]),
    # "not" inside one verb phrase only contrasts its parts
    ("Communities are engaged in, not informed of change.",
     [("community", "property", False, None)]),
    # "the purpose of X" is about X; "such a community" points back at a narrower concept
    ("An internal community serves employees. The purpose of such a community is to "
     "build loyalty.", [("internal community", "property", False, "employee"),
                        ("internal community", "definition", False, None)]),
    # a pronoun agrees in number with its antecedent
    ("Community creates belonging. It builds trust between people.",
     [("community", "property", False, None), ("community", "property", False, None)]),
    ("Communities create belonging. It builds trust between people.",
     [("community", "property", False, None)]),
    # "the two" are the two concepts just named
    ("An audience listens. A community talks. The two are very different things.",
     [("audience", "property", False, None), ("community", "property", False, None),
      ("audience", "contrast", False, "community")]),
    # "the difference between them / the two": the last two concepts named
    ("An audience listens. A community talks. There is a real difference between them.",
     [("audience", "property", False, None), ("community", "property", False, None),
      ("audience", "contrast", False, "community")]),
    ("An audience listens. There is a real difference between them.",
     [("audience", "property", False, None)]),
    ("An audience listens. A community talks. I tried to work out the difference between "
     "the two.", [("audience", "property", False, None), ("community", "property", False, None)]),
    # "they" with nothing to compare them to are two things: the last two named
    ("An audience listens. Communities talk with each other. They are not the same thing.",
     [("audience", "property", False, None), ("community", "property", False, None),
      ("audience", "contrast", True, "community")]),
    ("An audience listens. Communities talk with each other. They are different from teams.",
     [("audience", "property", False, None), ("community", "property", False, None),
      ("community", "contrast", False, "team")]),
    # "Unlike X, Y ...": Y is the subject
    ("Unlike a team, a community grows.", [("community", "contrast", False, "team")]),
    # "the difference is that ...": the that-clause is asserted
    ("The difference is that teams have deadlines.", [("team", "property", False, None)]),
    # "This is why X": the reason clause is asserted; a question's "why" clause is not
    ("This is why communities are hard to build.", [("community", "property", False, None)]),
    ("The question is why communities are hard to build.", []),
    # the that-clause of a verb of saying or writing is the claim; of a verb of wishing not
    ("Jane Smith writes that networks are fluid.", [("network", "property", False, None)]),
    ("Jane Smith wishes that networks were fluid.", []),
    # a parenthetical report keeps the clause's subject for the clause
    ("Communities, Smith argues in her new book, are built on shared rituals.",
     [("community", "requirement", False, None)]),
    # what a reporting participle adds is said
    ("Hill agreed with Moreno, adding that networks can exist without either.",
     [("network", "property", False, None)]),
    ("Hill left the room, fearing that networks can exist without either.", []),
    # naming X as Y said to be wrong: X is not Y; the gerund's object is no subject
    ("Calling an audience a community is wrong.",
     [("audience", "definition", True, "community")]),
    ("It would be a mistake to call customers a community.",
     [("customer", "definition", True, "community")]),
    ("It isn't wrong to call a team a group.", [("team", "definition", False, "group")]),
    ("Calling teams groups is common.", []),
    # a relative clause with its own subject picks out things; a colon's list says what
    ("A team is a group whose members need each other.",
     [("team", "definition", False, "group")]),
    ("A community is a group of people who need each other.",
     [("community", "definition", False, "group")]),
    ("Community looks more like this:", []),
    # "the two X" counts the pair the sentence (or the text) just named
    ("Although networks use community terms, the two social models are not the same.",
     [("network", "contrast", True, "community")]),
    ("We met teams and groups. The two people are different.", []),
    # "there is no such thing as X" denies that X exists
    ("There is no such thing as an online community.",
     [("community", "property", True, None)]),
    ("There is no such thing as a free lunch.", []),
    # a subject an aside interrupts, which the parser leaves unattached
    ("Facebook \u2014 sorry, FACEBOOK \u2014 isn\u2019t a community.",
     [("facebook", "definition", True, "community")]),
    # "neither ... nor" denies both
    ("Neither customers nor employees are a community.",
     [("customer", "definition", True, "community"),
      ("employee", "definition", True, "community")]),
    # a clause a colon hands over from a noun is asserted; a clause inside the noun
    # phrase is not
    ("The biggest lesson: communities grow when members help.",
     [("community", "property", False, None)]),
    ("The lesson communities learn late is costly.", []),
    # a denied belief denies what it governs
    ("I don't think an audience is a community.", [("audience", "definition", True,
                                                    "community")]),
    # "the" with a present-tense main verb speaks of the kind; "this" and past events not
    ("The community drives your growth.", [("community", "property", False, None)]),
    # what the kind does with its own kind is a property; being itself says nothing
    ("Customers connect with other customers.", [("customer", "property", False, "customer")]),
    ("A community is a community.", []),
    # ... an intransitive one too, unless a story's adverb tells one group's next step
    ("When the task is done, the team disperses.", [("team", "property", False, None)]),
    ("The audience watches namelessly.", [("audience", "property", False, None)]),
    ("This community drives your growth.", []),
    ("The community drove our growth.", []),
    ("Don't be surprised or the community simply moves elsewhere.", []),
    # advice's "your" is anyone's; "the" and "our" name one thing
    ("Your brand is not a community.", [("brand", "definition", True, "community")]),
    ("Our brand is not a community.", []),
    # "they" after a sentence naming just two concepts is that pair
    ("The line between an audience and a community blurs. They are not the same thing.",
     [("audience", "contrast", False, "community"), ("audience", "contrast", True, "community")]),
    ("Teams ship. They are not the same.", []),  # one concept named: no pair
    # a time clause is background; the main clause after it is the claim
    ("When networks form, they help people connect.", [("network", "property", False, None)]),
    ("When teams have deadlines, people work harder.", []),
    # a dated present-perfect event and a number subject say nothing about a kind
    ("Over the last few years online communities have popped up everywhere.", []),
    ("Communities have always been about people.", [("community", "definition", False, None)]),
    ("80% of these are private online communities.", []),
    # a when-question asks where one concept ends only with "be" or "become"
    ("When and how do groups inspire communities?", []),
    ("When is a community a group?", [("community", "contrast", False, "group")]),
    # a name before a singular names one group; before a plural or after "a", a kind
    ("The Harley Owners Group is a community.",
     [("harley owners group", "definition", False, "community")]),
    ("FB Groups are a community.", [("group", "definition", False, "community")]),
    ("A Facebook group can be a community.", [("group", "definition", False, "community")]),
    # "team members" are a team's; "community members" are the member concept
    ("Team members share a deadline.", [("team", "property", False, None)]),
    ("Community members share a purpose.", [("member", "property", False, None)]),
    # a difference announced as a topic to examine is no claim; one presupposed is
    ("Let's look at the difference between teams and communities.", []),
    ("Understanding the difference between groups and teams suggests strategies.", []),
    ("Understanding people is different from understanding communities.",
     [("understanding people", "contrast", False, "community")]),
    ("The differences between networks and communities are listed below.", []),
    # a list of differences announced, a plural heading, or a difference studied
    ("Here are 5 key differences between audience and community:", []),
    ("The differences between audiences and communities", []),
    ("I concentrated on the differences between groups and communities.", []),
    ("This graphic illustrates the difference between an audience and a community.", []),
    ("I will break down the differences between audiences and communities.", []),
    ("Sociologists have struggled with the distinction between crowds and communities.", []),
    ("There are real differences between teams and communities.",
     [("team", "contrast", False, "community")]),
    # a work's topic: "a thread / post on the difference between X and Y"
    ("I love this thread from Greg Lee on the difference between audience and community.", []),
    ("His post on the difference between teams and communities is long.", []),
    ("Many don't understand the difference between audience and community.",
     [("audience", "contrast", False, "community")]),
    # a person who differentiates between two concepts contrasts them; a gerund is a topic
    ("Jane Roe differentiates between an audience and a community.",
     [("audience", "contrast", False, "community")]),
    ("Distinguishing between a team and a group can help teachers.", []),
    # a fronted setting names the concept the clause describes; one instance does not
    ("In a community, people help each other.", [("community", "property", False, None)]),
    ("Within networks, people move in and out.", [("network", "property", False, None)]),
    ("In our community, we have many members.", []),
    ("However, in a team, there is usually an interdependence.",
     [("team", "property", False, None)]),
    ("Most of the time, in a team, people argue.", []),
    ("In building community, achievements come in creating movements.", []),
    ("For an audience the chairs all point to the stage.",
     [("audience", "property", False, None)]),
    ("As a community, the output is more than the sum of its parts.",
     [("community", "property", False, None)]),
    ("For our community, the rules are simple.", []),  # one instance
    ("Church as community of shared faith.", []),  # what is set comes before "as"
    # a gerund of belonging as subject is about the group; an activity is not
    ("Being part of a community creates a sense of belonging.",
     [("community", "property", False, None)]),
    ("Defining the success of a community can depend on many factors.", []),
    # one activity done to two concepts compares the concepts
    ("Building a team is different from building a community.",
     [("team", "contrast", False, "community")]),
    ("Creating a group is not synonymous to creating a community.",
     [("group", "contrast", True, "community")]),
    ("Building a team is different from leading a community.", []),
    # a denied implication denies what it governs; a denied belief of others does not
    ("This doesn't mean that members are customers.",
     [("member", "definition", True, "customer")]),
    ("They don't think that members are customers.",
     [("member", "definition", False, "customer")]),
    # a relational noun's of-object is what the clause is about
    ("Membership of a community may have high turnover.",
     [("community", "property", False, None)]),
    # an intensifying reflexive is no object; the "not" before the object denies
    ("Blogs are themselves not communities.", [("blog", "definition", True, "community")]),
    # a denied complement: "no different" is the same
    ("Members are no different from customers.", [("member", "contrast", True, "customer")]),
    ("Members are different from customers.", [("member", "contrast", False, "customer")]),
    # chat shorthand is a hedge, not part of the subject
    ("IMO communities are not networks.", [("community", "definition", True, "network")]),
    # a misparse that reads "Community hinges" as one noun
    ("Community hinges on trust.", [("community", "requirement", False, None)]),
    # "the members of a community" are any community's
    ("The members of a community share a sense of belonging.",
     [("member", "property", False, None)]),
    # two clauses joined by a comma are two claims; "!=" denies
    ("A team has a boss, a community has a host.",
     [("team", "property", False, None), ("community", "property", False, None)]),
    ("Community != audience", [("community", "definition", True, "audience")]),
    # chat shorthand "==" without spaces; the noun an of-phrase hangs on is the subject
    ("Groups of people== networks.", [("group", "definition", False, "network")]),
    # "can or should be": the verb after the modal carries the clause
    ("Not every business can or should be a community.",
     [("business", "definition", True, "community")]),
    # an unmarked clause before a comma stands on its own
    ("Their customers don't want to be part of a community, they want good value.",
     [("customer", "property", True, "community"), ("customer", "property", False, None)]),
    # "the two" reach back to head nouns only ("employee productivity" names no employees)
    ("Employee productivity matters. A team helps. The two are different.",
     [("team", "property", False, None)]),
    # "It's not a X if Y": the condition is a requirement (typographic apostrophe too)
    ("It’s not a community if people don’t interact.",
     [("community", "requirement", True, None)]),
    # a past definition of "a community" is still a definition; a past event is not
    ("Until recently, a community meant a group of neighbours.",
     [("community", "definition", False, "group")]),
    ("Our community was a team.", []),
    # "X is when Y" defines X; a state verb makes "the team" generic
    ("A community is when the chairs face each other.",
     [("community", "definition", False, None)]),
    ("The project team has a predetermined duration.", [("team", "property", False, None)]),
    # a clause that introduces a list says nothing yet; a fronted phrase is no object
    ("In the digital age, a community is:", []),
    # a named thing said to be the concept; an example shown is not a definition
    ("Twitter is not a community.", [("twitter", "definition", True, "community")]),
    ("@Zappos is another gleaming example of a community.", []),
    # a "whereas" clause is asserted too, and cut from the main clause
    ("An audience is one to many, whereas a community is many-to-many.",
     [("audience", "definition", False, None), ("community", "property", False, None)]),
    # a question about where one concept ends and another begins links them; one that
    # only asks does not
    ("When is a team a community?", [("team", "contrast", False, "community")]),
    ("What is the difference between a community and an audience?", []),
    # an elided verb ("maybe it can") and a dummy "it" claim nothing more
    ("Community is hard. Or maybe it can.", [("community", "property", False, None)]),
    ("Community is hard. It takes a special personality to keep doing it.",
     [("community", "property", False, None)]),
    # a glossary line
    ("Audience: people listening to one person within a context.",
     [("audience", "definition", False, None)]),
    ("My definition of a team: people with a shared goal.",
     [("team", "definition", False, None)]),
    # a spaced dash separates a term from its gloss; a kind of a concept is a term
    ("Social Networks - The places you go to meet people you know",
     [("network", "definition", False, None)]),
    ("Online Communities: places where people with shared interests meet.",
     [("community", "definition", False, None)]),
    ("Interest-based reading for teams.", []),
    # another term glossed as a concept, or a kind of the concept glossed as it
    ("Task force: a team assembled for one mission.",
     [("task force", "definition", False, "team")]),
    ("Working group - a group formed to study a question.",
     [("group", "definition", False, "group")]),
    ("Note: a group can be hard to run.", [("group", "property", False, None)]),
    # existentials about a concept
    ("There are many different types of community.", [("community", "property", False, None)]),
    ("There is no community without trust.", [("community", "requirement", False, None)]),
    ("Without trust, there is no community and no network.",
     [("community", "requirement", False, None), ("network", "requirement", False, None)]),
    ("Without a plan, there is a community.", []),  # nothing denied: no requirement
    # the small model tags the verb as a noun: read the verb from the words
    ("Community offsets loneliness.", [("community", "property", False, None)]),
    ("Communities value education.", [("community", "property", False, None)]),
    ("Community networks as public service.", []),  # a kind of network
    # a "who" clause picks out the object's members; after a comma it adds a claim
    ("An audience refers to a group of people who are passively consuming content.",
     [("audience", "definition", False, "group")]),
    ("We studied communities, which are groups of people who care.",
     [("community", "definition", False, "group")]),
    ("Community events matter.", []),  # "events" is no verb
    ("There is real ROI in community.", [("community", "property", False, None)]),
    ("There is a bond in our community.", []),  # one community
    ("If the members never meet, you do not have a community.",
     [("community", "requirement", True, None)]),
    ("As soon as you take an outside contribution, you have a community.",
     [("community", "requirement", False, None)]),
    ("I think the minute you have two people, you have a community.",
     [("community", "requirement", False, None)]),
    ("The minute you arrived, you had a coffee.", []),
    ("Once people help each other, you have a community.",
     [("community", "requirement", False, None)]),
    ("If you have five of these, you've got a community.",
     [("community", "requirement", False, None)]),
    ("You've got a community.", []),
    ("Once people help each other, they get a community.", []),
    # a clause after ";" stands on its own even when parsed under the next one
    ("An audience is gathered to listen; a community gathers to contribute.",
     [("audience", "property", False, None), ("community", "property", False, None)]),
    # a relational noun is about the concept just talked of, or the one it modifies
    ("A community meets online. Membership is voluntary.",
     [("community", "property", False, None), ("community", "property", False, None)]),
    ("Community membership is voluntary.", [("community", "property", False, None)]),
    ("An audience is a crowd. The relationship is one-to-many.",
     [("audience", "definition", False, None), ("audience", "definition", False, None)]),
    ("We met last week. The relationship is good.", []),
    ("A community is a place. Its foundation is shared values.",
     [("community", "definition", False, None), ("community", "definition", False, None)]),
    ("My house is old. Its foundation is weak.", []),
    # ... a noun of taking part in the group; "the aim here", "communication" speak of anything
    ("A community meets online. The aim is to share.", [("community", "property", False, None)]),
    ("A community meets online. Communication occurs when people understand each other.",
     [("community", "property", False, None)]),
    # a relative clause's subject does not take the pronoun from the main subject
    ("Audiences are people who consume content. They may read your posts.",
     [("audience", "definition", False, None), ("audience", "property", False, None)]),
    # "they" can take up a singular collective
    ("The team is small. They are a group of friends.",
     [("team", "property", False, None), ("team", "definition", False, "group")]),
    # a pronoun chain stays with its antecedent
    ("Teams have a goal. They have a leader. They have a deadline.",
     [("team", "property", False, None)] * 3),
    # a pair named in an earlier clause is what "they" are not the same as; what the
    # pair does there is part of that one contrast
    ("Audience and community are often used interchangeably, but they are not the same.",
     [("audience", "contrast", True, "community")]),
    ("The terms audience and community are used interchangeably, but they don't mean the "
     "same thing.", [("audience", "contrast", True, "community")]),
    ("Teams and projects are used interchangeably, but they are not the same.",
     [("team", "property", False, None)]),  # one concept: no pair to contrast
    # a subject outside the vocabulary is named with its classifying adjectives and as
    # written when a Latin plural; a judging adjective is no part of its name
    ("Social media is not a community.", [("social media", "definition", True, "community")]),
    ("Your local gym is a community.", [("gym", "definition", False, "community")]),
    ("A great online forum is a community.",
     [("online forum", "definition", False, "community")]),
    # what the speaker calls a thing is what they say it is; others' naming, or a word
    # chosen for it, is not
    ("I would not consider our English class a community.",
     [("class", "definition", True, "community")]),
    ("I consider Twitter a network.", [("twitter", "definition", False, "network")]),
    ("Many people call their followers a community.", []),
    ('We call this area simply "community".', []),
    # a passive naming verb with a noun says what its subject is; with an adjective, how
    ("Forums are considered communities.", [("forum", "definition", False, "community")]),
    ("Such ties can be called virtual communities.", [("tie", "definition", False, "community")]),
    ("A network is known as a loose group.", [("network", "definition", False, "group")]),
    ("Virtual communities are considered important.", [("community", "property", False, None)]),
    # a definition often given is still what X is; "often thought of as" is a view reported
    ("A community is often defined as a group of people.",
     [("community", "definition", False, "group")]),
    # a bare "the term" that says what a word means is the one concept just named
    ("Community is a vague word. The term refers to people who share something.",
     [("community", "definition", False, None), ("community", "definition", False, None)]),
    ("Teams and groups differ. The term refers to people who share something.",
     [("group", "contrast", False, None), ("team", "contrast", False, None)]),
    ("Community is a vague word. The term is popular.",
     [("community", "definition", False, None)]),
    # an existential's relative clause says what some of the kind are
    ("There are communities that are based on location.",
     [("community", "property", False, None)]),
    ("There is plenty more community to be built.", []),
    # "it" for the thing the sentence before was about; "they" for people is not read so
    ("Instagram is a platform for photos. It is an audience.",
     [("instagram", "definition", False, "audience")]),
    ("App users are everywhere. They are a community.", []),
    # a progressive is asserted
    ("Communities are evaporating.", [("community", "property", False, None)]),
    # an example of the concept says what it can be
    ("An example of an online network could be a listserv.",
     [("network", "definition", False, None)]),
    # what the concept is not without is what it requires
    ("Without a shared ethic, you don't have a community.",
     [("community", "requirement", True, None)]),
    ("You can't have a team without trust.", [("team", "requirement", True, None)]),
    # "define X as Y" when the tagger took the verb for a noun; "see X as having ..."
    ('Merriam-Webster defines "community" as a unified body of individuals.',
     [("community", "definition", False, None)]),
    ("Some see communities as having shared modes of thought.",
     [("community", "property", False, None)]),
    ("The community defines success as growth.", []),
    ("His defined community as a whole grew.", []),
    # ... or for a modifier of X that still has the subject on it
    ("Wenger defined communities as groups of practitioners.",
     [("community", "definition", False, "group")]),
    ("The well defined communities as a rule grew.", []),
    # the people in any such group stand for the kind; the people of one group do not
    ("People in an audience have no relationship to each other.",
     [("audience", "property", True, None)]),
    # a trait of the concept ("the mark of", "a factor in") is said of the concept
    ("The most important factor about human communities is communication.",
     [("community", "definition", False, None)]),
    ("A hallmark of a team is shared accountability.", [("team", "definition", False, None)]),
    # what is not enough to make the concept: a contrast, or what it takes more than
    ("Becoming a customer doesn't make you a community member.",
     [("customer", "contrast", True, "member")]),
    ("Just because people are in one place doesn't mean you have a community.",
     [("community", "requirement", True, None)]),
    # what anyone can or cannot do to a kind of thing says what that thing is like
    ("You can manage an audience, but you cannot manage community.",
     [("audience", "property", False, None), ("community", "property", True, None)]),
    ("One can't buy a team.", [("team", "property", True, None)]),
    # things outside the vocabulary listed as one concept: one claim, about the first
    ("Newsgroups, forums and listservs are communities.",
     [("newsgroup", "definition", False, "community")]),
    ("Teams and networks are groups.",
     [("team", "definition", False, "group"), ("network", "definition", False, "group")]),
    # a bracket after a pronoun says what it is
    ("They (communities) form themselves.", [("community", "property", False, None)]),
    # a present-tense verb of evidence asserts its clause
    ("It turns out that teams vary widely.", [("team", "property", False, None)]),
    ("Research shows that teams vary widely.", [("team", "property", False, None)]),
    # a kind of agent (a bare plural) doing something with the concept, in the present
    ("People join communities because they share passions.",
     [("people", "property", False, "community")]),
    # under "In a group," bare members are the group's; under "In a community," the
    # community's own members
    ("In a group, members do not feel committed to a common goal.",
     [("group", "property", True, None)]),
    ("In a community, members help each other.", [("member", "property", False, None)]),
    # coordinated modifiers that each make a concept with the head: one claim each;
    # modifiers that make none keep the head's concept
    ("Internal and external communities are both valuable.",
     [("external community", "property", False, None),
      ("internal community", "property", False, None)]),
    ("Small and large teams are groups.", [("team", "definition", False, "group")]),
    # a bare "the" and a present "is a": a kind of thing classed as the concept
    ("By any measure, the workplace is a natural community.",
     [("workplace", "definition", False, "community")]),
])
def test_clause_rules(cue_nlp, vocab, text, expected):
    assert sorted(frames(cue_nlp, vocab, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "What is community?",                      # a question that asserts nothing
    "Today the Acme community consists of five million people.",  # one named instance
    "If community is your job description, you are lucky.",  # conditional
    "People forget what community is.",        # embedded question
    "The community manager is a busy person.",  # compound: not the concept
    "Communities were small in 1990.",          # past, not a definition
    "Then the community simply moves elsewhere.",  # a story's next step, not the kind
    "Suddenly the team disperses.",
    "Today the Widgetco community consists of five million people.",  # a name tagged NOUN
    "while ties exist in community they = bridges between strong ties",  # nearer subject
    "Building community is hard work.",         # an activity, not the concept
    "In building community, the achievements come in many forms.",  # object is an activity
    "The manager joined the community.",        # one particular manager, in the past
    'The topic was "The Difference between social media and community" today.',  # a title
    "There is no team.",                        # an existential that says nothing of it
    "We were talking about community vs. social network on Twitter.",  # a topic named
    "That team being part of a larger community.",  # a gerund clause is not asserted
    "Communities and networks are often thought of as two types of structure.",  # a view
    "Members of the Harley Owners Group are easy to spot.",  # one named group's members
    "Too lazy to switch rooms, we stay in this room, which is all about community.",
    "Community: Culture and Technology Issues",  # a heading, not a glossary line
    "Even if community is not your job, but it is your passion.",  # inside a condition
    "Membership is free for students.",       # a relational noun with nothing to attach to
    "Club membership is free.",                # ... or attached to a non-concept
    "If they never meet, you do not have a plan.",  # a condition on a non-concept
    "The manager builds the team.",             # one agent acting on one team
    "Apples and pears are different.",          # a pair of non-concepts
    "Then the community becomes much larger.",  # one community changing
    "The plan is simple and the budget small.",  # gapping without a concept
    "When we say hello, we mean welcome.",      # the meaning of a non-concept
    "My comments made the community.",          # particular things, not a kind
    "Forums are considered fun.",               # how a non-concept is seen
    "His community consists of doctors and nurses.",  # one person's own
    "Her team is made up of five people.",
    "Without a plan, you have a community.",   # what it can do without
    "If you can build a community, you win.",  # conditional
    "You can join the community here.",        # one community
    "You built a community.",                  # an event, no modal
    "Can you buy a community?",                # a question
    "Buying a product makes you a customer.",  # not denied: no "not enough"
    "Community has become popular in this generation.",  # a change of state
    "The main factor in the decision is cost.",  # a trait of no concept
    "Everyone in the Acme group likes cats.",  # the people of one group
    "The delay doesn't mean the team failed.",  # no clause of what would make it
    "An example might be a local group that meets weekly.",  # an instance given
    "Social networks vs. online communities",  # "X vs Y" names a topic
    "This reflection is on online communities versus networks in schools.",
    "The room was a community.",  # one room, in the past
    "Our users joined communities.",  # some users, in the past
    "The study showed that teams varied widely.",  # one study's finding, in the past
    "Why firms fund teams",  # a heading that asks, with no question mark
    "The users join communities.",  # users the text has in mind
    "Our office is a community.",  # one office
])
def test_not_a_claim(cue_nlp, vocab, text):
    assert frames(cue_nlp, vocab, text) == []


def test_rebuttal_and_question_detection(cue_nlp):
    doc = cue_nlp("Most think that #communities are conflict-free. Wrong. "
                  "Conflict helps growth. When does a network become a community.")
    sents = list(doc.sents)
    assert [is_rebuttal(s) for s in sents] == [False, True, False, False]
    assert is_question(sents[3]) and not is_question(sents[0])


@pytest.mark.parametrize(("text", "head", "concept"), [
    ("#communities matter", 0, "community"),
    ("Ext communities matter", 1, "external community"),
    ("The community manager matters", 2, None),
    ("Community members matter", 1, "member"),
    ("cmty matters", 0, "community"),
    ("The community concept matters", 2, "community"),  # a light head names its modifier
    ("The community role matters", 2, None),            # a role is not the concept
    ("Communities of practice matter", 0, "community"),  # kinds and their abbreviations
    ("CoPs matter", 0, "community"),
    ("Community membership matters", 1, "community"),  # a relational head names its modifier
    ("Members of a team matter", 0, "team"),  # whose members the of-phrase says
    ("Members of a community matter", 0, "member"),
])
def test_phrase_concepts(nlp, vocab, text, head, concept):
    assert phrase_for(nlp(text)[head], vocab).concept == concept


def _traits(text: str, nlp, vocab) -> list[tuple[str, str, str]]:
    """(subject, type, evidence) of each claim extracted from ``text``."""
    claims, _ = extract_document(_doc(text), nlp, vocab)
    return [(c.subject.id, c.type, c.evidence.text) for c in claims]


def _doc(text: str) -> Document:
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    return Document("t", "t.txt", "T", text, tuple(blocks))


def test_extract_document_offsets_speakers_and_ids(nlp, vocab):
    text = ("Chat recap\n@ann: teams are not the same as communities.\n"
            "- @bob: @ann I think communities are support structures.\n")
    doc = _doc(text)
    claims, n_sents = extract_document(doc, nlp, vocab)
    assert n_sents >= 2
    got = [(c.speaker.id, c.subject.id, c.type, c.negated, c.hedged) for c in claims]
    assert got == [("@ann", "team", "contrast", True, False),
                   ("@bob", "community", "definition", False, True)]
    for c in claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    again, _ = extract_document(doc, nlp, vocab)
    assert [c.id for c in again] == [c.id for c in claims]
    assert EXTRACTOR_VERSION


def test_repeated_paragraph_gives_no_second_claims(nlp, vocab):
    line = "@ann: Communities depend on trust and shared purpose over many years of work."
    text = f"{line}\n{line}\n"
    from kg.ingest import classify_blocks

    doc = Document("t", "t.txt", "T", text, tuple(classify_blocks(text)))
    claims, _ = extract_document(doc, nlp, vocab)
    assert len(claims) == 1 and claims[0].evidence.start < len(line)


def test_open_vocabulary_keeps_other_definitions(cue_nlp, vocab):
    doc = cue_nlp("A hashtag is a conversation marker.")
    rules = cue_nlp.get_pipe("kg_claims").rules
    sent = next(iter(doc.sents))
    closed = sentence_frames(sent, 0, _cues(doc, rules), vocab, Context())
    opened = sentence_frames(sent, 0, _cues(doc, rules), vocab, Context(), open_vocab=True)
    assert closed == []
    assert [(f.subject.id, f.type, f.object.label) for f in opened] == [
        ("hashtag", "definition", "a conversation marker")]


def test_custom_vocabulary_adds_a_concept_without_code(tmp_path, cue_nlp):
    ttl = tmp_path / "c.ttl"
    ttl.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<urn:x:tribe> a skos:Concept ; skos:prefLabel \"tribe\"@en ; "
        "skos:altLabel \"tribes\"@en, \"#tribe\"@en .\n", encoding="utf-8")
    custom = load_vocabulary(ttl)
    assert frames(cue_nlp, custom, "Tribes are groups with a shared identity.") == [
        ("tribe", "definition", False, None)]


def test_evidence_of_a_whereas_clause_is_that_clause(cue_nlp, vocab):
    doc = cue_nlp("I think of teams as collaborative, but transactional, "
                  "whereas communities tend to focus on relationships")
    rules = cue_nlp.get_pipe("kg_claims").rules
    sent = next(iter(doc.sents))
    frames = sentence_frames(sent, 0, _cues(doc, rules), vocab, Context())
    focus = next(f for f in frames if f.subject.id == "community" and f.type == "property")
    assert doc.text[focus.start:focus.end] == "whereas communities tend to focus on relationships"


@pytest.mark.parametrize(("text", "hedged"), [
    ("IMO communities are not networks.", True),
    ("I think teams are groups.", True),
    ("Communities may be driven by shared interests.", True),
    ("Teams are groups.", False),
    ("It seems like ‘community’ has become a buzzword.", True),  # a clause under "seems like"
])
def test_hedging(cue_nlp, vocab, text, hedged):
    doc = cue_nlp(text)
    rules = cue_nlp.get_pipe("kg_claims").rules
    frames = sentence_frames(next(iter(doc.sents)), 0, _cues(doc, rules), vocab, Context())
    assert [f.hedged for f in frames] == [hedged]


@pytest.mark.parametrize(("text", "rebuttal"), [
    ("It is not.", True),
    ("They aren't.", True),
    ("They’re wrong.", True),
    ("It is.", False),
    ("It is not easy.", False),
    # adverbs before the auxiliary; a complement after the negation is a claim of its own
    ("They most certainly are not.", True),
    ("They really are not people.", False),
])
def test_elliptical_denial_is_a_rebuttal(cue_nlp, text, rebuttal):
    assert is_rebuttal(next(iter(cue_nlp(text).sents))) is rebuttal


def test_chat_with_numbered_questions_and_answers(nlp, vocab):
    """Moderator questions (with their trailing tag) say nothing; "A1" labels and tags
    are not evidence; a retweet repeats a claim once; the title is not a claim."""
    from kg.ingest import read_document

    doc = read_document(Path(__file__).parent / "fixtures" / "speakers" / "chat_qa.txt")
    claims, _ = extract_document(doc, nlp, vocab)
    got = [(c.speaker.id, c.subject.id, c.negated, c.evidence.text.split(" #")[0])
           for c in claims]
    assert got == [
        ("@amy_l", "team", False, "a team has a shared goal"),
        ("@amy_l", "community", False, "a community has a shared identity"),
        ("@bobk", "community", False, "community = people who choose to belong."),
        ("@bobk", "team", False, "teams are assigned."),
        ("@dan99", "network", True, "networks are not communities either"),
        ("@eve", "team", True, "I don't think a team ever really becomes a community."),
        ("@bobk", "community", False, "a community needs time."),
        ("@bobk", "team", True, "teams rarely get it"),  # "rarely" denies
    ]


def test_typographic_contractions_get_their_lemmas(nlp):
    doc = nlp("It’s a team. They’re groups. The community’s purpose.")
    assert [(t.text, t.lemma_) for t in doc if t.text.startswith("’")] == [
        ("’s", "be"), ("’re", "be"), ("’s", "’s")]


def test_a_rebuttal_claims_nothing_itself(nlp, vocab):
    claims, _ = extract_document(_doc("Most think communities are free. They’re wrong.\n"),
                                 nlp, vocab)
    assert [(c.subject.id, c.negated, c.evidence.text) for c in claims] == [
        ("community", True, "Most think communities are free. They’re wrong.")]


@pytest.mark.parametrize(("text", "expected"), [
    # a myth's label says its claim is false; a reality's label is no part of the claim
    ("Myth #2: A community is just a forum.\nReality: A community is its people.\n",
     [(True, "A community is just a forum."), (False, "A community is its people.")]),
    # the small model parses "Myth 3: X aren't Y" as a noun phrase without the mask
    ("Myth 3: Bigger communities aren't better.\n", [(False, "Bigger communities aren't better.")]),
    ("Myths abound. A community is just a forum.\n", [(False, "A community is just a forum.")]),
])
def test_discourse_labels_are_no_part_of_the_claim(nlp, vocab, text, expected):
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.negated, c.evidence.text) for c in claims] == expected


@pytest.mark.parametrize(("text", "speaker"), [
    # a line that stops on "in" runs on over the blank line under it: one sentence
    ("Past residents chimed in.\n\nJane Doe, who now lives in\n\nTucson, stated, "
     "\u201cA community is a web of care.\u201d\n", "person:jane-doe"),
    # a heading over a paragraph stays apart
    ("Jane Doe On Teams\n\nTucson is hot. A community is a web of care.\n", "author:t"),
])
def test_a_sentence_that_runs_on_over_a_blank_line_is_one(nlp, vocab, text, speaker):
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.object.label) for c in claims] == [(speaker, "a web of care")]


def test_a_pronoun_under_a_heading_naming_one_concept_is_that_concept(nlp, vocab):
    text = ("Two kinds of people\n"
            "The Customers\n"
            "They have money and no time.\n"
            "The Members\n"
            "This has always been debated.\n"
            "They give time.\n")
    assert _traits(text, nlp, vocab) == [
        ("customer", "property", "They have money and no time."),
        ("member", "property", "They give time.")]


def test_a_list_introduced_by_a_modified_concept_is_that_concepts_and_reasons_are_not(
        nlp, vocab):
    text = ("What is a customer community?\n"
            "I have yet to find a definition of a customer community, but its parts are:\n"
            "  \u2022 It is a place for customers to meet each other.\n"
            "  \u2022 It enables dialogue between a firm and its customers.\n"
            "Why firms fund teams\n"
            "Firms invest in internal communities for several reasons:\n"
            "- Cultural cohesion \u2014 fostering a sense of shared identity\n")
    assert _traits(text, nlp, vocab) == [
        ("community", "definition", "It is a place for customers to meet each other."),
        ("community", "property", "It enables dialogue between a firm and its customers.")]


def test_pronoun_items_of_a_list_whose_introducer_names_their_concept_are_its_traits(
        nlp, vocab):
    text = ("Notes\n"
            "The definition of a community has these parts:\n"
            "  \u2022 It is a place for customers to meet each other.\n"
            "  \u2022 It enables dialogue between a firm and its customers.\n")
    assert _traits(text, nlp, vocab)[1:] == [
        ("community", "definition", "It is a place for customers to meet each other."),
        ("community", "property", "It enables dialogue between a firm and its customers.")]


def test_a_terms_bulleted_items_run_on_to_the_next_heading(nlp, vocab):
    text = ("Community of practice (CoP)\n"
            "  \u2022 A group of people who learn from each other.\n"
            "  \u2022 It meets often.\n"
            "  \u2022 It has a domain.\n"
            "  \u2022 It is organized, unlike an informal network.\n"
            "Why it matters\n"
            "  \u2022 It is cheap.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.evidence.text) for c in claims][-1] == (
        "community", "It is organized, unlike an informal network.")
    assert all(c.evidence.text != "It is cheap." for c in claims)


def test_named_answers_under_a_what_is_heading_define_its_concept(nlp, vocab):
    text = ("What is a team?\n"
            "I asked my friends what they think.\n"
            "Ann Lee: A group of people with one goal.\n"
            "Bo Chen: A group with a manager and a deadline.\n"
            "Cy Diaz: A small group of people who ship things.\n"
            "Teams and networks\n"
            "Dee Fox: Friends who trade favours.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id, c.type) for c in claims] == [
        ("person:ann-lee", "team", "definition"), ("person:bo-chen", "team", "definition"),
        ("person:cy-diaz", "team", "definition")]


def test_a_pronoun_opening_a_section_is_its_headings_concept(nlp, vocab):
    text = ("Communities are built on ties.\nUser Community\n"
            "These are people who use the product.\nWhy this matters\n"
            "These are people who use the product daily.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.evidence.text) for c in claims] == [
        ("community", "Communities are built on ties."),
        ("community", "These are people who use the product.")]


def test_a_question_naming_two_concepts_is_no_term_heading(nlp, vocab):
    text = ("Is your audience a community?\n"
            "Ann Lee: A group of people with one goal.\n"
            "Bo Chen: Great post, Amber.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id) for c in claims] == []


def test_a_term_heading_is_the_subject_of_the_verbless_definitions_under_it(nlp, vocab):
    text = ("Work Team (WT)\n"
            "A structured group of people with a manager.\n"
            "Community of practice\n"
            "A group of people who learn from each other.\n"
            "Why it matters\n"
            "A simple idea.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.type, c.object.concept, c.evidence.text) for c in claims] == [
        ("team", "definition", "group", "A structured group of people with a manager"),
        ("community", "definition", "group", "A group of people who learn from each other"),
    ]


def test_a_short_label_under_a_term_heading_defines_nothing(nlp, vocab):
    text = ("Community\n"
            "Shared purpose\n"
            "Team\n"
            "People who work on one project together.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.type, c.evidence.text) for c in claims] == [
        ("team", "definition", "People who work on one project together")]


def test_table_cells_under_a_term_heading_are_traits_of_its_concept(nlp, vocab):
    text = ("Social Network\n"
            "Large and distributed with many nodes\n"
            "Social ties = weak\n"
            "Why it matters\n"
            "Small and close with few nodes\n")  # no concept heading: nothing
    assert _traits(text, nlp, vocab) == [
        ("network", "property", "Large and distributed with many nodes"),
        ("network", "property", "Social ties = weak"),
    ]


def test_an_item_whose_ing_word_belongs_to_its_own_subject_is_no_bare_trait(nlp, vocab):
    text = ("What community needs:\n"
            "  • Having shared values\n"
            "  • Sustaining community requires effort.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    items = [c for c in claims if c.evidence.start > text.index("•")]
    assert [(c.subject.id, c.object.label) for c in items] == [
        ("community", "Having shared values")]


def test_an_opening_preposition_in_ing_is_no_trait_of_the_headings_concept(nlp, vocab):
    text = "Groups\nAccording to Jane Doe, communities need trust.\nHaving a goal\n"
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.type, c.object.label) for c in claims] == [
        ("community", "requirement", "trust"), ("group", "property", "Having a goal")]


def test_the_articles_own_question_can_link_two_concepts_a_moderators_cannot(nlp, vocab):
    text = ("Intro to the chat.\n@mod: When is a team a community?\n@a: teams end.\n"
            "@b: communities last.\nSome notes.\nWhen is a group a network?\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.kind, c.subject.id, c.type, c.object.concept) for c in claims
            if c.type == "contrast"] == [("author", "group", "contrast", "network")]


def test_list_items_under_an_introducer_are_traits_of_its_concept(nlp, vocab):
    text = ("These are the traits of a community, I would say:\n"
            "  • having shared values – we respect each other\n"
            "  • embracing diversity\n"
            "  • Renee noted the success of events.\n"
            "After the list, nothing carries over.\n"
            "  • having a budget\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.predicate, c.object.label) for c in claims] == [
        ("community", "have the trait", "having shared values"),
        ("community", "have the trait", "embracing diversity"),
    ]


def test_a_commenters_list_is_the_commenters_and_ends_with_the_comment(nlp, vocab):
    text = ("Ask the forum\nAnn Lee @annlee\nHow do they differ?\n1. 4\n"
            "When you have a community:\n  • collaborating\n  • sharing a vision\n"
            "2. 3\n  • having a budget\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id, c.object.label) for c in claims] == [
        ("commenter:t:1", "community", "collaborating"),
        ("commenter:t:1", "community", "sharing a vision"),
    ]


@pytest.mark.parametrize(("heading", "expected"), [
    ("Brand Communities Aren’t Really Communities", [("community", "definition", True)]),
    ("Why Customers Aren’t Communities", [("customer", "definition", True)]),
    ("Community vs. Team", []),                       # a topic, not an assertion
    ("Companies Should Build Teams Not Communities", []),  # advice, not what a thing is
    ("Why Community Matters", []),
    # Title Case is read in sentence case: any clause rule may state a claim
    ("A Network is Transactional", [("network", "property", False)]),
    ("Why Networks Do Not Equal Community", [("network", "property", True)]),
    ("Community is Not Crowdsourcing", [("community", "property", True)]),
    ("How Communities Happen Organically", []),      # asks how: a topic
    ("Think of Your Members as Customers", []),      # bids the reader
    ("Communities vs. Networks Happen Organically", []),  # compares two topics
    ("The Difference Between Teams and Groups", []),
])
def test_a_headline_can_assert_what_something_is(nlp, vocab, heading, expected):
    claims, _ = extract_document(_doc(f"{heading}\nWe met on Monday.\n"), nlp, vocab)
    assert [(c.subject.id, c.type, c.negated) for c in claims] == expected


def test_a_pronoun_opening_a_paragraph_takes_the_concept_the_last_one_ended_on(nlp, vocab):
    text = ("Notes\n"
            "A community is defined by its domain. Membership is voluntary.\n"
            "It is not a work team. It is transversal to the company.\n"
            "Why it matters\n"
            "It is not a network.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.object.concept, c.negated) for c in claims] == [
        ("community", None, False),   # defined by its domain
        ("community", None, False),   # membership is voluntary
        ("community", "team", True),  # across the paragraph break: the object is a concept
    ]                                 # "transversal" says no concept; a heading breaks the chain


def test_a_quoted_definition_after_an_introducer_is_the_named_sources(nlp, vocab):
    text = ("Notes\nGoogle defines “community” like this:\n"
            "“a group of people living in the same place.”\n"
            "For this post we meet on Mondays.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id, c.object.concept) for c in claims] == [
        ("group:google", "community", "group")]


def test_a_definition_opened_with_is_colon_continues_on_the_next_line(nlp, vocab):
    text = ("Notes\nCommunities cross borders. In the digital age, a team is:\n"
            "A group of people aligned on a goal.\n")
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.object.concept, c.evidence.text) for c in claims] == [
        ("community", None, "Communities cross borders."),
        ("team", "group", "A group of people aligned on a goal")]


def test_markdown_links_and_emphasis_are_read_through_with_offsets_kept(nlp, vocab):
    text = "Notes\nAs [Lee][] points out, a *community* is a byproduct of strategy.\n"
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id, c.object.label) for c in claims] == [
        ("person:lee", "community", "a byproduct of strategy")]
    evidence = claims[0].evidence
    assert text[evidence.start:evidence.end] == evidence.text
    assert evidence.text.startswith("As [Lee][] points out")



def test_a_character_reference_left_in_scraped_text_reads_as_its_character(nlp, vocab):
    text = "Notes\nA team isn&#39t a community.\nHashtags aren&#39t communities.\n"
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.subject.id, c.negated, c.object.concept, c.evidence.text) for c in claims] == [
        ("team", True, "community", "A team isn&#39t a community."),
        ("hashtag", True, "community", "Hashtags aren&#39t communities.")]


@pytest.mark.parametrize(("text", "expected"), [
    # each answer under "Is X a Y?" that opens with yes or no says X is (not) Y
    ("Is Twitter a community?\nAnn Lee: Yes. Twitter connects people.\n"
     "Bo Roe: No, but Twitter is full of communities.\nCy Doe: Yes.\n",
     [("person:ann-lee", "twitter", False, "Yes. Twitter connects people."),
      ("person:bo-roe", "twitter", True, "No, but Twitter is full of communities."),
      ("person:cy-doe", "twitter", False, "Yes.")]),
    # an interviewer's questions (context, parsed apart from the claims) work alike
    ("Interview with Jane Doe\nWe met her in May.\nIs Twitter a community?\n"
     "Yes. Twitter connects people.\nIs a forum a community?\nNo, a forum is software.\n",
     [("person:jane-doe", "twitter", False, "Yes. Twitter connects people."),
      ("person:jane-doe", "forum", True, "No, a forum is software.")]),
    # a question asking what something is, or about a pronoun, has no yes/no answer
    ("What is a community?\nAnn Lee: Yes, it is people.\nBo Roe: No.\nCy Doe: Yes.\n", []),
    ("Is it a community?\nAnn Lee: Yes, it is people.\nBo Roe: No.\nCy Doe: Yes.\n", []),
])
def test_a_yes_or_no_answers_whether_something_is_the_concept(nlp, vocab, text, expected):
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [(c.speaker.id, c.subject.id, c.negated, c.evidence.text) for c in claims
            if c.object.concept == "community" and c.predicate == "be"] == expected


@pytest.mark.parametrize(("intro", "expected"), [
    # the introducer's pronoun stands for the concept its sentence before asks about
    ("So what is a community? Let us start with what it is not:", ["community"]),
    # a sentence before that names no concept leaves "it" unresolved
    ("So what is this thing? Let us start with what it is not:", []),
])
def test_a_list_introducers_pronoun_takes_the_concept_asked_before(nlp, vocab, intro, expected):
    text = f"Intro text here.\n{intro}\n  \u2022 It is not a help desk.\n"
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [c.subject.id for c in claims] == expected


@pytest.mark.parametrize(("text", "subjects"), [
    # bare members after a sentence about groups are the group's
    ("Groups are loose. Members are cautious about what they say.", ["group", "group"]),
    # after one about communities, or with nothing before, they are community members
    ("Communities are warm. Members are cautious about what they say.",
     ["community", "member"]),
    ("Members are cautious about what they say.", ["member"]),
    # with a community just named too, bare members are community members
    ("You have a community, not a group. Members are cautious about what they say.",
     ["member"]),
    # only a whole has members: after customers they stay community members
    ("Our customers are loyal. Members are cautious about what they say.",
     ["customer", "member"]),
])
def test_bare_members_belong_to_the_concept_the_text_was_about(nlp, vocab, text, subjects):
    claims, _ = extract_document(_doc(text + "\n"), nlp, vocab)
    assert [c.subject.id for c in claims] == subjects


def test_a_subjectless_item_under_a_concept_heading_is_its_trait(nlp, vocab):
    text = ("Key differences below.\nAudience\n  \u2022 May have diverse interests.\n"
            "  \u2022 Meets weekly in the hall.\n  \u2022 Can you join?\n")
    assert _traits(text, nlp, vocab) == [
        ("audience", "property", "May have diverse interests"),
        ("audience", "property", "Meets weekly in the hall")]


def test_a_ranked_relational_subject_under_a_concept_heading_is_the_concepts(nlp, vocab):
    # "Main focus" is the audience's focus; "Personal focus" is someone's own
    text = ("Key differences below.\nAudience\n  \u2022 Main focus is on receiving news.\n"
            "  \u2022 Personal focus is on self.\n")
    assert _traits(text, nlp, vocab) == [
        ("audience", "property", "Main focus is on receiving news.")]


@pytest.mark.parametrize(("tag", "expected"), [("NNS", ["communities"]), ("NN", [])])
def test_a_plural_hung_on_its_verb_as_a_compound_is_its_subject(nlp, tag, expected):
    from spacy.tokens import Doc

    from kg.extract.syntax import clause_subjects
    # the parse the small model gives "..., communities form naturally based on ..."
    doc = Doc(nlp.vocab, words=["communities", "form", "naturally", "."],
              heads=[1, 1, 1, 1], deps=["compound", "ROOT", "advmod", "punct"],
              tags=[tag, "VBP", "RB", "."], pos=["NOUN", "VERB", "ADV", "PUNCT"])
    assert [t.text for t in clause_subjects(doc[1])] == expected


@pytest.mark.parametrize(("second", "speaker"), [
    # a quotation running over paragraphs leaves the first one's closing mark out
    ("\u201cA community is a group of people who help each other.\u201d\n",
     "person:maria-lopez"),
    ("A community is a group of people who help each other.\n", "author:t"),
])
def test_a_quotation_left_open_runs_on_into_the_next_paragraph(nlp, vocab, second, speaker):
    text = ("\u201cWe treat customers as a market,\u201d said Maria Lopez of Acme. "
            "\u201cThat was a mistake.\n" + second)
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [c.speaker.id for c in claims if c.subject.id == "community"] == [speaker]


def test_a_modifier_taken_for_a_gerund_subject_leaves_the_clause_its_subject(nlp):
    from spacy.tokens import Doc

    from kg.extract.syntax import clause_subjects
    # the small model's parse of "..., learning communities thrive on interactions"
    doc = Doc(nlp.vocab, words=["learning", "communities", "thrive", "on", "ties", "."],
              heads=[2, 2, 2, 2, 3, 2], deps=["csubj", "nsubj", "ROOT", "prep", "pobj", "punct"],
              tags=["VBG", "NNS", "VBP", "IN", "NNS", "."],
              pos=["VERB", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"])
    assert [t.text for t in clause_subjects(doc[2])] == ["communities"]


@pytest.mark.parametrize(("text", "subject"), [
    # an acronym the text defines for a kind of a concept names that concept there
    ("Schools run professional learning communities (PLCs). A PLC is a group of teachers.\n",
     "community"),
    # initials that do not spell the phrase, or a phrase naming no concept, name nothing
    ("Schools run professional learning communities (PCs). A PC is a group of teachers.\n",
     "pc"),
    ("We hired a customer success manager (CSM). A CSM is a group of one.\n", "csm"),
])
def test_an_acronym_the_text_defines_names_its_concept(nlp, vocab, text, subject):
    claims, _ = extract_document(_doc(text), nlp, vocab)
    assert [c.subject.id for c in claims if c.evidence.text.startswith("A ")] == [subject]

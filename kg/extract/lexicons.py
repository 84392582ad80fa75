"""Cue words the claim rules read, in one place (textacy keeps its lexicons so).

These are general English cues, never strings taken from particular articles.
"""

from __future__ import annotations

__all__ = [
    "ANAPHORIC_NOUNS", "AS_VERBS", "DEFINING_AS_VERBS", "CALLING_VERBS", "COLLECTIVE_NOUNS",
    "ASSERTING_NOUNS",
    "CHAT_HEDGES", "DIFFERENCE_NOUNS", "EQUALS", "EVALUATIVE_ADJECTIVES", "EXAMPLE_NOUNS",
    "NAMING_VERBS", "SELF_PRONOUNS",
    "FRONTED_CONTRASTS", "LIGHT_HEADS", "MEANING_SUBJECTS", "SAYING_VERBS",
    "BELIEF_VERBS", "CLAUSE_BREAKS", "DISCOURSE_MARKERS", "COMMON_VIEW_ADVERBS",
    "CONSTITUTIVE_VERBS", "CONNECTIVES", "EXAMINING_VERBS", "RECENT_ADVERBS", "REFLEXIVES",
    "TIME_NOUNS", "TOPIC_NOUNS",
    "GENERIC_QUANTIFIERS", "QUANTITY_NOUNS", "BELONGING_VERBS",
    "HEDGE_ADVERBS", "HEDGE_MODALS",
    "HEDGE_VERBS", "IMPLICATION_VERBS", "ANAPHORIC_SUBJECTS",
    "NEGATION_DETS", "NEGATION_WORDS", "NEGATIVE_SUBJECTS", "NOT_ENOUGH_VERBS",
    "GENERIC_AGENTS", "ABILITY_MODALS",
    "OPENING_QUOTES", "PAIR_JOINERS", "PAIR_NOUNS", "PAIR_OBJECT_PRONOUNS", "PAIR_PRONOUNS",
    "PARTITIVES",
    "PLURAL_PRONOUNS",
    "PRONOUNS_RESOLVABLE", "PRONOUNS_UNRESOLVABLE",
    "BRIDGING_HEADS", "DISCOURSE_LABELS", "EVIDENCE_VERBS", "REBUTTALS", "REBUTTING_LABELS",
    "RELATIONAL_HEADS",
    "REPORTING_VERBS",
    "STATIVE_VERBS", "VIEW_HEADS", "WRONG_WORDS",
    "SUBJECT_DEPS",
    "SEEM_VERBS", "SUBJECT_WRAPPERS", "TRAIT_HEADS", "TRAIT_PREPS", "PEOPLE_NOUNS",
    "CONTRAST_ADJECTIVES", "SAMENESS_ADJECTIVES", "TERM_NOUNS",
    "MEANING_VERBS", "SEPARATING_VERBS", "ASKING_HEADS", "COMPARING_WORDS",
]

# nominal subject of a verb or copula, active or passive
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

# "not", and the negative adverbs of frequency and degree: "a personal network is rarely
# a community", "a mailing list is hardly a team"
NEGATION_WORDS = frozenset({"not", "n't", "n’t", "never", "no", "nor", "neither", "cannot",
                            "rarely", "seldom", "hardly", "scarcely"})
NEGATION_DETS = frozenset({"no", "neither"})
NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "noone", "no one"})
# "X doesn't mean you have a community", "X doesn't make you a member": not enough for it
NOT_ENOUGH_VERBS = frozenset({"mean", "make"})
# "You can't buy a community", "One cannot manage an audience": anyone, not a person
GENERIC_AGENTS = frozenset({"you", "one"})
# modals that make such a clause say what can or must be done to a kind of thing
ABILITY_MODALS = frozenset({"can", "ca", "cannot", "could", "must", "should"})

# "it seems like X", "it feels like X": a clause after these is asserted, hedged
SEEM_VERBS = frozenset({"seem", "feel", "look", "sound", "appear"})
# "I think X", "X may Y", "X seems Y": the speaker hedges the claim
HEDGE_VERBS = frozenset({"think", "believe", "guess", "suppose", "seem", "appear", "imagine",
                         "suspect", "feel"})
# "IMO communities are ...": chat shorthand for "in my opinion" hedges, and is no modifier
CHAT_HEDGES = frozenset({"imo", "imho", "imvho", "fwiw", "afaik", "tbh", "iirc"})
# "Btw, community is ...": words the parser may take for a subject that only open a turn
DISCOURSE_MARKERS = CHAT_HEDGES | frozenset({"btw", "ps", "ok", "okay", "well", "yes", "lol",
                                             "hey", "hi", "anyway", "anyways"})
# "Let's look at the difference between X and Y": verbs that announce a topic
EXAMINING_VERBS = frozenset({"look", "address", "discuss", "explore", "examine", "consider",
                             "think", "talk", "investigate", "tackle", "ponder", "wonder",
                             "study", "analyze", "analyse", "review", "list",
                             "describe", "outline", "summarize", "summarise", "cover",
                             "work", "figure", "explain",  # "work out the difference"
                             "learn", "concentrate",
                             "illustrate", "break", "struggle"})  # "break down the differences"
# the nouns a list of differences is announced with ("Here are 5 key differences ...")
DIFFERENCE_NOUNS = frozenset({"difference", "distinction", "diff"})
# Works and exchanges whose topic a difference can be ("a thread on the difference ...")
TOPIC_NOUNS = frozenset({"thread", "post", "article", "video", "talk", "piece", "blog",
                         "episode", "chapter", "book", "topic", "discussion", "debate",
                         "conversation", "session", "webinar", "podcast", "paper", "essay"})
# "Over the last few years X have popped up", "X have recently appeared": dated events
TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "time", "while", "century"})
RECENT_ADVERBS = frozenset({"recently", "lately"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves",
                        "yourself", "yourselves", "myself"})
# sentence connectives that open a clause without being part of what it says
CONNECTIVES = frozenset({"however", "though", "also", "instead", "then", "therefore", "thus"})
# Adverbs that tell a story's next step ("Then the community simply moves elsewhere"):
# one group's doings, not what the kind does
NARRATIVE_ADVERBS = frozenset({"then", "now", "suddenly", "soon", "finally", "eventually",
                               "simply", "just", "again", "later", "quickly"})
HEDGE_MODALS = frozenset({"may", "might", "could", "would"})
HEDGE_ADVERBS = frozenset({"likely", "probably", "perhaps", "maybe", "possibly", "arguably",
                           "often", "usually", "typically", "generally", "sometimes"})

# "Far too many believe X", "Most think that X": a view the speaker reports to rebut
BELIEF_VERBS = frozenset({"believe", "think", "assume", "say", "claim", "feel", "suppose",
                          "imagine", "insist", "argue"})
# "This doesn't mean that X": a denied implication denies X
IMPLICATION_VERBS = frozenset({"mean", "imply", "entail"})
ANAPHORIC_SUBJECTS = frozenset({"this", "that", "it"})
GENERIC_QUANTIFIERS = frozenset({"many", "most", "some", "others", "few", "everyone",
                                 "everybody", "people"})
# "I think X", "You must realize that X": the embedded clause is what is asserted
REPORTING_VERBS = frozenset({"think", "believe", "say", "realize", "realise", "know", "agree",
                             "argue", "feel", "guess", "suppose", "mean",
                             "assume", "claim", "understand", "remember", "note", "add",
                             "suggest", "explain", "state", "stress", "observe", "conclude",
                             "insist", "emphasize", "emphasise", "contend", "maintain",
                             "acknowledge", "admit",
                             # verbs of saying and writing whose that-clause is the claim
                             "write", "tell", "assert", "remark", "reply", "respond",
                             "mention", "warn", "declare", "posit", "reiterate", "opine",
                             "counter", "concede", "propose", "point", "clarify", "caution",
                             "comment", "share", "hold", "affirm", "recognize", "recognise"})
# verbs of evidence whose "that" clause is asserted: "Research shows that teams vary",
# "It turns out that ..."
EVIDENCE_VERBS = frozenset({"show", "find", "reveal", "indicate", "prove", "demonstrate",
                            "confirm", "turn"})
# "think of X as Y", "we see X as Y", "treating X as Y": the speaker says X is Y
AS_VERBS = frozenset({"think", "see", "view", "define", "describe", "regard", "consider",
                      "treat", "characterize", "characterise", "conceive", "picture",
                      "frame", "imagine", "understand", "know", "label", "classify"})
# what calling X a Y may be said to be: "Calling an audience a community is wrong"
WRONG_WORDS = frozenset({"wrong", "mistake", "error", "misleading", "inaccurate", "false",
                         "misnomer", "incorrect", "stretch", "sloppy", "misguided", "lazy"})
# the AS_VERBS that give a definition in the past tense too ("Wenger defined X as Y")
DEFINING_AS_VERBS = frozenset({"define", "describe", "characterize", "characterise",
                               "conceive", "label", "classify", "frame"})
# "I would not consider our class a community", "we call them teams": the speaker's own
# naming (with "I"/"we" as the subject) says what the thing is
CALLING_VERBS = frozenset({"consider", "call", "deem", "label", "term", "name", "dub"})
SELF_PRONOUNS = frozenset({"i", "we"})
# adjectives that judge or count a thing rather than name a kind of it ("a great forum",
# "many groups"): not part of a non-concept subject's name
EVALUATIVE_ADJECTIVES = frozenset({
    "good", "great", "bad", "best", "better", "worse", "worst", "true", "real", "genuine",
    "many", "most", "more", "much", "few", "other", "such", "same", "different", "new", "old",
    "big", "large", "small", "little", "whole", "entire", "certain", "particular", "own",
    "typical", "average", "simple", "important", "strong", "weak", "successful", "healthy",
    "active", "passive", "first", "last", "next", "single", "only", "various", "several",
    "local", "initial", "main", "key", "basic",
})
# "X are considered Y", "X can be called Y", "X is known as Y": in the passive, what X
# is (called) is the claim; the one who calls it so is not said
NAMING_VERBS = AS_VERBS | {"call", "term", "name", "dub", "deem"}
# "X are often thought of as Y": a current view reported, not the speaker's
COMMON_VIEW_ADVERBS = frozenset({"often", "commonly", "usually", "widely", "generally",
                                 "frequently", "traditionally", "typically", "sometimes"})
# a short sentence right after a claim that rejects it: "Wrong." "Not true."
# labels that say the claim after them is false: "Myth #1: ..."
REBUTTING_LABELS = frozenset({"myth", "misconception", "misbelief", "fallacy", "false",
                              "wrong", "fiction"})
# labels that open a line of a list before a claim and are no part of it
DISCOURSE_LABELS = REBUTTING_LABELS | {"reality", "truth", "fact", "note", "tip", "update",
                                      "verdict", "takeaway", "lesson", "reminder", "caveat",
                                      "hint", "correction", "bottom line", "in short", "tl;dr"}
REBUTTALS = frozenset({"wrong", "false", "untrue", "nope", "myth", "nonsense", "incorrect",
                       "not true", "not so", "not really", "no"})

# "the definition of X", "my def of X", "the purpose of X": the subject is X
SUBJECT_WRAPPERS = frozenset({"definition", "def", "defn", "meaning", "notion", "idea",
                              "concept", "essence", "nature", "purpose", "aim", "goal",
                              "function"})
# "The mark of a community is ...", "the most important factor about communities is ...",
# "another factor in communities is ...": a trait of the concept the noun after it names
TRAIT_HEADS = frozenset({"factor", "element", "ingredient", "feature", "characteristic",
                         "trait", "mark", "hallmark", "marker", "criterion", "component",
                         "pillar"})
TRAIT_PREPS = frozenset({"of", "about", "in"})
# "People in an audience have no relationship to each other", "Everyone in a community
# ...": the people of any such group stand for the kind
PEOPLE_NOUNS = frozenset({"people", "individual", "person", "everyone", "everybody", "anyone"})
# "the community concept", "the team framework": a head noun that only names its modifier
LIGHT_HEADS = frozenset({"concept", "notion", "idea", "aspect", "setting", "framework",
                         "model", "construct", "paradigm", "label", "term", "word"})
# "Membership is voluntary", "the emphasis is on ...": nouns that name an attribute of
# something, so a bare one is about the concept just talked of and "community membership"
# is about community
RELATIONAL_HEADS = frozenset({"membership", "participation", "emphasis", "focus", "purpose",
                              "interaction", "engagement", "communication",
                              "aim", "goal", "mission", "definition"})
# Of those, the ones a bare subject takes from the concept just talked of ("A community
# ... Membership is voluntary"): taking part in the group, and what its account stresses.
# "The aim here is ...", "communication occurs when ..." speak of anything.
BRIDGING_HEADS = frozenset({"membership", "participation", "interaction", "engagement",
                            "emphasis", "focus", "relationship", "dynamic", "foundation",
                            "basis"})
# "part of a community", "a kind of group": the object concept is the noun after "of"
# "Being part of a community creates ...": a gerund subject of belonging or having is
# about the group it names, not about an activity
BELONGING_VERBS = frozenset({"be", "belong", "participate", "have"})
# "a lot of followers": the amount is not what the phrase is about
QUANTITY_NOUNS = frozenset({"lot", "lots", "number", "bunch", "handful", "couple", "ton", "plenty"})
PARTITIVES = frozenset({"part", "kind", "type", "form", "sort", "example", "piece", "subset",
                        "version", "variety"})

# "when we say community, we mean ...": who speaks for a word's meaning, and how it is used
MEANING_SUBJECTS = frozenset({"i", "we", "you", "they", "people"})
SAYING_VERBS = frozenset({"say", "use", "talk", "speak", "write", "hear"})
# "comments do not make community", "trust builds teams": verbs whose subject is
# something the object concept is made of
CONSTITUTIVE_VERBS = frozenset({"make", "build", "constitute", "form", "create", "define",
                                "bind", "sustain", "foster", "strengthen"})
# verbs of state: "the team has a deadline" says what a team is like, where an event verb
# ("the community moved on") tells of one community
STATIVE_VERBS = frozenset({"be", "have", "include", "contain", "lack", "involve", "need",
                           "require", "share", "belong", "own", "mean", "consist", "comprise"})
# "@Zappos is another gleaming example": an instance shown, not a definition given
EXAMPLE_NOUNS = frozenset({"example", "instance", "case", "illustration", "showcase"})
# general plural nouns that, with "these"/"those", point back at what was just named
ANAPHORIC_NOUNS = frozenset({"group", "people", "one", "kind", "type", "set", "folk",
                             "bunch", "category", "segment", "cohort"})

PRONOUNS_RESOLVABLE = frozenset({"they", "it", "these", "those", "them", "this"})
PLURAL_PRONOUNS = frozenset({"they", "these", "those", "them"})
# "the two are different", "both are groups": a pair named just before
# singular nouns for many people, which "they" can take up ("The team ... They ...")
COLLECTIVE_NOUNS = frozenset({"group", "team", "community", "audience", "crowd", "club",
                              "network", "tribe", "staff", "public", "membership"})
PAIR_PRONOUNS = frozenset({"two", "both"})
# what "the two X" may count: "the two social models", "both terms" (not "the two people")
PAIR_NOUNS = frozenset({"concept", "term", "word", "thing", "model", "idea", "notion", "kind",
                        "type", "form", "structure", "approach", "entity", "category"})
PAIR_OBJECT_PRONOUNS = frozenset({"them", "both"})  # "the difference between them"
PRONOUNS_UNRESOLVABLE = frozenset({"i", "you", "we", "he", "she", "me", "us", "him", "her",
                                   "one", "who", "what", "which", "that", "there", "everyone",
                                   "someone", "anyone", "something", "anything", "everything",
                                   "all", "both", "each", "many", "most", "some"})

# "X is not the same as Y", "X is different from Y": a contrast, not a definition
# "the terms network and community": nouns that name words, not things
TERM_NOUNS = frozenset({"word", "term", "label", "notion", "concept"})
# what a word is said to do when it means something: "the term refers to", "is used to mean"
# verbs that tell one thing from another: "what distinguishes X from Y"
SEPARATING_VERBS = frozenset({"distinguish", "separate", "differentiate", "set"})
MEANING_VERBS = frozenset({"refer", "mean", "denote", "describe", "designate", "use"})
SAMENESS_ADJECTIVES = frozenset({"same", "identical", "equivalent", "synonymous", "equal"})
CONTRAST_ADJECTIVES = frozenset({"different", "distinct", "separate", "unlike", "opposite"})

# "X = Y" (chat shorthand for "X is Y"); "!=" is tokenised as "!" and "="
EQUALS = frozenset({"=", "==", ":=", "≠"})
# token texts that end a clause inside a sentence: evidence is cut there
CLAUSE_BREAKS = frozenset({";", "--", "—", "–", "...", "…"})
OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
# "between X and Y", "X vs Y": the word that joins the two sides
PAIR_JOINERS = frozenset({"and", "&", "vs", "vs.", "versus", "or"})
# "Unlike X, Y ...": a contrast cue that opens the sentence names the second concept first
FRONTED_CONTRASTS = frozenset({"unlike"})
# "The difference is that X ...", "The truth is that X ...": the that-clause is asserted
# "It is a common understanding that ...": a dummy "it" before a view's that-clause
VIEW_HEADS = frozenset({"understanding", "belief", "view", "assumption", "myth", "idea",
                        "notion", "misconception", "fact", "truth", "shame", "pity", "sign"})
ASSERTING_NOUNS = frozenset({"difference", "point", "truth", "fact", "reality", "key",
                             "thing", "problem", "issue", "answer", "lesson", "secret"})

# A headline that opens with these asks ("How Communities Grow", "What Makes a Team")
# and names a topic; one that opens with "why" states what it explains ("Why Networks
# Do Not Equal Community").
ASKING_HEADS = frozenset({"how", "what", "when", "where", "which", "who"})
# "Tribes vs. Communities": a headline that compares names two topics.
COMPARING_WORDS = frozenset({"vs", "vs.", "versus"})

"""Cue words for speaker attribution, kept in one place (data, not logic).

Shared with the extractor later; every set is lowercase and frozen.
"""

from __future__ import annotations

__all__ = [
    "AGREEMENT_VERBS",
    "BYLINE_PREFIXES",
    "HONORIFICS",
    "NAME_TITLES",
    "CLOSINGS",
    "COMMENT_HEADER_WORDS",
    "DEFINITION_WORDS",
    "GENERIC_PEOPLE",
    "GREETINGS",
    "INSTITUTION_WORDS",
    "IRREGULAR_FORMS",
    "JOB_TITLE_WORDS",
    "NON_HANDLE_LABELS",
    "NOT_NAME_WORDS",
    "OWNED_WORKS",
    "PEOPLE_NOUNS",
    "PEOPLE_SUFFIXES",
    "QUANTIFIERS",
    "QUOTE_NOUNS",
    "REPLY_OPENERS",
    "REPORTING_VERBS",
    "SPEAKER_PRONOUNS",
]

# Verbs whose subject is the source of the reported content ("X noted ...", "..., says X").
REPORTING_VERBS = frozenset({
    "acknowledge", "add", "admit", "advise", "agree", "argue", "assert", "believe", "caution",
    "challenge", "claim", "comment", "conclude", "consider", "contend", "define", "describe",
    "disagree", "discuss", "emphasise", "emphasize", "explain", "feel", "highlight", "insist",
    "maintain", "mention", "note", "observe", "offer", "point", "predict", "propose", "recall",
    "recommend", "reference", "reflect", "remark", "remind", "reply", "respond", "say", "see",
    "share", "speak", "state", "stress", "suggest", "talk", "tell", "think", "underline",
    "urge", "warn", "write", "joke", "quip", "muse", "concede", "declare", "posit",
    "reiterate", "reveal", "opine", "recount", "counter", "elaborate", "clarify", "lament",
    "notice", "express", "hope", "worry", "fear", "expect", "estimate",
})
# Nouns for quoted words ("a definition from Jane Doe: '...'"): the quote is the source's.
QUOTE_NOUNS = frozenset({
    "definition", "quote", "quotation", "line", "passage", "description", "explanation",
    "words", "remark", "statement", "comment", "tweet", "post", "snippet", "excerpt",
    "offering",
})
# "I interviewed Jane Doe", "We spoke with Jane": the quotations that follow are hers
INTERVIEW_VERBS = frozenset({"interview", "speak", "talk", "chat", "sit", "ask"})
# Spoken works a write-up summarises: "In this video Jane Doe discusses X." makes the
# rest of the paragraph her account. Written works are cited, with the writer's own
# comments between, so "In their article, ..." does not.
# What a person holds or gives as their view: "In her view, ...", "Jane Doe's take is
# simple: ..."
VIEW_NOUNS = frozenset({
    "view", "opinion", "words", "mind", "eyes", "experience", "book", "take", "answer",
    "understanding", "perspective", "estimation",
})
# verbs of evidence: "Adams's study finds that ..."
EVIDENCE_VERBS = frozenset({"show", "find", "reveal", "indicate", "prove", "demonstrate",
                            "confirm"})
# what a person's research is called when it "shows" something: "Adams's study finds ..."
RESEARCH_NOUNS = frozenset({"research", "study", "work", "book", "paper", "article", "findings",
                            "survey", "analysis", "theory", "model", "framework", "report"})
WORK_NOUNS = frozenset({
    "video", "talk", "interview", "podcast", "episode", "presentation", "keynote", "webinar",
    "lecture", "speech", "session",
})
# A standfirst's verbs for what the page's own speaker does in it ("Consultant Jane Doe
# explains why teams fail"), each with the particle it needs: the page is her account.
PRESENTING_VERBS = {
    "explain": "", "discuss": "", "share": "", "describe": "", "outline": "", "argue": "",
    "examine": "", "explore": "", "reveal": "", "unpack": "", "talk": "about", "look": "at",
    "walk": "through", "reflect": "on",
}
# What a page or a section in one person's voice is called after its owner: "Glatix's
# Guide to Groups of Gamers", "Emmy's Thoughts:", "Newley's Notes"
OWNED_WORKS = frozenset({
    "notes", "thoughts", "guide", "take", "tips", "blog", "corner", "journal", "diary",
    "newsletter", "view", "views", "musings", "reflections", "perspective", "opinion",
    "column", "answer", "response", "reply", "story", "definition",
})
# What a person's list of ideas is called ("two of her points:")
POINT_NOUNS = frozenset({"point", "argument", "idea", "distinction", "observation"})
# What a person's point "is that ...": "Ann Lee's insight is that ..."
THESIS_NOUNS = POINT_NOUNS | {"insight", "lesson", "message", "belief", "thesis", "conclusion"}
# Verbs of agreement used with collective subjects ("Panelists agreed ...").
AGREEMENT_VERBS = frozenset({"agree", "concur", "disagree", "conclude"})
# Inflected forms the tagger sometimes mislabels as nouns ("Medanic talks about ...").
IRREGULAR_FORMS = {
    "said": "say", "says": "say", "thought": "think", "told": "tell", "wrote": "write",
    "saw": "see", "sees": "see", "felt": "feel", "spoke": "speak", "written": "write",
    "spoken": "speak",
}
# Pronouns that continue the last named speaker when they lead a sentence.
SPEAKER_PRONOUNS = {"she": "person", "he": "person", "they": "group"}
# Words that make a subject a generic quantity of people, not a speaker ("Most think ...").
QUANTIFIERS = frozenset({
    "many", "most", "some", "few", "several", "others", "lots", "plenty", "everyone",
    "everybody", "nobody", "anyone", "someone", "all",
})
# Plural nouns that denote people in general; never a collective speaker.
GENERIC_PEOPLE = frozenset({"people", "folks", "persons", "others", "humans", "individuals"})
# Plural nouns that denote a definite set of people who can speak together. Not the
# kinds of people the texts define ("members", "customers", "employees", "users"): in
# "community members believe other members care" they are the topic, not the speakers.
PEOPLE_NOUNS = frozenset({
    "panelists", "panellists", "participants", "experts", "attendees", "speakers",
    "respondents", "analysts", "researchers", "authors", "guests", "hosts", "moderators",
    "contributors", "leaders", "executives", "managers", "practitioners", "marketers",
    "commenters", "readers", "delegates", "presenters", "students", "scholars", "critics",
    "advocates", "consultants", "interviewees",
})
PEOPLE_SUFFIXES = ("ists", "ants", "ents", "ees")
# Nouns whose subtree names the term a reported definition is about ("definition of X").
DEFINITION_WORDS = frozenset({"definition", "define", "meaning", "mean", "notion"})
# Sign-offs that precede a signature ("Cheers,\nAdam", "Best, Jo").
CLOSINGS = frozenset({
    "cheers", "thanks", "thank you", "thanks again", "best", "best regards", "regards",
    "kind regards", "warm regards", "all the best", "warmly", "sincerely", "take care",
    "ciao", "later", "peace", "thx",
})
GREETINGS = frozenset({"hi", "hey", "hello", "dear", "thanks", "thank you", "congrats"})
# titles before a name that are not part of it ("Dr. James Dunn" is James Dunn)
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame", "rev"})
# titles that may open a name ("Coach Stewart", "Mayor Lee"): never an alias on their own
NAME_TITLES = HONORIFICS | frozenset({
    "coach", "president", "senator", "governor", "mayor", "judge", "director", "chief",
    "captain", "officer", "sergeant", "detective", "commissioner", "pastor", "father", "sister",
    "brother", "rabbi", "imam", "saint", "st", "uncle", "aunt", "principal", "dean", "chef"})
BYLINE_PREFIXES = ("posted by", "written by", "authored by", "by", "author:", "guest post by",
                   "a guest post by", "contributed by", "article by", "words by", "story by",
                   "post by", "posted by:", "written by:", "by:", "writer:",
                   "guest post from", "a guest post from", "this is a guest post by",
                   "this is a guest post from", "commentary by", "column by", "essay by",
                   "review by", "analysis by", "opinion by")
# Months that are also first names ("April MacLean", "June Holley"): a name's first word
# when a surname follows that is no calendar word
FIRST_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
# Title Case words that make a short line a heading rather than a person's name.
NOT_NAME_WORDS = frozenset({
    "about", "all", "and", "app", "april", "august", "best", "blog", "business", "comments",
    "community", "conclusion", "contact", "content", "december", "download", "february",
    "final", "for", "friday", "home", "how", "introduction", "january", "join", "july", "june",
    "key", "leave", "learning", "march", "marketing", "may", "media", "menu", "monday", "more",
    "news", "november", "october", "of", "on", "opportunities", "our", "post", "posts",
    "privacy", "read", "related", "reply", "saturday", "search", "september", "share",
    "social", "summary", "sunday", "takeaways", "the", "thoughts", "thursday", "to", "today",
    "tuesday", "twitter", "wednesday", "what", "why", "with", "your", "avatar", "minute",
    "typically", "actually", "however", "also", "yes", "okay", "well", "so", "great",
    "note", "update", "edit", "agreed", "absolutely", "exactly", "indeed", "finally",
    # never part of a name; sentence adverbs that take a comma like a vocative ("Now, ...")
    "by", "now", "then", "here", "there", "first", "next", "again", "sure", "oh", "wow",
    "anyway", "meanwhile", "still", "sometimes", "ultimately", "honestly", "basically",
    "clearly", "obviously", "perhaps", "maybe", "instead", "otherwise", "unfortunately",
    "fortunately", "interestingly", "importantly", "personally",
    # conjunctions and prepositions that open a sentence before a name ("As Ted said")
    "as", "if", "when", "while", "but", "or", "like", "unlike", "since", "because",
    "although", "though", "whereas", "in", "at", "from", "per", "after", "before",
    "until", "unless", "once", "whether", "during", "within", "without", "thus", "hence",
    # a programme's headings ("Opening Session", "Closing Keynote", "Session Reports")
    "session", "sessions", "opening", "closing", "keynote", "agenda", "workshop", "report",
    "reports",
    # a page's dateline and placeholder bylines ("Last Updated Jun 9, 2024", "By Author")
    "updated", "published", "posted", "edited", "modified", "last", "author", "admin",
    "anonymous", "sign",
})
# Words that mark a signature's title line ("Director of Community, Blue Sky Factory").
# Words that name where a writer works ("Jane Doe, University of Leeds")
INSTITUTION_WORDS = frozenset({"university", "college", "institute", "school", "academy",
                               "department", "faculty", "laboratory", "centre", "center"})
JOB_TITLE_WORDS = frozenset({
    "director", "manager", "founder", "co-founder", "ceo", "cto", "cmo", "president", "vp",
    "head", "lead", "principal", "partner", "consultant", "editor", "strategist", "analyst",
    "officer", "chief", "author", "owner", "specialist", "coordinator", "evangelist",
    "contributor", "contributing", "writer", "reporter", "columnist", "correspondent", "senior",
    "staff", "chair", "chairman", "chairwoman", "professor", "researcher", "scientist",
    "executive", "adviser", "advisor", "organizer", "organiser", "moderator", "host",
    "blogger", "guest", "journalist", "freelance", "freelancer",
})
# Lowercase words that look like a bare handle before a colon but are labels ("note: ...").
NON_HANDLE_LABELS = frozenset({
    "note", "notes", "edit", "update", "source", "via", "ps", "pps", "re", "fyi", "answer",
    "question", "q", "a", "tip", "example", "warning", "http", "https", "step", "result",
    # a list's discourse labels ("Myth: ...", "Reality: ...", "Bottom line: ...")
    "myth", "reality", "truth", "fact", "fiction", "verdict", "takeaway", "lesson", "problem",
    "solution", "pro", "pros", "con", "cons", "goal", "benefit", "challenge", "reminder",
    "caveat", "hint", "quote", "context", "background", "correction", "disclaimer", "credit",
    "definition", "tldr", "summary", "conclusion", "why", "how", "what", "idea", "insight",
    "key", "rule", "principle", "translation", "caption", "status", "tags",
})
# "Name: Elizabeth Barron" above an interview: the person the "A:" answers are by
INTERVIEWEE_LABELS = frozenset({"name", "guest", "interviewee", "speaker", "expert"})
# The roles a transcript labels its turns with in capitals ("NARRATOR: Have you ...")
TRANSCRIPT_ROLES = frozenset({"narrator", "host", "co-host", "interviewer", "moderator",
                              "announcer", "presenter", "speaker", "guest", "instructor",
                              "professor", "teacher", "student", "reporter", "anchor",
                              "caller", "panelist", "voiceover", "voice-over"})
COMMENT_HEADER_WORDS = ("comments", "comment", "responses", "replies", "thoughts on")
# How a reply opens ("1. I agree with you that ..."): a numbered item that opens so, after
# the article, starts a list of unsigned comments.
REPLY_OPENERS = ("i agree", "i disagree", "i think", "i love", "i like", "great post",
                 "great article", "nice post", "good post", "thanks for", "thank you for",
                 "well said", "love this", "interesting post", "interesting article",
                 "i know what you mean", "you are right", "you're right", "you’re right",
                 "you are on the right track", "you're on the right track",
                 "you’re on the right track", "you make a good point", "good point",
                 "great point", "so true", "excellent post", "great piece", "nice article")

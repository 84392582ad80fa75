"""Tests for kg.speakers: segment (text rules) and Attributor (spaCy parse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.records import Block, Document, Speaker, Utterance
from kg.speakers import Attributor, segment

RHAPPE = Speaker("@rhappe", "Rachel Happe", "person", ("Rachel Happe", "@rhappe", "Rachel"))


def make_doc(text: str, *, skipped: tuple[int, ...] = (), doc_id: str = "t",
             title: str = "T") -> Document:
    """One block per line; line numbers in ``skipped`` are duplicate blocks."""
    blocks, pos = [], 0
    for n, line in enumerate(text.splitlines(keepends=True)):
        kind = "duplicate" if n in skipped else "content"
        blocks.append(Block(pos, pos + len(line), kind))
        pos += len(line)
    return Document(doc_id, f"{doc_id}.txt", title, text, tuple(blocks))


def said(doc: Document) -> list[tuple[str, str]]:
    return [(u.speaker.id, doc.text[u.start:u.end]) for u in segment(doc)]


def utterance_with(doc: Document, needle: str) -> Utterance:
    return next(u for u in segment(doc) if needle in doc.text[u.start:u.end])


# --- chat lines ----------------------------------------------------------------

@pytest.mark.parametrize(("line", "speaker", "text", "addressees"), [
    ("@deb_lavoy teams are not the same as communities.", "@deb_lavoy",
     "teams are not the same as communities.", ()),
    ("@jimstorer: I think of teams as transactional", "@jimstorer",
     "I think of teams as transactional", ()),
    ("- @jplaskoff: @jdfordha You must realize it.", "@jplaskoff", "You must realize it.",
     ("@jdfordha",)),
    ("pmpinsights: #SocBizChat the community should facilitate itself", "@pmpinsights",
     "the community should facilitate itself", ()),
    ("\u00a0@deb_lavoy I think that a strong c-suite is critical", "@deb_lavoy",
     "I think that a strong c-suite is critical", ()),
    ("@ITSinsider: @cmswire success is not adoption.", "@itsinsider",
     "success is not adoption.", ("@cmswire",)),
])
def test_chat_line_speaker(line, speaker, text, addressees):
    doc = make_doc(line)
    [u] = segment(doc)
    assert (u.speaker.id, doc.text[u.start:u.end], u.addressees) == (speaker, text, addressees)


@pytest.mark.parametrize("line", [
    "Follow @ETNexus and join us for #NexusCafe every Thursday.",
    "Note: the chat starts at noon.",
    "Amber: you had me at hello.",
    "@ETNexus Is hosting a chat today.",
])
def test_not_a_chat_line(line):
    assert said(make_doc(line)) == [("author:t", line)]


def test_transcript_lines_opening_with_a_handle_name_the_speaker():
    doc = make_doc("Intro line.\n@ann Teams differ.\n@bob Community=mindset\n"
                   "@cy A network is wide.\nFollow @ann here.")
    assert said(doc) == [("author:t", "Intro line."), ("@ann", "Teams differ."),
                         ("@bob", "Community=mindset"), ("@cy", "A network is wide."),
                         ("author:t", "Follow @ann here.")]


def test_one_line_opening_with_a_capitalised_mention_is_not_a_transcript():
    doc = make_doc("@ann Thanks for the tip.\nTeams differ.")
    assert said(doc)[0][0] == "author:t"


def test_handle_label_keeps_case_and_id_is_lowercase():
    [u] = segment(make_doc("@hyounpark_AG: Communities are successful."))
    assert u.speaker == Speaker("@hyounpark_ag", "@hyounpark_AG", "handle")


def test_rt_splits_comment_from_retweeted_text_with_exact_ranges():
    line = "@lehawes: You can't make, only show, them RT @cmswire: how do U make them see value?"
    doc = make_doc(line)
    first, second = segment(doc)
    assert (first.speaker.id, first.start, first.end, first.role) == (
        "@lehawes", line.index("You"), line.index(" RT"), "claim")
    assert (second.speaker.id, second.start, second.end, second.role) == (
        "@cmswire", line.index("how do"), len(line), "question")


def test_leading_rt_belongs_to_the_retweeted_handle():
    assert said(make_doc("RT @ITSinsider: do communities have power?")) == [
        ("@itsinsider", "do communities have power?")]


def test_ampersand_starts_a_second_utterance_in_the_line():
    line = "@gialyons: #SocBizChat it is not a role. & gialyons: #SocBizChat people do work."
    doc = make_doc(line)
    assert said(doc) == [("@gialyons", "it is not a role."), ("@gialyons", "people do work.")]
    assert [u.start for u in segment(doc)] == [line.index("it is"), line.index("people")]


def test_ampersand_inside_text_is_not_a_speaker():
    line = "@billycripe success is good & You know it."
    assert said(make_doc(line)) == [("@billycripe", "success is good & You know it.")]


@pytest.mark.parametrize(("line", "role"), [
    ("@ETNexus: What is community? What does it look like?", "question"),
    ("@lehawes: Good question! I think there are use cases.", "claim"),
    ("How Do You Define Community?", "question"),
    ("Final Thoughts", "heading"),
    ("How internal communities differ from collaboration tools", "heading"),
    ("How communities differ from tools is simple.", "claim"),
    ("Audiences are one-to-many", "claim"),  # a sentence without its full stop
    ("Learning Opportunities", "heading"),
])
def test_roles(line, role):
    [u] = segment(make_doc(line))
    assert u.role == role


# --- introductions ----------------------------------------------------------------

INTRO = (
    "Some prose first.\n"
    "The winner came from Rachel Happe (@rhappe), Principal at @TheCR -- The Roundtable:\n"
    "My current def of community = a group of people\n"
    "When you look at it internally, the discussion becomes divisive:\n"
    "teams are not communities.\n"
    "Rachel also made a great point that we all need to consider:\n"
    "when does a network become a community? don't know\n"
    "Jane Doe said:\n"
    "A community is a promise.\n"
)


def test_introduction_hands_the_next_line_to_the_named_handle():
    doc = make_doc(INTRO)
    intro = utterance_with(doc, "The winner")
    assert intro.role == "context"
    assert utterance_with(doc, "My current def").speaker == RHAPPE


def test_later_first_name_reference_resolves_to_the_introduced_speaker():
    assert utterance_with(make_doc(INTRO), "when does a network").speaker == RHAPPE


def test_name_said_colon_introduces_a_person():
    speaker = utterance_with(make_doc(INTRO), "a promise").speaker
    assert speaker == Speaker("person:jane-doe", "Jane Doe", "person", ("Jane Doe", "Jane"))


@pytest.mark.parametrize(("line", "speaker"), [
    ("Wikipedia gives this definition of a team:", "group:wikipedia"),
    ("Google defines “community” like this:", "group:google"),
    ("Community defines who we are:", "author:t"),  # a word the text writes in lowercase
    ("The definition of a team has these parts:", "author:t"),  # an article is no source
    ("Until then, a tentative definition is:", "author:t"),  # a conjunction is no name
    ("According to the definition, I am a member:", "author:t"),  # "According" names no one
])
def test_a_named_source_introducing_a_definition_gives_the_next_line(line, speaker):
    doc = make_doc(f"{line}\nA group with a goal.\nOur community meets weekly.")
    assert utterance_with(doc, "A group with").speaker.id == speaker


@pytest.mark.parametrize(("line", "speaker"), [
    ("According to Elder (2021):", "group:elder"),
    ("According to Jane Roe:", "person:jane-roe"),
    # the cited source's own definition, after the writer's comment on it
    ("According to Padden’s (1980) early definition, I am a member:", "group:padden"),
    ("According to this early definition, I am a member:", "author:t"),  # no name
    ("The best definition comes from Amy Jo Kim (author of a book):", "person:amy-jo-kim"),
    ("The next part comes from Amy Jo Kim:", "author:t"),  # no definition or quotation
    ("This definition was sent in by Mary D.:", "person:mary-d"),  # an initial ends the name
    ("I quite like this offering by Jake:", "person:jake"),  # one word never in lowercase
    ("I quite like this offering by design:", "author:t"),
    ("[Andrew Mayne for Hidden Frequency:]", "person:andrew-mayne"),
    ("Jane Roe, writing at The Planet:", "person:jane-roe"),
    ("[Jane Roe:]", "person:jane-roe"),
    ("Main Points:", "author:t"),  # a bare Title Case line is a heading
    ("Online Communities for Managers:", "author:t"),  # words the text writes in lowercase
])
def test_a_link_posts_credit_line_gives_the_next_line(line, speaker):
    doc = make_doc(f"{line}\n> A group with a goal.\nOur online communities for managers.")
    assert utterance_with(doc, "A group with").speaker.id == speaker


@pytest.mark.parametrize(("line", "speaker"), [
    ("Seth Godin in his book \u201cTribes\u201d mentioned that", "person:seth-godin"),
    ("Jane Roe wrote that", "person:jane-roe"),
    ("The Big Book explained that", "author:t"),  # not a person's name
    ("Jane Roe loves that", "author:t"),  # not a verb of saying
])
def test_a_name_reporting_that_gives_the_quotation_under_it(line, speaker):
    doc = make_doc(f"T\n{line}\n\u201cA tribe is a group of people.\u201d\nMy own view.")
    assert utterance_with(doc, "A tribe").speaker.id == speaker
    assert utterance_with(doc, "My own view").speaker.id == "author:t"


@pytest.mark.parametrize(("line", "speaker"), [
    ("Jane Roe, Vice President, Client Services, Acme Center, notes the difference:",
     "person:jane-roe"),
    ("Jane Roe makes an important distinction:", "person:jane-roe"),
    # neither saying nor a point
    ("Jane Roe, Vice President, Client Services, Acme Center, makes the coffee:", "author:t"),
])
def test_a_name_with_a_title_or_a_distinction_introduces_the_line_under_it(line, speaker):
    doc = make_doc(f"T\n{line}\nCustomers think of you as a transaction.\n")
    assert utterance_with(doc, "Customers think").speaker.id == speaker


@pytest.mark.parametrize(("line", "speaker", "text"), [
    ("  \u2022 From Jeff Roe: \u201cA member believes in the purpose.\u201d", "person:jeff-roe",
     "\u201cA member believes in the purpose.\u201d"),
    ("From Jeff: \u201cA member believes in the purpose.\u201d", "person:jeff",
     "\u201cA member believes in the purpose.\u201d"),
    ("From Jeff: a member believes in the purpose.", "author:t",  # one word, no quotation
     "From Jeff: a member believes in the purpose."),
    # a full name labelling the quotation on its line; a heading or no quotation credits no one
    ("Jeff Roe: \u201cA member believes in the purpose.\u201d", "person:jeff-roe",
     "\u201cA member believes in the purpose.\u201d"),
    ("Final Thoughts: \u201cA member believes in the purpose.\u201d", "author:t",
     "Final Thoughts: \u201cA member believes in the purpose.\u201d"),
    ("Jeff Roe: a member believes in the purpose.", "author:t",
     "Jeff Roe: a member believes in the purpose."),
])
def test_a_quotation_credited_from_a_name_is_that_persons(line, speaker, text):
    doc = make_doc(f"T\nA couple of comments started it off:\n{line}\nMy own view.\n")
    u = utterance_with(doc, "believes")
    assert (u.speaker.id, doc.text[u.start:u.end].rstrip("\n")) == (speaker, text)
    assert utterance_with(doc, "My own view").speaker.id == "author:t"


def test_a_sentence_opening_word_is_not_part_of_a_name():
    # "As Ted said" is no "As Ted": the mail's writer keeps the lines after it
    doc = make_doc("Ted Roe wrote:\nOn 2/25/06, Al Roe <[EMAIL]> wrote:\nAs Ted said, we should be"
                   "\nworking for customers.\nA customer is a buyer.\n")
    assert utterance_with(doc, "A customer").speaker.id == "person:ted-roe"


def test_notes_on_a_named_persons_talk_are_that_persons_points():
    doc = make_doc("T\nThis book by Mia Vos, published by Open Social for the Council of "
                   "Makers and Maker Executives, is the basis of a talk that Mia gave. Here "
                   "are my takeaways from her presentation:\n1. Associations are communities."
                   "\n2. A group is not a team.\nMy own view differs.")
    assert [s for s, _ in said(doc)[1:]] == [
        "author:t", "person:mia-vos", "person:mia-vos", "author:t"]


def test_notes_without_a_talk_or_a_speaker_stay_the_authors():
    for intro in ("This book by Mia Vos is good. Here are my takeaways from it:",
                  "There was a talk. Here are my takeaways from her presentation:"):
        doc = make_doc(f"T\n{intro}\n1. Associations are communities.\n2. Teams differ.")
        assert {s for s, _ in said(doc)} == {"author:t"}


_LEADER = "David Roe is a well-known leader.\n"
_SAYING = "Community is a set of shared experiences.\n"
_QUOTED = "\u201cA community is a set of shared experiences.\u201d\n"


@pytest.mark.parametrize(("lines", "speaker"), [
    # a first name of a full name named before, reporting what the next line says
    (_LEADER + "David begins by sharing his philosophy on community:\n" + _SAYING,
     "person:david-roe"),
    # a first name no full name has; a verb that reports nothing
    (_LEADER + "Maria begins by sharing her philosophy on community:\n" + _SAYING, "author:t"),
    (_LEADER + "David arrived late, as usual:\n" + _SAYING, "author:t"),
    # a sentence opening with a full name that reports, over a quoted paragraph
    ("Jane Doe has written an article describing how teams work.\n" + _QUOTED,
     "person:jane-doe"),
    ("Jane Doe, a consultant, says teams are overrated.\n" + _QUOTED, "person:jane-doe"),
    # a line naming an interview with a person, over the quoted answer
    ("Interview with Jane Doe at the Lisbon conference\n" + _QUOTED, "person:jane-doe"),
    # a name that reports nothing; a reporting name not opening the sentence
    ("Jane Doe arrived in town last week with her team.\n" + _QUOTED, "author:t"),
    ("I met Jane Doe, who says teams are overrated.\n" + _QUOTED, "author:t"),
])
def test_a_reporting_line_hands_the_next_line_to_its_person(lines, speaker):
    doc = make_doc(f"T\n{lines}My own view differs.")
    assert [s for s, _ in said(doc)[-2:]] == [speaker, "author:t"]


def test_points_a_line_credits_by_name_are_that_persons():
    doc = make_doc("T\nKevin Monahan from the UNF center joined us. Mr. Monahan highlighted "
                   "these points:\n  \u2022 Funding is about storytelling.\n  \u2022 Know "
                   "your representatives.\nWe then had lunch.")
    assert [s for s, _ in said(doc)[2:]] == ["person:kevin-monahan"] * 2 + ["author:t"]
    doc = make_doc("T\nKevin Monahan joined us. We noted these points:\n  \u2022 Funding "
                   "is about storytelling.")
    assert said(doc)[-1][0] == "author:t"


def test_a_round_up_hands_each_answer_to_the_person_over_it():
    doc = make_doc("T\nWe asked founders why they started.\nTaly Matiteyahu | Cofounder & CEO "
                   "of Blink Date\nThe idea was born from a dinner.\nI had a great talk.\n"
                   "Ahida Correale | Fashion Designer\nI never intended to start a business.\n"
                   "Our Picks\nMore stories follow.")
    assert [s for s, _ in said(doc)] == [
        "author:t", "author:t", "author:t", "person:taly-matiteyahu", "person:taly-matiteyahu",
        "author:t", "person:ahida-correale", "author:t", "author:t"]


def test_an_honorific_before_a_round_up_header_is_no_part_of_the_name():
    doc = make_doc("T\nWe asked people what community means.\nDr. Gigi Roe, Chief of Pediatrics "
                   "at Acme Hospital\nCommunity is people woven together.\nAli Holm, Fitness "
                   "Expert\nCommunity is support.")
    assert [s for s, _ in said(doc)][2:] == [
        "author:t", "person:gigi-roe", "author:t", "person:ali-holm"]
    # an honorific and a surname alone name no one the header could hand the answer to
    doc = make_doc("T\nDr. Roe, Chief of Pediatrics\nCommunity is people.\nDr. Holm, Fitness "
                   "Expert\nCommunity is support.")
    assert {s for s, _ in said(doc)} == {"author:t"}


@pytest.mark.parametrize("intro", ["Q&A with Jane Doe, baker", "We spoke with Jane Doe.",
                                   "Adrienne Wong interviewed Jane Doe for the paper.",
                                   "Interview: Jane Doe on building teams"])
def test_an_interviews_answers_are_the_guest_its_introduction_names(intro):
    doc = make_doc(f"T\n{intro}\nQ: What is a community?\nA: A community is a group.\n"
                   "Q: Why?\nA: Teams differ.")
    assert [s for s, _ in said(doc)[2:]] == [
        "author:t", "person:jane-doe", "author:t", "person:jane-doe"]


@pytest.mark.parametrize(("intro", "guest"), [
    # the person the introduction goes on to call by first name is the guest
    ("Our volunteer of the month is Sarah Archibald. Sarah leads two groups.\n"
     "Now let's hear from Sarah!", "person:sarah-archibald"),
    # two people spoken of as often: no guest
    ("Our volunteers are Sarah Archibald and Ben Roe. Sarah and Ben lead two groups.",
     "author:t"),
    ("Our volunteer of the month is Sarah Archibald, who leads two groups.", "author:t"),
])
def test_an_interviews_guest_is_the_person_its_introduction_is_about(intro, guest):
    doc = make_doc(f"T\n{intro}\nQ: What is a community?\nA: A community is a group.\n"
                   "Q: Why?\nA: Teams differ.")
    assert utterance_with(doc, "Teams differ").speaker.id == guest


@pytest.mark.parametrize("text", [
    # questions on lines of their own, one addressing the guest the introduction names
    "T\nThis week we talk communities with Jane Doe, a strategist. Jane shares her view.\n"
    "Jane, who are you?\nMy name is Jane Doe and I build communities.\n"
    "What is a community?\nA community is a group.\nTeams differ.",
    # an "Interview with" heading, and the guest's name labelling her first answer
    "T\nInterview with Jane Doe\nCommunities matter to businesses today.\n"
    "Ann Roe: What do you do all day?\nJane Doe: I build communities.\n"
    "What is a community?\nA community is a group.\nTeams differ.",
    # an introduction saying its person answers the questions below
    "T\nJane Doe, our Vice President, set up the groups. Here she answers five questions.\n"
    "Why do groups matter?\nThey give people a place.\n"
    "What is a community?\nA community is a group.\nTeams differ.",
])
def test_an_unlabelled_interviews_answers_are_the_guests(text):
    doc = make_doc(text)
    assert [(u.speaker.id, u.role) for u in segment(doc)][-5:] == [
        ("author:t", "context"), ("person:jane-doe", "claim"), ("author:t", "context"),
        ("person:jane-doe", "claim"), ("person:jane-doe", "claim")]


def test_an_essays_own_questions_are_no_interview():
    # a person the introduction is about, but nothing says the page interviews her
    doc = make_doc("T\nOur volunteer of the month is Jane Doe. Jane leads two groups.\n"
                   "What is a community?\nA community is a group.\n"
                   "Why does it matter to you?\nTeams differ.")
    assert {u.speaker.id for u in segment(doc)} == {"author:t"}


@pytest.mark.parametrize(("text", "expected"), [
    # a transcript's initials stand for the full names labelled before
    ("George Howard: Welcome, Rachel Francine.\nRachel Francine: Hi.\n"
     "GH: So what is a community?\nRF: A community is a group.\nXY: Teams differ.",
     ["person:george-howard", "person:rachel-francine", "person:george-howard",
      "person:rachel-francine", "author:t"]),
    # a time-stamped turn runs on; a first name stands for the full name written before
    ("My name is Ann Lee and I am here with Bob Roe.\n"
     "[00:00:17] Bob: Hi Ann. What is a community?\n"
     "[00:00:21] Ann: A community is a group.\nIt shares a purpose.\n"
     "[00:00:40] Bob: Teams differ.",
     ["person:ann-lee", "person:bob-roe", "person:ann-lee", "person:ann-lee", "person:bob-roe"]),
])
def test_a_transcripts_short_labels_stand_for_full_names(text, expected):
    assert [s for s, _ in said(make_doc(f"T\n{text}"))[1:]] == expected


def test_a_transcripts_surnames_stand_for_the_full_names_labelled_before():
    doc = make_doc("T\nBrian Lehrer: Welcome.\nAnn Lee: Hi, teams are groups.\n"
                   "Lehrer: And communities?\nLee: They share a place.\nAmit: I agree.")
    assert [s for s, _ in said(doc)[1:]] == [
        "person:brian-lehrer", "person:ann-lee", "person:brian-lehrer", "person:ann-lee",
        "person:amit"]


def test_surname_labels_stand_for_the_full_names_the_page_introduces():
    # two people share no surname here; "Roe" is written by two full names: no one
    doc = make_doc("T\nOur experts: Ethan Brooks, a lead; Junae Brown, a founder.\n"
                   "Jo Roe and Al Roe are our hosts.\nBrooks: Yes, a team is a group.\n"
                   "Brown: No, it is not.\nRoe: Communities differ.")
    assert [s for s, _ in said(doc)[3:]] == [
        "person:ethan-brooks", "person:junae-brown", "person:roe"]


def test_a_reply_quoting_thread_is_an_unsigned_post_and_its_reply():
    doc = make_doc("T\nWhat is a community manager? Teams have managers.\n"
                   "Communities need no manager.\n> What is a community manager?\n"
                   "A community manager runs a community.\n> Communities need no manager.\n"
                   "Every community needs care.")
    assert [(s, t[:12]) for s, t in said(doc)[1:]] == [
        ("commenter:t:1", "What is a co"), ("commenter:t:1", "Communities "),
        ("author:t", "> What is a "), ("commenter:t:2", "A community "),
        ("author:t", "> Communitie"), ("commenter:t:2", "Every commun")]


@pytest.mark.parametrize("text", [
    # one quoted line; a page whose writer is named
    "T\nTeams have managers.\n> Communities need no manager.\nEvery community needs care.",
    "T\nBy Jane Doe\nTeams have managers.\n> What is a team?\nA team has a goal.\n"
    "> Communities need no manager.\nEvery community needs care.",
])
def test_a_page_with_one_quotation_or_a_named_writer_is_no_thread(text):
    doc = make_doc(text)
    assert not any(s.startswith("commenter") for s, _ in said(doc))


def test_a_title_before_the_guests_name_is_not_their_name():
    doc = make_doc("T\nQ & A with Chef Joshua Skenes\nQ. Tell us about it.\nA. It is a "
                   "dream.\nQ. And?\nA. Teams differ.")
    assert said(doc)[3][0] == "person:joshua-skenes"


def test_dotted_q_and_a_labels_and_no_guest_named():
    doc = make_doc("T\nWe spoke with Jane Doe.\nQ. What is a team?\nA. A team is a group.\n"
                   "Q. And?\nA. Teams differ.")
    assert [s for s, _ in said(doc)[2:]] == [
        "author:t", "person:jane-doe", "author:t", "person:jane-doe"]
    doc = make_doc("T\nQ: What is a team?\nA: A team is a group.\nQ: And?\nA: Teams differ.")
    assert {s for s, _ in said(doc)} == {"author:t"}
    doc = make_doc("T\nWe spoke with Jane Doe.\nA. Smith wrote a book.\nTeams differ.")
    assert {s for s, _ in said(doc)} == {"author:t"}


def test_one_name_and_title_line_is_no_round_up():
    doc = make_doc("T\nTaly Matiteyahu | Cofounder of Blink Date\nThe idea was born from a "
                   "dinner.\nJane Doe | May 2, 2020\nIt rained.")
    assert {s for s, _ in said(doc)} == {"author:t"}


def test_the_points_of_a_person_named_on_earlier_lines_run_under_their_list_items():
    doc = make_doc("T\nKumi Sato shut comments on Cash Pages, her blog.\nI respect Kumi's choice."
                   " Here are two of her points:\n1. Community will fade:\nA blog is no "
                   "community.\n2. Ties will grow:\nTeams form.\nMy view differs.")
    assert [s for s, _ in said(doc)[3:]] == ["person:kumi-sato"] * 4 + ["author:t"]


def test_signatures_closing_a_talk_pages_paragraphs_name_their_writers():
    doc = make_doc("Talk\nA team is staff. I disagree. Best, MarkDilley\nTeams differ from "
                   "groups. TedErnst | talk 12:40, 26 September 2007 (PDT)\nWe did our best, Mark")
    assert said(doc)[1:] == [
        ("person:markdilley", "A team is staff. I disagree."),
        ("person:tedernst", "Teams differ from groups."),
        ("author:t", "We did our best, Mark")]


def test_a_list_of_quotations_from_the_person_named_last_is_theirs():
    doc = make_doc("T\nScott Lee spoke. Scott closed the evening.\nSome notable quotations from "
                   "this community leader:\n\u201cLeave a residue.\u201d\n\u201cA community "
                   "talks.\u201d\nHe ended there.")
    assert [s for s, _ in said(doc)[3:]] == ["person:scott-lee", "person:scott-lee", "author:t"]
    doc = make_doc("T\nScott Lee spoke. Scott closed.\nMy thoughts on this:\n\u201cLeave it.\u201d")
    assert said(doc)[-1][0] == "author:t"


def test_quotations_signed_on_their_line_are_their_signers():
    doc = make_doc('T\n"Community is being part of something bigger" - Joe\n'
                   '"A team ships" \u2014 Ann Lee\n"A group" is a word - we use it.\n'
                   '\u201cA church is a body. We belong.\u201d \u2013 Dietrich Roe.')
    assert said(doc)[1:] == [
        ("person:joe", '"Community is being part of something bigger"'),
        ("person:ann-lee", '"A team ships"'),
        ("author:t", '"A group" is a word - we use it.'),
        ("person:dietrich-roe", "\u201cA church is a body. We belong.\u201d")]


def test_quotation_credits_after_a_sentence_in_brackets_and_on_the_next_line():
    doc = make_doc("T\nSome quotes.\nA network is a set of ties. ~ Barry Roe\n"
                   "\u201cAn audience watches.\u201d (Seth Doe)\n"
                   "A community needs a purpose. -- Charles Roe, The Art of Community\n"
                   "\u201cCommunities are built on trust.\u201d\n\u2015 Margaret Roe\n"
                   "Teams differ. \u2013 Bob\nGroups talk (they do).")
    assert [s for s, _ in said(doc)[1:]] == [
        "author:t", "person:barry-roe", "person:seth-doe", "person:charles-roe",
        "person:margaret-roe", "author:t", "author:t", "author:t"]


def test_a_list_under_an_introducing_line_is_the_introduced_speakers():
    doc = make_doc("T\nWe met. Jane Doe explained it like this:\n- teams ship\n- groups talk"
                   "\nA network is wide.")
    assert [s for s, _ in said(doc)[2:]] == ["person:jane-doe", "person:jane-doe", "author:t"]


def test_a_quotation_over_several_paragraphs_stays_with_its_speaker():
    doc = make_doc("T\nJane Doe began by offering that: \"teams differ\" and went on by saying:\n"
                   "\"It is not a definition you would give.\nYou make a sale to members.\n"
                   "A community is faith.\"\nThat reply led to more thoughts.")
    speakers = {doc.text[u.start:u.end][:12]: (u.speaker.id, u.role) for u in segment(doc)}
    assert speakers == {
        "T": ("author:t", "heading"),
        "Jane Doe beg": ("author:t", "claim"),  # it quotes something itself
        "\"It is not a": ("person:jane-doe", "claim"),
        "You make a s": ("person:jane-doe", "claim"),
        "A community ": ("person:jane-doe", "claim"),  # the quotation closes here
        "That reply l": ("author:t", "claim"),
    }


def test_recap_lines_signed_by_a_name_glued_to_the_chat_tag():
    doc = make_doc("Recap\nQ1 Teams ship things #cxmchatAnn Lee\nQ1 Groups talk #Cxmchatbob\n"
                   "Q1 Communities last #cxmchatAnn Lee\nWe loved the #communityBuilding chat")
    assert said(doc)[1:] == [
        ("person:ann-lee", "Teams ship things"), ("person:bob", "Groups talk"),
        ("person:ann-lee", "Communities last"),  # the "Q1" label is trimmed like a bullet
        ("author:t", "We loved the #communityBuilding chat")]


def test_colon_line_without_a_person_does_not_introduce():
    assert utterance_with(make_doc(INTRO), "teams are not").speaker.id == "author:t"


def test_name_in_prose_matching_a_handle_names_that_handle():
    doc = make_doc("Josh Plaskoff is a strategist.\n@jplaskoff: communities are people.")
    assert utterance_with(doc, "communities").speaker == Speaker(
        "@jplaskoff", "Josh Plaskoff", "person", ("Josh Plaskoff", "@jplaskoff", "Josh"))


# --- the author -------------------------------------------------------------------

JANE = Speaker("person:jane-doe", "Jane Doe", "author", ("Jane Doe", "Jane"))


@pytest.mark.parametrize(("text", "author"), [
    ("T\n5 minute read\nBarb Mosher Zinck avatar\nBody text here.",
     Speaker("person:barb-mosher-zinck", "Barb Mosher Zinck", "author",
             ("Barb Mosher Zinck", "Barb"))),
    ("T\nBy Jane Doe\nBody text here.",
     Speaker("person:jane-doe", "Jane Doe", "author", ("Jane Doe", "Jane"))),
    ("T\nBody text here.\nRachel Medanic\nRachel Medanic is a consultant.",
     Speaker("person:rachel-medanic", "Rachel Medanic", "author", ("Rachel Medanic", "Rachel"))),
    ("T\nFinal Thoughts\nBody text here.", Speaker("author:t", "Author of T", "author")),
    # a byline with the writer's handle; a social post's header; accented names
    ("T\nFrançois Chollet @fchollet · Apr 2, 2019\nBody text here.",
     Speaker("@fchollet", "François Chollet", "author",
             ("François Chollet", "@fchollet", "François"))),
    ("T\nRichard Roe @rroe\nBody text here.",
     Speaker("@rroe", "Richard Roe", "author", ("Richard Roe", "@rroe", "Richard"))),
    # no byline: the text's own voice introduces itself
    ("T\nI am your host, Lucas Root, and we talk teams.\nBody text here.",
     Speaker("person:lucas-root", "Lucas Root", "author", ("Lucas Root", "Lucas"))),
    ("T\nMy name is Tanja Laub and I build communities.\nBody text here.",
     Speaker("person:tanja-laub", "Tanja Laub", "author", ("Tanja Laub", "Tanja"))),
    # a dateline and a title that asks a question come before "By Name."
    ("March 3, 2021\nWhat is a team?\nBy Ann B.\nBody text here.",
     Speaker("person:ann-b", "Ann B.", "author", ("Ann B.", "Ann"))),
    # a call to action in the page's chrome comes before the byline; a body sentence ends the search
    ("T\nBy Bobby Peralta posted 11-09-2022 09:55\nBody text here.",
     Speaker("person:bobby-peralta", "Bobby Peralta", "author", ("Bobby Peralta", "Bobby"))),
    ("T\nEdited by Huma Saeed || By Sumera Saeed || Updated on October 16, 2023\nBody text.",
     Speaker("person:sumera-saeed", "Sumera Saeed", "author", ("Sumera Saeed", "Sumera"))),
    ("Join us\nStart here!\nBy Sonny Gill  |\nBody text here.",
     Speaker("person:sonny-gill", "Sonny Gill", "author", ("Sonny Gill", "Sonny"))),
    ("T\nBody text starts here and runs on for a while.\nBy Sonny Gill\nMore text.",
     Speaker("author:t", "Author of T", "author")),
    # quoted sentences open the page: a heading after them is no byline
    ('T\n"Belonging means we are all together in one community, as one voice."\n'
     '"Community means feeling included."\nTheoretical Background\nBody text here.',
     Speaker("author:t", "Author of T", "author")),
    # a name with a job title under the headline
    ("T\nInformationWeek Staff, Contributor\nBody text here.",
     Speaker("person:informationweek-staff", "InformationWeek Staff", "author",
             ("InformationWeek Staff", "InformationWeek"))),
    ("T\nOnline Communities, Explained\nBody text: online communities.",
     Speaker("author:t", "Author of T", "author")),
    # no byline: a thread reader's credit line names the thread's writer; a call to
    # follow someone for news does not
    ("A community gives.\nBody text here.\nYou can follow @softy_J.",
     Speaker("@softy_j", "@softy_J", "author", ("@softy_J",))),
    ("T\nBody text here.\nFollow @news for the latest updates.",
     Speaker("author:t", "Author of T", "author")),
    # a heading of words the text uses in lowercase is no byline
    ("T\nEmployee Communities\nBody text: our employees build communities.",
     Speaker("author:t", "Author of T", "author")),
    # "The following was written by ...": the writers of the excerpt; "by the team" names
    # no one
    ("T\nThe following was written by Jane Doe and Jo Roe for the book \"Teams\":\n"
     "Body text here.", Speaker("person:jane-doe-and-jo-roe", "Jane Doe and Jo Roe", "author",
                                ("Jane Doe and Jo Roe", "Jane Doe", "Jo Roe"))),
    ("T\nThe following was written by the team:\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    # a section heading that opens with a verb's "-ing" form the text uses is no byline;
    # a name that ends in "-ing" still is
    ("T\nEngaging Customers\nBody text here: what engagement means.",
     Speaker("author:t", "Author of T", "author")),
    ("T\nSterling Hayden\nBody text here: what engagement means.",
     Speaker("person:sterling-hayden", "Sterling Hayden", "author",
             ("Sterling Hayden", "Sterling"))),
    # a date before "by Name"; a name before a date or a reading time; a lead on its own
    # line above the name; more lead words
    ("T\nPosted on May 2, 2020 by Jane Doe\nBody text here.", JANE),
    ("T\npublished at 05.11.2015 21:38 by Jane Doe\nBody text here.", JANE),
    # a dateline and a placeholder byline name no one
    ("T\nLast Updated Jun 9, 2024\nBy Author\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    ("T\npublished at 05.11 by Jane Doe\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    ("T\n3 March 2021 by Jane Doe in Essays\nBody text here.", JANE),
    ("T\nJane Doe | May 2, 2020\nBody text here.", JANE),
    ("T\nJane Doe · 5 min read\nBody text here.", JANE),
    ("T\nWritten by\nJane Doe\nBody text here.", JANE),
    ("T\nA guest post by Jane Doe\nBody text here.", JANE),
    ("T\nThis is a guest post from Jane Doe.\nBody text here.", JANE),
    ("T\nThis is a guest post from our team.\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    ("T\nTeams | Networks | Groups\nBody text here.", Speaker("author:t", "Author of T", "author")),
    ("T\nUpdated on May 2, 2020 by the editors\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    ("T\nWritten by\nBody text here.", Speaker("author:t", "Author of T", "author")),
    ("T\nJane Doe | Community Manager\nBody text here.",
     Speaker("author:t", "Author of T", "author")),
    # a bulleted name over a date; a bulleted name alone is a menu
    ("T\n- Jane Doe\n- May 29, 2023\n- 5 min read\nBody text here.", JANE),
    ("T\n- Jane Doe\n- Our Team\nBody text here.", Speaker("author:t", "Author of T", "author")),
    # a name and an affiliation; a name and a year is a citation
    ("T\nJane Doe (Acme Consulting, Canada)\nBody text here.", JANE),
    ("T\nJane Doe (2011)\nBody text here.", Speaker("author:t", "Author of T", "author")),
    ("T\nWork Team (WT)\nBody text here.", Speaker("author:t", "Author of T", "author")),
    # a name and an institution; a name and a place is no byline
    ("T\nJane Doe, University of North Carolina at Charlotte\nBody text here.", JANE),
    ("T\nJane Doe, North Carolina\nBody text here.", Speaker("author:t", "Author of T", "author")),
    # a programme's heading is no name; the speaker's name under it is the byline
    ("T\nOpening Session\nBody text here.", Speaker("author:t", "Author of T", "author")),
    ("T\nClosing Keynote\nJane Doe\nBody text here.", JANE),
    # a standfirst's "writes Jane Doe"; "writes" inside the sentence credits no one
    ("T\nMost marketers mix the two up, but they differ, writes Acme's Jane Doe.\n"
     "Body text here.", JANE),
    ("T\nMost marketers say Jane Doe writes well about the way communities differ.\n"
     "Body text here.", Speaker("author:t", "Author of T", "author")),
    # a standfirst presents the page's speaker: a present-tense presenting verb, or any
    # tense after "In this <talk>"; a report's "talked about" presents no one
    ("T\nLeadership consultant Jane Doe explains why teams are not the answer.\n"
     "Body text here.", JANE),
    ("T\nStop Scrolling! Acme's Jane Doe explains the value of a community below.\n"
     "Body text here.", JANE),
    ("T\nIn this panel, Jane Doe (Acme Architect) discussed how crowds differ from "
     "communities.\nBody text here.", JANE),
    ("T\nJane Doe talked about the era of business where trust matters most.\n"
     "Body text here.", Speaker("author:t", "Author of T", "author")),
    ("T\nConsultant Jane Doe explains the difference.\nBody text here.", JANE),
])
def test_author_from_byline_or_author_box(text, author):
    doc = make_doc(text)
    assert utterance_with(doc, "Body text").speaker == author


def test_a_title_with_a_bracket_is_no_name_and_affiliation():
    doc = make_doc("Mailing List Etiquette (Show 1740)\nBody text here.",
                   title="Mailing List Etiquette (Show 1740)")
    assert utterance_with(doc, "Body text").speaker.id == "author:t"


BODY = ("A community is a group of people who care about each other and meet often.\n"
        "Members help each other and they share what they know with the others.\n")


@pytest.mark.parametrize(("text", "author"), [
    # a title that looks like a name names no one, unless the writer's bio follows it
    ("Editorial Commentary\n" + BODY, None),
    ("Book Reviews\nHow to Write a Review\n" + BODY, None),
    ("John Nawn\nJohn Nawn is a strategist who helps associations.\n" + BODY, "John Nawn"),
    # a byline the reader drops as site furniture still names the writer
    ("Book Reviews\nHow to Write a Review\nby Sue Weems | 23 comments\n" + BODY, "Sue Weems"),
    ("Notes\nby Kenji Nakamura 55 views\n" + BODY, "Kenji Nakamura"),
    # a bulleted credit names the writer; a bulleted menu item does not
    ("Notes\n  \u2022 Writer: Jane Doe\n  \u2022 Apr 6, 2020\n" + BODY, "Jane Doe"),
    ("The Daily Paper\n  \u2022 Food & Drink\n  \u2022 Real Estate\n" + BODY, None),
    ("Notes\n  \u2022 Writer: Charlie A Cliff\n  \u2022 Apr 6, 2020\n" + BODY, "Charlie A Cliff"),
    # a site's tagline over the byline; a second body-length line ends the search
    ("Center Blog\nCurrent research and advice for daily practice from our faculty and staff.\n"
     "May 24, 2011\nposted by\nJane Doe,\n" + BODY, "Jane Doe"),
    ("Center Blog\nCurrent research and advice for daily practice from our faculty and staff.\n"
     "A second sentence of the body runs on here for a good while.\nposted by\nJane Doe\n" + BODY,
     None),
    ("Notes\nFilter By Categories\n" + BODY, None),
    # a page named for its owner ("Newley's Notes") is the owner's; a club is not a work
    ("Newley's Notes\n" + BODY, "Newley"),
    ("Glatix's Guide to Groups of Gamers\n" + BODY, "Glatix"),
    ("Rockstar's Social Club\n" + BODY, None),
    ("Beginner's Guide to Teams\nEvery beginner is welcome here.\n" + BODY, None),
    # a greeting line's "I am Benny" introduces the writer; a lone "I am Benny" does not
    ("Notes\nHello readers, welcome to my blog. I am Benny, your guide.\n" + BODY, "Benny"),
    ("Notes\nAs I said before, I am Benny, your guide.\n" + BODY, None),
    # a mail's header
    ("Re: communities\nFrom: Jane Doe <jane@example.org>\n" + BODY, "Jane Doe"),
    # a signature closing the page
    ("Local papers\n" + BODY + "Kirk Chaffee\n", "Kirk Chaffee"),
    ("Local papers\n" + BODY + "Kirk Chaffee // @kchaffee\n", "Kirk Chaffee"),
    # a short sign-off on the line of the page's last words; not a quotation's credit
    ("Local papers\n" + BODY + "Thanks for reading! – Kirk Chaffee, Acme Weekly\n", "Kirk Chaffee"),
    ("Local papers\n" + BODY + "\u201cA community is people.\u201d – Kirk Chaffee\n", None),
    ("Local papers\n" + BODY + "We will talk about all of this again at the meeting next "
     "month. – Kirk Chaffee\n", None),
    # a degree after a bulleted name over a date; a name over its follow link
    ("Notes\n- Angela E. Batista, Ed.D.\n- Sep 8\n" + BODY, "Angela E. Batista"),
    ("Notes\nA standfirst on what a community is, and how it differs from an audience.\n"
     "Molly Talbert\nFollow Us\n" + BODY, "Molly Talbert"),
    ("Notes\nA standfirst on what a community is, and how it differs from an audience.\n"
     "Molly Talbert\nRead the Story\n" + BODY, None),
    ("Local papers\n" + BODY + "Kirk Chaffee (@kchaffee)\n", "Kirk Chaffee"),
    ("Local papers\n" + BODY + "Kirk Chaffee // @kchaffee\n"
     "He wrote this on a train and then he went home.\n", None),
    ("Local papers\n" + BODY + "Kirk Chaffee\nHe wrote this on a train and then he went home.\n",
     None),
])
def test_author_of_a_read_page(tmp_path, text, author):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    speaker = utterance_with(doc, "Members help").speaker
    assert speaker.kind == "author"
    assert speaker.label == (author or f"Author of {doc.title}")


def test_a_sentence_adverb_is_no_vocative():
    doc = make_doc("T\nNow, as I have learned, communities grow.\nNow, I see it differently.\n")
    assert {u.speaker.id for u in segment(doc)} == {"author:t"}


def test_a_comments_header_ending_the_page_opens_no_comments():
    doc = make_doc("T\nA community shares a place.\nComments")
    assert said(doc) == [("author:t", "T"), ("author:t", "A community shares a place."),
                         ("author:t", "Comments")]


@pytest.mark.parametrize("heading", [
    "Thoughts on \u201cGaming Communities\u201d", "Comments Suck, Communities Rule"])
def test_a_post_titled_like_a_comments_header_stays_the_writers(heading):
    doc = make_doc(f"T\n{heading}\nA community shares a place. It grows.\nTeams ship work.\n")
    assert {u.speaker.id for u in segment(doc)} == {"author:t"}


@pytest.mark.parametrize("header", ["12 thoughts on \u201cT\u201d", "Comments (2)", "Responses",
                                    "3 Comments", "Replies:"])
def test_a_counted_or_bare_comments_header_still_opens_comments(header):
    doc = make_doc(f"T\nA community shares a place.\n{header}\nTeams ship work. I agree.\n")
    assert said(doc)[-1][0] == "commenter:t:1"


def test_a_cited_source_labelling_a_line_says_it():
    doc = make_doc("Notes\nWellman (1999): Communities are not lost.\nIn 1999: teams grew.")
    assert said(doc)[1:] == [("person:wellman", "Communities are not lost."),
                             ("author:t", "In 1999: teams grew.")]


def test_segment_of_any_prefix_of_a_sample_article_keeps_ranges_in_the_text(corpus_dir):
    # truncated pages and a trailing "Comments" header are what scraped text looks like
    for path in sorted(corpus_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for cut in range(1, len(lines) + 1, 5):
            text = "\n".join(lines[:cut]) + "\nComments"
            doc = make_doc(text)
            spans = [(u.start, u.end) for u in segment(doc)]
            assert all(0 <= a <= b <= len(text) for a, b in spans), (path.name, cut)
            assert spans == sorted(spans), (path.name, cut)


def test_session_notes_label_lines_with_their_speakers_names():
    doc = make_doc("Notes\nWork: a project about work\nAmit: a small community trusts.\n"
                   "Ward: a purpose helps a community.\nAmit: teams ship.\nWe met again.")
    assert said(doc)[1:] == [
        ("author:t", "Work: a project about work"),  # a field label: "work" is a word here
        ("person:amit", "a small community trusts."),
        ("person:ward", "a purpose helps a community."),
        ("person:amit", "teams ship."), ("author:t", "We met again.")]


def test_a_lists_terms_label_no_speaker_and_its_text_is_the_pages():
    doc = make_doc("Brand communities\nShared Identity: members share an identity.\n"
                   "Open Communication: brands talk with members.\nRepeat Purchases: loyal "
                   "customers repeat what they buy.\nWe met again.")
    assert said(doc)[1:] == [
        ("author:t", "members share an identity."),
        ("author:t", "brands talk with members."),
        ("author:t", "loyal customers repeat what they buy."), ("author:t", "We met again.")]


def test_one_labelled_line_is_no_transcript():
    doc = make_doc("Notes\nAmit: a small community trusts.\nWe met again.")
    assert said(doc)[1][0] == "author:t"


def test_an_interviews_answers_are_its_guests_and_its_questions_context():
    doc = make_doc("Interview\nName: Elizabeth Barron\nQ: When does a group become a "
                   "community?\nA: When two people work on a project.\nThanks for reading.")
    assert [(u.speaker.id, u.role, doc.text[u.start:u.end][:10]) for u in segment(doc)][2:] == [
        ("author:t", "context", "When does "), ("person:elizabeth-barron", "claim", "When two p"),
        ("author:t", "claim", "Thanks for")]


def test_a_dash_signature_signs_the_passage_above_it_back_to_its_introducer():
    doc = make_doc("T\nI always go back to this definition:\nA community cares.\n"
                   "A group may not.\n\u2014 Charles Vogl\nMy own view differs.")
    assert [(s, t[:12]) for s, t in said(doc)[1:]] == [
        ("author:t", "I always go "), ("person:charles-vogl", "A community "),
        ("person:charles-vogl", "A group may "), ("person:charles-vogl", "Charles Vogl"),
        ("author:t", "My own view ")]


def test_an_embedded_tweets_credit_line_signs_the_tweet_above_it():
    doc = make_doc("T\nSome highlights.\nA community cares. #cmgr\n"
                   "\u2014 Jane Doe (@janedoe) May 3, 2015\nMy own view differs.\n"
                   "A team ships.\n\u2014 Jane Doe (@janedoe) was right\nTeams win.")
    who = dict((text, s) for s, text in said(doc))
    assert [who["A community cares. #cmgr"], who["My own view differs."],
            who["A team ships."]] == ["@janedoe", "author:t", "author:t"]


def test_a_presenter_line_over_spoken_paragraphs_hands_them_over():
    doc = make_doc("T\nBy Ann Roe\nBrands cultivate communities of their customers.\n"
                   "Jill Park describes three markers of teams.\n"
                   "So there are three markers. A team shares a goal.\n"
                   "The second marker is trust. When you are in a team, you rely on it.\n"
                   "Teams are common in firms.\n")
    who = dict((text, s) for s, text in said(doc))
    assert [who["So there are three markers. A team shares a goal."],
            who["The second marker is trust. When you are in a team, you rely on it."],
            who["Teams are common in firms."]] == ["person:jill-park"] * 2 + ["person:ann-roe"]
    # a written paragraph under the line stays the writer's
    doc = make_doc("T\nBy Ann Roe\nBrands cultivate communities of their customers.\n"
                   "Jill Park describes three markers of teams.\nA team shares a goal.\n")
    assert said(doc)[-1][0] == "person:ann-roe"


def test_hard_wrapped_lines_of_one_paragraph_are_one_utterance():
    doc = make_doc("T\nA network is a structure made   \nof nodes that are tied.\n"
                   "Teams differ\n- from groups\nsuch lists.\nstay apart.")
    assert said(doc)[1:] == [
        ("author:t", "A network is a structure made   \nof nodes that are tied."),
        ("author:t", "Teams differ"),  # a bullet starts its own line
        ("author:t", "from groups\nsuch lists."),
        ("author:t", "stay apart."),  # the line before ends its sentence
    ]


def test_dated_comment_headers_name_their_writer_even_as_furniture():
    text = ("Post body line that runs on for a while.\n3 Responses\n"
            "Jo Lee September 8, 2010 at 3:54 am | | Reply\n"
            "\u201cEvery brand has a community\u201d is wrong.\n"
            "Ann Bo May 2, 2011 | Reply\nTeams differ.\n")
    doc = make_doc(text, skipped=(2, 4))  # ingest classes "| Reply" lines as furniture
    assert said(doc)[-2:] == [
        ("person:jo-lee", "\u201cEvery brand has a community\u201d is wrong."),
        ("person:ann-bo", "Teams differ.")]


def test_forum_post_headers_name_their_user():
    doc = make_doc("Thread\nWhat is a community?\n9\nu/communitycoach Sep 25 '24\n"
                   "A community garden is shared.\nu/Catija · 2y ago\nGroups differ.\n"
                   "u/Catija says groups differ.")
    assert said(doc)[3:] == [
        ("u/communitycoach", "A community garden is shared."),
        ("u/catija", "Groups differ."),
        ("u/catija", "u/Catija says groups differ."),  # a sentence, not a header
    ]


def test_chat_lines_are_not_joined_as_wrapped():
    doc = make_doc("Chat\nann: teams differ\nbob: groups talk\ncat: nets\nann: more\n"
                   "lowercase goes on")
    assert [s for s, _ in said(doc)[1:]] == ["@ann", "@bob", "@cat", "@ann", "author:t"]


def test_byline_line_is_not_an_utterance():
    doc = make_doc("T\nBarb Mosher Zinck avatar\nBody text here.")
    assert [doc.text[u.start:u.end] for u in segment(doc)] == ["T", "Body text here."]


COMMENTS = (
    "Post body line.\n"                              # 0  author
    "Amber, this is spot on.\n"                      # 1  commenter 1
    "I agree with you.\n"                            # 2
    "Amber, this is spot on.\n"                      # 3  duplicate block
    "Great post on a topic.\n"                       # 4  commenter 2
    "Amber:\n"                                       # 5  vocative only
    "You had me at hello.\n"                         # 6
    "DJ Waldow\n"                                    # 7
    "Director of Community, Blue Sky Factory\n"      # 8
    "@djwaldow\n"                                    # 9
    "When I read your headline I thought so.\n"      # 10
    "Thanks, Amber.\n"                               # 11
    "@markwschaefer\n"                               # 12
    "Amber, great call to action.\n"                 # 13
    "Community is people.\n"                         # 14
    "http://example.com/a-link\n"                    # 15 boilerplate URL: same comment
    "It is great.\n"                                 # 16
    "Cheers,\n"                                      # 17
    "Adam\n"                                         # 18
    "Best, Jo\n"                                     # 19 a signature on its own line
)


def comments_doc() -> Document:
    doc = make_doc(COMMENTS, skipped=(3,))
    blocks = list(doc.blocks)
    blocks[15] = Block(blocks[15].start, blocks[15].end, "boilerplate")
    return Document(doc.id, doc.path, doc.title, doc.text, tuple(blocks))


def test_author_named_by_vocatives():
    assert utterance_with(comments_doc(), "Post body").speaker == Speaker(
        "person:amber", "Amber", "author", ("Amber",))


def test_unsigned_comments_get_distinct_commenters():
    doc = comments_doc()
    first = utterance_with(doc, "spot on").speaker
    assert first == Speaker("commenter:t:1", "Commenter 1", "person")
    assert utterance_with(doc, "I agree").speaker == first
    assert utterance_with(doc, "Great post").speaker == Speaker(
        "commenter:t:2", "Commenter 2", "person")


def test_vocative_is_excluded_and_kept_as_addressee():
    u = utterance_with(comments_doc(), "spot on")
    assert (comments_doc().text[u.start:u.end], u.addressees) == (
        "this is spot on.", ("Amber",))


def test_signature_name_title_handle_claims_the_comment_above():
    doc = comments_doc()
    speaker = Speaker("@djwaldow", "DJ Waldow", "person", ("DJ Waldow", "@djwaldow", "DJ"))
    assert utterance_with(doc, "You had me").speaker == speaker
    assert not any(doc.text[u.start:u.end] in {"DJ Waldow", "@djwaldow", "Amber:"}
                   for u in segment(doc))


def test_closing_with_author_name_then_handle():
    doc = comments_doc()
    assert utterance_with(doc, "headline").speaker == Speaker(
        "@markwschaefer", "@markwschaefer", "handle")
    assert not any("Thanks, Amber" in doc.text[u.start:u.end] for u in segment(doc))


def test_cheers_name_signature_spans_a_link_line():
    doc = comments_doc()
    adam = Speaker("person:adam", "Adam", "person", ("Adam",))
    assert utterance_with(doc, "Community is people").speaker == adam
    assert utterance_with(doc, "It is great").speaker == adam


def test_comment_copy_without_ingest_reuses_the_commenter():
    doc = make_doc("Post.\nAmber, hi there.\nAmber, yes.\nAmber, hi there.\n")
    speakers = [u.speaker.id for u in segment(doc)]
    assert speakers == ["person:amber", "commenter:t:1", "commenter:t:2", "commenter:t:1"]


# --- Attributor (real model) -----------------------------------------------------------

def attribute(nlp, text: str, speaker: Speaker | None = None,
              known: tuple[Speaker, ...] = ()) -> list[str]:
    """Speaker ids of each sentence of ``text`` (one utterance per paragraph)."""
    doc = make_doc(text)
    base = speaker or Speaker("author:t", "Author of T", "author")
    utterances, pos = [], 0
    for para in text.split("\n"):
        utterances.append(Utterance(pos, pos + len(para), base))
        pos += len(para) + 1
    attributor = Attributor(doc, [*utterances, *(Utterance(0, 0, s) for s in known)])
    return [s.id for u in utterances
            for s in attributor.speakers_for(list(nlp(text[u.start:u.end]).sents), u)]


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence citing one work is its authors'; several citations, or a date, name no one
    ("Community imparts a sense of purpose (Boyer, 1987). Our campus agrees.",
     ["person:boyer", "author:t"]),
    # the parser ends the sentence inside the bracket ("pp." / "308-9).")
    ("A team is interdependent (Guzzo & Dickson 1996, pp. 308-9).",
     ["group:guzzo-dickson", "author:t"]),
    ("Communities of practice share a domain (Wenger et al., 2002).", ["group:wenger-et-al"]),
    ("Networks, as explained by Lee (2011), exist for a reason.", ["person:lee"]),
    ("A community gives meaning (Hampton, 1991; Young, 1990).", ["author:t"]),
    ("Our community met twice (May 2011).", ["author:t"]),
])
def test_a_cited_works_authors_make_the_sentence_citing_it(nlp, text, expected):
    assert attribute(nlp, text) == expected


def test_a_job_title_in_apposition_makes_a_name_a_persons_whatever_the_entity_tagger_says(nlp):
    # a hand-built parse: the tagger calls "Jo Vance" an organisation
    from spacy.tokens import Doc

    words = ["Jo", "Vance", ",", "chair", "of", "Acme", ",", "said", "teams", "differ", "."]
    spaces = [True, False, True, True, True, False, True, True, True, False, False]
    parsed = Doc(nlp.vocab, words=words, spaces=spaces, heads=[1, 7, 1, 1, 3, 4, 1, 7, 9, 7, 7],
                 deps=["compound", "nsubj", "punct", "appos", "prep", "pobj", "punct", "ROOT",
                       "nsubj", "ccomp", "punct"],
                 pos=["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "VERB",
                      "NOUN", "VERB", "PUNCT"],
                 lemmas=["Jo", "Vance", ",", "chair", "of", "Acme", ",", "say", "team", "differ",
                         "."],
                 ents=["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O"],
                 sent_starts=[True] + [False] * 10)
    doc = make_doc(parsed.text)
    u = Utterance(0, len(parsed.text), Speaker("author:t", "Author of T", "author"))
    assert [s.id for s in Attributor(doc, [u]).speakers_for(list(parsed.sents), u)] == [
        "person:jo-vance"]


def test_a_joke_is_reported_speech(nlp):
    assert attribute(nlp, "Jane Roe joked that community is a terrible word.") == [
        "person:jane-roe"]


@pytest.mark.parametrize("text", [
    "Jane Roe noticed that members started to leave.",
    "Jane Roe expressed interest in a new plan for members.",
    "Jane Roe expects members to stay.",
])
def test_a_persons_noticing_hoping_or_expecting_is_their_account(nlp, text):
    assert attribute(nlp, text) == ["person:jane-roe"]


@pytest.mark.parametrize(("text", "expected"), [
    # a surname the text writes in full elsewhere is that person, before or after
    ("Rheingold says a community is a group.\nSee the book by Howard Rheingold.",
     ["person:howard-rheingold", "author:t"]),
    ("Rheingold says a community is a group.\nFor Rheingold, teams differ.",
     ["person:rheingold", "person:rheingold"]),
    ("Dr. Smith says a community is a group.\nBooks by John Smith and Adam Smith are long.",
     ["person:smith", "author:t"]),
])
def test_a_surname_is_the_one_full_name_the_text_gives_it(nlp, text, expected):
    assert attribute(nlp, text) == expected


def test_the_writers_own_expectation_stays_the_writers(nlp):
    assert attribute(nlp, "We expect members to stay. Most people hope so.") == [
        "author:t", "author:t"]


def test_a_citations_label_is_as_written_and_names_each_author(nlp):
    doc = make_doc("A team is interdependent (Guzzo & Dickson, 1996).")
    u = Utterance(0, len(doc.text), Speaker("author:t", "Author of T", "author"))
    who = Attributor(doc, [u]).speakers_for(list(nlp(doc.text).sents), u)[0]
    assert (who.label, who.kind, who.aliases) == (
        "Guzzo & Dickson", "group", ("Guzzo & Dickson", "Guzzo", "Dickson"))


@pytest.mark.parametrize(("text", "label"), [
    ("Merriam-Webster defines a community as a body of individuals.", "Merriam-Webster"),
    ("Jane Roe defines a community as a body of individuals.", "Jane Roe"),
])
def test_a_hyphenated_name_keeps_its_hyphen(nlp, text, label):
    doc = make_doc(text)
    u = Utterance(0, len(doc.text), Speaker("author:t", "Author of T", "author"))
    assert Attributor(doc, [u]).speakers_for(list(nlp(doc.text).sents), u)[0].label == label


@pytest.mark.parametrize(("text", "expected"), [
    ("Renee Hopkins noted the success of in-person events. The Factory anchors its community.",
     ["person:renee-hopkins", "author:t"]),
    ("Brittany Metz shared how important it is to be a member. She says she has real friends.",
     ["person:brittany-metz", "person:brittany-metz"]),
    ("Rachel Medanic noted the importance of commitment. Emotional extremes are what to look "
     "for, says Medanic.", ["person:rachel-medanic", "person:rachel-medanic"]),
    ("Panelists agreed upon the definition of a community member as individuals who are "
     "involved. A community member is engaged.", ["group:panelists", "group:panelists"]),
    ("Experts believe communities are networks.", ["group:experts"]),
    ("Far too many believe community consists of the people who like your page.",
     ["author:t"]),
    ("Most think that communities are conflict-free.", ["author:t"]),
    ("Many people say community is marketing.", ["author:t"]),
    ("Renee Hopkins noted the success of events. Communities are networks.",
     ["person:renee-hopkins", "author:t"]),
    # a full name mentioned once makes a later surname that person
    ("The moderator, Kim Lee, asked a question. Lee believes that groups become communities.",
     ["author:t", "person:kim-lee"]),
    ("John Doe, CEO of Widgets Inc., said networks are looser than communities.",
     ["person:john-doe"]),
    ("According to Jane Smith, communities are built on shared purpose.", ["person:jane-smith"]),
    ("According to Wikipedia, a team is a group of people.", ["group:wikipedia"]),
    ("Microsoft describes a team as a group of people.", ["group:microsoft"]),
    # words quoted from a named source are the source's, not the citer's
    ('Renee Hopkins cites a definition from Jane Smith: "Communities rely on ties."',
     ["person:jane-smith"]),
    ('Renee Hopkins shares a definition of hers: "Communities rely on ties."',
     ["person:renee-hopkins"]),
    ('To take an excerpt from Jane Smith\u2019s comment, "Communities rely on ties."',
     ["person:jane-smith"]),
    # a quotation credited by the citation after it; a bracket that cites no one
    ('"Communities rely on ties." (Smith and Jones, 1993)', ["group:smith-and-jones"] * 2),
    ('"Communities rely on ties." (see below)', ["author:t"] * 2),
    # "In her view, ...", "Jane Smith's take is simple: ...": the possessor's view
    ("Jane Smith is a consultant. In her view, communities rely on ties.",
     ["author:t", "person:jane-smith"]),
    ("Jane Smith\u2019s take is simple: communities rely on ties.", ["person:jane-smith"]),
    ("Jane Smith is a consultant. In my view, communities rely on ties.",
     ["author:t", "author:t"]),
    ("Jane Smith\u2019s house is simple: communities rely on ties.", ["author:t"]),
    # someone's work that shows or finds something reports that person
    ("Jane Smith is a sociologist. Her study finds that communities rely on ties.",
     ["author:t", "person:jane-smith"]),
    ("Jane Smith\u2019s research shows that communities rely on ties.", ["person:jane-smith"]),
    ("Research shows that communities rely on ties.", ["author:t"]),
    ("Jane Smith\u2019s dog shows that communities rely on ties.", ["author:t"]),
    # "X's point is that ...", "The insight from X is that ...": X's claim
    ("Jane Smith\u2019s point is that communities rely on ties.", ["person:jane-smith"]),
    ("The key insight from Dr. Ann Lee is that communities rely on ties.", ["person:ann-lee"]),
    ("The key insight from this story is that communities rely on ties.", ["author:t"]),
    ("Jane Smith\u2019s house is proof that communities rely on ties.", ["author:t"]),
    ('We borrowed this from Jane Smith\u2019s house: "Communities rely on ties."',
     ["author:t"]),
    # "I interviewed X": the quotations after it are X's, the writer's own lines are not
    ("Last week I interviewed Jane Roe, a consultant.\n\u201cA team is a group with a goal.\u201d"
     "\nA community is a place.",
     ["author:t", "person:jane-roe", "author:t"]),
    # ... and so are the words of the person the writer asked, who "she" then is
    ("We asked Jane Roe what a team is.\n\u201cIt is a group with a goal,\u201d she replied.",
     ["author:t", "person:jane-roe"]),
    ("We asked the members what a team is.\n\u201cA team is a group with a goal.\u201d",
     ["author:t", "author:t"]),
    # a summary of someone's work: the rest of the paragraph reports them
    ("In this short video Nancy White discusses communities. The community is a bounded "
     "group. A network scales.\nA team is a group.",
     ["person:nancy-white", "person:nancy-white", "person:nancy-white", "author:t"]),
    ("Nancy White discusses communities. The community is a bounded group.",
     ["person:nancy-white", "author:t"]),
    # a verb of seeming ("X feels like Y") is not a report by its subject
    ("LinkedIn feels like a network but Twitter feels like a community.", ["author:t"]),
    ("Jane Smith feels that communities need trust.", ["person:jane-smith"]),
    # "they" after a plural in its own sentence is that plural, not the last group speaker
    ("Panelists agreed that teams differ. When networks grow, they help people.",
     ["group:panelists", "author:t"]),
    ("Panelists agreed that teams differ. They said networks help people.",
     ["group:panelists", "group:panelists"]),
    # a reporting participle's subject is its governing verb's; a surname the tagger
    # took for an adjective is still the person the page names
    ("Jane Black runs Acme. Black opened by saying communities rely on ties.",
     ["author:t", "person:jane-black"]),
    ("Jane Smith nodded, adding that communities rely on ties.", ["person:jane-smith"]),
    ("Jane Smith nodded, as communities rely on ties.", ["author:t"]),
    # a short clause about a person that a colon ends leads in to that person's words
    ("Jane Smith went further: communities rely on ties.", ["person:jane-smith"]),
    ("Jane Smith is a consultant. She was blunt: communities rely on ties.",
     ["author:t", "person:jane-smith"]),
    ("Acme Inc went further: communities rely on ties.", ["author:t"]),
    ("The answer is simple: communities rely on ties.", ["author:t"]),
    # "For X, ..." gives X's view
    ("For Karl Mannheim, the sociologist, \u201ccommunity is any circle of people\u201d.",
     ["person:karl-mannheim"]),
    ("For Acme Inc, communities are markets.", ["author:t"]),
    ("Jane Smith is a consultant. For her, communities are markets.",
     ["author:t", "person:jane-smith"]),
    ("Jane Smith is a consultant. For her clients, communities are markets.",
     ["author:t", "author:t"]),
    # the term someone described runs on in the next sentence about it
    ("Ana Lee described a good team as a group with values. A team is also driven by goals.",
     ["person:ana-lee", "person:ana-lee"]),
    ("Ana Lee described a good team as a group with values. A network is wide.",
     ["person:ana-lee", "author:t"]),
    # people named together hold the view together; names a people noun introduces
    ("Jon Katzenbach and Douglas Smith described the difference between groups and teams.",
     ["group:jon-katzenbach-and-douglas-smith"]),
    ("Strategists like Carrie Jones and Charles Vogl say community is built on identity.",
     ["group:carrie-jones-and-charles-vogl"]),
    ("Authors Debbie Frieze and Meg Wheatley explain how teams become networks.",
     ["group:debbie-frieze-and-meg-wheatley"]),
    ("Jane Roe and her team explain how teams become networks.", ["person:jane-roe"]),
    # scholars cited by surname together, after "according to" too
    ("Horton and Hunt say that a community is a group of people.", ["group:horton-and-hunt"]),
    ("According to Fernback & Thompson (1995), communities are a public concept.",
     ["group:fernback-thompson"]),
    ("According to Fernback (1995), communities are a public concept.", ["person:fernback"]),
    # a conjoined reporting verb has its subject on the first verb
    ("John Doe is CEO of Acme, and believes communities are networks.", ["person:john-doe"]),
    ("John Doe is CEO of Acme, and communities are networks.", ["author:t"]),
    # a quotation over several sentences is one person's, whichever sentence names them
    ('\u201cThey recognise faces better than others. This suggests they piece it together,\u201d'
     ' Dr. Dunn says.', ["person:dunn", "person:dunn"]),
    ('Ann Lee spoke last. She told me \u201cSeeing my players in action was great. Everyone '
     'had a chance to play.\u201d', ["person:ann-lee", "person:ann-lee", "person:ann-lee"]),
    ('Derek Hughes farms hay. "This year, we have got one cutting, half of what it normally is."'
     ' Hughes said.', ["author:t", "person:derek-hughes", "person:derek-hughes"]),
    ('"This year, we have got one cutting and it is half of what it normally is." It rained.',
     ["author:t", "author:t"]),
    # a subject inside the quotation is not its speaker
    ('Jane Roe spoke last. \u201cAcme still has a loyal user base and a good chance.\u201d',
     ["person:jane-roe", "person:jane-roe"]),
    ("According to UNSW researcher and lead author James Dunn, teams are groups.",
     ["person:james-dunn"]),
    ("According to the researcher, teams are groups.", ["author:t"]),
    # an acronym is no one's name
    ("PLCs maintain that teams are groups.", ["author:t"]),
    # a singular noun in apposition to a person's name: the person
    ("The sociologist Ana Ruiz says teams are groups.", ["person:ana-ruiz"]),
    ("The company Acme Corp says teams are groups.", ["author:t"]),
    # "according to a study by X": the work's author, a person or an organisation
    ("According to a 2019 study by Gallup, teams are groups.", ["group:gallup"]),
    ("According to a study by researchers, teams are groups.", ["author:t"]),
    # a title opening a name is no alias: "Coach Stewart" is not "Coach Sturdy"
    ("Coach Lee said teams grow. Coach Stewart said teams win. He added that teams learn.",
     ["person:coach-lee", "person:coach-stewart", "person:coach-stewart"]),
    # words quoted inside a sentence are the person the paragraph last reported
    ("Jane Roe said teams differ. An audience is \u201cmore about one-to-one talk\u201d while "
     "a community is not.", ["person:jane-roe", "person:jane-roe"]),
    ("Jane Roe said teams differ. An audience is an \u201conline crowd\u201d to us.",
     ["person:jane-roe", "author:t"]),
    ("An audience is \u201cmore about one-to-one talk\u201d than a community.", ["author:t"]),
    # a quotation opening after "and" is speech; it continues the paragraph's speaker
    ("Jane Roe said teams differ. Firms ran events, and \u201cthe view was that a community "
     "was a byproduct. Now we know better.\u201d",
     ["person:jane-roe", "person:jane-roe", "person:jane-roe"]),
    # a quotation after "as" is speech: "captures X as “...”" quotes its subject
    ("Dede Roe captures the benefits of a community as \u201chigh trust and cooperation. "
     "It is not without conflict.\u201d A team differs.",
     ["person:dede-roe", "person:dede-roe", "author:t"]),
    # a pronoun subject introducing a quotation: the person it refers to
    ("Mark Roe is an author.\nHe makes the case that campaigns end: \u201cMost marketing is "
     "short-lived. In a community, there is a contract.\u201d",
     ["author:t", "person:mark-roe", "person:mark-roe"]),
    # unmarked sentences between two reports of one person are that person's paraphrase
    ("\u201cCommunity is dear to me,\u201d John Doe says. Associations are all about "
     "community. A board has community, he says.\nTeams are different.",
     ["person:john-doe", "person:john-doe", "person:john-doe", "author:t"]),
    ("\u201cCommunity is dear to me,\u201d John Doe says. Associations are all about community.",
     ["person:john-doe", "author:t"]),
    ("\u201cCommunity is dear to me,\u201d John Doe says. I think he is wrong. A board has "
     "community, he says.", ["person:john-doe", "author:t", "person:john-doe"]),
])
def test_attributor_cues(nlp, text, expected):
    assert attribute(nlp, text) == expected


def test_quotes_belong_to_the_last_named_speaker(nlp):
    text = ("Ayelet Baron is passionate about purpose. “People forget what community is. "
            "Every single person on earth is part of a community.” Teams are not groups.")
    assert attribute(nlp, text) == ["author:t", "person:ayelet-baron", "person:ayelet-baron",
                                    "author:t"]


def test_quote_after_possessive_name_belongs_to_that_person(nlp):
    text = ("Renee Hopkins noted the success of events.\n"
            "Hopkins insights supported this, “In order to have purpose, everyone has to "
            "understand it.”")
    assert attribute(nlp, text) == ["person:renee-hopkins", "person:renee-hopkins"]


def test_misparsed_surname_with_reporting_verb_uses_known_person(nlp):
    medanic = Speaker("person:rachel-medanic", "Rachel Medanic", "author",
                      ("Rachel Medanic", "Rachel"))
    text = "Medanic talks about seeing this motivator in a community she worked on."
    assert attribute(nlp, text, medanic) == ["person:rachel-medanic"]


def test_pronoun_without_antecedent_keeps_the_author(nlp):
    assert attribute(nlp, "They are fostered by relationships.") == ["author:t"]


def test_chat_utterances_keep_their_speaker(nlp):
    handle = Speaker("@ann", "@ann", "handle")
    assert attribute(nlp, "Jane Doe said teams differ.", handle) == ["@ann"]


# --- the sample articles ----------------------------------------------------------------

@pytest.fixture(scope="module")
def samples(corpus_dir):
    return {p.name[:3]: read_document(p) for p in sorted(corpus_dir.glob("*.txt"))}


def sample_speaker(doc: Document, needle: str) -> Speaker:
    return utterance_with(doc, needle).speaker


def test_sample_001_tweetjam(samples):
    doc = samples["001"]
    assert sample_speaker(doc, "My current def of community") == RHAPPE
    assert sample_speaker(doc, "a lot of semantic challenges") == RHAPPE
    assert sample_speaker(doc, "Community means different things").id == (
        "person:barb-mosher-zinck")
    assert sample_speaker(doc, "they CAN have power").id == "@deb_lavoy"
    assert sample_speaker(doc, "the community should facilitate itself").id == "@pmpinsights"
    rt = utterance_with(doc, "do communities have power?")
    assert (rt.speaker.id, rt.role) == ("@itsinsider", "question")
    lehawes = utterance_with(doc, "Good question!")
    assert (lehawes.speaker.id, lehawes.addressees) == ("@lehawes", ("@marisacp51",))


def test_sample_000_chat(samples):
    doc = samples["000"]
    assert sample_speaker(doc, "the #community is not Facebook").label == "Josh Plaskoff"
    assert sample_speaker(doc, "the #community is not Facebook").id == "@jplaskoff"
    question = utterance_with(doc, "What is community?")
    assert (question.speaker.id, question.role) == ("@etnexus", "question")
    assert sample_speaker(doc, "Follow @ETNexus").id == "author:000_136fa960928e2ec3"


def test_sample_002_essay_is_all_author(samples):
    doc = samples["002"]
    assert {u.speaker.id for u in segment(doc)} == {"author:002_f77db64989f60894"}


def test_sample_004_comments(samples):
    doc = samples["004"]
    assert sample_speaker(doc, "The more I immerse myself") == Speaker(
        "person:amber", "Amber", "author", ("Amber",))
    assert sample_speaker(doc, "You had me at").id == "@djwaldow"
    assert sample_speaker(doc, "You had me at").label == "DJ Waldow"
    assert sample_speaker(doc, "I like the reminder that engagement").id == "person:adam"
    assert sample_speaker(doc, "When I read your headline").id == "@markwschaefer"
    assert sample_speaker(doc, "Great post on a topic").id == "commenter:004_bace6129fff89545:2"


def test_sample_003_panel_attribution(samples, nlp):
    doc = samples["003"]
    utterances = segment(doc)
    attributor = Attributor(doc, utterances)
    by_sentence = {}
    for u in utterances:
        for sent in nlp(doc.text[u.start:u.end]).sents:
            by_sentence[sent.text.strip()] = attributor.speaker_for(sent, u)
    def who(prefix: str) -> str:
        return next(s.label for t, s in by_sentence.items() if t.startswith(prefix))
    assert who("She says she personally has real friendships") == "Brittany Metz"
    assert who("Panelists agreed upon") == "Panelists"
    assert who("A community member is engaged") == "Panelists"
    assert who("Every single person on earth") == "Ayelet Baron"
    assert who("I just do what I") == "Ayelet Baron"
    assert who("Far too many believe") == "Rachel Medanic"
    assert who("Community should belong") == "Rachel Medanic"
    assert who("Emotional extremes are what to look for") == "Rachel Medanic"
    assert who("Peterson challenged leaders") == "Savannah Peterson"
    assert who("She points to the practice") == "Brittany Metz"
    assert sample_speaker(doc, "Community should belong").kind == "author"


def test_says_header_starts_a_named_comment():
    doc = make_doc("Customers are not a community.\n\n  1. C.C. Chapman says:\n"
                   "AMEN. Brands cannot force a community.\n  2. Jane Doe says:\nAgreed.")
    assert said(doc) == [("author:t", "Customers are not a community."),
                         ("person:c-c-chapman", "AMEN. Brands cannot force a community."),
                         ("person:jane-doe", "Agreed.")]


def test_a_name_over_a_date_heads_a_comment():
    doc = make_doc("Customers are not a community.\n\n3 comments\n\nMike Smith\n"
                   "May 4, 2015 at 9:12 am\nTeams need leaders.\n\nKaren\nMay 5, 2015\n"
                   "Groups need rules.\n\nFinal Thoughts\nMay 6, 2015\nA network is loose.")
    who = dict((text, s) for s, text in said(doc))
    assert [who["Teams need leaders."], who["Groups need rules."], who["Final Thoughts"]] == [
        "person:mike-smith", "person:karen", "person:karen"]


@pytest.mark.parametrize("header", [
    "Mike Smith \u2022 3 years ago", "Mike Smith on May 5, 2015 at 10:00 am said:",
    "Mike Smith (@msmith) \u2014 May 7, 2015", "Mike Smith | May 6, 2015 | Reply"])
def test_a_name_and_a_date_head_a_comment(header):
    doc = make_doc(f"Customers are not a community.\n\nComments\n\n{header}\n"
                   "Teams need leaders.")
    assert said(doc)[-1] == ("person:mike-smith", "Teams need leaders.")


def test_a_name_and_title_over_when_it_was_answered_heads_an_answer():
    doc = make_doc("What is a team?\n\nJohn Carter, Consultant for 20 years\n"
                   "Answered 3 years ago\nA team shares a goal.\n\nLisa Wong, HR Director\n"
                   "Updated May 2, 2020\nTeams are small.\n\nAnswered by many\nGroups differ.")
    who = dict((text, s) for s, text in said(doc))
    assert [who["A team shares a goal."], who["Teams are small."], who["Groups differ."]] == [
        "person:john-carter", "person:lisa-wong", "person:lisa-wong"]


@pytest.mark.parametrize("header", ["Mike Smith \u2022 3 teams ago",
                                    "Mike Smith on teams said:"])
def test_a_name_without_a_date_heads_no_comment(header):
    doc = make_doc(f"Customers are not a community.\n\nComments\n\n{header}\n"
                   "Teams need leaders.")
    assert said(doc)[-1][0] != "person:mike-smith"


def test_the_writer_addressed_before_commenting_is_the_author():
    doc = make_doc("A network is loose.\n\n2 Comments\n\nLarry Kim says:\nGreat post, Amber. "
                   "Teams win.\n\nAmber Naslund says:\nLarry, true. Groups differ.\n")
    assert said(doc)[0][0] == "person:amber-naslund"
    # addressed only after commenting: a commenter replied to, not the writer
    doc = make_doc("A network is loose.\n\n2 Comments\n\nLarry Kim says:\nTeams win.\n\n"
                   "Amber Naslund says:\nLarry, true. Groups differ.\n")
    assert said(doc)[0][0] == "author:t"


@pytest.mark.parametrize(("byline", "label"), [
    ("By Li Jin and David Sherry", "Li Jin and David Sherry"),
    ("By Ann Roe, Bo Lee & Cy Diaz", "Ann Roe, Bo Lee & Cy Diaz"),
    ("By Teams and Networks", "Author of T"),  # words the text writes in lowercase
])
def test_a_joint_byline_names_the_writers_together(byline, label):
    doc = make_doc(f"T\n{byline}\nOur teams and networks differ from communities.\n")
    assert utterance_with(doc, "differ").speaker.label == label


def test_reply_headers_name_their_writers():
    doc = make_doc("Servers are tools.\n\nAnna Berg replied:\nTeams need leaders.\n\n"
                   "Reply from u/modqueen:\nGroups need rules.\n\n"
                   "Comment by Carl Jung:\nA network is loose.\n\n"
                   "Anna replied to everyone that teams need leaders.")
    assert said(doc) == [("author:t", "Servers are tools."),
                         ("person:anna-berg", "Teams need leaders."),
                         ("u/modqueen", "Groups need rules."),
                         ("person:carl-jung", "A network is loose."),
                         ("person:carl-jung",
                          "Anna replied to everyone that teams need leaders.")]


def test_wordpress_thread_with_dated_says_headers():
    path = Path(__file__).parent / "fixtures" / "speakers" / "blog_says_headers.txt"
    doc = read_document(path)
    got = [(u.speaker.id, doc.text[u.start:u.end].split(".")[0]) for u in segment(doc)
           if u.role == "claim"]
    assert got == [  # the title line is context
        ("person:mary-jones", "An audience listens to you"),
        ("person:mary-jones", "A community needs shared purpose"),
        ("person:tom-baker", "Great post Mary"),
        ("person:sue-ellis", "I disagree"),
        ("person:mary-jones", "Sue, audiences can become communities, but only when members "
                              "talk to each other"),
    ]


def test_html_author_markup_names_the_article_voice():
    doc = read_document(Path(__file__).parent / "fixtures" / "ingest" / "byline_post.html")
    assert doc.author == "Jane Doe"
    by_text = {doc.text[u.start:u.end].split(".")[0]: u.speaker.id for u in segment(doc)
               if u.role == "claim"}
    assert by_text["An audience listens to you"] == "person:jane-doe"
    assert by_text["Great post Jane"] == "person:tom-baker"
    assert by_text["I disagree"] == "person:sue-ellis"


@pytest.mark.parametrize(("text", "expected"), [
    # forum post headers name each poster; a later "#3" in prose does not
    ("Community vs. groups\n(Ann Lee) #1\nA community is large.\n(Bo Chan) #2\n"
     "A group is small.\nIssue #3 is open.",
     [("person:ann-lee", "A community is large."), ("person:bo-chan", "A group is small."),
      ("person:bo-chan", "Issue #3 is open.")]),
    # unsigned answers on a Q&A page are distinct commenters
    ("Group vs community\nSolution 1:\nA group is small.\nSolution 2:\n"
     "A community is large.\nSolution 2 is better, by the way.",
     [("commenter:t:1", "A group is small."), ("commenter:t:2", "A community is large."),
      ("commenter:t:2", "Solution 2 is better, by the way.")]),
    # a threaded reply's rank and score ("1. 4") ends the post above and starts a reply
    ("Audience vs community\nAnn Lee @annlee\nHow do they differ?\n1. 4\n"
     "An audience listens.\n2. 3\nA community talks.",
     [("@annlee", "How do they differ?"), ("commenter:t:1", "An audience listens."),
      ("commenter:t:2", "A community talks.")]),
    # numbered items that open as replies do are unsigned comments, one per number
    ("Post title\nTeams are groups.\n  1. I agree that teams are groups.\n"
     "    A team has a goal.\n  2. I think communities differ.",
     [("author:t", "Teams are groups."), ("commenter:t:1", "I agree that teams are groups."),
      ("commenter:t:1", "A team has a goal."), ("commenter:t:2", "I think communities differ.")]),
    ("Post title\nTeams are groups.\n  1. I know what you mean, teams differ.\n"
     "  2. You are on the right track. Members give back.",
     [("author:t", "Teams are groups."), ("commenter:t:1", "I know what you mean, teams differ."),
      ("commenter:t:2", "You are on the right track. Members give back.")]),
    # a numbered list of the post's own points is the writer's
    ("Post title\nTeams are groups.\n  1. You are the leader.\n  2. Members give back.",
     [("author:t", "Teams are groups."), ("author:t", "You are the leader."),
      ("author:t", "Members give back.")]),
])
def test_thread_headers_start_each_contribution(text, expected):
    assert said(make_doc(text))[1:] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Charlie A Cliff", True),  # a middle initial without its period
    ("Charlie Cliff A", False),
    ("A Charlie Cliff", False),
    # a month that is also a first name, before a surname; not after one, nor alone
    ("April MacLean", True),
    ("Contact April", False),
    ("April", False),
])
def test_a_bare_initial_counts_only_in_the_middle_of_a_name(text, expected):
    from kg.speakers.names import is_person_name

    assert is_person_name(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("John Gatto, the famous educator, made an important distinction between networking and "
     "community in his writings. A community is more personal, like friends. For example, you "
     "have your work network.", ["person:john-gatto", "person:john-gatto", "author:t"]),
    # a sentence on other terms is the writer's again; making the coffee makes no point
    ("John Gatto made a distinction between networking and community. A team is personal.",
     ["person:john-gatto", "author:t"]),
    ("John Gatto made the coffee between meetings. A community is personal.",
     ["author:t", "author:t"]),
    # putting it reports the words that follow; putting the chairs away does not
    ("Paul Santagata, Head of Industry at Google, puts it simply \u2013 \u201cThere is no "
     "team without trust.\u201d", ["person:paul-santagata"]),
    ("Paul Santagata puts the chairs away. A team is personal.", ["author:t", "author:t"]),
    # a job title as the subject names no one; its appositive does
    ("In his talk, Reddit's Head of Creative Strategy, Will Cady, unpacked how community can "
     "catalyze culture. It all comes down to a shared purpose, he said.",
     ["author:t", "person:will-cady"]),
])
def test_making_a_distinction_reports_it_and_the_sentence_on_its_terms(nlp, text, expected):
    assert attribute(nlp, text) == expected


def test_a_first_name_continues_a_full_name_met_in_the_possessive(nlp):
    text = ("We discussed Steve Denning\u2019s book on the weekend. In chapter 7 Steve makes a "
            "clear distinction between networks and communities.")
    assert attribute(nlp, text) == ["author:t", "person:steve-denning"]
    alone = "We discussed the book. In chapter 7 Steve makes a clear distinction."
    assert attribute(nlp, alone) == ["author:t", "person:steve"]


@pytest.mark.parametrize(("text", "expected"), [
    # a name the tagger reads as a noun phrase with its verb ("MacIver defines" as nouns)
    ("MacIver defines community as an area of social living.", ["person:maciver"]),
    ("Community defines itself by its members.", ["author:t"]),
    # "as X put it", "in the words of X"
    ("As MacIver and Page put it, community is a social space.", ["group:maciver-and-page"]),
    ("In the words of Howard Roe, a community is a web of relationships.", ["person:howard-roe"]),
    ("As it turns out, community is a social space.", ["author:t"]),
    # an occupation written before the name is no part of it
    ("Sociologist Robert Putnam argues that communities are declining.",
     ["person:robert-putnam"]),
])
def test_cited_people_the_parse_misses_or_that_a_phrase_introduces(nlp, text, expected):
    assert attribute(nlp, text) == expected


# --- collections of quotations --------------------------------------------------

QUOTES = ("T\nA community is like a ship; everyone must take the helm.\nHENRIK IBSEN, An Enemy "
          "of the People\nThe community stagnates without the impulse of the one.\n"
          "WILLIAM JAMES, The Will to Believe\n")


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # each passage is the source named on the line under it, in capitals or before a bullet
    (QUOTES, "like a ship", "person:henrik-ibsen"),
    (QUOTES, "stagnates", "person:william-james"),
    ("T\nCommunity means a lot of things to people.\nJane Roe • Build it and they will come\n"
     "A great community needs regular events.\nJohn Doe • The future of community\n",
     "regular events", "person:john-doe"),
    # one credit line is no collection; a Title Case heading after a passage credits nothing
    ("T\nA community is like a ship; everyone must take the helm.\nHENRIK IBSEN, An Enemy\n"
     "More text here about teams.\n", "like a ship", "author:t"),
    ("T\nA community is like a ship; everyone must take the helm.\nKey Differences, In Short\n"
     "The community stagnates without the impulse of the one.\nCore Traits, In Brief\n",
     "like a ship", "author:t"),
    # a full name after a dash, before its work ("– Jane Roe in The Art of Community")
    ("T\nA community is like a ship; everyone must take the helm.\n– Jane Roe in The Art of "
     "Community p. 21\nThe community stagnates without the impulse of the one.\n– Jane Roe "
     "in The Art of Community p. 40\n", "stagnates", "person:jane-roe"),
    ("T\nA community is like a ship; everyone must take the helm.\n– Roe in The Art of "
     "Community p. 21\nThe community stagnates without the impulse of the one.\n– Roe "
     "in The Art of Community p. 40\n", "stagnates", "author:t"),
])
def test_a_collections_passages_are_the_sources_credited_under_them(text, needle, speaker):
    assert utterance_with(make_doc(text), needle).speaker.id == speaker


# --- sections named for their owner ----------------------------------------------

OWNED = ("What Defines Community?\nAs our series on community goes on, we define it.\n"
         "Emmy’s Thoughts:\nTrue communities start from vulnerability.\nPast Definitions\n"
         "Community begins with trust.\nNaomi's Thoughts on Teams:\nTeams ship work.\n")


@pytest.mark.parametrize(("needle", "speaker"), [
    ("As our series", "author:t"),
    ("True communities", "person:emmy"),
    ("begins with trust", "person:emmy"),  # a heading inside the section does not end it
    ("Teams ship", "person:naomi"),
])
def test_a_section_named_for_its_owner_is_in_the_owners_voice(needle, speaker):
    assert utterance_with(make_doc(OWNED), needle).speaker.id == speaker


def test_a_possessive_that_names_no_work_opens_no_section():
    doc = make_doc("T\nA network is loose.\nEmmy’s Café:\nTrue communities start small.\n")
    assert utterance_with(doc, "True communities").speaker.id == "author:t"


_POST = "A community shares a place and a purpose, and its members help each other.\n"


@pytest.mark.parametrize("header", ["Heloise\nfrak-defi\nPublished in\n4 min readNov 9, 2022",
                                    "Heloise\n4 min read"])
def test_a_one_word_name_over_a_reading_time_is_the_byline(header):
    doc = make_doc(f"T\n{header}\n{_POST}")
    assert said(doc)[-1][0] == "person:heloise"


@pytest.mark.parametrize("header", [
    "Community\n4 min read",  # a heading the text writes in lowercase
    "Introduction\n5 min read",
    "Heloise\nThis page is about how we all live together now.\n4 min read",  # a sentence between
    "Heloise\nMarch 2, 2021"])  # a one-word name needs the reading time
def test_a_one_word_line_without_its_reading_time_names_no_writer(header):
    doc = make_doc(f"T\n{header}\n{_POST}")
    assert said(doc)[-1][0] == "author:t"


def test_a_name_alone_after_a_quotation_credits_it():
    doc = make_doc("T\nSome tweets I liked.\n"
                   "\u201cCommunities don't build themselves, nor do they get built.\u201d"
                   " MissRogue\n"
                   "\"Teams ship.\" Bo Lee\n")
    assert said(doc)[2:] == [
        ("person:missrogue",
         "\u201cCommunities don't build themselves, nor do they get built.\u201d"),
        ("author:t", "\"Teams ship.\" Bo Lee")]  # too short to be a credited quotation


def test_camel_case_labels_are_handles_on_a_page_of_bare_handle_lines():
    lines = "lacajag: I like it.\ngreglinch: Community = good.\nscottros: good plan.\n"
    doc = make_doc(f"T\n{lines}CatrionaStuart: Teams ship work.\n")
    assert said(doc)[-1] == ("@catrionastuart", "Teams ship work.")
    alone = make_doc("T\nlacajag: I like it.\nCatrionaStuart: Teams ship work.\n")
    assert said(alone)[-1][0] == "author:t"


def test_a_name_line_over_a_quotation_hands_it_to_that_person():
    doc = make_doc("T\nHere is an older post by Dave.\nDave Pollard:\n"
                   "\u201cA community is a place shared equally.\nA network traps.\u201d\n"
                   "Jane Doe:\nTeams ship work.\n")
    assert said(doc)[3:5] == [
        ("person:dave-pollard", "\u201cA community is a place shared equally."),
        ("person:dave-pollard", "A network traps.\u201d")]
    assert said(doc)[-1] == ("author:t", "Teams ship work.")  # a heading over its text


def test_a_credit_under_a_quotation_broken_over_lines_signs_all_of_it():
    quote = "\u201cA group becomes a team when each member is sure\nof himself and of others.\u201d"
    doc = make_doc(f"T\nIntro line.\n{quote}\n\u2013 Norman Shidle\nMost people are in a team.\n")
    assert said(doc)[2] == ("person:norman-shidle", quote)
    assert said(doc)[-1] == ("author:t", "Most people are in a team.")


def test_a_transcripts_capitalised_turn_runs_on_to_the_next_turn():
    doc = make_doc("T\n[MUSIC PLAYING]\nNARRATOR: Have you ever led a team?\n"
                   "A team is a unit of people.\nToday we talk with Jane Doe.\n"
                   "JANE DOE: Teams ship work.\nGroups do not.\n")
    assert said(doc)[2:] == [("person:narrator", "Have you ever led a team?"),
                             ("person:narrator", "A team is a unit of people."),
                             ("person:narrator", "Today we talk with Jane Doe."),
                             ("person:jane-doe", "Teams ship work."),
                             ("person:jane-doe", "Groups do not.")]


@pytest.mark.parametrize("label", ["MYTH", "PRO TIP", "BOTTOM LINE", "NOTE", "JANE DOE"])
def test_capitals_that_label_a_point_name_no_one(label):
    # "JANE DOE" is a name only when the page also writes it in title case
    doc = make_doc(f"T\n{label}: Communities need trust.\nTeams ship work.\n")
    assert {s for s, _ in said(doc)} == {"author:t"}


def test_a_line_that_opens_by_naming_who_says_the_rest_is_theirs_until_handed_back():
    doc = make_doc("T\nJane Roe says about the forum (2002): I believe a community needs goals. "
                   "We had none. Her point is good, but I think teams differ.\n"
                   "Jane Roe builds this: a team of teams.\n")
    assert said(doc)[1:] == [
        ("author:t", "Jane Roe says about the forum (2002):"),
        ("person:jane-roe", "I believe a community needs goals. We had none."),
        ("author:t", "Her point is good, but I think teams differ."),
        ("author:t", "Jane Roe builds this: a team of teams.")]  # no reporting verb


_STANDFIRST = "In this analysis the writer looks at how communities grow and change.\n"


@pytest.mark.parametrize(("top", "writer"), [
    # an explicit byline, or a titled one over its date, under a standfirst or a note
    ("NOTE: The following is the opinion of the author and not of his employer.\n"
     "By Kenneth Hunter, Guest Blogger\n", "person:kenneth-hunter"),
    (f"{_STANDFIRST}Julien Wera, Blogger\nApril 1, 2008\n", "person:julien-wera"),
    ("There's more to community than talk, writes Jeremy Waite, head of social at Adobe.\n",
     "person:jeremy-waite"),
    # under the standfirst, "By Design" is no writer, nor a titled name with no date
    (f"{_STANDFIRST}By Design\n", "author:t"),
    (f"{_STANDFIRST}Julien Wera, Blogger\nA team ships work.\n", "author:t"),
])
def test_a_byline_under_the_text_that_opens_the_page(top, writer):
    doc = make_doc(f"T\n{top}{_POST}")
    assert said(doc)[-1][0] == writer


def test_a_lead_word_byline_outranks_a_dated_name_above_it():
    doc = make_doc(f"T\nMatthias Melcher, Feb 14, 2014\nCommentary by Stephen Downes\n{_POST}")
    assert said(doc)[-1][0] == "person:stephen-downes"
    dated = make_doc(f"T\nMatthias Melcher, Feb 14, 2014\n{_POST}")  # alone, it is the byline
    assert said(dated)[-1][0] == "person:matthias-melcher"


@pytest.mark.parametrize(("top", "writer"), [
    ("The following excerpt is from Mastering Community Management by Victoria Tran. The book "
     "came out in July.\n", "person:victoria-tran"),
    ("This essay reads teams by Jane Roe's definition of a group.\n", "author:t"),
    ("The following excerpt is from a book by our editors.\n", "author:t"),
])
def test_a_republished_excerpt_is_its_authors(top, writer):
    doc = make_doc(f"T\n{top}{_POST}")
    assert said(doc)[-1][0] == writer

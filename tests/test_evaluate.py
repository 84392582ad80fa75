"""kg.evaluate: gold loading, matching rules and the figures, computed by hand."""

from __future__ import annotations

import json
import logging

import pytest
from factories import make_claim

from kg.errors import ClaimsFileError
from kg.evaluate import (
    GoldClaim,
    attribution_by_speaker,
    evaluate,
    format_scores,
    gold_sources,
    load_gold,
    speaker_matches,
)
from kg.records import Speaker

RACHEL = Speaker("@rhappe", "Rachel Happe", "person", ("Rachel",))
AUTHOR = Speaker("author:s1", "Barb Mosher Zinck", "author")


def gold(start, end, subject="community", speaker="@rhappe", negated=False, source="s1",
         type="definition"):
    return GoldClaim(source, speaker, subject, "x" * (end - start), start, end,
                     type=type, negated=negated)


@pytest.fixture
def pair():
    """4 gold claims, 3 predicted: 2 match (one with the wrong speaker and negation)."""
    golds = [
        gold(0, 40),                                  # matched by p1 (speaker ok)
        gold(50, 90, speaker="author", negated=True),  # matched by p2 (speaker ok, negation no)
        gold(100, 140, subject="team"),              # p3 overlaps but subject differs -> FN
        gold(200, 240),                              # nothing predicted -> FN
    ]
    preds = [
        make_claim(start=5, end=30, speaker=RACHEL, id="c-1"),
        make_claim(start=60, end=95, speaker=AUTHOR, negated=False, id="c-2", type="contrast"),
        make_claim(start=100, end=140, subject="community", id="c-3"),  # FP
    ]
    return golds, preds


def test_figures_by_hand(pair):
    scores = evaluate(*pair)
    assert (scores.tp, scores.fp, scores.fn) == (2, 1, 2)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(1 / 2)
    assert scores.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))  # 4/7
    assert scores.f1 == pytest.approx(4 / 7)
    assert scores.attribution == 1.0
    assert scores.negation == 0.5
    assert scores.type_accuracy == 0.5
    assert [c.id for c in scores.false_positives] == ["c-3"]
    assert [(g.start, g.subject) for g in scores.false_negatives] == [
        (100, "team"), (200, "community")]
    assert [(m.gold.start, m.predicted.id, m.overlap) for m in scores.matches] == [
        (0, "c-1", 25), (50, "c-2", 30)]


def test_wrong_speaker_lowers_attribution(pair):
    golds, preds = pair
    golds[0] = gold(0, 40, speaker="@someoneelse")
    assert evaluate(golds, preds).attribution == 0.5


def test_greedy_one_to_one_by_largest_overlap():
    golds = [gold(0, 20), gold(15, 60)]
    preds = [make_claim(start=10, end=50, id="c-big")]  # overlaps gold0 by 10, gold1 by 35
    scores = evaluate(golds, preds)
    assert [(m.gold.start, m.predicted.id) for m in scores.matches] == [(15, "c-big")]
    assert (scores.tp, scores.fp, scores.fn) == (1, 0, 1)


def test_two_predictions_for_one_gold_make_one_fp():
    scores = evaluate([gold(0, 40)], [make_claim(start=0, end=40, id="c-a"),
                                      make_claim(start=10, end=20, id="c-b")])
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 0)
    assert scores.matches[0].predicted.id == "c-a"


def test_touching_spans_do_not_overlap():
    scores = evaluate([gold(0, 10)], [make_claim(start=10, end=20)])
    assert (scores.tp, scores.fp, scores.fn) == (0, 1, 1)


def test_subject_compared_case_insensitively():
    assert evaluate([gold(0, 10, subject="Community")], [make_claim(end=10)]).tp == 1


def test_other_sources_are_ignored_and_reported(pair, caplog):
    golds, preds = pair
    preds = [*preds, make_claim(source="s9", id="c-9"), make_claim(source="s8", id="c-8")]
    with caplog.at_level(logging.INFO, logger="kg.evaluate"):
        scores = evaluate(golds, preds)
    assert (scores.tp, scores.fp, scores.fn) == (2, 1, 2)
    assert scores.ignored_sources == ("s8", "s9") and scores.ignored_claims == 2
    assert "ignored 2 predicted claims of 2 sources without gold: s8, s9" in caplog.text


def test_source_with_empty_gold_scores_its_predictions_as_fp():
    scores = evaluate([gold(0, 10)], [make_claim(source="s2")], sources={"s1", "s2"})
    assert (scores.tp, scores.fp, scores.fn) == (0, 1, 1)
    assert [(s.source, s.tp, s.fp, s.fn) for s in scores.per_source] == [
        ("s1", 0, 0, 1), ("s2", 0, 1, 0)]


def test_per_source_breakdown(pair):
    golds, preds = pair
    golds.append(gold(0, 10, source="s2"))
    preds.append(make_claim(source="s2", start=0, end=10))
    rows = {s.source: s for s in evaluate(golds, preds).per_source}
    assert (rows["s1"].tp, rows["s1"].fp, rows["s1"].fn) == (2, 1, 2)
    assert (rows["s2"].precision, rows["s2"].recall, rows["s2"].f1) == (1.0, 1.0, 1.0)


def test_nothing_predicted_gives_zeros_not_errors():
    scores = evaluate([gold(0, 10)], [])
    assert (scores.precision, scores.recall, scores.f1, scores.attribution) == (0, 0, 0, 0)


@pytest.mark.parametrize("name, speaker, expected", [
    ("@rhappe", RACHEL, True),
    ("rhappe", RACHEL, True),
    ("RACHEL HAPPE", RACHEL, True),
    ("@Rachel", RACHEL, True),
    ("Rachel H", RACHEL, False),
    ("author", AUTHOR, True),
    ("Barb Mosher Zinck", AUTHOR, True),
    ("author", RACHEL, False),
    ("commenter", Speaker("commenter:2", "Commenter 2", "person"), True),
    ("commenter", RACHEL, False),
    ("Panelists", Speaker("group:panelists", "Panelists", "group"), True),
])
def test_speaker_matches(name, speaker, expected):
    assert speaker_matches(name, speaker) is expected


def _write_gold(folder, name, rows):
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")


def test_load_gold_folder_skips_readme_and_bad_lines(tmp_path, caplog):
    row = {"source": "s1", "speaker": "@a", "subject": "team", "predicate": "be",
           "object": "x", "type": "definition", "negated": False, "evidence": "Teams are x",
           "start": 3, "end": 14}
    _write_gold(tmp_path, "s1.jsonl", [row, {**row, "start": 20, "end": 10}])
    with (tmp_path / "s1.jsonl").open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    _write_gold(tmp_path, "s2.jsonl", [])
    (tmp_path / "README.md").write_text("# not gold", "utf-8")
    (tmp_path / "README.jsonl").write_text("not gold either", "utf-8")
    with caplog.at_level(logging.WARNING, logger="kg.evaluate"):
        golds = load_gold(tmp_path)
    assert golds == [GoldClaim("s1", "@a", "team", "Teams are x", 3, 14, object="x",
                               predicate="be", type="definition")]
    assert golds[0].origin == f"{tmp_path / 's1.jsonl'}:1"
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0].startswith(f"{tmp_path / 's1.jsonl'}:2: start/end must be")
    assert messages[1].startswith(f"{tmp_path / 's1.jsonl'}:3: ")
    assert len(messages) == 2
    assert gold_sources(tmp_path) == {"s1", "s2"}


@pytest.mark.parametrize("make", ["missing", "empty_dir"])
def test_load_gold_errors(tmp_path, make):
    path = tmp_path / "nope" if make == "missing" else tmp_path
    with pytest.raises(ClaimsFileError, match=str(path)):
        load_gold(path)


def test_shipped_gold_loads(corpus_dir):
    golds = load_gold(corpus_dir.parent / "gold")
    assert len(golds) == 53
    for g in golds:
        text = (corpus_dir / f"{g.source}.txt").read_bytes().decode("utf-8")
        assert text[g.start:g.end] == g.evidence


def test_to_dict_is_json(pair):
    data = json.loads(json.dumps(evaluate(*pair).to_dict(details=True)))
    assert (data["tp"], data["fp"], data["fn"]) == (2, 1, 2)
    assert [c["id"] for c in data["false_positives"]] == ["c-3"]
    assert len(data["false_negatives"]) == 2
    assert data["wrong_negation"][0]["predicted"]["id"] == "c-2"


def test_matching_pairs_the_closest_spans_first():
    # gold: "X is A" [0:34] and "and shouldn't be B" [39:108]; predicted: the whole
    # sentence [0:108] and the second clause [39:108]. By raw overlap the sentence
    # would take the second clause's gold and leave both others unmatched.
    golds = [gold(0, 34), gold(39, 108, negated=True)]
    preds = [make_claim(start=0, end=108, speaker=RACHEL, id="c-1"),
             make_claim(start=39, end=108, speaker=RACHEL, negated=True, id="c-2")]
    scores = evaluate(golds, preds)
    assert (scores.tp, scores.fp, scores.fn) == (2, 0, 0)
    assert [(m.gold.start, m.predicted.id) for m in scores.matches] == [(0, "c-1"), (39, "c-2")]
    assert scores.negation == 1.0


def test_a_contrast_matches_either_of_its_concepts():
    golds = [gold(0, 40, subject="audience"), gold(50, 90, subject="audience")]
    preds = [make_claim(start=0, end=40, speaker=RACHEL, subject="community",
                        object_concept="audience", type="contrast", id="c-1"),
             make_claim(start=50, end=90, speaker=RACHEL, subject="community",
                        object_concept="audience", type="definition", id="c-2")]
    scores = evaluate(golds, preds)
    assert [m.predicted.id for m in scores.matches] == ["c-1"]  # a definition is not symmetric
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 1)


def test_attribution_by_gold_speaker_says_what_kg_gave_instead():
    golds = [gold(0, 40), gold(50, 90, speaker="Jane Doe"), gold(100, 140, speaker="Jane Doe"),
             gold(200, 240, speaker="author")]
    unnamed = Speaker("author:s1", "Author of T", "author")
    named = Speaker("person:barb-mosher-zinck", "Barb Mosher Zinck", "author")
    preds = [make_claim(start=0, end=40, speaker=RACHEL, id="c-1"),
             make_claim(start=50, end=90, speaker=unnamed, id="c-2"),
             make_claim(start=100, end=140, speaker=named, id="c-3"),
             make_claim(start=200, end=240, speaker=unnamed, id="c-4")]
    scores = evaluate(golds, preds)
    assert attribution_by_speaker(scores.matches) == {
        "author": {"matched": 1, "right": 1, "wrong_as": {}},
        "handle": {"matched": 1, "right": 1, "wrong_as": {}},
        "named": {"matched": 2, "right": 0, "wrong_as": {"author": 1, "named author": 1}}}
    assert "  named                             2      0  author 1, named author 1" in (
        format_scores(scores).splitlines())
    assert scores.to_dict()["attribution_by_speaker"]["named"]["right"] == 0

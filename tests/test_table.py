"""kg.table on the hand-made claims fixture."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.records import Claim, Evidence
from kg.table import COLUMNS, claims_to_csv, claims_to_frame, claims_to_rows

FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
RHAPPE = "c-8dbe8383c81b5c37"


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    with FIXTURE.open(encoding="utf-8") as handle:
        return [Claim.from_dict(json.loads(line)) for line in handle]


def test_rows_are_flat_in_column_order(claims):
    rows = claims_to_rows(claims)
    assert len(rows) == 11
    assert all(tuple(row) == COLUMNS for row in rows)
    assert rows[2] == {
        "id": RHAPPE, "source_id": "001_9915c937b68aed6b",
        "source_title": "The Role of Communities in Social Business - #SocBizChat Tweetjam "
                        "Summarized",
        "source_path": "data/corpus/001_9915c937b68aed6b.txt",
        "speaker_id": "@rhappe", "speaker_label": "Rachel Happe", "speaker_kind": "person",
        "speaker_aliases": "@rhappe; Rachel", "subject": "community",
        "subject_label": "community", "predicate": "be",
        "object_label": "a group of people with unique shared values, behaviors, & artifacts",
        "object_concept": "group", "type": "definition", "negated": False, "hedged": False,
        "evidence_text": "My current def of community = a group of people with unique shared "
                         "values, behaviors, & artifacts",
        "evidence_start": 1652, "evidence_end": 1749, "confidence": 0.9}
    assert rows[1]["object_concept"] is None


def test_csv_reads_back_as_the_rows(claims):
    text = claims_to_csv(claims)
    records = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert len(records) == 11
    by_id = {r["id"]: r for r in records}
    assert by_id[RHAPPE]["speaker_aliases"] == "@rhappe; Rachel"
    assert by_id[RHAPPE]["object_concept"] == "group"
    assert by_id["c-de8913e973055645"]["object_concept"] == ""
    assert by_id["c-7614b2456dad9cbf"]["evidence_text"] == "Customers aren’t a community."
    assert by_id["c-7614b2456dad9cbf"]["negated"] == "True"
    assert by_id["c-76df26718e40104a"]["hedged"] == "True"
    assert by_id["c-cefd970604dd32dc"]["evidence_start"] == "0"


def test_csv_quotes_commas_quotes_and_newlines(claims):
    text = 'He said "a, b"\nand left.'
    claim = replace(claims[0], evidence=Evidence(text, 0, len(text)))
    (record,) = csv.DictReader(io.StringIO(claims_to_csv([claim])))
    assert record["evidence_text"] == text


def test_frame(claims):
    frame = claims_to_frame(claims)
    assert frame.shape == (11, 20)
    assert list(frame.columns) == list(COLUMNS)
    assert frame["negated"].dtype == bool
    assert int(frame["negated"].sum()) == 4
    assert frame["speaker_id"].value_counts().to_dict() == {
        "author:002_f77db64989f60894": 3, "@deb_lavoy": 2, "@rhappe": 2,
        "author:003_9ff6d3cb4f8f87ec": 2, "@jimstorer": 1, "group:panelists": 1}


def test_no_claims():
    assert claims_to_rows([]) == []
    assert claims_to_csv([]) == ",".join(COLUMNS) + "\r\n"
    assert list(claims_to_frame([]).columns) == list(COLUMNS)

"""Claims as a flat table: rows, CSV text, pandas DataFrame.

One row per claim with the columns of :data:`COLUMNS`, in that order;
``object_concept`` is ``""`` in CSV (``None`` in rows and frames) when the
object is no concept, and ``speaker_aliases`` is joined with ``"; "``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import pandas as pd

from kg.records import Claim

__all__ = ["ALIAS_SEPARATOR", "COLUMNS", "claims_to_csv", "claims_to_frame", "claims_to_rows"]

ALIAS_SEPARATOR = "; "
COLUMNS = (
    "id", "source_id", "source_title", "source_path",
    "speaker_id", "speaker_label", "speaker_kind", "speaker_aliases",
    "subject", "subject_label", "predicate", "object_label", "object_concept",
    "type", "negated", "hedged",
    "evidence_text", "evidence_start", "evidence_end", "confidence",
)


def claims_to_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """One flat dict per claim, keys :data:`COLUMNS` in order.

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "A", "handle", ("Al",)),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", None), "definition")
        >>> row = claims_to_rows([c])[0]
        >>> row["speaker_id"], row["object_label"], row["object_concept"], row["negated"]
        ('@a', 'a group', None, False)
    """
    return [
        {
            "id": c.id, "source_id": c.source.id, "source_title": c.source.title,
            "source_path": c.source.path, "speaker_id": c.speaker.id,
            "speaker_label": c.speaker.label, "speaker_kind": c.speaker.kind,
            "speaker_aliases": ALIAS_SEPARATOR.join(c.speaker.aliases),
            "subject": c.subject.id, "subject_label": c.subject.label,
            "predicate": c.predicate, "object_label": c.object.label,
            "object_concept": c.object.concept, "type": c.type, "negated": c.negated,
            "hedged": c.hedged, "evidence_text": c.evidence.text,
            "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
            "confidence": c.confidence,
        }
        for c in claims
    ]


def claims_to_csv(claims: Iterable[Claim]) -> str:
    """The claims as CSV text (header :data:`COLUMNS`, ``\\r\\n`` line ends as the csv module).

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "A", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a, group", None), "definition")
        >>> claims_to_csv([c]).splitlines()[1]
        'c-1,s,S,s.txt,@a,A,handle,,team,team,be,"a, group",,definition,False,False,,0,0,1.0'
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(claims_to_rows(claims))
    return buffer.getvalue()


def claims_to_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims as a DataFrame, columns :data:`COLUMNS` (also when there are none).

    Example:
        >>> claims_to_frame([]).shape
        (0, 20)
    """
    return pd.DataFrame(claims_to_rows(claims), columns=list(COLUMNS))

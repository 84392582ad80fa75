"""The ``kg_cues`` spaCy component: find claim cues and put them on the Doc.

Like spaCy's SpanRuler, it is a thin class: ``__call__`` runs a Matcher built
from the JSONL rule file (patterns are data) and writes the matches to
``doc.spans["kg_cues"]``, labelled with the rule id, so displaCy can show them
and :mod:`kg.extract.rules` can read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.records import CLAIM_TYPES

__all__ = ["COMPONENT", "CUES_KEY", "DEFAULT_RULES", "CueRule", "ClaimCueMatcher", "load_rules",
           "make_claim_component", "add_cue_matcher"]

CUES_KEY = "kg_cues"
COMPONENT = "kg_claims"
DEFAULT_RULES = Path(__file__).resolve().parent / "patterns" / "cues.jsonl"


@dataclass(frozen=True, slots=True)
class CueRule:
    """One cue rule: id, claim type, predicate and a Matcher token pattern."""

    id: str
    type: str
    predicate: str
    pattern: tuple[dict[str, Any], ...]


def load_rules(path: str | Path | None = None) -> tuple[CueRule, ...]:
    """Read cue rules from JSONL; ``ValueError`` names the line of a bad rule."""
    path = Path(path) if path else DEFAULT_RULES
    rules = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            rule = CueRule(data["id"], data["type"], data["predicate"], tuple(data["pattern"]))
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise ValueError(f"{path}:{n}: bad cue rule ({e})") from e
        if rule.type not in CLAIM_TYPES:
            raise ValueError(f"{path}:{n}: type {rule.type!r} not in {CLAIM_TYPES}")
        rules.append(rule)
    return tuple(rules)


class ClaimCueMatcher:
    """Match cue rules and store them in ``doc.spans[CUES_KEY]``."""

    def __init__(self, nlp: Language, name: str = COMPONENT, *, rules_path: str = "") -> None:
        self.name = name
        self.rules = {r.id: r for r in load_rules(rules_path or None)}
        self.matcher = Matcher(nlp.vocab, validate=True)
        for rule in self.rules.values():
            self.matcher.add(rule.id, [list(rule.pattern)])

    def __call__(self, doc: Doc) -> Doc:
        spans = self.matcher(doc, as_spans=True)
        doc.spans[CUES_KEY] = filter_spans(spans) if len(spans) > 1 else spans
        return doc


@Language.factory(COMPONENT, default_config={"rules_path": ""})
def make_claim_component(nlp: Language, name: str, rules_path: str) -> ClaimCueMatcher:
    """Factory ``kg_claims`` (also exposed through the ``spacy_factories`` entry point)."""
    return ClaimCueMatcher(nlp, name, rules_path=rules_path)


def add_cue_matcher(nlp: Language, *, rules_path: str | Path | None = None) -> Language:
    """Add the cue matcher to ``nlp`` once (idempotent)."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True, config={"rules_path": str(rules_path or "")})
    return nlp

"""Score predicted claims against hand-written gold claims (``kg eval``).

Gold files (``data/gold/<source id>.jsonl``) hold one claim per line::

    {"source", "speaker", "subject", "predicate", "object", "type", "negated",
     "evidence", "start", "end"}

A predicted claim matches a gold claim when both come from the same source,
their evidence spans overlap and their subject ids are equal; pairs are
matched one-to-one, greedily, largest overlap first. Only sources that have a
gold file are scored. Precision = matched / predicted, recall = matched / gold;
attribution, negation and type accuracy are shares of the matched pairs.
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.claims_io import claim_sort_key
from kg.errors import ClaimsFileError
from kg.records import Claim, Speaker
from kg.vocab import Vocabulary

__all__ = ["GoldClaim", "Match", "Scores", "SourceScores", "attribution_by_speaker",
           "concept_subjects", "evaluate", "format_scores", "gold_sources", "gold_speaker_kind",
           "load_gold", "predicted_speaker_kind", "ratio", "span_overlap", "speaker_matches"]

logger = logging.getLogger(__name__)

GOLD_SUFFIX = ".jsonl"
GOLD_REQUIRED = ("source", "speaker", "subject", "evidence", "start", "end")
# Gold speaker names that stand for a kind of speaker rather than a name.
AUTHOR, COMMENTER = "author", "commenter"


@dataclass(frozen=True)
class GoldClaim:
    """One line of a gold file; ``origin`` is ``file:line`` for messages."""

    source: str
    speaker: str
    subject: str
    evidence: str
    start: int
    end: int
    object: str = ""
    predicate: str = ""
    type: str = ""
    negated: bool = False
    origin: str = field(default="", compare=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "") -> GoldClaim:
        """Validate one parsed gold line; raises ``ValueError`` naming the bad field."""
        missing = [k for k in GOLD_REQUIRED if k not in data]
        if missing:
            raise ValueError(f"missing field {missing[0]!r}")
        start, end = data["start"], data["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise ValueError(f"start/end must be integers with 0 <= start < end, "
                             f"got {start!r}/{end!r}")
        if not isinstance(data.get("negated", False), bool):
            raise ValueError(f"negated must be true or false, got {data['negated']!r}")
        return cls(
            source=str(data["source"]), speaker=str(data["speaker"]),
            subject=str(data["subject"]), evidence=str(data["evidence"]), start=start, end=end,
            object=str(data.get("object") or ""), predicate=str(data.get("predicate") or ""),
            type=str(data.get("type") or ""), negated=data.get("negated", False), origin=origin,
        )


@dataclass(frozen=True)
class Match:
    """A gold claim and the predicted claim matched to it."""

    gold: GoldClaim
    predicted: Claim
    overlap: int

    @property
    def speaker_ok(self) -> bool:
        return speaker_matches(self.gold.speaker, self.predicted.speaker)

    @property
    def negation_ok(self) -> bool:
        return self.gold.negated == self.predicted.negated

    @property
    def type_ok(self) -> bool:
        return self.gold.type == self.predicted.type


class _Rates:
    """Precision, recall and F1 from ``tp``/``fp``/``fn`` (0.0 on empty denominators)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass(frozen=True)
class SourceScores(_Rates):
    """Counts of one source (or of all): true/false positives, false negatives."""

    source: str
    tp: int
    fp: int
    fn: int

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Scores(_Rates):
    """The result of :func:`evaluate`; rates are 0.0 when their denominator is 0."""

    tp: int
    fp: int
    fn: int
    attribution: float
    negation: float
    type_accuracy: float
    per_source: tuple[SourceScores, ...]
    matches: tuple[Match, ...]
    false_positives: tuple[Claim, ...]
    false_negatives: tuple[GoldClaim, ...]
    ignored_sources: tuple[str, ...] = ()
    ignored_claims: int = 0

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        """JSON-ready figures; ``details`` adds the false positives and negatives."""
        data: dict[str, Any] = {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
            "recall": self.recall, "f1": self.f1, "attribution": self.attribution,
            "negation": self.negation, "type_accuracy": self.type_accuracy,
            "per_source": [s.to_dict() for s in self.per_source],
            "ignored_sources": list(self.ignored_sources), "ignored_claims": self.ignored_claims,
        }
        data["attribution_by_speaker"] = attribution_by_speaker(self.matches)
        if details:
            data["false_positives"] = [c.to_dict() for c in self.false_positives]
            data["false_negatives"] = [_gold_dict(g) for g in self.false_negatives]
            data["wrong_speaker"] = [_match_dict(m) for m in self.matches if not m.speaker_ok]
            data["wrong_negation"] = [_match_dict(m) for m in self.matches if not m.negation_ok]
        return data


def gold_speaker_kind(gold_speaker: str) -> str:
    """How the reader named a speaker: ``author``, ``commenter``, ``handle`` or ``named``.

    Example:
        >>> [gold_speaker_kind(s) for s in ("author", "@rhappe", "Commenter", "Jane Doe")]
        ['author', 'handle', 'commenter', 'named']
    """
    wanted = gold_speaker.strip().casefold()
    return wanted if wanted in (AUTHOR, COMMENTER) else (
        "handle" if wanted.startswith("@") else "named")


def predicted_speaker_kind(speaker: Speaker) -> str:
    """What kg gave: an unnamed ``author``, a ``named author``, a ``commenter`` or the
    speaker's kind (``person``, ``handle``, ``group``)."""
    if speaker.kind == AUTHOR:
        return AUTHOR if speaker.id.startswith(f"{AUTHOR}:") else f"named {AUTHOR}"
    return COMMENTER if speaker.id.startswith(f"{COMMENTER}:") else speaker.kind


def attribution_by_speaker(matches: Iterable[Match]) -> dict[str, dict[str, Any]]:
    """For each kind of gold speaker, the matched claims, how many kg attributed right,
    and what kg gave the others: where attribution goes wrong ("named people read as the
    writer's own voice")."""
    out: dict[str, dict[str, Any]] = {}
    for m in matches:
        row = out.setdefault(gold_speaker_kind(m.gold.speaker),
                             {"matched": 0, "right": 0, "wrong_as": {}})
        row["matched"] += 1
        if m.speaker_ok:
            row["right"] += 1
        else:
            given = predicted_speaker_kind(m.predicted.speaker)
            row["wrong_as"][given] = row["wrong_as"].get(given, 0) + 1
    return dict(sorted(out.items()))


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, or 0.0 for an empty denominator.

    Example:
        >>> ratio(2, 3) == 2 / 3, ratio(0, 0)
        (True, 0.0)
    """
    return numerator / denominator if denominator else 0.0


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two ``(start, end)`` spans (0 when disjoint or touching).

    Example:
        >>> span_overlap((0, 10), (5, 20)), span_overlap((0, 5), (5, 9))
        (5, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_matches(gold_speaker: str, speaker: Speaker) -> bool:
    """Whether ``gold_speaker`` (any name, ``author`` or ``commenter``) names ``speaker``.

    Names are compared case-folded, with or without a leading ``@``.

    Example:
        >>> s = Speaker("@rhappe", "Rachel Happe", "person", ("Rachel",))
        >>> speaker_matches("RHappe", s), speaker_matches("@rachel happe", s)
        (True, True)
        >>> byline = Speaker("author:x", "Barb", "author")
        >>> speaker_matches("author", s), speaker_matches("author", byline)
        (False, True)
        >>> speaker_matches("commenter", Speaker("commenter:3", "Commenter 3", "person"))
        True
    """
    wanted = gold_speaker.strip().casefold().removeprefix("@")
    if wanted == AUTHOR and speaker.kind == AUTHOR:
        return True
    if wanted == COMMENTER and speaker.id.casefold().startswith(f"{COMMENTER}:"):
        return True
    names = (speaker.id, speaker.label, *speaker.aliases)
    return wanted in {n.strip().casefold().removeprefix("@") for n in names if n}


def evaluate(gold: Iterable[GoldClaim], predicted: Iterable[Claim], *,
             sources: Collection[str] | None = None) -> Scores:
    """Score ``predicted`` against ``gold`` on ``sources`` (default: the gold's sources).

    Predicted claims of other sources are ignored (counted in ``ignored_claims``).

    Example:
        >>> from kg.records import ConceptRef, Evidence, ObjectRef, Source
        >>> g = GoldClaim("s", "@ann", "team", "Teams are not groups", 0, 20, negated=True)
        >>> p = Claim("c-1", Source("s", "s.txt", ""), Speaker("@ann", "Ann", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("groups"), "definition",
        ...           evidence=Evidence("Teams are not", 0, 13))
        >>> s = evaluate([g], [p])
        >>> s.tp, s.fp, s.fn, s.attribution, s.negation
        (1, 0, 0, 1.0, 0.0)
    """
    gold_by_source = _group(gold, lambda g: g.source)
    scored = set(gold_by_source) if sources is None else set(sources)
    pred_by_source = _group(predicted, lambda c: c.source.id)
    ignored = sorted(set(pred_by_source) - scored)
    ignored_claims = sum(len(pred_by_source[s]) for s in ignored)
    if ignored:
        logger.info("ignored %d predicted claims of %d sources without gold: %s",
                    ignored_claims, len(ignored), ", ".join(ignored))
    matches, fps, fns, per_source = [], [], [], []
    for source in sorted(scored):
        golds = gold_by_source.get(source, [])
        preds = sorted(pred_by_source.get(source, []), key=claim_sort_key)
        pairs = _match(golds, preds)
        matched_g = {id(m.gold) for m in pairs}
        matched_p = {id(m.predicted) for m in pairs}
        fps += [p for p in preds if id(p) not in matched_p]
        fns += [g for g in golds if id(g) not in matched_g]
        matches += pairs
        per_source.append(SourceScores(source, len(pairs), len(preds) - len(pairs),
                                       len(golds) - len(pairs)))
    return Scores(
        tp=len(matches), fp=len(fps), fn=len(fns),
        attribution=ratio(sum(m.speaker_ok for m in matches), len(matches)),
        negation=ratio(sum(m.negation_ok for m in matches), len(matches)),
        type_accuracy=ratio(sum(m.type_ok for m in matches), len(matches)),
        per_source=tuple(per_source), matches=tuple(matches),
        false_positives=tuple(fps), false_negatives=tuple(fns),
        ignored_sources=tuple(ignored), ignored_claims=ignored_claims,
    )


def format_scores(scores: Scores, *, verbose: bool = False) -> str:
    """A plain-text report: headline figures, a per-source table and, when
    ``verbose``, the false positives / negatives and the mis-attributed pairs."""
    matched = len(scores.matches)
    lines = [
        f"precision    {scores.precision:.3f}  ({scores.tp}/{scores.tp + scores.fp} predicted)",
        f"recall       {scores.recall:.3f}  ({scores.tp}/{scores.tp + scores.fn} gold)",
        f"F1           {scores.f1:.3f}",
        f"attribution  {scores.attribution:.3f}  "
        f"({sum(m.speaker_ok for m in scores.matches)}/{matched} matched)",
        f"negation     {scores.negation:.3f}  "
        f"({sum(m.negation_ok for m in scores.matches)}/{matched} matched)",
        f"type         {scores.type_accuracy:.3f}  "
        f"({sum(m.type_ok for m in scores.matches)}/{matched} matched)",
        "",
        f"{'source':<28} {'gold':>5} {'pred':>5} {'tp':>4} {'fp':>4} {'fn':>4} "
        f"{'P':>6} {'R':>6} {'F1':>6}",
    ]
    for s in scores.per_source:
        lines.append(f"{s.source:<28} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>4} {s.fp:>4} "
                     f"{s.fn:>4} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    by_kind = attribution_by_speaker(scores.matches)
    if by_kind:
        lines += ["", "attribution by gold speaker   matched  right  wrong as"]
        for kind, row in by_kind.items():
            wrong = ", ".join(f"{k} {n}" for k, n in sorted(row["wrong_as"].items(),
                                                            key=lambda kv: (-kv[1], kv[0])))
            lines.append(f"  {kind:<27} {row['matched']:>7} {row['right']:>6}  {wrong or '-'}")
    if scores.ignored_sources:
        lines += ["", f"ignored {scores.ignored_claims} predicted claims of sources without "
                      f"gold: {', '.join(scores.ignored_sources)}"]
    if verbose:
        lines += _details(scores)
    return "\n".join(lines)


def _details(scores: Scores) -> list[str]:
    lines = ["", f"false positives ({len(scores.false_positives)}):"]
    lines += [f"  {c.source.id} [{c.evidence.start}:{c.evidence.end}] {c.subject.id} "
              f"({c.speaker.id}, {c.id}): {_quote(c.evidence.text)}"
              for c in scores.false_positives]
    lines += ["", f"false negatives ({len(scores.false_negatives)}):"]
    lines += [f"  {g.source} [{g.start}:{g.end}] {g.subject} ({g.speaker}): {_quote(g.evidence)}"
              for g in scores.false_negatives]
    wrong = [m for m in scores.matches if not (m.speaker_ok and m.negation_ok)]
    lines += ["", f"matched with wrong speaker or negation ({len(wrong)}):"]
    lines += [f"  {m.gold.source} [{m.gold.start}:{m.gold.end}] {m.gold.subject}: "
              f"speaker gold {m.gold.speaker!r} / predicted {m.predicted.speaker.id!r}, "
              f"negated gold {m.gold.negated} / predicted {m.predicted.negated}"
              for m in wrong]
    return lines


def _quote(text: str, limit: int = 120) -> str:
    """One-line, shortened quotation of ``text``.

    Example:
        >>> _quote("a\\nb  c", limit=10)
        '"a b c"'
        >>> _quote("x" * 20, limit=10)
        '"xxxxxxxxx…"'
    """
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= limit else flat[:limit - 1] + "…"}"'


def _subject_keys(claim: Claim) -> set[str]:
    """The subject ids a gold claim may name: a contrast is symmetric ("X differs
    from Y" is "Y differs from X"), so its object concept counts too."""
    keys = {claim.subject.id.casefold()}
    if claim.type == "contrast" and claim.object.concept:
        keys.add(claim.object.concept.casefold())
    return keys


def _match(golds: list[GoldClaim], preds: list[Claim]) -> list[Match]:
    """One-to-one greedy matching, closest spans first (intersection over union,
    then overlap; ties: file order), so a sentence-long claim does not take the
    gold clause that a clause-long claim fits exactly."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            overlap = span_overlap((g.start, g.end), (p.evidence.start, p.evidence.end))
            if overlap and g.subject.casefold() in _subject_keys(p):
                union = max(g.end, p.evidence.end) - min(g.start, p.evidence.start)
                candidates.append((-overlap / union, -overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, neg_overlap, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matches.append(Match(golds[gi], preds[pi], -neg_overlap))
    return sorted(matches, key=lambda m: (m.gold.start, m.gold.end))


def concept_subjects(golds: Iterable[GoldClaim], vocab: Vocabulary) -> list[GoldClaim]:
    """Gold claims whose subject names a concept by any of its labels ("community
    members", "#teams") carry the concept's id instead, the id kg gives that subject;
    other subjects ("people", "faith community") stay as written.

    Example:
        >>> from kg.vocab import load_vocabulary
        >>> g = GoldClaim("s", "author", "Community Members", "Members help.", 0, 13)
        >>> [c.subject for c in concept_subjects([g, replace(g, subject="people")],
        ...                                      load_vocabulary())]
        ['member', 'people']
    """
    out = []
    for gold in golds:
        concept = vocab.lookup(gold.subject)
        out.append(replace(gold, subject=concept) if concept and concept != gold.subject
                   else gold)
    return out


def load_gold(path: str | os.PathLike[str]) -> list[GoldClaim]:
    """Gold claims of a ``.jsonl`` file or of every ``*.jsonl`` in a folder (not README).

    Bad lines are logged as ``file:LINE: problem`` warnings and skipped.

    Raises:
        ClaimsFileError: when ``path`` does not exist or holds no gold file.
    """
    return [g for file in _gold_files(path) for g in _iter_gold_file(file)]


def gold_sources(path: str | os.PathLike[str]) -> frozenset[str]:
    """Source ids that have a gold file (file stems), including files with no claims.

    A gold file with no lines says "this source makes no claims": its
    predicted claims all count as false positives.
    """
    return frozenset(f.stem for f in _gold_files(path))


def _gold_files(path: str | os.PathLike[str]) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ClaimsFileError(path, "no such gold file or folder")
    files = sorted(p for p in path.glob(f"*{GOLD_SUFFIX}")
                   if not p.name.upper().startswith("README"))
    if not files:
        raise ClaimsFileError(path, f"no gold files (*{GOLD_SUFFIX}) in this folder")
    return files


def _iter_gold_file(file: Path) -> Iterator[GoldClaim]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ClaimsFileError(file, f"cannot read gold file ({e})") from e
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        origin = f"{file}:{lineno}"
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError(f"expected a JSON object, got {type(data).__name__}")
            yield GoldClaim.from_dict(data, origin)
        except ValueError as e:  # JSONDecodeError is a ValueError
            logger.warning("%s: %s", origin, " ".join(str(e).split()))


def _group(items: Iterable[Any], key: Any) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def _gold_dict(gold: GoldClaim) -> dict[str, Any]:
    return {"source": gold.source, "speaker": gold.speaker, "subject": gold.subject,
            "type": gold.type, "negated": gold.negated, "evidence": gold.evidence,
            "start": gold.start, "end": gold.end, "origin": gold.origin}


def _match_dict(match: Match) -> dict[str, Any]:
    return {"gold": _gold_dict(match.gold), "predicted": match.predicted.to_dict()}

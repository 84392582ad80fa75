"""Score kg's speakers against a reader's, page by page or sentence by sentence.

Claim-level attribution (``kg eval``) only scores sentences that carry a claim, and
only when the claim itself is found. These two checks score the speaker rules on
their own, over any web pages a reader has labelled:

* ``--bylines DIR``: ``DIR/pages/*.txt`` and ``DIR/gold.jsonl`` with one line per page,
  ``{"file": "001.txt", "author": "Jane Doe"}`` (``null`` when the text names no
  writer). A page is right when kg's author speaker has that name, or when kg names no
  one (a speaker of kind ``author`` labelled "Author of ...") and the reader neither.
* ``--sentences DIR``: ``DIR/pages/*.txt`` and ``DIR/gold.jsonl`` with one line per
  sentence, ``{"file", "start", "end", "text", "speaker"}`` where ``speaker`` is
  ``author`` or a person's name. Each gold sentence is compared with the speaker kg
  gives the parsed sentence that overlaps it most (names compare as in ``kg eval``);
  sentences kg does not parse (dropped as site furniture, or a moderator's question)
  count as wrong and are reported apart.

    .venv/bin/python benchmarks/eval_speakers.py --bylines path/to/bylines [--gold FILE]
    .venv/bin/python benchmarks/eval_speakers.py --sentences path/to/set [--verbose]

Prints the share right, overall and by the reader's kind of speaker.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import speaker_matches  # noqa: E402
from kg.ingest import read_document  # noqa: E402
from kg.records import Speaker  # noqa: E402


@dataclass(frozen=True)
class Row:
    """One scored item: the reader's speaker, kg's, and whether they agree."""

    file: str
    gold: str
    predicted: str
    ok: bool
    parsed: bool = True
    text: str = ""


def _gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def page_author(path: Path) -> Speaker | None:
    """The speaker kg gives a page's own voice (None when nothing is the author's)."""
    from kg.speakers import segment

    return next((u.speaker for u in segment(read_document(path))
                 if u.speaker.kind == "author"), None)


def score_bylines(folder: Path, gold: Path | None = None) -> list[Row]:
    """One row per page of ``folder``: is kg's author the reader's?"""
    rows = []
    for item in _gold(gold or folder / "gold.jsonl"):
        speaker = page_author(folder / "pages" / item["file"])
        unnamed = speaker is None or speaker.id.startswith("author:")
        wanted = item.get("author")
        ok = unnamed if not wanted else (
            not unnamed and speaker is not None and speaker_matches(wanted, speaker))
        rows.append(Row(item["file"], wanted or "(none)",
                        "(none)" if unnamed or speaker is None else speaker.label, ok))
    return rows


def sentence_speakers(path: Path, nlp: Any) -> list[tuple[int, int, Speaker]]:
    """Each parsed sentence's character span in the file and kg's speaker for it, as
    extraction assigns them (same utterances, same masking, same attribution)."""
    from kg.extract.document import parse_utterances, parsed_utterances
    from kg.speakers import Attributor, segment

    document = read_document(path)
    utterances = parsed_utterances(segment(document))
    attributor = Attributor(document, utterances)
    out = []
    for u, doc in parse_utterances(document, utterances, nlp):
        sents = list(doc.sents)
        for sent, speaker in zip(sents, attributor.speakers_for(sents, u), strict=True):
            out.append((u.start + sent.start_char, u.start + sent.end_char, speaker))
    return out


def score_sentences(folder: Path, nlp: Any, gold_path: Path | None = None) -> list[Row]:
    """One row per gold sentence of ``folder``: does kg give it the reader's speaker?"""
    gold = _gold(gold_path or folder / "gold.jsonl")
    spans: dict[str, list[tuple[int, int, Speaker]]] = {}
    rows = []
    for item in gold:
        name = item["file"]
        if name not in spans:
            spans[name] = sentence_speakers(folder / "pages" / name, nlp)
        start, end = item["start"], item["end"]
        best = max(spans[name], key=lambda s: min(end, s[1]) - max(start, s[0]), default=None)
        if best is None or min(end, best[1]) - max(start, best[0]) <= 0:
            rows.append(Row(name, item["speaker"], "(not parsed)", False, False, item["text"]))
            continue
        speaker = best[2]
        rows.append(Row(name, item["speaker"], speaker.label,
                        speaker_matches(item["speaker"], speaker), True, item["text"]))
    return rows


def summary(rows: list[Row]) -> str:
    """Share right overall and by the reader's kind of speaker (author / named / none)."""
    def kind(gold: str) -> str:
        return {"author": "author", "(none)": "none"}.get(gold.strip().casefold(), "named")

    lines = [f"right {sum(r.ok for r in rows)}/{len(rows)} ({_share(rows):.3f})"]
    for k, n in sorted(Counter(kind(r.gold) for r in rows).items()):
        part = [r for r in rows if kind(r.gold) == k]
        right = sum(r.ok for r in part)
        lines.append(f"  reader says {k:6s} {right:4d}/{n:<4d} ({_share(part):.3f})")
    unparsed = sum(not r.parsed for r in rows)
    if unparsed:
        lines.append(f"  not parsed by kg: {unparsed}")
    return "\n".join(lines)


def _share(rows: list[Row]) -> float:
    return sum(r.ok for r in rows) / len(rows) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--bylines", type=Path, help="pages + gold.jsonl of page authors")
    group.add_argument("--sentences", type=Path, help="pages + gold.jsonl of sentence speakers")
    parser.add_argument("--gold", type=Path, help="gold file (default: DIR/gold.jsonl)")
    parser.add_argument("--verbose", action="store_true", help="list every wrong item")
    args = parser.parse_args(argv)
    if args.bylines:
        rows = score_bylines(args.bylines, args.gold)
    else:
        from kg.nlp import load_pipeline

        rows = score_sentences(args.sentences, load_pipeline(), args.gold)
    if args.verbose:
        for r in rows:
            if not r.ok:
                print(f"{r.file}: reader {r.gold!r}, kg {r.predicted!r}  {r.text[:80]!r}")
    print(summary(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

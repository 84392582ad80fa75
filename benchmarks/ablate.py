"""How much each claim rule earns: pooled F1 with one rule switched off at a time.

A rule that only helps one article is a defect: run this over held-out sets (folders of
articles with their gold, annotated before looking at kg's output) and keep a rule only if
switching it off lowers the pooled figure.

    .venv/bin/python benchmarks/ablate.py                       # data/corpus + data/gold
    .venv/bin/python benchmarks/ablate.py --set ho1/corpus ho1/gold --set ho2/corpus ho2/gold
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _off(*_args: object, **_kwargs: object) -> object:
    return iter(())


def switches() -> dict[str, tuple[object, str, Callable[..., object]]]:
    """Rule name -> (module, attribute, replacement that turns the rule off)."""
    import kg.extract.clauses as clauses
    import kg.extract.rules as rules
    import kg.extract.syntax as syntax

    return {
        "glossary lines": (rules, "glossary_frames", _off),
        "'the two'": (rules, "pair_frames", _off),
        "term headings and lists": (rules, "section_frames", _off),
        "verbless fragments": (rules, "fragment_frames", _off),
        "'definition of X as Y'": (rules, "nominal_definition_frames", _off),
        "nominal contrasts": (rules, "nominal_frames", _off),
        "existentials": (clauses, "_existential_frames", _off),
        "'It's not a X if Y'": (clauses, "_condition_frames", _off),
        "'think of X as Y'": (clauses, "_as_frames", _off),
        "gerund subjects": (clauses, "_gerund", lambda *a: None),
        "one instance, not the kind": (clauses, "_specific", lambda *a: False),
        "'such a X' (narrower)": (clauses, "_narrower_antecedent", lambda *a: None),
        "'these groups' anaphora": (clauses, "_anaphor_referents", lambda *a: []),
        "comma splices": (syntax, "_comma_splice", lambda *a: False),
        "'whereas' clauses": (syntax, "_contrast_clause", lambda *a: False),
        "'is X and shouldn't be Y'": (syntax, "_denied_conjunct", lambda *a: False),
        "'I don't think X'": (syntax, "_denied_belief", lambda *a: False),
        "clauses after ';'": (syntax, "_beyond_break", lambda *a: False),
        "relational subjects ('Membership is')": (clauses, "_bridged", lambda *a: None),
        "'X make/build Y' (constitutive)": (clauses, "_constitutes", lambda *a: False),
        "'the word X' is usage": (clauses, "_word_named", lambda *a: False),
        "capitalised vocabulary terms": (clauses, "_capitalised_term", lambda *a: False),
        "'it seems like X'": (syntax, "_like_clause", lambda *a: False),
        "gapping ('X is A and Y B')": (clauses, "_gapped_frames", _off),
        "'when we say X, we mean Y'": (clauses, "_meaning_frames", _off),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs=2, action="append", metavar=("CORPUS", "GOLD"),
                        type=Path, help="a folder of articles and its gold (repeatable)")
    args = parser.parse_args(argv)
    sets = args.set or [(ROOT / "data" / "corpus", ROOT / "data" / "gold")]

    from kg.evaluate import evaluate, load_gold
    from kg.extract import extract_document
    from kg.ingest import iter_documents
    from kg.nlp import load_pipeline
    from kg.vocab import load_vocabulary

    nlp, vocab = load_pipeline(), load_vocabulary()
    data = [(list(iter_documents([corpus])), load_gold(gold)) for corpus, gold in sets]

    def pooled() -> tuple[float, int, int, int]:
        tp = fp = fn = 0
        for documents, gold in data:
            claims = [c for d in documents for c in extract_document(d, nlp, vocab)[0]]
            scores = evaluate(gold, claims)
            tp, fp, fn = tp + scores.tp, fp + scores.fp, fn + scores.fn
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        return f1, tp, fp, fn

    base = pooled()
    print(f"{'all rules':36} F1 {base[0]:.4f}  tp {base[1]} fp {base[2]} fn {base[3]}")
    for name, (module, attr, replacement) in switches().items():
        original = getattr(module, attr)
        setattr(module, attr, replacement)
        try:
            f1, tp, fp, fn = pooled()
        finally:
            setattr(module, attr, original)
        print(f"{'without ' + name:36} F1 {f1:.4f} ({f1 - base[0]:+.4f})  tp {tp} fp {fp} fn {fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

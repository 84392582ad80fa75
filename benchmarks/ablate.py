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


Target = tuple[object, str]


def switches() -> dict[str, tuple[tuple[Target, ...], Callable[..., object]]]:
    """Rule name -> ((module, attribute), ...) to replace, and the replacement that
    turns the rule off (a helper imported into two modules is replaced in both)."""
    import kg.extract.clauses as clauses
    import kg.extract.constructions as constructions
    import kg.extract.nominal as nominal
    import kg.extract.phrases as phrases
    import kg.extract.rules as rules
    import kg.extract.syntax as syntax

    def one(module: object, attr: str) -> tuple[Target, ...]:
        return ((module, attr),)

    never = lambda *a: False  # noqa: E731
    nothing = lambda *a: None  # noqa: E731
    return {
        "glossary lines": (one(rules, "glossary_frames"), _off),
        "'the two'": (one(rules, "pair_frames"), _off),
        "term headings and lists": (one(rules, "section_frames"), _off),
        "verbless fragments": (one(rules, "fragment_frames"), _off),
        "'definition of X as Y'": (one(rules, "nominal_definition_frames"), _off),
        "nominal contrasts": (one(rules, "nominal_frames"), _off),
        "existentials": (one(constructions, "_existential_frames"), _off),
        "'It's not a X if Y'": (one(constructions, "_condition_frames"), _off),
        "'think of X as Y'": (one(constructions, "_as_frames"), _off),
        "gerund subjects": (one(clauses, "_gerund"), nothing),
        "one instance, not the kind": (
            ((clauses, "specific"), (constructions, "specific")), never),
        "'such a X' (narrower)": (one(clauses, "_narrower_antecedent"), nothing),
        "'these groups' anaphora": (one(clauses, "_anaphor_referents"), lambda *a: []),
        "comma splices": (one(syntax, "_comma_splice"), never),
        "'whereas' clauses": (one(syntax, "_contrast_clause"), never),
        "'is X and shouldn't be Y'": (one(syntax, "_denied_conjunct"), never),
        "'I don't think X'": (one(syntax, "_denied_belief"), never),
        "clauses after ';'": (one(syntax, "_beyond_break"), never),
        "relational subjects ('Membership is')": (one(clauses, "_bridged"), nothing),
        "'X make/build Y' (constitutive)": (one(clauses, "_constitutes"), never),
        "'the word X' is usage": (one(clauses, "_word_named"), never),
        "capitalised vocabulary terms": (one(clauses, "_capitalised_term"), never),
        "'it seems like X'": (one(syntax, "_like_clause"), never),
        "gapping ('X is A and Y B')": (one(constructions, "_gapped_frames"), _off),
        "'when we say X, we mean Y'": (one(constructions, "_meaning_frames"), _off),
        "fronted setting ('In a community, ...')": (one(clauses, "_fronted_setting"), nothing),
        "gerund of belonging ('Being part of X')": (one(clauses, "_gerund_clause_noun"),
                                                    nothing),
        "generic 'the' ('The community drives')": (one(clauses, "_generic_the"), never),
        "'team members' owner": (one(phrases, "_other_owner"), nothing),
        "examined difference (not a claim)": (one(nominal, "_examined"), never),
        "dated events (not claims)": (one(clauses, "recent_event"), never),
        "one activity on two concepts ('Building a team is unlike building a community')": (
            one(clauses, "_parallel_activity"), nothing),
        "'the difference between them'": (one(nominal, "_anaphoric_pair"), lambda *a: []),
        "passive naming ('Forums are considered communities')": (
            one(clauses, "_passive_naming"), never),
        "the speaker's naming ('I would not consider X a Y')": (
            one(constructions, "_calling_frames"), _off),
        "'X and Y ..., but they are not the same'": (one(nominal, "_earlier_pair"), nothing),
        "bare 'the term' ('The term can also refer to')": (one(clauses, "_bare_term"), never),
        "existential relative ('There are communities that')": (
            one(constructions, "_finite_relative"), nothing),
        "anyone's ability ('You can't manage community')": (
            one(clauses, "_generic_agent"), never),
        "not enough ('X doesn't mean you have a community')": (
            one(constructions, "_not_enough_frames"), _off),
        "misparsed 'defines X as Y'": (one(constructions, "_misparsed_as"), nothing),
        "restrictive relatives (not claims)": (one(clauses, "_restrictive_relative"), never),
        "misparsed verb ('Community offsets loneliness')": (
            one(rules, "misparsed_verb_frames"), _off),
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
    for name, (targets, replacement) in switches().items():
        originals = [getattr(module, attr) for module, attr in targets]
        for module, attr in targets:
            setattr(module, attr, replacement)
        try:
            f1, tp, fp, fn = pooled()
        finally:
            for (module, attr), original in zip(targets, originals, strict=True):
                setattr(module, attr, original)
        print(f"{'without ' + name:36} F1 {f1:.4f} ({f1 - base[0]:+.4f})  tp {tp} fp {fp} fn {fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

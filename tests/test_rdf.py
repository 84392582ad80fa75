"""kg.rdf: the RDF model of claims, its exports, SHACL conformance and the round trip."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from kg.claims_io import read_claims
from kg.errors import ClaimsFileError, VocabularyError
from kg.namespace import KG, OA
from kg.rdf import (
    FORMATS,
    QUOTE_CONTEXT,
    RunInfo,
    claims_to_dataset,
    concept_relation,
    dataset_from_dir,
    dataset_to_claims,
    export,
    parse,
    source_text_loader,
    union_graph,
)
from kg.records import ConceptRef, ObjectRef

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claims_small.jsonl"
BASE = "https://example.org/kg/"
KGC = "https://example.org/kg/concept/"
CLAIM = URIRef(BASE + "claim/c-f1e2791815399f9a")  # @deb_lavoy: teams are not communities


@pytest.fixture(scope="module")
def claims():
    return read_claims(FIXTURE)


@pytest.fixture(scope="module")
def dataset(claims):
    return claims_to_dataset(claims, source_text=source_text_loader([ROOT]))


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(ROOT / "data" / "shapes.ttl")


def test_contrast_claim_is_typed_negated_and_attributed(dataset):
    assert (CLAIM, RDF.type, KG.Claim) in dataset
    assert (CLAIM, RDF.type, KG.Contrast) in dataset
    assert (CLAIM, KG.claimType, Literal("contrast")) in dataset
    assert (CLAIM, KG.negated, Literal(True)) in dataset
    assert (CLAIM, KG.hedged, Literal(False)) in dataset
    assert (CLAIM, KG.subject, URIRef(KGC + "team")) in dataset
    assert (CLAIM, KG.object, URIRef(KGC + "community")) in dataset
    assert (CLAIM, KG.predicateLabel, Literal("be the same as")) in dataset
    assert (CLAIM, KG.objectLabel, Literal("communities")) in dataset
    assert (CLAIM, PROV.wasAttributedTo, URIRef(BASE + "speaker/handle/deb_lavoy")) in dataset
    assert (CLAIM, PROV.wasDerivedFrom, URIRef(BASE + "source/001_9915c937b68aed6b")) in dataset


def test_concept_link_is_a_plain_triple(dataset):
    assert (URIRef(KGC + "team"), KG.contrastedWith, URIRef(KGC + "community")) in dataset
    assert (URIRef(KGC + "customer"), KG.isNot, URIRef(KGC + "community")) in dataset
    assert (URIRef(KGC + "community"), KG.isA, URIRef(KGC + "group")) in dataset


def test_vocabulary_is_in_the_export(dataset):
    assert (URIRef(KGC + "external-community"), SKOS.broader, URIRef(KGC + "community")) \
        in dataset
    assert (URIRef(KGC + "community"), SKOS.prefLabel, Literal("community", lang="en")) \
        in dataset
    assert (URIRef(KGC + "community"), SKOS.inScheme, URIRef(KGC)) in dataset


def test_evidence_is_a_web_annotation_with_both_selectors(dataset):
    text = (ROOT / "data/corpus/001_9915c937b68aed6b.txt").read_text(encoding="utf-8")
    annotation, target = URIRef(f"{CLAIM}-evidence"), URIRef(f"{CLAIM}-target")
    quote, position = URIRef(f"{CLAIM}-quote"), URIRef(f"{CLAIM}-position")
    assert (CLAIM, KG.evidence, annotation) in dataset
    assert (annotation, RDF.type, OA.Annotation) in dataset
    assert (annotation, OA.hasBody, CLAIM) in dataset
    assert (target, OA.hasSource, URIRef(BASE + "source/001_9915c937b68aed6b")) in dataset
    assert {quote, position} == set(dataset.objects(target, OA.hasSelector))
    assert dataset.value(position, OA.start).toPython() == 1192
    assert dataset.value(position, OA.end) == Literal(1230, datatype=XSD.nonNegativeInteger)
    assert str(dataset.value(quote, OA.exact)) == "teams are not the same as communities."
    assert str(dataset.value(quote, OA.prefix)) == text[1192 - QUOTE_CONTEXT:1192]
    assert str(dataset.value(quote, OA.suffix)) == text[1230:1230 + QUOTE_CONTEXT]


def test_prefix_and_suffix_left_out_without_source_text(claims):
    ds = claims_to_dataset(claims[:1], source_text=lambda source: None)
    quote = URIRef(f"{CLAIM}-quote")
    assert (quote, OA.exact, Literal("teams are not the same as communities.")) in ds
    assert ds.value(quote, OA.prefix) is None and ds.value(quote, OA.suffix) is None


def test_prefix_left_out_at_start_of_text(dataset):
    quote = URIRef(BASE + "claim/c-cefd970604dd32dc-quote")  # evidence at offset 0
    assert dataset.value(quote, OA.prefix) is None
    assert dataset.value(quote, OA.suffix) is not None


def test_speakers_are_foaf_agents(dataset):
    handle = URIRef(BASE + "speaker/handle/deb_lavoy")
    assert (handle, RDF.type, FOAF.OnlineAccount) in dataset
    assert (handle, FOAF.accountName, Literal("deb_lavoy")) in dataset
    person = URIRef(BASE + "speaker/handle/rhappe")  # a person whose handle is the id
    account = URIRef(BASE + "account/rhappe")
    assert (person, RDF.type, FOAF.Person) in dataset
    assert (person, FOAF.name, Literal("Rachel Happe")) in dataset
    assert (person, FOAF.account, account) in dataset
    assert (account, FOAF.accountName, Literal("rhappe")) in dataset
    assert set(dataset.objects(person, FOAF.nick)) == {Literal("@rhappe"), Literal("Rachel")}
    group = URIRef(BASE + "speaker/group/panelists")
    assert (group, RDF.type, FOAF.Organization) in dataset
    assert (group, KG.speakerKind, Literal("group")) in dataset


def test_sources_have_title_path_and_identifier(dataset):
    source = URIRef(BASE + "source/002_f77db64989f60894")
    assert (source, DCTERMS.identifier, Literal("002_f77db64989f60894")) in dataset
    assert (source, DCTERMS.source, Literal("data/corpus/002_f77db64989f60894.txt")) in dataset
    assert str(dataset.value(source, DCTERMS.title))


def test_non_vocabulary_subject_gets_an_open_concept(claims):
    odd = dataclasses.replace(claims[1], id="c-0000000000000001",
                              subject=ConceptRef("hashtag", "hashtag"),
                              object=ObjectRef("a tag", None))
    ds = claims_to_dataset([odd])
    concept = URIRef(BASE + "open-concept/hashtag")
    assert (concept, RDF.type, SKOS.Concept) in ds
    assert (concept, SKOS.prefLabel, Literal("hashtag", lang="en")) in ds
    assert (concept, SKOS.inScheme, URIRef(BASE + "open-concept/")) in ds
    assert dataset_to_claims(ds) == [odd]


def test_trig_puts_assertion_and_provenance_in_named_graphs(dataset):
    assertion = dataset.graph(URIRef(f"{CLAIM}/assertion"))
    provenance = dataset.graph(URIRef(f"{CLAIM}/provenance"))
    assert (CLAIM, KG.negated, Literal(True)) in assertion
    assert (URIRef(KGC + "team"), KG.contrastedWith, URIRef(KGC + "community")) in assertion
    assert (CLAIM, PROV.wasAttributedTo, None) in provenance
    assert (CLAIM, PROV.wasAttributedTo, None) not in assertion
    back = parse(export(dataset, "trig"), "trig")
    assert {g.identifier for g in back.graphs()} >= {assertion.identifier,
                                                     provenance.identifier}


def test_iris_are_stable_across_exports(claims):
    first = parse(export(claims_to_dataset(claims), "trig"), "trig")
    second = parse(export(claims_to_dataset(list(reversed(claims))), "trig"), "trig")
    assert isomorphic(union_graph(first), union_graph(second))
    assert len(set(union_graph(first).all_nodes()) & set(union_graph(second).all_nodes())) \
        == len(set(union_graph(first).all_nodes()))


def test_rerunning_the_extraction_gives_the_same_iris(sample_dir, corpus_dir, tmp_path):
    from kg.pipeline import run_extract

    run_extract([corpus_dir], tmp_path, progress=False, force=True)

    def triples(folder):
        # the run itself is a new prov:Activity (its own time); everything else is the same
        return {(s, p, o) for s, p, o in union_graph(dataset_from_dir(folder))
                if "/run/" not in s and "/run/" not in o}

    first, second = triples(sample_dir), triples(tmp_path)
    assert first == second
    claims = {s for s, p, o in first if p == RDF.type and o == KG.Claim}
    assert len(claims) == len(read_claims(sample_dir)) >= 11


def test_base_is_configurable(claims):
    ds = claims_to_dataset(claims[:1], base="http://other.test/kg/")
    assert (URIRef("http://other.test/kg/claim/c-f1e2791815399f9a"), KG.negated,
            Literal(True)) in ds


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(dataset, claims, fmt):
    back = dataset_to_claims(parse(export(dataset, fmt), fmt))
    assert set(back) == set(claims)
    assert len(back) == len(claims)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_export_conforms_to_the_shapes(dataset, shapes, fmt):
    import pyshacl

    conforms, _, report = pyshacl.validate(union_graph(parse(export(dataset, fmt), fmt)),
                                           shacl_graph=shapes)
    assert conforms, report


def test_shapes_catch_a_broken_claim(dataset, shapes):
    import pyshacl

    graph = union_graph(parse(export(dataset, "nt"), "nt"))
    graph.set((CLAIM, KG.claimType, Literal("opinion")))
    graph.set((URIRef(f"{CLAIM}-position"), OA.start,
               Literal(5000, datatype=XSD.nonNegativeInteger)))
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes)
    assert not conforms
    paths = {str(o) for o in results.objects(None, URIRef("http://www.w3.org/ns/shacl#resultPath"))}
    assert str(KG.claimType) in paths


def test_jsonld_has_a_readable_context(dataset):
    doc = json.loads(export(dataset, "jsonld"))
    context = doc["@context"]
    assert context["kg"] == "https://example.org/kg/ns#"
    assert context["negated"] == "kg:negated"
    assert context["claim"] == BASE + "claim/"
    node = next(n for n in doc["@graph"] if n["@id"] == "claim:c-f1e2791815399f9a")
    # JSON booleans, not the strings "true"/"false" (truthy both)
    assert node["negated"] is True and node["hedged"] is False
    assert node["subject"] == "kgc:team" and node["confidence"] == "0.9"


def test_unknown_format_lists_valid_ones(dataset):
    with pytest.raises(ValueError, match="unknown format 'owl'; valid: ttl, nt, jsonld"):
        export(dataset, "owl")


@pytest.mark.parametrize(("index", "relation"), [
    (0, KG.contrastedWith), (1, None), (2, KG.isA), (6, KG.isNot), (10, KG.contrastedWith),
])
def test_concept_relation(claims, index, relation):
    assert concept_relation(claims[index]) == relation


@pytest.mark.parametrize(("changes", "relation"), [
    ({"negated": True}, KG.sameAs),  # audience does not differ from community
    ({"predicate": "be the same as"}, KG.sameAs),  # ... is the same as ...
    ({"predicate": "be the same as", "negated": True}, KG.contrastedWith),
    ({"predicate": "become", "negated": True}, KG.relatedBy),
    ({"type": "requirement", "predicate": "need", "negated": True}, KG.relatedBy),
    ({"type": "property", "predicate": "have"}, KG.hasProperty),
])
def test_concept_relation_follows_the_graph(claims, changes, relation):
    claim = dataclasses.replace(claims[10], **changes)  # audience differs from community
    assert concept_relation(claim) == relation


def test_run_is_described_from_the_manifest(tmp_path, claims):
    (tmp_path / "claims.jsonl").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({
        "created": "2024-05-01T10:00:00+00:00", "extractor": {"version": "7"},
        "spacy": {"version": "3.8.2"}, "model": {"name": "en_core_web_sm", "version": "3.8.0"},
    }), encoding="utf-8")
    ds = dataset_from_dir(tmp_path)
    run = ds.value(URIRef(BASE + "claim/c-f1e2791815399f9a"), PROV.wasGeneratedBy)
    assert (run, RDF.type, PROV.Activity) in ds
    assert ds.value(run, PROV.endedAtTime).toPython().year == 2024
    kg_software = URIRef(BASE + "software/kg/7")
    assert (run, PROV.wasAssociatedWith, kg_software) in ds
    assert (run, PROV.used, URIRef(BASE + "model/en_core_web_sm/3.8.0")) in ds
    assert (kg_software, RDFS.label, Literal("kg 7")) in ds
    assert set(dataset_to_claims(ds)) == set(claims)


def test_run_without_manifest_still_has_an_activity(dataset):
    run = dataset.value(CLAIM, PROV.wasGeneratedBy)
    assert (run, RDF.type, PROV.Activity) in dataset
    assert run == URIRef(BASE + "run/" + RunInfo().key())


def test_missing_claims_file_is_a_claims_file_error(tmp_path):
    with pytest.raises(ClaimsFileError, match="claims.jsonl"):
        dataset_from_dir(tmp_path)


def test_corrupt_line_is_skipped_with_its_number(tmp_path, caplog, claims):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    lines.insert(2, '{"id": "c-broken", ')
    (tmp_path / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        ds = dataset_from_dir(tmp_path)
    assert "claims.jsonl:3" in caplog.text
    assert set(dataset_to_claims(ds)) == set(claims)


def test_bad_vocabulary_is_a_vocabulary_error(tmp_path, claims):
    bad = tmp_path / "concepts.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(VocabularyError):
        claims_to_dataset(claims, vocabulary_path=bad)


def test_project_vocabulary_describes_every_term():
    vocab = Graph().parse(ROOT / "data" / "kg.ttl")
    for name in KG.__annotations__:
        term = getattr(KG, name)
        assert vocab.value(term, RDFS.label) is not None, name
        assert vocab.value(term, RDFS.comment) is not None, name
    assert (ROOT / "kg" / "data" / "kg.ttl").resolve() == (ROOT / "data" / "kg.ttl").resolve()


def test_alias_order_survives_the_round_trip(claims):
    rachel = next(c for c in claims if c.speaker.id == "@rhappe")
    reordered = dataclasses.replace(rachel, speaker=dataclasses.replace(
        rachel.speaker, aliases=("Rachel Happe", "@rhappe", "Rachel")))
    for fmt in FORMATS:
        assert dataset_to_claims(parse(export(claims_to_dataset([reordered]), fmt), fmt)) \
            == [reordered]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_sample_claims_round_trip_and_conform(sample_dir, shapes, fmt):
    import pyshacl

    claims = read_claims(sample_dir)
    assert len(claims) >= 11
    back = parse(export(dataset_from_dir(sample_dir), fmt), fmt)
    assert set(dataset_to_claims(back)) == set(claims)
    conforms, _, report = pyshacl.validate(union_graph(back), shacl_graph=shapes)
    assert conforms, report

"""The claim graph: claims -> networkx MultiDiGraph, its analyses, views and Gephi files.

One concern per module: :mod:`~kg.graph.build` (claims <-> graph),
:mod:`~kg.graph.analysis` (rankings, definitions, clusters, paths, matrices),
:mod:`~kg.graph.compare` (agreement / disagreement), :mod:`~kg.graph.view`
(the filtered view an app draws) and :mod:`~kg.graph.io` (GraphML / GEXF).
Everything public is re-exported here.
"""

from __future__ import annotations

from kg.graph.analysis import (
    RANKINGS,
    NoClaimPath,
    SpeakerConceptMatrix,
    claim_path,
    clusters,
    co_claimed_concepts,
    concept_ranking,
    concept_speaker_graph,
    speaker_concept_matrix,
    speaker_definitions,
    speakers_per_concept,
    summary,
)
from kg.graph.build import (
    NODE_TYPES,
    RELATION_BY_PREDICATE,
    RELATION_BY_TYPE,
    build_graph,
    derive_relation,
    graph_to_claims,
    node_id,
    split_node_id,
)
from kg.graph.compare import DISAGREEMENT_KINDS, agreements, disagreements
from kg.graph.io import GRAPH_FORMATS, read_graph, write_graph
from kg.graph.view import ViewInfo, subgraph_view

__all__ = [
    "DISAGREEMENT_KINDS",
    "GRAPH_FORMATS",
    "NODE_TYPES",
    "RANKINGS",
    "RELATION_BY_PREDICATE",
    "RELATION_BY_TYPE",
    "NoClaimPath",
    "SpeakerConceptMatrix",
    "ViewInfo",
    "agreements",
    "build_graph",
    "claim_path",
    "clusters",
    "co_claimed_concepts",
    "concept_ranking",
    "concept_speaker_graph",
    "derive_relation",
    "disagreements",
    "graph_to_claims",
    "node_id",
    "read_graph",
    "speaker_concept_matrix",
    "speaker_definitions",
    "speakers_per_concept",
    "split_node_id",
    "subgraph_view",
    "summary",
    "write_graph",
]

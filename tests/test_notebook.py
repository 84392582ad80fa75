"""notebooks/explore.ipynb runs top to bottom (nbclient, this interpreter's kernel).

Run once on the claims fixture, with exact expectations, and once as shipped (the
sample run in build/sample, or a fresh extraction of data/corpus when it is missing).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
TIMEOUT = 600  # seconds per cell: the shipped run may extract data/corpus first


def execute(claims_file: Path | None = None) -> dict[str, list[dict]]:
    """Run the notebook; the outputs of each tagged code cell, by tag."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    if claims_file is not None:
        (cell,) = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        cell.source = f"CLAIMS_FILE = {str(claims_file)!r}"
    # "python3" is ipykernel's native kernel: jupyter_client runs it with sys.executable.
    NotebookClient(notebook, timeout=TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return {tag: cell.outputs for cell in notebook.cells if cell.cell_type == "code"
            for tag in cell.metadata.get("tags", [])}


def text(outputs: list[dict]) -> str:
    """All text of a cell's outputs (stream text and text/plain results)."""
    return "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                   for o in outputs)


@pytest.fixture(scope="module")
def on_fixture() -> dict[str, list[dict]]:
    return execute(FIXTURE)


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    assert [t for c in notebook.cells for t in c.metadata.get("tags", [])] == [
        "parameters", "load", "top-concepts", "definitions", "chart", "sparql", "export"]


def test_load_cell_summarises_the_graph(on_fixture):
    assert text(on_fixture["load"]).split() == (
        "{'speaker': 6, 'concept': 8, 'claim': 11, 'source': 3, 'edges': 45, "
        "'derived_edges': 6}").split()


def test_top_concept_is_community(on_fixture):
    lines = text(on_fixture["top-concepts"]).splitlines()
    assert lines[0].split() == ["concept", "label", "score", "claims", "speakers",
                                "in_vocabulary"]
    assert lines[2].split() == ["1", "community", "community", "0.288", "10", "5", "True"]
    assert lines[3].split() == ["2", "member", "member", "0.071", "1", "1", "True"]
    assert "text/html" in on_fixture["top-concepts"][0]["data"]


def test_definitions_table_and_chart(on_fixture):
    table = text(on_fixture["definitions"])
    for cell in ("deb_lavoy", "jimstorer", "Rachel Happe", "Author of Community",
                 "support structures", "tend to focus on", "depend on", "consist of"):
        assert cell in table
    assert len([o for o in on_fixture["chart"] if "image/png" in o.get("data", {})]) == 1


def test_sparql_cell_answers_the_example_query(on_fixture):
    html = on_fixture["sparql"][0]["data"]["text/html"]
    assert html.count("</tr>") == 1 + 5  # header + the 5 claims with community as subject
    for cell in ("Rachel Happe", "support structures", "more than connection",
                 "the people who like your Facebook page", "relationships"):
        assert cell in html


def test_export_cell_writes_graphml(on_fixture):
    assert text(on_fixture["export"]) == (
        "claims.graphml: 28 nodes, 45 edges, node types "
        "['claim', 'concept', 'source', 'speaker']\n")


def test_notebook_as_shipped_ranks_community_first():
    outputs = execute()
    lines = text(outputs["top-concepts"]).splitlines()
    assert lines[2].split()[:3] == ["1", "community", "community"]
    assert "claims.graphml:" in text(outputs["export"])

"""The ``kg`` command line: a thin layer over the library functions.

Each command parses its arguments, calls one library function and turns
:class:`kg.errors.KgError` into a one-line message and an exit status.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])

# --- extract / eval (owned by the pipeline module) ---------------------------


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders (.txt .md .html .htm), read recursively.",
        metavar="PATH...", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.",
                                      file_okay=False, show_default=False)],
    concepts: Annotated[Path | None, typer.Option(
        "--concepts", help="SKOS vocabulary file (default: the shipped one).")] = None,
    open_vocab: Annotated[bool, typer.Option(
        "--open", help="Also extract claims about subjects outside the vocabulary.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    force: Annotated[bool, typer.Option(
        "--force", help="Re-extract every source, even unchanged ones.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar, no summary (problems are still shown).")] = False,
) -> None:
    """Extract attributed claims into OUT/claims.jsonl and OUT/manifest.json."""
    from kg.pipeline import run_extract

    _log_to_stderr()
    with _one_line_errors():
        report = run_extract(paths, out, concepts=concepts, jobs=jobs, force=force,
                             open_vocab=open_vocab, progress=not quiet,
                             on_error=lambda problem: typer.echo(problem, err=True))
    if report.documents_read == 0:
        typer.echo("kg extract: no input could be read; nothing written", err=True)
        raise typer.Exit(1)
    if not quiet:
        typer.echo(report.summary())


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(
        help="A gold .jsonl file or a folder of them.", show_default=False)],
    claims: Annotated[Path, typer.Argument(
        help="claims.jsonl, or the folder holding it.", show_default=False)],
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List false positives / negatives with evidence.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    concepts: Annotated[Path | None, typer.Option(
        "--concepts", help="SKOS vocabulary whose labels name gold subjects "
        "(default: the built-in one).", show_default=False)] = None,
) -> None:
    """Score CLAIMS against GOLD: precision, recall, F1, attribution and negation.

    A gold subject written as any label of a concept ("community members") counts as
    that concept's id ("member")."""
    import json

    from kg.claims_io import read_claims
    from kg.evaluate import concept_subjects, evaluate, format_scores, gold_sources, load_gold
    from kg.vocab import load_vocabulary

    _log_to_stderr()
    with _one_line_errors():
        golds = concept_subjects(load_gold(gold), load_vocabulary(concepts))
        scores = evaluate(golds, read_claims(claims),
                          sources=gold_sources(gold) | {g.source for g in golds})
    if as_json:
        typer.echo(json.dumps(scores.to_dict(details=verbose), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_scores(scores, verbose=verbose))


@contextlib.contextmanager
def _one_line_errors() -> Iterator[None]:
    """Turn a user-facing error into one line on stderr and exit status 1."""
    from kg.errors import KgError

    try:
        yield
    except (KgError, OSError) as e:
        typer.echo(f"kg: {e}", err=True)
        raise typer.Exit(1) from e


def _log_to_stderr() -> None:
    """Library warnings (bad lines in claims/gold files) as one line each on stderr."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s",
                        stream=sys.stderr)


# --- export / query / push (owned by the rdf/query/store modules) -------------

RDF_EXPORT_FORMATS = ("ttl", "nt", "jsonld", "trig", "xml")
EXPORT_FORMATS = (*RDF_EXPORT_FORMATS, "graphml", "gexf", "csv")
_BASE_HELP = "Base IRI of claims, speakers and sources."
_DirArg = Annotated[Path, typer.Argument(help="Folder holding claims.jsonl (or the file).",
                                         show_default=False)]
_BaseOpt = Annotated[str | None, typer.Option("--base", help=_BASE_HELP, show_default=False)]
_ConceptsOpt = Annotated[Path | None, typer.Option(
    "--concepts", help="SKOS vocabulary file (default: the shipped one).")]


@app.command("export")
def export_command(
    directory: _DirArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="|".join(EXPORT_FORMATS))] = "ttl",
    output: Annotated[str, typer.Option("--output", "-o", help="File, or - for stdout.")] = "-",
    base: _BaseOpt = None,
    concepts: _ConceptsOpt = None,
) -> None:
    """Export the claims of DIR as RDF, GraphML, GEXF or CSV."""
    _require_choice("export", "format", fmt, EXPORT_FORMATS)
    _log_to_stderr()
    with _one_line_errors():
        _write_output(_export_payload(directory, fmt, base, concepts), output)


@app.command("query")
def query_command(
    directory: Annotated[str | None, typer.Argument(
        help="Folder holding claims.jsonl (not needed with --endpoint).",
        show_default=False)] = None,
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL query.",
                                                 show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")]
    = None,
    example: Annotated[str | None, typer.Option(
        "--example", help="Run a shipped example query (see --list).")] = None,
    list_examples: Annotated[bool, typer.Option("--list", help="List example queries.")]
    = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|csv|json")] = "table",
    endpoint: Annotated[str | None, typer.Option(
        "--endpoint", help="Query this SPARQL server instead of DIR in process.")] = None,
    base: _BaseOpt = None,
    concepts: _ConceptsOpt = None,
) -> None:
    """Run a SPARQL query over DIR's claims (in process) or a server (--endpoint)."""
    from kg.query import RESULT_FORMATS, example_names, format_result

    if list_examples:
        typer.echo("\n".join(example_names()))
        return
    _require_choice("query", "format", fmt, RESULT_FORMATS)
    if endpoint and sparql is None and directory and not Path(directory).exists():
        directory, sparql = None, directory  # `kg query --endpoint URL 'SELECT ...'`
    _log_to_stderr()
    with _one_line_errors():
        text, name = _query_text(sparql, file, example)
        result = _run_query(directory, text, name, endpoint, base, concepts)
    typer.echo(format_result(result, fmt), nl=False)


@app.command("push")
def push_command(
    directory: _DirArg,
    endpoint: Annotated[str, typer.Option(
        "--endpoint", help="Server root or its query/update/store URL.", show_default=False)],
    protocol: Annotated[str, typer.Option(
        "--protocol", help="gsp (Graph Store Protocol) or update (SPARQL Update).")] = "gsp",
    graph: Annotated[str | None, typer.Option(
        "--graph", help="Load everything into this named graph (replacing it).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per request.")]
    = 30.0,
    base: _BaseOpt = None,
    concepts: _ConceptsOpt = None,
) -> None:
    """Load DIR's claims as RDF into a SPARQL 1.1 server."""
    from kg.store import PROTOCOLS, push

    _require_choice("push", "protocol", protocol, PROTOCOLS)
    _log_to_stderr()
    with _one_line_errors():
        count = push(_dataset(directory, base, concepts), endpoint, graph=graph,
                     protocol=protocol, timeout=timeout)
    typer.echo(f"pushed {count} quads to {endpoint}", err=True)


def _require_choice(command: str, option: str, value: str, valid: tuple[str, ...]) -> None:
    """Exit 2 with one line naming the bad value and the valid ones."""
    if value not in valid:
        typer.echo(f"kg {command}: unknown {option} {value!r}; valid: {', '.join(valid)}",
                   err=True)
        raise typer.Exit(2)


def _dataset(directory: Path | str, base: str | None, concepts: Path | None) -> Any:
    from kg.rdf import DEFAULT_BASE, dataset_from_dir

    return dataset_from_dir(directory, vocabulary_path=concepts, base=base or DEFAULT_BASE)


def _export_payload(directory: Path, fmt: str, base: str | None,
                    concepts: Path | None) -> str | bytes:
    """The export as text or bytes; graph/table formats come from kg.graph / kg.table."""
    if fmt in RDF_EXPORT_FORMATS:
        from kg.rdf import export

        return export(_dataset(directory, base, concepts), fmt)
    from kg.claims_io import read_claims

    claims = read_claims(directory)
    if fmt == "csv":
        from kg.table import claims_to_csv

        return claims_to_csv(claims)
    from kg.graph import build_graph, write_graph

    return write_graph(build_graph(claims), fmt)


def _write_output(payload: str | bytes, output: str) -> None:
    """Write to stdout (``-``) or atomically to a file (temp file + rename)."""
    if output == "-":
        if isinstance(payload, bytes):
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            typer.echo(payload, nl=False)
        return
    from kg.claims_io import atomic_write_text

    text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    atomic_write_text(output, text)


def _query_text(sparql: str | None, file: Path | None, example: str | None) -> tuple[str, str]:
    """The query and a name for error messages; exactly one source must be given."""
    from kg.errors import QueryError
    from kg.query import example_query

    given = [x for x in (sparql, file, example) if x is not None]
    if len(given) != 1:
        raise QueryError("kg query", "give exactly one of a SPARQL string, --file or --example")
    if file is not None:
        return file.read_text(encoding="utf-8"), str(file)
    if example is not None:
        return example_query(example), f"example {example}"
    return str(sparql), "query"


def _run_query(directory: str | None, text: str, name: str, endpoint: str | None,
               base: str | None, concepts: Path | None) -> Any:
    from kg.errors import ClaimsFileError
    from kg.query import run_query

    if endpoint:
        from kg.store import remote_query

        return remote_query(endpoint, text)
    if directory is None:
        raise ClaimsFileError("kg query", "give DIR (the claims folder) or --endpoint URL")
    return run_query(_dataset(directory, base, concepts), text, name=name)


def main() -> None:
    """Console-script entry point."""
    app()

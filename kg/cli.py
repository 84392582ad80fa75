"""The ``kg`` command line: a thin layer over the library functions.

Each command parses its arguments, calls one library function and turns
:class:`kg.errors.KgError` into a one-line message and an exit status.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

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
) -> None:
    """Score CLAIMS against GOLD: precision, recall, F1, attribution and negation."""
    import json

    from kg.claims_io import read_claims
    from kg.evaluate import evaluate, format_scores, gold_sources, load_gold

    _log_to_stderr()
    with _one_line_errors():
        golds = load_gold(gold)
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


def main() -> None:
    """Console-script entry point."""
    app()

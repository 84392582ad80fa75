"""The ``kg`` command line: a thin layer over the library functions.

Each command parses its arguments, calls one library function and turns
:class:`kg.errors.KgError` into a one-line message and an exit status.
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])

# --- extract / eval (owned by the pipeline module) ---------------------------

# --- export / query / push (owned by the rdf/query/store modules) -------------


def main() -> None:
    """Console-script entry point."""
    app()

"""Exception classes; ``str()`` of each is one line: ``<path>: <problem>``."""

from __future__ import annotations

__all__ = ["KgError", "InputError", "VocabularyError", "ClaimsFileError", "QueryError",
           "EndpointError"]


class KgError(Exception):
    """Base class: a problem a user can act on, reported in one line."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{self.path}: {self.problem}")


class InputError(KgError):
    """A source file that cannot be read (missing, empty, binary, unsupported)."""


class VocabularyError(KgError):
    """A SKOS vocabulary file that cannot be parsed or has no concepts."""


class ClaimsFileError(KgError):
    """A missing or corrupt ``claims.jsonl``."""


class QueryError(KgError):
    """A malformed SPARQL query."""


class EndpointError(KgError):
    """A SPARQL endpoint that cannot be reached or refuses a request."""

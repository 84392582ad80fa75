"""spaCy factory entry point for the claim component (registered in pyproject)."""

from __future__ import annotations

from typing import Any

__all__ = ["make_claim_component"]


def make_claim_component(nlp: Any, name: str) -> Any:  # pragma: no cover - placeholder
    """Create the claim component (filled in by the extractor)."""
    raise NotImplementedError

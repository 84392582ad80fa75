"""Who says what: utterances with their speakers, and per-sentence attribution.

``segment(document)`` uses text rules only; ``Attributor`` reads spaCy parses.
Cue words live in :mod:`kg.speakers.lexicon`.
"""

from __future__ import annotations

from kg.speakers.segment import segment

__all__ = ["Attributor", "segment"]


def __getattr__(name: str) -> object:
    # Attributor needs spaCy types only lazily; keep `import kg.speakers` light.
    if name == "Attributor":
        from kg.speakers.attribution import Attributor

        return Attributor
    raise AttributeError(name)

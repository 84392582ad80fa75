"""Claim extraction: spaCy Doc + speakers + vocabulary -> Claim records."""

from kg.extract.document import EXTRACTOR_VERSION, extract_document

__all__ = ["EXTRACTOR_VERSION", "extract_document"]

"""Claim extraction: spaCy Doc + speakers + vocabulary -> Claim records."""

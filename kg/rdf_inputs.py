"""What the RDF export reads besides the claims: the run's manifest and the source texts.

:class:`RunInfo` describes the extraction run (``DIR/manifest.json``) that
:mod:`kg.rdf` states as a ``prov:Activity``; :func:`source_text_loader` reads the
texts that give the evidence its ``oa:prefix`` and ``oa:suffix``. Both tolerate
what is missing (a run without a manifest, a moved source file): the export then
says less, never fails.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.records import Source

__all__ = ["RunInfo", "SourceText", "manifest_text_paths", "parse_time", "read_run_info",
           "source_text_loader"]

logger = logging.getLogger(__name__)

SourceText = Callable[[Source], "str | None"]


@dataclass(frozen=True, slots=True)
class RunInfo:
    """The extraction run, as far as ``manifest.json`` tells (every field optional).

    Times are ISO 8601 strings; ``ended`` is the manifest's ``created``.
    """

    started: str | None = None
    ended: str | None = None
    extractor_version: str | None = None
    spacy_version: str | None = None
    model_name: str | None = None
    model_version: str | None = None

    @classmethod
    def from_manifest(cls, data: dict[str, Any]) -> RunInfo:
        """Read the pipeline's manifest keys, old flat or nested, tolerating absence.

        Example:
            >>> RunInfo.from_manifest({"created": "2024-05-01T10:00:00+00:00",
            ...     "extractor": {"version": "3"}, "model": {"name": "en_core_web_sm"}})
            RunInfo(started=None, ended='2024-05-01T10:00:00+00:00', extractor_version='3', \
spacy_version=None, model_name='en_core_web_sm', model_version=None)
        """
        def nested(key: str, sub: str) -> str | None:
            value = data.get(key)
            value = value.get(sub) if isinstance(value, dict) else None
            return str(value) if value is not None else None

        def flat(key: str) -> str | None:
            value = data.get(key)
            return str(value) if isinstance(value, str | int | float) else None

        return cls(
            started=flat("started"),
            ended=flat("ended") or flat("finished") or flat("created"),
            extractor_version=flat("extractor_version") or nested("extractor", "version"),
            spacy_version=flat("spacy_version") or nested("spacy", "version"),
            model_name=nested("model", "name"),
            model_version=nested("model", "version"),
        )

    def key(self) -> str:
        """A short stable hash of all fields: the run's IRI suffix."""
        text = "\x1f".join("" if v is None else v for v in astuple(self))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_run_info(directory: str | os.PathLike[str]) -> RunInfo | None:
    """``DIR/manifest.json`` as :class:`RunInfo`; ``None`` (logged) when absent or unreadable."""
    path = Path(directory) / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        logger.warning("%s: cannot read the run manifest (%s)", path, e)
        return None
    return RunInfo.from_manifest(data) if isinstance(data, dict) else None


def source_text_loader(roots: Sequence[str | os.PathLike[str]] = (),
                       text_paths: dict[str, Path] | None = None) -> SourceText:
    """A function ``Source -> text | None`` reading each source file once.

    ``text_paths`` (source id -> file) wins (the pipeline's extracted HTML texts); then
    ``source.path`` as given, then relative to each of ``roots``.
    """
    text_paths = dict(text_paths or {})

    @lru_cache(maxsize=64)
    def read(source_id: str, path: str) -> str | None:
        candidates = [text_paths[source_id]] if source_id in text_paths else []
        candidates += [Path(path)] + [Path(r) / path for r in roots]
        for candidate in candidates:
            try:
                with open(candidate, encoding="utf-8", newline="") as handle:
                    return handle.read()
            except (OSError, UnicodeDecodeError):
                continue
        return None

    return lambda source: read(source.id, source.path)


def manifest_text_paths(folder: Path) -> dict[str, Path]:
    """Source id -> extracted text file (HTML sources) from ``manifest.json``."""
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return {e["id"]: folder / e["text_path"] for e in data.get("sources", ())
                if isinstance(e, dict) and "text_path" in e}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time of the manifest; ``None`` (logged) when absent or unreadable.

    Example:
        >>> parse_time("2024-05-01T10:00:00+00:00").year, parse_time(None)
        (2024, None)
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        logger.warning("run time %r is not ISO 8601; left out", value)
        return None

"""Read and write ``claims.jsonl``: one :meth:`Claim.to_dict` per line.

Reading validates each line (the file may have been edited or truncated): a
line that is not JSON or not a claim is logged as ``claims.jsonl:LINE: problem``
and skipped. Writing is atomic (temp file in the same folder + ``os.replace``)
and deterministic (claims sorted by source id, evidence start, claim id).
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ClaimsFileError
from kg.records import Claim

__all__ = ["CLAIMS_FILE", "atomic_write_text", "claim_sort_key", "iter_claims", "read_claims",
           "resolve_claims_path", "write_claims"]

logger = logging.getLogger(__name__)

CLAIMS_FILE = "claims.jsonl"
NEW_FILE_MODE = 0o644


def resolve_claims_path(path: str | os.PathLike[str]) -> Path:
    """``path`` itself, or ``path/claims.jsonl`` when ``path`` is a folder.

    Example:
        >>> resolve_claims_path("build/nowhere.jsonl").name
        'nowhere.jsonl'
    """
    path = Path(path)
    return path / CLAIMS_FILE if path.is_dir() else path


def claim_sort_key(claim: Claim) -> tuple[str, int, str]:
    """The order claims are written in: source id, evidence start, claim id."""
    return (claim.source.id, claim.evidence.start, claim.id)


def iter_claims(path: str | os.PathLike[str]) -> Iterator[Claim]:
    """Yield the claims of ``path`` (a ``claims.jsonl`` or a folder holding one).

    Bad lines are logged as warnings naming file and line number, then skipped.

    Raises:
        ClaimsFileError: when the file is missing or cannot be read.
    """
    file = resolve_claims_path(path)
    try:
        handle = file.open(encoding="utf-8")
    except OSError as e:
        raise ClaimsFileError(file, _os_problem(e)) from e
    with handle:
        try:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                claim = _parse_line(line)
                if isinstance(claim, Claim):
                    yield claim
                else:
                    logger.warning("%s:%d: %s", file, lineno, claim)
        except UnicodeDecodeError as e:
            raise ClaimsFileError(file, f"not UTF-8 text ({e.reason})") from e


def read_claims(path: str | os.PathLike[str]) -> list[Claim]:
    """All claims of ``path`` as a list (see :func:`iter_claims`)."""
    return list(iter_claims(path))


def write_claims(claims: Iterable[Claim], path: str | os.PathLike[str]) -> Path:
    """Write ``claims`` to ``path`` (a file, or a folder to hold ``claims.jsonl``).

    Returns the file written. The file appears whole or not at all.
    """
    file = resolve_claims_path(path)
    lines = (
        json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=False) + "\n"
        for c in sorted(claims, key=claim_sort_key)
    )
    atomic_write_text(file, "".join(lines))
    return file


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines kept as given) to ``path`` atomically.

    The text goes to a hidden temp file in the same folder, which is then
    renamed over ``path``; an interrupted write leaves ``path`` untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # mkstemp makes 0600 files; keep the old file's mode, else a plain 0644
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = NEW_FILE_MODE
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parse_line(line: str) -> Claim | str:
    """A claim, or a one-line description of what is wrong with ``line``."""
    try:
        data = json.loads(line.strip())
    except json.JSONDecodeError as e:
        return f"not JSON ({e.msg} at column {e.colno})"
    if not isinstance(data, dict):
        return f"expected a JSON object, got {type(data).__name__}"
    try:
        return Claim.from_dict(data)
    except KeyError as e:
        return f"not a claim: missing field {e.args[0]!r}"
    except (TypeError, ValueError, AttributeError) as e:
        return f"not a claim: {e}"


def _os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file (run `kg extract` first?)"
    return error.strerror or str(error)

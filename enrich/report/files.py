"""Output files that lose nothing: names that are safe and unique, and writes that never leave half a file.

Names: an article id becomes a file stem of letters, digits, "_", "-" and "."; when anything had to be
changed or cut (a "/" in the id, a 300-character id, a name Windows reserves), a short hash of the whole id
is added, so two ids that differ only by "/" and "_" never share a file. A stem used twice in one run (the
same id twice in a batch) gets "-2", "-3".

Writes: every file of an article goes to a temporary name beside its target first; only when all are
written are they renamed over the old ones (a rename within a folder is atomic), so a full disk or a crash
leaves the earlier report whole, never a truncated PNG, SVG or HTML.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path

from ..errors import OutputError

MAX_STEM = 80
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_stem(text: str, limit: int = MAX_STEM) -> str:
    """A file stem for `text`: itself when already safe and short, else its safe form cut short plus a
    hash of the original."""
    clean = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._-")
    if clean == text and 0 < len(clean) <= limit and clean.split(".")[0].upper() not in RESERVED:
        return clean
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{clean[: limit - 11].rstrip('._-') or 'article'}-{digest}"


class Names:
    """The stems given out in one run: a second article with the same id gets a numbered suffix."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, article_id: str) -> str:
        stem = safe_stem(article_id)
        if stem not in self._used:
            self._used.add(stem)
            return stem
        n = 2
        while f"{stem}-{n}" in self._used:
            n += 1
        self._used.add(f"{stem}-{n}")
        return f"{stem}-{n}"


class Staged:
    """Files written to temporary names, renamed into place together by `commit`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: list[tuple[Path, Path]] = []

    def write(self, name: str, data: bytes) -> Path:
        target = self.folder / name
        # a new name beside the target, opened exclusively; made like any file (the umask applies, unlike
        # tempfile's private 0600 files), so the report is as readable as one written directly
        tmp = self.folder / f".{name[:40]}.{secrets.token_hex(6)}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(tmp, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as e:
            tmp.unlink(missing_ok=True)
            self.abandon()
            raise OutputError(f"{target}: could not write ({e.strerror or e}); free some space or choose another "
                              f"folder with -o; earlier files there are unchanged") from None
        self._pending.append((tmp, target))
        return target

    def commit(self) -> list[Path]:
        done = []
        try:
            for tmp, target in self._pending:
                os.replace(tmp, target)
                done.append(target)
        except OSError as e:
            self.abandon()
            raise OutputError(f"{self.folder}: could not put the report in place ({e.strerror or e}); check the "
                              f"folder's permissions") from None
        self._pending = []
        return done

    def abandon(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending = []


def write_atomic(path: Path, data: bytes) -> Path:
    """One file, written whole or not at all."""
    staged = Staged(path.parent)
    staged.write(path.name, data)
    return staged.commit()[0]

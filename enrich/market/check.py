"""`enrich data check`: every problem of a market folder or of the store, without changing anything."""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..models import DataProblem
from .directory import DirectorySource
from .store import Store


@dataclass(frozen=True)
class DataCheck:
    """What a check found: the data's name, how many files or symbols were read, and every problem."""

    name: str
    checked: str  # "15 prices files", "12 symbols"
    problems: tuple[DataProblem, ...]

    @property
    def clean(self) -> bool:
        return not self.problems


def check_folder(root: str | os.PathLike[str]) -> DataCheck:
    """Read every file of a market folder as --data and `data import` would; list what they set aside."""
    folder = DirectorySource(root)
    problems = folder.all_problems()
    return DataCheck(folder.name, f"{len(folder.symbols())} prices files", tuple(problems))


def check_store(store: Store) -> DataCheck:
    """The problems recorded as data came into the store, and any stored bar that breaks the row rules."""
    problems = store.all_problems() + store.unsound_bars()
    symbols = store.symbol_count()
    return DataCheck(f"store {store.path}", f"{symbols} symbols", tuple(problems))

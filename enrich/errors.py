"""Every error enrich raises on purpose.

    EnrichError                    base: a one-line message that says what was received,
     |                             what was expected and what to do
     +-- InputError                an article or option the user gave cannot be read
     |    +-- ArticleError         an article file / JSON line is unreadable
     +-- DataError                 market data is missing or malformed
     |    +-- DataFileError        a data file (CSV) has a bad row; names file and line
     |    +-- UnknownSymbolError   no data source knows the symbol
     |    +-- NoSessionsError      a date range holds no trading session
     |    +-- OfflineError         data is needed from the network but --offline is set
     |    +-- ProviderError        the live provider failed (timeout, rate limit, HTTP)
     +-- StoreError                the on-disk store cannot be opened or written
     +-- OutputError               a report file cannot be written (full disk, no permission)

The CLI turns each into one line on stderr and a documented exit status; library code never
prints or exits.
"""
from __future__ import annotations


class EnrichError(Exception):
    """Base class: the message is one line meant for the person running enrich."""

    exit_code = 1


class InputError(EnrichError):
    exit_code = 2


class ArticleError(InputError):
    pass


class DataError(EnrichError):
    exit_code = 3


class DataFileError(DataError):
    def __init__(self, path: str, line: int | None, problem: str, fix: str = "") -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        tail = f"; {fix}" if fix else ""
        super().__init__(f"{where}: {problem}{tail}")
        self.path = path
        self.line = line


class UnknownSymbolError(DataError):
    def __init__(self, symbol: str, where: str = "") -> None:
        loc = f" in {where}" if where else ""
        super().__init__(
            f"unknown symbol {symbol!r}{loc}: check the spelling (Yahoo style, e.g. META, ^GSPC, "
            f"BRK-B) or import data for it with 'enrich data import DIR'"
        )
        self.symbol = symbol


class NoSessionsError(DataError):
    pass


class OfflineError(DataError):
    pass


class ProviderError(DataError):
    pass


class StoreError(EnrichError):
    exit_code = 4


class OutputError(EnrichError):
    exit_code = 5

"""Every error enrich raises on purpose.

    EnrichError                    base: a one-line message that says what was received,
     |                             what was expected and what to do
     +-- InputError                an option the user gave cannot be used (--published 25:00, --format)
     |    +-- ArticleError         nothing can be read at all (no input named, - named twice); for one
     |                             bad input or record, article.read yields a BadArticle instead
     +-- DataError                 market data is missing or cannot be had
     |    +-- DataFileError        a data file cannot be used; a bad row is not an error but a
     |                             DataProblem (models.py), set aside with a warning
     |    +-- UnknownSymbolError   no data source knows the symbol
     |    +-- NoSessionsError      a date range holds no trading session
     |    +-- OfflineError         data is needed from the network but --offline is set
     |    +-- ProviderError        the live provider failed (timeout, rate limit, HTTP)
     +-- StoreError                the on-disk store cannot be opened or written
     +-- OutputError               a report file cannot be written (full disk, no permission)

The CLI turns each into one line on stderr and a documented exit status; library code never
prints or exits. What is not an error: an unreadable article of a batch (a BadArticle, and the
batch goes on) and a glitch row of market data (a DataProblem, and the rest is used).
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

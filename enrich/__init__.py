"""enrich: find the market figures in a news article, check them against price history, chart them.

    import enrich
    result = enrich.verify("Facebook shares closed at $176.26 on Thursday ...", data="market", offline=True)
    result.to_dict()

See enrich.api for the functions and the Enricher that keeps what is costly across many articles.
"""
import sys
import types

from .api import ArticleLike, Enricher, MarketConfig, extract, read, report, to_article, verify
from .errors import (ArticleError, DataError, DataFileError, EnrichError, InputError, NoSessionsError, OfflineError,
                     ProviderError, StoreError, UnknownSymbolError)
from .models import Article, BadArticle, Bar, Claim, Judgement, Kind, Mention, Moment, PriceSeries, TimeRef, Verdict
from .output import Checked, Extraction

__version__ = "0.1.0"


class _Package(types.ModuleType):
    """This package, whose name `report` stays the function enrich.report: importing the submodule enrich.report
    (the report writer) would otherwise bind the name to the module. Import from the module by its full name
    (`from enrich.report import write_report`)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "report" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Article", "ArticleError", "ArticleLike", "BadArticle", "Bar", "Checked", "Claim", "DataError", "DataFileError",
    "EnrichError", "Enricher", "Extraction", "InputError", "Judgement", "Kind", "MarketConfig", "Mention", "Moment",
    "NoSessionsError", "OfflineError", "PriceSeries", "ProviderError", "StoreError", "TimeRef", "UnknownSymbolError",
    "Verdict", "__version__", "extract", "read", "report", "to_article", "verify",
]

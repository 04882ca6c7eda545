"""enrich: find the market figures in a news article, check them against price history, chart them."""
from .errors import (ArticleError, DataError, DataFileError, EnrichError, InputError, NoSessionsError, OfflineError,
                     ProviderError, StoreError, UnknownSymbolError)
from .models import Article, Bar, Claim, Judgement, Kind, Mention, Moment, PriceSeries, TimeRef, Verdict

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleError", "Bar", "Claim", "DataError", "DataFileError", "EnrichError", "InputError", "Judgement",
    "Kind", "Mention", "Moment", "NoSessionsError", "OfflineError", "PriceSeries", "ProviderError", "StoreError",
    "TimeRef", "UnknownSymbolError", "Verdict", "__version__",
]

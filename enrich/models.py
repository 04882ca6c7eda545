"""The records handed from stage to stage. All frozen; each carries where it came from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    CLOSE = "close"
    OPEN = "open"
    HIGH = "high"
    LOW = "low"
    PRICE = "price"
    PCT_CHANGE = "pct_change"
    ABS_CHANGE = "abs_change"
    MARKET_CAP = "market_cap"
    MARKET_CAP_CHANGE = "market_cap_change"
    VOLUME = "volume"
    INDEX_LEVEL = "index_level"
    INDEX_PCT_CHANGE = "index_pct_change"
    RANGE_PCT_CHANGE = "range_pct_change"


class Moment(str, Enum):
    """When in (or around) a session a figure was true."""

    CLOSE = "close"  # at the close (or close-to-close for moves)
    OPEN = "open"  # the opening print
    INTRADAY = "intraday"  # some time during the session, clock not stated
    EXTREME = "extreme"  # "as much as", "a high of": the session's extreme
    AFTER_HOURS = "after_hours"
    PRE_MARKET = "pre_market"
    CLOCK_TIME = "clock_time"  # a stated time of day daily bars cannot check


class Verdict(str, Enum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: dt.datetime | None  # tz-aware
    published_how: str  # how the publish time was decided, for people
    published_date_only: bool = False  # only the day was known; the time is assumed
    url: str = ""
    title: str = ""
    source: str = ""  # file path or "<stdin>"
    region: str = "US"  # outlet region, drives the publish time zone


@dataclass(frozen=True)
class BadArticle:
    """One article of a batch that could not be read: the batch goes on, and this becomes an error record."""

    source: str  # the input it came from: a file path or "<stdin>"
    line: int | None  # its line in a JSONL input (1-based), its index in a JSON list, else None
    id: str  # the article's id when it could be read, else ""
    message: str  # one line: what was wrong and what to do


@dataclass(frozen=True)
class Mention:
    symbol: str
    name: str
    text: str
    start: int
    end: int
    role: str = "company"  # company | index | publisher
    exchange: str = ""


@dataclass(frozen=True)
class TimeRef:
    """The time words a figure came with, resolved to sessions."""

    text: str  # the words, "" when none
    session: dt.date | None
    moment: Moment
    from_session: dt.date | None = None  # for ranges
    candidates: tuple[dt.date, ...] = ()  # other sessions the words could mean
    why: str = ""
    kind_hint: str = ""  # "close" when the words make a plain price the closing price
    moment_stated: bool = False  # the text said when in the session (else the moment is a default)
    extreme: str = ""  # "high" / "low": the figure is the extreme of the candidate sessions ("record", "52-week")
    last_session: dt.date | None = None  # the latest session the words could name (none after publication)
    alternatives: tuple[dt.date, ...] = ()  # sessions another natural reading of open words gives (the day before)
    listing: bool = False  # the words name the listing's first session: the first bar the data holds, if recent


@dataclass(frozen=True)
class Claim:
    article_id: str
    symbol: str
    kind: Kind
    value: float
    quote: str
    start: int
    end: int
    approx: str = ""
    currency: str = "USD"
    decimals: int = 0  # digits after the point as written (precision)
    unit_scale: float = 1.0  # 1e9 for "billion", 0.01 for "cents": precision is in these units
    time: TimeRef | None = None
    base_price: float | None = None  # a stated base ("from the $38 IPO price")
    offer_price: float | None = None  # the article's IPO price: a move on the first day of trading starts there

    @property
    def session(self) -> dt.date | None:
        return self.time.session if self.time else None


@dataclass(frozen=True)
class Bar:
    date: dt.date
    open: float
    high: float
    low: float
    close: float
    volume: float


@dataclass(frozen=True)
class DataProblem:
    """A row of market data set aside (or a conflict resolved) while reading it, and where it was."""

    file: str  # the file within its data folder ("devset/market/prices/FB.csv"), or the vendor ("yahoo")
    line: int | None  # 1-based line in that file; None for a vendor answer or a whole file
    date: dt.date | None  # the session the row is about, when it could be read
    message: str  # what was wrong and what was done about it
    symbol: str = ""  # whose data it concerns, when known

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PriceSeries:
    """Daily bars of one symbol, in one price basis, with provenance."""

    symbol: str
    bars: tuple[Bar, ...]
    basis: str  # "as quoted on <date>" or "split-adjusted as of <date>"
    source: str  # the data's name: a folder's name ("devset/market") or the vendor, never a machine path
    fetched_at: str  # the snapshot's own date (a folder's last row), or when a vendor answered
    problems: tuple[DataProblem, ...] = ()  # rows of this symbol set aside while reading, in date order
    splits: tuple[tuple[dt.date, float], ...] = ()  # (date, ratio) of the splits inside the bars' span

    def split_factor(self, earlier: dt.date, later: dt.date) -> float:
        """How many shares of `later` one share of `earlier` became: the ratio by which a price quoted on
        `earlier` is divided to compare it with one quoted on `later`."""
        f = 1.0
        for day, ratio in self.splits:
            if earlier < day <= later:
                f *= ratio
        return f

    def index_of(self, day: dt.date) -> int | None:
        lo, hi = 0, len(self.bars)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.bars[mid].date < day:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.bars) and self.bars[lo].date == day else None

    def bar(self, day: dt.date) -> Bar | None:
        i = self.index_of(day)
        return self.bars[i] if i is not None else None

    def previous(self, day: dt.date) -> Bar | None:
        i = self.index_of(day)
        return self.bars[i - 1] if i else None

    def problems_near(self, day: dt.date) -> tuple[DataProblem, ...]:
        """Problems that bear on a judgement of `day`: on the day itself, or between it and the bar before
        it (a set-aside row there may have been the previous session, whose close moves are measured from),
        and those with no date (a bad split row of the symbol)."""
        prev = self.previous(day)
        after = prev.date if prev is not None else dt.date.min
        return tuple(p for p in self.problems if p.date is None or after < p.date <= day)

    def provenance(self, day: dt.date) -> dict[str, object]:
        """What the evidence of a judgement on `day` says about the data: its name, snapshot date, price
        basis, and any problem of the vendor's rows that bears on that session."""
        out: dict[str, object] = {"source": self.source, "fetched_at": self.fetched_at, "basis": self.basis}
        near = self.problems_near(day)
        if near:
            out["data_problems"] = [str(p) for p in near]
        return out


@dataclass(frozen=True)
class Judgement:
    claim: Claim
    verdict: Verdict
    reason: str = ""  # reason code for unverifiable, "" otherwise
    evidence: dict[str, object] = field(default_factory=dict)
    explanation: str = ""
    date_note: str = ""

"""Which time words can date which figure: not a background event's time nor one inside a superlative ("its worst
day since Feb. 5"), one bound to a single figure ("its previous close of $37.57"), one of another predicate of the
sentence ("down 1.2% at 11:15 a.m., had jumped 3.8% in the previous session"), a fronted one that scopes over the
clauses after it, and a day that ends a period named elsewhere ("through Friday's close")."""
from __future__ import annotations

from .nodes import Figure, SentenceView
from .text import Clause
from .timex import RUN_ORDINALS, TimeExpr, TKind

SUPERLATIVES = frozenset("""worst best biggest largest steepest sharpest lowest highest most least first weakest
strongest longest heaviest deepest fastest greatest smallest""".split())


def usable(sv: SentenceView, e: TimeExpr, fig: Figure | None = None) -> bool:
    """Whether an expression can date a figure: not a future or background event's time, and not inside a
    superlative ("its worst day since Feb. 5", "its biggest one-day drop in three months", "for the first time
    since 2008") unless the figure is inside it too and the expression follows it ("its steepest decline since a
    7.5% drop on Feb. 5, 2016": Feb. 5 is the 7.5%'s day)."""
    if e.background or e.future or _ended_run(sv, e) or _tally(sv, e) or _base_of(sv, e, fig):
        return False
    if fig is not None and e.first >= fig.q.last and _opens_clause(sv, e):
        return False  # "edging down 0.6% a day after the shares tumbled 35%": the day of the clause it opens
    span = _superlative(sv, e)
    if span is None or e.kind is TKind.DAY and e.text.lower().startswith("on ") and "since" not in sv.words(span, e.first):
        return True  # (a day "on" which it happened is no span a superlative ranks: "for the first time on Wednesday")
    return fig is not None and span <= fig.q.first and fig.q.last <= e.first and e.kind is not TKind.SPAN


BASE_WORDS = frozenset("above below from over under than versus vs against with".split())  # "compared with"
CLOSE_WORDS = frozenset("close closing finish settlement".split())


def _base_of(sv: SentenceView, e: TimeExpr, fig: Figure | None) -> bool:
    """A day's close that a move before it is measured from ("1.9% above the previous session's close", "3% below
    Thursday's close of $194.27"): the base of the move, not its day (a level it owns, "$194.27", is that day's)."""
    if fig is None or e.kind not in (TKind.DAY, TKind.PREVIOUS) or fig.reading not in ("change", "value_change") \
            or fig.q.last > e.first:
        return False
    before = [w for w in sv.words(max(0, e.first - 2), e.first) if w != "the"]  # "above the previous session's"
    if not before or before[-1] not in BASE_WORDS:
        return False
    after = [t.low for t in sv.toks[e.last:e.last + 2]]
    return any(w in CLOSE_WORDS for w in after) or any(w in CLOSE_WORDS for w in e.text.lower().split())


ENDING_VERBS = frozenset("""snapped snaps snapping ended ends ending broke breaks breaking halted halts halting
stopped stops stopping reversed reverses reversing""".split())


def _ended_run(sv: SentenceView, e: TimeExpr) -> bool:
    """A run of sessions the sentence says was ended ("snapped a four-day losing streak with a 2.3% rebound"):
    the run is the background of the figure, which is the day's move that ended it."""
    if e.kind is not TKind.SPAN or e.span != "sessions":
        return False
    return any(sv.toks[k].low in ENDING_VERBS for k in range(max(0, e.first - 3), e.first))


ORDINALS = frozenset(RUN_ORDINALS)


def _tally(sv: SentenceView, e: TimeExpr) -> bool:
    """"its seventh loss in eight sessions", "the third gain in four weeks": a count of moves over a span, which
    dates no figure of the sentence."""
    if e.kind is not TKind.SPAN:
        return False
    if e.span == "sessions" and ORDINALS & set(sv.words(e.first, e.last)):
        return True  # "its fifth straight loss": the run a move extends (a later "in the period" may name it)
    before = [t.low for t in sv.toks[max(0, e.first - 4):e.first]]
    ordinal = next((k for k, w in enumerate(before) if w in ORDINALS or w[:-2].isdigit() and w[-2:] in (
        "nd", "rd", "th")), None)
    return ordinal is not None and any(sv.tags.starts(k, "direction.noun") is not None
                                       for k in range(max(0, e.first - 4) + ordinal + 1, e.first))


def _superlative(sv: SentenceView, e: TimeExpr) -> int | None:
    """Where the superlative an expression qualifies begins, or None: a superlative word before it in its clause,
    with no figure between them unless a "since" follows that figure."""
    c = sv.clause_of(e.first)
    figures = {k for q in sv.quantities for k in range(q.first, q.last)}
    since = any(sv.toks[k].low == "since" for k in range(max(c.first, e.first - 16), e.first + 1))
    reach = 16 if since else 7
    seen_figure = False
    for i in range(e.first - 1, max(c.first - 1, e.first - reach), -1):
        if i in figures:
            seen_figure = True
            continue
        w = sv.toks[i].low
        if (w in SUPERLATIVES and _of_a_move(sv, i)) or (w == "time" and i > 0 and sv.toks[i - 1].low == "first"):
            if seen_figure and not any(sv.toks[k].low == "since" for k in range(i, e.first)):
                return None
            return i
    return None


MEASURES = frozenset("""day days week weeks month months year years session sessions quarter close closing finish
level levels run streak stretch performance performer time showing start""".split())


def _of_a_move(sv: SentenceView, i: int) -> bool:
    """A superlative that ranks a move or a session ("its worst day", "the biggest one-day percentage drop", "its
    lowest close"), not "the first iPhone"."""
    for k in range(i + 1, min(i + 5, len(sv.toks))):
        if sv.toks[k].low in MEASURES or sv.tags.starts(k, "direction.noun") or sv.tags.starts(k, "level"):
            return True
    return i + 1 < len(sv.toks) and sv.toks[i + 1].low in ("since", "ever", "on")  # "a first since ...", "the most since"


LEVEL_NOUN_WORDS = frozenset("""of : was 's close closing price record all-time high low peak trough open opening
intraday finish settle settlement""".split())


def bound(sv: SentenceView, e: TimeExpr) -> int | None:
    """The figure an expression belongs to alone: "its previous close of $37.57", "2/03/2022: -$210.0 billion"."""
    j = e.last
    while j < len(sv.toks) and (sv.toks[j].low in LEVEL_NOUN_WORDS or sv.tags.has(j, "extreme")):
        j += 1  # "Monday's record close of 38,797.38", "Friday's intraday high of $12.40"
    for q in sv.quantities:
        if q.first == j and (j > e.last or sv.toks[e.last - 1].low == "'s"):  # "Friday's 620.4p"
            return q.first
    return None


def fronted(sv: SentenceView, e: TimeExpr, c: Clause) -> bool:
    """A period that opens its clause ("Over the past six months Nike rose 18%, while the S&P 500 gained 6%") scopes
    over the clauses after it; one that ends a clause ("Intel has lost 15% so far this year, while the index fell
    1.3%") is that clause's own."""
    return not any(c.first <= n.first < e.first for n in sv.names) and not any(
        c.first <= q.first < e.first for q in sv.quantities)


def same_predicate(sv: SentenceView, e: TimeExpr, fig: Figure) -> bool:
    """An expression with a figure of another predicate between it and this one belongs to that figure ("closed at
    $28.42, well below the $35.95 it ended at on Feb. 22": Feb. 22 is the $35.95's); figures of one predicate
    share theirs ("lost $2.88, or 5.4%, to $50.05 on Jan. 28")."""
    if e.last <= fig.q.first and _opens_clause(sv, e):
        return True  # "... a day after the shares tumbled 35%": the clause it opens
    if e.last <= fig.q.first:  # a day named before the figures of a sentence dates them all, unless it trails
        own = sv.clause_of(fig.q.first)  # the figure of another predicate in the clause: "Infosys, down 1.2% at
        return not any(  # 11:15 a.m., had jumped 3.8% in the previous session"
            f.chain != fig.chain and _trails(sv, e, f) and sv.clause_of(f.q.first) == own
            and sv.clause_of(e.first) == own for f in sv.figures)
    if e is closing_clock(sv):
        return True  # "Western Alliance had lost 20.9% and Zions was 8.3% lower as of 12:31 p.m. ET": all of them
    if any(fig.q.last <= q.first < e.first and all(f.q is not q for f in sv.figures)
           and sv.tags.within(fig.q.last, q.first, "direction.verb") for q in sv.quantities):
        return False  # "Swatch 5.6 per cent as Swiss watch exports slumped 25% in February": the other verb's month
    return not any(fig.q.last <= f.q.first < e.first and f.chain != fig.chain and not _joined(sv, fig, f)
                   and not _bracketed(sv, f) for f in sv.figures)  # "¥2,748.5 (+0.9%) at 13:30 JST": one predicate


def _opens_clause(sv: SentenceView, e: TimeExpr) -> bool:
    """"a day after the shares tumbled 35%": a day before or after, said of the clause that follows it (not "had
    closed at $57.18 the day before,")."""
    return e.kind is TKind.PREVIOUS and sv.words(e.last - 1, e.last) in (["after"], ["before"]) and \
        e.last < len(sv.toks) and sv.toks[e.last].is_word


def _bracketed(sv: SentenceView, f: Figure) -> bool:
    """A figure inside brackets ("(+0.9%)", "(up 1.5%)"): an aside to the figure before it."""
    words = [t.text for t in sv.toks[max(0, f.q.first - 4):f.q.first]]
    return "(" in words and ")" not in words[words.index("("):]


def closing_clock(sv: SentenceView) -> TimeExpr | None:
    """A clock time after "as of" that ends the sentence, which times every figure of it."""
    clocks = [e for e in sv.times if e.kind is TKind.CLOCK and e.last >= len(sv.toks) - 1]
    if clocks and (clocks[0].text.lower().startswith("as of") or sv.words(clocks[0].first - 2, clocks[0].first)
                   == ["as", "of"]):
        return clocks[0]
    return None


def _joined(sv: SentenceView, a: Figure, b: Figure) -> bool:
    """Figures written as one list ("rose 1% and 2% on Friday"): nothing but commas and "and" between them."""
    return {t.low for t in sv.toks[a.q.last:b.q.first]} <= {",", "and", "&"}


def _trails(sv: SentenceView, e: TimeExpr, f: Figure) -> bool:
    """Whether e follows figure f with nothing but other time words and commas between ("down 7.9% at 1:40 p.m.,
    on track for ...")."""
    j = f.q.last + (1 if f.q.last < len(sv.toks) and sv.toks[f.q.last].low in ("%", "percent") else 0)
    while j < e.first:
        inside = next((t for t in sv.times if t.first <= j < t.last), None)
        if inside is not None:
            j = inside.last
        elif sv.toks[j].low == ",":
            j += 1
        else:
            return False
    return j == e.first and e.first >= f.q.last


def end_marker(sv: SentenceView, e: TimeExpr) -> bool:
    """"through Friday's close", "as of Tuesday", "until March 5": a day that ends a period named elsewhere."""
    words = [t.low for t in sv.toks[max(0, e.first - 2):e.first + 1]]
    return any(w in ("through", "until", "till", "thru") for w in words) or words[-2:] == ["as", "of"]

"""The report people read: charts (PNG/SVG), the Markdown appendix and one self-contained HTML file."""
from __future__ import annotations

from .build import FORMATS, ReportWriter, write_report
from .files import Names, safe_stem, write_atomic
from .page import highlighted, render

__all__ = ["FORMATS", "Names", "ReportWriter", "highlighted", "render", "safe_stem", "write_atomic", "write_report"]

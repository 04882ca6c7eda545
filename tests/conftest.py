from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7903127f19e28dd9.txt"
SEED_MARKET = ROOT / "seeds" / "market"


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path, monkeypatch):
    """No test touches the user's store."""
    monkeypatch.setenv("ENRICH_STORE", str(tmp_path / "store.sqlite"))


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

"""Shared fixtures: paths of the bundled corpus and of ../shared, and one pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
SHARED = ROOT.parent / "shared"
REPORT = CORPUS / "progress_cq_tzb_2022.txt"
FEEDBACK = CORPUS / "feedback_cq_tzb_2022_example.txt"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.language import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")

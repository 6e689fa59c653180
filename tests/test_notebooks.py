"""The notebooks are executed by the suite (nbmake, see pyproject); here: they are stored without outputs."""

import json
from pathlib import Path

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb", "02_corpus_exploration.ipynb", "03_review_sample_pair.ipynb"]


def test_notebooks_are_stored_without_outputs():
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(c["outputs"] == [] and c["execution_count"] is None for c in code), path.name


def test_notebooks_a_cjk_font_installed_after_matplotlibs_font_list_was_cached_is_found(monkeypatch):
    """fonts-noto-cjk installed after matplotlib first ran: its cached font list lacks the font, and the notebooks
    stopped with 'no CJK font found' though the font was there."""
    import pytest

    font_manager = pytest.importorskip("matplotlib.font_manager")
    from pipeline.notebook import CJK_FAMILIES, use_cjk_font

    if not any("cjk" in path.lower() for path in font_manager.findSystemFonts()):
        pytest.skip("no CJK font file on this system")
    stale = [font for font in font_manager.fontManager.ttflist if font.name not in CJK_FAMILIES]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    import matplotlib

    with matplotlib.rc_context():  # the font it sets is this test's only
        assert use_cjk_font() in CJK_FAMILIES

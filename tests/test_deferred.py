"""pipeline.deferred: modules a library imports but our commands never use stay unloaded, and
code that does use them gets the real module."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from pipeline import deferred
from pipeline.deferred import DEFERRED, deferred_imports

HEAVY = "zz_deferred_heavy"


@pytest.fixture
def heavy(tmp_path, monkeypatch):
    """A module that leaves a file behind when it really runs, deferred for the library 'lib'."""
    marker = tmp_path / "ran"
    (tmp_path / f"{HEAVY}.py").write_text(f"open({str(marker)!r}, 'a').write('x')\nANSWER = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(DEFERRED, "lib", (HEAVY,))
    monkeypatch.delitem(sys.modules, HEAVY, raising=False)
    yield marker
    sys.modules.pop(HEAVY, None)


@pytest.mark.parametrize("use_inside, use_after, runs", [
    (False, False, ""),  # never used: never run, and nothing left in sys.modules
    (True, False, "x"),  # used while the library is imported: run once, the real value
    (False, True, "x"),  # used later through the reference the library kept: run once
    (True, True, "x"),
])
def test_deferred_runs_a_module_only_when_used(heavy, use_inside, use_after, runs):
    with deferred_imports("lib"):
        import zz_deferred_heavy as kept  # what the library's own import statement binds

        if use_inside:
            assert kept.ANSWER == 42
    if not use_inside:
        assert not isinstance(sys.modules.get(HEAVY), deferred._StandIn)
    if use_after:
        assert kept.ANSWER == 42
        assert sys.modules[HEAVY].ANSWER == 42 and not isinstance(sys.modules[HEAVY], deferred._StandIn)
    assert (heavy.read_text() if heavy.exists() else "") == runs


def test_deferred_leaves_an_imported_module_alone(heavy):
    import zz_deferred_heavy as real

    with deferred_imports("lib"):
        assert sys.modules[HEAVY] is real
    assert sys.modules[HEAVY] is real and heavy.read_text() == "x"


@pytest.mark.parametrize("module, attribute", [("scipy.stats", "norm"), ("pkg_resources", "resource_stream")])
def test_deferred_match_imports_skip_unused_modules(module, attribute):
    """In a fresh interpreter: the review path's imports leave them out; importing them later works."""
    code = textwrap.dedent(f"""
        import sys
        import pipeline.review, pipeline.tables, pipeline.report.write
        from pipeline.deferred import _StandIn
        assert {module!r} not in sys.modules, "imported at start-up"
        assert not any(isinstance(m, _StandIn) for m in list(sys.modules.values())), "a stand-in left behind"
        import importlib
        assert hasattr(importlib.import_module({module!r}), {attribute!r})
        from sklearn.base import clone
        from pipeline.matching.matcher import IssueMatcher
        assert clone(IssueMatcher(top_k=4)).get_params()["top_k"] == 4
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

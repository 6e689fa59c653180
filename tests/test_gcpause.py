"""collection_paused: no cyclic collection inside, the collector left as it was found."""

from __future__ import annotations

import gc

import pytest

from pipeline.gcpause import collection_paused


def test_collection_paused_restores_the_collector():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it paused and leaves it so
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a failing review")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()

"""The output folder's lock: held by the run, by no process it forked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.outdir import OutputFolder, OutputFolderError

_KILLED_WITH_A_CHILD = """
import os, signal, sys, time
sys.path.insert(0, {repo!r})
from pipeline.outdir import OutputFolder
folder = OutputFolder.open({out!r})
started_r, started_w = os.pipe()
pid = os.fork()
if pid == 0:  # a forked process (a table writer, the review) still working when its run is killed
    os.write(started_w, b"x")  # running Python code: the fork handlers, the lock's among them, have run
    time.sleep(60)
    os._exit(0)
os.read(started_r, 1)
print(pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_outdir_second_open_in_use_is_refused(tmp_path):
    with OutputFolder.open(tmp_path / "out"):
        with pytest.raises(OutputFolderError, match="in use by another zhenggai run"):
            OutputFolder.open(tmp_path / "out")
    OutputFolder.open(tmp_path / "out").close()  # released with the first


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_outdir_a_forked_child_does_not_keep_a_killed_runs_lock(tmp_path):
    """Regression: a forked process inherited the lock's descriptor (flock), so a run killed while a
    table writer or the review still worked left its folder 'in use' until that process ended.

    The child drops its copy as it starts (a fork handler), so the run is killed only once the child
    runs: killed in the microseconds between fork and that handler, the folder is free a moment later.
    Regression of the test itself: it killed the run at once, and failed when the loaded machine had
    not yet scheduled the child."""
    out = tmp_path / "out"
    code = _KILLED_WITH_A_CHILD.format(repo=str(Path(__file__).parents[1]), out=str(out))
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    child = int(run.stdout.readline())  # not read to its end: the child holds the pipe
    assert run.wait(timeout=30) == -signal.SIGKILL
    run.stdout.close()
    try:
        assert Path(f"/proc/{child}").exists() or sys.platform != "linux"  # the child still works
        with OutputFolder.open(out) as folder:  # and the folder is free
            assert folder.path == out
    finally:
        os.kill(child, signal.SIGKILL)
        time.sleep(0.05)

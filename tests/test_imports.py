"""What a process imports before it works: start-up costs stay where they are paid.

Each case runs in a fresh interpreter (imports are process-wide state)."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]

_IMPORTED = """
import sys
sys.path.insert(0, {repo!r})
{imports}
print(sorted(m for m in {watched!r} if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("imports", "absent"),
    [
        # the main process plans a run, and starts its workers, before it needs Arrow or pandas
        ("import pipeline.cli, pipeline.batch", ["pandas", "pyarrow", "numpy", "pipeline.extract.claims"]),
        # a command line parsed by typer: no pydantic models (typer 0.29 builds one per option, 0.055 s)
        ("import typer.main\nfrom pipeline.cli import app\n"
         "typer.main.get_command(app).make_context('zhenggai', ['run', 'in', '-o', 'out', '-j', '2'])",
         ["pydantic"]),
        # what every worker pool's forkserver imports: no pandas (a worker frames no table), no
        # pyarrow.compute (only the compaction at the end computes), no installed packages' metadata
        ("from pipeline.forkserver import PRELOAD\nfor name in PRELOAD: __import__(name)",
         ["pandas", "pyarrow.compute", "importlib.metadata"]),
    ],
)
def test_imports_stay_out_of_the_start(imports, absent):
    code = _IMPORTED.format(repo=str(REPO), imports=imports, watched=absent)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"

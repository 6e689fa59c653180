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
        # what every worker pool's zygote imports and warms up: no pandas (a worker frames no table), no
        # pyarrow.compute (only the compaction at the end computes), no installed packages' metadata
        ("from pipeline.pool import PRELOAD, _warm_up\nfor name in PRELOAD: __import__(name)\n_warm_up()",
         ["pandas", "pyarrow.compute", "importlib.metadata"]),
    ],
)
def test_imports_stay_out_of_the_start(imports, absent):
    code = _IMPORTED.format(repo=str(REPO), imports=imports, watched=absent)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"


def _top_level_imports(root: Path) -> dict[str, set[str]]:
    """The package's modules and the package modules each imports at its top level."""
    import ast

    found: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__")
        names: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("pipeline"):
                names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names if alias.name.startswith("pipeline")}
        found[name] = names
    return {name: {n for n in names if n in found and n != name} for name, names in found.items()}


def test_imports_the_package_has_no_import_cycle():
    """The run's main process imports modules on a thread while its main thread may import some of the
    same (pipeline.batch._ImportThread): safe because no module imports, at its top, one that imports
    it back."""
    graph = _top_level_imports(REPO / "pipeline")
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                cycles.append(path[path.index(other):] + [name, other])
            elif other not in state:
                visit(other, path + [name])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert len(graph) > 50 and cycles == []

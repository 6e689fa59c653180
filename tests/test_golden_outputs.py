"""Every table on the bundled corpus and the held-out fixtures equals the stored golden snapshot.

A refactoring keeps this green; a change of behaviour rewrites the snapshot on purpose
(``python tests/golden_outputs.py --write``) and says why.
"""

import json

import pytest

import golden_outputs


@pytest.fixture(scope="module")
def stored():
    return json.loads(golden_outputs.SNAPSHOT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current(stored):
    return golden_outputs.snapshot(set(stored))


def test_golden_outputs_same_cases(current, stored):
    assert sorted(current) == sorted(stored)


@pytest.mark.parametrize("case", sorted(json.loads(golden_outputs.SNAPSHOT.read_text(encoding="utf-8"))))
def test_golden_outputs_tables_identical(case, current, stored):
    assert sorted(current[case]) == sorted(stored[case])
    for table, text in stored[case].items():
        assert current[case][table] == text, f"{case}/{table} differs"

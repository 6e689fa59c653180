"""The fields every issue carries beyond the record's own (the issues table's later columns)."""

from __future__ import annotations

#: aspect (text of the problem's aspect), unit (inspected unit in a multi-unit notice), how and
#: confidence (how the problem was found), and the ledger's owner, deadline, measures, progress.
EXTRA_FIELDS = ("aspect", "unit", "how", "confidence", "owner", "deadline", "measures", "progress")


def issue_extra(**values) -> dict:
    """``Issue.extra`` with every field of :data:`EXTRA_FIELDS` (None when unknown)."""
    unknown = set(values) - set(EXTRA_FIELDS)
    if unknown:
        raise TypeError(f"unknown issue fields: {sorted(unknown)}")
    return {name: values.get(name) for name in EXTRA_FIELDS}

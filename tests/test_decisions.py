"""Reviewer decisions round trip: exported from a review, applied by ``match --decisions``, kept on re-runs."""

from __future__ import annotations

import json

import pandas as pd
from conftest import FEEDBACK, REPORT
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report.decisions import Decision, dump_decisions, load_decisions, target_key


def _match(out, *extra):
    result = CliRunner().invoke(app, ["match", "--issues", str(FEEDBACK), "--report", str(REPORT), "-o", str(out),
                                      *extra])
    assert result.exit_code == 0, result.output
    return pd.read_parquet(out / "flags.parquet"), pd.read_parquet(out / "matches.parquet"), result.output


def test_decisions_round_trip_through_match(tmp_path):
    flags, matches, _ = _match(tmp_path / "a")
    assert sorted(flags.loc[flags["kind"] == "unaddressed", "issue_id"]) == ["12", "7"]
    assert (tmp_path / "a" / "review.html").is_file() and (tmp_path / "a" / "review.xlsx").is_file()
    list_id = flags.loc[flags["kind"] == "unaddressed", "list_doc_id"].iloc[0]  # the list the decisions are keyed by
    text = REPORT.read_text(encoding="utf-8")
    from pipeline.normalize import normalize

    text = normalize(text)
    best7 = matches[(matches["issue_id"] == "7") & (matches["rank"] == 1)].iloc[0]
    best1 = matches[(matches["issue_id"] == "1") & (matches["rank"] == 1)].iloc[0]
    decisions = [
        Decision(list_id, "7", "accept", f"{best7.target_kind}:{best7.target_id}",
                 target_key(text, int(best7.target_start), int(best7.target_end))),
        Decision(list_id, "1", "reject", f"{best1.target_kind}:{best1.target_id}",
                 target_key(text, int(best1.target_start), int(best1.target_end))),
        Decision(list_id, "12", "status", status="planned_only"),
        Decision(list_id, "99", "status", status="addressed"),  # no such problem: stale
    ]
    path = tmp_path / "decisions.json"
    path.write_text(dump_decisions(decisions), encoding="utf-8")
    assert len(load_decisions(path).items) == 4
    for run in ("b", "c"):  # decisions survive re-runs: the same result twice
        flags, matches, output = _match(tmp_path / run, "--decisions", str(path))
        kinds = {(r.issue_id, r.kind) for r in flags.itertuples()}
        assert ("7", "unaddressed") not in kinds and ("12", "unaddressed") not in kinds
        assert ("12", "planned_only") in kinds and ("99", "stale_decision") in kinds
        row7 = matches[(matches["issue_id"] == "7") & (matches["rank"] == 1)].iloc[0]
        assert row7.addressed and row7.reviewed == "accepted" and row7.decision == "addressed"
        row1 = matches[(matches["issue_id"] == "1") & (matches["rank"] == 1)].iloc[0]
        assert not row1.addressed and row1.reviewed == "rejected"
        assert "1 decisions no longer apply" in output
    issues = pd.read_parquet(tmp_path / "c" / "issues.parquet")
    assert dict(zip(issues["issue_id"], issues["status"]))["12"] == "planned_only"


def test_decisions_file_that_is_not_one_is_a_usage_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    result = CliRunner().invoke(app, ["match", "--issues", str(FEEDBACK), "--report", str(REPORT), "-o",
                                      str(tmp_path / "o"), "--decisions", str(bad)])
    assert result.exit_code == 2

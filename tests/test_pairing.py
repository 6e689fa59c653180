"""Batches keep their identity: which list was matched with which report, and documents in the wrong role."""

import pytest
from conftest import FEEDBACK, REPORT
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import analyze_text, process_path
from pipeline.pairing import choose_pairs
from pipeline.review import run_review
from pipeline.tables import read_tables

# the report's opening without the inspection and feedback dates (many reports omit them)
_DATED = ("根据市委统一部署,2021年8月31日至11月12日,市委第十巡视组对市委统战部(含市台联、重庆欧美同学会)开展了常规巡视,"
          "2022年1月12日向我部反馈了巡视意见。")
_UNDATED = "根据市委统一部署,市委第十巡视组对市委统战部(含市台联、重庆欧美同学会)开展了常规巡视,并向我部反馈了巡视意见。"
# the same unit's feedback from another round: other problems, no dates
_OTHER_ROUND = (
    "市委第十巡视组向市委统战部反馈巡视情况\n根据市委统一部署,市委第十巡视组对市委统战部开展了常规巡视,"
    "并向市委统战部领导班子反馈了巡视情况。\n巡视组指出,巡视中也发现了一些问题,主要是:\n"
    "一、意识形态工作责任制落实不到位\n1.网络意识形态阵地管理不严。门户网站和新媒体账号审核把关不严。\n"
    "2.意识形态工作专题研究不够。\n二、基层党组织建设薄弱\n3.党支部标准化建设推进缓慢。\n4.发展党员程序不规范。\n"
)


@pytest.fixture(scope="module")
def docs():
    report_text = REPORT.read_text(encoding="utf-8")
    feedback_text = FEEDBACK.read_text(encoding="utf-8")
    assert _DATED in report_text
    later = feedback_text.replace("2021年8月31日至11月12日", "2024年3月1日至5月12日").replace("2022年1月12日", "2024年6月12日")
    return {
        "report": analyze_text(report_text.replace(_DATED, _UNDATED), path="report.txt"),
        "feedback": analyze_text(feedback_text, path="feedback.txt"),
        "other_round": analyze_text(_OTHER_ROUND, path="other_round.txt"),
        "later_round": analyze_text(later, path="later_round.txt"),
    }


@pytest.mark.parametrize("order", [
    ("report", "feedback", "other_round"),
    ("report", "other_round", "feedback"),  # the old pairing took the undated other round here (a missing date counted as agreement)
    ("report", "other_round", "later_round", "feedback"),
])
def test_pairing_picks_the_feedback_of_the_same_inspection_whatever_the_order(docs, order):
    pairings, unpaired = choose_pairs([docs[k] for k in order])
    assert [(p.feedback.path, p.report.path) for p in pairings] == [("feedback.txt", "report.txt")]
    row = pairings[0].row
    assert row.how == "paired" and row.n_candidates == 2 and row.runner_up_doc_id == docs["other_round"].doc_id
    assert "body" in row.basis.split("+") and "other_round.txt" in row.reason
    reasons = dict((doc.path, why) for doc, why in unpaired)
    assert "feedback.txt" in reasons["other_round.txt"]
    if "later_round" in order:  # another round, dated after the report: refused, and said so
        assert "another inspection" in reasons["later_round.txt"]


def test_pairing_ties_go_to_the_text_closest_to_the_report(docs):
    undated = FEEDBACK.read_text(encoding="utf-8").replace("2021年8月31日至11月12日，", "").replace("2022年1月12日，", "")
    copy = analyze_text(undated, path="feedback_undated.txt")
    assert copy.meta.inspection_start is None and copy.meta.feedback_date is None
    for order in ((docs["other_round"], copy), (copy, docs["other_round"])):
        pairings, _ = choose_pairs([docs["report"], *order])
        assert pairings[0].feedback.path == "feedback_undated.txt"
        assert "equal score 5; text closer to the report" in pairings[0].row.reason


def test_pairing_batch_rows_carry_the_list_and_the_report(docs):
    report = process_path(REPORT)
    outcome = run_review([report, docs["report"]], issues=FEEDBACK)
    review = outcome.review
    list_id = docs["feedback"].doc_id
    reports = {report.doc_id, docs["report"].doc_id}
    for rows in (review.issues, review.matches, review.flags):
        assert rows and {r.list_doc_id for r in rows} == {list_id}
        assert {r.doc_id for r in rows} == reports
    n = len(outcome.issue_list.issues)
    assert len(review.issues) == 2 * n  # one copy of the list per report
    assert [(p.list_doc_id, p.doc_id, p.how) for p in review.pairs] == [
        (list_id, report.doc_id, "given"), (list_id, docs["report"].doc_id, "given")]
    unaddressed = {(f.doc_id, f.issue_id) for f in review.flags if f.kind == "unaddressed"}
    assert {(report.doc_id, "7"), (report.doc_id, "12")} <= unaddressed


def test_pairing_swapped_arguments_warn(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["match", "--issues", str(REPORT), "--report", str(FEEDBACK), "-o", str(out)])
    assert result.exit_code == 0
    assert "warning:" in result.output and "swapped" in result.output
    flags = read_tables(out)["flags"]
    roles = flags[flags["kind"] == "role_mismatch"]
    assert len(roles) == 2 and roles["list_doc_id"].notna().all()


def test_pairing_corpus_run_writes_the_pairs_table(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(REPORT), str(FEEDBACK), "-o", str(out), "-q"]).exit_code == 0
    tables = read_tables(out)
    pairs = tables["pairs"]
    assert len(pairs) == 1 and pairs.loc[0, "how"] == "paired"
    documents = tables["documents"].set_index("kind")["doc_id"]
    assert (pairs.loc[0, "list_doc_id"], pairs.loc[0, "doc_id"]) == (documents["feedback"], documents["progress"])
    for name in ("issues", "matches", "flags"):
        frame = tables[name]
        assert (frame["list_doc_id"] == documents["feedback"]).all() and (frame["doc_id"] == documents["progress"]).all()


def test_pairing_prefers_a_feedback_with_an_issue_list(docs):
    """Two feedback documents of the same inspection: the one with a readable list is reviewed against."""
    # a news item dated a day later: as good a match on metadata and more recent, but it lists no problem
    news = analyze_text("2022年1月13日,市委第十巡视组向市委统战部(含市台联、重庆欧美同学会)反馈巡视情况。2021年8月31日至11月12日,"
                        "市委第十巡视组对市委统战部开展了常规巡视。巡视组指出了存在的问题,提出了整改意见。", path="news.txt")
    assert news.meta.kind == "feedback" and news.meta.feedback_date == "2022-01-13"
    pairings, _ = choose_pairs([docs["report"], news, docs["feedback"]])
    assert pairings[0].feedback.path == "news.txt"  # on metadata alone the news item wins
    outcome = run_review([docs["report"], news, docs["feedback"]])
    assert [(p.list_path, p.report_path) for p in outcome.review.pairs] == [("feedback.txt", "report.txt")]
    assert "no readable issue list" in outcome.review.pairs[0].reason
    assert "no_issue_list" not in {f.kind for f in outcome.review.flags}


@pytest.mark.parametrize("a, b, same", [
    ("中共柳溪县委第一巡察组", "县委第一巡察组", True),  # pairs_blind10 y3: the feedback names its party and place
    ("中共澄阳市委第三巡察组", "市委第三巡察组", True),
    ("市委第三巡察组", "市委第二巡察组", False),
    ("省委第一巡视组", "中央第一巡视组", False),
    ("县委巡察组", "市委巡察组", False),
])
def test_pairing_one_inspecting_body_written_two_ways(a, b, same):
    from pipeline.pairing import same_body

    assert same_body(a, b) is same


def test_pairing_blind_pairs_in_one_batch_each_report_with_its_feedback():
    """Every feedback/report pair of the blind pair sets put in one batch: each report paired with its own feedback
    (bodies written with and without 中共 and the place; a report naming its unit by a short form, 集团党委, and in
    full as its issuer, 中共某某集团有限公司委员会; 总支部委员会 and 党总支; a formal 反馈意见 letter)."""
    from pathlib import Path

    from pipeline.pairing import pair_documents

    folders = [Path(__file__).parent / "fixtures" / f"pairs_blind{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    pairs, _ = pair_documents([process_path(p) for p in paths])
    got = {Path(r.path).name.split(".")[0]: Path(f.path).name.split(".")[0] for f, r in pairs}
    assert got == {p.name.split(".")[0]: p.name.split(".")[0] for p in paths if p.name.endswith(".report.txt")}

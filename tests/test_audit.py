"""Gap audit flags on the real report and on small hand-made records."""

from __future__ import annotations

from functools import lru_cache

from conftest import FEEDBACK, REPORT

from pipeline.document import DocumentResult, process_path
from pipeline.matching.audit import AuditCase, audit, flag_claim_arithmetic, flag_count_mismatch, flag_orphan_measures, \
    flag_overdue_deadlines, flag_overdue_issues, flag_weak_and_planned
from pipeline.matching.issues import issues_from_feedback
from pipeline.matching.matcher import IssueMatcher
from pipeline.records import Claim, DocumentMeta, Issue, Match, Measure, Quantity, Section, TimeExpr


@lru_cache(maxsize=1)
def _real():
    report = process_path(REPORT)
    issues = issues_from_feedback(FEEDBACK.read_text(encoding="utf-8"), doc_id="feedback")
    matches = IssueMatcher().fit(issues).match(report.text, report.sections, report.measures, doc_id=report.doc_id)
    return report, issues, matches


def _case(report: DocumentResult, matches=(), issues=()) -> AuditCase:
    return AuditCase(report, list(issues), list(matches), frozenset())


def test_audit_real_report_flags_where_text_supports():
    report, issues, matches = _real()
    kinds = {}
    for f in audit(report, issues, matches):
        kinds.setdefault(f.kind, []).append(f)
    assert sorted(f.issue_id for f in kinds["unaddressed"]) == ["12", "7"]
    assert all(f.severity == "high" and f.doc_id == "feedback" for f in kinds["unaddressed"])
    # 12项突出问题 claimed, 10 numbered problem headings enumerated; 4个方面 = 4 aspect headings;
    # 57条措施 vs 23 enumerated items is a granularity difference, not a mismatch.
    counts = kinds["count_mismatch"]
    assert [(report.text[f.start:f.end], "10" in f.message) for f in counts] == [("12项突出问题", True)]
    # 57 = 52 + 5: the only checkable claim adds up.
    assert "claim_arithmetic" not in kinds


def test_audit_claim_arithmetic_fires_on_inconsistent_claim():
    claims = [Claim(5, 40, "x", "整改任务", consistent=False, note="完成50+基本完成5=55, 与总数57不一致"),
              Claim(50, 80, "y", "整改任务", consistent=True, note="ok")]
    flags = flag_claim_arithmetic(_case(DocumentResult("d", "d.txt", claims=claims)))
    assert [(f.kind, f.start, f.end) for f in flags] == [("claim_arithmetic", 5, 40)]
    assert "57" in flags[0].message


def _mini(status: str, with_quantity: bool) -> AuditCase:
    text = "1.加强理论学习。一是进一步加强学习,不断提高认识水平。二是召开会议3次。"
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "加强理论学习", 0, 8, 0, 2, 2, 8, len(text), "arabic")],
        measures=[Measure(0, 0, 9, 25, "一是", "进一步加强学习", status)],
        quantities=[Quantity(12, 14, "xx", 1, "次", None, "times")] if with_quantity else [],
    )
    return _case(report, [Match("1", "d", "measure", 0, 0.3, 1, True)])


def test_audit_weak_and_planned():
    for status, with_quantity, expected in (("done", False, ["weak"]), ("done", True, []),
                                            ("planned", False, ["planned_only"])):
        assert [f.kind for f in flag_weak_and_planned(_mini(status, with_quantity))] == expected


def test_audit_overdue_deadline_needs_no_completion():
    text = "整改任务已于2022年3月底前完成报送。清理工作于2022年5月底前完成。"
    a, b = text.index("2022年3月底前"), text.index("2022年5月底前")
    times = [TimeExpr(a, a + 10, "2022年3月底前", "deadline", date="2022-03-31"),
             TimeExpr(b, b + 10, "2022年5月底前", "deadline", date="2022-05-31"),
             TimeExpr(b, b + 10, "x", "deadline", date="2022-09-30")]
    report = DocumentResult("d", "d.txt", text=text, times=times, meta=DocumentMeta(report_date="2022-07-19"))
    flags = flag_overdue_deadlines(_case(report))
    assert [(f.kind, f.start) for f in flags] == [("overdue_deadline", b)]


def test_audit_orphan_measures_are_info():
    case = _mini("done", True)
    case.report.measures.append(Measure(1, None, 25, 36, "二是", "召开会议3次", "done"))
    flags = flag_orphan_measures(case)
    assert [(f.kind, f.severity, f.start) for f in flags] == [("orphan_measure", "info", 25)]


def test_audit_planned_only_when_every_answering_sentence_is_a_plan():
    case = _mini("done", True)
    case.matches[0].evidence = [(9, 25)]
    text = "1.加强理论学习。一是下一步将加强学习,计划于年底前完成。二是召开会议3次。"
    case.report.text = text
    assert [f.kind for f in flag_weak_and_planned(case)] == ["planned_only"]


def test_audit_overdue_when_a_ledger_deadline_passed_without_a_done_measure():
    case = _mini("ongoing", True)
    case.report.meta.report_date = "2022-07-19"
    issues = [Issue("1", None, 2, "理论学习不深入", None, None, None, extra={"deadline": "2022年3月底前"}),
              Issue("2", None, 2, "x", None, None, None, extra={"deadline": "长期坚持"})]
    flags = flag_overdue_issues(AuditCase(case.report, issues, case.matches, frozenset()))
    assert [(f.kind, f.issue_id) for f in flags] == [("overdue", "1")]
    case.report.measures[0].status = "done"
    assert flag_overdue_issues(AuditCase(case.report, issues, case.matches, frozenset())) == []


def test_audit_count_mismatch_only_for_a_stated_count_outside_the_plans():
    text = "x" * 200
    sections = [Section(0, None, 1, "二、", "整改落实", 0, 5, 0, 2, 2, 5, 150, "cn_dun")]
    sections += [Section(k, 0, 2, f"({k})", "p", 10 * k, 10 * k + 5, 0, 0, 0, 0, 10 * k + 9, "cn_paren") for k in (1, 2)]
    sections += [Section(3, None, 1, "三、", "下一步工作打算", 150, 160, 0, 0, 0, 0, 200, "cn_dun")]
    measures = [Measure(0, 1, 12, 19, "一是", "a", "done"), Measure(1, 2, 22, 29, "一是", "b", "done")]
    claims = [Claim(100, 110, "4个方面3个问题", "问题", figures={"aspects": 4, "prominent_problems": 3}),
              Claim(120, 130, "反馈的3个问题中", "问题", figures={"prominent_problems": 3}),
              Claim(160, 170, "将尚未完成的1个问题", "问题", figures={"prominent_problems": 1}, section_id=3)]
    report = DocumentResult("d", "d.txt", text=text, sections=sections, measures=measures, claims=claims)
    flags = flag_count_mismatch(AuditCase(report, [], [], frozenset({3})))
    # one flag for 3 problems vs 2 headings; no aspect flag (one part heading), none for the plan's 1
    assert [(f.kind, f.start) for f in flags] == [("count_mismatch", 100)]

import pytest
from conftest import FEEDBACK, REPORT

from pipeline.document import analyze_text, process_path
from pipeline.errors import InputError
from pipeline.review import load_issue_list, pair_documents, review, run_review


@pytest.fixture(scope="module")
def pair():
    return process_path(FEEDBACK), process_path(REPORT)


def test_review_pairs_feedback_with_its_report(pair):
    feedback, report = pair
    pairs, unpaired = pair_documents([report, feedback])
    assert pairs == [(feedback, report)] and unpaired == []


def test_review_lists_unpaired_documents(pair):
    feedback, report = pair
    other = analyze_text(
        "区委第二巡察组向区教委党委反馈巡察情况。巡察组指出,主要是:理论学习不深入,主体责任落实不到位;选人用人不规范。",
        path="other.txt",
    )
    pairs, unpaired = pair_documents([report, feedback, other])
    assert len(pairs) == 1
    assert [r.path for r in unpaired] == ["other.txt"]
    outcome = run_review([report, feedback, other])
    assert outcome.errors == []
    # an unpaired feedback is named as a list (list_doc_id); the doc_id column is for reports
    assert [f.list_doc_id for f in outcome.review.flags if f.kind == "unpaired"] == [other.doc_id]


def test_review_flags_the_two_unanswered_problems(pair):
    _, report = pair
    result = review(load_issue_list(FEEDBACK), report)
    unaddressed = sorted(f.issue_id for f in result.flags if f.kind == "unaddressed")
    assert unaddressed == ["12", "7"]
    assert {m.doc_id for m in result.matches} == {report.doc_id}


def test_review_issue_list_from_a_table(tmp_path, pair):
    _, report = pair
    table = tmp_path / "问题清单.csv"
    table.write_text(
        "序号,问题描述,责任单位,整改时限\n"
        "1,公务用车派遣登记制度执行不严格,办公室,2022年3月底前\n"
        "2,党外干部培养选拔力度不够,干部处,长期坚持\n",
        encoding="utf-8-sig",
    )
    issues = load_issue_list(table)
    assert [i.issue_id for i in issues.issues if i.level == 2] == ["1", "2"]
    result = review(issues, report)
    assert [f.issue_id for f in result.flags if f.kind == "unaddressed"] == ["1"]


def test_review_unreadable_issue_list_is_an_input_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        load_issue_list(empty)
    outcome = run_review([], issues=empty)
    assert len(outcome.errors) == 1 and outcome.errors[0].stage == "issues"


def test_review_audit_reads_the_report_text():
    """A past deadline whose sentence states completion (已于…完成) is not overdue: the audit gets the text."""
    from pipeline.records import Issue
    from pipeline.review import IssueList

    text = (
        "中共某县委员会关于县委巡察整改进展情况的通报\n"
        "根据县委统一部署,县委第一巡察组对某局开展了常规巡察,并反馈了巡察意见。现将整改进展情况通报如下。\n"
        "一、整改落实情况\n1.关于理论学习不够深入的问题\n"
        "一是完善学习制度,明确2022年3月底前完成制度修订,已于2022年3月完成修订并印发。\n\n"
        "中共某县委员会\n2022年7月19日\n"
    )
    report = analyze_text(text, path="report.txt")
    assert any(t.kind == "deadline" and t.date == "2022-03-31" for t in report.times)
    assert report.meta.report_date == "2022-07-19"
    flags = review(IssueList([Issue("1", None, 2, "理论学习不够深入", None, None, None)]), report).flags
    assert "overdue_deadline" not in {f.kind for f in flags}


def test_review_batch_one_failing_report_does_not_sink_the_batch(pair, monkeypatch):
    feedback, report = pair
    import pipeline.matching.matcher as matcher_module

    def broken_decide(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(matcher_module.IssueMatcher, "decide", broken_decide)
    outcome = run_review([report, feedback])
    errors = outcome.errors
    assert [(e.path, e.stage, e.error_type) for e in errors] == [(report.path, "match", "RuntimeError")]
    assert "boom" in errors[0].message
    assert len(outcome.review.issues) > 0  # the issue list is still written


def test_review_batch_with_a_list_fits_once(pair, monkeypatch):
    feedback, report = pair
    import pipeline.matching.matcher as matcher_module

    calls = []
    original = matcher_module.IssueMatcher.fit

    def counting_fit(self, issues, y=None):
        calls.append(len(issues))
        return original(self, issues, y)

    monkeypatch.setattr(matcher_module.IssueMatcher, "fit", counting_fit)
    other = analyze_text(report.text + "\n", path="copy.txt")
    outcome = run_review([report, other], issues=FEEDBACK)
    assert outcome.errors == [] and len(calls) == 1
    assert {m.doc_id for m in outcome.review.matches} == {report.doc_id, other.doc_id}


PLANS_REPORT = """中共某县民政局委员会关于巡察整改进展情况的通报
根据县委统一部署,县委第一巡察组对县民政局党委开展了常规巡察。现将整改进展情况通报如下。
一、整改落实情况
(一)关于理论学习中心组学习不深入的问题
一是修订理论学习中心组学习制度,全年开展集中学习12次、专题研讨4次。二是举办读书班2期,培训干部160人次。
(二)关于社会救助资金监管不严的问题
一是对2021年以来低保、特困供养资金开展专项清查,清退违规资金23.6万元。二是制定《社会救助资金管理办法》,建立资金发放台账。
(三)关于养老机构安全管理不到位的问题
一是对全县42家养老机构开展消防安全检查,整改隐患87处。二是为12家机构安装烟感报警装置。
(四)关于殡葬领域专项整治不彻底的问题
一是开展殡葬服务收费专项检查,清退违规收费8.2万元。二是公示殡葬服务收费项目和标准。
二、下一步工作打算
下一步,我们将持续巩固整改成果。
(一)健全婚姻登记信息化系统。计划于2023年6月底前完成婚姻登记档案数字化,实现婚姻登记全省通办。
(二)将持续加强干部队伍建设。

中共某县民政局委员会
2022年12月20日
"""


def test_review_problem_answered_only_by_plans_is_planned_only():
    """A problem the report speaks of only in its 下一步 part is planned_only (not unaddressed), with the plan as
    its evidence; the plan row answers nothing (addressed False, no rank)."""
    from pipeline.records import Issue
    from pipeline.review import IssueList

    report = analyze_text(PLANS_REPORT, path="r.txt")
    texts = ["理论学习中心组学习不深入,专题研讨不充分", "社会救助资金监管不严,低保特困供养资金发放不规范",
             "养老机构消防安全管理不到位,隐患排查不及时", "殡葬服务收费不规范,专项整治不彻底",
             "婚姻登记档案管理不规范,信息化水平不高,婚姻登记数字化滞后"]
    issues = IssueList([Issue(str(k), None, 2, t, None, None, None) for k, t in enumerate(texts, 1)])
    result = review(issues, report)
    assert result.statuses == {"1": "addressed", "2": "addressed", "3": "addressed", "4": "addressed",
                               "5": "planned_only"}
    plan = [m for m in result.matches if m.issue_id == "5" and m.rank is None]
    assert plan and not plan[0].addressed and "婚姻登记" in plan[0].shared_terms and "计划" in plan[0].target_text


HOLLOW_REPORT = """中共某县市场监管局党组关于巡察整改进展情况的通报
根据县委统一部署,县委第四巡察组对县市场监管局党组开展了常规巡察,并反馈了巡察意见。现将整改进展情况通报如下。
一、整改落实情况
(一)针对食品安全监管不到位的问题
我局制定《农村集体聚餐食品安全管理办法》,配备食品安全协管员236名,备案指导农村集体聚餐1128场次。
(二)针对特种设备安全监管薄弱的问题
我局深刻认识到特种设备安全监管工作事关人民群众生命财产安全,将进一步提高思想认识,进一步加强监管,切实履行监管职责。
(三)针对执法办案不规范的问题
下一步,我局将于2017年12月底前修订《行政处罚自由裁量权适用规则》,计划对2016年以来的案件开展评查。

中共某县市场监督管理局党组
2017年10月20日
"""


@pytest.mark.parametrize("iid,status", [("1", "addressed"), ("2", "weak"), ("3", "planned_only")])
def test_review_attitude_and_intent_only_is_weak_not_a_plan(iid, status):
    """pairs_blind56 (7 problems), pairs_blind52 s2 #9, pairs_blind55 s4 #1: 我局深刻认识到…,将进一步提高思想认识,进一步
    加强监管 names an attitude and no figure, date, document or act: weak; a plan with a date (将于…底前修订《…》) stays a
    plan."""
    from pipeline.records import Issue
    from pipeline.review import IssueList

    report = analyze_text(HOLLOW_REPORT, path="r.txt")
    texts = ["食品安全监管不到位,农村集体聚餐管理缺位", "特种设备安全监管薄弱,部分电梯、锅炉未按期检验",
             "执法办案不规范,行政处罚自由裁量尺度不一"]
    issues = IssueList([Issue(str(k), None, 2, t, None, None, None) for k, t in enumerate(texts, 1)])
    result = review(issues, report)
    assert result.statuses[iid] == status
    if status == "weak":  # the place it was found in says why, in Chinese (not "another candidate")
        place = [m for m in result.matches if m.issue_id == iid and m.rank is None]
        assert place and place[0].reason.startswith("对应内容只有表态")


@pytest.mark.parametrize("sentence,hollow", [
    ("医院党委高度重视,深刻认识加强医德医风建设的重要性,将进一步加强教育引导,切实筑牢思想防线。", True),
    ("镇党委将深刻汲取教训,进一步增强责任意识,层层传导压力。", True),
    ("学校高度重视,将于2024年6月底前修订《学科建设规划》。", False),  # a date and a document: a plan
    ("局党组高度重视,已修订工作规则,明确3类事项。", False),  # done, with figures
    ("将进一步加强监督检查。", False),  # no attitude named: a plan, as before
])
def test_review_hollow_pledge_needs_an_attitude_and_no_substance(sentence, hollow):
    from pipeline.lang.cues import hollow_pledge

    assert hollow_pledge(sentence) is hollow


def test_review_overdue_deadline_fires_through_the_tables():
    """The audit reads dates from the built tables (datetimes since the schema change): a past deadline still counts."""
    from pipeline.records import Issue
    from pipeline.review import IssueList

    text = (
        "中共某县委员会关于县委巡察整改进展情况的通报\n"
        "根据县委统一部署,县委第一巡察组对某局开展了常规巡察,并反馈了巡察意见。现将整改进展情况通报如下。\n"
        "一、整改落实情况\n1.关于理论学习不够深入的问题\n"
        "一是完善学习制度,明确2022年3月底前修订学习制度。\n\n"
        "中共某县委员会\n2022年7月19日\n"
    )
    report = analyze_text(text, path="report.txt")
    assert any(t.kind == "deadline" for t in report.times)
    flags = review(IssueList([Issue("1", None, 2, "理论学习不够深入", None, None, None)]), report).flags
    assert "overdue_deadline" in {f.kind for f in flags}


def _copies(folder, *names):
    """The sample report under two paths (a/report.txt, b/report_copy.txt) and the feedback beside them."""
    import shutil

    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPORT, folder / name)
    shutil.copy(FEEDBACK, folder / FEEDBACK.name)
    return folder


def _no_repeated_rows(tables):
    issues = tables["issues"]
    assert not issues.duplicated(["list_doc_id", "doc_id", "issue_id"]).any()
    assert not tables["matches"].duplicated().any()
    assert not tables["flags"].duplicated().any()


def test_review_same_report_twice_in_a_run_is_reviewed_once(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.tables import read_tables

    folder = _copies(tmp_path / "in", "a/report.txt", "b/report_copy.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    tables = read_tables(out)
    pairs = tables["pairs"]
    assert len(pairs) == 1 and pairs.loc[0, "report_path"].endswith("report.txt")
    _no_repeated_rows(tables)
    assert len(tables["issues"]) == len(tables["issues"].drop_duplicates("issue_id"))
    assert len(list(out.glob("review*.html"))) == 1
    flags = tables["flags"]
    copy = flags[flags["kind"] == "duplicate"]
    assert len(copy) == 1 and copy.iloc[0]["severity"] == "info"
    assert copy.iloc[0]["message"].startswith(str(folder / "b" / "report_copy.txt"))
    assert str(folder / "a" / "report.txt") in copy.iloc[0]["message"]
    assert copy.iloc[0]["doc_id"] == pairs.loc[0, "doc_id"]
    assert "report_copy.txt" in pairs.loc[0, "reason"]  # the pair says its report is there twice


def test_review_same_report_twice_against_a_list_is_reviewed_once(pair):
    """The path of ``match``, ``run --issues`` and the API: two results of one content, one review."""
    _, report = pair
    copy = analyze_text(report.text, path="b/report_copy.txt")
    assert copy.doc_id == report.doc_id
    outcome = run_review([report, copy], issues=FEEDBACK)
    assert outcome.errors == [] and len(outcome.pairs) == 1
    assert [(p.report_path, p.how) for p in outcome.review.pairs] == [(report.path, "given")]
    assert "b/report_copy.txt" in outcome.review.pairs[0].reason
    single = run_review([report], issues=FEEDBACK).review
    assert len(outcome.review.issues) == len(single.issues) and len(outcome.review.matches) == len(single.matches)
    extra = [f for f in outcome.review.flags if f not in single.flags]
    assert [(f.kind, f.severity, f.doc_id) for f in extra] == [("duplicate", "info", report.doc_id)]
    assert extra[0].message == (f"b/report_copy.txt: same content as {report.path} (same doc_id): "
                                "reviewed once, under that path")


def test_review_same_feedback_twice_is_paired_once(pair):
    """A copy of the feedback is named as a duplicate, not as a feedback left unpaired."""
    feedback, report = pair
    copy = analyze_text(feedback.text, path="feedback_copy.txt")
    outcome = run_review([report, feedback, copy])
    assert [(p.list_path, p.report_path) for p in outcome.review.pairs] == [(feedback.path, report.path)]
    kinds = [(f.kind, f.list_doc_id, f.doc_id) for f in outcome.review.flags if f.kind in {"duplicate", "unpaired"}]
    assert kinds == [("duplicate", feedback.doc_id, None)]


def _variants(text: str, n: int, name: str) -> list:
    """``n`` different reports from one text (a line added to each: another content, another doc_id)."""
    return [analyze_text(text + f"\n（第{k + 1}份，编号{k + 100}。）\n", path=f"{name}_{k}.txt") for k in range(n)]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this platform")
@pytest.mark.parametrize("mode", ["list", "pairs"])
def test_review_on_several_processes_is_the_review_of_one(pair, mode):
    """run_review(processes=3) forks for the reports; the tables are those of one process, row for row."""
    import pandas as pd

    from pipeline.tables import match_tables

    feedback, report = pair
    reports = _variants(report.text, 5, "report")
    if mode == "list":
        kwargs = {"issues": load_issue_list(FEEDBACK)}
        inputs = reports
    else:  # each report paired with the feedback of its unit
        kwargs, inputs = {}, [feedback, *reports]
    one = run_review(inputs, **kwargs)
    three = run_review(inputs, processes=3, **kwargs)
    assert three.notes == [] and three.errors == one.errors
    assert [p.report.path for p in three.pairs] == [p.report.path for p in one.pairs] == [r.path for r in reports]
    for name, frame in match_tables(one.review.issues, one.review.matches, one.review.flags,
                                    one.review.statuses, pairs=one.review.pairs).items():
        other = match_tables(three.review.issues, three.review.matches, three.review.flags,
                             three.review.statuses, pairs=three.review.pairs)[name]
        pd.testing.assert_frame_equal(frame, other)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this platform")
def test_review_a_lost_review_process_is_redone_here_and_said(pair, monkeypatch):
    import os
    import signal

    import pipeline.review as module

    feedback, report = pair
    reports = _variants(report.text, 4, "report")
    parent, real = os.getpid(), module.review

    def dies_in_a_child(*args, **kwargs):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    expected = run_review(reports, issues=load_issue_list(FEEDBACK))
    monkeypatch.setattr(module, "review", dies_in_a_child)
    outcome = run_review(reports, issues=load_issue_list(FEEDBACK), processes=2)
    assert outcome.notes == ["reports were reviewed again by the main process: the process reviewing them failed "
                             "(exit code -9)"]
    assert [(m.issue_id, m.doc_id, m.target_id) for m in outcome.review.matches] == [
        (m.issue_id, m.doc_id, m.target_id) for m in expected.review.matches]


NARRATIVE_REPORT = (
    "中共某区卫生健康委员会党组关于区委巡察整改进展情况的通报\n"
    "根据区委统一部署,区委第三巡察组对区卫生健康委员会党组开展了常规巡察,并于2023年5月10日反馈了巡察意见。"
    "现将截至2023年9月30日的整改进展情况通报如下。\n"
    "一、整改落实情况\n"
    "(一)关于疫苗冷链管理不规范的问题\n"
    "委党组制定《疫苗冷链管理工作方案》,明确于2023年7月底前完成全区32个接种门诊冷链设备更新。"
    "截至9月底,已更新设备21台,其余11个门诊的设备仍在采购中。\n"
    "(二)关于财务管理和议事决策的问题\n"
    "在财务管理方面,委党组修订《财务报销管理办法》,清退违规报销费用3.2万元。对于党组议事规则执行的问题,"
    "委党组高度重视,进一步增强规矩意识,坚持集体研究决策,确保议事决策规范。\n"
    "同时,委党组对照上轮巡察反馈的8个问题开展“回头看”,已全部整改销号。\n"
    "(三)关于基层党支部组织生活不规范的问题\n"
    "委党组对所属15个党支部“三会一课”开展专项检查,督促整改问题23个。\n"
    "二、下一步工作打算\n"
    "一是持续抓好整改。二是巩固整改成果。\n"
    "中共某区卫生健康委员会党组\n2023年10月12日\n"
)


def test_review_narrative_report_verdicts_from_its_own_sentences():
    """A report told in paragraphs: a passed deadline of its own, stated unfinished, is overdue (the flag on
    that stretch); a problem whose only sentence in a shared paragraph is a slogan is weak, the other problem
    of that paragraph keeps its figures; a second paragraph under a heading answers a problem of its own."""
    from pipeline.records import Issue
    from pipeline.review import IssueList

    report = analyze_text(NARRATIVE_REPORT, path="r.txt")
    texts = ["疫苗冷链管理不规范,冷链设备老化", "财务报销管理不规范,存在违规报销", "党组议事规则执行不严格,议事决策不规范",
             "上轮巡察反馈问题整改不彻底", "基层党支部“三会一课”不规范"]
    result = review(IssueList([Issue(str(k), None, 2, t, None, None, None) for k, t in enumerate(texts, 1)]), report)
    assert result.statuses == {"1": "overdue", "2": "addressed", "3": "weak", "4": "addressed", "5": "addressed"}
    overdue = next(f for f in result.flags if f.kind == "overdue")
    stretch = report.text[overdue.start:overdue.end]
    assert stretch.startswith("委党组制定《疫苗冷链") and stretch.endswith("仍在采购中。") and "2023-09-30" in overdue.message
    answer = next(m for m in result.matches if m.issue_id == "4" and m.rank == 1)
    assert answer.addressed and answer.target_text.startswith("同时,委党组对照上轮巡察")

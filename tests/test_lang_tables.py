"""A table copied out one cell per line, or pasted as CSV, is read a row a line (its cells between tabs), with the same
length."""

import pytest

from pipeline.lang.tables import join_cell_lines, split_comma_rows
from pipeline.normalize import normalize

HEADER = "序号\n反馈问题\n整改措施\n完成时限\n完成情况\n"


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in join_cell_lines(text).split("\n")]


def test_lang_tables_joins_each_rows_cells():
    text = ("附件：整改台账\n" + HEADER + "1\n资产出租未公开招租\n修订出租管理办法\n2024年12月底前\n已完成。新增出租41宗。\n"
            "2\n应收账款清收不力\n建立清收台账\n2024年12月底前\n正在推进。已清收1.8亿元。\n\n欢迎监督。\n")
    out = join_cell_lines(text)
    assert len(out) == len(text)
    assert _rows(text)[1:4] == [["序号", "反馈问题", "整改措施", "完成时限", "完成情况"],
                                ["1", "资产出租未公开招租", "修订出租管理办法", "2024年12月底前", "已完成。新增出租41宗。"],
                                ["2", "应收账款清收不力", "建立清收台账", "2024年12月底前", "正在推进。已清收1.8亿元。"]]
    assert out.endswith("\n\n欢迎监督。\n")


def test_lang_tables_a_wrapped_cell_keeps_its_line_break():
    """pairs_blind47 s2: …3.上线电子招标采购平\\n台。 — the cell goes on on a line of its own."""
    text = (HEADER + "1\n招投标廉洁风险突出\n1.开展专项检查;2.上线电子招标采购平\n台。\n2025年6月底前\n正在整改。\n"
            "2\n违规发放津贴补贴\n开展专项清理。\n2024年12月底前\n已完成。\n")
    rows = join_cell_lines(text).split("\n")
    assert rows[1] == "1\t招投标廉洁风险突出\t1.开展专项检查;2.上线电子招标采购平"
    assert rows[2] == "台。\t2025年6月底前\t正在整改。"


def test_lang_tables_an_empty_line_is_a_merged_cell():
    """blind43 12: a 问题类别 merged over several rows leaves an empty line in the rows under its first."""
    text = ("序号\n问题类别\n具体问题\n整改时限\n1\n国有资产监管\n底数不清\n2026年10月底前\n2\n\n出租管理混乱\n立行立改\n"
            "3\n\n借款管理失控\n2026年12月底前\n")
    assert _rows(text)[1:4] == [["1", "国有资产监管", "底数不清", "2026年10月底前"], ["2", "", "出租管理混乱", "立行立改"],
                                ["3", "", "借款管理失控", "2026年12月底前"]]


def test_lang_tables_a_row_without_its_merged_cell_leaves_the_paragraph_after_the_table():
    """blind54 09: a web table's rowspan leaves the merged 问题类别 out of the rows under its first; the last row, one
    cell short, took the paragraph after the table in as its 整改时限."""
    text = ("序号\n问题类别\n具体问题\n整改时限\n1\n国有资产监管\n资产底数不清。\n长期坚持\n2\n出租管理混乱。\n立行立改\n"
            "3\n借款管理失控，欠款未追回。\n2024年12月底\n巡察组要求，局党组要对照问题清单逐条制定整改措施，明确整改责任人和完成时限，"
            "整改情况按规定报送。\n")
    rows = _rows(text)
    assert rows[1:4] == [["1", "国有资产监管", "资产底数不清。", "长期坚持"], ["2", "出租管理混乱。", "立行立改"],
                         ["3", "借款管理失控，欠款未追回。", "2024年12月底"]]
    assert rows[4][0].startswith("巡察组要求")


@pytest.mark.parametrize("text", [
    "序号\n反馈问题\n整改措施\n完成时限\n完成情况\n",  # a header and no rows
    "序号\n问题\n1\n党建薄弱\n",  # two names are no header
    "序号\t问题\t整改措施\t完成时限\n1\t党建薄弱\t加强\t年底前\n",  # rows already
    "一、整改措施\n1.完善制度。\n2.加强监督。\n",
])
def test_lang_tables_leaves_other_text_alone(text):
    assert join_cell_lines(text) == text


def test_lang_tables_is_a_step_of_normalize():
    text = HEADER + "1\n问题甲\n措施甲\n年底前\n已完成。\n2\n问题乙\n措施乙\n年底前\n正在推进。\n"
    assert normalize(text).split("\n")[1] == "1\t问题甲\t措施甲\t年底前\t已完成。"


def test_lang_tables_a_document_says_its_table_was_joined():
    from pipeline.document import analyze_text

    text = "关于整改进展情况的报告\n" + HEADER + "1\n问题甲\n措施甲\n年底前\n已完成。\n2\n问题乙\n措施乙\n年底前\n正在推进。\n"
    result = analyze_text(text)
    assert any("one cell per line" in w for w in result.warnings)
    assert not any("one cell per line" in w for w in analyze_text("关于整改进展情况的报告\n已完成整改。\n").warnings)


CSV = ("二、整改台账（截至2021年12月31日）\n序号,反馈问题,主要整改措施及成效,责任单位,完成时限,整改状态\n"
       "1,专职教师配备不足,公开招聘专职教师14名，师生比达到1∶342,人事处,2021年9月底前,已完成\n"
       "2,\"校办企业亏损,未清理\",已注销1家，其余2家尚未注销,资产公司,2021年10月底前,正在整改\n"
       "\n三、下一步工作\n学校党委将坚持目标不变,标准不降。\n")


def test_lang_tables_splits_a_ledger_pasted_as_csv():
    """pairs_blind49 s2: a 整改台账 pasted as CSV, a cell's own ，full-width: the commas between cells are tabs."""
    out = split_comma_rows(CSV)
    assert len(out) == len(CSV)
    rows = [line.split("\t") for line in out.split("\n")]
    assert rows[1] == ["序号", "反馈问题", "主要整改措施及成效", "责任单位", "完成时限", "整改状态"]
    assert rows[2] == ["1", "专职教师配备不足", "公开招聘专职教师14名，师生比达到1∶342", "人事处", "2021年9月底前", "已完成"]
    assert rows[3][1] == '"校办企业亏损,未清理"'  # a quoted cell keeps its comma
    assert out.endswith("学校党委将坚持目标不变,标准不降。\n")  # the text after the table is no row


def test_lang_tables_a_csv_rows_extra_commas_stay_in_its_measures_cell():
    """A row typed with ASCII commas inside its measures cell (修订办法,明确职责,已印发) ended the table there: the extra
    commas are the measures cell's, the cells before and after it keep their places."""
    text = ("序号,反馈问题,主要整改措施及成效,责任单位,完成时限,整改状态\n1,问题甲,修订办法,明确职责,已印发,人事处,2021年9月底前,已完成\n"
            "2,问题乙,措施乙,办公室,年底前,正在整改\n")
    rows = [line.split("\t") for line in split_comma_rows(text).split("\n")]
    assert rows[1] == ["1", "问题甲", "修订办法,明确职责,已印发", "人事处", "2021年9月底前", "已完成"]
    assert rows[2] == ["2", "问题乙", "措施乙", "办公室", "年底前", "正在整改"]


@pytest.mark.parametrize("text", [
    "序号,反馈问题,整改措施,完成时限\n",  # a header and no rows
    "序号,姓名,单位,职务\n1,甲,乙,丙\n",  # a roster: one name known is no ledger header
    "甲方,乙方,丙方,丁方\n1,2,3,4\n",
    "序号,反馈问题,整改措施,完成时限\n1,问题甲,措施甲\n",  # a row of fewer cells
])
def test_lang_tables_leaves_other_commas_alone(text):
    assert split_comma_rows(text) == text


def test_lang_tables_csv_rows_before_the_width_fold():
    """normalize splits the rows before it folds the cells' ，into commas, and the document says so."""
    from pipeline.document import analyze_text

    assert normalize(CSV).split("\n")[2].split("\t")[2] == "公开招聘专职教师14名,师生比达到1:342"
    assert any("pasted as CSV" in w for w in analyze_text("关于整改进展情况的报告\n" + CSV).warnings)


@pytest.mark.parametrize("text,cells", [
    # heldout28 a: tab cells, each column's unit in its header
    ("方面\t反馈问题(个)\t整改措施(条)\t完成率\n党的领导方面\t2\t8\t87.5%\n党的建设方面\t3\t7\t71.4%\n",
     [("2", "个"), ("3", "个"), ("8", "条"), ("7", "条")]),
    # heldout18 a: space cells of a PDF, the unit in the caption above a page line
    ("整改任务完成情况统计表(单位:项)\n— 1 —\n方面 任务数 已完成 完成率\n党的领导 11 9 81.8%\n党的建设 11 9 81.8%\n",
     [("11", "项"), ("11", "项"), ("9", "项"), ("9", "项")]),
    ("方面\t任务数\t已完成\n党的领导\t11\t9\n党的建设\t12\t10\n", []),  # no unit named: none guessed
    ("序号\t问题\t整改措施\n1\t党建薄弱\t加强\n2\t作风不实\t整顿\n", []),  # a ledger, not counts
])
def test_lang_tables_the_cells_of_a_table_of_counts(text, cells):
    from pipeline.lang.tables import count_cells

    assert [(text[a:b], unit) for a, b, unit, _ in count_cells(text)] == cells

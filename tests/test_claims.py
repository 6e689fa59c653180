import json
from pathlib import Path

import pytest

from pipeline.extract.claims import CLAIM_FIELDS, check_consistency, extract_claims, load_field_cues, parse_as_of
from pipeline.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"


@pytest.fixture(scope="module")
def gold_and_claims():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = normalize((ROOT / "corpus" / gold["document"]["file"]).read_text(encoding="utf-8"))
    return gold, text, extract_claims(text, as_of_default=gold["document"]["as_of_date"])


def test_claims_gold_core_claims_with_every_figure(gold_and_claims):
    gold, _, claims = gold_and_claims
    by_span = {(c.start, c.end): c for c in claims}
    for g in gold["claims"]:
        claim = by_span[(g["start"], g["end"])]
        assert claim.text == g["text"]
        assert claim.figures == g["figures"]
        assert claim.figure_spans == {f: (s["start"], s["end"]) for f, s in g["figure_spans"].items()}
        assert claim.as_of == g["as_of"]


def test_claims_gold_no_claims_beyond_core_and_peripheral(gold_and_claims):
    gold, _, claims = gold_and_claims
    allowed = {(g["start"], g["end"]) for g in gold["claims"] + gold["claims_peripheral"]}
    assert {(c.start, c.end) for c in claims} <= allowed
    for g in gold["claims_peripheral"]:
        match = [c for c in claims if (c.start, c.end) == (g["start"], g["end"])]
        if match:
            assert match[0].figures == g["figures"]


def test_claims_gold_task_sentence_is_consistent(gold_and_claims):
    _, _, claims = gold_and_claims
    tasks = next(c for c in claims if "total" in c.figures)
    assert tasks.consistent is True
    assert tasks.note == "完成52+基本完成5=57, 与总数57一致"


def _figures(sentence: str, **kw) -> tuple[dict, dict, object]:
    text = normalize(sentence)
    claims = extract_claims(text, **kw)
    assert len(claims) == 1, claims
    c = claims[0]
    return c.figures, {f: text[a:b] for f, (a, b) in c.figure_spans.items()}, c


def test_claims_breakdown_style_with_rate():
    figures, spans, claim = _figures(
        "反馈的3个方面15个问题、46条具体意见,制定整改措施128项,截至目前已完成整改121项,整改完成率94.5%。",
        as_of_default="2022-12-31",
    )
    assert figures == {
        "aspects": 3,
        "prominent_problems": 15,
        "suggestions": 46,
        "rectification_measures": 128,
        "completed": 121,
        "rate": 94.5,
    }
    assert spans["rectification_measures"] == "整改措施128项"
    assert spans["completed"] == "完成整改121项"
    assert spans["rate"] == "整改完成率94.5%"
    assert claim.as_of == "2022-12-31"
    assert claim.consistent is True
    assert "121/128" in claim.note


def test_claims_accountability_and_money():
    figures, spans, claim = _figures("给予党纪政务处分5人,诫勉谈话3人,批评教育12人,清退违规资金18.6万元。")
    assert figures == {
        "party_and_government_sanctions": 5,
        "admonishment": 3,
        "criticism_education": 12,
        "refunded_amount": 186000,
    }
    assert isinstance(figures["refunded_amount"], int)
    assert spans["refunded_amount"] == "清退违规资金18.6万元"
    assert claim.consistent is None and claim.note is None


@pytest.mark.parametrize(
    ("sentence", "field", "value", "span"),
    [
        ("立行立改问题8个。", "immediate", 8, "立行立改问题8个"),
        ("8个问题已立行立改。", "immediate", 8, "8个问题已立行立改"),
        ("向纪检监察机关移交问题线索3件。", "cases_transferred", 3, "移交问题线索3件"),
        ("挽回经济损失1.2亿元。", "losses_recovered", 120_000_000, "挽回经济损失1.2亿元"),
        ("追缴资金300余万元。", "recovered_amount", 3_000_000, "追缴资金300余万元"),
        # the people dealt with after the cases found (heldout21 a: the sentence was no claim)
        ("开展违规吃喝专项整治，查处问题14起、处理19人。", "accountability_people", 19, "处理19人"),
        ("建立健全制度机制21项。", "rules_new_or_revised", 21, "建立健全制度机制21项"),
        ("新建13项制度。", "new_rules", 13, "新建13项制度"),
        ("完成整改任务52项。", "completed", 52, "完成整改任务52项"),
        ("召开党组会议12次专题研究巡察整改工作。", "party_affairs_meetings", 12, "召开党组会议12次"),
        ("组织处理2人。", "organizational_handling", 2, "组织处理2人"),
        ("整改完成率百分之九十。", "rate", 90, "整改完成率百分之九十"),
        ("巡察反馈的十二项突出问题。", "prominent_problems", 12, "十二项突出问题"),
        # the people held accountable named between the verb and their number (heldout5 b)
        ("整改中问责干部职工17人。", "accountability_people", 17, "问责干部职工17人"),
        ("主动退回医保基金386.4万元。", "refunded_amount", 3_864_000, "退回医保基金386.4万元"),
    ],
)
def test_claims_single_figure_styles(sentence, field, value, span):
    figures, spans, _ = _figures(sentence)
    assert figures[field] == value
    assert spans[field] == span


def test_claims_inconsistent_sum_flagged():
    figures, _, claim = _figures("反馈问题涉及的57项整改任务,已完成50项,基本完成5项。")
    assert figures == {"total": 57, "completed": 50, "basically_completed": 5}
    assert claim.consistent is False
    assert claim.note == "完成50+基本完成5=55, 与总数57不符"


def test_claims_verb_before_numeral_outranks_noun_after():
    figures, _, claim = _figures("反馈的12个问题已整改完成10个问题,正在整改2个。")
    assert figures == {"prominent_problems": 12, "completed": 10, "in_progress": 2}
    assert claim.consistent is True


@pytest.mark.parametrize(
    "sentence",
    [
        "共举办培训班次61个4761人次。",
        "帮助企业解决问题35个。",  # no inspection/rectification context
        "集中整改期内每月开展1次整改情况督查。",
        "部理论学习中心组已集体学习7次。",
        "做到“两个维护”,增强“四个意识”。",
        "第十巡视组反馈了第一个问题。",
    ],
)
def test_claims_not_aggregate_figures_not_claims(sentence):
    assert extract_claims(normalize(sentence)) == []


@pytest.mark.parametrize(
    ("figures", "consistent", "fragment"),
    [
        ({"total": 57, "completed": 52, "basically_completed": 5}, True, "一致"),
        ({"total": 57, "completed": 52, "rate": 91.2}, True, "52/57"),
        ({"total": 57, "completed": 52, "rate": 95.0}, False, "不符"),
        ({"total": 10, "completed": 12}, False, "大于"),
        ({"aspects": 4, "prominent_problems": 3}, False, "不成立"),
        ({"new_rules": 13}, None, None),
    ],
)
def test_claims_check_consistency(figures, consistent, fragment):
    result, note = check_consistency(figures, rate_decimals=1)
    assert result is consistent
    if fragment is None:
        assert note is None
    else:
        assert fragment in note


@pytest.mark.parametrize(
    ("sentence", "default", "expected"),
    [
        ("截至2022年6月底,完成", None, "2022-06-30"),
        ("截至2022年2月底", None, "2022-02-28"),
        ("截至2024年2月底", None, "2024-02-29"),
        ("截至2022年12月15日", None, "2022-12-15"),
        ("截至2022年底", None, "2022-12-31"),
        ("截至6月底", "2023-07-19", "2023-06-30"),
        ("截至目前", "2022-07-19", "2022-07-19"),
        ("已完成52项", "2022-07-19", None),
    ],
)
def test_claims_parse_as_of(sentence, default, expected):
    assert parse_as_of(sentence, default=default) == expected


def test_claims_lexicon_fields_known_and_ordered():
    cues = load_field_cues()
    assert {c.field for c in cues} <= set(CLAIM_FIELDS)
    assert len(set(CLAIM_FIELDS)) == len(CLAIM_FIELDS)
    # the gold's field names are used where they exist
    for name in ("aspects", "prominent_problems", "specific_manifestations", "rectification_measures", "total",
                 "completed", "basically_completed", "new_rules", "revised_rules",
                 "previous_round_unrectified_problems", "theme_education_unrectified_problems",
                 "party_affairs_meetings", "progress_meetings"):
        assert name in CLAIM_FIELDS


@pytest.mark.parametrize(
    "sentence",
    [
        "顺利完成了7个车棚、324个智能充电口的建设。",  # 完成 + an object that is not a rectification item
        "普及率、完成率达100%。",  # a completion rate outside any rectification context
        "落实党的二十大确定的各项任务。",  # 二十大 is a name, not 20 of anything
        "会议期间共征集到提案37件,其中立案9件。",  # 立案 of proposals, no discipline body
        "从以下七个方面对实验室安全工作进行了梳理。",  # aspects outside a breakdown
        "切实做到一个问题都不放过,全面整改不留死角。",  # indefinite 一个
    ],
)
def test_claims_general_prose_not_claims(sentence):
    assert extract_claims(normalize(sentence)) == []


def test_claims_aspects_before_counted_tasks():
    figures, _, _ = _figures("聚焦15个方面的39项整改任务,形成64条整改措施。")
    assert figures == {"aspects": 15, "rectification_measures": 64, "total": 39}


@pytest.mark.parametrize(
    "sentence,field,value",
    [
        ("对23名医务人员给予党纪政务处分,挽回经济损失1860万元。", "party_and_government_sanctions", 23),
        ("对2名负有管理责任的人员给予诫勉谈话。", "admonishment", 2),
        ("对3名人员进行谈话提醒。", "reminder_talks", 3),
        ("制定《临江区惠农补贴资金发放管理办法》等制度4项。", "new_rules", 4),
        ("修订《工程项目招标采购管理办法》《工程变更签证管理规定》等制度6项。", "revised_rules", 6),
        ("责令相关科室作出书面检查,退缴违规发放的津补贴资金3.6万元。", "refunded_amount", 36000),
    ],
)
def test_claims_cues_across_objects_and_titles(sentence, field, value):
    (claim,) = extract_claims(normalize(sentence))
    assert claim.figures[field] == value


@pytest.mark.parametrize("sentence", ["领导小组每季度至少召开1次专题会议研究整改工作。", "每年开展两次专题会议。"])
def test_claims_frequency_is_not_a_count(sentence):
    assert extract_claims(normalize(sentence)) == []


def test_claims_semicolon_ends_a_claim_sentence():
    """①…;②…;③… items each carry their own figures, as separate claims."""
    text = normalize("①开展专项排查，追回多付工程款286.7万元；②修订《工程变更签证管理规定》等制度6项；③对2名人员给予诫勉谈话。")
    claims = extract_claims(text)
    assert [(c.text[:1], c.figures) for c in claims] == [
        ("①", {"recovered_amount": 2867000}), ("②", {"revised_rules": 6}), ("③", {"admonishment": 2}),
    ]


def test_claims_indicator_lines_with_a_colon():
    """A post's 【数说整改】 block of 指标:数值 lines (heldout8 b): the label before the colon is the figure's cue."""
    text = normalize("【数说整改】（截至6月30日）\n制定整改措施：152条\n新建制度：19项\n整改完成率：86.2%\n追回资金：1.26亿元\n")
    found = {field: value for c in extract_claims(text) for field, value in c.figures.items()}
    assert found == {"rectification_measures": 152, "new_rules": 19, "rate": 86.2, "recovered_amount": 126000000}


@pytest.mark.parametrize("sentence,figures", [
    ("对2名负有管理责任的社区党组织书记进行诫勉谈话。", {"admonishment": 2}),
    ("给予1名社区工作人员党纪处分。", {"party_sanctions": 1}),
    ("对接受宴请的4名医务人员给予党纪处分、2名给予政务处分。", {"party_sanctions": 4, "government_sanctions": 2}),
])
def test_claims_people_counted_before_whom_they_are(sentence, figures):
    """对N名<whom>进行诫勉谈话 / 给予N名<whom>党纪处分: the count stands before the people it counts (heldout8 a)."""
    claims = extract_claims(normalize(sentence))
    assert [c.figures for c in claims] == [figures]


def test_claims_running_total_wins_and_a_count_before_its_completion():
    """截至1月底已完成19条,2月份又完成9条,截至2月底累计完成28条: the running total is the completed figure;
    立行立改事项三十六项已全部销号: 36 immediate (heldout9)."""
    text = normalize("32条整改措施中，截至1月底已完成19条，2月份又完成9条，截至2月底累计完成28条、正在推进4条，完成率87.5%。"
                     "其中立行立改事项三十六项已全部销号。")
    figures = [c.figures for c in extract_claims(text)]
    assert figures == [{"rectification_measures": 32, "completed": 28, "in_progress": 4, "rate": 87.5}, {"immediate": 36}]


@pytest.mark.parametrize("sentence,figures", [
    ("立案审查调查6件，给予党纪政务处分7人。", {"cases_filed": 6, "party_and_government_sanctions": 7}),
    ("对履职不力的3名村党组织书记作出组织处理。", {"organizational_handling": 3}),
])
def test_claims_case_filings_and_organizational_handling(sentence, figures):
    """立案审查调查N件 names a discipline case by itself; 对N名…作出组织处理 counts people (heldout10 a)."""
    assert [c.figures for c in extract_claims(normalize(sentence))] == [figures]


@pytest.mark.parametrize("sentence,figures", [
    ("党的领导方面，问题2个、措施7条，已销号7条；", {"prominent_problems": 2, "rectification_measures": 7, "completed": 7}),
    ("24条整改措施中已完成20条，其中立行立改措施9条已全部完成。", {"rectification_measures": 24, "completed": 20, "immediate": 9}),
    ("排查采购合同412份，发现问题线索6条，已全部移交驻市卫健委纪检监察组。", {"cases_transferred": 6}),
])
def test_claims_counts_named_before_them_and_clues_handed_over(sentence, figures):
    """问题2个、措施7条,已销号7条 (a breakdown naming each count first; 销号 is the ledger's word for done); 立行立改措施N条;
    线索N条,已全部移交… (heldout22 a)."""
    assert [c.figures for c in extract_claims(normalize(sentence))] == [figures]


def test_claims_read_across_a_pdfs_wraps_and_page_lines():
    """截至…已完成20条、基本完\n成2条… / 已退回违规使\n- 2 -\n用的医保基金73.45万元 (heldout22 a): a claim's words broken
    by a wrap, or by a page's number line, are read whole; the spans are the document's own."""
    from pipeline.document import analyze_text

    lines = ["某医院党委关于巡察整改情况的报告", "　　三、整改任务完成情况",
             "　　截至2024年9月30日，全院24条整改措施中已完成20条、基本完",
             "成2条、正在推进2条，完成率83.3%。医院党委坚持以案促改，召开警",
             "示教育大会3场，组织中层干部旁听职务犯罪案件庭审1次，整改措施：",
             "一是开展医保基金使用自查自纠，对发现的问题全部整改，已退回违规使", "- 2 -",
             "用的医保基金73.45万元；二是修订医疗服务价格管理办法，每季度开",
             "展一次收费专项检查，该项工作长期坚持，并将检查结果纳入科室考核，",
             "推动整改成果转化为医院治理效能，坚决防止问题反弹回潮，确保各项整", "改任务按期全部完成到位。"]
    result = analyze_text("\n".join(lines) + "\n- 3 -\n")
    text = result.text
    assert "基本完\n成" in text  # the wrap this test is about
    figures = {f: v for c in result.claims for f, v in c.figures.items()}
    assert figures["basically_completed"] == 2 and figures["refunded_amount"] == 734500
    claim = next(c for c in result.claims if "refunded_amount" in c.figures)
    start, end = claim.figure_spans["refunded_amount"]
    assert text[start:end].replace("\n", "").startswith("退回违规使") and text[start:end].endswith("73.45万元")


@pytest.mark.parametrize("sentence,expected", [
    # heldout23: the people both kinds count together, then each kind's own count
    ("对3名项目负责人分别给予党纪处分1人、政务处分2人。",
     {"party_and_government_sanctions": 3, "party_sanctions": 1, "government_sanctions": 2}),
    # the clues handed over, counted before their noun (not the problems of the feedback)
    ("巡视组移交的21件问题线索已全部办结，立案审查调查9人。", {"cases_transferred": 21, "cases_filed": 9}),
    ("96项整改任务已完成86项，其余10项正在按计划推进。", {"total": 96, "completed": 86, "in_progress": 10}),
    # a count two kinds share is neither's
    ("对相关责任人诫勉谈话2人、批评教育和谈话提醒15人次。", {"admonishment": 2}),
    # heldout24 a: money collected under a contract; problems still being put right
    ("对逾期缴款的11宗地块依合同收取违约金1600万元。", {"recovered_amount": 16000000}),
    ("反馈的31个问题中，27个已整改到位，4个正在持续整改。", {"prominent_problems": 31, "completed": 27, "in_progress": 4}),
])
def test_claims_figures_counted_other_ways(sentence, expected):
    figures, _, _ = _figures(sentence)
    assert figures == expected


@pytest.mark.parametrize(("sentence", "field", "value"), [
    # heldout25 a: a kind of discipline named after the people counted (党内警告, 记过 …)
    ("整改中,对3名科室主任进行诫勉谈话,给予1名科室主任党内警告处分。", "party_sanctions", 1),
    ("整改中,给予2名干部党内严重警告处分。", "party_sanctions", 2),
    ("整改中,给予2名工作人员政务记过处分。", "government_sanctions", 2),
    # heldout25 a: not started is not completed
    ("截至4月30日,反馈的7个问题已完成整改4个、正在整改2个、尚未启动1个。", "not_completed", 1),
])
def test_claims_discipline_kinds_and_work_not_started(sentence, field, value):
    figures, _, _ = _figures(sentence)
    assert figures.get(field) == value


def test_claims_both_kinds_of_sanction_named_count_together_and_a_fields_count_is_no_problems():
    """heldout26 a: 对2名干部分别给予党内警告处分和政务记过处分 counts the 2 under both kinds; 反馈问题3个方面11个: the 3 is the
    fields' count (the problems' was 3)."""
    figures, _, _ = _figures("整改中,对违规发放补贴负有直接责任的2名干部分别给予党内警告处分和政务记过处分。")
    assert figures.get("party_and_government_sanctions") == 2 and "party_sanctions" not in figures
    figures, _, _ = _figures("巡察组共反馈问题3个方面11个,局党委对照问题清单研究制定整改措施38条。")
    assert figures.get("aspects") == 3 and figures.get("prominent_problems") != 3


@pytest.mark.parametrize("sentence,expected", [
    # heldout27 b: 正在落实五条 is in progress (it was left out)
    ("截至目前，三十八条整改措施已落实三十三条、正在落实五条。", {"rectification_measures": 38, "completed": 33, "in_progress": 5}),
    # heldout27 b: 制定和修订…等制度六项 is new or revised (read as revised)
    ("二是制定和修订《雾岭乡公务接待管理办法》《雾岭乡村级财务管理办法》等制度六项，已印发执行。", {"rules_new_or_revised": 6}),
    # heldout27 a: 计划推进1个, not yet begun, is not completed (it was left out)
    ("截至2024年9月30日，交办的11个问题中已完成整改7个、正在推进3个、计划推进1个；",
     {"prominent_problems": 11, "completed": 7, "in_progress": 3, "not_completed": 1}),
])
def test_claims_progress_and_rules_cues(sentence, expected):
    figures = _figures(sentence)[0]
    assert {k: figures.get(k) for k in expected} == expected

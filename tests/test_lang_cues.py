"""Cue words (pipeline.lang.cues): the concrete acts of an answer and the unfinished cues, from the one table."""

from __future__ import annotations

import pytest

from pipeline.lang.cues import (
    DECISIVE, concrete_act, concrete_cue, is_plan, is_restated_problem, status_cues, stock_figure, unfinished_cue,
)
from pipeline.normalize import normalize


@pytest.mark.parametrize("text,concrete", [
    ("修订《财务报销管理办法》", True),
    ("对2名责任人进行诫勉谈话", True),
    ("约谈相关负责人", True),
    ("该项任务已整改到位", False),  # a completion claim, no act (the claim rows): see below
    ("高度重视,进一步增强纪律意识,坚持集体领导,确保决策科学规范", False),
    ("切实扛起政治责任,同谋划、同部署、同落实", False),
])
def test_lang_cues_concrete_acts(text, concrete):
    assert bool(concrete_cue().search(normalize(text))) is concrete


@pytest.mark.parametrize("text,unfinished", [
    ("剩余8项事项仍在协调推进中", True),
    ("2笔担保尚未解除", True),
    ("目前正在组织验收", True),
    ("对尚未完成的5项任务挂牌督办,目前已全部完成", False),  # a tally of problems, not this action
    ("已全部完成整改", False),
    ("目前已形成征求意见稿", True),  # a rule still in draft (pairs_blind19 h3)
    ("已追回62.3万元,剩余18.6万元因提起行政诉讼,待法院判决后追缴", True),  # money still to recover (pairs_blind20 k4)
    ("清收方案完成初稿", True),
    ("印发《管理办法(征求意见稿)》修订说明", False),  # the words inside a title are no cue
    # a remainder with what it still lacks (pairs_blind58 s2 #3, s3 #9, s5 #14: read as done, not overdue)
    ("截至目前实际入库1.2万吨,尚有0.8万吨未到位", True),
    ("尚有9份因承包方有异议未完成", True),
    ("已确权地块9宗,尚有6宗因权属争议未能办结", True),
    ("26份合同已全部清理规范,未发现新的问题", False),
])
def test_lang_cues_unfinished_is_the_decisive_ongoing_rows(text, unfinished):
    assert bool(unfinished_cue().search(normalize(text))) is unfinished


def test_lang_cues_concrete_rows_are_not_a_status():
    assert {status for status, _, _ in status_cues()} == {"done", "ongoing", "planned"}
    assert any(status == "ongoing" and weight >= DECISIVE for status, weight, _ in status_cues())


@pytest.mark.parametrize("text,act", [
    ("整改情况:已完成整改。", False),  # the claim alone: nothing a reader can check
    ("该问题已全部整改到位", False),
    ("已完成阶段性整改,持续推进中", False),
    ("已完成整改。修订《公务接待管理办法》", True),  # an act beside the claim still counts
    ("已完成设备更新", True),  # the completion of a named act is one
    ("整改任务已完成,对3名责任人进行诫勉谈话", True),
])
def test_lang_cues_concrete_act_not_in_a_completion_claim(text, act):
    assert concrete_act(normalize(text)) is act


@pytest.mark.parametrize("text,restated", [
    ("8.关于上轮巡察反馈问题整改不彻底的问题。", True),  # its number before 关于
    ("(三)关于选人用人问题的整改情况", True),
    ("三、关于意识形态工作的问题", True),
    ("8.修订《财务管理制度》。", False),
    ("耕地保护责任落实不到位,违法建房问题整治不彻底。", True),  # shortfall wording and nothing done
    # the shortfall names whom the acts were on: an answer (pairs_blind16 e3 #2)
    ("拆除违法建筑14处,对2名履职不力的村干部进行诫勉谈话。", False),
])
def test_lang_cues_restated_heading_after_its_number(text, restated):
    assert is_restated_problem(normalize(text)) is restated


@pytest.mark.parametrize("text,figure,stock", [
    ("目前学校共有中层干部236名,其中40岁以下中层干部22名。", "236名", True),
    ("目前学校共有中层干部236名,其中40岁以下中层干部22名。", "22名", True),  # 其中 breaks the stock down
    ("2023年全镇村集体经济收入总额达到316万元。", "2023年", True),
    ("现有省级工法12项。", "12项", True),
    ("清理白条单据136张,规范大额现金支付29笔。", "136张", False),
    ("共清退违规补贴资金18.6万元。", "18.6万元", False),  # 共 + an act: what was done
    ("目前已有12所学校完成改造,共有3所正在施工。", "12所", False),
    ("学院现有45岁以下青年教师62名,占专任教师总数的51.7%。", "51.7%", True),  # 占 breaks the stock down
    # a sentence that opens on how things stand goes on counting in its later clauses (pairs_blind24 q1 #7)
    ("整改情况:目前机关共设党支部4个,有在职党员63名、退休党员18名,支部委员会配备齐全。", "63名", True),
    ("目前全县共设便民服务站12个,今年建成标准化服务站5个。", "5个", False),  # a clause of its own act: done
    ("目前已清退违规补贴资金8.2万元,有2名责任人被约谈。", "2名", False),  # the opening itself states acts
    # the heading line above is no part of the sentence (pairs_blind27 s1 #8)
    ("(七)关于干部队伍结构不够合理的问题\n目前,全厅共有处级干部146名,平均年龄48.7岁,其中35岁以下11名,占7.5%。", "7.5%", True),
    # 截至…, and a total or a rate: how things stand (s1 #2); an outcome stated as done is none (pairs_blind16 e3 #1)
    ("截至2023年底,全省农村公路总里程达到11.2万公里,当年养护资金到位率为81.5%。", "81.5%", True),
    ("截至10月底,3个村集体经营性收入分别达到6.2万元,“空壳村”已全部消除。", "6.2万元", False),
    ("截至2023年底,全省共排查隐患326处。", "326处", False),
    ("已完成。截至2024年6月末,集团有息负债余额386.5亿元,其中短期债务占比31.2%。", "386.5亿元", True),  # s2 #3
    # an average age opens such a sentence; a later clause naming an arrangement (配备) goes on counting, unless
    # stated as done (pairs_blind28 s3 #8, s2 #1)
    ("目前,全镇14名村党组织书记平均年龄48.7岁,其中45岁以下3人,高中及以上学历11人。", "11人", True),
    ("目前,全街道共划分网格86个,配备网格员112名。", "112名", True),
    ("目前,全街道共划分网格86个,已配备专职网格员112名。", "112名", False),
    # the opening clause's arrangement word names the arrangement too (pairs_blind35 s4 #3)
    ("整改情况:目前,全乡共配备护林员42名,设置防火检查站9个,配置巡护车3辆。", "9个", True),
    ("整改情况:目前,全乡共配备护林员42名,设置防火检查站9个,配置巡护车3辆。", "3辆", True),
    ("整改情况:目前,全乡已配备护林员42名,新建防火检查站9个。", "9个", False),
    # the parts after a ; go on counting what the sentence opened on (pairs_blind36 s1 #8)
    ("截至目前,全局共有科级干部64人,其中正科级20人;40岁以下科级干部18人,占28.1%。", "28.1%", True),
    ("截至目前,全局共有科级干部64人;今年新提拔40岁以下科级干部6人。", "6人", False),
    # an indicator's value, and the date that stands before it alone (pairs_blind35 s3 #4, pairs_blind25 q2 #4, q4 #6)
    ("2024年,公司实现营业收入8.72亿元,其中省外市场收入2.15亿元,占比24.7%。", "24.7%", True),
    ("2024年,公司实现营业收入8.72亿元,其中省外市场收入2.15亿元,占比24.7%。", "2024年", True),
    ("2025年1—9月,集团研发经费投入1.6亿元,研发投入强度为1.1%。", "1.1%", True),
    ("全年医疗服务收入较上年增长4.8%。", "4.8%", True),
    # a share's level (pairs_blind45 s4 P4): where things stand
    ("保持打击违法用地的高压态势,2015年度全省违法用地面积比例已降至8.6%。", "8.6%", True),
    # a rate's level (pairs_blind46 s5 P2)
    ("目前公司经理层成员任期制和契约化管理覆盖率为100%,签约率100%,考核结果兑现率100%。", "100%", True),
    ("2024年,集团实现营业收入51.3亿元,同比增长8.2%。", "8.2%", True),
    ("合并检查考核事项,对基层单位检查考核次数同比减少45%。", "45%", False),  # the problem's own object fell: done
    ("截至6月底,累计完成投资21.5亿元,投资完成率为64.2%。", "21.5亿元", True),
    ("2024年,清理闲置房产12处,收回租金46万元。", "2024年", False),  # the date of acts
    # an average opens such a sentence too (pairs_blind38 s1 #3); a ledger's next cell is no part of it (s3 #3)
    ("切实提高服务效能。目前,全县重点项目用地报批平均时限为45个工作日。", "45个", True),
    ("目前,全县重点项目用地报批平均时限压缩至28个工作日。", "28个", False),
    ("提升网格化管理水平;目前街道共划分网格46个、配备网格员52名\t副书记\t长期坚持\t持续推进", "52名", True),
])
def test_lang_cues_stock_figure_describes_how_things_stand(text, figure, stock):
    """A clause that says how many of something there are (pairs_blind19 h1, h3) states no answer to a problem."""
    assert stock_figure(text, text.index(figure)) is stock


@pytest.mark.parametrize("text,act", [
    ("上轮巡察反馈问题已全部整改完成并销号", False),  # a completion claimed, nothing checkable
    ("多次召开专题会议研究部署债务风险防控工作", False),  # meetings about it, no count, nothing decided
    ("召开党组会议12次专题研究整改", True),
    ("对超期未结的23个问题全部销号管理前逐一复核", True),
    ("局党组高度重视,切实加强监督管理,该问题已整改完成", False),  # pairs_blind24 q1 #4: 已整改完成 is one claim
    ("各村党组织班子已配备齐全", False),  # a state, not an act
    ("为12个村配备专职网格员12名", True),
    # pairs_blind59 s1 #8: 培训 named as a topic (在干部教育培训方面, 增强培训的针对性) is no training held
    ("在干部教育培训方面,院党组要求政治部切实增强培训的针对性和实效性", False),
    ("开展干部教育培训3期,参训210人次", True),
])
def test_lang_cues_completion_and_meeting_claims_are_no_act(text, act):
    """pairs_blind20 k1, k2: boilerplate that names a completion or meetings states no concrete act."""
    assert concrete_act(normalize(text)) is act


def test_lang_cues_stock_figure_over_a_long_chain_of_breakdowns():
    """Regression: a clause broken down by thousands of ,其中… clauses (hostile input) is walked back without
    recursion."""
    text = "目前共有干部236名" + ",其中1名" * 3000
    assert stock_figure(text, len(text) - 2) is True


@pytest.mark.parametrize("text,plan", [
    # 并将X纳入Y puts X somewhere beside the acts done (pairs_blind25 q2 #7): no plan
    ("清退违规发放的补贴86.4万元，对相关责任人给予处分4人，并将津补贴发放纳入年度审计必审事项", False),
    ("并将于今年底前完成全部清退", True),
    ("我们将继续加强监督", True),
    # pairs_blind59 s2 #9: 将与…合作开展 will work with another (it was read as done, addressed)
    ("（2）将与省水利水电职业学院合作开展在岗人员学历提升和技能培训", True),
    ("将党建工作与业务工作深度融合，修订考核办法3项", False),
])
def test_lang_cues_disposal_jiang_is_no_plan(text, plan):
    assert is_plan(normalize(text)) is plan


def test_lang_cues_a_share_of_what_there_is_is_a_stock():
    """目前…共有科级干部43名,…;全局专业技术人员占比38.6% (pairs_blind26 r2 #7): how things stand."""
    text = normalize("全局专业技术人员占比38.6%，干部队伍整体素质不断提升。")
    assert stock_figure(text, text.index("38.6")) is True


@pytest.mark.parametrize("sentence,expected", [
    ("会议要求,各单位要紧盯尚未完成的整改任务,倒排工期、挂图作战。", False),  # pairs_blind33 s3: an act denied
    ("部分支部未建立整改台账。", False),
    ("已完成3个支部的换届选举。", True),
    ("尚未完成的2项已制定时间表。", True),  # the act after the denied one stands
    # pairs_blind44 s1 P6: a rule pledged and a cost named are no act done
    ("严格会议费、培训费管理,坚决杜绝在风景名胜区召开会议,此项问题已整改完成。", False),
    ("严禁违规发放津贴补贴。", False),
    ("举办培训班2期。", True),
    # pairs_blind45 s5 P5: every act of a pledged run is pledged; an act in the next clause is done
    ("持续保持高压态势,坚决做到发现一起、查处一起、通报一起。", False),
    ("坚决做到发现一起、查处一起,今年以来查处违规补课问题5起。", True),
])
def test_lang_cues_a_denied_act_is_no_act(sentence, expected):
    from pipeline.lang.cues import concrete_act

    assert concrete_act(sentence) is expected


@pytest.mark.parametrize("text,figure,expected", [
    # pairs_blind35 s1 #9: a long subject between 目前 and its 有, the share after it: how things stand
    ("目前,全县科级领导干部中35岁以下的有42名,占比11.3%。", "42名", True),
    ("目前,全县科级领导干部中35岁以下的有42名,占比11.3%。", "11.3%", True),
    ("目前,全县已选拔35岁以下科级领导干部12名。", "12名", False),  # an act done
])
def test_lang_cues_a_stock_opening_with_a_long_subject(text, figure, expected):
    from pipeline.lang.cues import stock_figure

    assert stock_figure(text, text.index(figure)) is expected


@pytest.mark.parametrize("text,act", [
    ("目前街道共划分网格46个、配备网格员52名", False),  # how things are arranged (pairs_blind38 s3 #3)
    ("目前街道已配备网格员52名", True),
    ("目前已清退违规补贴资金8.2万元", True),
])
def test_lang_cues_stated_act_in_a_stock_sentence(text, act):
    """In a sentence that opens on how things stand, an arrangement word (划分, 配备) is no act unless stated as done."""
    from pipeline.lang.cues import stated_act

    assert stated_act(text, 0, len(text)) is act


@pytest.mark.parametrize("text,restated", [
    ("问题8:校办企业管理混乱。", True),  # the problem named under its number
    ("问题2:", True),
    ("问题3:局党组开展企业年报公示率提升行动,全县年报公示率达到93%。", False),  # the answer under the number (pairs_blind39 s6)
    ("问题:干部队伍老化。", True),
    # pairs_blind57 s3: 【问题5】 over 【整改情况】 restates as 问题5: does (it was one more place answering, and won)
    ("【问题5】未成年人检察办案团队人员配备不足。", True),
    ("【问题5】已组建未成年人检察办案团队,配备检察官3名。", False),
    ("【问题5:未成年人检察办案团队人员配备不足。", False),  # brackets that do not close: no number named
    # pairs_blind58 s1: 反馈指出:… under each 关于…的问题 heading restates it (it was a place, and outranked the answer)
    ("反馈指出:落实组织式减税降费政策存在偏差,部分小规模纳税人未及时享受增值税减免优惠。", True),
    ("巡察组指出,办税服务厅“一窗通办”推行不到位。", True),
])
def test_lang_cues_a_problems_number_restates_only_what_follows_it(text, restated):
    assert is_restated_problem(text) is restated


@pytest.mark.parametrize("text,restated", [
    ("下一步,我们将继续把整改抓紧抓实,坚决做到问题不解决不松劲、整改不到位不罢手。", False),  # a pledge (pairs_blind50 s3)
    ("今后,党支部将持续用力,防止问题反弹,确保整改不到位不收兵。", False),
    ("村务公开不及时,财务管理不规范。", True),  # a guard: the problem's own words
])
def test_lang_cues_a_sentence_opening_on_the_plans_restates_nothing(text, restated):
    assert is_restated_problem(text) is restated

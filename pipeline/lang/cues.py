"""Cue words: the one home for the phrases that tell what a sentence is doing.

Status of an action (done, ongoing, planned: ``models/status_cues.tsv``), the
forward-looking part of a report (下一步…), the inspection team's own voice
(巡视组要求/指出…), the lead-in of a problem list (主要是：…), and completion
stated as done (已…完成).  Stages import the patterns from here; none keeps a copy.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from pipeline.lang.dates import TIME_ONLY
from pipeline.lang.markers import CN_NUM, PROBLEM_NUMBER
from pipeline.lang.text import sentence_bounds, sentence_spans

# --------------------------------------------------------------------------- forward-looking part

#: A top heading that names the future (三、下一步工作打算 / 巩固整改成果 …).
FORWARD_TITLE = re.compile(
    r"下一步|下步|下一阶段|下阶段|今后|工作打算|努力方向|工作安排|巩固(?:拓展|深化)?(?:巡视|巡察)?整改成果|持续深化整改"
)
#: A part of a speech that owns up to the shortcomings (第二,清醒认识存在的差距和不足,切实增强…紧迫感): its items state
#: problems, no measures.  Not a report's 三、存在的不足, whose items tell how unfinished tasks stand (一是校办企业清理规范
#: 任务尚未完成。…应于9月底前完成,目前…仅注销1家), nor a part that answers them (二、针对存在的问题,逐项整改).
OWN_SHORTCOMINGS_TITLE = re.compile(r"(?:认识|看到|正视|查找|剖析)[^,。:]{0,8}?(?:问题|差距|不足|短板)")
#: The same cues in the lead sentences under a neutral heading (三、…\n下一步，我们将…).
FORWARD_LEAD = re.compile(
    r"下一步|下步|下一阶段|下阶段|今后|巩固(?:拓展|深化)?(?:巡视|巡察)?整改成果|持续深化整改|努力方向|工作打算"
)
#: The narrow set that marks a closing section as the plans part.
FORWARD_INTRO = re.compile(r"下一步|下步|下一阶段|下阶段|今后")
#: The plans told in a sentence, after a speaker's frame or not (陈立衡表示,下一步,桐溪县将从三个方面持续用力: /
#: 厅党组表示,下一步将对…建立整改台账): the plans' cue, then what will be.
FORWARD_SPOKEN = re.compile(rf"(?:[^,。;:]{{0,16}}?(?:表示|强调|指出|说),)?(?:{FORWARD_INTRO.pattern})[^。:]{{0,30}}?将")
#: A heading that names the plans part itself (六、下一步工作打算): an earlier 巩固整改成果 heading is then no plans part.
FORWARD_PLANS_TITLE = re.compile(FORWARD_INTRO.pattern + r"|工作打算|努力方向|工作安排")

# --------------------------------------------------------------------------- who speaks

#: The inspection team speaking (its requirements or findings reported by the unit), not the unit acting.
TEAM_VOICE = re.compile(r"(?:巡视|巡察)组(?:要求|指出|强调|建议|认为)|问题[^。]{0,10}主要(?:是|有|表现在)[:：]")

# --------------------------------------------------------------------------- problem lists

#: The lead-in of a list of problems written as one sentence (主要是：…, 发现以下问题：…).
PROBLEM_LIST_LEAD = re.compile(
    r"(?:主要(?:是|有|表现在|表现为|集中在|存在)|突出问题(?:是|有)|问题(?:主要)?(?:是|有)|发现(?:了)?(?:以下|如下)?问题)[::]"
)
#: The lead-in of concrete manifestations under a problem (具体表现为：…).
MANIFESTATION_LEAD = re.compile(r"具体表现(?:为|在|是)?[::]")

# --------------------------------------------------------------------------- completion

#: Completion stated as done (已…完成, 如期完成), not as a deadline's own verb (…前完成).
COMPLETED = re.compile(
    r"已(?:经)?(?:于[^,。;]{0,16})?(?:全部|基本)?(?:整改)?(?:完成|办结|销号|整改到位)|如期完成|按时完成|提前完成"
)
#: A progress line that opens by declaring the measure done (整改进展:已完成。…, 完成情况:已整改到位,…).
DONE_OPENING = re.compile(r"\s*(?:已(?:经)?(?:全部)?(?:整改)?完成|已整改到位|已办结|已销号|整改完成)")
#: A completion of a share of the work (已完成清查任务的65%, 已完成12个党支部中的7个): a part, not the whole.
PARTIAL_DONE = re.compile(r"[^,。;]{0,16}?(?:的)?\d+(?:\.\d+)?%"
                          rf"|[^,。;]{{0,16}}?(?:中|当中)的?[\d{CN_NUM}两]+(?:个|项|条|家|名|户|所|台|件|处)")
#: What a completion counts right after it (已完成1个工程的外业核查, 已完成3家): after the work was said unfinished,
#: the part of it that is done.
COUNTED_PART = re.compile(rf"(?:了)?[\d{CN_NUM}两]+(?:个|项|条|家|名|户|所|台|件|处|笔|人)")


#: The statuses of ``models/status_cues.tsv``; its other rows (``concrete``) are not a status.
STATUSES = ("done", "ongoing", "planned")
#: From this weight an ongoing row is decisive: the action is stated as only started or not
#: finished (启动, 筹建, 正在, 尚未, 仍在, 其余N项正在…), whatever else the text completed.
DECISIVE = 3


@lru_cache(maxsize=1)
def _cue_rows() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    rows = []
    raw = (resources.files("pipeline.models") / "status_cues.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, weight, pattern = line.split("\t", 2)
        rows.append((kind, int(weight), re.compile(pattern)))
    return tuple(rows)


@lru_cache(maxsize=1)
def status_cues() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """(status, weight, pattern) rows of ``models/status_cues.tsv``, in file order."""
    return tuple(row for row in _cue_rows() if row[0] in STATUSES)


@lru_cache(maxsize=1)
def unfinished_cue() -> re.Pattern[str]:
    """An action stated as not finished: the decisive ongoing rows of ``models/status_cues.tsv``."""
    rows = [pattern.pattern for status, weight, pattern in status_cues() if status == "ongoing" and weight >= DECISIVE]
    return re.compile("|".join(f"(?:{p})" for p in rows))


@lru_cache(maxsize=1)
def concrete_cue() -> re.Pattern[str]:
    """A concrete, checkable act (制定, 修订, 清退, 处分, 约谈, 完成 …): the ``concrete`` rows of
    ``models/status_cues.tsv``.  With a quantity, a date or a cited document it is what makes an
    answer more than generic words."""
    rows = [pattern.pattern for kind, _, pattern in _cue_rows() if kind == "concrete"]
    return re.compile("|".join(f"(?:{p})" for p in rows))


#: What denies the act right after it (尚未完成的整改任务, 未建立台账, 没有召开): no act done.
ACT_DENIED = r"(?:尚未|未能|没有|并未|从未|未)"
#: What forbids the acts after it in its clause (坚决杜绝在风景名胜区召开会议, 严禁违规发放), or pledges them (坚决做到发现
#: 一起、查处一起、通报一起): a rule or a resolve, no act done.
ACT_PLEDGED = re.compile(r"杜绝|严禁|禁止|不得|不准|做到")


@lru_cache(maxsize=1)
def _act_or_claim() -> re.Pattern[str]:
    """A completion claim (the ``claim`` rows, group ``claim``), an act denied (group ``denied``) or else a concrete
    act: a claim starting at or before an act's place takes its words (已完成整改 holds no 完成 act), and so does a
    denial (尚未完成的整改任务 holds none).  An act's word before 费 names a cost (培训费, 会议费), no act."""
    claims = [pattern.pattern for kind, _, pattern in _cue_rows() if kind == "claim"]
    act = f"(?:{concrete_cue().pattern})(?!费)"
    return re.compile(f"(?P<claim>{'|'.join(f'(?:{p})' for p in claims)})|(?P<denied>{ACT_DENIED}(?:{act}))|{act}")


def concrete_act(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` states a concrete act (:func:`concrete_cue`) outside a bare
    completion claim (已完成整改, 整改到位: the ``claim`` rows of ``models/status_cues.tsv``), not denied (尚未完成) and not
    pledged or forbidden in its clause (坚决做到发现一起、查处一起、通报一起)."""
    end = len(text) if end is None else end
    for m in _act_or_claim().finditer(text, start, end):
        if m.lastgroup in ("claim", "denied"):
            continue
        clause = max(start, *(text.rfind(c, start, m.start()) + 1 for c in ",。;:"))
        if ACT_PLEDGED.search(text, clause, m.start()) is None:  # …做到发现一起、查处一起、通报一起: all pledged
            return True
    return False


#: A clause stating how many of something there are, not what was done (目前学校共有中层干部236名, 现有省级工法
#: 12项, 村集体经济收入总额达到316万元): its figures describe the state of things and answer no problem.
STOCK_FRAME = re.compile(r"(?:目前|当前|现阶段)[,]?[^,。;:]{0,8}?(?:共有|拥有|有)|(?<![已])共有|现有|拥有"
                         r"|(?:总[额数量]|余额|规模|人数|数量)(?:已)?(?:达到|达|为)"
                         r"|占比(?:为|达到|达)?[\d.]")  # 全局专业技术人员占比38.6%: a share of what there is


#: A sentence that opens on how things stand now (目前局机关共设党支部3个,有党员56名,…; 目前,全镇14名村党组织书记
#: 平均年龄48.7岁,其中…; 目前,…45岁以下干部占比为21.6%,各单位中层岗位空缺共计37个): its later clauses
#: go on counting what there is, unless one states an act of its own.
STOCK_OPENING = re.compile(r"(?:[^,。;:]{0,8}:)?(?:(?:目前|当前|现阶段)[,]?(?:[^,。;:]{0,20}?(?:共|有|设)|[^,。;:]{0,24}?(?:平均|占比))"
                           # 卫生院党支部现有党员11名,其中…,入党积极分子1名: a subject and what it has
                           r"|[^,。;:]{0,16}?(?<!已)(?:现有|共有)"
                           # 截至2023年底,全省农村公路总里程达到11.2万公里,当年养护资金到位率为81.5%
                           r"|截至[^,。;:]{1,12},[^,。;:]{0,16}?(?:共|总|达到|为|余额|规模))")


#: A clause reporting how a unit performs, not what it did (2023年实现营业收入12.39亿元, 累计完成投资52.3亿元,
#: 研发投入强度为0.9%, 人均绩效较上年增长6.2%, 门诊次均费用286.4元): an indicator's value answers no problem,
#: whatever its verb.
PERFORMANCE = re.compile(r"(?:实现|完成)(?:营业|经营|主营业务)?(?:收入|利润|产值|营收)|营业收入|利润总额"
                         r"|(?:累计|年度)?完成(?:固定资产)?投资|投资完成率|研发(?:经费)?投入(?:强度)?"
                         # an average per case or head (门诊次均费用286.4元, 平均住院日7.2天): a rate of what there is
                         r"|次均(?:费用|药费)?|例均费用|平均住院日|人均(?:收入|费用|医疗费用|可支配收入)"
                         # an indicator's change, not the fall of what the problem was (检查考核次数同比减少45%: done)
                         r"|(?:收入|利润|产值|营收|绩效|产量|效益|营业额|到账经费)[^,。;]{0,6}?(?:同比|较上年|比上年|较去年)"
                         r"(?:增长|提高|下降|减少|上升)"
                         # a rate's rise (科研成果转化率较上年提高3.1个百分点): an indicator's change
                         r"|率(?:较上年|同比|比上年|较去年)(?:提高|提升|增长|上升)(?=\d)"
                         # a share's level (违法用地面积比例已降至8.6%): where things stand, no act
                         r"|比例(?:已)?(?:降至|降到|下降至|下降到|降低至|降低到|升至|提高到|提高至|提升至|提升到)"
                         # a rate's level (覆盖率为100%,签约率100%,考核结果兑现率100%): where things stand, no act
                         r"|(?:覆盖|签约|兑现|达标|知晓|满意|执结|执行|制定|转化|优秀|合格)率(?:均)?(?:为|达到|达|提升至|提高到|提高至)?(?=\d)"
                         # a share's level (“一次办好”事项占比达到95%以上)
                         r"|占比(?:均)?(?:为|达到|达|提升至|提高到|提高至)(?=\d)")
#: How a clause that only gives a change opens (…实现营业收入86.4亿元,同比增长12.7%): it goes with the clause before.
CHANGE_OPENING = ("同比", "较上年", "比上年", "较去年")


def _performance_only(text: str, a: int, b: int) -> bool:
    """Whether the clause ``[a, b)`` reports an indicator (:data:`PERFORMANCE`) and states no act beside it."""
    m = PERFORMANCE.search(text, a, b)
    return m is not None and not (concrete_act(text, a, m.start()) or concrete_act(text, m.end(), b))


def _bare_time_clause(text: str, a: int, b: int) -> bool:
    """A clause that is only when (2023年, / 2024年1—11月,): it dates the clause after it and says nothing itself."""
    return b - a <= 12 and TIME_ONLY.fullmatch(text, a, b) is not None



def stock_figure(text: str, start: int) -> bool:
    """Whether the figure (or date) at ``start`` sits in a clause that states a stock (:data:`STOCK_FRAME`)
    and no concrete act (清理白条单据136张: done; 共有合作社37家, 2023年收入总额达到316万元: how things stand),
    in the 其中… clause that breaks such a stock down (…共有中层干部236名,其中40岁以下22名), in a clause that
    reports an indicator (:data:`PERFORMANCE`), or in a clause without an act of a sentence that opens on a stock
    (:data:`STOCK_OPENING`, its parts after a ; too).  A clause that is only a date stands for the clause it dates."""
    a, b = sentence_bounds(text, start, ends=",;。\n")
    if _bare_time_clause(text, a, b) and text.startswith(",", b):  # 2023年,公司实现营业收入…
        a, b = sentence_bounds(text, b + 1, ends=",;。\n")
    s, e = sentence_bounds(text, start, ends=";。\n\t")  # a heading's line above, a ledger's next cell: no part of it
    whole = sentence_bounds(text, start, ends="。\n")[0]  # …共有中层干部87人;45岁以下32人: the stock goes on past ;
    for opening in dict.fromkeys((s, whole)):
        if (STOCK_OPENING.match(text, opening) and not _stock_clause_acts(text, opening, a, b, e)
                and not DONE_STATED.search(text, opening, e)):  # 截至10月底,收入分别达到6.2万元,空壳村已全部消除
            return True
    while text.startswith(("其中", "占", *CHANGE_OPENING), a) and a > 0 and text[a - 1] == ",":  # …现有青年教师62名,占总数的51.7%
        a, b = sentence_bounds(text, a - 1, ends=",;。")  # the clause it breaks down, however many 其中 stand between
    return STOCK_FRAME.search(text, a, b) is not None and not concrete_act(text, a, b) or _performance_only(text, a, b)


#: How things are arranged (配备, 设置): in a later clause of a sentence that opens on a stock, such a word names the
#: arrangement (目前,全街道共划分网格86个,配备网格员112名), unless it is stated as done (已配备, 配备了); other acts
#: count (目前全县共设便民服务站12个,今年建成标准化服务站5个).
_ARRANGEMENT = re.compile(r"配备|配置|设置|设立|划分")
_PERFECTIVE = re.compile(r"已|了|完成")


def _clause_act(text: str, a: int, b: int) -> bool:
    return concrete_act(text, a, b) and (not _ARRANGEMENT.search(text, a, b) or bool(_PERFECTIVE.search(text, a, b)))


def _stock_clause_acts(text: str, s: int, a: int, b: int, e: int) -> bool:
    """Whether the clause ``[a, b)`` of a sentence ``[s, e)`` opening on a stock states an act: the opening
    clause (its 目前 too) or one before it does, or this one does; in every clause an arrangement word names
    how things are arranged, not an act (目前,全镇共配备保洁员86名,设置垃圾收集点210个: :data:`_ARRANGEMENT`)."""
    if s >= a:
        return any(_clause_act(text, c, d) for c, d in sentence_spans(text, s, e, ends=",;。"))
    return any(_clause_act(text, c, d) for c, d in sentence_spans(text, s, a, ends=",;。")) or _clause_act(text, a, b)


def stated_act(text: str, start: int, end: int) -> bool:
    """:func:`concrete_act` for a sentence as evidence: in one that opens on a stock (:data:`STOCK_OPENING`), an act of
    a clause that names no arrangement, unless stated as done (目前,全街道共划分网格86个,配备网格员112名: none)."""
    if not STOCK_OPENING.match(text, start):
        return concrete_act(text, start, end)
    clauses = list(sentence_spans(text, start, end, ends=",;。"))
    return bool(clauses) and any(_clause_act(text, a, b) for a, b in clauses)  # 目前共划分网格46个、配备网格员52名: none


#: A meeting that studied and deployed the work (召开专题会议研究部署…工作, 召开党委会研究部署…): nothing done yet,
#: whatever the problem.
MEETING_ACT = re.compile(r"召开[^,。;]{0,12}?(?:会议|党委会|党组会|常委会|办公会)[^,。;]{0,6}?研究部署")
#: Acts any problem could be answered with, warning, pledging or studying papers (观看警示教育片3场次, 签订廉洁承诺书,
#: 讲专题党课, 召开会议专题学习…有关文件), and meetings: they answer a problem about learning, education or conduct
#: (:data:`GENERIC_TOPIC`; a :data:`MEETING_ACT` none), not one about receptions or subsidies.
#: Training on a subject (选拔任用政策法规培训) is not among them: it answers that subject.
GENERIC_ACT = re.compile(r"警示教育|廉洁教育|廉政教育|纪律教育|教育片|警示片|党课|谈心谈话|承诺书|廉洁承诺|学习《"
                         r"|专题学习|学习[^,。;]{0,16}?(?:文件|精神|讲话)"
                         rf"|{MEETING_ACT.pattern}"
                         # meetings, conveyed instructions and signed pledges only (召开党组会议12次专题研究…,
                         # 传达学习上级会议精神, 签订…责任书15份): the unit talked about the work, did none of it yet;
                         # not an assembly that decides (召开村民代表大会重新审议发包合同, a hearing, a review panel)
                         r"|召开(?![^,。;]{0,16}?(?:代表大会|代表会议|股东|听证|评审|论证|评标))[^,。;]{0,16}?"
                         r"(?:会议|大会|推进会|座谈会|部署会|党委会|党组会|常委会|办公会)|传达学习|责任书"
                         # how many such an act reached (覆盖干部职工260人次, 签订率100%, 参学率100%): its reach, no act
                         r"|覆盖[^,。;\d]{0,10}?\d+(?:人次|人|名)|(?:签订|参学|参训|知晓|参会)率")
#: A unit's words about its own attitude (高度重视, 深刻认识到…, 深刻汲取教训, 提高思想认识): said, they change nothing.
ATTITUDE = re.compile(r"高度重视|深刻认识|深刻汲取|提高(?:思想|政治)?认识")
#: What gives a stated intent substance: a figure, a date or a period, a cited document.
_SUBSTANCE = re.compile(r"\d|《|[年月]底|季度|上半年|下半年|[年月]内|[一二三四五六七八九十两]+[个项次名人家条篇]")


def hollow_pledge(text: str, start: int = 0, end: int | None = None) -> bool:
    """Attitude and intent only (医院党委高度重视,深刻认识加强医德医风建设的重要性,将进一步加强教育引导): the sentence
    names its attitude and no figure, date, document, concrete act or thing done: a weak answer, not a plan."""
    end = len(text) if end is None else end
    return (ATTITUDE.search(text, start, end) is not None and _SUBSTANCE.search(text, start, end) is None
            and not concrete_act(text, start, end) and DONE_STATED.search(text, start, end) is None)


#: The objects of the eight-point rules (中央八项规定), each a matter of its own: a problem about one (公务用车管理不规范,
#: 存在公车私用现象) is not answered by measures about another (修订《公务接待管理办法》), though both are 八项规定.
CONDUCT_OBJECTS: dict[str, re.Pattern[str]] = {
    "公务用车": re.compile(r"公务用车|公车|车辆|用车|加油卡|北斗"),
    "公务接待": re.compile(r"公务接待|接待|招待"),
    "办公用房": re.compile(r"办公用房"),
    "津贴补贴": re.compile(r"津贴|补贴|奖金"),
    "会议培训": re.compile(r"会议费|培训费|会议室"),
    "差旅": re.compile(r"差旅"),
    "礼品礼金": re.compile(r"礼品|礼金|购物卡|消费卡|红包"),
}


def conduct_objects(text: str) -> frozenset[str]:
    """The eight-point-rule objects ``text`` names (:data:`CONDUCT_OBJECTS`)."""
    return frozenset(name for name, pattern in CONDUCT_OBJECTS.items() if pattern.search(text))


#: A problem about what such acts do answer (理论学习不深入, 纪律意识不强, 培训不足, 作风不实).
GENERIC_TOPIC = re.compile(r"学习|教育|培训|党课|谈心|承诺|思想|意识(?!形态)|理论|作风|纪律|宣传")  # 意识形态: an object
#: The verb before a cited document that only abides by it (严格执行《党政领导干部选拔任用工作条例》, 认真落实《…》): the
#: document is no product of the rectification, as one made or revised (修订《…办法》) is.
ABIDES_BY = re.compile(r"(?:严格|认真|切实|坚决)?(?:执行|落实|贯彻|遵守|遵照|对照|依照)$")


# --------------------------------------------------------------------------- plans

#: A sentence that counts on from the one before it (另1家…, 其余4卷…, 剩余2笔…): it speaks of the same things.
COUNTS_ON = re.compile(r"\s*(?:另|其余|剩余|余下|其中)(?:[0-9]+|[一二三四五六七八九十两]+)")
#: A plan or a draft already made (已制定…工作方案, 已起草《…办法(征求意见稿)》): beside a plan for the act itself
#: (…,将于11月启动, …,计划提交9月份党委会审议), the one thing done is the planning.
PLAN_MADE = re.compile(r"已经?(?:制定|制订|拟定|形成|起草|草拟|研究制定)(?:了)?[^,。;]{0,30}?"
                       r"(?:方案|计划|草案|征求意见稿|初稿|送审稿|讨论稿)")
#: An action already stated as done (已…, …了) outweighs a plan cue in the same sentence; not the work put into a plan
#: (修水渠已经列进了村里的计划,…力争明年春耕前完工: scheduled, still to do), nor the plan made (:data:`PLAN_MADE`).
DONE_STATED = re.compile(rf"已(?!经?(?:列入|列进|纳入|排入|写入)[^,。;]{{0,12}}?(?:计划|规划|预算))(?!{PLAN_MADE.pattern[1:]})"
                         r"(?:经)?[\u4e00-\u9fff]|完成了|如期完成|按时完成")
#: Plan words beyond the status table's planned rows (its 将 needs a companion word: 将…纳入 is done).
#: What 正在 does before anything is done (正在研究制定…): planning, not the work itself.
_PLANNING = "研究|酝酿|谋划|论证|起草|筹划"
_PLAN_EXTRA = rf"拟|计划(?:于|在|到|年底|[0-9])|下一步|下步|力争|争取|确保[^,。;]{{0,12}}前|正在(?:{_PLANNING}|编制|征求意见)"


#: What a speaker or a notice demands be done (整改办要在9月中旬组织专项督查, 要每月至少调度一次, 务必): still to come.
DEMANDED = re.compile(r"要(?:在|于|每|把|对|按|确保|切实|进一步|坚持|持续)|务必|必须")


@lru_cache(maxsize=1)
def plan_cue() -> re.Pattern[str]:
    """Any plan cue: the planned rows of ``models/status_cues.tsv`` and a few plan words."""
    rows = [pattern.pattern for status, _, pattern in status_cues() if status == "planned"]
    return re.compile("|".join(f"(?:{p})" for p in rows + [_PLAN_EXTRA]))


def is_plan(sentence: str) -> bool:
    """A sentence that states a plan (将/拟/计划/下一步, 正在研究制定 …) and no action already done."""
    return bool(plan_cue().search(sentence)) and not DONE_STATED.search(sentence)


#: A ledger's 完成情况 cell that says only that the work is under way (正在推进, 持续推进, 按计划推进, 整改中) or not yet due
#: (未到期): nothing done yet that its 整改措施 cell could stand for.
UNDER_WAY_ONLY = re.compile(r"\s*(?:(?:正在|持续|稳步|加快|有序|按计划|按进度|按时序)?(?:推进|实施|落实|整改|办理)(?:中)?"
                            r"|(?:尚)?未到期)[。.]?\s*")


def nothing_done_yet(cell: str) -> bool:
    """Whether a ledger's 完成情况 cell says only that the work is under way or planned (按计划推进,拟于2023年11月启动
    竞聘 / 正在推进): every clause :data:`UNDER_WAY_ONLY` or a plan, nothing done that its 整改措施 could stand for."""
    clauses = [c for c in re.split(r"[,;。]", cell) if c.strip()]
    return bool(clauses) and all(UNDER_WAY_ONLY.fullmatch(c) or is_plan(c) for c in clauses)


def only_plans(text: str) -> bool:
    """Every clause of ``text`` states a plan (正在研究制定…方案,拟与…签订…,计划2025年上半年启动…): what a
    ledger's 完成情况 cell says when nothing has been done yet."""
    clauses = [c for c in re.split(r"[,;。]", text) if c.strip()]
    return bool(clauses) and all(map(is_plan, clauses))


# --------------------------------------------------------------------------- restated problems

#: A report's restatement of the problem it answers (问题表现：…, 存在问题：…, 反馈指出：…, 巡察组指出,…), not an action.
RESTATED_LEAD = re.compile(r"(?:问题表现|存在问题|主要问题|问题描述|具体表现|反馈问题|问题)[::]"
                           r"|(?:反馈意见|反馈|(?:巡视|巡察)组?)指出[::,]")
#: A heading that names the problem it answers (关于“…”问题的整改情况, 针对…的问题), after its number
#: when it has one (1.关于…, (一)关于…).
RESTATED_HEADING = re.compile(
    r"(?:(?:\d{1,2}[.、]|[(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)]|[一二三四五六七八九十]{1,3}、)\s*)?"
    r"(?:关于|针对)[^。]{0,80}问题(?:的整改(?:情况|落实情况)?)?[。]?$")
#: The name a report's heading gives the problem it answers (八、关于档案管理的问题 / (三)关于“灌溉渠道损毁”的问题):
#: group 1, quotes left out; not the feedback as a whole (关于巡察反馈问题的整改情况).
RESTATED_NAME = re.compile(r"(?:关于|针对)“?((?:(?!巡视|巡察|反馈|指出|上述|以上|整改)[^。,;:“”\n]){2,30}?)”?(?:的)?问题"
                           # a heading's end: the line (or a heading path's title) ends there, not a sentence going on
                           # (针对高标准农田建后管护问题,一是投入… names the matter its sentence handles, in a place of many)
                           r"(?:的?整改(?:落实)?情况|的?整改)?[。]?(?=\s|$)")
#: A place's note of the feedback problems it answers (（对应反馈问题第5项）, (对应问题清单第3、5项)): group 1, the numbers.
PROBLEM_REFERENCE = re.compile(r"[(]对应(?:巡视|巡察)?(?:反馈)?(?:意见)?(?:问题|清单)(?:清单)?(?:中的)?第?"
                               r"(\d{1,3}(?:[、,和及]\d{1,3})*)(?:项|个|条)?(?:问题)?[)]")
#: A heading that names the matter it answers in plain words, a village's 关于X的问题 (六、灌溉水渠的事。, 八、班子建设的事):
#: group 1, at a line's start or after a space (a heading path's title: 灌溉水渠的事 六、灌溉水渠的事。…), after its marker if
#: any, ended by 。, a space or the line's end.
MATTER_HEADING = re.compile(r"(?:^[ \t]*|(?<=[ \t]))(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|[(][一二三四五六七八九十\d]{1,3}[)])?"
                            r"“?([^\s。,;:“”]{2,20}?)”?的事(?:。|(?=\s)|$)", re.M)
#: A report's one sentence listing the feedback's problems (反馈指出的问题共3个方面11个具体问题,分别是:A;B;C。):
#: the list follows its colon.
RESTATED_LIST_LEAD = re.compile(
    r"(?:反馈|指出|发现)[^。:;]{0,30}问题[^。:;]{0,30}(?:分别是|主要是|具体是|主要有|具体有|包括|如下)[:]")
#: What opens the list of a verdict's own findings after its first sentence: a lead (主要表现在:, 主要是:, 存在…等问题)
#: (具体表现为: opens examples, manifestations of the heading's problem)
FINDINGS_LIST_LEAD = re.compile(r"(?:主要|突出)(?:表现在|表现为|是|有)[:]|存在[^。;]{2,}?等(?:[^。;]{0,6})?问题")
#: A plan the report says was not kept (原计划于…前完成, 原定…): its date is judged at the report's signing, not
#: at the date its figures refer to
MISSED_PLAN = re.compile(r"原(?:计划|定|要求)")
#: A date a plan still looks forward to, right before it (二是将于2023年12月31日前清收…, 拟于…, 计划于…): in a report
#: signed after that date, a plan that missed it.
STILL_AHEAD = re.compile(r"(?:将|拟|计划|预计|力争|争取)(?:于|在|到)$")
#: What a sentence about the rectification itself names (a report's preamble and overview: 根据…巡察工作
#: 统一部署…, 成立整改工作领导小组…, 32项整改措施已完成26项)
PROCESS_WORDS = re.compile(r"巡视|巡察|整改")
#: A finding a sentence handles, named by where it came from (对巡察移交的干警违规接受案件当事人宴请问题,…): the
#: sentence answers that finding, though it names the inspection.
NAMED_FINDING = re.compile(r"(?:巡视|巡察)(?:组)?(?:移交|指出|反馈|发现|交办)的[^,。;]{2,30}?问题"
                           # 对上轮巡视和审计发现问题整改情况开展“回头看”: an earlier round's findings, not this one's process
                           r"|(?:上轮|上一轮|上次|前次|历次|以往)(?:巡视|巡察)[^,。;]{0,10}?(?:发现|指出|反馈|移交)(?:的)?问题")
#: How a report says where a planned action stands so far (计划于明年6月前建成…,目前已完成设备招标): begun, not done.
PROGRESS_SO_FAR = re.compile(rf"(?:(?:目前|现已|截至目前|当前|现阶段)[,]?(?:已|正在(?!{_PLANNING})|完成)"
                             r"|截至[^,。;]{1,10}?[,]?已(?![经]?(?:计划|制定计划)))")  # 截至7月底已为3860户办理…
#: A plan for the rest, after how far the work has come (目前已选派6名…,计划年底前累计选派15名): under way.
REST_PLANNED = re.compile(r"(?:计划|预计|拟|力争|争取)[^,。;]{0,12}?(?:累计|剩余|其余|全部|全面|逐步)")
#: Where earlier findings come from: a previous inspection round, or an audit (上轮巡察, 审计发现).
_EARLIER_SOURCE = r"(?:(?:上轮|上一轮|上次|前次|历次|以往)(?:巡视|巡察)|巡视|巡察|(?:内外部|内部|外部)?审计(?:和监管检查)?)"
#: A problem about the rectification of earlier findings in general (上轮巡察反馈问题整改不彻底, 审计发现问题整改
#: 不到位), no field named between the source and 整改 (上轮巡察反馈的矿产资源出让收益问题 names one).
EARLIER_FINDINGS_PROBLEM = re.compile(
    rf"(?:对|落实)?{_EARLIER_SOURCE}(?:(?:反馈|指出|发现|提出)(?:的)?)?(?:问题)?"
    rf"(?:(?:和|及|、|等){_EARLIER_SOURCE}等?(?:(?:反馈|指出|发现|提出)(?:的)?)?(?:问题)?)*(?:等监督发现问题)?整改")
#: A clause that still speaks of those problems in general (个别问题反弹回潮, 屡审屡犯, 长效机制建设不足), not of a field.
ABOUT_THE_PROBLEMS = re.compile(r"问题|整改|屡[审查]屡犯|长效机制|反弹")
#: What a place answering such a problem names: the earlier round or the audit as a source of findings (审计指出的问题,
#: 审计整改, 审计署); not a 回头看 of this round's own rectification, nor an audit the unit has carried out now
#: (开展竣工结算审计, 审减工程款: an act of this round).
NAMES_EARLIER_FINDINGS = re.compile(r"上轮|上一轮|上次|前次|历次|以往"
                                    # 近三年审计、巡视发现的问题: the audit named beside the team as a source
                                    r"|审计(?=(?:[、和及](?:巡视|巡察))?(?:中|时|所)?(?:指出|发现|反馈|提出|查出|移交)|(?:的)?问题|整改|意见|报告"
                                    r"|署|局|厅|机关|部门)")  # 审计局指出: the body names the source already
#: The audit among those sources: a place naming only an audit answers a problem about audit findings, not one about
#: the earlier round's (…计划委托会计师事务所开展专项审计 answers no 上轮巡察整改不到位).
AUDIT_SOURCE = re.compile(r"审计")
#: The word an inspected unit's name ends with (县教育局, 柳湾村党支部, 市第一中学, 东湖街道党工委): a pattern
#: to build names with, not compiled.
UNIT_WORD = (r"(?:党委|党组|党工委|党总支|党支部|支部|委员会|[省市县区州旗]委|局|镇|乡|街道|社区|村|公司|集团|学校|医院|中心|学院|大学"
             r"|中学|小学|幼儿园|图书馆|博物馆|档案馆|文化馆|纪念馆|美术馆|科技馆|管理所|派出所|研究所|司法所|卫生院|法院|检察院"
             r"|研究院|设计院|管理处|办事处|林场|农场|供销社|信用社|联社|合作社|出版社|红十字会|总工会|文联|科协|侨联|妇联|团[省市县区]委)")
#: A sentence announcing the units a round reported to: 分别向A、B、C反馈 / 对A及所辖B、C开展了联动巡察.
UNITS_ANNOUNCED = re.compile(r"(?:分别)?(?:向|对)(?P<list>[^。;:\n]{4,160}?)(?:分别)?(?:集中)?(?:反馈|开展|进行)")
#: What joins the names of such a list; a conjunction (UNITS_LIST_AND) only after a whole name (市住房和城乡建设局党组
#: is one name).
UNITS_LIST_JOIN = re.compile(r"、|以及|,")
UNITS_LIST_AND = re.compile(r"及|和|与")
#: The closer of such a list after its last name (…、云溪镇新街社区等4个村(社区)党组织).
UNITS_LIST_CLOSER = re.compile(r"等\s*[0-9一二三四五六七八九十两]+\s*(?:个|家|所)[^、,]*$")
#: A heading line that is a unit's name (三、江丰物流供应链有限公司, 【桂园社区】): in a notice on several units, it opens one.
UNIT_HEADING = re.compile(rf"[^,。;:、]{{2,24}}?{UNIT_WORD}")
#: A unit's name as a round-up writes it: a name and the organ word(s) at its end (a pattern, not compiled).
UNIT_NAME = rf"[^,。;:、\s【】“”\"《》的及在]{{1,24}}?{UNIT_WORD}(?:{UNIT_WORD})*(?!织|组织)"
#: Where a round-up names a unit at a clause's start (after an optional reporting frame of the team).
UNIT_NAMED_AT = (
    # (县委第一巡察组)(在)向U反馈(时) / 对U反馈指出 / 同时向U反馈了巡察情况
    re.compile(rf"(?:[^,。;:]{{0,20}}?巡[视察]组)?(?:在|同时|还|也)?(?:向|对)(?P<unit>{UNIT_NAME})反馈"),
    # 对U开展提级巡察后
    re.compile(rf"(?:[^,。;:]{{0,20}}?巡[视察]组)?对(?P<unit>{UNIT_NAME})开展[^,。;:]{{0,8}}?巡[视察]"),
    # U: (a label)
    re.compile(rf"(?P<unit>{UNIT_NAME}):"),
    # U存在的主要问题: / U主要存在 / U存在以下问题 / U的问题主要是 / U主要问题是
    re.compile(rf"(?P<unit>{UNIT_NAME})(?:存在的(?:主要)?问题|(?:主要)?存在(?:以下|如下)?(?:问题)?|的(?:主要)?问题(?:主要)?(?:是|有)"
               r"|(?:的)?主要问题(?:是|有)|巡[视察]发现的(?:主要)?问题)"),
)
#: What may not follow a bare subject: the name is then one of a list, or a person's office (书记), or a demand.
NOT_AFTER_A_UNIT_SUBJECT = re.compile(r"[、和及与]|书记|主要负责|负责人|要|的")
#: A name that is not an inspected unit of the round: its parts, others' units, a kind of unit.
NOT_AN_INSPECTED_UNIT = re.compile(r"^(?:所属|下属|所辖|下辖|各|部分|个别|有的|一些|其|该|本|被巡|巡[视察]|对|在"
                                   r"|[一二三四五六七八九十]+是|首先|其次|再次|最后|此外|同时|另外)"
                                   r"|^[一二三四五六七八九十两几]+[家个所]")
#: The organ words a bare back-reference is made of (镇党委, 学院党委, 局党组).
UNIT_ORGAN_WORDS = re.compile(rf"(?:{UNIT_WORD}|党|本)+")
#: The party organ or leadership body at the end of a unit's name (县医保局党组, 市委(党组), 柳湾村党支部, 滨江市委): what
#: two names of one unit may differ by, and what a back-reference (局党组) keeps of the name.
PARTY_ORGANS = (r"(?:领导班子|党委\(党组\)|党组|党委|党工委|党总支|党支部|总支部委员会|支部委员会|工作委员会"
                r"|委员会|支部|(?<=[省市县区州旗])委)")
PARTY_ORGAN_END = re.compile(PARTY_ORGANS + "$")
#: The same after a name as a list announced it (桐木村 → 桐木村党总支, where a paragraph names the unit so).
PARTY_ORGAN_AFTER = re.compile(PARTY_ORGANS)
#: A sentence that closes a problem's block with the verdict on the whole problem (该问题已基本完成整改。):
#: about the problem, not about the last action item it follows.
PROBLEM_VERDICT = re.compile(r"(?:该|此|上述|以上|这一|这个)(?:项|个)?问题(?:已|正在|目前|仍|基本|尚|均|全部)")
#: A report's restatement of a feedback problem in quotes (关于“……”问题的整改, 针对“……”等问题): the quoted text.
QUOTED_RESTATEMENT = re.compile(r"(?:关于|针对)“([^”]{4,120})”(?:等)?(?:的)?问题")
#: The same without quotes, as a numbered heading of its own (3.关于城镇燃气安全监管存在薄弱环节的问题,
#: followed by the line's end, 。 or 整改情况:): the problem between 关于 and the last 的问题; a field's
#: heading ((一)关于党的领导弱化方面的问题) is an aspect, not a problem.
NUMBERED_RESTATEMENT = re.compile(
    r"^[ \t]*(?:\d{1,2}[.、]|[(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)])\s*(?:关于|针对)(?!“)"
    r"([^“”。\n]{4,120})(?<!方面)的问题(?=。|[ \t]*$|整改)", re.M)
#: Shortfall wording of a problem statement (the feedback's voice).
SHORTFALL = re.compile(
    r"不够|不到位|有差距|有落差|不充分|不扎实|不严格|不规范|不健全|不完善|不及时|落实不力|不力|薄弱|短板|"
    r"流于形式|偏松偏软|把关不严|存在[^,。;]{0,20}(?:问题|现象|苗头|隐患|漏洞)"
)
#: A block's line that says how far its measures have come (问题3:… / 整改措施:… / 整改进展:已完成。…): part of the
#: measure above it, and what its status is read from, as a ledger's 完成情况 cell.
PROGRESS_FIELD = re.compile(r"(?:整改进展|进展情况|完成情况|推进情况|整改进度)[::]")
#: The problem line that opens a record written one field a line (问题:… / 问题3:… then 整改措施:…, 完成情况:…).
RECORD_PROBLEM = re.compile(r"[ \t\u3000]*(?:问题|存在问题|反馈问题)(?:[\d一二三四五六七八九十]+)?[::]")
#: Where a report's account of actions begins after a restated problem (整改情况：…).
ACTION_LEAD = re.compile(r"(?:整改情况|整改措施|整改落实情况|整改进展|落实情况)[::]")


#: Shortfall wording that describes whom or what an act was on (对2名履职不力的村干部进行诫勉谈话), not a
#: shortfall stated: a noun follows it (…不到位的问题 still states one).
_ATTRIBUTIVE = re.compile(r"的(?!问题|情况|现象|地方)")


def _progress_stated(body: str) -> bool:
    """Whether ``body`` holds a done or ongoing cue (models/status_cues.tsv): what a restated problem never has."""
    return any(pattern.search(body) for status, _, pattern in status_cues() if status in ("done", "ongoing"))


def is_restated_problem(sentence: str) -> bool:
    """A sentence that restates a problem: a problem lead-in, or shortfall wording (not an attribute of what
    an act was on) with no action cue; never one that opens on the plans (下一步,…坚决做到问题不解决不松劲、整改
    不到位不罢手: a pledge)."""
    body = sentence.strip()
    if FORWARD_INTRO.match(body):
        return False
    if numbered := PROBLEM_NUMBER.match(body):  # 问题3:… names the problem by number: what follows it says which
        body = body[numbered.end():].strip()  # (问题8:校办企业管理混乱。 restates; 问题3:开展…行动,… answers)
        return not body or bool(SHORTCOMING_STRONG.search(body)) and not _progress_stated(body)
    if RESTATED_LEAD.match(body) or RESTATED_HEADING.match(body):
        return True
    if body.rstrip("。").endswith("问题") and SHORTCOMING_STRONG.search(body) and not _progress_stated(body):
        return True  # (六)X管理不严问题。
    if not any(not _ATTRIBUTIVE.match(body, m.end()) for m in SHORTFALL.finditer(body)):
        return False
    return not _progress_stated(body)
# --------------------------------------------------------------------------- feedback notices
# The parts of an inspection feedback notice (巡视/巡察反馈情况): only the findings are issues.
# Each table is a small pattern over normalized, simplified text (ASCII , ; : ( )).

#: A strong shortcoming cue (the fallback keeps only sentences that carry one of these).
SHORTCOMING_STRONG = re.compile(
    r"不到位|不够|不足|不严|不实|不力|不强|不高|不深|不细|不紧|不充分|不规范|不完善|不健全|不彻底|不及时|不经常|不积极|不主动"
    r"|不均衡|不合理|不相称|不清|不畅|不全|不明显|不扎实|不尽如人意|不精准|薄弱|弱化|缺失|缺位|缺乏|滞后|迟缓|缓慢"
    r"|差距|短板|漏洞|隐患|盲区|流于形式|走过场|宽松软|偏松|偏软|偏宽|偏弱|偏低|较为突出|问题突出|风险突出|时有发生"
    r"|仍有发生|屡禁不止|禁而未绝|依然存在|仍然存在|混乱|松散|松弛|失之于宽|乏力|有待|打了折扣|打折扣|反弹|跟不上"
    r"|层层递减|违规|虚假|冒领|挤占|挪用|套取|拖欠|说了算|真空"
    r"|粗放|缺少|脱节|虚化|空转|淡化|淡薄|不正常|边缘化|走样|变形|失职|失责|失察|懈怠|不作为|慢作为|乱作为|不担当|推诿|扯皮|拖延"
    r"|侵占|贪污|受贿|吃拿卡要|优亲厚友|跑冒滴漏|错发|漏发|超标准|超范围|浪费|铺张|闲置|积压|未批先建|先建后批|久拖不决"
    r"|不优|不宽|短缺|空壳|乏人|后继无人|青黄不接"
    # 11项制度有4项未有效执行; 制度建设“重建轻用”, 重业务轻党建: one side done at the other's cost; 落实部署有偏差
    r"|未有效|重(?:建|建设|业务|发展|经济|数量|形式|审批|硬件|投入|部署|制定)轻|(?:有|存在|出现)(?:一定)?偏差"
)
#: Words that state a shortcoming only weakly alone (问题, 风险, 少, 难 …); SHORTCOMING is them or a strong cue.
_SHORTCOMING_WEAK = (
    r"不到位|不够|不足|不严|不实|不力|不强|不高|不深|不细|不紧|不准|不充分|不规范|不完善|不健全|不明确"
    r"|不彻底|不及时|不经常|不平衡|不均衡|不合理|不匹配|不相称|不相匹配|不科学|不清|不畅|不全|不佳|不明显"
    r"|不扎实|不透明|不达标|不严肃|不一|不尽如人意|不精准|不系统|不灵活|不到底|不齐全|不严谨|不容忽视"
    r"|薄弱|弱化|缺失|缺位|缺乏|缺口|缺配|欠缺|欠账|滞后|迟缓|缓慢|较慢|偏慢|差距|落差|短板|漏洞|隐患|盲区|空白|空档"
    r"|流于形式|走过场|宽松软|偏松|偏软|偏宽|偏弱|偏低|偏少|偏多|偏高|偏长|偏轻|偏差|较多|较大|突出|时有发生|仍有发生"
    r"|屡禁不止|屡查屡犯|禁而未绝|依然存在|仍然存在|仍存在|多发|易发|混乱|松散|松弛|随意|失之于宽|乏力|有待|亟待|未能"
    r"|未按|未及时|长期未|未严格|未落实|未达到|未完成|未建立|未形成|未实质|未整改|未经|未被|没有|尚未|违规|违反|违法|套取"
    r"|挤占|挪用|虚报|冒领|截留|拖欠|反弹|回潮|打折扣|两张皮|形式主义|官僚主义|四风|跟不上|久拖|层层递减|上热下冷"
    r"|温差|风险|问题|现象|失衡|失真|老化|断档|流失|闲置|低效|亏损|空转|不多|少|难|慢"
)
SHORTCOMING = re.compile(SHORTCOMING_STRONG.pattern + "|" + "".join(_SHORTCOMING_WEAK))
#: A news item's byline (本报记者 林某 通讯员 董某): the reporters' names, never a heading.
BYLINE = re.compile(r"(?:本报|本台|本刊|新华社|人民网)?(?:特约|见习)?(?:记者|通讯员)[ \u3000]*[\u4e00-\u9fff]{2,4}(?:[ \u3000]|$)")
#: Praise of the inspected unit (肯定成绩): never a finding.
PRAISE = re.compile(
    r"取得(?:了)?[^。;]{0,16}(?:成效|成绩|成果|进展|突破)|做了(?:大量|一些|许多|不少)?(?:的)?工作|发挥了[^。;]{0,10}作用"
    r"|给予(?:了)?肯定|充分肯定|肯定了|有所(?:提升|改善|提高|增强)|稳步(?:增长|提升)|持续(?:巩固|改善|提升)|不断增强"
    r"|总体改善|面貌有所|明显成效|积极成效|积极进展|成效明显"
)
#: A demand or suggestion of the team (要求/建议/强调…, 提出…意见): opens the demands part.
DEMAND_LEAD = re.compile(
    # an opening 针对存在的问题, may stand before it, and a connective before that (同时,巡察组对…提出了整改建议:)
    r"^(?:(?:同时|此外|另外|最后),)?(?:(?:针对|对于|就)[^,。;:]{0,20},)?[^,。;:]{0,30}?"
    r"(?:(?:(?<![的照])要求|强调|建议|希望|提醒|指出要|提出(?:了)?[^,。;:]{0,16}?(?:意见|要求|建议))(?:如下)?[,:]"
    r"|(?:提出(?:了)?|作出(?:了)?)[^,。;:]{0,16}?(?:整改)?(?:意见|要求|建议)"
    r"|提[几两三四五六]点(?:意见|要求|建议)"  # 下面我提几点要求。一是…: a speech's demands
    r"|(?<![的照])要求[^,。;:]{2,20}?(?:要|务必|必须)(?!求)"  # 巡察组要求各村党组织要建立…
    r"|提出[,:](?=[^,。;:]{0,30}?(?:要|务必|必须)(?!求))"  # 巡视组提出,国家地质勘探局党组要坚持…
    r"|(?:巡视|巡察)组(?:还|同时|并)?要求(?![^,。;:]{0,16}?的))"  # 针对上述问题,巡察组要求医院党委切实履行…
)
#: A sentence that is itself a demand: 要…, 一要…, 一是要…, …要在2个月内…报送.
DEMAND_SENTENCE = re.compile(
    r"^(?:同时|另外|此外)?[,]?(?:要|必须|务必)|^[一二三四五六七八九十]+(?:是)?要|^(?:首先|其次|再次|最后)要"
    # a party organ told what to do: 镇党委要切实履行主体责任, 学校党委要认真对照…
    r"|^[^,。;:]{0,20}?(?:党委|党组|党工委|党支部|党总支|支部|领导班子)要(?:切实|认真|进一步|持续|严格|坚持|坚决|加强|深入|全面|履行|落实|以此次|以巡察|以巡视)"
    # the unit told in plain words (下一步,你村要对照上面这些问题一条一条抓整改)
    r"|^(?:下一步,)?[^,。;:]{0,8}?(?:你村|你们|你单位|你镇|你乡|你局|贵单位)要(?!求)"
    r"|要在[^。]{0,12}内|(?:整改(?:落实)?情况|整改报告)[^。]{0,20}(?:报送|报告|向社会公开|公布)"
    # what is to be done about one object: 对违规发放的津补贴,要于2024年3月31日前全部清退到位
    r"|^(?:对于|对|针对)[^,。;:]{2,30},(?:[^,。;:]{1,8}?)?(?:要|必须|务必|应当|限期)(?!求)"
    # a speaker's demands after a colon: …周国平提出:首先要提高思想认识, …强调:一要…
    r"|:(?:首先|一是|第一[,]?|一)?要(?!求)"
    # a request to the unit (请公司党委对照问题清单,认真制定整改方案…), and a must after its object
    # (整改要求中明确了时限的事项,须按时限完成)
    r"|^请[^,。;:]{0,16}?(?:党委|党组|党工委|党支部|党总支|领导班子|公司|单位)"
    # a speaker's hope for the unit (希望县医疗保障局党组以这次巡察为契机,真正把问题改到位)
    r"|^希望[^,。;:]{0,20}?(?:党委|党组|党工委|党支部|党总支|领导班子|公司|单位|同志们|大家)"
    r"|,(?:须|必须|务必)(?:按|在|于)"
)
#: A demand's modal before its deadline (要…于…前完成, 务必在…前, 须于…前, 应于…前).
DEADLINE_MODAL = re.compile(r"要|务必|必须|须|应当|应(?=[于在])|限期")
#: The modal right before a time limit a problem's own text sets (…长期未动态调整,要在2个月内整改到位): 要在/要于,
#: the team's 要求于 (巡察组要求于2021年8月底前完成整改), not 按要求于 (未按要求于2022年底前完成: a date the unit
#: missed, stated as the shortcoming); the unit's own plan the finding says it missed (原定…前完工) holds it to that date.
OWN_DEADLINE_MODAL = re.compile(r"(?:(?<![需主重只])要|务必|必须|须|应当|限期)[在于]?$|(?<![按照])要求[在于]$"
                                # 原定2023年9月底前完工,至巡察时仍未竣工: the unit's own date, already missed
                                r"|原(?:计划|定)[在于]?$")
#: A demand's reference to a problem by its number (对问题六中多收的费用, 第3个问题, 第二项问题, 第(3)项问题): that problem's demand.
NAMED_PROBLEM = re.compile(rf"问题([{CN_NUM}\d]{{1,3}})(?![\d{CN_NUM}个项条])|第[(]?([{CN_NUM}\d]{{1,3}})[)]?(?:个|项|条)问题")
#: A demand for the problems not named before it (对问题2、问题4要立行立改,…;其余问题要在3个月内整改完成): all the others'.
REST_OF_PROBLEMS = re.compile(rf"(?:其余|其他|剩余|余下)(?:的)?(?:[{CN_NUM}\d]{{1,3}}个)?问题")
#: What a deadline is for when it is the report's (于2个月内报送整改情况报告, 将整改方案报县委巡察办): no problem's.
REPORT_DUE = re.compile(r"报送|上报|报告|提交|报[县市省区州]|报巡")
#: A heading over the demands part (三、整改意见): the findings end before it.
DEMAND_HEADING = re.compile(r"(?:整改|工作|有关)?(?:意见建议|意见|要求|建议)$|^下一步|^整改(?:工作)?要求")
#: The heading of a report's overview (一、整改工作总体情况, 一、整改进展总体情况, 一、集中整改总体进展): the unit's
#: account of its work as a whole, no measure answering a problem.
OVERVIEW_TITLE = re.compile(r"总体(?:情况|进展)")
#: The heading of the unit's own rectification work (二、整改工作开展情况, a 通报 quoting the feedback in its 一、):
#: like the demands, the end of the findings part.
RECTIFICATION_HEADING = re.compile(r"^(?:巡[视察])?整改(?:工作)?(?:开展|落实|推进)?(?:情况|进展(?:情况)?|成效)$")
#: Problem clues handed to the discipline or personnel organs (移交/转交…线索).
CLUE = re.compile(r"线索[^。]{0,40}(?:移交|转交|移送)|(?:移交|转交|移送)[^。]{0,20}线索"
                  # 处理/办理 only as the handover's (线索已按规定…处理): a finding may speak of how clues were
                  # handled (对问题线索初核后多以查无实据了结,…处理仅3人次)
                  r"|线索[^。]{0,24}?按(?:照)?(?:有关)?(?:规定|程序|要求)[^。]{0,24}(?:处理|办理|处置)"
                  # letters taken in, unless the sentence reports the team's work (个别谈话…,受理来信来电来访…件次) or
                  # how the unit handled its own (受理的14件信访举报中,有5件超过规定期限未办结: a finding)
                  r"|^(?![^。]*(?:个别谈话|调阅|下沉|未办结|未答复|未回复|超过规定期限|超期|逾期))"
                  r"[^。]*?受理[^。]{0,20}(?:来信|信访|举报)"
                  # what the team was told and handed on (巡察组还收到反映其他方面的问题,已按有关规定转交…处理)
                  r"|(?:收到|受理)[^。,]{0,10}反映[^。]{0,40}?已(?:经)?[^。,]{0,10}?(?:移交|转交|移送)")
#: Clues already handed over (巡察发现问题线索6件,涉及违规使用…,已按程序移交县纪委监委): a clue, whatever
#: shortcomings its subjects name.
CLUE_HANDED = re.compile(r"(?:线索|(?:收到|受理)[^。,]{0,10}反映)[^。]{0,40}?已(?:经)?[^。,]{0,10}?(?:移交|转交|移送)")
#: The unit's pledge (表态).
PLEDGE = re.compile(r"^[^。]{0,40}?(?:表示|表态)[,:]|作(?:了)?表态发言,表示|^[^。]{0,40}?表示[^。]{0,6}(?:将|完全|诚恳|坚决)"
                    r"|照单全收")  # 我们对巡察反馈的问题照单全收,马上就改
#: The meeting report: the round, the dates, who chaired and attended.
MEETING = re.compile(
    r"^(?:根据|按照|为深入)[^。]{0,30}(?:部署|安排|要求)|(?:开展|进行)(?:了)?[^。]{0,12}(?:巡视|巡察)(?:$|[,。])|反馈(?:了)?(?:巡视|巡察)(?:情况|意见)"
    r"|主持(?:会议|反馈会)|(?:出席|参加|到会)(?:会议|反馈会)?(?:$|[,。并])|反馈会(?:议)?(?:上|前)?[,]|传达了|通报了[^。]{0,6}情况"
    r"|接受[^。]{0,16}(?:巡视|巡察)组?反馈"
)
#: The team's own focus and work (聚焦/紧盯…, 个别谈话…): never a finding.
FOCUS = re.compile(r"聚焦|紧盯|紧扣|个别谈话|调阅|下沉(?:了解|走访)?|实地走访|深入查找|有力有序开展"
                   # the team's own tally of what it received (巡察组共收到居民反映的问题46件)
                   r"|(?:巡视|巡察)(?:组)?(?:共|累计)?(?:收到|受理|接收)(?:了)?[^。,;]{0,12}?(?:来信|来电|来访|信访|反映|举报)")
#: The team's tally of its own work (个别谈话186人次, 调阅文件资料1.2万余份, 受理来信来访413件次): a sentence holding it
#: tells how the inspection went, whatever shortcomings it names as its focus (聚焦党的领导弱化…等问题,共听取…).
WORK_TALLY = re.compile(r"(?:个别谈话|谈话了解|调阅|查阅|受理|听取)[^。;,]{0,12}?[\d一二三四五六七八九十百千万.余多]+(?:人次|份|件次|件|次|卷|册)")
#: A finding stated as already put right (经核查已整改到位, 巡察组予以认可, 边巡边改): no finding of this round,
#: unless something is still wrong after it (仍有2个整改不彻底).
RESOLVED = re.compile(r"已(?:经)?(?:全部|基本)?(?:整改(?:到位|完成|完毕|销号)|完成整改)|已自行整改|予以认可|边巡边改|立行立改"
                      r"|已[^,。;]{1,12}?并(?:已)?完成整改"  # 部门已制定专项方案并完成整改
                      r"|已(?:在)?(?:巡视|巡察)期间(?:整改|纠正|追回|退回|收回|清退)"  # 部分已在巡察期间整改:追回…
                      # 巡察期间,县医疗保障局已追回违规使用的医保基金112.3万元: put right while the team was there
                      r"|^(?:巡视|巡察)期间,(?![^。]{0,16}?(?:发现|指出|了解到|反映))[^。]{0,20}?已(?:经)?"
                      r"(?:追回|退回|收回|清退|整改|办结|解决|纠正)")
STILL_WRONG = re.compile(r"仍|尚|但|还有|不彻底|反弹|未整改")
#: The team saying what it looked at (巡察组聚焦…,紧盯“空气粮”等问题): the focus, whatever problem words it names.
TEAM_FOCUS = re.compile(r"^(?:[^,。;:]{0,10}?(?:指出|介绍|通报|说)[,:])?(?:(?:巡视|巡察)(?:期间|中)[,])?"  # 罗建军指出,巡察期间,
                        r"[^,。;:]{0,12}?(?:巡视|巡察)(?:组|工作)?[^,。;:]{0,4}?(?:聚焦|紧盯|紧扣)"
                        r"|^[^。;:]{0,20}?(?:巡视|巡察)组(?:以|按照|坚持)[^。;:]{0,16}?,(?:聚焦|紧盯|紧扣|(?:紧紧)?围绕)"  # 巡视组以党章为尺子,紧扣…
                        # 唐国庆指出,巡视组按照省委要求,紧紧围绕…的问题,着力发现…等方面的问题: the focus formula
                        r"|^[^。;:]{0,20}?(?:巡视|巡察)组[^。;:]{0,60}?,着力(?:发现|查找)"
                        # 魏长庚指出,巡视工作坚持以…为…,紧扣“六项纪律”,紧盯党的领导弱化…问题: how the inspection works
                        r"|^(?:[^,。;:]{0,10}?(?:指出|介绍|通报|说|强调)[,:])?(?:这次|此次|本轮)?(?:巡视|巡察)工作(?:坚持|以|按照|始终)"
                        r"[^。;:]{0,80}?(?:紧盯|紧扣|聚焦|(?:紧紧)?围绕)")
#: What the team checked, as questions (重点检查党的领导是否弱化、党的建设是否缺失; the early central formula 这轮巡视
#:着力发现领导干部是否存在权钱交易…): its focus, not findings.
CHECKED_WHETHER = re.compile(r"(?:重点(?:检查|了解|查看|监督|看|发现|查找)|着力(?:发现|查找))[^。;]{0,40}?是否")
#: The team saying what it will look at (巡察组将…重点围绕以下方面开展监督:一是聚焦…): a mobilisation's focus list.
TEAM_PLAN = re.compile(r"(?:巡视|巡察)(?:组|工作)?将[^。:]{0,40}?(?:监督|检查|了解)|围绕[^。:]{0,20}?开展(?:监督|检查)")
#: A report of disciplinary cases (…被开除党籍, 5名干部受到党纪处分, 查处腐败案件14件): another unit's lesson
#: or the discipline organs' work, not a finding of the inspected unit.
CASE_REPORT = re.compile(r"(?:被|受到|给予)(?:开除党籍|党纪(?:政务)?处分|立案审查|移送司法机关)|被判(?:刑|处)"
                         r"|查处[^。,;]{0,20}?(?:案件|问题)[\d一二三四五六七八九十]+(?:件|起)"
                         r"|通报了[^。,;]{0,24}?典型案例")  # 巡察组还通报了近年来全系统查处的典型案例
#: A speaker's tag before a broadcast's quoted words ((同期声·巡察组组长 孙慧敏)…): no part of what is said.
SPEAKER_TAG = re.compile(r"[(](?:同期声|现场声|画外音|采访)[^()]{0,30}[)]"
                         r"|[ \t]*(?:问|答)[:]"  # an interview's turns (问:巡察发现了哪些问题? 答:巡察组要求…)
                         # a transcript's stage direction ((翻页), (有人咳嗽), (停顿), (掌声)): nobody's words
                         r"|[(](?:翻页|停顿|掌声|笑声|有人咳嗽|会场安静|调试话筒)[)]")
#: A sentence asked, not stated (医院发展定位是否充分体现了中医药特色优势?): the team's question to think over.
QUESTION = re.compile(r"[ \t]*\?")  # matched where the sentence ends
#: Closing lines: contact, publication, source.
#: (未按规定向社会公布 is a finding: a publication missed, not the notice's own call to publish)
CONTACT = re.compile(r"联系电话|邮政信箱|邮编|欢迎[^。]{0,30}监督|本文转载|来源[:]"
                     r"|(?<![未不])(?<!没有)(?<!未按规定)(?<!未及时)(?<!未按要求)向社会(?:公开|公布)|进行监督")
#: A clause that announces the findings instead of stating one (发现了一些问题, 存在以下问题, 主要是).
_QUANT = r"(?:一些|以下|如下|不少|若干|这些|存在的|巡[视察](?:中)?发现的|[\d一二三四五六七八九十]+个方面(?:[\d一二三四五六七八九十]+个)?|[\d一二三四五六七八九十]+个)"
#: The team's findings taken as the object of what the sentence does with them, before its colon: a lead
#: whatever its last clause says (巡察组把发现的问题按性质归类,请…对照认领、逐项整改: / 将巡视指出的问题梳理为三个方面:)
FINDINGS_HANDED_ON = re.compile(r"(?:把|将)(?:这次|此次|本次|本轮)?(?:巡视|巡察)?(?:组)?(?:发现|指出|反馈)(?:的)?(?:主要)?(?:问题|不足)")
PROBLEM_LEAD_META = re.compile(
    rf"(?:存在|有)(?:了)?{_QUANT}[^,。:;、]{{0,8}}?(?:主要|突出|具体)?(?:问题|不足|差距|短板)(?:(?:和|与|及)(?:问题|不足|差距|短板))?"
    r"(?:主要)?(?:是|有|如下)?(?:以下几个方面|以下几点)?$"
    rf"|(?:发现|指出|点出|查出|列出|反馈|梳理出?|摘要)(?:了|出)?(?:的)?(?:主要|突出)?{_QUANT}?[^,。:;、]{{0,8}}?(?:主要|突出|具体)?(?:问题|不足|差距)"
    r"(?:主要)?(?:是|有|如下|集中在[^,。:]{0,10})?(?:以下几个方面|以下几点)?$"
    r"|主要(?:是|有|集中在[^,。:]{0,10}|表现(?:在|为))$|(?:具体)?如下$|以下几(?:个方面|点)$"
    r"|(?:反馈|发现|指出|查出)(?:了)?问题[\d一二三四五六七八九十两]+(?:个|项|条)$"  # 此次共反馈问题7个
    # …共反馈问题11个,其中上轮…整改不到位的5个、“回头看”新发现的6个,具体是: the count broken down, and its colon
    r"|^其中[^,。:;]*?的[\d一二三四五六七八九十两]+(?:个|项|条)(?:[、,][^,。:;]*?的[\d一二三四五六七八九十两]+(?:个|项|条))*$"
    r"|^(?:具体|分别)(?:是|有|为|如下)$"
    r"|存在的(?:主要|突出)?(?:问题|不足)(?:主要)?(?:是|有|如下)?$"  # 该公司存在的主要问题有: / …方面存在的问题:
    r"|^(?:共性|个性|主要|突出)?问题(?:分别|主要)(?:是|有|如下|表现(?:在|为))$"  # 个性问题分别是: (the units' own below)
    r"|^(?:但|但是|可)?问题(?:也|还)不少$"  # (在经费管理上,)问题也不少 / …做了不少实事,但问题也不少: a speaker's lead (not …瑕疵问题较多, a finding)
    r"|在以下(?:几个)?方面[^,。:;]{0,12}?(?:问题|不足|差距|短板)$"  # 学院党委在以下方面还存在问题和不足:
    r"|(?:发现|反馈)问题清单$"  # 市委机动巡察组巡察…发现问题清单: a list's title
    # 巡察组指出了X在党的领导、党的建设…4个方面11个问题: a count announced after the fields it names (not after
    # findings closed by 等: 反馈了A不到位、B松散等3个方面9个问题 lists them)
    r"|(?:发现|指出|反馈|梳理出?)(?:了)?[^,。:;等]{0,60}?[\d一二三四五六七八九十]+个(?:方面)?(?:[\d一二三四五六七八九十]+个)?(?:具体)?问题$"
)
#: The generic gap a praise sentence turns to (…做了大量工作,但对照…要求,仍有不小差距): it announces findings, states none.
PRAISE_TURN_GAP = re.compile(r"(?:仍|还|也)?(?:有|存在)(?:不小|一定|较大|一些)?(?:的)?(?:差距|不足)")
#: The three category heads of the 2016-2017 central formula (党的领导弱化,…;党的建设缺失,…;全面从严治党不力,…):
#: a ;-group's field, named in the same words for every unit; the findings are the clauses after it.
CATEGORY_HEAD = re.compile(r"党的领导弱化|党的建设缺失|全面从严治党不力"
                           # the formula's further heads (2015–2018): 选人用人问题较多, 对中央巡视整改落实不够到位
                           r"|选人用人(?:问题|方面)?(?:较多|突出|不规范|不严格|存在问题)"
                           r"|(?:对)?(?:中央|上一轮|上轮|以往)?巡视(?:反馈问题|发现问题)?整改(?:落实)?(?:工作)?(?:不够到位|不到位|不力|不彻底)")
#: A central inspection team (中央第六巡视组): its notices state the findings in the one-sentence formula.
CENTRAL_TEAM = re.compile(r"中央(?:第[一二三四五六七八九十]+)?巡视组")
#: An inspection team at a line's start (省委第一巡视组 / 县委第二巡察组在): how a round-up opens a unit's paragraph.
_TEAM_AT_LINE_START = r"[ \t]*[^,。;:\n]{0,24}?(?:巡视|巡察)组(?:在)?"
#: The paragraph of one unit in a round-up of an inspection round (省委第一巡视组向临川市委反馈指出:…, 县委第二巡察组
#:在向县检察院党组反馈时指出,…, …对县一中党委反馈指出,…, …向街道党工委反馈了巡察发现的问题,…): its findings follow.
UNIT_FEEDBACK_LEAD = re.compile(
    rf"{_TEAM_AT_LINE_START}(?:同时|还|也)?(?:向|对)(?P<unit>[^,。;:\n]{{2,40}}?)反馈(?:了)?(?:巡视|巡察)?"
    # …同时向县第二中学党总支反馈了巡察情况。巡察发现,…: the findings after the team's own verb
    r"(?:情况|意见|发现(?:的)?(?:主要)?问题)?(?:时)?(?:指出|认为)?(?:[,:]|。(?:巡视|巡察)(?:组)?(?:发现|指出|认为)[,:])")
#: The paragraph of one unit in a round-up that names the unit only after the team's frame (市委第一巡察组反馈指出,
#: 市住房和城乡建设局党组存在的主要问题:… / …反馈指出,市农业农村局党组贯彻落实…有差距,一是…): one of the announced units follows.
TEAM_FEEDBACK_FRAME = re.compile(
    rf"{_TEAM_AT_LINE_START}(?:反馈(?:时|中)?(?:指出|认为)?|(?:在反馈(?:中|时))?(?:指出|认为))[,:]")
#: A reporting frame before a finding (巡视指出, 此外巡视组还指出, 巡视中了解到, 谈话中不少干部反映).
FRAME = re.compile(
    r"(?:此外|另外|同时|与此同时|但|但是)?[,]?(?:[^,。;:]{0,14}?(?:巡视|巡察|组|谈话|了解|督察)[^,。;:]{0,8}?"
    r"|[^,。;:]{1,6}?(?=(?:还|也|同时)?(?:指出|说|发现|提到|谈到|通报)[,:])"  # a speaker: 程立新指出, / 他说, / 他同时通报,
    r"|(?:巡视|巡察)(?:期间|中)[,][^,。;:]{0,16}?(?=(?:还|也)?(?:发现|了解到|看到)[,:]))?"  # 巡察期间,巡察组在…蹲点发现,
    r"(?:还|也|同时|进一步)?(?:指出|发现|认为|注意到|了解到|反映|查明|看到|提到|谈到|反馈|通报|说)(?:了)?[,:]?"
)
#: The team's demand (巡察组要求于2025年2月底前完成对账): a clause of its own in a list, or closing a finding after its comma.
TEAM_DEMAND = re.compile(r"(?:巡视组|巡察组)(?:还|同时)?(?:要求|责成)")
#: The team's advice on a finding, opening its own sentence or ;-group (建议:…, 建议对近三年补贴发放情况开展全面核查),
#: or numbered among the findings with the unit it advises (2.建议医院党委修订完善…议事规则); not a proposal named
#: as a thing (建议提案办理不及时).
ADVICE = re.compile(r"建议(?=[:]|对|加强|建立|制定|完善|开展|严格|进一步|尽快)"
                    r"|建议[^,。;:]{0,12}?(?:党委|党组|党工委|党支部|党总支|班子|单位|公司|医院|学校|学院|[省市县区]委|政府|局)(?!的)")
#: A demand on the unit closing a finding's sentence (…群众办证仍需多头跑,要求局党组即知即改): not part of it.
TRAILING_DEMAND = re.compile(
    r",(?:并)?(?:要求|责成|督促)(?:该|其)?[^,。;]{0,12}?(?:党组|党委|党工委|党支部|党总支|支部|单位|局|公司|学校|医院|政府)"
    # a sentence of the team's demand after the item's findings (…仓促决策。巡察组要求,医院党委要修订…; 对此,巡察组要求…)
    r"|(?<=。)(?:对此,|为此,|针对上述问题,)?(?:巡视组|巡察组)(?:要求|强调|建议)[,:]"
    # the team's time limit after the finding (…整改不到位,巡察组要求于2025年2月底前完成对账)
    rf"|,{TEAM_DEMAND.pattern}"
    # the team's advice after each finding (…未修复的问题。建议:开展…回头看 / …冒领补贴现象;建议对近三年补贴…开展全面核查)
    rf"|(?<=[。;.])\s*{ADVICE.pattern}")
#: The measure a finding is held against (对照“四个着力”的要求, / 按照…部署,): a frame before the finding.
YARDSTICK = re.compile(r"(?:对照|按照|根据)[^,。;:]{1,24}?(?:要求|标准|部署|精神|(?:了解|掌握)的情况)[,]")
#: The unit's shortfall as a whole, after a yardstick (但对照…要求,医院党委在管党治党上还有明显差距): it announces the
#: findings and is none of them; the speaker's frame and the turn before it (徐志刚说,“但是…) are no part of it.
GAP_VERDICT = re.compile(r"[”“ ]*(?:[^,。;:“”]{0,12}?(?:说|指出|表示|强调|认为)[,:]?)?[“ ]*(?:但(?:是)?|不过|然而)?[,]?"
                         r"(?:对照|按照|根据)[^,。;:]{1,24}?(?:要求|标准|部署|精神),"
                         r"[^,。;:]{0,20}?(?:仍|还|也|依然)(?:有|存在)着?(?:不小|一定|较大|一些|明显|较为明显|不少)?的?"
                         r"(?:差距|不足|短板)[。”]*")
#: A sentence about the findings as a whole (上述问题,有的是…), not one of them.
FINDINGS_SUMMARY = re.compile(r"(?:[^,。;:]{0,12}?(?:认为|指出|强调|表示)[,:])?"  # 巡视组认为,上述问题的存在,…
                              r"(?:[^,。;:]{0,12}?(?:指出|发现|反馈)的)?(?:上述|以上|这些|前述)(?:问题|情况)"  # (巡察组指出的)上述问题,…
                              r"|(?:好,)?问题(?:就)?(?:讲|说)(?:这些|到这里)")  # a speech's 好,问题就讲这些
#: A sentence that only counts the findings (“回头看”共发现问题12个,其中上轮巡视反馈问题整改不到位的5个,新发现问题7个): how
#: many, none of them stated, though a count's name may hold a shortcoming's words (整改不到位的5个).
_COUNT_CLAUSE = re.compile(rf"[^,]*?[{CN_NUM}\d]{{1,4}}(?:个|项|条)(?:具体|突出|主要)?(?:问题)?[”]?")
_FINDINGS_COUNTED = re.compile(rf"(?:发现|反馈|梳理|查找|指出|查摆)[^,]{{0,8}}?问题|问题[^,]{{0,4}}?[{CN_NUM}\d]{{1,4}}(?:个|项|条)")
_SAID_BY = re.compile(r"[^,\d]{0,12}?(?:指出|介绍|表示|说|通报)")


def counts_findings(sentence: str) -> bool:
    """Whether every clause of ``sentence`` (after a speaker's 何建明指出,) is a count of findings."""
    clauses = [c.strip(" “”") for c in sentence.split(",") if c.strip(" “”")]
    if clauses and _SAID_BY.fullmatch(clauses[0]):
        clauses = clauses[1:]
    return (bool(clauses) and all(_COUNT_CLAUSE.fullmatch(c) for c in clauses)
            and any(_FINDINGS_COUNTED.search(c) for c in clauses))


#: What introduces quoted speech (在谈到选人用人时,郭泽明语气加重:“…): a frame before the words it quotes.
SPEECH_INTRO = re.compile(r"[^。;“”]{0,30}?:(?=“)")
#: The formula that closes a report or a notice, on a line of its own (特此报告。 / 特此通报。 / 以上报告,请审阅。):
#: what follows it is the signature, no part of the last item.
CLOSING_FORMULA = re.compile(r"(?m)^[ \t\u3000]*(?:特此(?:报告|通报|公告|说明)|以上报告|专此报告)[^\n]{0,8}$")
#: A public notice's line inviting supervision (欢迎广大干部群众对…进行监督。…联系电话…): it closes the report as 特此报告 does.
SUPERVISION_INVITED = re.compile(r"^[ \t\u3000]*欢迎[^。\n]{0,30}监督"
                                 # 以上是目前的整改情况。没有改完的,…可以直接找…反映: a village notice's plain closing
                                 r"|^[ \t\u3000]*以上(?:就)?(?:是|为)[^。\n]{0,8}整改(?:工作)?(?:进展|落实)?情况[。,]", re.M)
#: A web page's label over its links to other items (【相关阅读】, 【延伸阅读】).
_PAGE_LINKS = r"相关(?:阅读|链接|新闻|文章)|延伸阅读"
#: A web page's tail after the article (责任编辑:林沐 / 【相关阅读】 / 延伸阅读): it closes the report as 特此报告 does.
PAGE_TAIL = re.compile(rf"(?m)^[ \t\u3000]*(?:[(]?责任编辑[:]|【(?:{_PAGE_LINKS})】|(?:相关(?:阅读|链接|新闻)|延伸阅读)[:]?$)")
#: A post's or a page's line over its links to other items, alone on its line (往期推荐, 相关阅读:): what follows is
#: no part of the article, its signature included.
POST_LINKS_LINE = re.compile(rf"[ \t\u3000]*(?:往期(?:推荐|回顾|精彩)|推荐阅读|{_PAGE_LINKS})[:]?[ \t]*$")
#: A post's or a page's credit and count lines under the article (来源:… / 一审:… / 阅读 5216 / 赞 87 在看 21): no
#: signature's.
POST_FOOT_LINE = re.compile(r"[ \t\u3000]*(?:来源[:]|[一二三]审[:]|(?:责任)?编辑[:]|审核[:]|校对[:]|阅读[ \t]*\d|赞[ \t]*\d"
                            r"|在看[ \t]*\d|点击[^\n]{0,12}关注|长按[^\n]{0,12}(?:识别|关注)|扫码)")
#: A web page's own controls and links in brackets (【相关阅读】, 【打印】, 【关闭】, 【字号:大 中 小】): never a heading.
PAGE_CONTROL = re.compile(rf"[【\[](?:{_PAGE_LINKS}|打印(?:本页)?|关闭(?:窗口)?|字号[^】\]]*|收藏|分享)[】\]]")
#: Openers of a closing extra finding (此外, 另外, 与此同时).
CLOSING_OPENER = re.compile(r"(?:此外|另外|与此同时|同时|最后)[,]")
#: A finding of its own after the list, in the team's voice (巡察组还指出, / 此外,巡视组还发现, / 此外,“回头看”还发现,).
CLOSING_FINDING = re.compile(
    rf"(?:(?:此外|另外|与此同时|同时|最后)[,])?[^,。;:\n]{{0,16}}?(?:(?:巡视|巡察)组?|“?回头看”?)(?:还|也|同时)(?:指出|发现|了解到|注意到)[,:]")
#: Example markers: the examples after them are manifestations (具体表现) of the finding before.
#: A lead that opens a run of examples (如:A;B / 比如A;B), as against 有的, which opens one example at a time.
EXAMPLES_OPEN = re.compile(r"比如|例如|譬如|如[,:]|具体表现(?:为|在|是)?[:,]?|主要表现(?:为|在)?[:,]|表现为[:,]")
EXAMPLE_LEAD = re.compile(EXAMPLES_OPEN.pattern + r"|又如|再如|如(?=(?:19|20)\d{2}年|近[一二三四五两\d]+年|部分|个别|有的|一些|少数|[\d两][\d]*个[\u4e00-\u9fff])|(?<=\()如(?![期实何此今])|(?<=[。;,])如(?![期实何此今果有需遇发下前同]|上(?!轮|一轮|次|届))|有的(?!放矢)")
#: An example lead inside a finding, after its clauses (…问题楼盘化解处置不及时,突出表现在:城东某商住项目…): 突出表现在
#: opening a sentence leads the findings instead (张德海说,突出表现在:A;B).
EXAMPLE_INSIDE = re.compile(EXAMPLE_LEAD.pattern + r"|突出表现(?:为|在)?[:,]")
#: (match-only patterns carry no ^: re.match(text, pos) anchors at pos, ^ would not)
#: How an instance opens (1名已死亡人员未及时停发…, 2户家庭…, 个别村…): after an example run's ;, one more example.
INSTANCE_START = re.compile(rf"[\d{CN_NUM}两]+(?:名|户|个|家|起|笔|项|人|所|次|份|辆|处|件|套|台|条)|个别|某")
#: A list closer at the end of a finding (等问题, 等5个方面问题, 的问题).
_COUNT = r"(?:\d+|[一二三四五六七八九十两]+)"
LIST_CLOSER = re.compile(
    rf"(?:等|的)(?:{_COUNT}个方面)?(?:{_COUNT}(?:个|项|条))?(?:方面)?(?:的)?(?:突出|具体|主要)?问题"
    # …等问题较为突出: the list closed by its verdict
    rf"(?:(?:较为|比较|十分|尤为|仍然|依然)?(?:突出|明显|严重|存在))?$|等(?:{_COUNT}个)?方面(?:的)?$"
)
#: How a list of findings' elements closes after 主要表现在: (…、C等问题 / …、C等).
ELEMENTS_CLOSER = re.compile(r"等(?:[一-龥]{0,4}(?:问题|现象|情况))?$")
#: A sentence that lists the findings a verdict before it sums up (主要表现在:A、B、C等问题 / 突出表现为:A;B), not one
#: that gives its examples (具体表现为:, 比如).
LIST_OF_FINDINGS = re.compile(r"(?:主要|突出)表现(?:在|为)[:]")
#: Findings listed as objects and closed (存在A不深入、B打折扣…、C不到位等问题): a list, not a lead announcing one.
OBJECT_LIST = re.compile(rf"[^\s、]、[^、]+等(?:{_COUNT}个)?(?:方面)?(?:的)?问题$")
#: The turn of a concession inside a finding (党组制定了决策制度,但执行中存在先办后议现象): what comes before it
#: is what was done, the finding is after it.
CONCESSION_TURN = re.compile(r",(?:但|但是|然而)(?:也|仍|还)?")
#: The same turn opening a ;-group (…问题已完成整改;但选人用人仍不规范): no word of the finding after it.
CONCESSION_OPENING = re.compile(r"(?:但是|但|然而)[,]?(?=[^,;。])")
#: A lead verb opening the clause after one that announces the findings (…存在一些问题,主要是A、B): the list starts
#: after the comma, though no colon marks it.
LISTED_AFTER_LEAD = re.compile(r",(?=(?:主要|突出|集中)(?:是|有|表现(?:在|为))[^,。;:]{4,})")
#: A lead verb before a finding (存在…, 主要是…, 表现在…).
LEAD_VERB = re.compile(r"(?:主要(?:是|有|表现在|表现为)|存在|(?:突出|集中)?表现(?:在|为))[:,]?|(?:突出|主要|存在的?)问题(?:是|有)?:|问题(?:表现|描述):")
#: A subject before 存在 in a "X存在A、B等问题" frame (局党组在履行职责中还存在…): not part of the findings.
#: A unit named at a list's start, before its first finding (石门镇党委落实惠民富民政策有偏差,…).
UNIT_SUBJECT = re.compile(r"[^,。;:]{2,16}?(?:党委|党组|党工委|党总支|党支部)(?=[^,。;:]{4})")
SUBJECT_LEAD = re.compile(r"[^,。;:]{0,16}?(?:还|也|仍|主要)?存在(?:着)?[:]?")
#: An aspect lead-in (在…方面): a field, not a finding.
ASPECT_LEAD = re.compile(r"(在[^,。;:]{2,40}?方面|(?:落实|贯彻|推动|推进|履行|执行)(?:[^,。;:等]|等(?=监督)){2,40}?方面"
                         # 落实党中央、省委决策部署方面, 落实巡视、审计等监督发现问题整改方面: a field
                         r"|[^,。;:在、等]{2,20}?方面)(?:[,:。]|$)")
#: Words ending in 方面 that name no field: 一方面…另一方面 enumerate, 各方面/多方面 sum up.
NOT_A_FIELD = frozenset({"一方面", "另一方面", "各方面", "多方面", "这方面", "两方面", "方方面面"})
#: After a field lead-in, the cue that the field's problems follow as ,-clauses (在…方面,突出表现在:A,B,C).
ASPECT_LIST_CUE = re.compile(r"(?:(?:突出|主要|集中|具体)?表现(?:在|为)|主要(?:是|有))[:,]?")
#: A field named near a ;-group's start after its subject, its clauses after it (省市场监管局党组在贯彻…方面,A,B;).
GROUP_FIELD = re.compile(r"[^,。;:]{0,16}?(在[^,。;:]{2,40}?方面),")
#: A field lead-in with its own verdict before that cue (在…方面有差距,突出表现在: / 在…方面还有短板,表现为).
ASPECT_VERDICT = re.compile(r"(在[^,。;:]{2,40}?方面[^,。;:]{0,12}?)[,:]?(?=" + ASPECT_LIST_CUE.pattern + ")")
#: The heading of a rectification plan's problem list (三、问题清单及整改措施): the findings start after it.
PLAN_LIST_HEADING = re.compile(r"(?:[一二三四五六七八九十]+、)?[^。:]{0,12}问题(?:清单|及整改(?:措施|任务)|整改(?:清单|任务清单))[^。:]{0,8}$")
#: A plan's field after a problem (整改目标：/整改措施：/责任单位：/完成时限：), or the team's demand on it
#: (问题一:X。整改要求:…): the problem ends before it.
PLAN_FIELD = re.compile(r"[(]?(?:整改目标|整改措施|整改举措|整改时限|完成时限|责任单位|责任领导|责任部门|责任人|牵头单位|牵头领导"
                        r"|整改要求|整改建议|整改意见)[:]")
#: The line that opens an appendix (附件 / 附件1: / 附件：…问题清单 / 附表) and a reference to it (详见附件, 以问题清单形式…反馈).
APPENDIX_LINE = re.compile(r"(?:附件|附表)\d?[:]?[^\n。]{0,60}$")
#: The first item of an appendix list (附件:1.澄岭县人民法院…十二条措施) and the items under it (　　2.…清单): each
#: names a document, its words a title's, as if in 《》.
_APPENDIX_FIRST = re.compile(r"[ \t\u3000]*(?:附件|附表)[:：][ \t\u3000]*\d{1,2}[.．、]")
_APPENDIX_NEXT = re.compile(r"[ \t\u3000]*\d{1,2}[.．、]")


def appendix_names(text: str) -> list[tuple[int, int]]:
    """The spans of the document names an appendix list gives (after each item's number)."""
    out: list[tuple[int, int]] = []
    listing = False
    pos = 0
    for line in text.split("\n"):
        m = _APPENDIX_FIRST.match(line) or (_APPENDIX_NEXT.match(line) if listing else None)
        listing = m is not None
        if m is not None and line[m.end():].strip():
            out.append((pos + m.end(), pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


APPENDIX_REFERENCE = re.compile(r"(?:详见|见)(?:附件|附表)|以问题清单(?:的)?形式")  # …以问题清单形式书面反馈: the list is elsewhere
#: A line that goes on with the item above it (其中,…: a part of what the item counted).
CONTINUATION = re.compile(r"其中[,:]")
#: The opening of a sentence of evidence (近三年…, 2023年…, 其中…): the elaboration of the finding before it.
EVIDENCE_OPENER = re.compile(r"(?:近(?:[一二三四五两]|\d)+年|(?:19|20)\d{2}年|其中|截至|截止)")
#: The team's own finding verb right after a headline sentence (X不够严格。巡察发现,医院仍存在…): its evidence follows,
#: not another speaker's finding (她还提到,…) nor one the team adds (巡察组还指出,).
EVIDENCE_FRAME = re.compile(r"(?:巡视|巡察)(?:组)?(?:发现|查实|了解到)[,:]")
#: Where an example happened, before its marker (在收购环节,有的库点…): a frame, not part of the example.
EXAMPLE_PLACE = re.compile(r"在[^,。;:]{1,12}?(?:环节|领域|过程中|工作中),(?=比如|例如|有的|如)")
#: Subjects of a concrete example (部分/个别/一些 …): such a clause after a finding is its example.
EXAMPLE_SUBJECT = re.compile(r"(?:部分|个别|一些|少数|有些)")
#: A clause that tells what the clause before it caused (境外投资决策不够严谨,部分项目造成国有资产损失 / …不到位,导致
#: 问题反弹): the same finding's consequence, after at most a short subject, never a finding of its own.
CONSEQUENCE = re.compile(r"[^,;。:\n]{0,6}?(?:造成|导致|致使|引发|带来)")

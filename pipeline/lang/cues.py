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

# --------------------------------------------------------------------------- forward-looking part

#: A top heading that names the future (三、下一步工作打算 / 巩固整改成果 …).
FORWARD_TITLE = re.compile(
    r"下一步|下步|下一阶段|下阶段|今后|工作打算|努力方向|工作安排|巩固(?:拓展|深化)?(?:巡视|巡察)?整改成果|持续深化整改"
)
#: The same cues in the lead sentences under a neutral heading (三、…\n下一步，我们将…).
FORWARD_LEAD = re.compile(
    r"下一步|下步|下一阶段|下阶段|今后|巩固(?:拓展|深化)?(?:巡视|巡察)?整改成果|持续深化整改|努力方向|工作打算"
)
#: The narrow set that marks a closing section as the plans part.
FORWARD_INTRO = re.compile(r"下一步|下步|下一阶段|下阶段|今后")

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


@lru_cache(maxsize=1)
def status_cues() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """(status, weight, pattern) rows of ``models/status_cues.tsv``, in file order."""
    rows = []
    raw = (resources.files("pipeline.models") / "status_cues.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        status, weight, pattern = line.split("\t", 2)
        rows.append((status, int(weight), re.compile(pattern)))
    return tuple(rows)


# --------------------------------------------------------------------------- plans

#: An action already stated as done (已…, …了) outweighs a plan cue in the same sentence.
DONE_STATED = re.compile(r"已(?:经)?[\u4e00-\u9fff]|完成了|如期完成|按时完成")
#: Plan words beyond the status table's planned rows (its 将 needs a companion word: 将…纳入 is done).
_PLAN_EXTRA = r"拟|计划(?:于|在|到|年底|[0-9])|下一步|下步|力争|争取|确保[^,。;]{0,12}前"


@lru_cache(maxsize=1)
def plan_cue() -> re.Pattern[str]:
    """Any plan cue: the planned rows of ``models/status_cues.tsv`` and a few plan words."""
    rows = [pattern.pattern for status, _, pattern in status_cues() if status == "planned"]
    return re.compile("|".join(f"(?:{p})" for p in rows + [_PLAN_EXTRA]))


def is_plan(sentence: str) -> bool:
    """A sentence that states a plan (将/拟/计划/下一步 …) and no action already done."""
    return bool(plan_cue().search(sentence)) and not DONE_STATED.search(sentence)


# --------------------------------------------------------------------------- restated problems

#: A report's restatement of the problem it answers (问题表现：…, 存在问题：…), not an action.
RESTATED_LEAD = re.compile(r"(?:问题表现|存在问题|主要问题|问题描述|具体表现|反馈问题|问题)[::]")
#: A heading that names the problem it answers (关于“…”问题的整改情况, 针对…的问题).
RESTATED_HEADING = re.compile(r"(?:关于|针对)[^。]{0,80}问题(?:的整改(?:情况|落实情况)?)?[。]?$")
#: Shortfall wording of a problem statement (the feedback's voice).
SHORTFALL = re.compile(
    r"不够|不到位|有差距|有落差|不充分|不扎实|不严格|不规范|不健全|不完善|不及时|落实不力|不力|薄弱|短板|"
    r"流于形式|偏松偏软|把关不严|存在[^,。;]{0,20}(?:问题|现象|苗头|隐患|漏洞)"
)
#: Where a report's account of actions begins after a restated problem (整改情况：…).
ACTION_LEAD = re.compile(r"(?:整改情况|整改措施|整改落实情况|整改进展|落实情况)[::]")


def is_restated_problem(sentence: str) -> bool:
    """A sentence that restates a problem: a problem lead-in, or shortfall wording with no action cue."""
    body = sentence.strip()
    if RESTATED_LEAD.match(body) or RESTATED_HEADING.match(body):
        return True
    if not SHORTFALL.search(body):
        return False
    return not any(pattern.search(body) for status, _, pattern in status_cues() if status in ("done", "ongoing"))

"""Cue words (pipeline.lang.cues): the concrete acts of an answer and the unfinished cues, from the one table."""

from __future__ import annotations

import pytest

from pipeline.lang.cues import DECISIVE, concrete_cue, status_cues, unfinished_cue
from pipeline.normalize import normalize


@pytest.mark.parametrize("text,concrete", [
    ("修订《财务报销管理办法》", True),
    ("对2名责任人进行诫勉谈话", True),
    ("约谈相关负责人", True),
    ("该项任务已整改到位", True),
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
])
def test_lang_cues_unfinished_is_the_decisive_ongoing_rows(text, unfinished):
    assert bool(unfinished_cue().search(normalize(text))) is unfinished


def test_lang_cues_concrete_rows_are_not_a_status():
    assert {status for status, _, _ in status_cues()} == {"done", "ongoing", "planned"}
    assert any(status == "ongoing" and weight >= DECISIVE for status, weight, _ in status_cues())

"""Traditional characters: detection and the length-preserving conversion."""

import pytest

from pipeline.lang.script import is_traditional, to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("中央第六巡視組向黨委反饋巡視情況", "中央第六巡视组向党委反馈巡视情况"),
        ("學習貫徹不夠深入，整改責任落實不到位。", "学习贯彻不够深入，整改责任落实不到位。"),
        ("已經整改完成52項、基本完成5項", "已经整改完成52项、基本完成5项"),
    ],
)
def test_lang_script_to_simplified_keeps_length(traditional, simplified):
    out = to_simplified(traditional)
    assert out == simplified and len(out) == len(traditional)


def test_lang_script_detects_traditional_text():
    trad = "巡視組指出，黨委落實全面從嚴治黨主體責任不夠到位，選人用人工作不夠規範，基層黨組織建設薄弱。"
    assert is_traditional(trad)
    assert not is_traditional(to_simplified(trad))
    assert not is_traditional("短")

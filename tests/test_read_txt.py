"""TXT decoding cascade and newline handling."""

from __future__ import annotations

import random

import pytest

from pipeline.errors import InputError
from pipeline.read import read_bytes, read_document

TRADITIONAL = (
    "中華人民共和國憲法規定，國家機關實行民主集中制的原則。巡視組對黨組織進行監督檢查，發現問題後及時反饋，"
    "並督促整改落實。各級黨委應當履行主體責任，加強對幹部隊伍的教育管理。"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\r\n\r"])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16"])
def test_read_txt_newlines_like_open(newline, codec, tmp_path):
    text = "一、总体情况\n(一)提高站位。\n\n2022年7月19日"
    path = tmp_path / "a.txt"
    path.write_bytes(text.replace("\n", newline).encode(codec))
    doc = read_document(path)
    with open(path, encoding=codec) as handle:
        expected = handle.read()
    assert doc.text == expected.lstrip("\ufeff")
    assert "\r" not in doc.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"plain ascii report", "utf-8"),
        ("短".encode("gb18030"), "gb18030"),
        ("整改".encode("utf-8"), "utf-8"),
        ("巡视整改进展情况".encode("utf-16-le"), "utf-16-le"),  # no BOM, no NUL bytes: charset-normalizer
        ("report 2022: 巡视 ok".encode("utf-16-le"), "utf-16-le"),  # no BOM, ASCII-heavy: NUL pattern
        (TRADITIONAL.encode("big5") * 2, "big5"),
    ],
)
def test_read_txt_encoding_cascade(data, encoding):
    doc = read_bytes(data, name="x.txt")
    assert doc.encoding.replace("_", "-") == encoding
    assert doc.text == data.decode(doc.encoding)


def test_read_txt_gb18030_guard_rejects_random_high_bytes():
    rng = random.Random(7)
    data = bytes(rng.randrange(0x81, 0xFF) for _ in range(4000))
    with pytest.raises(InputError) as info:
        read_bytes(data, name="x.txt")
    assert info.value.error_type == "binary_content"


def test_read_txt_control_characters_rejected():
    data = ("正文" + "\x01\x02\x03\x04" * 10 + "正文").encode("utf-8")
    with pytest.raises(InputError) as info:
        read_bytes(data, name="x.txt")
    assert info.value.error_type == "binary_content"

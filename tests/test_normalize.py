from pathlib import Path

import pytest

from pipeline.normalize import fold_width, normalize, unify_punctuation

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（一）加强领导", "(一)加强领导"),
        ("１．推进", "1.推进"),
        ("共３，２００人：", "共3,200人:"),
        ("截至２０２２年６月底；", "截至2022年6月底;"),
        ("ＡＢＣ　ｄ", "ABC d"),
    ],
)
def test_normalize_folds_width(raw, expected):
    assert fold_width(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("「两个维护」", "“两个维护”"),
        ("5–10人", "5-10人"),
        ("a\u00a0b\u200bc", "a b c"),
        ("一\r二", "一\n二"),
        ("〈条例〉", "《条例》"),
    ],
)
def test_normalize_unifies_punctuation(raw, expected):
    assert unify_punctuation(raw) == expected


@pytest.mark.parametrize("name", ["progress_cq_tzb_2022.txt", "feedback_cq_tzb_2022_example.txt"])
def test_normalize_preserves_length_on_corpus(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    out = normalize(text)
    assert len(out) == len(text)
    # Han characters and Chinese-only punctuation are untouched, so gold offsets stay valid.
    for a, b in zip(text, out):
        if "\u4e00" <= a <= "\u9fff" or a in "。、《》“”":
            assert a == b


def test_normalize_is_idempotent():
    text = (CORPUS / "feedback_cq_tzb_2022_example.txt").read_text(encoding="utf-8")
    once = normalize(text)
    assert normalize(once) == once


def test_normalize_rejects_length_changing_step():
    with pytest.raises(ValueError):
        normalize("abc", steps=[lambda s: s + "x"])


def _translated(text: str) -> str:
    from pipeline.normalize import _PUNCT_TABLE, _WIDTH_TABLE

    return text.translate(_WIDTH_TABLE).translate(_PUNCT_TABLE)


@pytest.mark.parametrize("seed", range(5))
def test_normalize_equals_str_translate_of_its_tables(seed):
    """The regex-driven steps give exactly what str.translate of the two tables gives (regression: the
    rewrite for speed), including characters that are special inside a character class."""
    import random

    from pipeline.normalize import _PUNCT_TABLE, _WIDTH_TABLE

    rnd = random.Random(seed)
    alphabet = [chr(c) for c in [*_WIDTH_TABLE, *_PUNCT_TABLE]] + list("中文a1\\]-^[ \n")
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert normalize(text) == _translated(text)

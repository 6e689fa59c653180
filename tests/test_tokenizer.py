"""Tests for pipeline.nlp.tokenizer: the jieba-backed spaCy tokenizer with the domain dictionary."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
import spacy.language

from pipeline.nlp.tokenizer import (
    TOKENIZER_NAME,
    DomainSegmenter,
    JiebaTokenizer,
    load_segmenter,
    parse_userdict,
    sentence_starts,
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    return nlp


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "  前后有空格  ",
        "部务会召开专题会议。\n\n(一)提高政治站位。",
        "全角空格\u3000和制表符\t以及\r\n换行",
        "ASCII only: Hello, world! 3.14 e-mail a.b@c.com",
        "表情😀👍🏽符号🇨🇳与组合字符e\u0301",
        "（一）１２３全角，未归一化的文本：是吗？",
        "1+10+38+X党外代表人士实践锻炼",
        "\u200b零宽空格\ufeff和BOM",
    ],
)
def test_tokenizer_doc_text_round_trip(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    tokens = list(load_segmenter().jieba_tokenizer.tokenize(text, HMM=False))  # jieba's own offsets
    assert [(t.text, t.idx, t.idx + len(t.text)) for t in doc] == tokens
    assert all(not t.whitespace_ for t in doc)


REPO = Path(__file__).resolve().parents[1]
TRICKY = [
    "",
    "\r\n \t\u3000x",
    "abc def 1.5%-x_y#z&w 3.14",
    "😀表情e\u0301和〇二二年",
    "近100人参训，深化学用结合!2022年1月14日,召开专题民主生活会。",
    "陈敏尔书记、胡衡华市长走访各民主党派市委会",
]


def test_tokenizer_segments_tricky_texts_into_their_characters():
    """jieba's own route over the owned dictionary: the tokens cover the text exactly."""
    segmenter = load_segmenter()
    for text in TRICKY:
        tokens = segmenter.tokenize(text)
        assert "".join(word for word, _, _ in tokens) == text
        assert all(text[s:e] == word for word, s, e in tokens)


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("市委第三巡察组向县统计局党组反馈巡察意见", "巡察组"),
        ("省委巡视组进驻后召开动员会", "巡视组"),
        ("先后召开6次部务会会议专题研究整改工作", "部务会"),
        ("局党组书记履行第一责任人职责", "党组"),
        ("建立整改台账并逐项对账销号", "整改台账"),
        ("召开巡视整改专题民主生活会", "民主生活会"),
        ("严格落实三会一课和组织生活会制度", "组织生活会"),
        ("班子成员认真履行一岗双责", "一岗双责"),
        ("严格执行三重一大集体决策制度", "三重一大"),
        ("增强四个意识、坚定四个自信、做到两个维护", "两个维护"),
        ("深刻领悟两个确立的决定性意义", "两个确立"),
        ("增强四个意识", "四个意识"),
        ("坚定四个自信", "四个自信"),
        ("落实第一议题制度", "第一议题"),
        ("部长履行第一责任人责任", "第一责任人"),
        ("深入推进以案促改、以案促治", "以案促改"),
        ("深入推进以案促改、以案促治", "以案促治"),
        ("开展以案四说警示教育", "以案四说"),
        ("县委统战部加强新的社会阶层人士统战工作", "新的社会阶层人士"),
        ("县委统战部加强新的社会阶层人士统战工作", "统战部"),
        ("压实全面从严治党主体责任和监督责任", "主体责任"),
        ("压实全面从严治党主体责任和监督责任", "监督责任"),
        ("压实全面从严治党主体责任和监督责任", "全面从严治党"),
        ("规范选人用人工作", "选人用人"),
        ("落实意识形态工作责任制", "意识形态"),
        ("开展廉政风险排查", "廉政风险"),
        ("制定问题清单、任务清单、责任清单", "任务清单"),
        ("对一般性问题立行立改、举一反三", "立行立改"),
        ("加强党外干部培养选拔", "党外干部"),
        ("带头执行民主集中制", "民主集中制"),
        ("驻局纪检监察组开展专项督查", "纪检监察组"),
        ("加强党风廉政建设", "党风廉政建设"),
        ("理论学习中心组集体学习7次", "理论学习中心组"),
        ("领导干部近100人参训", "参训"),
        ("深化学用结合", "学用结合"),
    ],
)
def test_tokenizer_domain_terms_stay_whole(nlp, sentence, term):
    doc = nlp(sentence)
    start = sentence.index(term)
    end = start + len(term)
    inner_boundaries = [t.idx for t in doc if start < t.idx < end]
    # whole = one token covers it (it may sit inside a longer dictionary word, 党组 in 党组书记)
    assert inner_boundaries == [], [t.text for t in doc]


def test_tokenizer_does_not_touch_global_jieba_or_cwd(tmp_path):
    """Run in a fresh interpreter so other tests' use of jieba cannot mask a leak."""
    script = textwrap.dedent(
        """
        import jieba, jieba.finalseg as finalseg, spacy
        from pipeline.nlp.tokenizer import JiebaTokenizer, DomainSegmenter
        force_split_before = set(finalseg.Force_Split_Words)
        nlp = spacy.blank("zh")
        nlp.tokenizer = JiebaTokenizer(nlp.vocab)
        assert [t.text for t in nlp("部务会研究三重一大事项")] == ["部务会", "研究", "三重一大", "事项"]
        assert nlp.tokenizer.segmenter.jieba_tokenizer.lcut("新的社会阶层人士", HMM=True) == ["新的社会阶层人士"]
        assert jieba.dt.initialized is False
        assert jieba.dt.FREQ == {} and jieba.dt.user_word_tag_tab == {}
        assert set(finalseg.Force_Split_Words) == force_split_before
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert list(tmp_path.iterdir()) == []  # nothing written to the working directory


@pytest.fixture(scope="module")
def custom_userdict(tmp_path_factory):
    path = tmp_path_factory.mktemp("userdict") / "dict.txt"
    path.write_text("砥砺初心 500 l\n巡视组 70 n\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def custom_segmenter(custom_userdict):
    return DomainSegmenter(userdict=custom_userdict, hmm=True)


def test_tokenizer_segmenter_loads_lazily_and_once(custom_userdict):
    segmenter = DomainSegmenter(userdict=custom_userdict)
    assert not segmenter.loaded  # constructing costs nothing: jieba loads on first use
    first = segmenter.jieba_tokenizer
    assert segmenter.loaded
    assert "砥砺初心" in segmenter.cut("百年统战砥砺初心")
    assert segmenter.jieba_tokenizer is first
    assert load_segmenter() is load_segmenter()
    assert load_segmenter(hmm=True) is not load_segmenter(hmm=False)


def test_tokenizer_pickle_round_trip(nlp):
    text = "市委巡视组反馈意见指出，部务会落实“一岗双责”不到位。下一步将持续整改。"
    tokenizer = nlp.tokenizer
    tokenizer(text)  # make sure jieba is loaded before pickling
    data = pickle.dumps(tokenizer)
    assert len(data) < 200_000  # the vocab and settings, never jieba's prefix dictionary
    restored = pickle.loads(data)
    assert isinstance(restored, JiebaTokenizer)
    assert restored.segmenter is load_segmenter()  # bundled dictionary: the process-wide segmenter
    assert [t.text for t in restored(text)] == [t.text for t in tokenizer(text)]


def test_tokenizer_pickle_custom_segmenter_rebuilds_lazily(custom_segmenter):
    assert "砥砺初心" in custom_segmenter.cut("百年统战砥砺初心")
    data = pickle.dumps(custom_segmenter)
    assert len(data) < 10_000
    restored = pickle.loads(data)
    assert not restored.loaded and restored.hmm is True
    assert restored.userdict_text == custom_segmenter.userdict_text
    assert "砥砺初心" in restored.cut("百年统战砥砺初心")


def test_tokenizer_to_disk_from_disk_round_trip(tmp_path, custom_segmenter):
    vocab = spacy.blank("zh").vocab
    tokenizer = JiebaTokenizer(vocab, segmenter=custom_segmenter)
    tokenizer.to_disk(tmp_path / "tok")
    assert sorted(p.name for p in (tmp_path / "tok").iterdir()) == ["cfg.json", "userdict.txt"]
    other = JiebaTokenizer(vocab).from_disk(tmp_path / "tok")
    assert other.hmm is True
    assert other.segmenter.userdict_text == custom_segmenter.userdict_text
    text = "百年统战砥砺初心"
    assert [t.text for t in other(text)] == [t.text for t in tokenizer(text)]
    assert "砥砺初心" in [t.text for t in other(text)]
    again = JiebaTokenizer(vocab).from_bytes(tokenizer.to_bytes())
    assert again.hmm is True and [t.text for t in again(text)] == [t.text for t in tokenizer(text)]
    # a tokenizer pickled with a custom dictionary carries it
    unpickled = pickle.loads(pickle.dumps(tokenizer))
    assert unpickled.hmm is True and "砥砺初心" in [t.text for t in unpickled(text)]


def test_tokenizer_registered_config_survives_nlp_to_disk(tmp_path):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    assert isinstance(nlp.tokenizer, JiebaTokenizer)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.tokenizer, JiebaTokenizer)
    assert loaded.tokenizer.segmenter is load_segmenter()  # bundled dictionary: shared segmenter
    assert [t.text for t in loaded("召开部务会")] == ["召开", "部务会"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("一是加强学习。二是完善制度!三是?", ["一是加强学习。", "二是完善制度!", "三是?"]),
        ("主要是:A,B;C,D", ["主要是:A,B;", "C,D"]),
        ("他说:“已完成。”随后离开。", ["他说:“已完成。”", "随后离开。"]),
        ("一、标题\n(一)小标题\n正文", ["一、标题\n", "(一)小标题\n", "正文"]),
        ("第一句。\n\n  第二句", ["第一句。\n\n  ", "第二句"]),
        ("\n\n开头有空行", ["\n\n开头有空行"]),
        ("真的吗?!是的", ["真的吗?!", "是的"]),
    ],
)
def test_tokenizer_sentence_starts(nlp, text, sentences):
    doc = nlp(text)
    assert doc.has_annotation("SENT_START")
    assert [s.text for s in doc.sents] == sentences


def test_tokenizer_sentence_starts_empty_and_single():
    assert sentence_starts([]) == []
    assert sentence_starts(["。"]) == [True]


def test_tokenizer_userdict_rejects_zero_frequency():
    assert parse_userdict("巡视组 70 n\n\n三重一大\n对系统 1\n") == [
        ("巡视组", 70, "n"),
        ("三重一大", None, None),
        ("对系统", 1, None),
    ]
    with pytest.raises(ValueError, match="frequency 0"):
        parse_userdict("巡视组 0\n")


def test_tokenizer_bundled_userdict_is_valid():
    entries = parse_userdict(DomainSegmenter().userdict_text)
    words = [word for word, _, _ in entries]
    assert len(words) >= 200
    assert len(set(words)) == len(words)
    assert all(freq is not None and freq > 0 for _, freq, _ in entries)


def test_tokenizer_pipe_spawn_two_processes(monkeypatch):
    """Workers started with spawn unpickle the Language and rebuild jieba themselves."""
    monkeypatch.setattr(spacy.language, "mp", multiprocessing.get_context("spawn"))
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    texts = [f"第{i}条:部务会研究三重一大事项。落实一岗双责。" for i in range(8)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d.text for d in docs] == texts
    assert all("三重一大" in [t.text for t in d] for d in docs)
    assert all(len(list(d.sents)) == 2 for d in docs)


def test_tokenizer_segmenter_cut_is_kept_and_bounded(monkeypatch):
    """cut() keeps each text's words (a review cuts the same sentences three times): the same words as
    a fresh segmentation, a list the caller may change, and at most CUTS_KEPT texts kept."""
    import pipeline.nlp.segmenter as module

    seg = module.DomainSegmenter()
    texts = ["巡察反馈问题整改落实情况", "召开党委会18次", "制定《学习制度》并严格执行"]
    fresh = [[w for w, _, _ in seg.tokenize(t)] for t in texts]
    first = [seg.cut(t) for t in texts]
    first[0].append("改过")  # the caller's list, not the kept words
    assert [seg.cut(t) for t in texts] == fresh == [[w for w, _, _ in seg.tokenize(t)] for t in texts]
    monkeypatch.setattr(module, "CUTS_KEPT", 2)
    seg.cut("另一段文字")
    assert len(seg._cuts) <= 2 and seg.cut(texts[0]) == fresh[0]

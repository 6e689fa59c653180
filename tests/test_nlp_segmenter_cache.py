"""jieba's dictionary cache read from its bytes gives the tokenizer jieba's own loading gives; an
unusable cache falls back to jieba's own initialisation."""

from __future__ import annotations

import jieba

from pipeline.nlp import segmenter
from pipeline.nlp.segmenter import new_jieba_tokenizer


def test_cached_dictionary_is_jiebas_own():
    ours = new_jieba_tokenizer()  # writes the cache first on a fresh machine
    theirs = jieba.Tokenizer()
    theirs.tmp_dir, theirs.cache_file = ours.tmp_dir, ours.cache_file
    theirs.initialize()
    assert ours.initialized and ours.total == theirs.total and ours.FREQ == theirs.FREQ
    sentence = "进一步落实全面从严治党主体责任，理论学习中心组学习制度化规范化"
    assert list(ours.tokenize(sentence)) == list(theirs.tokenize(sentence))


def test_unusable_cache_falls_back_to_initialize(tmp_path, monkeypatch):
    monkeypatch.setattr(segmenter, "jieba_cache_dir", lambda: str(tmp_path))
    (tmp_path / f"jieba-{jieba.__version__}-main.cache").write_bytes(b"not a marshal file")
    built = []
    monkeypatch.setattr(jieba.Tokenizer, "initialize", lambda self, dictionary=None: built.append(self))
    tokenizer = new_jieba_tokenizer()
    assert built == [tokenizer] and not tokenizer.FREQ

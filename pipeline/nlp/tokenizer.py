"""Word segmentation: a spaCy tokenizer that owns its own ``jieba.Tokenizer``.

Why our own tokenizer rather than spaCy's Chinese one:

* spaCy's ``ChineseTokenizer`` re-scans the remaining text for every token to
  recover offsets, which is quadratic-ish on long reports (measured 14x slower
  than bare jieba on a 1M-character document).  We build the ``Doc`` straight
  from the ``(word, start, end)`` offsets of jieba's ``Tokenizer.tokenize``.
  Extraction does not need tokens (:mod:`pipeline.stages`), so jieba's own route
  is fast enough: it runs only for a ``Doc`` and for the matcher's word view.
* The global ``jieba.dt`` is shared mutable state; we never touch it.  Each
  :class:`DomainSegmenter` owns a private ``jieba.Tokenizer`` with the domain
  dictionary (``models/userdict.txt``: 巡视组, 部务会, 两个维护, 以案促改 ...).
* The jieba prefix dictionary (~500k entries) is built lazily, once per
  segmenter, and is never pickled: pickling carries only the user dictionary
  text and the settings, so ``nlp.pipe(..., n_process=2)`` works under the
  ``spawn`` start method (workers rebuild jieba on first use).

jieba keeps a marshal cache of its main dictionary; ours goes to the user's
cache directory (``$ZHENGGAI_CACHE_DIR``, else ``$XDG_CACHE_HOME/zhenggai``,
else ``~/.cache/zhenggai``), never to the working directory.

Sentence boundaries: a token that follows 。！？；!?; or a line break starts a
sentence; closing quotes/brackets, further terminators and whitespace right
after the terminator stay with the sentence they close, so ``doc.sents`` works
without a parser.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator

import srsly
from spacy.tokens import Doc
from spacy.util import ensure_path, registry
from spacy.vocab import Vocab

from pipeline.lang.text import CLOSERS, RAW_SENTENCE_ENDS
from pipeline.nlp.segmenter import (  # re-exported: the tokenizer's segmenter is the one segmenter
    BUNDLED_USERDICT,
    DomainSegmenter,
    _shared_segmenter,
    bundled_userdict_text,
    jieba_cache_dir,
    load_segmenter,
    new_jieba_tokenizer,
    parse_userdict,
)

__all__ = [
    "DomainSegmenter",
    "JiebaTokenizer",
    "create_jieba_tokenizer",
    "load_segmenter",
    "parse_userdict",
    "bundled_userdict_text",
    "sentence_starts",
    "new_jieba_tokenizer",
    "jieba_cache_dir",
]

TOKENIZER_NAME = "zhenggai.JiebaTokenizer.v1"


# Characters that end a sentence, and closers that stay with it (the text floor's facts).
SENTENCE_END = frozenset(RAW_SENTENCE_ENDS.replace("\n", ""))
_CLOSERS = frozenset(CLOSERS)


def sentence_starts(words: Iterable[str]) -> list[bool]:
    """Sentence-start flags for consecutive tokens.

    A token after a terminator (。！？；!?;) or after a line break that ends some
    content starts a sentence; whitespace, closers (”’)」) and further
    terminators directly after the terminator stay in the sentence they close.
    """
    starts: list[bool] = []
    pending = False  # a sentence has ended; the next content token opens one
    has_content = False  # the current sentence holds a non-space token
    for index, word in enumerate(words):
        is_space = word.isspace()
        trailer = is_space or word in _CLOSERS or word in SENTENCE_END
        if index == 0:
            starts.append(True)
        elif pending and not trailer:
            starts.append(True)
            pending = False
            has_content = False
        else:
            starts.append(False)
        if is_space:
            if has_content and ("\n" in word or "\r" in word):
                pending = True
        else:
            has_content = True
            if word in SENTENCE_END:
                pending = True
    return starts


# --------------------------------------------------------------------------- spaCy tokenizer


def _rebuild_tokenizer(vocab: Vocab, hmm: bool, userdict_text: str | None) -> "JiebaTokenizer":
    return JiebaTokenizer(vocab, segmenter=_shared_segmenter(userdict_text, bool(hmm)))


class JiebaTokenizer:
    """spaCy tokenizer: text -> ``Doc`` from jieba's own offsets, with sentence starts.

    ``doc.text == text`` always: whitespace and line breaks become their own
    tokens, exactly as jieba yields them, and no token carries trailing space.
    ``hmm`` is used only when no ``segmenter`` is given (the shared bundled one).
    """

    def __init__(self, vocab: Vocab, *, segmenter: DomainSegmenter | None = None, hmm: bool = False) -> None:
        self.vocab = vocab
        self.segmenter = load_segmenter(hmm=hmm) if segmenter is None else segmenter

    @property
    def hmm(self) -> bool:
        return self.segmenter.hmm

    def __call__(self, text: str) -> Doc:
        words = [word for word, _start, _end in self.segmenter.tokenize(text)]
        return Doc(
            self.vocab,
            words=words,
            spaces=[False] * len(words),
            sent_starts=sentence_starts(words),
        )

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts (``batch_size`` accepted for spaCy compatibility)."""
        for text in texts:
            yield self(text)

    # ---- pickling: the vocab, the settings and (for a custom one) the dictionary text.
    def __reduce__(self) -> tuple[Callable[..., "JiebaTokenizer"], tuple[Any, ...]]:
        text = None if self.segmenter.bundled else self.segmenter.userdict_text
        return (_rebuild_tokenizer, (self.vocab, self.hmm, text))

    # ---- serialization
    def _settings(self) -> dict[str, Any]:
        return {"hmm": self.hmm, "bundled": self.segmenter.bundled}

    def _restore(self, settings: dict[str, Any], userdict_text: str | None) -> None:
        self.segmenter = _shared_segmenter(userdict_text, bool(settings.get("hmm", False)))

    def to_bytes(self, *, exclude: Iterable[str] = (), **kwargs: Any) -> bytes:
        """Settings and user dictionary text as msgpack (the vocab is saved by the Language)."""
        return srsly.msgpack_dumps({"cfg": self._settings(), "userdict": self.segmenter.userdict_text})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = (), **kwargs: Any) -> "JiebaTokenizer":
        data = srsly.msgpack_loads(bytes_data)
        self._restore(data.get("cfg", {}), data.get("userdict"))
        return self

    def to_disk(self, path: str | os.PathLike, *, exclude: Iterable[str] = (), **kwargs: Any) -> None:
        """Write ``cfg.json`` and ``userdict.txt`` into the directory ``path``."""
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_json(folder / "cfg.json", self._settings())
        (folder / BUNDLED_USERDICT).write_text(self.segmenter.userdict_text, encoding="utf-8")

    def from_disk(self, path: str | os.PathLike, *, exclude: Iterable[str] = (), **kwargs: Any) -> "JiebaTokenizer":
        folder = ensure_path(path)
        settings = srsly.read_json(folder / "cfg.json") if (folder / "cfg.json").exists() else {}
        userdict = folder / BUNDLED_USERDICT
        text = userdict.read_text(encoding="utf-8") if userdict.exists() else None
        self._restore(settings, text)
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_jieba_tokenizer(
    *, hmm: bool = False, userdict: str | None = None
) -> Callable[[Any], JiebaTokenizer]:
    """Config entry ``[nlp.tokenizer] @tokenizers = "zhenggai.JiebaTokenizer.v1"``.

    ``userdict`` is a path to a jieba user dictionary; null means the bundled one.
    """

    def make_tokenizer(nlp: Any) -> JiebaTokenizer:
        segmenter = None if userdict is None else DomainSegmenter(userdict=userdict, hmm=hmm)
        return JiebaTokenizer(nlp.vocab, segmenter=segmenter, hmm=hmm)

    return make_tokenizer

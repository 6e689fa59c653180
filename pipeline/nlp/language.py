"""Build the spaCy ``Language``: blank Chinese, our jieba tokenizer, our components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.nlp import components  # noqa: F401  (registers the component factories)
from pipeline.nlp import tokenizer  # noqa: F401  (registers "zhenggai.JiebaTokenizer.v1")


def make_nlp(*, hmm: bool = False, pipes: tuple[str, ...] | None = None) -> Language:
    """A fresh pipeline; ``pipes`` limits the components (default: all, in order).

    The tokenizer is named in the config (not assigned afterwards), so
    ``nlp.to_disk`` / ``spacy.load`` bring back the same jieba tokenizer.
    """
    config = {"nlp": {"tokenizer": {"@tokenizers": "zhenggai.JiebaTokenizer.v1", "hmm": bool(hmm)}}}
    nlp = spacy.blank("zh", config=config)
    for name in pipes if pipes is not None else components.PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def load_nlp(*, hmm: bool = False) -> Language:
    """The shared pipeline of this process (built once; safe to call from anywhere)."""
    return _load_nlp(bool(hmm))


@lru_cache(maxsize=2)
def _load_nlp(hmm: bool) -> Language:
    # positional and normalized, so load_nlp() and load_nlp(hmm=False) share one pipeline
    return make_nlp(hmm=hmm)

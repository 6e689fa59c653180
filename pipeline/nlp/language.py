"""Build the spaCy ``Language``: blank Chinese, our jieba tokenizer, our components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.nlp import components  # noqa: F401  (registers the factories)


def make_nlp(*, hmm: bool = False, pipes: tuple[str, ...] | None = None) -> Language:
    """A fresh pipeline; ``pipes`` limits the components (default: all, in order)."""
    from pipeline.nlp.tokenizer import JiebaTokenizer

    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, hmm=hmm)
    for name in pipes if pipes is not None else components.PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


@lru_cache(maxsize=2)
def load_nlp(*, hmm: bool = False) -> Language:
    """The shared pipeline of this process (built once; safe to call from anywhere)."""
    return make_nlp(hmm=hmm)

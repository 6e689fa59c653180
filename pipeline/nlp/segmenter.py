"""The one word segmenter: a private ``jieba.Tokenizer`` with the domain dictionary.

Used by the matcher's word view and by the spaCy tokenizer (:mod:`pipeline.nlp.tokenizer`);
it imports no spaCy.  The global ``jieba.dt`` is shared mutable state; we never touch it.
The jieba prefix dictionary (~500k entries) is built lazily, once per segmenter, and is
never pickled: pickling carries only the user dictionary text and the settings.  jieba's
marshal cache of its main dictionary goes to the user's cache directory
(``$ZHENGGAI_CACHE_DIR``, else ``$XDG_CACHE_HOME/zhenggai``, else ``~/.cache/zhenggai``),
never to the working directory.
"""

from __future__ import annotations

import functools
import importlib.resources
import marshal
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from pipeline.deferred import deferred_imports

with deferred_imports("jieba"):
    import jieba

BUNDLED_USERDICT = "userdict.txt"

# "word [freq] [tag]", as jieba's user dictionary format (the word may contain spaces).
_USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?$")

UserdictEntry = tuple[str, "int | None", "str | None"]


# --------------------------------------------------------------------------- dictionary


def bundled_userdict_text() -> str:
    """Text of the bundled domain dictionary (``pipeline.models/userdict.txt``)."""
    resource = importlib.resources.files("pipeline.models") / BUNDLED_USERDICT
    return resource.read_text(encoding="utf-8")


def parse_userdict(text: str) -> list[UserdictEntry]:
    """Parse jieba user-dictionary text into ``(word, freq, tag)`` entries.

    Frequency 0 is rejected: jieba implements it by adding the word to a
    module-global "force split" set of its HMM, i.e. it would leak into every
    other jieba user in the process.  Use 1 to demote a word instead.
    """
    entries: list[UserdictEntry] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        match = _USERDICT_LINE.match(line)
        if match is None:  # pragma: no cover - the pattern matches any non-empty line
            raise ValueError(f"user dictionary line {lineno}: cannot parse {raw!r}")
        freq = int(match["freq"]) if match["freq"] is not None else None
        if freq == 0:
            raise ValueError(
                f"user dictionary line {lineno}: frequency 0 would change jieba's global "
                f"HMM state; use 1 to demote {match['word']!r}"
            )
        entries.append((match["word"], freq, match["tag"]))
    return entries


def jieba_cache_dir() -> str:
    """A writable directory for jieba's dictionary cache (never the cwd)."""
    candidates = []
    if os.environ.get("ZHENGGAI_CACHE_DIR"):
        candidates.append(Path(os.environ["ZHENGGAI_CACHE_DIR"]))
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    candidates.append(Path(base) / "zhenggai")
    candidates.append(Path(tempfile.gettempdir()) / "zhenggai-cache")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return str(folder)
    return tempfile.mkdtemp(prefix="zhenggai-jieba-")


def new_jieba_tokenizer() -> jieba.Tokenizer:
    """A private, initialized ``jieba.Tokenizer`` with jieba's main dictionary only.

    Its cache goes to :func:`jieba_cache_dir`; the global ``jieba.dt`` is not used.
    Also the "plain jieba" baseline of the benchmarks.
    """
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = jieba_cache_dir()
    tokenizer.cache_file = f"jieba-{jieba.__version__}-main.cache"
    if not _load_cached_dictionary(tokenizer):
        tokenizer.initialize()  # builds the prefix dictionary and writes the cache
    return tokenizer


def _load_cached_dictionary(tokenizer: jieba.Tokenizer) -> bool:
    """Fill ``tokenizer`` from its marshal cache as ``Tokenizer.initialize`` does, but from the file's
    bytes: jieba's ``marshal.load`` on the open file reads it piece by piece, 0.9 s instead of 0.3 s
    for its 500,000 entries, paid by every command that segments.  False when there is no usable cache."""
    if tokenizer.dictionary != jieba.DEFAULT_DICT:  # jieba checks a custom dictionary's age first
        return False
    try:
        freq, total = marshal.loads((Path(tokenizer.tmp_dir) / tokenizer.cache_file).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    if not isinstance(freq, dict) or not isinstance(total, int):
        return False
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return True


# --------------------------------------------------------------------------- segmenter


#: texts whose words a segmenter keeps (chunks of a sentence: some 50,000 are a few megabytes)
CUTS_KEPT = 50_000


class DomainSegmenter:
    """A private ``jieba.Tokenizer`` with the domain dictionary, built on first use.

    ``userdict=None`` uses the bundled ``models/userdict.txt``.  ``hmm`` turns on
    jieba's HMM for unknown words (off by default: it scores lower on SIGHAN PKU
    and splits nothing that the dictionary knows).
    """

    def __init__(self, *, userdict: str | os.PathLike | None = None, hmm: bool = False) -> None:
        if userdict is None:
            text = bundled_userdict_text()
        else:
            text = Path(userdict).read_text(encoding="utf-8")
        self._setup(text, hmm=hmm, bundled=userdict is None)

    @classmethod
    def from_text(cls, userdict_text: str, *, hmm: bool = False) -> "DomainSegmenter":
        """A segmenter whose user dictionary is given as text (used when deserializing)."""
        self = cls.__new__(cls)
        self._setup(userdict_text, hmm=hmm, bundled=userdict_text == bundled_userdict_text())
        return self

    def _setup(self, text: str, *, hmm: bool, bundled: bool) -> None:
        self.hmm = bool(hmm)
        self.userdict_text = text
        self.entries = parse_userdict(text)
        self.bundled = bundled
        self._jieba: jieba.Tokenizer | None = None
        self._lock = threading.Lock()
        self._cuts: dict[str, tuple[str, ...]] = {}  # text -> its words, see cut()

    # jieba's prefix dictionary is large: never pickle it, rebuild lazily.
    def __getstate__(self) -> dict[str, Any]:
        return {"userdict_text": self.userdict_text, "hmm": self.hmm, "bundled": self.bundled}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._setup(state["userdict_text"], hmm=state["hmm"], bundled=state["bundled"])

    def __repr__(self) -> str:
        source = "bundled" if self.bundled else f"{len(self.entries)} entries"
        return f"DomainSegmenter(userdict={source}, hmm={self.hmm}, loaded={self.loaded})"

    @property
    def loaded(self) -> bool:
        """Whether the jieba dictionary has been built yet."""
        return self._jieba is not None

    @property
    def jieba_tokenizer(self) -> jieba.Tokenizer:
        """The owned ``jieba.Tokenizer``, initialized on first access."""
        tokenizer = self._jieba
        if tokenizer is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = self._build()
                tokenizer = self._jieba
        return tokenizer

    def _build(self) -> jieba.Tokenizer:
        tokenizer = new_jieba_tokenizer()
        for word, freq, tag in self.entries:
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def cut(self, text: str) -> list[str]:
        """Words of ``text``; their concatenation is ``text``.

        Kept per text (at most :data:`CUTS_KEPT` texts, then forgotten all at once): a review cuts
        the same report sentences for the answers, again with the plans added, and again for the
        words shown to reviewers; segmentation was most of a report's review.
        """
        words = self._cuts.get(text)
        if words is None:
            if len(self._cuts) >= CUTS_KEPT:
                self._cuts.clear()
            words = self._cuts[text] = tuple(word for word, _start, _end in self.tokenize(text))
        return list(words)

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` triples (end exclusive): jieba's own ``Tokenizer.tokenize``."""
        if not isinstance(text, str):
            raise ValueError(f"text must be str, not {type(text).__name__}")
        return list(self.jieba_tokenizer.tokenize(text, HMM=self.hmm))

    @property
    def words(self) -> list[str]:
        """Dictionary words of the user dictionary (demoted entries, freq 1, excluded)."""
        return [word for word, freq, _ in self.entries if freq is None or freq > 1]


def load_segmenter(*, hmm: bool = False) -> DomainSegmenter:
    """The shared segmenter with the bundled dictionary (jieba itself loads lazily)."""
    return _load_segmenter(bool(hmm))


@functools.lru_cache(maxsize=2)
def _load_segmenter(hmm: bool) -> DomainSegmenter:
    # positional and normalized, so load_segmenter() and load_segmenter(hmm=False) share one entry
    return DomainSegmenter(hmm=hmm)


@functools.lru_cache(maxsize=8)
def _shared_segmenter(userdict_text: str | None, hmm: bool) -> DomainSegmenter:
    """One segmenter per (dictionary text, hmm) per process.

    Tokenizers restored from pickles, bytes or disk share it, so a worker
    process builds jieba's dictionary once however many copies it unpickles.
    A segmenter is read-only once built, so sharing is safe.
    """
    if userdict_text is None or userdict_text == bundled_userdict_text():
        return load_segmenter(hmm=hmm)
    return DomainSegmenter.from_text(userdict_text, hmm=hmm)


# --------------------------------------------------------------------------- sentences

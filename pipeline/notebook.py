"""Notebook helpers: Chinese labels in matplotlib charts, and the repository's folders.

Why: matplotlib's default font has no Chinese glyphs, so labels such as 整改任务 come
out as empty boxes with only a warning.  :func:`use_cjk_font` picks an installed CJK
font (Debian ``fonts-noto-cjk``, installed by the README's set-up) and turns the
missing-glyph warning into an error, so a chart that cannot show its labels fails
instead of rendering boxes.  Needs the ``test`` (or ``notebooks``) extra: matplotlib.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

#: preferred CJK families, first installed wins
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
)
INSTALL_HINT = "sudo apt-get install fonts-noto-cjk   # Debian/Ubuntu; see the README's set-up"


def _installed_families() -> set[str]:
    """The font families matplotlib knows; where none is a CJK one, the system's font files it has not listed are
    added first: its font list is cached, and a font installed after the cache was written is not in it.  A font
    collection (.ttc, .otc) is added again even where listed: matplotlib 3.11 lists each of its faces, and a list
    may hold some of them (Noto Sans CJK TC) without the one wanted (Noto Sans CJK SC)."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    if installed.isdisjoint(CJK_FAMILIES):
        known = {font.fname for font in font_manager.fontManager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known or path.lower().endswith((".ttc", ".otc")):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a file FreeType cannot read: not a font for the charts
                    continue
        installed = {font.name for font in font_manager.fontManager.ttflist}
    return installed


def use_cjk_font() -> str:
    """Set matplotlib's sans-serif font to an installed CJK family and return its name."""
    installed = _installed_families()
    for family in CJK_FAMILIES:
        if family in installed:
            matplotlib.rcParams["font.family"] = "sans-serif"
            matplotlib.rcParams["font.sans-serif"] = [family, *matplotlib.rcParams["font.sans-serif"]]
            matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
            warnings.filterwarnings("error", message=r"Glyph .* missing from")
            return family
    raise RuntimeError(f"no CJK font found for the charts' Chinese labels; install one: {INSTALL_HINT}")


def repo_root(start: str | Path | None = None) -> Path:
    """The checkout holding ``corpus/`` (a notebook runs in ``notebooks/``, a shell in the root)."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "corpus").is_dir() and (folder / "pipeline").is_dir():
            return folder
    raise FileNotFoundError(f"no zhenggai checkout (a folder with corpus/ and pipeline/) above {here}")

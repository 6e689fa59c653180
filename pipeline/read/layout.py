"""Shared text-shaping helpers for readers that rebuild text from a layout.

PDF, DOCX and HTML readers emit one paragraph per line, lines stripped, no
blank lines: the same shape as a plain-text report, so the body text of every
format agrees with the TXT up to whitespace and downstream line-based rules
(outline headings start a line) behave the same.
"""

from __future__ import annotations

_WS_STRIP = " \t\u3000\u00a0\u200b\ufeff\u2002\u2003\u2009\x0b\x0c"


def join_separator(last: str, first: str) -> str:
    """What goes between two pieces of one paragraph: a space only between two Latin letters."""
    if last.isascii() and first.isascii() and last.isalpha() and first.isalpha():
        return " "
    return ""


def strip_line(line: str) -> str:
    return line.strip(_WS_STRIP)


def tidy_lines(lines: list[str]) -> list[str]:
    """Strip every line and drop the empty ones."""
    out = []
    for line in lines:
        line = strip_line(line)
        if line:
            out.append(line)
    return out


# ------------------------------------------------------------ positioned chars -> text lines
#
# A char is a tuple (text, x0, x1, top, bottom) in page coordinates, top-down.
# The grouping below reproduces pdfplumber's default text-line extraction
# (``extract_text_lines(strip=True)`` with x/y tolerance 3, no layout) on
# upright text, so the PDF reader can skip building pdfplumber's per-char
# dicts, which cost as much time as parsing the page itself.

Char = tuple[str, float, float, float, float]

_TOLERANCE = 3.0
# pdfplumber expands these when it builds text; kept identical.
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def distinct_chars(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """The chars without repeats: a glyph drawn again within ``tolerance`` points is fake bold.

    Only the first, second and fourth items (text, x0, top) are read, so
    longer tuples carrying a payload pass through.

    pdfplumber's ``dedupe_chars`` does the same but is quadratic on dense CJK
    pages; a grid of buckets keyed by (text, cell) makes this linear.
    """
    grid: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    keep: list[Char] = []
    for char in chars:
        text, x0, top = char[0], char[1], char[3]
        gx, gy = int(x0 // tolerance), int(top // tolerance)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for ox, oy in grid.get((text, gx + dx, gy + dy), ()):
                    if abs(ox - x0) <= tolerance and abs(oy - top) <= tolerance:
                        duplicate = True
                        break
                if duplicate:
                    break
            if duplicate:
                break
        if not duplicate:
            grid.setdefault((text, gx, gy), []).append((x0, top))
            keep.append(char)
    return keep


def _cluster_ids(values, tolerance: float) -> dict[float, int]:
    """Value -> cluster number; sorted distinct values chain while each is within ``tolerance`` of the last."""
    ids: dict[float, int] = {}
    cluster, last = -1, None
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            cluster += 1
        ids[value] = cluster
        last = value
    return ids


def _words(line: list[Char]) -> list[list[Char]]:
    """Split one line (chars sorted by x0) into words at blanks and gaps wider than the tolerance."""
    words: list[list[Char]] = []
    current: list[Char] = []
    for char in line:
        text = char[0]
        if text.isspace():
            if current:
                words.append(current)
            current = []
        elif text == "":  # pdfplumber makes an empty glyph a word of its own
            if current:
                words.append(current)
            words.append([char])
            current = []
        elif current and (
            char[1] < current[-1][1] or char[1] > current[-1][2] + _TOLERANCE
            or abs(char[3] - current[-1][3]) > _TOLERANCE
        ):
            words.append(current)
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(current)
    return words


def text_lines(chars: list[Char]) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, x1, top, bottom) of every text line, top to bottom; words joined by one space.

    ``chars`` are in drawing order and upright.  Lines are clusters of tops
    within the tolerance, chars in a line are ordered by x0, and the line
    text is stripped of spaces.
    """
    if not chars:
        return []
    words: list[list[Char]] = []
    for row in _rows(chars):
        words.extend(_words(sorted(row, key=lambda c: c[1])))
    # words are clustered into lines again by their own top, keeping their order
    word_tops = [min(c[3] for c in word) for word in words]
    row_of = _cluster_ids(word_tops, _TOLERANCE)
    out = []
    row: list[tuple[str, Char | None]] = []
    previous = None
    for word, top in zip(words, word_tops):
        if previous is not None and row_of[top] != previous:
            out.append(_finish(row))
            row = []
        previous = row_of[top]
        if row:
            row.append((" ", None))
        for char in word:
            for letter in _LIGATURES.get(char[0], char[0]):
                row.append((letter, char))
    out.append(_finish(row))
    return [line for line in out if line is not None]


def _finish(row: list[tuple[str, Char | None]]) -> tuple[str, float, float, float, float] | None:
    """Strip the spaces at both ends of a row; its box is that of the chars left."""
    start, end = 0, len(row)
    while start < end and row[start][0] == " ":
        start += 1
    while end > start and row[end - 1][0] == " ":
        end -= 1
    text = "".join(letter for letter, _ in row[start:end])
    if not text.strip():
        return None
    chars = [c for _, c in row[start:end] if c is not None]
    return (
        text,
        min(c[1] for c in chars),
        max(c[2] for c in chars),
        min(c[3] for c in chars),
        max(c[4] for c in chars),
    )


# ------------------------------------------------------------ two-column pages

FULL_WIDTH, LEFT, RIGHT = 0, 1, 2
_MARGIN_BAND = 0.12  # share of the page height holding running headers, footers and page numbers


def split_columns(chars: list[Char], *, height: float) -> list[tuple[int, list[Char]]]:
    """The page cut into segments in reading order: (FULL_WIDTH | LEFT | RIGHT, chars).

    A page without a gutter is one FULL_WIDTH segment (chars untouched).  A
    gutter is a vertical strip near the middle of the text that no row
    crosses (apart from a few, e.g. a title) while most rows have text on
    both sides, each side filling its column (a borderless table, whose
    cells are short and ragged, is not taken for two columns).  Rows that
    cross it, and rows in the header/footer bands, are read full width
    where they stand; between them, the left column is read before the right.
    A last page whose right column stops half way still counts (each side
    needs text in 30% of the rows and three rows side by side).
    """
    gutter = _find_gutter(chars, height)
    if gutter is None:
        return [(FULL_WIDTH, chars)]
    g0, g1 = gutter
    segments: list[tuple[int, list[Char]]] = []
    left: list[Char] = []
    right: list[Char] = []

    def flush() -> None:
        if left:
            segments.append((LEFT, left.copy()))
        if right:
            segments.append((RIGHT, right.copy()))
        left.clear()
        right.clear()

    for row in _rows(chars):
        if _is_margin_row(row, height) or any(c[1] < g1 and c[2] > g0 for c in row if not c[0].isspace()):
            flush()
            if segments and segments[-1][0] == FULL_WIDTH:
                segments[-1][1].extend(row)
            else:
                segments.append((FULL_WIDTH, list(row)))
        else:
            for c in row:
                (left if c[2] <= g0 else right).append(c)
    flush()
    return segments


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Chars grouped by top (the same clustering as the text lines), top to bottom, drawing order kept."""
    row_of = _cluster_ids([c[3] for c in chars], _TOLERANCE)
    rows: dict[int, list[Char]] = {}
    for c in chars:
        rows.setdefault(row_of[c[3]], []).append(c)
    return [rows[k] for k in sorted(rows)]


def _is_margin_row(row: list[Char], height: float) -> bool:
    top = min(c[3] for c in row)
    bottom = max(c[4] for c in row)
    return height > 0 and (top >= height * (1 - _MARGIN_BAND) or bottom <= height * _MARGIN_BAND)


def _find_gutter(chars: list[Char], height: float) -> tuple[float, float] | None:
    visible = [c for c in chars if not c[0].isspace()]
    if len(visible) < 40:
        return None
    rows = [row for row in _rows(visible) if not _is_margin_row(row, height)]
    if len(rows) < 6:
        return None
    lo = int(min(c[1] for c in visible))
    hi = int(max(c[2] for c in visible)) + 1
    width = hi - lo
    cover = [0] * (width + 1)
    for row in rows:
        spans = sorted((c[1], c[2]) for c in row)
        merged: list[list[float]] = []
        for x0, x1 in spans:
            if merged and x0 <= merged[-1][1] + 1.0:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        for x0, x1 in merged:
            cover[int(x0) - lo] += 1
            cover[min(width, int(x1) + 1 - lo)] -= 1
    running, allowed = 0, max(1, len(rows) // 10)
    best: tuple[int, int] | None = None
    start = None
    for i in range(width + 1):
        running += cover[i]
        empty = running <= allowed and 0.35 * width <= i <= 0.65 * width
        if empty and start is None:
            start = i
        if (not empty or i == width) and start is not None:
            end = i if not empty else i + 1
            if best is None or end - start > best[1] - best[0]:
                best = (start, end)
            start = None
    if best is None or best[1] - best[0] < 6:
        return None
    g0, g1 = lo + best[0], lo + best[1]
    sides = [[c for c in row if c[2] <= g0] for row in rows], [[c for c in row if c[1] >= g1] for row in rows]
    if sum(1 for a, b in zip(*sides) if a and b) < 3:
        return None  # never two rows of text side by side: not columns
    for side in sides:
        filled = [row for row in side if row]
        if len(filled) < 0.3 * len(rows):
            return None
        col_lo = min(c[1] for row in filled for c in row)
        col_hi = max(c[2] for row in filled for c in row)
        fills = sorted((max(c[2] for c in row) - min(c[1] for c in row)) / (col_hi - col_lo) for row in filled)
        counts = sorted(len(row) for row in filled)
        if fills[len(fills) // 2] < 0.7 or counts[len(counts) // 2] < 8:
            return None  # ragged or short cells: a borderless table, not running text
    return float(g0), float(g1)


# ------------------------------------------------------------ ruled tables

Rule = tuple[float, float, float, float]  # x0, top, x1, bottom of a straight, axis-parallel ruling line
_MAX_RULES = 2000  # a page of vector art is not searched for tables


def find_grids(rules: list[Rule]) -> list[tuple[list[float], list[float]]]:
    """Ruled tables: groups of touching horizontal and vertical rules, as (column xs, row ys).

    Two horizontal and two vertical rules at least; merged cells are read as
    the cells of the finest grid the rules make, which keeps each cell's
    text in one cell.
    """
    flat = [r for r in rules if r[3] - r[1] <= 1.0 and r[2] - r[0] >= 2.0]
    tall = [r for r in rules if r[2] - r[0] <= 1.0 and r[3] - r[1] >= 2.0]
    if not flat or not tall or len(flat) + len(tall) > _MAX_RULES:
        return []
    parent = list(range(len(flat) + len(tall)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (hx0, htop, hx1, hbottom) in enumerate(flat):
        y = (htop + hbottom) / 2
        for j, (vx0, vtop, vx1, vbottom) in enumerate(tall):
            x = (vx0 + vx1) / 2
            if hx0 - 1.5 <= x <= hx1 + 1.5 and vtop - 1.5 <= y <= vbottom + 1.5:
                parent[root(i)] = root(len(flat) + j)
    groups: dict[int, list[int]] = {}
    for i in range(len(parent)):
        groups.setdefault(root(i), []).append(i)
    grids = []
    for members in groups.values():
        ys = _merge_close(sorted((flat[i][1] + flat[i][3]) / 2 for i in members if i < len(flat)))
        xs = _merge_close(sorted((tall[i - len(flat)][0] + tall[i - len(flat)][2]) / 2 for i in members if i >= len(flat)))
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append((xs, ys))
    return grids


def _merge_close(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def table_rows(grid: tuple[list[float], list[float]], chars: list[Char]) -> tuple[list[tuple[str, float, float, float, float]], list[Char]]:
    """(text, x0, x1, top, bottom) of every non-empty row of a ruled table, and the chars outside it.

    A row is one line, its cells joined by a tab (as the DOCX reader writes
    table rows); the lines inside a cell are joined as a wrapped paragraph.
    """
    import bisect

    xs, ys = grid
    cells: dict[tuple[int, int], list[Char]] = {}
    rest: list[Char] = []
    for c in chars:
        cx, cy = (c[1] + c[2]) / 2, (c[3] + c[4]) / 2
        if xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]:
            cells.setdefault((bisect.bisect(ys, cy) - 1, bisect.bisect(xs, cx) - 1), []).append(c)
        else:
            rest.append(c)
    rows = []
    for r in range(len(ys) - 1):
        texts = []
        for col in range(len(xs) - 1):
            text = ""
            for line in text_lines(cells.get((r, col), [])):
                piece = strip_line(line[0])
                if piece:
                    text += (join_separator(text[-1], piece[0]) if text else "") + piece
            texts.append(text)
        if any(texts):
            rows.append(("\t".join(texts), xs[0], xs[-1], ys[r], ys[r + 1]))
    return rows, rest

"""One layout form for every résumé file: blocks of text with their kind and position, read in order.

PDF text layers give positioned runs (pdfium), OCR gives boxes (deskewed here), DOCX gives paragraphs and table
cells. `reading_text` turns the blocks of any of them into the lines the résumé parser reads: columns one after
the other, a section heading before the rows it labels (also when it stands beside the first row, or is written
down a narrow cell one character per line), and a table's label cells joined to their value cells.
"""
from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, replace
from typing import Iterable, Literal, Sequence

from ml.ocr import OcrLine, reading_order
from ml.resume import header_kinds, is_column_head, is_field_label

BlockKind = Literal["text", "heading", "cell", "paragraph"]  # paragraph, cell: DOCX, in document order


@dataclass(frozen=True)
class Block:
    """A run of text on a page: box in page units (PDF points, image pixels; DOCX: paragraph and cell indices)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int = 1
    kind: BlockKind = "text"
    table: int | None = None
    row: int | None = None
    col: int | None = None
    confidence: float = 1.0

    # The attributes ml.ocr.reading_order works with.
    @property
    def left(self) -> float:
        return self.x0

    @property
    def right(self) -> float:
        return self.x1

    @property
    def top(self) -> float:
        return self.y0

    @property
    def bottom(self) -> float:
        return self.y1

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center_y(self) -> float:
        return (self.y0 + self.y1) / 2


# --- producers -----------------------------------------------------------------------------------

def pdf_blocks(page, number: int) -> list[Block]:
    """Text runs of a pdfium page with their boxes (top-left origin, points), neighbouring runs of a line merged."""
    textpage = page.get_textpage()
    try:
        height = page.get_size()[1]
        runs = []
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = textpage.get_text_bounded(left, bottom, right, top)
            text = " ".join(text.split())
            if text:
                runs.append(Block(text, left, height - top, right, height - bottom, number))
    finally:
        textpage.close()
    return _merge_runs(runs)


def _merge_runs(runs: list[Block]) -> list[Block]:
    """Runs on one baseline closer than about half a character are one block (PDFs often write word by word)."""
    merged: list[Block] = []
    for run in sorted(runs, key=lambda b: (round(b.center_y), b.x0)):
        last = merged[-1] if merged else None
        size = max(run.height, 1.0)
        if (last is not None and abs(last.center_y - run.center_y) <= 0.4 * size
                and -0.2 * size <= run.x0 - last.x1 <= 0.6 * size):
            gap = " " if run.x0 - last.x1 > 0.15 * size else ""
            merged[-1] = replace(last, text=last.text + gap + run.text, x1=run.x1,
                                 y0=min(last.y0, run.y0), y1=max(last.y1, run.y1))
        else:
            merged.append(run)
    return merged


def ocr_blocks(lines: Sequence[OcrLine], number: int) -> list[Block]:
    """OCR lines as blocks on a deskewed page: the boxes are turned back by the page's median text angle."""
    angle = skew_angle(lines)
    cos, sin = math.cos(-angle), math.sin(-angle)
    blocks = []
    for line in lines:
        points = [(x * cos - y * sin, x * sin + y * cos) for x, y in line.box]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        blocks.append(Block(line.text, min(xs), min(ys), max(xs), max(ys), number, confidence=line.confidence))
    return blocks


def skew_angle(lines: Sequence[OcrLine]) -> float:
    """Median angle (radians) of the top edges of wide boxes: the tilt of a hand-held photo or a skewed scan."""
    angles = []
    for line in lines:
        (x0, y0), (x1, y1) = line.box[0], line.box[1]
        width = math.hypot(x1 - x0, y1 - y0)
        if width > 3 * max(line.height / 2, 1.0) and x1 > x0:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    if len(angles) < 3:
        return 0.0
    angle = statistics.median(angles)
    return angle if abs(angle) < math.radians(15) else 0.0


def docx_blocks(items: Iterable[tuple]) -> list[Block]:
    """DOCX body items in document order: ("p", text) paragraphs and ("cell", table, row, col, text) cells."""
    blocks = []
    for position, item in enumerate(items):
        if item[0] == "p":
            blocks.append(Block(item[1], 0, position, 1, position + 1, kind="paragraph"))
        else:
            _, table, row, col, text = item
            blocks.append(Block(text, col, position, col + 1, position + 1, kind="cell", table=table, row=row, col=col))
    return blocks


# --- reading -------------------------------------------------------------------------------------

def reading_text(blocks: Sequence[Block]) -> str:
    """The lines of a page's or document's blocks in reading order (what the résumé parser reads)."""
    # Groups in order of first appearance: each DOCX paragraph, each DOCX table, each page of positioned blocks.
    groups: dict[tuple, list[Block]] = {}
    for index, block in enumerate(blocks):
        key = (("table", block.table) if block.kind == "cell" else ("paragraph", index) if block.kind == "paragraph"
               else ("page", block.page))
        groups.setdefault(key, []).append(block)
    out: list[str] = []
    for (kind, _), members in groups.items():
        if kind == "paragraph":
            out.extend(t for t in members[0].text.split("\n") if t.strip())
        elif kind == "table":
            out.extend(table_lines(members))
        else:
            out.extend(page_lines(members))
    return "\n".join(out)


def table_lines(cells: Sequence[Block]) -> list[str]:
    """A table row by row: a section label cell before its content, label cells joined to their values."""
    rows: dict[int, list[Block]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    out: list[str] = []
    for _, row in sorted(rows.items()):
        texts: list[str] = []
        for cell in sorted(row, key=lambda c: c.col):
            if cell.text.strip() and (not texts or texts[-1] != cell.text):  # merged cells repeat their text
                texts.append(cell.text.strip())
        if not texts:
            continue
        out.extend(_row_lines(texts))
    return out


def _row_lines(texts: list[str]) -> list[str]:
    first = _one_line(texts[0])
    if len(texts) == 1:
        return [t for t in texts[0].split("\n") if t.strip()]
    if max(len([t for t in text.split("\n") if t.strip()]) for text in texts) >= 4:
        # A Word template laid out by an invisible table (a sidebar cell beside a main cell): columns, one after
        # the other, each cell's lines as they are.
        return [t for text in texts for t in text.split("\n") if t.strip()]
    dated = [t for t in texts[1:] if sum(1 for line in t.split("\n") if _DATED_START.match(line.strip())) >= 2]
    if len(texts) == 2 and dated:
        # A label cell beside a cell of dated entries, one a paragraph (a cadre form's 简历, "学习及工作经历"):
        # the label, then every entry on a line of its own.
        return [first] + [t for t in texts[1].split("\n") if t.strip()]
    if header_kinds(first) and not is_field_label(first) and len(texts) >= 3 and \
            all(is_column_head(_one_line(t)) for t in texts[1:]):
        # A section label merged down over its rows, beside the row of its column heads ("学习经历" | 起止时间 |
        # 毕业院校 | 所学专业 | 学历学位): the label, then the heads as one row, so the rows under them are read by them.
        return [first, " | ".join(_one_line(t) for t in texts[1:])]
    if header_kinds(first) and not is_field_label(first):
        # A section label beside its content ("工作经历" | multi-line cell).
        return [first] + [t for text in texts[1:] for t in text.split("\n") if t.strip()]
    # Labels in every cell: a table's column heads ("学校 | 学位 | 专业 | 时间"), not label/value pairs.
    if len(texts) % 2 == 0 and all(is_field_label(_one_line(t)) for t in texts[::2]) and \
            not all(is_field_label(_one_line(t)) for t in texts):
        return [f"{_one_line(label)}：{_one_line(value)}" for label, value in zip(texts[::2], texts[1::2])]
    return [" | ".join(_one_line(t) for t in texts)]


_DATED_START = re.compile(r"(?:19|20)\d{2}\s*[./\-年]\s*\d{1,2}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def page_lines(blocks: Sequence[Block]) -> list[str]:
    """Lines of one page of positioned blocks: columns by recursive XY cut, headings first in their row."""
    if not blocks:
        return []
    unit = statistics.median(max(b.height, 1.0) for b in blocks)
    blocks, labels = _vertical_labels(list(blocks), unit)
    blocks = _split_headings(_gutter_dates(_stacked_ranges(blocks, unit), unit), unit)
    out: list[str] = []
    for row in _join_wrapped_cells(reading_order(blocks, _is_section_heading), unit):
        while labels and min(b.y0 for b in row) >= labels[0][0]:
            out.append(labels.pop(0)[1])
        headings = [b for b in row if b.kind == "heading" or (header_kinds(b.text) and not is_field_label(b.text))]
        if len(row) > 1 and header_kinds(row[0].text) and row[1].text.startswith(row[0].text.strip()):
            headings = [row[0]]  # a heading in a gutter beside a line labelled the same ("证书" | "证书 ｜ CFA")
        if len(row) > 1 and headings and headings[0] is row[0]:
            out.append(headings[0].text)
            row = row[1:]
        out.extend(_join_row(row, unit))
    return out + [text for _, text in labels]


def _is_section_heading(text: str) -> bool:
    """A line that is a section's name alone ("工作经历", "技能"; on a form also a label cell's text)."""
    return bool(header_kinds(text))


_SHORT_CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _split_headings(blocks: list[Block], unit: float) -> list[Block]:
    """A section heading set over two lines in a gutter ("工作" over "经历", "专业" over "技能") beside the entries: one
    heading at the place of its first half. Both halves short, left-aligned, the second right under the first, the
    first beside content on its right; joined they name a section, and neither alone is a heading of that section
    that is no field label ("专业" alone labels a major, "证书" a credential)."""
    short = sorted((b for b in blocks if _SHORT_CJK.fullmatch(b.text.strip())), key=lambda b: b.y0)
    gone: set[int] = set()
    joined: dict[int, Block] = {}
    for i, upper in enumerate(short):
        if id(upper) in gone or id(upper) in joined:
            continue
        lower = next((b for b in short[i + 1:] if id(b) not in gone and abs(b.x0 - upper.x0) <= 0.5 * unit
                      and -0.1 * unit <= b.y0 - upper.y1 <= 0.8 * unit), None)
        if lower is None:
            continue
        text = upper.text.strip() + lower.text.strip()
        if not header_kinds(text):
            continue
        if all(header_kinds(half) for half in (upper.text, lower.text)):
            continue  # two headings one under the other ("技能" over "证书")
        if not any(b is not upper and b.x0 > upper.x1 + unit and abs(b.center_y - upper.center_y) <= 0.6 * unit
                   for b in blocks):
            continue  # no entry beside it: not a gutter
        joined[id(upper)] = replace(upper, text=text, kind="heading")
        gone.add(id(lower))
    return [joined.get(id(b), b) for b in blocks if id(b) not in gone]


_WRAP_GAP = 0.7  # lines of a cell set at a line and a half: the rows' boxes about half a line apart
_OPEN_RANGE = re.compile(r"(?:19|20)\d{2}(?:\s*[./年]\s*\d{1,2}\s*月?)?\s*(?:[-‐‑‒–—―−－~～〜]|至|到)$")
_RANGE_END = re.compile(r"^(?:(?:19|20)\d{2}(?:\s*[./年]\s*\d{1,2}\s*月?)?|至今|今|现在)$")
_CUT_NAME_HEAD = re.compile(r"(?:银行|公司|集团|保险|证券)[\u4e00-\u9fff]{0,4}$|(?:商业|农村|股份)?银$")
_NAME_TAIL = re.compile(r"^(?:(?:行)?(?:股份)?(?:有限)?(?:责任)?公司|(?:份)?有限(?:责任)?公司|限(?:责任)?公司|公司|行(?:股份有限公司)?)$")


def _finishes_cell(upper: str, lower: str) -> bool:
    """The lower piece is the rest its cell was cut from: a range's end under an open range, a company's tail."""
    upper, lower = upper.strip(), lower.strip()
    return bool((_OPEN_RANGE.search(upper) and _RANGE_END.match(lower))
                or (_CUT_NAME_HEAD.search(upper) and _NAME_TAIL.match(lower)))


def _join_wrapped_cells(rows: list[list[Block]], unit: float) -> list[list[Block]]:
    """A cell's text wrapped onto a second line ("中国太平洋财产保险股份有" / "限公司") joined back to its cell.

    The continuation starts at the cell's left edge, right under it (less than a quarter line apart), ends before
    the next cell begins, below a row of at least three cells; a line further down (a title under a
    "dates | employer" row) or one running across the cells (a duty under a job) is a row of its own.
    """
    out: list[list[Block]] = []
    for row in rows:
        previous = out[-1] if out else None
        if previous is not None and len(previous) >= 3 and len(row) < len(previous):
            targets = []
            for block in row:
                above = next((a for a in previous if abs(a.x0 - block.x0) <= 0.5 * unit
                              and -0.1 * unit <= block.y0 - a.y1 <= 1.0 * unit), None)
                # It stays inside its cell: it ends before the next cell of the row above begins.
                right = [a.x0 for a in previous if above is not None and a.x0 > above.x1]
                if above is not None and right and block.x1 > min(right):
                    above = None
                targets.append(above)
            # Up to a quarter line apart any such line is the cells' rest; up to half a line and more (a table set
            # at a line and a half) only when a piece plainly finishes its cell: an open date range's end under
            # it ("2019.07-" / "至今") or a cut name's tail ("郑州银行股份有" / "限公司").
            if all(t is not None for t in targets) and (
                    all(b.y0 - t.y1 <= 0.25 * unit for b, t in zip(row, targets))
                    or (min(b.y0 for b in row) - max(a.y1 for a in previous) <= _WRAP_GAP * unit
                        and any(_finishes_cell(t.text, b.text) for b, t in zip(row, targets)))):
                merged = list(previous)
                for block, above in zip(row, targets):
                    index = merged.index(above) if above in merged else None
                    if index is None:
                        continue
                    glue = "" if re.match(r"[\u4e00-\u9fff]", block.text) or _OPEN_RANGE.search(above.text) else " "
                    merged[index] = replace(merged[index], text=merged[index].text + glue + block.text,
                                            y1=block.y1, x1=max(merged[index].x1, block.x1))
                out[-1] = merged
                continue
        out.append(list(row))
    return out


def _join_row(row: Sequence[Block], unit: float) -> list[str]:
    """Blocks of one row: far apart → " | "; a field label followed by its value → "label：value"."""
    parts: list[str] = []
    previous: Block | None = None
    for block in row:
        if previous is not None and abs(block.x0 - previous.x0) <= 0.5 * unit and block.y0 >= previous.y1 - 0.2 * unit:
            # The rest of a cell wrapped under its first line ("中国平安财产保险股份有限公" / "司").
            parts.append("" if re.match(r"[\u4e00-\u9fff]", block.text) else " ")
        elif previous is not None:
            if is_field_label(previous.text) and not re.search(r"[:：]\s*$", previous.text) \
                    and not is_field_label(block.text):  # a row of column heads is no label/value pair
                parts.append("：")
            elif block.x0 - previous.x1 > 1.5 * unit:
                parts.append(" | ")
            else:
                parts.append(" ")
        parts.append(block.text)
        previous = block
    line = "".join(parts)
    # Label/value pairs of a form row are lines of their own ("姓名：X | 性别：Y" → two lines).
    if "：" in line and " | " in line and all("：" in p for p in line.split(" | ")):
        return line.split(" | ")
    return [line]


_STACK_DATE = re.compile(r"(?i)(?:19|20)\d{2}(?:\s*[./\-年]\s*(?:1[0-2]|0?[1-9])\s*月?)?|至今|今|present|now")
_STACK_DASH = re.compile(r"[-‐‑‒–—―−－~～〜一]{1,3}|至|到|to")


def _stacked_ranges(blocks: list[Block], unit: float) -> list[Block]:
    """A timeline's date ranges written down a narrow gutter ("2018/03" over "—" over "至今", a rule and a dot beside)
    read as the start of the entry beside them: "2018/03 - 至今 | employer". Only a start, a dash and an end,
    stacked and left-aligned, are joined. When the gutter holds nothing else but section headings, those headings
    span the page, so the gutter is not read as a column of its own (headings first, then every entry)."""
    def fits(block: Block, pattern: re.Pattern) -> bool:
        return bool(pattern.fullmatch(block.text.strip()))

    def below(upper: Block, candidates: list[Block]) -> Block | None:
        return next((b for b in candidates if id(b) not in used and abs(b.x0 - upper.x0) <= 1.0 * unit
                     and -0.2 * unit <= b.y0 - upper.y1 <= 1.5 * unit), None)

    dates = sorted((b for b in blocks if fits(b, _STACK_DATE)), key=lambda b: b.y0)
    dashes = [b for b in blocks if fits(b, _STACK_DASH)]
    used: set[int] = set()
    ranges: list[tuple[Block, str]] = []
    for first in dates:
        if id(first) in used or not re.match(r"(?:19|20)\d", first.text.strip()):
            continue
        dash = below(first, dashes)
        end = below(dash, dates) if dash is not None else None
        if dash is None or end is None:
            continue
        used.update({id(first), id(dash), id(end)})
        ranges.append((first, f"{first.text.strip()} - {end.text.strip()}"))
    if not ranges:
        return blocks
    rest = [b for b in blocks if id(b) not in used]
    gutter = max(max(b.x1 for b in blocks if id(b) in used), *(first.x1 for first, _ in ranges))
    joined: dict[int, Block] = {}
    for first, text in ranges:
        beside = [b for b in rest if b.x0 >= gutter and abs(b.center_y - first.center_y) <= 0.6 * unit
                  and id(b) not in joined]
        if beside:
            target = min(beside, key=lambda b: b.x0)
            joined[id(target)] = replace(target, text=f"{text} | {target.text}", x0=first.x0, y0=min(first.y0, target.y0))
        else:
            joined[id(first)] = replace(first, text=text)
            rest.append(first)
    out = [joined.get(id(b), b) for b in rest]
    inside = [b for b in out if b.x1 <= gutter]
    if inside and all(header_kinds(b.text) and not is_field_label(b.text) for b in inside):
        right = max(b.x1 for b in out)
        out = [replace(b, x1=right) if b.x1 <= gutter else b for b in out]
    return out


# A whole date range in one run, four- or two-digit years ("2019.07 - 至今", "18.03~至今", "2016年7月—2019年3月").
_GUTTER_MONTH = r"(?:(?:19|20)?\d{2}\s*[./\-年]\s*(?:1[0-2]|0?[1-9])\s*月?)"
_GUTTER_RANGE = re.compile(rf"(?i){_GUTTER_MONTH}\s*(?:[-‐‑‒–—―−－~～〜]{{1,3}}|至|到|→)\s*(?:{_GUTTER_MONTH}|至今|今|present|now)")
_CAPS_SUBTITLE = re.compile(r"[A-Z][A-Z&' ]{1,30}")


def _gutter_dates(blocks: list[Block], unit: float) -> list[Block]:
    """A timeline's left column (often shaded) holding nothing but the section heads and each entry's date range, level
    with the entry's first line on the right: the column is no column of its own. Each range is read at the start of
    the line beside it ("18.03~至今 | employer"), and the heads span the page, a heading's English subtitle in capitals
    under it ("工作经历" over "WORK") joined to it. Only when every run of the column is a range or a heading, at least
    two ranges, and each range has a line beside it."""
    ranges = [b for b in blocks if _GUTTER_RANGE.fullmatch(b.text.strip())]
    if len(ranges) < 2:
        return blocks
    gutter = max(b.x1 for b in ranges)
    inside = [b for b in blocks if b.x1 <= gutter + 0.5 * unit]
    others = [b for b in blocks if b.x0 > gutter]
    if len(inside) + len(others) != len(blocks) or not others:
        return blocks  # something straddles the column's edge: not a gutter
    headings = [b for b in inside if b not in ranges]
    heads = [b for b in headings if header_kinds(b.text) and not is_field_label(b.text)]
    subtitles = [b for b in headings if b not in heads and _CAPS_SUBTITLE.fullmatch(b.text.strip())
                 and any(abs(h.x0 - b.x0) <= unit and 0 <= b.y0 - h.y1 <= 1.2 * unit for h in heads)]
    if not heads or len(heads) + len(subtitles) != len(headings):
        return blocks
    joined: dict[int, Block] = {}
    for block in ranges:
        beside = [b for b in others if abs(b.center_y - block.center_y) <= 0.6 * unit and id(b) not in joined]
        if not beside:
            return blocks
        target = min(beside, key=lambda b: b.x0)
        joined[id(target)] = replace(target, text=f"{block.text.strip()} | {target.text}", x0=block.x0,
                                     y0=min(block.y0, target.y0))
    right = max(b.x1 for b in others)
    out: list[Block] = []
    for block in blocks:
        if block in ranges or block in subtitles:
            continue
        if block in heads:
            under = next((s for s in subtitles if abs(s.x0 - block.x0) <= unit and 0 <= s.y0 - block.y1 <= 1.2 * unit),
                         None)
            out.append(replace(block, text=block.text + (f" {under.text.strip()}" if under else ""), x1=right,
                               kind="heading"))
        else:
            out.append(joined.get(id(block), block))
    return out


_ONE_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _heading_of(text: str) -> str:
    """The section heading a stack of characters spells, also when OCR dropped its last characters ("技能书")."""
    prefixes = [text[:end] for end in range(len(text), 1, -1)]
    # One section per label first: "工作经历技能…" is two labels, not one mixed heading.
    return next((p for p in prefixes if len(header_kinds(p)) == 1), "") or next((p for p in prefixes if header_kinds(p)), "")


def _vertical_labels(blocks: list[Block], unit: float) -> tuple[list[Block], list[tuple[float, str]]]:
    """Characters stacked in one narrow column that spell a section heading: the other blocks, and for each such
    heading where its rows begin (the top of its cell, found at the widest gap above the label)."""
    # Members of a stack: one character, or a few the detector boxed together upright ("作经").
    singles = sorted((b for b in blocks if _ONE_CJK.fullmatch(b.text) or
                      (len(b.text) <= 3 and _CJK_ONLY.fullmatch(b.text) and b.height >= 1.6 * (b.x1 - b.x0))),
                     key=lambda b: b.y0)
    used: set[int] = set()
    labels: list[tuple[Block, list[Block]]] = []
    for i, first in enumerate(singles):
        if id(first) in used:
            continue
        stack = [first]
        for other in singles[i + 1:]:
            if id(other) in used:
                continue
            last = stack[-1]
            if abs((other.x0 + other.x1) / 2 - (last.x0 + last.x1) / 2) <= 0.6 * unit and \
                    -0.6 * unit <= other.y0 - last.y1 <= 2.5 * unit:
                stack.append(other)
        # One column may hold several labels one below the other: split it into the headings it spells.
        chars = [(ch, b) for b in stack for ch in b.text]
        start = 0
        while start < len(chars):
            heading = _heading_of("".join(ch for ch, _ in chars[start:start + 6]))
            if not heading:
                start += 1
                continue
            members = list({id(b): b for _, b in chars[start:start + len(heading)]}.values())
            used.update(id(b) for b in members)
            labels.append((Block(heading, min(b.x0 for b in members), members[0].y0, max(b.x1 for b in members),
                                 members[-1].y1, members[0].page, kind="heading"), members))
            start += len(heading)
    if not labels:
        return blocks, []
    rest = [b for b in blocks if id(b) not in used]
    content = [b for b in rest if b.x0 > labels[0][0].x1]
    placed = []
    previous_bottom = None
    for label, _ in sorted(labels, key=lambda item: item[0].y0):
        low = previous_bottom if previous_bottom is not None else label.y0 - label.height
        placed.append((_region_start(content, low, label.y0, unit) - 0.5, label.text))
        previous_bottom = label.y1
    return rest, placed


def _region_start(content: list[Block], low: float, high: float, unit: float) -> float:
    """Where a vertically centred label's cell begins: at the widest gap between the rows above the label."""
    tops = sorted({round(b.y0 / (0.5 * unit)) * 0.5 * unit: b for b in content if low < b.center_y < high}.items())
    if not tops:
        # No row between the labels: a row level with the label's first character still opens its region.
        return min((b.y0 for b in content if high <= b.center_y < high + unit), default=high)
    edges = [low] + [b.y0 for _, b in tops] + [high]
    bottoms = [low] + [b.y1 for _, b in tops]
    gaps = [(edges[i + 1] - bottoms[i], i) for i in range(len(tops) + 1)]
    _, widest = max(gaps)
    return edges[widest + 1]

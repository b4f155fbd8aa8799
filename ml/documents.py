"""Text of an uploaded résumé (PDF text layer, OCR of scans and photos, DOCX), with limits checked before decoding."""
from __future__ import annotations

import io
import os
import math
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from ml.layout import Block, docx_blocks, ocr_blocks, pdf_blocks, reading_text
from ml.ocr import OcrEngine

PageMethod = Literal["text_layer", "ocr", "docx"]

# Scanned pages are rendered at this resolution for OCR; PP-OCR reads 10 pt text well at 150 dpi.
RENDER_DPI = 150
# Photos larger than this (longest side, pixels) are shrunk before OCR: more pixels only cost time.
OCR_MAX_SIDE = 2500
# A PDF page whose text layer has fewer meaningful characters than this is treated as a scan.
MIN_TEXT_LAYER_CHARS = 10


@dataclass(frozen=True)
class DocumentLimits:
    """Ceilings checked before anything is decoded (decompression and zip bombs, page floods)."""

    max_bytes: int = 15 * 1024 * 1024
    max_pages: int = 10
    max_pixels: int = 40_000_000  # per image, per rendered page and per image embedded in a PDF page
    max_unzipped_bytes: int = 60 * 1024 * 1024  # DOCX parts, as declared in the zip directory
    max_zip_entries: int = 2000


class DocumentRejected(Exception):
    """The upload cannot be read; reason is a stable code, message is shown to the candidate."""

    def __init__(self, reason: str, message: str):
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class ExtractedPage:
    number: int  # 1-based
    text: str  # the blocks' lines in reading order
    method: PageMethod
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractedText:
    text: str
    pages: list[ExtractedPage]
    warnings: list[str] = field(default_factory=list)

    @property
    def methods(self) -> list[PageMethod]:
        return [page.method for page in self.pages]


def detect_file_type(path: str | os.PathLike[str]) -> str | None:
    """detect_type for a file on disk: its leading bytes, and for a ZIP its directory (kept at the end of the file)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head.startswith(b"PK\x03\x04"):
        return detect_type(head)
    try:
        with zipfile.ZipFile(path) as archive:
            return "docx" if "word/document.xml" in archive.namelist() else None
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def detect_type(data: bytes) -> str | None:
    """File type from its bytes: pdf, png, jpeg, webp, docx; None if unknown (a DOCX needs the whole file)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc / .xls
    return None


def extract_text(data: bytes, *, filename: str, ocr: OcrEngine | None,
                 limits: DocumentLimits = DocumentLimits()) -> ExtractedText:
    """Text of a résumé file; raises DocumentRejected for anything that cannot or must not be read."""
    if not data:
        raise DocumentRejected("unreadable", "文件为空")
    if len(data) > limits.max_bytes:
        raise DocumentRejected("too_large", f"文件超过 {limits.max_bytes // (1024 * 1024)} MB 上限")
    kind = detect_type(data)
    if kind == "ole":
        raise DocumentRejected("unsupported_type", "不支持旧版 Word (.doc) 文件，请另存为 DOCX 或 PDF 后上传")
    if kind is None:
        raise DocumentRejected("unsupported_type", f"无法识别的文件类型（{filename}）：请上传 PDF、DOCX、JPG、PNG 或 WEBP")
    notes = []
    claimed = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if claimed and claimed not in _EXTENSIONS[kind]:
        notes.append(f"文件名扩展名 .{claimed} 与内容（{kind}）不符，按 {kind} 读取")
    if kind == "pdf":
        pages = _pdf_pages(data, ocr, limits, notes)
    elif kind == "docx":
        blocks = _docx_blocks(data, limits)
        pages = [ExtractedPage(1, reading_text(blocks), "docx", blocks)]
    else:
        pages = [_ocr_page(_open_image(data, limits), ocr, notes, 1)]
    text = "\n".join(_without_running_lines(pages)).strip()
    if not text:
        notes.append("未能从文件中读出文字")
    return ExtractedText(text=text, pages=pages, warnings=notes)


def _without_running_lines(pages: list[ExtractedPage]) -> list[str]:
    """The pages' texts, a running header or footer written once: a line among the first or last two of a later page
    that repeats one of the first page's first or last two (page numbers aside) is the page's furniture."""
    def edge(lines: list[str]) -> set[str]:
        return {re.sub(r"\d+", "#", line.strip()) for line in lines[:2] + lines[-2:] if line.strip()}

    texts = [page.text for page in pages if page.text]
    if len(texts) < 2:
        return texts
    first = edge(texts[0].split("\n"))
    out = [texts[0]]
    for text in texts[1:]:
        lines = text.split("\n")
        ends = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
        out.append("\n".join(line for k, line in enumerate(lines)
                             if k not in ends or re.sub(r"\d+", "#", line.strip()) not in first))
    return out


_EXTENSIONS = {
    "pdf": {"pdf"},
    "png": {"png"},
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "webp": {"webp"},
    "docx": {"docx"},
}


# --- images --------------------------------------------------------------------------------------

def _open_image(data: bytes, limits: DocumentLimits):
    """The photo upright (EXIF orientation applied) in RGB, after its header dimensions were checked."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        # PIL's own guard (MAX_IMAGE_PIXELS) warns at 1x and raises at 2x; treat both as a bomb.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size  # header only; no pixel is decoded yet
            if width <= 0 or height <= 0:
                raise DocumentRejected("unreadable", "图片尺寸无效")
            if width * height > limits.max_pixels:
                raise DocumentRejected("too_many_pixels",
                                       f"图片 {width}×{height} 像素，超过 {limits.max_pixels:,} 像素上限")
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise DocumentRejected("too_many_pixels", "图片像素过多，疑似解压炸弹") from exc
        except DocumentRejected:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure to decode untrusted bytes is the file's fault
            raise DocumentRejected("unreadable", "图片已损坏或无法解码") from exc
    scale = OCR_MAX_SIDE / max(image.size)
    if scale < 1:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                             Image.Resampling.LANCZOS)
    return np.asarray(image)


def _ocr_page(pixels: np.ndarray, ocr: OcrEngine | None, notes: list[str], number: int) -> ExtractedPage:
    if ocr is None:
        notes.append(f"第 {number} 页是图片，但未配置 OCR 引擎，未识别文字")
        return ExtractedPage(number, "", "ocr")
    blocks = ocr_blocks(ocr.recognize(pixels), number)
    return ExtractedPage(number, reading_text(blocks), "ocr", blocks)


# --- PDF -----------------------------------------------------------------------------------------

def _pdf_pages(data: bytes, ocr: OcrEngine | None, limits: DocumentLimits, notes: list[str]) -> list[ExtractedPage]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentRejected("unreadable", "PDF 已加密，请上传未加密的文件")
        count = len(reader.pages)
    except DocumentRejected:
        raise
    except LimitReachedError as exc:
        raise DocumentRejected("too_large", "PDF 内容解压后过大") from exc
    except Exception as exc:  # noqa: BLE001 - any failure to parse untrusted bytes is the file's fault
        raise DocumentRejected("unreadable", "PDF 已损坏或无法解析") from exc
    if count == 0:
        raise DocumentRejected("unreadable", "PDF 没有页面")
    if count > limits.max_pages:
        raise DocumentRejected("too_many_pages", f"PDF 共 {count} 页，超过 {limits.max_pages} 页上限")

    pages: list[ExtractedPage] = []
    rendered = _open_pdfium(data)
    for index in range(count):
        number = index + 1
        # pdfium's positioned runs are the text layer (pypdf's own text extraction took two thirds of a text
        # résumé's time and was then thrown away); pypdf reads it only where pdfium found no run.
        blocks = _text_layer_blocks(rendered, index, number)
        layer = _clean_layer("\n".join(block.text for block in blocks))
        page = None
        if not blocks:
            try:
                page = reader.pages[index]
                layer = _clean_layer(page.extract_text() or "")
            except LimitReachedError as exc:
                raise DocumentRejected("too_large", "PDF 内容解压后过大") from exc
            except Exception as exc:  # noqa: BLE001 - a broken text layer falls back to OCR
                notes.append(f"第 {number} 页文字层无法读取（{type(exc).__name__}），改用 OCR")
                page, layer = None, ""
        if _readable_chars(layer) >= MIN_TEXT_LAYER_CHARS and not _garbled(layer):
            text = reading_text(blocks) if blocks else layer
            pages.append(ExtractedPage(number, text, "text_layer", blocks))
            continue
        if layer.strip():
            notes.append(f"第 {number} 页文字层过少或乱码，改用 OCR")
        if ocr is None:
            notes.append(f"第 {number} 页没有文字层，且未配置 OCR 引擎，未识别文字")
            pages.append(ExtractedPage(number, "", "ocr"))
            continue
        try:
            page = page if page is not None else reader.pages[index]
        except Exception:  # noqa: BLE001 - the renderer decides whether the page can be drawn
            page = None
        if page is not None:
            _check_embedded_images(page, limits, number)
        pixels = _render_page(rendered, index, limits, notes, number)
        pages.append(_ocr_page(pixels, ocr, notes, number))
    return pages


def _text_layer_blocks(document, index: int, number: int) -> list[Block]:
    """Positioned runs of the page's text layer; none when pdfium cannot read it (the plain layer is used then)."""
    try:
        return pdf_blocks(document[index], number)
    except Exception:  # noqa: BLE001 - the text layer pypdf read is still there
        return []


def _clean_layer(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _readable_chars(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _garbled(text: str) -> bool:
    """Fonts without a Unicode map extract as private-use, replacement or control characters."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    bad = sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in {"Co", "Cc", "Cs", "Cn"})
    return bad / len(visible) > 0.3


def _check_embedded_images(page, limits: DocumentLimits, number: int) -> None:
    """Refuse a page whose images declare more pixels than allowed, before the renderer decodes them."""
    def walk(resources, depth: int) -> None:
        if resources is None or depth > 4:
            return
        try:
            xobjects = resources.get("/XObject")
            xobjects = xobjects.get_object() if xobjects is not None else {}
        except Exception:  # noqa: BLE001 - a broken resource dictionary is left to the renderer
            return
        for name in list(xobjects.keys()):
            try:
                obj = xobjects[name].get_object()
                subtype = obj.get("/Subtype")
                if subtype == "/Image":
                    width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
                    if width * height > limits.max_pixels:
                        raise DocumentRejected("too_many_pixels",
                                               f"第 {number} 页内嵌图片 {width}×{height} 像素，超过上限")
                elif subtype == "/Form":
                    walk(obj.get("/Resources"), depth + 1)
            except DocumentRejected:
                raise
            except Exception:  # noqa: BLE001
                continue

    try:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else None
    except Exception:  # noqa: BLE001
        return
    walk(resources, 0)


def _open_pdfium(data: bytes):
    import pypdfium2 as pdfium  # renders scanned pages; loaded only when a page needs OCR

    try:
        return pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001
        raise DocumentRejected("unreadable", "PDF 已损坏或无法渲染") from exc


def _render_page(document, index: int, limits: DocumentLimits, notes: list[str], number: int) -> np.ndarray:
    try:
        page = document[index]
        width_pt, height_pt = page.get_size()
        scale = RENDER_DPI / 72
        if width_pt * height_pt * scale * scale > limits.max_pixels:
            # An oversized page is rendered at a lower resolution rather than refused.
            scale = math.sqrt(limits.max_pixels / max(width_pt * height_pt, 1.0))
            notes.append(f"第 {number} 页幅面过大，以较低分辨率识别")
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
    except Exception as exc:  # noqa: BLE001
        raise DocumentRejected("unreadable", f"第 {number} 页无法渲染") from exc
    return np.asarray(image)


# --- DOCX ----------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _docx_blocks(data: bytes, limits: DocumentLimits) -> list[Block]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > limits.max_zip_entries:
                raise DocumentRejected("too_large", "DOCX 内部文件过多")
            if sum(entry.file_size for entry in entries) > limits.max_unzipped_bytes:
                raise DocumentRejected("too_large", "DOCX 解压后过大，疑似压缩炸弹")
    except DocumentRejected:
        raise
    except Exception as exc:  # noqa: BLE001
        raise DocumentRejected("unreadable", "DOCX 已损坏") from exc

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        items: list[tuple] = []
        for section in document.sections:
            if section.header.is_linked_to_previous:
                continue  # no header of its own
            for paragraph in section.header.paragraphs:
                if paragraph.text.strip():
                    items.append(("p", paragraph.text.strip()))
        _walk_body(document.element.body, items)
    except DocumentRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse untrusted bytes is the file's fault
        raise DocumentRejected("unreadable", "DOCX 已损坏或无法解析") from exc
    return docx_blocks(items)


def _walk_body(element, items: list[tuple], tables: list[int] | None = None) -> None:
    """Paragraphs ("p", text), table cells ("cell", table, row, col, text) and text boxes, in document order."""
    tables = tables if tables is not None else [0]
    for child in element:
        tag = child.tag
        if tag == f"{_W}p":
            lines: list[str] = []
            _paragraph(child, lines)
            items.extend(("p", line) for line in lines)
        elif tag == f"{_W}tbl":
            table = tables[0]
            tables[0] += 1
            cells = []
            for r, row in enumerate(_controlled(child, "tr")):  # its own rows, not those of a table nested in a cell
                for c, cell in enumerate(_controlled(row, "tc")):
                    inner: list[tuple] = []
                    _walk_body(cell, inner, tables)
                    cells.append((r, c, inner))
            if any(item[0] == "cell" for _, _, inner in cells for item in inner):
                # A table holding tables (猎聘's export: one outer cell per section, a nested table per job) is a
                # frame: its cells are read in order, each nested table as a table of its own.
                for _, _, inner in cells:
                    items.extend(inner)
                continue
            for r, c, inner in cells:
                text = "\n".join(item[-1] for item in inner if item[-1].strip())
                items.append(("cell", table, r, c, text))
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None and child.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None:  # not a grey prompt
                _walk_body(content, items, tables)


def _controlled(element, name: str) -> list:
    """The w:tr of a table (or the w:tc of a row), those wrapped in content controls too: a repeating section
    (w15:repeatingSection) puts each row inside a w:sdt's w:sdtContent instead of directly in the w:tbl."""
    found = []
    for child in element:
        if child.tag == f"{_W}{name}":
            found.append(child)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                found.extend(_controlled(content, name))
    return found


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_VML_SHAPES = ("{urn:schemas-microsoft-com:vml}shape", "{urn:schemas-microsoft-com:vml}rect")


def _anchor_position(node) -> tuple[float, float] | None:
    """(top, left) in points of a floating shape: a DrawingML anchor's offsets or a VML shape's margins."""
    if node.tag == f"{_WP}anchor":
        offsets = []
        for axis in ("positionV", "positionH"):
            offset = node.find(f"{_WP}{axis}/{_WP}posOffset")
            if offset is None or not (offset.text or "").strip().lstrip("-").isdigit():
                return None
            offsets.append(int(offset.text) / 12700)  # EMU per point
        return offsets[0], offsets[1]
    style = node.get("style") or ""
    top = re.search(r"margin-top:\s*(-?[\d.]+)pt", style)
    left = re.search(r"margin-left:\s*(-?[\d.]+)pt", style)
    return (float(top.group(1)), float(left.group(1))) if top and left else None


def _paragraph(paragraph, lines: list[str]) -> None:
    parts: list[str] = []
    boxes: list = []
    positions: list = []

    def visit(node, position=None) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_MC}Fallback":
                continue  # Word writes each text box twice (DrawingML, then a VML fallback)
            if tag == f"{_W}moveFrom":
                # Track Changes: a moved paragraph's old place keeps its text in w:t (a deletion's is w:delText);
                # the text stands at its new place (w:moveTo), as Word shows it once the changes are accepted.
                continue
            if tag == f"{_W}sdt" and child.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
                continue  # an empty content control showing its grey prompt ("单击或点击此处输入文字。"): no value
            if tag == f"{_WP}anchor" or tag in _VML_SHAPES:
                visit(child, _anchor_position(child) or position)
            elif tag == f"{_W}txbxContent":
                boxes.append(child)  # its paragraphs are lines of their own
                positions.append(position)
            elif tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            else:
                visit(child, position)

    visit(paragraph)
    if len(boxes) > 1 and all(p is not None for p in positions):
        # Floating text boxes anchored in one paragraph in the order they were drawn: read them as they stand on
        # the page, top to bottom (bands of about a centimetre), left to right (a header box drawn last comes first).
        order = sorted(range(len(boxes)), key=lambda i: (round(positions[i][0] / 28), positions[i][1]))
        boxes = [boxes[i] for i in order]
    # A tab separates fields ("部门<tab>职位"), except after a label's colon.
    text = re.sub(r"(?<=[:：])\s*\t\s*", " ", "".join(parts))
    text = re.sub(r"\s*\t\s*", " | ", text)
    lines.extend(line.strip() for line in text.split("\n") if line.strip())
    for box in boxes:
        inner: list[tuple] = []
        _walk_body(box, inner)
        lines.extend(item[-1] for item in inner)

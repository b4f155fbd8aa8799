"""Text extraction: type by content, text layer before OCR, and refusal of hostile or oversized files."""
from __future__ import annotations

import io
import random
import time
import zipfile

import pytest

from ml.documents import DocumentLimits, DocumentRejected, detect_type, extract_text
from tests.resume.make_resumes import CASES, many_pages_pdf, png_bomb


class NoOcr:
    """An engine that fails the test if it is ever asked to read a page."""

    name = "none"

    def recognize(self, image):
        raise AssertionError("OCR must not run here")


def _rejected(data: bytes, filename: str, reason: str, **kwargs) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as info:
        extract_text(data, filename=filename, ocr=kwargs.pop("ocr", None), **kwargs)
    assert info.value.reason == reason, info.value
    assert info.value.message
    return info.value


def test_decompression_bomb_is_refused_from_its_header():
    bomb = png_bomb(30000)  # 900 million pixels in about 100 KB
    assert len(bomb) < 1_000_000
    started = time.perf_counter()
    _rejected(bomb, "photo.png", "too_many_pixels")
    assert time.perf_counter() - started < 1.0  # refused before decoding


def test_pil_guard_still_applies_when_the_limit_is_raised():
    _rejected(png_bomb(20000), "photo.png", "too_many_pixels", limits=DocumentLimits(max_pixels=10**12))


def test_too_many_pages_is_refused():
    _rejected(many_pages_pdf(11), "cv.pdf", "too_many_pages")


def test_text_file_named_pdf_is_refused():
    _rejected("我的简历：张三，电话 13800000000".encode("utf-8"), "resume.pdf", "unsupported_type")


def test_legacy_word_file_is_refused_with_a_hint():
    error = _rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "简历.doc", "unsupported_type")
    assert "DOCX" in error.message


def test_oversized_file_is_refused_before_parsing(resumes):
    _rejected(resumes["r02_li_na"].data, "cv.pdf", "too_large", limits=DocumentLimits(max_bytes=1000))


def test_empty_and_broken_files_are_unreadable(resumes):
    _rejected(b"", "cv.pdf", "unreadable")
    _rejected(b"%PDF-1.7\n" + b"\x00garbage" * 50, "cv.pdf", "unreadable")
    png = resumes["r01_zhang_wei"].data
    _rejected(png[: len(png) // 3], "cv.png", "unreadable")
    _rejected(b"PK\x03\x04" + b"\x00" * 100, "cv.docx", "unsupported_type")


def test_docx_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/filler.bin", "w", force_zip64=True) as filler:
            chunk = b"\x00" * (1 << 20)
            for _ in range(70):
                filler.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    _rejected(data, "cv.docx", "too_large")


def test_pdf_with_an_oversized_embedded_image_is_refused(resumes):
    scan = resumes["r06_zhao_lei"].data  # image-only pages of 1240×1754 pixels
    _rejected(scan, "scan.pdf", "too_many_pixels", limits=DocumentLimits(max_pixels=1_000_000), ocr=NoOcr())


def test_type_comes_from_content_not_name(resumes, rapid_engine):
    png = resumes["r10_zheng_xin"].data  # a JPEG whose EXIF says "turn me upright"
    assert detect_type(png) == "jpeg"
    result = extract_text(png, filename="resume.pdf", ocr=rapid_engine)
    assert result.methods == ["ocr"]
    assert any("不符" in w for w in result.warnings)
    assert "郑欣" in result.text and "交通银行股份有限公司" in result.text


def test_image_without_ocr_engine_warns_instead_of_failing(resumes):
    result = extract_text(resumes["r01_zhang_wei"].data, filename="a.png", ocr=None)
    assert result.text == "" and result.methods == ["ocr"]
    assert result.warnings


def test_text_layer_pdf_needs_no_ocr(resumes):
    result = extract_text(resumes["r07_sun_li"].data, filename="cv.pdf", ocr=NoOcr())
    assert result.methods == ["text_layer"]
    assert "安盛天平财产保险有限公司" in result.text


def test_docx_reads_tables_in_document_order(resumes):
    result = extract_text(resumes["r03_wang_fang"].data, filename="cv.docx", ocr=None)
    lines = result.text.splitlines()
    assert "University of Manchester | Master | Finance | 2017/09 – 2018/12" in lines
    assert lines.index("Education 教育背景") < lines.index("对外经济贸易大学 | 本科 | 国际金融 | 2013/09 – 2017/06")


def test_scanned_pdf_pages_are_read_by_ocr(extracted):
    result = extracted["r06_zhao_lei"]
    assert result.methods == ["ocr", "ocr"]
    assert "微众银行" in result.pages[0].text and "中山大学" in result.pages[1].text


@pytest.mark.parametrize("case_id", [c.case_id for c in CASES if c.rotate])
def test_rotated_pages_are_read_upright(case_id, extracted):
    case = next(c for c in CASES if c.case_id == case_id)
    text = extracted[case_id].text
    assert text.splitlines()[0].startswith(case.expected["name"])
    assert case.expected["email"] in text.replace(" ", "")


@pytest.mark.parametrize("case_id", ["r02_li_na", "r03_wang_fang", "r01_zhang_wei", "r10_zheng_xin", "r06_zhao_lei"])
def test_damaged_files_only_ever_raise_document_rejected(case_id, resumes):
    data = resumes[case_id].data
    rng = random.Random(case_id)
    variants = [data[:cut] for cut in (8, 64, len(data) // 2, len(data) - 10)]
    for _ in range(12):
        damaged = bytearray(data)
        for _ in range(20):
            position = rng.randrange(16, len(damaged))
            damaged[position] = rng.randrange(256)
        variants.append(bytes(damaged))
    for variant in variants:
        try:
            extract_text(variant, filename=resumes[case_id].path.name, ocr=None)
        except DocumentRejected as error:
            assert error.reason in {"unreadable", "unsupported_type", "too_large", "too_many_pages", "too_many_pixels"}


class ShapeRecorder:
    """A stand-in engine that records the page it was given and reads one fixed line."""

    name = "recorder"

    def __init__(self):
        self.shapes = []

    def recognize(self, image):
        from ml.ocr import OcrLine

        self.shapes.append(image.shape)
        return [OcrLine("张伟 个人简历", ((0, 0), (100, 0), (100, 20), (0, 20)), 0.99)]


def test_webp_photo_is_read_by_content(resumes):
    from PIL import Image

    buffer = io.BytesIO()
    Image.open(io.BytesIO(resumes["r01_zhang_wei"].data)).save(buffer, format="WEBP", quality=80)
    assert detect_type(buffer.getvalue()) == "webp"
    engine = ShapeRecorder()
    result = extract_text(buffer.getvalue(), filename="photo", ocr=engine)
    assert result.text == "张伟 个人简历" and result.methods == ["ocr"]
    assert engine.shapes == [(1754, 1240, 3)]


def test_exif_orientation_is_applied_before_ocr(resumes):
    engine = ShapeRecorder()
    extract_text(resumes["r10_zheng_xin"].data, filename="photo.jpg", ocr=engine)
    assert engine.shapes == [(1754, 1240, 3)]  # stored 1240 high and 1754 wide, shown upright

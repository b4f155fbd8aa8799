"""The job's own words for the recogniser: hotwords before recognition, homophone correction after it (raw kept)."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace

import jieba

from ml.asr import AsrSegment, Transcript, join_segment_texts
from ml.structure import FRAME_WORDS, is_cjk_word
from ml.text import find_phrase, normalise

jieba.setLogLevel(logging.WARNING)

# Whisper's prompt holds 224 tokens, half of them usable for a prompt; a Chinese word costs one to three.
MAX_HOTWORDS = 40
# Terms taken from a job description (jieba TF-IDF keywords).
DESCRIPTION_TERMS = 20


@dataclass(frozen=True)
class Correction:
    """One homophone the recogniser wrote, replaced by the job's word that sounds the same."""

    heard: str
    corrected: str
    start: float
    end: float
    segment: int


def job_vocabulary(
    question_text: str, rubric: list[tuple[str, list[str]]], competencies: list[str], job_description: str = ""
) -> list[str]:
    """The words a candidate is likely to say for this question: HR's key phrases, the rubric's and the
    question's content words, competency names, and the job description's keywords; most specific first."""
    out: dict[str, None] = {}

    def add(word: str) -> None:
        word = word.strip()
        if len(word) >= 2 and is_cjk_word(word) and word not in FRAME_WORDS:
            out.setdefault(word, None)

    for _, phrases in rubric:
        for phrase in phrases:
            add(phrase)
    for text in [t for t, _ in rubric] + [question_text]:
        for word in jieba.lcut(text, HMM=False):
            add(word)
    for name in competencies:
        add(name)
    if job_description:
        from jieba.analyse import extract_tags  # its IDF table takes ~0.3 s to load: at the first use, not at import

        for word in extract_tags(job_description, topK=DESCRIPTION_TERMS):
            add(word)
    return list(out)


def hotwords(vocabulary: list[str]) -> str:
    """The vocabulary as faster-whisper's ``hotwords`` string (space-separated, capped)."""
    return " ".join(vocabulary[:MAX_HOTWORDS])


def correct_homophones(transcript: Transcript, vocabulary: list[str]) -> tuple[Transcript, list[Correction]]:
    """Replace recogniser homophones of the job's words (带款 → 贷款, 回房 → 回访) segment by segment.

    A heard form is replaced only when it is a pinyin match of whole words (ml.text.find_phrase) that is a slip,
    not language (``is_slip``): no dictionary word itself (同时 stays 同时 next to the term 同事, 班里 stays 班里
    next to 办理, 领到 next to 领导) and no piece of a longer word around it (会计师 keeps its 计师 next to the
    term 及时). The transcript's ``raw_text`` keeps what the recogniser wrote.
    """
    terms = sorted({w for w in vocabulary if len(normalise(w)) >= 2}, key=lambda w: (-len(w), w))
    corrections: list[Correction] = []
    segments: list[AsrSegment] = []
    for index, segment in enumerate(transcript.segments):
        text = segment.text
        for term in terms:
            position = 0
            while (found := find_phrase(term, text[position:])) is not None:
                start, end = position + found.start, position + found.end
                if found.kind == "pinyin" and is_slip(text, start, end):
                    corrections.append(Correction(found.matched, term, segment.start, segment.end, index))
                    text = text[:start] + term + text[end:]
                    end = start + len(term)
                position = end
        segments.append(replace(segment, text=text))
    if not corrections:
        return transcript, []
    corrected = replace(
        transcript,
        text=join_segment_texts([s.text for s in segments]),
        segments=segments,
        raw_text=transcript.raw_text or transcript.text,
    )
    return corrected, corrections


# How far around a heard form to look for a dictionary word it would be part of.
CONTEXT_CHARS = 3


def is_slip(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` reads as a recogniser's slip: not a word of jieba's dictionary, and no
    dictionary word of two characters or more in the text holds it together with a neighbour or crosses its edge
    (回房间: 房间; 会计师: 计师 is part of it)."""
    if jieba.get_FREQ(text[start:end]):
        return False
    for a in range(max(0, start - CONTEXT_CHARS), end):
        for b in range(max(a + 2, start + 1), min(len(text), end + CONTEXT_CHARS) + 1):
            if (a, b) == (start, end) or b <= start or (start <= a and b <= end):
                continue  # the form itself, or a word wholly before it or inside it
            if jieba.get_FREQ(text[a:b]):
                return False
    return True


def corrections_dict(corrections: list[Correction]) -> list[dict]:
    """JSON form of the corrections (for the answer's evidence and the audit trail)."""
    return [asdict(c) for c in corrections]

"""Key phrases to suggest while HR writes a rubric point: the point's own words, their synonyms, the job's terms."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import jieba

from ml.semantic import content_words, is_specific, synonyms
from ml.text import normalise, pinyin_of

jieba.setLogLevel(logging.WARNING)

DEFAULT_LIMIT = 12
# A synonym rarer than this in jieba's dictionary (了了, 结荚, 臂助: Cilin's archaic or dialect members) is not a
# phrase HR would pick nor one a candidate says; HR's own rubric words are kept however rare.
MIN_SUGGESTED_SYNONYM_FREQUENCY = 20
# jieba's tags for idioms and set phrases (一言九鼎, 不违农时): Cilin puts them with plain words, but they are no
# key phrase of a rubric point.
IDIOM_TAGS = ("i", "l")


def suggestible_synonym(synonym: str, word: str) -> bool:
    """Whether a Cilin synonym of a rubric word is worth proposing to HR: common enough to be said, not an idiom,
    and not the word itself with more attached (社会制度 for 制度, 保证书 for 保证: a narrower thing, not the same)."""
    jieba.initialize()
    if (jieba.get_FREQ(synonym) or 0) < MIN_SUGGESTED_SYNONYM_FREQUENCY:
        return False
    if word in synonym:
        return False
    return _tag(synonym) not in IDIOM_TAGS


def _tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of ``word`` (None when it has none)."""
    import jieba.posseg

    tagger = jieba.posseg.dt
    if not getattr(tagger, "word_tag_tab", None):
        jieba.posseg.lcut("初始化")  # loads the tag table once
    return tagger.word_tag_tab.get(word)


@dataclass(frozen=True)
class Suggestion:
    """A phrase HR may pick for a rubric point, and why it is proposed."""

    phrase: str
    source: str  # "rubric_text" | "synonym" | "job_description"
    reason: str  # shown to HR, in Chinese
    pinyin: str  # how it sounds: the matcher also finds recogniser homophones of it


def suggest_key_phrases(
    point_text: str, question_text: str = "", job_description: str = "", *, limit: int = DEFAULT_LIMIT
) -> list[Suggestion]:
    """Phrases that say the rubric point, most specific first: its own content words (not the question's: an
    answer repeating the question proves nothing), their Cilin synonyms, and job-description keywords that share
    a character with them (贷款 for 放款). Deterministic for the same input."""
    question = normalise(question_text)
    out: dict[str, Suggestion] = {}

    def add(phrase: str, source: str, reason: str) -> None:
        if phrase not in out and phrase not in question and len(out) < limit:
            out[phrase] = Suggestion(phrase, source, reason, " ".join(pinyin_of(phrase)))

    own = content_words(point_text)
    # content-v5: an everyday word of the point (关系, 情况, 结果: more frequent than the scorer's
    # MAX_SYNONYM_FREQUENCY) is said in every answer and proves nothing ("邻里关系" in a digression); the scorer
    # does not count it (nor expand its synonyms) from the rubric text, so neither is proposed, unless the point
    # has no other word.
    specific = [word for word in own if is_specific(word)] or own
    for word in specific:
        add(word, "rubric_text", f"评分要点原文中的词“{word}”")
    for word in specific:
        for other in synonyms(word):
            if not suggestible_synonym(other, word):
                continue
            add(other, "synonym", f"“{word}”的同义词（同义词词林）")
    if job_description:
        from jieba.analyse import extract_tags  # its IDF table takes ~0.3 s to load: at the first use, not at import

        for term in extract_tags(job_description, topK=30):
            if len(term) >= 2 and any(set(term) & set(word) for word in own):
                add(term, "job_description", "岗位描述中的相关词")
    return list(out.values())

"""content-v14: cues of poor judgment in what a candidate says they did or would do (ml/resources/red_flag_cues.txt):
bending a rule, brushing a risk aside, passing the problem on, promising returns. A weak answer often says the rubric's
words while doing the wrong thing ("我会先安抚客户……反正最后一对账就清楚了"); keyword overlap cannot see that, these
cues can, and each one found is quoted to HR, who judges it."""
from __future__ import annotations

import re
from functools import lru_cache

from ml import resources
from ml.structure import Clause, sentences

# A cue right after one of these, in its clause, is negated ("我不会先办后补", "不能跟客户说稳赚").
_NEGATED = re.compile(r"(不|没|别|绝不|决不|不能|不会|不要|不可以|不可能|禁止|严禁|不得|千万别|并非|而不是)[^，。！？；,.!?;]{0,6}$")
# A-not-A questions (能不能, 是不是, 有没有, 可不可以) ask, they do not negate: "看能不能特事特办" is the cue (content-v16).
_A_NOT_A = re.compile(r"(.)[不没]\1")
# Another person's words reported in the clause before the cue ("客户说反正是他自己的钱"), not the candidate's words to
# them ("我跟他说反正钱在机器里").
_REPORTED = re.compile(r"(?<![跟对和给向同])(他|她|客户|对方|人家|家属|老板|同事|师傅|领导|大爷|阿姨|有人|中介)"
                       r"[^，。！？；我]{0,4}(说|讲|问|觉得|认为|以为|嚷)")
# A past mistake the answer learns from, after the cue: the cue is part of the story of the mistake.
LESSON_CUES = ("意识到", "教训", "反思", "后来才", "后来我才", "不应该", "不该", "做错", "是错的", "从那以后", "再也不",
               "吸取", "才明白", "才知道")
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "『": "』", "‘": "’"}


def _cue_sections() -> tuple[tuple[str, ...], dict[str, tuple[tuple[str, ...], bool]]]:
    """All cues (longer first, so a clause is quoted by its most telling cue) and, for those that count only in a
    sentence about some thing, the words that make a sentence about it and whether the question saying one is enough:
    after a ``#!context WORD…`` line of ml/resources/red_flag_cues.txt the sentence must say one (a promise only of an
    investment), after ``#!context-or-question WORD…`` the sentence or the question (keeping a gift the question or
    the sentence is about)."""
    return _read_cues()[:2]


@lru_cache(maxsize=1)
def _read_cues() -> tuple[tuple[str, ...], dict[str, tuple[tuple[str, ...], bool]], tuple[re.Pattern, ...]]:
    """The cue file's fixed cues, their contexts, and (content-v16) its patterns: after a ``#!pattern`` line each
    line up to the next comment is one regular expression matched in a clause, for a cue whose words vary ("…看一眼就行了",
    "资金用途那些就别问了"); what it matches is the quoted cue."""
    cues: set[str] = set()
    context: dict[str, tuple[tuple[str, ...], bool]] = {}
    patterns: list[re.Pattern] = []
    words: tuple[tuple[str, ...], bool] | None = None
    pattern_lines = False
    for line in resources.read_text("red_flag_cues.txt").splitlines():
        if line.startswith("#!pattern"):
            pattern_lines, words = True, None
        elif line.startswith("#!context"):
            head, *rest = line.split()
            words, pattern_lines = (tuple(rest), head == "#!context-or-question"), False
        elif line.startswith("#"):
            pattern_lines = False
        elif pattern_lines:
            if line.strip():
                patterns.append(re.compile(line.strip()))
        else:
            for cue in line.split():
                cues.add(cue)
                if words:
                    context[cue] = words
    return tuple(sorted(cues, key=lambda c: (-len(c), c))), context, tuple(patterns)


def red_flag_patterns() -> tuple[re.Pattern, ...]:
    return _read_cues()[2]


def red_flag_cues() -> tuple[str, ...]:
    return _cue_sections()[0]


def _quoted(text: str, position: int) -> bool:
    """True when ``position`` of ``text`` lies inside a quotation."""
    depth: list[str] = []
    for ch in text[:position]:
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in _QUOTES:
            depth.append(_QUOTES[ch])
    return bool(depth)


def _about(context: tuple[tuple[str, ...], bool], sentence: str, question_text: str) -> bool:
    """Whether a cue said in ``sentence`` is about its context's thing (the question may say it, where allowed)."""
    words, or_question = context
    return any(w in sentence or or_question and w in question_text for w in words)


def red_flag_clauses(clauses: list[Clause], question_text: str) -> dict[int, str]:
    """Index of each clause saying a cue of poor judgment in the candidate's own voice, with the cue."""
    every, context = _cue_sections()
    cues = [c for c in every if c not in question_text]
    text = "".join(c.text for c in clauses)
    offsets, at = [], 0
    for clause in clauses:
        offsets.append(at)
        at += len(clause.text)
    found: dict[int, str] = {}
    for sentence in sentences(clauses):
        said = "".join(clauses[i].text for i in sentence)
        for index in sentence:
            clause = clauses[index].text
            said_at = [(cue, clause.find(cue)) for cue in cues
                       if cue in clause and not (cue in context and not _about(context[cue], said, question_text))]
            said_at += [(m.group(0), m.start()) for m in (p.search(clause) for p in red_flag_patterns())
                        if m is not None and m.group(0) not in question_text]
            for cue, start in said_at:
                before = _A_NOT_A.sub("", clause[:start])
                if _NEGATED.search(before) or _REPORTED.search(clause[:start]):
                    continue
                if _quoted(text, offsets[index] + start):
                    continue
                later = text[offsets[index] + start + len(cue):]
                if any(lesson in later for lesson in LESSON_CUES):
                    continue
                found[index] = cue
                break
    return found

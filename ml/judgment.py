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
# Another person's words reported in the clause before the cue ("客户说反正是他自己的钱"), not the candidate's words to
# them ("我跟他说反正钱在机器里").
_REPORTED = re.compile(r"(?<![跟对和给向同])(他|她|客户|对方|人家|家属|老板|同事|师傅|领导|大爷|阿姨|有人|中介)"
                       r"[^，。！？；我]{0,4}(说|讲|问|觉得|认为|以为|嚷)")
# A past mistake the answer learns from, after the cue: the cue is part of the story of the mistake.
LESSON_CUES = ("意识到", "教训", "反思", "后来才", "后来我才", "不应该", "不该", "做错", "是错的", "从那以后", "再也不",
               "吸取", "才明白", "才知道")
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "『": "』", "‘": "’"}


# Words that make a sentence about an investment, where a promise of returns is a red flag.
INVESTMENT_WORDS = ("收益", "本金", "利息", "产品", "理财", "基金", "投资", "信托", "保险", "回报", "亏", "赚", "涨")


@lru_cache(maxsize=1)
def _cue_sections() -> tuple[tuple[str, ...], frozenset[str]]:
    """All cues (longer first, so a clause is quoted by its most telling cue) and those said only of an investment
    (after the ``#!investment`` line of ml/resources/red_flag_cues.txt)."""
    cues: set[str] = set()
    investment: set[str] = set()
    section = cues
    for line in resources.read_text("red_flag_cues.txt").splitlines():
        if line.startswith("#!investment"):
            section = investment
        elif not line.startswith("#"):
            section.update(line.split())
    return tuple(sorted(cues | investment, key=lambda c: (-len(c), c))), frozenset(investment)


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


def red_flag_clauses(clauses: list[Clause], question_text: str) -> dict[int, str]:
    """Index of each clause saying a cue of poor judgment in the candidate's own voice, with the cue."""
    every, investment = _cue_sections()
    cues = [c for c in every if c not in question_text]
    text = "".join(c.text for c in clauses)
    offsets, at = [], 0
    for clause in clauses:
        offsets.append(at)
        at += len(clause.text)
    found: dict[int, str] = {}
    for sentence in sentences(clauses):
        said = "".join(clauses[i].text for i in sentence)
        of_investment = any(w in said for w in INVESTMENT_WORDS)
        for index in sentence:
            clause = clauses[index].text
            for cue in cues:
                start = clause.find(cue)
                if start < 0 or cue in investment and not of_investment:
                    continue
                if _NEGATED.search(clause[:start]) or _REPORTED.search(clause[:start]):
                    continue
                if _quoted(text, offsets[index] + start):
                    continue
                later = text[offsets[index] + start + len(cue):]
                if any(lesson in later for lesson in LESSON_CUES):
                    continue
                found[index] = cue
                break
    return found

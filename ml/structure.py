"""How an answer is built and whether it keeps to the question: STAR parts, connectives, topic words, each quoted."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from dataclasses import dataclass, field

import jieba

from ml import resources
from ml.asr import Transcript
from ml.cilin import is_verb
from ml.text import FILLER_WORDS, cjk_count, find_phrase, split_clauses

jieba.setLogLevel(logging.WARNING)

# Questions asking for a past experience (behavioural questions), recognised in the question text.
BEHAVIOURAL_QUESTION_CUES: tuple[str, ...] = (
    "经历", "举例", "举个例子", "举一个例子", "曾经", "过去", "描述一次", "分享一次", "讲一次", "有没有过",
)

STAR_PARTS: tuple[tuple[str, str], ...] = (
    ("situation", "情境"),
    ("task", "任务"),
    ("action", "行动"),
    ("result", "结果"),
)

# Cue words of the parts of a STAR story, matched like rubric key phrases (verbatim or in pinyin).
# Situation: when and where it happened. Task: the problem or goal to be handled. Result: how it
# ended. The action part is found by grammar instead (the candidate as subject of a verb, below).
STAR_CUES: dict[str, tuple[str, ...]] = {
    "situation": (
        "去年", "前年", "当时", "那时", "那次", "有一次", "有一回", "有一位", "之前", "以前", "曾经",
        "上一份工作", "上份工作", "实习", "做过", "遇到过", "经历过", "参与过", "处理过", "负责过",
        # content-v16: how a spoken story opens as often ("有个客户…", "有位老客户…", "那天…")
        "有个", "有位", "有一个", "有一家", "有家", "那天", "那年", "那阵子", "前两年", "前几年",
    ),
    "task": (
        "任务", "目标", "需要", "要求", "负责", "必须", "投诉", "抱怨", "不满", "延误", "晚了", "太慢",
        "困难", "难题", "挑战", "紧急", "时间紧", "压力",
    ),
    "result": (
        "结果", "最后", "最终", "后来", "终于", "顺利", "成功", "完成", "达成", "满意", "提前", "新增",
        "增长", "提升", "提高", "降低", "减少", "解决了",
    ),
}

# A clause with one of these states an opinion or a hypothetical ("客户投诉的话，我觉得…", "我会…"),
# not something that happened: it is no evidence of a STAR part.
HYPOTHETICAL_MARKERS: tuple[str, ...] = (
    "如果", "假如", "要是", "我觉得", "我认为", "我们觉得", "应该", "我会", "我们会", "就会", "会尽量",
    "可能会",
)

# "…的话，" closing a clause is a condition (客户投诉的话，); inside one it is a noun (用简单的话讲).
_CONDITIONAL_END = re.compile(r"的话\W*$")

# Clauses with fewer Chinese characters than this outside fillers are joined to the next clause.
MIN_CLAUSE_CHARS = 3

FIRST_PERSON: frozenset[str] = frozenset({"我", "我们"})
# Verbs that say what the candidate is, has, thinks or might do, not an action they took.
NON_ACTION_VERBS: frozenset[str] = frozenset({
    "是", "有", "没有", "在", "觉得", "认为", "想", "知道", "希望", "喜欢", "感觉", "要", "会", "能",
    "可以", "应该", "不会", "不能", "需要", "做", "当", "成为", "工作", "行",
})
# Action verbs jieba's tagger sometimes mislabels (查明 as a name).
ACTION_VERBS: frozenset[str] = frozenset({
    "查明", "核实", "协调", "沟通", "联系", "解释", "说明", "申请", "回访", "跟进", "安排", "组织", "分析",
    "准备", "提出", "负责", "推动", "确认", "处理", "解决", "帮", "帮助", "分工",
})

# Arabic or Chinese numerals with a unit or measure word: the concrete figures of a result.
NUMBER_PATTERN = re.compile(
    r"(?:\d+(?:\.\d+)?\s*(?:%|％|万|亿|千|百)?|[一二两三四五六七八九十百千万亿半]+)"
    r"(?:个月|个|位|名|家|笔|次|倍|天|周|月|年|小时|分钟|万元|亿元|元|万|亿|%|％|成)"
)
# "一个方案", "一位客户": an article, not a figure.
NOT_FIGURES: frozenset[str] = frozenset({"一个", "一位", "一名", "一家", "一笔", "一次"})

# Logical connectives (SCORING.md: 首先/然后/最后/因为/所以). 同时 is left out: in pinyin it is 同事.
CONNECTIVES: tuple[str, ...] = (
    "因为", "所以", "因此", "由于", "首先", "其次", "然后", "接着", "之后", "随后", "最后", "最终",
    "另外", "此外", "并且", "而且", "但是", "不过", "虽然", "如果", "比如", "例如", "于是", "第一",
    "第二", "一方面", "总之",
)

# Words that frame a question or phrase a rubric rather than name its topic.
FRAME_WORDS: frozenset[str] = frozenset({
    "描述", "一次", "经历", "举例", "举例说明", "说明", "如何", "怎么", "怎么做", "什么", "为什么", "如果",
    "一项", "一个", "请问", "谈谈", "介绍", "分享", "例子", "时候", "自己", "是否", "哪些", "具体", "明确",
    "取得", "必要", "进行", "相关", "表达",
    # content-v15: words that introduce an example or an addition in a rubric text ("（比如一张手写贺卡）") name nothing:
    # an answer saying 比如 did not say the point.
    "比如", "例如", "比方", "比方说", "譬如", "诸如", "像是", "等等", "尤其", "特别", "并且", "以及", "或者",
})


@dataclass(frozen=True)
class Clause:
    """A clause of the transcript with the timestamps of the segment it was said in."""

    text: str
    start: float
    end: float


@dataclass
class StarPart:
    """One part of a STAR story and the clause that shows it, or found=False."""

    part: str  # "situation" | "task" | "action" | "result"
    label: str  # 情境 | 任务 | 行动 | 结果
    found: bool
    cue: str | None = None  # the cue word, or for an action the verb
    quote: str | None = None
    start: float | None = None
    end: float | None = None
    match: str | None = None  # "exact" | "pinyin" | "grammar" (an action: first person + verb)
    matched_text: str | None = None  # the transcript's characters that matched ``cue``
    numbers: list[str] = field(default_factory=list)  # concrete figures quoted in a result


@dataclass
class QuotedWord:
    """A word looked for in the answer (a connective or a topic word) and where it was said."""

    word: str
    quote: str
    start: float
    end: float
    match: str  # "exact" | "pinyin"
    matched_text: str


@dataclass
class Structure:
    """How the answer is organised: its STAR parts (behavioural questions) and connectives, with figures."""

    behavioural: bool
    star: list[StarPart]  # empty for a question that asks for no experience
    star_score: float | None  # (parts found + a quantified result) / 5; None when not behavioural
    connectives: list[QuotedWord]  # distinct connectives, first use of each
    connectives_score: float  # distinct connectives / connectives_full, at most 1


@dataclass
class Relevance:
    """Which of the question's and rubric's topic words the answer names, and the share that gives."""

    topic_words: list[str]  # content words of the question and its rubric points
    found: list[QuotedWord]
    missed: list[str]
    score: float  # topic words touched / min(full_words, topic words), at most 1


def is_behavioural(question_text: str) -> bool:
    """True when the question asks for a past experience (描述一次…经历, 举例说明…)."""
    return any(cue in question_text for cue in BEHAVIOURAL_QUESTION_CUES)


def transcript_clauses(transcript: Transcript) -> list[Clause]:
    """The transcript's clauses in order, each timed by its segment; a clause of fillers or a lone word
    ("嗯，", "我就，") is joined to the next one, so hesitation does not cut "我就，就是帮他操作了" apart, and a
    clause that goes on after a hesitation word ("那个，不会用自助机") is joined to the one before it: the
    speaker paused inside a sentence, which is still one clause ("有一位老人，那个，不会用自助机")."""
    clauses: list[Clause] = []
    pending: Clause | None = None
    for segment in transcript.segments:
        for text in split_clauses(segment.text):
            clause = Clause(text, segment.start, segment.end)
            if pending is not None:
                clause = Clause(pending.text + clause.text, pending.start, clause.end)
                pending = None
            if _content_chars(clause.text) < MIN_CLAUSE_CHARS:
                pending = clause
            elif clauses and _continues_after_hesitation(clauses[-1].text, clause.text):
                clauses[-1] = Clause(clauses[-1].text + clause.text, clauses[-1].start, clause.end)
            else:
                clauses.append(clause)
    if pending is not None:
        clauses.append(pending)
    return clauses


# A clause this short before a hesitation word is a stub of the clause the speaker goes on with.
STUB_CLAUSE_CHARS = 6
# Hesitation words that may stand in the middle of a sentence (然后 starts a new clause and is left out).
HESITATION_WORDS: frozenset[str] = frozenset({"嗯", "啊", "呃", "那个", "就是"})


def _continues_after_hesitation(previous: str, text: str) -> bool:
    """True when ``text`` opens with a hesitation word after a short clause (a stub the pause cut off: fewer than
    STUB_CLAUSE_CHARS content characters) that did not end its sentence."""
    if previous.rstrip()[-1:] in "。！？!?" or _content_chars(previous) >= STUB_CLAUSE_CHARS:
        return False
    first = next((w for w in jieba.lcut(text) if w.strip() and not _PUNCTUATION.fullmatch(w)), "")
    return first in HESITATION_WORDS


_PUNCTUATION = re.compile(r"[\s，,。．.！!？?；;、：:…]+")


def _content_chars(text: str) -> int:
    return sum(cjk_count(w) for w in jieba.lcut(text) if w not in FILLER_WORDS)


def find_star(clauses: list[Clause], *, plan: bool = False) -> list[StarPart]:
    """The four STAR parts, each with the clause that shows it; a part nowhere shown has found=False.

    Opinion and hypothetical clauses (我觉得…, …的话, 我会…) are skipped: a STAR part is something
    that happened. The result prefers a clause with a concrete figure (三天, 3000万元). With ``plan`` (the
    question asks what the candidate would do, content-v16) the candidate's plan is the action: "我会先核实…"
    shows it as "我核实了…" shows it in a story.
    """
    factual = [c for c in clauses if not is_hypothetical(c.text)]
    verbs = speaker_verbs(clauses, plan=plan)
    parts = []
    for part, label in STAR_PARTS:
        if part == "action":
            parts.append(_find_action([(c, verbs.get(i)) for i, c in enumerate(clauses)
                                       if plan or not is_hypothetical(c.text)], label))
        else:
            parts.append(_find_cued_part(part, label, factual))
    return parts


def star_score(parts: list[StarPart]) -> float:
    """Share of the five STAR checks met: situation, task, action, result, and a figure in the result."""
    found = sum(p.found for p in parts)
    quantified = any(p.part == "result" and p.found and p.numbers for p in parts)
    return round((found + quantified) / (len(STAR_PARTS) + 1), 3)


def is_hypothetical(text: str) -> bool:
    """True for a clause that gives an opinion or a hypothetical instead of an event."""
    return any(marker in text for marker in HYPOTHETICAL_MARKERS) or bool(_CONDITIONAL_END.search(text))


def numbers_in(text: str) -> list[str]:
    """Concrete figures with their unit (三天, 两个, 3000万元) in ``text``."""
    return [m.group(0) for m in NUMBER_PATTERN.finditer(text) if m.group(0) not in NOT_FIGURES]


def _find_cued_part(part: str, label: str, clauses: list[Clause]) -> StarPart:
    """The best clause holding one of the part's cues, verbatim before pinyin.

    A situation or task is set up early, so the earliest such clause is quoted; a result comes at the
    end, so the latest, and one with a concrete figure before any without.
    """
    best: tuple[tuple, StarPart] | None = None
    for index, clause in enumerate(clauses):
        for cue in STAR_CUES[part]:
            found = find_phrase(cue, clause.text)
            if found is None:
                continue
            figures = numbers_in(clause.text) if part == "result" else []
            position = -index if part == "result" else index
            rank = (0 if figures else 1, 0 if found.kind == "exact" else 1, position)
            if best is None or rank < best[0]:
                hit = StarPart(part, label, True, cue, clause.text, clause.start, clause.end, found.kind,
                               found.matched, figures)
                best = (rank, hit)
    return best[1] if best else StarPart(part, label, False)


def _find_action(clauses: list[tuple[Clause, str | None]], label: str) -> StarPart:
    """The clause where the candidate (我/我们, or a subject carried from them: speaker_verbs) is the subject of an
    action verb: one of the listed action verbs (协调, 查明, 沟通 …) before any other verb, then the earliest."""
    best: tuple[tuple[int, int], StarPart] | None = None
    for index, (clause, verb) in enumerate(clauses):
        if verb is None:
            continue
        rank = (0 if verb in ACTION_VERBS else 1, index)
        if best is None or rank < best[0]:
            best = (rank, StarPart("action", label, True, verb, clause.text, clause.start, clause.end, "grammar", verb))
    return best[1] if best else StarPart("action", label, False)


# jieba's dictionary has 我会 as one noun ("our association"): said as 我 + 会 ("I will") it is the speaker and a modal.
_SPEAKER_COMPOUNDS = {"我会": ("我", "会")}


def _speaker_split(tokens: list) -> list:
    """jieba's tokens with 我会 split into 我 and 会, so that "我会先核实…" has its speaker (content-v9)."""
    from jieba import posseg

    out = []
    for token in tokens:
        parts = _SPEAKER_COMPOUNDS.get(token.word)
        if parts is None:
            out.append(token)
        else:
            out.extend(posseg.pair(part, flag) for part, flag in zip(parts, ("r", "v")))
    return out


def action_verb(text: str) -> str | None:
    """The verb of an action the speaker took in ``text`` (我/我们 followed by a verb), or None;
    a listed action verb is preferred over any other verb of the clause.

    content-v10: a verb jieba's tagger takes for a name or a noun is one when every Cilin sense of it is an action or a
    state (安抚/nr), and so is the head of a compound noun that opens with such a verb (加快速度/n: 加快)."""
    from jieba import posseg  # the tagger's tables take ~0.3 s to load: at the first use, not at import

    tokens = _speaker_split(posseg.lcut(text))
    verbs = []
    for i, token in enumerate(tokens):
        if token.word not in FIRST_PERSON:
            continue
        verbs = []
        for t in tokens[i + 1 :]:
            if t.word not in NON_ACTION_VERBS and (t.flag.startswith("v") or t.word in ACTION_VERBS
                                                  or (len(t.word) >= 2 and is_verb(t.word))):
                verbs.append(t.word)
            elif len(t.word) >= 4 and is_verb(t.word[:2]) and t.word[:2] not in NON_ACTION_VERBS:
                verbs.append(t.word[:2])
        break
    listed = [v for v in verbs if v in ACTION_VERBS]
    return (listed or verbs or [None])[0]


# content-v16: what may open a clause before its verb without being its subject: adverbs, conjunctions, particles,
# time words and numbers (先, 然后, 马上, 当天), and a preposition with its object (跟主管说, 把钱点清楚).
_OPENERS = ("d", "c", "u", "y", "e", "t", "m", "q", "f", "zg")
_PREPOSITIONS = ("p",)
# Words that open a clause before its step (实在找不到就报警, 看能不能先取十万): adverbs the tagger calls verbs.
_LEAD_INS = frozenset({"实在", "赶紧", "赶快", "马上", "立刻", "立即", "尽快", "及时", "一直", "主动", "当面", "看能",
                       "看看能", "能不能", "可不可以", "尽量", "记得"})
# Verbs that open a clause without saying a step of the speaker's (可能是…, 看能不能…).
_NOT_STEPS = frozenset({"可能", "看能", "能够", "觉得", "感觉", "好像", "估计", "应该", "得", "必须", "出", "不够", "不到",
                        "不了", "不行"})
# Who else a clause may be about: a pronoun or a person named before the verb takes the speaker's place.
_OTHER_PERSONS = frozenset({"他", "她", "他们", "她们", "它", "对方", "客户", "人家", "大家", "别人", "你", "您", "你们"})
# implied_verb's answer for a clause whose subject is someone else.
OTHER = "\x00other"


def implied_verb(text: str) -> str | None:
    """The verb of a clause said without a subject (先安抚一下孩子, 然后跟主管说一声, 身份证看一眼): its first word that is
    neither an opener, a fronted object nor a preposition's object, when that word is an action verb. ``OTHER`` when
    the clause names another person as its subject before any verb (他说…, 客户要…); None when it names no action."""
    from jieba import posseg

    tokens = _speaker_split(posseg.lcut(text))
    in_phrase = False  # inside a preposition's or a fronted object's phrase: its nouns are objects, not the subject
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        word, flag = token.word, token.flag
        if not word.strip() or flag == "x":
            continue
        if word in FIRST_PERSON:
            return None  # action_verb's case
        if word in _LEAD_INS:
            skip = 1 if i + 1 < len(tokens) and tokens[i + 1].word in ("不能", "能不能", "可不可以") else 0
            continue
        if word in ("让", "请", "叫", "帮"):
            return word
        if flag.startswith(_PREPOSITIONS) or word in ("把", "跟", "和", "给", "向", "对", "替"):
            in_phrase = True
            continue
        if not in_phrase and (word in _OTHER_PERSONS or flag.startswith("r")
                              or flag.startswith("nr") and not (len(word) >= 2 and is_verb(word))):
            return OTHER  # 安抚 tagged as a name is still a verb (content-v10)
        if flag.startswith(_OPENERS) and not flag.startswith("v"):
            continue
        if flag.startswith("v") or word in ACTION_VERBS or (len(word) >= 2 and is_verb(word)):
            if i + 1 < len(tokens) and tokens[i + 1].word == "的":
                in_phrase = True  # a verb modifying a noun (取的时候, 剩下的钱) opens an adjunct or a topic
                continue
            return None if word in NON_ACTION_VERBS or word in _NOT_STEPS else word
        in_phrase = True  # a noun before the verb: a fronted object or a topic (身份证看一眼, 剩下的让他转账)
    return None


def speaker_verbs(clauses: list[Clause], *, plan: bool) -> dict[int, str]:
    """The candidate's verb in each clause that says what they did or would do: with 我 as its subject
    (action_verb), or said without a subject in a sentence whose speaker is the candidate (content-v16: 我会先核实
    用途，然后跟主管说一声 says two steps). Asked what they would do (``plan``), a sentence opens with the candidate as
    its speaker; a clause naming another subject (客户说…, 他…) hands the sentence to that person until 我 returns."""
    out: dict[int, str] = {}
    for sentence in sentences(clauses):
        speaker = plan
        for index in sentence:
            text = clauses[index].text
            verb = action_verb(text)
            if verb is not None:
                out[index], speaker = verb, True
                continue
            if any(w in text for w in FIRST_PERSON):
                speaker = True
                continue
            implied = implied_verb(text)
            if implied == OTHER:
                speaker = False
            elif implied is not None and speaker:
                out[index] = implied
    return out


def find_connectives(clauses: list[Clause]) -> list[QuotedWord]:
    """Each distinct connective the answer uses, quoted at its first use, in order of appearance."""
    uses = []
    for connective in CONNECTIVES:
        quoted = _first_quote(connective, clauses)
        if quoted is not None:
            uses.append(quoted)
    return sorted(uses, key=lambda q: (q.start, q.word))


def analyse_structure(clauses: list[Clause], *, behavioural: bool, connectives_full: int) -> Structure:
    """STAR parts (behavioural questions only) and connectives of an answer, with their figures."""
    star = find_star(clauses) if behavioural else []
    connectives = find_connectives(clauses)
    return Structure(
        behavioural=behavioural,
        star=star,
        star_score=star_score(star) if behavioural else None,
        connectives=connectives,
        connectives_score=round(min(1.0, len(connectives) / connectives_full), 3),
    )


def topic_words(question_text: str, rubric_texts: list[str]) -> list[str]:
    """Content words of the question and its rubric points, in order: jieba dictionary words of two
    characters or more, compounds split into their parts (违反规定 → 违反, 规定), frame words left out."""
    seen: dict[str, None] = {}
    for text in [question_text, *rubric_texts]:
        for word in jieba.lcut(text, HMM=False):
            for part in _parts_of(word):
                if len(part) >= 2 and is_cjk_word(part) and part not in FRAME_WORDS:
                    seen.setdefault(part, None)
    return list(seen)


def _parts_of(word: str) -> list[str]:
    """A compound of four or more characters as the shorter dictionary words inside it, else the word."""
    if len(word) < 4:
        return [word]
    parts = [w for w in jieba.lcut_for_search(word, HMM=False) if 2 <= len(w) < len(word)]
    return parts or [word]


def measure_relevance(clauses: list[Clause], topic: list[str], *, full_words: int) -> Relevance:
    """Which topic words the answer touches (verbatim or in pinyin), and the share that gives.

    Touching ``full_words`` distinct topic words (or all of them, when there are fewer) counts as
    fully on the question; an off-topic answer touches none.
    """
    found, missed = [], []
    for word in topic:
        quoted = _first_quote(word, clauses)
        if quoted is None:
            missed.append(word)
        else:
            found.append(quoted)
    needed = min(full_words, len(topic))
    score = min(1.0, len(found) / needed) if needed else 0.0
    return Relevance(topic_words=list(topic), found=found, missed=missed, score=round(score, 3))


def is_cjk_word(word: str) -> bool:
    """True when every character of ``word`` is Chinese."""
    return cjk_count(word) == len(word)


def _first_quote(word: str, clauses: list[Clause]) -> QuotedWord | None:
    """The first clause that says ``word``, verbatim or, failing that anywhere, in pinyin."""
    pinyin: QuotedWord | None = None
    for clause in clauses:
        found = find_phrase(word, clause.text)
        if found is None:
            continue
        quoted = QuotedWord(word, clause.text, clause.start, clause.end, found.kind, found.matched)
        if found.kind == "exact":
            return quoted
        pinyin = pinyin or quoted
    return pinyin


def lexicon() -> dict:
    """Every word list this module judges by, for the scorer's config hash."""
    return {
        "behavioural_question_cues": list(BEHAVIOURAL_QUESTION_CUES),
        "star_cues": {k: list(v) for k, v in STAR_CUES.items()},
        "hypothetical_markers": list(HYPOTHETICAL_MARKERS),
        "non_action_verbs": sorted(NON_ACTION_VERBS),
        "action_verbs": sorted(ACTION_VERBS),
        "number_pattern": NUMBER_PATTERN.pattern,
        "connectives": list(CONNECTIVES),
        "frame_words": sorted(FRAME_WORDS),
        "digression_cues": list(digression_cues()),
    }


# What a rubric point may require of an answer's structure, with the label HR reads.
STRUCTURAL_REQUIREMENTS: dict[str, str] = {
    "situation": "情境", "task": "任务", "action": "行动", "result": "结果",
    "figure": "具体数字", "stakeholder": "相关方", "reflection": "反思改进",
}
# Named parties an answer involves (a stakeholder): roles and departments of a bank and around it. 客户 is left
# out: every answer names the customer. content-v11: team and mentor roles (组长, 团队长, 柜长, 前辈, 带我的…),
# compliance and supervision, security guards and the call centre.
STAKEHOLDER_WORDS: tuple[str, ...] = (
    "主管", "领导", "上级", "科长", "行长", "支行长", "主任", "经理", "负责人", "同事", "师傅", "部门", "风控",
    "风险部", "财务", "审批", "法务", "总监", "老板", "民警", "警察", "派出所", "家人", "家里人",
    "组长", "团队长", "柜长", "前辈", "带我的", "老员工", "合规部", "监管", "保安", "客服",
)
REFLECTION_CUES: tuple[str, ...] = (
    "从那以后", "从那次", "那次以后", "以后", "学到", "学会", "养成", "教训", "反思", "下次", "总结", "经验",
    "意识到", "明白了", "习惯",
)


@lru_cache(maxsize=1)
def workplace_terms() -> tuple[str, ...]:
    """Words of bank work (ml/resources/workplace_terms.txt): weak evidence that an answer is about the job."""
    text = resources.read_text("workplace_terms.txt")
    return tuple(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# A pause this long ends a sentence when the recogniser wrote no full stop.
SENTENCE_PAUSE_SECONDS = 1.0


def sentences(clauses: list[Clause]) -> list[list[int]]:
    """The clauses grouped into sentences (indexes): a sentence ends at 。！？ or at a pause of
    SENTENCE_PAUSE_SECONDS."""
    out: list[list[int]] = []
    sentence: list[int] = []
    for index, clause in enumerate(clauses):
        sentence.append(index)
        if (index == len(clauses) - 1 or clause.text[-1] in "。！？!?"
                or clauses[index + 1].start - clause.end > SENTENCE_PAUSE_SECONDS):
            out.append(sentence)
            sentence = []
    return out


@lru_cache(maxsize=1)
def digression_cues() -> tuple[str, ...]:
    """Cues of talk about life outside the job or of a change of subject (ml/resources/digression_cues.txt)."""
    text = resources.read_text("digression_cues.txt")
    return tuple(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def digression_clauses(clauses: list[Clause], evidence: set[int]) -> tuple[set[int], dict[int, str]]:
    """Clauses that digress: a run of clauses between those in ``evidence`` (said a rubric point), within one
    sentence, that names a digression cue (family, school, leisure, society at large, a change of subject).
    Also returns, per such clause, the cue its run named.

    content-v5: the run, not the whole sentence: a recogniser often writes a whole answer as one comma-spliced
    sentence, and the one relevant clause then shielded the talk about one's father around it. A cue is also found
    as a recogniser's slip (临里 for 邻里), as rubric phrases are."""
    cues = digression_cues()
    out: set[int] = set()
    cue_of: dict[int, str] = {}
    for sentence in sentences(clauses):
        runs: list[list[int]] = [[]]
        for index in sentence:
            if index in evidence:
                runs.append([])
            else:
                runs[-1].append(index)
        sentence_cue = None
        for run in runs:
            if not run:
                continue
            cue = _said_cue(cues, "".join(clauses[i].text for i in run))
            if cue is not None:
                out.update(run)
                cue_of.update({i: cue for i in run})
                sentence_cue = sentence_cue or cue
        # content-v6: in a sentence that otherwise digresses, a rubric word said of someone else, not of oneself (no
        # 我: "我亲戚被骗了三万块钱，报警了也没追回来"), is part of the story, not evidence of what the candidate does.
        if sentence_cue is not None and all(i in out or i in evidence for i in sentence):
            for i in sentence:
                if i in evidence and not any(w in clauses[i].text for w in SELF_WORDS):
                    out.add(i)
                    cue_of[i] = sentence_cue
    return out, cue_of


# Characters by which a speaker says they did or would do something themselves (我, 我们, 咱们).
SELF_WORDS = ("我", "咱")


def _said_cue(cues: tuple[str, ...], text: str) -> str | None:
    """The first cue ``text`` says verbatim, else one it says as a recogniser's slip (same sound, no word)."""
    found = next((c for c in cues if c in text), None)
    if found is not None:
        return found
    from ml.text import pinyin_of
    from ml.vocabulary import is_slip

    sound = " " + " ".join(pinyin_of(text)) + " "
    for cue in cues:
        if len(cue) < 2 or " " + " ".join(pinyin_of(cue)) + " " not in sound:
            continue
        match = find_phrase(cue, text)
        if match is not None and match.kind == "pinyin" and is_slip(text, match.start, match.end):
            return cue
    return None


def on_topic_clauses(clauses: list[Clause], topic: list[str]) -> set[int]:
    """Indexes of the clauses whose sentence names a topic word of the question or rubric or a word of bank work."""
    terms = workplace_terms()
    out: set[int] = set()
    for sentence in sentences(clauses):
        text = "".join(clauses[i].text for i in sentence)
        if any(t in text for t in terms) or any(find_phrase(w, text) for w in topic):
            out.update(sentence)
    return out


def requirement_evidence(requirement: str, clauses: list[Clause], star: list[StarPart]) -> QuotedWord | None:
    """Where the answer meets one structural requirement (a STAR part, a figure, a stakeholder, a reflection)."""
    if requirement not in STRUCTURAL_REQUIREMENTS:
        raise ValueError(f"unknown structural requirement {requirement!r}")
    part = next((p for p in star if p.part == requirement), None)
    if part is not None:
        if not part.found:
            return None
        return QuotedWord(part.cue or "", part.quote or "", part.start or 0.0, part.end or 0.0, part.match or "exact",
                          part.matched_text or "")
    factual = [c for c in clauses if not is_hypothetical(c.text)]
    if requirement == "figure":
        for clause in factual:
            figures = numbers_in(clause.text)
            if figures:
                return QuotedWord(figures[0], clause.text, clause.start, clause.end, "exact", figures[0])
        return None
    cues = STAKEHOLDER_WORDS if requirement == "stakeholder" else REFLECTION_CUES
    for clause in clauses:
        for cue in cues:
            if cue in clause.text:
                return QuotedWord(cue, clause.text, clause.start, clause.end, "exact", cue)
    return None


@dataclass
class Specificity:
    """How concrete the answer is: the distinct steps the candidate took (or, asked what they would do, would
    take), the figures and the named parties, each quoted."""

    steps: list[QuotedWord]  # first-person action verbs, one quote per distinct verb
    figures: list[QuotedWord]
    stakeholders: list[QuotedWord]
    score: float  # weighted shares of steps_full, figures_full and stakeholders_full, at most 1


def measure_specificity(
    clauses: list[Clause], *, behavioural: bool, steps_full: int, figures_full: int, stakeholders_full: int,
    skip: set[int] = frozenset(),
) -> Specificity:
    """Steps, figures and named parties of an answer. For a question about a past experience only what happened
    counts (hypothetical clauses are left out); asked what they would do, the candidate's plan is the answer.
    Clauses in ``skip`` (restating the question) are left out."""
    steps: dict[str, QuotedWord] = {}
    figures: dict[str, QuotedWord] = {}
    parties: dict[str, QuotedWord] = {}
    for index, clause in enumerate(clauses):
        if index in skip:
            continue
        hypothetical = is_hypothetical(clause.text)
        if not (behavioural and hypothetical):
            verb = action_verb(clause.text)
            if verb is not None:
                steps.setdefault(verb, QuotedWord(verb, clause.text, clause.start, clause.end, "grammar", verb))
        if not hypothetical:
            for figure in numbers_in(clause.text):
                figures.setdefault(figure, QuotedWord(figure, clause.text, clause.start, clause.end, "exact", figure))
        for word in STAKEHOLDER_WORDS:
            if word in clause.text:
                parties.setdefault(word, QuotedWord(word, clause.text, clause.start, clause.end, "exact", word))
    score = specificity_score(len(steps), len(figures), len(parties), steps_full=steps_full,
                              figures_full=figures_full, stakeholders_full=stakeholders_full)
    return Specificity(list(steps.values()), list(figures.values()), list(parties.values()), score)


def specificity_score(steps: int, figures: int, parties: int, *, steps_full: int, figures_full: int,
                      stakeholders_full: int) -> float:
    """Half for the steps, a quarter each for the figures and the named parties, each share capped at its full count."""
    return round(0.5 * min(1.0, steps / steps_full) + 0.25 * min(1.0, figures / figures_full)
                 + 0.25 * min(1.0, parties / stakeholders_full), 3)

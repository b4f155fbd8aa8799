"""The demo job (对公客户经理): competency model, questions and rubric with HR-authored key phrases."""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path

from ml.scoring import QuestionSpec
from ml.text import words

_DEFAULT_CORPUS = Path(
    os.environ.get("QINGPIN_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared")
) / "fixtures" / "interview" / "corpus.json"

# Key phrases and synonyms per rubric point, written as a rubric author would (what a good answer
# says), keyed by the point text of the corpus. Pinyin matching covers recogniser homophones.
KEY_PHRASES: dict[str, list[str]] = {
    "倾听客户诉求并表达理解": ["倾听", "诉求", "理解", "耐心", "安抚"],
    "了解问题原因": ["原因", "查明", "核实", "询问", "问了"],
    "提出并执行解决方案": ["解决方案", "解决", "协调", "加急", "补救"],
    "跟进反馈结果": ["跟进", "回访", "反馈", "结果", "满意"],
    "坚持合规不违反规定": ["合规", "底线", "不违反", "不会违反", "不会绕过"],
    "向客户解释风险和原因": ["解释", "说明", "风险", "原因"],
    "提供合规的替代方案": ["替代方案", "快速通道", "绿色通道", "提前准备", "其他办法"],
    "必要时向上级报告": ["上级", "主管", "领导", "报告", "汇报"],
    "明确分工": ["分工", "负责", "分配", "各自"],
    "沟通协调": ["沟通", "协调", "同步", "开会", "对接"],
    "克服困难的具体行动": ["克服", "解决", "主动", "想办法", "攻克"],
    "取得的结果": ["结果", "成果", "提前", "达成", "完成"],
}

# The competencies each rubric point is evidence of, keyed like KEY_PHRASES. They are applied to the
# scorer's question specs only: the job dict keeps the API's rubric shape, which has no tags yet.
# Listening and following up are talking with the customer (沟通能力) as well as serving them;
# explaining risk is communication as well as risk awareness; the result of a team task shows both
# the team's work and the problem solved.
POINT_COMPETENCIES: dict[str, list[str]] = {
    "倾听客户诉求并表达理解": ["客户导向", "沟通能力"],
    "了解问题原因": ["客户导向"],
    "提出并执行解决方案": ["客户导向"],
    "跟进反馈结果": ["客户导向", "沟通能力"],
    "坚持合规不违反规定": ["风险意识"],
    "向客户解释风险和原因": ["风险意识", "沟通能力"],
    "提供合规的替代方案": ["风险意识"],
    "必要时向上级报告": ["风险意识"],
    "明确分工": ["团队协作"],
    "沟通协调": ["团队协作"],
    "克服困难的具体行动": ["问题解决"],
    "取得的结果": ["团队协作", "问题解决"],
}

# A brief but complete answer can take 3-4 s of speech (the corpus's q3_weak is 3.4 s and must be
# scored); 3 s still refuses a lone "嗯，我不知道" (1.2 s of speech).
DEMO_MIN_SPEECH_SECONDS = 3.0

_DEMO_OUTLINE: dict = {
    "title": "对公客户经理",
    "description": (
        "负责对公客户的开发与维护，为企业客户办理贷款、结算等业务，处理客户诉求，"
        "在合规与风险控制的前提下与团队协作完成业绩目标。"
    ),
    "competencies": {"沟通能力": 0.3, "问题解决": 0.25, "客户导向": 0.2, "风险意识": 0.15, "团队协作": 0.1},
    "questions": [
        {
            "id": "q1",
            "text": "请描述一次你处理客户投诉的经历。",
            "competencies": {"客户导向": 0.5, "沟通能力": 0.5},
            "rubric_texts": ["倾听客户诉求并表达理解", "了解问题原因", "提出并执行解决方案", "跟进反馈结果"],
        },
        {
            "id": "q2",
            "text": "如果客户要求你绕过规定快速办理贷款，你会怎么做？",
            "competencies": {"风险意识": 0.7, "沟通能力": 0.3},
            "rubric_texts": ["坚持合规不违反规定", "向客户解释风险和原因", "提供合规的替代方案", "必要时向上级报告"],
        },
        {
            "id": "q3",
            "text": "请举例说明你如何与同事合作完成一项困难的任务。",
            "competencies": {"团队协作": 0.6, "问题解决": 0.4},
            "rubric_texts": ["明确分工", "沟通协调", "克服困难的具体行动", "取得的结果"],
        },
    ],
}

_QUESTION_DEFAULTS = {
    "answer_seconds": 180,
    "think_seconds": 30,
    "retakes": 1,
    "min_speech_seconds": DEMO_MIN_SPEECH_SECONDS,
}


def load_demo_job(corpus_path: Path | None = None) -> dict:
    """The demo job built from the shared corpus (job, questions, rubric texts), else from the embedded copy."""
    path = Path(corpus_path) if corpus_path is not None else _DEFAULT_CORPUS
    if path.is_file():
        return _build(_outline_from_corpus(json.loads(path.read_text(encoding="utf-8"))))
    if corpus_path is not None:
        raise FileNotFoundError(f"interview corpus not found: {path}")
    return copy.deepcopy(DEMO_JOB)


def demo_question_specs(job: dict | None = None) -> dict[str, QuestionSpec]:
    """The demo job's questions as ``QuestionSpec`` objects, by question id, their rubric points
    tagged with competencies (POINT_COMPETENCIES) where the job does not tag them itself."""
    job = job or load_demo_job()
    description = job.get("description") or ""
    return {
        q["id"]: QuestionSpec.from_dict({"job_description": description, **tagged_question(q)})
        for q in job["questions"]
    }


def tagged_question(question: dict) -> dict:
    """A copy of a question whose untagged rubric points carry their POINT_COMPETENCIES tags."""
    question = copy.deepcopy(question)
    for point in question["rubric"]:
        if not point.get("competencies"):
            point["competencies"] = _point_competencies(point["text"], question["competencies"])
    return question


def _outline_from_corpus(corpus: dict) -> dict:
    outline = copy.deepcopy(_DEMO_OUTLINE)
    outline["title"] = corpus["job"]["title"]
    outline["competencies"] = dict(corpus["job"]["competencies"])
    outline["questions"] = [
        {
            "id": qid,
            "text": q["text"],
            "competencies": dict(q["competencies"]),
            "rubric_texts": list(q["rubric"]),
        }
        for qid, q in corpus["questions"].items()
    ]
    return outline


def _build(outline: dict) -> dict:
    questions = []
    for q in outline["questions"]:
        rubric = [
            {"id": f"{q['id']}.p{i}", "text": text, "key_phrases": _key_phrases(text), "weight": 1.0}
            for i, text in enumerate(q["rubric_texts"], 1)
        ]
        questions.append(
            {
                "id": q["id"],
                "text": q["text"],
                "competencies": q["competencies"],
                "rubric": rubric,
                **_QUESTION_DEFAULTS,
            }
        )
    return {
        "title": outline["title"],
        "description": outline["description"],
        "competencies": outline["competencies"],
        "questions": questions,
    }


def _key_phrases(point_text: str) -> list[str]:
    """Authored phrases for a rubric point; for a point nobody wrote phrases for, its own content words."""
    if point_text in KEY_PHRASES:
        return list(KEY_PHRASES[point_text])
    return [w for w in words(point_text) if len(w) >= 2] or [point_text]


def _point_competencies(point_text: str, question_competencies: dict) -> list[str]:
    """The point's tagged competencies that its question measures; untagged points count for all."""
    return [c for c in POINT_COMPETENCIES.get(point_text, []) if c in question_competencies]


DEMO_JOB: dict = _build(_DEMO_OUTLINE)

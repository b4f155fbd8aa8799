"""Match a parsed résumé to a job's requirements: four explained part scores, a weighted total, pool proposals."""
from __future__ import annotations

import hashlib
import json
import math
import re
import threading
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

from ml.resources import read_json
from ml.resume import DEGREE_RANK, ParsedResume, match_credentials

MATCHER_VERSION = "resume-match-1"
PARTS = ("skills", "experience", "education", "other")
EvidenceSource = Literal["listed", "experience", "inferred", "certificate", "text"]


@dataclass(frozen=True)
class JobRequirements:
    skills: list[str] = field(default_factory=list)
    min_years: float = 0.0
    education: str = ""  # 大专 / 本科 / 硕士 / 博士, or "" for no requirement
    certificates: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.education and self.education not in DEGREE_RANK:
            raise ValueError(f"education must be one of {list(DEGREE_RANK)} or empty, not {self.education!r}")
        if self.min_years < 0:
            raise ValueError("min_years must not be negative")


@dataclass(frozen=True)
class MatchWeights:
    skills: float = 0.4
    experience: float = 0.3
    education: float = 0.2
    other: float = 0.1

    def __post_init__(self) -> None:
        values = self.as_dict()
        if any(v < 0 or not math.isfinite(v) for v in values.values()):
            raise ValueError(f"weights must be finite and non-negative: {values}")
        if abs(sum(values.values()) - 1.0) > 1e-6:
            raise ValueError(f"weights must sum to 1, not {sum(values.values()):.4f}: {values}")

    def as_dict(self) -> dict[str, float]:
        return {part: float(getattr(self, part)) for part in PARTS}


@dataclass(frozen=True)
class Evidence:
    requirement: str
    source: EvidenceSource
    quote: str


@dataclass
class PartScore:
    score: float  # 0-100
    reasons: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    needs_check: bool = False  # rests on a field HR must check first: scores 0 until HR does


@dataclass
class MatchResult:
    score: float  # 0-100, the weighted sum of the parts
    parts: dict[str, PartScore]
    weights: MatchWeights
    version: str = MATCHER_VERSION
    config_hash: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class PoolProposal:
    """A candidate the screening proposes for the interview pool; HR confirms or declines it."""

    candidate_id: str
    score: float
    rank: int
    basis: str


# --- synonyms ------------------------------------------------------------------------------------

def _key(term: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", term)).strip().casefold()


@dataclass(frozen=True)
class Inference:
    skill: str
    pattern: re.Pattern


class SynonymTable:
    """Groups of terms that name one skill; the first name of a group is its canonical name."""

    def __init__(self, synonyms: Mapping[str, Iterable[str]] | None = None,
                 inferences: Sequence[Inference] = ()) -> None:
        self._groups: list[tuple[str, set[str]]] = []
        self._index: dict[str, int] = {}
        self.inferences = tuple(inferences)
        for canonical, aliases in (synonyms or {}).items():
            self._add(canonical, aliases)

    @classmethod
    def builtin(cls) -> "SynonymTable":
        """The table shipped in ml/resources/skills.json (shared, do not mutate; use extended())."""
        return _builtin_table()

    def extended(self, extra: Mapping[str, Iterable[str]] | None) -> "SynonymTable":
        """A copy with HR's extra synonyms merged into the groups they touch."""
        table = SynonymTable(inferences=self.inferences)
        table._groups = [(canonical, set(terms)) for canonical, terms in self._groups]
        table._index = dict(self._index)
        for canonical, aliases in (extra or {}).items():
            table._add(canonical, aliases)
        return table

    def canonical(self, term: str) -> str:
        index = self._index.get(_key(term))
        return self._groups[index][0] if index is not None else term.strip()

    def terms(self, term: str) -> set[str]:
        """Every way of saying this skill (keys are NFKC case-folded)."""
        index = self._index.get(_key(term))
        return set(self._groups[index][1]) if index is not None else {_key(term)}

    def all_terms(self) -> set[str]:
        return {t for _, terms in self._groups for t in terms}

    def _add(self, canonical: str, aliases: Iterable[str]) -> None:
        names = [canonical, *aliases]
        keys = {_key(n) for n in names if _key(n)}
        touched = sorted({self._index[k] for k in keys if k in self._index})
        if touched:
            target = touched[0]
            for other in touched[1:]:
                self._groups[target][1].update(self._groups[other][1])
                self._groups[other] = ("", set())
            self._groups[target][1].update(keys)
        else:
            self._groups.append((canonical.strip(), keys))
            target = len(self._groups) - 1
        for k in self._groups[target][1]:
            self._index[k] = target


_builtin_lock = threading.Lock()
_builtin: SynonymTable | None = None


def _builtin_table() -> SynonymTable:
    global _builtin
    with _builtin_lock:
        if _builtin is None:
            data = read_json("skills.json")
            inferences = [Inference(rule["skill"], re.compile(rule["pattern"], re.I)) for rule in data["inferences"]]
            _builtin = SynonymTable(data["synonyms"], inferences)
        return _builtin


# --- résumé text and term search -----------------------------------------------------------------

_tokenizer = None
_tokenizer_words: set[str] = set()
_tokenizer_lock = threading.Lock()


def _tokens(text: str, vocabulary: set[str]) -> set[str]:
    """jieba tokens (search mode) with every synonym term kept whole; a private tokenizer, not jieba's global one."""
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            import jieba

            _tokenizer = jieba.Tokenizer()
        for word in vocabulary - _tokenizer_words:
            if re.search(r"[\u4e00-\u9fff]", word):
                _tokenizer.add_word(word, freq=20000)
            _tokenizer_words.add(word)
        return {t.strip().casefold() for t in _tokenizer.cut_for_search(text) if t.strip()}


def _contains(term: str, text: str, tokens: set[str]) -> re.Match | None | bool:
    """Whether the text says the term: a whole word for Latin terms, a jieba token or a longer phrase for Chinese."""
    if not term:
        return None
    if re.fullmatch(r"[\x00-\x7f]+", term):
        return re.search(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])", text)
    if term in tokens:
        return True
    return len(term) >= 3 and term in text


_CLAUSE = re.compile(r"[^。;；!！?？,，\n]+")


def _quote(text: str, needle: str | None = None, span: tuple[int, int] | None = None, limit: int = 60) -> str:
    """The clause of text around the match, for evidence."""
    if span is None:
        position = text.casefold().find(needle.casefold()) if needle else -1
        if position < 0:
            return ""
        span = (position, position + len(needle))
    for clause in _CLAUSE.finditer(text):
        if clause.start() <= span[0] < clause.end():
            quote = clause.group(0).strip(" ,，")
            return quote if len(quote) <= limit else quote[:limit] + "…"
    return text[span[0]:span[1]]


@dataclass
class _ResumeText:
    listed: list[str]
    experience: str  # job titles and work descriptions
    everything: str  # every job-relevant field as text
    experience_tokens: set[str]
    everything_tokens: set[str]

    @classmethod
    def of(cls, parsed: ParsedResume, vocabulary: set[str]) -> "_ResumeText":
        # A title read too unsurely to use ("please check") is no evidence until HR confirms or corrects it.
        work = "\n".join(f"{'' if parsed.checked(f'work[{i}].title') else w.title}\n{w.description}"
                         for i, w in enumerate(parsed.work))
        everything = "\n".join([
            work, *parsed.skills, *parsed.certificates, *parsed.languages,
            *(w.employer for w in parsed.work), *(f"{e.school} {e.major}" for e in parsed.education)])
        experience = unicodedata.normalize("NFKC", work)
        everything = unicodedata.normalize("NFKC", everything)
        return cls(listed=parsed.skills, experience=experience, everything=everything,
                   experience_tokens=_tokens(experience, vocabulary),
                   everything_tokens=_tokens(everything, vocabulary))


def _find_in(text: str, tokens: set[str], terms: Iterable[str]) -> str | None:
    """A quote of the text where one of the terms appears, or None."""
    folded = text.casefold()
    for term in sorted(terms, key=len, reverse=True):
        found = _contains(term, folded, tokens)
        if found:
            span = found.span() if isinstance(found, re.Match) else None
            if span is None:
                position = folded.find(term)
                span = (position, position + len(term)) if position >= 0 else None
            return _quote(text, span=span) if span else term
    return None


# --- the four parts ------------------------------------------------------------------------------

def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _list_reason(label: str, required: Sequence[str], hits: Sequence[str]) -> str:
    missing = [r for r in required if r not in hits]
    parts = []
    if hits:
        parts.append("命中 " + "、".join(hits))
    if missing:
        parts.append("缺 " + "、".join(missing))
    return f"{label} {'、'.join(required)}: " + "; ".join(parts)


def _skills_part(req: JobRequirements, text: _ResumeText, table: SynonymTable) -> PartScore:
    if not req.skills:
        return PartScore(100.0, ["未要求技能"])
    hits, evidence, notes = [], [], []
    listed = {table.canonical(s).casefold(): s for s in text.listed}
    listed_folded = [unicodedata.normalize("NFKC", s).casefold() for s in text.listed]
    for skill in req.skills:
        canonical, terms = table.canonical(skill), table.terms(skill)
        found: Evidence | None = None
        if canonical.casefold() in listed:
            found = Evidence(skill, "listed", listed[canonical.casefold()])
        else:
            for original, folded in zip(text.listed, listed_folded):
                if any(_contains(t, folded, {folded}) for t in terms):
                    found = Evidence(skill, "listed", original)
                    break
        if found is None:
            quote = _find_in(text.experience, text.experience_tokens, terms)
            if quote:
                found = Evidence(skill, "experience", quote)
                notes.append(f"{skill} 见于工作经历: “{quote}”")
        if found is None:
            for rule in table.inferences:
                if table.canonical(rule.skill).casefold() != canonical.casefold():
                    continue
                match = rule.pattern.search(text.experience)
                if match:
                    quote = _quote(text.experience, span=match.span())
                    found = Evidence(skill, "inferred", quote)
                    notes.append(f"{skill} 由经历推断: “{quote}”")
                    break
        if found:
            hits.append(skill)
            evidence.append(found)
    score = 100.0 * len(hits) / len(req.skills)
    return PartScore(round(score, 1), [_list_reason("要求", req.skills, hits), *notes], evidence)


def _experience_part(req: JobRequirements, parsed: ParsedResume) -> PartScore:
    years = parsed.years_experience
    if req.min_years > 0 and parsed.checked("years_experience"):
        return PartScore(0.0, [f"工作年限待核实 (识别为 {_fmt(years)} 年, 置信度低): 请 HR 核对, 核对前不计分"], needs_check=True)
    if req.min_years <= 0:
        return PartScore(100.0, [f"未要求工作年限 (经验 {_fmt(years)} 年)"])
    if years >= req.min_years:
        return PartScore(100.0, [f"经验 {_fmt(years)} 年 ≥ 要求 {_fmt(req.min_years)} 年"])
    score = 100.0 * years / req.min_years
    return PartScore(round(score, 1), [f"经验 {_fmt(years)} 年 < 要求 {_fmt(req.min_years)} 年"])


def _education_part(req: JobRequirements, parsed: ParsedResume) -> PartScore:
    if not req.education:
        return PartScore(100.0, ["未要求学历"])
    sure = [e for i, e in enumerate(parsed.education) if not parsed.checked(f"education[{i}].degree")]
    have = max((e.degree for e in sure if e.degree in DEGREE_RANK), key=DEGREE_RANK.__getitem__, default="")
    if not have and len(sure) < len(parsed.education):
        return PartScore(0.0, [f"学历待核实 (置信度低): 请 HR 核对, 核对前不计分 (要求 {req.education})"], needs_check=True)
    if not have:
        return PartScore(0.0, [f"未识别到学历 (要求 {req.education})"])
    gap = DEGREE_RANK[req.education] - DEGREE_RANK[have]
    school = next((e.school for e in parsed.education if e.degree == have), "")
    evidence = [Evidence(req.education, "listed", f"{school} {have}".strip())]
    if gap <= 0:
        relation = "=" if gap == 0 else ">"
        return PartScore(100.0, [f"学历 {have} {relation} 要求 {req.education}"], evidence)
    # One level short halves the part; two or more levels short score nothing.
    return PartScore(max(0.0, 100.0 - 50.0 * gap), [f"学历 {have} < 要求 {req.education}"], evidence)


def _credential_names(term: str) -> set[str]:
    return {n.casefold() for kind in ("certificates", "languages") for n in match_credentials(term, kind)}


def _other_part(req: JobRequirements, parsed: ParsedResume, text: _ResumeText, table: SynonymTable) -> PartScore:
    if not req.certificates and not req.keywords:
        return PartScore(100.0, ["无证书或关键词要求"])
    held: dict[str, str] = {}
    for credential in parsed.certificates + parsed.languages:
        for name in {credential.casefold()} | _credential_names(credential):
            held.setdefault(name, credential)
    reasons, evidence, hits_total = [], [], 0
    if req.certificates:
        hits = []
        for cert in req.certificates:
            names = _credential_names(cert) or {cert.strip().casefold()}
            found = sorted({held[n] for n in names if n in held})
            if found:
                hits.append(cert)
                evidence.append(Evidence(cert, "certificate", "、".join(found)))
        reasons.append(_list_reason("要求证书", req.certificates, hits))
        hits_total += len(hits)
    if req.keywords:
        hits = []
        for keyword in req.keywords:
            found = sorted({held[n] for n in _credential_names(keyword) if n in held})
            if found:
                hits.append(keyword)
                evidence.append(Evidence(keyword, "certificate", "、".join(found)))
                continue
            quote = _find_in(text.everything, text.everything_tokens, table.terms(keyword))
            if quote:
                hits.append(keyword)
                evidence.append(Evidence(keyword, "text", quote))
        reasons.append(_list_reason("关键词", req.keywords, hits))
        hits_total += len(hits)
    score = 100.0 * hits_total / (len(req.certificates) + len(req.keywords))
    return PartScore(round(score, 1), reasons, evidence)


def match_resume(parsed: ParsedResume, req: JobRequirements, weights: MatchWeights | None = None,
                 synonyms: SynonymTable | Mapping[str, Iterable[str]] | None = None) -> MatchResult:
    """Score a résumé against a job: skills, experience, education and other parts (0-100) with reasons."""
    weights = weights or MatchWeights()
    if isinstance(synonyms, SynonymTable):
        table = synonyms
    else:
        table = SynonymTable.builtin().extended(synonyms)
    vocabulary = table.all_terms() | {_key(t) for t in req.skills + req.keywords}
    text = _ResumeText.of(parsed, vocabulary)
    parts = {
        "skills": _skills_part(req, text, table),
        "experience": _experience_part(req, parsed),
        "education": _education_part(req, parsed),
        "other": _other_part(req, parsed, text, table),
    }
    # A part resting on an unchecked field scores nothing until HR checks it (its reason says so): a guess
    # never lifts a candidate in the rank.
    total = sum(getattr(weights, name) * part.score for name, part in parts.items())
    extra = synonyms if isinstance(synonyms, Mapping) else None
    return MatchResult(score=round(min(max(total, 0.0), 100.0), 1), parts=parts, weights=weights,
                       config_hash=config_hash(req, weights, extra))


def config_hash(req: JobRequirements, weights: MatchWeights,
                extra_synonyms: Mapping[str, Iterable[str]] | None = None) -> str:
    """Short hash of everything HR configured for the match (recorded with each score)."""
    payload = json.dumps({"version": MATCHER_VERSION, "requirements": asdict(req), "weights": weights.as_dict(),
                          "synonyms": {k: sorted(v) for k, v in (extra_synonyms or {}).items()}},
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


# --- pool ----------------------------------------------------------------------------------------

def rank(results: Mapping[str, MatchResult] | Iterable[tuple[str, MatchResult]], top_percent: float = 30,
         threshold: float | None = None) -> list[PoolProposal]:
    """Candidates proposed for the interview pool, best first: score ≥ threshold if given, else the top N %."""
    # Proposals only: HR confirms each one (PIPL art. 24, no solely automated decision). Ties at the cut-off
    # are all proposed, so equal scores are never split by name order.
    items = list(results.items()) if isinstance(results, Mapping) else list(results)
    if not 0 < top_percent <= 100:
        raise ValueError("top_percent must be in (0, 100]")
    ordered = sorted(items, key=lambda item: (-item[1].score, str(item[0])))
    if not ordered:
        return []
    proposals = []
    if threshold is not None:
        for position, (candidate, result) in enumerate(ordered, start=1):
            if result.score >= threshold:
                proposals.append(PoolProposal(str(candidate), result.score, position,
                                              f"得分 {_fmt(result.score)} ≥ 阈值 {_fmt(threshold)}"))
        return proposals
    quota = max(1, math.ceil(len(ordered) * top_percent / 100))
    cutoff = ordered[quota - 1][1].score
    for position, (candidate, result) in enumerate(ordered, start=1):
        if result.score >= cutoff:
            proposals.append(PoolProposal(str(candidate), result.score, position,
                                          f"前 {_fmt(top_percent)}% (第 {position} 名, 共 {len(ordered)} 人)"))
    return proposals

"""Job-relevant fields of a résumé's text: contact, education, work, experience, skills, credentials."""
# Data minimisation (PIPL art. 6, Labour Contract Law art. 8; COMPLIANCE.md): the output holds nothing else,
# no gender, age or birth date, marital or family status, ethnicity, religion, health, political status,
# native place, height or photo. Such labels and values are blanked before parsing so they cannot leak.
from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Iterable

import zhconv

from ml.resources import read_json, read_text

PRESENT = "至今"
# A résumé is a few thousand characters; past this the text is not a résumé (or is hostile) and is cut.
MAX_TEXT_CHARS = 100_000

# The only fields a parsed résumé may have (a compliance test holds the dataclasses to this list).
ALLOWED_FIELDS = frozenset({
    "name", "phone", "email", "education", "work", "years_experience", "skills", "certificates", "languages",
    "school", "degree", "major", "start", "end", "employer", "title", "description", "internship",
    "confidence", "check",
})
# Fields read less surely than this are shown to HR as "please check" and left out of the match.
CHECK_BELOW = 0.7


@dataclass
class Education:
    school: str = ""
    degree: str = ""  # 大专 / 本科 / 硕士 / 博士, or "" when not stated
    major: str = ""
    start: str | None = None  # "YYYY-MM" or "YYYY"
    end: str | None = None  # "YYYY-MM", "YYYY" or "至今"


@dataclass
class WorkEntry:
    employer: str = ""
    title: str = ""
    start: str | None = None
    end: str | None = None
    description: str = ""
    internship: bool = False


@dataclass
class ParsedResume:
    name: str = ""
    phone: str = ""
    email: str = ""
    education: list[Education] = field(default_factory=list)
    work: list[WorkEntry] = field(default_factory=list)
    years_experience: float = 0.0
    skills: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)  # field path -> 0..1
    check: list[str] = field(default_factory=list)  # paths below CHECK_BELOW: "please check", not matched on

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ParsedResume":
        data = dict(data or {})
        education = [Education(**{k: v for k, v in e.items() if k in _EDUCATION_KEYS}) for e in data.pop("education", [])]
        work = [WorkEntry(**{k: v for k, v in w.items() if k in _WORK_KEYS}) for w in data.pop("work", [])]
        known = {f.name for f in fields(cls)}
        return cls(education=education, work=work, **{k: v for k, v in data.items() if k in known})

    def checked(self, path: str) -> bool:
        """Whether HR must check this field before it may count (low confidence, not corrected)."""
        return path in self.check

    @property
    def highest_degree(self) -> str:
        ranked = [e.degree for e in self.education if e.degree in DEGREE_RANK]
        return max(ranked, key=DEGREE_RANK.__getitem__, default="")


DEGREE_RANK = {"大专": 1, "本科": 2, "硕士": 3, "博士": 4}


def parse_resume(text: str, *, today: date | None = None) -> ParsedResume:
    """Job-relevant fields of a résumé's plain text; "至今" counts up to `today` (default: now).

    A résumé in traditional characters (Hong Kong, Taiwan, Macau) is read through its simplified form, character for
    character, so the lexicons (headings, degrees, surnames, employer and title words, credentials) know it; every
    value found is then given back as the résumé writes it."""
    today = today or date.today()
    text = _without_fill_marks(normalize((text or "")[:MAX_TEXT_CHARS], today=today))
    simple = _simplified(text)
    if simple == text:
        return _parse_text(text, today)
    return _as_written(_parse_text(simple, today), text, simple)


# A printed form filled in on its blanks ("姓名：____崔景然____　手机：____157…____", "时间：＿＿2019.07＿＿至＿＿至今＿＿";
# full-width blanks are ASCII after NFKC) and a tab stop's dot leader ("青岛银行股份有限公司 ………… 2019.07—至今",
# "school ........ dates", "· · ·"): the marks are no part of the values on either side, only the room between them.
# A run of underscores is a blank unless letters or digits stand right against both its ends (an address
# "li__ming@…" keeps its own); a line of nothing but underscores or dots is a rule and stays as it is.
_FILL_BLANK = re.compile(r"(?<![_A-Za-z0-9])_{2,}(?!_)|(?<!_)_{2,}(?![_A-Za-z0-9])")
_DOT_LEADER = re.compile(r"[.·•・‧](?: ?[.·•・‧]){7,}")


def _without_fill_marks(text: str) -> str:
    if "__" not in text and not _DOT_LEADER.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        if line.strip(" \t_.·•・‧"):
            line = _DOT_LEADER.sub("  ", _FILL_BLANK.sub(" ", line))
        lines.append(line)
    return "\n".join(lines)


@lru_cache(maxsize=8192)
def _simplified_char(ch: str) -> str:
    converted = zhconv.convert(ch, "zh-cn")
    return converted if len(converted) == 1 else ch


def _simplified(text: str) -> str:
    """The text with each traditional character in its simplified form (same length: one character for one)."""
    return "".join(_simplified_char(ch) if "\u3400" <= ch <= "\u9fff" else ch for ch in text)


def _as_written(result: ParsedResume, text: str, simple: str) -> ParsedResume:
    """The values of a parse of `simple` as `text` (its traditional original) writes them: each value found in the
    simplified text is taken from the original at the same place; one not found as such (a canonical credential
    name, a value joined from pieces) has each character the document writes in one traditional form only put back."""
    back: dict[str, set[str]] = {}
    for original, converted in zip(text, simple):
        back.setdefault(converted, set()).add(original)

    def written(value: str) -> str:
        if not value or not re.search(r"[\u3400-\u9fff]", value):
            return value
        at = simple.find(value)
        if at >= 0:
            return text[at:at + len(value)]
        return "".join(next(iter(back[ch])) if len(back.get(ch, ())) == 1 else ch for ch in value)

    result.name = written(result.name)
    for entry in result.education:
        entry.school, entry.major = written(entry.school), written(entry.major)
    for job in result.work:
        job.employer, job.title, job.description = written(job.employer), written(job.title), written(job.description)
    result.skills = [written(v) for v in result.skills]
    result.certificates = [written(v) for v in result.certificates]
    result.languages = [written(v) for v in result.languages]
    return result


# A résumé written as prose (a mail body, a letter): "2016年秋至2017年夏，我在X银行Y部担任Z，…", "2012年秋，我考入X大学
# Y专业，2016年夏本科毕业". A season, 年初/年中/年底 gives the year only; the entry is rewritten as a dated line under its
# section, the skills, certificates and language sentences as labelled lines.
_PROSE_WHEN = r"(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月(?:份)?|[春夏秋冬]季?|年?[初中底末])?"
_PROSE_JOB = re.compile(rf"(?P<start>{_PROSE_WHEN})\s*(?:至|到|-)\s*(?P<end>{_PROSE_WHEN}|至今|今|现在)\s*[,，]?\s*"
                        r"我?(?:先后|曾|一直)?(?:在|于|加入)(?P<org>[^,，。;；]{4,40}?)(?:担任|任职|出任|(?<![责主])任|从事)"
                        r"(?P<title>[^,，。;；]{2,20}?)(?:一职|职务|岗位|工作)?(?=[,，。;；]|$)")
_PROSE_STUDY = re.compile(rf"(?P<start>{_PROSE_WHEN})\s*[,，]?\s*我?(?:考入|进入|就读于|入读|升入)(?P<school>[^,，。]{{2,30}}?"
                          r"(?:大学|学院))(?:攻读|就读|学习)?(?P<major>[^,，。]{2,20}?)专业(?:(?P<degree>硕士|博士|本科)(?:学位)?)?"
                          rf"[,，]\s*(?P<end>{_PROSE_WHEN})\s*(?P<degree2>本科|硕士|博士|研究生)?毕业")
_PROSE_ORG = re.compile(r"(?P<employer>.{2,30}(?:有限公司|公司|银行|集团|分行|支行))(?P<dept>[\u4e00-\u9fff]{2,10}(?:部|中心|处|室|科))")
_PROSE_SKILLS = re.compile(r"(?:常用|熟练(?:使用|掌握)|熟悉|掌握|擅长)(?P<items>[^,，。]{2,80}?)(?=[,，。]|$)")
_PROSE_CERTS = re.compile(r"(?:持有|取得了?|获得了?|考取了?)(?P<items>[^,，。]{2,60}?)(?:等)?(?:资格)?证书")
_PROSE_LANGUAGE = re.compile(r"(?:英语|外语|日语)(?:方面)?(?:已|已经)?通过了?(?P<items>[^,，。]{2,20}?)(?=[,，。]|$)")


def _prose_date(text: str) -> str:
    if re.fullmatch(r"至今|今|现在", text):
        return "至今"
    match = re.match(r"((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?", text)
    return f"{match.group(1)}.{int(match.group(2)):02d}" if match.group(2) else match.group(1)


def _prose_resume(text: str) -> str:
    """A résumé written as prose, rewritten as dated lines under section heads (see `_PROSE_JOB`); any other text as
    it was. The paragraphs a mail client soft-wrapped at a fixed width are rejoined first (a line as long as the
    widest, not ending a sentence, runs on)."""
    lines = text.split("\n")
    joined = re.sub(r"\s+", "", text)
    if not (_PROSE_JOB.search(joined) or _PROSE_STUDY.search(joined)):
        return text
    width = max((len(line.strip()) for line in lines), default=0)
    paragraphs: list[str] = []
    carry = False
    for line in lines:
        piece = line.strip()
        if carry and piece:
            paragraphs[-1] += piece
        else:
            paragraphs.append(piece)
        carry = bool(piece) and len(piece) >= width - 1 and width >= 20 and not re.search(r"[。!?！？]$", piece) \
            and bool(re.search(r"[\u4e00-\u9fff]", piece))
    work: list[str] = []
    study: list[str] = []
    listed: list[str] = []
    out: list[str] = []
    for paragraph in paragraphs:
        compact = re.sub(r"\s+", "", paragraph)
        jobs = list(_PROSE_JOB.finditer(compact))
        studies = list(_PROSE_STUDY.finditer(compact))
        for m in jobs:
            # "X银行股份有限公司贸易金融部": the department after the employer's legal name is no part of it.
            org = _PROSE_ORG.fullmatch(m.group("org"))
            where = f"{org.group('employer')} | {org.group('dept')}" if org else m.group("org")
            work.append(f"{_prose_date(m.group('start'))} - {_prose_date(m.group('end'))} | {where} | {m.group('title')}")
        for m in studies:
            degree = m.group("degree") or (m.group("degree2") or "").replace("研究生", "硕士")
            study.append(f"{_prose_date(m.group('start'))} - {_prose_date(m.group('end'))} | {m.group('school')} | "
                         f"{m.group('major')}" + (f" | {degree}" if degree else ""))
        skills, certs, language = (_PROSE_SKILLS.search(compact), _PROSE_CERTS.search(compact),
                                   _PROSE_LANGUAGE.search(compact))
        if not (jobs or studies) and sum(bool(x) for x in (skills, certs, language)) >= 2:
            if skills:
                listed.append("专业技能:" + skills.group("items"))
            if certs:
                listed.append("资格证书:" + re.sub(r"和|及|与", "、", certs.group("items")))
            if language:
                listed.append("外语水平:" + language.group("items"))
        elif not (jobs or studies):
            out.append(paragraph)
    blocks = (["工作经历", *work] if work else []) + (["教育经历", *study] if study else []) + \
        (["技能证书", *listed] if listed else [])
    return "\n".join(out + [""] + blocks)


def _parse_text(text: str, today: date) -> ParsedResume:
    whole = [_redact(_normalize_line(raw))
             for raw in _join_hyphen_wraps(_merge_text_tables(_prose_resume(normalize(text, today=today)).split("\n")))]
    whole = ["" if _PAGE_NUMBER.fullmatch(_SITE_DOMAIN.sub("", line).strip()) or _APP_BAR.fullmatch(line) or _is_tab_strip(line) or _WATERMARK.fullmatch(line)
             or _PHOTO_BOX.fullmatch(line) or _SEAL_LABEL.fullmatch(line)
             else _strip_card_furniture(_APP_CONTROL.sub("", line)) for line in whole]
    whole = _join_stacked_dates(_join_wrapped(_strip_sheet_margins(_drop_logos(_drop_comment_cards(_drop_screen_seams(
        _drop_forum_replies(whole)))))))
    lines = [piece for line in whole for piece in _split_labels(line) if piece]
    lines = _column_tables(lines)
    sections = _route_dated_lines(_split_sections(lines))
    result = ParsedResume()
    result.email = _find_email([line for line in whole if line])  # whole lines: whose contact a line gives
    result.phone = _find_phone([line for line in whole if line])
    result.name = _find_name(lines)
    result.email = _respelled_by_name(result.email, result.name)

    credential_lines: list[str] = []
    skill_items: list[str] = []
    cert_items: list[str] = []
    language_items: list[str] = []
    for kinds, body in sections:
        if kinds & {"education", "work", "internship"} and len(kinds) == 1:
            # A form's 技能/证书 rows whose labels OCR did not read ("债券估值、Stata、SQL", "CFA、保险从业资格、
            # TOEFL100") follow the last dated entry: an undated line of known skills and credentials only is a list.
            listed = [line for line in body if _is_item_list(line)]
            body = [line for line in body if line not in listed]
            credential_lines.extend(listed)
            skill_items.extend(i for line in listed for i in _split_items(line) if not _credentials_in(i))
        if "education" in kinds and len(kinds) == 1:
            result.education.extend(_parse_entries(body, _EducationBuilder))
        elif kinds & {"work", "internship"} and len(kinds) == 1:
            entries = [e for e in _parse_entries(body, _WorkBuilder) if not _is_campus_post(e)]
            for entry in entries:
                entry.internship = "internship" in kinds or _is_internship(entry.title)
            result.work.extend(entries)
        elif "projects" in kinds or not kinds - {"ignored"} or (
                "ignored" in kinds and not kinds - {"ignored"} <= {"skills", "certificates", "languages"}):
            continue  # a list section beside honours ("荣誉证书") is read for its credentials
        else:
            body = [line for line in body if not _is_head_row(line)]
            credential_lines.extend(body)
            for line in body:
                if _SITE_STAMP.search(line):
                    continue  # "来自猎聘网 简历编号：…  更新时间：…": the job site's stamp under its export
                line = _URL.sub(" ", line)  # a page's address printed by the browser, a profile link: no item
                if re.match(r"(?:外语)?语种\s*:", line):
                    continue  # "语种：日语" beside "等级：日语N2": the level names the qualification
                label, value = _line_label(line)
                kind = label or (next(iter(kinds)) if len(kinds) == 1 else "mixed")
                items = _split_items(value)
                if kind == "skills":
                    skill_items.extend(items)
                elif kind == "certificates":
                    cert_items.extend(items)
                elif kind == "languages":
                    language_items.extend(items)
                elif kind == "mixed":
                    # Items of a "技能与证书"-style section that name no known credential; in "荣誉证书" (honours and
                    # certificates) only the credentials named count, an award is no item.
                    plain = [i for i in items if not _credentials_in(i)]
                    if "ignored" in kinds:
                        continue
                    if "skills" in kinds:
                        skill_items.extend(plain)
                    elif "certificates" in kinds:
                        cert_items.extend(plain)
                    elif "languages" in kinds:
                        language_items.extend(plain)
    if not result.education and not result.work:
        _fallback_entries(lines, result)
    # A form's summary row ("毕业院校：X 专业：… 学历：…" among the personal details) repeats a dated entry.
    # Its degree fills the dated entry's when that one names none ("2005.09--2009.06 X大学Y专业学习" in a cadre form's
    # 简历, "全日制教育 | 本科学士 | X大学Y专业" in its 学历学位 row).
    for summary in [e for e in result.education if not e.start]:
        for dated in [o for o in result.education if o.start and o.school == summary.school]:
            dated.degree = dated.degree or summary.degree
            dated.major = dated.major or summary.major
    result.education = [e for e in result.education if e.start or not any(
        o is not e and o.start and o.school == e.school for o in result.education)]
    result.work = [w for w in result.work if w.start or not any(
        o is not w and o.start and o.employer == w.employer for o in result.work)]

    credential_lines = [_EMAIL.sub(" ", line) for line in credential_lines]
    named = [name for line in credential_lines
             for name in match_credentials(line, "certificates", keep_level=True, as_written=True)]
    # A piece of a named credential split off at a space ("CFA Level II" → "Level", "II") is no item of its own.
    result.certificates = _unique(named + [
        i for i in cert_items if not _credentials_in(i) and _looks_like_item(i)
        and not any(i.casefold() in n.casefold() for n in named)])
    spoken = [name for line in credential_lines for name in match_credentials(line, "languages", as_written=True)]
    # A piece of a named qualification split off at a space ("日语 N1" → "N1") is no item of its own either.
    result.languages = _unique(spoken + [
        i for i in language_items if not _credentials_in(i) and _looks_like_item(i) and not _NATIVE.search(i)
        and not any(i.casefold() in n.casefold() for n in spoken)])
    # "英语 IELTS 6.5": the language's name beside its test says no more than the test.
    tested = {lang for name in result.languages for lang, tests in _LANGUAGE_TESTS.items() if re.match(tests, name)}
    # "英语（熟练）  CET-6": the language's name with a proficiency word in brackets beside its test says no more either.
    # A bare proficiency beside a named test on the line ("英语（精通）  日语N2") is the line's label, not a claim apart.
    rated = re.compile(r"[\u4e00-\u9fff]{1,4}语\s*\((?:精通|熟练|良好|一般|流利|熟悉|优秀|读写|听说读写)[^()]{0,6}\)")
    result.languages = [name for name in result.languages
                        if not (rated.fullmatch(name) and spoken)
                        and re.sub(r"\s*\([^()]{1,8}\)$", "", name).casefold() not in tested]
    result.skills = _unique(skill for i in skill_items if not _credentials_in(i) for skill in _skills_in(i))
    result.years_experience = years_of_experience(result.work, today=today)
    work_lines = sum(len(body) for kinds, body in sections if kinds & {"work"})
    assess(result, work_section_lines=work_lines)
    if result.email and result.email not in "\n".join(whole).lower():
        result.confidence["email"] = 0.6  # rebuilt from an OCR misreading of the at sign: HR checks it
        result.check.append("email")
    return result


# --- confidence ----------------------------------------------------------------------------------

def assess(result: ParsedResume, *, work_section_lines: int = 0) -> None:
    """Confidence per field from how its value was found; low ones are listed in result.check."""
    conf: dict[str, float] = {}
    conf["name"] = (0.95 if _is_chinese_name(result.name) or re.fullmatch(r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}", result.name)
                    else 0.6 if result.name else 0.0)
    conf["phone"] = 0.99 if re.fullmatch(r"1[3-9]\d{9}", result.phone) else 0.0
    conf["email"] = 0.99 if _EMAIL.fullmatch(result.email or "") else 0.0
    for i, e in enumerate(result.education):
        conf[f"education[{i}].school"] = 0.95 if _SCHOOL.fullmatch(e.school) else 0.6 if e.school else 0.3
        conf[f"education[{i}].degree"] = 0.95 if e.degree in DEGREE_RANK else 0.5
        conf[f"education[{i}].major"] = 0.9 if e.major and len(e.major) <= 20 and not re.search(r"\d", e.major) else 0.5
        for key in ("start", "end"):
            conf[f"education[{i}].{key}"] = 0.95 if getattr(e, key) else 0.4
    dated = True
    for i, w in enumerate(result.work):
        known_employer = bool(_EMPLOYER.fullmatch(w.employer) or _EMPLOYER_EN.fullmatch(w.employer))
        conf[f"work[{i}].employer"] = 0.95 if known_employer else 0.6 if w.employer else 0.3
        conf[f"work[{i}].title"] = 0.9 if _TITLE_WORDS_RE.search(w.title) else 0.6 if w.title else 0.3
        for key in ("start", "end"):
            conf[f"work[{i}].{key}"] = 0.95 if getattr(w, key) else 0.3
        dated = dated and (w.internship or bool(w.start and w.end))
    if not dated:
        conf["years_experience"] = 0.4  # a job without dates: the sum is a lower bound
    elif not result.work and work_section_lines:
        conf["years_experience"] = 0.3  # a work section whose entries could not be read
    else:
        conf["years_experience"] = 0.9
    result.confidence = conf
    result.check = [path for path, value in conf.items() if value < CHECK_BELOW]


# --- corrections by HR ---------------------------------------------------------------------------

_EDUCATION_KEYS = ("school", "degree", "major", "start", "end")
_WORK_KEYS = ("employer", "title", "start", "end", "description", "internship")
_PATH = re.compile(r"^(?P<list>education|work)\[(?P<index>\d{1,3})\]\.(?P<key>[a-z_]+)$|^(?P<top>[a-z_]+)$")
_MONTH_LABEL = re.compile(r"^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?$")


class CorrectionError(ValueError):
    """A correction names no parsed field or gives it a value of the wrong kind; errors maps path -> message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _check_value(key: str, value) -> str | None:
    if key in ("start", "end"):
        ok = (isinstance(value, str) and (_MONTH_LABEL.match(value) or (key == "end" and value == PRESENT)))
        return None if ok else f"a date as YYYY-MM or YYYY{' or 至今' if key == 'end' else ''}"
    if key == "internship":
        return None if isinstance(value, bool) else "true or false"
    if key == "years_experience":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 60
        return None if ok else "a number of years between 0 and 60"
    if key in ("skills", "certificates", "languages"):
        ok = isinstance(value, list) and len(value) <= 100 and all(isinstance(v, str) and len(v) <= 100 for v in value)
        return None if ok else "a list of at most 100 short texts"
    if key == "degree":
        return None if value in ("", *DEGREE_RANK) else f"one of {'、'.join(DEGREE_RANK)} or empty"
    return None if isinstance(value, str) and len(value) <= 2000 else "a text of at most 2000 characters"


def validate_corrections(fields_: dict, corrections: dict) -> None:
    """Raise CorrectionError unless every path names a field of this parse and every value fits it."""
    errors: dict[str, str] = {}
    top_level = {"name", "phone", "email", "years_experience", "skills", "certificates", "languages"}
    for path, value in (corrections or {}).items():
        match = _PATH.match(str(path))
        if not match:
            errors[str(path)] = "not a field path (name, work[0].title, education[1].major, …)"
            continue
        if match.group("top"):
            key = match.group("top")
            if key not in top_level:
                errors[path] = f"not a correctable field; choose one of {sorted(top_level)} or an entry field"
                continue
        else:
            key = match.group("key")
            entries = fields_.get(match.group("list")) or []
            allowed = _EDUCATION_KEYS if match.group("list") == "education" else _WORK_KEYS
            if key not in allowed:
                errors[path] = f"an entry has {', '.join(allowed)}"
                continue
            if int(match.group("index")) >= len(entries):
                errors[path] = f"there are {len(entries)} {match.group('list')} entries"
                continue
        if value is None:
            continue  # None withdraws the correction
        problem = _check_value(key, value)
        if problem:
            errors[path] = f"expected {problem}"
    if errors:
        raise CorrectionError(errors)


def field_value(fields_: dict, path: str):
    """The value at a field path of a parse ("work[0].title"), None where there is none."""
    match = _PATH.match(path)
    if not match:
        return None
    if match.group("top"):
        return fields_.get(match.group("top"))
    entries = fields_.get(match.group("list")) or []
    index = int(match.group("index"))
    return entries[index].get(match.group("key")) if index < len(entries) else None


def apply_corrections(fields_: dict, corrections: dict, *, today: date | None = None) -> dict:
    """The parse with HR's corrections laid over it: corrected fields count as checked, years follow corrected dates."""
    out = {**fields_, "education": [dict(e) for e in fields_.get("education") or []],
           "work": [dict(w) for w in fields_.get("work") or []]}
    confidence = dict(fields_.get("confidence") or {})
    check = set(fields_.get("check") or [])
    for path, value in (corrections or {}).items():
        match = _PATH.match(path)
        if not match:
            continue
        if match.group("top"):
            out[match.group("top")] = value
        else:
            entries = out[match.group("list")]
            index = int(match.group("index"))
            if index >= len(entries):
                continue  # the re-parse found fewer entries; the correction is kept for HR to see
            entries[index][match.group("key")] = value
        confidence[path] = 1.0
        check.discard(path)
    corrected_dates = any(_PATH.match(p) and _PATH.match(p).group("list") == "work" for p in corrections or {})
    if corrected_dates and "years_experience" not in (corrections or {}):
        work = [WorkEntry(**{k: v for k, v in w.items() if k in _WORK_KEYS}) for w in out["work"]]
        out["years_experience"] = years_of_experience(work, today=today or date.today())
        if all(w.internship or (w.start and w.end) for w in work):
            confidence["years_experience"] = max(confidence.get("years_experience", 0.0), 0.9)
            check.discard("years_experience")
    out["confidence"], out["check"] = confidence, sorted(check)
    return out


# --- normalisation and redaction -----------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−－~～〜"), "-")
_BULLETS = re.compile(r"^[\s•●○■□◆◇▪▫►▶★☆√✓✔☑◎·\-*>\u2580-\u259f┃│]+")
# An entry's number in a list ("1、2019年7月-…", "2. 2019.07 - …"): no part of its first field.
_ENTRY_NUMBER = re.compile(r"^[(]?\d{1,2}[)]?\s*、\s*|^[(]?\d{1,2}[.)]\s*(?=(?:19|20)\d{2}(?!\d))")


_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s|]+")
# A job site's stamp on its export or print ("来自猎聘网", "简历编号：55232280", "更新时间：2025-09-14"): no item.
_SITE_STAMP = re.compile(r"简历编号|简历ID|更新(?:时间|于)|投递时间|^来自\S{2,8}(?:网|APP|App|app)(?:\s|$)")
# A job app's buttons beside a card's heading or under a cut description ("技能特长  + 添加", "工作描述：…  展开",
# "彭诗涵  编辑"): the screen's controls, no content of the résumé.
_APP_CONTROL = re.compile(r"(?:^|\s*[|:]\s*|\s+)[+✎]?\s*(?:添加|编辑|展开|收起|预览|分享|查看全部|查看更多)$")
_APP_BUTTON = r"(?:刷新|分享|下载|发送|预览|导出|投递|编辑)简历|投递记录|谁看过我|用其他应用打开|其他应用打开"
_APP_BAR = re.compile(rf"(?:{_APP_BUTTON})(?:\s*\|?\s*(?:{_APP_BUTTON}))*")  # the bar of buttons under the résumé in an app
# A page's number in its footer ("第 1 页 / 共 2 页", "Page 2 of 3", "- 2 -", "1/2"): no line of the résumé.
# A job site's watermark over a downloaded résumé, which a text layer gives as lines of their own between the entries:
# the site's name and the account it was downloaded for ("BOSS直聘  仅供杭州银行招聘使用", "仅限XX公司内部使用").
_SITE_BRAND = r"BOSS直聘|Boss直聘|智联招聘|前程无忧|51job|猎聘网?|拉勾网?|脉脉"
# A phone scanner app's mark in the corner of every page it makes ("扫描全能王 创建", "由 CamScanner 扫描创建").
_SCANNER_MARK = r"(?:由\s*)?(?:扫描全能王|全能扫描王|夸克扫描王|[Cc]am[Ss]canner)(?:\s*扫描)?(?:\s*(?:创建|生成))?"
_WATERMARK = re.compile(rf"(?:(?:{_SITE_BRAND})\s*)*(?:仅供|仅限)[^\s|]{{1,24}}?(?:招聘|内部|面试|查阅|查看)?使用"
                        rf"(?:\s*(?:{_SITE_BRAND}))*|(?:{_SITE_BRAND})(?:\s+(?:{_SITE_BRAND}))*|{_SCANNER_MARK}")
# A photo's placeholder box with its word alone ("照片", "贴照片处", "一寸免冠照片"), which the reading order of a
# photographed page may put anywhere, even last under the certificates: no item.
_PHOTO_BOX = re.compile(r"(?i)(?:(?:近期|一寸|二寸|1寸|2寸|免冠|彩色|蓝底|白底|正面)\s*)*(?:照片|相片|贴照片处|照片粘贴处|photo)")
# A seal's label on a certificate's or form's copy ("发证机构（盖章）", "单位盖章处"): where the stamp goes, no item.
_SEAL_LABEL = re.compile(r"[\u4e00-\u9fff]{0,8}\s*\(\s*(?:盖章|签章|公章|印章)\s*\)|[\u4e00-\u9fff]{0,6}(?:盖章|签章)处?")
# An online document's site beside its printed page number ("docs.qq.com    第 1 页 / 共 1 页").
_SITE_DOMAIN = re.compile(r"(?i)^(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io)(?:/\S*)?\s+|\s+(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io)(?:/\S*)?$")
_PAGE_NUMBER = re.compile(r"(?i)第\s*\d{1,2}\s*页(?:\s*[/,]?\s*共\s*\d{1,2}\s*页)?|共\s*\d{1,2}\s*页\s*第\s*\d{1,2}\s*页"
                          r"|page\s*\d{1,2}(?:\s*(?:of|/)\s*\d{1,2})?|-\s*\d{1,2}\s*-|\d{1,2}\s*/\s*\d{1,2}")
# A job card's salary beside the title ("资产托管专员 | 8-27K", "30-40万", "15-25K·14薪"), its status badge beside the
# employer ("… | 在职", "在职-考虑机会") and a school's enrolment mode ("暨南大学 统招"): no employer, title or major.
_SALARY = r"\d{1,3}(?:\.\d)?\s*-\s*\d{1,3}(?:\.\d)?\s*(?:[Kk千]|万(?:/年)?)(?:\s*[·x×*]\s*\d{1,2}\s*薪)?(?:/月)?|薪资面议|面议"
_CARD_FURNITURE = re.compile(rf"(?:^|\s*[|·]\s*|\s+)(?:{_SALARY})(?=\s*[|·]|\s*$)"
                             r"|(?<![-~至\s])(?:\s*\|\s*|\s+)(?:在职|离职)(?:-[\u4e00-\u9fff]{2,6})?$"
                             r"|(?<=[学院校])\s*(?:非)?统招(?=\s|\||$)")


# A phone's screen furniture, which a long screenshot stitched from several screens repeats where they meet: the status
# bar ("9:41 | 5G 86%") and an app's title bar with its back mark ("< | 简历预览 | 分享").
_STATUS_BAR = re.compile(r"(?i)\d{1,2}:\d{2}(?:\s*\|?\s*(?:[2-5]G|LTE|HD|VPN|Wi-?Fi|\d{1,3}\s*%))*")
_TITLE_BAR = re.compile(r"[<‹〈←]\s*\|?\s*[\u4e00-\u9fff]{2,8}(?:\s*\|?\s*(?:分享|更多|编辑|···|\.\.\.))?")


# A reviewer's comment card printed in a shared document's margin ("王雪  12-03 10:21", "刘洋 12月3日 14:02"): a person's
# name and a time over that person's note about the candidate, which the reading order puts among the résumé's lines.
_COMMENT_HEAD = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,4})\s+(?:(?:19|20)\d{2}[-/.])?(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日"
                           r"|昨天|今天)\s*\d{1,2}:\d{2}")
_COMMENT_LINES = 3  # a margin card's note is a few short lines


def _drop_comment_cards(lines: list[str]) -> list[str]:
    """Lines without the reviewers' comment cards (`_COMMENT_HEAD`): a card's head and up to three lines under it,
    ending early at what is the résumé's again: a blank line, a heading, a label ("专业技能：…"), a numbered duty, a
    date, or an employer's or school's name."""
    out: list[str] = []
    left = 0
    for line in lines:
        head = _COMMENT_HEAD.fullmatch(line.strip())
        if head and _is_chinese_name(head.group("who")):
            left = _COMMENT_LINES
            continue
        if left and line.strip() and not (
                _header_kinds(line) or re.match(r"^[\u4e00-\u9fffA-Za-z]{1,8}\s*:", line)
                or re.match(r"^[(]?\d{1,2}[.)、]", line) or _LONE_MONTH.search(line)
                or (_name_at_start(line) and not re.match(r"[在于@]", line))):  # "在X银行做过…": the note's prose
            left -= 1
            continue
        left = 0
        out.append(line)
    return out


def _drop_screen_seams(lines: list[str]) -> list[str]:
    """Lines without a phone's status and title bars (`_STATUS_BAR`, `_TITLE_BAR`; the bottom bar of buttons is
    `_APP_BAR`). Where such bars stand between two screens of a stitched screenshot, the line before them shown again
    after them (the stitcher's overlap) is read once."""
    out: list[str] = []
    seam = False
    for line in lines:
        if _STATUS_BAR.fullmatch(line) or _TITLE_BAR.fullmatch(line) or _APP_BAR.fullmatch(line):
            seam = True
            continue
        if not line:
            out.append(line)
            continue
        if seam and out:
            before = next((x for x in reversed(out) if x), "")
            if before == line:
                seam = False
                continue  # the overlap: the last line of one screen repeated at the top of the next
        seam = False
        out.append(line)
    return out


_LOGO_HEAD = re.compile(r"^([^\s|\d]{1,4})(?:\s*\|\s*|\s+)(?=\S)")


def _name_at_start(text: str) -> str:
    match = _EMPLOYER.match(text) or _SCHOOL.match(text)
    return match.group(0) if match else ""


def _drop_logos(lines: list[str]) -> list[str]:
    """A job site draws each company's and school's logo as two characters of its name in a square left of it
    ("华泰" beside "华泰证券股份有限公司"); OCR reads the logo before the name, or on a line of its own above or below
    it, and the ring of a timeline rail as a stray character ("d", "山") before them. A name's leading pieces of one
    character or of characters of that name, and a line of two to four Chinese characters of the name just above or
    below it, are dropped."""
    out = list(lines)
    for i, line in enumerate(out):
        rest, heads = line, []
        while (match := _LOGO_HEAD.match(rest)) and len(heads) < 3:
            heads.append(match.group(1))
            rest = rest[match.end():]
            name = _name_at_start(rest)
            if name and all(len(h) == 1 or (re.fullmatch(r"[\u4e00-\u9fff]{2,4}", h) and h in name) for h in heads):
                out[i] = rest
                break
    names = [_name_at_start(line) for line in out]
    for i, line in enumerate(out):
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line) and not _header_kinds(line) and any(
                0 <= j < len(out) and len(names[j]) > len(line) and line in names[j] for j in (i - 1, i + 1)):
            out[i] = ""
    return out


def _strip_card_furniture(line: str) -> str:
    return _CARD_FURNITURE.sub("", line).strip(" |") if line else line


def _is_tab_strip(line: str) -> bool:
    """A row of section tabs ("工作经历 | 教育经历 | 技能证书"): an app's navigation, no heading of what follows."""
    pieces = [piece for piece in re.split(r"\s*\|\s*|\s+", line) if piece]
    if len(pieces) < 2 or not all(_header_kinds(piece) for piece in pieces):
        return False
    # Two different sections named: "教育经历 EDUCATION" is one heading with its translation, no row of tabs.
    named = frozenset().union(*(_header_kinds(piece) for piece in pieces))
    return len(named & {"work", "education", "profile", "projects", "internship"}) >= 2


# A date alone on its line and the end of its range alone on the next ("2023.03" over "至今"): a cell whose start and
# end dates are two paragraphs.
_LONE_MONTH = re.compile(r"(?:19|20)\d{2}\s*(?:[./-]\s*\d{1,2}|年\s*\d{1,2}\s*月)")


def _join_stacked_dates(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and _LONE_MONTH.fullmatch(out[-1].strip()) and (_LONE_MONTH.fullmatch(line.strip())
                                                                or _PRESENT.fullmatch(line.strip())):
            out[-1] = f"{out[-1].strip()} - {line.strip()}"
        else:
            out.append(line)
    return out


_LANGUAGE_TESTS = {"英语": r"(?i)CET|IELTS|TOEFL|TEM|TOEIC|BEC|PETS|雅思|托福|托业",
                   "english": r"(?i)CET|IELTS|TOEFL|TEM|TOEIC|BEC|PETS|雅思|托福|托业",
                   "日语": r"(?i)JLPT|日语N\d", "japanese": r"(?i)JLPT|日语N\d"}


# A date in Chinese numerals, as a 公文 or a 事业单位 form writes it: "二〇一九年七月", the zero also typed ○ or 零
# ("二○一五年九月"); the year is read digit by digit, the month as a number (十一月). Only a 19xx/20xx year counts.
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR_MONTH = re.compile(r"(?P<year>(?:一九|二[〇○零O])[〇○零O一二三四五六七八九]{2})\s*年"
                            r"(?:\s*(?P<month>十[一二]?|[一二三四五六七八九])\s*月)?")


def _cn_numeral_date(match: re.Match) -> str:
    year = "".join(str(_CN_DIGIT[ch]) for ch in match.group("year"))
    month = match.group("month")
    if not month:
        return f"{year}年"
    return f"{year}年{10 + (_CN_DIGIT[month[1]] if len(month) > 1 else 0) if month[0] == '十' else _CN_DIGIT[month]}月"


# A range of months with two-digit years, as a timeline's narrow date column writes it ("18.03-至今", "16.02~18.02"):
# only as a range (a month of two digits after a dot, a dash or 至 between, the end a month of the same form or 至今),
# never glued to other digits, a decimal, a unit or a percentage, so a GPA ("3.5"), a salary ("15.5-20.5万",
# "10.00-15.00K") or a phone number stays as it is. The century: up to next year's two digits 20xx, else 19xx.
_YY_MONTH = r"(?<![\d.])(?P<{y}>\d{{2}})\.(?P<{m}>0[1-9]|1[0-2])(?![\d.])"
_YY_RANGE = re.compile(_YY_MONTH.format(y="y1", m="m1") + r"(?P<sep>\s*(?:-|至|到)\s*)"
                       r"(?:" + _YY_MONTH.format(y="y2", m="m2") + r"|(?P<now>至今|今|现在))"
                       r"(?!\s*(?:[%‰万千元]|[kKwW](?![A-Za-z])|个月|年))")


def _yy_range(match: re.Match, today: date | None = None) -> str:
    pivot = ((today or date.today()).year + 1) % 100

    def year(yy: str) -> int:
        return (2000 if int(yy) <= pivot else 1900) + int(yy)

    start = year(match.group("y1"))
    if match.group("now"):
        return f"{start}.{match.group('m1')}{match.group('sep')}{match.group('now')}"
    end = year(match.group("y2"))
    if (end, match.group("m2")) < (start, match.group("m1")):
        return match.group(0)
    return f"{start}.{match.group('m1')}{match.group('sep')}{end}.{match.group('m2')}"


def normalize(text: str, *, today: date | None = None) -> str:
    """NFKC (full-width letters, digits and punctuation to ASCII), one kind of dash, Unix newlines, dates in Chinese
    numerals in digits, ranges with two-digit years ("18.03-至今") with four (the century pivot from `today`, the
    parser's date; default now)."""
    text = unicodedata.normalize("NFKC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _gregorian(text.translate(_DASHES))
    return _YY_RANGE.sub(lambda match: _yy_range(match, today), _CN_YEAR_MONTH.sub(_cn_numeral_date, text))


# A Taiwanese résumé dates in Republic-of-China years (民國 1 = 1912): "民國107年9月" everywhere; "108/07", "108.07" and
# "迄今" (until now) only in a document that names 民國 or writes 迄今, where a two- or three-digit year before a month is
# the ROC year (60-130: 1971-2041). Elsewhere "108/07" may be anything (a number, a page) and stays.
_ROC_NIAN = re.compile(r"民[國国]\s*(\d{2,3})\s*年")
_ROC_SLASH = re.compile(r"(?<![\d./])(\d{2,3})\s*([./])\s*(\d{1,2})(?![\d.]|/\d)")
_ROC_SIGN = re.compile(r"民[國国]|迄今")


def _gregorian(text: str) -> str:
    if not _ROC_SIGN.search(text):
        return text

    def slash(match: re.Match) -> str:
        year, month = int(match.group(1)), int(match.group(3))
        if not (60 <= year <= 130 and 1 <= month <= 12):
            return match.group(0)
        return f"{year + 1911}{match.group(2)}{month:02d}"

    text = _ROC_NIAN.sub(lambda m: f"{int(m.group(1)) + 1911}年" if 1 <= int(m.group(1)) <= 130 else m.group(0), text)
    text = re.sub(r"(?<=[-~至到])\s*迄今", "至今", text)
    return _ROC_SLASH.sub(slash, text)


# LinkedIn's "Standard Chartered Bank (China) (渣打银行（中国）有限公司) · Full-time", "Siyuan Liang (梁思远)": the
# Chinese legal name in brackets after the English one is the name to keep; the employment type is no part of it.
_EMPLOYMENT_TYPE_RE = r"\s*·\s*(?i:full-time|part-time|contract|self-employed|freelance|seasonal)"
_BRACKETED_CHINESE = re.compile(r"^(?P<latin>[A-Za-z][A-Za-z0-9&.,'’() -]*?)\s*\(\s*(?P<zh>[\u4e00-\u9fff][^A-Za-z]*?)\s*\)"
                                rf"(?:{_EMPLOYMENT_TYPE_RE})?$")
_EMPLOYMENT_TYPE = re.compile(rf"{_EMPLOYMENT_TYPE_RE}$")
# OCR dropped the dash between two months: "2017.092019.06".
_GLUED_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2}[./]\d{2})((?:19|20)\d{2}[./]\d{2})(?!\d)")


def _bracketed_chinese(line: str) -> str:
    match = _BRACKETED_CHINESE.match(line)
    if not match:
        return line
    chinese = match.group("zh").strip()
    if chinese.count("(") > chinese.count(")"):  # "Ruoxi Tang (唐 (唐若溪)": a text layer's doubled run
        chinese = chinese.rsplit("(", 1)[1].strip()
    if re.search(rf"(?:{_EMPLOYER_SUFFIX}|大学|学院|学校)$", chinese) or _is_chinese_name(chinese):
        return chinese
    return line


# An English-first résumé with every Chinese name in brackets after its English one, several on a line or beside the
# dates: "Bank of Quanzhou Co., Ltd. (泉州银行股份有限公司) | Jun 2020 – Present", "Collections Officer (信用卡催收专员),
# Financial Markets (金融市场部)", "Master (硕士), Financial Management (财务管理)". Each "English (中文)" field (between
# the line's ends, commas, semicolons and bars) is its Chinese name; a proficiency in brackets ("Python (熟练)",
# "English (流利)") is no name. One such field alone on a line is replaced only when the Chinese is plainly a name
# (an employer, school, department, degree, title or person).
_BRACKETED_FIELD = re.compile(r"(?P<lead>^|[,;|]\s*)(?P<latin>[A-Za-z][A-Za-z0-9&.,'’ -]*?)\s*\(\s*"
                              r"(?P<zh>[\u4e00-\u9fff][\u4e00-\u9fff()·]{0,30}?)\s*\)(?=\s*(?:$|[,;|]))")
_PROFICIENCY = re.compile(r"精通|熟练|熟悉|了解|掌握|良好|一般|优秀|流利|母语|基础|入门|初级|中级|高级|较好|日常|读写|听说|交流|"
                          r"商务|工作语言|[四六八]级|在读|在职|全职|兼职|实习")


def _bracketed_fields(line: str) -> str:
    fields = [m for m in _BRACKETED_FIELD.finditer(line) if not _PROFICIENCY.search(m.group("zh"))]
    if not fields:
        return line
    if len(fields) == 1:
        zh = fields[0].group("zh")
        if not (re.search(rf"(?:{_EMPLOYER_SUFFIX}|大学|学院|学校)$", zh) or _is_chinese_name(zh)
                or _DEGREE.fullmatch(zh) or _DEPARTMENT.fullmatch(zh) or _TITLE_WORDS_RE.search(zh)):
            return line
    keep = {m.start() for m in fields}
    return _BRACKETED_FIELD.sub(lambda m: m.group("lead") + m.group("zh") if m.start() in keep else m.group(0), line)


# A résumé written in Markdown and sent as its source: the markup is no part of the words. An ATX heading's hashes
# ("### employer | title"), a horizontal rule ("---"), emphasis ("*2019.07 - 至今* · dept", "**技能**："), code spans
# ("`2014.09 - 2018.06`"; several side by side are several items: "`SQL` `Python`") and a link's target
# ("[a@b.com](mailto:a@b.com)").
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_MD_CODE_RUN = re.compile(r"`([^`\n]+)`(?:\s+`([^`\n]+)`)+")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_MD_LINK = re.compile(r"\[([^\]\n]{1,120})\]\((?:mailto:|https?://|tel:)[^)\s]*\)")


def _unmark(line: str) -> str:
    if _MD_RULE.match(line):
        return ""
    line = _MD_HEADING.sub("", line)
    line = _MD_CODE_RUN.sub(lambda m: "、".join(re.findall(r"`([^`\n]+)`", m.group(0))), line)
    line = _MD_CODE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\1", _MD_STRONG.sub(r"\2", line))


# A heading or label letter-spaced to align a form ("学　　历", "自　　传", "证　　照：A、B", "履 歷 表"): its characters
# are one word. Only two to four single characters, the whole line or a label before its colon at the line's start
# or after a wide gap.
_SPACED_WORD = re.compile(r"(?:(?<=^)|(?<=\s{2}))([\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,3})(?=\s*[:：]|\s*$)")


def _unspaced_words(line: str) -> str:
    return _SPACED_WORD.sub(lambda m: re.sub(r"\s+", "", m.group(1)), line.strip())


def _normalize_line(line: str) -> str:
    line = _BULLETS.sub("", _unmark(line))
    line = _unspaced_words(_ENTRY_NUMBER.sub("", line))
    line = re.sub(r"\s+", " ", line).strip()
    line = _GLUED_RANGE.sub(r"\1-\2", _bracketed_fields(_bracketed_chinese(line)))
    line = _EMPLOYMENT_TYPE.sub("", line)
    # "title@employer", "school@degree": an at sign between two Chinese names parts them (an address is Latin).
    line = re.sub(r"(?<=[\u4e00-\u9fff)])\s*@\s*(?=[\u4e00-\u9fff(])", " | ", line)
    # OCR of handwriting splits a year's digits ("2 014.7 ~20 16.7"): a year written with a month is rejoined.
    return re.sub(r"(?<![\d.])(\d{1,3}) (\d{1,3})(?=\.\d|年)",
                  lambda m: m.group(1) + m.group(2) if re.fullmatch(r"(?:19|20)\d{2}", m.group(1) + m.group(2))
                  else m.group(0), line)


# Labels of information an employer may not collect or use; the label and its value are blanked.
_SENSITIVE_LABELS = (
    "性别|年龄|年纪|出生日期|出生年月|出生年份|出生地|出生|生日|婚姻状况|婚姻状态|婚育状况|婚育|婚姻|生育状况|生育|"
    "民族|政治面貌|党派|宗教信仰|宗教|信仰|健康状况|健康|身体状况|血型|身高|体重|籍贯|户籍|户口|"
    "家庭住址|家庭成员|家庭情况|身份证号|身份证|照片|"
    "Gender|Sex|Age|Date of Birth|Birth ?Date|Birthday|DOB|Marital Status|Married|Nationality|Ethnicity|"
    "Religion|Health|Height|Weight|Political Status|Hukou"
)
# Chinese labels are often spaced out to align a table ("性  别：男"), so spaces may sit between their characters.
_SPACED_LABELS = "|".join(r"\s*".join(label) if re.match(r"[\u4e00-\u9fff]", label) else label
                          for label in _SENSITIVE_LABELS.split("|"))
_SENSITIVE = re.compile(rf"(?i)(?<![A-Za-z])(?:{_SPACED_LABELS})\s*[:]\s*[^\s|,;、]*")
_ETHNIC_GROUPS = ("汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|"
                  "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
                  "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
_PROVINCES = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
              "云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门")
_DAY = r"(?:19|20)\d{2}(?:\s*[年./-]\s*\d{1,2}\s*月?(?:\s*[./-]?\s*\d{1,2}\s*日?)?)?"
_POLITICAL = r"中共预备党员|中共党员|中国共产党党员|预备党员|共青团员|无党派人士|民主党派人士|群众"
_MARITAL = r"已婚已育|已婚未育|未婚未育|已婚|未婚|离异|丧偶|已育|未育"
# A label written without a colon ("年龄35", "民族 汉", "籍贯湖南长沙"): only a value of the label's own shape goes, so a
# table's row of column heads ("性别 学历 专业") keeps its other heads.
_BARE_LABELLED = re.compile("|".join([
    r"性\s*别\s*[男女]",
    r"年\s*[龄纪]\s*\d{1,2}\s*周?岁?",
    rf"出生(?:日期|年月|年份)?\s*{_DAY}",
    rf"民\s*族\s*(?:(?:{_ETHNIC_GROUPS})族?|少数民族)",
    r"(?:籍\s*贯|户\s*籍|户口所在地|出生地)\s*[\u4e00-\u9fff]{2,12}",
    rf"政治面貌\s*(?:{_POLITICAL}|党员|团员)",
    rf"(?:婚姻状况|婚姻状态|婚育状况|婚育|婚姻)\s*(?:{_MARITAL})",
    r"身\s*高\s*(?:1[4-9]\d|1\.[4-9]\d?)\s*(?i:cm|厘米|m|米)?",
    r"体\s*重\s*\d{2,3}(?:\.\d)?\s*(?i:kg|公斤|斤)?",
    r"身份证(?:号码|号)?\s*[\dXx]{15,18}",
    r"(?:健康状况|身体状况)\s*(?:良好|健康|优秀|优|一般)",
    r"血\s*型\s*(?:AB|A|B|O)型?",
]))
# Piece of a summary line ("男 | 35岁 | 本科", "女·回族·湖南长沙人"): set off by separators, brackets or the line's ends.
_PIECE_START = r"(?:^|(?<=[\s|/,;、·•()\[\]【】]))"
_PIECE_END = r"(?=$|[\s|/,;、·•()\[\]【】])"
# The forms themselves, with or without a label, anywhere on a line (age, birth, ID, height, weight) or as a piece of
# their own (gender, ethnicity, native place, political and marital status).
_PERSONAL_FORMS = re.compile("|".join([
    r"(?<![\d.])\d{1,2}\s*周?岁半?",
    r"(?<![\d.])\d{2}\s*(?i:years?[\s-]old)(?![A-Za-z])",
    r"(?<![A-Za-z])(?i:aged?)\s+\d{2}(?!\d)",
    rf"(?<![\d.]){_DAY}\s*(?:出生|生人|生(?![\u4e00-\u9fff]))",
    rf"(?:出生于|生于)\s*{_DAY}",
    rf"(?<![A-Za-z])(?i:born)(?:\s+(?i:in|on))?\s+(?:[A-Za-z]+\s+)?{_DAY}",
    r"(?<![\d.])(?:19)?[5-9]\d后(?![\u4e00-\u9fff])",
    r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])|(?<![\d.])\d{15}(?![\d.])",
    r"(?<![\d.])(?:1[4-9]\d(?:\.\d)?\s*(?i:cm|厘米)|1\.[4-9]\d?\s*(?:m|米))(?![A-Za-z\u4e00-\u9fff])",
    r"(?<![\d.])\d{2,3}(?:\.\d)?\s*(?i:kg|公斤|斤)(?![A-Za-z])",
    _POLITICAL, _MARITAL, r"身体健康",
    rf"{_PIECE_START}(?:[男女]性?|(?:{_ETHNIC_GROUPS})族|党员|团员|(?:{_PROVINCES})(?:省|市)?[\u4e00-\u9fff]{{0,5}}?人){_PIECE_END}",
    r"(?<![A-Za-z])(?:Married|Single|Divorced|Female|Male)(?![A-Za-z])",
    r"(?:^|(?<=[|/,;·]))\s*(?i:married|single|divorced|female|male)\s*(?=$|[|/,;·])",
]))
_SEPARATOR = r"[|/,;、·•]"
# Family members (COMPLIANCE.md: family status): a row naming a relative ("父亲 周国平 退休", "配偶 | 王丽 | 中国银行"),
# what follows a family label ("主要社会关系：妻子 王丽 …") and a family table's row of heads ("称谓 | 姓名 | 工作单位")
# go whole: the relative's name, employer and post are all about someone else.
_KIN = r"父亲|母亲|配偶|妻子|丈夫|爱人|儿子|女儿|哥哥|姐姐|弟弟|妹妹|岳父|岳母|公公|婆婆|祖父|祖母|外公|外婆|爷爷|奶奶"
_FAMILY = re.compile(r"(?:家庭主要成员|主要家庭成员|家庭成员|主要社会关系|社会关系|家庭情况)\s*:.*$"
                     rf"|(?:^|(?<=[\s|/,;、·•:(\[【]))(?:{_KIN})(?!节).*$"  # OCR may join the row: "父亲周国平退休"
                     r"|^(?:称\s*谓|与本人关系)(?=$|[\s|:]).*$")


def _redact(line: str) -> str:
    """The line without personal data: each label and value, or form on its own, goes with the separator after it."""
    if not line:
        return line
    gone = "\0"
    line = _FAMILY.sub(gone, line)
    line = _SENSITIVE.sub(gone, line)
    line = _BARE_LABELLED.sub(gone, line)
    line = _PERSONAL_FORMS.sub(gone, line)
    if gone in line:
        line = re.sub(rf"{gone}(?:\s*{_SEPARATOR}?\s*{gone})+", gone, line)
        line = re.sub(rf"{gone}\s*{_SEPARATOR}?\s*", "", line)
        line = re.sub(rf"[(\[【]\s*{_SEPARATOR}?\s*[)\]】]", "", line)
        return re.sub(r"\s+", " ", line).strip(" |,;/·•、")
    return re.sub(r"\s+", " ", line).strip(" |,;")


@lru_cache(maxsize=1)
def _label_start() -> re.Pattern:
    """Where a field's label begins inside a line ("公司：X  职位：Y  时间：Z")."""
    labels = "|".join([*_FIELD_LABELS.values(), _CONTACT_LABELS])
    return re.compile(rf"(?i)(?<=\s)(?:{labels})\s*:")


@lru_cache(maxsize=1)
def _glued_label() -> tuple[re.Pattern, tuple[str, ...]]:
    labels = tuple(sorted({label for labels in _FIELD_LABELS.values() for label in labels.split("|")
                           if re.fullmatch(r"[\u4e00-\u9fff]{2,6}", label)}, key=len, reverse=True))
    return re.compile(rf"(?<=[^\sA-Za-z0-9:|])(?:{'|'.join(labels)})\s*:"), labels


def _glued_label_starts(line: str) -> list[int]:
    """Where a Chinese field label glued to the value before it begins, when OCR lost the gap between two pairs
    ("职务:债券交易员部门:金融市场部"): only after the first pair's colon, and never the tail of a longer label
    ("主要职责:" stays one)."""
    pattern, labels = _glued_label()
    first = line.find(":")
    starts = []
    for match in pattern.finditer(line, first + 2):
        label = match.group(0).rstrip(": ")
        head = line[:match.start() + len(label)]
        if any(len(longer) > len(label) and head.endswith(longer) for longer in labels):
            continue
        starts.append(match.start())
    return starts


def _split_labels(line: str) -> list[str]:
    """A line holding several "label: value" pairs, one pair per line; other lines as they are."""
    if line.count(":") < 2:
        return [line]
    starts = [m.start() for m in _label_start().finditer(line)]
    if not re.match(r"(?i)\s*[^\s:]{1,16}\s*:", line):
        return [line]
    starts = sorted({*starts, *_glued_label_starts(line)})
    if not starts:
        return [line]
    bounds = [0, *starts, len(line)]
    return [line[a:b].strip(" |") for a, b in zip(bounds, bounds[1:]) if line[a:b].strip(" |")]


# --- contact -------------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}")
_PHONE = re.compile(r"(?<![\d.])(?:\(?\+?86\)?[\s-]*)?(1[3-9](?:[\s-]*\d){9})(?![\d.])")


# A line giving someone else's contact: a headhunter's report opens with the consultant's phone and e-mail.
_OTHERS_CONTACT = re.compile(r"(?i)顾问|猎头|推荐人|证明人|联系人|招聘负责人|HR\b|consultant|recruiter|referee")


# A mail forwarded with the résumé in it: above "------ 原始邮件 ------" ("Original Message", "Forwarded message",
# "转发邮件信息") stand the forwarder's header and signature, whose address and mobile are not the candidate's.
_FORWARD_MARK = re.compile(r"(?i)^-*\s*(?:原始邮件|转发邮件信息?|original message|forwarded message)\s*-*$"
                           r"|^begin forwarded message")


# A forum thread printed with the post: a reply's floor header ("2楼　name　发表于 2026-11-22 09:02", "#3 … 回复于 …",
# "沙发 …") starts someone else's words (a recruiter's address and phone among them); the résumé ends before it.
_FORUM_REPLY = re.compile(r"^(?:\d{1,4}\s*楼|#\d{1,4}|沙发|板凳|地板)\s+\S.{0,40}?(?:发表于|发布于|回复于)\s*\d")


def _drop_forum_replies(lines: list[str]) -> list[str]:
    cut = next((k for k, line in enumerate(lines) if _FORUM_REPLY.match(line.strip())), None)
    return lines if cut is None else lines[:cut]


def _others_last(lines: list[str]) -> list[str]:
    mark = next((k for k, line in enumerate(lines) if _FORWARD_MARK.search(line.strip())), None)
    if mark is not None:
        lines = lines[mark + 1:] + lines[:mark]
    return [line for line in lines if not _OTHERS_CONTACT.search(line)] + \
        [line for line in lines if _OTHERS_CONTACT.search(line)]


_SHEET_LETTERS = re.compile(r"^A(?:\s*\|?\s*[B-Z]){2,}$")


def _strip_sheet_margins(lines: list[str]) -> list[str]:
    """A spreadsheet captured from the screen: a row of column letters (A | B | C) above, row numbers at the left of
    every row ("10 2013/9/1 至今 | …", "6 7 2005/9/1 …" where an empty row's number joins the next). Only when the
    column letters are there: elsewhere a number at a line's start may be content."""
    letters = [k for k, line in enumerate(lines) if _SHEET_LETTERS.match(line.strip())
               and "".join(line.replace("|", "").split()) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:len("".join(line.replace("|", "").split()))]]
    if not letters:
        return lines
    out = []
    for k, line in enumerate(lines):
        if k in letters:
            continue
        if k > letters[0]:
            line = re.sub(r"^(?:\d{1,3}\s+)+(?=\S)", "", line.strip())
            if re.fullmatch(r"\d{1,3}", line):
                continue
        out.append(line)
    return out


_CUT_NAME = re.compile(r"(?:股份有限|有限责任|股份|有限|责任|有限公|股份有限公)$|(?:公司|银行)[\u4e00-\u9fff]{1,3}$")
_WRAP_HEAD = re.compile(r"^(?P<head>[\u4e00-\u9fff]{1,6})(?:$|\s*\|?\s+(?P<rest>.*)$)")


# A table drawn with characters (a .txt résumé, a mail in a monospace font): "+----+----+" rules, "| a | b |" rows.
_TEXT_RULE = re.compile(r"^\s*[+|\u2500-\u257f][-=:+|\s\u2500-\u257f]*[+|\u2500-\u257f]\s*$")
_TEXT_ROW = re.compile(r"^\s*[|\u2502\u2503](?P<cells>.*)[|\u2502\u2503]\s*$")


def _is_text_rule(line: str) -> bool:
    return bool(_TEXT_RULE.match(line) and re.search(r"[-=\u2500-\u257f]{3}", line))


def _merge_text_tables(lines: list[str]) -> list[str]:
    """A table drawn with characters whose cells wrap: one row between two rules runs over several lines ("| 2019.05 - |
    厦门国际银行股份有限 | 运营主管 |" over "| 至今 | 公司 |  |" over "|  | (数字金融部) |  |"), so the start is cut from
    its end and the employer's legal form from its name. The lines of such a row become one line, each column's pieces
    joined (a CJK word cut by the cell's edge runs on, other pieces get a space). Only a row closed by a rule above and
    below is joined, and none whose later lines hold a date range of their own (rows not separated by rules, a
    Markdown table); the rules themselves are dropped."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not _is_text_rule(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        end = k + 1
        while end < len(lines) and _TEXT_ROW.match(lines[end]) and not _is_text_rule(lines[end]):
            end += 1
        group = lines[k + 1:end]
        closed = end < len(lines) and _is_text_rule(lines[end])
        rows = [re.split(r"[|\u2502\u2503]", _TEXT_ROW.match(line).group("cells")) for line in group]
        if (closed and len(group) > 1 and len({len(row) for row in rows}) == 1
                and not any(find_date_range(line) for line in group[1:])):
            columns = []
            for cells in zip(*rows):
                merged = ""
                for piece in (cell.strip() for cell in cells):
                    if not piece:
                        continue
                    glue = "" if re.search(r"[\u4e00-\u9fff]$", merged) and re.match(r"[\u4e00-\u9fff]", piece) else " "
                    merged = f"{merged}{glue}{piece}" if merged else piece
                columns.append(merged)
            out.append("| " + " | ".join(columns) + " |")
        else:
            out.extend(group)
        k = end  # a closing rule opens the next row
    return out


def _join_hyphen_wraps(lines: list[str]) -> list[str]:
    """"CET" over "-6" (a narrow bubble wrapped at the hyphen): one word again, before the dash is read as a bullet."""
    out: list[str] = []
    for line in lines:
        if out and re.match(r"^-\d", line.strip()) and re.search(r"[A-Za-z]$", out[-1].rstrip()):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _join_wrapped(lines: list[str]) -> list[str]:
    """A cell or a chat bubble too narrow for its text wraps a name onto the next line ("…人寿保险股份有限" over "公司
    托管运营岗", "…股份有限公司南" over "京分行", "…有限公司个贷" over "客户经理", "CET" over "-6"): the piece goes back
    where it was cut. Only a piece that completes a cut employer name (a legal form or a branch left half written) or a
    title begun after a complete employer name is moved."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        wrap = _WRAP_HEAD.match(line) if prev else None
        if wrap:
            head, rest = wrap.group("head"), (wrap.group("rest") or "").strip()
            tokens = list(re.finditer(r"[^\s|]+", prev))
            done = False
            for token in reversed(tokens):
                cut = token.group(0)
                if (_CUT_NAME.search(cut) and not re.search(rf"(?:{_EMPLOYER_CHAIN}|部|处|室|科|组)$", cut)
                        and re.search(rf"(?:{_EMPLOYER_CHAIN})$", cut + head)):
                    out[-1] = prev[:token.end()] + head + prev[token.end():]
                    done = True
                    break
            last = tokens[-1].group(0) if tokens and not done else ""
            piece = re.search(rf"(?:{_EMPLOYER_CHAIN}|银行)(?P<piece>[\u4e00-\u9fff]{{1,4}})$", last)
            if (not done and piece and not rest and _TITLE_WORDS_RE.search(piece.group("piece") + head)
                    and not _TITLE_WORDS_RE.search(piece.group("piece")) and not _CITY.fullmatch(piece.group("piece"))):
                out[-1] = prev + head  # "…有限公司个贷" / "客户经理": the title goes on where it was cut
                continue
            if done:
                if rest:
                    out.append(rest)
                continue
        out.append(line)
    return out


def _fold_ocr_letters(line: str) -> str:
    """OCR of a Latin address sometimes adds a diacritic ("gmąil"): an e-mail address has none."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", line) if not unicodedata.combining(ch)) \
        if re.search(r"[\u00c0-\u024f]", line) else line


_PROVIDERS = ("qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "hotmail.com", "sina.com", "foxmail.com",
              "yahoo.com")


def _provider_typo(address: str) -> str:
    """One character of a well-known provider's domain misread ("gmai1.com", "163.cqm"): the provider."""
    local, _, domain = address.partition("@")
    for provider in _PROVIDERS:
        if domain != provider and len(domain) == len(provider) and sum(a != b for a, b in zip(domain, provider)) == 1:
            return f"{local}@{provider}"
    return address


# An address written against crawlers, as people do in public posts: "x#163.com（#换成@）", "x★qq.com（★改成@）",
# "x [at] qq [dot] com", "x（at）qq.com". Read as meant: the symbol the note names, or "at" in brackets, is the at
# sign; "dot" in brackets is a dot.
_SWAP_NOTE = re.compile(r"[(（]\s*(?:请\s*)?(?:把\s*)?(?P<sym>[^\s\w()（）@])\s*(?:换成|改成|替换成|替换为|改为|换为)\s*@\s*[)）]")
_AT_WORD = re.compile(r"(?i)(?<=[A-Za-z0-9])\s*(?:\[\s*at\s*\]|[(（]\s*at\s*[)）]|\{\s*at\s*\})\s*(?=[A-Za-z0-9])")
_DOT_WORD = re.compile(r"(?i)(?<=[A-Za-z0-9])\s*(?:\[\s*dot\s*\]|[(（]\s*dot\s*[)）]|\{\s*dot\s*\})\s*(?=[A-Za-z])")


def _unmasked_mail(line: str) -> str:
    """The line with an address written against crawlers put back as an address (`_SWAP_NOTE`, `_AT_WORD`)."""
    note = _SWAP_NOTE.search(line)
    if note:
        sym = re.escape(note.group("sym"))
        line = _SWAP_NOTE.sub(" ", line)
        line = re.sub(rf"(?<=[A-Za-z0-9._%+-]){sym}(?=[A-Za-z0-9-]+\.[A-Za-z])", "@", line)
    if _AT_WORD.search(line):
        line = _DOT_WORD.sub(".", _AT_WORD.sub("@", line))
    return line


def _find_email(lines: list[str]) -> str:
    lines = [_fold_ocr_letters(_unmasked_mail(line)) for line in lines]
    for line in _others_last(lines):
        labelled = re.search(r"(?i)(?:邮箱|电子邮件|邮件|e-?mail)\s*[:：]", line)
        if labelled:  # OCR put a space after a dot of the address ("xinran. he34@…")
            line = re.sub(r"(?<=[A-Za-z0-9])\.\s+(?=[A-Za-z0-9._%+-]+\s?@)", ".", line)
        match = _EMAIL.search(line.replace(" @", "@").replace("@ ", "@"))
        if match:
            if labelled:
                return _provider_typo(match.group(0).lower())  # labelled: a provider's misread letter is OCR's
            return match.group(0).lower()
    # OCR read the at sign as 0 or o before a mail provider everyone knows ("zihan.zhou710126.com"); only where a
    # line is labelled as an e-mail address.
    for line in _others_last(lines):
        labelled = re.search(r"(?i)(?:邮箱|电子邮件|邮件|e-?mail)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}?)[0oO]"
                             r"(qq|163|126|gmail|outlook|hotmail|sina|foxmail|yahoo)\.(com|cn)(?![A-Za-z])", line)
        if labelled:
            return f"{labelled.group(1)}@{labelled.group(2)}.{labelled.group(3)}".lower()
    return ""


_DIGIT_FOR = {"o": "[o0]", "l": "[l1]", "i": "[i1]", "s": "[s5]", "z": "[z2]", "b": "[b6]", "g": "[g9]"}


def _respelled_by_name(address: str, name: str) -> str:
    """OCR read a letter of the candidate's name in the address as a digit ("yutong.ca030@…" for 曹雨桐): the
    address spells the name's pinyin there. Only a part that starts the address or follows a dot, dash or
    underscore, and only digits are put back; the parse then flags the address for HR to check."""
    local, _, domain = address.partition("@")
    if not re.search(r"\d", local) or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name or ""):
        return address
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    for part in sorted({syllables[0], "".join(syllables[1:]), "".join(syllables)}, key=len, reverse=True):
        if len(part) < 3 or not part.isalpha():
            continue
        pattern = "".join(_DIGIT_FOR.get(ch, re.escape(ch)) for ch in part)
        local = re.sub(rf"(?:^|(?<=[._-])){pattern}", part, local)
    return f"{local}@{domain}"


def _find_phone(lines: list[str]) -> str:
    for line in _others_last(lines):
        for match in _PHONE.finditer(line):
            digits = re.sub(r"\D", "", match.group(1))
            if len(digits) == 11:
                return digits
    return ""


# --- name ----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    words = [w for line in read_text("surnames.txt").splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


_NAME_LABEL = re.compile(r"(?i)(?:^|[\s|,;])(?:(?:姓\s*名|名字)\s*:?\s*([\u4e00-\u9fff·]{2,5})|name\s*:\s*([A-Za-z][A-Za-z .'-]{1,40}|[\u4e00-\u9fff·]{2,5}))")
# "姓名 | 沈雨桐": a Word table's row opening with the label, the name in the next cell (a family table's heads,
# "称谓 | 姓名 | 单位", do not open with it).
_NAME_CELL = re.compile(r"^\s*姓\s*名\s*\|\s*([\u4e00-\u9fff]{2,4})\s*(?:\||$)")
# Another person's labelled row or signature above the candidate's ("推荐人姓名 | 郝建平", "推荐人签字：郝建平",
# "审查人：…", "推荐顾问：…"): a referrer's, reviewer's or consultant's name, not the candidate's.
_OTHER_PERSON_LABEL = re.compile(r"(?:推荐人|证明人|联系人|介绍人|审查人|审核人|审批人|面试官|下载人|推荐顾问|猎头顾问|招聘顾问)"
                                 r"(?:姓名|签字|签名|手机|电话)?\s*[|:]")
_TITLE_WORDS = re.compile(r"(?i)(?:的)?(?:个人简历|求职简历|简历|履历|resume|curriculum vitae|\bcv\b)")


def _is_chinese_name(token: str) -> bool:
    single, compound = _surnames()
    if not 2 <= len(token) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", token):
        return False
    if token[:2] in compound and len(token) >= 3:
        return True
    return token[0] in single and len(token) <= 3


# A mail's header and greeting above a résumé pasted into its body ("From: …", "Subject: …", "Hi HR,", "您好！"): the
# résumé's first lines come after them.
_MAIL_HEAD = re.compile(r"(?i)^(?:(?:from|to|cc|bcc|subject|date|sent|发件人|收件人|抄送|主题|发送时间|日期)\s*:"
                        r"|(?:hi|hello|dear)(?:\s+[A-Za-z.]{1,20}){0,3}\s*[,!]?\s*$|(?:您好|你好|尊敬的[^\s,，:]{1,12})\s*[,!，！:]?\s*$)")


# An applicant-tracking system's stage bar above the candidate ("初筛 | 用人部门筛选 | 笔试 | 面试 | Offer"): stages, no
# name, though some open with a surname (初, 复).
_PIPELINE_STAGES = frozenset({"初筛", "复筛", "初试", "复试", "初面", "复面", "终面", "笔试", "面试", "一面", "二面", "三面",
                              "录用", "入职", "淘汰", "待定", "背调"})


def _find_name(lines: list[str]) -> str:
    lines = [line for line in lines if not _MAIL_HEAD.match(line)] or lines
    for line in lines[:15]:
        cell = _NAME_CELL.match(line)
        if cell and _is_chinese_name(cell.group(1)):
            return cell.group(1)
        match = _NAME_LABEL.search(line)
        if match:
            candidate = (match.group(1) or match.group(2)).strip()
            cjk = re.match(r"[\u4e00-\u9fff·]{2,5}", candidate)
            return cjk.group(0) if cjk else candidate
    for line in lines[:6]:
        introduced = re.search(r"(?:我是|我叫|本人)([\u4e00-\u9fff]{2,4}?)(?=[,，。;；、\s]|$)", line)
        if introduced and _is_chinese_name(introduced.group(1)):
            return introduced.group(1)  # "您好，我是林泽宇，应聘…"
    for line in lines[:6]:
        # "胡静怡 | 求职意向：风险经理": the labelled pieces of a header row are not the name, the rest may be.
        # "程志远 求职意向：债券交易员": the words before a piece's first label may be the name.
        if _OTHER_PERSON_LABEL.search(line):
            continue
        line = " | ".join(piece for piece in (re.split(r"\s+(?=[^\s:|]{1,8}:)", p.strip())[0] for p in line.split("|"))
                          if ":" not in piece)
        line = _PHONE.sub(" ", _EMAIL.sub(" ", line))  # "程志远 | 139… | x@y.com": contact beside the name
        if _header_kinds(line) or not line.strip(" |"):
            continue
        stripped = _TITLE_WORDS.sub(" ", line)
        for token in re.split(r"[\s|/,]+", stripped):
            token = token.strip()
            token = token.strip("-~_:·—")
            token = re.sub(r"\([^()]{1,6}\)$", "", token)  # "宋嘉诚(微信)": a chat's tag after the partner's name
            if token.startswith("一") and _is_chinese_name(token[1:]):
                token = token[1:]  # "个人简历 — 赵雪婷" with the dash read by OCR as 一
            if _is_chinese_name(token) and token not in _PIPELINE_STAGES:
                return token
    for line in lines[:20]:
        # "郑晓雯13628601917" below a chat's greetings: the name is the word the phone number or address follows.
        contact = _PHONE.search(line) or _EMAIL.search(line)
        if contact and not _OTHERS_CONTACT.search(line):  # not a referee's or a consultant's line
            before = re.split(r"[\s|:]+", line[:contact.start()].strip())[-1]
            if _is_chinese_name(before):
                return before
    for line in lines[:3]:
        english = re.fullmatch(r"([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,2})", _TITLE_WORDS.sub("", line).strip())
        if english:
            return english.group(1)
    return ""


# --- sections ------------------------------------------------------------------------------------

_HEADERS: dict[str, tuple[str, ...]] = {
    "education": ("教育背景", "教育经历", "学历背景", "学习经历", "教育", "学历", "学习", "education background",
                  "educational background", "academic background", "education"),
    "work": ("工作经历", "工作经验", "职业经历", "任职经历", "工作履历", "从业经历", "工作背景", "professional experience",
             "work experience", "employment history", "career history", "experience", "employment"),
    "internship": ("实习经历", "实习经验", "internships", "internship"),
    "projects": ("项目经历", "项目经验", "项目", "project experience", "projects"),
    "skills": ("it技能", "计算机技能", "计算机能力", "其他技能", "其它技能",
               "专业技能", "专业特长", "专长", "技能特长", "职业技能", "个人技能", "技能专长", "技能标签", "专业能力", "技能", "特长", "technical skills",
               "core competencies", "skills", "skill"),
    "certificates": ("资格证书", "资格认证", "专业认证", "认证证书",
                     "职业资格", "专业资格", "证书资质", "获得证书", "资质证书", "证书", "证照", "资格", "certifications",
                     "certificates", "certificate", "professional qualifications", "qualifications", "licenses"),
    "languages": ("语言能力", "语文能力", "外语能力", "英文", "日文", "外语水平", "语言", "外语", "language skills", "languages", "language"),
    "profile": ("基本信息", "个人信息", "联系方式", "个人资料", "联系信息", "personal information", "contact information",
                "personal details", "personal particulars", "contact"),
    "ignored": ("自我评价", "个人评价", "自传", "自我介绍", "个人简介", "个人优势", "求职意向", "兴趣爱好", "荣誉奖项", "获奖情况", "奖惩情况", "奖惩", "荣誉",
                "家庭主要成员", "主要家庭成员", "家庭成员", "主要社会关系", "社会关系", "家庭情况",
                "奖项", "校园经历", "社会实践", "培训经历", "培训经验", "培训背景", "training",
                "summary", "profile", "about me", "objective", "awards", "honors",
                "hobbies", "interests",
                # a job site's page printed from the browser: its column of other posts
                "你可能感兴趣的职位", "你可能感兴趣", "推荐职位", "相似职位", "猜你喜欢", "看过该职位的人还看了",
                # an applicant-tracking system's records about the candidate, by its interviewers and HR users
                "面试评价", "面试评语", "面试记录", "面试反馈", "面试官评价", "操作记录", "操作日志", "沟通记录", "跟进记录",
                "批注", "评论"),
}
_HEADER_PHRASES = sorted(((p, k) for k, ps in _HEADERS.items() for p in ps), key=lambda pk: -len(pk[0]))
_HEADER_DECOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[、.)]|[(\[【<《])\s*")


def _header_kinds(line: str) -> frozenset[str]:
    """Section kinds named by a header line such as "【教育背景】", "二、工作经历" or "Skills 技能"; empty if not a header."""
    core = _HEADER_DECOR.sub("", line.strip())
    # A designer template's letter-spaced English heading ("E X P E R I E N C E", "W O R K   H I S T O R Y"): one
    # letter, one space; words apart by two spaces or more. Only a line of single letters is joined.
    if re.fullmatch(r"[A-Z](?: [A-Z]){3,}(?:\s{2,}[A-Z](?: [A-Z])+)*", core):
        core = " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", core))
        # the space between words lost too ("W O R K E X P E R I E N C E"): a heading's phrase spelled out
        core = next((p for p, _ in _HEADER_PHRASES if p.isascii() and p.replace(" ", "") == core.replace(" ", "").lower()), core)
    # A Chinese heading with an English word or two in capitals beside it as a slide's subtitle ("工作经历 TIMELINE").
    subtitled = re.fullmatch(r"([\u4e00-\u9fff][^A-Za-z]{1,15}?)\s+[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}", core)
    if subtitled and _header_kinds(subtitled.group(1)):
        return _header_kinds(subtitled.group(1))
    # A heading's note in brackets: "二、教育背景（从高中后填起）", "学习和工作经历（从高中填起）".
    noted = re.sub(r"\s*[(（][^()（）]{1,20}[)）]\s*$", "", core)
    if noted != core and noted and (core != line.strip() or re.fullmatch(r"[\u4e00-\u9fff]{2,12}", noted)):
        core = noted
    # a Word user's decorated heading ("◆ 工作经历 ◆", "■ 教育背景 ■", "★ 技能 ★"): the marks around it are no words
    core = re.sub(r"[\[\]【】<>《》():|/&_=#*+◆◇■□●○★☆▶►▪◼♦]", " ", core).strip().lower()
    if not core or len(core) > 40:
        return frozenset()
    kinds = set()
    for phrase, kind in _HEADER_PHRASES:
        if phrase in core:
            kinds.add(kind)
            core = core.replace(phrase, " ")
    leftover = re.sub(r"[\s&、,与及和and]+", "", core)
    return frozenset(kinds) if kinds and not leftover else frozenset()


header_kinds = _header_kinds

_CONTACT_LABELS = r"姓名|名字|手机|手机号|手机号码|电话|联系电话|移动电话|邮箱|电子邮箱|邮件|E-?mail|Mobile|Phone|Tel|Name"
_OTHER_LABELS = (r"语种|外语语种|等级|外语等级|证明人|证明人电话|部门|所在部门|所属部门|Department|现居住地|居住地|所在地|所属行业|行业"
                 r"|期望薪资|期望职位|求职意向|到岗时间|工作年限|地址")


@lru_cache(maxsize=1)
def _field_label() -> re.Pattern:
    labels = "|".join([_CONTACT_LABELS, _OTHER_LABELS, _SENSITIVE_LABELS, *_FIELD_LABELS.values(), *_LABEL_KIND])
    return re.compile(rf"(?i)(?:{labels})")


def is_field_label(text: str) -> bool:
    """Whether a table cell or a box is a field's label ("姓 名", "联系电话：", "学历") rather than a value."""
    core = re.sub(r"[\s:：]+", "", unicodedata.normalize("NFKC", text or ""))
    return 0 < len(core) <= 12 and bool(_field_label().fullmatch(core))


def _join_vertical(lines: list[str]) -> list[str]:
    """A heading written one character per line ("工\n作\n经\n历") as one line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j]) == 1 and "\u4e00" <= lines[j] <= "\u9fff":
            j += 1
        if j - i >= 2 and _header_kinds("".join(lines[i:j])):
            out.append("".join(lines[i:j]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


_LEADING_HEADER = re.compile(r"^(?P<head>[\u4e00-\u9fff]{2,6})\s*[|:]?\s*(?P<rest>(?:19|20)\d{2}.*)$")


def _unmerge_headers(lines: list[str]) -> list[str]:
    """A heading that OCR or a table joined to the row beside it ("工作经历 2019.07-至今 …") goes on its own line."""
    out: list[str] = []
    for line in lines:
        match = _LEADING_HEADER.match(line)
        if match and _header_kinds(match.group("head")) and find_date_range(match.group("rest")):
            out.extend([match.group("head"), match.group("rest")])
        else:
            out.append(line)
    return out


# The close of a letter or mail the résumé was pasted into ("以上，期待您的回复！", "祝好", "此致 敬礼", "Best regards",
# a signature rule, "发自我的iPhone"): what follows is a signature, not part of the section before it.
_CLOSING = re.compile(r"(?i)^(?:以上[,，。!！]|此致|祝好|盼复|祝(?:您)?工作顺利|期待(?:您的)?回复|敬礼|best regards|kind regards|"
                      r"regards|sincerely|yours|thanks|thank you|-{2,}$|_{2,}$|发自我的|sent from my|references? (?:are )?available|"
                      r"(?:如有需要[,，]?\s*)?可提供推荐人"
                      # a post's sign-off ("附件简历已上传，欢迎私信交流，谢谢大家！")
                      r"|附件(?:简历)?已上传|欢迎(?:私信|站内信)|谢谢大家"
                      # a form's signed pledge ("本人承诺以上信息真实有效。 签名：____")
                      r"|本人(?:郑重)?(?:承诺|保证|声明|确认)|以上(?:所填|填写的?|所述)?(?:信息|内容|情况|资料)(?:均|全部)?(?:真实|属实|准确))")
# The foot of a social post shared with the résumé in it (a WeChat 朋友圈 screenshot): the QR code's prompt ("长按识别二维码
# 加我微信") and the post's time ("2小时前", "昨天 12:30"); what follows are the likes and comments, naming friends.
_SOCIAL_FOOT = re.compile(r"(?:长按|扫描|扫码|扫一扫|识别).{0,4}二维码|^\d{1,2}\s*(?:分钟|小时|天)前$|^刚刚$"
                          r"|^昨天\s*\d{1,2}:\d{2}$")


_LIST_KINDS = frozenset({"skills", "certificates", "languages"})


def _split_sections(lines: list[str]) -> list[tuple[frozenset[str], list[str]]]:
    """(kinds, lines) per section; a "技能：…"/"Languages: …" line is a section of its own wherever it stands."""
    sections: list[tuple[frozenset[str], list[str]]] = [(frozenset({"profile"}), [])]
    current = sections[0][0]
    for line in _unmerge_headers(_join_vertical(lines)):
        kinds = _header_kinds(line)
        label, _ = _line_label(line)
        if not kinds and current != frozenset({"profile"}) and (_CLOSING.match(line) or _SOCIAL_FOOT.search(line)):
            kinds = frozenset({"ignored"})
        if not kinds and current <= _LIST_KINDS and _URL.fullmatch(line.strip()):
            # The page's address printed at its foot by the browser: a list section ends there; what the reading
            # order puts after it is the page's margins (a site's menu and ads), no item.
            kinds = frozenset({"ignored"})
        if kinds:
            current = kinds
            sections.append((kinds, []))
        elif label:
            sections.append((frozenset({label}), [line]))
            sections.append((current, []))
        else:
            sections[-1][1].append(line)
    return [(kinds, body) for kinds, body in sections if body]


_ROUTABLE = (frozenset({"profile"}), frozenset({"education"}), frozenset({"work"}))


def _route_dated_lines(sections: list[tuple[frozenset[str], list[str]]]) -> list[tuple[frozenset[str], list[str]]]:
    """A dated line naming a school is education, one naming an employer is work, whichever section it stands in.

    A heading can land on the wrong row (a form's vertical label, a column read out of order): the date range
    anchors the entry and the lexicons say what it is. The lines after it, up to the next date, go with it.
    """
    out: list[tuple[frozenset[str], list[str]]] = []
    for kinds, body in sections:
        if kinds not in _ROUTABLE:
            out.append((kinds, body))
            continue
        current = kinds
        out.append((current, []))
        for line in body:
            labelled = _LABELLED.match(line)
            key = next((k for k in _FIELD_LABELS if labelled.group(k)), None) if labelled else None
            if key in ("employer", "school"):
                # "工作单位：…" / "毕业院校：…" opens an entry of its kind also where no heading said so (a form
                # without section headings); the labelled lines after it, dates included, go with it.
                target = _ROUTABLE[2] if key == "employer" else _ROUTABLE[1]
                if target != current:
                    current = target
                    out.append((current, []))
            elif key is not None:
                pass
            elif find_date_range(line):
                school = bool(_SCHOOL.search(line))
                employer = bool(_EMPLOYER.search(_SCHOOL.sub(" ", line)) or _EMPLOYER_EN.search(line))
                # "Master, Risk Management · (2009 - 2011)": a degree line is no job, whatever its major sounds like.
                degree = bool(_DEGREE.search(line)) and not _EMPLOYER.search(_SCHOOL.sub(" ", line))
                target = (_ROUTABLE[1] if school and not employer else _ROUTABLE[2] if employer and not school and not degree
                          else kinds)
                if target != current:
                    current = target
                    out.append((current, []))
            elif current == _ROUTABLE[0] and _SCHOOL.search(line) and _degree_level(line) \
                    and not _EMPLOYER.search(_SCHOOL.sub(" ", line)):
                # An undated row naming a school and a degree among the personal details (a form's 学历学位 row,
                # "全日制教育 | 本科学士 | X大学Y专业"): an education summary, which completes a dated entry.
                cells = [c for c in line.split(" | ") if _SCHOOL.search(c) or _degree_level(c)]  # not the labels
                out.append((_ROUTABLE[1], [" | ".join(cells)]))
                out.append((current, []))
                continue
            elif current != kinds and _header_kinds(line):
                current = kinds
                out.append((current, []))
            out[-1][1].append(line)
    return [(kinds, body) for kinds, body in out if body]


# --- dates ---------------------------------------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?i)(?:(?P<mon>{_MONTH_NAMES})\.?\s*,?\s*(?P<y1>(?:19|20)\d{{2}})(?!\d)"
    r"|(?<!\d)(?P<m2>0?[1-9]|1[0-2])\s*/\s*(?P<y2>(?:19|20)\d{2})(?!\d)"
    r"|(?<!\d)(?P<y>(?:19|20)\d{2})(?:\s*(?:年\s*)?[./\-年]?\s*(?P<m>1[0-2]|0?[1-9])(?!\d)(?:\s*月|/(?:[12]\d|3[01]|0?[1-9])(?![\d/]))?"
    r"|\s*年|(?![\d.]\d)))")
# "一" is how OCR often reads a dash between two dates.
# A short dash in small type is read by OCR as a middle dot ("2009.11·至今"): only a date or 至今 may follow it.
# An arrow between the two ("2019.07 → 至今") in a designer's template.
_RANGE_SEP = re.compile(r"(?i)\s*(?:-+>?|至|到|to|~|一|[·•]|[→⟶➔➜⇒])\s*")
_PRESENT = re.compile(r"(?i)(?:至今|现在|目前|今|present|now|current|today)")


@dataclass(frozen=True)
class _Month:
    year: int
    month: int | None

    def label(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


def _date_at(match: re.Match) -> _Month:
    if match.group("mon"):
        return _Month(int(match.group("y1")), _MONTHS[match.group("mon").lower()])
    if match.group("y2"):
        return _Month(int(match.group("y2")), int(match.group("m2")))
    month = match.group("m")
    return _Month(int(match.group("y")), int(month) if month else None)


def find_date_range(text: str) -> tuple[tuple[int, int], _Month, _Month | None] | None:
    """(span, start, end) of the first "start - end" range; end None means 至今/present."""
    for match in _DATE.finditer(text):
        sep = _RANGE_SEP.match(text, match.end())
        if not sep and match.group("m"):
            # Two spreadsheet cells side by side ("2005/9/1 2009/6/1"): both dates full, only space between.
            sep = re.compile(r"\s+(?=(?:19|20)\d{2}[./\-年]\s*(?:1[0-2]|0?[1-9])(?!\d))").match(text, match.end())
        if not sep:
            continue
        present = _PRESENT.match(text, sep.end())
        if present and not re.match(r"[A-Za-z]", text[present.end():present.end() + 1]):
            return (match.start(), present.end()), _date_at(match), None
        end = _DATE.match(text, sep.end())
        if end:
            start_month, end_month = _date_at(match), _date_at(end)
            if (end_month.year, end_month.month or 12) >= (start_month.year, start_month.month or 1):
                return (match.start(), end.end()), start_month, end_month
    return None


def years_of_experience(work: Iterable[WorkEntry], *, today: date) -> float:
    """Years covered by work entries (internships excluded), overlapping periods counted once, months inclusive."""
    spans = []
    for entry in work:
        if entry.internship or not entry.start or not entry.end:
            continue
        start = _month_index(entry.start, first=True)
        end = today.year * 12 + today.month - 1 if entry.end == PRESENT else _month_index(entry.end, first=False)
        if start is not None and end is not None and end >= start:
            spans.append((start, end))
    months, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start > reach + 1:
            months += end - start + 1
            reach = end
        elif end > reach:
            months += end - reach
            reach = end
    return round(months / 12, 1)


def _month_index(label: str, *, first: bool) -> int | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", label)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (1 if first else 12)
    return year * 12 + month - 1


# --- tables with column heads --------------------------------------------------------------------

# What the cells under a column head are: entry fields in the order the entry builders read them best, "item" for
# a list table's item column, "drop" for what no field takes (a referee, when a certificate was obtained, a level).
_COLUMN_ROLES = [
    ("dates", r"起止时间|起止年月|起止日期|起讫时间|时间|在职时间|任职时间|就读时间|在校时间|日期|Period|Dates?|Duration"),
    # A start and an end column ("开始 | 结束", "入职时间 | 离职时间"): both are the dates of the row.
    ("dates", r"开始(?:时间|日期)?|结束(?:时间|日期)?|入职(?:时间|日期)?|离职(?:时间|日期)?|入学(?:时间)?|毕业(?:时间)?|Start|End|From|To"),
    # "工作单位及部门": one cell holding the employer with its department under it (a 事业单位 履历表).
    ("employer", r"工作单位|任职单位|单位名称|公司名称|公司|单位|(?:工作)?单位(?:及|和|与)部门|Company|Employer|Organi[sz]ation"),
    ("school", r"毕业院校|就读院校|学校名称|学校|院校|School|University|Institution"),
    ("title", r"职务|职位|岗位|担任职务|所任职务|Position|Title|Role"),
    ("major", r"所学专业|专业名称|专业|Major"),
    ("degree", r"学历|学位|学历学位|Degree"),
    ("item", r"证书名称|资格名称|技能名称|证书|技能|Certificates?|Skills?"),
    ("drop", r"部门|所在部门|Department|证明人|证明人电话|证明人及电话|证明人联系方式|联系人|联系电话|离职原因|备注|"
             r"取得时间|获得时间|获证时间|发证机构|颁发机构|掌握程度|熟练程度|Level|Proficiency|月薪|薪资|工作地点|城市"),
]
_COLUMN_ROLE = [(role, re.compile(rf"(?i)(?:{pattern})")) for role, pattern in _COLUMN_ROLES]


def _column_role(cell: str) -> str:
    """The role of a column head ("起止时间", "Company 公司"), or "" when the cell is no column head."""
    roles = set()
    for word in re.split(r"\s+", cell.strip()):
        role = next((r for r, pattern in _COLUMN_ROLE if pattern.fullmatch(word)), "")
        if not role:
            return ""
        roles.add(role)
    return roles.pop() if len(roles) == 1 else ""


def is_column_head(text: str) -> bool:
    """A table's column head ("起止时间", "毕业院校", "证明人"): what the cells under it are."""
    return bool(_column_role(text))


def _is_head_row(line: str) -> bool:
    """A row of column heads only ("学校 | 学位 | 专业 | 时间", "证书名称 | 取得时间"): no entry, no item."""
    cells = [t for t in _SEPARATORS.split(line) if t]
    return bool(cells) and all(_COLUMN_HEADS.match(t) or _column_role(t) for t in cells) if " | " in line \
        else bool(_COLUMN_HEADS.match(line.strip()))


def _column_tables(lines: list[str]) -> list[str]:
    """Rows under a row of column heads ("起止时间 | 工作单位 | 部门 | 职务 | 证明人 | 证明人电话"), their cells reordered by
    what the heads say (dates, employer or school, title or major, degree; list items) and the cells no field takes
    (department, referee, the date a certificate was obtained) dropped."""
    out: list[str] = []
    heads: list[str] | None = None
    for line in lines:
        cells = [c.strip() for c in line.split(" | ")]
        roles = [_column_role(c) for c in cells] if len(cells) >= 2 else []
        if roles and all(roles) and set(roles) - {"drop"}:
            heads = roles
            out.append(line)
            continue
        if heads is None or " | " not in line and len(heads) > 1:
            heads = None if _header_kinds(line) or " | " not in line else heads
            out.append(line)
            continue
        row_heads = heads
        if len(cells) == len(heads) - 1 and any(a == b == "dates" for a, b in zip(heads, heads[1:])):
            # Start and end columns whose two dates OCR read as one cell ("2005/9/1 2009/6/1 | …").
            k = next(i for i, (a, b) in enumerate(zip(heads, heads[1:])) if a == b == "dates")
            row_heads = heads[:k] + heads[k + 1:]
        if len(cells) != len(row_heads):
            out.append(line)
            continue
        by_role: dict[str, list[str]] = {}
        for role, cell in zip(row_heads, cells):
            if role != "drop" and cell:
                by_role.setdefault(role, []).append(cell)
        order = ("dates", "employer", "school", "title", "major", "degree", "item")
        if len(by_role.get("dates", [])) == 2:
            by_role["dates"] = [" - ".join(by_role["dates"])]  # a start column and an end column
        out.append(" | ".join(cell for role in order for cell in by_role.get(role, [])[:1 if role != "item" else None]))
    return out


# --- entries -------------------------------------------------------------------------------------

_FIELD_LABELS = {
    "employer": r"公司名称|工作单位|任职单位|供职单位|所在单位|就职公司|所在公司|公司全称|公司|单位|企业|Company|Employer|"
                r"Organi[sz]ation",
    "title": r"职位名称|担任职位|担任职务|担任岗位|所任职务|现任职务|所在岗位|职位|岗位|职务|职称|Job Title|Title|Position|Role",
    "dates": r"起止时间|起止日期|起止年月|起讫时间|在职时间|在校时间|就读时间|在读时间|学习时间|工作时间|任职时间|任职期间|时间段|时间|日期|时期|"
             r"Period|Dates?|Duration",
    "description": r"工作内容|工作职责|主要职责|职责|工作描述|主要业绩|业绩|Responsibilities|Duties|Achievements|Description",
    "school": r"毕业院校|毕业学校|就读院校|就读学校|学校名称|学校|院校|School|University|College|Institution",
    "major": r"所学专业|专业名称|主修专业|就读专业|专业|Major|Field of Study",
    "degree": r"学历学位|最高学历|学历|学位|Degree",
    "department": r"所在部门|所属部门|部门|Department",
}
_LABELLED = re.compile(
    "(?i)^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _FIELD_LABELS.items()) + r")\s*[:]\s*(?P<value>.*)$")
_COLUMN_HEADS = re.compile(r"^(?:学校|院校|学位|学历|专业|时间|起止时间|起止年月|起止日期|公司|单位|工作单位|部门|职位|岗位|职务|证明人|"
                           r"联系人|技能名称|掌握程度|熟练程度|"
                           r"证书名称|获得时间|School|Degree|Major|Period|Skill|Level|Proficiency|"
                           r"Company|Title|Position|Dates?)$", re.I)

_SCHOOL = re.compile(
    r"(?:[\u4e00-\u9fff()]{2,20}?(?:大学|学院|学校|党校|研究生院)"
    r"|(?:[A-Z][\w&'.-]{0,30}\s+){0,4}(?:University|College|Institute|School)"
    r"(?:\s+of(?:\s+[A-Z][\w&'.-]{0,30}){1,4}(?:\s+(?:and|&)(?:\s+[A-Z][\w&'.-]{0,30}){1,3})?)?)")
# "Master of Science in" / "Bachelor of": the words up to the field of study belong to the degree.
_DEGREE_OF = r"(?:\s+(?:degree\s+)?of\s+(?:Science|Arts|Engineering|Business Administration|Laws?))?(?:\s+(?:of|in)(?=\s))?"
_DEGREES = [
    ("博士", rf"博士研究生|博士后|博士|Ph\.?D\.?{_DEGREE_OF}|Doctor(?:ate)?(?:'s)?(?:\s+degree(?=[\s,]))?{_DEGREE_OF}|DBA"),
    ("硕士", rf"硕士研究生|研究生|硕士|EMBA|MBA|MPAcc|Master(?:'s)?(?:\s+degree(?=[\s,]))?{_DEGREE_OF}|M\.?Sc\.?|M\.?A\.?(?![A-Za-z])|MSc|MFin"),
    ("本科", rf"本科|学士|Bachelor(?:'s)?(?:\s+degree(?=[\s,]))?{_DEGREE_OF}|B\.?Sc\.?|B\.?A\.?(?![A-Za-z])|BEng|Undergraduate"),
    ("大专", r"大专|专科|高职|Associate|Diploma"),
]
_DEGREE = re.compile("(?i)(?<![A-Za-z])(?:" + "|".join(f"(?P<d{i}>{p})" for i, (_, p) in enumerate(_DEGREES)) + ")")
_EMPLOYER_SUFFIX = (r"股份有限公司|有限责任公司|有限公司|分公司|总公司|公司|集团|银行|分行|支行|营业部|事务所|研究院|研究所|"
                    r"信用卡中心|中心|保险|证券|基金|信托|资管|控股|交易所|委员会|局")
# After the first suffix a name only grows by company-structure words ("…银行股份有限公司深圳分行"), never by
# words that also start job titles ("基金经理", "证券分析师").
_EMPLOYER_CHAIN = r"股份有限公司|有限责任公司|有限公司|分公司|子公司|总公司|公司|集团|分行|支行|营业部|信用卡中心|中心|事务所|研究院|研究所|分理处"
# Bounded repeats keep the search linear on long unbroken lines (a hostile text layer).
# A partnership's legal form in brackets is part of its name: "天健会计师事务所（特殊普通合伙）".
_EMPLOYER = re.compile(rf"[^\s|,;]{{1,40}}?(?:{_EMPLOYER_SUFFIX})(?:[^\s|,;]{{0,30}}?(?:{_EMPLOYER_CHAIN}))*"
                       r"(?:\((?:特殊普通合伙|普通合伙|有限合伙)\))?")
_EMPLOYER_EN = re.compile(
    r"(?:[A-Z][\w&'.-]{0,30}\s+){0,5}(?:Bank|Insurance|Group|Securities|Capital|Limited|Ltd\.?|Inc\.?|Corp(?:oration)?\.?|"
    r"LLP|Partners|Company|Co\.|Branch|Center|Centre|Management|Asset Management)(?![A-Za-z])"
    r"(?:\s+of(?:\s+[A-Z][\w&'.-]{0,30}){1,3})?(?:\s*\([^)]{1,20}\))?")
_TITLE_WORDS_RE = re.compile(
    r"(?i)(?:经理|专员|主管|总监|分析师|工程师|顾问|助理|研究员|主任|行长|柜员|会计|出纳|审计员|精算师|核保师|理赔员|信贷员|"
    r"客户经理|银行家|销售|代表|负责人|总裁|董事|合伙人|架构师|开发|设计师|专家|科员|职员|实习生|培训生|"
    r"Manager|Analyst|Engineer|Officer|Director|Associate|Consultant|Intern|Specialist|Assistant|Lead|Head|"
    r"Auditor|Actuary|Underwriter|Teller|Trader|Developer|Scientist|President|Partner|Banker|Researcher|Accountant|"
    r"Representative|Advis[oe]r|Planner|Controller|Supervisor|Economist|Strategist|Coordinator)")
# Words that open an English job title ("Senior Risk Analyst", "Audit Manager"): a line of them before the title word
# is all title, not "employer title" ("Goldman Sachs Analyst").
_TITLE_MODIFIERS = re.compile(
    r"(?i)Senior|Junior|Chief|Principal|Lead|Head|Vice|Assistant|Associate|Deputy|Executive|Managing|General|Audit|"
    r"Risk|Credit|Relationship|Private|Compliance|Investment|Quantitative|Quant|Financial|Finance|Product|Data|"
    r"Operations?|Wealth|Research|Sales|Marketing|Account|Client|Portfolio|Business|Corporate|Retail|Treasury|Tax|"
    r"Legal|IT|Software|Project|Program|Credit|Loan|Internal|External|Regional|Country|Branch|Customer|Equity|"
    r"Fixed|Income|Market|Markets|Trading|Insurance|Actuarial|Technical|Strategy|Product|Brand|HR|Human|Resources")
_SENTENCE = re.compile(r"[,;。!?:]|负责|参与|完成|协助|主导|通过|实现|提升|降低|带领|管理\d|累计|年均|月均")
_LONE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?")
# A duty line opening with the verb of what was done, ten characters or more of Chinese ("办理银行承兑汇票的贴现…",
# "审查业务合同与制度文件…"); an employer or a title does not open with one of these.
_DUTY_VERB = re.compile(r"(?:办理|开展|开发|设计|编写|完善|审查|审核|维护|搭建|测算|编制|推动|撰写|制定|落实|拓展|对接|跟进|配合|处理|监控|监测|梳理|"
                        r"建立|牵头|优化|推进|统筹|执行|开拓|走访|组织开展|协调)[\u4e00-\u9fff，、]{8,}$")
_EMPLOYER_END = re.compile(r"(?:公司|银行|分行|支行|集团|中心|事务所|学院|大学)$")
_SEPARATORS = re.compile(r"\s*(?:\||/|,|;|、|\t|·|•)\s*|\s{2,}")


class _EntryBuilder:
    starters: tuple[str, ...] = ()

    @staticmethod
    def is_description(line: str) -> bool:
        raise NotImplementedError

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.description: list[str] = []

    def has(self, key: str) -> bool:
        return bool(self.fields.get(key))

    def empty(self) -> bool:
        return not self.fields and not self.description

    def complete(self) -> bool:
        raise NotImplementedError

    def read(self, text: str) -> dict[str, str]:
        raise NotImplementedError

    def build(self):
        raise NotImplementedError


def _ends_grouped(current, found: dict[str, str]) -> bool:
    """A new employer's line after a whole role grouped under the employer before (see _WorkBuilder): the next job."""
    return "employer" in found and bool(getattr(current, "inherited_employer", "")) \
        and current.has("title") and current.has("start")


def _parse_entries(lines: list[str], builder_type) -> list:
    """Entries of an education or work section; a line that repeats a field already set starts a new entry."""
    entries, current = [], builder_type()

    def flush():
        nonlocal current
        if current.complete():
            entries.append(current.build())
        current = builder_type()

    for position, line in enumerate(lines):
        line = _entry_line(line)
        if not line:
            continue
        if _is_head_row(line):
            continue
        found: dict[str, str] = {}
        labelled = _LABELLED.match(line)
        if labelled:
            key = next(k for k in _FIELD_LABELS if labelled.group(k))
            value = labelled.group("value").strip()
            if key == "dates":
                found.update(_dates_of(value))
            elif key == "description":
                if value:
                    current.description.append(value)
                continue
            elif key == "department":
                continue
            elif key == "degree":
                found["degree"] = _degree_level(value) or value
            elif value:
                found[key] = value
        else:
            dated = _dates_of(line)
            rest = line
            if dated:
                span = find_date_range(line)[0]
                rest = (line[:span[0]] + " " + line[span[1]:]).strip()
            elif builder_type.is_description(line):
                if not current.empty():
                    current.description.append(line)
                continue
            found.update(current.read(rest) if rest else {})
            if builder_type is _WorkBuilder and not dated and set(found) == {"employer", "title"} \
                    and rest.isascii() and not _EMPLOYER_EN.search(found["employer"]):
                # "Model Validation Analyst" over "Standard Chartered Bank (…)": read alone, an English title's first
                # words look like an employer ("Goldman Sachs Analyst"); over an employer's line it is all title.
                following = next((_entry_line(n) for n in lines[position + 1:position + 2]), "")
                if following and set(builder_type().read(following)) == {"employer"}:
                    found = {"title": rest}
            found.update(dated)
            starts_new = any(current.has(k) for k in found if k in builder_type.starters) or _ends_grouped(current, found)
            if not starts_new and set(found) == {"title"} and all(current.has(k) for k in ("title", "employer", "start")) \
                    and not re.search(r"\d|亿|万元|%", found["title"]) \
                    and (_TITLE_WORDS_RE.search(found["title"]) or re.search(r"(?:岗|员|师|长)$", found["title"])
                         or len(found["title"]) <= 8):
                # "年新增贷款余额3亿元": a duty's figures; "核对托管资产估值与清算指令": a duty's words, no title's
                # Title first, employer on the next line ("Audit Manager" / "Bank of Suzhou" / dates): a new entry.
                following = next((_entry_line(n) for n in lines[position + 1:position + 2]), "")
                span = find_date_range(following) if following else None
                if span:  # "employer | 2019.07 - 至今" under the title (a designer template)
                    following = (following[:span[0][0]] + " " + following[span[0][1]:]).strip(" |")
                if following and set(builder_type().read(following)) == {"employer"}:
                    flush()
                    starts_new = True
                elif span and not following.strip(" |·-") and (_TITLE_WORDS_RE.search(found["title"])
                                                              or re.search(r"(?:岗|员|师|长)$", found["title"])):
                    # "国际结算专员" over "2017-04 - 2019-11" after a whole role: the next role grouped under the same
                    # employer (a networking profile's promotion), unless an employer's line follows its dates
                    employer = current.fields["employer"]
                    flush()
                    current.inherited_employer = employer
                    starts_new = True
            if not found or (not starts_new and all(current.has(k) for k in found)):
                if not current.empty():
                    current.description.append(line)
                continue
        if any(current.has(k) for k in found if k in builder_type.starters) or _ends_grouped(current, found):
            flush()
        for key, value in found.items():
            if not current.has(key):
                current.fields[key] = value
    flush()
    return entries


# "(3年11个月)", "[ 2年 ]", "(8个月)": a duration written after an employer or a date range.
_DURATION = re.compile(r"[(\[]\s*(?:\d+\s*年\s*(?:\d+\s*个?月)?|\d+\s*个?月)\s*[)\]]")
# (a bracketed place and a comma before the legal form belong to the English name: "Bank of China (Hong Kong)
# Limited", "The Bank of East Asia, Limited")
_LATIN_RUN = r"[A-Z][A-Za-z&.'’-]*(?:(?:\s+|,\s*)(?:[A-Z][A-Za-z&.'’-]*|\([A-Z][A-Za-z .&'’-]{0,30}\)|of|and|the|for|in|&))*"
# A name given in both languages, "China Merchants Bank 招商银行" or "风险分析师 Risk Analyst": the Chinese is kept.
_TRANSLATED = re.compile(rf"^(?:{_LATIN_RUN})\s+(?P<zh>[\u4e00-\u9fff][^A-Za-z]*)$|^(?P<zh2>[\u4e00-\u9fff][^A-Za-z]*?)\s+(?:{_LATIN_RUN})$")


# A referee written in the row of a job ("证明人" column: "王立 13611112222") is neither title nor employer.
_REFEREE = re.compile(r"(?:证明人\s*:?\s*)?(?:[\u4e00-\u9fff]{2,4}\s*)?(?<!\d)1[3-9]\d{9}(?!\d)")


# OCR reads a dash between employer and title, or school and major, as 一: spaced on one side, or glued after
# the employer's or school's last word ("…有限公司一客户经理助理", "…大学一经济统计学"); a date's "一至今" is left.
_OCR_DASH = re.compile(r"(?:(?<=\s)|(?<=公司|银行|分行|支行|中心|务所|大学|学院))一(?=[\u4e00-\u9fff])(?!至|今|级|线|年|部)"
                       r"|(?<=[\u4e00-\u9fff])一(?=\s)(?<!第一)|(?<=\s)一(?=\s)|(?<=[\u4e00-\u9fff])一(?=本科|硕士|博士|大专|学士)")
# A salary beside the title ("资深数据分析师 | 普惠金融部 | 月薪：10001-15000元/月") is no part of the entry.
_SALARY = re.compile(r"(?i)(?:\|\s*)?(?:月薪|年薪|薪资|薪酬|税前月薪|期望月薪)\s*:?\s*[\d.,kK万千元/月年薪·\-~以上下 ]+(?=$|\s*\|)")


# A duration without brackets after a separator or standing alone: "2019.03 - 至今 · 2年4个月", "· 11年2个月".
_BARE_DURATION = re.compile(r"(?:^|\s*[·•|]\s*|\s+)(?<![\d.])(?:\d{1,2}\s*年\s*\d{1,2}\s*个月|\d{1,2}\s*个月|\d{1,2}\s*年"
                            r"(?=\s*$)|(?i:\d{1,2}\s*yrs?(?:\s+\d{1,2}\s*mos?)?|\d{1,2}\s*mos?))\s*$")
# "高级风险分析师 @ 成都银行": the title before the at sign, the employer after it (not an e-mail address).
_AT_EMPLOYER = re.compile(r"^(?P<title>[^@|]{2,30}?)\s*@\s*(?P<employer>[^@|\s][^@|]{1,60})$")


def _entry_line(line: str) -> str:
    """An entry line without durations, referees and the English half of bilingual names."""
    line = _SALARY.sub(" ", _OCR_DASH.sub(" | ", line))
    line = _DURATION.sub(" ", line).strip()
    line = _BARE_DURATION.sub("", line).strip()
    at = _AT_EMPLOYER.match(line)
    if at and not _EMAIL.search(line):
        line = f"{at.group('employer').strip()} | {at.group('title').strip()}"
    line = re.sub(r"(?:\s*\|\s*)+$", "", _REFEREE.sub(" ", line)).strip()
    pieces = re.split(r"(\s*\|\s*)", line)
    for i in range(0, len(pieces), 2):
        if len(pieces[i]) > 80 or _SENTENCE.search(pieces[i].replace(",", "")):
            continue
        match = _TRANSLATED.match(pieces[i].strip())
        if match and not find_date_range(pieces[i]):
            pieces[i] = (match.group("zh") or match.group("zh2")).strip()
    return "".join(pieces).strip()


def _dates_of(text: str) -> dict[str, str]:
    found = find_date_range(text)
    if not found:
        return {}
    _, start, end = found
    return {"start": start.label(), "end": end.label() if end else PRESENT}


def _degree_level(text: str) -> str:
    match = _DEGREE.search(text)
    if not match:
        return ""
    index = next(i for i in range(len(_DEGREES)) if match.group(f"d{i}"))
    return _DEGREES[index][0]


def _clean_piece(text: str) -> str:
    text = re.sub(r"^(?:毕业于|就读于|就职于|任职于|at\s)", "", text.strip(), flags=re.I)
    # a check box or square glued at an end: a speck of a copy read by OCR as "☑", a form's box, no part of a value
    text = re.sub(r"\(\s*\)", "", text).strip(" -|,;:(☐☑☒□■")
    return text if text.count("(") == text.count(")") else text.strip(" -|,;:()")


class _EducationBuilder(_EntryBuilder):
    starters = ("start", "school")

    @staticmethod
    def is_description(line: str) -> bool:
        if _SCHOOL.fullmatch(line.strip()):
            return False  # "Nanjing University of Finance and Economics": long, but a school's name
        # "B.Sc. in Management Science and Engineering": long, but a degree and its programme.
        # "Bachelor's degree, International Economics and Trade": LinkedIn's comma after the degree is no sentence's.
        degree_led = bool(_DEGREE.match(line.strip())) and not _SENTENCE.search(line.replace(",", "")) and len(line) <= 80
        return (len(line) > 40 and not degree_led) or bool(re.search(r"(?i)课程|GPA|绩点|排名|奖学金|荣誉|论文|获奖|courses?|thesis|award", line))

    def complete(self) -> bool:
        return self.has("school") or (self.has("degree") and self.has("start"))

    def read(self, text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        school = _SCHOOL.search(text)
        if school:
            found["school"] = _clean_piece(school.group(0))
            text = text[:school.start()] + " " + text[school.end():]
        level = ""
        matches = list(_DEGREE.finditer(text))
        # "金融硕士 | 本科": a degree word glued to a major names the programme; the degree standing alone is the level.
        alone = [m for m in matches if not (m.start() > 0 and re.match(r"[\u4e00-\u9fff]", text[m.start() - 1]))]
        if alone and len(alone) < len(matches):
            matches = alone
        elif len(matches) >= 2 and matches[-2].end() == matches[-1].start() and _degree_level(matches[-2].group(0)) != "本科":
            matches = matches[-1:]  # "金融硕士本科" with the separator lost: the last word is the level
        for match in matches:
            level = level or _degree_level(match.group(0))
        if level:
            found["degree"] = level
            for match in reversed(matches):
                text = text[:match.start()] + " " + text[match.end():]
        text = re.sub(r"(?i)专业\s*:?|(?<![a-z])(?:major|in)(?![a-z])\s*:?", " ", text)
        pieces = [p for p in (_clean_piece(p) for p in _SEPARATORS.split(text)) if p]
        pieces = [p for p in " ".join(pieces).split(" ") if p and not re.fullmatch(r"[\W_]+", p) and not _LONE_YEAR.fullmatch(p)]
        if pieces:
            if any(re.search(r"[\u4e00-\u9fff]", p) for p in pieces):
                majors = [p for p in pieces if not re.search(r"(?:学院|系)$", p)] or pieces
                # A column rule read by OCR as 1, l or 丨 glued before the major ("吉林大学1会计学本科").
                found["major"] = re.sub(r"^[1lI丨](?=[\u4e00-\u9fff]{2})", "", majors[0])
            else:
                found["major"] = " ".join(pieces)
        return found

    def build(self) -> Education:
        f = self.fields
        return Education(school=f.get("school", ""), degree=f.get("degree", ""), major=f.get("major", ""),
                         start=f.get("start"), end=f.get("end"))


# The kind of employment a networking profile writes under the employer ("全职 · 8年2个月"): no title.
_EMPLOYMENT_KIND = re.compile(r"(?i)全职|兼职|合同制|劳务派遣|派遣|外包|full[- ]time|part[- ]time|contract|freelance")


class _WorkBuilder(_EntryBuilder):
    starters = ("start", "employer")
    # a role grouped under the employer of the role before it (a networking profile's promotion): that employer
    inherited_employer = ""

    @staticmethod
    def is_description(line: str) -> bool:
        line = re.sub(r"^[(]?\d{1,2}[.)、]\s*(?=[\u4e00-\u9fff])", "", line)  # "2. 办理…": a duty's number
        if _is_tag_row(line):
            return True  # skill chips under a job ("客户画像 | Power BI"): part of it, no entry of their own
        parts = [p.strip() for p in re.split(r"[,，]", line)]
        if len(parts) == 2 and _TITLE_WORDS_RE.search(parts[0]) and _DEPARTMENT_EN.fullmatch(parts[1]) \
                and len(parts[0].split()) <= 5:
            return False  # "Quantitative Researcher, Small Business Finance Department": a title and its department
        if len(line) > 40:
            return True
        if re.fullmatch(r"(?:为|向|替)[\u4e00-\u9fff]{10,}", line):
            return True  # "为私人银行客户配置家族信托与固收产品": a duty opening with "for"/"to", no employer
        if _DUTY_VERB.match(line) and not _EMPLOYER_END.search(line):
            return True  # "办理银行承兑汇票的贴现与转贴现业务": a duty opening with its verb, no employer "办理银行"
        if re.fullmatch(r"[\u4e00-\u9fff]{2,}、[\u4e00-\u9fff、]+", line) and len(line) >= 12:
            return True  # "为高净值客户配置理财、基金与保险产品": an enumeration inside one run is a duty, no employer
        if len(parts) == 2 and all(0 < len(p) <= 14 for p in parts) \
                and (_TITLE_WORDS_RE.search(parts[0]) or re.fullmatch(r"[\u4e00-\u9fff]{2,8}", parts[0])) \
                and not _SENTENCE.search(line.replace(",", "").replace("，", "")) \
                and (_DEPARTMENT.fullmatch(parts[1]) or re.search(r"(?i)department|division|center|centre|team", parts[1])):
            return False  # "高级风险分析师，风险控制部": a title and its department
        return bool(_SENTENCE.search(line))

    def complete(self) -> bool:
        return self.has("employer") or (self.has("start") and self.has("title"))

    def read(self, text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        text = _GRADE.sub(" ", text)
        text = _TITLE_BEFORE_DEPARTMENT.sub(r"\1 ", text)
        text = _DEPARTMENT.sub(" ", text)
        text = _GLUED_DEPARTMENT.sub("", text)
        parts = [p.strip() for p in re.split(r"[,，]", text)]
        if len(parts) == 2 and _TITLE_WORDS_RE.search(parts[0]) and _DEPARTMENT_EN.fullmatch(parts[1]):
            text = parts[0]  # "Quantitative Researcher, Treasury Operations Center": the centre is a department
        text = re.sub(r"\(\s*\)", " ", text)
        text = re.sub(r"^[\s|,;·]+|[\s|,;·]+$", "", text)
        text = re.sub(r"^\(?\d{1,2}[.)]\s+(?=[\u4e00-\u9fffA-Za-z])", "", text)  # a duty's number ("2. 牵头…") names no one
        if not text or _EMPLOYMENT_KIND.fullmatch(text):
            return found
        employer = _EMPLOYER.search(text) or _EMPLOYER_EN.search(text)
        if employer and employer.group(0).strip() != text.strip() and _BARE_FUNCTION_EN.fullmatch(employer.group(0).strip()):
            employer = None  # "Operations Officer 營運主任 | Wealth Management": a business function beside a title
        if employer and employer.group(0).endswith("银行") and text[employer.end():employer.end() + 1] == "家":
            employer = None  # "私人银行家": a banker, no bank
        if employer and _BUSINESS_LINE.fullmatch(employer.group(0)):
            following = _SEPARATORS.split(text[employer.end():].strip())[0]
            if following and len(following) <= 10 and _TITLE_WORDS_RE.search(following):
                employer = None  # "交易银行产品经理", "私人银行客户经理": a bank's business line opens the title
        if employer:
            # "在X任Y" / "于X担任Y": a sentence names the employer after 在/于 and the title after 任/担任.
            found["employer"] = re.sub(r"^(?:在|于)(?=[\u4e00-\u9fff]{4})", "", _clean_piece(employer.group(0)))
            text = text[:employer.start()] + " " + re.sub(r"^\s*(?:担任|任职|出任|任)(?=[\u4e00-\u9fffA-Za-z]{2})", " ",
                                                           text[employer.end():])
        # A year standing alone beside the entry (a timeline's large start year by its dot) is no title.
        pieces = [p for p in (_clean_piece(p) for p in _SEPARATORS.split(text)) if p and not _LONE_YEAR.fullmatch(p)]
        pieces = [p for p in pieces if not _INDUSTRY.fullmatch(p)] if employer or len(pieces) > 1 else pieces
        if not employer and len(pieces) == 1 and " " in pieces[0]:
            words = pieces[0].split()
            if re.search(r"[\u4e00-\u9fff]", pieces[0]):
                pieces = [words[0], " ".join(words[1:])]  # "德勤 审计助理"
            else:
                first_title = next((i for i, w in enumerate(words) if _TITLE_WORDS_RE.search(w)), 0)
                if first_title > 0 and all(_TITLE_MODIFIERS.fullmatch(w) for w in words[:first_title]):
                    first_title = 0  # "Senior Risk Analyst": one title
                if first_title > 0:  # "Goldman Sachs Analyst"
                    pieces = [" ".join(words[:first_title]), " ".join(words[first_title:])]
        located = [p for p in pieces if not _CITY.fullmatch(p)]
        if employer or (located and len(located) < len(pieces)):
            # "Employer | City": a location names no title; the piece written before it is the employer.
            if not employer and len(located) == 1 and not _TITLE_WORDS_RE.search(located[0]) \
                    and not re.search(r"[\u4e00-\u9fff]", located[0]) and pieces.index(located[0]) < len(pieces) - 1:
                return {"employer": located[0]}
            pieces = located
        elif not located and all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", p) for p in pieces):
            return found  # "重庆" under a role's dates ("授信审批部 · 重庆", the department dropped): a place, no title
        else:
            pieces = located or pieces
        if len(pieces) >= 2:
            pieces = [p for p in pieces if not _DEPARTMENT_EN.fullmatch(p)] or pieces
        if not employer and len(pieces) >= 2 and not _TITLE_WORDS_RE.search(pieces[0]):
            found["employer"] = pieces.pop(0)
        elif not employer and len(pieces) == 2 and not _TITLE_WORDS_RE.search(pieces[1]):
            found["employer"] = pieces.pop(1)  # "Data Analyst, ICBC Shanghai"
        if not employer and len(pieces) == 1 and " " in pieces[0] and not re.search(r"[\u4e00-\u9fff]", pieces[0]):
            words = pieces[0].split()
            if _TITLE_WORDS_RE.search(words[-1]) and all(_TITLE_MODIFIERS.fullmatch(w) for w in words[:-1]):
                return {"title": pieces[0]}  # "Audit Manager" on a line of its own
        if pieces:
            title = " ".join(w for w in " ".join(pieces).split(" ") if not _CITY.fullmatch(w)) or " ".join(pieces)
            if employer:
                # "employer department title" run together (a cadre form's 简历: "X银行信贷管理处副科长"): the
                # department between them is no part of the title.
                title = _DEPARTMENT_BEFORE_TITLE.sub("", title)
            found["title"] = title
        return found

    def build(self) -> WorkEntry:
        f = self.fields
        return WorkEntry(employer=f.get("employer", "") or self.inherited_employer, title=f.get("title", "").strip(" ☐☑☒□■"), start=f.get("start"),
                         end=f.get("end"), description="\n".join(self.description))


# A department named before (or instead of) a title: "零售银行部 · 客户经理", "信用审批中心". A name that also
# names a bank or company ("浦发银行信用卡中心", "XX证券营业部") is an employer instead; "营业部" alone is a bank's
# (or branch's) business department.
# Also in brackets after the title: "客户经理（零售银行部）".
_DEPARTMENT = re.compile(
    r"(?<![^\s|,;·/(])(?![^\s|,;·/()]*(?:银行|公司|集团|保险|证券)[^\s|,;·/()]*(?:中心|处|科|室)(?=$|[\s|,;·/)]))"
    r"(?![^\s|,;·/()]+营业部)"
    r"[\u4e00-\u9fffA-Za-z]{1,14}?(?:事业部|部门|部|中心|处|科室|科|室)(?=$|[\s|,;·/)])")
# OCR often drops the space: "零售银行部信贷审批专员".
_GLUED_DEPARTMENT = re.compile(
    r"(?:(?<=^)|(?<=[\s|]))[\u4e00-\u9fff]{2,8}?部"
    r"(?=[\u4e00-\u9fff]{0,8}(?:经理|专员|主管|分析师|总监|助理|柜员|顾问|工程师|审计员|研究员|会计|出纳|代表|专家|主任|核保师|精算师)(?:$|[\s|]))")
# A title glued before its department, the separator lost by OCR ("授信审批经理数字银行部" for "授信审批经理 | 数字银行部"):
# the title is kept apart, the department after it then dropped as any department is.
_TITLE_BEFORE_DEPARTMENT = re.compile(
    r"(?:(?<=^)|(?<=[\s|]))([\u4e00-\u9fff]{0,10}?(?:经理|专员|主管|总监|分析师|工程师|顾问|助理|研究员|主任|交易员|柜员|审计员|"
    r"审查员|审核员|催收员|核算员|审批岗|科员|科长))(?=[\u4e00-\u9fff]{2,10}?(?:事业部|部|中心|处|室)(?:$|[\s|]))")
# A department glued before a title: "信贷管理处副科长", "合规与法律部财务分析师" (the title left after it).
# The suffix must not begin a word of the title: "不良资产处置经理" holds 处置 (disposal), no department 不良资产处.
_DEPARTMENT_BEFORE_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:事业部|部(?![署门分])|处(?![置理分])|中心|科室|室)"
                                      r"(?=[\u4e00-\u9fff]{2,8}$)"
                                      r"(?=.*(?:经理|专员|主管|总监|分析师|工程师|顾问|助理|研究员|主任|科员|科长|处长|行长|柜员|"
                                      r"会计|审计员|经济师|会计师|交易员|研究员|专家|代表|岗$))")
# A grade in brackets after a post ("会计主管（P6）", "审计专员(M3)", "大堂经理（副科级）", an internal form's "职务（职级）"
# column): a rank on the employer's ladder, no part of the title.
_GRADE = re.compile(r"\s*\(\s*(?:职级\s*[:：]?\s*)?(?:[A-Za-z]{1,2}\s*-?\s*\d{1,2}(?:[-.]\d{1,2})?\s*级?"
                    r"|[正副](?:股|科|处|局|厅)级?|[一二三四五六七八九十]{1,2}级(?:职员|经理|主管)?)\s*\)")
# A bank's business line ("交易银行", "私人银行"): a department or the start of a title, never an employer.
_BUSINESS_LINE = re.compile(r"(?:交易|私人|零售|公司|投资|网络|数字|个人|批发|同业|电子|直销|社区|财富|托管|普惠)银行")
# A job card's industry beside the department ("理财产品部 | 银行/理财", "授信管理部 | 消费金融"): the trade the employer
# is in, neither an employer nor a title.
_INDUSTRY = re.compile(r"(?:银行|保险|证券|期货|基金|信托|理财|融资租赁|租赁|消费金融|信用评级|评级|互联网金融|金融|投资|"
                       r"资产管理|财富管理|会计|审计|咨询|互联网)(?:业|行业)?")
# A work location written beside the title ("客户经理  上海") is not part of it.
_CITY = re.compile(r"北京|上海|天津|重庆|深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|济南|青岛|厦门|福州|宁波|合肥|"
                   r"沈阳|大连|哈尔滨|长春|昆明|南宁|贵阳|南昌|太原|石家庄|香港|澳门|台北|"
                   r"Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Hong Kong|Tianjin|Chongqing|Nanjing|Suzhou|Chengdu|Wuhan|"
                   r"Xi'an|Changsha|Qingdao|Xiamen|Ningbo|Hefei|Dalian|Singapore|London|New York")
# An English department beside the title ("Quantitative Researcher, Treasury Operations Center").
# A business function named alone ("Wealth Management", "Global Markets", "Compliance"): a department, no employer, as
# no proper name or legal form goes with it.
_FUNCTION_EN = (r"^(?:(?:Global|Retail|Corporate|Commercial|Private|Personal|Institutional|Investment|Wealth|"
                            r"Asset|Risk|Credit|Market|Operational|Trade|Transaction|Digital|Data|Financial|Internal|"
                            r"Consumer|Business|Customer|Client|SME|Treasury|Banking|Markets|Finance|Management|Compliance|"
                            r"Operations|Audit|Legal|Technology|Strategy|Research|Custody|Services|Sales|Marketing|Control|"
                            r"Governance|Lending|Payments|Insurance|Planning|Products?|and|&)\s*){1,4}$")
_BARE_FUNCTION_EN = re.compile("(?i)" + _FUNCTION_EN)
_DEPARTMENT_EN = re.compile(r"(?i)^(?:[A-Z][A-Za-z&]*\s+){0,5}(?:Department|Division|Center|Centre|Team|Dept\.?|Desk)$|"
                            + _FUNCTION_EN)
_CAMPUS = re.compile(r"学生会|社团|协会|团委|研究生会|班级|班委|学生|校园|(?:^|\s)(?:主席|副主席|部长|副部长|会长|副会长|班长|干事|委员)(?:$|\s)")


def _is_tag_row(line: str) -> bool:
    """A row of skill chips: short pieces, at least one a known skill, none an employer, a title or a date."""
    pieces = [p for p in re.split(r"\s*\|\s*", line.strip()) if p]
    if len(pieces) < 2 or find_date_range(line) or _EMPLOYER.search(line) or _EMPLOYER_EN.search(line):
        return False
    known = _known_skills()
    return (any(p.casefold() in known for p in pieces) and all(len(p) <= 16 for p in pieces)
            and not any(_TITLE_WORDS_RE.search(p) or re.fullmatch(r"[\u4e00-\u9fff]{2,10}[员岗]", p) for p in pieces))


def _is_campus_post(entry: WorkEntry) -> bool:
    """A student union or club post ("校学生会 主席"): not an employer, not work experience."""
    return bool(_CAMPUS.search(entry.employer) or (not _EMPLOYER.search(entry.employer) and _CAMPUS.search(entry.title)))


def _is_internship(title: str) -> bool:
    return bool(re.search(r"(?i)实习|intern", title))


def _fallback_entries(lines: list[str], result: ParsedResume) -> None:
    """No education or work section was recognised: take dated lines naming a school or an employer."""
    for line in lines:
        if not find_date_range(line):
            continue
        if _SCHOOL.search(line):
            result.education.extend(_parse_entries([line], _EducationBuilder))
        elif _EMPLOYER.search(line) or _EMPLOYER_EN.search(line):
            result.work.extend(_parse_entries([line], _WorkBuilder))


# --- skills and credentials ----------------------------------------------------------------------

_LABEL_KIND = {"技能": "skills", "专业技能": "skills", "技能特长": "skills", "skill": "skills", "skills": "skills",
               "证书": "certificates", "资格证书": "certificates", "certificate": "certificates",
               "certificates": "certificates", "certification": "certificates", "certifications": "certificates",
               "语言": "languages", "语言能力": "languages", "外语": "languages", "language": "languages",
               "languages": "languages", "english": "languages", "所获证书": "certificates", "获得证书": "certificates", "持有证书": "certificates",
               # A cadre form's rows (干部履历表): 专业技术资格 names the qualifications held, 熟悉专业有何专长 the skills.
               "专业技术资格": "certificates", "熟悉专业有何专长": "skills", "专长": "skills"}
# Any heading of a list section works as a label too ("技能标签：…", "职业资格：…", "Technical Skills: …").
_LABEL_KIND.update({phrase: kind for kind in ("skills", "certificates", "languages") for phrase in _HEADERS[kind]})
_ITEM_LABEL = re.compile(r"(?i)^(" + "|".join(re.escape(label).replace(r"\ ", r"\s+")
                                             for label in sorted(_LABEL_KIND, key=len, reverse=True))
                         + r")\s*[:]\s*(.*)$")
_PROFICIENCY = re.compile(r"^(?:熟练掌握|熟练使用|熟练运用|熟练操作|能熟练使用|熟练|精通|熟悉|掌握|了解|擅长|具备|能够使用|会使用|"
                          r"proficient in|familiar with|skilled in|experienced in)\s*", re.I)


def _line_label(line: str) -> tuple[str | None, str]:
    bracketed = re.match(r"^【\s*([^】]{1,12}?)\s*】\s*(\S.*)$", line)  # "【技能】SQL、基金估值": a label in brackets
    if bracketed and bracketed.group(1).lower() in _LABEL_KIND:
        line = f"{bracketed.group(1)}:{bracketed.group(2)}"
    match = _ITEM_LABEL.match(line)
    if match:
        return _LABEL_KIND[" ".join(match.group(1).lower().split())], match.group(2)
    # "技能｜SQL，Stata": a Chinese list label set off by a vertical bar instead of a colon.
    barred = re.match(r"^([\u4e00-\u9fff]{2,6})\s*\|\s*(\S.*)$", line)
    if barred and barred.group(1) in _LABEL_KIND and not _header_kinds(barred.group(2)) \
            and barred.group(2).split("|")[0].strip().lower() not in _LABEL_KIND:
        return _LABEL_KIND[barred.group(1)], barred.group(2)
    # "所获证书；证券从业资格": OCR of a dim photo reads a label's colon as a semicolon (not "技能；证书", two heads).
    semi = re.match(r"^([\u4e00-\u9fff]{2,6})\s*[;；]\s*(\S.*)$", line)
    if semi and semi.group(1) in _LABEL_KIND and not _header_kinds(semi.group(2)) \
            and re.split(r"[;；,，、]", semi.group(2))[0].strip().lower() not in _LABEL_KIND:
        return _LABEL_KIND[semi.group(1)], semi.group(2)
    # "技能　SQL · Stata": a Chinese label set off by a wide space instead of a colon (not "技能 证书", two heads).
    spaced = re.match(r"^([\u4e00-\u9fff]{2,6})\s+(\S.*)$", line)
    if spaced and spaced.group(1) in _LABEL_KIND and not _header_kinds(spaced.group(2)) \
            and spaced.group(2).split()[0].lower() not in _LABEL_KIND:
        return _LABEL_KIND[spaced.group(1)], spaced.group(2)
    return None, line


_LEVEL_AFTER_DOT = re.compile(r"\s*[·•]\s*(?:精通|熟练|良好|一般|熟悉|掌握|了解|入门)(?=\s|[、,;/|]|$)")


def _split_items(text: str) -> list[str]:
    """Items of a list line: split at 、,;/| and at a spaced 和/与/and, else at spaces when the line is Chinese."""
    text = re.sub(r"(?i)\s+(?:和|与|及|以及|and|&)\s+", "、", text)
    text = _LEVEL_AFTER_DOT.sub("", text)  # "Java·精通 Power BI·熟练"
    # A slash between two acronyms is part of one name ("ECF-AML/CFT", "TCP/IP"), no separator.
    text = re.sub(r"(?<=[A-Z]{2})/(?=[A-Z]{2})", "\u2044", text)
    if re.search(r"[、,;/|]|\s[·•]\s", text):
        parts = re.split(r"\s*[、,;/|]\s*|\s+[·•]\s+", text)
    elif re.search(r"[\u4e00-\u9fff]", text) or len(text.split()) >= 3:
        # Split at spaces, but not inside brackets ("英语（TOEIC 850）" is one item).
        parts = _rejoin_names(re.findall(r"(?:[^\s(]+|\([^()]*\))+|\(", text))
    else:
        parts = [text]
    # A bullet before each item of a grid ("● Wind | ● MATLAB"): the line's bullet was stripped, the others not.
    parts = [_ITEM_BULLET.sub("", p) for p in parts]
    parts = [p.replace("\u2044", "/") for p in parts]
    parts = [piece for p in parts for piece in _two_chips(p)]
    return [p.strip(" .。") for p in parts if p.strip(" .。") and not _NOT_ITEM.fullmatch(p.strip(" .。"))]


_CHIP_SPLIT = re.compile(r"^(?P<a>[^\s]+) (?P<b>[^\s]+)$")
_TOOL_CAPITALS = re.compile(r"[A-Z][A-Z0-9+#]{1,11}")


def _two_chips(piece: str) -> list[str]:
    """Two skill chips read by OCR as one box ("反洗钱 MATLAB", "反洗钱 R语言"): split at the space where the script
    changes, when one side is a known skill and the other one too or a tool's capitals; a credential or a language
    stays whole ("英语 CET-6")."""
    match = _CHIP_SPLIT.match(piece.strip())
    if not match:
        return [piece]
    a, b = match.group("a"), match.group("b")
    if bool(re.match(r"[\u4e00-\u9fff]", a[-1])) == bool(re.match(r"[\u4e00-\u9fff]", b[0])):
        return [piece]
    known = _known_skills()
    if _credentials_in(piece) or any(s.lower() in _LANGUAGE_TESTS for s in (a, b)):
        return [piece]
    if (a.casefold() in known and (b.casefold() in known or _TOOL_CAPITALS.fullmatch(b))) or (
            b.casefold() in known and (a.casefold() in known or _TOOL_CAPITALS.fullmatch(a))):
        return [a, b]
    return [piece]


_ITEM_BULLET = re.compile(r"^\s*[●○■□◆◇▪▫►▶★☆✦•✓✔]\s+")


# A language's level in words ("英语 | 读写精通", "口语流利") is no item either.
# A level beside a skill ("Python | 精通") or the date a certificate was obtained ("2019/06 | CFA") is no item.
# A rating drawn as dots or stars ("●●●●○") or a percentage is no item either.
# "7年" beside a skill is how long it was used. An empty-value marker ("资格：无", "N/A") names nothing.
_NOT_ITEM = re.compile(r"(?:(?:听说读写|听说|读写|口语|书面|阅读|写作)(?:能力)?\s*)?(?:精通|熟练|流利|良好|一般|优秀|较好)|熟悉|掌握|了解|入门"
                       r"|\d{1,4}(?:[./-]\d{1,2})?|[●○◐◑★☆✦✧■□◆◇▪▫⭐]+|\d{1,3}\s*%"
                       r"|\d{1,2}\s*年(?:以上)?|" + r"(?i:无|暂无|没有|无证书|尚无|N/?A|none|nil|null|-+)")


def _skills_in(item: str) -> list[str]:
    """The skill an item names; for a phrase ("熟练使用Python进行数据分析") the known skills it mentions."""
    item = _PROFICIENCY.sub("", item.strip())
    item = re.sub(r"\s+(?:精通|熟练|熟悉|良好|一般|掌握|了解|入门)$", "", item)  # "SQL 精通"
    item = re.sub(r"(?:等(?:工具|软件|技能)?|\((?:熟练|精通|熟悉|良好)\))$", "", item).strip()
    short = len(item) <= 12 or (item.isascii() and len(item) <= 32 and len(item.split()) <= 4)
    if item and short and not _SENTENCE.search(item):
        words = item.split()
        known = _known_skills()
        if len(words) > 1 and item.casefold() not in known and all(w.casefold() in known for w in words):
            return words  # tag chips read as one run ("SQL Python"); "Power BI" stays whole
        chips = _chip_run(words) if len(words) > 1 and item.casefold() not in known else None
        return chips or [item]
    folded = item.casefold()
    found = []
    for term in _skill_vocabulary():
        key = term.casefold()
        if re.fullmatch(r"[\x00-\x7f]+", key):
            match = re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", folded)
        else:
            position = folded.find(key)
            match = position >= 0
        if match and not any(key in f.casefold() for f in found):
            found.append(term)
    return found


@lru_cache(maxsize=1)
def _skill_vocabulary() -> tuple[str, ...]:
    """Skill names and synonyms of ml/resources/skills.json, longest first."""
    synonyms = read_json("skills.json")["synonyms"]
    terms = {t for canonical, aliases in synonyms.items() for t in (canonical, *aliases) if len(t) >= 2}
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def _known_skills() -> frozenset[str]:
    return frozenset(t.casefold() for t in _skill_vocabulary())


@lru_cache(maxsize=1)
def _name_starts() -> frozenset[str]:
    """First words of known multi-word skill names ("power" of "Power BI") that name no skill alone."""
    known = _known_skills()
    return frozenset(w for t in known if " " in t and (w := t.split()[0]) not in known and w.isascii() and len(w) >= 3)


def _rejoin_names(words: list[str]) -> list[str]:
    """A list split at single spaces keeps a multi-word name whole when its first word names nothing alone
    ("Power Query" among "Choice SQL Power Query PPT")."""
    out: list[str] = []
    for word in words:
        if out and re.fullmatch(r"[A-Za-z][A-Za-z0-9+#.-]*", word) and out[-1].split()[-1].casefold() in _name_starts():
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _chip_run(words: list[str]) -> list[str] | None:
    """Tag chips that OCR boxed together ("客户画像 Excel", "R Power BI"): the known skills in them (longest first),
    a Chinese word, or a short capital acronym, each one chip; None when any piece is none of these ("Bloomberg
    Terminal" stays one skill)."""
    known, chips, i = _known_skills(), [], 0
    while i < len(words):
        end = next((j for j in range(len(words), i, -1) if " ".join(words[i:j]).casefold() in known), None)
        if end is not None:
            chips.append(" ".join(words[i:end]))
            i = end
        elif re.fullmatch(r"[\u4e00-\u9fff]{2,8}|[A-Z][A-Z+#]{0,3}", words[i]):
            chips.append(words[i])
            i += 1
        else:
            return None
    return chips if any(c.casefold() in known for c in chips) else None


def _looks_like_item(item: str) -> bool:
    return 0 < len(item) <= 24 and not _SENTENCE.search(item)


@lru_cache(maxsize=1)
def _credential_patterns() -> dict[str, list[tuple[re.Pattern, str, str, bool]]]:
    data = read_json("credentials.json")
    return {kind: [(re.compile(p, re.I), entry["name"], entry.get("fallback", entry["name"]), entry.get("written", False))
                   for entry in data[kind] for p in entry["patterns"]]
            for kind in ("certificates", "languages")}


# The level of a certificate as written ("中级银行从业资格", "CFA一级", "CFA Level II"): a Level I candidate is no
# charterholder, so a parse keeps it; matching compares the canonical names without it.
_LEVEL_BEFORE = re.compile(r"(初级|中级|高级)\s*$")
_LEVEL_AFTER = re.compile(r"^\s*(一级|二级|三级|(?i:Level\s*(?:III|II|I|[123])(?![A-Za-z])))")


def match_credentials(text: str, kind: str, *, keep_level: bool = False, as_written: bool = False) -> list[str]:
    """Canonical names of the certificates or languages ("certificates" / "languages") the text mentions, in order;
    with keep_level, a certificate's written level stays in its name; with as_written, a qualification known under
    several names in use ("日语N2" and "JLPT N2") is named as the text writes it."""
    found = []
    for pattern, name, fallback, written in _credential_patterns()[kind]:
        for match in pattern.finditer(text):
            if as_written and (written is True or (written == "chinese" and re.match(r"[\u4e00-\u9fff]", match.group(0)))):
                # "日语 N2" → "日语N2", "JLPT  N2" → "JLPT N2", "雅思：7.5" → "雅思7.5": the text's name, its spacing
                # tidied.
                label = " ".join(match.group(0).split())
                label = re.sub(r"\s*[:：]\s*", "", label) if written == "chinese" else label
                label = re.sub(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])", "", label)
                found.append((match.start(), label))
                continue
            score = match.groupdict().get("score")
            label = name.format(score=score) if score else fallback
            if keep_level and kind == "certificates":
                before = _LEVEL_BEFORE.search(text[:match.start()]) or re.match(r"(初级|中级|高级)", match.group(0))
                after = _LEVEL_AFTER.match(text[match.end():])
                if before and not label.startswith(before.group(1)):
                    label = before.group(1) + label
                if after:
                    level = after.group(1)
                    label += (" " if level[0].isascii() else "") + level
            found.append((match.start(), label))
    return [name for _, name in sorted(_joined_names(text, found, as_written), key=lambda item: item[0])]


def _joined_names(text: str, found: list[tuple[int, str]], as_written: bool) -> list[tuple[int, str]]:
    """A qualification's two names side by side ("AFP金融理财师", "CFA（特许金融分析师）") are one: the Latin and the Chinese
    name of one entry found back to back become one find, named as written (with as_written) or canonically."""
    by_start = {start: name for start, name in found}
    out: list[tuple[int, str]] = []
    skip: set[int] = set()
    for pattern, name, _, _ in _credential_patterns()["certificates"]:
        if not re.match(r"\(\?<!\[A-Za-z\]\)[A-Z]{2,5}\(\?!", pattern.pattern):
            continue
        for first in pattern.finditer(text):
            joined = re.match(r"\s*([(（]?)\s*", text[first.end():])
            rest = first.end() + joined.end()
            partner = next((p for p, n, _, _ in _credential_patterns()["certificates"]
                            if n == name and p is not pattern and p.match(text, rest)), None)
            if partner is None or first.start() not in by_start or rest not in by_start:
                continue
            end = partner.match(text, rest).end()
            if joined.group(1):
                closing = re.match(r"\s*[)）]", text[end:])
                if not closing:
                    continue
                end += closing.end()
            skip.add(rest)
            if as_written:
                skip.add(first.start())
                out.append((first.start(), re.sub(r"\s+", "", text[first.start():end])))
    return [item for item in found if item[0] not in skip] + out


# "Chinese (Native)", "普通话（母语）": one's mother tongue is no qualification.
_NATIVE = re.compile(r"(?i)\bnative\b|mother tongue|母语")


def _is_item_list(line: str) -> bool:
    """An undated line of short pieces naming no employer, school, degree or title, two or more of them (one of three or
    more) a known skill or a named credential."""
    if find_date_range(line) or _LONE_YEAR.search(line):
        return False
    pieces = [p.strip() for p in re.split(r"[、,;/|]", line)]
    if len(pieces) < 2 or not all(_looks_like_item(p) and len(p) <= 12 for p in pieces):
        return False
    if any(_EMPLOYER.search(p) or _SCHOOL.search(p) or _DEGREE.search(p) or (_TITLE_WORDS_RE.search(p) and not _credentials_in(p))
           for p in pieces):  # "本科 | 金融科技 | 统招": a study's degree and major
        return False
    known = _known_skills()
    named = sum(p.casefold() in known or _credentials_in(p) for p in pieces)
    return named >= 2 or (named and len(pieces) >= 3)


def _credentials_in(item: str) -> bool:
    return bool(match_credentials(item, "certificates") or match_credentials(item, "languages"))


def _unique(items: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    # A bare "IELTS" is dropped when "IELTS 7.5" was also found.
    return [i for i in out if not any(o != i and o.casefold().startswith(i.casefold() + " ") for o in out)]

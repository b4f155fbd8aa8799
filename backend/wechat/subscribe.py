"""Subscribe messages: WeChat's per-type field rules, QingPin's templates, and what a send error means."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import urlencode

from backend.wechat import TOKEN_REJECTED, WeChatError

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
ELLIPSIS = "…"

# WeChat's limits per field type (订阅消息参数值内容限制说明).
THING_MAX = 20
NAME_MAX_CHINESE = 10
NAME_MAX_LATIN = 20
PHRASE_MAX = 5
STRING_MAX = 32  # character_string, number, letter

FIELD_TYPES = frozenset({"thing", "name", "phrase", "character_string", "number", "letter", "time", "date"})

_KEY = re.compile(r"^([a-z_]+?)(\d+)$")
_CHARACTER_STRING = re.compile(r"^[\x21-\x7e]{1,32}$")  # digits, letters, ASCII symbols; no spaces or CJK
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_LETTER = re.compile(r"^[A-Za-z]{1,32}$")
_HM = r"(?P<{p}h>[01]?\d|2[0-3]):(?P<{p}mi>[0-5]\d)"
_YMD_CN = r"(?P<{p}y>\d{{4}})年(?P<{p}m>\d{{1,2}})月(?P<{p}d>\d{{1,2}})日"
_YMD_ISO = r"(?P<{p}iy>\d{{4}})-(?P<{p}im>\d{{2}})-(?P<{p}id>\d{{2}})"


def _point(kind: str, p: str) -> str:
    ymd = f"(?:{_YMD_CN.format(p=p)}|{_YMD_ISO.format(p=p)})"
    hm = _HM.format(p=p)
    if kind == "time":  # a 24-hour time, optionally preceded by a date
        return f"(?:{ymd} )?{hm}"
    return f"{ymd}(?: {hm})?"  # a date, optionally followed by a time


# A point in time, or a span of two joined by "~"; e.g. "2026年11月22日 14:30", "2026-11-22 14:30", "14:30".
_TIME = re.compile(f"^{_point('time', 'a')}(?:~{_point('time', 'b')})?$")
_DATE = re.compile(f"^{_point('date', 'a')}(?:~{_point('date', 'b')})?$")


class TemplateDataError(ValueError):
    """A value cannot be made to fit its template field; the message is not sent."""

    def __init__(self, key: str, reason: str) -> None:
        self.key = key
        super().__init__(f"{key}: {reason}")


@dataclass(frozen=True)
class TemplateSpec:
    """One subscribe template: its WeChat id, the page it opens, and its data keys with their field types."""

    name: str
    template_id: str
    page: str
    fields: Mapping[str, str] = field(hash=False)

    def __post_init__(self) -> None:
        for key, field_type in self.fields.items():
            if field_type not in FIELD_TYPES:
                raise ValueError(f"{self.name}.{key}: unsupported field type {field_type!r}")
            match = _KEY.match(key)
            if not match or match.group(1) != field_type:
                raise ValueError(f"{self.name}.{key}: WeChat keys are the type plus a number, e.g. {field_type}1")
        if not self.page or self.page.startswith("/") or "?" in self.page:
            raise ValueError(f"{self.name}: page must be an app page path like pages/x/index, without a query")
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def page_with(self, **query: Any) -> str:
        """The template's page with a query string, e.g. pages/booking/index?invite=abc."""
        return f"{self.page}?{urlencode(query)}" if query else self.page


# QingPin's templates. Keys follow the library templates picked in the MP console (类目模板);
# the template ids are per account and come from settings.
TEMPLATE_LAYOUTS: Mapping[str, tuple[str, Mapping[str, str]]] = MappingProxyType({
    # 面试邀请: 候选人, 职位, 公司, 截止日期
    "invitation": ("pages/invitation/index", {"name1": "name", "thing2": "thing", "thing3": "thing", "date4": "date"}),
    # 预约成功: 职位, 面试时间, 说明
    "booking_confirmed": ("pages/booking/index", {"thing1": "thing", "time2": "time", "thing3": "thing"}),
    # 面试提醒: 职位, 面试时间, 温馨提示
    "reminder": ("pages/interview/index", {"thing1": "thing", "time2": "time", "thing3": "thing"}),
    # 待预约提醒: 职位, 截止日期, 说明
    "not_booked_nudge": ("pages/invitation/index", {"thing1": "thing", "date2": "date", "thing3": "thing"}),
    # 提交成功: 职位, 提交时间, 状态
    "answers_received": ("pages/applications/index", {"thing1": "thing", "time2": "time", "phrase3": "phrase"}),
    # 结果通知: 职位, 状态, 说明
    "result_available": ("pages/applications/index", {"thing1": "thing", "phrase2": "phrase", "thing3": "thing"}),
    # 进入下一轮: 职位, 轮次, 面试时间
    "next_round": ("pages/applications/index", {"thing1": "thing", "thing2": "thing", "time3": "time"}),
    # 面试结果: 职位, 状态, 说明
    "rejection": ("pages/applications/index", {"thing1": "thing", "phrase2": "phrase", "thing3": "thing"}),
    # 录用通知: 职位, 入职日期, 报到地点
    "offer": ("pages/applications/index", {"thing1": "thing", "date2": "date", "thing3": "thing"}),
    # 入职待办提醒: 事项, 截止日期, 说明
    "onboarding_task": ("pages/applications/index", {"thing1": "thing", "date2": "date", "thing3": "thing"}),
    # 申请处理结果: 职位, 处理状态, 说明 (the candidate's explanation / human-review request answered by HR)
    "request_answered": ("pages/rights/index", {"thing1": "thing", "phrase2": "phrase", "thing3": "thing"}),
    # 导师分配: 导师, 职位, 说明
    "mentor_assigned": ("pages/applications/index", {"name1": "name", "thing2": "thing", "thing3": "thing"}),
    # 带教安排: 新同事, 职位, 入职日期
    "mentee_assigned": ("pages/applications/index", {"name1": "name", "thing2": "thing", "date3": "date"}),
})


def build_templates(template_ids: Mapping[str, str]) -> dict[str, TemplateSpec]:
    """TemplateSpecs for the templates that have an id configured; an unknown name is a settings error."""
    unknown = set(template_ids) - set(TEMPLATE_LAYOUTS)
    if unknown:
        raise ValueError(f"unknown subscribe templates in settings: {sorted(unknown)}")
    return {
        name: TemplateSpec(name=name, template_id=template_id, page=page, fields=fields)
        for name, template_id in template_ids.items()
        if template_id
        for page, fields in [TEMPLATE_LAYOUTS[name]]
    }


def format_message(spec: TemplateSpec, values: Mapping[str, Any], *, tz: dt.tzinfo = CHINA_TZ) -> dict:
    """The `data` object for subscribe/send: every field present, valid, and truncated where WeChat allows."""
    missing = set(spec.fields) - set(values)
    extra = set(values) - set(spec.fields)
    if missing or extra:
        raise TemplateDataError(
            ",".join(sorted(missing | extra)), f"{spec.name} expects exactly {sorted(spec.fields)}"
        )
    return {
        key: {"value": format_value(key, field_type, values[key], tz=tz)} for key, field_type in spec.fields.items()
    }


def format_value(key: str, field_type: str, value: Any, *, tz: dt.tzinfo = CHINA_TZ) -> str:
    """One field's value as WeChat accepts it for its type, or TemplateDataError."""
    if value is None:
        raise TemplateDataError(key, "is empty")
    formatter = _FORMATTERS.get(field_type)
    if formatter is None:
        raise TemplateDataError(key, f"unsupported field type {field_type!r}")
    return formatter(key, value, tz)


def _clean_text(value: Any) -> str:
    """NFC text on one line, without control/format characters or emoji (outside the BMP)."""
    text = unicodedata.normalize("NFC", str(value))
    kept = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif ord(char) > 0xFFFF or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def _is_chinese(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def _thing(key: str, value: Any, tz) -> str:
    text = _clean_text(value)
    if not text:
        raise TemplateDataError(key, "is empty")
    return _truncate(text, THING_MAX)


def _name(key: str, value: Any, tz) -> str:
    text = _clean_text(value)
    if not text:
        raise TemplateDataError(key, "is empty")
    for char in text:
        if char.isdigit() or (char.isalpha() and not _is_chinese(char) and not _is_latin_letter(char)):
            raise TemplateDataError(key, "a name holds only Chinese characters, Latin letters and symbols")
    # Mixed Chinese and Latin counts as a Chinese name.
    limit = NAME_MAX_CHINESE if any(_is_chinese(c) for c in text) else NAME_MAX_LATIN
    return _truncate(text, limit)


def _phrase(key: str, value: Any, tz) -> str:
    text = _clean_text(value)
    if not 1 <= len(text) <= PHRASE_MAX or not all(_is_chinese(c) for c in text):
        raise TemplateDataError(key, f"a phrase is 1 to {PHRASE_MAX} Chinese characters")
    return text


def _character_string(key: str, value: Any, tz) -> str:
    text = str(value).strip()
    if not _CHARACTER_STRING.match(text):
        raise TemplateDataError(key, f"a character_string is 1 to {STRING_MAX} ASCII letters, digits or symbols")
    return text


def _number(key: str, value: Any, tz) -> str:
    if isinstance(value, bool):
        raise TemplateDataError(key, "a number field takes a number, not a bool")
    text = str(value).strip()
    if len(text) > STRING_MAX or not _NUMBER.match(text):
        raise TemplateDataError(key, f"a number is up to {STRING_MAX} digits, with an optional decimal part")
    return text


def _letter(key: str, value: Any, tz) -> str:
    text = str(value).strip()
    if not _LETTER.match(text):
        raise TemplateDataError(key, f"a letter field is 1 to {STRING_MAX} Latin letters")
    return text


def _render_datetime(value: dt.datetime, tz: dt.tzinfo) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(tz)
    return f"{value.year}年{value.month}月{value.day}日 {value.hour:02d}:{value.minute:02d}"


def _render_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _render_point(key: str, field_type: str, value: Any, tz) -> str:
    if isinstance(value, dt.datetime):
        return _render_datetime(value, tz)
    if isinstance(value, dt.date):
        if field_type == "time":
            raise TemplateDataError(key, "a time field needs a time of day, not just a date")
        return _render_date(value)
    if isinstance(value, dt.time):
        if field_type == "date":
            raise TemplateDataError(key, "a date field needs a date")
        return f"{value.hour:02d}:{value.minute:02d}"
    raise TemplateDataError(key, f"cannot render {type(value).__name__} as a {field_type}")


def _check_calendar(match: re.Match) -> bool:
    for p in ("a", "b"):
        year = match.group(f"{p}y") or match.group(f"{p}iy")
        if year is None:
            continue
        month = match.group(f"{p}m") or match.group(f"{p}im")
        day = match.group(f"{p}d") or match.group(f"{p}id")
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return False
    return True


def _time_or_date(field_type: str, pattern: re.Pattern):
    def fmt(key: str, value: Any, tz) -> str:
        if isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise TemplateDataError(key, "a span is exactly two points")
            text = "~".join(_render_point(key, field_type, point, tz) for point in value)
        elif isinstance(value, str):
            text = value.strip()
        else:
            text = _render_point(key, field_type, value, tz)
        match = pattern.match(text)
        if not match or not _check_calendar(match):
            raise TemplateDataError(key, f"{text!r} is not a WeChat {field_type} (e.g. 2026年11月22日 14:30)")
        return text

    return fmt


_FORMATTERS = {
    "thing": _thing,
    "name": _name,
    "phrase": _phrase,
    "character_string": _character_string,
    "number": _number,
    "letter": _letter,
    "time": _time_or_date("time", _TIME),
    "date": _time_or_date("date", _DATE),
}


# -- send errors ---------------------------------------------------------------------------------

RETRY_ERRCODES = frozenset({-1, 45011})
PERMANENT_ERRCODES = frozenset({40003, 40037, 41030, 47003})
NO_CREDIT_ERRCODES = frozenset({43101})
# Our bug or our configuration, not the candidate's: someone must look.
ALERT_ERRCODES = frozenset({40037, 41030, 47003})

_FIELD_IN_ERRMSG = re.compile(r"data\.([A-Za-z_]+\d+)\.")


def classify_send_error(errcode: int | None) -> str:
    """What to do after subscribe/send failed: "retry", "refresh", "permanent" or "no_credit" (fall back)."""
    if errcode is None or errcode in RETRY_ERRCODES:
        return "retry"
    if errcode in TOKEN_REJECTED:
        return "refresh"
    if errcode in NO_CREDIT_ERRCODES:
        return "no_credit"
    # 40003, 40037, 41030, 47003 and anything unknown: do not loop on it; fall back to another channel.
    return "permanent"


class SubscribeSendError(WeChatError):
    """subscribe/send failed; `action` says what to do, `field` names the bad data key on 47003."""

    def __init__(self, errcode: int | None, errmsg: str = "", *, api: str = "subscribe_send") -> None:
        self.action = classify_send_error(errcode)
        super().__init__(errcode, errmsg, api=api, retryable=self.action in ("retry", "refresh"))
        self.alert = errcode in ALERT_ERRCODES
        match = _FIELD_IN_ERRMSG.search(self.errmsg) if errcode == 47003 else None
        self.field = match.group(1) if match else None

    @property
    def no_credit(self) -> bool:
        """The candidate's credit for this template is spent or refused: consume it and fall back."""
        return self.action == "no_credit"


__all__ = [
    "TemplateSpec",
    "TemplateDataError",
    "SubscribeSendError",
    "TEMPLATE_LAYOUTS",
    "build_templates",
    "format_message",
    "format_value",
    "classify_send_error",
    "FIELD_TYPES",
    "CHINA_TZ",
]

"""Chinese identity data: ID number (GB 11643-1999 check digit), bank card (Luhn), phone formats, and the fields
of onboarding documents (ID card, bank card, diploma, ...) found in their OCR text."""
from __future__ import annotations

import re
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def id_number_error(value: str) -> str | None:
    """Why an 18-character resident ID number is invalid (format, birth date, check digit), or None."""
    value = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return "身份证号应为18位（最后一位可为X）"
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号中的出生日期无效"
    if born > date.today() or born.year < 1900:
        return "身份证号中的出生日期无效"
    if id_check_char(value[:17]) != value[17]:
        return "身份证号校验位不正确，请核对"
    return None


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2 == 1:
            number = number * 2 - 9 if number > 4 else number * 2
        total += number
    return total % 10 == 0


def bank_card_error(value: str) -> str | None:
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{12,19}", digits):
        return "银行卡号应为12到19位数字"
    if not luhn_ok(digits):
        return "银行卡号校验不通过，请核对"
    return None


def phone_error(value: str) -> str | None:
    value = value.strip()
    if _MOBILE.match(value.replace(" ", "")) or _LANDLINE.match(value):
        return None
    return "请输入11位手机号或带区号的固定电话（如 010-12345678）"


def normalize(name: str, value: str) -> str:
    """The canonical form a typed value is stored and compared in."""
    value = value.strip()
    if name == "id_number":
        return value.upper()
    if name == "bank_card":
        return re.sub(r"[\s-]", "", value)
    return value


# -- fields of document photos --------------------------------------------------------------------------------

def _compact(text: str) -> str:
    return re.sub(r"[ \t]", "", text)


def find_id_number(text: str) -> str | None:
    """The first 18-character run whose check digit is right (OCR reads the final X as x or ×)."""
    compact = _compact(text).replace("×", "X").replace("x", "X")
    for match in re.finditer(r"(?<!\d)\d{17}[\dX](?!\d)", compact):
        if id_number_error(match.group()) is None:
            return match.group()
    return None


def find_bank_card(text: str) -> str | None:
    for match in re.finditer(r"(?<!\d)\d(?:[ \t]?\d){11,18}(?!\d)", text):
        digits = re.sub(r"\D", "", match.group())
        if 12 <= len(digits) <= 19 and luhn_ok(digits):
            return digits
    return None


def _after_label(text: str, label: str) -> str | None:
    for line in text.splitlines():
        line = _compact(line)
        if line.startswith(label):
            rest = line[len(label):].lstrip(":：")
            if rest:
                return rest
    return None


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, _compact(text))
    return match.group(1) if match else None


def read_document_fields(kind: str, text: str) -> dict[str, str]:
    """The fields an onboarding document of `kind` shows; {} when none of its key fields could be read."""
    fields: dict[str, str] = {}
    if kind == "id_card_front":
        number = find_id_number(text)
        if number:
            fields["id_number"] = number
            name = _after_label(text, "姓名")
            if name:
                fields["name"] = name
    elif kind == "id_card_back":
        validity = _first(r"有效期限[:：]?(\d{4}[.\-]\d{2}[.\-]\d{2}-(?:\d{4}[.\-]\d{2}[.\-]\d{2}|长期))", text)
        if validity:
            fields["valid_until"] = validity.split("-", 1)[1] if validity.count("-") == 1 else validity
            authority = _after_label(text, "签发机关")
            if authority:
                fields["issuing_authority"] = authority
    elif kind == "bank_card":
        number = find_bank_card(text)
        if number:
            fields["bank_card"] = number
    elif kind in ("diploma", "degree"):
        school = _after_label(text, "校名") or _first(r"([\u4e00-\u9fff]{2,20}(?:大学|学院))", text)
        school = school.lstrip("在于经入从是的") if school else None
        if school:
            fields["school"] = school
            level = _first(r"(博士|硕士|学士|本科|专科)", text)
            if level:
                fields["level"] = level
    elif kind == "medical_report":
        if "体检" in text:
            fields["title"] = "体检报告"
            when = _first(r"(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})", text)
            if when:
                fields["date"] = when
    elif kind == "resignation_certificate":
        if "离职" in text:
            employer = _first(r"([\u4e00-\u9fff（）()]{2,40}(?:有限公司|公司|银行|集团))", text)
            fields["title"] = "离职证明"
            if employer:
                fields["employer"] = employer
    return fields

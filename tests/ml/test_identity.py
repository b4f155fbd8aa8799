"""ID number (GB 11643 check character and birth date), bank card (Luhn), phone formats, and document fields from OCR text."""
from __future__ import annotations

import pytest

from ml.identity import (bank_card_error, find_id_number, id_check_char, id_number_error, luhn_ok, phone_error,
                         read_document_fields)


def test_id_check_character_follows_gb_11643():
    # The standard's own worked example: 11010519491231002 -> X.
    assert id_check_char("11010519491231002") == "X"
    assert id_number_error("11010519491231002X") is None
    assert id_number_error("11010519491231002x") is None  # typed in lower case
    assert "校验" in id_number_error("110105194912310021")
    assert "出生日期" in id_number_error("110105194902301234")  # 30 February
    assert "18位" in id_number_error("1101051949123100")


@pytest.mark.parametrize("number, ok", [("4111111111111111", True), ("6222020200112233446", True),
                                        ("6222020200112233445", False), ("79927398713", None)])
def test_bank_cards_need_12_to_19_digits_and_a_luhn_check(number, ok):
    if ok is None:
        assert "12到19位" in bank_card_error(number)
    else:
        assert luhn_ok(number) is ok
        assert (bank_card_error(number) is None) is ok
    assert bank_card_error("6222 0202 0011 2233 446") is None  # spaces as printed on the card


@pytest.mark.parametrize("phone", ["13812345678", "+86 13812345678", "010-87654321", "0755-1234567"])
def test_mobile_and_landline_numbers_pass(phone):
    assert phone_error(phone) is None


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "87654321", "abc"])
def test_other_phone_numbers_are_refused(phone):
    assert phone_error(phone)


def test_fields_are_found_in_ocr_text_only_when_their_checks_pass():
    assert find_id_number("公民身份号码 11010519491231002x") == "11010519491231002X"
    assert find_id_number("公民身份号码 110105194912310021") is None  # a misread digit is not a number
    assert read_document_fields("bank_card", "中国工商银行\n6222 0202 0011 2233 446\nUnionPay") == {"bank_card": "6222020200112233446"}
    assert read_document_fields("bank_card", "6222 0202 0011 2233 445") == {}
    assert read_document_fields("diploma", "毕业证书\n学生王小明……在北京大学金融学专业本科学习") == {"school": "北京大学", "level": "本科"}
    back = read_document_fields("id_card_back", "签发机关 北京市公安局朝阳分局\n有效期限 2016.03.07-2036.03.07")
    assert back == {"valid_until": "2036.03.07", "issuing_authority": "北京市公安局朝阳分局"}
    assert read_document_fields("id_card_front", "") == {}

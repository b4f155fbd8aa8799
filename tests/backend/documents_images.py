"""Generated document photos for the onboarding tests: an ID card front with a known number, a photo too dark to read."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ml.identity import id_check_char

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def id_number(first17: str = "11010519900307123") -> str:
    """A resident ID number with the right GB 11643 check character."""
    return first17 + id_check_char(first17)


def id_card_front(name: str, number: str) -> bytes:
    """A JPEG shaped like the front of a resident ID card (856×540, the card's aspect), slightly blurred like a photo."""
    image = Image.new("RGB", (856, 540), (236, 240, 246))
    draw = ImageDraw.Draw(image)
    label, value, digits = (ImageFont.truetype(FONT_PATH, size) for size in (26, 30, 34))
    draw.rounded_rectangle((8, 8, 848, 532), radius=28, outline=(180, 190, 205), width=3)
    rows = [("姓名", name), ("性别", "男    民族  汉"), ("出生", "1990 年 3 月 7 日"), ("住址", "北京市朝阳区建国路88号")]
    for index, (key, text) in enumerate(rows):
        y = 60 + index * 70
        draw.text((50, y + 2), key, font=label, fill=(70, 110, 170))
        draw.text((150, y), text, font=value, fill=(20, 20, 20))
    draw.rectangle((600, 60, 800, 300), fill=(205, 212, 222))  # where the portrait is printed
    draw.text((50, 430), "公民身份号码", font=label, fill=(70, 110, 170))
    draw.text((250, 426), number, font=digits, fill=(20, 20, 20))
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def dark_photo() -> bytes:
    """A photo taken in the dark: almost black, nothing legible."""
    image = Image.new("RGB", (1200, 800), (12, 12, 14))
    draw = ImageDraw.Draw(image)
    draw.text((300, 380), "国徽", font=ImageFont.truetype(FONT_PATH, 40), fill=(16, 16, 18))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()

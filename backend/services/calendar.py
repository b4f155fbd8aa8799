"""A booking as an iCalendar (RFC 5545) event the candidate adds to their phone's calendar."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..models.scheduling import BookingKind
from .booking import BookingDetails

OPEN_WINDOW_EVENT = timedelta(minutes=30)  # an open window shows as a reminder just before its deadline
REMIND_BEFORE = timedelta(minutes=30)


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _stamp(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def booking_ics(details: BookingDetails, *, job_title: str, organization_name: str, now: datetime) -> str:
    """The booked slot (or the open window's deadline) with a reminder; no link or token (the event is shared)."""
    booking, slot = details.booking, details.slot
    if booking.kind == BookingKind.open_window and booking.deadline_at is not None:
        starts, ends = booking.deadline_at - OPEN_WINDOW_EVENT, booking.deadline_at
        summary = f"视频面试截止：{job_title}（{organization_name}）"
        description = "请在截止时间前从面试邀请链接进入，完成视频面试。"
    else:
        starts, ends = booking.starts_at, booking.ends_at
        summary = f"视频面试：{job_title}（{organization_name}）"
        description = "请提前几分钟从面试邀请链接进入，准备好摄像头、麦克风和安静的环境。"
    location = (slot.location if slot and slot.location else None) or "线上视频面试"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//QingPin//Interview booking//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "BEGIN:VEVENT", f"UID:{booking.id}@qingpin", f"DTSTAMP:{_stamp(now)}", f"DTSTART:{_stamp(starts)}", f"DTEND:{_stamp(ends)}",
        f"SUMMARY:{_text(summary)}", f"DESCRIPTION:{_text(description)}", f"LOCATION:{_text(location)}",
        f"SEQUENCE:{booking.reschedule_count}", "STATUS:CONFIRMED",
        "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_text(summary)}", f"TRIGGER:-PT{int(REMIND_BEFORE.total_seconds() // 60)}M",
        "END:VALARM", "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"

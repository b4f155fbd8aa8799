"""Onboarding exports: the first week as an iCalendar file (RFC 5545) and the HR board as CSV (opens in Excel)."""
from __future__ import annotations

import csv
import io
from datetime import datetime, time, timedelta, timezone

from ..models import utcnow
from ..models.onboarding import ChecklistTask, OnboardingCase
from ..wechat.subscribe import CHINA_TZ

FIRST_DAY_AT = time(9, 0)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    return out + [current]


def first_week_ics(case: OnboardingCase, tasks: list[ChecklistTask], *, company: str) -> str:
    """The first day's arrival at 09:00 Beijing time and every task due in the first week, as all-day items."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    start = datetime.combine(case.start_date, FIRST_DAY_AT, tzinfo=CHINA_TZ)
    events = [("arrival", start, start + timedelta(hours=1), f"入职报到：{case.position}",
               f"{company}{case.department}，直属上级：{case.manager}", case.location)]
    week_end = case.start_date + timedelta(days=6)
    for task in tasks:
        if case.start_date <= task.due_date <= week_end:
            events.append((task.key, task.due_date, None, task.title, f"负责人：{task.owner}", None))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//QingPin//Onboarding//ZH", "CALSCALE:GREGORIAN"]
    for key, begin, end, summary, description, location in events:
        lines += ["BEGIN:VEVENT", f"UID:{case.id}-{key}@qingpin", f"DTSTAMP:{stamp}"]
        if end is not None:
            lines += [f"DTSTART:{_as_utc(begin)}", f"DTEND:{_as_utc(end)}"]
        else:
            lines += [f"DTSTART;VALUE=DATE:{begin:%Y%m%d}", f"DTEND;VALUE=DATE:{begin + timedelta(days=1):%Y%m%d}"]
        lines.append(f"SUMMARY:{_escape(summary)}")
        lines.append(f"DESCRIPTION:{_escape(description)}")
        if location:
            lines.append(f"LOCATION:{_escape(location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"


def _as_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


CSV_COLUMNS = ["case_id", "name", "position", "department", "location", "manager", "start_date", "stage",
               "progress_percent", "overdue_tasks", "mismatched_documents", "mentor", "start_date_confirmed"]


def board_csv(rows: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows the Chinese text right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
    return "\ufeff".encode() + buffer.getvalue().encode()


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to Excel (CSV injection); quote it as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text

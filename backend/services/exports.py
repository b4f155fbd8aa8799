"""Excel exports of an organization's applications and analytics tables: openpyxl in write-only mode (rows streamed,
constant memory), Chinese headers, times in China time; every export is an event on the log."""
from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlmodel import Session, func, select

from ..errors import Invalid
from ..models import Application, Candidate, Job
from ..models.results import InterviewResult
from ..wechat.subscribe import CHINA_TZ
from . import analytics
from .applications import Actor, record_org_event

log = logging.getLogger(__name__)
MAX_ROWS = 100_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
APPLICATION_HEADERS = ("候选人", "手机", "邮箱", "职位", "阶段", "投递时间", "最近更新", "面试得分", "评分状态", "结果已发布")


def _local(value: datetime | None):
    """Excel has no time zones: China wall-clock time, to the second."""
    return None if value is None else value.astimezone(CHINA_TZ).replace(tzinfo=None, microsecond=0)


def workbook_bytes(sheets: Iterable[tuple[str, Iterable[str], Iterable[Iterable]]]) -> bytes:
    """One sheet per (title, headers, rows), streamed through a write-only workbook."""
    from openpyxl import Workbook  # ~0.2 s to import: when an export is asked for, not in every web worker's start

    book = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def application_rows(session: Session, *, scope: analytics.Scope, state: str | None, labels: Mapping[str, str]):
    """The scope's applications, newest first, as export rows (read in batches)."""
    conditions = scope.application_conditions()
    if state:
        conditions.append(Application.state == state)
    total = session.exec(select(func.count()).select_from(Application).where(*conditions)).one()
    if total > MAX_ROWS:
        raise Invalid(f"{total} applications: an export holds at most {MAX_ROWS}; narrow the job or dates",
                      reason="export_too_large")
    query = (select(Candidate.name, Candidate.phone, Candidate.email, Job.title, Application.state, Application.created_at,
                    Application.updated_at, InterviewResult.overall, InterviewResult.status, InterviewResult.released_at)
             .join(Candidate, Candidate.id == Application.candidate_id).join(Job, Job.id == Application.job_id)
             .outerjoin(InterviewResult, InterviewResult.application_id == Application.id)
             .where(*conditions).order_by(Application.created_at.desc()).execution_options(yield_per=2000))

    def rows():
        for name, phone, email, title, state, created, updated, overall, status, released in session.execute(query):
            yield (name, phone, email, title, labels.get(state, state), _local(created), _local(updated), overall, status,
                   "是" if released else "否")

    return total, rows()


def export_applications(session: Session, *, scope: analytics.Scope, state: str | None, labels: Mapping[str, str],
                        actor: Actor) -> bytes:
    total, rows = application_rows(session, scope=scope, state=state, labels=labels)
    data = workbook_bytes([("候选人", APPLICATION_HEADERS, rows)])
    _logged(session, scope=scope, actor=actor, what="applications", rows=total, state=state)
    return data


def _ratio(value):
    return None if value is None else round(value * 100, 1)


def analytics_sheets(tables: dict, labels: Mapping[str, str]) -> list[tuple[str, tuple, list]]:
    """The analytics tables (services.analytics.overview) as sheets with Chinese headers."""
    label = lambda state: labels.get(state, state)  # noqa: E731
    agreement = tables["ai_agreement"]
    return [
        ("漏斗", ("阶段", "到达人数", "转化率(%)", "占投递(%)"),
         [(label(r["state"]), r["reached"], _ratio(r["conversion"]), _ratio(r["share_of_applied"])) for r in tables["funnel"]]),
        ("流失", ("阶段", "到达人数", "停留中", "未通过", "已撤回", "流失率(%)"),
         [(label(r["state"]), r["reached"], r["waiting"], r["rejected"], r["withdrawn"], _ratio(r["drop_rate"]))
          for r in tables["drop_off"]]),
        ("阶段用时", ("阶段", "样本数", "中位数(小时)", "P90(小时)"),
         [(label(r["state"]), r["n"], r["median_hours"], r["p90_hours"]) for r in tables["stage_times"]["stages"]]
         + [("面试完成→决定", tables["stage_times"]["time_to_decision"]["n"],
             tables["stage_times"]["time_to_decision"]["median_hours"], tables["stage_times"]["time_to_decision"]["p90_hours"])]),
        ("未通过原因", ("原因代码", "原因", "人数", "占比(%)"),
         [(r["code"], r["label"], r["count"], _ratio(r["share"])) for r in tables["rejection_reasons"]]),
        ("AI与人工一致性", ("项目", "数值"),
         [("已决定", agreement["decided"]), ("一致", agreement["agreed"]), ("一致率(%)", _ratio(agreement["agreement_rate"])),
          ("AI建议通过·人工通过", agreement["proposed_advanced"]), ("AI建议通过·人工未通过", agreement["proposed_rejected"]),
          ("AI未建议·人工通过", agreement["not_proposed_advanced"]), ("AI未建议·人工未通过", agreement["not_proposed_rejected"]),
          ("待决定", agreement["undecided"]), ("影子模式", agreement["shadow_mode"])]),
        ("每日", ("日期", "邀请", "预约", "完成面试"),
         [(r["date"], r["invitations"], r["bookings"], r["completions"]) for r in tables["daily"]]),
    ]


def export_analytics(session: Session, *, scope: analytics.Scope, labels: Mapping[str, str], actor: Actor) -> bytes:
    data = workbook_bytes(analytics_sheets(analytics.overview(session, scope=scope), labels))
    _logged(session, scope=scope, actor=actor, what="analytics", rows=None)
    return data


def _logged(session: Session, *, scope: analytics.Scope, actor: Actor, what: str, rows: int | None, **filters) -> None:
    filters = {"job_id": str(scope.job_id) if scope.job_id else None,
               "date_from": scope.date_from.isoformat() if scope.date_from else None,
               "date_to": scope.date_to.isoformat() if scope.date_to else None, **filters}
    record_org_event(session, organization_id=scope.organization_id, kind="export_downloaded", actor=actor,
                     data={"what": what, "rows": rows, "filters": filters})
    log.info("export %s by %s: %s rows, filters %s", what, actor.id, rows, filters)

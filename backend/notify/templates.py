"""The notification templates: their values, Chinese texts for e-mail and the inbox, and their WeChat fields."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from ..wechat.subscribe import CHINA_TZ, TEMPLATE_LAYOUTS

# Filled by the notify service from the application (callers may override job_title).
AUTO_VALUES = ("candidate_name", "company", "job_title")
SIGNATURE = "\n\n——{company}招聘团队\n（本消息由轻聘系统发送，请勿直接回复）"

# Standardized rejection feedback: a short line that fits a WeChat `thing` field and the full text.
# HR picks a code; free text is not sent, so every candidate gets the same respectful wording.
STANDARD_FEEDBACK: Mapping[str, tuple[str, str]] = MappingProxyType({
    "skills_mismatch": (
        "技能与岗位要求匹配度不足",
        "经过综合评估，你的技能与该岗位当前的要求匹配度不足。建议关注岗位描述中的核心技能，并通过项目实践加以提升。",
    ),
    "experience": (
        "相关经验暂不满足岗位要求",
        "经过综合评估，你的相关工作经验暂时不满足该岗位的要求。欢迎在积累更多经验后再次申请。",
    ),
    "competition": (
        "本次竞争激烈，暂未入选",
        "本次岗位竞争激烈，综合比较后你暂未能进入下一轮。这并不代表对你能力的否定，欢迎关注我们的其他岗位。",
    ),
    "position_filled": (
        "该岗位已招满",
        "该岗位已完成招聘。我们会保留你的资料，有合适的机会时再与你联系。",
    ),
    "general": (
        "感谢你的时间，祝求职顺利",
        "经过慎重考虑，我们暂时无法为你提供该岗位的下一步机会。",
    ),
})


@dataclass(frozen=True)
class MessageTemplate:
    """One notification: the values it needs, its subject and body (str.format), and WeChat key -> value name."""

    name: str
    subject: str
    body: str
    wechat: Mapping[str, str]
    required: tuple[str, ...] = ()
    defaults: Mapping[str, str] = field(default_factory=dict)
    times: tuple[str, ...] = ()  # values that are timezone-aware datetimes
    dates: tuple[str, ...] = ()  # values that are dates

    @property
    def allowed(self) -> set[str]:
        return set(AUTO_VALUES) | set(self.required) | set(self.defaults)


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    wechat_values: dict  # WeChat data key -> raw value (format_message validates and truncates it)


TEMPLATES: Mapping[str, MessageTemplate] = MappingProxyType({t.name: t for t in (
    MessageTemplate(
        name="invitation",
        subject="【轻聘】{company}邀请你参加「{job_title}」面试",
        body="{candidate_name}，你好：\n\n{company}邀请你参加「{job_title}」岗位的视频面试。"
             "请在{deadline}前打开微信小程序「轻聘」，选择方便的面试时间。\n\n"
             "面试时请准备安静、光线充足的环境，并提前检查摄像头和麦克风。",
        wechat={"name1": "candidate_name", "thing2": "job_title", "thing3": "company", "date4": "deadline"},
        required=("deadline",), dates=("deadline",),
    ),
    MessageTemplate(
        name="booking_confirmed",
        subject="【轻聘】面试预约成功：{job_title}",
        body="{candidate_name}，你好：\n\n你已成功预约「{job_title}」的面试，时间为{starts_at}（北京时间）。{tip}\n\n"
             "如需改期或取消，请在微信小程序「轻聘」中操作。",
        wechat={"thing1": "job_title", "time2": "starts_at", "thing3": "tip"},
        required=("starts_at",), defaults={"tip": "请提前调试摄像头和麦克风"}, times=("starts_at",),
    ),
    MessageTemplate(
        name="reminder",
        subject="【轻聘】面试提醒：「{job_title}」将于{starts_at}开始",
        body="{candidate_name}，你好：\n\n你预约的「{job_title}」面试将于{starts_at}（北京时间）开始，距现在约1小时。{tip}",
        wechat={"thing1": "job_title", "time2": "starts_at", "thing3": "tip"},
        required=("starts_at",), defaults={"tip": "请提前进入并调试设备"}, times=("starts_at",),
    ),
    MessageTemplate(
        name="not_booked_nudge",
        subject="【轻聘】请尽快预约「{job_title}」的面试时间",
        body="{candidate_name}，你好：\n\n{company}邀请你参加「{job_title}」的面试，你还没有选择面试时间。"
             "请在{deadline}前打开微信小程序「轻聘」完成预约。",
        wechat={"thing1": "job_title", "date2": "deadline", "thing3": "tip"},
        required=("deadline",), defaults={"tip": "请尽快选择面试时间"}, dates=("deadline",),
    ),
    MessageTemplate(
        name="answers_received",
        subject="【轻聘】已收到你的面试作答：{job_title}",
        body="{candidate_name}，你好：\n\n我们已于{submitted_at}（北京时间）收到你在「{job_title}」面试中的全部作答。"
             "结果出来后会第一时间通知你。",
        wechat={"thing1": "job_title", "time2": "submitted_at", "phrase3": "status"},
        required=("submitted_at",), defaults={"status": "已提交"}, times=("submitted_at",),
    ),
    MessageTemplate(
        name="result_available",
        subject="【轻聘】「{job_title}」面试结果已出",
        body="{candidate_name}，你好：\n\n你参加的「{job_title}」面试结果已经出来，请打开微信小程序「轻聘」查看。",
        wechat={"thing1": "job_title", "phrase2": "status", "thing3": "tip"},
        defaults={"status": "已出结果", "tip": "请进入小程序查看详情"},
    ),
    MessageTemplate(
        name="next_round",
        subject="【轻聘】恭喜进入下一轮：{job_title}",
        body="{candidate_name}，你好：\n\n恭喜！你已进入「{job_title}」的{round_name}，时间为{starts_at}（北京时间）。"
             "请留意后续通知，并提前做好准备。",
        wechat={"thing1": "job_title", "thing2": "round_name", "time3": "starts_at"},
        required=("round_name", "starts_at"), times=("starts_at",),
    ),
    MessageTemplate(
        name="rejection",
        subject="【轻聘】「{job_title}」面试结果通知",
        body="{candidate_name}，你好：\n\n感谢你参加「{job_title}」的面试。经过认真评估，很遗憾你暂未通过本轮面试。\n\n"
             "{feedback}\n\n我们会保留你的资料，祝你求职顺利！",
        wechat={"thing1": "job_title", "phrase2": "status", "thing3": "feedback_short"},
        required=("feedback_code",), defaults={"status": "未通过"},
    ),
    MessageTemplate(
        name="offer",
        subject="【轻聘】录用通知：{company}「{job_title}」",
        body="{candidate_name}，你好：\n\n恭喜你被{company}录用为{department}「{job_title}」！"
             "入职日期为{start_date}，报到地点：{location}，你的直属上级是{manager}。\n\n"
             "请打开入职页面 {login_url} ，用招聘人员另行提供的一次性验证码登录，确认个人信息、上传入职材料并阅读员工手册。",
        wechat={"thing1": "job_title", "date2": "start_date", "thing3": "location"},
        required=("department", "start_date", "location", "manager", "login_url"), dates=("start_date",),
    ),
    MessageTemplate(
        name="request_answered",
        subject="【轻聘】你的{request_label}申请已有答复",
        body="{candidate_name}，你好：\n\n你就「{job_title}」面试提出的{request_label}申请，招聘方已答复：\n\n{response}",
        wechat={"thing1": "job_title", "phrase2": "status", "thing3": "tip"},
        required=("request_label", "response"), defaults={"status": "已答复", "tip": "答复全文请在小程序中查看"},
    ),
    MessageTemplate(
        name="onboarding_task",
        subject="【轻聘】入职待办提醒：{task_title}",
        body="{candidate_name}，你好：\n\n你的入职待办「{task_title}」将于{due_date}到期，请尽快在入职页面完成。{tip}",
        wechat={"thing1": "task_title", "date2": "due_date", "thing3": "tip"},
        required=("task_title", "due_date"), defaults={"tip": "如有疑问请联系招聘人员"}, dates=("due_date",),
    ),
    MessageTemplate(
        name="mentor_assigned",
        subject="【轻聘】入职导师：{mentor_name}",
        body="{candidate_name}，你好：\n\n{company}为你安排了入职导师{mentor_name}（{mentor_department}），"
             "入职后他/她会帮助你熟悉「{job_title}」的工作。{tip}",
        wechat={"name1": "mentor_name", "thing2": "job_title", "thing3": "tip"},
        required=("mentor_name", "mentor_department"), defaults={"tip": "入职第一周导师会与你联系"},
    ),
    MessageTemplate(
        name="mentee_assigned",
        subject="【轻聘】带教安排：新同事{mentee_name}",
        body="{candidate_name}，你好：\n\n你已被确认为新同事{mentee_name}（{mentee_position}）的入职导师，"
             "对方将于{start_date}入职。感谢你的支持！",
        wechat={"name1": "mentee_name", "thing2": "mentee_position", "date3": "start_date"},
        required=("mentee_name", "mentee_position", "start_date"), dates=("start_date",),
    ),
)})

assert set(TEMPLATES) == set(TEMPLATE_LAYOUTS), "every subscribe layout needs a message template"
for _template in TEMPLATES.values():
    assert set(_template.wechat) == set(TEMPLATE_LAYOUTS[_template.name][1]), _template.name


def display_time(value: dt.datetime) -> str:
    """A moment as candidates read it: Beijing time, e.g. 2026年11月22日 14:30."""
    local = value.astimezone(CHINA_TZ)
    return f"{local.year}年{local.month}月{local.day}日 {local.hour:02d}:{local.minute:02d}"


def display_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def decode_values(template: MessageTemplate, payload: Mapping[str, Any]) -> dict:
    """The stored JSON payload back into typed values (aware datetimes and dates)."""
    values = dict(payload)
    for key in template.times:
        values[key] = dt.datetime.fromisoformat(values[key])
    for key in template.dates:
        values[key] = dt.date.fromisoformat(values[key])
    return values


def render(template: MessageTemplate, values: Mapping[str, Any]) -> RenderedMessage:
    """Subject and plain-text body (Chinese), and the raw WeChat field values, from typed values."""
    merged = {**template.defaults, **values}
    if template.name == "rejection":
        merged["feedback_short"], merged["feedback"] = STANDARD_FEEDBACK[merged["feedback_code"]]
    text_values = dict(merged)
    for key in template.times:
        text_values[key] = display_time(merged[key])
    for key in template.dates:
        text_values[key] = display_date(merged[key])
    subject = " ".join(template.subject.format(**text_values).split())  # one header line, whatever the values hold
    body = template.body.format(**text_values) + SIGNATURE.format(**text_values)
    return RenderedMessage(subject=subject, body=body, wechat_values={key: merged[name] for key, name in template.wechat.items()})

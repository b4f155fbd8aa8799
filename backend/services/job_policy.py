"""A job's thresholds and legal opt-ins as one typed object, validated once (at the API) and read everywhere else.

Opt-ins (`auto_advance`, `auto_release`, `shadow_mode`) are strict booleans: only an explicit `true` opts in.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, ValidationError

from ml.calibration import MIN_INTERVIEWS

from ..models import Job

DEFAULT_POOL_TOP_PERCENT = 30.0
# Human-scored interviews a job needs before it is calibrated, unless the job says otherwise (never below
# ml.calibration.MIN_INTERVIEWS).
DEFAULT_MIN_INTERVIEWS = 20
Percent = StrictInt | StrictFloat


class JobPolicy(BaseModel):
    """What `Job.thresholds` holds. Unknown keys are kept (HR's own notes) but read by nothing."""

    model_config = ConfigDict(extra="allow", frozen=True)

    auto_advance_score: Percent | None = Field(None, ge=0, le=100)
    interview_pool_top_percent: Percent = Field(DEFAULT_POOL_TOP_PERCENT, ge=0, le=100)
    calibration_min_interviews: StrictInt | None = Field(None, ge=MIN_INTERVIEWS, le=100_000)
    shadow_mode: StrictBool = False  # AI scores shown to HR, no proposals until agreement is shown
    auto_advance: StrictBool = False  # advance at auto_advance_score instead of proposing; logged; never a rejection
    auto_release: StrictBool = False  # the candidate sees the result as soon as it is decided

    @property
    def min_interviews(self) -> int:
        return max(self.calibration_min_interviews or DEFAULT_MIN_INTERVIEWS, MIN_INTERVIEWS)

    def rollup_thresholds(self) -> dict:
        """The thresholds ml.rollup.propose reads."""
        return {} if self.auto_advance_score is None else {"auto_advance_score": float(self.auto_advance_score)}


def policy_errors(thresholds: dict) -> dict[str, list[str]]:
    """Field -> messages for thresholds that do not make a valid JobPolicy (empty when valid)."""
    try:
        JobPolicy.model_validate(thresholds)
    except ValidationError as exc:
        errors: dict[str, list[str]] = {}
        for error in exc.errors():
            errors.setdefault(".".join(str(p) for p in error["loc"]) or "thresholds", []).append(error["msg"])
        return errors
    return {}


def job_policy(job: Job) -> JobPolicy:
    return JobPolicy.model_validate(job.thresholds or {})

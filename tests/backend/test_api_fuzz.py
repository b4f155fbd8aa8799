"""Property-based fuzzing of every documented operation (schemathesis): whatever the input, never a 500.

Runs on the SQLite app (the PostgreSQL half of the suite covers the same code paths) as three callers: an HR admin,
a candidate, and nobody. Bounded examples keep it quick; a failure names the operation and the request.
"""
from __future__ import annotations

import collections

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from .helpers import JOB, create_job, hire, invite_candidate

EXAMPLES_PER_OPERATION = 6


# On the SQLite app only: the PostgreSQL half of the suite covers the same code paths, and this keeps the suite short.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_operation_answers_500(app, make_hr, database_url):
    client = app.test_client()
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    second = client.post(f"/api/jobs/{job['id']}/questions", headers=hr, json=dict(JOB["questions"][0], text="第二题")).json
    slot = client.post(f"/api/jobs/{job['id']}/slots", headers=hr, json={
        "starts_at": "2030-01-01T09:00:00+08:00", "ends_at": "2030-01-01T10:00:00+08:00"}).json
    answer = client.post(f"/api/candidate/questions/{job['questions'][0]['id']}/start", headers=me).json
    case, employee = hired_employee(app, client, hr, job)
    course = client.post("/api/onboarding/courses", headers=hr, json={"title": "合规基础课程", "competency": "沟通能力"}).json
    mentor = client.post("/api/onboarding/employees", headers=hr, json={"name": "李导师", "is_mentor": True,
                                                                         "mentor_capacity": 1}).json
    # Real objects behind the path parameters, so the fuzzed bodies reach the code (random ids only reach a 404).
    ids = {"job_id": job["id"], "question_id": second["id"], "application_id": application["id"], "slot_id": slot["id"],
           "answer_id": answer["answer_id"], "candidate_id": application["candidate_id"], "case_id": case["case_id"],
           "task_id": case["task_id"], "course_id": course["id"], "employee_id": mentor["id"]}
    callers = {"hr": hr, "candidate": me, "employee": employee, "anonymous": {}}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 60  # the whole documented API, not a slice of it
    failures = []
    statuses = collections.Counter()
    for operation in operations:
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            for name in list(case.path_parameters or {}):
                if name in ids:
                    case.path_parameters[name] = ids[name]
            for headers in callers.values():
                response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
                statuses[response.status_code // 100] += 1

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:400]}")
    assert not failures, "\n".join(failures)
    # The fuzzed requests got past authentication and validation often enough to exercise the code behind them.
    assert statuses[2] >= 40, statuses


def hired_employee(app, client, hr, job) -> tuple[dict, dict]:
    """An onboarding case (with one of its tasks) and its employee's headers."""
    decided, employee = hire(client, app, hr, job, "丙")
    task = client.get("/api/onboard/tasks", headers=employee).json[0]
    return {"case_id": decided["onboarding"]["case_id"], "task_id": task["id"]}, employee

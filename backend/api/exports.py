"""Excel downloads of the application list and the analytics tables (admins and recruiters; every download logged)."""
from __future__ import annotations

import io

import marshmallow as ma
from flask import send_file
from flask.views import MethodView

from ..db import get_session
from ..models import ApplicationState, utcnow
from ..services import exports
from ..services.applications import Actor
from .analytics import READERS, AnalyticsQuerySchema, scope_of
from .blueprint import Blueprint
from .candidates import STATE_LABELS
from .security import BEARER, current_hr

blp = Blueprint("exports", __name__, url_prefix="/api/exports", description="Excel exports (HR)")
XLSX_RESPONSE = {"200": {"description": "an .xlsx workbook",
                         "content": {exports.XLSX: {"schema": {"type": "string", "format": "binary"}}}}}


class ApplicationExportQuerySchema(AnalyticsQuerySchema):
    state = ma.fields.String(validate=ma.validate.OneOf([s.value for s in ApplicationState]))


def _download(data: bytes, name: str):
    response = send_file(io.BytesIO(data), mimetype=exports.XLSX, as_attachment=True,
                         download_name=f"{name}-{utcnow().astimezone(exports.CHINA_TZ):%Y%m%d-%H%M}.xlsx")
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blp.route("/applications.xlsx")
class ApplicationsExport(MethodView):
    @blp.doc(security=[BEARER], responses=XLSX_RESPONSE)
    @blp.arguments(ApplicationExportQuerySchema, location="query")
    def get(self, query):
        """The application list (filtered by job, state and creation days) as an Excel workbook"""
        scope = scope_of(query)
        principal = current_hr(*READERS)
        data = exports.export_applications(get_session(), scope=scope, state=query.get("state"), labels=STATE_LABELS,
                                           actor=Actor("hr", principal.user_id))
        return _download(data, "applications")


@blp.route("/analytics.xlsx")
class AnalyticsExport(MethodView):
    @blp.doc(security=[BEARER], responses=XLSX_RESPONSE)
    @blp.arguments(AnalyticsQuerySchema, location="query")
    def get(self, query):
        """Every analytics table (funnel, drop-off, stage times, rejection reasons, AI agreement, daily) as one workbook"""
        scope = scope_of(query)
        principal = current_hr(*READERS)
        data = exports.export_analytics(get_session(), scope=scope, labels=STATE_LABELS, actor=Actor("hr", principal.user_id))
        return _download(data, "analytics")

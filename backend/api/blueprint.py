"""The Blueprint every API module uses: flask-smorest's, with the strict argument parser (api/parsing.py) and bounded
pagination (a page number far past any data is a 422, not a database overflow)."""
from __future__ import annotations

import functools

import flask_smorest
from flask import request

from ..errors import Invalid
from .parsing import QingPinParser

MAX_PAGE = 1_000_000  # with at most 100 items a page, offsets stay far inside every database's integer range


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = QingPinParser()

    def paginate(self, *args, **kwargs):
        paginated = super().paginate(*args, **kwargs)

        def decorator(func):
            view = paginated(func)

            @functools.wraps(view)
            def bounded(*view_args, **view_kwargs):
                page = request.args.get("page", "")
                if page.isdecimal() and int(page) > MAX_PAGE:
                    raise Invalid(f"page must be at most {MAX_PAGE}", reason="page_out_of_range",
                                  errors={"page": [f"1..{MAX_PAGE}"]})
                return view(*view_args, **view_kwargs)

            return bounded

        return decorator

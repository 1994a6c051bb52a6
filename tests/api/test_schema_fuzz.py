"""Property-based requests generated from the OpenAPI spec, sent to the live server:
no input may cause a 500, and responses must match their declared content type and schema.

The spec comes from the app itself (it does not depend on the database), so the test
cases are known at collection time; each request goes over HTTP to the uvicorn fixture.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (content_type_conformance,  # noqa: E402
                                               response_schema_conformance)

from dyads.api import create_app  # noqa: E402

SPEC = create_app("spec-only.duckdb", kb_loader=None).openapi()
schema = schemathesis.openapi.from_dict(SPEC)


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, live):
    case.call_and_validate(base_url=live.url, timeout=10, checks=[
        not_a_server_error, content_type_conformance, response_schema_conformance])

"""Shared fixtures: the real spaCy model and resources, loaded once per test process."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCHEMA = REPO / "src" / "dyads" / "schema" / "output.schema.json"


@pytest.fixture(scope="session")
def resources():
    from dyads.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp


@pytest.fixture(scope="session")
def output_validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def shared_dir():
    if not (SHARED / "seed" / "seed.txt").is_file():
        pytest.skip("../shared is not beside the repo")
    return SHARED


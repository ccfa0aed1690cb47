"""The published JSON Schema matches the model and accepts what the program accepts."""

from __future__ import annotations

import json

import jsonschema

from siteplanner.fileformat.schema import schema_text
from siteplanner.resources import resource, sample_plan_path


def published() -> dict:
    return json.loads(resource("schema", "siteplan.schema.json").read_text(encoding="utf-8"))


def test_published_schema_is_current():
    assert resource("schema", "siteplan.schema.json").read_text(encoding="utf-8") == schema_text()


def test_sample_validates_against_the_schema():
    jsonschema.validate(json.loads(sample_plan_path().read_text(encoding="utf-8")), published())


def test_schema_rejects_a_negative_height():
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["levels"][0]["cameras"][0]["height_m"] = -1
    errors = list(jsonschema.Draft202012Validator(published()).iter_errors(data))
    assert any(list(e.absolute_path)[-1] == "height_m" for e in errors)

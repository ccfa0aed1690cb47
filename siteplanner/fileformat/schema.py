"""The JSON Schema of the plan format, generated from the model.

The published copy lives in ``resources/schema/siteplan.schema.json``; regenerate it with
``python -m siteplanner.fileformat.schema`` after changing the model (a test checks they agree).
"""

from __future__ import annotations

import json
import sys

from siteplanner.model import FORMAT_VERSION, Plan
from siteplanner.resources import resource

SCHEMA_ID = "https://siteplanner.example/schema/siteplan-v1.json"


def plan_schema() -> dict:
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"SitePlanner plan, format version {FORMAT_VERSION}"
    schema["description"] = (
        "A .siteplan file: UTF-8 JSON. Lengths in metres, plan coordinates [x, y] with x east "
        "and y north, angles in degrees (pan counter-clockwise from +x, tilt below the "
        "horizontal). Ids are unique across the whole plan: no two objects on any levels share "
        "one, nor do two levels. Unknown keys are allowed and kept."
    )
    return schema


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    path = resource("schema", "siteplan.schema.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

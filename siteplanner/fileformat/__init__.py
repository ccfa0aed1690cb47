"""Plan files: load, validate (errors carry a field path), migrate, save atomically."""

from siteplanner.fileformat.io import (
    MIGRATIONS,
    PlanFileError,
    atomic_write_text,
    dumps_plan,
    field_path,
    image_file_problem,
    load_plan,
    loads_plan,
    migrate,
    plan_from_data,
    plan_to_data,
    read_regular_file,
    save_plan,
)

__all__ = [
    "MIGRATIONS",
    "PlanFileError",
    "atomic_write_text",
    "dumps_plan",
    "field_path",
    "load_plan",
    "loads_plan",
    "image_file_problem",
    "migrate",
    "plan_from_data",
    "plan_to_data",
    "read_regular_file",
    "save_plan",
]

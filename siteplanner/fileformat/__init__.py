"""Plan files: load, validate (errors carry a field path), migrate, save atomically."""

from siteplanner.fileformat.io import (
    MIGRATIONS,
    PlanFileError,
    atomic_write_text,
    bounded,
    check_text,
    clip,
    dumps_plan,
    field_path,
    load_plan,
    loads_plan,
    migrate,
    plan_from_data,
    plan_to_data,
    printable,
    quote,
    save_plan,
)

__all__ = [
    "MIGRATIONS",
    "PlanFileError",
    "atomic_write_text",
    "bounded",
    "check_text",
    "clip",
    "dumps_plan",
    "field_path",
    "load_plan",
    "loads_plan",
    "migrate",
    "plan_from_data",
    "plan_to_data",
    "printable",
    "quote",
    "save_plan",
]

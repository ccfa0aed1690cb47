"""The camera catalogue: generic models whose optics fill a camera's keys.

The catalogue is ``resources/catalogue/cameras.json``. Each model carries the plan format's
``camera_models`` keys (``id``, ``name``, ``hfov_deg``, ``vfov_deg``, ``resolution``, ``range_m``,
``face_recognition``) plus ``kind`` (dome, bullet, turret, terminal, varifocal), ``lens_mm`` and
``sensor``. Angles are degrees, lengths metres, focal lengths and sensor sizes millimetres.

A fixed-lens model's angles are datasheet values. A varifocal model gives ``lens_mm`` as
``[f_min, f_max]`` and its sensor's active ``width_mm``/``height_mm``; its angles at focal length f
follow the pinhole relation ``fov = 2·atan(sensor / (2·f))``, and ``hfov_max_deg``/``hfov_min_deg``
(wide and tele ends) must agree with it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from siteplanner.model import Camera, CameraModel, Plan
from siteplanner.resources import resource

KINDS = ("dome", "bullet", "turret", "terminal", "varifocal")
# Keys a model supplies to a camera; choosing a model clears the camera's own values for them.
OPTIC_KEYS = ("hfov_deg", "vfov_deg", "resolution", "range_m", "face_recognition")
# Tolerance (degrees) between stated angles and the pinhole relation for varifocal models.
ANGLE_TOLERANCE_DEG = 0.5


class CatalogueError(ValueError):
    """A catalogue file that cannot be used; str() names the file and the field."""

    def __init__(self, file: str, field: str, message: str) -> None:
        super().__init__(f"{file}: {field}: {message}" if field else f"{file}: {message}")
        self.file = file
        self.field = field
        self.message = message


def fov_deg(sensor_mm: float, focal_mm: float) -> float:
    """Pinhole field of view (degrees) across a sensor side of ``sensor_mm`` at ``focal_mm``."""
    return math.degrees(2.0 * math.atan(sensor_mm / (2.0 * focal_mm)))


def focal_for_fov(sensor_mm: float, fov: float) -> float:
    """The focal length (mm) giving the pinhole field of view ``fov`` degrees."""
    return sensor_mm / (2.0 * math.tan(math.radians(fov) / 2.0))


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    kind: str
    hfov_deg: float
    vfov_deg: float
    resolution: tuple[int, int]
    range_m: float
    face_recognition: bool
    lens_mm: float | tuple[float, float]
    sensor: dict[str, Any] = field(default_factory=dict)
    hfov_min_deg: float | None = None
    hfov_max_deg: float | None = None
    name_zh: str | None = None  # the name shown in the Chinese interface

    def display_name(self, language: str = "en") -> str:
        return self.name_zh if language.startswith("zh") and self.name_zh else self.name

    @property
    def is_varifocal(self) -> bool:
        return isinstance(self.lens_mm, tuple)

    @property
    def focal_range(self) -> tuple[float, float]:
        if isinstance(self.lens_mm, tuple):
            return self.lens_mm
        return (self.lens_mm, self.lens_mm)

    def optics_at(self, focal_mm: float | None = None) -> tuple[float, float]:
        """(hfov, vfov) in degrees; for a varifocal at ``focal_mm`` (default: the wide end)."""
        if not self.is_varifocal:
            if focal_mm is not None and abs(focal_mm - self.focal_range[0]) > 1e-9:
                raise ValueError(f"{self.name} has a fixed {self.lens_mm} mm lens")
            return self.hfov_deg, self.vfov_deg
        f_min, f_max = self.focal_range
        f = f_min if focal_mm is None else float(focal_mm)
        if not f_min - 1e-9 <= f <= f_max + 1e-9:
            raise ValueError(f"focal length {f:g} mm is outside {f_min:g}-{f_max:g} mm")
        return fov_deg(self.sensor["width_mm"], f), fov_deg(self.sensor["height_mm"], f)

    def model_data(self) -> dict[str, Any]:
        """The entry as a plan ``camera_models`` item (with the extras kept)."""
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "hfov_deg": self.hfov_deg,
            "vfov_deg": self.vfov_deg,
            "resolution": list(self.resolution),
            "range_m": self.range_m,
            "face_recognition": self.face_recognition,
            "kind": self.kind,
            "lens_mm": list(self.lens_mm) if isinstance(self.lens_mm, tuple) else self.lens_mm,
        }
        if self.sensor:
            data["sensor"] = dict(self.sensor)
        if self.name_zh:
            data["name_zh"] = self.name_zh
        if self.is_varifocal:
            data["hfov_min_deg"] = self.hfov_min_deg
            data["hfov_max_deg"] = self.hfov_max_deg
        return data


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[CatalogueEntry, ...]
    file: str = ""

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, model_id: str | None) -> CatalogueEntry | None:
        return next((e for e in self.entries if e.id == model_id), None)


def catalogue_path() -> Path:
    return resource("catalogue", "cameras.json")


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check a catalogue file; raises ``CatalogueError`` naming the file and field."""
    p = Path(path) if path is not None else catalogue_path()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogueError(str(p), "", f"cannot read: {e.strerror or e}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CatalogueError(str(p), "", f"not valid JSON (line {e.lineno}: {e.msg})") from None
    return parse_catalogue(data, str(p))


def _num(item: dict[str, Any], key: str, where: str, file: str, lo: float, hi: float) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise CatalogueError(file, f"{where}.{key}", "must be a number")
    if not lo < value < hi:
        raise CatalogueError(file, f"{where}.{key}", f"must be > {lo:g} and < {hi:g}")
    return float(value)


def parse_catalogue(data: Any, file: str = "<catalogue>") -> Catalogue:
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        raise CatalogueError(file, "models", "must be a list of camera models")
    entries: list[CatalogueEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(data["models"]):
        where = f"models[{i}]"
        if not isinstance(item, dict):
            raise CatalogueError(file, where, "must be an object")
        model_id = item.get("id")
        if not isinstance(model_id, str) or not model_id:
            raise CatalogueError(file, f"{where}.id", "must be a non-empty string")
        if model_id in seen:
            raise CatalogueError(file, f"{where}.id", f"duplicate id {model_id!r}")
        seen.add(model_id)
        name = item.get("name", model_id)
        if not isinstance(name, str):
            raise CatalogueError(file, f"{where}.name", "must be a string")
        name_zh = item.get("name_zh")
        if name_zh is not None and not isinstance(name_zh, str):
            raise CatalogueError(file, f"{where}.name_zh", "must be a string")
        kind = item.get("kind")
        if kind not in KINDS:
            raise CatalogueError(file, f"{where}.kind", f"must be one of {', '.join(KINDS)}")
        hfov = _num(item, "hfov_deg", where, file, 0, 180)
        vfov = _num(item, "vfov_deg", where, file, 0, 180)
        res = item.get("resolution")
        if (
            not isinstance(res, list)
            or len(res) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in res)
        ):
            raise CatalogueError(file, f"{where}.resolution", "must be [width, height] in pixels")
        range_m = _num(item, "range_m", where, file, 0, math.inf)
        face = item.get("face_recognition", False)
        if not isinstance(face, bool):
            raise CatalogueError(file, f"{where}.face_recognition", "must be true or false")
        sensor = item.get("sensor", {})
        if not isinstance(sensor, dict):
            raise CatalogueError(file, f"{where}.sensor", "must be an object")
        lens = item.get("lens_mm")
        hfov_min = hfov_max = None
        lens_value: float | tuple[float, float]
        if kind == "varifocal":
            if (
                not isinstance(lens, list)
                or len(lens) != 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in lens)
                or not 0 < lens[0] < lens[1]
            ):
                raise CatalogueError(
                    file,
                    f"{where}.lens_mm",
                    "a varifocal needs [f_min, f_max] with 0 < f_min < f_max",
                )
            lens_value = (float(lens[0]), float(lens[1]))
            sw = _num(sensor, "width_mm", f"{where}.sensor", file, 0, 100)
            sh = _num(sensor, "height_mm", f"{where}.sensor", file, 0, 100)
            hfov_max = _num(item, "hfov_max_deg", where, file, 0, 180)
            hfov_min = _num(item, "hfov_min_deg", where, file, 0, 180)
            checks = (
                ("hfov_max_deg", hfov_max, fov_deg(sw, lens_value[0])),
                ("hfov_min_deg", hfov_min, fov_deg(sw, lens_value[1])),
                ("hfov_deg", hfov, fov_deg(sw, lens_value[0])),
                ("vfov_deg", vfov, fov_deg(sh, lens_value[0])),
            )
            for key, stated, expected in checks:
                if abs(stated - expected) > ANGLE_TOLERANCE_DEG:
                    raise CatalogueError(
                        file,
                        f"{where}.{key}",
                        f"{stated:g}° disagrees with the sensor and lens "
                        f"(pinhole gives {expected:.1f}°)",
                    )
        else:
            if isinstance(lens, bool) or not isinstance(lens, int | float) or lens <= 0:
                raise CatalogueError(file, f"{where}.lens_mm", "must be a focal length in mm > 0")
            lens_value = float(lens)
        entries.append(
            CatalogueEntry(
                id=model_id,
                name=name,
                kind=kind,
                hfov_deg=hfov,
                vfov_deg=vfov,
                resolution=(res[0], res[1]),
                range_m=range_m,
                face_recognition=face,
                lens_mm=lens_value,
                sensor=dict(sensor),
                hfov_min_deg=hfov_min,
                hfov_max_deg=hfov_max,
                name_zh=name_zh,
            )
        )
    return Catalogue(tuple(entries), file)


def _same_optics(model: CameraModel, entry: CatalogueEntry) -> bool:
    return (
        model.hfov_deg is not None
        and model.vfov_deg is not None
        and abs(model.hfov_deg - entry.hfov_deg) < 1e-6
        and abs(model.vfov_deg - entry.vfov_deg) < 1e-6
        and tuple(model.resolution or ()) == entry.resolution
        and model.range_m is not None
        and abs(model.range_m - entry.range_m) < 1e-6
        and bool(model.face_recognition) == entry.face_recognition
    )


def plan_model_id(plan: Plan, entry: CatalogueEntry) -> tuple[str, bool]:
    """The plan model id to use for ``entry`` and whether it must be added to the plan.

    A plan model with the entry's id and the same optics is reused. If the plan holds a different
    model under that id (edited by the user), the entry goes in under ``id-2``, ``id-3``...
    """
    candidate = entry.id
    n = 1
    while True:
        existing = plan.camera_model(candidate)
        if existing is None:
            return candidate, True
        if _same_optics(existing, entry):
            return candidate, False
        n += 1
        candidate = f"{entry.id}-{n}"


def camera_state(camera: Camera) -> dict[str, Any]:
    """The camera keys a model choice changes, for undo."""
    state = {key: getattr(camera, key) for key in ("model", *OPTIC_KEYS)}
    state["lens_mm"] = (camera.model_extra or {}).get("lens_mm")
    return state


def restore_camera_state(camera: Camera, state: dict[str, Any]) -> None:
    for key in ("model", *OPTIC_KEYS):
        setattr(camera, key, state[key])
    extra = camera.__pydantic_extra__
    if extra is not None:
        if state.get("lens_mm") is None:
            extra.pop("lens_mm", None)
        else:
            extra["lens_mm"] = state["lens_mm"]


def apply_model(
    plan: Plan, camera: Camera, entry: CatalogueEntry, zoom: float | None = None
) -> str:
    """Give ``camera`` the catalogue model ``entry``; returns the plan model id used.

    The model is added to ``plan.camera_models`` if needed. The camera's own optics keys are
    cleared so that the model supplies them (the user may set them again to override). For a
    varifocal, ``zoom`` is the focal length in mm (default: the wide end); the camera then keeps
    its own ``hfov_deg``/``vfov_deg`` for that focal length and ``lens_mm``.
    """
    hfov, vfov = entry.optics_at(zoom)  # checks zoom before anything changes
    model_id, add = plan_model_id(plan, entry)
    if add:
        data = entry.model_data()
        data["id"] = model_id
        plan.camera_models = [*plan.camera_models, CameraModel.model_validate(data)]
    state: dict[str, Any] = {key: None for key in OPTIC_KEYS}
    state["model"] = model_id
    state["lens_mm"] = None
    if entry.is_varifocal:
        state["hfov_deg"] = round(hfov, 3)
        state["vfov_deg"] = round(vfov, 3)
        state["lens_mm"] = float(zoom) if zoom is not None else entry.focal_range[0]
    restore_camera_state(camera, state)
    return model_id

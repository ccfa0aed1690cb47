"""The plan: levels, walls, openings, obstacles, zones, cameras and signs.

Lengths are metres, plan coordinates are ``[x, y]`` with x east and y north, angles are degrees
(``pan_deg`` counter-clockwise from +x, ``tilt_deg`` below the horizontal). Unknown keys are kept
(``extra="allow"``) so that a file written by a newer program survives a load and save here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    model_validator,
)
from pydantic_core import PydanticCustomError

from siteplanner.model.ids import ID_PREFIX, IdAllocator

FORMAT_NAME = "siteplanner"
FORMAT_VERSION = 1

DORI_LEVELS: tuple[str, ...] = ("detection", "observation", "recognition", "identification")
DoriLevel = Literal["detection", "observation", "recognition", "identification"]


def _integer(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("integer", "must be a whole number")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise PydanticCustomError("integer", "must be a whole number")
    return int(value)


def _fov(value: float) -> float:
    if not 0 < value < 180:
        raise PydanticCustomError("fov", "must be a number > 0 and < 180 (degrees)")
    return value


# Numbers are validated in pydantic's core (strict: no booleans or numeric strings, no inf/NaN);
# a plan holds tens of thousands of them.
Num = Annotated[float, Strict(), Field(allow_inf_nan=False)]
# Bounds far beyond any site keep hostile values (1e300) out of the geometry.
MAX_COORD_M = 1e7
MAX_LENGTH_M = 1e5
Coord = Annotated[float, Strict(), Field(ge=-MAX_COORD_M, le=MAX_COORD_M, allow_inf_nan=False)]
PositiveNum = Annotated[float, Strict(), Field(gt=0, le=MAX_LENGTH_M, allow_inf_nan=False)]
NonNegNum = Annotated[float, Strict(), Field(ge=0, le=MAX_LENGTH_M, allow_inf_nan=False)]
Fov = Annotated[float, Strict(), Field(allow_inf_nan=False), AfterValidator(_fov)]
PositiveInt = Annotated[int, BeforeValidator(_integer), Field(gt=0, le=1_000_000)]
Point = tuple[Coord, Coord]
Resolution = tuple[PositiveInt, PositiveInt]


def _distinct(points: list[tuple[float, float]], closed: bool) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or (abs(p[0] - out[-1][0]) > 1e-9 or abs(p[1] - out[-1][1]) > 1e-9):
            out.append(p)
    if closed and len(out) > 1 and math.dist(out[0], out[-1]) <= 1e-9:
        out.pop()
    return out


def _polyline(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if len(points) == 2:  # the common case, kept cheap: plans hold tens of thousands
        (x0, y0), (x1, y1) = points
        if abs(x1 - x0) > 1e-9 or abs(y1 - y0) > 1e-9:
            return points
    if len(_distinct(points, closed=False)) < 2:
        raise PydanticCustomError("polyline", "needs at least 2 distinct points")
    return points


def _polygon(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    ring = _distinct(points, closed=True)
    if len(ring) < 3:
        raise PydanticCustomError("polygon", "needs at least 3 distinct points")
    # Refuse only points on one line; a self-crossing outline is repaired, with a warning, later.
    x0, y0 = ring[0]
    spread = max(
        abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0))
        for (x1, y1), (x2, y2) in zip(ring[1:], ring[2:], strict=False)
    )
    if spread < 1e-9:
        raise PydanticCustomError("polygon", "has no area (its points lie on one line)")
    return points


def _segment(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if len(points) != 2 or math.dist(points[0], points[1]) <= 1e-9:
        raise PydanticCustomError("segment", "must be 2 distinct points [[x, y], [x, y]]")
    return points


Polyline = Annotated[list[Point], AfterValidator(_polyline)]
Polygon = Annotated[list[Point], AfterValidator(_polygon)]
Segment = Annotated[list[Point], AfterValidator(_segment)]


class Item(BaseModel):
    """Base of every plan object: tolerant of unknown keys, checked on assignment too."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def in_script(text: str, lang: str) -> bool:
    """Whether ``text`` is (at least partly) written in the script of ``lang``."""
    if not text:
        return False
    return bool((_CJK if lang.startswith("zh") else _LATIN).search(text))


class OrganizationText(Item):
    """The organisation's own words in one language (``organization.translations[lang]``): a sign
    printed in that language uses them instead of the untranslated fields."""

    name: str = ""
    purpose: str = ""
    face_purpose: str = ""
    face_alternative: str = ""
    legal_basis: str = ""


class Organization(Item):
    name: str = ""
    contact: str = ""
    purpose: str = ""
    retention_days: Annotated[int, BeforeValidator(_integer), Field(ge=0)] | None = None
    privacy_notice_url: str | None = None
    # Asked for by the European and British packs (GDPR Art. 13(1)(b)-(c)): the data protection
    # officer's contact, where there is one, and the legal basis (e.g. "legitimate interest:
    # protection of property").
    dpo_contact: str = ""
    legal_basis: str = ""
    # Told on the facial-recognition notice (Facial Recognition Measures 2025): why faces are
    # recognised, how long face data is kept, and where face recognition verifies identity, the
    # other way offered to those who do not want it (Art. 10).
    face_purpose: str = ""
    face_retention_days: Annotated[int, BeforeValidator(_integer), Field(ge=0)] | None = None
    face_alternative: str = ""
    # Per language ("zh", "en", ...): name, purpose and the other free texts in that language.
    translations: dict[str, OrganizationText] = Field(default_factory=dict)

    def text(self, field: str, lang: str) -> str:
        """``field`` in ``lang``: its translation when there is one, else the field as typed."""
        t = self.translations.get(lang)
        value = getattr(t, field, "") if t is not None else ""
        return value or getattr(self, field)

    def has_text(self, field: str, lang: str) -> bool:
        """True when ``field`` exists in ``lang``: translated, or typed in that language's
        script (Chinese characters for zh, Latin letters for the others)."""
        t = self.translations.get(lang)
        if t is not None and getattr(t, field, ""):
            return True
        return in_script(getattr(self, field), lang)


class DoriPpm(Item):
    detection: PositiveNum = 25.0
    observation: PositiveNum = 62.5
    recognition: PositiveNum = 125.0
    identification: PositiveNum = 250.0

    def threshold(self, level: str) -> float:
        return float(getattr(self, level))


class Settings(Item):
    target_height_m: NonNegNum = 1.6
    dori_ppm: DoriPpm = Field(default_factory=DoriPpm)
    # Fraction of a collection zone that must reach its required density (UNDER_COVERAGE);
    # absent: the rule pack's own target (0.95 in the shipped packs).
    coverage_target: Annotated[float, Strict(), Field(gt=0, le=1, allow_inf_nan=False)] | None = (
        None
    )
    units: Literal["metric", "imperial"] = "metric"
    # Distance a sign is read from when the sign does not give its own (SIGN_TOO_SMALL).
    sign_viewing_distance_m: PositiveNum = 10.0


class CameraModel(Item):
    id: str
    name: str = ""
    hfov_deg: Fov | None = None
    vfov_deg: Fov | None = None
    resolution: Resolution | None = None
    range_m: PositiveNum | None = None
    height_m: PositiveNum | None = None
    face_recognition: StrictBool | None = None


class Background(Item):
    path: str
    scale_m_per_px: PositiveNum = 0.02
    origin: Point = (0.0, 0.0)
    rotation_deg: Num = 0.0
    opacity: Annotated[float, Strict(), Field(ge=0, le=1, allow_inf_nan=False)] = 0.5


class Wall(Item):
    id: str = ""
    points: Polyline
    thickness_m: PositiveNum = 0.2


class Opening(Item):
    id: str = ""
    name: str = ""  # e.g. "Main entrance": how the sign legend names the door
    kind: Literal["door", "window"] = "door"
    points: Segment
    depth_m: PositiveNum = 0.6
    transparent: StrictBool = True
    # A see-through window's sill: the wall below it blocks sight lines that pass at or under
    # this height (0, the default, is a window down to the floor).
    sill_height_m: NonNegNum = 0.0

    @property
    def cuts(self) -> bool:
        """Doors are taken as open; a window cuts the wall only when it is see-through."""
        return self.kind == "door" or self.transparent


class Obstacle(Item):
    id: str = ""
    name: str = ""
    polygon: Polygon
    height_m: PositiveNum


class Zone(Item):
    id: str = ""
    name: str = ""
    kind: Literal["collection", "private", "exclude"]
    polygon: Polygon
    place: Literal["public", "internal"] | None = None
    required_dori: DoriLevel | None = None
    private_type: str | None = None
    # What the zone is used for where it changes how signs are read: "car_park" (drivers read
    # them from a moving car).
    use: str | None = None


class Camera(Item):
    id: str = ""
    name: str = ""
    model: str | None = None
    position: Point
    height_m: PositiveNum | None = None
    pan_deg: Num = 0.0
    tilt_deg: Annotated[float, Strict(), Field(ge=-90, le=90, allow_inf_nan=False)] = 0.0
    hfov_deg: Fov | None = None
    vfov_deg: Fov | None = None
    resolution: Resolution | None = None
    range_m: PositiveNum | None = None
    face_recognition: StrictBool | None = None
    purpose: str | None = None
    # The camera records sound as well (the British pack asks for it to be announced).
    audio: StrictBool | None = None
    # Discreet or hidden (a pinhole, a camera behind smoked glass): people cannot tell they are
    # watched, so its signs must be more prominent (the British pack).
    concealed: StrictBool | None = None


class Sign(Item):
    id: str = ""
    position: Point
    facing_deg: Num = 0.0
    width_m: PositiveNum = 0.3
    height_m: PositiveNum = 0.4
    mount_height_m: NonNegNum = 1.8
    covers: list[str] = Field(default_factory=list)
    viewing_distance_m: PositiveNum | None = None


# The lists of objects a level holds (ID_PREFIX: with the prefix of the ids made up for them).
COLLECTIONS = tuple(ID_PREFIX)


def _claim(where: dict[str, str], ident: str, path: str) -> None:
    first = where.setdefault(ident, path)
    if first != path:
        raise PydanticCustomError(
            "duplicate_id",
            "{path}: duplicate id {id} (also at {first})",
            {"path": path, "id": repr(ident), "first": first},
        )


class Level(Item):
    id: str = ""
    name: str = ""
    elevation_m: Num = 0.0
    background: Background | None = None
    walls: list[Wall] = Field(default_factory=list)
    openings: list[Opening] = Field(default_factory=list)
    obstacles: list[Obstacle] = Field(default_factory=list)
    zones: list[Zone] = Field(default_factory=list)
    cameras: list[Camera] = Field(default_factory=list)
    signs: list[Sign] = Field(default_factory=list)

    def camera(self, camera_id: str) -> Camera | None:
        return next((c for c in self.cameras if c.id == camera_id), None)

    def zone(self, zone_id: str) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)


class Plan(Item):
    format: str = FORMAT_NAME
    version: int = FORMAT_VERSION
    name: str = ""
    organization: Organization = Field(default_factory=Organization)
    rules: str = "cn-2025"
    settings: Settings = Field(default_factory=Settings)
    camera_models: list[CameraModel] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids(self) -> Plan:
        # Ids are unique across the plan: the objects of every level share one namespace (a
        # sign's `covers`, a finding or a selection names an object without its level), the
        # levels another. Missing ones are made up unique; a repeated one is refused with both
        # places.
        where: dict[str, str] = {}
        level_where: dict[str, str] = {}
        for li, level in enumerate(self.levels):
            if level.id:
                _claim(level_where, level.id, f"levels[{li}].id")
            for key in COLLECTIONS:
                for i, item in enumerate(getattr(level, key)):
                    if item.id:
                        _claim(where, item.id, f"levels[{li}].{key}[{i}].id")
        made = IdAllocator(level_where)
        for level in self.levels:
            if not level.id:
                level.id = made.new("levels")
        made = IdAllocator(where)
        for level in self.levels:
            for key in COLLECTIONS:
                for item in getattr(level, key):
                    if not item.id:
                        item.id = made.new(key)
        return self

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def camera_model(self, model_id: str | None) -> CameraModel | None:
        if model_id is None:
            return None
        return next((m for m in self.camera_models if m.id == model_id), None)

    def find_camera(self, camera_id: str) -> tuple[Level, Camera] | None:
        for level in self.levels:
            cam = level.camera(camera_id)
            if cam is not None:
                return level, cam
        return None


DEFAULT_RANGE_M = 30.0


class MissingOptics(ValueError):
    """A camera lacks a value that neither it nor its model gives."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Optics:
    """A camera's effective optics: its own keys over its model's, with the format's defaults."""

    x: float
    y: float
    height_m: float
    pan_deg: float
    tilt_deg: float
    hfov_deg: float
    vfov_deg: float
    resolution: tuple[int, int]
    range_m: float
    face_recognition: bool


def resolve_optics(plan: Plan, camera: Camera) -> Optics:
    model = plan.camera_model(camera.model)
    if camera.model is not None and model is None:
        raise MissingOptics("model", f"unknown camera model {camera.model!r}")

    def pick(name: str) -> Any:
        own = getattr(camera, name)
        if own is not None:
            return own
        return getattr(model, name) if model is not None else None

    values = {name: pick(name) for name in ("height_m", "hfov_deg", "vfov_deg", "resolution")}
    for name, value in values.items():
        if value is None:
            raise MissingOptics(name, "is required (from the camera or its model)")
    range_m = pick("range_m")
    face = pick("face_recognition")
    return Optics(
        x=float(camera.position[0]),
        y=float(camera.position[1]),
        height_m=float(values["height_m"]),
        pan_deg=float(camera.pan_deg),
        tilt_deg=float(camera.tilt_deg),
        hfov_deg=float(values["hfov_deg"]),
        vfov_deg=float(values["vfov_deg"]),
        resolution=(int(values["resolution"][0]), int(values["resolution"][1])),
        range_m=float(range_m) if range_m is not None else DEFAULT_RANGE_M,
        face_recognition=bool(face) if face is not None else False,
    )

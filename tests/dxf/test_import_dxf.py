"""DXF import on drawings made here with ezdxf in the styles real drawings use."""

from __future__ import annotations

import json
import math
from pathlib import Path

import ezdxf
import pytest
import shapely

from siteplanner.cli import main
from siteplanner.dxf import assign_roles, import_dxf, parse_map, role_by_name
from siteplanner.fileformat import load_plan
from siteplanner.geometry.walls import wall_solids

# A 10 m x 6 m room with 20 cm walls, drawn in the given units (factor = units per metre).


def room(
    path: Path,
    units: int,
    per_m: float,
    wall: str = "A-WALL",
    door: str = "A-DOOR",
    room_layer: str = "A-AREA",
    name_layer: str = "A-AREA-IDEN",
    name: str = "Lobby",
) -> Path:
    doc = ezdxf.new("R2010", units=units)
    msp = doc.modelspace()
    w, h, t = 10 * per_m, 6 * per_m, 0.2 * per_m
    msp.add_lwpolyline([(0, 0), (w, 0), (w, h), (0, h)], close=True, dxfattribs={"layer": wall})
    inner = [(t, t), (w - t, t), (w - t, h - t), (t, h - t)]
    msp.add_lwpolyline(inner, close=True, dxfattribs={"layer": wall})
    blk = doc.blocks.new("DOOR90")
    blk.add_line((0, 0), (0, 0.9 * per_m))
    blk.add_arc((0, 0), 0.9 * per_m, 0, 90)
    msp.add_blockref("DOOR90", (4 * per_m, t / 2), dxfattribs={"layer": door})
    msp.add_lwpolyline(inner, close=True, dxfattribs={"layer": room_layer})
    text = msp.add_text(name, dxfattribs={"layer": name_layer, "height": 0.3 * per_m})
    text.set_placement((5 * per_m, 3 * per_m))
    doc.saveas(path)
    return path


def level_of(result):
    return result.plan.levels[0]


def closed_outline(level) -> bool:
    """The walls' solids enclose the room's middle: no gap at the corners."""
    solid = shapely.union_all(wall_solids(level.walls))
    return any(len(p.interiors) for p in shapely.get_parts(solid))


@pytest.mark.parametrize(
    ("units", "per_m", "name"),
    [(5, 100.0, "cm"), (4, 1000.0, "mm"), (1, 1 / 0.0254, "in"), (6, 1.0, "m")],
)
def test_room_at_true_size(tmp_path: Path, units: int, per_m: float, name: str) -> None:
    result = import_dxf(room(tmp_path / "r.dxf", units, per_m))
    assert result.units == name
    assert result.size_m == pytest.approx((10.0, 6.0), abs=1e-6)
    level = level_of(result)
    assert len(level.walls) == 4
    assert all(w.thickness_m == pytest.approx(0.2, abs=1e-3) for w in level.walls)
    total = sum(math.dist(*w.points) for w in level.walls)
    assert total == pytest.approx(2 * 10 + 2 * 6, abs=0.01)
    assert closed_outline(level)
    (door,) = level.openings
    assert door.kind == "door"
    assert math.dist(*door.points) == pytest.approx(0.9, abs=0.01)
    assert door.points[0][1] == pytest.approx(0.1, abs=1e-3)
    (zone,) = level.zones
    assert zone.name == "Lobby"
    assert shapely.Polygon(zone.polygon).area == pytest.approx(9.6 * 5.6, rel=1e-6)


def test_unitless_guessed_and_overridden(tmp_path: Path) -> None:
    path = room(tmp_path / "r.dxf", 0, 1000.0)
    guessed = import_dxf(path)
    assert guessed.units == "mm"
    assert any("no units" in m and "--units" in m for m in guessed.messages)
    assert guessed.size_m == pytest.approx((10.0, 6.0))
    forced = import_dxf(path, units="cm")
    assert forced.size_m == pytest.approx((100.0, 60.0))


def test_german_and_chinese_layers(tmp_path: Path) -> None:
    de = import_dxf(room(tmp_path / "de.dxf", 5, 100, "Wände", "Türen", "Räume", "Raumname", "WC"))
    assert len(level_of(de).walls) == 4 and len(level_of(de).openings) == 1
    (wc,) = level_of(de).zones
    assert (wc.name, wc.kind, wc.private_type) == ("WC", "private", "restroom")
    zh = import_dxf(room(tmp_path / "zh.dxf", 4, 1000, "墙", "门", "房间", "房间名称", "办公室"))
    assert len(level_of(zh).walls) == 4 and len(level_of(zh).openings) == 1
    assert level_of(zh).zones[0].name == "办公室"


@pytest.mark.parametrize(
    ("layer", "role"),
    [
        ("A-WALL", "wall"),
        ("A-WALL-PATT", "wall"),
        ("A-DOOR", "door"),
        ("A-GLAZ", "window"),
        ("A-COLS", "column"),
        ("Innenwand", "wall"),
        ("Tür", "door"),
        ("Fenster", "window"),
        ("墙体", "wall"),
        ("门", "door"),
        ("窗", "window"),
        ("柱子", "column"),
        ("WALL", "wall"),
        ("DOOR_FIRE", "door"),
        ("WINDOW", "window"),
        ("WINDOW_TEXT", "ignore"),
        ("COLUMN", "column"),
        ("A-DOOR-IDEN", "ignore"),
        ("DIM_LEAD", "ignore"),
        ("AXIS", "ignore"),
        ("0", None),
        ("Furniture", None),
        ("COLOUR", None),
    ],
)
def test_layer_names(layer: str, role: str | None) -> None:
    assert role_by_name(layer) == role


def test_map_overrides_names() -> None:
    mapping = parse_map(["wall=outline,Part*", "ignore=A-WALL"])
    roles = assign_roles(["OUTLINE", "part-2", "A-WALL", "A-DOOR"], mapping)
    assert roles == {"OUTLINE": "wall", "part-2": "wall", "A-WALL": "ignore", "A-DOOR": "door"}
    with pytest.raises(ValueError, match="ROLE"):
        parse_map(["roof=X"])


def test_layer_zero_lines_become_walls(tmp_path: Path) -> None:
    doc = ezdxf.new(units=6)
    msp = doc.modelspace()
    msp.add_line((0, 0), (12, 0))
    msp.add_line((12, 0), (12, 8))
    doc.saveas(tmp_path / "z.dxf")
    result = import_dxf(tmp_path / "z.dxf")
    walls = level_of(result).walls
    assert sorted(math.dist(*w.points) for w in walls) == pytest.approx([8.0, 12.0])
    assert all(w.thickness_m == 0.2 for w in walls)
    assert any("became walls" in m and "0" in m for m in result.messages)


def test_nested_scaled_mirrored_blocks(tmp_path: Path) -> None:
    """A wall block (drawn in mm inside a metre drawing) nested in a scaled block and inserted
    mirrored: the wall lands where the transforms put it, at its true thickness."""
    doc = ezdxf.new(units=6)
    inner = doc.blocks.new("WALLPIECE")
    inner.block_record.dxf.units = 4  # millimetres
    inner.add_line((0, 0), (4000, 0), dxfattribs={"layer": "A-WALL"})
    inner.add_line((0, 200), (4000, 200), dxfattribs={"layer": "A-WALL"})
    outer = doc.blocks.new("PAIR")
    outer.add_blockref("WALLPIECE", (0, 0), dxfattribs={"xscale": 2, "yscale": 2})
    msp = doc.modelspace()
    msp.add_blockref("PAIR", (20, 5), dxfattribs={"xscale": -1})  # mirrored
    msp.add_line((0, 0), (1, 0), dxfattribs={"layer": "A-WALL"})  # pins the origin
    doc.saveas(tmp_path / "b.dxf")
    result = import_dxf(tmp_path / "b.dxf")
    (wall,) = [w for w in level_of(result).walls if w.thickness_m > 0.3]
    # 4 m scaled by 2 is 8 m, mirrored to the west of x = 20; 0.2 m scaled by 2 is 0.4 m.
    assert wall.thickness_m == pytest.approx(0.4, abs=1e-3)
    xs = sorted(p[0] for p in wall.points)
    assert xs == pytest.approx([12.0, 20.0], abs=1e-3)
    assert wall.points[0][1] == pytest.approx(5.2, abs=1e-3)


def test_minsert_bulges_hatch_and_arcs(tmp_path: Path) -> None:
    doc = ezdxf.new(units=6)
    msp = doc.modelspace()
    # Hatched wall: a 6 m x 0.3 m hatch on the wall layer, its outline absent.
    hatch = msp.add_hatch(dxfattribs={"layer": "A-WALL"})
    hatch.paths.add_polyline_path([(0, 0), (6, 0), (6, 0.3), (0, 0.3)], is_closed=True)
    # A column array (MINSERT) of 3 x 2 columns.
    col = doc.blocks.new("COL")
    col.add_lwpolyline([(0, 0), (0.4, 0), (0.4, 0.4), (0, 0.4)], close=True)
    ins = msp.add_blockref("COL", (0, 3), dxfattribs={"layer": "S-COLS"})
    ins.grid(size=(2, 3), spacing=(2, 3))
    # A room drawn with a bulged polyline: a half-disc of radius 2 on top of a 4 x 2 box.
    msp.add_lwpolyline(
        [(10, 0, 0), (14, 0, 0), (14, 2, 1), (10, 2, 0)],
        format="xyb",
        close=True,
        dxfattribs={"layer": "A-AREA"},
    )
    # A window as glazing lines on a window layer, in the hatched wall.
    msp.add_line((2, 0.1), (3.2, 0.1), dxfattribs={"layer": "A-GLAZ"})
    msp.add_line((2, 0.2), (3.2, 0.2), dxfattribs={"layer": "A-GLAZ"})
    msp.add_line((2, 0.1), (2, 0.2), dxfattribs={"layer": "A-GLAZ"})
    doc.saveas(tmp_path / "h.dxf")
    level = level_of(import_dxf(tmp_path / "h.dxf"))
    (wall,) = level.walls
    assert wall.thickness_m == pytest.approx(0.3, abs=1e-3)
    assert math.dist(*wall.points) == pytest.approx(6.0, abs=1e-3)
    assert len(level.obstacles) == 6
    assert all(shapely.Polygon(o.polygon).area == pytest.approx(0.16) for o in level.obstacles)
    (window,) = level.openings
    assert window.kind == "window" and math.dist(*window.points) == pytest.approx(1.2, abs=1e-3)
    (zone,) = level.zones
    # Flattened within 1 cm: the area of box plus half-disc within a few tenths of a percent.
    assert shapely.Polygon(zone.polygon).area == pytest.approx(8 + math.pi * 2, rel=5e-3)


def test_door_swing_arc_on_door_layer(tmp_path: Path) -> None:
    doc = ezdxf.new(units=4)
    msp = doc.modelspace()
    msp.add_line((0, 0), (8000, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 240), (8000, 240), dxfattribs={"layer": "WALL"})
    msp.add_arc((3000, 240), 1000, 0, 90, dxfattribs={"layer": "DOOR_FIRE"})
    msp.add_line((3000, 240), (3000, 1240), dxfattribs={"layer": "DOOR_FIRE"})
    doc.saveas(tmp_path / "d.dxf")
    level = level_of(import_dxf(tmp_path / "d.dxf"))
    (wall,) = level.walls
    assert wall.thickness_m == pytest.approx(0.24)
    (door,) = level.openings
    assert sorted(p[0] for p in door.points) == pytest.approx([3.0, 4.0], abs=0.01)
    assert door.depth_m >= 0.24


def test_text_noise_and_underlay(tmp_path: Path) -> None:
    path = room(tmp_path / "n.dxf", 4, 1000.0)
    doc = ezdxf.readfile(path)
    msp = doc.modelspace()
    for k in range(12_000):  # about 1 MB of notes
        msp.add_text(f"note {k} " + "x" * 40, dxfattribs={"layer": "A-ANNO-NOTE"}).set_placement(
            (k % 100 * 100, k // 100 * 50)
        )
    doc.saveas(path)
    assert path.stat().st_size > 1_000_000
    result = import_dxf(path)
    level = level_of(result)
    assert level.zones[0].name == "Lobby"
    under = level.underlay  # type: ignore[attr-defined]
    assert under["units"] == "mm" and under["layer_roles"]["A-WALL"] == "wall"
    # Notes are left out of the underlay (their layer is ignored); the room name is kept.
    assert under["texts"] == [["A-AREA-IDEN", "Lobby", 5.0, 3.0, 0.3]]
    outer = under["layers"]["A-WALL"][0]
    assert outer == "0.000,0.000 10.000,0.000 10.000,6.000 0.000,6.000 0.000,0.000"


def test_cli_writes_a_plan_that_checks(tmp_path: Path, capsys) -> None:
    out = tmp_path / "p.siteplan"
    code = main(["import-dxf", str(room(tmp_path / "r.dxf", 5, 100.0)), "-o", str(out)])
    assert code == 0
    text = capsys.readouterr().out
    assert "10.00 m x 6.00 m" in text and "A-WALL: 2 entities, wall" in text
    plan = load_plan(out)
    assert len(plan.levels[0].walls) == 4
    assert json.loads(out.read_text())["levels"][0]["underlay"]["kind"] == "dxf"
    assert main(["check", str(out)]) == 0  # no error finding


def test_cli_map_remembered(tmp_path: Path) -> None:
    out = tmp_path / "p.siteplan"
    src = room(tmp_path / "r.dxf", 5, 100.0, wall="Outline")
    assert main(["import-dxf", str(src), "-o", str(out), "--map", "wall=outline"]) == 0
    level = load_plan(out).levels[0]
    assert len(level.walls) == 4
    assert level.underlay["layer_roles"]["Outline"] == "wall"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"AC1032\x00\x00\x00binary dwg", "DWG is not supported: save it as DXF"),
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "not a DXF"),
        (b"", "empty"),
        (b"hello, this is a letter\nnot a drawing\n", "not a DXF"),
    ],
)
def test_refused_with_a_sentence(tmp_path: Path, capsys, content: bytes, words: str) -> None:
    src = tmp_path / "in.dxf"
    src.write_bytes(content)
    out = tmp_path / "p.siteplan"
    assert main(["import-dxf", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and str(src) in err and "Traceback" not in err
    assert "\n" not in err.strip()
    assert not out.exists()


def test_empty_drawing_refused(tmp_path: Path, capsys) -> None:
    doc = ezdxf.new(units=6)
    doc.saveas(tmp_path / "e.dxf")
    assert main(["import-dxf", str(tmp_path / "e.dxf"), "-o", str(tmp_path / "p.siteplan")]) == 2
    assert "empty" in capsys.readouterr().err


def test_damaged_drawing_recovered(tmp_path: Path) -> None:
    src = room(tmp_path / "r.dxf", 5, 100.0)
    text = src.read_text()
    # Damage it: cut away the closing EOF marker and the OBJECTS section's end.
    broken = tmp_path / "broken.dxf"
    broken.write_text(text[: text.rindex("ENDSEC")])
    result = import_dxf(broken)
    assert any("recover" in m for m in result.messages)
    assert len(level_of(result).walls) == 4

"""Reading a drawing in steps (look it over, then build), with progress and cancel hooks."""

from __future__ import annotations

from pathlib import Path

import ezdxf
import pytest

from siteplanner.dxf import ImportCancelled, import_dxf, read_drawing
from siteplanner.editing.underlay import parse_underlay
from siteplanner.model import Level, Plan, Wall
from siteplanner.model.ids import IdAllocator, plan_ids
from tests.dxf.test_import_dxf import room


def busy(path: Path, lines: int = 6000) -> Path:
    """A unitless drawing of many short lines (centimetres by its size) on two layers."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 0
    msp = doc.modelspace()
    for k in range(lines):
        x = (k % 100) * 20.0
        y = (k // 100) * 20.0
        msp.add_line((x, y), (x + 10, y), dxfattribs={"layer": "Wand" if k % 2 else "Notes"})
    doc.saveas(path)
    return path


def test_read_drawing_layers_units_and_size(tmp_path: Path) -> None:
    d = read_drawing(room(tmp_path / "r.dxf", 5, 100.0))
    assert d.units == "cm" and not d.guessed and d.own_units == 5
    assert d.size_m("cm") == pytest.approx((10.0, 6.0))
    assert d.size_m("mm") == pytest.approx((1.0, 0.6))
    roles = {name: role for name, _n, role in d.layers}
    counts = {name: n for name, n, _role in d.layers}
    assert roles["A-WALL"] == "wall" and roles["A-DOOR"] == "door"
    assert counts == {"A-WALL": 2, "A-DOOR": 1, "A-AREA": 1, "A-AREA-IDEN": 1}


def test_unitless_drawing_is_guessed_and_sized(tmp_path: Path) -> None:
    d = read_drawing(busy(tmp_path / "b.dxf"))
    assert d.guessed and d.own_units == 0
    # 1990 x 1180 units: a floor in centimetres (19.9 m), not in millimetres (2 m).
    assert d.units == "cm"
    assert d.size_m(d.units) == pytest.approx((19.9, 11.8))


def test_progress_rises_to_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    d = read_drawing(busy(tmp_path / "b.dxf"), progress=lambda a, b: seen.append((a, b)))
    assert len(seen) >= 3  # the file read and the entities exploded report as they go
    done = [a for a, _ in seen]
    assert done == sorted(done) and all(b == 1000 for _, b in seen)
    assert 0 <= done[0] < 800 <= done[-1] <= 1000
    seen.clear()
    import_dxf(d.path, units="mm", drawing=d, progress=lambda a, b: seen.append((a, b)))
    assert seen[-1] == (1000, 1000)


def test_cancel_stops_the_read(tmp_path: Path) -> None:
    path = busy(tmp_path / "b.dxf")
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 1

    with pytest.raises(ImportCancelled):
        read_drawing(path, cancelled=cancelled)
    d = read_drawing(path)
    with pytest.raises(ImportCancelled):
        import_dxf(path, units="mm", drawing=d, cancelled=lambda: True)


def test_build_from_the_read_drawing_with_other_roles_and_units(tmp_path: Path) -> None:
    path = room(tmp_path / "r.dxf", 5, 100.0)
    d = read_drawing(path)
    same = import_dxf(path, drawing=d)
    assert same.size_m == pytest.approx((10.0, 6.0)) and len(same.plan.levels[0].walls) == 4
    # Read as millimetres, walls ignored: a tenth of the size and no walls from A-WALL.
    other = import_dxf(path, units="mm", mapping={"ignore": ["A-WALL"]}, drawing=d)
    assert other.size_m == pytest.approx((1.0, 0.6))
    level = other.plan.levels[0]
    assert level.walls == [] and len(level.zones) == 1
    assert level.underlay["layer_roles"]["A-WALL"] == "ignore"
    zone = level.zones[0]
    xs = [x for x, _ in zone.polygon]
    assert max(xs) - min(xs) == pytest.approx(0.96)  # the inner outline, 9.6 cm read as mm


def test_ids_come_from_the_plan_they_join(tmp_path: Path) -> None:
    host = Plan(levels=[Level(id="L1", walls=[Wall(id="w1", points=[(0, 0), (1, 0)])])])
    result = import_dxf(room(tmp_path / "r.dxf", 5, 100.0), ids=IdAllocator.for_plan(host))
    level = result.plan.levels[0]
    assert level.id == "L2"
    new = set(plan_ids(result.plan))
    assert not new & set(plan_ids(host))
    assert {w.id for w in level.walls} == {"w2", "w3", "w4", "w5"}


def test_underlay_parsed_back_to_its_polylines(tmp_path: Path) -> None:
    level = import_dxf(room(tmp_path / "r.dxf", 4, 1000.0)).plan.levels[0]
    u = parse_underlay(level.underlay)
    walls = u.layers["A-WALL"]
    assert walls.count == 2 and walls.role == "wall"
    outer = walls.polylines()[0]
    # A closed outline repeats its first point: 5 points, 10 m x 6 m from the origin.
    assert outer.shape == (5, 2)
    assert outer.min(axis=0) == pytest.approx((0, 0)) and outer.max(axis=0) == pytest.approx(
        (10, 6)
    )
    assert u.bounds() == pytest.approx((0.0, 0.0, 10.0, 6.0))
    assert any(t[1] == "Lobby" for t in u.texts)


def annotated(path: Path, notes: int = 500) -> Path:
    """The room in centimetres with a sheet of general notes (an ignored layer) and, among them,
    one big note inside the room."""
    path = room(path, 5, 100.0)
    doc = ezdxf.readfile(path)
    msp = doc.modelspace()
    for k in range(notes):
        msp.add_text(f"NOTE {k}", dxfattribs={"layer": "A-ANNO-NOTE", "height": 20})
    msp.add_mtext("General notes", dxfattribs={"layer": "A-ANNO-NOTE", "char_height": 20})
    big = msp.add_text("Archive", dxfattribs={"layer": "A-ANNO-NOTE", "height": 50})
    big.set_placement((300, 300))
    doc.saveas(path)
    return path


def test_texts_on_ignored_layers_are_counted_not_read(tmp_path: Path) -> None:
    path = annotated(tmp_path / "a.dxf")
    d = read_drawing(path)
    assert d.skipped == {"A-ANNO-NOTE": 502}
    assert ("A-ANNO-NOTE", 502, "ignore") in d.layers
    assert {layer for layer, *_ in d.exploded.texts} == {"A-AREA-IDEN"}
    result = import_dxf(path)
    assert ("A-ANNO-NOTE", 502, "ignore") in result.layers
    (zone,) = result.plan.levels[0].zones
    assert zone.name == "Lobby"


def test_a_skipped_layer_given_a_role_is_read_again(tmp_path: Path) -> None:
    path = annotated(tmp_path / "a.dxf", notes=20)
    d = read_drawing(path)
    # The notes as room names: the big one inside the room names it.
    result = import_dxf(path, mapping={"room-name": ["A-ANNO-NOTE"]}, drawing=d)
    (zone,) = result.plan.levels[0].zones
    assert zone.name == "Archive"
    assert ("A-ANNO-NOTE", 22, "room-name") in result.layers


def test_units_that_make_no_floor_are_questioned(tmp_path: Path) -> None:
    # A drawing in metres that says inches (a CAD program's default): 2.5 m across as inches.
    doc = ezdxf.new("R2010", units=1)
    doc.header["$MEASUREMENT"] = 1  # metric (an imperial one would suggest feet)
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (100, 0), (100, 40), (0, 40)], close=True)
    path = tmp_path / "inches.dxf"
    doc.saveas(path)
    result = import_dxf(path)
    assert result.units == "in"
    assert any("says in" in m and "m across" in m and "metres" in m for m in result.messages)
    d = read_drawing(path)
    assert d.suggested_units == "m" and not d.guessed
    assert read_drawing(room(tmp_path / "r.dxf", 5, 100.0)).suggested_units is None
    # Taken as metres, the size is right and the doubt is gone.
    assert import_dxf(path, units="m").size_m == pytest.approx((100.0, 40.0))


def test_only_model_space_texts_of_ignored_layers_are_left_out(tmp_path: Path) -> None:
    """Texts inside blocks are kept whatever their layer, and a note that is the drawing's last
    entity is counted like the others."""
    path = room(tmp_path / "r.dxf", 5, 100.0)
    doc = ezdxf.readfile(path)
    label = doc.blocks.new("TAG")
    label.add_text("Store", dxfattribs={"layer": "A-AREA-IDEN", "height": 40})
    doc.modelspace().add_blockref("TAG", (700, 400), dxfattribs={"layer": "A-ANNO-NOTE"})
    doc.modelspace().add_text("last note", dxfattribs={"layer": "A-ANNO-NOTE"})
    doc.saveas(path)
    d = read_drawing(path)
    assert d.skipped == {"A-ANNO-NOTE": 1}
    assert ("A-ANNO-NOTE", 2, "ignore") in d.layers  # the block reference and the note
    assert ("A-AREA-IDEN", "Store") in {(layer, text) for layer, text, *_ in d.exploded.texts}

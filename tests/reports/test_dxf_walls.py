"""The DXF's walls: straight runs at their thickness with the openings left as gaps, read back
with ezdxf and compared with the analyser's wall solids; few entities however many walls."""

from __future__ import annotations

import ezdxf
import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.analysis import Analyser
from siteplanner.exports.dxf import write_dxf
from siteplanner.geometry.walls import segment_rectangles
from tests.helpers import plan


def wall(a, b, t=0.2):
    return {"points": [list(a), list(b)], "thickness_m": t}


def door(a, b, kind="door", **kw):
    return {"kind": kind, "points": [list(a), list(b)], **kw}


def written(p, tmp_path):
    out = tmp_path / "plan.dxf"
    write_dxf(p, Analyser().analyse(p), out)
    doc = ezdxf.readfile(out)
    assert doc.header["$INSUNITS"] == 6
    return doc.modelspace()


def wall_polylines(msp):
    return [
        (np.array(e.get_points("xys")), e.closed)
        for e in msp.query('LWPOLYLINE[layer=="L1-WALLS"]')
    ]


def solid_of(polylines) -> shapely.Geometry:
    """What CAD fills: each stretch of segments with a width, at that width, joins mitred (as
    CAD draws a wide polyline), ends flat; zero-width segments (openings) leave gaps."""
    pieces = []
    for pts, closed in polylines:
        n = len(pts)
        ring = np.vstack([pts, pts[:1]]) if closed else pts
        wide = pts[: len(ring) - 1, 2] > 0
        if closed and wide.all():
            pieces.append(
                shapely.buffer(shapely.LinearRing(pts[:, :2]), pts[0, 2] / 2, join_style="mitre")
            )
            continue
        # Stretches of consecutive wide segments; on a closed polyline, start after a gap.
        start = int(np.argmin(wide)) + 1 if closed else 0
        order = [(start + i) % n for i in range(len(wide))] if closed else range(len(wide))
        stretch: list[int] = []
        for i in [*order, None]:
            if i is not None and wide[i]:
                stretch.append(i)
                continue
            if stretch:
                xy = [ring[j, :2] for j in stretch] + [ring[stretch[-1] + 1, :2]]
                line = shapely.LineString(xy)
                half = pts[stretch[0], 2] / 2
                pieces.append(shapely.buffer(line, half, cap_style="flat", join_style="mitre"))
            stretch = []
    return shapely.union_all(pieces) if pieces else shapely.Polygon()


def test_collinear_walls_are_one_run_and_a_door_is_a_zero_width_gap(tmp_path):
    p = plan(
        walls=[wall((0, 0), (4, 0)), wall((10, 0), (4, 0))],
        openings=[door((6, 0), (7, 0)), door((2, 0.1), (3, 0.1), "window", transparent=False)],
    )
    msp = written(p, tmp_path)
    [(pts, closed)] = wall_polylines(msp)
    assert not closed
    assert sorted(pts[:, 0].tolist()) == pytest.approx([0, 6, 7, 10])
    assert np.allclose(pts[:, 1], 0)
    order = np.argsort(pts[:, 0])
    # The segment starting at x=6 (the door) has no width; the others the wall's 0.2 m.
    widths = dict(zip(pts[order, 0].round(6).tolist(), pts[order, 2].tolist(), strict=True))
    assert widths[6.0] == 0 and widths[0.0] == pytest.approx(0.2)
    assert widths[7.0] == pytest.approx(0.2)
    # Doors and windows: one solid hatch each, a 1 m x 0.2 m rectangle across the wall.
    for layer in ("L1-DOORS", "L1-WINDOWS"):
        [hatch] = msp.query(f'HATCH[layer=="{layer}"]')
        [path] = hatch.paths
        assert shapely.Polygon([v[:2] for v in path.vertices]).area == pytest.approx(0.2)
    # An opaque window does not cut: the wall stays whole under it.
    assert solid_of(wall_polylines(msp)).area == pytest.approx(9 * 0.2)


def test_corners_join_and_crossings_run_through(tmp_path):
    # A closed room: one closed polyline of four corners.
    room = [wall((0, 0), (5, 0)), wall((5, 0), (5, 4)), wall((5, 4), (0, 4)), wall((0, 4), (0, 0))]
    [(pts, closed)] = wall_polylines(written(plan(walls=room), tmp_path))
    assert closed and len(pts) == 4
    # A plus made of four walls from its centre: two straight runs through the crossing.
    plus = [
        wall((0, 0), (3, 0)),
        wall((0, 0), (-3, 0)),
        wall((0, 0), (0, 2)),
        wall((0, -2), (0, 0)),
    ]
    runs = wall_polylines(written(plan(walls=plus), tmp_path))
    assert len(runs) == 2
    assert sorted(len(r) for r, _ in runs) == [2, 2]
    assert sorted(float(np.ptp(r[:, :2], axis=0).max()) for r, _ in runs) == [4.0, 6.0]


@settings(max_examples=25, deadline=None)
@given(
    nx=st.integers(1, 5),
    ny=st.integers(1, 5),
    size=st.floats(3.0, 8.0),
    thickness=st.sampled_from([0.1, 0.2, 0.35]),
    seed=st.integers(0, 10_000),
)
def test_grid_walls_fill_what_the_analyser_takes_as_solid(
    nx, ny, size, thickness, seed, tmp_path_factory
):
    """A grid of rooms, walls cut into one segment per room side, doors placed at random away
    from the junctions: the DXF's filled area is the analyser's wall solid, and the walls are
    one polyline per grid line however many segments and doors there are."""
    rnd = np.random.default_rng(seed)
    walls, openings = [], []
    for j in range(ny + 1):
        for i in range(nx):
            walls.append(wall((i * size, j * size), ((i + 1) * size, j * size), thickness))
            if rnd.random() < 0.5:
                x = i * size + rnd.uniform(1.0, size - 2.0)
                openings.append(door((x, j * size), (x + 0.9, j * size)))
    for i in range(nx + 1):
        for j in range(ny):
            walls.append(wall((i * size, j * size), (i * size, (j + 1) * size), thickness))
            if rnd.random() < 0.5:
                y = j * size + rnd.uniform(1.0, size - 2.0)
                openings.append(door((i * size, y), (i * size, y + 0.9)))
    p = plan(walls=walls, openings=openings)
    msp = written(p, tmp_path_factory.mktemp("dxf"))
    polylines = wall_polylines(msp)
    # The outer ring's four sides join at their corners: fewer polylines than grid lines.
    assert len(polylines) <= (nx + 1) + (ny + 1) - 1
    geo = Analyser().level_geometry(p.levels[0])
    expected = shapely.union_all(geo.parts)
    got = solid_of(polylines)
    # The polyline joins its corners mitred where the solids leave the outer corner square
    # open: at most four such corners, (t/2)^2 each.
    corner = (thickness / 2) ** 2
    assert shapely.difference(expected, got).area == pytest.approx(0, abs=1e-6)
    assert shapely.difference(got, expected).area <= 4 * corner + 1e-6
    doors = msp.query('HATCH[layer=="L1-DOORS"]')
    assert sum(len(h.paths) for h in doors) == len(openings)


@settings(max_examples=40, deadline=None)
@given(
    walls=st.lists(
        st.tuples(
            st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=2, max_size=5),
            st.sampled_from([0.1, 0.2, 0.3]),
        ),
        min_size=1,
        max_size=8,
    ),
    doors=st.lists(st.tuples(st.integers(0, 7), st.floats(0.05, 0.9)), min_size=0, max_size=6),
)
def test_any_walls_are_drawn_where_the_solids_are(walls, doors, tmp_path_factory):
    """Walls of any shape, on whole metres so that they meet and overlap, with doors on some
    of their segments: every segment of every wall is filled at its thickness in the DXF but
    where a door crosses it, and the DXF fills nothing beyond the walls' mitred corners. (A
    wall's own bend at a point where a third wall also meets is not mitred: the straight runs
    through that junction are drawn, the corner piece of at most (t/2)^2 is not.)"""
    data, openings = [], []
    for pts, t in walls:
        if len(set(pts)) < 2:
            continue  # the model refuses a wall without two distinct points
        data.append({"points": [list(map(float, p)) for p in pts], "thickness_m": t})
    segs = [
        (a, b) for w in data for a, b in zip(w["points"], w["points"][1:], strict=False) if a != b
    ]
    for k, frac in doors:
        if segs:
            (ax, ay), (bx, by) = segs[k % len(segs)]
            length = float(np.hypot(bx - ax, by - ay))
            if length >= 1.0:
                s0 = frac * (length - 0.5)
                ux, uy = (bx - ax) / length, (by - ay) / length
                a = (ax + ux * s0, ay + uy * s0)
                b = (ax + ux * (s0 + 0.5), ay + uy * (s0 + 0.5))
                openings.append(door(a, b))
    p = plan(walls=data, openings=openings)
    msp = written(p, tmp_path_factory.mktemp("dxf"))
    got = solid_of(wall_polylines(msp))
    seg = np.array([[a, b] for a, b in segs], dtype=float).reshape(-1, 2, 2)
    half = np.array(
        [
            t / 2
            for pts, t in walls
            if len(set(pts)) >= 2
            for a, b in zip(pts, pts[1:], strict=False)
            if a != b
        ]
    )
    expected = shapely.union_all(segment_rectangles(seg, half)) if len(seg) else shapely.Polygon()
    cuts = (
        shapely.union_all(
            [
                shapely.buffer(shapely.LineString(o["points"]), 0.35, cap_style="flat")
                for o in openings
            ]
        )
        if openings
        else shapely.Polygon()
    )
    # Filled wherever a wall is, except where a door (cut deeper in the analysis) crosses it.
    missing = shapely.difference(shapely.difference(expected, got), cuts)
    assert missing.area == pytest.approx(0, abs=1e-6)
    # Mitred corners reach at most the mitre limit (5 half-widths) beyond the solids.
    beyond = shapely.difference(got, shapely.buffer(expected, 5 * 0.15 + 1e-6))
    assert beyond.area == pytest.approx(0, abs=1e-6)

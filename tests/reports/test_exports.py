"""The exports agree with the analysis: ids, counts and areas; the DXF reads back with ezdxf."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import ezdxf
import pytest
import shapely
from PIL import Image

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.fileformat import load_plan
from siteplanner.model import DORI_LEVELS
from siteplanner.resources import sample_plan_path

SAMPLE = str(sample_plan_path())


@pytest.fixture(scope="module")
def checked():
    plan = load_plan(SAMPLE)
    return plan, pipeline.run(plan).analysis


def check_json(capsys) -> dict:
    capsys.readouterr()  # what came before
    assert main(["check", SAMPLE, "--json"]) in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_csv_has_a_bom_and_the_figures_of_check_json(tmp_path, capsys):
    out = tmp_path / "cams.csv"
    assert main(["export", SAMPLE, "--format", "csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    report = check_json(capsys)
    assert [r["id"] for r in rows] == [c["id"] for c in report["cameras"]]
    for row, cam in zip(rows, report["cameras"], strict=True):
        assert row["level"] == cam["level"]
        assert float(row["coverage_m2"]) == cam["coverage_m2"]
        for band in DORI_LEVELS:
            assert float(row[f"{band}_m2"]) == cam["dori_m2"][band]
    for col in ("x_m", "y_m", "height_m", "pan_deg", "tilt_deg", "resolution", "face_recognition"):
        assert col in rows[0]


def test_geojson_features_carry_ids_and_the_analysis_areas(tmp_path, checked):
    plan, analysis = checked
    out = tmp_path / "plan.geojson"
    assert main(["export", SAMPLE, "--format", "geojson", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    feats = doc["features"]
    by_kind: dict[str, list[dict]] = {}
    for f in feats:
        by_kind.setdefault(f["properties"]["kind"], []).append(f)
        assert f["properties"]["level"] == "L1"
    lv = plan.levels[0]
    assert {f["properties"]["id"] for f in by_kind["camera"]} == {c.id for c in lv.cameras}
    assert {f["properties"]["id"] for f in by_kind["zone"]} == {z.id for z in lv.zones}
    assert len(by_kind["wall"]) == len(lv.walls)
    assert len(by_kind["sign"]) == len(lv.signs)
    for f in by_kind["coverage"]:
        p = f["properties"]
        cr = analysis.cameras[p["camera"]]
        expected = cr.coverage_m2 if p["band"] == "coverage" else cr.dori_m2()[p["band"]]
        area = shapely.geometry.shape(f["geometry"]).area
        assert area == pytest.approx(expected, rel=1e-6, abs=1e-6)
    seen = {(f["properties"]["camera"], f["properties"]["band"]) for f in by_kind["coverage"]}
    for cid, cr in analysis.cameras.items():
        if cr.coverage_m2 > 0:
            assert (cid, "coverage") in seen
    for f in by_kind["zone"]:
        zr = analysis.zones[f["properties"]["id"]]
        assert shapely.geometry.shape(f["geometry"]).area == pytest.approx(zr.area_m2)


def ring_area_sum(geom) -> float:
    total = 0.0
    for poly in shapely.get_parts(geom):
        total += shapely.Polygon(poly.exterior).area
        total += sum(shapely.Polygon(h).area for h in poly.interiors)
    return total


def test_dxf_reads_back_in_metres_with_layers_blocks_and_coverage(tmp_path, checked):
    plan, analysis = checked
    out = tmp_path / "plan.dxf"
    assert main(["export", SAMPLE, "--format", "dxf", "-o", str(out)]) == 0
    doc = ezdxf.readfile(out)
    assert doc.header["$INSUNITS"] == 6
    names = {layer.dxf.name for layer in doc.layers}
    for what in ("WALLS", "ZONES-COLLECTION", "ZONES-PRIVATE", "CAMERAS", "COVERAGE", "SIGNS"):
        assert f"L1-{what}" in names
    msp = doc.modelspace()
    inserts = msp.query('INSERT[layer=="L1-CAMERAS"]')
    attribs = {(r.get_attrib_text("ID"), r.get_attrib_text("NAME")) for r in inserts}
    assert attribs == {(c.id, c.name) for c in plan.levels[0].cameras}
    # The coverage rings written add up to the analysis's rings.
    written = sum(
        shapely.Polygon(list(e.vertices_in_wcs())).area
        for e in msp.query('LWPOLYLINE[layer=="L1-COVERAGE"]')
    )
    expected = sum(ring_area_sum(c.coverage.coverage) for c in analysis.cameras.values())
    assert written == pytest.approx(expected, rel=1e-6)
    assert all(e.closed for e in msp.query('LWPOLYLINE[layer=="L1-COVERAGE"]'))
    # Each DORI band on its own layer, adding up to the analysis's band rings.
    for band in DORI_LEVELS:
        layer = f"L1-DORI-{band.upper()}"
        written = sum(
            shapely.Polygon(list(e.vertices_in_wcs())).area
            for e in msp.query(f'LWPOLYLINE[layer=="{layer}"]')
        )
        expected = sum(ring_area_sum(c.coverage.dori[band]) for c in analysis.cameras.values())
        assert written == pytest.approx(expected, rel=1e-6), band
    # Every opening once on its kind's layer, every obstacle, every zone ring and label.
    lv = plan.levels[0]
    for kind, layer in (("door", "L1-DOORS"), ("window", "L1-WINDOWS")):
        paths = sum(len(h.paths) for h in msp.query(f'HATCH[layer=="{layer}"]'))
        assert paths == sum(o.kind == kind for o in lv.openings) > 0
    assert len(msp.query('LWPOLYLINE[layer=="L1-OBSTACLES"]')) == len(lv.obstacles)
    labels = {t.dxf.text for t in msp.query('TEXT[layer=="L1-LABELS"]')}
    assert labels == {z.name or z.id for z in lv.zones}
    for kind in ("collection", "private", "exclude"):
        zones = [z for z in lv.zones if z.kind == kind]
        written = sum(
            shapely.Polygon(list(e.vertices_in_wcs())).area
            for e in msp.query(f'LWPOLYLINE[layer=="L1-ZONES-{kind.upper()}"]')
        )
        assert written == pytest.approx(
            sum(ring_area_sum(analysis.zones[z.id].polygon) for z in zones), rel=1e-6
        )
    signs = msp.query('INSERT[layer=="L1-SIGNS"]')
    assert {r.get_attrib_text("ID") for r in signs} == {s.id for s in lv.signs}


def test_png_is_at_least_1600_px_and_svg_names_every_camera(tmp_path, checked):
    plan, _ = checked
    png = tmp_path / "plan.png"
    assert main(["export", SAMPLE, "--format", "png", "-o", str(png)]) == 0
    with Image.open(png) as im:
        assert im.format == "PNG" and im.width >= 1600
        # Not blank: the drawing's blues are there.
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 20
    svg = tmp_path / "plan.svg"
    assert main(["export", SAMPLE, "--format", "svg", "-o", str(svg), "--level", "L1"]) == 0
    root = ET.parse(svg).getroot()
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for c in plan.levels[0].cameras:
        assert c.name in texts or c.id in texts


def test_bad_export_requests_exit_2(tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert main(["export", SAMPLE, "--format", "csv", "-o", str(out), "--level", "L9"]) == 2
    assert "--level" in capsys.readouterr().err and not out.exists()
    bad = tmp_path / "bad.siteplan"
    bad.write_text('{"format": "siteplanner", "version": 99}', encoding="utf-8")
    assert main(["export", str(bad), "--format", "geojson", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.siteplan" in err and "Traceback" not in err
    two = tmp_path / "two.siteplan"
    two.write_text(
        json.dumps({"format": "siteplanner", "version": 1, "levels": [{"id": "A"}, {"id": "B"}]}),
        encoding="utf-8",
    )
    assert main(["export", str(two), "--format", "png", "-o", str(tmp_path / "p.png")]) == 2
    assert "--level" in capsys.readouterr().err

"""The resources are the package ``siteplanner._resources``, handed out as real files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import siteplanner._resources

from siteplanner.resources import extract, resource, resources_dir, sample_plan_path


def test_resources_are_the_package_folder() -> None:
    assert resources_dir() == Path(siteplanner._resources.__file__).parent
    for parts in (
        ("samples", "office.siteplan"),
        ("fonts", "wqy-microhei.ttc"),
        ("schema", "siteplan.schema.json"),
        ("catalogue", "cameras.json"),
        ("translations", "siteplanner_zh_CN.qm"),
    ):
        assert resource(*parts).is_file(), parts
    assert sample_plan_path().read_bytes() == resource("samples", "office.siteplan").read_bytes()


def test_a_zipped_install_is_copied_out_as_real_files(tmp_path: Path) -> None:
    archive = tmp_path / "site.zip"
    font = resource("fonts", "wqy-microhei-COPYRIGHT.txt").read_bytes()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("siteplanner/_resources/__init__.py", '"""doc"""\n')
        z.writestr("siteplanner/_resources/fonts/wqy-microhei-COPYRIGHT.txt", font)
        z.writestr("siteplanner/_resources/samples/a.siteplan", "{}")
    tree = zipfile.Path(archive, "siteplanner/_resources/")
    out = extract(tree, tmp_path / "out")
    assert (out / "fonts" / "wqy-microhei-COPYRIGHT.txt").read_bytes() == font
    assert (out / "samples" / "a.siteplan").read_text() == "{}"
    assert not (out / "__init__.py").exists()

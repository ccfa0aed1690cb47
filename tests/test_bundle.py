"""The desktop bundle, started with a bare environment as a double-click would: it checks a plan,
prints signs and takes an editor screenshot with no Python and no variables set.

Building the bundle takes minutes, so these run against a bundle already built:

    installers/build-linux.sh
    SITEPLANNER_BUNDLE=dist/siteplanner make test

(the CI workflow does the same on Windows and macOS). Without the variable they are skipped.
The entry script's own logic is tested always.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = os.environ.get("SITEPLANNER_BUNDLE", "")
needs_bundle = pytest.mark.skipif(
    not BUNDLE, reason="set SITEPLANNER_BUNDLE to a built bundle (installers/build-linux.sh)"
)


def _entry_module():
    spec = importlib.util.spec_from_file_location(
        "siteplanner_app", ROOT / "installers" / "siteplanner_app.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_document_alone_opens_in_the_editor() -> None:
    to_open = _entry_module()._document_to_open
    assert to_open(["sp", "/home/a/Site B.siteplan"]) == ["sp", "open", "/home/a/Site B.siteplan"]
    assert to_open(["sp", "C:\\plans\\HQ.SITEPLAN"]) == ["sp", "open", "C:\\plans\\HQ.SITEPLAN"]
    # Commands, options and nothing at all go to the command line unchanged.
    for argv in (["sp"], ["sp", "check", "a.siteplan"], ["sp", "--version"], ["sp", "a.json"]):
        assert to_open(argv) == argv


def _executable() -> Path:
    folder = Path(BUNDLE).resolve()
    if folder.is_file():
        return folder
    for name in ("siteplanner", "siteplanner.exe", "Contents/MacOS/siteplanner"):
        if (folder / name).is_file():
            return folder / name
    raise AssertionError(f"no siteplanner executable in {folder}")


def _bare_env() -> dict[str, str]:
    # Nothing at all, as `env -i`; Windows cannot start a process without SYSTEMROOT.
    if sys.platform == "win32":
        return {"SYSTEMROOT": os.environ["SYSTEMROOT"]}
    return {}


def _run(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(_executable()), *args],
        cwd=cwd,
        env=_bare_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


@needs_bundle
def test_bundle_version_is_the_project_version(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    result = _run("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"siteplanner {version}"


@needs_bundle
def test_bundle_checks_a_plan(tmp_path: Path) -> None:
    from siteplanner.resources import sample_plan_path

    plan = tmp_path / "my site.siteplan"
    shutil.copy(sample_plan_path(), plan)
    result = _run("check", "--json", str(plan), cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the sample breaks rules on purpose
    import json

    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert {"PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE"} <= rules

    bad = tmp_path / "bad.siteplan"
    bad.write_text('{"format": "siteplanner", "version": 1, "levels": 3}')
    refused = _run("check", str(bad), cwd=tmp_path)
    assert refused.returncode == 2
    assert "bad.siteplan" in refused.stderr and "Traceback" not in refused.stderr


@needs_bundle
def test_bundle_prints_signs_with_the_font_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "signs.pdf"
    result = _run("signs", "-o", str(pdf), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = pdf.read_bytes()
    pages = int(re.search(rb"/Count (\d+) /Kids", data).group(1))
    assert pages >= 1
    assert b"/FontFile2" in data and b"WenQuanYiMicroHei" in data


@needs_bundle
def test_bundle_writes_the_site_report(tmp_path: Path) -> None:
    from siteplanner.resources import sample_plan_path

    pdf = tmp_path / "report.pdf"
    result = _run("report", str(sample_plan_path()), "-o", str(pdf), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = pdf.read_bytes()
    assert int(re.search(rb"/Count (\d+) /Kids", data).group(1)) >= 3
    assert b"/FontFile2" in data and b"WenQuanYiMicroHei" in data


@needs_bundle
def test_bundle_takes_an_editor_screenshot(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    shot = tmp_path / "editor.png"
    result = _run("open", "--screenshot", str(shot), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no analysis drawn" not in result.stderr
    image = QImage(str(shot))
    assert image.width() >= 900 and image.height() >= 600
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 200  # walls, coverage, panels: not a blank window


@needs_bundle
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is Linux's")
def test_archive_installs_into_the_users_xdg_folders(tmp_path: Path) -> None:
    (archive,) = Path(BUNDLE).resolve().parent.glob("siteplanner-*-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (top,) = (tmp_path / "unpacked").iterdir()
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    installed = subprocess.run(
        ["sh", str(top / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    data = home / ".local" / "share"
    desktop = (data / "applications" / "siteplanner.desktop").read_text()
    exe = data / "siteplanner" / "siteplanner"
    assert f'Exec="{exe}" %f' in desktop and "MimeType=application/x-siteplan;" in desktop
    mime = (data / "mime" / "packages" / "siteplanner.xml").read_text()
    assert 'type="application/x-siteplan"' in mime and '<glob pattern="*.siteplan"/>' in mime
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "siteplanner.png").is_file()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(data / "applications" / "siteplanner.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
    if shutil.which("update-mime-database"):
        # The desktop's database now maps the extension to the type.
        assert "application/x-siteplan" in (data / "mime" / "globs2").read_text()
    launcher = home / ".local" / "bin" / "siteplanner"
    version = subprocess.run(
        [str(launcher), "--version"], env={}, capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("siteplanner ")

    removed = subprocess.run(
        ["sh", str(top / "install.sh"), "--uninstall"], env=env, capture_output=True, check=False
    )
    assert removed.returncode == 0
    assert not exe.exists() and not launcher.exists()
    assert not (data / "applications" / "siteplanner.desktop").exists()

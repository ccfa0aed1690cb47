"""A built wheel, installed on its own, runs ``check`` and ``signs`` from outside the source tree.

The wheel is built from a copy of the project's files (so the checkout stays clean) and installed
into a fresh virtual environment. Its dependencies come from the development environment through
a ``.pth`` line — what ``--system-site-packages`` does for a system Python — so the test needs no
download; the development environment's own SitePlanner is an editable install, which a ``.pth``
path does not activate, so only the wheel's copy can be imported.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("siteplanner", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)

    wheels = base / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        cwd=base,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("siteplanner-*.whl")

    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base
        ).stdout.strip()
    )
    (purelib / "_dev_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # --no-deps: the dependencies are checked below with `pip check`, never fetched.
    inst = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--ignore-installed", "--no-index", str(wheel)],
        cwd=base,
    )  # fmt: skip
    assert inst.returncode == 0, inst.stderr

    outside = base / "elsewhere"
    outside.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(base),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    return {"wheel": wheel, "venv": venv, "python": python, "purelib": purelib,
            "cwd": outside, "env": env}  # fmt: skip


def _siteplanner(installed: dict, *args: str):
    exe = installed["venv"] / "bin" / "siteplanner"
    return _run([str(exe), *args], cwd=installed["cwd"], env=installed["env"])


def test_the_wheel_carries_the_resources(installed: dict) -> None:
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for shipped in (
        "siteplanner/_resources/samples/office.siteplan",
        "siteplanner/_resources/fonts/wqy-microhei.ttc",
        "siteplanner/_resources/fonts/wqy-microhei-COPYRIGHT.txt",
        "siteplanner/_resources/schema/siteplan.schema.json",
        "siteplanner/_resources/catalogue/cameras.json",
        "siteplanner/_resources/translations/siteplanner_zh_CN.qm",
        "siteplanner/_resources/icons/siteplanner-64.png",
        "siteplanner/compliance/packs/cn-2025.json",
    ):
        assert shipped in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_installed_package_reads_its_own_resources(installed: dict) -> None:
    probe = _run(
        [str(installed["python"]), "-c",
         "import siteplanner, siteplanner.resources as r;"
         "print(siteplanner.__file__); print(r.resources_dir()); print(r.sample_plan_path())"],
        cwd=installed["cwd"], env=installed["env"],
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    package, folder, sample = (Path(line) for line in probe.stdout.splitlines())
    purelib = installed["purelib"].resolve()
    assert package.resolve().is_relative_to(purelib / "siteplanner")
    assert folder.resolve() == purelib / "siteplanner" / "_resources"
    assert sample.is_file()
    assert not folder.resolve().is_relative_to(ROOT)

    deps = _run([sys.executable, "-m", "pip", "--python", str(installed["python"]), "check"],
                cwd=installed["cwd"])  # fmt: skip
    assert deps.returncode == 0, deps.stdout + deps.stderr


def test_version_comes_from_pyproject(installed: dict) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    result = _siteplanner(installed, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"siteplanner {version}"


def test_installed_check_runs_the_shipped_sample(installed: dict) -> None:
    result = _siteplanner(installed, "check")
    assert result.returncode == 1, result.stderr  # the sample has error findings on purpose
    assert "Traceback" not in result.stderr
    assert "office.siteplan" in result.stdout
    assert re.search(r"^\d+ errors, \d+ warnings, \d+ notes$", result.stdout, re.M)
    assert "PRIVATE_SPACE_COVERED" in result.stdout


def test_installed_signs_prints_a_pdf_with_the_embedded_font(installed: dict) -> None:
    pdf = installed["cwd"] / "signs.pdf"
    result = _siteplanner(installed, "signs", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    # The page tree as ReportLab writes it; poppler, where installed, reads it independently.
    pages = int(re.search(rb"/Count (\d+) /Kids", data).group(1))
    assert pages >= 1
    assert b"/FontFile2" in data and b"WenQuanYiMicroHei" in data
    if shutil.which("pdfinfo") and shutil.which("pdffonts"):
        info = _run(["pdfinfo", str(pdf)], cwd=installed["cwd"]).stdout
        assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == pages
        fonts = _run(["pdffonts", str(pdf)], cwd=installed["cwd"]).stdout
        row = next(line for line in fonts.splitlines() if "WenQuanYi" in line)
        assert row.split()[-5] == "yes"  # the "emb" column: the font travels inside the PDF

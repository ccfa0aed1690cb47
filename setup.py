"""Packages for setuptools; everything else is declared in pyproject.toml.

The top-level ``resources/`` folder is installed as ``siteplanner._resources`` (the mapping is
``[tool.setuptools.package-dir]``). Declarative package discovery cannot list a package whose
folder lies outside the package tree, so the list is built here.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = "siteplanner._resources"

setup(
    packages=[
        *find_packages(include=["siteplanner", "siteplanner.*"]),
        RESOURCES,
        # The data subfolders too: setuptools warns about folders it would ship without listing.
        *(f"{RESOURCES}.{name}" for name in find_namespace_packages(where="resources")),
    ],
)

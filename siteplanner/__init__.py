"""SitePlanner: plan security cameras, prove what each sees, print the signs the rules ask for."""

from importlib.metadata import PackageNotFoundError, version

try:
    # One place for the version: pyproject.toml, read back from the installed metadata (the
    # frozen bundle carries that metadata too).
    __version__ = version("siteplanner")
except PackageNotFoundError:  # a bare source tree on sys.path, never installed
    __version__ = "0+unknown"

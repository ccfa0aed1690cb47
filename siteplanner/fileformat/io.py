"""Load, validate, migrate and save ``.siteplan`` files.

Every problem is reported as a :class:`PlanFileError` that names the file and, for a bad value,
the field path (``levels[0].cameras[3].height_m``), so that no caller ever shows a traceback.
"""

from __future__ import annotations

import errno
import gc
import glob
import json
import os
import re
import shutil
import stat
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from siteplanner.model import FORMAT_NAME, FORMAT_VERSION, MissingOptics, Plan, resolve_optics

# Files above this size are not plans; refuse them before reading them into memory.
# (A plan of that size already takes several hundred MB once decoded: the largest sites write
# under a quarter of it.)
MAX_FILE_BYTES = 64 * 1024 * 1024


# How much of a value an error message quotes, and how long a message may get in all: a
# hostile file must not turn one line of error into megabytes on the user's terminal.
QUOTE_CHARS = 80
MESSAGE_CHARS = 400
# Characters never written raw into a message: controls, format characters (the bidi
# overrides and isolates among them), surrogates, private use, unassigned, line separators.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def printable(text: str) -> str:
    """``text`` with every control, bidi or otherwise invisible character escaped (\\u202e)."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) in _HIDDEN or ch == "\x7f":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def clip(value: object, limit: int = QUOTE_CHARS) -> str:
    """At most ``limit`` characters of ``value``, escaped, saying how long it really is."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        return printable(text[:limit]) + f"… ({len(text)} characters)"
    return printable(text)


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """A value quoted in a message: ``'abc'``, clipped and escaped."""
    return f"'{clip(value, limit)}'"


def bounded(text: str, limit: int = MESSAGE_CHARS) -> str:
    """A message of at most about ``limit`` characters, escaped (see :func:`printable`)."""
    # Keep the start (what and where) and the end (the "and N more problems" note).
    if len(text) > limit:
        tail = limit // 4
        return printable(text[: limit - tail]) + " … " + printable(text[-tail:])
    return printable(text)


class PlanFileError(Exception):
    """A plan that cannot be used, with the file and the field path it concerns."""

    def __init__(self, file: str | os.PathLike[str] | None, message: str, field: str = "") -> None:
        # Every part may hold text from the file (a key, an id): escaped and bounded here.
        self.file = bounded(os.fsdecode(file), MESSAGE_CHARS) if file is not None else ""
        self.field = bounded(field, MESSAGE_CHARS // 2)
        self.message = bounded(message, MESSAGE_CHARS)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.field}: {self.message}" if self.field else f"{where}{self.message}"


def field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + clip(part, 40)
    return out


_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda c: "is required",
    "greater_than": lambda c: f"must be a number > {c['gt']:g}",
    "greater_than_equal": lambda c: f"must be a number >= {c['ge']:g}",
    "less_than": lambda c: f"must be a number < {c['lt']:g}",
    "less_than_equal": lambda c: f"must be a number <= {c['le']:g}",
    "string_type": lambda c: "must be a text string",
    "bool_type": lambda c: "must be true or false",
    "list_type": lambda c: "must be a list",
    "tuple_type": lambda c: "must be a list",
    "model_type": lambda c: "must be an object {...}",
    "dict_type": lambda c: "must be an object {...}",
    "model_attributes_type": lambda c: "must be an object {...}",
    "too_short": lambda c: f"must have {c.get('min_length', '?')} items",
    "too_long": lambda c: f"must have {c.get('max_length', '?')} items",
    "literal_error": lambda c: f"must be one of {c.get('expected', '')}",
    "int_type": lambda c: "must be a whole number",
    "float_type": lambda c: "must be a number",
    "finite_number": lambda c: "must be a finite number",
    "duplicate_id": lambda c: f"{c['path']}: duplicate id {clip(c['id'])} (also at {c['first']})",
}


def _describe(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind in _MESSAGES:
        try:
            return _MESSAGES[kind](ctx)
        except (KeyError, TypeError, ValueError):
            pass
    return str(err.get("msg", "is not valid"))


def _validation_error(file: str, exc: ValidationError) -> PlanFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first.get("loc", ()))
    if first.get("type") == "duplicate_id":
        # Found by the whole plan's check, which knows the field path of both places.
        ctx = first.get("ctx") or {}
        return PlanFileError(
            file, f"duplicate id {ctx['id']} (also at {ctx['first']})", ctx["path"]
        )
    # Tuple-typed values (points) report an index inside the tuple; that is still the field.
    message = _describe(first)
    extra = (
        f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        if len(errors) > 1
        else ""
    )
    return PlanFileError(file, message + extra, field_path(loc))


# Migrations from an older version to the next: {old_version: function(dict) -> dict}.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(data: dict[str, Any], file: str = "") -> dict[str, Any]:
    version = data.get("version", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise PlanFileError(file, "must be a whole number", "version")
    if version > FORMAT_VERSION:
        raise PlanFileError(
            file,
            f"the file is format version {version}, newer than this program reads "
            f"(up to {FORMAT_VERSION}); update SitePlanner to open it",
            "version",
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanFileError(
                file, f"format version {version} is not one SitePlanner knows", "version"
            )
        data = step(dict(data))
        version += 1
        data["version"] = version
    return data


def _constant(name: str) -> float:
    # Python's json reads Infinity/NaN; let validation name the field that holds one.
    return float(name.replace("Infinity", "inf"))


def parse_json(text: str, file: str = "") -> Any:
    try:
        return json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            file, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise PlanFileError(file, f"not valid JSON ({exc})") from None


def plan_from_data(data: Any, file: str = "") -> Plan:
    """Validate decoded JSON as a plan, migrating older versions."""
    if not isinstance(data, dict):
        raise PlanFileError(file, "not a SitePlanner plan (the file is not a JSON object)")
    fmt = data.get("format")
    if fmt is None and "levels" not in data:
        raise PlanFileError(file, 'not a SitePlanner plan (no "format": "siteplanner" key)')
    if fmt is not None and fmt != FORMAT_NAME:
        raise PlanFileError(
            file,
            f'not a SitePlanner plan (format is {quote(fmt)}, expected "{FORMAT_NAME}")',
            "format",
        )
    data = migrate(data, file)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(file, exc) from None
    except RecursionError:
        raise PlanFileError(file, "the file is nested too deeply to be a plan") from None
    check_references(plan, file)
    return plan


def check_references(plan: Plan, file: str = "") -> None:
    """Checks across objects: camera models and optics that only exist after merging."""
    model_ids = set()
    for i, model in enumerate(plan.camera_models):
        if model.id in model_ids:
            raise PlanFileError(file, f"duplicate id {quote(model.id)}", f"camera_models[{i}].id")
        model_ids.add(model.id)
    for li, level in enumerate(plan.levels):
        for ci, camera in enumerate(level.cameras):
            try:
                resolve_optics(plan, camera)
            except MissingOptics as exc:
                message = str(exc)
                if exc.field == "model":
                    message = f"unknown camera model {quote(camera.model)}"
                raise PlanFileError(
                    file, message, f"levels[{li}].cameras[{ci}].{exc.field}"
                ) from None


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: validating a large plan allocates tens of thousands
    of objects, none of them garbage, and the collector would scan them again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def loads_plan(text: str | bytes, file: str = "") -> Plan:
    with _no_cyclic_gc():
        return _loads_plan(text, file)


def _loads_plan(text: str | bytes, file: str = "") -> Plan:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanFileError(
                file, "not a SitePlanner plan (the file is not UTF-8 text; is it a binary file?)"
            ) from None
    if "\x00" in text:
        raise PlanFileError(file, "not a SitePlanner plan (the file holds binary data)")
    data = parse_json(text, file)
    # A lone surrogate can only come from a \\uD800-style escape: look for one in the text (fast)
    # before looking for the field that holds it (slow).
    if _SURROGATE_ESCAPE.search(text):
        check_text(data, file)
    return plan_from_data(data, file)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _unencodable(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_text(data: Any, file: str = "") -> None:
    """Refuse text no file, terminal or PDF can hold (lone surrogates, as \\ud800 in JSON),
    naming the field, before it reaches anything that writes it."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, loc = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(key, str) and _unencodable(key):
                raise PlanFileError(
                    file, "a key holds text that is not valid Unicode", field_path(loc)
                )
            if isinstance(value, str):
                if _unencodable(value):
                    raise PlanFileError(
                        file,
                        "holds text that is not valid Unicode (a lone surrogate such as \\ud800)",
                        field_path((*loc, key)),
                    )
            elif isinstance(value, (dict, list)):
                stack.append((value, (*loc, key)))


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not one to read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ``ValueError`` saying why not
    otherwise (a folder, device, pipe or socket, or too large), ``OSError`` when it cannot be
    read.

    The file is opened without blocking (a pipe would wait for a writer forever) and checked
    once open, so that nothing swapped in after a look at the name is read; reading stops at
    the cap whatever the file claims its size to be."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        problem = not_regular(st.st_mode)
        if problem is not None:
            raise ValueError(problem)
        if st.st_size > max_bytes:
            raise ValueError(
                f"the file is {st.st_size / 1e6:.0f} MB, more than {max_bytes / 1e6:.0f} MB"
            )
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise ValueError(f"the file is more than {max_bytes / 1e6:.0f} MB")
        return b"".join(chunks)
    finally:
        os.close(fd)


# Background images above this are not drawings: refuse them before an image reader tries.
MAX_IMAGE_BYTES = 256 * 1024 * 1024


def image_file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why a background image file cannot be read (a folder, device, pipe or socket, too
    large, missing), or None. Image readers open files by name and would wait on a pipe."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "file not found"
    except OSError as exc:
        return str(exc.strerror or exc)
    problem = not_regular(st.st_mode)
    if problem is None and st.st_size > MAX_IMAGE_BYTES:
        problem = f"the file is {st.st_size / 1e6:.0f} MB, too large for a background image"
    return problem


def load_plan(path: str | os.PathLike[str]) -> Plan:
    file = str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except ValueError as exc:
        reason = str(exc)
        if reason.startswith("the file is"):
            reason += ", too large to be a plan"
        raise PlanFileError(file, reason) from None
    except FileNotFoundError:
        raise PlanFileError(file, "file not found") from None
    except IsADirectoryError:
        raise PlanFileError(file, "is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(file, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise PlanFileError(file, f"cannot be read ({exc.strerror or exc})") from None
    return loads_plan(raw, file)


def plan_to_data(plan: Plan) -> dict[str, Any]:
    # Every value is written, defaults included: a list built up in place (walls appended to a
    # new level) is then never mistaken for an untouched default and left out. Absent optional
    # values (None) stay absent.
    data = plan.model_dump(mode="json", exclude_none=True)
    # Always write the header so that the file identifies itself.
    head = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    data.pop("format", None)
    data.pop("version", None)
    return {**head, **data}


def dumps_plan(plan: Plan) -> str:
    return json.dumps(plan_to_data(plan), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# How long a save waits for another save of the same folder before going ahead unlocked.
SAVE_LOCK_WAIT_S = 5.0
# Without the folder lock, a temporary file this old is debris from a killed save, not a save
# in progress.
STALE_TEMPORARY_S = 3600.0


@contextmanager
def _folder_lock(directory: Path) -> Iterator[bool]:
    """Serialise saves into ``directory`` between processes (an advisory ``flock`` on the
    folder itself, released by the kernel when a saving process dies); True when held."""
    try:
        import fcntl
    except ImportError:  # not POSIX: go ahead unlocked
        yield False
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + SAVE_LOCK_WAIT_S
        held = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.002)
            except OSError:  # a file system without flock
                break
        yield held
    finally:
        os.close(fd)  # closing releases the lock


def _temporary_name(target: Path) -> str:
    return f".{target.name}."


def _remove_stray_temporaries(target: Path, locked: bool) -> None:
    """Delete the temporary files that killed saves of ``target`` left behind. Under the
    folder lock no other save is running, so all of them are debris; otherwise only old ones."""
    now = time.time()
    pattern = glob.escape(_temporary_name(target)) + "*.tmp"
    for stray in target.parent.glob(pattern):
        try:
            st = stray.lstat()
            if stat.S_ISREG(st.st_mode) and (locked or now - st.st_mtime > STALE_TEMPORARY_S):
                stray.unlink()
        except OSError:
            pass


def _resolve_target(path: Path) -> Path:
    """The file a save must write: through symbolic links, so that a link stays a link."""
    seen = 0
    while path.is_symlink() and seen < 40:
        link = Path(os.readlink(path))
        path = link if link.is_absolute() else path.parent / link
        seen += 1
    return path


def _refuse_unwritable(target: Path, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a plan file")
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "it is not a regular file")
    # Mode bits, not just access(): the administrator may write anything, yet a file made
    # read-only says "do not change me".
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        target, os.W_OK
    ):
        raise PermissionError(errno.EACCES, "the file is read-only")


def _keep_backup(target: Path) -> None:
    """Make ``NAME.bak`` the current ``target`` by a rename, so that a ``.bak`` exists at every
    moment and the live file is never opened for writing."""
    backup = target.with_name(target.name + ".bak")
    fd, tmp = tempfile.mkstemp(prefix=_temporary_name(target), suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        os.unlink(tmp)
        try:
            os.link(target, tmp)  # a hard link: no copy, no window without a backup
        except OSError:
            # Without hard links, copy into a fresh file (never into one that may share the
            # live file's inode).
            shutil.copy2(target, tmp)
        os.replace(tmp, backup)
        # rename() does nothing when both names already link the same file (the backup of a
        # save that was killed before its last step): the temporary name is then still there.
        if os.path.lexists(tmp):
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``text`` so that any reader, a second writer or a kill at any
    moment sees either the old file or the new one, complete.

    The previous version is first made ``.bak``; the text goes to a temporary file beside the
    target, is flushed to disk and renamed over it. A symbolic link is followed (the file it
    points to is written); a read-only file or a folder is refused with an ``OSError``."""
    target = _resolve_target(Path(path))
    directory = target.parent if str(target.parent) else Path(".")
    data = text.encode("utf-8")
    with _folder_lock(directory) as locked:
        _remove_stray_temporaries(target, locked)
        try:
            st: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None:
            _refuse_unwritable(target, st)
            mode = st.st_mode & 0o777
            if keep_backup:
                _keep_backup(target)
        else:
            # mkstemp makes the file private; a new plan gets the usual permissions.
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        fd, tmp = tempfile.mkstemp(prefix=_temporary_name(target), suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.chmod(tmp, mode)
            except OSError:
                pass
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        _fsync_dir(directory)


def save_plan(plan: Plan, path: str | os.PathLike[str], keep_backup: bool = True) -> None:
    try:
        text = dumps_plan(plan)
    except ValueError as exc:
        raise PlanFileError(path, f"cannot be saved: {exc}") from None
    try:
        atomic_write_text(path, text, keep_backup=keep_backup)
    except UnicodeEncodeError as exc:  # a lone surrogate: nothing was written
        raise PlanFileError(path, f"cannot be saved: {exc.reason} in the text") from None
    except OSError as exc:
        raise PlanFileError(path, f"cannot be saved ({exc.strerror or exc})") from None

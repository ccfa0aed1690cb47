"""Writing a document so that it appears whole or not at all.

``replacing(out)`` yields a temporary path beside ``out`` (same suffix, so writers that look at
it still work) and renames it over ``out`` only when the block ends normally: a report or export
that fails, is cancelled or interrupted (Ctrl-C) leaves no partial file, and whatever ``out``
held before is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(out: str | os.PathLike[str]) -> Iterator[Path]:
    target = Path(out)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent or Path(".")
    )
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


__all__ = ["replacing"]

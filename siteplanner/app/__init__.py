"""The desktop editor (the only package that imports Qt)."""

import sys

if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
    import ctypes

    # PySide6 6.12 returns None from every void method without a new reference, so each call
    # takes one reference from None; a few thousand scene updates then abort the interpreter
    # ("deallocating None"). Python 3.12+ makes None immortal; give 3.11 the same guarantee.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40

"""One lock for every use of PDFium (pypdfium2).

PDFium must not be called from two threads at once, not even on different documents, and
pypdfium2 frees what is left open from finalizers that run on whichever thread collects them.
So each use takes ``LOCK`` and closes everything it opened (bitmaps too) before letting go; an
image handed out is a copy, not a view of PDFium's memory."""

from __future__ import annotations

import threading

LOCK = threading.RLock()

__all__ = ["LOCK"]

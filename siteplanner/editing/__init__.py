"""The editing layer, without Qt: what the editor, the DXF import and the placement share.

- :mod:`~siteplanner.editing.registry` — the plan's collections (class, id prefix, geometry field);
- :class:`~siteplanner.model.ids.IdAllocator` — the one allocator of plan-wide unique ids;
- :mod:`~siteplanner.editing.snapping` — the snapping index (vertices, wall centre lines and
  faces in STRtrees), grid snapping and the 45° constraint;
- :mod:`~siteplanner.editing.factories` — new walls, openings, zones, cameras (on a wall's face)
  and signs, with the defaults of :mod:`~siteplanner.editing.defaults`;
- :mod:`~siteplanner.editing.clipboard` — copy and paste as data, with fresh ids;
- :mod:`~siteplanner.editing.calibration` — a background image's pixel ↔ plan maths.
"""

from siteplanner.editing.defaults import DEFAULTS, Defaults
from siteplanner.editing.registry import REGISTRY, Collection, Found, collection, collection_of
from siteplanner.editing.snapping import Snap, SnapIndex, SnapIndexCache, WallHit
from siteplanner.model.ids import IdAllocator

__all__ = [
    "DEFAULTS",
    "REGISTRY",
    "Collection",
    "Defaults",
    "Found",
    "IdAllocator",
    "Snap",
    "SnapIndex",
    "SnapIndexCache",
    "WallHit",
    "collection",
    "collection_of",
]

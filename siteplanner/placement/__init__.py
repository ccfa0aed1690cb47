"""Automatic camera placement: cover each collection zone at its required density with as few
cameras as possible, none of which sees into (or stands in) a private zone.

Candidates (:mod:`~siteplanner.placement.candidates`) are mounts on the wall faces by the editor's
wall-face rule, their corners, and ceiling points over the collection zones, at sampled heights,
pans, tilts, models and focal lengths; the exact coverage engine decides what each mount sees and
rules out every candidate whose view meets a private zone. Sample points (cells cut to each zone,
weighted by area) stand for the zones. The choice (:mod:`~siteplanner.placement.solver`) is a
partial set cover: a greedy warm start, then a MILP. The result is checked by the full analysis
and rule pack; a camera the check faults is banned and a zone the samples overrated asks for a
little more, and the cover is solved again.

Solver: HiGHS through ``highspy`` (MIT, one wheel, ~3 MB). It takes a warm start
(``setSolution``), a time limit, reports its dual bound and gap, and calls back on each better
solution — what the command line and the editor need. ``scipy.optimize.milp`` runs the same HiGHS
but without a warm start or callbacks, and scipy (~40 MB) is not otherwise a dependency.
"""

from siteplanner.placement.candidates import Candidate, Offer
from siteplanner.placement.engine import (
    PlacementError,
    PlacementResult,
    PlaceOptions,
    ZoneOutcome,
    offers_for,
    place,
)

__all__ = [
    "Candidate",
    "Offer",
    "PlaceOptions",
    "PlacementError",
    "PlacementResult",
    "ZoneOutcome",
    "offers_for",
    "place",
]

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
(``setSolution``), a time limit, reports its dual bound and gap, calls back on each better
solution and lets a callback stop it once no choice with fewer cameras can exist — what the
command line and the editor need. ``scipy.optimize.milp`` runs the same HiGHS without a warm
start, callbacks or an early stop, and scipy (~40 MB) is not otherwise a dependency (it was not
measured). Figures on the shared 2-core machine, under load (``bench/place_bench.py``): the
six-room office, 2,838 candidates and 3,694 points: greedy 12 cameras, HiGHS 8 with a proven bound
of 8 (gap 0 %) in 41 s, 13 s of it candidates; the 60 x 40 m open plan, 6,410 candidates: greedy
11, HiGHS 9 at the 120 s limit, bound 3 (from the zones; HiGHS had none yet); the 100-room level,
17,569 candidates and 47,610 points: greedy 92, HiGHS 90 at a 300 s limit, before its root LP
gave a bound.
"""

from siteplanner.placement.candidates import Candidate, Offer
from siteplanner.placement.engine import (
    PHASES,
    PlacementError,
    PlacementResult,
    PlacementStopped,
    PlaceOptions,
    PlaceProgress,
    ZoneOutcome,
    offers_for,
    place,
)

__all__ = [
    "PHASES",
    "Candidate",
    "Offer",
    "PlaceOptions",
    "PlaceProgress",
    "PlacementError",
    "PlacementResult",
    "PlacementStopped",
    "ZoneOutcome",
    "offers_for",
    "place",
]

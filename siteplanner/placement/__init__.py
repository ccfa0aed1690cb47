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
measured).

Before the MILP, a candidate is dropped when another covers all its points and more at no more
cost, and zones that no candidate links are solved as separate MILPs whose bounds add. On linked
zones the MILP gets 60 % of the time, then two Lagrangian splits (each candidate's cost shared
among the zones it covers, by its largest share or in proportion) give a bound from one small
MILP per zone.

Figures on the shared 2-core machine, under load (``bench/place_bench.py``; the limits are the
whole run's): the six-room office, 2,838 candidates: greedy 12, placed 8, bound 8 (proven) in
31 s; the 60 x 40 m open plan less its shelves, 6,453 candidates: greedy 6, placed 6, bound 3
(one zone: the zone bound) at the 120 s limit; the 100-room level, 17,569 candidates (6,601 of
them dominated): greedy 92, placed 90, bound 64 from the proportional split (the MILP's root LP
gave none), gap 29 %, 503 s of a 600 s limit. Two random offices checked from scratch: 12 and 10
cameras, as many as greedy, bounds 11 and 10, no private view, every zone at its density.
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

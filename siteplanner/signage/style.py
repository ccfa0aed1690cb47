"""The sign sheets' colours and page furniture, shared by the signs and their legend."""

from __future__ import annotations

from siteplanner.drawing.canvas import MM

YELLOW = (1.0, 0.8, 0.0)
BLACK = (0.07, 0.07, 0.07)
RED = (0.80, 0.06, 0.12)
# The facial-recognition band: safety blue. It is a notice, not a prohibition, the meaning that
# GB 2893 and ISO 3864 give to red.
BLUE = (0.0, 0.33, 0.65)
WHITE = (1.0, 1.0, 1.0)
GREY = (0.35, 0.35, 0.35)
GLUE = (0.86, 0.86, 0.86)  # the glue strip of a tile
LABEL = (0.38, 0.3, 0.0)  # dark ochre: labels read as labels next to black values

MARGIN = 10 * MM  # unprinted border most printers need
GUTTER = 10 * MM  # between signs on a sheet: room for the cut marks
MARK = 5 * MM  # length of a cut mark
MARK_GAP = 2 * MM  # gap between a mark and the sign's edge
CAPTION_H = 6 * MM  # room under a sign for its caption line

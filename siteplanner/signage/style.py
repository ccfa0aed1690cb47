"""The sign sheets' colours and page furniture, shared by the signs and their legend."""

from __future__ import annotations

from siteplanner.drawing.canvas import MM, PrintColor

# Each colour: the RGB the screen preview shows, and the CMYK the PDF prints, the same colour
# (the process equivalent of the RGB) so that the preview is what comes off the press. Black is
# the black plate alone (not the 93 % grey of the screen's black): small text and QR modules
# then print sharp, without registration fringes.
YELLOW = PrintColor((1.0, 0.8, 0.0), (0.0, 0.2, 1.0, 0.0))  # safety yellow (ISO 3864-1)
BLACK = PrintColor((0.07, 0.07, 0.07), (0.0, 0.0, 0.0, 1.0))
RED = PrintColor((0.80, 0.06, 0.12), (0.0, 0.925, 0.85, 0.2))
# The facial-recognition band: safety blue. It is a notice, not a prohibition, the meaning that
# GB 2893 and ISO 3864 give to red.
BLUE = PrintColor((0.0, 0.33, 0.65), (1.0, 0.492, 0.0, 0.35))
WHITE = PrintColor((1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0))
GREY = PrintColor((0.35, 0.35, 0.35), (0.0, 0.0, 0.0, 0.65))
GLUE = PrintColor((0.86, 0.86, 0.86), (0.0, 0.0, 0.0, 0.14))  # the glue strip of a tile
# Crop marks and registration targets print on every plate, as marks for the press do.
REGISTRATION = PrintColor((0.0, 0.0, 0.0), (1.0, 1.0, 1.0, 1.0))
# Dark ochre: labels read as labels next to black values.
LABEL = PrintColor((0.38, 0.3, 0.0), (0.0, 0.21, 1.0, 0.62))

MARGIN = 10 * MM  # unprinted border most printers need
GUTTER = 10 * MM  # between signs on a sheet: room for the cut marks
MARK = 5 * MM  # length of a cut mark
MARK_GAP = 2 * MM  # gap between a mark and the sign's edge
CAPTION_H = 6 * MM  # room under a sign for its caption line

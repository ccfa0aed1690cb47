"""Drawing without a GUI toolkit: the ``Canvas`` protocol that signs (and later the site report and
the plan drawing) draw through, its ReportLab implementation, fonts and text layout, QR codes.

The Qt implementation lives in ``siteplanner.app.qt_canvas``; nothing here imports Qt.
"""

"""The shipped resources, installed as the package ``siteplanner._resources``.

This folder stays at the top of the source tree; ``setup.py`` maps it into the package so that a
wheel, an editable install and the frozen bundle all carry it. Read it through
``siteplanner.resources``, never by path.
"""

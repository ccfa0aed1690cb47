"""The desktop editor (the only package that imports Qt)."""

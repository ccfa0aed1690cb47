"""The plan's data for other programs: a CSV camera schedule, GeoJSON and DXF drawings."""
